"""Arabic: the shipped .qm really translates the shell, the whole UI turns right-to-left, the font ships."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from tracker.resources import resource_path
from tracker import office
from ui.shell import i18n
from ui.app import Shell
from ui.shell.start_dialog import StartDialog

TS = resource_path("translations", "shell_ar.ts")


def x_of(widget, window) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def test_start_dialog_in_arabic_is_translated_and_mirrored(qtbot, bare_ctx, app_settings, tmp_path):
    i18n.install("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert any(f.endswith("qtbase_ar.qm") for f in i18n.installed_files())
    assert any(f.endswith("shell_ar.qm") for f in i18n.installed_files())
    dialog = StartDialog(bare_ctx, app_settings, default_path=tmp_path / "t.dtdb", demo_path=tmp_path / "demo.dtdb")
    qtbot.addWidget(dialog)
    dialog.resize(640, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.title.text() == "متتبّع النزوح"
    assert dialog.unlock_button.text() == "فتح القفل"
    assert "demo" in dialog.demo_hint.text() and "عبارة المرور" in dialog.demo_hint.text()
    # mirrored: the label stands right of its field, the Unlock button left of the passphrase
    assert x_of(dialog.pass_label, dialog) > x_of(dialog.passphrase, dialog)
    assert x_of(dialog.unlock_button, dialog) < x_of(dialog.passphrase, dialog)


def test_switching_language_at_run_time_rebuilds_the_window_right_to_left(qtbot, qapp, tmp_path, app_settings,
                                                                         passphrase):
    db = tmp_path / "office.dtdb"
    office.create(db, passphrase).close()
    shell = Shell(qapp, app_settings, language="en", default_path=db, demo_path=tmp_path / "demo.dtdb")
    qtbot.addWidget(shell.start)
    try:
        shell.show_start()
        shell.start.passphrase.setText(passphrase)
        shell.start.unlock()
        qtbot.waitUntil(lambda: shell.window is not None, timeout=10000)
        old = shell.window
        settings_page = old.show_page("settings")
        assert old.nav.item(0).text() == "Dashboard"
        settings_page.language.setCurrentIndex(settings_page.language.findData("ar"))
        qtbot.waitUntil(lambda: shell.window is not None and shell.window is not old, timeout=5000)
        window = shell.window
        qtbot.waitUntil(lambda: "settings" in window.pages)
        assert app_settings.get("language") == "ar" and shell.ctx.language == "ar"
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.nav.item(0).text() == "لوحة المعلومات"
        assert window.current_key() == "settings"  # the user stays where they were
        # navigation on the right, pages on its left; tables and forms mirrored too
        assert x_of(window.nav, window) > x_of(window.stack, window)
        table = window.pages["settings"].gazetteer.table
        assert table.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert table.model().headerData(0, Qt.Orientation.Horizontal) == "الاسم"
        qtbot.waitUntil(lambda: "الأسر:" in window.counts_label.text())
        assert window.sync_label.text().startswith("آخر مزامنة")
        # the store stayed open through the switch
        assert shell.ctx.store is not None
    finally:
        if shell.window is not None:
            shell._close_window()
        shell.start.close()
        shell.shutdown()
        QApplication.processEvents()


def test_shell_translation_is_complete_and_keeps_placeholders():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ar"
    problems = []
    for message in root.iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"untranslated: {source!r}")
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        wanted = sorted(set(re.findall(r"%\d", source)))
        for form in forms:
            if not form.strip():
                problems.append(f"empty: {source!r}")
            elif sorted(set(re.findall(r"%\d", form))) != wanted:
                problems.append(f"placeholders differ: {source!r} -> {form!r}")
    assert not problems, "\n".join(problems)


# That each .qm is built from its .ts is checked by content in test_core_messages_translated.py.


@pytest.mark.parametrize("language", ["en", "ar"])
def test_arabic_font_ships_and_is_used(qapp, language):
    families = i18n.load_fonts()
    assert i18n.ARABIC_FAMILY in families
    assert i18n.ARABIC_FAMILY in QFontDatabase.families()
    i18n.install(language)
    order = QApplication.font().families()
    assert i18n.ARABIC_FAMILY in order
    # Arabic text is drawn by the shipped font first when the UI is Arabic
    assert (order[0] == i18n.ARABIC_FAMILY) == (language == "ar")
