"""A household's movement history (from where, to where, through which crossing, when, why),
with a row to record a new movement."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from tracker.domain import model, movements
from tracker.errors import ValidationError
from tracker.timeutil import today

from ui.shell.context import field_error_text
from ui.widgets.location_picker import LocationPicker, place_name
from ui.widgets.record_labels import fill_combo, label


class MovementsSection(QGroupBox):
    def __init__(self, ctx, locations: dict, household_id: str | None, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Movement history"))
        self.ctx, self._locations, self.household_id = ctx, locations, household_id
        lang = ctx.language
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("From"), self.tr("To"),
                                              self.tr("Crossing point"), self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(140)
        self.from_place = LocationPicker(locations, kinds=("admin", "site"), language=lang)
        self.to_place = LocationPicker(locations, kinds=("admin", "site"), language=lang)
        self.crossing = LocationPicker(locations, kinds=model.CROSSING_KINDS, language=lang, allow_unknown=False)
        self.date = QLineEdit(today().isoformat())
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.reason = QComboBox()
        fill_combo(self.reason, model.REASONS, blank="")
        self.add_button = QPushButton(self.tr("Add movement"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        # Two rows of three: five place and date boxes in one row are wider than a 1366x768 form.
        grid = QGridLayout()
        for i, (text, widget) in enumerate(((self.tr("From"), self.from_place), (self.tr("To"), self.to_place),
                                            (self.tr("Crossing point"), self.crossing),
                                            (self.tr("Date"), self.date), (self.tr("Reason"), self.reason))):
            row, col = divmod(i, 3)
            grid.addWidget(QLabel(text), row, col * 2)
            grid.addWidget(widget, row, col * 2 + 1)
        grid.addWidget(self.add_button, 1, 5)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        if self.household_id and self.ctx.store is not None:
            self.ctx.read(movements.for_household, self.household_id, on_done=self._arrived)
        else:
            self._arrived([])

    def _arrived(self, rows: list[dict]) -> None:
        self.table.setRowCount(len(rows))
        lang = self.ctx.language
        for r, m in enumerate(rows):
            cells = (m.get("movement_date") or "",
                     place_name(self._locations, m.get("from_pcode"), lang) if m.get("from_pcode") != "unknown"
                     else m.get("from_text") or "",
                     place_name(self._locations, m.get("to_pcode"), lang) if m.get("to_pcode") != "unknown"
                     else m.get("to_text") or "",
                     place_name(self._locations, m.get("crossing_pcode"), lang), label(m.get("reason")))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def values(self) -> dict:
        return {"household_id": self.household_id, "from_pcode": self.from_place.pcode(),
                "from_text": self.from_place.text(), "to_pcode": self.to_place.pcode(), "to_text": self.to_place.text(),
                "crossing_pcode": self.crossing.pcode(), "movement_date": self.date.text().strip(),
                "reason": self.reason.currentData()}

    def add(self) -> None:
        self.error.clear()
        self.add_button.setEnabled(False)
        self.ctx.run(movements.add_movement, self.ctx.store, self.values(), on_done=self._added, on_error=self._failed)

    def _added(self, _movement_id) -> None:
        self.add_button.setEnabled(True)
        for picker in (self.from_place, self.to_place, self.crossing):
            picker.set_value(None)
        self.reload()

    def _failed(self, exc) -> None:
        self.add_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            names = {"from_pcode": self.tr("From"), "from_text": self.tr("From"), "to_pcode": self.tr("To"),
                     "to_text": self.tr("To"), "crossing_pcode": self.tr("Crossing point"),
                     "movement_date": self.tr("Date"), "reason": self.tr("Reason")}
            self.error.setText("\n".join(f"{names.get(e.field, e.field)}: {field_error_text(e)}" for e in exc.errors))
        else:
            self.error.setText(self.ctx.error_text(exc))
