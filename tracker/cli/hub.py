"""``dtrack hub init|push|export|status``: the coordinator hub on PostgreSQL.

The hub is named by ``--dsn`` or ``DTRACK_HUB_DSN`` (a libpq connection string such as
``host=db.example.org dbname=hub user=im1``); its password never goes on the command line: libpq's
password file (~/.pgpass or PGPASSFILE) gives it, or dtrack asks. ``push`` opens the coordinator's
own database (its passphrase from DTRACK_PASSPHRASE or a prompt) to verify and decrypt each bundle.
"""

from __future__ import annotations

import functools
import getpass
import sys
from pathlib import Path

from .exchange import _date, _threshold
from .main import UserError, open_store


def _ask_password():
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("the hub asks for a password: put it in libpq's password file (~/.pgpass, or the file "
                        "named by PGPASSFILE) or run in a terminal to be asked")
    return getpass.getpass("Hub password: ")


def _server_errors(doing: str):
    """A refusal by the server (a missing role, a lost connection) as one line, not a traceback."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(args):
            import psycopg
            from tracker.hub.connection import refused

            try:
                return fn(args)
            except psycopg.Error as exc:
                raise refused(exc, doing) from exc
        return run
    return wrap


def _connect(args):
    from tracker.hub.connection import connect

    return connect(args.dsn, ask_password=_ask_password)


@_server_errors("set up")
def _init(args) -> int:
    from tracker.hub import schema
    from tracker.hub.connection import describe, resolve_dsn

    with _connect(args) as conn:
        applied = schema.init(conn)
    where = describe(resolve_dsn(args.dsn))
    if applied:
        print(f"hub ready at {where}: applied {', '.join(applied)}")
    else:
        print(f"hub at {where} is up to date (migration {schema.LATEST})")
    print(f"roles: {schema.PUSH_ROLE} (push), {schema.READ_ROLE} (read); grant them to login roles, "
          "see docs/coordinator.md")
    return 0


@_server_errors("push")
def _push(args) -> int:
    from tracker.hub import push

    if not Path(args.coordinator).exists():
        raise UserError(f"no database at {args.coordinator}: give the coordinator's database with --coordinator")
    missing = [f for f in args.bundles if not Path(f).is_file()]
    if missing:
        raise UserError(f"no bundle at {missing[0]}" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
                        + "; nothing was pushed")
    with open_store(args.coordinator) as coordinator, _connect(args) as conn:
        results = push.push_files(conn, coordinator, args.bundles)
    failed = 0
    for r in results:
        name = Path(r["path"]).name
        if "error" in r:
            failed += 1
            print(f"{name}: not pushed: {r['error']}", file=sys.stderr)
        elif r["new"]:
            print(f"{name}: {r['sender']}: {r['stored']} values kept, {r['replaced']} older values replaced")
        else:
            print(f"{name}: {r['sender']}: already on the hub; nothing changed")
    print(f"pushed {len(results) - failed} of {len(results)} summaries")
    if failed:
        raise UserError(f"{failed} of {len(results)} bundles were refused (listed above); the others were pushed")
    return 0


@_server_errors("read")
def _export(args) -> int:
    from tracker.hub import export
    from tracker.hub.connection import describe, resolve_dsn

    fmt = args.format or ("xlsx" if args.out.lower().endswith(".xlsx") else "csv")
    with _connect(args) as conn:
        r = export.export(conn, args.out, fmt, what=args.what, date_from=args.date_from, date_to=args.date_to,
                          threshold=args.suppress, marker=args.marker, period=args.period, hxl=not args.no_hxl,
                          bom=not args.no_bom, hub_name=describe(resolve_dsn(args.dsn)))
    print(f"wrote {r['rows'][args.what]} {args.what} rows to {r['path']}; {r['suppressed']} small cells suppressed")
    return 0


@_server_errors("read")
def _status(args) -> int:
    from tracker.hub import status

    with _connect(args) as conn:
        offices = status.offices(conn)
        totals = status.totals(conn)
    print(f"hub migration {totals['version']}: {totals['offices']} offices, {totals['summaries']} summaries, "
          f"{totals['people']:,} people counted")
    for o in offices:
        span = f"{o.first_date or '?'} to {o.last_date}" if o.last_date else "no dates"
        print(f"{o.name or '-':24} {o.organisation or '-':20} {span:26} {o.summaries:>5} summaries  "
              f"last pushed {o.last_pushed_at[:16].replace('T', ' ')}  {o.device_id}  {o.fingerprint}")
    return 0


def register(sub) -> None:
    from tracker.domain.summary import DEFAULT_THRESHOLD

    p = sub.add_parser("hub", help="the coordinator hub on PostgreSQL (many offices' summaries)")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    def dsn(q):
        q.add_argument("--dsn", help="libpq connection string, e.g. 'host=… dbname=hub user=…' (default: "
                                     "DTRACK_HUB_DSN); never put the password in it")

    q = s.add_parser("init", help="create or update the hub's tables, views and roles")
    dsn(q)
    q.set_defaults(func=_init)
    q = s.add_parser("push", help="verify summary bundles with the coordinator's database and push them")
    dsn(q)
    q.add_argument("--coordinator", required=True, metavar="DB", help="the coordinator's own database")
    q.add_argument("bundles", nargs="+", metavar="BUNDLE")
    q.set_defaults(func=_push)
    q = s.add_parser("export", help="the consolidated figures, as 'dtrack export --what consolidated'")
    dsn(q)
    q.add_argument("--what", choices=("consolidated",), default="consolidated")
    q.add_argument("--format", choices=("csv", "xlsx"), help="default: from the --out file name, else csv")
    q.add_argument("--out", required=True, metavar="FILE")
    q.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    q.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    q.add_argument("--suppress", type=_threshold, default=DEFAULT_THRESHOLD, metavar="N",
                   help=f"hide counts from 1 to N-1 (default {DEFAULT_THRESHOLD}; 0 hides nothing)")
    q.add_argument("--marker", default=None, help="text shown in place of a hidden count (default x)")
    q.add_argument("--period", choices=("day", "week"), default="day")
    q.add_argument("--no-hxl", action="store_true", help="omit the HXL hashtag row")
    q.add_argument("--no-bom", action="store_true", help="plain UTF-8 without the byte-order mark")
    q.set_defaults(func=_export)
    q = s.add_parser("status", help="the offices on the hub and the latest dates they cover")
    dsn(q)
    q.set_defaults(func=_status)
