"""Python's garbage collector, run on the GUI thread only.

Python frees objects caught in reference cycles whenever *any* thread happens to allocate enough:
the writer thread in an import, the chart thread drawing. When such a cycle holds a page or a dialog,
its Qt object is then destroyed on that thread, and Qt objects destroyed off the GUI thread crash the
program later, in the event loop (a timer of a window that is gone). So the automatic collector is
switched off and this timer on the GUI thread does the same work at the same thresholds.

A full collection looks at every object the program holds: with the window, Qt's wrappers,
matplotlib and numpy loaded, 35-50 ms on a 2-core laptop, a visible stall each time it falls
during an import. So once the window is built and its first charts drawn, what exists then is
*settled*: collected once, then frozen (``gc.freeze``), so later full collections look only at
what came after. Closing the window (lock, language switch) thaws it first, so the closed window
is freed by the next collection, on this thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200
SETTLE_AFTER_MS = 3000  # from the window's first paint: its pages built and the first charts drawn
freeze_enabled = False  # set by the program (and the benchmark); tests build and drop windows freely


class GuiThreadCollector(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.thresholds = gc.get_threshold()

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def check(self) -> None:
        """Collect as the automatic collector would have by now: the young generation once enough was
        allocated, the middle one when that would have happened ten times, the oldest every tenth of those."""
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.thresholds
        if c0 <= t0:
            return
        middle_due = c1 + c0 // max(1, t0) > t1
        gc.collect(2 if middle_due and c2 + 1 > t2 else 1 if middle_due else 0)


_installed: GuiThreadCollector | None = None


def settle() -> bool:
    """Collect once, then freeze what survives (the window now open, the libraries loaded), so later
    full collections stay short. Returns whether it froze anything."""
    if _installed is None or not freeze_enabled:
        return False
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count() > 0


def thaw() -> None:
    """Before a window is closed: make its objects collectable again (the next collection, on the
    GUI thread, frees what the closed window left in cycles)."""
    if gc.get_freeze_count():
        gc.unfreeze()


def install(app) -> GuiThreadCollector:
    """Once per program, on the GUI thread, after the QApplication exists."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
        _installed.start()
    return _installed
