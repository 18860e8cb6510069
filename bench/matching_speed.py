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
from pathlib import Path

from tracker import office
from tracker.domain import demo
from tracker.matching import candidates, index

from .common import PASSPHRASE, median, p95, workdir


def run(households: int, *, entry: bool, bulk: bool, seed: int = 7, lean: bool = False, db: str | None = None) -> int:
    if db and Path(db).exists():  # a database an earlier run kept: measure again without refilling it
        store = office.open(Path(db), PASSPHRASE)
        print(f"reusing {db}: {store.conn.execute('SELECT count(*) FROM persons').fetchone()[0]:,} persons", flush=True)
        _measure(store, entry, bulk)
        return 0
    path = Path(db) if db else workdir() / "matching.dtdb"
    store = office.create(path, PASSPHRASE)
    t = time.perf_counter()
    if lean:
        people = _lean(store, households, seed)
        how = "written straight into the tables (names drawn from bench/matching_names.py by their frequency)"
    else:
        with store.atomic():
            people, _ = demo.insert_generated(store, random.Random(seed), households, chunk=5000, action="bench")
        how = "by the demo generator"
    print(f"generated {households:,} households, {people:,} persons {how} in {time.perf_counter() - t:.1f} s",
          flush=True)
    t = time.perf_counter()
    n = index.refresh(store) if not lean else index.rebuild(store)
    print(f"index built: {n:,} records in {time.perf_counter() - t:.1f} s", flush=True)
    _measure(store, entry, bulk)
    return 0


def _measure(store, entry: bool, bulk: bool) -> None:
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


def _lean(store, households: int, seed: int) -> int:
    """Households of 1-9 people (5 on average) inserted with plain multi-row INSERTs: no
    validation, change log or audit (what the entry check reads is the same)."""
    from tracker.store.ids import new_id
    from tracker.store.records import insert_many

    from itertools import accumulate

    from . import matching_names

    rng = random.Random(seed)
    names = {k: ([n[0] for n in pool], [n[1] for n in pool], list(accumulate(n[2] for n in pool)))
             for k, pool in (("m", matching_names.MALE), ("f", matching_names.FEMALE), ("fam", matching_names.FAMILY))}

    def pick(kind):
        ar, lat, cum = names[kind]
        i = rng.choices(range(len(ar)), cum_weights=cum)[0]
        return ar[i], (rng.choice(lat[i]) if rng.random() < 0.4 else None)

    def person(family, father, sex, age):
        g, f = pick(sex), father
        rec = {"sex": sex, "given_name_ar": g[0], "given_name_lat": g[1], "father_name_ar": f[0],
               "father_name_lat": f[1], "family_name_ar": family[0], "family_name_lat": family[1],
               "registration_date": "2025-03-10", "origin_pcode": rng.choice(matching_names.ORIGINS)}
        if rng.random() < 0.5:
            rec["age_estimated"] = age
        else:
            rec["birth_date"] = f"{2025 - age}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.5:
            rec["grandfather_name_ar"] = pick("m")[0]
        return rec

    hh_cols = ("id", "created_at", "updated_at", "deleted", "mode", "head_name_ar", "head_name_lat",
               "registration_date", "origin_pcode")
    p_cols = ("id", "created_at", "updated_at", "deleted", "household_id", "relationship", "sex", "birth_date",
              "age_estimated", *(f"{p}_name_{s}" for p in ("given", "father", "grandfather", "family")
                                 for s in ("ar", "lat")))
    people = 0
    with store.atomic():
        for start in range(0, households, 10_000):
            hh_rows, p_rows = [], []
            for _ in range(min(10_000, households - start)):
                hid = new_id()
                family, head_age = pick("fam"), rng.randint(20, 70)
                head = person(family, pick("m"), "m" if rng.random() < 0.8 else "f", head_age)
                father = (head["given_name_ar"], head["given_name_lat"]) if head["sex"] == "m" else pick("m")
                members = [head] + [person(family, father, rng.choice("mf"), rng.randint(0, max(0, head_age - 18)))
                                    for _ in range(max(0, min(8, int(rng.gauss(4, 2)))))]
                head = members[0]
                hh_rows.append((hid, "t", "t", 0, "full", " ".join(
                    head.get(f"{p}_name_ar") or "" for p in ("given", "father", "family")).strip() or None, None,
                    head["registration_date"], head.get("origin_pcode")))
                for i, m in enumerate(members):
                    p_rows.append((new_id(), "t", "t", 0, hid, "head" if i == 0 else "child", m["sex"],
                                   m.get("birth_date"), m.get("age_estimated"),
                                   *(m.get(f"{p}_name_{s}") for p in ("given", "father", "grandfather", "family")
                                     for s in ("ar", "lat"))))
            insert_many(store.conn, "households", hh_cols, hh_rows)
            insert_many(store.conn, "persons", p_cols, p_rows)
            people += len(p_rows)
    return people


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
