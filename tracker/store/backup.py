"""Encrypted backups: SQLite's online backup of the open database into a new file encrypted under the
same key, with a copy of the key file beside it, so a backup opens with the same accounts and
passphrases as the database did when it was made.

Never a plaintext copy at any moment: the target connection is keyed before the first page is
copied, so every page reaches the disk already encrypted. The copy is written as ``*.part`` and
renamed into place once complete and flushed: a backup interrupted at any moment leaves the
previous backups and no half file under a backup's name.

Backups of one database carry its file name and device in their own name
(``office-1a2b3c4d-20250310T081500Z-manual.dtdb``). The folder is the office's choice (a USB stick
is the usual place), kept in the database with every folder a backup was ever written to, so an
emergency erase can find them. The last few are kept: the newest of each of the last 7 days
that have one, of the last 4 weeks, and the 3 newest whatever their day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from tracker import fileswap
from tracker.errors import StoreExists, TrackerError
from tracker.timeutil import utc_now_iso

from . import audit_chain, keys as keyfile, permissions
from .connection import connect
from .locks import keys_lock

SUFFIX = ".dtdb"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_NEWEST = 3
AUTO_EVERY = dt.timedelta(hours=24)
PAGES_PER_STEP = 256
META_FOLDER = "backup_folder"
META_FOLDERS = "backup_folders"  # every folder a backup was written to (for erase)
META_LAST = "backup_last"  # {"at", "head", "file"}
REASONS = ("manual", "daily", "close", "migration", "accounts", "passphrase", "purge", "restore")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<device>[0-9a-f]{8})-(?P<at>\d{8}T\d{6}Z)-(?P<reason>[a-z]+)\.dtdb$")


class BackupError(TrackerError):
    code = "backup_failed"


# -- where ------------------------------------------------------------------------
def default_folder(db_path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".backups")


def _meta(conn, key: str):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set_meta(conn, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


def folder(store) -> Path:
    """The folder backups go to: the office's choice, else ``<database>.backups`` beside it."""
    chosen = _meta(store.conn, META_FOLDER)
    return Path(chosen) if chosen else default_folder(store.path)


def known_folders(conn, db_path) -> list[Path]:
    """Every folder a backup of this database was written to, the default one included."""
    try:
        listed = json.loads(_meta(conn, META_FOLDERS) or "[]")
    except ValueError:
        listed = []
    chosen = _meta(conn, META_FOLDER)
    out = []
    for p in [str(default_folder(db_path)), *([chosen] if chosen else []), *listed]:
        if p not in out:
            out.append(p)
    return [Path(p) for p in out]


def set_folder(store, path) -> Path:
    """Choose the backup folder (administrators). It is created if missing; refused if not writable."""
    permissions.require(store, permissions.BACKUP)
    path = Path(path).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        probe = path / f".dtrack-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BackupError(f"cannot write backups to {path}: {exc.strerror or exc}; choose another folder "
                          "(is the USB stick plugged in?)", path=str(path)) from None
    with store.atomic():
        _set_meta(store.conn, META_FOLDER, str(path.resolve()))
        _remember_folder(store.conn, path)
        audit_chain.append(store.conn, [(utc_now_iso(), store.device_id, store.user, "backup_folder", None, None,
                                         None, None, json.dumps({"folder": str(path)}, ensure_ascii=False))])
    return path


def _remember_folder(conn, path: Path) -> None:
    try:
        listed = json.loads(_meta(conn, META_FOLDERS) or "[]")
    except ValueError:
        listed = []
    text = str(Path(path).resolve())
    if text not in listed:
        _set_meta(conn, META_FOLDERS, json.dumps([*listed, text], ensure_ascii=False))


# -- naming -----------------------------------------------------------------------
def _prefix(db_path, device_id: str) -> str:
    return f"{Path(db_path).stem}-{device_id.replace('-', '')[-8:].lower()}"


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def parse_name(path) -> dict | None:
    m = _NAME.match(Path(path).name)
    if not m:
        return None
    at = dt.datetime.strptime(m["at"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
    return {"stem": m["stem"], "device": m["device"], "at": at, "reason": m["reason"]}


def _free_name(target_dir: Path, prefix: str, reason: str) -> Path:
    when = dt.datetime.now(dt.timezone.utc)
    while True:
        path = target_dir / f"{prefix}-{_stamp(when)}-{reason}{SUFFIX}"
        if not path.exists() and not keyfile.key_file(path).exists():
            return path
        when += dt.timedelta(seconds=1)


# -- making one -------------------------------------------------------------------
def _fsync(path: Path) -> None:
    with open(path, "r+b") as fh:  # Windows flushes only a file opened for writing (fsync on "rb" fails)
        os.fsync(fh.fileno())


def _private(path: Path) -> None:
    """Create an empty file readable by its owner only, before anything is written into it."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))


def _remove(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def snapshot(conn, key: str, db_path, target_dir, *, device_id: str, reason: str, progress=None) -> Path:
    """Copy the database open on ``conn`` (keyed with ``key``) and its key file into ``target_dir``.
    Returns the backup's path. The caller holds the key-file lock so both match."""
    db_path, target_dir = Path(db_path), Path(target_dir)
    try:
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupError(f"cannot make the backup folder {target_dir}: {exc.strerror or exc}; choose another "
                          "folder in Settings → Backups or with --to", path=str(target_dir)) from None
    target = _free_name(target_dir, _prefix(db_path, device_id), reason)
    part = target.with_name(target.name + ".part")
    keys_part = keyfile.key_file(target).with_name(keyfile.key_file(target).name + ".part")
    _remove(part, keys_part, Path(str(part) + "-journal"))
    try:
        _private(part)
        copy = connect(part, key=key)  # keyed before the first page is written: never plaintext
        try:
            def step(status, remaining, total):
                if progress is not None:
                    progress(total - remaining, total)
            conn.backup(copy, pages=PAGES_PER_STEP, progress=step)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        _fsync(part)
        key_source = keyfile.key_file(db_path)
        if key_source.exists():
            keyfile.write_private(keys_part, key_source.read_bytes())
            fileswap.replace(keys_part, keyfile.key_file(target))
        fileswap.replace(part, target)  # last: a backup under its name always has its key file
        keyfile.fsync_dir(target_dir)
    except OSError as exc:
        _remove(part, keys_part)
        raise BackupError(f"the backup to {target_dir} failed: {exc.strerror or exc}; nothing was replaced "
                          "(is the disk full or the USB stick removed?)", path=str(target_dir)) from None
    except BaseException:
        _remove(part, keys_part)
        raise
    return target


def create(store, to=None, *, reason: str = "manual", progress=None, rotate_old: bool = True) -> dict:
    """Back the database up now. A backup asked for by a person (``manual``) needs an administrator;
    the automatic ones (closing, daily, before a change) are made whoever is signed in. Returns
    ``{"path", "bytes", "reason", "removed"}``."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if reason == "manual" or to is not None:
        permissions.require(store, permissions.BACKUP)
    if store.conn.in_transaction:
        raise BackupError("a backup cannot be made in the middle of a write; try again when it has finished")
    target_dir = Path(to).expanduser() if to is not None else folder(store)
    with keys_lock(store.path):
        path = snapshot(store.conn, store._key, store.path, target_dir, device_id=store.device_id, reason=reason,
                        progress=progress)
        with store.atomic():
            audit_chain.append(store.conn, [(utc_now_iso(), store.device_id, store.user, "backup", None, None, None,
                                             None, json.dumps({"file": path.name, "reason": reason,
                                                               "folder": str(target_dir)}, ensure_ascii=False))])
            _remember_folder(store.conn, target_dir)
            _set_meta(store.conn, META_LAST, json.dumps(
                {"at": utc_now_iso(), "head": audit_chain.head(store.conn), "file": str(path)}, ensure_ascii=False))
    size = path.stat().st_size
    removed = rotate(target_dir, _prefix(store.path, store.device_id), made=path) if rotate_old else []
    return {"path": str(path), "bytes": size, "reason": reason, "removed": [str(p) for p in removed]}


def last(store) -> dict | None:
    try:
        return json.loads(_meta(store.conn, META_LAST) or "null")
    except ValueError:
        return None


def automatic(store, reason: str, *, now: dt.datetime | None = None) -> dict | None:
    """An automatic backup (``close``, ``daily``, or before ``accounts``/``passphrase``/``purge`` changes):
    skipped when nothing was written since the last one, and a ``daily`` one also when the last is
    younger than a day. Returns what ``create`` returns, or None when skipped."""
    prior = last(store)
    if prior and prior.get("head") == audit_chain.head(store.conn):
        return None
    if reason == "daily" and prior:
        at = dt.datetime.fromisoformat(prior["at"].replace("Z", "+00:00"))
        if (now or dt.datetime.now(dt.timezone.utc)) - at < AUTO_EVERY:
            return None
    return create(store, reason=reason)


def before_migration(conn, key: str, db_path, device_id: str) -> Path | None:
    """A backup of a database about to be migrated (called with the raw connection, before the
    first migration runs). Into the office's backup folder, else beside the database."""
    chosen = _meta(conn, META_FOLDER)
    target_dir = Path(chosen) if chosen else default_folder(db_path)
    with keys_lock(db_path):
        return snapshot(conn, key, db_path, target_dir, device_id=device_id, reason="migration")


# -- keeping the last few ---------------------------------------------------------------
def backups_in(target_dir, prefix: str | None = None) -> list[dict]:
    """Backups in a folder (of one database when ``prefix`` is given), newest first."""
    out = []
    target_dir = Path(target_dir)
    if not target_dir.is_dir():
        return out
    for p in target_dir.iterdir():
        info = parse_name(p)
        if info is None or (prefix and not p.name.startswith(prefix + "-")):
            continue
        out.append({**info, "path": p, "bytes": p.stat().st_size, "keys": keyfile.key_file(p).exists()})
    out.sort(key=lambda b: (b["at"], b["path"].name), reverse=True)
    return out


def keep(backups: list[dict], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
         newest: int = KEEP_NEWEST) -> set:
    """Paths to keep of ``backups`` (newest first): the newest ``newest``, the newest of each of the last
    ``daily`` days that have one and of each of the last ``weekly`` weeks."""
    kept = {b["path"] for b in backups[:newest]}
    days, weeks = [], []
    for b in backups:
        day = b["at"].date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.append(day)
            kept.add(b["path"])
        if week not in weeks and len(weeks) < weekly:
            weeks.append(week)
            kept.add(b["path"])
    return kept


def rotate(target_dir, prefix: str, *, made: Path | None = None, **limits) -> list[Path]:
    """Delete the backups of one database that ``keep`` does not keep (never ``made``, the one just
    written: several made within one second get later names than the clock). Returns what was deleted."""
    found = backups_in(target_dir, prefix)
    kept = keep(found, **limits) | ({Path(made)} if made is not None else set())
    removed = []
    for b in found:
        if b["path"] not in kept:
            _remove(keyfile.key_file(b["path"]), b["path"])
            removed.append(b["path"])
    return removed


def list_backups(store) -> list[dict]:
    """This database's backups in every folder it has written to, newest first."""
    prefix = _prefix(store.path, store.device_id)
    found = []
    for d in known_folders(store.conn, store.path):
        found += backups_in(d, prefix)
    found.sort(key=lambda b: (b["at"], b["path"].name), reverse=True)
    return found


# -- checking and restoring -----------------------------------------------------------
def _open_copy(path: Path, passphrase: str, user: str | None):
    """A read-only connection to a backup, unlocked through its own key file."""
    if not path.is_file():
        raise BackupError(f"no backup at {path}", path=str(path))
    slot = keyfile.KeyFile.read(path).slot(user)
    key = keyfile.sqlcipher_key(slot.open(passphrase))
    conn = connect(path, key=key)
    return conn, key, slot.name


def verify(path, passphrase: str, user: str | None = None) -> dict:
    """Open a backup with an account's passphrase and check it without changing it: the file's
    integrity, the audit chain, its accounts and record counts."""
    from .schema import applied_names_in

    path = Path(path)
    conn, _, name = _open_copy(path, passphrase, user)
    try:
        conn.execute("PRAGMA query_only = ON")
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        chain = audit_chain.verify(conn)
        accounts = [r[0] for r in conn.execute("SELECT name FROM accounts WHERE removed_at IS NULL ORDER BY name")]
        counts = {t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
                  for t in ("households", "persons", "movements", "crossing_counts")}
        schema = applied_names_in(conn)
        device = _meta(conn, "device_id")
    except sqlcipher.DatabaseError as exc:  # a page that fails its checksum: damaged on the disk or stick
        return {"ok": False, "path": str(path), "account": name, "integrity": [f"damaged: {exc}"],
                "chain": {"ok": False, "rows": 0, "head": None, "problem": {"row": None, "kind": "damaged",
                                                                             "message": "the file is damaged"}},
                "accounts": [], "counts": {}, "schema": None, "device_id": None, "made": (parse_name(path) or {}).get("at")}
    finally:
        conn.close()
    ok = integrity == ["ok"] and chain["ok"]
    return {"ok": ok, "path": str(path), "account": name, "integrity": integrity, "chain": chain,
            "accounts": accounts, "counts": counts, "schema": schema[-1] if schema else None, "device_id": device,
            "made": (parse_name(path) or {}).get("at")}


def restore(path, to, passphrase: str, user: str | None = None) -> dict:
    """Make a new database at ``to`` from a backup, after checking it. The restored database keeps the
    backup's accounts and records but becomes a new device (new device id; new sync keys at its
    first sync), so its changes never collide with those the lost device made after the backup.
    Interrupted at any moment, it leaves no database at ``to`` or a complete one."""
    from .ids import new_id

    path, to = Path(path), Path(to)
    if to.exists() and to.stat().st_size > 0:
        raise StoreExists(str(to))
    report = verify(path, passphrase, user)
    if not report["ok"]:
        problem = report["chain"]["problem"]["message"] if not report["chain"]["ok"] else "; ".join(report["integrity"][:3])
        raise BackupError(f"{path.name} fails its check ({problem}); choose another backup", path=str(path))
    to.parent.mkdir(parents=True, exist_ok=True)
    part = to.with_name(to.name + ".restore-part")
    keys_target = keyfile.key_file(to)
    _remove(part, Path(str(part) + "-journal"))
    try:
        _private(part)
        shutil.copyfile(path, part)  # the backup's bytes: already encrypted
        slot = keyfile.KeyFile.read(path).slot(user)
        name = slot.name
        copy = connect(part, key=keyfile.sqlcipher_key(slot.open(passphrase)))
        try:
            old_device = _meta(copy, "device_id")
            new_device = new_id()
            copy.execute("BEGIN IMMEDIATE")
            _set_meta(copy, "device_id", new_device)
            copy.execute("DELETE FROM meta WHERE key IN ('sync_sign_key', 'sync_box_key', ?)", (META_LAST,))
            audit_chain.append(copy, [(utc_now_iso(), new_device, name, "restore", None, None, None, None,
                                       json.dumps({"from": path.name, "device_before": old_device},
                                                  ensure_ascii=False))])
            copy.execute("COMMIT")
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        _fsync(part)
        keyfile.write_private(keys_target, keyfile.key_file(path).read_bytes())
        fileswap.replace(part, to)  # last: a database under its name always has its key file
        keyfile.fsync_dir(to.parent)
    except BaseException:
        _remove(part, Path(str(part) + "-journal"))
        raise
    return {**report, "to": str(to), "device_id": new_device, "device_before": old_device}
