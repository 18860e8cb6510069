"""``displacement-tracker --self-test``: the core checks (tracker/cli/selftest.py), then the window's own.

The window checks load both languages' Qt translations and the shipped Arabic font, then open
the self-test's encrypted database through the start screen as a person would, build every page
in English and in Arabic, lock, and quit. Only QtCore/QtGui/QtWidgets are used (the bundle leaves
QtTest out). A windowed app on Windows has no console: the lines then go to a file in the
temporary folder, whose path is the last thing the check leaves behind.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from tracker.cli import selftest as core
from tracker.cli.selftest import CheckFailed, require
from tracker.resources import resource_path

from . import i18n

REPORT_NAME = "displacement-tracker-self-test.txt"
# (context, English) pairs that every Arabic build must translate: one per translation file
PROBES = (("MainWindow", "Households"), ("StartDialog", "&Unlock"))


def report_path() -> Path:
    return Path(tempfile.gettempdir()) / REPORT_NAME


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise CheckFailed(f"waited {seconds:.0f} s for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def check_translations(test) -> str:
    families = i18n.load_fonts()
    require(i18n.ARABIC_FAMILY in families, f"Qt did not load the shipped {i18n.ARABIC_FAMILY} font "
            f"(loaded: {', '.join(families) or 'none'})")
    require(i18n.ARABIC_FAMILY in QFontDatabase.families(), f"{i18n.ARABIC_FAMILY} is not among Qt's fonts")
    try:
        i18n.install("ar")
        ours = sorted(resource_path("translations").glob("*_ar.qm"))
        loaded = {Path(f).name for f in i18n.installed_files()}
        missing = [q.name for q in ours if q.name not in loaded]
        require(not missing, "Qt could not load " + ", ".join(missing))
        untranslated = [english for context, english in PROBES
                        if QCoreApplication.translate(context, english) == english]
        require(not untranslated, "not translated to Arabic: " + ", ".join(untranslated))
        require(QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft, "Arabic is not right to left")
        qtbase = "qtbase_ar.qm" in loaded
    finally:
        i18n.install("en")
    require(QCoreApplication.translate("MainWindow", "Households") == "Households", "English did not come back")
    qt_own = " and Qt's own" if qtbase else ""
    return (f"English and Arabic ({len(ours)} files{qt_own}), right to left, "
            f"{i18n.ARABIC_FAMILY}")


def check_window(test) -> str:
    """Unlock the self-test database through the start screen, visit every page in both languages, lock."""
    from ui.app import Shell
    from ui.shell.app_settings import AppSettings
    from ui.shell.main_window import EXCHANGE_TABS, PAGES, Placeholder

    db = test.folder / "office.dtdb"
    require(db.exists(), "needs the encrypted database, which failed above")
    app = QApplication.instance()
    settings = AppSettings(test.folder / "preferences.ini")
    shell = Shell(app, settings, language="en", default_path=db, demo_path=test.folder / "demo.dtdb")
    visited = 0
    try:
        shell.show_start()
        shell.start.reload_files(select=db)
        _wait(lambda: shell.start.unlock_button.isEnabled(), 10, "the start screen to offer the database")
        shell.start.passphrase.setText(test.passphrase)
        shell.start.unlock_button.click()
        _wait(lambda: shell.window is not None and shell.window.isVisible(), 30, "the main window")
        for language in ("en", "ar"):
            if language != "en":
                shell.ctx.set_language(language)  # the shell rebuilds the window in Arabic
                _wait(lambda: shell.window is not None and shell.window.isVisible()
                      and shell.window.layoutDirection() == Qt.LayoutDirection.RightToLeft, 30,
                      "the window in Arabic")
            for spec in PAGES:
                page = shell.window.show_page(spec.key)
                if spec.key == "exchange":
                    for index in range(len(EXCHANGE_TABS)):
                        page.setCurrentIndex(index)
                QCoreApplication.processEvents()
                broken = shell.window.findChildren(Placeholder)
                require(not broken, f"the {spec.key} page could not be opened ({language}): "
                        f"{broken[0].problem if broken else ''}")
                visited += 1
            require(not shell.window.grab().isNull(), f"the window could not be drawn ({language})")
        shell.ctx.worker.wait_idle()
        shell.lock()
        require(shell.window is None and shell.ctx.store is None, "locking left the database open")
    finally:
        if shell.window is not None:
            shell._close_window()
        shell.start.close()
        shell.shutdown()
        i18n.install("en")
        QCoreApplication.processEvents()
    return f"unlocked through the start screen, {visited} pages built in English and Arabic, locked"


WINDOW_CHECKS = (("window translations and font", check_translations), ("window", check_window))


def main() -> int:
    """Run every check in a QApplication of its own; exit code 0 only when all pass."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Displacement Tracker")
    app.setQuitOnLastWindowClosed(False)
    if sys.stdout is not None:
        ok = core.run(WINDOW_CHECKS)
    else:  # a windowed Windows app has no console
        with open(report_path(), "w", encoding="utf-8") as fh:
            ok = core.run(WINDOW_CHECKS, out=lambda line: (fh.write(line + "\n"), fh.flush()))
    return 0 if ok else 1


def report_start(shell, path: str) -> None:
    """Once the start screen is on screen and the event loop idle, write what it shows and quit.

    For measuring start-up (bench/packaging.py) and for checking that a file given on the command
    line, as a desktop's double-click gives it, is the one offered (packaging/linux/test-deb.sh).
    """
    import json

    from PySide6.QtCore import QTimer

    def write_and_quit():
        report = {"at": time.time(), "visible": shell.start.isVisible(),
                  "selected": str(shell.start.selected_path() or ""), "window": shell.start.objectName()}
        Path(path).write_text(json.dumps(report), encoding="utf-8")
        shell.quit()

    QTimer.singleShot(0, write_and_quit)
