"""Movement history of a household: from where to where, through which crossing, when, why."""

from __future__ import annotations

from tracker.store import permissions, records
from .validation import clean_movement


def add_movement(store, values: dict) -> str:
    permissions.require_edit(store, "movements")
    clean = clean_movement(values, store.locations())
    records.require(store, "households", clean["household_id"])
    return records.create(store, "movements", clean)


def update_movement(store, movement_id: str, changes: dict) -> dict:
    permissions.require_edit(store, "movements", movement_id)
    rec = records.require(store, "movements", movement_id)
    clean = clean_movement({k: v for k, v in changes.items() if k != "household_id"}, store.locations(), partial=True)
    return records.update(store, "movements", movement_id, clean, current=rec)


def delete_movement(store, movement_id: str) -> None:
    permissions.require_edit(store, "movements", movement_id)
    records.soft_delete(store, "movements", movement_id)


def for_household(store, household_id: str) -> list[dict]:
    cur = store.conn.execute("SELECT * FROM movements WHERE household_id = ? AND deleted = 0 "
                             "ORDER BY movement_date, id", (household_id,))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur]
