"""Help › About shows the one version (pyproject.toml's), in English and in Arabic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import tracker
from ui.shell import i18n
from ui.shell.main_window import MainWindow

SHOTS = os.environ.get("DTRACK_SCREENSHOTS")  # a folder: save the boxes there to look at them


@pytest.mark.parametrize("language", ["en", "ar"])
def test_about_box_names_the_version(qtbot, ctx, language):
    i18n.install(language)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    about = {"en": "&About Displacement Tracker", "ar": "&حول متتبّع النزوح"}[language]
    assert about in [a.text() for a in window.help_menu.actions()]
    box = window.show_about()
    qtbot.waitUntil(box.isVisible)
    name = {"en": "Displacement Tracker", "ar": "متتبّع النزوح"}[language]
    assert f"{name} {tracker.__version__}" in box.text()
    assert "Qt " in box.text() and "Python " in box.text()
    if SHOTS:
        box.grab().save(str(Path(SHOTS) / f"about-{language}.png"))
    box.close()
    qtbot.waitUntil(lambda: not box.isVisible())
