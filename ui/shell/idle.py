"""Idle lock: notices when nobody has touched the keyboard or mouse for a while.

A laptop left open at a registration desk must not show people's names to the
next person who walks by, so after the configured idle time the shell locks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

# Events that mean a person is at the machine. Paint, timer and focus events are not.
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.Shortcut,
})


class IdleWatcher(QObject):
    """Application-wide event filter; emits ``idle`` once after ``minutes`` without input (0 = never)."""

    idle = Signal()

    def __init__(self, app, minutes: int = 10, parent=None):
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._active = False
        self._installed = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, int(minutes)) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self._interval = ms
        self._timer.setInterval(max(ms, 1))
        self._restart()

    def interval_ms(self) -> int:
        return self._interval

    def start(self) -> None:
        """Begin watching (when the database is unlocked)."""
        self._active = True
        if not self._installed:
            self._app.installEventFilter(self)
            self._installed = True
        self._restart()

    def stop(self) -> None:
        """Stop watching (when locked: nothing left to protect)."""
        self._active = False
        self._timer.stop()
        if self._installed:
            self._app.removeEventFilter(self)
            self._installed = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def _restart(self) -> None:
        if self._active and self._interval > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if self._active and event.type() in _ACTIVITY:
            self._restart()
        return False
