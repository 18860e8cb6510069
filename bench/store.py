"""Bulk insert into the encrypted store vs. a plain executemany of the same rows.

    python -m bench store [--households 200000] [--seed 2025]

"Ours" is ``dtrack demo``'s path for the households: generating them with the demo
generator, validation, derived columns (ages, counts, normalised search names), the
FTS index, change-log and audit rows, in one transaction; from 5,000 households on
the generating and checking run in a second process while this one writes. Ours thus
also pays for generating the rows. The baseline inserts the same final record rows
(copied out of our file, not timed) with one executemany per table into a fresh
encrypted file with the same pragmas, in one transaction.
"""

from __future__ import annotations

import argparse
import random

from tracker.domain import demo
from tracker import office

from .common import PASSPHRASE, baseline_connection, line, timer, workdir


def _ours(store, households: int, seed: int) -> tuple[int, int]:
    """The store's bulk path, exactly as ``dtrack demo`` runs it. Returns (record rows, people)."""
    with store.atomic():
        people, _ = demo.insert_generated(store, random.Random(seed), households, chunk=5000, action="bench")
    rows = store.conn.execute("SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM persons) "
                              "+ (SELECT count(*) FROM movements)").fetchone()[0]
    return rows, people


RECORDS = ("households", "persons", "movements")


def _baseline(path, store, tables=RECORDS) -> tuple[int, float]:
    """Copy the final rows of ``tables`` out of our store and executemany them into a fresh encrypted
    file (tables only: no indexes, triggers or search index). Returns the record rows and the seconds."""
    conn = baseline_connection(path)
    marks = ", ".join("?" * len(tables))
    schema_sql = [r[0] for r in store.conn.execute(
        f"SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ({marks})", tables)]
    for sql in schema_sql:
        conn.execute(sql)
    data = {}
    for t in tables:
        cur = store.conn.execute(f"SELECT * FROM {t}")
        data[t] = ([d[0] for d in cur.description], cur.fetchall())
    n = 0
    with timer() as t_base:
        conn.execute("BEGIN")
        for t, (cols, rows) in data.items():
            conn.executemany(f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
            n += len(rows) if t in RECORDS else 0
        conn.execute("COMMIT")
    conn.close()
    return n, t_base["s"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench store")
    ap.add_argument("--households", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args(argv)
    work = workdir()
    print(f"{args.households:,} households from the demo generator (seed {args.seed}) …", flush=True)
    store = office.create(work / "ours.dtdb", PASSPHRASE, organisation="bench")
    with timer() as t_ours:
        n_ours, persons = _ours(store, args.households, args.seed)
    listed = store.conn.execute("SELECT count(*) FROM persons").fetchone()[0]
    print(f"  {persons:,} persons in all, {listed:,} listed as members (the rest pre-registered as counts)")
    n_base, s_base = _baseline(work / "baseline.dtdb", store)
    n_full, s_full = _baseline(work / "baseline-logs.dtdb", store, RECORDS + ("change_log", "audit_log"))
    store.close()
    print(line("bulk insert (households+persons+movements)", n_ours / t_ours["s"], n_base / s_base, "rows/s"))
    print(line("  vs a baseline writing the log rows too", n_ours / t_ours["s"], n_full / s_full, "rows/s"))
    print(f"  ours: {n_ours:,} rows in {t_ours['s']:.1f} s, incl. generating them, validation, derived fields, FTS, "
          "audit and change log")
    print(f"  baseline: {n_base:,} rows in {s_base:.1f} s, plain executemany of the same record rows, one transaction")
    print(f"  baseline with logs: the same plus their change-log and audit rows, {s_full:.1f} s")
    return 0
