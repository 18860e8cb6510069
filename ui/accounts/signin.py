"""The account name at sign-in (the last one used on this computer is offered again), and the
status bar's "Signed in as …"."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from .roles import role_label

SETTING = "last_account"


class AccountField(QLineEdit):
    """The account name; empty means the database's only account (or its first administrator)."""

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("account")
        self.label = QLabel()
        self.label.setBuddy(self)
        if settings is not None:
            self.setText(settings.get(SETTING) or "")
        self._retranslate()

    def _retranslate(self) -> None:
        self.label.setText(self.tr("&Account:"))
        self.setPlaceholderText(self.tr("your name (empty: the only account)"))
        self.setToolTip(self.tr("Each person signs in with their own account and passphrase."))

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def name(self) -> str | None:
        return self.text().strip() or None

    def remember(self, name: str) -> None:
        if self.settings is not None:
            self.settings.set(SETTING, name or "")
        self.setText(name or "")


class SignedInLabel(QLabel):
    """"Signed in as Rana (Registrar)" in the status bar."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("signed_in")
        self._retranslate()

    def _retranslate(self) -> None:
        store = self.ctx.store
        if store is None:
            self.setText("")
            return
        self.setText(self.tr("Signed in as %1 (%2)").replace("%1", store.user).replace("%2", role_label(store.role)))

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
