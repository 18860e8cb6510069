"""``displacement-tracker``: the desktop app's entry point and the shell that locks and unlocks it.

    displacement-tracker                 start screen on the default database (or pick another)
    displacement-tracker --demo          straight into the demo database (made on first use, passphrase "demo")
    displacement-tracker --db PATH       start screen with PATH chosen (create it there if it does not exist)
    displacement-tracker PATH            the same (how a file manager opens a double-clicked .dtdb)
    displacement-tracker --lang ar       Arabic, right to left, for this run

Only Qt and the start screen load at launch; the database libraries load on a thread while the
passphrase is typed, the main window once unlocked, pages (and charts) when first opened, so the
unlock screen appears at once on an old laptop.
"""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

import tracker  # noqa: F401  (registers the encrypted driver before sqlite-utils loads)
from tracker.store.paths import default_store_path

from .shell import collector, i18n
from ui.shell.app_settings import LANGUAGES, AppSettings
from ui.shell.context import AppContext
from ui.shell.idle import IdleWatcher
from ui.shell.start_dialog import StartDialog

DEMO_FILE_NAME = "demo.dtdb"


def demo_store_path() -> Path:
    return default_store_path().parent / DEMO_FILE_NAME


class Shell(QObject):
    """Owns the start screen, the main window and the lock: exactly one of them is in front."""

    def __init__(self, app, settings: AppSettings, *, language: str, default_path: Path, demo_path: Path,
                 parent=None):
        super().__init__(parent)
        self.app = app
        self.settings = settings
        self.ctx = AppContext(language=language)
        self.ctx.app_settings = settings
        self.ctx.language_changed.connect(self._language_changed)
        self.ctx.settings_changed.connect(self._settings_changed)
        self.idle = IdleWatcher(app, settings.get("idle_lock_minutes"), self)
        self.idle.idle.connect(self.idle_lock)
        self.window = None  # the MainWindow while unlocked
        self.start = StartDialog(self.ctx, settings, default_path=default_path, demo_path=demo_path)
        self.start.opened.connect(self._unlocked)
        self.start.rejected.connect(self.quit)

    # -- locked <-> unlocked ---------------------------------------------------------------
    def show_start(self) -> None:
        self.start.show()
        self.start.raise_()
        self.start.activateWindow()

    def _unlocked(self, store) -> None:
        self.ctx.attach(store)
        self._open_window("dashboard")
        self.start.hide()
        self.start.show_notice("")
        self.idle.start()

    def _open_window(self, key: str, carried: dict | None = None) -> None:
        from ui.shell.main_window import MainWindow  # after unlocking: the start screen shows sooner

        self.window = MainWindow(self.ctx, self.settings)
        self.window.carried = dict(carried or {})
        self.window.lock_requested.connect(self.lock)
        self.window.quit_requested.connect(self.quit)
        self.window.show()
        self.window.start(key)
        # once the pages are built and the first charts drawn, keep full collections short
        QTimer.singleShot(collector.SETTLE_AFTER_MS, collector.settle)

    def lock(self, notice=None) -> None:
        """Close the store and destroy every page: nothing decrypted stays on screen or in widgets."""
        if self.window is None:
            return
        self.idle.stop()
        path = self.ctx.store.path if self.ctx.store is not None else None
        self.ctx.detach()  # pages hear ``locked`` while they still exist, and clear themselves
        self._close_window()
        # A callable: the lock screen asks for the words again if the user switches language there.
        self.start.show_notice(notice or (lambda: self.tr("Locked. Type the passphrase to continue.")))
        self.start.reload_files(select=path)
        self.show_start()

    def idle_lock(self) -> None:
        minutes = self.settings.get("idle_lock_minutes")
        self.lock(lambda: self.tr("Locked after %n minute(s) without use. Type the passphrase to continue.", "",
                                  minutes))

    def _close_window(self) -> None:
        window, self.window = self.window, None
        if window is None:
            return
        # Dialogs a page left open would keep a nested event loop (and data) alive: close them first.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget is not self.start and widget.isVisible() \
                    and _inside(widget, window):
                widget.reject()
        collector.thaw()  # the closed window must be collectable again
        window.closing_by_shell = True
        window.close()
        window.deleteLater()
        self._forget_page_listeners()

    def _forget_page_listeners(self) -> None:
        """Pages listen to the context's signals; once their window is gone nobody may call them back
        (a lambda connected by a page is not disconnected by Qt when the page dies)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # PySide warns when nothing was connected
            for signal in (self.ctx.data_changed, self.ctx.locked, self.ctx.unlocked):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):
                    pass

    # -- preferences -----------------------------------------------------------------------
    def _language_changed(self, language: str) -> None:
        i18n.install(language)
        self.settings.set("language", language)
        if self.window is not None:
            # Rebuild every page in the new language and direction; the store stays open.
            key = self.window.current_key()
            # Later, not inside the language combo's own signal: that combo lives in the window going away.
            QTimer.singleShot(0, lambda: self._rebuild_window(key))

    def _rebuild_window(self, key: str) -> None:
        if self.window is None:  # locked in the meantime
            return
        carried = self.window.page_states()  # what was chosen on the pages survives the new language
        self._close_window()
        self._open_window(key, carried)

    def _settings_changed(self, key: str) -> None:
        if key == "idle_lock_minutes":
            self.idle.set_minutes(self.settings.get("idle_lock_minutes"))

    def quit(self) -> None:
        if self.window is not None:
            self._close_window()
        self.start.hide()
        self.shutdown()
        self.app.quit()

    def shutdown(self) -> None:
        """Close the store and stop the worker thread (safe to call twice)."""
        self.idle.stop()
        self.ctx.detach()
        self.ctx.worker.shutdown()
        self.ctx.reader.shutdown()


def _inside(widget, window) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="displacement-tracker",
                                     description="Offline registration of displaced households and crossing flows.")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo database (made-up data, passphrase 'demo'), creating it on first use")
    parser.add_argument("--db", metavar="PATH", help="database file to offer first")
    # The .desktop entry runs "displacement-tracker %f": a double-clicked file arrives as a plain argument.
    parser.add_argument("file", nargs="?", metavar="FILE", help="database file to offer first (like --db)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language for this run (default: the saved choice)")
    parser.add_argument("--settings", metavar="FILE", help="preferences file (default: the user's own)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (database, exports, charts, report, sync, window) and exit")
    # for start-up measurements and package tests: write what the start screen shows to FILE, then quit
    parser.add_argument("--report-start", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.file and not args.db:
        args.db = args.file
    return args


def create_shell(args: argparse.Namespace, app=None) -> Shell:
    """Everything main() does except the event loop (tests and screenshots use it too)."""
    app = app or QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Displacement Tracker")
    app.setOrganizationName("displacement-tracker")
    app.setDesktopFileName("displacement-tracker")
    # The shell decides when to quit: the main window closes on lock and on a language switch.
    app.setQuitOnLastWindowClosed(False)
    i18n.load_fonts()
    settings = AppSettings(args.settings)
    language = i18n.install(args.lang or settings.get("language"))
    shell = Shell(app, settings, language=language, default_path=default_store_path(),
                  demo_path=demo_store_path())
    if args.db:
        shell.start.reload_files(select=Path(args.db).expanduser().resolve())
    return shell


def _warm_up() -> None:
    import threading

    def load() -> None:
        try:
            import tracker.office  # noqa: F401
        except Exception:  # noqa: BLE001  (a real problem shows again, with its message, when unlocking)
            logging.getLogger(__name__).debug("warm-up import failed", exc_info=True)

    threading.Thread(target=load, name="warm-up", daemon=True).start()


def main(argv=None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parse_args(argv)
    if args.self_test:
        from ui.shell import selftest

        return selftest.main()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector.freeze_enabled = True  # this process is the program: its window may be settled
    shell = create_shell(args, app)
    shell.show_start()
    if args.report_start:
        from ui.shell import selftest

        selftest.report_start(shell, args.report_start)
    if args.demo:
        shell.start.open_demo()
    elif not args.report_start:
        # While the user types the passphrase, load what unlocking needs (the database libraries)
        # so the start screen was not kept waiting for them and the unlock does not wait either.
        QTimer.singleShot(0, _warm_up)
    try:
        return app.exec()
    finally:
        shell.shutdown()


if __name__ == "__main__":
    sys.exit(main())
