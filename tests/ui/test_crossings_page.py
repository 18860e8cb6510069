"""The crossing tally walked as an observer does it: pick the point, count with keys and buttons,
save, correct a record from today's list, add an informal point on the spot."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.domain import crossings
from ui.crossings.page import CrossingsPage
from ui.crossings.model import CrossingCountsModel

from .records_support import pick, settle, type_text


def _page(qtbot, ctx):
    page = CrossingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    return page


def test_tally_a_group_by_keys_and_buttons_then_save_resets(qtbot, ctx):
    page = _page(qtbot, ctx)
    pick(page.point, "XLB-ARD")
    page.direction_in.setChecked(True)
    page.tally.setFocus()
    for key in (Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_1, Qt.Key.Key_9, Qt.Key.Key_8, Qt.Key.Key_8):
        qtbot.keyClick(page.tally, key)  # f 18-59 x2, f 0-4, m 18-59, m 12-17 x2
    qtbot.keyClick(page.tally, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # one m 12-17 too many
    qtbot.keyClick(page.tally, Qt.Key.Key_0)
    qtbot.keyClick(page.tally, Qt.Key.Key_Backspace)  # undo the last tap (m 60+)
    page.tally.plus["f_60plus"].click()
    assert page.tally.values() == {**dict.fromkeys(page.tally.values(), 0), "f_18_59": 2, "f_0_4": 1,
                                   "m_18_59": 1, "m_12_17": 1, "f_60plus": 1}
    assert page.tally.total.text() == "6"
    pick(page.origin, "SY02")
    pick(page.destination, "LB51")
    page.transport.setCurrentIndex(page.transport.findData("car"))
    page.reason.setCurrentIndex(page.reason.findData("conflict"))
    page.vulnerabilities["vuln_medical"].setValue(1)
    page.tally.setFocus()
    qtbot.keyClick(page.tally, Qt.Key.Key_Return)  # Enter saves the group
    qtbot.waitUntil(lambda: page.today.rowCount() == 1, timeout=3000)
    rec = crossings.list_for_day(ctx.store)[0]
    assert rec["crossing_pcode"] == "XLB-ARD" and rec["direction"] == "in" and rec["total"] == 6
    assert rec["origin_pcode"] == "SY02" and rec["transport"] == "car" and rec["vuln_medical"] == 1
    assert rec["observer"] == ctx.store.user
    # ready for the next group: tally empty, point and route kept, focus on the tally
    assert page.tally.total_count() == 0 and page.point.pcode() == "XLB-ARD" and page.origin.pcode() == "SY02"
    assert QApplication.focusWidget() is page.tally
    assert "1 group, 6 people" in page.today_box.title()


def test_errors_inline_and_nothing_saved(qtbot, ctx):
    page = _page(qtbot, ctx)
    page.save()  # no point, nobody counted
    qtbot.waitUntil(lambda: page._errors["counts"].isVisible(), timeout=3000)
    assert page._errors["crossing_pcode"].text() == "is required"
    assert page._errors["counts"].text() == "count at least one person"
    pick(page.point, "XLB-MSN")
    page.tally.add("m_18_59")
    page.vulnerabilities["vuln_disability"].setValue(3)
    page.save()
    qtbot.waitUntil(lambda: page._errors["vulnerabilities"].isVisible(), timeout=3000)
    assert "does not agree with the other counts" in page._errors["vulnerabilities"].text()
    assert not page._errors["crossing_pcode"].isVisible()
    assert crossings.list_for_day(ctx.store) == []


def test_correct_and_delete_a_record_from_todays_list(qtbot, ctx):
    page = _page(qtbot, ctx)
    pick(page.point, "XLB-MSN")
    page.tally.add("f_5_11")
    page.tally.add("f_18_59")
    page.save()
    qtbot.waitUntil(lambda: page.today.rowCount() == 1, timeout=3000)
    page.today_view.setFocus()
    page.today_view.selectRow(0)
    page.today_view.setCurrentIndex(page.today.index(0, 0))
    qtbot.keyClick(page.today_view, Qt.Key.Key_Return)
    assert page.editing_id and page.tally.total_count() == 2 and page.delete_button.isVisible()
    page.tally.add("m_18_59")
    page.direction_out.setChecked(True)
    page.save()
    qtbot.waitUntil(lambda: page.editing_id is None, timeout=3000)
    settle(qtbot, ctx)
    rec = crossings.list_for_day(ctx.store)[0]
    assert rec["total"] == 3 and rec["direction"] == "out" and len(crossings.list_for_day(ctx.store)) == 1
    page.edit_record(page.today.record(0))
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.today.rowCount() == 0, timeout=3000)


def test_add_an_informal_point_on_the_spot(qtbot, ctx):
    page = _page(qtbot, ctx)
    dialog = page.add_informal_point()
    dialog.buttons.accepted.emit()  # nothing typed: told inline, nothing added
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=3000)
    assert dialog.isVisible()
    type_text(dialog.name_ar, "معبر وادي السلم")
    pick(dialog.area, "LB51")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    settle(qtbot, ctx)
    code = page.point.pcode()
    assert code and code.startswith("XP-") and "معبر وادي السلم" in page.point.combo.currentText()
    page.tally.add("m_18_59")
    page.save()
    qtbot.waitUntil(lambda: page.today.rowCount() == 1, timeout=3000)
    assert crossings.list_for_day(ctx.store)[0]["crossing_pcode"] == code


def test_todays_model_passes_the_model_tester(qtmodeltester, ctx):
    for n in range(3):
        crossings.record_count(ctx.store, {"counted_at": f"{__import__('datetime').date.today()}T0{n}:00",
                                           "crossing_pcode": "XLB-MSN", "direction": "in", "f_18_59": n + 1})
    model = CrossingCountsModel(ctx.store.locations())
    model.set_rows(crossings.list_for_day(ctx.store))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3 and model.data(model.index(0, 1)) == "Masnaa"
