"""Speed of duplicate matching on a large office database (run through ``python -m bench matching
--entry|--bulk [--households N]``; not a benchmark of its own).

The database is filled by the demo generator (``dtrack demo``'s path, about 5 persons per
household), then the index catches up with the change log (timed: what the first check after a
large import costs). Entry: p95 of ``check_person`` for 200 persons typed as they are stored,
beside the baseline of one primary-key read of a person. Bulk: ``duplicates`` over persons
and households, beside the baseline of reading every blocking key once.
"""

from __future__ import annotations

import random
import time

from tracker import office
from tracker.domain import demo
from tracker.matching import candidates, index

from .common import PASSPHRASE, median, p95, workdir


def run(households: int, *, entry: bool, bulk: bool, seed: int = 7) -> int:
    path = workdir() / "matching.dtdb"
    store = office.create(path, PASSPHRASE)
    t = time.perf_counter()
    with store.atomic():
        people, _ = demo.insert_generated(store, random.Random(seed), households, chunk=5000, action="bench")
    print(f"generated {households:,} households, {people:,} persons in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    n = index.refresh(store)
    print(f"index catch-up: {n:,} records in {time.perf_counter() - t:.1f} s")
    conn = store.conn
    if entry:
        _entry(conn)
    if bulk:
        for tbl in ("households", "persons"):
            t = time.perf_counter()
            base = sum(1 for _ in conn.execute("SELECT key, record_id FROM match_keys WHERE tbl = ? ORDER BY key", (tbl,)))
            t_base = time.perf_counter() - t
            t = time.perf_counter()
            pairs = sum(1 for _ in candidates.duplicates(conn, tbl))
            took = time.perf_counter() - t
            print(f"bulk {tbl:10}: {pairs:,} pairs in {took:.1f} s (baseline: reading its {base:,} keys {t_base:.1f} s)")
    store.close()
    return 0


def _entry(conn) -> None:
    rng = random.Random(1)
    total = conn.execute("SELECT max(rowid) FROM persons").fetchone()[0]
    cols = None
    typed = []
    while len(typed) < 200:
        cur = conn.execute("SELECT p.*, h.registration_date, h.origin_pcode FROM persons p "
                           "JOIN households h ON h.id = p.household_id WHERE p.rowid = ?", (rng.randint(1, total),))
        row = cur.fetchone()
        if row:
            cols = cols or [d[0] for d in cur.description]
            typed.append(dict(zip(cols, row)))
    ours, base, found = [], [], 0
    for rec in typed:
        t = time.perf_counter()
        conn.execute("SELECT * FROM persons WHERE id = ?", (rec["id"],)).fetchall()
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        got = candidates.check_person(conn, {k: v for k, v in rec.items() if k != "id"})
        ours.append(time.perf_counter() - t)
        found += any(c.id == rec["id"] for c in got)
    print(f"entry check, {len(typed)} persons: p95 {p95(ours) * 1000:.1f} ms, median {median(ours) * 1000:.1f} ms "
          f"(baseline: one person read by id, p95 {p95(base) * 1000:.2f} ms); the stored record was "
          f"among the candidates {found}/{len(typed)} times")
