"""Add an informal crossing point on the spot: its name (either script) and the area it lies in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from tracker.domain import gazetteer
from tracker.errors import ValidationError

from ui.shell.context import field_error_text
from ui.widgets.location_picker import LocationPicker


class InformalPointDialog(QDialog):
    added = Signal(str)  # the new point's code

    def __init__(self, ctx, locations: dict, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New informal crossing point"))
        self.name_ar = QLineEdit()
        self.name_en = QLineEdit()
        self.area = LocationPicker(locations, kinds=("admin",), language=ctx.language, allow_unknown=False)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name (Arabic)"), self.name_ar)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("In the area of"), self.area)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._locations = locations

    def values(self) -> dict:
        area = self.area.pcode()
        country = (self._locations.get(area) or {}).get("country") or self.ctx.store.country or "LBN"
        return {"name_ar": self.name_ar.text().strip(), "name_en": self.name_en.text().strip(),
                "kind": "informal_crossing", "parent": area, "country": country}

    def submit(self) -> None:
        self.error.clear()
        self.ctx.run(gazetteer.add_location, self.ctx.store, self.values(), on_done=self._added, on_error=self._failed)

    def _added(self, code: str) -> None:
        self.added.emit(code)
        self.accept()

    def _failed(self, exc) -> None:
        if isinstance(exc, ValidationError):
            names = {"name_en": self.tr("Name"), "name_ar": self.tr("Name"), "parent": self.tr("Area")}
            self.error.setText("\n".join(f"{names.get(e.field, e.field)}: {field_error_text(e)}" for e in exc.errors))
        else:
            self.error.setText(self.ctx.error_text(exc))
