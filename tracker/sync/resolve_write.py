"""Writing a person's choice for a conflicting field through the record's own service,
so it is validated, derived values follow, and it syncs like any other edit."""

from __future__ import annotations

from tracker.domain import crossings, gazetteer, households, movements
from tracker.store import records

_SERVICES = {
    "households": households.update_household,
    "persons": households.update_member,
    "crossing_counts": crossings.update_count,
    "movements": movements.update_movement,
    "locations": gazetteer.update_location,
}


def write_field(store, table: str, record_id: str, field: str, value) -> None:
    current = records.get(store, table, record_id, include_deleted=True)
    if field == "deleted" or (current and current.get("deleted")):
        # a deleted record has no edit form: write the flag (or the field) directly, then re-derive
        records.update(store, table, record_id, {field: value}, action="resolve", current=current)
        if table == "households":
            households.refresh_derived(store, record_id)
        elif table == "persons" and current:
            households.refresh_derived(store, current["household_id"])
        return
    _SERVICES[table](store, record_id, {field: value})
