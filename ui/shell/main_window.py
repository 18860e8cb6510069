"""The unlocked window: navigation, pages built on first visit, status bar, shortcuts, lock.

Pages are imported by module path when first shown, so a slow page (charts)
costs nothing until it is opened; a page that fails while it is built shows a
readable message instead of breaking the app. Locking destroys this window and every
page in it: no decrypted data stays on screen or in widget memory.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import time
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QProgressBar, QHBoxLayout, QScrollArea, QStackedWidget, QTabWidget, QVBoxLayout,
                               QWidget)

from tracker.domain import demo, stats
from ui.accounts.auto_backup import AutoBackup
from ui.accounts.roles import apply_role
from ui.accounts.signin import SignedInLabel
from ui.matching.scan import DuplicateScan

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str
    cls: str
    shortcut: str


PAGES = (
    PageSpec("dashboard", "ui.flows.dashboard", "DashboardPage", "Ctrl+1"),
    PageSpec("households", "ui.households.page", "HouseholdsPage", "Ctrl+2"),
    PageSpec("crossings", "ui.crossings.page", "CrossingsPage", "Ctrl+3"),
    PageSpec("flows", "ui.flows.page", "FlowsPage", "Ctrl+4"),
    PageSpec("exchange", "", "", "Ctrl+5"),  # a tab host: import/export and sync (ExchangeHost)
    PageSpec("settings", "ui.shell.settings_page", "SettingsPage", "Ctrl+6"),
    PageSpec("matching", "ui.matching.page", "MatchingPage", "Ctrl+7"),  # duplicates review and tracing
)
EXCHANGE_TABS = (("exchange", "ui.exchange.page", "ExchangePage"), ("sync", "ui.sync.page", "SyncPage"))


def build_page(ctx, module: str, cls: str, parent=None) -> QWidget:
    """Import ``module`` and build ``cls(ctx)``.

    Every page ships with the app: a missing page module is an error (raised). A page that
    raises while it is built shows a readable message instead, so one bug does not take the app down.
    """
    page_class = getattr(importlib.import_module(module), cls)
    try:
        return page_class(ctx, parent)
    except Exception as exc:
        log.exception("page %s.%s could not be built", module, cls)
        return Placeholder(str(exc), parent)


class Placeholder(QLabel):
    def __init__(self, problem: str = "", parent=None):
        super().__init__(parent)
        self.problem = problem
        self.setObjectName("placeholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(self.tr("This part could not be opened: %1").replace("%1", problem))


class ExchangeHost(QTabWidget):
    """Import/export and USB sync share one place in the navigation, one tab each, each built on first view."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ExchangeHost")
        for key, _module, _cls in EXCHANGE_TABS:
            holder = QWidget()
            holder.setObjectName(f"tab_{key}")
            self.addTab(holder, "")
        self.setTabText(0, self.tr("Import and export"))
        self.setTabText(1, self.tr("Sync"))
        self.currentChanged.connect(self._ensure)
        self._ensure(0)

    def _ensure(self, index: int) -> None:
        holder = self.widget(index)
        if holder is None or holder.property("built"):
            return
        _key, module, cls = EXCHANGE_TABS[index]
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(build_page(self.ctx, module, cls)))
        holder.setProperty("built", True)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, ctx, settings=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.setObjectName("MainWindow")
        self.pages: dict[str, QWidget] = {}
        # What pages had on screen before a language switch rebuilt the window (page key -> state):
        # a page with restore_state() gets its own back when it is built again.
        self.carried: dict[str, dict] = {}
        self.closing_by_shell = False  # set by the shell when it locks or rebuilds; else closing means quit
        self._first_page: str | None = None  # built after the first paint (see start)
        self.first_painted_at: float | None = None  # time.perf_counter() of the first paint (bench ui)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        for spec in PAGES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self._holders: dict[str, QWidget] = {}
        for spec in PAGES:
            holder = QWidget()
            holder.setObjectName(f"holder_{spec.key}")
            self._holders[spec.key] = holder
            self.stack.addWidget(holder)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self._build_status_bar()
        # after an import or a sync: the likely duplicates go to the review queue by themselves
        self.duplicate_scan = DuplicateScan(ctx, self.statusBar(), self)
        self._build_actions()
        self._retranslate()
        apply_role(self.nav, self.go_actions, PAGES, ctx.store.role if ctx.store is not None else None)
        self.auto_backup = AutoBackup(ctx, self)  # daily while open, and on closing
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(400)  # many writes in a burst refresh the counts once
        self._status_timer.timeout.connect(self.refresh_status)
        ctx.data_changed.connect(self._data_changed)  # a bound method: Qt disconnects it when the window dies
        ctx.worker.busy_changed.connect(self._busy)
        if settings is not None and settings.get("window_geometry"):
            self.restoreGeometry(QByteArray.fromHex(settings.get("window_geometry").encode()))
        self.fit_screen()

    def fit_screen(self) -> None:
        """Inside the screen's free area, frame and status bar included (1366x768 and 1280x720 first).

        With no saved size the window takes the whole free area; a saved one larger than this
        screen (a bigger monitor last time) is shrunk to it.
        """
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame_w = max(self.frameGeometry().width() - self.geometry().width(), 0)
        frame_h = max(self.frameGeometry().height() - self.geometry().height(), 0) or 32  # title bar
        fresh = self.settings is None or not self.settings.get("window_geometry")
        width = free.width() - frame_w if fresh else min(self.width(), free.width() - frame_w)
        height = free.height() - frame_h if fresh else min(self.height(), free.height() - frame_h)
        self.resize(width, height)
        x = min(max(self.x(), free.x()), free.right() - width - frame_w)
        y = min(max(self.y(), free.y()), free.bottom() - height - frame_h)
        self.move(x if not fresh else free.x(), y if not fresh else free.y())

    # -- building ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.file_label = QLabel()
        self.file_label.setObjectName("file")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("last_sync")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(400)
        self._busy_timer.timeout.connect(self.busy_bar.show)
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.busy_bar)
        self.signed_in = SignedInLabel(self.ctx)  # who is signed in, and as what
        bar.addPermanentWidget(self.signed_in)
        bar.addPermanentWidget(self.file_label)
        bar.addPermanentWidget(self.sync_label)
        self._counts: dict | None = None
        self._last_sync = ""

    def _build_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit_requested)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.go_actions: dict[str, QAction] = {}
        for spec in PAGES:
            action = QAction(self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.go_actions[spec.key] = action
        # Ctrl+F goes to the search box of the page in view, when it has one named "search".
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.activated.connect(self._focus_search)
        menu = self.menuBar()
        self.file_menu = menu.addMenu("")
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = menu.addMenu("")
        for action in self.go_actions.values():
            self.go_menu.addAction(action)
        self.help_menu = menu.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)

    def titles(self) -> dict[str, str]:
        return {"dashboard": self.tr("Dashboard"), "households": self.tr("Households"),
                "crossings": self.tr("Crossings"), "flows": self.tr("Flows"),
                "exchange": self.tr("Exchange"), "settings": self.tr("Settings"),
                "matching": self.tr("Matching")}

    def _retranslate(self) -> None:
        titles = self.titles()
        for row, spec in enumerate(PAGES):
            self.nav.item(row).setText(titles[spec.key])
            self.nav.item(row).setToolTip(f"{titles[spec.key]} ({spec.shortcut})")
            self.go_actions[spec.key].setText(titles[spec.key])
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Displacement Tracker"))
        self.duplicate_scan.retranslate()
        self._show_status()

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- pages ---------------------------------------------------------------------------
    def start(self, key: str = "dashboard") -> None:
        """Call after show(): the window paints itself now (navigation, status bar), and the first page
        (the dashboard's charts load matplotlib) is built on the next event-loop turn."""
        self.refresh_status()
        if self.isVisible():
            self.repaint()  # at once, not after the first page is built
            self.first_painted_at = time.perf_counter()
        self._first_page = key
        QTimer.singleShot(0, self._build_first_page)

    def _build_first_page(self) -> None:
        key, self._first_page = self._first_page, None
        if key is not None and key not in self.pages:
            self.show_page(key)

    def show_page(self, key: str) -> QWidget:
        row = [s.key for s in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # _nav_changed builds and shows it
        else:
            self._nav_changed(row)
        page = self.pages[key]
        # Focus follows the page: its shortcuts (Ctrl+N…) only work with the focus inside it.
        _focus_into(page)
        return page

    def page_states(self) -> dict[str, dict]:
        """The on-screen state of every page that can keep one (see ``carried``)."""
        states = dict(self.carried)
        for key, page in self.pages.items():
            if hasattr(page, "keep_state"):
                states[key] = page.keep_state()
        return states

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return PAGES[row].key if row >= 0 else PAGES[0].key

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = PAGES[row]
        if spec.key not in self.pages:
            holder = self._holders[spec.key]
            page = ExchangeHost(self.ctx) if spec.key == "exchange" else build_page(self.ctx, spec.module, spec.cls)
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(page if spec.key == "exchange" else scrolling(page))
            self.pages[spec.key] = page
            if spec.key in self.carried and hasattr(page, "restore_state"):
                page.restore_state(self.carried.pop(spec.key))
        self.stack.setCurrentWidget(self._holders[spec.key])
        self.setWindowTitle(self._window_title(self.titles()[spec.key]))

    def _window_title(self, page: str) -> str:
        """The page's name, the app's, and a mark that the data are invented when the database holds demo data
        (so a screenshot or a screen share is never taken for real records)."""
        if getattr(self, "_demo_data", None) is None:  # read once per window (the window is rebuilt per database)
            self._demo_data = self.ctx.store is not None and self.ctx.read_now(demo.holds_demo_data)
        if self._demo_data:
            return self.tr("%1 — Displacement Tracker — DEMO DATA (made-up people)").replace("%1", page)
        return self.tr("%1 — Displacement Tracker").replace("%1", page)

    def _focus_search(self) -> None:
        page = self.pages.get(self.current_key())
        target = page.findChild(QWidget, "search") if page is not None else None
        if target is not None:
            target.setFocus()
            if hasattr(target, "selectAll"):
                target.selectAll()

    # -- status bar ------------------------------------------------------------------------
    def refresh_status(self) -> None:
        if self.ctx.store is None:
            return
        # Counted on the reader thread: a long import keeps the writer busy, the counts still come.
        self.ctx.read(_status_snapshot, on_done=self._status_arrived, on_error=self._status_failed)

    def _status_arrived(self, snapshot: dict) -> None:
        self._counts = snapshot["counts"]
        self._last_sync = snapshot["last_sync"]
        self._show_status()

    def _status_failed(self, exc) -> None:
        self.counts_label.setText(self.ctx.error_text(exc))

    def _show_status(self) -> None:
        store = self.ctx.store
        if store is not None:
            self.file_label.setText(store.path.name)
            self.file_label.setToolTip(str(store.path))
        c = self._counts
        if c is None:
            self.counts_label.setText(self.tr("Counting records…"))
        else:
            loc = self.locale()
            self.counts_label.setText(
                self.tr("Households: %1 · People: %2 · Crossing counts: %3")
                .replace("%1", loc.toString(c.get("households", 0)))
                .replace("%2", loc.toString(c.get("people in households", 0)))
                .replace("%3", loc.toString(c.get("crossing_counts", 0))))
        self.sync_label.setText(self.tr("Last sync: %1").replace("%1", _when(self._last_sync) or self.tr("never")))

    def _data_changed(self, _table: str, _ids: list) -> None:
        self._status_timer.start()

    def _busy(self, busy: bool) -> None:
        # Only work that takes a noticeable time shows the bar; short jobs would make it flicker.
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy_bar.hide()

    # -- help ----------------------------------------------------------------------------
    def about_text(self) -> str:
        """The version (the one in pyproject.toml) and what the app is built on, for a support call."""
        import platform

        from PySide6 import __version__ as qt_version

        from tracker import __version__

        return "\n\n".join([
            self.tr("Displacement Tracker %1").replace("%1", __version__),
            self.tr("Offline registration of displaced households and border-crossing flows."),
            f"Python {platform.python_version()} · Qt {qt_version}",
            self.tr("Licence: GPL 3.0 or later. Arabic font: Noto Sans Arabic (SIL Open Font Licence)."),
        ])

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Displacement Tracker"), self.about_text(),
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("about")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running (and tests can look at the box)
        return box

    def shortcut_lines(self) -> list[tuple[str, str]]:
        """Every shortcut a user can press here: the shell's and those of the page in view."""
        lines = [(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
                 for a in (self.lock_action, *self.go_actions.values(), self.help_action, self.quit_action)]
        lines.append((QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText),
                      self.tr("Search in this page")))
        page = self.pages.get(self.current_key())
        if page is not None:
            for action in page.findChildren(QAction):
                if not action.shortcut().isEmpty() and action.text():
                    lines.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                                  action.text().replace("&", "")))
            for sc in page.findChildren(QShortcut):
                if not sc.key().isEmpty() and sc.whatsThis():
                    lines.append((sc.key().toString(QKeySequence.SequenceFormat.NativeText), sc.whatsThis()))
        return lines

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{t}</td></tr>" for k, t in self.shortcut_lines())
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setText(f"<table>{rows}</table>")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def closeEvent(self, event):  # noqa: N802
        if not self.closing_by_shell:
            self.auto_backup.on_close()
        if self.settings is not None:
            self.settings.set("window_geometry", bytes(self.saveGeometry().toHex()).decode())
        super().closeEvent(event)
        if not self.closing_by_shell:
            self.quit_requested.emit()  # the user closed the window: leave the app (the store is closed on the way)


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: a page wider or taller than a small screen scrolls
    instead of forcing the whole window past the screen's edge (and the status bar off it)."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def _focus_into(page: QWidget) -> None:
    """Give the focus to the page's own choice (its focus proxy), else to its first focusable child."""
    if page.focusProxy() is not None:
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    for child in page.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(page) and child.isEnabled():
            child.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
    page.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _status_snapshot(store) -> dict:
    return {"counts": stats.counts(store), "last_sync": store.meta().get("last_sync", "")}


def _when(value: str) -> str:
    """An ISO timestamp as local date and time to the minute; anything else as it is."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")
