"""Screenshots of the Dashboard and the flow map in English and Arabic at 1366x768 (offscreen).

    .venv/bin/python packaging/flows_screens.py docs/screenshots
"""
import os
import sys
import tempfile
import time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import tracker
from tracker import office
from tracker.domain import demo
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from ui.shell import i18n
from ui.shell.context import AppContext
from ui.shell.main_window import MainWindow
path = os.path.join(tempfile.gettempdir(), "dtrack-flows-screens.dtdb")
if not os.path.exists(path):
    s = office.create(path, "screenshot office passphrase", organisation="Akkar Field Office")
    demo.populate(s, households=600, crossings=4000, seed=2025)
    s.close()
out = sys.argv[1]
for lang in ("en", "ar"):
    i18n.install(lang)
    store = office.open(path, "screenshot office passphrase")
    ctx = AppContext(store, language=lang)
    win = MainWindow(ctx)
    win.resize(1366, 768)
    win.show()
    for key, name in (("dashboard", "dashboard"), ("flows", "map")):
        page = win.show_page(key)
        for _ in range(200):
            app.processEvents()
            if getattr(page, "result", None) is not None:
                break
            time.sleep(0.05)
        if key == "flows":
            page.select("map")
        for _ in range(20):
            app.processEvents()
        if hasattr(page, "chart"):
            page.chart.canvas.draw()
        else:
            for v in page.charts.values(): v.canvas.draw()
        app.processEvents()
        win.grab().save(f"{out}/{name}-{lang}.png")
    win.close()
    ctx.worker.wait_idle(); app.processEvents(); ctx.worker.shutdown()
    store.close()
print("ok")
