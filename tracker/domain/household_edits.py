"""Saving what the household form shows: a registration, or the edits to one household and its members.

The form sends what was loaded and what is on screen; these functions work out what changed and
write it in one transaction, so a rule broken by the third member leaves nothing half-saved.
Member rule breaks carry their 1-based row in the members grid.
"""

from __future__ import annotations

from tracker.errors import ValidationError
from tracker.store import permissions

from . import households


def _norm(value):
    return None if value in (None, "") else str(value)


def head_name(values: dict, members: list[dict] | None) -> str:
    """The head's name to look for duplicates under (typed, or the head member's)."""
    if members is not None:
        head = next((m for m in members if m.get("relationship") == "head"), None)
        if head:
            for script in ("ar", "lat"):
                parts = [head.get(f"{p}_name_{script}") for p in ("given", "father", "family")]
                text = " ".join(p for p in parts if p)
                if text:
                    return text
    return values.get("head_name_ar") or values.get("head_name_lat") or ""


def register(store, mode: str, values: dict, members: list[dict] | None) -> str:
    """A new household: ``pre`` (counts only) or ``full`` (with its members)."""
    permissions.require_edit(store, "households")
    if mode != "full":
        return households.register_pre(store, values)
    values = dict(values)
    # The household is named after its head member when no name is typed.
    for f in ("head_name_ar", "head_name_lat"):
        if not values.get(f):
            values.pop(f, None)
    households.check_one_head(members or [])
    return households.register_full(store, values, members or [])


def save_edits(store, household_id: str, loaded: dict, values: dict, loaded_members: list[dict],
               members: list[dict] | None, *, upgrade: bool = False) -> str:
    """Write what differs between ``loaded`` and ``values`` (and between the member lists)."""
    permissions.require_edit(store, "households", household_id)  # before the transaction: the refusal stays audited
    changes = {k: v for k, v in values.items() if _norm(v) != _norm(loaded.get(k))}
    with store.atomic():
        if changes:
            households.update_household(store, household_id, changes)
        if upgrade:
            households.check_one_head(members or [])
            households.upgrade_to_full(store, household_id, members or [])
        elif members is not None:
            households.check_one_head(members)
            _save_members(store, household_id, loaded_members, members)
    return household_id


def _save_members(store, household_id: str, loaded_members: list[dict], members: list[dict]) -> None:
    before = {m["id"]: m for m in loaded_members}
    kept = {m["id"] for m in members if m.get("id")}
    for old_id in before:
        if old_id not in kept:
            households.delete_member(store, old_id)
    errors = []
    for row, m in enumerate(members, start=1):
        try:
            if m.get("id"):
                old = before[m["id"]]
                diff = {k: v for k, v in m.items() if k != "id" and _norm(v) != _norm(old.get(k))}
                if diff:
                    households.update_member(store, m["id"], diff)
            else:
                households.add_member(store, household_id, m)
        except ValidationError as exc:
            errors += [e.at(row=row) for e in exc.errors]
    if errors:
        raise ValidationError(errors)
