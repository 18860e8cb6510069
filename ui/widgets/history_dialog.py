"""Who changed a household, when, and from what to what: its audit trail and its members'."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from tracker.domain import queries

from .record_labels import label


class HistoryDialog(QDialog):
    def __init__(self, ctx, household_id: str, locations: dict | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record history"))
        self.entries = ctx.read_now(queries.household_history, household_id)  # never behind a long write
        self.table = QTableWidget(len(self.entries), 5)
        self.table.setHorizontalHeaderLabels([self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"),
                                              self.tr("Member"), self.tr("Changes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        actions = {"create": self.tr("Created"), "update": self.tr("Edited"), "delete": self.tr("Deleted"),
                   "upgrade": self.tr("Upgraded to full"), "restore": self.tr("Restored"), "demo": self.tr("Created")}
        for r, e in enumerate(self.entries):
            cells = (e["at"][:19].replace("T", " "), e.get("user") or "", actions.get(e["action"], e["action"]),
                     e.get("who") or "", self._changes(e))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _changes(self, entry: dict) -> str:
        after = entry.get("after") or {}
        before = entry.get("before")
        if before is None:  # a creation: list what was written, briefly
            shown = {k: v for k, v in after.items() if v not in (None, "", 0) and k != "deleted"}
            return ", ".join(f"{k}={_short(v)}" for k, v in list(shown.items())[:8])
        return ", ".join(f"{k}: {_short(before.get(k))} → {_short(after.get(k))}" for k in after)


def _short(value) -> str:
    if value is None:
        return "∅"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = label(text) if text in ("active", "closed", "moved_on", "returned", "pre", "full") else text
    return text if len(text) <= 40 else text[:39] + "…"
