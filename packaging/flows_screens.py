"""Render the Dashboard and the flow map screenshots (docs/screenshots/{dashboard,map}-{en,ar}.png) from a
throwaway demo database (600 households, 4000 crossing counts), offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/flows_screens.py [OUTPUT_DIR]

Grabbed at 1366x768 less a panel and a title bar, as on a field laptop, once the charts (drawn off the
GUI thread) are on screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker import office  # noqa: E402
from tracker.domain import demo  # noqa: E402
from ui.shell import i18n  # noqa: E402
from ui.shell.context import AppContext  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import SIZE, settle, shoot  # noqa: E402

PASSPHRASE = "olive river morning"


def run(out: Path, language: str, path: Path, app) -> None:
    i18n.install(language)
    store = office.open(path, PASSPHRASE)
    ctx = AppContext(store, language=language)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.start("dashboard")
    settle(app, lambda: "dashboard" in window.pages, 20)
    dashboard = window.pages["dashboard"]
    settle(app, lambda: dashboard.result is not None, 60)  # the data, read off the GUI thread
    shoot(app, window, out / f"dashboard-{language}.png")  # waits for the charts themselves
    flows = window.show_page("flows")
    settle(app, lambda: flows.result is not None, 60)
    flows.select("map")
    shoot(app, window, out / f"map-{language}.png")
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
        path = Path(tmp) / "flows.dtdb"
        store = office.create(path, PASSPHRASE, organisation="Akkar Field Office")
        demo.populate(store, households=600, crossings=4000, seed=2025)
        store.close()
        for language in ("en", "ar"):
            run(out, language, path, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
