"""Change the database's passphrase: the old one, the new one twice, with the wizard's strength hint.

The store writes a re-encrypted copy and swaps it in atomically (tracker/store/connection.py), so a
power cut cannot leave a half-converted file. Afterwards the app locks, and the new
passphrase opens it: every page reopens its connections under the new key.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from tracker.store import accounts
from tracker.errors import WrongPassphrase

from .first_run_wizard import MIN_PASSPHRASE, passphrase_strength


class PassphraseDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change passphrase"))
        self.old, self.new, self.confirm = QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.old, self.new, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.hint, self.error = QLabel(), QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase:"), self.old)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow("", self.hint)
        form.addRow(self.tr("New passphrase again:"), self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change and lock"))
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("The app locks afterwards: unlock it with the new passphrase. "
                              "Tell everyone who uses this database."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        text = self.new.text()
        words = (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"), self.tr("Strong"))
        if len(text) < MIN_PASSPHRASE:
            self.hint.setText(self.tr("At least %1 characters.").replace("%1", str(MIN_PASSPHRASE)))
        else:
            self.hint.setText(self.tr("Strength: %1.").replace("%1", words[passphrase_strength(text)]))
        ready = (bool(self.old.text()) and len(text) >= MIN_PASSPHRASE and self.confirm.text() == text
                 and passphrase_strength(text) >= accounts.MIN_STRENGTH)
        if self.confirm.text() and self.confirm.text() != text:
            self.error.setText(self.tr("The two new passphrases differ."))
        elif self.error.text() == self.tr("The two new passphrases differ."):
            self.error.clear()
        self.ok.setEnabled(ready)

    def change(self) -> None:
        if not self.ok.isEnabled():
            return
        self.ok.setEnabled(False)
        self.ctx.run(accounts.change_passphrase, self.ctx.store, self.ctx.store.user, self.old.text(), self.new.text(),
                     on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPassphrase):
            self.error.setText(self.tr("The current passphrase is not right. Nothing was changed."))
            self.old.selectAll()
            self.old.setFocus()
        else:
            self.error.setText(self.ctx.error_text(exc))
        self._update()
