"""Settings → Accounts (administrators): who may sign in, with which role; add, remove, new passphrase.

Every change is preceded by an automatic backup (the database and its key file as they were) and
goes through the core (tracker/store/accounts.py), which checks the role again and the passphrase
policy (length and strength).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from tracker.store import accounts, backup

from .roles import role_label


def _after_backup(store, change, *args):
    """Back up first (skipped when nothing changed since the last backup), then make the change."""
    backup.automatic(store, "accounts")
    return change(store, *args)


# Words of the passphrase fields, shown in whichever dialog holds them
STRENGTH = (QT_TRANSLATE_NOOP("AccountDialog", "Very weak"), QT_TRANSLATE_NOOP("AccountDialog", "Weak"),
            QT_TRANSLATE_NOOP("AccountDialog", "Fair"), QT_TRANSLATE_NOOP("AccountDialog", "Good"),
            QT_TRANSLATE_NOOP("AccountDialog", "Strong"))
PASSPHRASE = QT_TRANSLATE_NOOP("AccountDialog", "&Passphrase:")
AGAIN = QT_TRANSLATE_NOOP("AccountDialog", "Passphrase &again:")
AT_LEAST = QT_TRANSLATE_NOOP("AccountDialog", "At least %1 characters.")
STRENGTH_IS = QT_TRANSLATE_NOOP("AccountDialog", "Strength: %1.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountDialog", text)


def _strength_words() -> tuple:
    return tuple(_tr(w) for w in STRENGTH)


class PassphraseFields:
    """A new passphrase typed twice, with the core's strength estimate as the user types."""

    def __init__(self, owner, form: QFormLayout, on_change):
        self.owner = owner
        self.new, self.again = QLineEdit(), QLineEdit()
        self.new.setObjectName("new_passphrase")
        self.again.setObjectName("new_passphrase_again")
        for edit in (self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(on_change)
        self.hint = QLabel()
        self.hint.setObjectName("strength")
        form.addRow(_tr(PASSPHRASE), self.new)
        form.addRow("", self.hint)
        form.addRow(_tr(AGAIN), self.again)

    def ready(self) -> bool:
        text = self.new.text()
        if len(text) < accounts.MIN_PASSPHRASE_LENGTH:
            self.hint.setText(_tr(AT_LEAST).replace("%1", str(accounts.MIN_PASSPHRASE_LENGTH)))
            return False
        score = accounts.passphrase_strength(text)
        self.hint.setText(_tr(STRENGTH_IS).replace("%1", _strength_words()[score]))
        return score >= accounts.MIN_STRENGTH and self.again.text() == text


class AccountDialog(QDialog):
    """A new account (name, role, passphrase) or, with ``name``, a new passphrase for that account."""

    def __init__(self, ctx, name: str | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.fixed_name = name
        self.setObjectName("AccountDialog")
        self.setWindowTitle(self.tr("New account") if name is None else self.tr("New passphrase for %1").replace("%1", name))
        form = QFormLayout()
        self.name = QLineEdit(name or "")
        self.name.setObjectName("account_name")
        self.name.setReadOnly(name is not None)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for code in accounts.ROLES:
            self.role.addItem(role_label(code), code)
        form.addRow(self.tr("&Name:"), self.name)
        if name is None:
            form.addRow(self.tr("&Role:"), self.role)
        self.passphrase = PassphraseFields(self, form, self._update)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        note = QLabel(self.tr("Give the passphrase to the person in private. A backup is made first."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Add account") if name is None else self.tr("Set passphrase"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ready = self.passphrase.ready() and bool(self.name.text().strip())
        if self.passphrase.again.text() and self.passphrase.again.text() != self.passphrase.new.text():
            self.error.setText(self.tr("The two passphrases differ."))
        elif self.error.text() == self.tr("The two passphrases differ."):
            self.error.clear()
        self.ok.setEnabled(ready)

    def save(self) -> None:
        if not self.ok.isEnabled():
            return
        self.ok.setEnabled(False)
        store = self.ctx.store
        if self.fixed_name is None:
            args = (accounts.add_account, self.name.text().strip(), self.role.currentData(), self.passphrase.new.text())
        else:
            args = (accounts.reset_passphrase, self.fixed_name, self.passphrase.new.text())
        self.ctx.run(_after_backup, store, *args, on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self._update()


class AccountsPanel(QGroupBox):
    """The accounts of this database, for administrators."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AccountsPanel")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("accounts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.add_button, self.reset_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.setObjectName("add_account")
        self.reset_button.setObjectName("reset_passphrase")
        self.remove_button.setObjectName("remove_account")
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._selection)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.rows: list[dict] = []
        self._retranslate()
        self.reload()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Accounts"))
        self.help.setText(self.tr("Each person signs in with their own name and passphrase. Removing an account "
                                  "stops its passphrase at once; what that person already copied stays copied."))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Since")])
        self.add_button.setText(self.tr("&Add account…"))
        self.reset_button.setText(self.tr("New &passphrase…"))
        self.remove_button.setText(self.tr("&Remove account"))
        self._fill()

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        if self.ctx.store is not None:
            self.ctx.run(accounts.list_accounts, self.ctx.store, on_done=self._loaded)

    def _loaded(self, rows) -> None:
        self.error.hide()
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        keep = self.selected()  # a refill (new words, new rows) keeps the person chosen
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            for j, text in enumerate((r["name"], role_label(r["role"]), str(r["created_at"] or "")[:10])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r["name"])
                self.table.setItem(i, j, item)
            if r["name"] == keep:
                self.table.selectRow(i)
        self._selection()

    def selected(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection(self) -> None:
        name = self.selected()
        self.reset_button.setEnabled(name is not None)
        self.remove_button.setEnabled(name is not None and self.ctx.store is not None and name != self.ctx.store.user)

    def add(self) -> None:
        self.dialog = AccountDialog(self.ctx, None, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()

    def reset(self) -> None:
        name = self.selected()
        if name is None:
            return
        self.dialog = AccountDialog(self.ctx, name, self)
        self.dialog.accepted.connect(self.reload)
        self.dialog.open()

    def remove(self) -> None:
        name = self.selected()
        if name is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove account"),
                          self.tr("Remove the account %1? Its passphrase stops opening this database at once. "
                                  "A backup is made first.").replace("%1", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_remove")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r, n=name, b=box: self._remove_answered(b, n))
        self.confirm = box
        box.open()

    def _remove_answered(self, box, name: str) -> None:
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        self.ctx.run(_after_backup, self.ctx.store, accounts.remove_account, name,
                     on_done=lambda _r: self.reload(), on_error=self._failed)

    def _failed(self, exc) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.show()
