"""Responsiveness of the household list and crossing tally on a big encrypted store.

``python -m bench ui --day [--import-rows 100000] [--households 200000]``: a field worker's day (see ``day``).

``python -m bench ui [--households 200000] [--db PATH] [--rebuild]`` builds (once, then reuses)
an encrypted store of 200k households / ~1M persons with ``tracker.domain.demo``, then times, offscreen:

* unlock to a shown window (a fresh interpreter: imports, key derivation, first page);
* the first page of the household list (count + one page, as the model does);
* name search: p95 over Arabic and Latin names typed as a registrar would, with variants;
* the longest stall of the GUI event loop while the view scrolls through the list and
  while search text is typed, measured by a 5 ms QTimer whose late firings are the stalls.

Figures go to stdout and are recorded by hand in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401  (encrypted driver first)
from tracker.store.connection import Store  # noqa: E402
from tracker import office

from .common import PASSPHRASE, median, p95  # noqa: E402

DEFAULT_DB = Path(os.environ.get("DTRACK_BENCH_DIR", Path.home() / ".cache" / "dtrack-bench")) / "ui-200k.dtdb"

# What a registrar types: partial names, spelling variants, a transliteration.
SEARCHES = ["احمد", "أحمد", "إحمد", "محمد", "فاطمه", "فاطمة", "عبد الله", "عبدالله", "علي حسن", "خديجة",
            "ahmad", "mohammed", "fatima", "yusuf", "hassan", "مصطفى", "مصطفي", "زينب", "ح", "ab"]


def build_store(path: Path, households: int, seed: int = 2025) -> None:
    from tracker.domain import demo

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()
    start = time.perf_counter()
    store = office.create(path, PASSPHRASE, organisation="Bench NGO", device_name="bench")
    last = [0.0]

    def progress(done, total):
        if time.perf_counter() - last[0] > 10:
            last[0] = time.perf_counter()
            print(f"  building: {done:,}/{total:,}", flush=True)

    figures = demo.populate(store, households=households, crossings=households // 10, seed=seed, progress=progress)
    store.conn.execute("ANALYZE")
    store.close()
    print(f"built {path}: {figures} in {time.perf_counter() - start:.0f} s", flush=True)


# -- measurements -------------------------------------------------------------------------------------
_LAUNCH = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import tracker
from tracker.store.connection import Store
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from ui.shell.context import AppContext
store = office.open(sys.argv[1], sys.argv[2])
t_open = time.perf_counter()
ctx = AppContext(store)
from ui.households.page import HouseholdsPage
page = HouseholdsPage(ctx)
page.resize(1366, 768)
page.show()
app.processEvents()
page.grab()  # forces the first page to be read and painted
t_shown = time.perf_counter()
print(f"{t_open - t0:.3f} {t_shown - t0:.3f} {'matplotlib' in sys.modules}")
page.close_reader()
ctx.worker.shutdown()
"""


def time_launch(path: Path, runs: int = 3) -> tuple[list[float], list[float], bool]:
    opened, shown, charts = [], [], False
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LAUNCH, str(path), PASSPHRASE], capture_output=True, text=True,
                             check=True, cwd=Path(__file__).resolve().parent.parent).stdout.split()
        opened.append(float(out[0]))
        shown.append(float(out[1]))
        charts = charts or out[2] == "True"
    return opened, shown, charts


class StallMonitor:
    """A 5 ms repeating timer; any firing much later than due means the event loop was blocked."""

    def __init__(self, interval_ms: int = 5):
        from PySide6.QtCore import QTimer

        self.interval = interval_ms / 1000
        self.worst = 0.0
        self.stalls: list[float] = []
        self._last = None
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self):
        now = time.perf_counter()
        if self._last is not None:
            late = now - self._last - self.interval
            self.worst = max(self.worst, late)
            if late > 0.1:
                self.stalls.append(late)
        self._last = now

    def start(self):
        self._last = None
        self._timer.start()

    def stop(self):
        self._timer.stop()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench ui")
    ap.add_argument("--households", type=int, default=200_000)
    ap.add_argument("--db", type=Path, default=DEFAULT_DB)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--repeat", type=int, default=5, help="rounds of the search list")
    ap.add_argument("--day", action="store_true", help="a field worker's day: keyboard-only pre-registration, "
                    "stalls during an import, launch to the painted window against a bare one")
    ap.add_argument("--import-rows", type=int, default=100_000)
    args = ap.parse_args(argv)
    if args.day:
        return day(args)
    if args.rebuild or not args.db.exists():
        build_store(args.db, args.households)

    opened, shown, charts = time_launch(args.db)
    print(f"launch to open store        median {median(opened) * 1000:7.0f} ms  (runs: "
          + ", ".join(f"{x * 1000:.0f}" for x in opened) + ")")
    print(f"launch to list page shown   median {median(shown) * 1000:7.0f} ms  (target < 1500; matplotlib "
          f"imported: {charts})")

    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from tracker.domain import queries
    from tracker.domain.queries import HouseholdFilters
    from ui.households.model import HouseholdsModel

    app = QApplication.instance() or QApplication([])
    store = office.open(args.db, PASSPHRASE)
    conn = store.reader()
    n = queries.count_households(conn)
    persons = conn.execute("SELECT count(*) FROM persons WHERE deleted = 0").fetchone()[0]
    print(f"store: {n:,} households, {persons:,} person rows, file {args.db.stat().st_size / 1e6:,.0f} MB")

    # first page: a fresh model (count + one page), as the list does on unlock; cold then warm
    firsts = []
    for _ in range(5):
        t = time.perf_counter()
        model = HouseholdsModel(conn, {})
        model.data(model.index(0, 0))
        firsts.append(time.perf_counter() - t)
    print(f"first page (count + 100 rows) first {firsts[0] * 1000:6.1f} ms, median {median(firsts) * 1000:6.1f} ms "
          "(target < 100)")

    # deep pages and other sort keys
    for key in ("registration_date", "head_name", "origin_adm1", "total"):
        t = time.perf_counter()
        queries.household_page(conn, None, (key, True), offset=n - 150, limit=100)
        deep = time.perf_counter() - t
        print(f"  page near the end, sorted by {key:17} {deep * 1000:6.1f} ms")
    t = time.perf_counter()
    queries.household_page(conn, HouseholdFilters(origin_adm1="SY02", status="active"), None, offset=5000, limit=100)
    print(f"  filtered (origin + status) page at 5,000      {(time.perf_counter() - t) * 1000:6.1f} ms")

    # search: what the list does per keystroke pause (count + first page)
    times = []
    for _ in range(args.repeat):
        for text in SEARCHES:
            t = time.perf_counter()
            f = HouseholdFilters(text=text)
            queries.count_households(conn, f, cap=HouseholdsModel.SEARCH_CAP)
            queries.household_page(conn, f, queries.SEARCH_SORT, 0, 100)
            times.append(time.perf_counter() - t)
    worst = max(zip(times, SEARCHES * args.repeat))
    print(f"name search (count + first page) p95 {p95(times) * 1000:6.1f} ms, median {median(times) * 1000:6.1f} ms, "
          f"worst {worst[0] * 1000:.1f} ms ('{worst[1]}') over {len(times)} (target p95 < 50)")

    # stalls while scrolling and searching in the real page
    from ui.shell.context import AppContext
    from ui.households.page import HouseholdsPage

    ctx = AppContext(store)
    page = HouseholdsPage(ctx)
    page.resize(1366, 768)
    page.show()
    app.processEvents()
    monitor = StallMonitor()
    monitor.start()
    bar = page.view.verticalScrollBar()

    def spin(ms):
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    t = time.perf_counter()
    for step in range(0, 200):  # page-down scrolling, then jumps as a dragged scroll bar makes
        bar.setValue(step * 25)
        spin(10)
    for frac in (0.5, 0.9, 0.1, 1.0, 0.3, 0.75, 0.0):
        bar.setValue(int(bar.maximum() * frac))
        spin(20)
    scroll_s = time.perf_counter() - t
    scroll_worst, scroll_stalls = monitor.worst, len(monitor.stalls)
    monitor.stop()
    monitor = StallMonitor()
    monitor.start()
    for text in ("م", "مح", "محم", "محمد", "محمد ع", "محمد عل", "محمد علي", "", "fat", "fatima", ""):
        page.search.setText(text)
        spin(200)  # the pause after typing lets the debounced search run
    monitor.stop()
    print(f"event-loop stalls scrolling ({scroll_s:.1f} s): worst {scroll_worst * 1000:6.1f} ms, "
          f"{scroll_stalls} over 100 ms")
    print(f"event-loop stalls searching: worst {monitor.worst * 1000:6.1f} ms, {len(monitor.stalls)} over 100 ms")
    page.close_reader()
    ctx.worker.shutdown()
    conn.close()
    store.close()
    QCoreApplication.processEvents()
    return 0


# -- a field worker's day: stalls during an import, launch against a bare window, keyboard-only registration --
_PAINTED = r"""
import os, sys, time
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel, QListWidget, QHBoxLayout, QWidget
app = QApplication(sys.argv[:1])
if sys.argv[1] == "bare":
    class Bare(QMainWindow):
        painted = None
        def paintEvent(self, e):
            super().paintEvent(e)
            Bare.painted = Bare.painted or time.perf_counter()
    w = Bare()
    body = QWidget(); row = QHBoxLayout(body); row.addWidget(QListWidget()); row.addWidget(QLabel("page"), 1)
    w.setCentralWidget(body); w.statusBar().showMessage("ready"); w.resize(1366, 728); w.show()
    while Bare.painted is None:
        app.processEvents()
    print(f"{Bare.painted - t0:.4f} 0")
else:
    import tracker
    from tracker import office
    from ui.shell.context import AppContext
    from ui.shell.main_window import MainWindow
    t_key = time.perf_counter()
    store = office.open(sys.argv[2], sys.argv[3])
    t_key = time.perf_counter() - t_key
    ctx = AppContext(store)
    w = MainWindow(ctx)
    w.resize(1366, 728)
    w.show()
    w.start("dashboard")
    while w.first_painted_at is None:
        app.processEvents()
    print(f"{w.first_painted_at - t0:.4f} {t_key:.4f} {'matplotlib' in sys.modules}")
    ctx.worker.shutdown(); ctx.reader.shutdown()
"""


def time_painted(path: Path, runs: int = 3) -> tuple[list[float], list[float], list[float]]:
    """Launch to the first painted main window (dashboard), and a bare QMainWindow, in fresh interpreters."""
    root = Path(__file__).resolve().parent.parent
    # As installed: pip writes Python's bytecode cache at install and the bundle carries it, so the
    # runs may write it (a shell with PYTHONDONTWRITEBYTECODE would compile every module each run)
    # and a first run of each, not counted, fills it and the page cache.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    ours, keys, bare = [], [], []
    for i in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", _PAINTED, "bare"], capture_output=True, text=True, check=True,
                             cwd=root, env=env).stdout.split()
        mine = subprocess.run([sys.executable, "-c", _PAINTED, "app", str(path), PASSPHRASE], capture_output=True,
                              text=True, check=True, cwd=root, env=env).stdout.split()
        if i == 0:
            continue
        bare.append(float(out[0]))
        ours.append(float(mine[0]))
        keys.append(float(mine[1]))
    return ours, keys, bare


def stall_during_import(rows: int) -> None:
    """Worst event-loop stall while ``rows`` crossing rows are imported on the writer thread and a user
    opens the household form, types a search and switches pages with the keyboard."""
    import random

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tracker.exchange import importer
    from ui.shell.context import AppContext
    from ui.shell.main_window import MainWindow

    from .common import workdir
    from .exchange import _write_crossing_csv

    app = QApplication.instance() or QApplication([])
    work = workdir()
    src = work / "crossings.csv"
    _write_crossing_csv(src, rows, random.Random(5))
    store = office.create(work / "day.dtdb", PASSPHRASE, organisation="Bench NGO")
    ctx = AppContext(store)
    window = MainWindow(ctx)
    window.resize(1366, 728)
    window.show()
    window.show_page("households")

    def spin(ms):
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    # Every page built and the form opened once first: the stall measured is the import's, not a
    # page's first build (the dashboard loads matplotlib when first shown).
    for key in ("dashboard", "crossings", "flows", "households"):
        window.show_page(key)
        spin(100)
    page = window.pages["households"]
    page.new_household("pre").reject()
    while ctx.worker.is_busy():  # the pages' first chart data, read and drawn before the import starts
        spin(50)
    spin(1000)
    # as the program does a few seconds after its window opens (ui/app.py): what exists now is settled
    from ui.shell import collector
    collector.freeze_enabled = True
    collector.settle()
    done = {}
    start = time.perf_counter()
    ctx.run(importer.import_file, store, src, "crossings", on_done=lambda r: done.setdefault("at", time.perf_counter()),
            on_error=lambda e: done.update(at=time.perf_counter(), error=e))
    monitor = StallMonitor()
    monitor.start()
    rounds = 0
    while "at" not in done:
        rounds += 1
        page = window.show_page("households")
        QTest.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        spin(150)
        for form in list(page.forms):
            form._dirty = False
            form.reject()
        QTest.keyClicks(page.search, "ahmad")
        spin(300)
        page.search.clear()
        for key in (Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_1, Qt.Key.Key_2):
            QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
            spin(150)
    monitor.stop()
    if "error" in done:
        raise SystemExit(f"the import failed: {done['error']!r}")
    took = done["at"] - start
    print(f"import of {rows:,} crossing rows took {took:.1f} s while the user worked ({rounds} rounds of: "
          "new household form, search typed, four page switches)")
    print(f"event-loop stall during the import: worst {monitor.worst * 1000:6.1f} ms, "
          f"{len(monitor.stalls)} over 100 ms (goal: worst < 100 ms)")
    window.close()
    ctx.detach()
    ctx.worker.shutdown()
    ctx.reader.shutdown()


# What a trained registrar presses to pre-register one household at the keyboard: Ctrl+N, the head's name
# in Arabic and Latin, Tab past the registration date, the origin typed in part, Tab to the current
# location typed in part, then the counts by sex and age, Enter.
PRE_REGISTRATION = [("keys", "Ctrl+N"), ("type", "head_name_ar", "محمد علي الحسن"), ("key", "Tab"),
                    ("type", "head_name_lat", "Mohammad Ali Al-Hassan"), ("key", "Tab"), ("key", "Tab"),
                    ("type", "origin", "Tartous"), ("key", "Tab"), ("key", "Tab"), ("type", "current", "Akkar"),
                    ("key", "Tab")]
KEYSTROKE_S = 0.3  # a trained registrar's pace, key to key


def keyboard_pre_registration() -> None:
    """Pre-register one household with the keyboard only; the time is keystrokes x 0.3 s + processing."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tracker.domain import households
    from ui.households.page import HouseholdsPage
    from ui.shell.context import AppContext

    from .common import workdir

    app = QApplication.instance() or QApplication([])
    store = office.create(workdir() / "kb.dtdb", PASSPHRASE, organisation="Bench NGO")
    ctx = AppContext(store)
    page = HouseholdsPage(ctx)
    page.resize(1186, 680)
    page.show()
    page.activateWindow()
    app.processEvents()
    page.search.setFocus()
    keys = 0
    busy = 0.0

    def settle():
        nonlocal busy
        t = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        busy += time.perf_counter() - t

    def press(widget, key, mods=Qt.KeyboardModifier.NoModifier):
        nonlocal keys, busy
        t = time.perf_counter()
        QTest.keyClick(widget, key, mods)
        busy += time.perf_counter() - t
        keys += 1 + bin(mods.value).count("1")
        settle()

    def type_text(widget, text):
        nonlocal keys, busy
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        t = time.perf_counter()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        busy += time.perf_counter() - t
        keys += len(text)
        settle()

    press(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.forms[-1]
    settle()
    type_text(form.head_name_ar, "محمد علي الحسن")
    press(form.head_name_ar, Qt.Key.Key_Tab)
    type_text(form.head_name_lat, "Mohammad Ali Al-Hassan")
    for widget, text in ((form.origin.combo.lineEdit(), "Tartous"), (form.current.combo.lineEdit(), "Akkar")):
        widget.setFocus()
        keys += 2  # the Tabs that reach it
        type_text(widget, text)
        press(widget, Qt.Key.Key_Tab)
    # the counts: one man and one woman 18-59, two girls 5-11, a boy 0-4 (a digit and a Tab each)
    counts = {"m_18_59": "1", "f_18_59": "1", "f_5_11": "2", "m_0_4": "1"}
    for field, digits in counts.items():
        box = form.counts.boxes[field] if hasattr(form.counts, "boxes") else None
        if box is None:
            break
        box.setFocus()
        keys += 1  # the Tab that reaches it
        box.selectAll()
        type_text(box, digits)
    press(form.registration_date, Qt.Key.Key_Return)
    t = time.perf_counter()
    while form.isVisible() and time.perf_counter() - t < 10:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    busy += time.perf_counter() - t
    saved = households.get(store, form.household_id) if form.household_id else None
    total = keys * KEYSTROKE_S + busy
    print(f"keyboard-only pre-registration: {keys} keystrokes x {KEYSTROKE_S} s + {busy:.2f} s processing = "
          f"{total:.1f} s (goal < 60 s); saved: {bool(saved)}, people counted: {saved and saved.get('total')}")
    page.close_reader()
    ctx.detach()
    ctx.worker.shutdown()
    ctx.reader.shutdown()


def day(args) -> int:
    keyboard_pre_registration()
    stall_during_import(args.import_rows)
    if args.rebuild or not args.db.exists():
        build_store(args.db, args.households)
    ours, keys, bare = time_painted(args.db, runs=5)
    print(f"launch to painted main window ({args.households:,} households): median {median(ours) * 1000:6.0f} ms "
          f"(of which unlocking {median(keys) * 1000:.0f} ms); bare Qt main window {median(bare) * 1000:6.0f} ms; "
          f"ratio {median(ours) / median(bare):.1f}x (goal <= 4x), without the unlocking "
          f"{(median(ours) - median(keys)) / median(bare):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
