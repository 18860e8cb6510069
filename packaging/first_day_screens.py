"""Render the first-day screenshots (docs/screenshots/first-day-*-{en,ar}.png): what the window shows on the
first day of an emergency, when one crossing point has counted three groups, 14 people.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/first_day_screens.py [OUTPUT_DIR]

Grabbed at 1366x768 less a panel and a title bar, as on a field laptop.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker import office  # noqa: E402
from tracker.domain import crossings  # noqa: E402
from ui.shell import i18n  # noqa: E402
from ui.shell.context import AppContext  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import settle, shoot  # noqa: E402

SIZE = (1366, 768 - 32 - 30)
# Three groups at the Wadi Khaled section of the Nahr al-Kabir this morning: 14 people.
GROUPS = ({"f_18_59": 2, "m_18_59": 1, "f_5_11": 2, "m_0_4": 1, "vuln_medical": 1},
          {"f_18_59": 1, "m_18_59": 2, "m_12_17": 1, "f_60plus": 1},
          {"f_18_59": 1, "f_0_4": 1, "m_5_11": 1})


def fill(store) -> None:
    today = dt.date.today().isoformat()
    for minute, group in zip((8, 9, 11), GROUPS):
        crossings.record_count(store, {"crossing_pcode": "XLB-NKR-WKH", "direction": "in",
                                       "counted_at": f"{today}T{minute:02d}:15", "origin_pcode": "SY04",
                                       "destination_pcode": "LB51", **group})


def run(out: Path, language: str, path: Path, app) -> None:
    i18n.install(language)
    store = office.open(path, "olive river morning")
    ctx = AppContext(store, language=language)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.start("dashboard")
    settle(app, lambda: "dashboard" in window.pages, 20)
    settle(app, seconds=3.0)
    shoot(app, window, out / f"first-day-dashboard-{language}.png")
    window.show_page("crossings")
    settle(app, lambda: window.pages["crossings"].today.rowCount() == len(GROUPS), 10)
    shoot(app, window, out / f"first-day-crossings-{language}.png")
    window.closing_by_shell = True
    window.close()
    ctx.detach()
    ctx.worker.shutdown()
    ctx.reader.shutdown()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    i18n.load_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "first-day.dtdb"
        store = office.create(path, "olive river morning", organisation="Akkar Relief Network")
        fill(store)
        store.close()
        for language in ("en", "ar"):
            run(out, language, path, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
