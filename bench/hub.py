"""The coordinator hub under load: many offices' daily summaries pushed by concurrent pushers to a
real PostgreSQL, against the local SQLite consolidation of the same bundles in the same run.

    bash packaging/with-postgres.sh .venv/bin/python -m bench hub [--offices 200] [--days 365] [--pushers 8]
    (or --dsn 'host=… dbname=… user=…' of a server where this login may create a database)

Not timed: ``--offices`` office databases are created, each records 2–4 crossing counts a day for
``--days`` days (from 2025-01-01) and writes one real summary bundle per day, signed and encrypted to
the coordinator, whose database trusts every office.
Timed, the hub: ``--pushers`` processes, each with the coordinator's database open (to verify and
decrypt) and its own connection, push the bundles in a shuffled order (one office's days go through
different pushers at once): summaries per second, p95 latency of one push (verify + upsert), total
time; then a consolidated export of the whole year (CSV). Timed, the baseline: one process imports
the same bundles into the coordinator's SQLite database (``dtrack summary import``; SQLite has one
writer) and writes the same export. Checked: the hub's consolidated totals equal the sums computed
independently from the bundles' cells, and the two exports are the same bytes.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime as dt
import multiprocessing
import os
import random
import time
import uuid
from pathlib import Path

from .common import PASSPHRASE, p95, timer, workdir

POINTS = ("XLB-ABD", "XLB-ARD", "XLB-MSN")
ORIGINS = ("SY01", "SY02", "SY04", "SY06", "SY07", "SY10", "SY11")
FIELDS = ("f_0_4", "m_0_4", "f_5_11", "m_5_11", "f_18_59", "m_18_59", "f_60plus", "m_60plus")


def _office(folder: Path, i: int, coordinator_identity: dict, days: int, seed: int) -> tuple[dict, list]:
    """One office: its database, its counts, and one summary bundle per day (run in a maker process)."""
    from tracker import office
    from tracker.domain import crossings, validation
    from tracker.store import records
    from tracker.sync import identity, summary_bundle

    rng = random.Random(seed * 1000 + i)
    store = office.create(folder / f"office-{i:03}.dtdb", PASSPHRASE, organisation=f"NGO {i % 12:02}",
                          device_name=f"office-{i:03}")
    identity.add_peer(store, coordinator_identity)
    locations, rows = store.locations(), []
    start = dt.date(2025, 1, 1)
    for d in range(days):
        day = (start + dt.timedelta(days=d)).isoformat()
        for _ in range(rng.randint(2, 4)):
            values = {"counted_at": f"{day}T{rng.randint(6, 18):02}:00", "crossing_pcode": rng.choice(POINTS),
                      "direction": rng.choice(("in", "in", "in", "out")), "origin_pcode": rng.choice(ORIGINS),
                      **{f: rng.randint(1, 9) for f in rng.sample(FIELDS, 3)}}
            clean = validation.clean_crossing(values, locations)
            clean.update(crossings.derived(clean, locations))
            rows.append(clean)
    with store.atomic():
        records.bulk_create(store, "crossing_counts", rows, action="bench")
    paths = []
    out = folder / "bundles"
    for d in range(days):
        day = (start + dt.timedelta(days=d)).isoformat()
        path = out / f"office-{i:03}-{day}.dtb"
        summary_bundle.export_summary(store, path, date_from=day, date_to=day,
                                      for_device=coordinator_identity["device_id"])
        paths.append(path)
    me = identity.own_identity(store)
    store.close()
    return me, paths


def _pusher(coordinator_path: str, dsn: str, paths: list[str]) -> dict:
    """One pusher process: verify each bundle with the coordinator's database, then upsert it."""
    from tracker import office
    from tracker.hub import push
    from tracker.hub.connection import connect

    coordinator = office.open(Path(coordinator_path), PASSPHRASE)
    conn = connect(dsn)
    latencies, people, households = [], 0, 0
    started = time.perf_counter()
    for path in paths:
        t0 = time.perf_counter()
        summary = push.read_summary(coordinator, path)
        push.push_summary(conn, summary, coordinator.device_id)
        latencies.append(time.perf_counter() - t0)
        for cell in summary.cells:  # the independent sum: straight from the verified bundle
            households += cell[5]
            people += sum(cell[6:])
    ended = time.perf_counter()
    conn.close()
    coordinator.close()
    return {"latencies": latencies, "people": people, "households": households, "started": started, "ended": ended}


def _database(admin_dsn: str):
    """A fresh database for the run (dropped at the end)."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    name = f"dtrack_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return make_conninfo(admin_dsn, dbname=name), drop


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench hub")
    ap.add_argument("--offices", type=int, default=200)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--pushers", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--makers", type=int, default=2, help="processes writing the offices' bundles (not timed)")
    ap.add_argument("--dsn", default=os.environ.get("DTRACK_TEST_PG_DSN") or os.environ.get("DTRACK_HUB_DSN"),
                    help="a server where this login may create a database (default: DTRACK_TEST_PG_DSN)")
    args = ap.parse_args(argv)
    if not args.dsn:
        ap.error("no server: run under packaging/with-postgres.sh or give --dsn")
    from tracker import office
    from tracker.exchange import export as local_export
    from tracker.hub import export as hub_export
    from tracker.hub import push, schema
    from tracker.hub.connection import connect
    from tracker.sync import identity, summary_bundle

    work = workdir()
    (work / "bundles").mkdir()
    rng = random.Random(args.seed)
    coordinator = office.create(work / "coordinator.dtdb", PASSPHRASE, organisation="Sector", device_name="hub-feeder")
    me = identity.own_identity(coordinator)
    paths = []
    began = time.perf_counter()
    with timer() as made, cf.ProcessPoolExecutor(args.makers, mp_context=multiprocessing.get_context("spawn")) as pool:
        jobs = [pool.submit(_office, work, i, me, args.days, args.seed) for i in range(args.offices)]
        for done, job in enumerate(jobs, start=1):
            them, office_paths = job.result()
            identity.add_peer(coordinator, them)
            paths += office_paths
            if done % 10 == 0:
                print(f"  {done} offices, {len(paths):,} bundles written ({time.perf_counter() - began:.0f} s)", flush=True)
    n = len(paths)
    print(f"{args.offices} offices x {args.days} days: {n:,} summary bundles written in {made['s']:.0f} s (not timed)")

    dsn, drop = _database(args.dsn)
    try:
        with connect(dsn) as conn:
            schema.init(conn)
            push.push_places(conn, coordinator.locations())
        order = [str(p) for p in paths]
        rng.shuffle(order)
        shares = [order[k::args.pushers] for k in range(args.pushers)]
        with cf.ProcessPoolExecutor(args.pushers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = list(pool.map(_pusher, [str(coordinator.path)] * args.pushers, [dsn] * args.pushers, shares))
        hub_total = max(r["ended"] for r in results) - min(r["started"] for r in results)
        hub_lat = [x for r in results for x in r["latencies"]]
        expected = (sum(r["people"] for r in results), sum(r["households"] for r in results))
        with connect(dsn) as conn:
            got = conn.execute("SELECT COALESCE(SUM(value) FILTER (WHERE measure = 'people'), 0), "
                               "COALESCE(SUM(value) FILTER (WHERE measure = 'households'), 0) "
                               "FROM hub.consolidated_cells").fetchone()
            with timer() as hub_export_t:
                hub_rows = hub_export.export(conn, work / "hub.csv", threshold=5)["rows"]["consolidated"]
        ok = tuple(got) == expected
        # the hub's figures first: on a busy machine a full-size run may be stopped during the baseline
        print(f"hub: {n:,} summaries by {args.pushers} concurrent pushers in {hub_total:.1f} s = {n / hub_total:,.1f}/s, "
              f"p95 {1000 * p95(hub_lat):.1f} ms; export of the year {hub_export_t['s']:.1f} s ({hub_rows:,} rows)",
              flush=True)
        print(f"check: hub totals {got[0]:,} people, {got[1]:,} groups; from the bundles {expected[0]:,} and "
              f"{expected[1]:,}: {'equal' if ok else 'DIFFERENT'}", flush=True)

        local_lat = []
        with timer() as local_t:
            for p in paths:
                t0 = time.perf_counter()
                summary_bundle.import_summary(coordinator, p)
                local_lat.append(time.perf_counter() - t0)
        with timer() as local_export_t:
            local_export.export(coordinator, "consolidated", work / "local.csv", threshold=5)
        same = (work / "hub.csv").read_bytes() == (work / "local.csv").read_bytes()
    finally:
        drop()
        coordinator.close()

    def row(label, hub, local, unit):
        print(f"{label:48} hub {hub:>10,.1f} {unit:4} local SQLite {local:>10,.1f} {unit}")

    print(f"\n{n:,} summaries; hub: {args.pushers} concurrent pushers on PostgreSQL; local: one importer (SQLite)")
    row("summaries pushed/imported per second", n / hub_total, n / local_t["s"], "/s")
    row("p95 latency of one summary (verify + write)", 1000 * p95(hub_lat), 1000 * p95(local_lat), "ms")
    row("total time", hub_total, local_t["s"], "s")
    row(f"consolidated export of the year ({hub_rows:,} rows)", hub_export_t["s"], local_export_t["s"], "s")
    print(f"check: the hub's export and the local export are {'the same bytes' if same else 'DIFFERENT'}")
    return 0 if ok and same else 1
