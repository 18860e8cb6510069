"""Settings → Backups: where backups go, the last one, "Back up now", retention and emergency erase.

Backups are made automatically when the window closes, once a day while it is open and before
account changes (auto_backup.py); here an administrator chooses the folder (a USB stick is the
usual place), makes one on demand, sets how long closed households keep their personal data,
purges, and can erase the database in an emergency after typing a confirmation word.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QSpinBox, QVBoxLayout)

from tracker.domain import retention
from tracker.store import backup, erase, permissions

ERASE_WORD = "ERASE"


def _overview(store) -> dict:
    return {"folder": str(backup.folder(store)), "last": backup.last(store),
            "backups": [(b["at"].strftime("%Y-%m-%d %H:%M"), b["reason"], b["path"].name, b["keys"])
                        for b in backup.list_backups(store)][:20],
            "months": retention.months_setting(store)}


class BackupsPanel(QGroupBox):
    erased = Signal(list)  # what could not be removed (the shell then leaves the window)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("BackupsPanel")
        role = ctx.store.role if ctx.store is not None else None
        self.admin = permissions.allowed(role, permissions.BACKUP)
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_folder")
        self.folder.setReadOnly(True)
        self.choose = QPushButton()
        self.choose.setObjectName("choose_folder")
        self.choose.clicked.connect(self.choose_folder)
        self.now = QPushButton()
        self.now.setObjectName("backup_now")
        self.now.clicked.connect(self.back_up_now)
        self.last = QLabel()
        self.last.setObjectName("last_backup")
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.list.setMinimumHeight(110)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)

        self.months = QSpinBox()
        self.months.setObjectName("retention_months")
        self.months.setRange(0, retention.MAX_MONTHS)
        self.months.editingFinished.connect(self.save_months)
        self.count = QPushButton()
        self.count.setObjectName("purge_count")
        self.count.clicked.connect(lambda: self.purge(dry_run=True))
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("purge_now")
        self.purge_button.clicked.connect(lambda: self.purge(dry_run=False))

        self.erase_word = QLineEdit()
        self.erase_word.setObjectName("erase_word")
        self.erase_word.textChanged.connect(self._erase_ready)
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("erase")
        self.erase_button.setStyleSheet("color: #b00020; font-weight: bold")
        self.erase_button.clicked.connect(self.erase_now)
        self.erase_help = QLabel()
        self.erase_help.setWordWrap(True)

        self.form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.folder_label, self.last_label, self.months_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.folder_label, row)
        self.form.addRow(self.last_label, self.last)
        buttons = QHBoxLayout()
        buttons.addWidget(self.now)
        buttons.addStretch(1)
        keep = QHBoxLayout()
        keep.addWidget(self.months)
        keep.addWidget(self.count)
        keep.addWidget(self.purge_button)
        keep.addStretch(1)
        self.retention_help = QLabel()
        self.retention_help.setWordWrap(True)
        danger = QHBoxLayout()
        danger.addWidget(self.erase_word)
        danger.addWidget(self.erase_button)
        danger.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.admin_widgets = [self.choose, self.now, self.months, self.count, self.purge_button, self.erase_word,
                              self.erase_button, self.erase_help, self.retention_help, self.months_label]
        if self.admin:
            layout.addSpacing(6)
            layout.addWidget(self.months_label)
            layout.addLayout(keep)
            layout.addWidget(self.retention_help)
            layout.addSpacing(6)
            layout.addWidget(self.erase_help)
            layout.addLayout(danger)
        else:
            for w in self.admin_widgets:
                w.hide()
        self._overview: dict | None = None
        self._retranslate()
        self.reload()

    # -- words ---------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setTitle(self.tr("Backups"))
        self.folder_label.setText(self.tr("Backup folder:"))
        self.last_label.setText(self.tr("Last backup:"))
        self.choose.setText(self.tr("&Choose folder…"))
        self.now.setText(self.tr("&Back up now"))
        self.months_label.setText(self.tr("Personal data of households closed, moved on or returned is removed "
                                          "after (months, 0 = never):"))
        self.retention_help.setText(self.tr("Counts stay for the charts; names, phone numbers, notes and dates of "
                                            "birth go, on every device that syncs with this one."))
        self.count.setText(self.tr("Count"))
        self.purge_button.setText(self.tr("&Purge now"))
        self.erase_help.setText(self.tr("Emergency: erase this database, its key file and every backup this "
                                        "computer knows of, for good. Type %1 to enable the button.")
                                .replace("%1", ERASE_WORD))
        self.erase_word.setPlaceholderText(ERASE_WORD)
        self.erase_button.setText(self.tr("Erase everything"))
        self._show()
        self._erase_ready()

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------
    def reload(self) -> None:
        if self.ctx.store is not None:
            self.ctx.run(_overview, self.ctx.store, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, overview: dict) -> None:
        self._overview = overview
        self._show()

    def _show(self) -> None:
        o = self._overview
        if o is None:
            return
        self.folder.setText(o["folder"])
        last = o["last"]
        self.last.setText(last["at"][:16].replace("T", " ") + " UTC" if last else self.tr("none yet"))
        self.list.clear()
        for at, reason, name, keys in o["backups"]:
            self.list.addItem(f"{at}  {self._reason(reason)}  {name}" + ("" if keys else "  ⚠"))
        self.months.blockSignals(True)
        self.months.setValue(o["months"] or 0)
        self.months.blockSignals(False)

    def _reason(self, code: str) -> str:
        return {"manual": self.tr("on demand"), "daily": self.tr("daily"), "close": self.tr("on closing"),
                "migration": self.tr("before an upgrade"), "accounts": self.tr("before an account change"),
                "passphrase": self.tr("before a passphrase change"), "purge": self.tr("before a purge"),
                "restore": self.tr("restored")}.get(code, code)

    def _failed(self, exc) -> None:
        self.status.setText(self.ctx.error_text(exc))

    # -- actions -------------------------------------------------------------------------
    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), self.folder.text())
        if path:
            self.set_folder(path)

    def set_folder(self, path: str) -> None:
        self.ctx.run(backup.set_folder, self.ctx.store, path, on_done=lambda _r: self.reload(), on_error=self._failed)

    def back_up_now(self) -> None:
        self.status.setText(self.tr("Backing up…"))
        self.ctx.run(backup.create, self.ctx.store, on_done=self._backed_up, on_error=self._failed)

    def _backed_up(self, result: dict) -> None:
        self.status.setText(self.tr("Backup written: %1").replace("%1", result["path"]))
        self.reload()

    def save_months(self) -> None:
        months = self.months.value() or None
        if self._overview is not None and months == self._overview["months"]:
            return
        self.ctx.run(retention.set_months, self.ctx.store, months, on_done=lambda _r: self.reload(),
                     on_error=self._failed)

    def purge(self, dry_run: bool) -> None:
        months = self.months.value()
        if not months:
            self.status.setText(self.tr("Set the number of months first."))
            return
        self.ctx.run(_purge, self.ctx.store, months, dry_run, on_done=lambda r: self._purged(r, dry_run),
                     on_error=self._failed)

    def _purged(self, result: dict, dry_run: bool) -> None:
        text = (self.tr("%1 households would lose their personal data (%2 members).") if dry_run
                else self.tr("%1 households lost their personal data (%2 members); a backup was made first."))
        self.status.setText(text.replace("%1", str(result["households"])).replace("%2", str(result["persons"])))
        self.reload()

    def _erase_ready(self) -> None:
        self.erase_button.setEnabled(self.erase_word.text().strip() == ERASE_WORD)

    def erase_now(self) -> None:
        if self.erase_word.text().strip() != ERASE_WORD:
            return
        self.erase_button.setEnabled(False)
        self.ctx.run(erase.erase, self.ctx.store, on_done=self._erased, on_error=self._failed)

    def _erased(self, result: dict) -> None:
        # The window forgets the file too, then locks: the start screen no longer offers it.
        settings = self.ctx.app_settings
        if settings is not None and self.ctx.store is not None:
            settings.forget_file(self.ctx.store.path)
        left = [str(p) for p, _ in result["failed"]] + [str(d) for d in result["unreachable"]]
        self.erased.emit(left)
        window = self.window()
        if hasattr(window, "lock_requested"):
            window.lock_requested.emit()


def _purge(store, months, dry_run):
    return retention.purge(store, months, dry_run=dry_run)
