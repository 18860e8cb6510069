"""Report a household member missing or separated: find the household by its head's name, then
the missing person's name, relationship, sex, age and where and when they were last seen.
Saved through tracker.matching.tracing on the writer thread; a mistake is shown, nothing lost."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout)

from tracker.domain import queries
from tracker.matching import tracing
from ui.shell.context import error_text


def _find(store, text):
    filters = queries.HouseholdFilters(text=text)
    return [(r[0], r[2] or r[3] or "", r[4]) for r in queries.household_page(store.conn, filters, limit=20)]


class ReportDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Report a missing member"))
        self.search = QLineEdit()
        self.search.setObjectName("report_search")
        self.search.setPlaceholderText(self.tr("Head of household's name"))
        self.search.textEdited.connect(self._look)
        self.household = QComboBox()
        self.household.setObjectName("report_household")
        self.name_ar = QLineEdit()
        self.name_ar.setObjectName("report_name_ar")
        self.name_lat = QLineEdit()
        self.relationship = QComboBox()
        labels = {"child": self.tr("child"), "spouse": self.tr("spouse"), "parent": self.tr("parent"),
                  "sibling": self.tr("sibling"), "grandchild": self.tr("grandchild"),
                  "other_relative": self.tr("other relative")}
        for code in tracing.RELATIONSHIPS:
            self.relationship.addItem(labels[code], code)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("female"), "f")
        self.sex.addItem(self.tr("male"), "m")
        self.age = QSpinBox()
        self.age.setRange(-1, 120)
        self.age.setSpecialValueText(self.tr("not known"))
        self.age.setValue(-1)
        self.place = QLineEdit()
        self.seen_on = QLineEdit()
        self.seen_on.setPlaceholderText("YYYY-MM-DD")
        self.error = QLabel()
        self.error.setObjectName("report_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Household"), self.search)
        form.addRow("", self.household)
        form.addRow(self.tr("Name (Arabic)"), self.name_ar)
        form.addRow(self.tr("Name (Latin)"), self.name_lat)
        form.addRow(self.tr("Relationship to the head"), self.relationship)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Age"), self.age)
        form.addRow(self.tr("Last seen where"), self.place)
        form.addRow(self.tr("Last seen on"), self.seen_on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _look(self, text: str) -> None:
        self.ctx.run(_find, self.ctx.store, text, on_done=self._found, on_error=lambda exc: None)

    def _found(self, rows) -> None:
        self.household.clear()
        for hid, head, registered in rows:
            self.household.addItem(f"{head} · {registered or ''}", hid)

    def values(self) -> dict:
        return {"name_ar": self.name_ar.text(), "name_lat": self.name_lat.text(),
                "relationship": self.relationship.currentData(), "sex": self.sex.currentData(),
                "age": None if self.age.value() < 0 else self.age.value(),
                "last_seen_place": self.place.text(), "last_seen_date": self.seen_on.text()}

    def save(self) -> None:
        hid = self.household.currentData()
        if not hid:
            self.error.setText(self.tr("Find the household first: type its head's name."))
            return
        self.ctx.run(tracing.report_missing, self.ctx.store, hid, self.values(), on_done=lambda _: self.accept(),
                     on_error=self._failed)

    def _failed(self, exc) -> None:
        self.error.setText(error_text(exc))
