"""Dashboard redraw over millions of crossing counts: summary tables vs. GROUP BY on raw rows.

    python -m bench charts [--rows 5000000] [--days 365] [--seed 2025] [--repeat 5] [--baseline-repeat 1]

Builds a fresh encrypted store and inserts ``--rows`` crossing-count rows with
one executemany (the store's triggers keep ``crossing_daily`` up to date as they
go). Places, directions and nationalities are skewed the way the March 2025
flight was (coastal governorates, northern crossings, Akkar), so the summary
table has a realistic number of distinct keys rather than a best case.

"Ours" is everything one dashboard redraw asks of tracker.charts.data (key
figures, daily by point with the 7-day average, cumulative, origin ->
destination, route flows for the map, pyramid). The baseline computes the same
aggregates with GROUP BY over the raw ``crossing_counts`` rows, in the same run
and on the same file. Both are timed warm (the page cache already holds the
file), median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time

from tracker.domain import model
from tracker.charts import data
from tracker.store.ids import new_id
from tracker.store.connection import Store
from tracker import office

from .common import PASSPHRASE, timer, workdir

ORIGINS = {"SY06": 35, "SY10": 25, "SY05": 12, "SY04": 12, "SY03": 3, "SY01": 2, "SY02": 2, "SY07": 1,
           "SY12": 1, "SY13": 1, "SY14": 1, "SY08": 0.5, "SY09": 0.5, "SY11": 0.5, None: 4}
DESTINATIONS = {"LB7": 40, "LB5": 25, "LB8": 10, "LB2": 8, "LB1": 5, "LB3": 4, "LB4": 1, "LB6": 1, None: 6}
POINTS = {"XLB-NKR-LOW": 22, "XLB-NKR": 15, "XLB-ARD": 12, "XLB-ABD": 10, "XLB-NKR-WKH": 10, "XLB-MQB": 8,
          "XLB-MSN": 8, "XLB-QAA": 5, "XLB-MTB": 3, "XSY-ARD": 2, "XSY-DBS": 1, "XSY-JQM": 1, "XSY-JDY": 1,
          "XSY-JSY": 1, "XSY-MTB": 1}
NATIONALITIES = {"SYR": 88, "LBN": 10, "PSE": 2}

_COLUMNS = ("id", "created_at", "updated_at", "created_by", "updated_by", "user", "deleted", "counted_at",
            "crossing_pcode", "direction", *model.COUNT_FIELDS, "nationality", "origin_pcode", "destination_pcode",
            "total", "count_date", "origin_adm1", "destination_adm1")


def _pick(rng: random.Random, weights: dict, n: int) -> list:
    return rng.choices(list(weights), weights=list(weights.values()), k=n)


def generate(rows: int, days: int, seed: int, chunk: int = 200_000):
    """Yield lists of ready-to-insert tuples; most people cross in the first weeks (a March-like peak)."""
    rng = random.Random(seed)
    start = dt.date(2025, 3, 1)
    day_weights = [1.0 / (1 + (d / 10) ** 1.5) + 0.02 for d in range(days)]
    device, now = new_id(), "2025-12-31T00:00:00.000Z"
    done = 0
    while done < rows:
        n = min(chunk, rows - done)
        when = rng.choices(range(days), weights=day_weights, k=n)
        origins, dests = _pick(rng, ORIGINS, n), _pick(rng, DESTINATIONS, n)
        points, nats = _pick(rng, POINTS, n), _pick(rng, NATIONALITIES, n)
        batch = []
        for i in range(n):
            counts = [rng.choice((0, 0, 0, 1, 1, 2)) for _ in model.COUNT_FIELDS]
            counts[3] += 1  # at least one adult woman: a group is never empty
            day = (start + dt.timedelta(days=when[i])).isoformat()
            direction = "in" if rng.random() < 0.9 else "out"
            batch.append((new_id(), now, now, device, device, "bench", 0, f"{day}T{rng.randrange(6, 20):02d}:00",
                          points[i], direction, *counts, nats[i], origins[i], dests[i], sum(counts), day,
                          origins[i], dests[i]))
        done += n
        yield batch


def fill(store: Store, rows: int, days: int, seed: int) -> float:
    sql = f"INSERT INTO crossing_counts ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
    with timer() as t:
        with store.atomic():
            for batch in generate(rows, days, seed):
                store.conn.executemany(sql, batch)
    return t["s"]


def redraw(store, filters: data.Filters) -> None:
    """What the dashboard asks for on one redraw."""
    data.dashboard_data(store, filters)


def baseline(store, filters: data.Filters) -> None:
    """The same aggregates straight from crossing_counts (what the charts would cost with no summary table)."""
    where, args = filters.where()
    live = (" AND " if where else " WHERE ") + "deleted = 0"
    q = store.conn.execute
    q(f"SELECT COALESCE(SUM(total), 0) FROM crossing_counts{where}{live}", args).fetchall()
    q(f"SELECT crossing_pcode, SUM(total) FROM crossing_counts{where}{live} GROUP BY crossing_pcode", args).fetchall()
    q(f"SELECT count_date, crossing_pcode, SUM(total) FROM crossing_counts{where}{live} GROUP BY 1, 2", args).fetchall()
    q(f"SELECT origin_adm1, destination_adm1, SUM(total) FROM crossing_counts{where}{live} GROUP BY 1, 2",
      args).fetchall()
    q(f"SELECT origin_adm1, crossing_pcode, destination_adm1, SUM(total) FROM crossing_counts{where}{live} "
      "GROUP BY 1, 2, 3", args).fetchall()
    sums = ", ".join(f"SUM({f})" for f in model.COUNT_FIELDS)
    q(f"SELECT {sums} FROM crossing_counts{where}{live}", args).fetchall()


def _median_ms(fn, store, filters, repeat: int) -> float:
    fn(store, filters)  # warm the page cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(store, filters)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench charts")
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline-repeat", type=int, default=1, help="timed baseline runs (each takes seconds)")
    args = parser.parse_args(argv)

    path = workdir() / "charts.dtdb"
    store = office.create(path, PASSPHRASE, organisation="Bench")
    try:
        seconds = fill(store, args.rows, args.days, args.seed)
        sizes = ", ".join(f"{t} {store.conn.execute(f'SELECT COUNT(*) FROM {t}').fetchone()[0]:,}"
                          for t in ("crossing_daily", "crossing_monthly", "crossing_point_daily"))
        print(f"inserted {args.rows:,} crossing counts in {seconds:.1f} s ({args.rows / seconds:,.0f} rows/s, "
              f"triggers included); summary rows: {sizes}")
        cases = {
            "whole period, no filter": data.Filters(),
            "last 30 days": data.Filters("2026-01-30", "2026-02-28"),
            "first 31 days, arrivals only": data.Filters("2025-03-01", "2025-03-31", direction="in"),
            "one crossing point": data.Filters(crossing="XLB-ABD"),
            "one origin governorate": data.Filters(origin_adm1="SY10"),
        }
        print(f"{'dashboard redraw (median of ' + str(args.repeat) + ')':34} {'ours':>10} {'raw GROUP BY':>14} "
              f"{'speed-up':>9}")
        for label, filters in cases.items():
            ours = _median_ms(redraw, store, filters, args.repeat)
            base = _median_ms(baseline, store, filters, args.baseline_repeat)
            print(f"{label:34} {ours:>8.0f} ms {base:>11.0f} ms {base / ours:>8.1f}x")
        print("one unfiltered redraw, by call:")
        for name in ("key_figures", "daily_by_point", "origin_destination", "route_flows", "pyramid"):
            fn = getattr(data, name)
            ms = _median_ms(lambda s, f, fn=fn: fn(s, f), store, data.Filters(), args.repeat)
            print(f"  {name:32} {ms:>8.0f} ms")
    finally:
        store.close()
        for p in path.parent.iterdir():
            p.unlink()
        path.parent.rmdir()
    return 0
