"""The duplicate scan that runs by itself after records arrive (an import, a sync bundle).

A supervisor's review queue should hold the likely pairs an import or a sync brought without
anyone pressing a button. The scan reads on a connection and a thread of its own, so the writer
goes on saving forms meanwhile; only its short steps use the writer (bringing the index up to
date before, putting the pairs found in the queue after). The status bar shows its progress with
a Cancel button; locking the window cancels it. Accounts that may not review run no scan.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from tracker.store import permissions

ORDER = ("households", "persons")


class DuplicateScan(QObject):
    progressed = Signal(int, int, int)  # step (0 households, 1 persons), done, total
    found = Signal(str, list)  # table, rows for decisions.add_pairs
    failed = Signal(str)  # why ("" when cancelled)

    def __init__(self, ctx, bar: QStatusBar, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.bar = bar
        self.label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(14)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.label, self.progress, self.cancel_button):
            bar.addPermanentWidget(w)
            w.hide()
        self.retranslate()
        self._stop = threading.Event()
        self._again = False
        self._active = False  # from start to the end of its last step
        self._left = 0  # tables whose pairs are not in the queue yet
        self._added = 0
        self.progressed.connect(self._progressed)
        self.found.connect(self._found)
        self.failed.connect(self._failed)
        ctx.records_arrived.connect(self.start)
        ctx.about_to_lock.connect(self.cancel)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Looking for duplicates…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop looking for duplicates (Matching › Find duplicates does it later)"))

    @property
    def running(self) -> bool:
        return self._active

    def may_run(self) -> bool:
        store = self.ctx.store
        return store is not None and permissions.allowed(store.role, permissions.REVIEW)

    # -- steps ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Scan households and persons (again once the running scan ends, if one runs)."""
        if not self.may_run():
            return
        if self.running:
            self._again = True
            return
        self._again = False
        self._active = True
        self._left = len(ORDER)
        self._added = 0
        self._stop.clear()
        self._show(True)
        self.progress.setRange(0, 0)
        from tracker.matching import decisions  # not at import: the window paints before matching loads

        store = self.ctx.store
        self.ctx.run(decisions.prepare_scan, store, ORDER, on_done=lambda _: self._read(store),
                     on_error=lambda exc: self._failed(self.ctx.error_text(exc)))

    def _read(self, store) -> None:
        if self._stop.is_set() or self.ctx.store is not store:
            self._end()
            return
        threading.Thread(target=self._scan, args=(store,), name="duplicate-scan", daemon=True).start()

    def _scan(self, store) -> None:
        """On the scan's own thread, with its own read connection."""
        from tracker.matching import decisions

        try:
            conn = store.reader()
        except Exception as exc:  # noqa: BLE001  (the store was locked meanwhile)
            self._emit(self.failed, str(exc))
            return
        try:
            for step, tbl in enumerate(ORDER):
                def report(done, total, step=step):
                    self._emit(self.progressed, step, done, total)

                rows = decisions.find_pairs(conn, tbl, progress=report, cancelled=self._stop.is_set)
                if self._stop.is_set():
                    self._emit(self.failed, "")
                    return
                self._emit(self.found, tbl, rows)
        except Exception as exc:  # noqa: BLE001  (reported in the status bar; nothing was written)
            self._emit(self.failed, str(exc))
        finally:
            conn.close()

    def _emit(self, signal, *args) -> None:
        """From the scan's thread: the window may have closed meanwhile (a language switch)."""
        try:
            signal.emit(*args)
        except RuntimeError:
            self._stop.set()

    def _progressed(self, step: int, done: int, total: int) -> None:
        self.progress.setRange(0, 200)
        self.progress.setValue(step * 100 + (100 * done // max(total, 1)))

    def _found(self, tbl: str, rows: list) -> None:
        if not self._active or self._stop.is_set() or self.ctx.store is None:
            return
        from tracker.matching import decisions

        self.ctx.run(decisions.add_pairs, self.ctx.store, tbl, rows, on_done=self._added_pairs,
                     on_error=lambda exc: self._failed(self.ctx.error_text(exc)))

    def _added_pairs(self, n: int) -> None:
        if not self._active:
            return
        self._added += n
        self._left -= 1
        if self._left == 0:
            added = self._added
            self._end()
            if added:
                self.bar.showMessage(self.tr("%n possible duplicate pair(s) to review in Matching (Ctrl+7).", "",
                                             added), 15000)

    def _failed(self, message: str) -> None:
        if not self._active:
            return
        self._end()
        if message:
            self.bar.showMessage(self.tr("The duplicate search stopped: %1").replace("%1", message), 15000)

    def cancel(self) -> None:
        if self._active:
            self._stop.set()
            self._again = False

    def _end(self) -> None:
        self._active = False
        self._show(False)
        if self._again and self.ctx.store is not None:
            self.start()

    def _show(self, on: bool) -> None:
        for w in (self.label, self.progress, self.cancel_button):
            w.setVisible(on)
