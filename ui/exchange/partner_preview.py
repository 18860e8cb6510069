"""The preview of a partner's export (Kobo, ODK): which file holds what, which column fills which
field (editable) and why the others are ignored, and how the partner's choices are read as our
codes. Built from ``tracker.exchange.partner.Plan``; ``profile()`` gives the edited mapping back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from tracker.exchange import partner
from ui.widgets.record_labels import label

_CTX = "PartnerPreview"
ROLES = {"households": QT_TRANSLATE_NOOP("PartnerPreview", "Households (submissions)"),
         "persons": QT_TRANSLATE_NOOP("PartnerPreview", "Members (repeat group)"),
         "movements": QT_TRANSLATE_NOOP("PartnerPreview", "Movements (repeat group)")}
LAYOUTS = {"odk": QT_TRANSLATE_NOOP("PartnerPreview", "ODK (Briefcase, Central)"),
           "kobo": QT_TRANSLATE_NOOP("PartnerPreview", "KoboToolbox"),
           "plain": QT_TRANSLATE_NOOP("PartnerPreview", "Spreadsheet")}
REASONS = {"repeat_link": QT_TRANSLATE_NOOP("PartnerPreview", "ODK's link to the repeat-group file"),
           "link": QT_TRANSLATE_NOOP("PartnerPreview", "links the files (used)"),
           "metadata": QT_TRANSLATE_NOOP("PartnerPreview", "form metadata"),
           "choice_column": QT_TRANSLATE_NOOP("PartnerPreview", "one choice of %1 (that column is used)"),
           "no_field": QT_TRANSLATE_NOOP("PartnerPreview", "no matching field: not imported")}
_IGNORED = QBrush(QColor("#8a6d00"))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _item(text, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class PartnerPreview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan = None
        self.combos: list[tuple[int, int, QComboBox]] = []  # (table index, column index, combo)
        self.files = QTableWidget(0, 3)
        self.files.setHorizontalHeaderLabels([self.tr("File"), self.tr("Holds"), self.tr("Made by")])
        self.columns = QTableWidget(0, 4)
        self.columns.setHorizontalHeaderLabels([self.tr("File"), self.tr("Column"), self.tr("Field"),
                                                self.tr("Why ignored")])
        self.values = QTableWidget(0, 3)
        self.values.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Partner's value"), self.tr("Read as")])
        for table in (self.files, self.columns, self.values):
            table.verticalHeader().setVisible(False)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.files.setMaximumHeight(120)
        self.columns.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.columns.setColumnWidth(0, 150)
        self.columns.setColumnWidth(2, 190)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.form_label = QLabel()
        split = QSplitter(Qt.Orientation.Horizontal)
        left, right = QWidget(), QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Columns: which field each one fills, and the ones left out")))
        lay.addWidget(self.columns)
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Choices read as our codes")))
        lay.addWidget(self.values)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_label)
        layout.addWidget(self.files)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

    def show_plan(self, plan) -> None:
        self.plan = plan
        self.form_label.setText(self.tr("Partner form: %1").replace("%1", plan.form_id)
                                + ("" if plan.form is None else "  ·  " + self.tr("XLSForm given: choices and labels "
                                                                                  "are read through it")))
        self.files.setRowCount(len(plan.tables) + len(plan.skipped))
        for r, t in enumerate(plan.tables):
            self.files.setItem(r, 0, _item(t.part.name))
            self.files.setItem(r, 1, _item(_t(ROLES[t.role])))
            self.files.setItem(r, 2, _item(_t(LAYOUTS[t.layout])))
        for r, name in enumerate(plan.skipped, len(plan.tables)):
            self.files.setItem(r, 0, _item(name))
            self.files.setItem(r, 1, _item(self.tr("not a table: not read")))
            self.files.setItem(r, 2, _item(""))
        rows = [(ti, ci, t, c) for ti, t in enumerate(plan.tables) for ci, c in enumerate(t.columns)]
        self.columns.setRowCount(len(rows))
        self.combos = []
        for r, (ti, ci, t, c) in enumerate(rows):  # the file named on its first column only
            self.columns.setItem(r, 0, _item(t.part.name.rsplit(" › ", 1)[-1] if ci == 0 else "", t.part.name))
            self.columns.setItem(r, 1, _item(c.header))
            combo = QComboBox()
            combo.addItem(self.tr("(ignored)"), None)
            for name in partner.FIELDS[t.role]:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(c.field)))
            combo.currentIndexChanged.connect(self._changed)
            self.columns.setCellWidget(r, 2, combo)
            self.combos.append((ti, ci, combo))
            why = _t(REASONS[c.reason]).replace("%1", c.detail) if c.reason else ""
            item = _item(why)
            if c.reason == "no_field":
                item.setForeground(_IGNORED)
            self.columns.setItem(r, 3, item)
        values = [(f, given, code, False) for f, given, code in plan.value_list]
        values += [(f, name, None, True) for f, _, name, _ in plan.unmatched]
        self.values.setRowCount(len(values))
        for r, (f, given, code, unmatched) in enumerate(values):
            self.values.setItem(r, 0, _item(f))
            self.values.setItem(r, 1, _item(given))
            word = label(code) if code else ""
            item = _item(self.tr("no match: rows with it are rejected") if unmatched
                         else code if word == code else f"{word} ({code})")
            if unmatched:
                item.setForeground(_IGNORED)
            self.values.setItem(r, 2, item)
        self._changed()

    def current(self) -> list[list]:
        """The mapping as edited: per table, one field (or None) per column."""
        out = [list(t.mapped) for t in self.plan.tables]
        for ti, ci, combo in self.combos:
            out[ti][ci] = combo.currentData()
        return out

    def profile(self) -> dict:
        prof = self.plan.profile()
        for t, mapped in zip(self.plan.tables, self.current()):
            prof["tables"][t.part.stem]["columns"] = dict(zip(t.headers, mapped))
        return prof

    def ignored_count(self) -> int:
        return sum(f is None for mapped in self.current() for f in mapped)

    def _changed(self) -> None:
        used = sum(f is not None for mapped in self.current() for f in mapped)
        self.summary.setText(self.tr("%1 columns used, %2 ignored (listed above and in the report).")
                             .replace("%1", str(used)).replace("%2", str(self.ignored_count())))
