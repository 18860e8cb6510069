"""After a sync bundle (or an import) brings households in, the likely duplicates reach the review
queue by themselves: the scan reads on its own thread while the writer goes on saving, shows its
progress in the status bar and stops on Cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.core.sync_devices import new_device, pre_household
from tracker.domain import households
from tracker.matching import decisions
from tracker.sync import bundle, identity
from ui.shell import i18n
from ui.shell.main_window import MainWindow
from ui.sync.page import SyncPage

from .records_support import settle
from .test_matching_ui import _family


@pytest.fixture
def arrived(tmp_path, ctx):
    """A bundle from a trusted office holding the same family as one registered here, spelt its way."""
    _family(ctx.store, "ظافر", "مأمون", "الرئيس", members=[("رهف", "f", 8, {})], lat=("Zafer", "Al-Rais"))
    other = new_device(tmp_path, "akkar")
    identity.add_peer(other, ctx.call(identity.own_identity, ctx.store))
    ctx.call(identity.add_peer, ctx.store, identity.own_identity(other))
    _family(other, "ظافر", "مامون", "رئيس", age=41, members=[("رهف", "f", 9, {})], lat=("Dhafer", "Rais"))
    path = tmp_path / "from-akkar.dtb"
    bundle.export_bundle(other, path, for_device=ctx.store.device_id)
    yield path
    other.close()


def _window_and_sync_page(qtbot, ctx, path, monkeypatch):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 706)
    window.show()
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    monkeypatch.setattr(page, "ask_file", lambda *a: str(path))
    settle(qtbot, ctx)
    return window, page


def _queued(ctx):
    return ctx.call(lambda s: s.conn.execute("SELECT count(*) FROM match_queue WHERE tbl = 'households'")
                    .fetchone()[0], ctx.store)


FOUND = {"en": "3 possible duplicate pairs to review in Matching (Ctrl+7).",
         "ar": "3 أزواج محتملة من التكرارات للمراجعة في المطابقة (Ctrl+7)."}
LOOKING = {"en": "Looking for duplicates…", "ar": "جارٍ البحث عن التكرارات…"}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_received_bundle_fills_the_review_queue_while_the_writer_stays_free(qtbot, ctx, arrived, monkeypatch,
                                                                              language):
    i18n.install(language)
    ctx.language = language
    held, release = threading.Event(), threading.Event()
    real = decisions.find_pairs

    def find_pairs_when_released(conn, tbl, **kw):
        held.set()
        assert release.wait(20)
        return real(conn, tbl, **kw)
    monkeypatch.setattr(decisions, "find_pairs", find_pairs_when_released)
    window, page = _window_and_sync_page(qtbot, ctx, arrived, monkeypatch)
    scan = window.duplicate_scan
    assert _queued(ctx) == 0 and not scan.label.isVisible()

    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "akkar" in page.result.text(), timeout=10000)  # "Imported from akkar: …"
    qtbot.waitUntil(held.is_set, timeout=10000)  # the scan reads now, on its own thread
    assert scan.running and scan.label.isVisible() and scan.cancel_button.isVisible()
    assert scan.label.text() == LOOKING[language]
    for widget in (scan.label, scan.cancel_button, window.file_label):  # nothing squeezed out at 1366 wide
        assert widget.width() >= widget.sizeHint().width(), widget
    # a registrar saves meanwhile: the writer is not held by the scan
    saved = ctx.call(pre_household, ctx.store, "سعاد")
    assert ctx.call(households.get, ctx.store, saved)["head_name_ar"] == "سعاد"
    release.set()
    qtbot.waitUntil(lambda: not scan.running, timeout=20000)
    assert _queued(ctx) == 1  # the household the bundle brought, without pressing Find
    persons = ctx.call(lambda s: s.conn.execute("SELECT count(*) FROM match_queue WHERE tbl = 'persons'")
                       .fetchone()[0], ctx.store)
    assert persons == 2  # its head and the daughter
    assert not scan.label.isVisible()
    assert window.statusBar().currentMessage() == FOUND[language]


def test_cancel_in_the_status_bar_stops_the_scan_and_adds_nothing(qtbot, ctx, arrived, monkeypatch):
    held, release = threading.Event(), threading.Event()
    real = decisions.find_pairs

    def find_pairs_when_released(conn, tbl, **kw):
        held.set()
        release.wait(20)
        return real(conn, tbl, **kw)
    monkeypatch.setattr(decisions, "find_pairs", find_pairs_when_released)
    window, page = _window_and_sync_page(qtbot, ctx, arrived, monkeypatch)
    scan = window.duplicate_scan
    QTest.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held.is_set, timeout=10000)
    QTest.mouseClick(scan.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not scan.running, timeout=20000)
    settle(qtbot, ctx)
    assert _queued(ctx) == 0 and not scan.label.isVisible()
    assert window.statusBar().currentMessage() == ""
