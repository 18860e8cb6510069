"""Arabic <-> Latin: both scripts brought to one sound alphabet, so "Zeinab" finds "زينب".

A name becomes a sequence of *units*: consonant classes (letters that registrars write for one
Arabic letter share a class: ث ص س -> s, ذ ز ظ -> z, ق ك -> k, "kh" -> x, "sh"/"ch" -> c ...) and
vowels. Arabic writes long vowels only (ا و ي, upper-case A U I here); Latin writes short ones
too, and spells the long ones either way (single letters, or digraphs such as "ou", "ee",
"ei", "ay" that are always long). ``distance`` aligns the two: a Latin short vowel costs
nothing to skip, a long vowel one side lacks costs something, a consonant that differs costs
one. The *skeleton* (consonants only) is the blocking and frequency key.

Rules of thumb of Levantine romanisation (English and French habits) are encoded as sound
classes, never as a list of names, so names not seen before work the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.domain import arabic

_AR_CONSONANT = {
    "ب": "b", "ت": "t", "ث": "s", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "z", "ر": "r",
    "ز": "z", "س": "s", "ش": "c", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
_AR_SILENT = set("عءأإآ")  # no Latin letter in most romanisations
# Latin digraphs first (longest match), then single letters. Upper case: a long vowel.
_LAT_DIGRAPHS = {
    "kh": "x", "sh": "c", "ch": "c", "th": "s", "dh": "z", "gh": "g", "ph": "f", "dj": "j", "ck": "k",
    "ou": "U", "oo": "U", "aw": "U", "ow": "U", "ee": "I", "ei": "I", "ai": "I", "ay": "I", "ey": "I",
    "ie": "I", "aa": "A",
}
_LAT_SINGLE = {
    "a": "a", "e": "a", "i": "i", "o": "u", "u": "u", "q": "k", "c": "k", "k": "k", "x": "k", "v": "f",
    "p": "b", "g": "g", "j": "j", "z": "z", "s": "s", "t": "t", "d": "d", "h": "h", "f": "f", "b": "b",
    "l": "l", "m": "m", "n": "n", "r": "r",
}
# Which Latin vowels may stand for an Arabic long vowel.
_COMPATIBLE = {"A": "aA", "I": "iI", "U": "uU", "E": "iIaA"}
_VOWELS = frozenset("aiuAIUE")
# Consonants one romanisation habit writes for another's: Egyptian g for ج, dh/z for ض and ظ,
# th/s/t for ث, g for ق in Bedouin speech, j/y in "Jasmine".
_NEAR = {frozenset(p) for p in ("jg", "dz", "sz", "ts", "kg", "jy")}
_NON_LETTER = re.compile(r"[^a-z]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@lru_cache(maxsize=65536)
def arabic_units(name: str) -> tuple[str, ...]:
    """Units of an Arabic name already normalised (tracker.domain.arabic.normalize_arabic)."""
    out: list[str] = []
    text = name.replace(" ", "")
    for i, ch in enumerate(text):
        if ch in _AR_SILENT:
            continue
        if ch == "ا":
            if i > 0 and text[i + 1:i + 2] == "ل" and text[i - 1:i] == "د":
                out.append("a")  # the article inside a compound: "Abdullah", "Abdelkader"
            elif i > 0:  # word-initial alef only carries a short vowel
                out.append("A")
        elif ch == "و":
            out.append("w" if i == 0 else "U")
        elif ch in "يى":
            # a final ى/ي may be the alef maqsura, said (and romanised) "a": "Mustafa", "Issa"
            out.append("y" if i == 0 else ("E" if i == len(text) - 1 else "I"))
        elif ch == "ة":
            continue
        elif ch == "ه" and i == len(text) - 1:
            continue  # a final ه/ة is rarely written in Latin ("Fatima")
        else:
            c = _AR_CONSONANT.get(ch)
            if c:
                out.append(c)
    return _collapse(out)


@lru_cache(maxsize=65536)
def latin_units(name: str) -> tuple[str, ...]:
    """Units of a Latin name (lower-cased, accents stripped, as arabic.normalize_latin gives)."""
    text = _NON_LETTER.sub("", name)
    if len(text) > 2 and text.endswith("h") and text[-2] in "aeiou":
        text = text[:-1]  # "Fatimah", "Salameh": the final h of ة
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in _LAT_DIGRAPHS and not (i == 0 and pair in ("aw", "ay", "ow", "ey")):
            out.append(_LAT_DIGRAPHS[pair])
            i += 2
            continue
        ch = text[i]
        if ch == "w":
            out.append("w" if i == 0 else "u")
        elif ch == "y":
            out.append("y" if i == 0 else "i")
        else:
            u = _LAT_SINGLE.get(ch)
            if u:
                out.append(u)
        i += 1
    return _collapse(out)


def _collapse(units: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for u in units:
        if not out or out[-1] != u:
            out.append(u)
    return tuple(out)


def skeleton(units: tuple[str, ...]) -> str:
    """The consonants, doubled ones once: the key two spellings of a name most often share."""
    return "".join(_collapse([u for u in units if u not in _VOWELS]))


@lru_cache(maxsize=262144)
def distance(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Alignment cost of two unit sequences (either script each). 0: the same name spelt two
    ways; about 1: one letter apart. Only the few costs below are ours: a weighted edit
    distance whose vowels are optional when short."""
    n, m = len(a), len(b)
    INF = 1e9
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _skip(b[j - 1])
    for i in range(1, n + 1):
        cur = [prev[0] + _skip(a[i - 1])] + [INF] * m
        for j in range(1, m + 1):
            cur[j] = min(prev[j] + _skip(a[i - 1]), cur[j - 1] + _skip(b[j - 1]),
                         prev[j - 1] + _substitute(a[i - 1], b[j - 1]))
        prev = cur
    return prev[m]


def _skip(u: str) -> float:
    if u in "aiu":
        return 0.0  # a short vowel the other script does not write
    if u in "AIUE":
        return 0.5  # a long vowel one spelling leaves out
    if u == "h":
        return 0.5  # h is often dropped or added in Latin
    return 1.0


def _substitute(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if x in _VOWELS and y in _VOWELS:
        if x.islower() and y.islower():
            return 0.0  # short vowels: Latin spells them as it pleases
        if x.isupper() and y.isupper():
            return 0.5
        long, other = (x, y) if x.isupper() else (y, x)
        return 0.0 if other in _COMPATIBLE.get(long, "") else 0.5
    if x in _VOWELS or y in _VOWELS:
        return 1.5
    return 0.5 if frozenset((x, y)) in _NEAR else 1.0


def units(text: str | None, *, article: bool = False) -> tuple[str, ...]:
    """Units of a name in either script (all its tokens run together). With ``article``, a
    leading ال / al- / el- is dropped (family names are written with and without it)."""
    if not text:
        return ()
    return _units(text, article)


@lru_cache(maxsize=65536)
def _units(text: str, article: bool) -> tuple[str, ...]:
    if _ARABIC.search(text):
        joined = "".join(arabic.tokens(text))
        if article and joined.startswith("ال") and len(joined) > 3:
            joined = joined[2:]
        return arabic_units(joined)
    joined = _NON_LETTER.sub("", arabic.normalize_latin(text))
    if article and joined[:2] in ("al", "el") and len(joined) > 4:
        joined = joined[2:]
    return latin_units(joined)


_BLOCK_CLASS = str.maketrans({"z": "d", "g": "j", "y": "j", "q": "k"})


@lru_cache(maxsize=65536)
def block_key(u: tuple[str, ...]) -> str:
    """A coarser skeleton for finding candidates: consonants one habit writes for another's
    fall together, so "Gamal" and "جمال" share a block."""
    return skeleton(u).translate(_BLOCK_CLASS).replace("h", "")
