"""The main window on a 1366x768 and a 1280x720 laptop, in English and Arabic: it fits the screen's free
area, the status bar shows, no widget of a page is cut off, no column of the households list is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from tracker.domain import crossings
from ui.shell import i18n
from ui.shell.main_window import MainWindow

from .records_support import four_member_household

PANEL, TITLE_BAR = 32, 30
SCREENS = [(1366, 768), (1280, 720)]


def _window(qtbot, ctx, size, language):
    i18n.install(language)
    ctx.language = language
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    width, height = size
    window.resize(width, height - PANEL - TITLE_BAR)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _clipped(page: QWidget) -> list[str]:
    """Visible widgets of ``page`` that stick out of it (inside a scroll area, their area's viewport)."""
    out = []
    for child in page.findChildren(QWidget):
        if not child.isVisible() or child.width() == 0 or any(
                isinstance(a, QAbstractScrollArea) and a.viewport().isAncestorOf(child) for a in _ancestors(child, page)):
            continue
        where = QRect(child.mapTo(page, QPoint(0, 0)), child.size())
        if not page.rect().contains(where):
            out.append(f"{type(child).__name__}:{child.objectName()} {where}")
    return out


def _ancestors(widget, stop):
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_pages_fit_the_laptop_screen(qtbot, ctx, size, language):
    four_member_household(ctx.store)
    crossings.record_count(ctx.store, {"crossing_pcode": "XLB-NKR-WKH", "direction": "in", "f_18_59": 3,
                                       "counted_at": "2025-03-08T09:30"})
    window = _window(qtbot, ctx, size, language)
    bar = window.statusBar()
    assert bar.isVisible() and window.rect().contains(QRect(bar.mapTo(window, QPoint(0, 0)), bar.size()))
    for key, shortcut in (("dashboard", Qt.Key.Key_1), ("households", Qt.Key.Key_2), ("crossings", Qt.Key.Key_3),
                          ("flows", Qt.Key.Key_4), ("settings", Qt.Key.Key_6)):
        qtbot.keyClick(window, shortcut, Qt.KeyboardModifier.ControlModifier)
        page = window.pages[key]
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        assert not _clipped(page), (key, _clipped(page))
        assert window.width() <= size[0] and window.minimumSizeHint().width() <= size[0], key  # not forced wider
        area = next(a for a in _ancestors(page, window) if isinstance(a, QAbstractScrollArea))
        assert page.width() <= area.viewport().width(), (key, page.width(), area.viewport().width())
        window.grab().save(f"/tmp/layout-{key}-{size[0]}-{language}.png")
    view = window.pages["households"].view
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    widths = [header.sectionSize(c) for c in range(model.columnCount())]
    for col, width in enumerate(widths):
        assert width >= metrics.horizontalAdvance(model.headerData(col, Qt.Orientation.Horizontal)), col
    assert sum(widths) <= view.viewport().width() + 2, (widths, view.viewport().width())


def test_a_fresh_window_takes_the_free_area_and_a_big_saved_one_shrinks(qtbot, ctx, app_settings):
    window = MainWindow(ctx, app_settings)
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() + TITLE_BAR <= free.height() + 2
    window.resize(3000, 2000)
    app_settings.set("window_geometry", bytes(window.saveGeometry().toHex()).decode())
    again = MainWindow(ctx, app_settings)
    qtbot.addWidget(again)
    assert again.width() <= free.width() and again.height() <= free.height()
