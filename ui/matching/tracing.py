"""Matching → Tracing: members households reported missing or separated, each with the people
registered elsewhere who may be them (separated and unaccompanied children first); the
supervisor confirms a link. The list is built on the writer thread (tracker.matching.tracing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from tracker.matching import index, tracing

from .report_dialog import ReportDialog


def _load(store):
    index.refresh(store)
    return tracing.tracing_list(store.conn)


def _names(store, entries):
    """Each candidate person's name, age and household head, for the list."""
    out = {}
    for e in entries:
        for c in e["candidates"]:
            row = store.conn.execute(
                "SELECT p.given_name_ar, p.father_name_ar, p.family_name_ar, p.given_name_lat, p.family_name_lat, "
                "p.age, h.head_name_ar, h.head_name_lat FROM persons p JOIN households h ON h.id = p.household_id "
                "WHERE p.id = ?", (c["person_id"],)).fetchone()
            if row:
                ar = " ".join(x for x in row[:3] if x)
                lat = " ".join(x for x in row[3:5] if x)
                out[c["person_id"]] = (ar or lat, row[5], row[6] or row[7] or "")
    return entries, out


class TracingPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.tree = QTreeWidget()
        self.tree.setObjectName("tracing_list")
        self.tree.setHeaderLabels([self.tr("Reported missing / candidate"), self.tr("Age"),
                                   self.tr("Last seen / household"), self.tr("Score")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._selected)
        self.report_button = QPushButton(self.tr("Report a &missing member…"))
        self.report_button.setObjectName("report_missing")
        self.report_button.clicked.connect(self.report)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.confirm_button = QPushButton(self.tr("&Confirm this link"))
        self.confirm_button.setObjectName("confirm_link")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.status = QLabel()
        self.status.setObjectName("tracing_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Members that households reported missing or separated, and the people "
                                        "registered elsewhere who may be them.")))
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        if self.ctx.store is None:
            return
        self.ctx.run(lambda store: _names(store, _load(store)), self.ctx.store, on_done=self._show,
                     on_error=lambda exc: self.status.setText(str(exc)))

    def _show(self, got) -> None:
        entries, names = got
        self.tree.clear()
        relationships = {"child": self.tr("child"), "spouse": self.tr("spouse"), "parent": self.tr("parent"),
                         "sibling": self.tr("sibling"), "grandchild": self.tr("grandchild"),
                         "other_relative": self.tr("other relative")}
        for e in entries:
            rep = e["report"]
            who = rep.get("name_ar") or rep.get("name_lat") or ""
            title = self.tr("%1 (%2 of %3)").replace("%1", who).replace(
                "%2", relationships.get(rep.get("relationship"), "")).replace("%3", e["head"] or "")
            seen = " · ".join(x for x in (rep.get("last_seen_place"), rep.get("last_seen_date")) if x)
            top = QTreeWidgetItem([title, str(rep.get("age") if rep.get("age") is not None else ""), seen, ""])
            top.setData(0, Qt.ItemDataRole.UserRole, None)
            for c in e["candidates"]:
                name, age, head = names.get(c["person_id"], ("", "", ""))
                flag = " ⚑ " + self.tr("separated child") if c["separated"] else ""
                child = QTreeWidgetItem([name + flag, "" if age is None else str(age),
                                         self.tr("household of %1").replace("%1", head),
                                         f"{round(c['probability'] * 100)} %"])
                child.setData(0, Qt.ItemDataRole.UserRole, (e["household_id"], rep["id"], c["person_id"]))
                top.addChild(child)
            if not e["candidates"]:
                top.addChild(QTreeWidgetItem([self.tr("no candidate yet")]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.status.setText(self.tr("%n open report(s)", "", len(entries)))

    def _selected(self, item, _previous=None) -> None:
        self.confirm_button.setEnabled(bool(item and item.data(0, Qt.ItemDataRole.UserRole)))

    def report(self) -> None:
        dialog = self.report_dialog()
        if dialog.exec():
            self.reload()

    def report_dialog(self):
        """The dialog for a new report (a method, so tests can drive it without a modal loop)."""
        return ReportDialog(self.ctx, self)

    def confirm(self) -> None:
        item = self.tree.currentItem()
        link = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not link:
            return
        self.ctx.run(tracing.confirm, self.ctx.store, *link, on_done=lambda _: self.reload(),
                     on_error=lambda exc: self.status.setText(str(exc)))
