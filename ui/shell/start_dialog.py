"""The first thing a user sees, and what a locked app returns to: pick a database and unlock it.

Three ways in: unlock an existing database (recent files remembered), create a
new one with the first-run wizard, or open the demo database (made-up data,
passphrase ``demo``). Key derivation and demo generation run on the worker
thread so the window keeps painting.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QVBoxLayout)

from tracker.errors import WrongPassphrase

if TYPE_CHECKING:
    from tracker.store.connection import Store

from ui.accounts.signin import AccountField

from . import i18n
from .first_run_wizard import FirstRunWizard

DEMO_PASSPHRASE = "demo"
DEMO_SIZE = {"households": 300, "crossings": 1500, "seed": 2025}
FILE_FILTER = "Displacement Tracker (*.dtdb);;*"


def make_demo(path, progress=None, cancelled=None) -> Store:
    """Create and fill the demo database, or open it if it is already there."""
    from tracker import office

    path = Path(path)
    if path.exists():
        return office.open(path, DEMO_PASSPHRASE)
    from tracker.domain import demo  # imported on demand: only the demo needs the generator

    # The demo file holds invented people only, so its well-known passphrase skips the strength rule.
    store = office.create(path, DEMO_PASSPHRASE, organisation="Demo NGO", device_name="demo-laptop", policy=False)
    try:
        demo.populate(store, progress=progress, cancelled=cancelled, **DEMO_SIZE)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)  # a half-made demo would be opened next time as if complete
        raise
    return store


class StartDialog(QDialog):
    """Emits ``opened(store)`` with an unlocked store; the shell attaches it and shows the main window."""

    opened = Signal(object)

    def __init__(self, ctx, settings, *, default_path: Path, demo_path: Path, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.default_path = Path(default_path)
        self.demo_path = Path(demo_path)
        self.wizard: FirstRunWizard | None = None
        self._job = None
        self._wrong = 0  # wrong passphrases in a row: each makes the next try wait longer
        self._waiting = False
        self._notice_text = None  # a callable giving the notice in the current language
        self.setObjectName("StartDialog")
        self.setMinimumWidth(560)

        self.title = QLabel()
        self.title.setObjectName("title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.language.currentIndexChanged.connect(self._language_picked)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.notice = QLabel()  # "Locked after 10 minutes without use", set by the shell
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("color: #8a5a00; font-weight: bold")
        self.notice.hide()

        self.file_label = QLabel()
        self.files = QComboBox()
        self.files.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.files.setMinimumContentsLength(30)
        self.files.currentIndexChanged.connect(self._file_changed)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.file_state = QLabel()
        self.file_state.setWordWrap(True)
        self.pass_label = QLabel()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_label.setBuddy(self.passphrase)
        self.account = AccountField(settings)  # whose passphrase: the last account used here is offered
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.busy = QProgressBar()
        self.busy.setTextVisible(True)
        self.busy.hide()
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)

        grid = QGridLayout()
        grid.addWidget(self.file_label, 0, 0)
        grid.addWidget(self.files, 0, 1)
        grid.addWidget(self.browse, 0, 2)
        grid.addWidget(self.file_state, 1, 1, 1, 2)
        grid.addWidget(self.account.label, 2, 0)
        grid.addWidget(self.account, 2, 1)
        grid.addWidget(self.pass_label, 3, 0)
        grid.addWidget(self.passphrase, 3, 1)
        grid.addWidget(self.unlock_button, 3, 2)
        grid.setColumnStretch(1, 1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        self.new_here = QLabel()
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.start_wizard)
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(self.open_demo)
        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("demo_hint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("font-weight: bold")
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        actions.addWidget(self.demo_button)
        actions.addStretch(1)
        actions.addWidget(self.quit_button)

        # Return unlocks (the default button) and nothing else: no other button may become the default.
        for button in (self.browse, self.create_button, self.demo_button, self.quit_button):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addSpacing(8)
        layout.addWidget(line)
        layout.addWidget(self.new_here)
        layout.addLayout(actions)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)

        self._retranslate()
        self.reload_files()
        self.passphrase.setFocus()

    # -- words (again on every language switch) ------------------------------------------
    def _retranslate(self) -> None:
        # The language may have been switched elsewhere (the Settings page) while this screen was hidden.
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.language)))
        self.language.blockSignals(False)
        if self._notice_text is not None:
            self.show_notice(self._notice_text)
        self.setWindowTitle(self.tr("Displacement Tracker: open a database"))
        self.title.setText(self.tr("Displacement Tracker"))
        self.intro.setText(self.tr("Records are encrypted on this computer. Choose a database and type its "
                                   "passphrase to unlock it."))
        self.file_label.setText(self.tr("&Database:"))
        self.file_label.setBuddy(self.files)
        self.browse.setText(self.tr("&Browse…"))
        self.pass_label.setText(self.tr("&Passphrase:"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.new_here.setText(self.tr("New here? Create a database for your office, or try the app on made-up data."))
        self.create_button.setText(self.tr("&Create new database…"))
        self.demo_button.setText(self.tr("Open &demo database"))
        self.demo_hint.setText(self.tr("Demo data (made-up people), passphrase: demo"))
        self.quit_button.setText(self.tr("&Quit"))
        self._file_changed()

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _language_picked(self) -> None:
        self.ctx.set_language(self.language.currentData())

    # -- which file --------------------------------------------------------------------
    def reload_files(self, select: str | Path | None = None) -> None:
        """Offer the recent files, then the default and demo databases (each once)."""
        paths: list[str] = []
        for p in [*self.settings.get("recent_files"), str(self.default_path), str(self.demo_path)]:
            if p not in paths:
                paths.append(p)
        offices = [p for p in paths if Path(p) != self.demo_path]
        wanted = str(select) if select else (self.settings.get("last_db") or offices[0])
        if wanted not in paths:
            paths.insert(0, wanted)
        self.files.blockSignals(True)
        self.files.clear()
        for p in paths:
            self.files.addItem(self._label_for(p), p)
            self.files.setItemData(self.files.count() - 1, p, Qt.ItemDataRole.ToolTipRole)
        self.files.setCurrentIndex(paths.index(wanted))
        self.files.blockSignals(False)
        self._file_changed()

    def _label_for(self, path: str) -> str:
        p = Path(path)
        if p == self.demo_path:
            return self.tr("Demo database (%1)").replace("%1", p.name)
        organisation = self.settings.organisation_of(p)
        if organisation:  # the office's own name first: file names all look alike
            return f"{organisation} — {p.name}"
        return f"{p.name}  ({p.parent})"

    def selected_path(self) -> Path:
        return Path(self.files.currentData() or self.default_path)

    def _file_changed(self) -> None:
        if not hasattr(self, "files") or self.files.count() == 0:
            return
        path = self.selected_path()
        exists = path.exists()
        if path == self.demo_path:
            self.file_state.setText(self.tr("Made-up data for trying the app. Passphrase: demo"))
        elif exists:
            self.file_state.setText(str(path))
        else:
            self.file_state.setText(self.tr("No database here yet. Create a new one, or open the demo."))
        self.unlock_button.setEnabled(exists and self._job is None and not self._waiting)
        self.passphrase.setEnabled(exists)
        self.error.hide()

    def _browse(self) -> None:
        start = str(self.selected_path().parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a database"), start, FILE_FILTER)
        if path:
            self.reload_files(select=path)
            self.passphrase.setFocus()

    def show_notice(self, text) -> None:
        """``text`` is a string, or a callable returning it (then it is asked again after a language switch)."""
        self._notice_text = text if callable(text) else None
        text = text() if callable(text) else text
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- ways in -------------------------------------------------------------------------
    def unlock(self) -> None:
        if self._waiting:  # after a wrong passphrase (Enter too, not only the button)
            return
        path = self.selected_path()
        if not path.exists():
            return self._fail_text(self.tr("There is no database at %1.").replace("%1", str(path)))
        if not self.passphrase.text():
            return self._fail_text(self.tr("Type the passphrase first."))
        self._begin(self.tr("Unlocking…"), busy=True)
        # The office service, not the bare store: it backs up before migrating and keeps places current.
        self._job = self.ctx.run(_open_store, path, self.passphrase.text(), self.account.name(), on_done=self._done,
                                 on_error=self._failed)

    def open_demo(self) -> None:
        first_time = not self.demo_path.exists()
        self.reload_files(select=self.demo_path)
        self.passphrase.setText(DEMO_PASSPHRASE)
        self._begin(self.tr("Making the demo database: %p%") if first_time else self.tr("Unlocking…"),
                    busy=not first_time)
        self._job = self.ctx.run(make_demo, self.demo_path, progress=True, on_done=self._done,
                                 on_error=self._failed, on_progress=self._progress)

    def start_wizard(self) -> None:
        self.error.hide()
        chosen = self.selected_path()
        target = chosen if not chosen.exists() and chosen != self.demo_path else self._free_path()
        self.wizard = FirstRunWizard(self.ctx, default_path=target, parent=self)
        self.wizard.accepted.connect(self._create_from_wizard)
        self.wizard.open()

    def _free_path(self) -> Path:
        """The default file if unused, else a new numbered name beside it (never overwrite)."""
        path, n = self.default_path, 1
        while path.exists():
            n += 1
            path = self.default_path.with_name(f"{self.default_path.stem}-{n}{self.default_path.suffix}")
        return path

    def _create_from_wizard(self) -> None:
        values = self.wizard.values()
        self.reload_files(select=values["path"])
        self._begin(self.tr("Creating the database…"), busy=True)
        self._job = self.ctx.run(_create_store, values, on_done=self._done, on_error=self._failed)

    # -- while working and after ---------------------------------------------------------
    def _begin(self, text: str, busy: bool) -> None:
        self.error.hide()
        self.busy.setFormat(text)
        self.busy.setRange(0, 0 if busy else 100)
        self.busy.setValue(0)
        self.busy.show()
        for w in (self.unlock_button, self.create_button, self.demo_button, self.files, self.browse, self.passphrase):
            w.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)

    def _end(self) -> None:
        self._job = None
        self.busy.hide()
        for w in (self.create_button, self.demo_button, self.files, self.browse):
            w.setEnabled(True)
        self._file_changed()

    def _done(self, store) -> None:
        self._wrong = 0
        self._end()
        self.passphrase.clear()
        # The demo is never offered first next time: the office file is what a user unlocks daily.
        self.settings.remember_file(store.path, store.organisation, offer_next=store.path != self.demo_path)
        if store.path != self.demo_path:
            self.account.remember(store.user)
        self.reload_files(select=store.path)
        self.opened.emit(store)

    def _failed(self, exc) -> None:
        self._end()
        self.passphrase.selectAll()
        text = self.ctx.error_text(exc)
        if isinstance(exc, WrongPassphrase):
            # Each wrong passphrase in a row costs more waiting (1, 2, 4 … 30 s): guessing at the screen is slow.
            self._wrong += 1
            wait_ms = min(1000 * 2 ** (self._wrong - 1), 30_000)
            self.unlock_button.setEnabled(False)
            QTimer.singleShot(wait_ms, self, self._wait_over)
            self._waiting = True
            text += "\n" + self.tr("Wait a moment before trying again.")
        self._fail_text(text)

    def _wait_over(self) -> None:
        self._waiting = False
        self._file_changed()

    def _fail_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.passphrase.setFocus()

    def is_working(self) -> bool:
        return self._job is not None


def _open_store(path, passphrase: str, user) -> Store:
    # The office service is loaded here, on the worker thread, not when the start screen is built:
    # it brings the database libraries, which the start screen does not need (start-up time).
    from tracker import office

    return office.open(path, passphrase, user)


def _create_store(values: dict) -> Store:
    from tracker import office

    return office.create(values["path"], values["passphrase"], organisation=values["organisation"],
                        device_name=values["device_name"], country=values["country"], language=values["language"])
