"""Validation rules shared by forms, imports and sync.

Each ``clean_*`` function takes raw values (strings from a form or a CSV cell,
or typed values), returns a cleaned dict with proper types, or raises
``ValidationError`` listing every broken rule with the field and value.
"""

from __future__ import annotations

import datetime as dt
import re

from . import model
from tracker.errors import FieldError, ValidationError
from tracker.timeutil import parse_date, parse_datetime, today

UNKNOWN = "unknown"
MAX_TEXT = 2000
MAX_DIGITS = 30  # longer number text is refused before int() (which stops at 4,300 digits)
_ISO3 = re.compile(r"^[A-Z]{3}$")
_INTEGER_TEXT = re.compile(r"[+-]?\d+(\.0+)?")


class _Cleaner:
    def __init__(self, raw: dict, locations: dict | None):
        self.raw = raw
        self.out: dict = {}
        self.errors: list[FieldError] = []
        self.locations = locations or {}

    def fail(self, field, rule, message, value=None):
        self.errors.append(FieldError(field, rule, message, value))

    def get(self, field):
        """The value given for ``field``: stripped if text, None when absent or blank."""
        v = self.raw.get(field)
        if v.__class__ is str:
            return v.strip() or None
        return v

    def present(self, field) -> bool:
        v = self.raw.get(field)
        return v is not None and (v.__class__ is not str or not v.isspace() and v != "")

    def _missing(self, field, required, default=None):
        if required:
            self.fail(field, "required", "is required", self.raw.get(field))
        elif default is not None or field in self.raw:
            self.out[field] = default
        return default

    def text(self, field, required=False, max_len=MAX_TEXT):
        v = self.raw.get(field)
        if v.__class__ is str:
            v = v.strip() or None
        if v is None:
            return self._missing(field, required)
        s = v if v.__class__ is str else str(v).strip()
        if len(s) > max_len:
            self.fail(field, "too_long", f"is longer than {max_len} characters", s[:40] + "…")
            return None
        self.out[field] = s
        return s

    def choice(self, field, choices, required=False):
        v = self.raw.get(field)
        if v.__class__ is str:
            v = v.strip() or None
        if v is None:
            return self._missing(field, required)
        s = v if v.__class__ is str else str(v).strip()
        if s not in choices:
            self.fail(field, "choice", "must be one of: " + ", ".join(map(str, choices)), self.raw.get(field))
            return None
        self.out[field] = s
        return s

    def integer(self, field, required=False, lo=None, hi=None, default=None):
        v = self.raw.get(field)
        if v.__class__ is str:
            v = v.strip() or None
        if v is None:
            return self._missing(field, required, default)
        cls = v.__class__
        if cls is str:
            if (v.isdecimal() or _INTEGER_TEXT.fullmatch(v)) and len(v) > MAX_DIGITS:
                # int() refuses over 4,300 digits; no count or age is anywhere near this long
                self.fail(field, "out_of_range", f"has more than {MAX_DIGITS} digits", v[:20] + "…")
                return None
            if v.isdecimal():  # also Arabic-Indic digits, which int() reads
                v = int(v)
            elif _INTEGER_TEXT.fullmatch(v):
                v = int(float(v)) if "." in v else int(v)
        elif cls is float and v.is_integer():
            v = int(v)
        elif cls is bool:
            v = int(v)
        if v.__class__ is not int:
            self.fail(field, "not_integer", "must be a whole number", self.raw.get(field))
            return None
        if lo is not None and v < lo:
            rule = "negative" if lo == 0 else "out_of_range"
            self.fail(field, rule, f"must be at least {lo}", v)
            return None
        if hi is not None and v > hi:
            self.fail(field, "out_of_range", f"must be at most {hi}", v)
            return None
        self.out[field] = v
        return v

    def flag(self, field, default=None):
        v = self.raw.get(field)
        if not self.present(field):
            if default is not None or field in self.raw:
                self.out[field] = default
            return default
        s = str(v).strip().lower()
        if s in ("1", "true", "yes", "y", "نعم"):
            self.out[field] = 1
        elif s in ("0", "false", "no", "n", "لا"):
            self.out[field] = 0
        else:
            self.fail(field, "choice", "must be yes or no", v)
        return self.out.get(field)

    def date(self, field, required=False, not_future=True, with_time=False):
        v = self.raw.get(field)
        if not self.present(field):
            if required:
                self.fail(field, "required", "is required", v)
            elif field in self.raw:
                self.out[field] = None
            return None
        try:
            if with_time:
                d = parse_datetime(v)
                if d.tzinfo is not None:
                    d = d.astimezone(dt.timezone.utc).replace(tzinfo=None)
                value = d.isoformat(timespec="minutes")
                day = d.date()
            else:
                day = parse_date(v)
                value = day.isoformat()
        except (ValueError, TypeError):
            self.fail(field, "bad_date", "is not a date (use YYYY-MM-DD)", v)
            return None
        if day.year < 1900:
            self.fail(field, "bad_date", "is before 1900", v)
            return None
        if not_future and day > today():
            self.fail(field, "future_date", "is in the future", v)
            return None
        self.out[field] = value
        return day

    def pcode(self, field, required=False, kinds=None, free_text_field=None):
        v = self.raw.get(field)
        if not self.present(field):
            if required:
                self.fail(field, "required", "is required", v)
            elif field in self.raw:
                self.out[field] = None
            return None
        s = str(v).strip()
        if s.lower() == UNKNOWN:
            if free_text_field and not self.present(free_text_field):
                self.fail(free_text_field, "required", f"is required when {field} is unknown",
                          self.raw.get(free_text_field))
            self.out[field] = UNKNOWN
            return UNKNOWN
        loc = self.locations.get(s)
        if loc is None:
            self.fail(field, "unknown_pcode", "is not a P-code in the gazetteer (use 'unknown' and free text)", v)
            return None
        if kinds and loc["kind"] not in kinds:
            self.fail(field, "wrong_kind", "is not a " + " or ".join(k.replace("_", " ") for k in kinds), v)
            return None
        self.out[field] = s
        return s

    def done(self) -> dict:
        if self.errors:
            raise ValidationError(self.errors)
        return self.out


def _counts(c: _Cleaner, required=False) -> int:
    raw, out = c.raw, c.out
    values = list(map(raw.get, model.COUNT_FIELDS))
    try:
        digits = "".join(values)  # TypeError unless every count is text
    except TypeError:
        digits = ""
    # The usual row: every count plain ASCII digits (none empty) within range.
    if digits and all(values) and digits.isdecimal() and digits.isascii() and len(digits) <= 10 * MAX_DIGITS:
        ints = list(map(int, values))
        if max(ints) <= 100_000:
            out.update(zip(model.COUNT_FIELDS, ints))
            return sum(ints)
    total = 0
    for f in model.COUNT_FIELDS:
        v = raw.get(f)
        # Fast path for the usual cell (plain digits or an int in range); anything else goes through
        # integer(), which gives the same result or the error.
        if v.__class__ is str and v.isdecimal() and v.isascii() and len(v) <= MAX_DIGITS:
            v = int(v)
        if v.__class__ is int and 0 <= v <= 100_000:
            out[f] = v
            total += v
        else:
            total += c.integer(f, lo=0, hi=100_000, default=0 if required else None) or 0
    return total


def clean_household(raw: dict, locations: dict, *, partial=False) -> dict:
    """``partial`` checks only the fields given (an edit); otherwise required fields must be there."""
    c = _Cleaner(raw, locations)
    req = not partial
    mode = c.choice("mode", model.HOUSEHOLD_MODES, required=req)
    c.text("head_name_ar", max_len=200)
    c.text("head_name_lat", max_len=200)
    # A full registration takes the head's name from the member marked head.
    if req and mode == "pre" and not (c.present("head_name_ar") or c.present("head_name_lat")):
        c.fail("head_name_ar", "required", "the head's name is required (Arabic or Latin)", None)
    reg = c.date("registration_date", required=req)
    c.pcode("registration_pcode")
    c.pcode("origin_pcode", required=req, free_text_field="origin_village")
    c.text("origin_village", max_len=200)
    disp = c.date("displacement_date")
    if reg and disp and disp > reg:
        c.fail("displacement_date", "after_registration", "is after the registration date", raw.get("displacement_date"))
    c.pcode("current_pcode")
    c.text("site_name", max_len=200)
    c.choice("shelter_type", model.SHELTER_TYPES)
    c.choice("intention", model.INTENTIONS)
    phone = c.text("contact_phone", max_len=40)
    if phone and not re.fullmatch(r"[+0-9 ()\-]{5,40}", phone):
        c.fail("contact_phone", "bad_phone", "may hold only digits, spaces, + ( ) -", phone)
    c.flag("consent_share", default=None if partial else 0)
    c.choice("consent_scope", model.CONSENT_SCOPES)
    c.date("consent_date")
    if req:
        c.raw.setdefault("status", "active")
    c.choice("status", model.HOUSEHOLD_STATUSES, required=req)
    c.text("notes")
    c.text("source_id", max_len=200)
    if mode == "pre" or (partial and any(f in raw for f in model.COUNT_FIELDS)):
        total = _counts(c, required=req)
        if mode == "pre" and req and total == 0 and not any(e.field in model.COUNT_FIELDS for e in c.errors):
            c.fail("f_18_59", "empty_household", "a pre-registration needs at least one person counted", 0)
    return c.done()


def _born_as_age(raw: dict, reference_date: dt.date | None) -> dict:
    """'Born / age' as registration forms take it: a date, a year of birth ("1980") or an age ("34").

    A year or an age is an estimate: it becomes ``age_estimated`` (the years since that year), never
    an invented day of birth. A date, or anything else, is left for the date rule to judge.
    """
    born = raw.get("birth_date")
    text = str(born).strip() if born is not None else ""
    if not text.isdecimal() or raw.get("age_estimated") not in (None, ""):
        return raw
    number = int(text)  # Arabic-Indic digits too
    ref = reference_date or today()
    if len(text) == 4 and 1900 <= number <= ref.year:
        return {**raw, "birth_date": None, "age_estimated": ref.year - number}
    if len(text) <= 3:
        return {**raw, "birth_date": None, "age_estimated": text}
    return raw


def clean_person(raw: dict, *, reference_date: dt.date | None = None, partial=False) -> dict:
    raw = _born_as_age(raw, reference_date)
    c = _Cleaner(raw, None)
    req = not partial
    for part in ("given", "father", "grandfather", "family"):
        c.text(f"{part}_name_ar", max_len=100)
        c.text(f"{part}_name_lat", max_len=100)
    if req and not (c.present("given_name_ar") or c.present("given_name_lat")):
        c.fail("given_name_ar", "required", "the given name is required (Arabic or Latin)", None)
    c.choice("sex", model.SEXES, required=req)
    born = c.date("birth_date")
    age = c.integer("age_estimated", lo=0, hi=model.MAX_AGE)
    if req and born is None and age is None and not c.present("birth_date") and not c.present("age_estimated"):
        c.fail("age_estimated", "required", "give a date of birth or an estimated age", None)
    if born is not None:
        ref = reference_date or today()
        years = ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))
        if years > model.MAX_AGE:
            c.fail("birth_date", "age_range", f"gives an age over {model.MAX_AGE}", raw.get("birth_date"))
    c.choice("relationship", model.RELATIONSHIPS, required=req)
    for f in model.WG_FIELDS:
        c.integer(f, lo=1, hi=4)
    needs = raw.get("specific_needs")
    if needs is not None and str(needs).strip():
        codes = [p.strip().upper() for p in re.split(r"[,;\s]+", str(needs)) if p.strip()]
        bad = [p for p in codes if p not in model.SPECIFIC_NEEDS]
        if bad:
            c.fail("specific_needs", "choice", "unknown specific-needs code(s): " + ", ".join(bad)
                   + " (use " + ", ".join(model.SPECIFIC_NEEDS) + ")", needs)
        else:
            c.out["specific_needs"] = ",".join(dict.fromkeys(codes))
    elif "specific_needs" in raw:
        c.out["specific_needs"] = None
    c.flag("separated_child", default=None if partial else 0)
    c.flag("unaccompanied_child", default=None if partial else 0)
    c.choice("document_type", model.DOCUMENT_TYPES)
    c.text("document_number", max_len=60)
    c.text("notes")
    c.text("source_id", max_len=200)
    if "household_id" in raw:
        c.text("household_id", required=req)
    out = c.done()
    return out


def person_age(person: dict, reference_date: dt.date) -> int:
    born = person.get("birth_date")
    if born:
        b = parse_date(born)
        return max(0, reference_date.year - b.year - ((reference_date.month, reference_date.day) < (b.month, b.day)))
    return int(person["age_estimated"])


def clean_crossing(raw: dict, locations: dict, *, partial=False) -> dict:
    c = _Cleaner(raw, locations)
    req = not partial
    c.date("counted_at", required=req, with_time=True)
    c.pcode("crossing_pcode", required=req, kinds=model.CROSSING_KINDS)
    c.choice("direction", model.DIRECTIONS, required=req)
    total = _counts(c, required=req)
    if req and total == 0 and not any(e.field in model.COUNT_FIELDS for e in c.errors):
        c.fail("f_18_59", "empty_group", "count at least one person", 0)
    if c.present("total"):
        given = c.integer("total", lo=0)
        c.out.pop("total", None)
        if given is not None and given != total and not partial:
            c.fail("total", "counts_disagree", f"does not equal the sum of the sex and age counts ({total})", given)
    nat = raw.get("nationality")
    if nat is not None and str(nat).strip():
        s = str(nat).strip().upper()
        if not _ISO3.match(s):
            c.fail("nationality", "choice", "must be a 3-letter ISO country code (e.g. SYR, LBN)", nat)
        else:
            c.out["nationality"] = s
    elif req:
        c.out["nationality"] = "SYR"
    c.pcode("origin_pcode", free_text_field="origin_text")
    c.text("origin_text", max_len=200)
    c.pcode("destination_pcode", free_text_field="destination_text")
    c.text("destination_text", max_len=200)
    c.choice("transport", model.TRANSPORTS)
    c.choice("reason", model.REASONS)
    raw_get, out = raw.get, c.out
    for f in model.VULNERABILITY_FIELDS:
        v = raw_get(f)
        if v.__class__ is str and v.isdecimal() and v.isascii() and len(v) <= MAX_DIGITS:
            v = int(v)
        if v.__class__ is int and v >= 0:
            out[f] = v  # the usual cell; anything else through integer() for its result or error
        elif v is None:
            v = c._missing(f, False, None if partial else 0)
        else:
            v = c.integer(f, lo=0, default=None if partial else 0)
        if v and not partial and v > total:
            c.fail(f, "counts_disagree", f"is more than the people counted ({total})", v)
    c.text("observer", max_len=100)
    c.text("household_id", max_len=60)
    c.text("notes")
    c.text("source_id", max_len=200)
    return c.done()


def clean_movement(raw: dict, locations: dict, *, partial=False) -> dict:
    c = _Cleaner(raw, locations)
    req = not partial
    c.text("household_id", required=req)
    c.pcode("from_pcode", free_text_field="from_text")
    c.text("from_text", max_len=200)
    c.pcode("to_pcode", free_text_field="to_text")
    c.text("to_text", max_len=200)
    if req and not (c.present("from_pcode") or c.present("from_text")):
        c.fail("from_pcode", "required", "where from is required (P-code or text)", None)
    if req and not (c.present("to_pcode") or c.present("to_text")):
        c.fail("to_pcode", "required", "where to is required (P-code or text)", None)
    c.pcode("crossing_pcode", kinds=model.CROSSING_KINDS)
    c.date("movement_date", required=req)
    c.choice("reason", model.REASONS)
    c.text("notes")
    return c.done()


def clean_location(raw: dict, locations: dict, *, partial=False) -> dict:
    c = _Cleaner(raw, locations)
    req = not partial
    c.text("name_en", max_len=200)
    c.text("name_ar", max_len=200)
    if req and not (c.present("name_en") or c.present("name_ar")):
        c.fail("name_en", "required", "a name is required (English or Arabic)", None)
    c.choice("kind", model.LOCATION_KINDS, required=req)
    c.pcode("parent", required=req)
    country = raw.get("country")
    if country is not None and str(country).strip():
        s = str(country).strip().upper()
        if not _ISO3.match(s):
            c.fail("country", "choice", "must be a 3-letter ISO country code", country)
        else:
            c.out["country"] = s
    elif req:
        c.fail("country", "required", "is required", country)
    lat = raw.get("lat")
    lon = raw.get("lon")
    for f, v, lim in (("lat", lat, 90), ("lon", lon, 180)):
        if v is None or str(v).strip() == "":
            continue
        try:
            x = float(v)
        except (TypeError, ValueError):
            c.fail(f, "not_number", "must be a number in decimal degrees", v)
            continue
        if not -lim <= x <= lim:
            c.fail(f, "out_of_range", f"must be between -{lim} and {lim}", v)
        else:
            c.out[f] = x
    if req and c.present("lat") != c.present("lon"):
        c.fail("lon", "required", "give both latitude and longitude, or neither", raw.get("lon"))
    c.integer("level", lo=0, hi=5)
    return c.done()
