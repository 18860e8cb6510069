"""Settings page (idle lock, places), the preferences file, the passphrase hint, and start-up weight."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from tracker.domain import gazetteer
from ui.shell.app_settings import MAX_RECENT, AppSettings
from ui.shell.first_run_wizard import passphrase_strength
from ui.shell.gazetteer_settings import UserLocationsModel
from ui.shell.settings_page import SettingsPage


@pytest.fixture
def page(qtbot, ctx):
    p = SettingsPage(ctx)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: p.gazetteer.fields["parent"].count() > 1, timeout=5000)
    return p


def test_add_place_shows_inline_errors_then_adds(qtbot, page, ctx):
    panel = page.gazetteer
    assert panel.model.rowCount() == 0 and panel.empty.isVisible()
    # nothing filled in: the form says what is missing, next to each field, and nothing is written
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.errors["name_en"].isVisible(), timeout=5000)
    assert panel.errors["parent"].isVisible() and "required" in panel.errors["parent"].text()
    assert gazetteer.user_added(ctx.store) == []
    # half a coordinate is refused too
    qtbot.keyClicks(panel.fields["name_en"], "Wadi Khaled ford")
    panel.fields["parent"].setCurrentIndex(panel.fields["parent"].findData("LB51"))
    qtbot.keyClicks(panel.fields["lat"], "34.6")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.errors["lon"].isVisible(), timeout=5000)
    assert not panel.errors["name_en"].isVisible()
    assert gazetteer.user_added(ctx.store) == []
    qtbot.keyClicks(panel.fields["lon"], "36.1")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    added = gazetteer.user_added(ctx.store)[0]
    assert added["name_en"] == "Wadi Khaled ford" and added["parent"] == "LB51" and added["kind"] == "informal_crossing"
    assert "Added Wadi Khaled ford" in panel.result.text()
    assert panel.fields["name_en"].text() == ""
    assert panel.model.index(0, 2).data() == "Akkar"  # parent shown by name
    assert not panel.empty.isVisible()


def test_parent_choices_follow_the_country(page):
    panel = page.gazetteer
    lebanon = {panel.fields["parent"].itemData(i) for i in range(1, panel.fields["parent"].count())}
    panel.fields["country"].setCurrentIndex(panel.fields["country"].findData("SYR"))
    syria = {panel.fields["parent"].itemData(i) for i in range(1, panel.fields["parent"].count())}
    assert "LB51" in lebanon and "LB51" not in syria and "SY01" in syria


def test_idle_minutes_are_saved_and_announced(qtbot, page, ctx):
    with qtbot.waitSignal(ctx.settings_changed) as signal:
        page.idle.setValue(3)
    assert signal.args == ["idle_lock_minutes"]
    assert ctx.app_settings.get("idle_lock_minutes") == 3
    page.idle.setValue(0)
    assert page.idle.text() == "Never"


def test_user_locations_model_passes_the_model_tester(qtmodeltester, store):
    gazetteer.add_location(store, {"name_en": "Ford", "name_ar": "مخاضة", "kind": "informal_crossing",
                                   "parent": "LB51", "country": "LBN"})
    gazetteer.add_location(store, {"name_ar": "مدرسة حلبا", "kind": "site", "parent": "LB51", "country": "LBN"})
    model = UserLocationsModel("ar")
    qtmodeltester.check(model)
    model.set_rows(gazetteer.user_added(store), {"LB51": "عكار"})
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    names = {model.index(r, 0).data() for r in range(2)}
    assert names == {"مخاضة", "مدرسة حلبا"}


def test_preferences_are_typed_with_defaults(tmp_path):
    prefs = AppSettings(tmp_path / "p.ini")
    assert prefs.get("language") == "en" and prefs.get("idle_lock_minutes") == 10 and prefs.get("recent_files") == []
    prefs.set("idle_lock_minutes", 5)
    with pytest.raises(ValueError):
        prefs.set("language", "fr")
    with pytest.raises(ValueError):
        prefs.set("idle_lock_minutes", "soon")
    for n in range(MAX_RECENT + 3):
        prefs.remember_file(tmp_path / f"db{n}.dtdb")
    prefs.remember_file(tmp_path / "db4.dtdb")
    again = AppSettings(tmp_path / "p.ini")  # read back from disk as plain values
    recent = again.get("recent_files")
    assert len(recent) == MAX_RECENT and recent[0] == str(tmp_path / "db4.dtdb") and len(set(recent)) == MAX_RECENT
    assert again.get("idle_lock_minutes") == 5 and again.get("last_db") == str(tmp_path / "db4.dtdb")
    text = (tmp_path / "p.ini").read_text()
    assert "schema_version=1" in text and "passphrase" not in text


def test_passphrase_strength_hint():
    assert passphrase_strength("") == 0
    assert passphrase_strength("aaaaaaaaaa") == 0  # repeats are not strength
    assert passphrase_strength("abc12345") <= 2
    assert passphrase_strength("olive river morning") >= 3
    assert passphrase_strength("زيتون نهر صباح") >= 3
    assert passphrase_strength("correct horse battery staple") == 4


def test_launch_paints_the_window_before_loading_charts(tmp_path, passphrase):
    """Unlocking shows and paints the main window before the dashboard (and matplotlib) is built: the
    order of events, not a time. How fast that is belongs to bench/startup.py, measured against a bare window."""
    from tracker import office

    db = tmp_path / "quick.dtdb"
    office.create(db, passphrase).close()
    script = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from ui.app import Shell, create_shell, parse_args
        seen = {{}}
        original = Shell._open_window
        def open_window(self, key):  # the moment the unlocked window is on screen
            original(self, key)
            seen["open"] = {{"charts": "matplotlib" in sys.modules, "painted": self.window.first_painted_at is not None,
                            "visible": self.window.isVisible(), "pages": sorted(self.window.pages)}}
        Shell._open_window = open_window
        shell = create_shell(parse_args(["--db", {str(db)!r}, "--settings", {str(tmp_path / "p.ini")!r}]), app)
        shell.show_start()
        shell.start.passphrase.setText({passphrase!r})
        shell.start.unlock()
        loop = QEventLoop()
        deadline = time.monotonic() + 40  # only so a broken build cannot hang the test run
        while "dashboard" not in (shell.window.pages if shell.window is not None else {{}}) and time.monotonic() < deadline:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        seen["later"] = {{"pages": sorted(shell.window.pages) if shell.window is not None else []}}
        print(repr(seen))
        shell.quit()
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stderr
    seen = ast.literal_eval(out.stdout.strip().splitlines()[-1])
    # at the moment the window opens: shown and painted, no page built yet, no chart library loaded
    assert seen["open"] == {"charts": False, "painted": True, "visible": True, "pages": []}, seen
    # the dashboard is built on a later turn of the event loop, after that first paint
    assert seen["later"]["pages"] == ["dashboard"], seen


def test_qt_binding_does_not_leak_none():
    """PySide6 6.12.0 dropped a reference to None on every static call; enough calls abort the app."""
    from PySide6.QtCore import QTimer

    before = sys.getrefcount(None)
    for _ in range(500):
        QTimer.singleShot(0, lambda: None)
    assert sys.getrefcount(None) > before - 250
