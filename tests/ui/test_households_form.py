"""Household registration walked as a registrar does it: keyboard first, errors beside fields."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.domain import households, queries
from ui.households.page import HouseholdsPage
from ui.households.members_grid import FIELDS

from .records_support import four_member_household, key_focused, pick, settle, type_focused, type_text

TAB = Qt.Key.Key_Tab


@pytest.fixture
def page(qtbot, ctx):
    p = HouseholdsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    p.activateWindow()
    qtbot.waitActive(p)
    yield p
    for form in list(p.forms):
        form._dirty = False
        form.close()
    p.close_reader()


def _type_member(qtbot, grid, row, cells):
    """Fill one grid row from its first cell with Tab between cells, as typed on a keyboard."""
    grid.setFocus()
    grid.setCurrentCell(row, 0)
    QApplication.processEvents()
    assert QApplication.focusWidget() is grid, QApplication.focusWidget()
    for i, text in enumerate(cells):
        if text:
            type_focused(qtbot, text)
        if i < len(FIELDS) - 1 or row < 3:
            key_focused(qtbot, TAB)


def test_register_four_members_by_keyboard_then_find_and_edit(qtbot, ctx, page):
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    form = page.forms[-1]
    qtbot.waitActive(form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.registration_date, timeout=1000)
    assert form.mode == "full" and not form.head_name_ar.isVisibleTo(form)
    pick(form.origin, "SY02")
    pick(form.current, "LB51")
    rows = [  # given, father, family, given (Latin), family (Latin), sex, born/age, relationship
        ["محمود", "علي", "الحسن", "Mahmoud", "Al-Hassan", "m", "52", "h"],
        ["زينب", "", "الحسن", "Zainab", "", "f", "47", "s"],
        ["رامي", "", "", "", "", "m", "2010-02-14", "c"],
        ["نور", "", "", "", "", "f", "6", "c"],
    ]
    for r, cells in enumerate(rows):
        _type_member(qtbot, form.members, r, cells + [""] * (len(FIELDS) - len(cells)))
    assert form.members.rowCount() == 4
    members = form.members.members()
    assert [m["relationship"] for m in members] == ["head", "spouse", "child", "child"]
    assert members[2]["birth_date"] == "2010-02-14" and members[3]["age_estimated"] == "6"
    form.registration_date.setFocus()
    qtbot.keyClick(form.registration_date, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    hid = form.household_id
    hh = households.get(ctx.store, hid)
    assert hh["mode"] == "full" and hh["total"] == 4 and hh["head_name_ar"] == "محمود علي الحسن"
    assert hh["origin_pcode"] == "SY02" and hh["m_18_59"] == 1 and hh["m_12_17"] == 1 and hh["f_5_11"] == 1

    # find it again by a spelling variant: without hamza, teh marbuta and alef maqsura folded
    type_text(page.search, "محمود الحسن")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.household_id(0) == hid, timeout=2000)
    page.search.clear()
    type_text(page.search, "زينب")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)

    # edit: open with Enter, change the shelter and a member's age, remove nobody, add a fifth
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = page.forms[-1]
    qtbot.waitActive(form)
    assert form.household_id == hid and form.members.rowCount() == 4
    form.site_name.setFocus()
    type_text(form.site_name, "Halba school")
    form._mark_dirty()
    form.members.item(3, FIELDS.index("age")).setText("7")
    row = form.members.add_member({"given_name_ar": "سارة", "sex": "f", "age_estimated": 1, "relationship": "child"})
    assert row == 4
    qtbot.keyClick(form.site_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    hh = households.get(ctx.store, hid)
    assert hh["site_name"] == "Halba school" and hh["total"] == 5 and hh["f_0_4"] == 1
    assert sorted(m["age"] for m in hh["members"]) == [1, 7, 15, 47, 52] or \
        sorted(m["age"] for m in hh["members"])[:2] == [1, 7]
    actions = [e["action"] for e in queries.household_history(ctx.store, hid)]
    assert actions.count("update") >= 2 and "create" in actions


def test_pre_register_by_keyboard_then_upgrade(qtbot, ctx, page):
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.forms[-1]
    qtbot.waitActive(form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.head_name_ar, timeout=1000)
    assert form.mode == "pre"
    type_focused(qtbot, "خديجة العمر")
    key_focused(qtbot, TAB)
    type_focused(qtbot, "Khadija Al-Omar")
    pick(form.origin, "SY03")
    for field, typed in (("f_18_59", "1"), ("f_60plus", "1"), ("m_0_4", "2")):
        form.counts.boxes[field].setFocus()
        qtbot.wait(5)
        type_focused(qtbot, typed)
    assert form.counts.total.text() == "4"
    key_focused(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    hid = form.household_id
    hh = households.get(ctx.store, hid)
    assert hh["mode"] == "pre" and hh["total"] == 4 and hh["f_60plus"] == 1 and hh["m_0_4"] == 2

    settle(qtbot, ctx)
    form = page.open_household(hid)
    assert form.upgrade_button.isVisible() and form.counts_box.isVisibleTo(form)
    form.upgrade_button.click()
    assert form.members_box.isVisibleTo(form) and not form.counts_box.isVisibleTo(form)
    head = form.members.members()[0]
    assert head["given_name_ar"] == "خديجة" and head["family_name_lat"] == "Al-Omar" and head["relationship"] == "head"
    form.members.item(0, FIELDS.index("sex")).setData(Qt.ItemDataRole.UserRole + 1, "f")
    form.members.item(0, FIELDS.index("age")).setText("35")
    form.members.add_member({"given_name_ar": "عمر", "sex": "m", "age_estimated": 2, "relationship": "child"})
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    hh = households.get(ctx.store, hid)
    assert hh["mode"] == "full" and len(hh["members"]) == 2 and hh["total"] == 2
    assert "upgrade" in [e["action"] for e in queries.household_history(ctx.store, hid)]


def test_rule_breaks_show_beside_their_fields_without_dialogs(qtbot, ctx, page):
    form = page.new_household("pre")
    type_text(form.head_name_ar, "سعيد")
    form.registration_date.setText("2999-01-01")
    form.save()
    qtbot.waitUntil(lambda: form._errors["counts"].isVisible(), timeout=3000)
    assert form._errors["registration_date"].text() == "cannot be in the future"
    assert form._errors["origin_pcode"].text() == "is required"
    assert form._errors["counts"].text() == "count at least one person"
    assert form.isVisible() and form.general_error.text() == ""
    assert QApplication.activeModalWidget() in (None, form)

    full = page.new_household("full")
    pick(full.origin, "SY10")
    full.members.item(0, 0).setText("هدى")  # no sex, no age
    full.members.add_member({"given_name_ar": "باسل", "sex": "m", "age_estimated": 200, "relationship": "child"})
    full.save()
    qtbot.waitUntil(lambda: full._errors["members"].isVisible(), timeout=3000)
    sex_cell = full.members.item(0, FIELDS.index("sex"))
    assert sex_cell.toolTip() == "is required"
    assert full.members.item(1, FIELDS.index("age")).toolTip() == "is out of range"
    assert "Member 1: Sex is required" in full._errors["members"].text()
    assert households.search(ctx.store, "هدى") == []


def test_duplicate_warning_offers_open_existing_or_save_anyway(qtbot, ctx, page):
    existing = households.register_pre(ctx.store, {"head_name_ar": "يوسف الخطيب", "registration_date": "2025-03-09",
                                                   "origin_pcode": "SY10", "m_18_59": 1})
    asked = []
    form = page.new_household("pre")
    form.ask_duplicate = lambda dupes: asked.append([d["id"] for d in dupes]) or "open"
    type_text(form.head_name_ar, "يوسف الخطيب")  # same name, same origin
    pick(form.origin, "SY10")
    form.counts.boxes["m_18_59"].setValue(1)
    form.save()
    qtbot.waitUntil(lambda: len(page.forms) == 1 and page.forms[0].household_id == existing, timeout=3000)
    assert asked == [[existing]]
    page.forms[0].close()

    form = page.new_household("pre")
    form.ask_duplicate = lambda dupes: "save"
    type_text(form.head_name_ar, "يوسف الخطيب")
    pick(form.origin, "SY10")
    form.counts.boxes["m_18_59"].setValue(1)
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    assert len(households.search(ctx.store, "يوسف الخطيب")) == 2


def test_unsaved_changes_guard_on_escape(qtbot, ctx, page):
    form = page.new_household("pre")
    type_text(form.head_name_ar, "x")
    form._mark_dirty()
    form.confirm_discard = lambda: False
    qtbot.keyClick(form.head_name_ar, Qt.Key.Key_Escape)
    assert form.isVisible()
    form.confirm_discard = lambda: True
    qtbot.keyClick(form.head_name_ar, Qt.Key.Key_Escape)
    assert not form.isVisible()
    clean = page.new_household("pre")
    qtbot.keyClick(clean.head_name_ar, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not clean.isVisible()


def test_movement_history_of_a_household(qtbot, ctx, page):
    hid = four_member_household(ctx.store)
    form = page.open_household(hid)
    section = form.movements
    assert form.sections.isTabVisible(1)  # the history is a tab beside the people
    form.sections.setCurrentWidget(section)
    assert section.isVisibleTo(form) and section.table.rowCount() == 0
    pick(section.from_place, "SY10")
    pick(section.to_place, "LB51")
    pick(section.crossing, "XLB-ARD")
    section.date.setText("2025-03-08")
    section.add_button.click()
    qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=3000)
    assert section.table.item(0, 1).text() == "Tartous" and section.table.item(0, 3).text() == "Arida"
    section.date.setText("")
    section.add_button.click()
    qtbot.waitUntil(lambda: section.error.text() != "", timeout=3000)
    assert "Date" in section.error.text()
