"""Shared UI fixtures: an AppContext over a real encrypted store, private preferences, leak checks.

Every test starts in English and left-to-right, with no translators installed,
whatever the test before it switched to.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication

from ui.shell import i18n
from ui.shell.app_settings import AppSettings
from ui.shell.context import AppContext


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Fail a test that leaves a visible top-level window behind (pytest-qt closes those it was given)."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    yield
    QApplication.processEvents()
    gc.collect()  # here, on the GUI thread: what the test dropped is freed now, not on a worker later
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
    for w in leaked:
        w.close()
    assert not leaked, f"windows left open: {[type(w).__name__ + ':' + w.objectName() for w in leaked]}"


@pytest.fixture(autouse=True)
def english(qapp):
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def app_settings(tmp_path):
    return AppSettings(tmp_path / "preferences.ini")


@pytest.fixture
def ctx(store, app_settings):
    """An unlocked AppContext over the test's store; the worker thread is stopped afterwards."""
    context = AppContext(store, language="en")
    context.app_settings = app_settings
    yield context
    context.worker.wait_idle()
    QApplication.processEvents()
    context.worker.shutdown()
    context.reader.shutdown()


@pytest.fixture
def bare_ctx(app_settings):
    """A locked AppContext (no store yet), as the app starts."""
    context = AppContext(language="en")
    context.app_settings = app_settings
    yield context
    context.detach()
    context.worker.shutdown()
    context.reader.shutdown()


@pytest.fixture
def shell(qtbot, qapp, tmp_path, app_settings):
    """The whole app as launched: start screen first, default and demo files under tmp_path/office."""
    from ui.app import Shell

    s = Shell(qapp, app_settings, language="en", default_path=tmp_path / "office" / "tracker.dtdb",
              demo_path=tmp_path / "office" / "demo.dtdb")
    qtbot.addWidget(s.start)
    s.show_start()
    yield s
    if s.window is not None:
        s._close_window()
    s.start.close()
    s.shutdown()
    QApplication.processEvents()
