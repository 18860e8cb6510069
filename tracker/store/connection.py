"""The encrypted local store: opening, creating, locking and re-keying one database file.

One file per office or device, encrypted with SQLCipher 4 (AES-256). The
passphrase never touches disk or the command line. WAL keeps readers off the
writer's back and survives power cuts; ``temp_store=MEMORY`` keeps decrypted
temporary data off disk; a large page cache is the biggest lever on speed for
an encrypted file (docs/performance.md).
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlite_utils import Database

from . import schema
from tracker.errors import SchemaTooNew, StoreExists, StoreMissing, TrackerError, WrongPassphrase
from .ids import HybridClock, new_id
from tracker.timeutil import utc_now_iso

APPLICATION_ID = 0x44545243  # "DTRC": marks our files apart from other SQLCipher databases
CACHE_KIB = 262_144  # 256 MiB page cache, as measured in stack-facts / docs/performance.md
DEFAULT_FILE_NAME = "tracker.dtdb"


def default_store_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("displacement-tracker", appauthor=False)) / DEFAULT_FILE_NAME


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# SQLCipher 4 defaults: PBKDF2-HMAC-SHA512, 256,000 iterations, a 32-byte key, the salt in the
# file's first 16 bytes. Deriving the key once here lets a second connection skip the slow step.
KDF_ITERATIONS = 256_000


def raw_key(path: str | os.PathLike, passphrase: str) -> str | None:
    """The derived key of an existing file, as SQLCipher's raw-key literal; None for a new file."""
    try:
        with open(path, "rb") as fh:
            salt = fh.read(16)
    except FileNotFoundError:
        return None
    if len(salt) < 16:
        return None
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
    return f"\"x'{key.hex()}{salt.hex()}'\""


def connect(path: str | os.PathLike, passphrase: str, *, key: str | None = None) -> sqlcipher.Connection:
    """Open a SQLCipher connection, apply the key and pragmas; raise WrongPassphrase if it does not decrypt.
    ``key`` is a raw-key literal from ``raw_key`` (skips the key derivation)."""
    if not passphrase and not key:
        raise TrackerError("a passphrase is required", field="passphrase")
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key or _quote(passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WrongPassphrase(str(path)) from exc
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


class Store:
    """An open, unlocked database. Thread use: one writer at a time (ui/ routes writes through one worker)."""

    def __init__(self, path: Path, conn: sqlcipher.Connection, passphrase: str, user: str | None = None):
        self.path = Path(path)
        self.conn = conn
        self.db = Database(conn)
        self._passphrase = passphrase
        self._key: str | None = None  # derived raw key, for extra connections
        self.user = user or _default_user()
        meta = self.meta()
        self.device_id = meta["device_id"]
        self.device_name = meta.get("device_name", "")
        self.organisation = meta.get("organisation", "")
        self.country = meta.get("country", "")
        self.clock = HybridClock(meta.get("hlc"))
        row = conn.execute("SELECT MAX(origin_seq) FROM change_log WHERE origin_device = ?",
                           (self.device_id,)).fetchone()
        self.seq = row[0] or 0  # this device's last change number
        self._pcodes: dict[str, dict] | None = None
        self._listeners: list = []
        self._pending_events: list = []

    # -- opening -----------------------------------------------------------------
    @classmethod
    def create(cls, path, passphrase: str, *, organisation: str = "", device_name: str = "",
               country: str = "LBN", language: str = "en", user: str | None = None) -> "Store":
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreExists(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path, passphrase)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db = Database(conn)
        schema.migrations.apply(db)
        now = utc_now_iso()
        with db.atomic():
            db["meta"].insert_all([
                {"key": "device_id", "value": new_id()},
                {"key": "device_name", "value": device_name or os.uname().nodename},
                {"key": "organisation", "value": organisation},
                {"key": "country", "value": country},
                {"key": "language", "value": language},
                {"key": "created_at", "value": now},
                {"key": "local_seq", "value": "0"},
            ])
        return cls(path, conn, passphrase, user)

    @classmethod
    def open(cls, path, passphrase: str, user: str | None = None, *, migrate: bool = True) -> "Store":
        path = Path(path)
        if not path.exists():
            raise StoreMissing(str(path))
        recover_interrupted_rekey(path)
        key = raw_key(path, passphrase)
        conn = connect(path, passphrase, key=key)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            conn.close()
            raise WrongPassphrase(str(path))
        conn.execute("PRAGMA journal_mode = WAL")
        db = Database(conn)
        known = set(schema.migration_names())
        applied = schema.applied_names(db)
        unknown = [n for n in applied if n not in known]
        if unknown:
            conn.close()
            raise SchemaTooNew(f"this database was written by a newer version (schema {unknown[-1]}); "
                               "update Displacement Tracker to open it", applied=unknown)
        if migrate:
            schema.migrations.apply(db)
        store = cls(path, conn, passphrase, user)
        store._key = key
        return store

    def reader(self) -> sqlcipher.Connection:
        """A second connection for reads on another thread (WAL lets it read while the writer writes)."""
        if self._key is None:
            self._key = raw_key(self.path, self._passphrase)
        conn = connect(self.path, self._passphrase, key=self._key)
        conn.execute("PRAGMA query_only = ON")
        return conn

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(sqlcipher.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None
            self._passphrase = ""
            self._key = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- metadata ----------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT key, value FROM meta")}

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, str(value)))

    def schema_version(self) -> list[str]:
        return schema.applied_names(self.db)

    # -- transactions ------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self):
        """One transaction; nested calls become savepoints. The clock state is saved with the data."""
        outer = not self.conn.in_transaction
        saved = (self.clock.ms, self.clock.counter, self.seq)
        try:
            with self.db.atomic():
                yield self
                if outer:
                    self.set_meta("hlc", self.clock.last())
        except BaseException:
            if outer:
                self.clock.ms, self.clock.counter, self.seq = saved
                self._pending_events.clear()
                self._pcodes = None
            raise
        if outer:
            events, self._pending_events = self._pending_events, []
            for table, ids in events:
                self.publish(table, ids)

    def queue_event(self, table: str, ids) -> None:
        """Publish ``(table, ids)`` once the current transaction commits (dropped on rollback)."""
        if self.conn.in_transaction:
            self._pending_events.append((table, ids))
        else:
            self.publish(table, ids)

    # -- gazetteer cache -----------------------------------------------------------
    def locations(self) -> dict[str, dict]:
        """Every live location by P-code (cached; invalidated by location writes)."""
        if self._pcodes is None:
            cur = self.conn.execute(
                "SELECT id, level, parent, name_en, name_ar, country, kind, lat, lon FROM locations WHERE deleted = 0")
            cols = [d[0] for d in cur.description]
            self._pcodes = {r[0]: dict(zip(cols, r)) for r in cur}
        return self._pcodes

    def invalidate_locations(self) -> None:
        self._pcodes = None

    # -- events --------------------------------------------------------------------
    def subscribe(self, listener) -> None:
        """``listener(table, ids)`` is called after each committed write (ui/ turns it into a signal)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def publish(self, table: str, ids) -> None:
        for listener in list(self._listeners):
            listener(table, ids)

    # -- passphrase ----------------------------------------------------------------
    def change_passphrase(self, old: str, new: str) -> None:
        """Re-encrypt under a new passphrase. Safe to interrupt: the old file stays whole until
        a complete, synced copy under the new key atomically replaces it."""
        if old != self._passphrase:
            raise WrongPassphrase(str(self.path))
        if not new:
            raise TrackerError("the new passphrase is empty", field="passphrase")
        tmp = self.path.with_name(self.path.name + ".rekey")
        if tmp.exists():
            tmp.unlink()
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY {_quote(new)}", (str(tmp),))
        try:
            self.conn.execute("SELECT sqlcipher_export('rekeyed')")
            self.conn.execute(f"PRAGMA rekeyed.application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA rekeyed.user_version = {self.conn.execute('PRAGMA user_version').fetchone()[0]}")
        finally:
            self.conn.execute("DETACH DATABASE rekeyed")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        self.conn.close()
        for suffix in ("-wal", "-shm"):
            p = self.path.with_name(self.path.name + suffix)
            if p.exists():
                p.unlink()
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)
        self.conn = connect(self.path, new)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.db = Database(self.conn)
        self._passphrase = new
        self._key = None


def recover_interrupted_rekey(path) -> None:
    """A leftover ``.rekey`` file means a re-key stopped before the swap: the original is intact."""
    tmp = Path(str(path) + ".rekey")
    if tmp.exists():
        tmp.unlink()


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some field laptops' service accounts
        return "unknown"

