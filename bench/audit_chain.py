"""What the audit chain costs on the bulk write path, and how long ``dtrack check`` takes to walk it.

    python -m bench audit_chain [--rows 100000]

"Ours" writes crossing-count rows with ``records.bulk_write`` (records, change-log rows, chained audit
rows) in one transaction. The baseline is the same call into a second, identical store with the chain's
hashing taken out (each audit row then gets no hashes), measured in the same run. Then the whole chain
is verified as ``dtrack check`` does.
"""

from __future__ import annotations

import argparse
import random
import time

from tracker import office
from tracker.domain import crossings
from tracker.store import audit_chain, records

from .common import PASSPHRASE, line, timer, workdir

BASE = {"counted_at": "2025-03-09T10:00", "crossing_pcode": "XLB-ABD", "direction": "in", "nationality": "SYR"}


def _rows(store, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        r = {**BASE, "counted_at": f"2025-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00",
             "m_18_59": rng.randint(1, 9), "f_18_59": rng.randint(0, 9), "source_id": f"b-{i}"}
        r.update(crossings.derived(r, store.locations()))
        out.append(r)
    return out


def _write(store, rows) -> float:
    user_cols, prepared = records.bulk_rows("crossing_counts", rows, records.columns(store, "crossing_counts"))
    with timer() as t:
        with store.atomic():
            records.bulk_write(store, "crossing_counts", user_cols, prepared, action="bench")
    return t["s"]


def _unhashed(prev, rows):
    return [(*row, None, None) for row in rows], prev


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench audit_chain")
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args(argv)
    work = workdir()
    ours = office.create(work / "ours.dtdb", PASSPHRASE, policy=False)
    base = office.create(work / "base.dtdb", PASSPHRASE, policy=False)
    rows = _rows(ours, args.rows, args.seed)
    print(f"{args.rows:,} crossing counts, one bulk write each (records, change log, audit rows) …")
    t_ours = _write(ours, [dict(r) for r in rows])
    real_link = audit_chain.link
    audit_chain.link = _unhashed
    try:
        t_base = _write(base, [dict(r) for r in rows])
    finally:
        audit_chain.link = real_link
    print(line("bulk write with the audit chain", args.rows / t_ours, args.rows / t_base, "rows/s"))
    print(f"  chain cost: {(t_ours - t_base) / args.rows * 1e6:+.1f} µs per row "
          f"({t_ours:.2f} s with, {t_base:.2f} s without)")
    sample = [(None, "d", "u", "bench", "crossing_counts", str(i), None, i, None) for i in range(args.rows)]
    cpu = time.process_time()
    audit_chain.link(audit_chain.GENESIS, sample)
    cpu = time.process_time() - cpu  # CPU time: what a busy machine's other programs do not inflate
    print(f"  hashing alone: {cpu / args.rows * 1e6:.1f} µs of CPU per row")
    n = ours.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with timer() as t_check:
        result = audit_chain.verify(ours.conn)
    assert result["ok"]
    print(f"verify the chain (dtrack check): {n:,} rows in {t_check['s']:.2f} s "
          f"({n / t_check['s']:,.0f} rows/s)")
    ours.close()
    base.close()
    return 0
