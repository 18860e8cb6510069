"""Screenshots of a coordinator's Dashboard showing received summaries, English and Arabic, 1366x768 offscreen.

Three field offices (demo data, different seeds) send summary bundles to a coordinator office.

    .venv/bin/python packaging/coordinator_screens.py docs/screenshots
"""
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
import tracker  # noqa: E402,F401
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker.domain import demo  # noqa: E402
from tracker import office  # noqa: E402
from tracker.sync import identity, summary_bundle  # noqa: E402

app = QApplication(sys.argv)
from ui.shell import i18n  # noqa: E402
from ui.shell.context import AppContext  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

folder = Path(tempfile.mkdtemp(prefix="dtrack-coordinator-"))
coord = office.create(folder / "coordinator.dtdb", "screenshot office passphrase", organisation="Inter-Sector Coordination",
                     device_name="coordination-laptop")
demo.populate(coord, households=100, crossings=300, seed=7)
identity.ensure_identity(coord)
for i, (name, org) in enumerate((("tripoli-1", "Amel Association"), ("akkar-2", "NRC Akkar"),
                                 ("hermel-1", "Hermel Relief"))):
    field = office.create(folder / f"{name}.dtdb", "screenshot office passphrase", organisation=org, device_name=name)
    demo.populate(field, households=200, crossings=900, seed=100 + i)
    identity.ensure_identity(field)
    identity.add_peer(coord, identity.own_identity(field))
    identity.add_peer(field, identity.own_identity(coord))  # summaries are encrypted to a trusted coordinator
    summary_bundle.export_summary(field, folder / f"{name}.dtb", for_device=coord.device_id)
    summary_bundle.import_summary(coord, folder / f"{name}.dtb")
    field.close()
coord.close()

out = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "docs" / "screenshots")
for lang in ("en", "ar"):
    i18n.install(lang)
    store = office.open(folder / "coordinator.dtdb", "screenshot office passphrase")
    ctx = AppContext(store, language=lang)
    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    page = win.show_page("dashboard")
    page.switch.summaries.setChecked(True)
    for _ in range(400):
        app.processEvents()
        if page.result is not None and page.result.get("source") == "summaries":
            break
        time.sleep(0.05)
    for _ in range(20):
        app.processEvents()
    for view in page.charts.values():
        view.canvas.draw()
    app.processEvents()
    win.grab().save(f"{out}/coordinator-{lang}.png")
    win.close()
    ctx.worker.wait_idle()
    app.processEvents()
    ctx.worker.shutdown()
    store.close()
print("ok")
