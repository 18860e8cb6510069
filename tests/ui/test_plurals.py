"""Numbers read as grammar in both languages: Qt's %n plural forms, English ones included, and one
digit rule (0-9) in both languages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from tracker.resources import resource_path
from ui.shell import i18n

TRANSLATIONS = resource_path("translations")


def _numerus(ts) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name"), message.findtext("source"))
            for context in root.iter("context") for message in context.iter("message")
            if message.get("numerus") == "yes"}


def test_every_plural_message_has_english_forms():
    english = _numerus(TRANSLATIONS / "plurals_en.ts")
    wanted = set().union(*(_numerus(ts) for ts in TRANSLATIONS.glob("*_ar.ts")))
    missing = sorted(wanted - english)
    assert not missing, f"add these to resources/translations/plurals_en.ts: {missing}"
    assert (TRANSLATIONS / "plurals_en.qm").exists()


@pytest.mark.parametrize("language, n, text", [
    ("en", 1, "1 group"), ("en", 2, "2 groups"), ("en", 0, "0 groups"),
    ("ar", 1, "مجموعة واحدة"), ("ar", 2, "مجموعتان"), ("ar", 5, "5 مجموعات"), ("ar", 14, "14 مجموعة"),
])
def test_group_counts_read_as_grammar(qapp, language, n, text):
    i18n.install(language)
    assert QCoreApplication.translate("CrossingsPage", "%n group(s)", "", n) == text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_one_digit_rule_in_both_languages(qapp, language):
    i18n.install(language)
    assert QLocale().toString(1234567) == "1,234,567"
    assert QLocale().toString(2.5) == "2.5"
    if language == "ar":
        assert QLocale().monthName(3) == "مارس"
