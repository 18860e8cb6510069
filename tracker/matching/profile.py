"""A record prepared for comparison: each name part in the forms the comparisons need, the
birth year as a number with its uncertainty, origin and household context. Built once per
record (a bulk run compares each record with many others)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from tracker.domain import arabic
from tracker.domain import translit

PARTS = ("given", "father", "grandfather", "family")
# Letters registrars write for one another beyond the store's own normalisation (ظ/ض, ذ/ز),
# and the hamza on the line, which is often left out.
_EXTRA_FOLD = str.maketrans({"ظ": "ض", "ذ": "ز", "ء": None})


@dataclass(frozen=True, slots=True)
class Name:
    ar: str  # normalised Arabic, tokens joined ("عبد الله" = "عبدالله"), "" if none
    ar_fold: str  # ... with confusable letters and a family name's article folded away
    lat: str  # normalised Latin, tokens joined, "" if none
    units_ar: tuple
    units_lat: tuple
    key: str  # the script-independent block key (translit.block_key)

    @property
    def present(self) -> bool:
        return bool(self.ar or self.lat)


_EMPTY = Name("", "", "", (), (), "")


def name(ar: str | None, lat: str | None, *, article: bool = False) -> Name:
    return _name(ar or None, lat or None, article)


@lru_cache(maxsize=131072)  # names repeat a great deal within a population
def _name(ar: str | None, lat: str | None, article: bool) -> Name:
    ar_n = "".join(arabic.tokens(ar)) if ar else ""
    if ar_n and not translit._ARABIC.search(ar_n):  # Latin typed in the Arabic field
        lat, ar_n = lat or ar, ""
    lat_n = "".join(arabic.tokens(lat)) if lat else ""
    if not ar_n and not lat_n:
        return _EMPTY
    fold = ar_n.translate(_EXTRA_FOLD)
    if article and fold.startswith("ال") and len(fold) > 3:
        fold = fold[2:]
    u_ar = translit.units(ar, article=article) if ar_n else ()
    u_lat = translit.units(lat, article=article) if lat_n else ()
    return Name(ar_n, fold, lat_n, u_ar, u_lat, translit.block_key(u_ar or u_lat))


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    names: tuple  # Name per PARTS
    sex: str | None
    born: float | None  # birth as a fractional year
    born_date: str | None  # the exact date when one was given
    estimated: bool  # born comes from an estimated age
    origin: str | None
    household: frozenset  # block keys of the given names of the people they live with


def _year(date: dt.date) -> float:
    return date.year + (date.timetuple().tm_yday - 1) / 366


def profile(rec: dict) -> Profile:
    """``rec``: a person row (given_name_ar ... family_name_lat, sex, birth_date or
    age_estimated) with ``registration_date`` (the day the age was given), ``origin_pcode``
    and ``household`` (names of the people they live with) when known."""
    names = tuple(name(rec.get(f"{p}_name_ar"), rec.get(f"{p}_name_lat"), article=p != "given") for p in PARTS)
    born = born_date = None
    estimated = False
    if rec.get("birth_date"):
        try:
            d = dt.date.fromisoformat(str(rec["birth_date"])[:10])
            born, born_date = _year(d), d.isoformat()
        except ValueError:
            pass
    if born is None and rec.get("age_estimated") is not None:
        try:
            reg = dt.date.fromisoformat(str(rec.get("registration_date") or "2025-03-06")[:10])
            born, estimated = _year(reg) - int(rec["age_estimated"]) - 0.5, True
        except (TypeError, ValueError):
            pass
    household = frozenset(k for k in (name(n, None).key if n else "" for n in rec.get("household") or ()) if k)
    return Profile(str(rec.get("id") or ""), names, rec.get("sex") or None, born, born_date, estimated,
                   rec.get("origin_pcode") or None, household)
