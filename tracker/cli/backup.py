"""Safeguards of the data: ``dtrack backup create|list|verify|restore``, ``dtrack erase`` and ``dtrack purge``.

    dtrack backup create DB [--to DIR]      an encrypted backup now (administrators)
    dtrack backup list DB                   this database's backups, newest first
    dtrack backup verify FILE               open a backup with your passphrase and check it
    dtrack backup restore FILE --to NEWDB   a new database from a backup (same accounts)
    dtrack erase DB --yes                   remove the database, its key file and its backups
    dtrack purge DB --older-than MONTHS [--dry-run]
"""

from __future__ import annotations

import sys
from pathlib import Path


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


def _progress(done, total):
    if sys.stderr.isatty() and total:
        print(f"\r{done * 100 // total}%", end="", file=sys.stderr, flush=True)


def _cmd_create(args) -> int:
    from tracker.store import backup
    from .main import open_store

    with open_store(args.db) as store:
        result = backup.create(store, args.to, reason="manual", progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"backup written: {result['path']} ({_size(result['bytes'])}) with its key file")
    for p in result["removed"]:
        print(f"older backup removed: {p}")
    return 0


def _cmd_list(args) -> int:
    from tracker.store import backup
    from .main import open_store

    with open_store(args.db) as store:
        found = backup.list_backups(store)
        where = backup.folder(store)
    if not found:
        print(f"no backups yet (backup folder: {where})")
        return 0
    for b in found:
        keys = "" if b["keys"] else "  KEY FILE MISSING"
        print(f"{b['at']:%Y-%m-%d %H:%M} UTC  {b['reason']:10} {_size(b['bytes']):>10}  {b['path']}{keys}")
    return 0


def _cmd_verify(args) -> int:
    from tracker.store import backup
    from .main import UserError, account_name, passphrase

    report = backup.verify(Path(args.file), passphrase(), account_name())
    made = report["made"].strftime("%Y-%m-%d %H:%M UTC") if report["made"] else "unknown"
    print(f"backup made {made}, schema {report['schema']}, opened as {report['account']!r}")
    print("accounts: " + ", ".join(report["accounts"]))
    print("records: " + ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in report["counts"].items()))
    print("integrity: " + ("ok" if report["integrity"] == ["ok"] else "FAILED: " + "; ".join(report["integrity"][:5])))
    chain = report["chain"]
    print(f"audit chain: ok ({chain['rows']} rows), head {chain['head']}" if chain["ok"]
          else f"audit chain: BROKEN at row {chain['problem']['row']}: {chain['problem']['message']}")
    if not report["ok"]:
        raise UserError("the backup failed its check (listed above)")
    return 0


def _cmd_restore(args) -> int:
    from tracker.store import backup
    from .main import account_name, passphrase

    result = backup.restore(Path(args.file), Path(args.to), passphrase(), account_name())
    print(f"restored {args.file} to {result['to']} with its key file: accounts "
          + ", ".join(result["accounts"]) + "; " + ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in result["counts"].items()))
    print(f"the restored database is a new device ({result['device_id']}): exchange identity files with your "
          "peers again before syncing")
    return 0


def _cmd_erase(args) -> int:
    from tracker.store import erase
    from .main import UserError, open_store

    if not args.yes:
        raise UserError("erase removes the database, its key file and every backup it knows of, for good; "
                        "add --yes to go ahead")
    store = open_store(args.db)
    try:
        result = erase.erase(store)
    finally:
        store.close()
    for line in erase.describe(result):
        print(line)
    print("the window's recent-files list drops the entry the next time it starts")
    if result["failed"] or result["unreachable"]:
        raise UserError("some files could not be removed (listed above)")
    return 0


def _cmd_purge(args) -> int:
    from tracker.domain import retention
    from .main import open_store

    with open_store(args.db) as store:
        result = retention.purge(store, args.older_than, dry_run=args.dry_run)
    print(retention.describe(result, args.dry_run))
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("backup", help="encrypted backups: create, list, verify, restore")
    sub = p.add_subparsers(dest="backup_command", required=True, metavar="ACTION")
    c = sub.add_parser("create", help="back the database up now (with its key file)")
    c.add_argument("db")
    c.add_argument("--to", metavar="DIR", help="folder (default: the office's backup folder, or DB.backups)")
    c.set_defaults(func=_cmd_create)
    c = sub.add_parser("list", help="this database's backups, newest first")
    c.add_argument("db")
    c.set_defaults(func=_cmd_list)
    c = sub.add_parser("verify", help="open a backup with your passphrase and check it (changes nothing)")
    c.add_argument("file")
    c.set_defaults(func=_cmd_verify)
    c = sub.add_parser("restore", help="make a new database from a backup")
    c.add_argument("file")
    c.add_argument("--to", required=True, metavar="NEWDB", help="the new database's file (must not exist)")
    c.set_defaults(func=_cmd_restore)

    p = subparsers.add_parser("erase", help="EMERGENCY: remove the database, its key file and its backups")
    p.add_argument("db")
    p.add_argument("--yes", action="store_true", help="really erase (required)")
    p.set_defaults(func=_cmd_erase)

    p = subparsers.add_parser("purge", help="remove personal data of households closed or gone for N months")
    p.add_argument("db")
    p.add_argument("--older-than", type=int, metavar="MONTHS",
                   help="months since the household was last changed (default: the office's setting)")
    p.add_argument("--dry-run", action="store_true", help="only count what would be purged")
    p.set_defaults(func=_cmd_purge)
