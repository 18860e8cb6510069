"""Every Arabic translation is finished, keeps its placeholders, and covers every string in the code.

The shipped .ts files are parsed as they are; then each area's sources are scanned again with
lupdate into a copy, so a string added to a page without an Arabic translation fails here
rather than showing up in English on an Arabic screen.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tracker.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = resource_path("translations")
ARABIC = sorted(TRANSLATIONS.glob("*_ar.ts"))
PLACEHOLDER = re.compile(r"%(?:\d|n)")
ARABIC_PLURAL_FORMS = 6  # zero, one, two, few, many, other
TRANSLATABLE = re.compile(r"\bself\.tr\(|\btr\(|\btranslate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")


def _problems(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    problems = []
    for context in root.iter("context"):
        where = f"{ts.name} [{context.findtext('name')}]"
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                problems.append(f"{where} untranslated: {source!r}")
                continue
            wanted = set(PLACEHOLDER.findall(source))
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.findall("numerusform")]
                if len(forms) != ARABIC_PLURAL_FORMS:
                    problems.append(f"{where} has {len(forms)} plural forms, Arabic needs 6: {source!r}")
                # the one and two forms may spell the number out ("حرف واحد", "حرفان"); the others need %n
                for i, form in enumerate(forms):
                    need = wanted - ({"%n"} if i in (1, 2) else set())
                    if not form.strip():
                        problems.append(f"{where} empty plural form {i}: {source!r}")
                    elif not need <= set(PLACEHOLDER.findall(form)):
                        problems.append(f"{where} plural form {i} loses {sorted(need)}: {source!r} -> {form!r}")
                continue
            text = translation.text or ""
            if not text.strip():
                problems.append(f"{where} empty: {source!r}")
            elif set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{where} placeholders differ: {source!r} -> {text!r}")
            elif text.rstrip().endswith("&"):
                problems.append(f"{where} dangling accelerator: {text!r}")
    return problems


def _sources(area: str) -> list[str]:
    files = []
    for line in (TRANSLATIONS / f"{area}.sources").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        files += [str(p.relative_to(ROOT)) for p in sorted(ROOT.glob(line)) if p.is_file()] if line else []
    return files


def _lupdate() -> str | None:
    found = Path(sys.executable).parent / "pyside6-lupdate"
    return str(found) if found.exists() else shutil.which("pyside6-lupdate")


def test_there_is_an_arabic_file_for_every_area():
    areas = {p.stem for p in TRANSLATIONS.glob("*.sources")}
    assert {"shell", "records", "flows", "exchange", "sync"} <= areas
    assert {f"{a}_ar.ts" for a in areas} == {p.name for p in ARABIC}


@pytest.mark.parametrize("ts", ARABIC, ids=lambda p: p.name)
def test_every_message_is_translated_and_keeps_its_placeholders(ts):
    problems = _problems(ts)
    assert not problems, "\n".join(problems)


def test_the_checker_catches_lost_placeholders_and_unfinished_entries(tmp_path):
    bad = tmp_path / "bad_ar.ts"
    bad.write_text("""<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ar"><context><name>X</name>
<message><source>Saved %1 to %2.</source><translation>حُفظ %1.</translation></message>
<message><source>Open</source><translation type="unfinished"></translation></message>
<message numerus="yes"><source>%n rows</source><translation><numerusform>صف</numerusform></translation></message>
</context></TS>""", encoding="utf-8")
    problems = "\n".join(_problems(bad))
    assert "placeholders differ" in problems and "untranslated: 'Open'" in problems
    assert "1 plural forms" in problems and "plural form 0 loses ['%n']" in problems


def test_every_ui_file_with_words_is_listed_in_an_area():
    listed = {f for area in (p.stem for p in TRANSLATIONS.glob("*.sources")) for f in _sources(area)}
    with_words = {str(p.relative_to(ROOT)) for p in sorted((ROOT / "ui").rglob("*.py"))
                  if TRANSLATABLE.search(p.read_text(encoding="utf-8"))}
    assert not with_words - listed, f"add these to a resources/translations/*.sources: {sorted(with_words - listed)}"


@pytest.mark.parametrize("area", sorted(p.stem for p in TRANSLATIONS.glob("*.sources")))
def test_the_code_has_no_string_the_arabic_file_lacks(area, tmp_path):
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / f"{area}_ar.ts"
    shutil.copy(TRANSLATIONS / f"{area}_ar.ts", copy)
    subprocess.run([lupdate, *_sources(area), "-locations", "none", "-no-obsolete", "-target-language", "ar",
                    "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True)
    problems = _problems(copy)
    assert not problems, "run packaging/translations.sh and translate:\n" + "\n".join(problems)
