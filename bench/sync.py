"""Export and import of a peer bundle with ~100,000 changed records, and a re-import.

    python -m bench sync [--records 100000] [--seed 2025]

The sender is filled by ``tracker.domain.demo.populate`` (not timed): households with their
members and movements, and crossing counts, about ``--records`` records in all, each with
its change-log row. Timed: ``export`` (query, compress, encrypt, sign, write), ``import``
(verify, decrypt, check every change's structure and its values against the domain rules,
apply with derived columns, users, audit rows and conflict detection in one transaction), then importing the same file again (refused: already
imported) and a fresh ``--all`` bundle of the same changes (applied: nothing new).
The baseline writes the same final record rows and change-log rows with one plain
executemany per table into a fresh store of the same schema, in one transaction.
"""

from __future__ import annotations

import argparse

from tracker.domain import demo
from tracker import office
from tracker.sync import bundle, identity
from tracker.sync.errors import AlreadyImported

from .common import PASSPHRASE, line, timer, workdir

TABLES = ("locations", "households", "persons", "movements", "crossing_counts")


def _counts(store) -> dict:
    q = store.conn.execute
    out = {t: q(f"SELECT COUNT(*) FROM {t} WHERE created_by != 'shipped'").fetchone()[0] for t in TABLES}
    out["change_log"] = q("SELECT COUNT(*) FROM change_log").fetchone()[0]
    out["audit_log"] = q("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    return out


def _baseline(path, sender) -> tuple[int, float]:
    """The same final rows written with plain executemany: the floor for this schema and file."""
    data = {}
    for t in (*TABLES, "change_log"):
        cur = sender.conn.execute(f"SELECT * FROM {t}" + (" WHERE created_by != 'shipped'" if t in TABLES else ""))
        data[t] = ([d[0] for d in cur.description], cur.fetchall())
    store = office.create(path, PASSPHRASE, organisation="bench")
    n = 0
    with timer() as t:
        with store.atomic():
            for table, (cols, rows) in data.items():
                store.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                       rows)
                n += len(rows)
    store.close()
    return n, t["s"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench sync")
    ap.add_argument("--records", type=int, default=100_000, help="about how many records the bundle carries")
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args(argv)
    work = workdir()
    sender = office.create(work / "sender.dtdb", PASSPHRASE, organisation="bench", device_name="sender")
    receiver = office.create(work / "receiver.dtdb", PASSPHRASE, organisation="bench", device_name="receiver")
    identity.add_peer(sender, identity.own_identity(receiver))
    identity.add_peer(receiver, identity.own_identity(sender))
    # a demo household averages ~5.2 records (itself, ~3.2 members, a movement)
    hh, cc = round(args.records * 0.14), round(args.records * 0.28)
    print(f"filling the sender: {hh:,} households and {cc:,} crossing counts (seed {args.seed}, not timed) …", flush=True)
    with timer() as t_fill:
        demo.populate(sender, households=hh, crossings=cc, seed=args.seed)
    records = sum(v for k, v in _counts(sender).items() if k in TABLES)
    print(f"  {records:,} records in {t_fill['s']:.1f} s")

    path = work / "bundle.dtb"
    with timer() as t_exp:
        exported = bundle.export_bundle(sender, path, for_device="receiver")
    size = path.stat().st_size
    with timer() as t_imp:
        result = bundle.import_bundle(receiver, path)
    after_first = _counts(receiver)
    with timer() as t_replay:
        try:
            bundle.import_bundle(receiver, path)
            replay = "applied?!"
        except AlreadyImported:
            replay = "refused: already imported"
    again = work / "again.dtb"
    bundle.export_bundle(sender, again, for_device="receiver", all_changes=True)
    with timer() as t_again:
        second = bundle.import_bundle(receiver, again)
    after_second = _counts(receiver)
    n_base, s_base = _baseline(work / "baseline.dtdb", sender)
    sender.close()
    receiver.close()

    total = t_exp["s"] + t_imp["s"]
    print(f"export: {exported['changes']:,} changes in {t_exp['s']:.2f} s, file {size / 1e6:.1f} MB "
          "(compressed, encrypted, signed)")
    print(f"import: {result['new']:,} new changes, {result['created']:,} records created in {t_imp['s']:.2f} s")
    print(f"export + import: {total:.2f} s (target < 10 s)")
    print(f"same file again: {replay} in {t_replay['s'] * 1000:.0f} ms")
    print(f"a new bundle of the same {second['received']:,} changes: {second['new']} new, status "
          f"'{second['status']}' in {t_again['s']:.2f} s")
    print("receiver rows after first import : " + ", ".join(f"{k} {v:,}" for k, v in after_first.items()))
    print("receiver rows after re-import    : " + ", ".join(f"{k} {v:,}" for k, v in after_second.items()))
    print(line("records+changes written per second (import)", (result["created"] + result["new"]) / t_imp["s"],
               n_base / s_base, "rows/s"))
    print(f"  baseline: {n_base:,} rows in {s_base:.2f} s, plain executemany of the same final rows")
    return 0 if after_first == after_second and result["new"] == exported["changes"] else 1
