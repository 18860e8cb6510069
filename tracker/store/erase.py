"""Emergency erase: remove a database and everything of it this computer knows about.

What goes, in this order: the key file first (without a key file no passphrase opens the database,
so once every copy of it is gone the data is unreadable even where a file could not be removed),
then the database, its write-ahead log and shared memory, its locks and leftovers, then every
backup (key file first) in every folder a backup was written to. Each file is overwritten with
random bytes and flushed before it is unlinked. On SSDs, journaling or copy-on-write file systems
and USB sticks the old blocks may survive the overwrite: that is why the key files go first.

Drafts live inside the database and go with it. The window's recent-files list is the window's
own preference; the window removes the entry when it erases (the command line says so).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tracker.errors import StoreInUse

from . import backup, keys as keyfile, permissions
from .locks import exclusive, keys_lock_path, open_lock_path

CHUNK = 1 << 20


def overwrite(path: Path) -> None:
    """Overwrite a file's bytes with random data and flush them to the disk."""
    size = path.stat().st_size
    with open(path, "r+b", buffering=0) as fh:
        done = 0
        while done < size:
            n = min(CHUNK, size - done)
            fh.write(os.urandom(n))
            done += n
        os.fsync(fh.fileno())


def _database_files(db_path: Path) -> list[Path]:
    name = db_path.name
    return [keyfile.key_file(db_path), db_path, db_path.with_name(name + "-wal"), db_path.with_name(name + "-shm"),
            db_path.with_name(name + "-journal"), db_path.with_name(name + ".rekey"),
            db_path.with_name(name + ".restore-part")]


def plan(store) -> dict:
    """What an erase would remove: {"database": [paths], "backups": [paths], "folders": [unreachable]}."""
    files = [p for p in _database_files(store.path) if p.exists()]
    backups, unreachable = [], []
    prefix = backup._prefix(store.path, store.device_id)
    for d in backup.known_folders(store.conn, store.path):
        if not d.is_dir():
            if d != backup.default_folder(store.path):
                unreachable.append(d)
            continue
        for b in backup.backups_in(d, prefix):
            backups += [p for p in (keyfile.key_file(b["path"]), b["path"]) if p.exists()]
        backups += [p for p in d.glob(prefix + "-*.part")]
    return {"database": files, "backups": backups, "folders": unreachable}


def erase(store) -> dict:
    """Erase the signed-in database (administrators). Closes ``store``. Returns {"removed": [paths],
    "failed": [(path, reason)], "unreachable": [folders], "in_use": bool}."""
    permissions.require(store, permissions.ERASE)
    what = plan(store)
    db_path = store.path
    # every key file first: the database and its backups are unreadable from then on
    keys_first = [p for p in what["database"] + what["backups"] if p.name.endswith(".keys")]
    rest = [p for p in what["database"] + what["backups"] if p not in keys_first]
    store.close()
    removed, failed, in_use = [], [], False
    lock = contextlib.ExitStack()
    try:
        lock.enter_context(exclusive(db_path, "erasing this database"))
    except StoreInUse:
        in_use = True  # an emergency does not wait: remove what the file system lets us
    with lock:
        for p in keys_first + rest:
            try:
                with contextlib.suppress(OSError):
                    overwrite(p)
                p.unlink()
                removed.append(p)
            except FileNotFoundError:
                continue
            except OSError as exc:
                failed.append((p, exc.strerror or str(exc)))
    for p in (open_lock_path(db_path), keys_lock_path(db_path)):
        with contextlib.suppress(OSError):
            p.unlink()
    for d in {p.parent for p in what["backups"]}:
        with contextlib.suppress(OSError):
            d.rmdir()  # only when empty
    return {"removed": removed, "failed": failed, "unreachable": what["folders"], "in_use": in_use}


def describe(result: dict) -> list[str]:
    lines = [f"removed {len(result['removed'])} files (overwritten first where the disk allowed)"]
    for p, why in result["failed"]:
        lines.append(f"could NOT remove {p}: {why}")
    for d in result["unreachable"]:
        lines.append(f"could NOT reach the backup folder {d} (a USB stick not plugged in?): the backups of this "
                     "database there remain; destroy that stick or delete them by hand")
    if result["in_use"]:
        lines.append("another program had the database open: close it; it may show what it already read")
    return lines
