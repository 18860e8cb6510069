"""Locks that other processes see: who has a database open, and who changes its key file.

Every open Store holds a shared lock on ``office.dtdb.lock`` for as long as it is open. An
operation that must have the database to itself (changing its encryption key, erasing it) takes
that lock exclusively and is refused at once, with a clear message, while anyone else has the
database open. Writes to the key file are serialised by an exclusive lock on
``office.dtdb.keys.lock``. SQLite's own locking (BEGIN IMMEDIATE with a busy timeout) decides who
writes records; these locks only guard what SQLite cannot see.

portalocker gives the same shared/exclusive semantics on POSIX (flock) and Windows (LockFileEx).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import portalocker

from tracker.errors import StoreInUse


def open_lock_path(db_path) -> Path:
    return Path(str(db_path) + ".lock")


def keys_lock_path(db_path) -> Path:
    return Path(str(db_path) + ".keys.lock")


def _lock_file(path: Path):
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "r+b")


class OpenLock:
    """The shared lock an open Store holds."""

    def __init__(self, db_path):
        self._fh = _lock_file(open_lock_path(db_path))
        try:
            portalocker.lock(self._fh, portalocker.LockFlags.SHARED | portalocker.LockFlags.NON_BLOCKING)
        except portalocker.LockException:
            self._fh.close()
            raise StoreInUse(str(db_path), "opening") from None

    def release(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(Exception):
                portalocker.unlock(self._fh)
            self._fh.close()
            self._fh = None


@contextlib.contextmanager
def exclusive(db_path, what: str, *, keep: OpenLock | None = None):
    """Have the database to ourselves for ``what``; refused at once if anyone else has it open.
    ``keep`` is the caller's own shared lock, set aside for the duration and taken back after."""
    if keep is not None:
        keep.release()
    fh = _lock_file(open_lock_path(db_path))
    try:
        try:
            portalocker.lock(fh, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
        except portalocker.LockException:
            raise StoreInUse(str(db_path), what) from None
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                portalocker.unlock(fh)
    finally:
        fh.close()
        if keep is not None:
            keep.__init__(db_path)


@contextlib.contextmanager
def keys_lock(db_path, timeout: float = 30.0):
    """Serialise changes to the key file (account added, removed, passphrase changed)."""
    fh = _lock_file(keys_lock_path(db_path))
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                portalocker.lock(fh, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
                break
            except portalocker.LockException:
                if time.monotonic() > deadline:
                    raise StoreInUse(str(db_path), "changing an account") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                portalocker.unlock(fh)
    finally:
        fh.close()
