"""``dtrack duplicates DB --kind persons|households [--min-score S] --out FILE.csv``: every likely
pair of duplicate records, one CSV row each (id_a, id_b, score, reasons)."""

from __future__ import annotations

import argparse
import csv
import os
import sys


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"a score is between 0 and 1 (exclusive), not {value}")
    return value


def _cmd_duplicates(args) -> int:
    from tracker.matching import candidates, index
    from .main import UserError, open_store

    out_dir = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(out_dir):
        raise UserError(f"--out {args.out}: the folder {out_dir} does not exist")
    tmp = args.out + ".part"
    with open_store(args.db) as store:
        def progress(done, total):
            print(f"\r{args.kind}: {100 * done // max(total, 1)} %", end="", file=sys.stderr, flush=True)

        index.refresh(store, progress=lambda d, t: print(f"\rindexing: {100 * d // max(t, 1)} %", end="",
                                                          file=sys.stderr, flush=True))
        n = 0
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id_a", "id_b", "score", "reasons"])
            for a, b, prob, reasons in candidates.duplicates(store.conn, args.kind, min_score=args.min_score,
                                                             progress=progress):
                w.writerow([a, b, f"{prob:.4f}", " ".join(f"{fld}:{lvl}({bits:+.1f})" for fld, lvl, bits in reasons)])
                n += 1
        from tracker.fileswap import replace

        replace(tmp, args.out)  # the CSV open in Excel: a clear error, the old file kept
    print(f"\rwrote {n} candidate pairs of {args.kind} to {args.out}")
    return 0


def register(subparsers) -> None:
    from tracker.matching.thresholds import WARN_AT

    p = subparsers.add_parser("duplicates", help="list likely duplicate persons or households (CSV)")
    p.add_argument("db")
    p.add_argument("--kind", choices=("persons", "households"), required=True)
    p.add_argument("--min-score", type=_score, default=WARN_AT,
                   help=f"the least score (0-1) of a pair to list (default {WARN_AT}, where the app warns)")
    p.add_argument("--out", required=True, help="the CSV file to write")
    p.set_defaults(func=_cmd_duplicates)
