"""``dtrack export`` and ``dtrack import``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from tracker.exchange import mapping
from tracker.domain.summary import DEFAULT_THRESHOLD


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _datasets(text: str) -> list[str]:
    from tracker.exchange.export import DATASETS

    names = [t.strip() for t in text.split(",") if t.strip()]
    bad = [n for n in names if n not in DATASETS]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"unknown dataset {bad[0] if bad else text!r} (choose from "
                                         + ", ".join(DATASETS) + ")")
    return names


def _threshold(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return value


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{100 * done // total}%", end="", file=sys.stderr, flush=True)


def _confirm_pii(args) -> bool:
    from .main import UserError

    if args.confirm_pii:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("a personal-data export must be confirmed: add --confirm-pii (nothing was written)")
    answer = input("This file will hold names, contacts, document numbers and notes of the people recorded.\n"
                   "Keep it encrypted and share it only as agreed. Type YES to export: ")
    if answer.strip() != "YES":
        raise UserError("personal-data export not confirmed; nothing was written")
    return True


def _cmd_export(args) -> int:
    from .main import UserError, open_store
    from tracker.exchange.export import export

    fmt = args.format or ("xlsx" if Path(args.out).suffix.lower() == ".xlsx" else "csv")
    if fmt == "csv" and len(args.what) > 1:
        raise UserError("a CSV file holds one dataset: give one --what, or use --format xlsx")
    if args.what == ["consolidated"] and args.admin_level != 1:
        raise UserError("received summaries are consolidated by governorate: --admin-level 2 is for --what summary")
    confirmed = _confirm_pii(args) if args.pii else False
    with open_store(args.db) as store:
        result = export(store, args.what, args.out, fmt, date_from=args.date_from, date_to=args.date_to,
                        pii=args.pii, pii_confirmed=confirmed, hxl=not args.no_hxl, bom=not args.no_bom,
                        threshold=args.suppress, marker=args.marker, period=args.period,
                        admin_level=args.admin_level, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    rows = ", ".join(f"{n} {d}" for d, n in result["rows"].items())
    extra = (f"; {result['suppressed']} small cells suppressed"
             if {"summary", "consolidated"} & set(args.what) else "")
    meta = f"; metadata in {result['metadata_path']}" if result["metadata_path"] else ""
    print(f"wrote {rows} to {result['path']}{extra}{meta}")
    return 0


def _cmd_import(args) -> int:
    from .main import UserError, open_store
    from tracker.exchange.importer import import_file

    if args.kind != "crossings":
        return _cmd_import_partner(args)
    if len(args.file) > 1:
        raise UserError("crossing counts are imported one file at a time")
    args.file = args.file[0]
    with open_store(args.db) as store:
        profile = None
        if args.mapping:
            profile = mapping.load_profile_file(args.mapping)
        elif args.profile:
            profile = mapping.load_profile(store, args.profile)
        result = import_file(store, args.file, args.kind, profile=profile, keep_valid=args.keep_valid,
                             report=args.report, encoding=args.encoding, progress=_progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if args.save_profile:
            from tracker.exchange import csvio

            with csvio.open_table(args.file, args.encoding) as table:
                mapped = mapping.apply_profile(args.kind, table.headers, table.tags, profile)
                mapping.save_profile(store, args.save_profile, mapping.profile_from(args.kind, table.headers, mapped))
    if result.errors:
        raise UserError(result.summary())
    print(result.summary())
    return 0


def _print_plan(plan) -> None:
    """What an import would do, nothing written: each table's role, each column's field or why it
    is ignored, each partner choice and the code it is read as."""
    print(f"form: {plan.form_id}" + (" (XLSForm given)" if plan.form is not None else ""))
    for t in plan.tables:
        print(f"\n{t.part.name}: {t.role} ({t.layout})")
        for c in t.columns:
            print(f"  {c.header} -> {c.field}" if c.field else f"  {c.header}: ignored, {c.note}")
    if plan.value_list:
        print("\nchoices:")
        for f, text, code in plan.value_list:
            print(f"  {f}: {text} -> {code}")
    for f, lst, name, labels in plan.unmatched:
        print(f"  {f}: {name} ({'; '.join(labels.values())}) matches none of our codes: rows with it are rejected")
    for name in plan.skipped:
        print(f"not read: {name}")
    missing = plan.missing()
    if missing:
        print("\nstill needed: " + "; ".join(missing))


def _cmd_import_partner(args) -> int:
    """Several files, a folder, a ZIP or a workbook of a partner's form: households with their
    members and movements, in one transaction, with one report."""
    from .main import UserError, open_store
    from tracker.exchange import inputs, partner

    with open_store(args.db) as store, inputs.gather(args.file, form=args.form) as given:
        profile = None
        if args.mapping:
            profile = mapping.load_profile_file(args.mapping)
        elif args.profile:
            profile = mapping.load_profile(store, args.profile)
        plan = partner.plan(given, profile=profile, locations=store.locations(), role=args.kind,
                            encoding=args.encoding)
        if profile is None and plan.form_id in mapping.profiles(store, "partner"):  # this form's saved profile
            plan = partner.plan(given, profile=mapping.load_profile(store, plan.form_id), locations=store.locations(),
                                role=args.kind, encoding=args.encoding)
        if args.preview:
            _print_plan(plan)
            return 0
        for t in plan.tables:
            ignored = ", ".join(c.header for c in t.ignored if c.reason == "no_field")
            print(f"{t.part.name}: {t.role}, {sum(1 for f in t.mapped if f)} columns used"
                  + (f"; not used: {ignored}" if ignored else ""))
        if partner.is_simple(plan):
            from tracker.exchange.importer import import_file

            table = plan.tables[0]
            profile = {"kind": "households", "columns": dict(zip(table.headers, table.mapped))}
            result = import_file(store, table.part.path, "households", profile=profile, keep_valid=args.keep_valid,
                                 report=args.report, encoding=args.encoding, sheet=table.part.sheet,
                                 progress=_progress)
        else:
            result = partner.run(store, plan, keep_valid=args.keep_valid, report=args.report, progress=_progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if args.save_profile:
            mapping.save_profile(store, args.save_profile, plan.profile())
    if result.errors:
        raise UserError(result.summary())
    print(result.summary())
    return 0


def register(sub) -> None:
    p = sub.add_parser("export", help="export records or the aggregated summary to CSV or XLSX (HXL-tagged)")
    p.add_argument("db")
    p.add_argument("--what", type=_datasets, required=True, metavar="DATASET",
                   help="households, persons, crossings, movements, summary, or consolidated (the summaries "
                        "received from other devices, summed) (XLSX: several, comma-separated)")
    p.add_argument("--format", choices=("csv", "xlsx"), help="default: from the --out file name, else csv")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    p.add_argument("--pii", action="store_true", help="include names, contacts, document numbers and notes")
    p.add_argument("--confirm-pii", action="store_true", help="confirm --pii without a prompt (recorded in the audit log)")
    p.add_argument("--no-hxl", action="store_true", help="omit the HXL hashtag row")
    p.add_argument("--no-bom", action="store_true", help="plain UTF-8 without the byte-order mark")
    p.add_argument("--suppress", type=_threshold, default=DEFAULT_THRESHOLD, metavar="N",
                   help=f"summary: hide counts below N (default {DEFAULT_THRESHOLD}; 0 hides nothing)")
    p.add_argument("--marker", default=None, help="summary: text shown in place of a hidden count (default x)")
    p.add_argument("--period", choices=("day", "week"), default="day", help="summary: by day or ISO week")
    p.add_argument("--admin-level", type=int, choices=(1, 2), default=1, help="summary: origin admin level")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("import", help="import households (with members and movements), persons or crossing counts "
                                      "from CSV/XLSX files, a folder or a ZIP (Kobo, ODK, ours)")
    p.add_argument("db")
    p.add_argument("file", nargs="+", help="files, a folder, a ZIP (ODK Central) or a workbook (Kobo)")
    p.add_argument("--kind", choices=mapping.KINDS,
                   help="one file of one kind, as before; without it (or with several files) a partner form's "
                        "households, members and movements are recognised")
    p.add_argument("--form", metavar="XLSFORM", help="the partner's XLSForm (maps its choice names and labels)")
    p.add_argument("--preview", action="store_true",
                   help="households/persons: print the tables, the column and value mappings and the ignored "
                        "columns; import nothing")
    p.add_argument("--mapping", metavar="FILE", help="JSON column mapping {\"columns\": {header: field}}")
    p.add_argument("--profile", metavar="NAME", help="a mapping saved in the database")
    p.add_argument("--save-profile", metavar="NAME", help="save the mapping used under this name")
    p.add_argument("--keep-valid", action="store_true", help="import the valid rows even if some are rejected")
    p.add_argument("--report", metavar="FILE", help="error report path (default: FILE.errors.csv beside the input)")
    p.add_argument("--encoding", help="text encoding of a CSV that is not UTF-8 (e.g. cp1256)")
    p.set_defaults(func=_cmd_import)
