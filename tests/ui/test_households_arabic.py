"""Arabic: the shipped .qm really turns the Households and Crossings screens Arabic and right-to-left."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.shell import i18n
from ui.crossings.page import CrossingsPage
from ui.households.page import HouseholdsPage

from .records_support import four_member_household


def test_screens_in_arabic_right_to_left(qtbot, ctx):
    hid = four_member_household(ctx.store)
    i18n.install("ar")
    ctx.language = "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.new_pre_action.text() == "تسجيل أولي جديد"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "رب الأسرة"
    assert page.model.data(page.model.index(0, 3)) == "طرطوس"  # origin named in Arabic
    assert page.model.data(page.model.index(0, 5)) == "نشطة"
    assert page.count_label.text() == "أسرة واحدة"  # Arabic plural forms
    form = page.open_household(hid)
    assert form.windowTitle().startswith("الأسرة:") and form.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert form.members.horizontalHeaderItem(0).text() == "الاسم"
    form.close()
    crossings = CrossingsPage(ctx)
    qtbot.addWidget(crossings)
    assert crossings.direction_in.text() == "دخول" and crossings.save_button.text() == "حفظ المجموعة (Enter)"
    page.close_reader()
