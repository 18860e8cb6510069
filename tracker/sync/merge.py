"""Applying changes received from another device: field-level last-writer-wins.

Runs inside the caller's transaction. New change rows are added to the change log (with
their origin, number and clock kept), each with an audit row (action ``sync``). Then every
touched record is rebuilt field by field from *all* the changes held for it: a field's value
is the one written by the change with the greatest ``(hlc, origin_device)``. Because that
rule reads only the set of changes, any order of arrival gives the same records; a change
already held is skipped, so importing twice changes nothing. Derived columns are then
recomputed exactly as the services do, and conflicts are detected (conflicts.py).
"""

from __future__ import annotations

import datetime as dt

from .. import crossings, households, records
from ..errors import Progress
from ..timeutil import parse_date, today
from . import conflicts
from .changes import TABLE_ORDER, Change, from_db, hlc_iso

_CHUNK = 500


def _new_only(store, changes: list[Change]) -> list[Change]:
    """Drop changes already held (and duplicates within the bundle)."""
    by_origin: dict[str, list[Change]] = {}
    for c in changes:
        by_origin.setdefault(c.origin, []).append(c)
    out = []
    for origin, cs in by_origin.items():
        lo, hi = min(c.origin_seq for c in cs), max(c.origin_seq for c in cs)
        held = {r[0] for r in store.conn.execute(
            "SELECT origin_seq FROM change_log WHERE origin_device = ? AND origin_seq BETWEEN ? AND ?", (origin, lo, hi))}
        for c in cs:
            if c.origin_seq not in held:
                held.add(c.origin_seq)
                out.append(c)
    return out


def _touched_table(store, keys) -> None:
    store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_touched (table_name TEXT, record_id TEXT, "
                       "PRIMARY KEY (table_name, record_id)) WITHOUT ROWID")
    store.conn.execute("DELETE FROM temp.sync_touched")
    store.conn.executemany("INSERT INTO temp.sync_touched VALUES (?, ?)", keys)


def _rows(store, table: str, ids_sql: str, args=()) -> dict[str, dict]:
    cur = store.conn.execute(f"SELECT r.* FROM {table} r WHERE r.id IN ({ids_sql})", args)
    cols = [d[0] for d in cur.description]
    return {r[0]: dict(zip(cols, r)) for r in cur}


def apply_changes(store, changes: list[Change], *, progress=None, cancelled=None) -> dict:
    """Apply changes (call inside ``store.atomic()``). Returns counts of what happened."""
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
        "INSERT INTO change_log (origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(c.origin, c.origin_seq, c.hlc, c.table, c.record_id, c.op, records.dumps(c.fields),
          records.dumps(c.prev) if c.prev else None) for c in new])
    store.clock.observe(max(c.hlc for c in new))
    tick.tick(len(new) // 2, total)

    # every change held for each touched record: the new ones plus those already here
    per_record: dict[tuple[str, str], list[Change]] = {}
    for c in new:
        per_record.setdefault((c.table, c.record_id), []).append(c)
    _touched_table(store, list(per_record))
    cur = store.conn.execute(
        "SELECT c.origin_device, c.origin_seq, c.hlc, c.table_name, c.record_id, c.op, c.fields, c.prev "
        "FROM temp.sync_touched t JOIN change_log c ON c.table_name = t.table_name AND c.record_id = t.record_id "
        "WHERE c.seq < ?", (first_seq,))
    for row in cur:
        per_record[(row[3], row[4])].append(from_db(*row))

    before_all: dict[str, dict[str, dict]] = {}
    done = len(new)
    for table in TABLE_ORDER:
        keys = [k for k in per_record if k[0] == table]
        if not keys:
            continue
        current = _rows(store, table, "SELECT record_id FROM temp.sync_touched WHERE table_name = ?", (table,))
        before_all[table] = current
        _write_table(store, table, keys, per_record, current, result)
        if table == "locations":
            store.invalidate_locations()
        done += len(keys)
        tick.tick(min(done, total - 1), total)
    _rederive(store, per_record, before_all)

    _audit(store, new, first_seq, before_all)
    for (table, rid), cs in per_record.items():
        if len(cs) > 1:
            result["conflicts"] += conflicts.store_rows(store, conflicts.detect(table, rid, cs))
    for table in TABLE_ORDER:
        ids = [rid for (t, rid) in per_record if t == table]
        if ids:
            store.queue_event(table, ids)
    if result["conflicts"]:
        store.queue_event("conflicts", [])
    tick.tick(total, total)
    return result


def _write_table(store, table, keys, per_record, current, result) -> None:
    cols = records.columns(store, table)
    inserts, updates = [], {}
    for key in keys:
        cs = per_record[key]
        winners: dict[str, Change] = {}
        for c in cs:
            for f in c.fields:
                w = winners.get(f)
                if w is None or c.key > w.key:
                    winners[f] = c
        values = {f: w.fields[f] for f, w in winners.items()}
        last = max(cs, key=lambda c: c.key)
        row = current.get(key[1])
        if row is None:
            first = min(cs, key=lambda c: c.key)
            new_row = dict.fromkeys(cols)
            new_row.update(values, id=key[1], created_at=hlc_iso(first.hlc), created_by=first.origin,
                           updated_at=hlc_iso(last.hlc), updated_by=last.origin)
            new_row["deleted"] = new_row.get("deleted") or 0
            inserts.append(new_row)
            result["created"] += 1
            continue
        diff = {f: v for f, v in values.items() if row.get(f) != v}
        if not diff:
            result["unchanged"] += 1
            continue
        diff.update(updated_at=hlc_iso(last.hlc), updated_by=last.origin)
        updates.setdefault(tuple(sorted(diff)), []).append([*(diff[k] for k in sorted(diff)), key[1]])
        result["updated"] += 1
    if inserts:
        store.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                               [[r[c] for c in cols] for r in inserts])
    for names, rows in updates.items():
        sets = ", ".join(f"{n} = ?" for n in names)
        store.conn.executemany(f"UPDATE {table} SET {sets} WHERE id = ?", rows)


def _in_chunks(ids):
    ids = list(ids)
    for i in range(0, len(ids), _CHUNK):
        part = ids[i:i + _CHUNK]
        yield part, ", ".join("?" * len(part))


def _rederive(store, per_record, before_all) -> None:
    """Recompute derived columns of touched records, as the services would after a local edit."""
    locations = store.locations()
    touched = {t: [rid for (tt, rid) in per_record if tt == t] for t in TABLE_ORDER}
    location_ids = set(touched["locations"])
    # crossing counts (and those whose origin/destination location changed)
    cc_ids = set(touched["crossing_counts"])
    if location_ids and not cc_ids.issuperset(location_ids):
        for part, marks in _in_chunks(location_ids):
            cc_ids.update(r[0] for r in store.conn.execute(
                f"SELECT id FROM crossing_counts WHERE origin_pcode IN ({marks}) OR destination_pcode IN ({marks})",
                part + part))
    updates = []
    for part, marks in _in_chunks(cc_ids):
        for rid, row in _rows(store, "crossing_counts", marks, part).items():
            d = crossings.derived(row, locations)
            updates.append([*d.values(), rid])
    if updates:
        sets = ", ".join(f"{k} = ?" for k in crossings.derived({}, {}))
        store.conn.executemany(f"UPDATE crossing_counts SET {sets} WHERE id = ?", updates)
    # persons: age and search names from the household's registration date
    hh_ids = set(touched["households"])
    person_ids = set(touched["persons"])
    for part, marks in _in_chunks(touched["households"]):
        person_ids.update(r[0] for r in store.conn.execute(
            f"SELECT id FROM persons WHERE household_id IN ({marks})", part))
    updates = []
    for part, marks in _in_chunks(person_ids):
        people = _rows(store, "persons", marks, part)
        homes = {r[0]: r[1] for r in store.conn.execute(
            f"SELECT id, registration_date FROM households WHERE id IN ({', '.join('?' * len(people))})",
            [p["household_id"] for p in people.values()])} if people else {}
        for pid, p in people.items():
            hh_ids.add(p["household_id"])
            old = before_all.get("persons", {}).get(pid)
            if old and old.get("household_id"):
                hh_ids.add(old["household_id"])
            ref = homes.get(p["household_id"])
            try:
                d = households.person_derived(p, parse_date(ref) if ref else today())
            except (KeyError, TypeError, ValueError):  # a partial record (an earlier bundle is missing)
                continue
            updates.append([d["age"], d["age_bracket"], d["name_norm"], pid])
    if updates:
        store.conn.executemany("UPDATE persons SET age = ?, age_bracket = ?, name_norm = ? WHERE id = ?", updates)
    if location_ids:
        for part, marks in _in_chunks(location_ids):
            hh_ids.update(r[0] for r in store.conn.execute(
                f"SELECT id FROM households WHERE origin_pcode IN ({marks})", part))
    _rederive_households(store, hh_ids, locations)


def _rederive_households(store, hh_ids, locations) -> None:
    groups: dict[tuple, list] = {}  # a full household also rewrites its counts: group by columns
    for part, marks in _in_chunks(hh_ids):
        homes = _rows(store, "households", marks, part)
        members: dict[str, list[dict]] = {h: [] for h in homes}
        cur = store.conn.execute(
            f"SELECT * FROM persons WHERE household_id IN ({marks}) AND deleted = 0 ORDER BY household_id, "
            "CASE relationship WHEN 'head' THEN 0 ELSE 1 END, age DESC, id", part)
        cols = [d[0] for d in cur.description]
        for r in cur:
            m = dict(zip(cols, r))
            members[m["household_id"]].append(m)
        for hid, hh in homes.items():
            try:
                d = households.household_derived(hh, members[hid], locations)
            except (KeyError, TypeError):  # a member without sex or age yet (partial record)
                continue
            if any(hh.get(k) != v for k, v in d.items()):
                groups.setdefault(tuple(d), []).append([*d.values(), hid])
    for names, rows in groups.items():
        sets = ", ".join(f"{n} = ?" for n in names)
        store.conn.executemany(f"UPDATE households SET {sets} WHERE id = ?", rows)


def _audit(store, new: list[Change], first_seq: int, before_all) -> None:
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    rows = []
    for i, c in enumerate(new):
        before = before_all.get(c.table, {}).get(c.record_id)
        rows.append((now, store.device_id, store.user, "sync", c.table, c.record_id,
                     records.dumps({f: before.get(f) for f in c.fields}) if before else None, first_seq + i))
    store.conn.executemany(
        "INSERT INTO audit_log (at, device_id, user, action, table_name, record_id, before, change_seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
