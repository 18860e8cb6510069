"""``dtrack self-test``: every check passes on this installation, a failing check is reported and
fails the run, and the font check notices letters drawn as boxes."""

from __future__ import annotations

import re

import pytest

from tracker.cli import selftest
from tracker.cli.main import main


@pytest.mark.slow
def test_the_self_test_passes_one_line_per_check_and_leaves_nothing(capsys):
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out.splitlines()
    folder = re.search(r"self-test in (\S+)", out[0]).group(1)
    checks = out[1:-1]
    assert len(checks) == len(selftest.CORE_CHECKS) + 1  # and the clean-up
    assert all(line.startswith("ok   ") for line in checks), "\n".join(checks)
    assert out[-1] == "self-test passed"
    from pathlib import Path

    assert not Path(folder).exists()


def test_a_failing_check_is_one_line_fails_the_run_and_still_cleans_up(monkeypatch):
    monkeypatch.setattr(selftest, "CORE_CHECKS", selftest.CORE_CHECKS[:3])  # version, resources, database
    seen = {}

    def broken(test):
        seen["folder"] = test.folder
        raise RuntimeError("the disk is full\nsecond line")

    lines: list[str] = []
    assert selftest.run((("broken part", broken),), out=lines.append) is False
    assert "FAIL broken part: RuntimeError: the disk is full second line" in lines
    assert [x for x in lines if x.startswith("ok   ")][-1].startswith("ok   clean-up")
    assert lines[-1] == "self-test FAILED"
    assert not seen["folder"].exists()


def test_later_checks_say_what_they_need_when_the_database_failed(monkeypatch):
    monkeypatch.setattr(selftest, "CORE_CHECKS", (selftest.CORE_CHECKS[3],))  # the household, with no database
    lines: list[str] = []
    assert selftest.run(out=lines.append) is False
    assert "FAIL Arabic household: needs the encrypted database, which failed above" in lines


def test_letters_no_font_has_are_caught(tmp_path):
    """Arabic drawn with a font without Arabic letters (TeX's cmr10, shipped with matplotlib) comes out as boxes: the check must see it; with the
    shipped font it must not."""
    import matplotlib
    from matplotlib.figure import Figure

    from tracker.charts import draw

    def render(path):
        fig = Figure(figsize=(2, 1))
        fig.text(0.1, 0.5, "الأسعد")
        fig.savefig(path)

    with matplotlib.rc_context({"font.family": ["cmr10"]}), selftest.missing_glyphs() as missing:
        render(tmp_path / "boxes.png")
    assert missing and "missing from font" in missing[0]
    with draw.style("ar"), selftest.missing_glyphs() as missing:
        render(tmp_path / "letters.png")
    assert missing == []
    assert selftest.arabic_font_file().name.startswith("NotoSansArabic")
