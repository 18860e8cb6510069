"""Place search at the keyboard accepts common spellings in both scripts, and no place looks listed twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from tracker.domain import gazetteer
from ui.widgets.location_picker import LocationPicker, bare


@pytest.fixture
def picker(qtbot, store):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    picker = LocationPicker(store.locations(), kinds=("admin", "site"), language="en")
    layout.addWidget(picker)
    layout.addWidget(QLineEdit())
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder)
    yield picker
    holder.close()


def _type(widget, text):
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.mark.parametrize("typed, pcode", [("Jableh", "SY0602"), ("Jablah", "SY0602"), ("Idlib", "SY07"),
                                          ("ادلب", "SY07"), ("Deir ez-Zor", "SY09"), ("Tartus", "SY10")])
def test_common_spellings_find_the_place(qtbot, picker, typed, pcode):
    picker.combo.setFocus()
    picker.combo.lineEdit().clear()
    _type(picker.combo.lineEdit(), typed)
    qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Tab)
    assert picker.pcode() == pcode
    assert typed not in picker.combo.currentText() or typed in bare(picker.combo.currentText())


def test_every_alternate_name_belongs_to_a_shipped_place():
    shipped = {row.get("id") or row.get("pcode") for row in gazetteer.shipped_rows()}
    assert set(gazetteer.alternate_names()) <= shipped


def test_no_place_is_listed_twice(picker):
    texts = [bare(picker.combo.itemText(i)) for i in range(picker.combo.count())]
    assert len(texts) == len(set(texts))
    akkar = [t for t in texts if t.startswith("Akkar")]
    assert len(akkar) == 2 and any("district" in t for t in akkar)
