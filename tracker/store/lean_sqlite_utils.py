"""sqlite-utils loaded without numpy and pandas.

sqlite-utils imports numpy and pandas, when installed, only to map their number and time types
to column types. The store never hands it numpy or pandas values, and loading numpy costs
0.1-0.3 s of every unlock on a 2-core laptop (the charts load it later, after the window is
painted). So sqlite-utils is loaded here with the two hidden; afterwards they import normally.
Imported before sqlite-utils by the modules that use it (``connection``, ``schema``).
"""

from __future__ import annotations

import sys
import threading

HIDDEN = ("numpy", "pandas")
_lock = threading.Lock()


def load() -> None:
    with _lock:
        if "sqlite_utils.db" in sys.modules:
            return
        hidden = [m for m in HIDDEN if m not in sys.modules]
        for m in hidden:
            sys.modules[m] = None  # an import of it raises ImportError, which sqlite-utils expects
        try:
            import sqlite_utils.db  # noqa: F401
        finally:
            for m in hidden:
                if sys.modules.get(m, 0) is None:
                    del sys.modules[m]


load()
