"""Helpers for the sync tests: several real encrypted stores ("devices") that trust each other.

Creating a store runs the migrations and loads the gazetteer (~0.3 s), and opening one with a
passphrase runs the key derivation (~0.2 s). The property test needs hundreds of devices, so
each device here is a copy of one template file (and its key file), opened with the template's
raw 256-bit database key (still a real encrypted file, just without unlocking the key file), and
given its own device id and key pairs. Tests that go through ``Store.open`` (the command line)
pass a passphrase instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

import tracker  # noqa: F401
from tracker.domain import households
from tracker.store import keys
from tracker.store.ids import new_id
from tracker.store.connection import Store, connect
from tracker import office
from tracker.sync import identity

RAW_KEY = "x'" + os.urandom(32).hex() + "'"  # the template's passphrase in raw mode
_templates: dict = {}
_raw_keys: dict = {}  # template passphrase -> its database key as SQLCipher's raw-key literal


def _template_path(passphrase: str) -> Path:
    if passphrase not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="dtrack-sync-template-"))
        store = office.create(folder / "template.dtdb", passphrase, organisation="Test NGO", device_name="template",
                             user="tester")
        store.close()
        _templates[passphrase] = folder / "template.dtdb"
        _raw_keys[passphrase] = keys.sqlcipher_key(keys.KeyFile.read(_templates[passphrase]).slot(None).open(passphrase))
    return _templates[passphrase]


def raw_key() -> str:
    """The raw-mode devices' database key, as SQLCipher's raw-key literal (for a second process)."""
    _template_path(RAW_KEY)
    return _raw_keys[RAW_KEY]


def open_device(path, passphrase: str | None = None, user: str = "tester") -> Store:
    """Open a device's file. With the raw test key this skips ``Store.open``'s key derivation
    (the template is already migrated); with a passphrase it is the ordinary ``Store.open``."""
    if passphrase:
        return office.open(path, passphrase)  # the template's one account
    _template_path(RAW_KEY)
    key = _raw_keys[RAW_KEY]
    conn = connect(path, key=key)
    conn.execute("PRAGMA journal_mode = WAL")
    # WAL with synchronous=NORMAL skips the fsync per commit: hundreds of small test commits
    # would otherwise wait on the disk; atomicity (what the tests check) is the same
    conn.execute("PRAGMA synchronous = NORMAL")
    return Store(Path(path), conn, key, {"name": user, "role": "administrator"}, None)


def new_device(folder, name: str, *, organisation: str = "Test NGO", skew_ms: int = 0,
               passphrase: str | None = None) -> Store:
    """A fresh store with its own identity; ``skew_ms`` sets its wall clock off by that much."""
    path = Path(folder) / f"{name}.dtdb"
    template = _template_path(passphrase or RAW_KEY)
    shutil.copy(template, path)
    shutil.copy(keys.key_file(template), keys.key_file(path))
    store = open_device(path, passphrase, f"user-{name}")
    with store.atomic():
        store.set_meta("device_id", new_id())
        store.set_meta("device_name", name)
        store.set_meta("organisation", organisation)
        store.conn.execute("DELETE FROM meta WHERE key IN ('sync_sign_key', 'sync_box_key')")
    store.close()
    store = open_device(path, passphrase, f"user-{name}")
    identity.ensure_identity(store)
    if skew_ms:
        store.clock._wall = lambda: int(time.time() * 1000) + skew_ms
    return store


def reopen(store: Store) -> Store:
    path, wall = store.path, store.clock._wall
    store.close()
    again = open_device(path)
    again.clock._wall = wall
    return again


def befriend(*stores: Store) -> None:
    """Every device trusts every other (as if their identity files had been exchanged)."""
    ids = {s.device_id: {**identity.own_identity(s)} for s in stores}
    for s in stores:
        for device_id, doc in ids.items():
            if device_id != s.device_id:
                identity.add_peer(s, doc)


def content_digest(store: Store) -> str:
    """A digest of every row of every table (the database's content, whatever its pages)."""
    h = hashlib.sha256()
    tables = [r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        h.update(t.encode())
        for row in store.conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid' if _has_rowid(store, t) else f'SELECT * FROM "{t}"'):
            h.update(repr(row).encode())
    return h.hexdigest()


def _has_rowid(store, table) -> bool:
    try:
        store.conn.execute(f'SELECT rowid FROM "{table}" LIMIT 1')
        return True
    except Exception:
        return False


def admin1(store) -> list[str]:
    return sorted(k for k, v in store.locations().items() if v["level"] == 1 and v["country"] == "SYR")


def crossing_point(store) -> str:
    return sorted(k for k, v in store.locations().items() if v["kind"] == "official_crossing")[0]


def pre_household(store, name="محمد", **extra) -> str:
    values = {"head_name_ar": name, "origin_pcode": admin1(store)[0], "registration_date": "2025-03-10",
              "f_18_59": 1, "m_0_4": 1, **extra}
    return households.register_pre(store, values)


def synced_snapshot(store, table: str) -> list[tuple]:
    """Every record of ``table`` with the fields that sync (``records.synced_fields``: a full
    household's counts are derived, not synced) and created_by, in id order."""
    from tracker.store import records

    cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY id")
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur:
        rec = dict(zip(cols, row))
        out.append((rec["id"], rec["created_by"], tuple(sorted(records.synced_fields(table, rec).items()))))
    return out


def conflict_snapshot(store) -> list[tuple]:
    return store.conn.execute(
        "SELECT id, table_name, record_id, field, base, winner, loser, winner_hlc, winner_device, loser_hlc, "
        "loser_device, resolved_at, resolved_by FROM conflicts ORDER BY id").fetchall()
