"""Change rows as sync sees them: reading, checking and ordering them.

A change is one record write from the change log: who made it (origin device and its
own sequence number), when (hybrid logical clock), which record, the synced field values
written, and for each field the ``[hlc, device]`` of the value it replaced (``prev``).
A field's value on every device is the one written by the change with the greatest
``(hlc, origin_device)``; ``prev`` tells what each writer had seen (see conflicts.py).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from .. import model
from ..ids import parse_hlc
from .errors import BundleDamaged

OPS = ("create", "update", "delete", "restore")
# Parents before children, so foreign keys hold as rows are written.
TABLE_ORDER = ("locations", "households", "persons", "movements", "crossing_counts")
_SCALARS = (str, int, float, type(None))


@dataclass(slots=True)
class Change:
    origin: str
    origin_seq: int
    hlc: str
    table: str
    record_id: str
    op: str
    fields: dict
    prev: dict | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.hlc, self.origin)

    def horizon(self, field: str) -> tuple[str, str] | None:
        """The (hlc, device) of the value this write replaced in ``field``: its writer had seen
        that value and every value that lost to it."""
        p = (self.prev or {}).get(field)
        return (p[0], p[1]) if p else None

    def as_row(self) -> list:
        return [self.origin, self.origin_seq, self.hlc, self.table, self.record_id, self.op, self.fields, self.prev]


def from_db(origin, origin_seq, hlc, table, record_id, op, fields, prev) -> Change:
    return Change(origin, origin_seq, hlc, table, record_id, op or "update", json.loads(fields),
                  json.loads(prev) if prev else None)


def synced_columns(store, table: str) -> frozenset:
    """Columns a change may write in ``table``: user data and the deleted flag, never derived ones."""
    from ..records import columns

    skip = set(model.SYSTEM_FIELDS) - {"deleted"} | set(model.DERIVED_FIELDS.get(table, ()))
    return frozenset(c for c in columns(store, table) if c not in skip)


def check(raw, line_no: int, allowed: dict[str, frozenset]) -> Change:
    """Turn one decoded bundle line into a Change, refusing anything malformed (a signed bundle
    from a newer or broken program must not write odd values)."""
    def bad(why):
        raise BundleDamaged(f"bundle line {line_no}: {why}; nothing was imported", line=line_no)

    if not isinstance(raw, list) or len(raw) != 8:
        bad("not a change")
    origin, seq, hlc, table, rid, op, fields, prev = raw
    if not (isinstance(origin, str) and origin and isinstance(rid, str) and rid):
        bad("missing device or record id")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        bad(f"bad change number {seq!r}")
    if table not in allowed:
        bad(f"unknown table {table!r}")
    if op not in OPS:
        bad(f"unknown operation {op!r}")
    try:
        parse_hlc(hlc)
    except (ValueError, TypeError, AttributeError):
        bad(f"bad clock value {hlc!r}")
    if not isinstance(fields, dict) or not fields:
        bad("no fields")
    unknown = set(fields) - allowed[table]
    if unknown:
        bad(f"fields not in {table}: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if not isinstance(value, _SCALARS):
            bad(f"field {name} has a value of type {type(value).__name__}")
    if prev is not None:
        if not isinstance(prev, dict):
            bad("bad prev")
        for name, p in prev.items():
            if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
                bad(f"bad prev for {name}")
    return Change(origin, seq, hlc, table, rid, op, fields, prev or None)


def hlc_iso(hlc: str) -> str:
    """The wall-clock part of a clock value as an ISO timestamp (for created_at/updated_at)."""
    ms, _ = parse_hlc(hlc)
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def held_vector(store) -> dict[str, int]:
    """For each origin device, the highest change number N such that changes 1..N are all held
    (a gap, e.g. after a partial 'since' bundle, must not hide the missing ones from later bundles)."""
    out = {}
    rows = store.conn.execute("SELECT origin_device, COUNT(*), MAX(origin_seq) FROM change_log GROUP BY origin_device")
    for device, count, top in rows.fetchall():
        if count == top:
            out[device] = top
            continue
        first_gap = store.conn.execute(
            "SELECT MIN(origin_seq) FROM change_log c WHERE origin_device = ? AND NOT EXISTS "
            "(SELECT 1 FROM change_log d WHERE d.origin_device = c.origin_device AND d.origin_seq = c.origin_seq + 1)",
            (device,)).fetchone()[0]
        has_first = store.conn.execute("SELECT 1 FROM change_log WHERE origin_device = ? AND origin_seq = 1",
                                       (device,)).fetchone()
        out[device] = first_gap if has_first else 0
    return out
