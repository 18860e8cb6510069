"""At the crossing point, keyboard only: Enter saves the group from every field, the time is the minute
the group was saved, the three Nahr al-Kabir points can be told apart, today's list has room."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from tracker.domain import crossings
from ui.crossings.page import CrossingsPage
from ui.widgets.location_picker import bare

from .records_support import settle

NAHR = ("XLB-NKR", "XLB-NKR-LOW", "XLB-NKR-WKH")


def _page(qtbot, ctx):
    page = CrossingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1186, 700)  # the page's share of a 1366x768 screen
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _choose_point(qtbot, page, typed="Arida"):
    page.point.combo.setFocus()
    qtbot.keyClicks(page.point.combo.lineEdit(), typed)
    qtbot.keyClick(page.point.combo.lineEdit(), Qt.Key.Key_Tab)


@pytest.mark.parametrize("field", ["nationality", "notes", "counted_at", "transport", "reason", "origin",
                                   "destination", "point", "direction_out", "vuln_medical", "vuln_disability",
                                   "vuln_uasc"])
def test_enter_saves_the_group_from_every_field(qtbot, ctx, field):
    page = _page(qtbot, ctx)
    _choose_point(qtbot, page, "Masnaa")
    page.tally.setFocus()
    qtbot.keyClicks(page.tally, "44")
    widget = page.vulnerabilities.get(field) or getattr(page, field)
    target = getattr(widget, "combo", widget)
    target.setFocus()
    if field in page.vulnerabilities:
        qtbot.keyClick(target, Qt.Key.Key_Up)  # one of the two, by the arrow key
    qtbot.keyClick(target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.today.rowCount() == 1, timeout=5000)
    rec = crossings.list_for_day(ctx.store)[0]
    assert rec["total"] == 2 and rec["crossing_pcode"] == "XLB-MSN"
    if field in page.vulnerabilities:
        assert rec[field] == 1
    assert page.tally.total_count() == 0  # ready for the next group


def test_the_time_is_the_minute_the_group_was_saved(qtbot, ctx):
    page = _page(qtbot, ctx)
    _choose_point(qtbot, page)
    # the page was made ready a while ago (the last group passed 20 minutes before this one)
    page._set_time(QDateTime.currentDateTime().addSecs(-20 * 60))
    page.tally.setFocus()
    qtbot.keyClicks(page.tally, "1")
    qtbot.keyClick(page.tally, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.today.rowCount() == 1, timeout=5000)
    saved = dt.datetime.fromisoformat(crossings.list_for_day(ctx.store)[0]["counted_at"][:16])
    assert abs((dt.datetime.now() - saved).total_seconds()) < 120
    # a time the observer typed is kept
    page.counted_at.setFocus()
    qtbot.keyClick(page.counted_at, Qt.Key.Key_Home)
    qtbot.keyClick(page.counted_at, Qt.Key.Key_Down)  # one year back
    page.tally.setFocus()
    qtbot.keyClicks(page.tally, "1")
    qtbot.keyClick(page.tally, Qt.Key.Key_Return)
    settle(qtbot, ctx)
    years = sorted(r["counted_at"][:4] for r in crossings.list_for_day(ctx.store, None))
    assert len(years) >= 1 and page.counted_at.dateTime().date().year() == dt.date.today().year


def test_the_three_nahr_al_kabir_points_can_be_told_apart(qtbot, ctx):
    page = _page(qtbot, ctx)
    combo = page.point.combo
    texts = [bare(combo.itemText(combo.findData(code))) for code in NAHR]
    assert len(set(texts)) == 3
    # the list is wide enough to show each whole name
    metrics = combo.view().fontMetrics()
    assert combo.view().minimumWidth() >= max(metrics.horizontalAdvance(combo.itemText(combo.findData(c)))
                                              for c in NAHR)
    # names in two scripts are isolated, so brackets stay with their own words
    chosen = combo.itemText(combo.findData("XLB-NKR-WKH"))
    assert chosen.count("\u2068") == chosen.count("\u2069") == 3
    _choose_point(qtbot, page, "Wadi Khaled section")
    assert page.point.pcode() == "XLB-NKR-WKH"
    assert page.today_view.textElideMode() == Qt.TextElideMode.ElideMiddle


@pytest.mark.parametrize("language", ["en", "ar"])
def test_todays_list_has_room_at_1366x768(qtbot, ctx, language):
    from ui.shell import i18n
    from ui.shell.main_window import MainWindow

    i18n.install(language)
    ctx.language = language
    for minute in range(8):
        crossings.record_count(ctx.store, {"crossing_pcode": "XLB-MSN", "direction": "in", "f_18_59": 1,
                                           "counted_at": dt.datetime.now().strftime("%Y-%m-%dT%H:") + f"{minute:02d}"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768 - 60)  # the screen less a panel and the title bar
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("crossings")
    QApplication.processEvents()
    rows_visible = page.today_view.viewport().height() // page.today_view.verticalHeader().defaultSectionSize()
    assert rows_visible >= 5, rows_visible
    grab = window.grab()
    assert grab.width() == window.width()
