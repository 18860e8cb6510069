"""``dtrack report DB --from DATE --to DATE --out FILE.pdf``: the one-page situation report."""

from __future__ import annotations

import datetime as dt


def _date(text: str) -> str:
    import argparse

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _cmd_report(args) -> int:
    from tracker.charts import report
    from tracker.charts.data import Filters
    from .main import UserError, open_store

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UserError(f"--from {args.date_from} is after --to {args.date_to}; swap them")
    with open_store(args.db) as store:
        if args.crossing and args.crossing not in store.locations():
            raise UserError(f"--crossing {args.crossing} is not a known place code (see the gazetteer)")
        if args.origin and args.origin not in store.locations():
            raise UserError(f"--origin {args.origin} is not a known place code (see the gazetteer)")
        filters = Filters(args.date_from, args.date_to, args.crossing, args.direction, args.origin)
        out = report.write(store, filters, args.out, language=args.language, threshold=args.threshold)
    print(f"wrote {out}")
    return 0


def register(subparsers) -> None:
    from tracker.domain.summary import DEFAULT_THRESHOLD

    p = subparsers.add_parser("report", help="one-page situation report (PDF) for a period")
    p.add_argument("db")
    p.add_argument("--from", dest="date_from", type=_date, help="first day (YYYY-MM-DD; default: first data)")
    p.add_argument("--to", dest="date_to", type=_date, help="last day (YYYY-MM-DD; default: last data)")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--language", choices=("en", "ar"), default="en")
    p.add_argument("--crossing", help="only this crossing point (P-code)")
    p.add_argument("--direction", choices=("in", "out"), help="only arrivals (in) or departures (out)")
    p.add_argument("--origin", help="only this governorate of origin (P-code)")
    p.add_argument("--threshold", type=int, default=DEFAULT_THRESHOLD,
                   help=f"hide counts below this, and the counts the totals would give them away by "
                        f"(default {DEFAULT_THRESHOLD}; 1 hides nothing)")
    p.set_defaults(func=_cmd_report)
