"""A labelled evaluation set for duplicate matching: pairs of Syrian person records, each
labelled same person / different people, deterministic for a seed.

    python -m bench matching_data [--pairs 2400] [--seed 7] [--out pairs.jsonl]

A *true person* (names, sex, birth date, origin, the given names of the people they live
with) is drawn from a population of families; a *record* is one registrar's rendering of
them: Arabic and/or Latin script, the grandfather's name given or not, the date of birth or
an estimated age, and the slips registrars make (spelling variants, stray harakat, typos,
the article ال dropped, a chain entered out of order, a date a year off, another origin).

Positives render the same true person twice. Negatives are people who share much of their
names: a father and son born 20-30 years apart who share given, father's and family names;
cousins with the same given, grandfather's and family names; brothers and sisters; people
called محمد or أحمد in different families; random pairs. Both records of every pair go
through the same slips, so a matcher cannot tell the label from how clean a record is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field

from .matching_names import FAMILY, FEMALE, MALE, ORIGINS

REGISTRATION_START = dt.date(2025, 3, 6)

# Letters registrars confuse or spell either way (the matcher must forgive these).
_ORTHOGRAPHIC = [("ة", "ه"), ("ى", "ي"), ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ؤ", "ء"), ("ؤ", "و"),
                 ("ئ", "ي"), ("ئ", "ء"), ("ظ", "ض"), ("ض", "ظ"), ("ي", "ى"), ("ه", "ة")]
_HARAKAT = ["\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B"]
_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# Pairs of kinds, and how many of each per 100 pairs.
KINDS = {
    "same": 52,
    "father_son": 9,
    "cousins": 11,
    "siblings": 7,
    "common_name": 12,
    "namesake": 4,
    "random": 5,
}


@dataclass
class Person:
    given: int  # index into MALE or FEMALE
    sex: str
    father: int  # index into MALE
    grandfather: int
    family: int  # index into FAMILY
    born: dt.date
    origin: str
    household: list = field(default_factory=list)  # (sex, index) of the people they live with


def _weighted(rng: random.Random, names) -> int:
    return rng.choices(range(len(names)), [n[2] for n in names])[0]


def _given(rng, sex):
    return _weighted(rng, MALE if sex == "m" else FEMALE)


def _born(rng, low_age=0, high_age=70) -> dt.date:
    age = rng.randint(low_age, high_age)
    return REGISTRATION_START - dt.timedelta(days=age * 365 + rng.randint(0, 364))


def _household(rng, n=None):
    return [(s, _given(rng, s)) for s in (rng.choice("fm") for _ in range(rng.randint(0, 6) if n is None else n))]


def _person(rng, **fixed) -> Person:
    sex = fixed.pop("sex", None) or rng.choice("mf")
    values = dict(given=_given(rng, sex), sex=sex, father=_weighted(rng, MALE), grandfather=_weighted(rng, MALE),
                  family=_weighted(rng, FAMILY), born=_born(rng), origin=rng.choice(ORIGINS), household=_household(rng))
    values.update(fixed)
    return Person(**values)


def _other(rng, names, not_this: int) -> int:
    while True:
        i = _weighted(rng, names)
        if i != not_this:
            return i


# -- rendering a person as one registrar's record -------------------------------------------
def _name_pair(names, index):
    return names[index][0], names[index][1]


def _slip_arabic(rng, text: str) -> str:
    """One registrar's slips in one Arabic name."""
    if rng.random() < 0.30:
        pairs = [(a, b) for a, b in _ORTHOGRAPHIC if a in text]
        if pairs:
            a, b = rng.choice(pairs)
            text = text.replace(a, b, 1)
    if "عبد " in text and rng.random() < 0.5:
        text = text.replace("عبد ", "عبد", 1)
    elif text.startswith("عبدال") and rng.random() < 0.3:
        text = "عبد " + text[3:]
    if rng.random() < 0.10:
        i = rng.randrange(1, len(text) + 1)
        text = text[:i] + rng.choice(_HARAKAT) + text[i:]
    if rng.random() < 0.06 and len(text) > 3:
        text = _typo(rng, text, _ARABIC_LETTERS)
    return text


def _typo(rng, text: str, alphabet: str) -> str:
    i = rng.randrange(1, len(text))
    kind = rng.random()
    if kind < 0.35:
        return text[:i] + rng.choice(alphabet) + text[i + 1:]
    if kind < 0.6:
        return text[:i] + text[i + 1:]
    if kind < 0.8:
        return text[:i] + rng.choice(alphabet) + text[i:]
    if i < len(text) - 1:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text


def _slip_latin(rng, text: str) -> str:
    if rng.random() < 0.05 and len(text) > 3:
        text = _typo(rng, text, "abcdefghijklmnopqrstuvwxyz")
    if rng.random() < 0.3:
        text = text.upper() if rng.random() < 0.3 else text.lower()
    return text


def _family_article(rng, text: str) -> str:
    """A registrar drops or adds the article of a family name ("الخير"/"خير")."""
    if text.startswith("ال") and rng.random() < 0.15:
        return text[2:]
    if not text.startswith("ال") and rng.random() < 0.04:
        return "ال" + text
    return text


def render(rng, p: Person, reg: dt.date) -> dict:
    """One record of ``p`` as a registrar writes it on ``reg``."""
    given_names = MALE if p.sex == "m" else FEMALE
    script = rng.choices(("ar", "both", "lat"), (45, 40, 15))[0]
    parts = {"given": _name_pair(given_names, p.given), "father": _name_pair(MALE, p.father),
             "grandfather": _name_pair(MALE, p.grandfather), "family": _name_pair(FAMILY, p.family)}
    if rng.random() < 0.45:
        del parts["grandfather"]
    rec: dict = {}
    for part, (ar, lats) in parts.items():
        if script in ("ar", "both"):
            text = _slip_arabic(rng, ar)
            rec[f"{part}_name_ar"] = _family_article(rng, text) if part == "family" else text
        if script in ("lat", "both"):
            rec[f"{part}_name_lat"] = _slip_latin(rng, rng.choice(lats))
    if rng.random() < 0.03 and "grandfather_name_ar" not in rec:
        # the family name typed where the grandfather's goes, the family name left empty
        for s in ("ar", "lat"):
            if f"family_name_{s}" in rec:
                rec[f"grandfather_name_{s}"] = rec.pop(f"family_name_{s}")
    rec["sex"] = p.sex if rng.random() > 0.01 else ("f" if p.sex == "m" else "m")
    rec["registration_date"] = reg.isoformat()
    if rng.random() < 0.5:
        born = p.born
        r = rng.random()
        if r < 0.05:
            born = born.replace(year=born.year + rng.choice((-1, 1)), day=min(born.day, 28))
        elif r < 0.08 and born.day <= 12:
            born = born.replace(month=born.day, day=min(born.month, 28))
        rec["birth_date"] = born.isoformat()
    else:
        age = (reg - p.born).days // 365
        rec["age_estimated"] = max(0, age + rng.choices((0, -1, 1, -2, 2), (60, 15, 15, 5, 5))[0])
    r = rng.random()
    if r < 0.85:
        rec["origin_pcode"] = p.origin
    elif r < 0.93:
        rec["origin_pcode"] = rng.choice(ORIGINS)  # another district, or a slip
    household = [m for m in p.household if rng.random() < 0.85]
    rec["household"] = [_member_name(rng, sex, i, script) for sex, i in household]
    return rec


def _member_name(rng, sex, index, script) -> str:
    ar, lats = (MALE if sex == "m" else FEMALE)[index][:2]
    return _slip_latin(rng, rng.choice(lats)) if script == "lat" else _slip_arabic(rng, ar)


# -- pairs ------------------------------------------------------------------------------------------
def _shift_years(rng, d: dt.date, low: int, high: int) -> dt.date:
    return d.replace(year=d.year + rng.choice((-1, 1)) * rng.randint(low, high), day=min(d.day, 28))


def _pair(rng, kind: str) -> tuple[Person, Person]:
    a = _person(rng)
    if kind == "same":
        return a, a
    if kind == "father_son":
        # e.g. two men both "Ahmad son of Mohammad Al-Ali", a generation apart (an uncle and his
        # nephew named after him), often from the same village and household.
        older = _person(rng, sex="m", born=_born(rng, 40, 75))
        younger = _person(rng, sex="m", given=older.given, father=older.father, family=older.family,
                          grandfather=_other(rng, MALE, older.grandfather), origin=older.origin,
                          born=older.born.replace(year=older.born.year + rng.randint(18, 32), day=min(older.born.day, 28)),
                          household=older.household if rng.random() < 0.5 else _household(rng))
        return older, younger
    if kind == "cousins":
        # same given, grandfather's and family names, different fathers, close in age
        b = _person(rng, sex=a.sex, given=a.given, grandfather=a.grandfather, family=a.family,
                    father=_other(rng, MALE, a.father), origin=a.origin if rng.random() < 0.8 else rng.choice(ORIGINS),
                    born=_shift_years(rng, a.born, 0, 6) if rng.random() < 0.8 else a.born)
        return a, b
    if kind == "siblings":
        b = _person(rng, sex=rng.choice("mf"), father=a.father, grandfather=a.grandfather, family=a.family,
                    origin=a.origin, born=_shift_years(rng, a.born, 1, 8), household=a.household)
        if b.sex == a.sex and b.given == a.given:
            b.given = _other(rng, MALE if b.sex == "m" else FEMALE, a.given)
        return a, b
    if kind == "common_name":
        # the most common given names, in different families, sometimes the same age and origin
        given = rng.choice((0, 0, 0, 1, 2))  # محمد, محمد, محمد, أحمد, علي
        a = _person(rng, sex="m", given=given)
        b = _person(rng, sex="m", given=given, origin=a.origin if rng.random() < 0.6 else rng.choice(ORIGINS),
                    born=_shift_years(rng, a.born, 0, 2) if rng.random() < 0.5 else _born(rng))
        if rng.random() < 0.4:
            b.family = a.family  # a common family name too, with another father
            b.father = _other(rng, MALE, a.father)
        return a, b
    if kind == "namesake":
        # same given and family names, nothing else known in common
        b = _person(rng, sex=a.sex, given=a.given, family=a.family)
        return a, b
    return a, _person(rng)


def generate(n_pairs: int = 2400, seed: int = 7) -> list[dict]:
    """``n_pairs`` labelled pairs: {"a": record, "b": record, "same": bool, "kind": str}."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    weights = [KINDS[k] for k in kinds]
    out = []
    for i in range(n_pairs):
        kind = rng.choices(kinds, weights)[0]
        pa, pb = _pair(rng, kind)
        day = REGISTRATION_START + dt.timedelta(days=rng.randint(0, 55))
        later = day + dt.timedelta(days=rng.randint(0, 30))
        a, b = render(rng, pa, day), render(rng, pb, later)
        if not _usable(a) or not _usable(b):
            continue
        a["id"], b["id"] = f"p{i}a", f"p{i}b"
        out.append({"a": a, "b": b, "same": kind == "same", "kind": kind})
    return out


def _usable(rec: dict) -> bool:
    return any(rec.get(f"given_name_{s}") for s in ("ar", "lat"))


def population(n: int = 5000, seed: int = 11) -> list[dict]:
    """Records of ``n`` unrelated people drawn the same way (for term frequencies)."""
    rng = random.Random(seed)
    return [render(rng, _person(rng), REGISTRATION_START) for _ in range(n)]


def main(argv) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench matching_data")
    ap.add_argument("--pairs", type=int, default=2400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="write the pairs as JSON lines here (default: print a summary)")
    args = ap.parse_args(argv)
    pairs = generate(args.pairs, args.seed)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for p in pairs:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for p in pairs:
        counts[p["kind"]] = counts.get(p["kind"], 0) + 1
    print(f"{len(pairs)} pairs: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    return 0
