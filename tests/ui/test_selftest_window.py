"""The window's part of the self-test, and the start screen's report (used by the start-up bench and
the .deb test): a database given on the command line, as a double-click gives it, is the one offered."""

from __future__ import annotations

import json

from tracker.cli import selftest as core
from ui.shell import selftest


def test_window_checks_pass_in_english_and_arabic(qapp):
    test = core.SelfTest()
    try:
        test.check_encrypted_database()
        test.close_stores()  # the window opens the file itself, as a person would
        assert "Arabic" in selftest.check_translations(test)
        detail = selftest.check_window(test)
        assert "pages built in English and Arabic" in detail
    finally:
        test.remove()


def test_window_check_fails_readably_without_a_database(qapp):
    test = core.SelfTest()
    try:
        try:
            selftest.check_window(test)
        except core.CheckFailed as exc:
            assert "needs the encrypted database" in str(exc)
        else:
            raise AssertionError("the window check passed without a database")
    finally:
        test.remove()


def test_a_file_on_the_command_line_is_offered_on_the_start_screen(qapp, tmp_path):
    from ui.app import main

    office = tmp_path / "field office.dtdb"
    office.write_bytes(b"")  # only its name matters to the start screen
    report = tmp_path / "start.json"
    assert main([str(office), "--settings", str(tmp_path / "p.ini"), "--report-start", str(report)]) == 0
    shown = json.loads(report.read_text(encoding="utf-8"))
    assert shown["visible"] and shown["selected"] == str(office)
