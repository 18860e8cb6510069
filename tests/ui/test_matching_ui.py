"""Matching in the window: the review queue (find, compare side by side, decide), the tracing list,
and the household form's warning while typing, in English and Arabic (right to left)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tracker.domain import households
from tracker.matching import decisions, tracing
from ui.households.form import HouseholdForm
from ui.matching.page import MatchingPage
from ui.matching.review import DIFFERENT
from ui.shell import i18n

from .records_support import settle, type_text

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _family(store, given, father, family, age=40, members=(), lat=None):
    head = {"given_name_ar": given, "father_name_ar": father, "family_name_ar": family, "sex": "m",
            "age_estimated": age, "relationship": "head"}
    if lat:
        head.update(given_name_lat=lat[0], family_name_lat=lat[1])
    rows = [head] + [{"given_name_ar": g, "family_name_ar": family, "sex": s, "age_estimated": a,
                      "relationship": "child", **extra} for g, s, a, extra in members]
    return households.register_full(store, {"registration_date": "2025-03-10", "origin_pcode": "SY0600",
                                            "current_pcode": "LB51", "shelter_type": "host_family"}, rows)


@pytest.fixture
def registered(ctx):
    s = ctx.store
    a = _family(s, "ظافر", "مأمون", "الرئيس", members=[("رهف", "f", 8, {}), ("لمى", "f", 5, {})],
                lat=("Zafer", "Al-Rais"))
    b = _family(s, "ظافر", "مامون", "رئيس", age=41, members=[("رهف", "f", 9, {})], lat=("Dhafer", "Rais"))
    father = _family(s, "نزار", "غسان", "بيطار", age=44)
    _family(s, "خالد", "عمر", "الحلبي", age=50,
            members=[("ريم", "f", 7, {"separated_child": 1, "father_name_ar": "نزار"}), ("سارة", "f", 12, {})])
    tracing.report_missing(s, father, {"name_ar": "ريم", "relationship": "child", "sex": "f", "age": 7,
                                       "last_seen_place": "النهر الكبير", "last_seen_date": "2025-03-08"})
    return a, b


def _page(qtbot, ctx):
    page = MatchingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, ctx)
    return page


def _find(qtbot, ctx, page):
    review = page.review
    QTest.mouseClick(review.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.list.count() == 1 and review.table.rowCount() > 0, timeout=15000)
    settle(qtbot, ctx)
    return review


def _shot(widget, name):
    if not os.environ.get("DTRACK_SCREENSHOTS"):  # the docs' pictures: only when asked, never from CI
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_review_finds_the_pair_shows_differences_and_merges(qtbot, ctx, registered):
    a, b = registered
    page = _page(qtbot, ctx)
    review = _find(qtbot, ctx, page)
    assert review.list.item(0).text().endswith("% alike")
    rows = {review.table.item(r, 0).text(): r for r in range(review.table.rowCount())}
    head = rows["Head (Arabic)"]
    assert {review.table.item(head, 1).text(), review.table.item(head, 2).text()} == {"ظافر مأمون الرئيس",
                                                                                       "ظافر مامون رئيس"}
    assert review.table.item(head, 1).background().color() == DIFFERENT
    same_day = rows["Registered on"]
    assert review.table.item(same_day, 1).background().color() != DIFFERENT
    assert review.why.text().startswith("Why: given name same, father's name same")
    _shot(page, "review-en.png")
    QTest.mouseClick(review.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.list.count() == 0, timeout=10000)
    assert decisions.resolve(ctx.store.conn, "households", max(a, b)) == min(a, b)
    assert review.status.text() == "0 pairs to review"


def test_not_the_same_by_keyboard_is_remembered(qtbot, ctx, registered):
    page = _page(qtbot, ctx)
    review = _find(qtbot, ctx, page)
    review.list.setFocus()
    QTest.keyClick(review, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: review.list.count() == 0, timeout=10000)
    a, b = registered
    assert decisions.are_apart(ctx.store.conn, "households", a, b)
    QTest.mouseClick(review.find_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx, 300)
    qtbot.waitUntil(lambda: review.find_button.isEnabled(), timeout=10000)
    assert review.list.count() == 0


def test_tracing_lists_the_report_with_the_separated_child_and_confirms(qtbot, ctx, registered):
    page = _page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    tr = page.tracing
    qtbot.waitUntil(lambda: tr.tree.topLevelItemCount() == 1, timeout=10000)
    top = tr.tree.topLevelItem(0)
    assert top.text(0).startswith("ريم (child of نزار")
    assert top.childCount() >= 1 and "separated child" in top.child(0).text(0)
    assert top.child(0).text(2) == "household of خالد عمر الحلبي"
    _shot(page, "tracing-en.png")
    tr.tree.setCurrentItem(top.child(0))
    assert tr.confirm_button.isEnabled()
    QTest.mouseClick(tr.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tr.tree.topLevelItemCount() == 0, timeout=10000)
    assert tr.status.text() == "0 open reports"


def test_matching_screens_in_arabic_right_to_left(qtbot, ctx, registered):
    i18n.install("ar")
    ctx.language = "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    page = _page(qtbot, ctx)
    assert [page.tabs.tabText(i) for i in range(2)] == ["التكرارات", "البحث عن المفقودين"]
    review = _find(qtbot, ctx, page)
    assert review.same_button.text() == "&الشخص نفسه" and review.table.horizontalHeaderItem(1).text() == "السجل أ"
    assert "تشابه" in review.list.item(0).text()
    _shot(page, "review-ar.png")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.tracing.tree.topLevelItemCount() == 1, timeout=10000)
    assert "طفل منفصل عن ذويه" in page.tracing.tree.topLevelItem(0).child(0).text(0)
    _shot(page, "tracing-ar.png")


def test_the_form_warns_while_typing_and_never_blocks(qtbot, ctx, registered):
    form = HouseholdForm(ctx, mode="pre")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    warning = form.entry_warning
    assert not warning.isVisible()
    form.head_name_ar.setFocus()
    type_text(form.head_name_ar, "ظافر مأمون الرئيس")
    assert form.head_name_ar.text() == "ظافر مأمون الرئيس"  # typing went on while checks were pending
    qtbot.waitUntil(lambda: warning.isVisible(), timeout=10000)
    assert "Possible duplicate: the household of ظافر" in warning.text.text()
    assert "given name same" in warning.text.text()
    _shot(form, "entry-warning-en.png")
    form.head_name_ar.clear()
    type_text(form.head_name_ar, "سلمى عدنان")
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=10000)
    form._dirty = False


def test_a_registrar_reports_a_missing_member(qtbot, ctx, registered):
    page = _page(qtbot, ctx)
    page.tabs.setCurrentIndex(1)
    tr = page.tracing
    qtbot.waitUntil(lambda: tr.tree.topLevelItemCount() == 1, timeout=10000)
    dialog = tr.report_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setFocus()
    type_text(dialog.search, "ظافر")
    dialog.search.textEdited.emit(dialog.search.text())
    qtbot.waitUntil(lambda: dialog.household.count() == 2, timeout=10000)
    # saving with no name: refused beside the form, nothing written
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10000)
    assert dialog.isVisible()
    type_text(dialog.name_ar, "لمى")
    dialog.age.setValue(5)
    dialog.place.setText("العريضة")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    tr.reload()
    qtbot.waitUntil(lambda: tr.tree.topLevelItemCount() == 2, timeout=10000)
