"""Today's crossing-count records at a glance (a day holds tens to hundreds: a plain list model)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from tracker.domain import model

from ui.widgets.location_picker import place_name
from ui.widgets.record_labels import label

COLUMNS = ("time", "point", "direction", "female", "male", "total", "origin", "destination", "transport", "reason")


class CrossingCountsModel(QAbstractTableModel):
    def __init__(self, locations: dict | None = None, language: str = "en", parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._locations = locations or {}
        self._language = language

    def set_rows(self, rows: list[dict], locations: dict | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if locations is not None:
            self._locations = locations
        self.endResetModel()

    def record(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if not 0 <= section < len(COLUMNS):
            return None
        return {"time": self.tr("Time"), "point": self.tr("Crossing point"), "direction": self.tr("Direction"),
                "female": self.tr("Female"), "male": self.tr("Male"), "total": self.tr("Total"),
                "origin": self.tr("Origin"), "destination": self.tr("Destination"),
                "transport": self.tr("Transport"), "reason": self.tr("Reason")}[COLUMNS[section]]

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec, key = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("female", "male", "total", "time"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "time":
            return (rec.get("counted_at") or "")[11:16]
        if key == "point":
            return place_name(self._locations, rec.get("crossing_pcode"), self._language)
        if key in ("female", "male"):
            return sum(rec.get(f) or 0 for f in model.COUNT_FIELDS if f.startswith(key[0] + "_"))
        if key == "total":
            return rec.get("total") or 0
        if key in ("origin", "destination"):
            code = rec.get(f"{key}_pcode")
            return rec.get(f"{key}_text") or "" if code == "unknown" else place_name(self._locations, code,
                                                                                    self._language)
        return label(rec.get(key))
