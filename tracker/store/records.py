"""The one write path for records: every create, update and delete writes the
record, an audit-log row and a change-log row in the same transaction.

Services (households, crossings, movements, gazetteer) validate and derive
values, then call these functions. Sync reads ``change_log``; the audit viewer
reads ``audit_log``.
"""

from __future__ import annotations

import json
from itertools import chain

import orjson

from . import audit_chain
from .fields import COUNT_FIELDS, DERIVED_FIELDS, SYSTEM_FIELDS
from tracker.errors import NotFound
from .ids import new_id
from tracker.timeutil import utc_now_iso

# Columns only the store writes (the deleted flag is written through soft_delete).
_STORE_OWNED = frozenset(SYSTEM_FIELDS) - {"deleted"}
_columns_cache: dict[tuple[int, str], list[str]] = {}


def columns(store, table: str) -> list[str]:
    key = (id(store.conn), table)
    cols = _columns_cache.get(key)
    if cols is None:
        cols = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]
        _columns_cache[key] = cols
    return cols


def synced_fields(table: str, values: dict) -> dict:
    """The part of a record that travels in sync: user data plus the deleted flag."""
    skip = set(SYSTEM_FIELDS) - {"deleted"} | set(DERIVED_FIELDS.get(table, ()))
    if table == "households" and values.get("mode") == "full":
        skip |= set(COUNT_FIELDS)  # computed from members on every device
    return {k: v for k, v in values.items() if k not in skip}


def dumps(value) -> str:
    """Compact JSON with non-ASCII text kept as is (what ``json.dumps(ensure_ascii=False,
    separators=(",", ":"))`` gives for the str/int/float/None values records hold)."""
    return orjson.dumps(value).decode()


def get(store, table: str, record_id: str, *, include_deleted=False) -> dict | None:
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,))
    row = cur.fetchone()
    if row is None:
        return None
    rec = dict(zip([d[0] for d in cur.description], row))
    if rec.get("deleted") and not include_deleted:
        return None
    return rec


ID_CHUNK = 500  # ids per "id IN (...)" query


def rows_by_id(store, table: str, where: str, args=()) -> dict[str, dict]:
    """Rows of ``table`` matching ``where``, by id."""
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE {where}", args)
    cols = [d[0] for d in cur.description]
    return {r[0]: dict(zip(cols, r)) for r in cur}


def in_chunks(ids):
    """``(ids, "?, ?, ...")`` in slices small enough for one query each."""
    ids = list(ids)
    for i in range(0, len(ids), ID_CHUNK):
        part = ids[i:i + ID_CHUNK]
        yield part, ", ".join("?" * len(part))


def require(store, table: str, record_id: str) -> dict:
    rec = get(store, table, record_id)
    if rec is None:
        raise NotFound(f"no {table[:-1].replace('_', ' ')} with id {record_id}", table=table, id=record_id)
    return rec


def _field_versions(store, table: str, record_id: str, fields) -> dict:
    """For each field, the [hlc, device] of the change that last wrote it (what this writer saw)."""
    wanted = set(fields)
    prev: dict = {}
    cur = store.conn.execute(
        "SELECT hlc, origin_device, fields FROM change_log WHERE table_name = ? AND record_id = ? "
        "ORDER BY hlc DESC, origin_device DESC", (table, record_id))
    for hlc, device, fjson in cur:
        for f in json.loads(fjson):
            if f in wanted and f not in prev:
                prev[f] = [hlc, device]
        if len(prev) == len(wanted):
            break
    return prev


def log_change(store, table: str, record_id: str, op: str, fields: dict, prev: dict | None,
               before: dict | None, action: str | None = None, detail: dict | None = None) -> int:
    """Append the change-log row (for sync) and the audit row (for people) of one record write."""
    store.seq += 1
    hlc = store.clock.now()
    cur = store.conn.execute(
        "INSERT INTO change_log (origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev, user) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (store.device_id, store.seq, hlc, table, record_id, op, dumps(fields), dumps(prev) if prev else None,
         store.user))
    seq = cur.lastrowid
    audit_chain.append(store.conn, [(utc_now_iso(), store.device_id, store.user, action or op, table, record_id,
                                     dumps(before) if before is not None else None, seq,
                                     dumps(detail) if detail else None)])
    return seq


def audit(store, action: str, *, table: str | None = None, record_id: str | None = None, detail: dict | None = None) -> None:
    """An audit row for an action that changes no record (an export, an import run, a sync)."""
    with store.atomic():  # the chain's head is read and moved in one transaction
        audit_chain.append(store.conn, [(utc_now_iso(), store.device_id, store.user, action, table, record_id, None,
                                         None, dumps(detail) if detail else None)])


def create(store, table: str, values: dict, *, record_id: str | None = None, action: str | None = None) -> str:
    """Insert a validated record. Returns its id."""
    now = utc_now_iso()
    rid = record_id or values.get("id") or new_id()
    row = {**values, "id": rid, "created_at": now, "updated_at": now, "created_by": store.device_id,
           "updated_by": store.device_id, "user": store.user, "deleted": 0}
    cols = [c for c in row if c in set(columns(store, table))]
    with store.atomic():
        store.conn.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols])
        log_change(store, table, rid, "create", synced_fields(table, row), None, None, action)
        store.queue_event(table, [rid])
    return rid


def update(store, table: str, record_id: str, changes: dict, *, action: str | None = None,
           current: dict | None = None) -> dict:
    """Apply validated changes; only fields whose value differs are written and logged.
    Returns the dict of fields that changed (empty: nothing was written)."""
    with store.atomic():
        rec = current or require(store, table, record_id)
        known = set(columns(store, table))
        diff = {k: v for k, v in changes.items() if k in known and k not in _STORE_OWNED and rec.get(k) != v}
        if not diff:
            return {}
        sets = ", ".join(f"{k} = ?" for k in diff)
        store.conn.execute(
            f"UPDATE {table} SET {sets}, updated_at = ?, updated_by = ?, user = ? WHERE id = ?",
            [*diff.values(), utc_now_iso(), store.device_id, store.user, record_id])
        merged = {**rec, **diff}
        synced = {k: v for k, v in synced_fields(table, merged).items() if k in diff}
        if table == "households" and "mode" in diff and merged.get("mode") == "full":
            synced["mode"] = "full"
        if synced:
            prev = _field_versions(store, table, record_id, synced)
            op = "delete" if diff.get("deleted") == 1 else ("restore" if diff.get("deleted") == 0 else "update")
            log_change(store, table, record_id, op, synced, prev, {k: rec.get(k) for k in synced}, action)
        store.queue_event(table, [record_id])
    return diff


def soft_delete(store, table: str, record_id: str) -> None:
    update(store, table, record_id, {"deleted": 1}, action="delete")


# SQLite's default limit on "?" in one statement (SQLITE_MAX_VARIABLE_NUMBER, since 3.32).
_MAX_VARIABLES = 32_766


def insert_many(conn, table: str, cols, rows) -> None:
    """INSERT ``rows`` (tuples in ``cols`` order) with multi-row VALUES statements.

    Measured a little faster than ``executemany`` here: one call into SQLite per 500 rows
    instead of one per row (docs/performance.md).
    """
    width = len(cols)
    per = max(1, min(500, _MAX_VARIABLES // width))
    head = f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    full = head + ", ".join([one] * per)
    for i in range(0, len(rows), per):
        part = rows[i:i + per]
        sql = full if len(part) == per else head + ", ".join([one] * len(part))
        conn.execute(sql, list(chain.from_iterable(part)))


def bulk_rows(table: str, rows: list[dict], known: list[str]) -> tuple[list[str], list[tuple]]:
    """The store-free half of ``bulk_create``: the INSERT's user columns (those of ``known`` that
    some row has) and, per row, (id, values in that column order, the change log's JSON).

    Needs no database, so an import can run it in its reading process.
    """
    present = set()
    for r in rows:
        present.update(r)
    user_cols = [c for c in known if c in present and c not in SYSTEM_FIELDS]
    skip = set(SYSTEM_FIELDS) | set(DERIVED_FIELDS.get(table, ()))
    skip_full = skip | set(COUNT_FIELDS) if table == "households" else skip
    out = []
    for r in rows:
        synced = dict(r)  # then drop what does not travel: faster than a comprehension, same key order
        for k in r.keys() & (skip_full if r.get("mode") == "full" else skip):
            del synced[k]
        synced["deleted"] = 0
        out.append((r.get("id") or new_id(), tuple(map(r.get, user_cols)), dumps(synced)))
    return user_cols, out


def bulk_create(store, table: str, rows: list[dict], *, action: str = "create") -> list[str]:
    """Insert many validated, derived rows (the import/demo hot path).

    Every row still gets its change-log and audit rows; the caller holds the transaction.
    """
    if not rows:
        return []
    user_cols, prepared = bulk_rows(table, rows, columns(store, table))
    return bulk_write(store, table, user_cols, prepared, action=action)


def bulk_write(store, table: str, user_cols: list[str], prepared: list[tuple], *, action: str = "create") -> list[str]:
    """Write rows made by ``bulk_rows``: the records, their change-log rows, their audit rows."""
    if not prepared:
        return []
    now = utc_now_iso()
    dev, user = store.device_id, store.user
    system = {"created_at": now, "updated_at": now, "created_by": dev, "updated_by": dev, "user": user, "deleted": 0}
    # Column order of the INSERT: the caller's columns, then the id, then the store's own values.
    cols = [*user_cols, "id", *system]
    consts = tuple(system.values())
    now_hlc = store.clock.now
    ids = [p[0] for p in prepared]
    data = [(*values, rid, *consts) for rid, values, _ in prepared]
    audits = [(now, dev, user, action, table, rid, None) for rid in ids]

    def write():
        # Change numbers are taken here, inside the write transaction: read before it, they could
        # be stale once another program has written to the same file.
        seq = store.seq
        changes = [(dev, seq + i, now_hlc(), table, rid, "create", fields, user)
                   for i, (rid, _, fields) in enumerate(prepared, 1)]
        seq += len(prepared)
        conn = store.conn
        insert_many(conn, table, cols, data)
        first = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log").fetchone()[0] + 1
        insert_many(conn, "change_log",
                    ("origin_device", "origin_seq", "hlc", "table_name", "record_id", "op", "fields", "user"), changes)
        audit_chain.append(conn, [(*a, first + i, None) for i, a in enumerate(audits)], insert_many)
        store.seq = seq
        store.queue_event(table, ids)

    if store.conn.in_transaction:
        # Part of the caller's transaction (an import, the demo), which rolls back whole on any error.
        # No savepoint here: inside a large transaction a savepoint copies every page it touches that
        # was already changed, so each batch costs more than the last (measured: 1.6 s -> 13 s a batch).
        write()
    else:
        with store.atomic():
            write()
    return ids


def history(store, table: str, record_id: str) -> list[dict]:
    """The audit trail of one record, oldest first, with the values before and after each write."""
    cur = store.conn.execute(
        "SELECT a.at, a.user, a.device_id, a.action, a.before, c.fields, c.hlc FROM audit_log a "
        "LEFT JOIN change_log c ON c.seq = a.change_seq WHERE a.table_name = ? AND a.record_id = ? ORDER BY a.id",
        (table, record_id))
    out = []
    for at, user, device, action, before, after, hlc in cur:
        out.append({"at": at, "user": user, "device_id": device, "action": action,
                    "before": json.loads(before) if before else None,
                    "after": json.loads(after) if after else None, "hlc": hlc})
    return out
