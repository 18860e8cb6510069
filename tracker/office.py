"""Creating and opening an office's database: the store plus what every office needs in it.

The store (tracker/store/) knows nothing above it; this service seeds the shipped gazetteer and
makes the device's sync identity when a database is created, and brings the shipped gazetteer
up to date when one is opened.
"""

from __future__ import annotations

from tracker.domain import gazetteer
from tracker.store.connection import Store
from tracker.sync.identity import ensure_identity


def create(path, passphrase: str, *, organisation: str = "", device_name: str = "", country: str = "LBN",
           language: str = "en", user: str | None = None) -> Store:
    """A new office database with the shipped places and this device's sync keys."""
    store = Store.create(path, passphrase, organisation=organisation, device_name=device_name, country=country,
                         language=language, user=user)
    try:
        gazetteer.load_shipped(store)
        ensure_identity(store)  # this device's sync keys, kept inside the encrypted file
    except BaseException:
        store.close()
        raise
    return store


def open(path, passphrase: str, user: str | None = None, *, migrate: bool = True) -> Store:  # noqa: A001
    """An existing office database, migrated and with the shipped places up to date (unless ``migrate`` is off)."""
    store = Store.open(path, passphrase, user, migrate=migrate)
    if migrate:
        try:
            gazetteer.load_shipped(store)
        except BaseException:
            store.close()
            raise
    return store
