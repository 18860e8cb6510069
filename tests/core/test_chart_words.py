"""The words drawn in charts and the PDF report come from the translation catalogue (charts_ar.ts).

The core reads the Arabic from the shipped .ts file without Qt; every word has an Arabic
translation that keeps its {placeholders}, and every word key the code asks for is in the catalogue.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.charts import catalogue, text
from tracker.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
CHARTS_TS = resource_path("translations", "charts_ar.ts")
PLACEHOLDER = re.compile(r"\{\w+\}")
# word("key", ...) and word('key', ...) anywhere in the core and the window
WORD_CALL = re.compile(r"""\bword\(\s*["']([A-Za-z0-9_]+)["']""")


def _missing_arabic(arabic: dict[tuple[str, str], str]) -> list[str]:
    """Chart and report words (and month names) with no Arabic, or with other placeholders than the English."""
    problems = []
    wanted = [(text.CONTEXT, key, en) for key, en in text.ENGLISH.items()]
    wanted += [(text.MONTHS_CONTEXT, en, en) for en in text.MONTHS]
    for context, key, en in wanted:
        ar = arabic.get((context, en), "")
        if not ar.strip():
            problems.append(f"{key}: no Arabic for {en!r}")
        elif set(PLACEHOLDER.findall(ar)) != set(PLACEHOLDER.findall(en)):
            problems.append(f"{key}: placeholders differ: {en!r} -> {ar!r}")
    return problems


def test_every_chart_and_report_word_has_its_arabic_in_the_catalogue():
    assert CHARTS_TS.exists(), "resources/translations/charts_ar.ts is missing"
    problems = _missing_arabic(catalogue.read(CHARTS_TS))
    assert not problems, "translate in resources/translations/charts_ar.ts:\n" + "\n".join(problems)


def test_the_check_catches_an_unfinished_or_placeholder_losing_word(tmp_path):
    shipped = CHARTS_TS.read_text(encoding="utf-8")
    title = text.ENGLISH["report_title"]
    assert f"<source>{title}</source>" in shipped and "لم يُرسم {n} شخصاً" in shipped
    bad = tmp_path / "charts_ar.ts"
    # the report title left unfinished, and the unmapped note's {n} lost in its Arabic
    bad.write_text(re.sub(r"(<source>" + re.escape(title) + r"</source>\s*<translation)>[^<]*",
                          r'\1 type="unfinished">', shipped).replace("لم يُرسم {n} شخصاً", "لم يُرسم أشخاص"),
                   encoding="utf-8")
    problems = "\n".join(_missing_arabic(catalogue.read(bad)))
    assert f"report_title: no Arabic for {title!r}" in problems
    assert "unmapped: placeholders differ" in problems


def test_every_word_the_code_asks_for_is_in_the_catalogue():
    asked = {}
    for folder in ("tracker", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for key in WORD_CALL.findall(path.read_text(encoding="utf-8")):
                asked.setdefault(key, str(path.relative_to(ROOT)))
    assert {"report_title", "daily_title", "no_data", "unknown"} <= set(asked)  # the scan finds the callers
    unknown = {k: where for k, where in asked.items() if k not in text.ENGLISH}
    assert not unknown, f"words used in code but missing from tracker/charts/text.py: {unknown}"


def test_the_check_catches_a_word_missing_from_the_catalogue():
    assert not WORD_CALL.findall("word(key, language)")  # a variable key is not a literal
    assert WORD_CALL.findall("x = word('no_such_word', 'ar')") == ["no_such_word"]
    assert "no_such_word" not in text.ENGLISH
    with pytest.raises(KeyError):
        text.word("no_such_word", "ar")


def test_words_come_in_both_languages_with_their_values():
    assert text.word("report_title", "en") == "Situation report: displacement and border crossings"
    assert text.word("report_title", "ar") == "تقرير الوضع: النزوح والعبور الحدودي"
    assert text.word("unmapped", "ar", n="12") == "لم يُرسم 12 شخصاً على مسارات بلا موقع معروف."
    assert text.word("people", "fr") == "People"  # a language without a catalogue reads English
    assert text.month("Mar", "ar") == "آذار" and text.month("Mar", "en") == "Mar"
    # the older table form (key -> (English, Arabic)) still answers for the self-test
    assert text.WORDS["total"] == ("Total", "المجموع")
    assert all(en and ar for en, ar in text.WORDS.values())


def test_the_english_words_are_marked_for_lupdate():
    """A word added to the table without the marker would never reach the .ts file for translation."""
    source = (ROOT / "tracker" / "charts" / "text.py").read_text(encoding="utf-8")
    marked = len(re.findall(r'QT_TRANSLATE_NOOP\("ChartWords",', source))
    assert marked == len(text.ENGLISH)
    assert len(re.findall(r'QT_TRANSLATE_NOOP\("ChartMonths",', source)) == len(text.MONTHS) == 12
    listed = (resource_path("translations") / "charts.sources").read_text(encoding="utf-8")
    assert "tracker/charts/text.py" in listed


def test_the_core_reads_the_arabic_without_qt():
    """The command-line report runs where PySide6 is not installed: reading the catalogue needs no Qt."""
    probe = ("import sys\n"
             "class NoQt:\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError(name)\n"
             "sys.meta_path.insert(0, NoQt())\n"
             "from tracker.charts import text\n"
             "print(text.word('daily_title', 'ar'))\n"
             "assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "عدد الأشخاص يومياً حسب نقطة العبور"


def test_a_damaged_catalogue_says_which_file_and_where(tmp_path):
    broken = tmp_path / "charts_ar.ts"
    broken.write_text('<?xml version="1.0"?>\n<TS><context><name>ChartWords</name>\n<message>', encoding="utf-8")
    with pytest.raises(ValueError, match=r"charts_ar\.ts.*line 3"):
        catalogue.read(broken)
