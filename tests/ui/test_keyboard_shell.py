"""The shell at the keyboard, as a field worker uses it: open a file by argument, Ctrl+F, Ctrl+N after
Ctrl+2, switching language on the lock screen both ways, the recent list, and the Crossings page
keeping its point and route across a language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tracker import office
from ui.app import create_shell, parse_args

ORG = "Akkar Relief Network"


def activate(qtbot, widget):
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def unlock_by_keyboard(qtbot, shell, passphrase):
    start = shell.start
    activate(qtbot, start)
    start.passphrase.setFocus()
    qtbot.keyClicks(start.passphrase, passphrase)
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)
    activate(qtbot, shell.window)
    return shell.window


def ctrl(qtbot, widget, key):
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def test_a_file_given_as_plain_argument_is_offered_and_opens(qtbot, qapp, tmp_path, passphrase):
    db = tmp_path / "field office.dtdb"
    office.create(db, passphrase, organisation=ORG).close()
    args = parse_args([str(db), "--settings", str(tmp_path / "prefs.ini"), "--lang", "en"])
    assert args.db == str(db)
    shell = create_shell(args, qapp)
    qtbot.addWidget(shell.start)
    try:
        shell.show_start()
        assert shell.start.selected_path() == db.resolve()
        window = unlock_by_keyboard(qtbot, shell, passphrase)
        assert shell.ctx.store.path == db.resolve() and window.isVisible()
    finally:
        if shell.window is not None:
            shell._close_window()
        shell.start.close()
        shell.shutdown()


def test_ctrl_f_and_ctrl_n_right_after_ctrl_2(qtbot, shell, tmp_path, passphrase):
    office.create(tmp_path / "office" / "tracker.dtdb", passphrase).close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    window = unlock_by_keyboard(qtbot, shell, passphrase)
    window.nav.setFocus()
    ctrl(qtbot, window.focusWidget(), Qt.Key.Key_2)
    page = window.pages["households"]
    qtbot.waitUntil(lambda: page.isVisible())
    # Ctrl+N at once, focus wherever the shortcut left it
    ctrl(qtbot, QApplication.focusWidget(), Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(page.forms) == 1, timeout=3000)
    form = page.forms[0]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.forms, timeout=3000)
    # Ctrl+F from the table moves to the search box, selecting what was typed before
    page.search.setText("old")
    page.view.setFocus()
    ctrl(qtbot, page.view, Qt.Key.Key_F)
    assert page.search.hasFocus() and page.search.selectedText() == "old"


def _pick_language(qtbot, combo, code):
    """Choose a language the way a keyboard user does: focus the box and step to the entry."""
    combo.setFocus()
    target = combo.findData(code)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_language_switch_on_the_lock_screen_both_ways(qtbot, shell, tmp_path, passphrase):
    office.create(tmp_path / "office" / "tracker.dtdb", passphrase, organisation=ORG).close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    window = unlock_by_keyboard(qtbot, shell, passphrase)
    settings_page = window.show_page("settings")
    _pick_language(qtbot, settings_page.language, "ar")  # Arabic chosen inside the app
    qtbot.waitUntil(lambda: shell.window is not None and shell.window is not window, timeout=5000)
    window = shell.window
    activate(qtbot, window)
    ctrl(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: shell.window is None)
    start = shell.start
    assert start.language.currentData() == "ar"  # the lock screen shows the language in use
    assert start.notice.text().startswith("تم القفل") or "عبارة" in start.notice.text()
    _pick_language(qtbot, start.language, "en")
    qtbot.waitUntil(lambda: start.unlock_button.text() == "&Unlock")
    assert start.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert start.notice.text() == "Locked. Type the passphrase to continue."
    _pick_language(qtbot, start.language, "ar")
    qtbot.waitUntil(lambda: start.unlock_button.text() != "&Unlock")
    assert start.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "Locked" not in start.notice.text() and start.notice.text()
    _pick_language(qtbot, start.language, "en")
    window = unlock_by_keyboard(qtbot, shell, passphrase)
    qtbot.waitUntil(lambda: "Households:" in window.counts_label.text())
    assert window.sync_label.text() == "Last sync: never"
    assert shell.settings.get("language") == "en"


def test_recent_list_names_the_office_and_never_preselects_the_demo(qtbot, shell, tmp_path, passphrase):
    db = tmp_path / "office" / "tracker.dtdb"
    office.create(db, passphrase, organisation=ORG).close()
    shell.start.reload_files(select=db)
    unlock_by_keyboard(qtbot, shell, passphrase)
    shell.lock()
    shell.start.open_demo()
    qtbot.waitUntil(lambda: shell.window is not None, timeout=60000)
    shell.lock()
    shell.start.reload_files()  # as on the next launch
    assert shell.start.selected_path() == db
    labels = [shell.start.files.itemText(i) for i in range(shell.start.files.count())]
    assert any(text.startswith(ORG) for text in labels), labels


def test_crossings_page_keeps_point_and_route_across_a_language_switch(qtbot, shell, tmp_path, passphrase):
    office.create(tmp_path / "office" / "tracker.dtdb", passphrase).close()
    shell.start.reload_files(select=tmp_path / "office" / "tracker.dtdb")
    window = unlock_by_keyboard(qtbot, shell, passphrase)
    ctrl(qtbot, window, Qt.Key.Key_3)
    page = window.pages["crossings"]
    for picker, typed in ((page.point, "Masnaa"), (page.origin, "Homs"), (page.destination, "Akkar")):
        picker.combo.setFocus()
        picker.combo.lineEdit().clear()
        qtbot.keyClicks(picker.combo.lineEdit(), typed)
        qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Tab)
    chosen = (page.point.pcode(), page.origin.pcode(), page.destination.pcode())
    assert all(chosen), chosen
    page.tally.setFocus()
    qtbot.keyClicks(page.tally, "16")
    settings_page = window.show_page("settings")
    _pick_language(qtbot, settings_page.language, "ar")
    qtbot.waitUntil(lambda: shell.window is not None and shell.window is not window, timeout=5000)
    ctrl(qtbot, shell.window, Qt.Key.Key_3)
    page = shell.window.pages["crossings"]
    assert (page.point.pcode(), page.origin.pcode(), page.destination.pcode()) == chosen
    assert page.tally.total_count() == 2
