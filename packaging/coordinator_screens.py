"""Render a coordinator's Dashboard showing received summaries (docs/screenshots/coordinator-{en,ar}.png),
offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/coordinator_screens.py [OUTPUT_DIR]

Three field offices (demo data, different seeds) send summary bundles to a coordinator's practice
database (demo data too: only such a database takes demo summaries). Grabbed at 1366x768 less a panel
and a title bar, as on a field laptop, once the charts (drawn off the GUI thread) are on screen.
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
from tracker.sync import identity, summary_bundle  # noqa: E402
from ui.shell import i18n  # noqa: E402
from ui.shell.context import AppContext  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import SIZE, settle, shoot  # noqa: E402

PASSPHRASE = "olive river morning"
OFFICES = (("tripoli-1", "Amel Association"), ("akkar-2", "NRC Akkar"), ("hermel-1", "Hermel Relief"))


def make_coordinator(folder: Path) -> Path:
    """A coordinator that has received one summary from each of three field offices."""
    path = folder / "coordinator.dtdb"
    coord = office.create(path, PASSPHRASE, organisation="Inter-Sector Coordination",
                          device_name="coordination-laptop")
    demo.populate(coord, households=100, crossings=300, seed=7)
    identity.ensure_identity(coord)
    for i, (name, organisation) in enumerate(OFFICES):
        field = office.create(folder / f"{name}.dtdb", PASSPHRASE, organisation=organisation, device_name=name)
        demo.populate(field, households=200, crossings=900, seed=100 + i)
        identity.ensure_identity(field)
        identity.add_peer(coord, identity.own_identity(field))
        identity.add_peer(field, identity.own_identity(coord))  # summaries are encrypted to a trusted coordinator
        summary_bundle.export_summary(field, folder / f"{name}.dtb", for_device=coord.device_id)
        summary_bundle.import_summary(coord, folder / f"{name}.dtb")
        field.close()
    coord.close()
    return path


def run(out: Path, language: str, path: Path, app) -> None:
    i18n.install(language)
    store = office.open(path, PASSPHRASE)
    ctx = AppContext(store, language=language)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.start("dashboard")
    settle(app, lambda: "dashboard" in window.pages, 20)
    page = window.pages["dashboard"]
    settle(app, lambda: page.switch.isVisible(), 60)  # shown once the received summaries are known
    page.switch.summaries.click()  # as the coordinator does: "Received summaries"
    settle(app, lambda: page.result is not None and page.result.get("source") == "summaries", 60)
    shoot(app, window, out / f"coordinator-{language}.png")  # waits for the charts themselves
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
        path = make_coordinator(Path(tmp))
        for language in ("en", "ar"):
            run(out, language, path, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
