"""Exchange → Sync: bundles to and from a folder or USB stick, peers and their fingerprints, the
history of bundles sent and received, and the conflicts review.

Every core call runs on the writer thread through ``ctx.run``; long ones (export, import)
show a progress bar with Cancel. Dialogs are small methods that tests replace.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressBar, QPushButton, QTabWidget,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from tracker.sync import bundle, envelope, identity, summary_bundle
from tracker.sync.errors import UnknownSigner

from .conflicts import ConflictsPage

ALL_PEERS = ""  # recipient combo: every trusted peer of this organisation


def _overview(store) -> dict:
    return {"me": identity.own_identity(store), "peers": identity.list_peers(store),
            "history": bundle.history(store)}


def _import_file(store, path, trust=False, progress=None, cancelled=None) -> dict:
    """Import a peer or summary bundle, whichever the file is."""
    kind = envelope.read(path).header.get("kind")
    if kind == summary_bundle.KIND:
        return {"kind": "summary", **summary_bundle.import_summary(store, path, trust=trust)}
    return {"kind": "changes", **bundle.import_bundle(store, path, trust=trust, progress=progress,
                                                      cancelled=cancelled)}


def _add_peer(store, doc) -> dict:
    return identity.add_peer(store, doc)


def _file_name(me: str, to: str, kind: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    safe = [re.sub(r"[^\w-]+", "_", t, flags=re.UNICODE).strip("_") or "device" for t in (me, to)]
    return f"{kind}-{safe[0]}-to-{safe[1]}-{stamp}.dtb"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list], keys: list) -> None:
    table.setRowCount(len(rows))
    for r, (cells, key) in enumerate(zip(rows, keys)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)


class SyncPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.peers: list[dict] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_exchange(), self.tr("Send and receive"))
        self.tabs.addTab(self._build_peers(), self.tr("Peers"))
        self.history = _table([self.tr("When"), self.tr("Direction"), self.tr("Kind"), self.tr("Device"),
                               self.tr("Changes"), self.tr("File")])
        self.tabs.addTab(self.history, self.tr("History"))
        self.conflicts = ConflictsPage(ctx)
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.conflicts.open_count_changed.connect(self._conflict_count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    # -- building ------------------------------------------------------------------------
    def _build_exchange(self) -> QWidget:
        box = QWidget()
        self.me_label = QLabel()
        self.me_label.setWordWrap(True)
        self.me_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        send = QGroupBox(self.tr("Send"))
        self.recipient = QComboBox()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Changes the recipient does not have yet"), "unacked")
        self.scope.addItem(self.tr("Everything"), "all")
        self.scope.addItem(self.tr("Changes since a date"), "since")
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.scope.currentIndexChanged.connect(lambda: self.since.setEnabled(self.scope.currentData() == "since"))
        self.since.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export bundle to a folder or USB stick…"))
        self.summary_button = QPushButton(self.tr("Export a summary for a coordinator (counts only)…"))
        form = QFormLayout(send)
        form.addRow(self.tr("For:"), self.recipient)
        form.addRow(self.tr("What:"), self.scope)
        form.addRow(self.tr("Since:"), self.since)
        form.addRow("", self.export_button)
        form.addRow("", self.summary_button)
        receive = QGroupBox(self.tr("Receive"))
        self.import_button = QPushButton(self.tr("Import a bundle or summary…"))
        QVBoxLayout(receive).addWidget(self.import_button)
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        progress = QHBoxLayout()
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.cancel_button)
        self.result = QLabel()
        self.result.setObjectName("sync_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(self.me_label)
        layout.addWidget(send)
        layout.addWidget(receive)
        layout.addLayout(progress)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.export_button.clicked.connect(self.export_bundle)
        self.summary_button.clicked.connect(self.export_summary)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.cancel_button.clicked.connect(self._cancel)
        self._show_progress(False)
        return box

    def _build_peers(self) -> QWidget:
        box = QWidget()
        self.peer_table = _table([self.tr("Name"), self.tr("Organisation"), self.tr("Fingerprint"),
                                  self.tr("Device id"), self.tr("Changes acknowledged")])
        self.add_peer_button = QPushButton(self.tr("Add a peer from its identity file…"))
        self.remove_peer_button = QPushButton(self.tr("Remove peer"))
        self.identity_button = QPushButton(self.tr("Save this device's identity file…"))
        self.peer_status = QLabel()
        self.peer_status.setWordWrap(True)
        explain = QLabel(self.tr("Before trusting a device, read its fingerprint out over the phone and check "
                                 "that both sides see the same digits."))
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        for w in (self.add_peer_button, self.remove_peer_button, self.identity_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addWidget(self.peer_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.peer_status)
        self.add_peer_button.clicked.connect(self.add_peer)
        self.remove_peer_button.clicked.connect(self.remove_peer)
        self.identity_button.clicked.connect(self.save_identity)
        return box

    # -- dialogs (tests replace these) ------------------------------------------------------
    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Folder or USB stick to write to"))

    def ask_file(self, title: str, pattern: str) -> str:
        return QFileDialog.getOpenFileName(self, title, "", pattern)[0]

    def ask_save(self, suggested: str) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("Save identity file"), suggested,
                                           self.tr("Identity files (*.dtid)"))[0]

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- state ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.store is not None:
            self.ctx.run(_overview, self.ctx.store, on_done=self._overview_arrived, on_error=self._failed)

    def _data_changed(self, table: str, _ids: list) -> None:
        if table in ("peers", "bundles"):
            self.refresh()

    def _overview_arrived(self, data: dict) -> None:
        me = data["me"]
        self.me_label.setText(self.tr("This device: %1 (%2). Fingerprint: %3")
                              .replace("%1", me["name"]).replace("%2", me["organisation"] or "—")
                              .replace("%3", me["fingerprint"]))
        self.peers = data["peers"]
        current = self.recipient.currentData()
        self.recipient.clear()
        self.recipient.addItem(self.tr("Every trusted peer of my organisation"), ALL_PEERS)
        for p in self.peers:
            self.recipient.addItem(f"{p['name']} ({p['organisation'] or '—'})", p["device_id"])
        index = self.recipient.findData(current)
        self.recipient.setCurrentIndex(max(index, 0))
        _fill(self.peer_table, [[p["name"], p["organisation"] or "—", p["fingerprint"], p["device_id"],
                                 sum(p["acked"].values())] for p in self.peers], [p["device_id"] for p in self.peers])
        names = {p["device_id"]: p["name"] for p in self.peers}
        rows = []
        for b in data["history"]:
            when = (b["processed_at"] or "")[:16].replace("T", " ")
            direction = self.tr("sent") if b["direction"] == "out" else self.tr("received")
            kind = self.tr("summary") if b["kind"] == "summary" else self.tr("changes")
            who = ", ".join(names.get(d, d[:8]) for d in (b["peer_device"] or "").split(",") if d) or "—"
            count = (str(b["change_count"]) if b["direction"] == "out" else
                     self.tr("%1 new of %2").replace("%1", str(b["applied_count"])).replace("%2", str(b["change_count"])))
            rows.append([when, direction, kind, who, count, b["file_name"]])
        _fill(self.history, rows, [b["sha256"] for b in data["history"]])

    def _conflict_count(self, n: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        self.tabs.setTabText(index, self.tr("Conflicts (%1)").replace("%1", str(n)) if n else self.tr("Conflicts"))

    def _failed(self, exc) -> None:
        self._show_progress(False)
        self.result.setText(self.ctx.error_text(exc))

    def _show_progress(self, on: bool) -> None:
        self.bar.setVisible(on)
        self.cancel_button.setVisible(on)
        for b in (self.export_button, self.summary_button, self.import_button):
            b.setEnabled(not on)
        if on:
            self.bar.setRange(0, 0)

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, 1000 * done // total))

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # -- sending -------------------------------------------------------------------------
    def _target_name(self) -> str:
        key = self.recipient.currentData()
        return next((p["name"] for p in self.peers if p["device_id"] == key), "peers")

    def export_bundle(self) -> None:
        folder = self.ask_folder()
        if not folder:
            return
        path = Path(folder) / _file_name(self.ctx.store.device_name, self._target_name(), "sync")
        scope = self.scope.currentData()
        since = self.since.date().toString("yyyy-MM-dd") if scope == "since" else None
        for_device = self.recipient_id()  # read here: the job runs on the writer thread

        def run(store, progress=None, cancelled=None):
            return bundle.export_bundle(store, path, for_device=for_device, all_changes=scope == "all",
                                        since=since, progress=progress, cancelled=cancelled)
        self._start(run, self._exported)

    def recipient_id(self) -> str | None:
        return self.recipient.currentData() or None

    def _exported(self, r: dict) -> None:
        self._show_progress(False)
        names = ", ".join(p["name"] for p in r["recipients"])
        self.result.setText(self.tr("Wrote %1: %2 changes for %3, encrypted and signed.")
                            .replace("%1", r["path"]).replace("%2", str(r["changes"])).replace("%3", names))

    def export_summary(self) -> None:
        folder = self.ask_folder()
        if not folder:
            return
        path = Path(folder) / _file_name(self.ctx.store.device_name, self._target_name(), "summary")
        for_device = self.recipient_id()

        def run(store, progress=None, cancelled=None):
            return summary_bundle.export_summary(store, path, for_device=for_device)
        self._start(run, self._summary_exported)

    def _summary_exported(self, r: dict) -> None:
        self._show_progress(False)
        text = (self.tr("Wrote %1: %2 count cells, signed and encrypted.") if r["encrypted"] else
                self.tr("Wrote %1: %2 count cells, signed (choose a coordinator under 'For' to encrypt it)."))
        self.result.setText(text.replace("%1", r["path"]).replace("%2", str(r["cells"])))

    def _start(self, fn, on_done) -> None:
        self._show_progress(True)
        self.result.setText(self.tr("Working…"))
        self.job = self.ctx.run(fn, self.ctx.store, on_done=on_done, on_error=self._failed,
                                on_progress=self._progress, progress=True)

    # -- receiving -----------------------------------------------------------------------
    def import_file(self, path: str | None = None, trust: bool = False) -> None:
        path = path or self.ask_file(self.tr("Import a bundle"), self.tr("Bundles (*.dtb);;All files (*)"))
        if not path:
            return

        def run(store, progress=None, cancelled=None):
            return _import_file(store, path, trust, progress, cancelled)
        self._show_progress(True)
        self.result.setText(self.tr("Checking and importing…"))
        self.job = self.ctx.run(run, self.ctx.store, on_done=self._imported,
                                on_error=lambda exc: self._import_failed(exc, path), on_progress=self._progress,
                                progress=True)

    def _import_failed(self, exc, path: str) -> None:
        self._show_progress(False)
        if isinstance(exc, UnknownSigner) and exc.details.get("fingerprint"):
            d = exc.details
            question = (self.tr("This file comes from a device you have not trusted yet:\n\n%1 (%2)\nFingerprint: "
                                "%3\n\nCall that office and check that they read out the same fingerprint. "
                                "Trust this device and import the file?")
                        .replace("%1", d.get("name") or "?").replace("%2", d.get("organisation") or "—")
                        .replace("%3", d["fingerprint"]))
            if self.confirm(self.tr("Unknown device"), question):
                self.import_file(path, trust=True)
                return
        self.result.setText(self.ctx.error_text(exc))

    def _imported(self, r: dict) -> None:
        self._show_progress(False)
        if r["kind"] == "summary":
            self.result.setText(self.tr("Imported a summary from %1: %2 count cells, %3 older values replaced.")
                                .replace("%1", r["sender"]).replace("%2", str(r["cells"]))
                                .replace("%3", str(r["replaced"])))
            return
        text = self.tr("Imported from %1: %2 new of %3 changes; %4 records created, %5 updated.") \
            .replace("%1", r["sender"]).replace("%2", str(r["new"])).replace("%3", str(r["received"])) \
            .replace("%4", str(r["created"])).replace("%5", str(r["updated"]))
        if r["conflicts"]:
            text += " " + self.tr("New conflicts to review: %1.").replace("%1", str(r["conflicts"]))
        self.result.setText(text)
        if r["created"] or r["updated"]:
            self.ctx.records_arrived.emit()
        self.conflicts.refresh()

    # -- peers ---------------------------------------------------------------------------
    def add_peer(self) -> None:
        path = self.ask_file(self.tr("Identity file of the other device"),
                             self.tr("Identity files (*.dtid *.json);;All files (*)"))
        if not path:
            return
        try:
            doc = identity.read_identity(path)  # reads a small file; no database involved
        except Exception as exc:  # noqa: BLE001 (shown to the user)
            self.peer_status.setText(self.ctx.error_text(exc))
            return
        question = (self.tr("Trust %1 (%2)?\n\nFingerprint: %3\n\nCompare it with the other office by phone first.")
                    .replace("%1", doc["name"]).replace("%2", doc["organisation"] or "—")
                    .replace("%3", doc["fingerprint"]))
        if not self.confirm(self.tr("Add peer"), question):
            return
        self.ctx.run(_add_peer, self.ctx.store, doc, on_done=lambda p: self.peer_status.setText(
            self.tr("%1 is now a trusted peer.").replace("%1", p["name"])), on_error=self._peer_failed)

    def remove_peer(self) -> None:
        rows = {i.row() for i in self.peer_table.selectedItems()}
        if len(rows) != 1:
            self.peer_status.setText(self.tr("Choose a peer in the list first."))
            return
        peer = self.peers[rows.pop()]
        if not self.confirm(self.tr("Remove peer"), self.tr("Stop trusting %1? Its bundles will be refused.")
                            .replace("%1", peer["name"])):
            return
        self.ctx.run(identity.remove_peer, self.ctx.store, peer["device_id"], on_done=lambda _r: self.peer_status
                     .setText(self.tr("%1 was removed.").replace("%1", peer["name"])), on_error=self._peer_failed)

    def save_identity(self) -> None:
        path = self.ask_save(_file_name(self.ctx.store.device_name, "peers", "identity").replace(".dtb", ".dtid"))
        if not path:
            return
        self.ctx.run(identity.export_identity, self.ctx.store, path, on_done=lambda doc: self.peer_status.setText(
            self.tr("Saved %1. Fingerprint: %2").replace("%1", path).replace("%2", doc["fingerprint"])),
            on_error=self._peer_failed)

    def _peer_failed(self, exc) -> None:
        self.peer_status.setText(self.ctx.error_text(exc))
