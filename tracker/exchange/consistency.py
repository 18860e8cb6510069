"""Checks across the fields of a partner's household row that no single field rule sees.

- every P-code given at every level exists and is of its level; a district must lie in the
  governorate given beside it, a place in its district (``unknown_pcode``, ``wrong_level``,
  ``admin_mismatch``);
- the declared household size against the counts by sex x age (an error: ``size_disagree``) and
  against the member rows sent with it (a warning: the partner may have listed only some);
- a crossing type against the kind of the crossing point (``crossing_type``); a movement dated before
  the displacement (``before_displacement``).
"""

from __future__ import annotations

from tracker.domain import model
from tracker.errors import FieldError
from tracker.timeutil import parse_date

PLACES = {"origin": ("origin_adm1", "origin_adm2", "origin_pcode"),
          "current": ("current_adm1", "current_adm2", "current_pcode"),
          "destination": ("destination_adm1", "destination_adm2", "destination_pcode")}
LEVEL_WORD = {1: "governorate", 2: "district"}


def _given(raw, f):
    v = raw.get(f)
    if v is None or (v.__class__ is str and (not v.strip() or v.strip().lower() == "unknown")):
        return None
    return str(v).strip()


def _ancestors(code: str, locations: dict) -> list[str]:
    out, seen = [], set()
    while code and code in locations and code not in seen:
        seen.add(code)
        out.append(code)
        code = locations[code].get("parent")
    return out


def admin_levels(raw: dict, locations: dict) -> list[FieldError]:
    errors = []
    for adm1, adm2, point in PLACES.values():
        codes = {}
        for f, level in ((adm1, 1), (adm2, 2)):
            v = _given(raw, f)
            if v is None:
                continue
            loc = locations.get(v)
            if loc is None:
                errors.append(FieldError(f, "unknown_pcode", "is not a P-code in the gazetteer", v))
            elif loc.get("kind") != "admin" or loc.get("level") != level:
                errors.append(FieldError(f, "wrong_level", f"is not a {LEVEL_WORD[level]} P-code", v))
            else:
                codes[f] = v
        if adm1 in codes and adm2 in codes and locations[codes[adm2]].get("parent") != codes[adm1]:
            errors.append(FieldError(adm2, "admin_mismatch", f"({_name(codes[adm2], locations)}) is not in the "
                                     f"governorate {codes[adm1]} ({_name(codes[adm1], locations)})", codes[adm2]))
        v = _given(raw, point)
        if v is not None and v in locations:
            up = _ancestors(v, locations)
            for f in (adm2, adm1):
                if f in codes and codes[f] not in up:
                    errors.append(FieldError(point, "admin_mismatch", f"({_name(v, locations)}) is not in the "
                                             f"{LEVEL_WORD[1 if f == adm1 else 2]} {codes[f]} "
                                             f"({_name(codes[f], locations)})", v))
                    break
    return errors


def _name(code, locations) -> str:
    loc = locations.get(code) or {}
    return loc.get("name_en") or loc.get("name_ar") or code


def _int(v):
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return None


def household_size(raw: dict, member_rows: int | None) -> tuple[list[FieldError], list[FieldError]]:
    """(errors, warnings) about the declared size, the counts and the member rows."""
    errors, warnings = [], []
    size_text = _given(raw, "household_size")
    size = _int(size_text) if size_text is not None else None
    if size_text is not None and (size is None or not 1 <= size <= 100):
        errors.append(FieldError("household_size", "out_of_range", "must be a whole number from 1 to 100", size_text))
        size = None
    counts = [_int(raw.get(f)) for f in model.COUNT_FIELDS if _given(raw, f) is not None]
    counted = sum(c for c in counts if c is not None) if counts and None not in counts else None
    if size is not None and counted is not None and size != counted:
        errors.append(FieldError("household_size", "size_disagree", f"says {size} but the counts by sex and age "
                                 f"add up to {counted}", size))
    if member_rows:
        declared = size if size is not None else counted
        if declared is not None and declared != member_rows:
            warnings.append(FieldError("household_size", "members_disagree", f"says {declared} but {member_rows} "
                                       "member rows were sent; the counts are taken from the members", declared))
    return errors, warnings


def crossing_type(raw: dict, locations: dict) -> list[FieldError]:
    kind, point = _given(raw, "crossing_type"), _given(raw, "crossing_pcode")
    if kind is None:
        return []
    if kind not in model.CROSSING_KINDS:
        return [FieldError("crossing_type", "choice", "must be official or informal", raw.get("crossing_type"))]
    loc = locations.get(point or "")
    if loc is not None and loc.get("kind") in model.CROSSING_KINDS and loc["kind"] != kind:
        said = kind.split("_")[0]
        return [FieldError("crossing_type", "crossing_type", f"says {said} but {point} is an "
                           f"{loc['kind'].replace('_', ' ')} in the gazetteer", raw.get("crossing_type"))]
    return []


def movement_dates(raw: dict) -> list[FieldError]:
    when, disp = _given(raw, "movement_date"), _given(raw, "displacement_date")
    if when is None or disp is None:
        return []
    try:
        if parse_date(when) < parse_date(disp):
            return [FieldError("movement_date", "before_displacement", f"is before the displacement date {disp}",
                               when)]
    except ValueError:
        pass  # the date rules report it
    return []
