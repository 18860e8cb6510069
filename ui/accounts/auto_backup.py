"""Automatic backups while the window is open: once a day (checked every hour) and when it closes.

Each is skipped when nothing was written since the last backup (tracker/store/backup.py). A failed
automatic backup (the USB stick is not plugged in) never stops the work: it shows in the status bar.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from tracker.store import backup

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60 * 60 * 1000


class AutoBackup(QObject):
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.daily)
        self.timer.start()

    def daily(self) -> None:
        if self.ctx.store is not None:
            self.ctx.run(backup.automatic, self.ctx.store, "daily", on_error=self._failed)

    def on_close(self) -> None:
        """The backup made when the window closes (waits for it: the store closes right after)."""
        if self.ctx.store is None or self.ctx.store.conn is None:
            return
        try:
            self.ctx.call(backup.automatic, self.ctx.store, "close")
        except Exception as exc:  # never keep a person from closing the window
            log.warning("automatic backup on closing failed: %s", exc)

    def _failed(self, exc) -> None:
        self.failed.emit(self.ctx.error_text(exc))
