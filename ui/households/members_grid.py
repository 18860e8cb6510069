"""The members of a fully registered household, edited as a grid from the keyboard.

Tab walks the cells; Tab on the last cell adds a member; Insert adds one and
Ctrl+Delete removes the current one. Sex and relationship open a list that a
first letter chooses from. 'Born / age' takes ``1990-05-12``, a year ``1980`` or an age ``34``.
Washington Group answers are a list of four (the digit keys 1-4 choose), shown in words.
Rule breaks found by the core are painted on the cell with the message as tooltip.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QTableWidget, QTableWidgetItem

from tracker.domain import model

from ui.shell.context import field_error_text
from ui.widgets.record_labels import label

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

TEXT_FIELDS = ("given_name_ar", "father_name_ar", "family_name_ar", "given_name_lat", "family_name_lat")
CHOICE_FIELDS = {"sex": model.SEXES, "relationship": model.RELATIONSHIPS}
CHECK_FIELDS = ("separated_child", "unaccompanied_child")
# Column order: what a registrar asks, in the order they ask it.
FIELDS = (*TEXT_FIELDS, "sex", "age", "relationship", *model.WG_FIELDS, "specific_needs", *CHECK_FIELDS)
_ERROR_COLUMN = {"birth_date": "age", "age_estimated": "age", "grandfather_name_ar": "family_name_ar",
                 "grandfather_name_lat": "family_name_lat", "father_name_lat": "given_name_lat"}
_AGE_ONLY = re.compile(r"^\s*\d{1,3}\s*$")
_ERROR_BRUSH = QBrush(QColor("#f8d0d0"))


class _ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of translated labels; the cell keeps the stored code."""

    def __init__(self, codes, parent=None):
        super().__init__(parent)
        self._codes = codes

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem("", None)
        for code in self._codes:
            combo.addItem(label(code), code)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))

    def setModelData(self, editor, model_, index):
        code = editor.currentData()
        model_.setData(index, code, CODE_ROLE)
        model_.setData(index, label(code), Qt.ItemDataRole.DisplayRole)


class _AnswerDelegate(_ChoiceDelegate):
    """Washington Group answers as a list of four: the digit keys 1-4 choose, the cell shows the words."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem("", None)
        for code in model.WG_ANSWERS:
            combo.addItem(wg_answer_text(code), code)
        return combo

    def setModelData(self, editor, model_, index):
        code = editor.currentData()
        model_.setData(index, code, CODE_ROLE)
        model_.setData(index, wg_answer_text(code), Qt.ItemDataRole.DisplayRole)


def wg_answer_text(code) -> str:
    """'2 Some' for the answer 2: the number a registrar reads out, then the words."""
    words = {1: QCoreApplication.translate("MembersGrid", "No difficulty"),
             2: QCoreApplication.translate("MembersGrid", "Some difficulty"),
             3: QCoreApplication.translate("MembersGrid", "A lot of difficulty"),
             4: QCoreApplication.translate("MembersGrid", "Cannot do at all")}
    return f"{code} {words[code]}" if code in words else ""


class MembersGrid(QTableWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(0, len(FIELDS), parent)
        self.setHorizontalHeaderLabels([self._header(f) for f in FIELDS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Typing starts editing a cell; moving onto a cell does not (an editor opened on a cell that
        # lacks focus would swallow what is typed next).
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.AnyKeyPressed | triggers.DoubleClicked | triggers.EditKeyPressed
                             | triggers.SelectedClicked)
        self.setTabKeyNavigation(True)
        for field, codes in CHOICE_FIELDS.items():
            self.setItemDelegateForColumn(FIELDS.index(field), _ChoiceDelegate(codes, self))
        for field in model.WG_FIELDS:
            self.setItemDelegateForColumn(FIELDS.index(field), _AnswerDelegate(model.WG_ANSWERS, self))
        header = self.horizontalHeader()
        for i, field in enumerate(FIELDS):
            narrow = field.startswith("wg_") or field in CHECK_FIELDS or field in ("sex", "age")
            # never narrower than its title ("Communicating" is not cut)
            title = header.fontMetrics().horizontalAdvance(self._header(field)) + 16
            header.resizeSection(i, max(title, 90 if narrow else 120))
        for i, field in enumerate(FIELDS):
            tip = self._tooltip(field)
            if tip:
                self.horizontalHeaderItem(i).setToolTip(tip)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_member,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Delete"), self, self.remove_current,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def _header(self, field: str) -> str:
        return {
            "given_name_ar": self.tr("Given name"), "father_name_ar": self.tr("Father's name"),
            "family_name_ar": self.tr("Family name"), "given_name_lat": self.tr("Given name (Latin)"),
            "family_name_lat": self.tr("Family name (Latin)"), "sex": self.tr("Sex"),
            "age": self.tr("Born / age"), "relationship": self.tr("Relationship"),
            "specific_needs": self.tr("Specific needs"), "separated_child": self.tr("Separated"),
            "unaccompanied_child": self.tr("Unaccompanied"),
        }.get(field) or label(field)

    def error_column(self, field: str) -> int:
        field = _ERROR_COLUMN.get(field, field)
        return FIELDS.index(field) if field in FIELDS else 0

    def field_title(self, field: str) -> str:
        """The column title a member field's rule break is shown under."""
        return self._header(_ERROR_COLUMN.get(field, field))

    def _tooltip(self, field: str) -> str:
        if field.startswith("wg_"):
            return self.tr("Washington Group question: type 1 to 4 to choose the answer; blank if not asked")
        if field == "age":
            return self.tr("Date of birth (YYYY-MM-DD), year of birth (1980) or age in years (34)")
        if field == "specific_needs":
            return self.tr("UNHCR codes, comma separated: ") + ", ".join(
                f"{c} {label(c)}" for c in model.SPECIFIC_NEEDS)
        return ""

    # -- rows ---------------------------------------------------------------------------------
    def add_member(self, values: dict | None = None) -> int:
        values = values or {}
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        for col, field in enumerate(FIELDS):
            item = QTableWidgetItem()
            if field in CHECK_FIELDS:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if values.get(field) else Qt.CheckState.Unchecked)
            elif field in CHOICE_FIELDS:
                code = values.get(field) or ("head" if field == "relationship" and row == 0 else None)
                item.setData(CODE_ROLE, code)
                item.setText(label(code))
            elif field == "age":
                item.setText(values.get("birth_date") or _text(values.get("age_estimated")))
            elif field in model.WG_FIELDS:
                code = _answer(values.get(field))
                item.setData(CODE_ROLE, code)
                item.setText(wg_answer_text(code))
            else:
                item.setText(_text(values.get(field)))
            self.setItem(row, col, item)
        self.item(row, 0).setData(ID_ROLE, values.get("id"))
        self.blockSignals(False)
        self.setCurrentCell(row, 0)
        self.edited.emit()
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.edited.emit()

    def set_members(self, members: list[dict]) -> None:
        self.setRowCount(0)
        for m in members:
            self.add_member(m)

    def members(self) -> list[dict]:
        """Each row as the values the core's clean_person takes (plus ``id`` for existing members)."""
        out = []
        for row in range(self.rowCount()):
            values: dict = {}
            for col, field in enumerate(FIELDS):
                item = self.item(row, col)
                if field in CHECK_FIELDS:
                    values[field] = 1 if item.checkState() == Qt.CheckState.Checked else 0
                elif field in CHOICE_FIELDS or field in model.WG_FIELDS:
                    values[field] = item.data(CODE_ROLE)
                elif field == "age":
                    text = item.text().strip()
                    values["age_estimated"] = text if _AGE_ONLY.match(text) else None
                    values["birth_date"] = text if text and not _AGE_ONLY.match(text) else None
                else:
                    values[field] = item.text().strip() or None
            if self.item(row, 0).data(ID_ROLE):
                values["id"] = self.item(row, 0).data(ID_ROLE)
            if any(v for k, v in values.items() if k not in ("relationship", *CHECK_FIELDS)):
                out.append(values)
        return out

    # -- rule breaks -------------------------------------------------------------------------
    def show_errors(self, errors) -> None:
        """Paint the cells of FieldErrors that carry a (1-based) member row; clear the others."""
        self.clear_errors()
        for e in errors:
            if not e.row or e.row > self.rowCount():
                continue
            field = _ERROR_COLUMN.get(e.field, e.field)
            col = FIELDS.index(field) if field in FIELDS else 0
            item = self.item(e.row - 1, col)
            item.setBackground(_ERROR_BRUSH)
            item.setToolTip(field_error_text(e))

    def clear_errors(self) -> None:
        for row in range(self.rowCount()):
            for col in range(self.columnCount()):
                item = self.item(row, col)
                if item is not None and item.toolTip():
                    item.setBackground(QBrush())
                    item.setToolTip("")

    # -- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event):
        last = self.currentRow() == self.rowCount() - 1 and self.currentColumn() == self.columnCount() - 1
        if event.key() == Qt.Key.Key_Tab and last and not event.modifiers():
            self.add_member()
            return
        super().keyPressEvent(event)


def _text(value) -> str:
    return "" if value is None else str(value)


def _answer(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
