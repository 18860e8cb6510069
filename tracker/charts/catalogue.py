"""The translations of the words the core draws, read from the Qt catalogue (.ts) without Qt.

Charts and the PDF report are drawn by the core, which the command-line report runs where
PySide6 is not installed. Their English words are marked in the code with QT_TRANSLATE_NOOP,
so lupdate gathers them into resources/translations/charts_<lang>.ts beside the window's
words (one catalogue, one completeness test); this module parses that shipped .ts file.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from tracker.resources import resource_path

AREA = "charts"
_NOT_DONE = ("unfinished", "obsolete", "vanished")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for lupdate, which finds calls of this name in the source; returns it unchanged."""
    return text


def read(path: Path) -> dict[tuple[str, str], str]:
    """(context, English) -> translation for each finished entry of a .ts file; unfinished ones are left out."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, column = exc.position
        raise ValueError(f"{path.name}: damaged translation file at line {line}, column {column} ({path}); "
                         "reinstall the application or restore the file") from None
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in _NOT_DONE or message.get("numerus") == "yes":
                continue
            if (translation.text or "").strip():
                found[(name, message.findtext("source") or "")] = translation.text
    return found


@functools.lru_cache(maxsize=None)
def shipped(language: str) -> dict[tuple[str, str], str]:
    """The shipped catalogue for a language, parsed once; empty when there is none (English)."""
    path = resource_path("translations", f"{AREA}_{language}.ts")
    return read(path) if path.is_file() else {}


def translate(context: str, english: str, language: str) -> str:
    """The word in ``language``; English when that language has no translation of it."""
    if language == "en":
        return english
    return shipped(language).get((context, english), english)
