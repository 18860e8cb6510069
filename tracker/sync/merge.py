"""Applying changes received from another device: field-level last-writer-wins.

Runs inside the caller's transaction. New change rows are added to the change log (with
their origin, number and clock kept), each with an audit row (action ``sync``). Then every
touched record is rebuilt field by field from *all* the changes held for it: a field's value
is the one written by the change with the greatest ``(hlc, origin_device)``. Because that
rule reads only the set of changes, any order of arrival gives the same records; a change
already held is skipped, so importing twice changes nothing. Derived columns are computed
in memory exactly as the services compute them (merge_derive.py), so each row is written
once, and conflicts are detected (conflicts.py).
"""

from __future__ import annotations

import operator

from tracker.store import audit_chain, records
from tracker.errors import Progress
from tracker.timeutil import utc_now_iso
from . import conflicts
from tracker.store.ids import MAX_AHEAD_MS
from .changes import TABLE_ORDER, Change, from_db, held_keys, hlc_iso
from .merge_derive import derive



def _new_only(store, changes: list[Change]) -> list[Change]:
    """Drop changes already held (and duplicates within the bundle)."""
    held = held_keys(store, ((c.origin, c.origin_seq) for c in changes))
    out = []
    for c in changes:
        key = (c.origin, c.origin_seq)
        if key not in held:
            held.add(key)
            out.append(c)
    return out


def apply_changes(store, changes: list[Change], *, progress=None, cancelled=None,
                  max_ahead_ms: int = MAX_AHEAD_MS) -> dict:
    """Apply changes (call inside ``store.atomic()``). Returns counts of what happened. The local
    clock moves past the newest change, never more than ``max_ahead_ms`` past the wall clock."""
    tick = Progress(progress, cancelled)
    result = {"received": len(changes), "new": 0, "created": 0, "updated": 0, "unchanged": 0, "conflicts": 0}
    new = _new_only(store, changes)
    result["new"] = len(new)
    if not new:
        return result
    total = len(new) * 2
    tick.tick(0, total)
    first_seq = store.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM change_log").fetchone()[0]
    store.conn.executemany(
        "INSERT INTO change_log (origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev, user) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(c.origin, c.origin_seq, c.hlc, c.table, c.record_id, c.op, c.fields_text or records.dumps(c.fields),
          c.prev_text or (records.dumps(c.prev) if c.prev else None), c.user) for c in new])
    store.clock.observe(max(c.hlc for c in new), max_ahead_ms)
    tick.tick(len(new) // 2, total)

    # every change held for each touched record: the new ones plus those already here
    per_record: dict[tuple[str, str], list[Change]] = {}
    for c in new:
        per_record.setdefault((c.table, c.record_id), []).append(c)
    touched = {t: [] for t in TABLE_ORDER}
    for table, rid in per_record:
        touched[table].append(rid)
    current = {t: {} for t in TABLE_ORDER}
    for table, ids in touched.items():
        for part, marks in records.in_chunks(ids):
            current[table].update(records.rows_by_id(store, table, f"id IN ({marks})", part))
    # only a record already here can have older changes here (every change held was applied to
    # its record, and records are never removed): a bundle of new records skips the search
    for table in TABLE_ORDER:
        for part, marks in records.in_chunks(current[table]):
            cur = store.conn.execute(
                "SELECT origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev, user FROM change_log "
                f"WHERE table_name = ? AND record_id IN ({marks}) AND seq < ?", (table, *part, first_seq))
            for row in cur:
                per_record[(table, row[4])].append(from_db(*row))

    merged = {t: {} for t in TABLE_ORDER}
    cols = {t: records.columns(store, t) for t in TABLE_ORDER}
    for (table, rid), cs in per_record.items():
        merged[table][rid] = _merge_record(cols[table], rid, cs, current[table].get(rid))
    tick.tick(len(new) + len(new) // 4, total)
    indirect = derive(store, merged, current)
    tick.tick(len(new) + len(new) // 2, total)
    _write(store, merged, current, result, indirect)
    _audit(store, new, first_seq, current)
    for (table, rid), cs in per_record.items():
        if len(cs) > 1:
            result["conflicts"] += conflicts.store_rows(store, conflicts.detect(table, rid, cs))
    for table in TABLE_ORDER:
        if merged[table]:
            store.queue_event(table, list(merged[table]))
    if result["conflicts"]:
        store.queue_event("conflicts", [])
    tick.tick(total, total)
    return result


def _merge_record(cols, rid, cs: list[Change], row: dict | None) -> dict:
    """The record's row after the merge (derived columns still to compute). Like a local write,
    the newest change names the device and the user who last wrote the record."""
    if len(cs) == 1:  # the common case: one new change to a record
        first = last = cs[0]
        values = first.fields
    else:
        winners: dict[str, Change] = {}
        for c in cs:
            for f in c.fields:
                w = winners.get(f)
                if w is None or c.key > w.key:
                    winners[f] = c
        values = {f: w.fields[f] for f, w in winners.items()}
        first, last = min(cs, key=lambda c: c.key), max(cs, key=lambda c: c.key)
    if row is None:
        out = dict.fromkeys(cols)
        out.update(values)
        out.update(id=rid, created_at=hlc_iso(first.hlc), created_by=first.origin,
                   updated_at=hlc_iso(last.hlc), updated_by=last.origin, user=last.user)
        out["deleted"] = out["deleted"] or 0
        return out
    out = {**row, **values}
    if any(row.get(f) != v for f, v in values.items()):
        out.update(updated_at=hlc_iso(last.hlc), updated_by=last.origin, user=last.user)
    return out


def _write(store, merged, current, result, indirect: set) -> None:
    """Insert new rows and update changed columns of existing ones, parents before children."""
    for table in TABLE_ORDER:
        cols = records.columns(store, table)
        as_row = operator.itemgetter(*cols)
        inserts, updates = [], {}
        for rid, row in merged[table].items():
            old = current[table].get(rid)
            if old is None:
                inserts.append(as_row(row))
                result["created"] += 1
                continue
            diff = [c for c in cols if old.get(c) != row.get(c)]
            if (table, rid) not in indirect:  # counted: records the bundle changed, not those re-derived
                result["updated" if diff else "unchanged"] += 1
            if diff:
                updates.setdefault(tuple(diff), []).append([*(row[c] for c in diff), rid])
        if inserts:
            store.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                   inserts)
        for names, rows in updates.items():
            store.conn.executemany(f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?", rows)
        if table == "locations" and merged[table]:
            store.invalidate_locations()


def _audit(store, new: list[Change], first_seq: int, current) -> None:
    """One row per received change, naming the person and device who made it (this device's
    own 'sync_import' row says who imported the bundle)."""
    now = utc_now_iso()
    rows = []
    for i, c in enumerate(new):
        before = current[c.table].get(c.record_id)
        rows.append((now, c.origin, c.user, "sync", c.table, c.record_id,
                     records.dumps({f: before.get(f) for f in c.fields}) if before else None, first_seq + i, None))
    audit_chain.append(store.conn, rows, records.insert_many)
