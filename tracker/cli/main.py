"""The ``dtrack`` command line.

Exit codes: 0 success, 1 a user error (one line on stderr saying what and what
to do), 2 a usage error. The passphrase comes from ``DTRACK_PASSPHRASE`` when
set, else an interactive prompt; never from an argument.
Feature areas add their sub-commands from the modules named in FEATURE_MODULES,
each defining ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import importlib
import os
import sys
import time
from pathlib import Path

from tracker import __version__
from tracker.errors import Cancelled, TrackerError, ValidationError, WrongPassphrase
from tracker.store.connection import Store
from tracker import office

FEATURE_MODULES = ("tracker.cli.exchange", "tracker.cli.report", "tracker.cli.sync", "tracker.cli.selftest",
                   "tracker.cli.hub", "tracker.cli.duplicates", "tracker.cli.backup", "tracker.cli.users")
PASSPHRASE_ENV = "DTRACK_PASSPHRASE"


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit 1."""


NEW_PASSPHRASE_ENV = "DTRACK_NEW_PASSPHRASE"
# Passphrases given in the environment are taken out of it while a command runs, so no process it
# starts (the import's reading process, multiprocessing's helpers) inherits them.
_secrets: dict[str, str] = {}


def secret(name: str) -> str | None:
    """A passphrase given in the environment (DTRACK_PASSPHRASE, DTRACK_NEW_PASSPHRASE)."""
    return _secrets.get(name) or os.environ.get(name) or None


@contextlib.contextmanager
def _secrets_out_of_the_environment():
    taken = {k: os.environ.pop(k) for k in (PASSPHRASE_ENV, NEW_PASSPHRASE_ENV) if k in os.environ}
    _secrets.update(taken)
    try:
        yield
    finally:
        for k in taken:
            _secrets.pop(k, None)
        os.environ.update(taken)  # for a caller in this process (tests); a real command exits here


def passphrase(confirm: bool = False) -> str:
    env = secret(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"no passphrase: set {PASSPHRASE_ENV} or run in a terminal to be asked")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise UserError("the two passphrases differ; nothing was created")
    return first


USER_ENV = "DTRACK_USER"
# A command waits this long for another program's write (an import, a sync) before giving up.
BUSY_SECONDS = 120.0


def account_name() -> str | None:
    """The account commands act as: DTRACK_USER, or None for the only account / the first administrator."""
    return os.environ.get(USER_ENV) or None


WRONG_PASSPHRASE_DELAYS = (1, 2, 4)  # seconds after each wrong passphrase: guessing at the prompt is slow


def open_store(path: str) -> Store:
    """Sign in; a wrong passphrase typed at the prompt may be typed again, after a growing delay."""
    for attempt, delay in enumerate(WRONG_PASSPHRASE_DELAYS, start=1):
        try:
            return office.open(Path(path), passphrase(), account_name(), busy_seconds=BUSY_SECONDS)
        except WrongPassphrase:
            time.sleep(delay)
            if secret(PASSPHRASE_ENV) or attempt == len(WRONG_PASSPHRASE_DELAYS) or not sys.stdin.isatty():
                raise
            print("dtrack: wrong passphrase, try again", file=sys.stderr)
    raise AssertionError("unreachable")


def _cmd_init(args) -> int:
    store = office.create(Path(args.db), passphrase(confirm=True), admin=args.admin, organisation=args.organisation or "",
                          device_name=args.device or "", country=args.country)
    print(f"created {args.db} (device {store.device_name}, id {store.device_id}); administrator account "
          f"{store.user!r}, key file {args.db}.keys (keep it with the database)")
    store.close()
    return 0


def _cmd_demo(args) -> int:
    from tracker.domain import demo

    path = Path(args.db)
    store = open_store(path) if path.exists() else office.create(path, passphrase(confirm=True), organisation="Demo NGO")
    with store:
        def progress(done, total):
            if sys.stderr.isatty():
                print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        result = demo.populate(store, households=args.households, crossings=args.crossings, seed=args.seed,
                               progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    # The same words as dtrack stats: "people in households" counts pre-registered people too.
    print(f"added {result['households']} households ({result['persons']} people in households), "
          f"{result['movements']} movements, {result['crossings']} crossing counts (seed {args.seed}); "
          f"{args.db} now holds demo data (invented people), and says so in stats and exports")
    return 0


def _cmd_stats(args) -> int:
    from tracker.domain import stats

    with open_store(args.db) as store:
        for key, value in stats.counts(store).items():
            print(f"{key:28} {value}")
    return 0


def _cmd_check(args) -> int:
    from tracker.domain import stats

    with open_store(args.db) as store:
        report = stats.check(store)
    for line in report["lines"]:
        print(line)
    if not report["ok"]:
        raise UserError("the check found problems (listed above)")
    return 0


def new_passphrase() -> str:
    new = secret(NEW_PASSPHRASE_ENV)
    if not new:
        if not sys.stdin or not sys.stdin.isatty():
            raise UserError("set DTRACK_NEW_PASSPHRASE or run in a terminal to be asked")
        new = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat new passphrase: ") != new:
            raise UserError("the two passphrases differ; nothing was changed")
    return new


def _cmd_passwd(args) -> int:
    from tracker.store import accounts

    old = passphrase()
    with office.open(Path(args.db), old, account_name(), busy_seconds=BUSY_SECONDS) as store:
        accounts.change_passphrase(store, store.user, old, new_passphrase())
        print(f"passphrase of {store.user!r} changed (the database was not re-encrypted)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dtrack", description="Displacement Tracker command line")
    parser.add_argument("--version", action="version", version=f"dtrack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create a new encrypted database")
    p.add_argument("db")
    p.add_argument("--organisation", default="")
    p.add_argument("--device", default="", help="office or device name (default: this computer's name)")
    p.add_argument("--country", default="LBN", help="ISO3 code of the country of operation")
    p.add_argument("--admin", default="admin", help="name of the first administrator account (default: admin)")
    p.set_defaults(func=_cmd_init)

    p = sub.add_parser("demo", help="fill a database with realistic synthetic data (created if missing)")
    p.add_argument("db")
    p.add_argument("--households", type=int, default=500)
    p.add_argument("--crossings", type=int, default=2000)
    p.add_argument("--seed", type=int, default=2025)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("stats", help="print record counts")
    p.add_argument("db")
    p.set_defaults(func=_cmd_stats)

    p = sub.add_parser("check", help="integrity check, schema version, audit-log consistency")
    p.add_argument("db")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("passwd", help="change your own passphrase (DTRACK_USER's; new one from DTRACK_NEW_PASSPHRASE or a prompt)")
    p.add_argument("db")
    p.set_defaults(func=_cmd_passwd)

    # Every command group is part of the program: a missing module is an error, not a skipped group.
    for name in FEATURE_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def describe(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(e) for e in exc.errors[:5]) + (f" (and {len(exc.errors) - 5} more)" if len(exc.errors) > 5 else "")
    return str(exc)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    if getattr(args, "db", None) is not None and args.func not in (_cmd_init, _cmd_demo) and not Path(args.db).exists():
        print(f"dtrack: error: no database at {args.db}; create one with 'dtrack init {args.db}'", file=sys.stderr)
        return 1
    try:
        with _secrets_out_of_the_environment():
            return args.func(args) or 0
    except BrokenPipeError:
        # The reader went away (dtrack stats DB | head): not an error; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (UserError, TrackerError) as exc:
        print(f"dtrack: error: {describe(exc)}", file=sys.stderr)
        return 1
    except Cancelled:
        print("dtrack: cancelled; nothing was changed", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dtrack: interrupted; the last complete transaction is kept", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"dtrack: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
