"""The audit log as a hash chain: each row holds the hash of the row before it.

``hash = SHA-256(prev_hash || canonical(row))`` where ``prev_hash`` is the previous row's hash as 64
hex characters (64 zeros before the first row) and ``canonical(row)`` is the compact JSON array of
the row's values in ``COLUMNS`` order, with the two free-form values (``before``, ``detail``) given
by their SHA-256. That lets a retention purge redact the personal values an old row holds (the
value is replaced by ``{"redacted_sha256": ...}``, its hash) while the chain still verifies: a
redaction shows, but cannot change what the row said. The newest hash, the chain's head, is also kept in ``meta``
so removing the last rows shows, and it travels in sync and summary bundles so a receiving office
can later prove what it was sent.

This answers edits made to the file after a head was shown or sent: anyone who holds the key can
rewrite the whole chain, so the chain proves nothing against them on its own (docs/security.md).

Every writer of audit rows goes through ``append`` inside its write transaction, which reads the
head and writes the rows in the same transaction, so two writers cannot fork the chain.
"""

from __future__ import annotations

import hashlib

import orjson

GENESIS = "0" * 64
COLUMNS = ("at", "device_id", "user", "action", "table_name", "record_id", "before", "change_seq", "detail")
HEAD_KEY = "audit_head"
_INSERT = f"INSERT INTO audit_log ({', '.join(COLUMNS)}, prev_hash, hash) VALUES ({', '.join('?' * (len(COLUMNS) + 2))})"


_REDACTED = '{"redacted_sha256":"'
_FREE_FORM = (6, 8)  # before, detail


def _value_digest(text):
    """SHA-256 of a free-form value, or the one a redacted value records."""
    if text is None:
        return None
    if isinstance(text, str) and text.startswith(_REDACTED) and len(text) == len(_REDACTED) + 66:
        return text[len(_REDACTED):-2]
    return hashlib.sha256(str(text).encode("utf-8")).hexdigest()


def redacted(text: str) -> str:
    """What a redacted free-form value becomes: its hash, so the chain still verifies."""
    return f'{_REDACTED}{_value_digest(text)}"}}'


def _canonical(row) -> bytes:
    values = list(row)
    for i in _FREE_FORM:
        if values[i] is not None:
            values[i] = _value_digest(values[i])
    return orjson.dumps(values)


def digest(prev: str, row) -> str:
    """The hash of one row (a tuple in ``COLUMNS`` order) following ``prev``."""
    return hashlib.sha256(prev.encode("ascii") + _canonical(row)).hexdigest()


def head(conn) -> str:
    """The hash the next row links to: the recorded head, else the last row's hash, else the genesis."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    if row and row[0]:
        return row[0]
    row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0] if row else None) or GENESIS


def _set_head(conn, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (HEAD_KEY, value))


def link(prev: str, rows) -> tuple[list[tuple], str]:
    """``rows`` (tuples in ``COLUMNS`` order) with their prev_hash and hash appended, and the new head."""
    out = []
    sha, dumps, canonical = hashlib.sha256, orjson.dumps, _canonical
    for row in rows:
        # the bulk path's rows have neither before nor detail: skip the per-value hashing
        data = dumps(list(row)) if row[6] is None and row[8] is None else canonical(row)
        h = sha(prev.encode("ascii") + data).hexdigest()
        out.append((*row, prev, h))
        prev = h
    return out, prev


def append(conn, rows, insert_many=None) -> str:
    """Insert audit rows at the end of the chain; the caller holds the write transaction.
    ``insert_many(conn, table, cols, rows)`` is used for many rows (the bulk path). Returns the new head."""
    rows = list(rows)
    if not rows:
        return head(conn)
    linked, new_head = link(head(conn), rows)
    if insert_many is not None and len(linked) > 1:
        insert_many(conn, "audit_log", (*COLUMNS, "prev_hash", "hash"), linked)
    elif len(linked) == 1:
        conn.execute(_INSERT, linked[0])
    else:
        conn.executemany(_INSERT, linked)
    _set_head(conn, new_head)
    return new_head


def rechain(conn) -> str:
    """Compute prev_hash and hash of every row in id order (the migration that starts the chain)."""
    prev = GENESIS
    updates = []
    cur = conn.execute(f"SELECT id, {', '.join(COLUMNS)} FROM audit_log ORDER BY id")
    for rid, *values in cur.fetchall():
        h = digest(prev, values)
        updates.append((prev, h, rid))
        prev = h
    conn.executemany("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", updates)
    if updates:
        _set_head(conn, prev)
    return prev


def redact(conn, ids) -> int:
    """Replace the ``before`` values of audit rows ``ids`` by their hash (a retention purge: the values
    held personal data). The caller holds the write transaction. Returns the rows redacted."""
    n = 0
    ids = list(ids)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows = conn.execute(f"SELECT id, before FROM audit_log WHERE id IN ({', '.join('?' * len(part))}) "
                            f"AND before IS NOT NULL AND before NOT LIKE '{_REDACTED}%'", part).fetchall()
        conn.executemany("UPDATE audit_log SET before = ? WHERE id = ?", [(redacted(b), rid) for rid, b in rows])
        n += len(rows)
    return n


def summary(conn) -> dict:
    """The chain's head and length, as carried in bundles: {"rows": n, "head": hex}."""
    n = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return {"rows": n, "head": head(conn) if n else GENESIS}


def _find(conn, hash_value: str):
    row = conn.execute("SELECT id FROM audit_log WHERE hash = ? LIMIT 1", (hash_value,)).fetchone()
    return row[0] if row else None


def _next_row(conn, rid: int):
    return conn.execute("SELECT id, prev_hash FROM audit_log WHERE id > ? ORDER BY id LIMIT 1", (rid,)).fetchone()


def verify(conn) -> dict:
    """Walk the chain in id order. Returns {"ok", "rows", "head", "problem"}: ``problem`` names the first
    row changed, deleted, reordered or inserted ({"row": id, "kind": ..., "message": ...}) or is None."""
    cur = conn.execute(f"SELECT id, prev_hash, hash, {', '.join(COLUMNS)} FROM audit_log ORDER BY id")
    expected = GENESIS
    prev_row = None  # (id, prev_hash, hash) of the last good row
    n = 0
    for rid, prev_hash, hash_value, *values in cur:
        n += 1
        own_ok = prev_hash is not None and hash_value == digest(prev_hash, values)
        if prev_hash == expected and own_ok:
            expected, prev_row = hash_value, (rid, prev_hash, hash_value)
            continue
        cur.close()
        problem = _classify(conn, rid, prev_hash, own_ok, prev_row, expected)
        return {"ok": False, "rows": n, "head": expected, "problem": problem}
    recorded = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    recorded = recorded[0] if recorded else None
    if n and recorded != expected:
        last = prev_row[0]
        problem = {"row": last + 1, "kind": "deleted",
                   "message": f"the last row(s) after row {last} were deleted: the recorded head "
                              f"{(recorded or 'is missing')[:16]}… is not row {last}'s hash"}
        return {"ok": False, "rows": n, "head": expected, "problem": problem}
    return {"ok": True, "rows": n, "head": expected, "problem": None}


def _classify(conn, rid, prev_hash, own_ok, prev_row, expected) -> dict:
    """Why row ``rid`` does not follow ``prev_row`` (the last row that checked out)."""
    prev_id = prev_row[0] if prev_row else None

    def problem(row, kind, message):
        return {"row": row, "kind": kind, "message": message}

    if prev_hash == expected:  # linked to the right row, but its own values do not give its hash
        return problem(rid, "changed", f"row {rid} was changed after it was written")
    if not own_ok:
        nxt = _next_row(conn, rid)
        if prev_hash is None or (nxt is not None and nxt[1] == expected):
            return problem(rid, "inserted", f"row {rid} was inserted: it is not part of the chain")
        return problem(rid, "changed", f"row {rid} was changed after it was written")
    # The row is intact but follows another row than the one before it.
    if prev_row is not None and prev_hash == prev_row[1]:
        return problem(prev_id, "inserted", f"row {prev_id} was inserted before row {rid}")
    target = _find(conn, prev_hash)
    if target is not None and target > rid:
        return problem(rid, "reordered", f"row {rid} is out of order: it was written after row {target}")
    if target is not None:
        return problem(rid, "reordered", f"rows between {target} and {rid} were inserted or moved")
    gap_from = (prev_id or 0) + 1
    if prev_id is not None and rid == prev_id + 1:
        return problem(prev_id, "changed", f"row {prev_id} was changed after it was written (its hash was recomputed)")
    if rid > gap_from:
        what = f"row {gap_from}" if rid == gap_from + 1 else f"rows {gap_from}–{rid - 1}"
        return problem(gap_from, "deleted", f"{what} deleted: row {rid} follows a row that is no longer there")
    return problem(rid, "deleted", f"a row before row {rid} was deleted")
