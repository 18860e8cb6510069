"""Drafts of unfinished forms, so a crash, a power cut or a lock loses nothing a registrar typed.

A draft lives in the encrypted store under a key naming the form (``household:new-full``,
``household:<id>``, ``tally:<point>``). Saving a record discards its draft. Drafts are
local scratch: not audited, not synced, never exported.
"""

from __future__ import annotations

import json

from tracker.timeutil import utc_now_iso


def save(store, key: str, payload: dict) -> None:
    store.conn.execute(
        "INSERT INTO drafts (key, payload, saved_at, user) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at, user = excluded.user",
        (key, json.dumps(payload, ensure_ascii=False), utc_now_iso(), store.user))


def load(store, key: str) -> dict | None:
    """``{"payload": …, "saved_at": …, "user": …}`` or None."""
    row = store.conn.execute("SELECT payload, saved_at, user FROM drafts WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    try:
        payload = json.loads(row[0])
    except ValueError:  # a draft is a convenience: a damaged one is dropped, never an error
        discard(store, key)
        return None
    return {"payload": payload, "saved_at": row[1], "user": row[2]}


def discard(store, key: str) -> None:
    store.conn.execute("DELETE FROM drafts WHERE key = ?", (key,))


def keys(store, prefix: str = "") -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT key FROM drafts WHERE key LIKE ? ORDER BY saved_at DESC",
                                             (prefix.replace("%", "") + "%",))]
