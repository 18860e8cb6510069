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

The cost of origin signatures is measured apart: signing the sender's changes (done by the
first export; timed here before it) and verifying them (part of the import; timed again on
the same payload). Last, a decompression bomb from a trusted peer (``--bomb-mib`` MiB of zeros
in about 1 KB per MiB) is imported: the time and the peak memory (tracemalloc) of its refusal,
next to inflating the real bundle's payload.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tracemalloc
import zlib

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tracker.domain import demo
from tracker import office
from tracker.sync import attest, bundle, envelope, identity, opening
from tracker.sync.errors import AlreadyImported, BundleTooLarge

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


def _bomb_file(path, signer, recipient, mib: int) -> int:
    """A bundle whose payload is ``mib`` MiB of zeros deflated (after a full flush each MiB compresses
    to the same block), signed by a trusted peer: what a hostile program on its device could write."""
    c = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    deflated = first + (c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)) * (mib - 2) + c.compress(zeros) + c.flush()
    me, to = identity.own_identity(signer), identity.own_identity(recipient)
    key, nonce = AESGCM.generate_key(bit_length=256), os.urandom(12)
    wrapped = envelope._SUITE.encrypt(key, X25519PublicKey.from_public_bytes(identity.unb64(to["box_key"])),
                                      info=envelope._info(to["device_id"]))
    header = json.dumps({"created_at": "2025-03-10T00:00:00Z", "compression": "zlib",
                         "encryption": {"algorithm": envelope.ALGORITHM, "nonce": identity.b64(nonce), "recipients": [
                             {"device_id": to["device_id"], "wrapped_key": identity.b64(wrapped)}]}}).encode()
    fixed = envelope._FIXED.pack(envelope.MAGIC, envelope.FORMAT_VERSION, 1, me["device_id"].encode(),
                                 identity.unb64(me["sign_key"]), identity.unb64(me["box_key"]), len(header),
                                 len(deflated) + 16)
    body = fixed + header + AESGCM(key).encrypt(nonce, deflated, fixed + header)
    path.write_bytes(body + identity.signing_key(signer).sign(envelope._SIG_CONTEXT + hashlib.sha256(body).digest()))
    return path.stat().st_size


def _bomb(work, sender, receiver, mib: int) -> str:
    path = work / "bomb.dtb"
    size = _bomb_file(path, sender, receiver, mib)
    tracemalloc.start()
    with timer() as t:
        try:
            bundle.import_bundle(receiver, path)
            outcome = "IMPORTED?!"
        except BundleTooLarge:
            outcome = "refused"
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    cap = envelope.inflate_limit(size)
    return (f"bomb: {size / 1e6:.1f} MB file inflating to {mib:,} MiB: {outcome} in {t['s'] * 1000:.0f} ms, "
            f"peak {peak / 2**20:.0f} MiB traced (cap {cap / 2**20:.0f} MiB, inflated once to count, never kept)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench sync")
    ap.add_argument("--records", type=int, default=100_000, help="about how many records the bundle carries")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--bomb-mib", type=int, default=4096, help="size of the decompression bomb, inflated (MiB)")
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
    with timer() as t_sign:
        with sender.atomic():
            signed = attest.sign_own(sender)  # what the first export does before writing
    with timer() as t_exp:
        exported = bundle.export_bundle(sender, path, for_device="receiver")
    size = path.stat().st_size
    with timer() as t_imp:
        result = bundle.import_bundle(receiver, path)
    after_first = _counts(receiver)
    env, peer = opening.open_bundle(receiver, path, "changes")
    with timer() as t_inflate:
        payload = opening.payload(receiver, env)
    meta, *lines = payload.split(b"\n")
    meta = json.loads(meta)
    with timer() as t_verify:
        attest.verify(receiver, meta, lines, sender_id=env.sender_id, sender_key=peer["sign_key"],
                      file_name=path.name, names={})
    del payload, lines
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
    bomb = _bomb(work, sender, receiver, args.bomb_mib)
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
    print(f"origin signatures: signing {signed:,} changes in {len(meta['batches'])} batches {t_sign['s']:.2f} s "
          f"(before the export above), verifying them {t_verify['s']:.2f} s (part of the import above)")
    print(f"the real bundle's payload: {size / 1e6:.1f} MB decrypted and inflated (twice: counted, then kept) "
          f"in {t_inflate['s'] * 1000:.0f} ms")
    print(bomb)
    return 0 if after_first == after_second and result["new"] == exported["changes"] else 1
