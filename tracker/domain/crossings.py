"""Flow-monitoring crossing counts: one record per group observed at a crossing point.

Follows IOM DTM's Flow Monitoring Registry: date and time, point, direction,
people by sex x age bracket, nationality, origin, intended destination,
transport, reason and vulnerabilities. Counts are partial (observation hours
only), never a total of all who crossed.
"""

from __future__ import annotations

from . import gazetteer, model
from tracker.store import permissions, records
from tracker.timeutil import today
from .validation import clean_crossing

_ZEROS = (0,) * len(model.COUNT_FIELDS)


def derived(values: dict, locations: dict) -> dict:
    try:
        total = sum(map(values.get, model.COUNT_FIELDS, _ZEROS))
    except TypeError:  # a count given as None
        total = sum(values.get(f) or 0 for f in model.COUNT_FIELDS)
    return {"total": total, "count_date": (values.get("counted_at") or "")[:10] or None,
            "origin_adm1": gazetteer.adm1_of(locations, values.get("origin_pcode")),
            "destination_adm1": gazetteer.adm1_of(locations, values.get("destination_pcode"))}


def record_count(store, values: dict) -> str:
    permissions.require_edit(store, "crossing_counts")
    clean = clean_crossing(values, store.locations())
    clean.update(derived(clean, store.locations()))
    return records.create(store, "crossing_counts", clean)


def update_count(store, count_id: str, changes: dict) -> dict:
    permissions.require_edit(store, "crossing_counts", count_id)
    rec = records.require(store, "crossing_counts", count_id)
    clean = clean_crossing(changes, store.locations(), partial=True)
    merged = {**rec, **clean}
    # The record as a whole must still hold (e.g. vulnerabilities within the new total).
    clean_crossing(records.synced_fields("crossing_counts", merged), store.locations())
    clean.update(derived(merged, store.locations()))
    return records.update(store, "crossing_counts", count_id, clean, current=rec)


def delete_count(store, count_id: str) -> None:
    permissions.require_edit(store, "crossing_counts", count_id)
    records.soft_delete(store, "crossing_counts", count_id)


def list_for_day(store, day: str | None = None, crossing_pcode: str | None = None) -> list[dict]:
    day = day or today().isoformat()
    sql = "SELECT * FROM crossing_counts WHERE deleted = 0 AND count_date = ?"
    args: list = [day]
    if crossing_pcode:
        sql += " AND crossing_pcode = ?"
        args.append(crossing_pcode)
    cur = store.conn.execute(sql + " ORDER BY counted_at DESC, id DESC", args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur]
