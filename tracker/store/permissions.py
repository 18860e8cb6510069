"""Which role may do what, checked by the core's services before they write or export anything.

The window only hides what a role may not use; these checks are what hold. A refused action raises
``PermissionDenied`` (exit 1 on the command line), changes nothing, and is itself written to the
audit log. It lives in the store layer so every layer above (and the store's own account and
backup functions) can call it.

An administrator may do everything, so a one-person office works with the account ``dtrack init``
creates; an office that wants separation gives that account to one person, who signs in with a
working role for daily work.
"""

from __future__ import annotations

from tracker.errors import PermissionDenied

# Actions, named so the refusal reads as a sentence ("... may not edit crossing counts").
EDIT_HOUSEHOLDS = "edit_households"  # register, edit and delete households, members and movements
EDIT_CROSSINGS = "edit_crossing_counts"
CORRECT_OTHERS = "correct_records_of_others"  # edit or delete a record someone else created
REVIEW = "review_duplicates_and_conflicts"
EDIT_PLACES = "edit_places"
IMPORT = "import_files"
EXPORT = "export_data"
EXPORT_PERSONAL = "export_personal_data"
SUMMARIES = "exchange_summaries"
SYNC = "sync_with_other_devices"
REPORT = "make_reports"
ACCOUNTS = "manage_accounts"
SETTINGS = "change_settings"
BACKUP = "manage_backups"
ERASE = "erase_the_database"
PURGE = "purge_old_records"
DEMO = "fill_demo_data"

ACTIONS = (EDIT_HOUSEHOLDS, EDIT_CROSSINGS, CORRECT_OTHERS, REVIEW, EDIT_PLACES, IMPORT, EXPORT, EXPORT_PERSONAL,
           SUMMARIES, SYNC, REPORT, ACCOUNTS, SETTINGS, BACKUP, ERASE, PURGE, DEMO)

ALLOWED: dict[str, frozenset[str]] = {
    "registrar": frozenset({EDIT_HOUSEHOLDS}),
    "flow_monitor": frozenset({EDIT_CROSSINGS}),
    "supervisor": frozenset({EDIT_HOUSEHOLDS, EDIT_CROSSINGS, CORRECT_OTHERS, REVIEW, EDIT_PLACES, REPORT}),
    "information_manager": frozenset({IMPORT, EXPORT, EXPORT_PERSONAL, SUMMARIES, SYNC, REPORT, EDIT_PLACES}),
    "administrator": frozenset(ACTIONS),
}

# The action that writes each record table (its own records; others' need CORRECT_OTHERS too).
TABLE_ACTION = {"households": EDIT_HOUSEHOLDS, "persons": EDIT_HOUSEHOLDS, "movements": EDIT_HOUSEHOLDS,
                "crossing_counts": EDIT_CROSSINGS, "locations": EDIT_PLACES}


def allowed(role: str | None, action: str) -> bool:
    return action in ALLOWED.get(role or "", ())


def roles_for(action: str) -> list[str]:
    return [role for role, actions in ALLOWED.items() if action in actions]


def refuse(store, action: str, **detail):
    """Write the refusal to the audit log (its own transaction when there is none) and raise."""
    from . import records

    role = getattr(store, "role", None) or "no role"
    with store.atomic():
        records.audit(store, "refused", detail={"action": action, "role": role, **detail})
    raise PermissionDenied(store.user, role, action)


def require(store, action: str, **detail) -> None:
    """Raise PermissionDenied (after auditing the refusal) unless the signed-in role may do ``action``."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not allowed(getattr(store, "role", None), action):
        refuse(store, action, **detail)


def creator(store, table: str, record_id: str) -> str | None:
    """The account that created a record (from its first change), None if unknown."""
    row = store.conn.execute("SELECT user FROM change_log WHERE table_name = ? AND record_id = ? AND op = 'create' "
                             "ORDER BY seq LIMIT 1", (table, record_id)).fetchone()
    return row[0] if row else None


def require_edit(store, table: str, record_id: str | None = None) -> None:
    """May the signed-in account write this record? Creating (no id) or editing one's own record needs the
    table's action; editing or deleting someone else's needs ``correct_records_of_others`` as well."""
    require(store, TABLE_ACTION[table], table=table, record_id=record_id)
    if record_id is None or allowed(store.role, CORRECT_OTHERS):
        return
    if creator(store, table, record_id) != store.user:
        refuse(store, CORRECT_OTHERS, table=table, record_id=record_id)
