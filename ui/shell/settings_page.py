"""Settings: language, idle lock, this database's details, and the places added on devices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from . import i18n
from .gazetteer_settings import GazetteerPanel


class SettingsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("SettingsPage")
        settings = ctx.app_settings

        general = QGroupBox(self.tr("This computer"))
        form = QFormLayout(general)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.language.currentIndexChanged.connect(self._language_picked)
        form.addRow(self._label(self.tr("&Language:"), self.language), self.language)

        self.idle = QSpinBox()
        self.idle.setObjectName("idle_lock_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.get("idle_lock_minutes") if settings is not None else 10)
        self.idle.valueChanged.connect(self._idle_changed)
        idle_help = QLabel(self.tr("Lock the database after this many minutes without use (0 = never). "
                                   "Locking hides every record until the passphrase is typed again."))
        idle_help.setWordWrap(True)
        idle_help.setMinimumWidth(280)
        form.addRow(self._label(self.tr("&Idle lock:"), self.idle), self.idle)
        form.addRow("", idle_help)

        # A coordinator's screen can read the consolidated summaries from a hub on PostgreSQL (docs/coordinator.md)
        self.hub = QLineEdit(settings.get("hub_dsn") if settings is not None else "")
        self.hub.setObjectName("hub_dsn")
        self.hub.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a connection string reads left to right
        self.hub.setCursorPosition(0)  # show where the address starts (the host)
        self.hub.setPlaceholderText(self.tr("host=… dbname=… user=…"))
        self.hub.setMinimumWidth(280)
        self.hub.editingFinished.connect(self._hub_changed)
        self.hub_help_text = self.tr("Optional. The Dashboard's received summaries are then read from this "
                                     "coordinator hub. The password goes in the PostgreSQL password file, never here.")
        self.hub_help = QLabel(self.hub_help_text)
        self.hub_help.setWordWrap(True)
        self.hub_help.setMinimumWidth(280)
        form.addRow(self._label(self.tr("Coordinator &hub:"), self.hub), self.hub)
        form.addRow("", self.hub_help)

        database = QGroupBox(self.tr("This database"))
        info = QFormLayout(database)
        store = ctx.store
        if store is not None:
            for label, value in ((self.tr("File:"), str(store.path)), (self.tr("Organisation:"), store.organisation),
                                 (self.tr("Office or device:"), store.device_name),
                                 (self.tr("Country of operation:"), store.country),
                                 (self.tr("Device id:"), store.device_id)):
                shown = QLabel(value)
                shown.setTextInteractionFlags(shown.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
                info.addRow(label, shown)
            self.passphrase_button = QPushButton(self.tr("Change &passphrase…"))
            self.passphrase_button.clicked.connect(self.change_passphrase)
            info.addRow("", self.passphrase_button)

        self.gazetteer = GazetteerPanel(ctx)
        body = QWidget()
        top = QHBoxLayout()
        top.addWidget(general, 1)
        top.addWidget(database, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        from ui.accounts.panels import safeguard_panels  # Accounts (administrators) and Backups
        for panel in safeguard_panels(ctx):
            layout.addWidget(panel)
        layout.addWidget(self.gazetteer, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _label(text: str, buddy) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def change_passphrase(self) -> None:
        from .passphrase_dialog import PassphraseDialog

        self.passphrase_dialog = PassphraseDialog(self.ctx, self)
        self.passphrase_dialog.finished.connect(self._passphrase_done)
        self.passphrase_dialog.open()

    def _passphrase_done(self, result: int) -> None:
        # Connections opened under the old key must not outlive it: lock, and unlock with the new one.
        if result == QDialog.DialogCode.Accepted and hasattr(self.window(), "lock_requested"):
            self.window().lock_requested.emit()

    def _language_picked(self) -> None:
        # The shell saves the choice, reinstalls translators and rebuilds the pages in the new language.
        self.ctx.set_language(self.language.currentData())

    def _hub_changed(self) -> None:
        from tracker.hub.connection import HubError, resolve_dsn

        text = self.hub.text().strip()
        if self.ctx.app_settings is None or text == self.ctx.app_settings.get("hub_dsn"):
            return
        try:
            if text:
                resolve_dsn(text)
        except HubError as exc:
            self.hub_help.setText(self.ctx.error_text(exc))
            return
        self.hub_help.setText(self.hub_help_text)
        self.ctx.app_settings.set("hub_dsn", text)
        self.ctx.settings_changed.emit("hub_dsn")

    def _idle_changed(self, minutes: int) -> None:
        if self.ctx.app_settings is not None:
            self.ctx.app_settings.set("idle_lock_minutes", minutes)
        self.ctx.settings_changed.emit("idle_lock_minutes")

