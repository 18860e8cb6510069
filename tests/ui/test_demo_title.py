"""A database holding demo data says so in the window's title bar, on every page, in English and Arabic;
an office database's title does not."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.domain import demo
from ui.shell import i18n
from ui.shell.main_window import MainWindow

DEMO_WORDS = {"en": "DEMO DATA (made-up people)", "ar": "بيانات تجريبية (أشخاص وهميون)"}
PAGE_TITLES = {"en": ("Dashboard", "Households", "Crossings"), "ar": ("لوحة المعلومات", "الأسر", "العبور")}


def _window(qtbot, ctx, language):
    i18n.install(language)
    ctx.language = language
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 706)
    window.show()
    window.start()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: "dashboard" in window.pages)
    return window


def _titles_by_keyboard(qtbot, window) -> list[str]:
    """The title on the dashboard, then after Ctrl+2 and Ctrl+3 as a person switches pages."""
    titles = [window.windowTitle()]
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        titles.append(window.windowTitle())
    return titles


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_demo_database_says_so_in_the_title_bar(qtbot, ctx, store, language):
    demo.populate(store, households=14, crossings=20, seed=7)
    assert demo.holds_demo_data(store)
    titles = _titles_by_keyboard(qtbot, _window(qtbot, ctx, language))
    for title, page in zip(titles, PAGE_TITLES[language]):
        assert title.startswith(page) and title.endswith(DEMO_WORDS[language]), titles


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_office_database_title_has_no_demo_mark(qtbot, ctx, store, language):
    assert not demo.holds_demo_data(store)
    titles = _titles_by_keyboard(qtbot, _window(qtbot, ctx, language))
    assert titles[0].startswith(PAGE_TITLES[language][0]), titles
    assert not any(DEMO_WORDS[language] in t or DEMO_WORDS["en"] in t for t in titles), titles
