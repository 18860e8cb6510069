"""How alike two person records are: a Fellegi–Sunter match weight.

Each compared field falls in one *level* (the given names agree exactly, agree once confusable
letters are folded, agree across scripts, differ by a typo, differ...). A level adds
log2(m / u) bits: m = how often two records of the same person fall in it, u = how often two
records of different people do. For agreeing names u is the name's frequency among the
people in the database (term-frequency adjustment): two records agreeing on a rare name say
more than two agreeing on محمد. The sum is the match weight; ``probability`` turns it into
a 0-1 score with the prior odds of a pair being the same person.

The m values are set from what registration slips look like (how often a grandfather's name
is left out, a name misspelt, a date given a year off), not fitted to an evaluation set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from tracker.domain import translit
from .profile import PARTS, Name, Profile

LEVELS = ("exact", "variant", "translit", "close", "diff")
# m: P(level | same person), per name part and per *mode*: both records hold the part in Arabic
# ("ar"), only in Latin ("lat"), or one only in Arabic and the other only in Latin ("cross").
# A name given in different scripts can only agree through transliteration, so each mode has
# its own m. The chance that a name differs entirely (not a typo) in two records of one
# person is what separates relatives; the grandfather's and family names differ more often
# (left out, shortened, a tribe given instead of a family).
_DIFF = {"given": 0.002, "father": 0.002, "grandfather": 0.06, "family": 0.03}
_MODES = {
    "ar": {"exact": 0.76, "variant": 0.15, "close": 0.09},
    "lat": {"exact": 0.45, "variant": 0.43, "close": 0.12},
    "cross": {"translit": 0.82, "close": 0.18},
}
M_NAME = {part: {mode: {lvl: m * (1 - d) for lvl, m in levels.items()} | {"diff": d}
                 for mode, levels in _MODES.items()} for part, d in _DIFF.items()}
U_CLOSE = 0.03  # two different names within a typo of each other (حسن/حسين ...)
U_DIFF = 0.92
TF_FLOOR = 0.0005  # the rarest a name is taken to be (a small database cannot tell rarer)
TF_DEFAULT = 0.01  # a name the frequency table has not seen
REORDER_COST = 1.0  # bits: grandfather's and family names entered in each other's places

# Birth: (m, u) per level of the difference in years, after the slack of estimated ages.
M_U_BIRTH = {
    "same_date": (0.45, 0.0015), "same_year": (0.30, 0.03), "one_year": (0.17, 0.06),
    "few_years": (0.05, 0.10), "apart": (0.01, 0.20), "far": (0.0005, 0.61),
}
M_U_SEX = {"same": (0.99, 0.5), "diff": (0.01, 0.5)}
M_U_ORIGIN = {"same": (0.85, None), "region": (0.05, 0.15), "diff": (0.10, 0.80)}
M_U_HOUSEHOLD = {"shared2": (0.55, 0.04), "shared1": (0.25, 0.20), "none": (0.20, 0.76)}
# Relatives share most of a name chain, an origin and a household: once two records disagree
# where relatives differ (the given or father's name, a generation of age), agreement on the
# rest is what relatives have in common, not evidence of one person. Fellegi–Sunter assumes
# fields independent; this is the dependence that matters here, so agreements then count
# KIN_DISCOUNT of their weight.
KIN_SIGNS = {("given", "diff"), ("father", "diff"), ("birth", "far")}
KIN_DISCOUNT = 0.25
PRIOR_BITS = -10.0  # log2 odds that two records sharing a block are the same person


def terms_of(p: Profile) -> list[tuple[str, str]]:
    """The (group, term) counts one person adds to the frequency tables: each name part's key
    ("given"/"family"), each spelling ("given:form"/"family:form"), the origin; and the
    groups' totals (term "*")."""
    out = []
    for part, n in zip(PARTS, p.names):
        if n.key:
            g = Frequencies.group(part)
            out += [(g, n.key), (g, "*")]
            out += [(g + ":form", form) for form in {n.ar_fold, n.lat} if form]
    if p.origin:
        out += [("origin", p.origin), ("origin", "*")]
    return out


class Frequencies:
    """How often each name key, spelling and origin occurs among the people known. In memory
    here; tracker.matching.index keeps the same counts in the database."""

    MEMO_MAX = 500_000  # name pairs remembered (a bulk run meets the same few spellings again and again)

    def __init__(self):
        self.terms: dict[tuple[str, str], int] = {}
        # (part, name, name) -> what _name_bits gives: it depends only on the names and these counts
        self.memo: dict = {}

    @staticmethod
    def group(part: str) -> str:
        return "family" if part == "family" else "given"

    def add(self, p: Profile) -> None:
        self.memo.clear()
        for t in terms_of(p):
            self.terms[t] = self.terms.get(t, 0) + 1

    def n(self, group: str, term: str) -> int:
        return self.terms.get((group, term), 0)

    def name_u(self, part: str, key: str) -> float:
        g = self.group(part)
        # a few hundred pseudo-observations at the default keep a small database's guesses sane
        return max(TF_FLOOR, (self.n(g, key) + 200 * TF_DEFAULT) / (self.n(g, "*") + 200))

    def count(self, part: str, form: str) -> int:
        return self.n(self.group(part) + ":form", form)

    def origin_u(self, origin: str) -> float:
        return max(0.01, (self.n("origin", origin) + 20 * 0.1) / (self.n("origin", "*") + 20))


def name_level(a: Name, b: Name) -> tuple[str, str] | None:
    """(mode, level) of two renderings of one name part; None when either is missing."""
    if not a.present or not b.present:
        return None
    if a.ar and b.ar:
        if a.ar == b.ar:
            return "ar", "exact"
        if a.ar_fold == b.ar_fold:
            return "ar", "variant"
        close = min(len(a.ar_fold), len(b.ar_fold)) >= 3 and OSA.distance(a.ar_fold, b.ar_fold, score_cutoff=1) <= 1
        if not close and a.lat and b.lat and translit.distance(a.units_lat, b.units_lat) <= 0.5:
            return "ar", "variant"  # a typo in the Arabic, the Latin agrees
        return "ar", "close" if close else "diff"
    if a.lat and b.lat:
        if a.lat == b.lat:
            return "lat", "exact"
        d = translit.distance(a.units_lat, b.units_lat)
        if d <= 0.5:
            return "lat", "variant"
        if d > 1.0 and a.ar_fold and b.ar_fold:
            pass
        else:
            return "lat", "close" if d <= 1.0 else "diff"
    best = "diff"
    for x, y in ((a.units_ar, b.units_lat), (a.units_lat, b.units_ar)):
        if x and y:
            d = translit.distance(x, y)
            if d == 0:
                return "cross", "translit"
            if d <= 1.0:
                best = "close"
    return "cross", best


def _name_bits(part: str, a: Name, b: Name, freq: Frequencies) -> tuple[float, str | None]:
    # keyed by identity (names are made once per spelling: profile._name), the names kept in the
    # entry so an id is never reused while it is remembered
    memo = freq.memo
    key = (part, id(a), id(b))
    got = memo.get(key)
    if got is None or got[0] is not a or got[1] is not b:
        got = (a, b, _name_bits_of(part, a, b, freq))
        if len(memo) < freq.MEMO_MAX:
            memo[key] = got
    return got[2]


def _name_bits_of(part: str, a: Name, b: Name, freq: Frequencies) -> tuple[float, str | None]:
    found = name_level(a, b)
    if found is None:
        return 0.0, None
    mode, level = found
    if level == "close" and mode != "cross" and _two_names(mode, part, a, b, freq):
        level = "diff"  # محمد/محمود, حسن/حسين: one letter apart, but two names people carry
    m = M_NAME[part][mode][level]
    if level in ("exact", "variant", "translit"):
        u = freq.name_u(part, a.key or b.key)
    else:
        u = U_CLOSE if level == "close" else U_DIFF
    return math.log2(m / u), level


def _two_names(mode: str, part: str, a: Name, b: Name, freq: Frequencies) -> bool:
    """Whether two spellings a letter apart are both names people here carry: a slip of the
    keyboard is rare next to the name it spoils, a second name is not."""
    fa, fb = (a.ar_fold, b.ar_fold) if mode == "ar" else (a.lat, b.lat)
    if fa == fb:
        return False
    na, nb = freq.count(part, fa), freq.count(part, fb)
    return min(na, nb) >= 3 and min(na, nb) >= 0.05 * max(na, nb)


def _birth_level(a: Profile, b: Profile) -> str | None:
    if a.born is None or b.born is None:
        return None
    if a.born_date and b.born_date:
        if a.born_date == b.born_date or (a.born_date[:4] == b.born_date[:4]
                                          and a.born_date[5:7] == b.born_date[8:10]
                                          and a.born_date[8:10] == b.born_date[5:7]):
            return "same_date"
    slack = 0.5 * (a.estimated + b.estimated)
    e = max(0.0, abs(a.born - b.born) - slack)
    if e <= 0.6:
        return "same_year"
    if e <= 1.6:
        return "one_year"
    if e <= 3.0:
        return "few_years"
    if e <= 8.0:
        return "apart"
    return "far"


@dataclass
class Score:
    weight: float
    reasons: list  # (field, level, bits)

    @property
    def probability(self) -> float:
        return probability(self.weight)

    def why(self) -> str:
        """Reasons as short text: ``given:exact(+6.1) father:diff(-5.5) ...``."""
        return " ".join(f"{f}:{lvl}({b:+.1f})" for f, lvl, b in self.reasons)


def probability(weight: float) -> float:
    x = weight + PRIOR_BITS
    return 1.0 / (1.0 + 2.0 ** -x) if x > -60 else 0.0


def weight_for(prob: float) -> float:
    """The match weight at which ``probability`` reaches ``prob``."""
    prob = min(max(prob, 1e-9), 1 - 1e-9)
    return math.log2(prob / (1 - prob)) - PRIOR_BITS


def _names(a: Profile, b: Profile, freq: Frequencies, reasons: list) -> float:
    straight = [_name_bits(p, x, y, freq) for p, x, y in zip(PARTS, a.names, b.names)]
    total = sum(bits for bits, _ in straight)
    chosen = [(p, lvl, bits) for p, (bits, lvl) in zip(PARTS, straight)]
    ga, fa = a.names[2], a.names[3]
    if straight[3][1] in (None, "diff", "close") and (ga.present or fa.present):
        # the grandfather's and family names in each other's places in one record
        swapped = [straight[0], straight[1], _name_bits("grandfather", fa, b.names[2], freq),
                   _name_bits("family", ga, b.names[3], freq)]
        alt = sum(bits for bits, _ in swapped) - REORDER_COST
        if alt > total:
            total = alt
            chosen = [(p, lvl, bits) for p, (bits, lvl) in zip(PARTS, swapped)]
            reasons.append(("order", "swapped", -REORDER_COST))
    reasons[:0] = [(p, lvl, bits) for p, lvl, bits in chosen if lvl is not None]
    return total


def compare(a: Profile, b: Profile, freq: Frequencies) -> Score:
    reasons: list = []
    w = _names(a, b, freq, reasons)
    if a.sex and b.sex:
        lvl = "same" if a.sex == b.sex else "diff"
        m, u = M_U_SEX[lvl]
        bits = math.log2(m / u)
        w += bits
        reasons.append(("sex", lvl, bits))
    lvl = _birth_level(a, b)
    if lvl:
        m, u = M_U_BIRTH[lvl]
        bits = math.log2(m / u)
        w += bits
        reasons.append(("birth", lvl, bits))
    if a.origin and b.origin:
        if a.origin == b.origin:
            lvl, m, u = "same", M_U_ORIGIN["same"][0], freq.origin_u(a.origin)
        else:
            lvl = "region" if a.origin[:4] == b.origin[:4] else "diff"
            m, u = M_U_ORIGIN[lvl]
        bits = math.log2(m / u)
        w += bits
        reasons.append(("origin", lvl, bits))
    if a.household and b.household:
        shared = len(a.household & b.household)
        lvl = "shared2" if shared >= 2 else "shared1" if shared == 1 else "none"
        m, u = M_U_HOUSEHOLD[lvl]
        bits = math.log2(m / u)
        w += bits
        reasons.append(("household", lvl, bits))
    if any((f, lvl) in KIN_SIGNS for f, lvl, _ in reasons):
        reasons = [(f, lvl, b * KIN_DISCOUNT if b > 0 else b) for f, lvl, b in reasons]
        w = sum(b for _, _, b in reasons)
    return Score(w, reasons)
