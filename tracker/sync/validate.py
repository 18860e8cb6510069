"""Domain rules for received changes, checked before anything is written.

A signature proves who sent a bundle, not that its values are sound: a device running an
older or broken program, or a database altered outside the program, could carry a negative
count, an unknown P-code or a date that is no date, which would then sit in every device's
records and totals. So every new change goes through the cleaners that forms and imports use
(``tracker/domain/validation.py``) in partial mode, on the fields the change carries (a change holds
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
  unknown place) are not applied: a change carries only the fields one write changed, and
  field-level merging combines fields written by different changes anyway. Every value's own
  rules are.
- *P-codes* are known when this database holds the place (deleted ones too: a change written
  before the place was deleted elsewhere must still arrive) or the bundle creates it.

Any invalid change refuses the whole bundle: ``InvalidChange`` lists every problem.
"""

from __future__ import annotations

import datetime as dt
import math

from tracker.domain import validation
from tracker.store import records
from tracker.errors import QUOTED_MAX, Cancelled, ValidationError, cut
from tracker.timeutil import parse_date, today
from .changes import TABLE_ORDER, Change
from .errors import InvalidChange

FUTURE_GRACE = dt.timedelta(days=2)
SHOWN = 50  # problems kept in the error's details (the message names the first)
_INT_MIN, _INT_MAX = -(1 << 63), (1 << 63) - 1  # what SQLite can store

# What a change creating a record must carry (each group: at least one of its fields, not empty),
# as every form, import and the demo do: a record is never made from a stray edit alone.
REQUIRED_ON_CREATE = {
    "households": (("mode",), ("registration_date",), ("origin_pcode",), ("head_name_ar", "head_name_lat")),
    "persons": (("household_id",), ("sex",)),
    "movements": (("household_id",), ("movement_date",)),
    "crossing_counts": (("counted_at",), ("crossing_pcode",), ("direction",)),
    "locations": (("kind",), ("name_en", "name_ar")),
}

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


class _TableRules:
    """The rules of one table's fields. A bundle repeats the same places, dates, choices and
    counts thousands of times, so each distinct value is checked once: the values of a change
    not seen before go through the cleaner together, and only when that call finds a problem
    is each checked alone, to tell which values break a rule of their own. (In partial mode a
    value's own rules do not depend on the other fields given: rules linking fields can only
    add complaints.)"""

    def __init__(self, store, table: str, places: dict, latest: dt.date):
        self.types = {name: _TYPES.get(decl.upper(), (int, float, str))
                      for _, name, decl, *_ in store.conn.execute(f"PRAGMA table_info({table})")}
        # every (column, value type) pair a change may hold: one set test per change
        self.pairs = frozenset((f, t) for f, ts in self.types.items() for t in (*ts, type(None)))
        self.clean = _CLEANERS[table]
        self.places = places
        self.latest = latest
        # (field, value) -> its problems, and the pairs found valid: a change made only of those
        # passes with one set test. A date of birth joins neither: its check (an age of at most
        # 120) depends on the day the change was written too.
        self.invalid: dict[tuple, tuple] = {}
        self.valid: set = set()

    def _as_stored(self, field: str, value, cleaned: dict) -> tuple:
        if field == "deleted":  # the tombstone flag: no form has it
            return () if value in (0, 1) else (("choice", "must be 0 or 1"),)
        if field in cleaned and cleaned[field] != value:
            return (("not_as_stored", f"is not written the way this program stores it ({cleaned[field]!r})"),)
        return ()

    def _alone(self, field: str, value, ref: dt.date | None) -> tuple:
        """(rule, message) pairs for one value (of the right type) checked on its own."""
        try:
            cleaned = self.clean({field: value}, self.places, ref)
        except ValidationError as exc:
            # an error about another field comes from a rule linking the two (free text required
            # for an unknown place): not applied, see the module's description
            return tuple((e.rule, e.message) for e in exc.errors if e.field == field
                         and not (e.rule == "future_date" and _within_grace(e.value, self.latest)))
        return self._as_stored(field, value, cleaned)

    def problems(self, c: Change) -> list[dict]:
        """Every rule one change breaks (empty: it may be applied)."""
        fields = c.fields
        if not self.pairs.issuperset(zip(fields, map(type, fields.values()))):
            out = []
            for f, v in fields.items():
                ts = self.types[f]
                if v is not None and type(v) not in ts:
                    out.append(_problem(c, f, v, "wrong_type", f"must be {_TYPE_WORDS.get(ts, 'a plain value')}, "
                                                                f"not {type(v).__name__}"))
            return out  # the cleaners expect values of the right types
        valid = self.valid
        if valid.issuperset(fields.items()):
            return []
        out = []
        new = {}
        for pair in fields.items():
            v = pair[1]
            if (type(v) is int and not _INT_MIN <= v <= _INT_MAX) or (type(v) is float and not math.isfinite(v)):
                out.append(_problem(c, *pair, "out_of_range", "is too large to store" if type(v) is int
                                    else "is not a finite number"))
            elif pair in self.invalid:
                out.extend(_problem(c, *pair, rule, message) for rule, message in self.invalid[pair])
            elif pair not in valid:
                new[pair[0]] = pair[1]
        if not new:
            return out
        ref = _written_on(c.hlc) if "birth_date" in new else None
        try:
            cleaned = self.clean(new, self.places, ref)
        except ValidationError:
            found = {f: self._alone(f, v, ref) for f, v in new.items()}
        else:
            found = {f: self._as_stored(f, v, cleaned) for f, v in new.items()}
        for f, v in new.items():
            if found[f]:
                out.extend(_problem(c, f, v, rule, message) for rule, message in found[f])
                if f != "birth_date":
                    self.invalid[(f, v)] = found[f]
            elif f != "birth_date":
                valid.add((f, v))
        return out


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


def _shown(value):
    """The value as kept in a problem: itself, or when long (a 10 MB field, a 30-digit number) its
    cut form, so no message or screen built from the details echoes it whole."""
    if isinstance(value, str) and len(value) > QUOTED_MAX or type(value) is int and value.bit_length() > 64:
        return cut(value)
    return value


def _problem(c: Change, field: str, value, rule: str, message: str) -> dict:
    return {"line": c.line, "table": c.table, "record_id": c.record_id, "field": field, "value": value,
            "rule": rule, "message": message, "origin": c.origin}


def _incomplete(store, changes: list[Change]) -> list[dict]:
    """Creates that lack a required field, and changes to a record this database does not hold
    that the bundle does not create: either would make a record no form could have saved."""
    out = []
    by_record: dict[tuple[str, str], list[Change]] = {}
    for c in changes:
        by_record.setdefault((c.table, c.record_id), []).append(c)
        if c.op == "create":
            missing = [g for g in REQUIRED_ON_CREATE[c.table] if all(c.fields.get(f) in (None, "") for f in g)]
            if missing:
                out.append(_problem(c, missing[0][0], None, "incomplete_create",
                                    f"is required to create a record ({', '.join(' or '.join(g) for g in missing)} "
                                    f"missing; the change carries only {cut(', '.join(sorted(c.fields)), 200)})"))
    for table in TABLE_ORDER:
        ids = [rid for t, rid in by_record if t == table]
        held = set()
        for part, marks in records.in_chunks(ids):
            held.update(r[0] for r in store.conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", part))
        for rid in ids:
            cs = by_record[(table, rid)]
            if rid not in held and not any(c.op == "create" for c in cs):
                c = min(cs, key=lambda c: c.line)
                out.append(_problem(c, next(iter(c.fields)), None, "incomplete_create",
                                    "changes a record this database does not have, and the file does not create it"))
    return out


def check_changes(store, changes: list[Change], *, file_name: str = "the bundle", sender: str = "",
                  cancelled=None) -> None:
    """Raise ``InvalidChange`` if any change breaks a domain rule. Writes nothing."""
    if not changes:
        return
    places = _places(store, changes)
    latest = today() + FUTURE_GRACE
    rules = {t: _TableRules(store, t, places, latest) for t in TABLE_ORDER}
    incomplete = _incomplete(store, changes)
    problems: list[dict] = incomplete[:SHOWN]
    count = len(incomplete)
    for i, c in enumerate(changes):
        if cancelled is not None and i % 10000 == 0 and cancelled():
            raise Cancelled()
        found = rules[c.table].problems(c)
        if found:
            count += len(found)
            if len(problems) < SHOWN:
                problems.extend(found[:SHOWN - len(problems)])
    if not count:
        return
    p = problems[0]
    more = f" (and {count - 1} more invalid value{'s' if count > 2 else ''})" if count > 1 else ""
    sent_by = f" ({sender})" if sender else ""
    if all(q["rule"] in ("unknown_pcode", "incomplete_create") for q in problems):
        # a place or record added on another device and left out of a partial (--since) bundle looks the same
        what = "places" if all(q["rule"] == "unknown_pcode" for q in problems) else "records"
        advice = (f"if those {what} were added on another device, ask the sender{sent_by} for a full bundle "
                  "(--all); otherwise tell that office: its program may need updating")
    else:
        advice = (f"the device that sent it{sent_by} holds a value its own checks should have refused: tell that "
                  "office, whose program may need updating")
    raise InvalidChange(
        f"{file_name}: line {p['line']}: {p['table']} record {p['record_id']}: {p['field']} {p['message']} "
        f"(value {cut(p['value'])}, rule {p['rule']}){more}; nothing was imported — {advice}",
        problems=[{**q, "value": _shown(q["value"])} for q in problems], count=count, table=p["table"],
        record_id=p["record_id"], field=p["field"], value=_shown(p["value"]), rule=p["rule"], line=p["line"])
