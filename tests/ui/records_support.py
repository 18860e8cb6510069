"""Helpers shared by the Households and Crossings screen tests (the ``ctx`` fixture is in conftest)."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tracker.domain import households


def settle(qtbot, ctx, ms=60):
    """Let queued writer jobs finish and their callbacks and change events arrive."""
    ctx.worker.wait_idle()
    qtbot.wait(ms)
    ctx.worker.wait_idle()
    QApplication.processEvents()


def type_text(widget, text):
    """Type any text (Arabic included: QTest's keyClicks handles only Latin-1) key by key."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, ord(ch.upper()), Qt.KeyboardModifier.NoModifier, ch))


def pick(picker, pcode, text=None):
    """Choose a place as a user would: by typing part of its name into the picker."""
    index = picker.combo.findData(pcode)
    assert index >= 0, pcode
    picker.combo.setCurrentIndex(index)
    if text is not None:
        picker.free_text.setText(text)


def four_member_household(store, **changes):
    values = {"registration_date": "2025-03-12", "origin_pcode": "SY10", "current_pcode": "LB51", **changes}
    return households.register_full(store, values, [
        {"given_name_ar": "أحمد", "family_name_ar": "الأسعد", "given_name_lat": "Ahmad", "family_name_lat": "Al-Asaad",
         "sex": "m", "age_estimated": 44, "relationship": "head"},
        {"given_name_ar": "ليلى", "family_name_ar": "الأسعد", "sex": "f", "age_estimated": 39, "relationship": "spouse"},
        {"given_name_ar": "سلمى", "sex": "f", "birth_date": "2015-06-01", "relationship": "child"},
        {"given_name_ar": "كريم", "sex": "m", "age_estimated": 3, "relationship": "child"},
    ])


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def type_focused(qtbot, text):
    """Type into whatever has keyboard focus now (a grid cell's editor opens on the first key)."""
    for ch in text:
        target = QApplication.focusWidget()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, ord(ch.upper()), Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()


def key_focused(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()
