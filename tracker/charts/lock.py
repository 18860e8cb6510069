"""One lock for matplotlib: it is not safe to draw on two threads at once (shared font and text
caches; a report written on the writer thread while the window draws a chart crashed the program).
Whoever builds, draws or saves a figure holds it."""

from __future__ import annotations

import threading

matplotlib_lock = threading.RLock()
