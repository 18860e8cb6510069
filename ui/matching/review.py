"""Matching → Review: the pairs that may be one person (or one household), side by side with the
differences highlighted, and the supervisor's decision: the same, not the same, or later.

"Find duplicates" brings the matching index up to date and fills the queue in the background
(progress and Cancel); decisions are core writes on the writer thread (tracker.matching.decisions).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QProgressBar, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from tracker.matching import decisions

from .reasons import Reasons, parse

DIFFERENT = QColor("#fde2c8")  # a cell whose two values differ


def _load(store, tbl):
    return decisions.queue(store.conn, tbl)


def _details(store, tbl, a, b):
    return decisions.side_by_side(store.conn, tbl, a, b)


class ReviewPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.pairs: list[dict] = []
        self._reasons = Reasons(self)
        self.kind = QComboBox()
        self.kind.setObjectName("review_kind")
        self.kind.addItem(self.tr("Households"), "households")
        self.kind.addItem(self.tr("Persons"), "persons")
        self.kind.currentIndexChanged.connect(self.reload)
        self.find_button = QPushButton(self.tr("Find duplicates"))
        self.find_button.setObjectName("find_duplicates")
        self.find_button.clicked.connect(self.find)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.bar = QProgressBar()
        self.status = QLabel()
        self.status.setObjectName("review_status")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Records:")))
        top.addWidget(self.kind)
        top.addWidget(self.find_button)
        top.addWidget(self.bar, 1)
        top.addWidget(self.cancel_button)
        self.list = QListWidget()
        self.list.setObjectName("review_queue")
        self.list.currentRowChanged.connect(self._show_pair)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("review_pair")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Record A"), self.tr("Record B")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.why = QLabel()
        self.why.setObjectName("review_why")
        self.why.setWordWrap(True)
        self.same_button = QPushButton(self.tr("&Same"))
        self.same_button.setObjectName("decide_same")
        self.apart_button = QPushButton(self.tr("&Not the same"))
        self.apart_button.setObjectName("decide_apart")
        self.later_button = QPushButton(self.tr("&Later"))
        self.later_button.setObjectName("decide_later")
        self.same_button.clicked.connect(lambda: self.decide("same"))
        self.apart_button.clicked.connect(lambda: self.decide("apart"))
        self.later_button.clicked.connect(lambda: self.decide("later"))
        buttons = QHBoxLayout()
        for b in (self.same_button, self.apart_button, self.later_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.table, 1)
        rl.addWidget(self.why)
        rl.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._busy(False)
        ctx.data_changed.connect(self._changed)
        self.reload()

    # -- the queue ----------------------------------------------------------------------------
    @property
    def tbl(self) -> str:
        return self.kind.currentData()

    def reload(self) -> None:
        if self.ctx.store is None:
            return
        self.ctx.run(_load, self.ctx.store, self.tbl, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, pairs: list[dict]) -> None:
        self.pairs = pairs
        self.list.clear()
        for p in pairs:
            text = self.tr("%1 % alike").replace("%1", str(round(p["score"] * 100)))
            if p["state"] == "later":
                text += " · " + self.tr("later")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (p["id_a"], p["id_b"]))
            self.list.addItem(item)
        self.status.setText(self.tr("%n pair(s) to review", "", len(pairs)))
        for b in (self.same_button, self.apart_button, self.later_button):
            b.setEnabled(bool(pairs))
        if pairs:
            self.list.setCurrentRow(0)
        else:
            self.table.setRowCount(0)
            self.why.clear()

    def _show_pair(self, row: int) -> None:
        if not 0 <= row < len(self.pairs):
            return
        p = self.pairs[row]
        self.why.setText(self.tr("Why: %1").replace("%1", self._reasons.words(parse(p["reasons"]))))
        self.ctx.run(_details, self.ctx.store, self.tbl, p["id_a"], p["id_b"], on_done=self._show_rows,
                     on_error=self._failed)

    def _show_rows(self, rows) -> None:
        labels = self._labels()
        self.table.setRowCount(len(rows))
        for r, (field, a, b) in enumerate(rows):
            cells = [QTableWidgetItem(labels.get(field, field)), QTableWidgetItem(a), QTableWidgetItem(b)]
            if a != b:
                for c in cells[1:]:
                    c.setBackground(QBrush(DIFFERENT))
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)

    def _labels(self) -> dict:
        return {
            "given_name_ar": self.tr("Given name (Arabic)"), "father_name_ar": self.tr("Father's name (Arabic)"),
            "grandfather_name_ar": self.tr("Grandfather's name (Arabic)"),
            "family_name_ar": self.tr("Family name (Arabic)"), "given_name_lat": self.tr("Given name (Latin)"),
            "father_name_lat": self.tr("Father's name (Latin)"),
            "grandfather_name_lat": self.tr("Grandfather's name (Latin)"),
            "family_name_lat": self.tr("Family name (Latin)"), "sex": self.tr("Sex"),
            "birth_date": self.tr("Date of birth"), "age": self.tr("Age"), "relationship": self.tr("Relationship"),
            "origin_pcode": self.tr("Origin"), "registration_date": self.tr("Registered on"),
            "household": self.tr("Household of"), "head_name_ar": self.tr("Head (Arabic)"),
            "head_name_lat": self.tr("Head (Latin)"), "origin_village": self.tr("Village"),
            "current_pcode": self.tr("Now in"), "site_name": self.tr("Site"), "total": self.tr("People"),
            "members": self.tr("Members"),
        }

    # -- decisions ----------------------------------------------------------------------------------
    def decide(self, what: str) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        a, b = item.data(Qt.ItemDataRole.UserRole)
        fn = {"same": decisions.same, "apart": decisions.apart, "later": decisions.later}[what]
        self.ctx.run(fn, self.ctx.store, self.tbl, a, b, on_done=lambda _: self.reload(), on_error=self._failed)

    def find(self) -> None:
        self._busy(True)
        self.status.setText(self.tr("Looking for duplicates…"))
        self.job = self.ctx.run(decisions.fill_queue, self.ctx.store, self.tbl, on_done=self._found,
                                on_error=self._failed, on_progress=self._progress, progress=True)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _found(self, added: int) -> None:
        self.job = None
        self._busy(False)
        self.reload()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.find_button.setEnabled(not busy)

    def _failed(self, exc) -> None:
        self.job = None
        self._busy(False)
        self.status.setText(str(exc))

    def _changed(self, table: str, ids) -> None:
        if table == "match_queue" and self.job is None:
            self.reload()
