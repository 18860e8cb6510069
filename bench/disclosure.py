"""Summary export of a year of crossing counts with small-cell suppression vs. the same export without it.

    python -m bench disclosure [--rows 200000] [--days 365] [--seed 2025] [--threshold 5]

Fills a fresh encrypted store the way ``python -m bench charts`` does (skewed places, a March-like
peak, a long tail of quiet days), then writes the summary CSV at each period and admin level, once
with suppression (tracker.domain.disclosure: rows, columns and totals) and once with threshold 0,
the baseline, in the same run on the same file. Prints the rows, the hidden counts and both times.
"""

from __future__ import annotations

import argparse
import time

from tracker import office
from tracker.domain.summary import MARKER, VALUE_FIELDS
from tracker.exchange import export

from .charts import fill
from .common import PASSPHRASE, workdir


def _timed_export(store, path, **options) -> tuple[float, dict]:
    start = time.perf_counter()
    result = export.export(store, "summary", path, metadata_file=False, **options)
    return time.perf_counter() - start, result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench disclosure")
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--threshold", type=int, default=5)
    args = parser.parse_args(argv)

    folder = workdir()
    store = office.create(folder / "disclosure.dtdb", PASSPHRASE, organisation="Bench")
    try:
        seconds = fill(store, args.rows, args.days, args.seed)
        print(f"inserted {args.rows:,} crossing counts over {args.days} days in {seconds:.1f} s")
        print(f"{'summary export (CSV)':28} {'rows':>7} {'hidden':>8} {'of counts':>10} "
              f"{'suppressed':>11} {'baseline k=0':>13} {'ratio':>6}")
        for period, level in (("day", 1), ("day", 2), ("week", 1), ("week", 2)):
            out = folder / f"{period}-{level}.csv"
            ours, result = _timed_export(store, out, threshold=args.threshold, period=period, admin_level=level)
            text = out.read_text(encoding="utf-8-sig")
            hidden = text.count(f",{MARKER},") + text.count(f",{MARKER}\r\n")
            base, _ = _timed_export(store, out, threshold=0, period=period, admin_level=level)
            rows = result["rows"]["summary"]
            counts = rows * len(VALUE_FIELDS)
            print(f"{'by ' + period + ', admin level ' + str(level):28} {rows:>7,} {result['suppressed']:>8,} "
                  f"{counts:>10,} {ours:>9.2f} s {base:>11.2f} s {ours / base:>5.1f}x")
            assert hidden <= result["suppressed"]
    finally:
        store.close()
    return 0
