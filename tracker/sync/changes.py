"""Change rows as sync sees them: reading, checking and ordering them.

A change is one record write from the change log: who made it (origin device and its
own sequence number, and the user signed in there), when (hybrid logical clock), which
record, the synced field values written, and for each field the ``[hlc, device]`` of the
value it replaced (``prev``).
A field's value on every device is the one written by the change with the greatest
``(hlc, origin_device)``; ``prev`` tells what each writer had seen (see conflicts.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass

from tracker.domain import model
from tracker.errors import cut
from .errors import BundleDamaged

OPS = ("create", "update", "delete", "restore")
# Parents before children, so foreign keys hold as rows are written.
TABLE_ORDER = ("locations", "households", "persons", "movements", "crossing_counts")
_SCALARS = frozenset((str, int, float, bool, type(None)))
_HLC = re.compile(r"\d{15}-\d{6}\Z")
MAX_HLC = "253402300799999-999999"  # 9999-12-31T23:59:59.999Z: beyond it no date can be shown
MAX_USER = 200  # a user name, as typed at sign-in


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
    fields_text: str | None = None  # as received, stored as it is (no re-encoding)
    prev_text: str | None = None
    user: str | None = None  # who wrote it on the origin device (None: not known, an older program)
    line: int = 0  # its line in the bundle, to say where a refused change is

    @property
    def key(self) -> tuple[str, str]:
        return (self.hlc, self.origin)

    def horizon(self, field: str) -> tuple[str, str] | None:
        """The (hlc, device) of the value this write replaced in ``field``: its writer had seen
        that value and every value that lost to it."""
        p = (self.prev or {}).get(field)
        return (p[0], p[1]) if p else None



class _JsonNames(dict):
    def __missing__(self, value):
        text = self[value] = json.dumps(value, ensure_ascii=False)
        return text


_json_text = json.encoder.encode_basestring_ascii  # a str as a JSON string, like json.dumps(text)


class LineWriter:
    """Change-log rows as bundle lines: the change's identity as a JSON array, a tab, its fields
    (JSON, as stored), a tab, its prev (JSON, or null). This text is also what the origin device
    signs (attest.py), so the one writer serves both and a relayed line is byte for byte the
    origin's. Table, operation and user names repeat on every line: each is encoded once."""

    def __init__(self):
        self._names = _JsonNames()

    def line(self, origin, seq, hlc, table, record_id, op, fields, prev, user) -> str:
        n = self._names
        return (f'[{n[origin]},{seq},"{hlc}",{n[table]},{_json_text(record_id)},{n[op]},{n[user]}]'
                f'\t{fields}\t{prev or "null"}')


# the change-log columns a LineWriter takes, in its order
LINE_COLUMNS = "origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev, user"


def from_db(origin, origin_seq, hlc, table, record_id, op, fields, prev, user=None) -> Change:
    return Change(origin, origin_seq, hlc, table, record_id, op or "update", json.loads(fields),
                  json.loads(prev) if prev else None, user=user)


def synced_columns(store, table: str) -> frozenset:
    """Columns a change may write in ``table``: user data and the deleted flag, never derived ones."""
    from tracker.store.records import columns

    skip = set(model.SYSTEM_FIELDS) - {"deleted"} | set(model.DERIVED_FIELDS.get(table, ()))
    return frozenset(c for c in columns(store, table) if c not in skip)


def _is_head(head) -> bool:
    """The identity part of a line: origin, number, clock, table, record, operation, then the
    user (bundles from before users travelled have six items)."""
    return type(head) is list and (len(head) == 7 or len(head) == 6)


def parse_line(line: bytes, line_no: int, allowed: dict[str, frozenset]) -> Change:
    """One bundle line: the change's identity as a JSON array, then a tab, its fields as a JSON
    object, a tab, and its prev (JSON, or null). JSON text never holds a raw tab."""
    parts = line.split(b"\t")
    try:
        if len(parts) != 3:
            raise ValueError("parts")
        head = json.loads(parts[0])
        fields_text, prev_text = parts[1].decode("utf-8"), parts[2].decode("utf-8")
        fields = json.loads(fields_text)
        prev = None if prev_text == "null" else json.loads(prev_text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleDamaged(f"bundle line {line_no} cannot be read; nothing was imported", line=line_no) from exc
    if not _is_head(head):
        raise BundleDamaged(f"bundle line {line_no}: not a change; nothing was imported", line=line_no)
    change = check(head, fields, prev, line_no, allowed)
    change.fields_text = fields_text
    change.prev_text = prev_text if prev is not None else None
    return change


def held_keys(store, pairs) -> set[tuple[str, int]]:
    """Which of these (origin device, change number) pairs this database already holds."""
    by_origin: dict[str, list[int]] = {}
    for origin, seq in pairs:
        by_origin.setdefault(origin, []).append(seq)
    held = set()
    for origin, seqs in by_origin.items():
        held.update((origin, r[0]) for r in store.conn.execute(
            "SELECT origin_seq FROM change_log WHERE origin_device = ? AND origin_seq BETWEEN ? AND ?",
            (origin, min(seqs), max(seqs))))
    return held


def parse_lines(lines: list[bytes], first_line_no: int, allowed: dict[str, frozenset], store=None) -> list[Change]:
    """All change lines at once (a few JSON decodes in all, not three per line). With ``store``,
    lines whose change is already held there are dropped before their fields are decoded (a
    re-sent bundle costs little). A line that does not decode is found and named line by line."""
    numbers = range(first_line_no, first_line_no + len(lines))
    if not all(lines):
        numbers = [i for i, line in zip(numbers, lines) if line]
        lines = [line for line in lines if line]
    try:
        if any(line.count(b"\t") != 2 for line in lines):
            raise ValueError("parts")
        parts = b"\t".join(lines).split(b"\t")  # one split for the whole bundle
        heads = json.loads(b"[" + b",".join(parts[0::3]) + b"]")
        texts, prev_texts = parts[1::3], parts[2::3]
        for i, head in zip(numbers, heads):
            if not _is_head(head):
                raise BundleDamaged(f"bundle line {i}: not a change; nothing was imported", line=i)
        if store is not None:
            held = held_keys(store, ((h[0], h[1]) for h in heads if type(h[1]) is int))
            if held:
                kept = [k for k, h in enumerate(heads) if (h[0], h[1]) not in held]
                numbers, heads, texts, prev_texts = ([x[k] for k in kept] for x in (numbers, heads, texts, prev_texts))
        fields = json.loads(b"[" + b",".join(texts) + b"]")
        prevs = json.loads(b"[" + b",".join(prev_texts) + b"]")
    except (ValueError, UnicodeDecodeError, TypeError):
        return [parse_line(line, i, allowed) for i, line in zip(numbers, lines)]
    out = []
    for i, head, f, prev, text, prev_text in zip(numbers, heads, fields, prevs, texts, prev_texts):
        change = check(head, f, prev, i, allowed)
        change.fields_text = text.decode("utf-8")
        change.prev_text = prev_text.decode("utf-8") if prev is not None else None
        out.append(change)
    return out


def check(head: list, fields, prev, line_no: int, allowed: dict[str, frozenset]) -> Change:
    """Turn one decoded bundle line into a Change, refusing anything malformed (a signed bundle
    from a newer or broken program must not write odd values). The values themselves are
    checked against the domain rules later, all at once (validate.py)."""
    def bad(why):
        raise BundleDamaged(f"bundle line {line_no}: {why}; nothing was imported", line=line_no)

    origin, seq, hlc, table, rid, op = head[:6]
    user = head[6] if len(head) == 7 else None
    if user is not None and (type(user) is not str or len(user) > MAX_USER):
        bad("bad user name")
    if type(origin) is not str or not origin or type(rid) is not str or not rid:
        bad("missing device or record id")
    if type(seq) is not int or seq < 1:
        bad(f"bad change number {cut(seq)}")
    cols = allowed.get(table)
    if cols is None:
        bad(f"unknown table {cut(table)}")
    if op not in OPS:
        bad(f"unknown operation {cut(op)}")
    if type(hlc) is not str or not _HLC.match(hlc):  # how far ahead it may be: bundle.check_clocks
        bad(f"bad clock value {cut(hlc)}")
    if type(fields) is not dict or not fields:
        bad("no fields")
    if not cols.issuperset(fields):
        bad(f"fields not in {table}: {cut(', '.join(sorted(set(fields) - cols)))}")
    if not _SCALARS.issuperset(map(type, fields.values())):
        name = next(k for k, v in fields.items() if type(v) not in _SCALARS)
        bad(f"field {cut(name)} has a value of type {type(fields[name]).__name__}")
    if prev is not None:
        if type(prev) is not dict:
            bad("bad prev")
        for name, p in prev.items():
            if not (type(p) is list and len(p) == 2 and type(p[0]) is str and type(p[1]) is str
                    and _HLC.match(p[0]) and p[0] <= MAX_HLC):
                bad(f"bad prev for {cut(name)}")
    return Change(origin, seq, hlc, table, rid, op, fields, prev or None, user=user, line=line_no)


def hlc_iso(hlc: str) -> str:
    """The wall-clock part of a clock value as an ISO timestamp (for created_at/updated_at)."""
    return _ms_iso(hlc[:15])


@functools.lru_cache(maxsize=4096)  # bulk writes share their millisecond
def _ms_iso(ms_text: str) -> str:
    ms = int(ms_text)
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
