"""Export and import throughput against plain baselines measured in the same run.

    python -m bench exchange [--rows 1000000] [--repeat 3] [--only export|import]

Export: ``dtrack export --what persons`` (non-personal columns, BOM, HXL row, formula
neutralisation in SQL) vs a plain ``csv.writer`` over a ``SELECT * FROM persons``
cursor on the same encrypted file. Import: ``dtrack import --kind crossings`` of an
N-row crossing-count CSV (parse, map, validate every value, derive, insert with change
and audit rows, in one transaction) vs one ``executemany`` of the same final rows into a
fresh encrypted store. Each side runs ``--repeat`` times, alternating; medians are shown.
The set-up data (persons, the CSV) are written before any timing.
"""

from __future__ import annotations

import argparse
import csv
import random

from tracker.domain import crossings, model
from tracker.exchange import export, importer
from tracker.store.ids import new_id
from tracker import office
from tracker.timeutil import utc_now_iso

from .common import PASSPHRASE, line, median, timer, workdir

_POINTS = ("XLB-ABD", "XLB-MSN", "XLB-MQB", "XLB-QAA")
_ORIGINS = ("SY0602", "SY0603", "SY1002", "SY1003", "SY0401", "unknown")


def _fill_persons(store, n: int, rng: random.Random) -> None:
    """n persons in n/5 full households, written straight to the tables (set-up, not timed)."""
    now = utc_now_iso()
    dev = store.device_id
    hh_ids = [new_id() for _ in range(max(1, n // 5))]
    with store.atomic():
        store.conn.executemany(
            "INSERT INTO households (id, mode, registration_date, origin_pcode, status, created_at, updated_at, "
            "created_by, updated_by, user, deleted) VALUES (?, 'full', '2025-03-10', 'SY0602', 'active', ?, ?, ?, ?, "
            "'bench', 0)", [(h, now, now, dev, dev) for h in hh_ids])
        rows = []
        for i in range(n):
            age = rng.randint(0, 90)
            rows.append((new_id(), hh_ids[i // 5], "محمد", "Muhammad", rng.choice("fm"), age,
                         model.age_bracket(age), rng.choice(model.RELATIONSHIPS), rng.choice((None, 1, 2, 3)),
                         "national_id", f"{rng.randint(0, 10**9):09d}", now, now, dev, dev))
            if len(rows) >= 50_000:
                _insert_persons(store, rows)
                rows = []
        _insert_persons(store, rows)


def _insert_persons(store, rows) -> None:
    store.conn.executemany(
        "INSERT INTO persons (id, household_id, given_name_ar, given_name_lat, sex, age_estimated, age_bracket, "
        "relationship, wg_walking, document_type, document_number, age, created_at, updated_at, created_by, "
        "updated_by, user, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 0)",
        [(*r[:11], r[5], *r[11:]) for r in rows])


def bench_export(n: int, repeat: int) -> str:
    work = workdir()
    store = office.create(work / "persons.dtdb", PASSPHRASE, organisation="Bench NGO")
    _fill_persons(store, n, random.Random(7))
    ours, base = [], []
    for i in range(repeat):
        with timer() as t:
            with open(work / f"plain{i}.csv", "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                cur = store.conn.execute("SELECT * FROM persons")
                w.writerow([d[0] for d in cur.description])
                for row in cur:
                    w.writerow(row)
        base.append(n / t["s"])
        with timer() as t:
            result = export.export(store, "persons", work / f"ours{i}.csv", metadata_file=False)
        assert result["rows"]["persons"] == n
        ours.append(n / t["s"])
    store.close()
    return line(f"export {n:,} persons to CSV", median(ours), median(base), "rows/s")


def _write_crossing_csv(path, n: int, rng: random.Random) -> None:
    header = ["counted_at", "crossing_pcode", "direction", *model.COUNT_FIELDS, "nationality", "origin_pcode",
              "origin_text", "destination_pcode", "transport", "reason", "source_id"]
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i in range(n):
            origin = rng.choice(_ORIGINS)
            counts = [rng.choice((0, 0, 0, 1, 2, 3)) for _ in model.COUNT_FIELDS]
            counts[3] += 1
            w.writerow([f"2025-03-{rng.randint(1, 28):02d}T{rng.randint(6, 18):02d}:{rng.randint(0, 59):02d}",
                        rng.choice(_POINTS), rng.choice(("in", "in", "out")), *counts, "SYR", origin,
                        "Jableh countryside" if origin == "unknown" else "", "LB51", rng.choice(model.TRANSPORTS),
                        rng.choice(model.REASONS), f"kobo-{i}"])


def _final_rows(path, store) -> tuple[list[str], list[tuple]]:
    """The rows the import would store, cleaned and derived (set-up for the baseline)."""
    from tracker.domain.validation import clean_crossing

    locations = store.locations()
    now, dev = utc_now_iso(), store.device_id
    rows, cols = [], None
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for raw in csv.DictReader(fh):
            rec = clean_crossing(raw, locations)
            rec.update(crossings.derived(rec, locations))
            rec.update(id=new_id(), created_at=now, updated_at=now, created_by=dev, updated_by=dev, user="bench",
                       deleted=0)
            cols = cols or list(rec)
            rows.append(tuple(rec[c] for c in cols))
    return cols, rows


def bench_import(n: int, repeat: int) -> str:
    work = workdir()
    src = work / "crossings.csv"
    _write_crossing_csv(src, n, random.Random(11))
    probe = office.create(work / "probe.dtdb", PASSPHRASE)
    cols, rows = _final_rows(src, probe)
    probe.close()
    ours, base = [], []
    for i in range(repeat):
        target = office.create(work / f"base{i}.dtdb", PASSPHRASE)
        sql = f"INSERT INTO crossing_counts ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        with timer() as t:
            with target.atomic():
                target.conn.executemany(sql, rows)
        base.append(n / t["s"])
        target.close()
        target = office.create(work / f"ours{i}.dtdb", PASSPHRASE)
        with timer() as t:
            result = importer.import_file(target, src, "crossings")
        assert result.imported == n and not result.errors, result.summary()
        ours.append(n / t["s"])
        target.close()
    return line(f"import {n:,} crossing rows from CSV", median(ours), median(base), "rows/s")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench exchange")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--only", choices=("export", "import"))
    args = p.parse_args(argv)
    if args.only != "import":
        print(bench_export(args.rows, args.repeat), flush=True)
    if args.only != "export":
        print(bench_import(args.rows, args.repeat), flush=True)
    return 0
