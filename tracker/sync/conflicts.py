"""Concurrent edits of the same field, kept for a person to review.

Every write records, per field, the ``(hlc, device)`` of the value it replaced: its
*horizon*. Because a writer always replaces the current winner (the greatest key it
holds), it has seen every change with a key up to its horizon. So two changes X < Y of
one field are concurrent exactly when Y's horizon is below X (or Y has none): Y's writer
had not seen X. Each such pair with different values is a conflict; the greater key wins
on every device. The pair, its base (the value both writers had seen) and whether a later
write has settled it depend only on the set of changes held, never on arrival order, so
every device computes the same list. A later write whose horizon reaches the winner was
made with both values in view, and settles the conflict (a person resolving it is such a
write: see ``resolve``).
"""

from __future__ import annotations

import bisect
import hashlib
import json

from tracker.store import permissions, records
from tracker.timeutil import utc_now_iso
from .changes import Change, hlc_iso

UNKNOWN = object()


def conflict_id(table: str, record_id: str, field: str, loser: Change, winner: Change) -> str:
    text = f"{table}|{record_id}|{field}|{loser.origin}:{loser.origin_seq}|{winner.origin}:{winner.origin_seq}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def detect(table: str, record_id: str, changes: list[Change]) -> list[dict]:
    """Every conflict among the changes of one record (all its changes held here)."""
    by_field: dict[str, list[Change]] = {}
    for c in changes:
        for f in c.fields:
            by_field.setdefault(f, []).append(c)
    out = []
    for field, cs in by_field.items():
        if len(cs) < 2:
            continue
        cs.sort(key=lambda c: c.key)
        keys = [c.key for c in cs]
        horizons = [c.horizon(field) for c in cs]
        for j, winner in enumerate(cs):
            hy = horizons[j]
            start = 0 if hy is None else bisect.bisect_right(keys, hy, 0, j)
            for i in range(start, j):
                loser = cs[i]
                if loser.fields[field] == winner.fields[field]:
                    continue
                out.append(_row(table, record_id, field, loser, winner, horizons[i], hy, cs, keys, horizons))
    return out


def _row(table, record_id, field, loser, winner, hx, hy, cs, keys, horizons) -> dict:
    if hx is None or hy is None:
        base = "null"  # one side wrote the field first: there was no earlier value
    else:
        base_key = min(hx, hy)
        k = bisect.bisect_left(keys, base_key)
        base = json.dumps(cs[k].fields[field], ensure_ascii=False) if k < len(keys) and keys[k] == base_key else None
    # settled by the first later write made with the winner in view
    settle = None
    j = keys.index(winner.key)
    for k in range(j + 1, len(cs)):
        h = horizons[k]
        if h is not None and h >= winner.key:
            settle = cs[k]
            break
    return {
        "id": conflict_id(table, record_id, field, loser, winner), "table_name": table, "record_id": record_id,
        "field": field, "base": base,
        "winner": json.dumps(winner.fields[field], ensure_ascii=False),
        "loser": json.dumps(loser.fields[field], ensure_ascii=False),
        "winner_hlc": winner.hlc, "winner_device": winner.origin, "loser_hlc": loser.hlc, "loser_device": loser.origin,
        "resolved_at": hlc_iso(settle.hlc) if settle else None, "resolved_by": settle.origin if settle else None,
    }


def store_rows(store, rows: list[dict]) -> int:
    """Insert new conflicts and update known ones (a base or a settling write may arrive later).
    Returns how many were new."""
    if not rows:
        return 0
    before = store.conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]
    now = utc_now_iso()
    store.conn.executemany(
        "INSERT INTO conflicts (id, table_name, record_id, field, base, winner, loser, winner_hlc, winner_device, "
        "loser_hlc, loser_device, detected_at, resolved_at, resolved_by) "
        "VALUES (:id, :table_name, :record_id, :field, :base, :winner, :loser, :winner_hlc, :winner_device, "
        ":loser_hlc, :loser_device, :detected_at, :resolved_at, :resolved_by) "
        "ON CONFLICT(id) DO UPDATE SET base = COALESCE(conflicts.base, excluded.base), "
        "resolved_at = COALESCE(excluded.resolved_at, conflicts.resolved_at), "
        "resolved_by = COALESCE(excluded.resolved_by, conflicts.resolved_by)",
        [{**r, "detected_at": now} for r in rows])
    return store.conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0] - before


def record_changes(store, table: str, record_id: str) -> list[Change]:
    from .changes import from_db

    cur = store.conn.execute(
        "SELECT origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev FROM change_log "
        "WHERE table_name = ? AND record_id = ?", (table, record_id))
    return [from_db(*r) for r in cur]


def refresh_record(store, table: str, record_id: str) -> int:
    return store_rows(store, detect(table, record_id, record_changes(store, table, record_id)))


def settle_open(store) -> None:
    """Re-check open conflicts against local writes made since (an ordinary edit of the field
    with both values in view settles it, as it would on every other device)."""
    open_records = store.conn.execute(
        "SELECT DISTINCT table_name, record_id FROM conflicts WHERE resolved_at IS NULL").fetchall()
    if open_records:
        with store.atomic():
            for table, rid in open_records:
                refresh_record(store, table, rid)


def list_conflicts(store, *, include_resolved: bool = False, conn=None) -> list[dict]:
    """Conflicts, newest first, with values decoded (``base`` is UNKNOWN when not held here)."""
    conn = conn or store.conn
    sql = "SELECT * FROM conflicts" + ("" if include_resolved else " WHERE resolved_at IS NULL")
    cur = conn.execute(sql + " ORDER BY winner_hlc DESC, id")
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur:
        c = dict(zip(cols, row))
        for k in ("winner", "loser"):
            c[k] = json.loads(c[k])
        c["base"] = UNKNOWN if c["base"] is None else json.loads(c["base"])
        out.append(c)
    return out


_LABELS = {
    "households": "COALESCE(head_name_ar, head_name_lat, registration_date)",
    "persons": "TRIM(COALESCE(given_name_ar, given_name_lat, '') || ' ' || COALESCE(family_name_ar, family_name_lat, ''))",
    "crossing_counts": "counted_at || ' ' || crossing_pcode",
    "movements": "movement_date",
    "locations": "COALESCE(name_en, name_ar)",
}


def labelled(store, rows: list[dict], conn=None) -> list[dict]:
    """Add what a person needs to recognise a conflict: a label for the record and the names of
    the devices (``record_label``, ``winner_name``, ``loser_name``)."""
    from .identity import list_peers

    conn = conn or store.conn
    names = {p["device_id"]: p["name"] for p in list_peers(store)}
    names[store.device_id] = store.device_name
    for c in rows:
        sql = f"SELECT {_LABELS[c['table_name']]} FROM {c['table_name']} WHERE id = ?"
        row = conn.execute(sql, (c["record_id"],)).fetchone()
        c["record_label"] = (row[0] if row and row[0] else c["record_id"][-8:])
        c["winner_name"] = names.get(c["winner_device"], c["winner_device"][:8])
        c["loser_name"] = names.get(c["loser_device"], c["loser_device"][:8])
    return rows


def open_count(store, conn=None) -> int:
    return (conn or store.conn).execute("SELECT COUNT(*) FROM conflicts WHERE resolved_at IS NULL").fetchone()[0]


def _current_winner(store, table, record_id, field) -> Change | None:
    best = None
    for c in record_changes(store, table, record_id):
        if field in c.fields and (best is None or c.key > best.key):
            best = c
    return best


def resolve(store, conflict: str, value=UNKNOWN) -> None:
    """Settle a conflict: write ``value`` (or confirm the current one) as an ordinary, synced edit.

    A changed value goes through the record's service so it is validated and derived values
    follow; confirming the current value writes a change of the same value, so the decision
    travels to every device like any edit and settles the conflict there too.
    """
    from . import resolve_write

    permissions.require(store, permissions.REVIEW)
    row = store.conn.execute("SELECT table_name, record_id, field FROM conflicts WHERE id = ?", (conflict,)).fetchone()
    if row is None:
        from tracker.errors import NotFound

        raise NotFound(f"no conflict with id {conflict}", id=conflict)
    table, record_id, field = row
    with store.atomic():
        current = records.get(store, table, record_id, include_deleted=True)
        if value is UNKNOWN or (current is not None and current.get(field) == value):
            winner = _current_winner(store, table, record_id, field)
            keep = current.get(field) if current else None
            records.log_change(store, table, record_id, "update", {field: keep},
                               {field: [winner.hlc, winner.origin]} if winner else None, {field: keep},
                               action="resolve")
        else:
            resolve_write.write_field(store, table, record_id, field, value)
        refresh_record(store, table, record_id)
        store.queue_event("conflicts", [conflict])
