"""The shell walked as a user would: first run, unlock, navigate, lock by hand and by idle time, demo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from tracker import office
from ui.shell.main_window import PAGES, Placeholder

PASS = "river crossing at dawn"


def wait_unlocked(qtbot, shell):
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)
    # counts arrive from the worker thread
    qtbot.waitUntil(lambda: "Households:" in shell.window.counts_label.text(), timeout=5000)


def create_through_wizard(qtbot, shell, passphrase=PASS):
    start = shell.start
    assert not start.unlock_button.isEnabled()  # nothing to unlock yet
    assert "No database here yet" in start.file_state.text()
    qtbot.mouseClick(start.create_button, Qt.MouseButton.LeftButton)
    wizard = start.wizard
    assert wizard.isVisible()
    office = wizard.office
    assert not office.isComplete()
    qtbot.keyClicks(office.organisation, "Akkar Relief Network")
    office.device_name.setText("desk-1")
    office.country.setCurrentIndex(office.country.findData("LBN"))
    assert office.isComplete()
    wizard.next()
    secret = wizard.secret
    qtbot.keyClicks(secret.passphrase, "short")
    assert not secret.isComplete()
    assert "At least 10 characters" in secret.hint.text()
    secret.passphrase.setText(passphrase)
    qtbot.keyClicks(secret.confirm, passphrase[:-1] + "X")
    assert "differ" in secret.mismatch.text()
    assert not secret.isComplete()
    secret.confirm.setText(passphrase)
    assert secret.isComplete() and secret.mismatch.text() == ""
    assert "Strength" in secret.hint.text()
    wizard.next()
    assert "Akkar Relief Network" in wizard.ready.summary.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_first_run_create_navigate_lock_unlock(qtbot, shell, tmp_path):
    create_through_wizard(qtbot, shell)
    wait_unlocked(qtbot, shell)
    db = tmp_path / "office" / "tracker.dtdb"
    assert shell.ctx.store.path == db and shell.ctx.store.organisation == "Akkar Relief Network"
    assert not shell.start.isVisible()
    window = shell.window
    assert window.file_label.text() == "tracker.dtdb"
    assert "Households: 0" in window.counts_label.text()
    assert window.sync_label.text() == "Last sync: never"
    assert shell.settings.get("recent_files")[0] == str(db)

    # every page can be reached with its shortcut; each is built once, on first visit
    for spec in PAGES:
        window.go_actions[spec.key].trigger()
        assert window.current_key() == spec.key
        assert spec.key in window.pages
    assert window.findChild(type(window.pages["settings"]), "SettingsPage") is not None

    # lock: the window and its pages are destroyed, the store is closed, the start screen is back
    window.lock_action.trigger()
    assert shell.window is None and shell.ctx.store is None
    assert shell.start.isVisible()
    assert "Locked" in shell.start.notice.text()
    assert shell.start.selected_path() == db

    # a wrong passphrase says so and changes nothing
    qtbot.keyClicks(shell.start.passphrase, "wrong words")
    qtbot.keyClick(shell.start.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.start.error.isVisible(), timeout=5000)
    assert "Wrong passphrase" in shell.start.error.text()
    assert shell.window is None
    # the next try waits a moment (longer after each wrong one), Enter included
    assert not shell.start.unlock_button.isEnabled() and "Wait a moment" in shell.start.error.text()
    qtbot.keyClick(shell.start.passphrase, Qt.Key.Key_Return)
    assert shell.window is None and shell.start._job is None
    qtbot.waitUntil(lambda: shell.start.unlock_button.isEnabled(), timeout=3000)

    shell.start.passphrase.setText(PASS)
    qtbot.mouseClick(shell.start.unlock_button, Qt.MouseButton.LeftButton)
    wait_unlocked(qtbot, shell)
    assert shell.start.passphrase.text() == ""  # the passphrase does not linger in the widget


def test_ctrl_l_locks(qtbot, shell, tmp_path, passphrase):
    office.create(tmp_path / "office" / "tracker.dtdb", passphrase, organisation="NGO").close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    qtbot.keyClicks(shell.start.passphrase, passphrase)
    shell.start.unlock()
    wait_unlocked(qtbot, shell)
    window = shell.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shell.window is None)
    assert shell.ctx.store is None and shell.start.isVisible()


def test_idle_lock(qtbot, shell, tmp_path, passphrase):
    office.create(tmp_path / "office" / "tracker.dtdb", passphrase).close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    shell.start.passphrase.setText(passphrase)
    shell.start.unlock()
    wait_unlocked(qtbot, shell)
    assert shell.idle.is_running()  # default: 10 minutes
    shell.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: shell.window is None, timeout=3000)
    assert shell.ctx.store is None
    assert "without use" in shell.start.notice.text()
    assert not shell.idle.is_running()  # nothing to protect while locked


def test_idle_lock_zero_means_never(qtbot, shell):
    shell.settings.set("idle_lock_minutes", 0)
    shell.ctx.settings_changed.emit("idle_lock_minutes")
    shell.idle.start()
    assert shell.idle.interval_ms() == 0 and not shell.idle.is_running()


def test_demo_database(qtbot, shell, tmp_path):
    demo = tmp_path / "office" / "demo.dtdb"
    assert "passphrase: demo" in shell.start.demo_hint.text()
    qtbot.mouseClick(shell.start.demo_button, Qt.MouseButton.LeftButton)
    wait_unlocked(qtbot, shell)
    assert shell.ctx.store.path == demo
    assert "Households: 300" in shell.window.counts_label.text()
    shell.lock()
    # the second time the demo is opened, not made again
    shell.start.open_demo()
    wait_unlocked(qtbot, shell)
    assert "Households: 300" in shell.window.counts_label.text()


def test_status_bar_follows_writes_and_last_sync(qtbot, shell, tmp_path, passphrase):
    from tracker.domain import gazetteer

    store = office.create(tmp_path / "office" / "tracker.dtdb", passphrase)
    store.set_meta("last_sync", "2025-03-20T09:15:00+00:00")
    store.close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    shell.start.passphrase.setText(passphrase)
    shell.start.unlock()
    wait_unlocked(qtbot, shell)
    assert "2025-03-2" in shell.window.sync_label.text()
    before = shell.window._counts["locations"]
    shell.ctx.call(gazetteer.add_location, shell.ctx.store,
                   {"name_en": "Wadi ford", "kind": "informal_crossing", "parent": "LB51", "country": "LBN"})
    qtbot.waitUntil(lambda: shell.window._counts["locations"] == before + 1, timeout=3000)


def test_a_missing_page_is_an_error_and_a_failing_page_is_readable(qtbot, ctx, monkeypatch):
    import types
    import sys

    from ui.shell.main_window import MainWindow, build_page

    with pytest.raises(ModuleNotFoundError):
        build_page(ctx, "ui.no_such_page", "NoSuchPage")

    class BrokenPage:
        def __init__(self, ctx, parent=None):
            raise RuntimeError("the chart cache is damaged")

    monkeypatch.setitem(sys.modules, "ui.broken_page", types.SimpleNamespace(BrokenPage=BrokenPage))
    page = build_page(ctx, "ui.broken_page", "BrokenPage")
    assert isinstance(page, Placeholder) and "the chart cache is damaged" in page.text()
    page.deleteLater()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    exchange = window.show_page("exchange")
    assert exchange.count() == 2  # import/export and sync tabs
    exchange.setCurrentIndex(1)
    assert exchange.widget(1).property("built")
    lines = dict((text, key) for key, text in window.shortcut_lines())
    assert lines["Lock now"] == "Ctrl+L" and lines["Settings"] == "Ctrl+6"


def test_open_another_file_with_browse(qtbot, shell, tmp_path, passphrase, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "usb" / "field-office.dtdb"
    office.create(other, passphrase).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    qtbot.mouseClick(shell.start.browse, Qt.MouseButton.LeftButton)
    assert shell.start.selected_path() == other and shell.start.unlock_button.isEnabled()
    shell.start.passphrase.setText(passphrase)
    shell.start.unlock()
    wait_unlocked(qtbot, shell)
    assert shell.settings.get("last_db") == str(other)


def test_closing_the_window_quits_and_closes_the_store(qtbot, shell, tmp_path, passphrase):
    office.create(tmp_path / "office" / "tracker.dtdb", passphrase).close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    shell.start.passphrase.setText(passphrase)
    shell.start.unlock()
    wait_unlocked(qtbot, shell)
    store = shell.ctx.store
    shell.window.close()  # the title bar's close button
    assert shell.window is None and shell.ctx.store is None and store.conn is None
    assert not shell.start.isVisible()


def test_the_window_shows_what_another_program_saved(qtbot, ctx, db_path, passphrase):
    """A household saved by dtrack while the window is open appears without any click."""
    import subprocess
    import sys
    import textwrap

    seen = []
    ctx.data_changed.connect(lambda table, ids: seen.append(table))
    script = textwrap.dedent(f"""
        import tracker
        from tracker import office
        from tracker.domain import households
        with office.open({str(db_path)!r}, {passphrase!r}) as s:
            households.register_pre(s, {{"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                         "head_name_ar": "من سطر الأوامر", "f_18_59": 1}})
    """)
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60).returncode == 0
    qtbot.waitUntil(lambda: "households" in seen, timeout=8000)
