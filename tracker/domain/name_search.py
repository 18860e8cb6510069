"""Searching names across spellings and scripts: "Zeinab" finds Zainab and زينب, "Husayn" finds
Hussein and حسين.

The search text of a record is its normalised name tokens (tracker/domain/arabic.py) plus, for
each token, its sound key: the consonant skeleton of the sound alphabet the duplicate matcher
uses (tracker/domain/translit.py), so both scripts and the usual romanisations meet. A query
token matches a name token by prefix, or its sound key by prefix.
"""

from __future__ import annotations

from . import arabic, translit

SOUND = "snd"  # sound keys are indexed as "snd" + skeleton, apart from real name tokens
VERSION = "2"  # of what search texts hold; office upkeep brings older rows up to it


def sound_key(token: str) -> str:
    skeleton = translit.skeleton(translit.units(token))
    return SOUND + skeleton if len(skeleton) >= 2 else ""


def search_text(*names: str | None) -> str:
    """Every distinct token of the names, then their sound keys."""
    base = arabic.search_text(*names)
    return with_sound_keys(base)


def with_sound_keys(text: str) -> str:
    tokens = [t for t in text.split() if not t.startswith(SOUND)]
    keys = dict.fromkeys(k for k in (sound_key(t) for t in tokens) if k)
    return " ".join([*tokens, *keys])


def fts_query(text: str) -> str:
    """A safe FTS5 query: every token must match a name token or a sound key, as a prefix."""
    parts = []
    for token in arabic.tokens(text):
        token = token.replace('"', "")
        if not token:
            continue
        key = sound_key(token)
        parts.append(f'("{token}"* OR "{key}"*)' if key else f'"{token}"*')
    return " AND ".join(parts)


def bring_up_to_date(store, chunk: int = 5000) -> int:
    """Give households written before sound keys existed their keys (once per database; the
    full-text index follows through its triggers). Returns how many rows were updated."""
    if store.meta().get("search_version") == VERSION:
        return 0
    done = 0
    with store.atomic():
        last = ""
        while True:
            rows = store.conn.execute("SELECT id, search_names FROM households WHERE id > ? ORDER BY id LIMIT ?",
                                      (last, chunk)).fetchall()
            if not rows:
                break
            keyed = ((with_sound_keys(text or ""), text or "", rid) for rid, text in rows)
            updates = [(new, rid) for new, old, rid in keyed if new != old]
            store.conn.executemany("UPDATE households SET search_names = ? WHERE id = ?", updates)
            done += len(updates)
            last = rows[-1][0]
        store.set_meta("search_version", VERSION)
    return done
