"""HXL hashtags: the grammar check and the tags of the sex x age count grid.

Tags follow the HXL 1.1 dictionary (docs/data-formats.md lists every column).
There is no ``#origin``/``#dest`` hashtag: origin and destination are the
``+origin``/``+dest`` attributes. Exact age bands are attributes of the form
``+age0_4`` ... ``+age60plus`` (the form HDX HAPI parses). Custom hashtags start
with ``#x_``. libhxl is only a test dependency: the app checks the grammar itself.
"""

from __future__ import annotations

import re

from tracker.domain import model

# One hashtag plus zero or more attributes (libhxl's Column.PATTERN and TOKEN_PATTERN).
_TOKEN = r"[A-Za-z][_0-9A-Za-z]*"
_SPEC = re.compile(rf"^\s*#({_TOKEN})((?:\s*\+{_TOKEN})*)\s*$")
# Hashtags that exist in the HXL dictionary and that our exports use; anything else must be #x_...
CORE_HASHTAGS = frozenset({
    "meta", "date", "adm1", "adm2", "loc", "country", "affected", "org", "status", "contact",
    "cause", "geo", "description",
})
POPULATION = "idps"  # the population attribute on every people count (as the issue text specifies)


def parse(spec: str) -> tuple[str, frozenset[str]] | None:
    """``'#adm1+origin+code'`` -> ``('adm1', {'origin', 'code'})``; None if it is not a hashtag spec.
    Lower-cased, attributes as a set: HXL matching ignores case and attribute order."""
    if not isinstance(spec, str):
        return None
    m = _SPEC.match(spec)
    if not m:
        return None
    attrs = frozenset(a.strip().lower() for a in m.group(2).split("+")[1:])
    return m.group(1).lower(), attrs


def is_valid(spec: str) -> bool:
    """Grammar plus house rule: a known core hashtag, or a custom one starting with x_."""
    parsed = parse(spec)
    return parsed is not None and (parsed[0] in CORE_HASHTAGS or parsed[0].startswith("x_"))


def key(spec: str) -> tuple[str, frozenset[str]] | None:
    """Comparable form of a spec (for matching an imported file's tags to our columns)."""
    return parse(spec)


def count_tag(field: str) -> str:
    """``'f_0_4'`` -> ``'#affected+idps+f+age0_4'``."""
    sex, bracket = field.split("_", 1)
    return f"#affected+{POPULATION}+{sex}+age{bracket}"


COUNT_TAGS = {f: count_tag(f) for f in model.COUNT_FIELDS}
INDIVIDUALS_TAG = f"#affected+{POPULATION}+ind"
HOUSEHOLDS_TAG = f"#affected+{POPULATION}+hh"


def is_hashtag_row(cells) -> bool:
    """HXL's rule: a row is the hashtag row when at least half of its non-empty cells parse as specs."""
    filled = [c for c in cells if c is not None and str(c).strip()]
    if not filled:
        return False
    good = sum(1 for c in filled if parse(str(c)) is not None)
    return good * 2 >= len(filled)
