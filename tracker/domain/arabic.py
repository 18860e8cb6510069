"""Name normalisation for search and duplicate matching.

Arabic: NFKC (folds presentation forms and lam-alef ligatures), strip tashkeel
and tatweel, unify alef forms to bare alef, alef maqsura to yeh, teh marbuta to
heh, hamza seats to their carriers (the same folds Lucene's ArabicNormalizer
makes). Latin: lower-cased, accents stripped, the article "al-/el-" and
"abd al-/abdul/abdel" unified, and common romanisations of Muhammad folded.
The original spelling is always kept in the record; only the index is folded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TASHKEEL = dict.fromkeys(list(range(0x064B, 0x0653)) + [0x0670, 0x0640], None)  # + superscript alef, tatweel
_FOLD = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # alef forms -> ا
    "\u0649": "\u064A",  # ى -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u064A",  # ئ -> ي
    "\u06CC": "\u064A",  # Persian yeh -> ي
    "\u06A9": "\u0643",  # keheh -> ك
})
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)

_LATIN_ALIASES = {
    "mohammad": "muhammad", "mohammed": "muhammad", "mohamed": "muhammad", "muhammed": "muhammad",
    "mohamad": "muhammad", "mhd": "muhammad", "mohd": "muhammad", "mouhamad": "muhammad",
    "ahmed": "ahmad", "mahmoud": "mahmud", "mahmood": "mahmud", "hussein": "husayn", "hussain": "husayn",
    "hasan": "hassan", "yousef": "yusuf", "youssef": "yusuf", "yusef": "yusuf", "fatima": "fatimah",
    "fatma": "fatimah", "aisha": "aishah", "ayesha": "aishah", "khaled": "khalid", "omar": "umar",
    "ali": "ali", "abdallah": "abdullah", "abdulla": "abdullah",
}


def normalize_arabic(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TASHKEEL).translate(_FOLD)
    return text


def normalize_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\b(abd|abdul|abdel|abdol)[\s\-]*(al|el|ul)?[\s\-]+", "abdal", text)
    text = re.sub(r"\b(al|el)[\s\-]+", "al", text)
    text = text.replace("'", "").replace("`", "")
    return text


@lru_cache(maxsize=65536)  # names repeat a great deal within a population
def _tokens(text: str) -> tuple[str, ...]:
    if _ARABIC.search(text):
        text = normalize_arabic(text)
        # Treat "عبد ال..." as one token so "عبدالله" and "عبد الله" match.
        text = re.sub(r"عبد\s+ال", "عبدال", text)
        return tuple(t for t in _SPLIT.split(text) if t)
    return tuple(_LATIN_ALIASES.get(t, t) for t in _SPLIT.split(normalize_latin(text)) if t)


def tokens(text: str | None) -> tuple[str, ...]:
    """Normalised search tokens of a name in either script."""
    return _tokens(text) if text else ()


def normalize_name(text: str | None) -> str:
    """One normalised string for comparing whole names."""
    return " ".join(tokens(text))


def search_text(*names: str | None) -> str:
    """The text indexed for search: every distinct token of the given names."""
    seen: dict[str, None] = {}
    for name in names:
        for t in tokens(name):
            seen.setdefault(t, None)
    return " ".join(seen)


def fts_query(text: str) -> str:
    """A safe FTS5 query: every normalised token must match as a prefix."""
    parts = [t.replace('"', '') for t in tokens(text)]
    return " ".join(f'"{p}"*' for p in parts if p)
