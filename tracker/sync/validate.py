"""Domain rules for received changes, checked before anything is written.

A signature proves who sent a bundle, not that its values are sound: a device running an
older or broken program, or a database altered outside the program, could carry a negative
count, an unknown P-code or a date that is no date, which would then sit in every device's
records and totals. So every new change goes through the cleaners that forms and imports use
(``tracker/validation.py``) in partial mode, on the fields the change carries (a change holds
only the fields one write changed). Two checks come on top of the cleaners': each value must
have its column's type, and must already be in the form the program stores (a form may type
"5" or " in "; a stored value is 5 or "in"), so a received value is one a form could have saved.

Rules that depend on more than the value are applied the way sync can honour them:

- *Dates in the future*: accepted up to ``FUTURE_GRACE`` after this device's date. Laptops'
  clocks and time zones differ, and a registration made "today" on a device a day ahead must
  not be refused here; a wrong year is still caught.
- *Ages*: a date of birth is checked as of the day the change was written (its clock), so a
  person recorded at 120 is not refused years later when the change is relayed again.
- *Rules linking fields* (a displacement after the registration, free text required for an
  unknown place) apply among the fields the change carries; a complaint about a field it does
  not carry is ignored, because field-level merging combines fields written by different
  changes anyway.
- *P-codes* are known when this database holds the place (deleted ones too: a change written
  before the place was deleted elsewhere must still arrive) or the bundle creates it.

Any invalid change refuses the whole bundle: ``InvalidChange`` lists every problem.
"""

from __future__ import annotations

import datetime as dt

from .. import validation
from ..errors import Cancelled, ValidationError
from ..timeutil import parse_date, today
from .changes import TABLE_ORDER, Change
from .errors import InvalidChange

FUTURE_GRACE = dt.timedelta(days=2)
SHOWN = 50  # problems kept in the error's details (the message names the first)

_TYPES = {"INTEGER": (int,), "TEXT": (str,), "FLOAT": (int, float), "REAL": (int, float)}
_TYPE_WORDS = {(int,): "a whole number", (str,): "text", (int, float): "a number"}


def _clean_household(fields, places, _ref):
    return validation.clean_household(fields, places, partial=True)


def _clean_person(fields, _places, ref):
    return validation.clean_person(fields, reference_date=ref, partial=True)


def _clean_movement(fields, places, _ref):
    return validation.clean_movement(fields, places, partial=True)


def _clean_crossing(fields, places, _ref):
    return validation.clean_crossing(fields, places, partial=True)


def _clean_location(fields, places, _ref):
    return validation.clean_location(fields, places, partial=True)


_CLEANERS = {"households": _clean_household, "persons": _clean_person, "movements": _clean_movement,
             "crossing_counts": _clean_crossing, "locations": _clean_location}


class _Columns:
    """A table's column types, and every (column, value type) pair a change may hold."""

    def __init__(self, store, table: str):
        self.types = {name: _TYPES.get(decl.upper(), (int, float, str))
                      for _, name, decl, *_ in store.conn.execute(f"PRAGMA table_info({table})")}
        self.pairs = frozenset((f, t) for f, ts in self.types.items() for t in (*ts, type(None)))


def _places(store, changes: list[Change]) -> dict[str, dict]:
    """Every P-code a change may name: held here (deleted ones too) or created in this bundle,
    with the kind it will have (the newest change in the bundle that sets it)."""
    places = {pcode: {"kind": kind} for pcode, kind in store.conn.execute("SELECT id, kind FROM locations")}
    for c in sorted((c for c in changes if c.table == "locations"), key=lambda c: c.key):
        place = places.setdefault(c.record_id, {"kind": None})
        if "kind" in c.fields:
            place["kind"] = c.fields["kind"]
    return places


def _written_on(hlc: str) -> dt.date:
    return dt.datetime.fromtimestamp(int(hlc[:15]) / 1000, dt.timezone.utc).date()


def _within_grace(value, latest: dt.date) -> bool:
    try:
        return parse_date(value) <= latest
    except (TypeError, ValueError):
        return False


def _problem(c: Change, field: str, value, rule: str, message: str) -> dict:
    return {"line": c.line, "table": c.table, "record_id": c.record_id, "field": field, "value": value,
            "rule": rule, "message": message, "origin": c.origin}


def change_problems(c: Change, columns: _Columns, places: dict, latest: dt.date) -> list[dict]:
    """Every rule one change breaks (empty: it may be applied)."""
    fields = c.fields
    out = []
    if not columns.pairs.issuperset(zip(fields, map(type, fields.values()))):
        for f, v in fields.items():
            ts = columns.types[f]
            if v is not None and type(v) not in ts:
                out.append(_problem(c, f, v, "wrong_type", f"must be {_TYPE_WORDS.get(ts, 'a plain value')}, "
                                                            f"not {type(v).__name__}"))
    if fields.get("deleted", 0) not in (0, 1):
        out.append(_problem(c, "deleted", fields["deleted"], "choice", "must be 0 or 1"))
    if out:
        return out  # the cleaners expect values of the right types
    ref = _written_on(c.hlc) if "birth_date" in fields else None
    try:
        cleaned = _CLEANERS[c.table](fields, places, ref)
    except ValidationError as exc:
        for e in exc.errors:
            if e.field not in fields:
                continue  # a rule linking this change to fields of the record it does not carry
            if e.rule == "future_date" and _within_grace(e.value, latest):
                continue
            out.append(_problem(c, e.field, fields[e.field], e.rule, e.message))
        return out
    if not cleaned.items() <= fields.items():
        for f, v in cleaned.items():
            if fields.get(f) != v:
                out.append(_problem(c, f, fields.get(f), "not_as_stored",
                                    f"is not written the way this program stores it ({v!r})"))
    return out


def check_changes(store, changes: list[Change], *, file_name: str = "the bundle", sender: str = "",
                  cancelled=None) -> None:
    """Raise ``InvalidChange`` if any change breaks a domain rule. Writes nothing."""
    if not changes:
        return
    places = _places(store, changes)
    columns = {t: _Columns(store, t) for t in TABLE_ORDER}
    latest = today() + FUTURE_GRACE
    problems: list[dict] = []
    count = 0
    for i, c in enumerate(changes):
        if cancelled is not None and i % 10000 == 0 and cancelled():
            raise Cancelled()
        found = change_problems(c, columns[c.table], places, latest)
        if found:
            count += len(found)
            if len(problems) < SHOWN:
                problems.extend(found[:SHOWN - len(problems)])
    if not count:
        return
    p = problems[0]
    more = f" (and {count - 1} more invalid value{'s' if count > 2 else ''})" if count > 1 else ""
    who = f"the device that sent it ({sender})" if sender else "the device that sent it"
    raise InvalidChange(
        f"{file_name}: line {p['line']}: {p['table']} record {p['record_id']}: {p['field']} {p['message']} "
        f"(value {p['value']!r}, rule {p['rule']}){more}; nothing was imported — {who} holds a value its own "
        "checks should have refused: tell that office, whose program may need updating",
        problems=problems, count=count, table=p["table"], record_id=p["record_id"], field=p["field"],
        value=p["value"], rule=p["rule"], line=p["line"])
