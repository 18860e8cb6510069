"""Accounts in the window, walked with the keyboard: sign in by name (remembered), who is signed in,
pages hidden by role, Settings → Accounts for administrators, Settings → Backups, in English and
Arabic. Screenshots go to docs/screenshots when DTRACK_SCREENSHOTS is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import office
from tracker.store import accounts, backup
from ui.accounts.accounts_panel import AccountDialog, AccountsPanel
from ui.accounts.backups_panel import ERASE_WORD, BackupsPanel
from ui.shell import i18n

ADMIN = "correct horse battery staple"
RANA = "amber kettle window seventy"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shoot(widget, name: str, language: str) -> None:
    if os.environ.get("DTRACK_SCREENSHOTS"):
        widget.grab().save(str(SHOTS / f"{name}-{language}.png"))


@pytest.fixture
def office_file(tmp_path):
    path = tmp_path / "office" / "tracker.dtdb"
    with office.create(path, ADMIN, admin="amal", organisation="Akkar Relief Network") as s:
        accounts.add_account(s, "rana", "registrar", RANA)
    return path


def wait_unlocked(qtbot, shell):
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_sign_in_by_name_shows_who_and_hides_what_the_role_may_not_use(qtbot, shell, office_file, language,
                                                                      app_settings):
    if language == "ar":
        shell.ctx.set_language("ar")
    start = shell.start
    start.reload_files(select=office_file)
    start.resize(1366 // 2, 420)
    qtbot.keyClicks(start.account, "rana")
    qtbot.keyClicks(start.passphrase, RANA)
    if language == "ar":
        qtbot.waitUntil(lambda: start.account.label.text() == "الحساب:")
        assert start.layoutDirection() == Qt.LayoutDirection.RightToLeft
    shoot(start, "signin", language)
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)
    wait_unlocked(qtbot, shell)
    window = shell.window
    assert shell.ctx.store.user == "rana" and shell.ctx.store.role == "registrar"
    expected = "Signed in as rana (Registrar)" if language == "en" else "دخلت باسم rana (مسجّل)"
    assert window.signed_in.text() == expected
    shown = {window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())
             if not window.nav.item(i).isHidden()}
    assert shown == {"dashboard", "households", "flows", "settings"}
    assert not window.go_actions["crossings"].isEnabled()
    settings = window.show_page("settings")
    assert not settings.findChildren(AccountsPanel)  # administrators only
    panel = settings.findChild(BackupsPanel)
    assert panel is not None and not panel.now.isVisibleTo(panel)
    # the name is offered again next time
    assert app_settings.get("last_account") == "rana"
    window.lock_requested.emit()
    qtbot.waitUntil(lambda: shell.window is None)
    assert shell.start.account.text() == "rana"


def test_a_wrong_account_name_says_so(qtbot, shell, office_file):
    start = shell.start
    start.reload_files(select=office_file)
    qtbot.keyClicks(start.account, "nobody")
    qtbot.keyClicks(start.passphrase, RANA)
    start.unlock()
    qtbot.waitUntil(lambda: start.error.isVisible(), timeout=10000)
    assert "nobody" in start.error.text()
    assert shell.window is None


@pytest.mark.parametrize("language", ["en", "ar"])
def test_administrator_adds_and_removes_an_account(qtbot, ctx, store, language):
    if language == "ar":
        i18n.install("ar")
        QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = AccountsPanel(ctx)
        qtbot.addWidget(panel)
        panel.resize(640, 320)
        panel.show()
        qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        dialog = panel.dialog
        assert isinstance(dialog, AccountDialog)
        qtbot.keyClicks(dialog.name, "fadi")
        dialog.role.setCurrentIndex(dialog.role.findData("flow_monitor"))
        qtbot.keyClicks(dialog.passphrase.new, "Password1!")
        assert not dialog.ok.isEnabled()  # zxcvbn knows this one
        dialog.passphrase.new.clear()
        qtbot.keyClicks(dialog.passphrase.new, "copper lantern meadow ninety")
        qtbot.keyClicks(dialog.passphrase.again, "copper lantern meadow ninety")
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10000)
        names = [panel.table.item(i, 0).text() for i in range(2)]
        assert names == ["fadi", "tester"]
        assert panel.table.item(0, 1).text() == ("Flow monitor" if language == "en" else "مراقب تدفق")
        shoot(panel, "accounts", language)
        # a backup of the database as it was came first
        assert any(b["reason"] == "accounts" for b in backup.list_backups(store))
        # remove it: asked first, refused for oneself
        def click_row(row):
            rect = panel.table.visualItemRect(panel.table.item(row, 0))
            qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

        click_row(1)
        assert panel.selected() == "tester" and not panel.remove_button.isEnabled()  # the one signed in
        click_row(0)
        assert panel.selected() == "fadi" and panel.remove_button.isEnabled()
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
        box = panel.confirm
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
        assert [a["name"] for a in accounts.list_accounts(store)] == ["tester"]
    finally:
        i18n.install("en")
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_backups_panel_backs_up_now_and_guards_erase(qtbot, ctx, store, tmp_path, language):
    if language == "ar":
        i18n.install("ar")
        QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = BackupsPanel(ctx)
        qtbot.addWidget(panel)
        panel.resize(700, 480)
        panel.show()
        panel.set_folder(str(tmp_path / "usb"))
        qtbot.waitUntil(lambda: panel.folder.text().endswith("usb"), timeout=5000)
        qtbot.mouseClick(panel.now, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10000)
        assert len(list((tmp_path / "usb").glob("*.dtdb"))) == 1
        assert not panel.erase_button.isEnabled()
        qtbot.keyClicks(panel.erase_word, "erase")  # the word must be typed exactly
        assert not panel.erase_button.isEnabled()
        panel.erase_word.clear()
        qtbot.keyClicks(panel.erase_word, ERASE_WORD)
        assert panel.erase_button.isEnabled()
        panel.erase_word.clear()
        panel.months.setValue(12)
        panel.save_months()
        qtbot.waitUntil(lambda: panel._overview is not None and panel._overview["months"] == 12, timeout=5000)
        qtbot.mouseClick(panel.count, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "(0" in panel.status.text(), timeout=5000)
        shoot(panel, "backups", language)
    finally:
        i18n.install("en")
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_erase_from_the_window_removes_the_file_and_the_recent_entry(qtbot, shell, office_file, app_settings):
    start = shell.start
    start.reload_files(select=office_file)
    start.account.clear()
    qtbot.keyClicks(start.account, "amal")
    qtbot.keyClicks(start.passphrase, ADMIN)
    start.unlock()
    wait_unlocked(qtbot, shell)
    panel = shell.window.show_page("settings").findChild(BackupsPanel)
    qtbot.keyClicks(panel.erase_word, ERASE_WORD)
    qtbot.mouseClick(panel.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is None, timeout=15000)
    assert not office_file.exists() and not Path(str(office_file) + ".keys").exists()
    assert str(office_file) not in app_settings.get("recent_files")
