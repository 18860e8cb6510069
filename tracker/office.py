"""Creating and opening an office's database: the store plus what every office needs in it.

The store (tracker/store/) knows nothing above it; this service seeds the shipped gazetteer and
makes the device's sync identity when a database is created, and brings the shipped gazetteer
up to date when one is opened.
"""

from __future__ import annotations

from tracker.domain import gazetteer, name_search
from tracker.store import backup
from tracker.store.connection import INIT_ADMIN, Store
from tracker.sync.identity import ensure_identity


def create(path, passphrase: str, *, admin: str = INIT_ADMIN, organisation: str = "", device_name: str = "",
           country: str = "LBN", language: str = "en", user: str | None = None, policy: bool = True) -> Store:
    """A new office database with its first administrator (``admin``), the shipped places and this
    device's sync keys."""
    store = Store.create(path, passphrase, admin=admin, organisation=organisation, device_name=device_name,
                         country=country, language=language, user=user, policy=policy)
    try:
        gazetteer.load_shipped(store)
        ensure_identity(store)  # this device's sync keys, kept inside the encrypted file
    except BaseException:
        store.close()
        raise
    return store


def open(path, passphrase: str, user: str | None = None, *, migrate: bool = True,  # noqa: A001
         busy_seconds: float | None = None) -> Store:
    """Sign in to an existing office database as ``user`` (None: its only account, or the
    administrator made with it), migrated and with the shipped places up to date (unless
    ``migrate`` is off)."""
    extra = {"busy_seconds": busy_seconds} if busy_seconds else {}
    store = Store.open(path, passphrase, user, migrate=migrate, before_migration=backup.before_migration, **extra)
    if migrate:
        try:
            gazetteer.load_shipped(store)
            name_search.bring_up_to_date(store)
        except BaseException:
            store.close()
            raise
    return store
