"""Conflicts review: fields edited on two devices before they synced.

Each row shows the record, the field, the value every device kept (the winner), the other
value, the value both devices had before, and who wrote each when. A person keeps the
current value or chooses the other; either way the decision is an ordinary edit that syncs,
and settles the conflict on every device once it arrives there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from tracker.sync import conflicts
from tracker.sync.changes import hlc_iso


def _load(store, include_resolved: bool) -> list[dict]:
    conflicts.settle_open(store)
    return conflicts.labelled(store, conflicts.list_conflicts(store, include_resolved=include_resolved))


def _shown(value) -> str:
    if value is conflicts.UNKNOWN:
        return "?"
    return "—" if value is None or value == "" else str(value)


class ConflictsPage(QWidget):
    open_count_changed = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[dict] = []
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("conflicts")
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("Kept value"), self.tr("Other value"),
            self.tr("Value before"), self.tr("Kept from"), self.tr("Other from"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.show_settled = QCheckBox(self.tr("Show settled conflicts"))
        self.keep = QPushButton(self.tr("Keep the kept value"))
        self.take_other = QPushButton(self.tr("Use the other value"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.count_label = QLabel()
        explain = QLabel(self.tr("When the same field was changed on two devices before they synced, every device "
                                 "keeps the same value (the later change) and lists the other here. Your choice "
                                 "is saved as an ordinary edit and reaches the other devices with the next sync."))
        explain.setWordWrap(True)

        buttons = QHBoxLayout()
        for w in (self.keep, self.take_other):
            buttons.addWidget(w)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(self.show_settled)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.keep.clicked.connect(lambda: self.resolve(take_other=False))
        self.take_other.clicked.connect(lambda: self.resolve(take_other=True))
        self.show_settled.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        ctx.data_changed.connect(self._data_changed)
        self._selection_changed()
        self.refresh()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        self.ctx.run(_load, self.ctx.store, self.show_settled.isChecked(), on_done=self._loaded,
                     on_error=self._failed)

    def _data_changed(self, table: str, _ids: list) -> None:
        if table in ("conflicts", "bundles"):
            self.refresh()

    def _loaded(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            state = (self.tr("settled %1").replace("%1", c["resolved_at"][:16].replace("T", " "))
                     if c["resolved_at"] else self.tr("open"))
            cells = (c["record_label"], c["field"], _shown(c["winner"]), _shown(c["loser"]), _shown(c["base"]),
                     f"{c['winner_name']} · {hlc_iso(c['winner_hlc'])[:16].replace('T', ' ')}",
                     f"{c['loser_name']} · {hlc_iso(c['loser_hlc'])[:16].replace('T', ' ')}", state)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setData(Qt.ItemDataRole.UserRole, c["id"])
                self.table.setItem(r, col, item)
        open_now = sum(1 for c in rows if not c["resolved_at"])
        self.count_label.setText(self.tr("No open conflicts.") if not open_now else
                                 self.tr("Open conflicts: %1").replace("%1", str(open_now)))
        self.open_count_changed.emit(open_now)
        self._selection_changed()

    def _failed(self, exc) -> None:
        self.status.setText(self.ctx.error_text(exc))

    def _selection_changed(self) -> None:
        c = self.selected()
        enabled = c is not None and not c["resolved_at"]
        self.keep.setEnabled(enabled)
        self.take_other.setEnabled(enabled)

    def selected(self) -> dict | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.rows[rows.pop()] if len(rows) == 1 and self.rows else None

    # -- deciding ------------------------------------------------------------------------
    def resolve(self, take_other: bool) -> None:
        c = self.selected()
        if c is None:
            return
        value = c["loser"] if take_other else conflicts.UNKNOWN
        self.keep.setEnabled(False)
        self.take_other.setEnabled(False)
        self.ctx.run(conflicts.resolve, self.ctx.store, c["id"], value, on_done=lambda _r: self._resolved(c),
                     on_error=self._failed)

    def _resolved(self, c: dict) -> None:
        self.status.setText(self.tr("Saved: %1 of %2. It reaches the other devices with the next sync.")
                            .replace("%1", c["field"]).replace("%2", c["record_label"]))
        self.refresh()
