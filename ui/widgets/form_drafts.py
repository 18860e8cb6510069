"""Keeps a form's unsaved contents in the store a moment after each change (see tracker/store/drafts.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from tracker.store import drafts

DELAY_MS = 1500  # after the last keystroke: often enough to lose almost nothing, rare enough to cost nothing


class DraftKeeper(QObject):
    def __init__(self, ctx, key: str, collect, parent=None):
        super().__init__(parent)
        self.ctx, self.key, self._collect = ctx, key, collect
        self.paused = False  # while an older draft waits for the user's decision
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        ctx.about_to_lock.connect(self._flush)

    def _flush(self) -> None:
        if self._timer.isActive():
            self.save_now()

    def changed(self) -> None:
        if not self.paused:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.ctx.store is None or self.ctx.worker.closed:  # the app has closed (a last flush ran on lock)
            return
        payload = self._collect()
        self.ctx.run(drafts.save, self.ctx.store, self.key, payload, on_error=lambda exc: None)

    def pending(self) -> bool:
        return self._timer.isActive()

    def existing(self) -> dict | None:
        if self.ctx.store is None:
            return None
        try:  # a read connection: never behind a long write
            return self.ctx.read_now(drafts.load, self.key)
        except Exception:  # noqa: BLE001 (a damaged draft cannot be dropped read-only; it is only a convenience)
            return None

    def discard(self) -> None:
        self._timer.stop()
        if self.ctx.store is not None:
            self.ctx.run(drafts.discard, self.ctx.store, self.key, on_error=lambda exc: None)


class DraftBanner(QFrame):
    """A quiet strip at the top of a form offering the unsaved draft: no dialog in the registrar's way."""

    restore = Signal()
    discard = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("DraftBanner { background: #fff4ce; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.discard_button = QPushButton(self.tr("Discard"))
        for b in (self.restore_button, self.discard_button):
            b.setAutoDefault(False)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.hide()

    def offer(self, saved_at: str) -> None:
        self.text.setText(self.tr("This form was not saved last time (%1). Restore what was typed?")
                          .replace("%1", saved_at[:16].replace("T", " ")))
        self.show()

    def _restore(self) -> None:
        self.hide()
        self.restore.emit()

    def _discard(self) -> None:
        self.hide()
        self.discard.emit()
