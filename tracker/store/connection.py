"""The encrypted local store: creating, opening and writing one database file.

One file per office or device, encrypted with SQLCipher 4 (AES-256) under a random key that the
accounts' passphrases unlock (tracker/store/keys.py: the key file beside the database). No
passphrase touches disk or the command line. WAL keeps readers off the writer's back and
survives power cuts; ``temp_store=MEMORY`` keeps decrypted temporary data off disk; a large page
cache is the biggest lever on speed for an encrypted file (docs/performance.md).

One writer at a time, across processes: every write transaction starts with BEGIN IMMEDIATE (it
takes SQLite's write lock at once and waits up to ``busy_seconds`` for another writer to finish),
and reads this device's change number and clock inside that lock, so a second program writing the
same file between two of our transactions never makes our numbers stale.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from tracker.errors import (AccountRemoved, KeysMissing, SchemaTooNew, StoreBusy, StoreExists, StoreMissing,
                            TrackerError, WrongPassphrase)
from tracker.timeutil import utc_now_iso

from . import keys as keyfile
from . import schema
from .ids import HybridClock, new_id, parse_hlc
from .locks import OpenLock, exclusive
from .paths import DEFAULT_FILE_NAME, default_store_path  # noqa: F401  (re-exported)

APPLICATION_ID = 0x44545243  # "DTRC": marks our files apart from other SQLCipher databases
CACHE_KIB = 262_144  # 256 MiB page cache, as measured in stack-facts / docs/performance.md
DEFAULT_BUSY_SECONDS = 15.0
INIT_ADMIN = "admin"

# The cipher settings are pinned, not left to the library's defaults: SQLCipher 4's (AES-256-CBC,
# HMAC-SHA512, 4096-byte pages; PBKDF2-HMAC-SHA512 with 256,000 iterations for databases from
# before accounts, whose passphrase SQLCipher itself turns into the key). A database made with
# accounts is keyed with a raw 32-byte key, so SQLCipher runs no key derivation for it.
CIPHER_SETTINGS = ("PRAGMA cipher_compatibility = 4", "PRAGMA kdf_iter = 256000",
                   "PRAGMA cipher_page_size = 4096", "PRAGMA cipher_hmac_algorithm = HMAC_SHA512",
                   "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(path: str | os.PathLike, passphrase: str = "", *, key: str | None = None,
            busy_seconds: float = DEFAULT_BUSY_SECONDS) -> sqlcipher.Connection:
    """Open a SQLCipher connection with a raw key literal (``keys.sqlcipher_key``) or, for a database
    from before accounts, its passphrase; apply the pinned cipher settings and our pragmas; raise
    WrongPassphrase if it does not decrypt."""
    if not passphrase and not key:
        raise TrackerError("a passphrase is required", field="passphrase")
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key or _quote(passphrase)}")
        for pragma in CIPHER_SETTINGS:
            conn.execute(pragma)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WrongPassphrase(str(path)) from exc
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_seconds * 1000)}")
    return conn


def _touch_private(path: Path) -> None:
    """Create the database file readable by its owner only (SQLite gives -wal/-shm the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


class Store:
    """An open, unlocked database, signed in as one account. Thread use: one writer at a time
    (ui/ routes writes through one worker); other processes are kept in line by SQLite's lock."""

    def __init__(self, path: Path, conn: sqlcipher.Connection, key: str, account: dict, lock: OpenLock | None,
                 busy_seconds: float = DEFAULT_BUSY_SECONDS):
        self.path = Path(path)
        self.conn = conn
        self._db = None
        self._key = key  # SQLCipher's raw-key literal, for reader connections (never written anywhere)
        self._lock = lock
        self.busy_seconds = busy_seconds
        self.user = account["name"]  # the signed-in account: names every audit and change-log row
        self.role = account["role"]
        meta = self.meta()
        self.device_id = meta["device_id"]
        self.device_name = meta.get("device_name", "")
        self.organisation = meta.get("organisation", "")
        self.country = meta.get("country", "")
        self.clock = HybridClock(meta.get("hlc"))
        self.seq = self._stored_seq()  # this device's last change number (re-read inside every write)
        self._data_version = self._read_data_version()
        self._pcodes: dict[str, dict] | None = None
        self._listeners: list = []
        self._pending_events: list = []

    # -- opening -----------------------------------------------------------------
    @classmethod
    def create(cls, path, passphrase: str, *, admin: str = INIT_ADMIN, organisation: str = "", device_name: str = "",
               country: str = "LBN", language: str = "en", user: str | None = None,
               busy_seconds: float = DEFAULT_BUSY_SECONDS, policy: bool = True) -> "Store":
        """A new database with one account, ``admin`` (an administrator), unlocked by ``passphrase``.
        ``user`` is accepted as another name for ``admin``. ``policy=False`` skips the passphrase
        strength rule (only for the built-in demo database, which holds invented people)."""
        from .policy import check_name, check_passphrase

        path = Path(path)
        admin = check_name(user or admin)
        if policy:
            check_passphrase(passphrase, admin)
        if path.exists() and path.stat().st_size > 0:
            raise StoreExists(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        data_key = keyfile.new_data_key()
        # The key file first: a crash before the database exists leaves a key file for no database,
        # never a database whose key is lost.
        keyfile.KeyFile(path, [keyfile.Slot.seal(admin, passphrase, data_key, init_admin=True)]).write()
        _touch_private(path)
        lock = OpenLock(path)
        key = keyfile.sqlcipher_key(data_key)
        try:
            conn = connect(path, key=key, busy_seconds=busy_seconds)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db = database(conn)
            schema.migrations.apply(db)
            now = utc_now_iso()
            with db.atomic():
                db["meta"].insert_all([
                    {"key": "device_id", "value": new_id()},
                    {"key": "device_name", "value": device_name or _node_name()},
                    {"key": "organisation", "value": organisation},
                    {"key": "country", "value": country},
                    {"key": "language", "value": language},
                    {"key": "created_at", "value": now},
                    {"key": "local_seq", "value": "0"},
                ])
                account = {"name": admin, "role": "administrator", "created_at": now, "created_by": admin}
                db["accounts"].insert(account)
        except BaseException:
            lock.release()
            raise
        return cls(path, conn, key, account, lock, busy_seconds)

    @classmethod
    def open(cls, path, passphrase: str, user: str | None = None, *, migrate: bool = True,
             busy_seconds: float = DEFAULT_BUSY_SECONDS, before_migration=None) -> "Store":
        """Sign in to an existing database as ``user`` (None: its only account, or the administrator
        made when it was created). A database from before accounts is upgraded on the way: its
        passphrase becomes the administrator's. ``before_migration(conn, key, path, device_id)`` runs
        before pending migrations are applied (the office service makes a backup there)."""
        path = Path(path)
        if not path.exists():
            raise StoreMissing(str(path))
        _remove_rekey_leftovers(path)
        lock = OpenLock(path)
        try:
            conn, key, name = _unlock(path, passphrase, user, lock, busy_seconds, before_migration)
        except BaseException:
            lock.release()
            raise
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise WrongPassphrase(str(path))
            conn.execute("PRAGMA journal_mode = WAL")
            known = set(schema.migration_names())
            applied = schema.applied_names_in(conn)
            unknown = [n for n in applied if n not in known]
            if unknown:
                raise SchemaTooNew(f"this database was written by a newer version (schema {unknown[-1]}); "
                                   "update Displacement Tracker to open it", applied=unknown)
            if migrate and set(schema.migration_names()) - set(applied):
                if before_migration is not None:  # a copy from before, in case the new version has a fault
                    before_migration(conn, key, path, _meta_value(conn, "device_id") or "unknown")
                schema.migrations.apply(database(conn))
            account = _account_row(conn, name)
        except BaseException:
            conn.close()
            lock.release()
            raise
        return cls(path, conn, key, account, lock, busy_seconds)

    def reader(self) -> sqlcipher.Connection:
        """A second connection for reads on another thread (WAL lets it read while the writer writes)."""
        conn = connect(self.path, key=self._key, busy_seconds=self.busy_seconds)
        conn.execute("PRAGMA query_only = ON")
        return conn

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(sqlcipher.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None
            self._key = ""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

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
        return schema.applied_names_in(self.conn)

    @property
    def db(self):
        """sqlite-utils over this connection (loaded on first use: opening does not need it)."""
        if self._db is None:
            self._db = database(self.conn)
        return self._db

    # -- transactions ------------------------------------------------------------
    @contextlib.contextmanager
    def atomic(self):
        """One write transaction (BEGIN IMMEDIATE: the write lock is ours from the start, or we wait
        for it up to ``busy_seconds`` and then raise StoreBusy having changed nothing); nested calls
        become savepoints. The change number and clock are read inside the lock and the clock state
        is saved with the data."""
        if self.conn.in_transaction:
            with self.db.atomic():  # a savepoint inside the caller's transaction
                yield self
            return
        saved = (self.clock.ms, self.clock.counter, self.seq)
        self._begin_immediate()
        try:
            self._catch_up()
            yield self
            self.set_meta("hlc", self.clock.last())
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlcipher.Error):
                    self.conn.execute("ROLLBACK")
            self.clock.ms, self.clock.counter, self.seq = saved
            self._pending_events.clear()
            self._pcodes = None
            raise
        self._data_version = self._read_data_version()
        events, self._pending_events = self._pending_events, []
        for table, ids in events:
            self.publish(table, ids)

    def _begin_immediate(self) -> None:
        started = time.monotonic()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusy(str(self.path), round(time.monotonic() - started, 1)) from exc
            raise

    def _stored_seq(self) -> int:
        row = self.conn.execute("SELECT MAX(origin_seq) FROM change_log WHERE origin_device = ?",
                                (self.device_id,)).fetchone()
        return row[0] or 0

    def _catch_up(self) -> None:
        """Inside the write lock: take up what another connection wrote since our last look (its
        change numbers and clock, and the places it may have changed)."""
        self.seq = max(self.seq, self._stored_seq())
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        if row and row[0]:
            with contextlib.suppress(ValueError):
                ms, counter = parse_hlc(row[0])
                if (ms, counter) > (self.clock.ms, self.clock.counter):
                    self.clock.ms, self.clock.counter = ms, counter
        if self._read_data_version() != self._data_version:
            self._pcodes = None

    def _read_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """True once after another connection (another program, or a reader) committed a change
        since we last looked: the window refreshes what it shows. Cheap: one pragma."""
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self._pcodes = None
        return True

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


def _node_name() -> str:
    import platform

    return platform.node() or "device"


def _remove_rekey_leftovers(path: Path) -> None:
    """Versions before accounts re-keyed through a copy (``.rekey`` and its journal): a leftover
    means a re-key stopped before the swap, and the original is intact."""
    for suffix in (".rekey", ".rekey-journal", ".rekey-wal", ".rekey-shm"):
        leftover = Path(str(path) + suffix)
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


recover_interrupted_rekey = _remove_rekey_leftovers


def database(conn):
    """sqlite-utils over ``conn`` (imported here, without numpy, on first use)."""
    from . import lean_sqlite_utils  # noqa: F401  (before sqlite-utils: it loads without numpy)
    from sqlite_utils import Database

    return Database(conn)


def _meta_value(conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _account_row(conn, name: str) -> dict:
    cur = conn.execute("SELECT name, role, removed_at FROM accounts WHERE name = ?", (name,))
    row = cur.fetchone()
    if row is None or row[2]:
        raise AccountRemoved(name)
    return {"name": row[0], "role": row[1]}


def _unlock(path: Path, passphrase: str, user: str | None, lock: OpenLock, busy_seconds: float,
            before_migration=None) -> tuple[sqlcipher.Connection, str, str]:
    """(connection, raw-key literal, account name), upgrading a database from before accounts."""
    if not passphrase:
        raise TrackerError("a passphrase is required", field="passphrase")
    try:
        keys = keyfile.KeyFile.read(path)
    except KeysMissing as missing:
        # No key file: a database from before accounts, opened with its passphrase, or a copy
        # that lost its key file.
        try:
            legacy = connect(path, passphrase, busy_seconds=busy_seconds)
        except WrongPassphrase:
            raise missing from None
        if legacy.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            legacy.close()  # another program's SQLCipher file: never touch it
            raise WrongPassphrase(str(path))
        name = user or INIT_ADMIN
        return _upgrade_legacy(path, legacy, passphrase, name, lock, busy_seconds, None, before_migration)
    slot = keys.slot(user)
    data_key = slot.open(passphrase)
    key = keyfile.sqlcipher_key(data_key)
    try:
        return connect(path, key=key, busy_seconds=busy_seconds), key, slot.name
    except WrongPassphrase:
        # The key file opened but the database did not take its key: an upgrade stopped after
        # writing the key file and before re-keying. The passphrase still opens the old way.
        legacy = connect(path, passphrase, busy_seconds=busy_seconds)
        return _upgrade_legacy(path, legacy, passphrase, slot.name, lock, busy_seconds, data_key, before_migration)


def _upgrade_legacy(path: Path, conn, passphrase: str, name: str, lock: OpenLock, busy_seconds: float,
                    data_key: bytes | None, before_migration=None) -> tuple[sqlcipher.Connection, str, str]:
    """Give a single-passphrase database a random key and a first administrator, ``name``, whose
    passphrase is the old one. Needs the database to itself. Safe to stop at any point: the key
    file is written before the database is re-keyed in one transaction, and a stopped upgrade
    is finished at the next opening."""
    from .policy import check_name

    name = check_name(name)
    try:
        with exclusive(path, "upgrading this database to personal accounts", keep=lock):
            if data_key is None:
                data_key = keyfile.new_data_key()
                keyfile.KeyFile(path, [keyfile.Slot.seal(name, passphrase, data_key, init_admin=True)]).write()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA rekey = {keyfile.sqlcipher_key(data_key)}")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    key = keyfile.sqlcipher_key(data_key)
    conn = connect(path, key=key, busy_seconds=busy_seconds)
    db = database(conn)
    if before_migration is not None:
        before_migration(conn, key, path, _meta_value(conn, "device_id") or "unknown")
    schema.migrations.apply(db)
    if conn.execute("SELECT count(*) FROM accounts WHERE name = ?", (name,)).fetchone()[0] == 0:
        with db.atomic():
            db["accounts"].insert({"name": name, "role": "administrator", "created_at": utc_now_iso(),
                                   "created_by": name})
    return conn, key, name
