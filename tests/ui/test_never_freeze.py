"""While the writer is busy for a long time (an import, a sync), the window keeps working: pages,
forms, history and counts read through their own connection and never wait for the writer."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.domain import crossings
from ui.shell.main_window import MainWindow

from .records_support import four_member_household


def test_pages_forms_and_counts_work_while_the_writer_is_busy(qtbot, ctx):
    hid = four_member_household(ctx.store)
    crossings.record_count(ctx.store, {"crossing_pcode": "XLB-MSN", "direction": "in", "f_18_59": 2,
                                       "counted_at": time.strftime("%Y-%m-%dT%H:%M")})
    release = threading.Event()
    ctx.run(lambda: release.wait(30))  # the writer is now busy (a long import, say)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 700)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.refresh_status()
        started = time.monotonic()
        qtbot.waitUntil(lambda: "Households: 1" in window.counts_label.text(), timeout=3000)

        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Crossings
        page = window.pages["crossings"]
        qtbot.waitUntil(lambda: page.today.rowCount() == 1, timeout=3000)

        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Households
        households = window.pages["households"]
        qtbot.keyClicks(households.search, "Ahmad")
        qtbot.waitUntil(lambda: households.model.rowCount() == 1, timeout=3000)
        households.view.setFocus()
        households.view.selectRow(0)
        qtbot.keyClick(households.view, Qt.Key.Key_Return)  # open the household
        qtbot.waitUntil(lambda: len(households.forms) == 1, timeout=3000)
        form = households.forms[0]
        assert form.household_id == hid and form.members.rowCount() == 4
        form.show_history()
        from ui.widgets.history_dialog import HistoryDialog

        history = form.findChild(HistoryDialog)
        assert history is not None and history.entries  # the audit trail, read while the writer is busy
        history.close()
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        qtbot.keyClick(households.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new household
        qtbot.waitUntil(lambda: any(f.household_id is None for f in households.forms), timeout=3000)
        assert time.monotonic() - started < 10
        assert ctx.worker.is_busy()  # all of it while the writer was still busy
    finally:
        release.set()
        for form in list(window.pages["households"].forms) if "households" in window.pages else []:
            form._dirty = False
            form.close()


def _count(n: int) -> dict:
    return {"crossing_pcode": "XLB-MSN", "direction": "in", "f_18_59": n, "counted_at": "2025-03-09T10:00"}


def test_commits_the_window_missed_arrive_as_one_event_per_table(qtbot, ctx):
    """An import commits batch after batch while the window is busy. Each commit used to queue its
    own delivery, and the window then ran them back to back: 50 of them froze it for 100 ms."""
    from tracker.domain import households

    seen = []
    ctx.data_changed.connect(lambda table, ids: seen.append((table, list(ids))))

    def forty_saves(store):
        saved = [crossings.record_count(store, _count(i + 1)) for i in range(40)]  # 40 transactions
        households.register_pre(store, {"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                        "head_name_ar": "أسرة بعد الدفعات", "f_18_59": 1})
        return saved

    saved = ctx.call(forty_saves, ctx.store)  # the GUI thread waits here, taking no events
    qtbot.waitUntil(lambda: any(table == "households" for table, _ in seen), timeout=5000)
    QApplication.processEvents()
    counts = [ids for table, ids in seen if table == "crossing_counts"]
    assert len(counts) == 1, f"{len(counts)} deliveries for one burst of commits"
    assert sorted(counts[0]) == sorted(saved)  # a few ids: each one named
    assert crossings.list_for_day(ctx.store, "2025-03-09")[0]["total"] == 40


def test_a_burst_of_many_rows_says_the_table_changed_without_listing_them(qtbot, ctx):
    seen = []
    ctx.data_changed.connect(lambda table, ids: seen.append((table, list(ids))))
    many = [f"id-{i}" for i in range(3 * ctx._relay.MAX_IDS)]
    writer = threading.Thread(target=lambda: [ctx._relay.forward("crossing_counts", many[i::3]) for i in range(3)])
    writer.start()
    writer.join()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    QApplication.processEvents()
    assert seen == [("crossing_counts", [])]  # "anything in this table may have changed"
