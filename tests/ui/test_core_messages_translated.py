"""Every rule code the core raises reaches an Arabic screen as an Arabic sentence, never as the core's
English message; and the translation catalogues are checked by content, not by file times."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import errors
from tracker.resources import resource_path
from ui.shell import context, i18n

ROOT = Path(__file__).resolve().parents[2]
RULE = re.compile(r"""(?:\.fail|FieldError)\(\s*(?:f?"[^"]*"|[\w.\[\]"']+)\s*,\s*"([a-z_]+)\"""")


def _core_rules() -> set[str]:
    found = set()
    for path in (ROOT / "tracker").rglob("*.py"):
        found |= set(RULE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_core_rule_has_a_sentence_of_its_own():
    rules = _core_rules()
    assert {"bad_phone", "not_number", "already_full", "not_full", "read_only"} <= rules  # the scan works
    missing = sorted(rules - set(context._RULES))
    assert not missing, f"give these rule codes a sentence in ui/shell/context.py _RULES: {missing}"


@pytest.mark.parametrize("rule", sorted(_core_rules()))
def test_every_core_rule_reads_in_arabic(qapp, rule):
    i18n.install("ar")
    try:
        text = context.field_error_text(errors.FieldError("x", rule, "an English sentence", None))
    finally:
        i18n.install("en")
    assert text != "an English sentence" and re.search("[\u0600-\u06ff]", text), (rule, text)


def _lrelease() -> str | None:
    found = Path(sys.executable).parent / "pyside6-lrelease"
    return str(found) if found.exists() else shutil.which("pyside6-lrelease")


@pytest.mark.parametrize("ts", sorted(resource_path("translations").glob("*_*.ts")), ids=lambda p: p.name)
def test_each_shipped_qm_is_built_from_its_ts_as_it_is_now(ts, tmp_path):
    """By content: a fresh clone resets file times, so comparing them proves nothing."""
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([lrelease, "-removeidentical", str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    shipped = ts.with_suffix(".qm")
    assert shipped.exists() and shipped.read_bytes() == fresh.read_bytes(), \
        f"{shipped.name} is not built from {ts.name}: run packaging/translations.sh --release"
