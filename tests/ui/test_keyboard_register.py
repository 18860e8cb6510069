"""Registering members at the keyboard on a 1366x768 laptop: 'Born / age' takes a date, a year or an
age; Washington Group answers are chosen by their digit; a rule break is scrolled into view; 'Add
member', the movement history and every column title are on screen without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from tracker.domain import households
from tracker.timeutil import today
from ui.households.members_grid import FIELDS
from ui.households.page import HouseholdsPage
from ui.shell import i18n

from .records_support import four_member_household, key_focused, pick, type_focused

TAB = Qt.Key.Key_Tab
SCREEN = (1366, 768 - 40)  # the laptop's screen less the panel


@pytest.fixture
def page(qtbot, ctx):
    p = HouseholdsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1186, 680)
    p.show()
    p.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is p)
    yield p
    for form in list(p.forms):
        form._dirty = False
        form.close()
    p.close_reader()


def _new_full_form(qtbot, page):
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    form = page.forms[-1]
    form.resize(*SCREEN)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def _type_row(qtbot, grid, row, cells):
    grid.setFocus()
    grid.setCurrentCell(row, 0)
    QApplication.processEvents()
    for i, text in enumerate(cells):
        if text:
            type_focused(qtbot, text)
        if i < len(cells) - 1:
            key_focused(qtbot, TAB)
    key_focused(qtbot, Qt.Key.Key_Escape if False else TAB)


def _on_screen(widget, window) -> bool:
    """Visible and wholly inside ``window`` (after any scroll area's own clipping)."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = QRect(top_left, widget.size())
    area = widget.visibleRegion().boundingRect()
    return window.rect().contains(inside) and area.height() >= widget.height() - 1


@pytest.mark.parametrize("typed, birth_date, age", [("1980", None, today().year - 1980), ("34", None, 34),
                                                     ("1990-05-12", "1990-05-12", None)])
def test_born_or_age_takes_a_date_a_year_or_an_age(qtbot, ctx, page, typed, birth_date, age):
    form = _new_full_form(qtbot, page)
    pick(form.origin, "SY02")
    pick(form.current, "LB51")
    # given, father, family, given (Latin), family (Latin), sex, born/age, relationship, seeing, hearing
    _type_row(qtbot, form.members, 0, ["ليلى", "", "الحسن", "Layla", "", "f", typed, "h", "2", "4"])
    form.registration_date.setFocus()
    qtbot.keyClick(form.registration_date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    member = households.get(ctx.store, form.household_id)["members"][0]
    assert member["birth_date"] == birth_date and member["age_estimated"] == age
    assert member["wg_seeing"] == 2 and member["wg_hearing"] == 4


def test_washington_group_answers_are_shown_in_words(qtbot, ctx, page):
    form = _new_full_form(qtbot, page)
    _type_row(qtbot, form.members, 0, ["ليلى", "", "", "", "", "f", "30", "h", "3"])
    cell = form.members.item(0, FIELDS.index("wg_seeing"))
    assert cell.text() == "3 A lot of difficulty"
    form._dirty = False


def test_a_rule_break_is_scrolled_into_view_with_the_focus(qtbot, ctx, page):
    form = _new_full_form(qtbot, page)
    pick(form.origin, "SY02")
    pick(form.current, "LB51")
    _type_row(qtbot, form.members, 0, ["ليلى", "", "", "", "", "f", "2090", "h"])
    form.registration_date.setFocus()
    qtbot.keyClick(form.registration_date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form._errors["members"].text() != "", timeout=5000)
    assert "Born / age" in form._errors["members"].text()
    assert form.members.hasFocus() and form.members.currentColumn() == FIELDS.index("age")
    assert _on_screen(form._errors["members"], form) or _on_screen(form.members, form)
    # a wrong date in the fields: its message is on screen too
    form.registration_date.setText("not a date")
    qtbot.keyClick(form.registration_date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form._errors["registration_date"].isVisible(), timeout=5000)
    assert _on_screen(form._errors["registration_date"], form)
    form._dirty = False


@pytest.mark.parametrize("language", ["en", "ar"])
def test_add_member_history_and_column_titles_fit_1366x768(qtbot, ctx, page, language):
    hid = four_member_household(ctx.store)
    i18n.install(language)
    ctx.language = language
    form = page.open_household(hid)
    form.resize(*SCREEN)
    qtbot.waitExposed(form)
    form.start_upgrade() if form.mode == "pre" else None
    assert _on_screen(form.add_member_button, form)
    tab_bar = form.sections.tabBar()
    assert form.sections.isTabVisible(1) and _on_screen(tab_bar, form)
    qtbot.keyClick(tab_bar, Qt.Key.Key_Right if language == "en" else Qt.Key.Key_Left)
    assert form.sections.currentIndex() == 1 and _on_screen(form.movements.table, form)
    header = form.members.horizontalHeader()
    metrics = header.fontMetrics()
    for col, field in enumerate(FIELDS):
        title = form.members.horizontalHeaderItem(col).text()
        assert header.sectionSize(col) >= metrics.horizontalAdvance(title), title
    form.sections.setCurrentIndex(0)
    QApplication.processEvents()
    assert not form.scroll.horizontalScrollBar().isVisible()  # nothing cut at the sides
    form.grab().save(f"/tmp/household-form-{language}.png")
