"""Accounts: the people who sign in to one database, their roles, and their passphrases.

Each account unlocks the database with its own passphrase (its slot in the key file, see
keys.py); the account's name and role live inside the encrypted database, so nobody can give
themselves a role by editing the key file. Adding or removing an account, or changing a
passphrase, rewrites only the key file and never re-encrypts the database.

Limits, said plainly (docs/security.md): removing an account makes its passphrase useless with
this database's key file at once, but a person who kept a copy of the database and its old key
file (or the decrypted data) keeps what they copied.
"""

from __future__ import annotations

from tracker.errors import FieldError, TrackerError, UnknownAccount, ValidationError
from tracker.timeutil import utc_now_iso

from . import keys as keyfile
from .locks import keys_lock
from .policy import (MIN_PASSPHRASE_LENGTH, MIN_STRENGTH, check_name, check_passphrase,  # noqa: F401
                     passphrase_problems, passphrase_strength)  # (re-exported: the accounts API's rules)

ROLES = ("registrar", "flow_monitor", "supervisor", "information_manager", "administrator")


def list_accounts(store, *, include_removed: bool = False) -> list[dict]:
    cur = store.conn.execute("SELECT name, role, created_at, created_by, removed_at, removed_by FROM accounts "
                             + ("" if include_removed else "WHERE removed_at IS NULL ") + "ORDER BY name")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def _require_admin(store, action: str) -> None:
    """Account changes are for administrators (refusals are audited); a backup is made first."""
    from . import backup, permissions

    permissions.require(store, permissions.ACCOUNTS)
    backup.automatic(store, "accounts")


def _data_key(store) -> bytes:
    literal = store._key  # "x'<64 hex>'" inside double quotes
    return bytes.fromhex(literal.strip('"').removeprefix("x'").removesuffix("'")[:64])


def add_account(store, name: str, role: str, passphrase: str) -> dict:
    """A new account (administrators only): its slot in the key file, then its row here."""
    from . import records

    _require_admin(store, "manage_accounts")
    name = check_name(name)
    if role not in ROLES:
        raise ValidationError([FieldError("role", "choice", f"one of {', '.join(ROLES)}", role)])
    check_passphrase(passphrase, name)
    row = store.conn.execute("SELECT removed_at FROM accounts WHERE name = ?", (name,)).fetchone()
    if row is not None and row[0] is None:
        raise ValidationError([FieldError("account", "exists", "an account with this name exists", name)])
    with keys_lock(store.path):
        keys = keyfile.KeyFile.read(store.path)
        keys.put(keyfile.Slot.seal(name, passphrase, _data_key(store)))
        keys.write()
        try:
            with store.atomic():
                store.conn.execute(
                    "INSERT INTO accounts (name, role, created_at, created_by) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET role = excluded.role, created_at = excluded.created_at, "
                    "created_by = excluded.created_by, removed_at = NULL, removed_by = NULL",
                    (name, role, utc_now_iso(), store.user))
                records.audit(store, "account_add", detail={"account": name, "role": role})
        except BaseException:
            keys.drop(name)
            keys.write()
            raise
    return {"name": name, "role": role}


def remove_account(store, name: str) -> None:
    """Remove an account (administrators only): its passphrase stops opening this database at once.
    The last administrator cannot be removed, nor can you remove yourself."""
    from . import records

    _require_admin(store, "manage_accounts")
    row = store.conn.execute("SELECT role FROM accounts WHERE name = ? AND removed_at IS NULL", (name,)).fetchone()
    if row is None:
        raise UnknownAccount(name)
    if name == store.user:
        raise TrackerError("you cannot remove the account you are signed in with; sign in as another administrator",
                           account=name)
    if row[0] == "administrator":
        admins = store.conn.execute("SELECT count(*) FROM accounts WHERE role = 'administrator' "
                                    "AND removed_at IS NULL").fetchone()[0]
        if admins <= 1:
            raise TrackerError("this is the last administrator; make another one first", account=name)
    with keys_lock(store.path):
        keys = keyfile.KeyFile.read(store.path)
        # The row first: should the key file stay behind (a crash), the removed row still refuses the account.
        with store.atomic():
            store.conn.execute("UPDATE accounts SET removed_at = ?, removed_by = ? WHERE name = ?",
                               (utc_now_iso(), store.user, name))
            records.audit(store, "account_remove", detail={"account": name})
        keys.drop(name)
        keys.write()


def change_passphrase(store, name: str, old: str, new: str) -> None:
    """An account's own passphrase change: ``old`` must open its slot."""
    from . import records

    from . import backup

    if name != store.user:
        _require_admin(store, "manage_accounts")
    check_passphrase(new, name)
    backup.automatic(store, "passphrase")
    with keys_lock(store.path):
        keys = keyfile.KeyFile.read(store.path)
        slot = keys.slot(name)
        data_key = slot.open(old)  # WrongPassphrase when it does not
        keys.put(keyfile.Slot.seal(name, new, data_key, init_admin=slot.init_admin))
        keys.write()
    with store.atomic():
        records.audit(store, "passphrase_change", detail={"account": name})


def reset_passphrase(store, name: str, new: str) -> None:
    """An administrator sets a new passphrase for someone who forgot theirs."""
    from . import records

    _require_admin(store, "manage_accounts")
    if store.conn.execute("SELECT 1 FROM accounts WHERE name = ? AND removed_at IS NULL", (name,)).fetchone() is None:
        raise UnknownAccount(name)
    check_passphrase(new, name)
    with keys_lock(store.path):
        keys = keyfile.KeyFile.read(store.path)
        init_admin = any(s.init_admin for s in keys.slots if s.name == name)
        keys.put(keyfile.Slot.seal(name, new, _data_key(store), init_admin=init_admin))
        keys.write()
    with store.atomic():
        records.audit(store, "passphrase_reset", detail={"account": name})
