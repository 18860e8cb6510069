"""Changing the passphrase from Settings: a wrong current one changes nothing; a right one re-keys and locks."""

from __future__ import annotations

import pytest

from tracker.domain import households
from tracker.errors import WrongPassphrase
from tracker import office

NEW = "olive trees by the river"


def test_change_passphrase_then_unlock_with_the_new_one(qtbot, shell, tmp_path, passphrase):
    path = tmp_path / "office" / "tracker.dtdb"
    with office.create(path, passphrase, organisation="NGO") as s:
        hid = households.register_pre(s, {"head_name_ar": "منى", "origin_pcode": "SY06",
                                           "registration_date": "2025-03-10", "f_18_59": 1})
    shell.start.reload_files(select=path)
    shell.start.passphrase.setText(passphrase)
    shell.start.unlock()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)
    page = shell.window.show_page("settings")
    page.passphrase_button.click()
    dialog = page.passphrase_dialog
    assert not dialog.ok.isEnabled()
    dialog.old.setText("not it at all")
    dialog.new.setText(NEW)
    dialog.confirm.setText(NEW + "x")
    assert not dialog.ok.isEnabled() and "differ" in dialog.error.text()
    dialog.confirm.setText(NEW)
    assert dialog.ok.isEnabled() and "Strength" in dialog.hint.text()
    dialog.change()
    qtbot.waitUntil(lambda: "not right" in dialog.error.text(), timeout=10000)
    assert dialog.isVisible()

    dialog.old.setText(passphrase)
    dialog.change()
    qtbot.waitUntil(lambda: shell.window is None, timeout=15000)  # locked
    assert shell.ctx.store is None and shell.start.isVisible()
    with pytest.raises(WrongPassphrase):
        office.open(path, passphrase)
    shell.start.reload_files(select=path)
    shell.start.passphrase.setText(NEW)
    shell.start.unlock()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=15000)
    assert shell.ctx.call(households.get, shell.ctx.store, hid)["head_name_ar"] == "منى"
