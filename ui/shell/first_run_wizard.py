"""First run: create an office's database in three short steps.

1. Office: organisation, office or device name, country of operation, language, file.
2. Passphrase: typed twice, with a strength hint; at least 8 characters.
3. Ready: a summary and the one thing to remember (no passphrase, no data).

The wizard only collects answers; the start dialog creates the store on the
worker thread with ``values()``.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget, QWizard, QWizardPage)

from tracker.store import policy as accounts  # the passphrase rule only (no key-file libraries at start-up)

from . import i18n

MIN_PASSPHRASE = accounts.MIN_PASSPHRASE_LENGTH
# Countries of operation for this response; the code is stored, the name is translated.
COUNTRIES = ("LBN", "SYR", "JOR", "TUR", "IRQ")


def passphrase_strength(text: str) -> int:
    """0 (very weak) to 4 (strong): the core's estimate (zxcvbn), the same rule the core enforces."""
    return accounts.passphrase_strength(text)


class OfficePage(QWizardPage):
    def __init__(self, ctx, default_path: Path, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.organisation = QLineEdit()
        self.organisation.textChanged.connect(self.completeChanged)
        self.device_name = QLineEdit(platform.node() or "")
        self.device_name.textChanged.connect(self.completeChanged)
        self.country = QComboBox()
        for code in COUNTRIES:
            self.country.addItem(code, code)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.language.currentIndexChanged.connect(lambda: ctx.set_language(self.language.currentData()))
        self.path = QLineEdit(str(default_path))
        self.path.textChanged.connect(self.completeChanged)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        path_box = QWidget()
        path_box.setLayout(path_row)
        self.path_error = QLabel()
        self.path_error.setStyleSheet("color: #b00020")
        self.path_error.hide()
        self.labels = [QLabel() for _ in range(5)]
        self.form = QFormLayout(self)
        for label, field in zip(self.labels, (self.organisation, self.device_name, self.country, self.language,
                                              path_box)):
            self.form.addRow(label, field)
        self.form.addRow(QLabel(), self.path_error)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("These names appear on exports and on other devices when you sync."))
        labels = (self.tr("&Organisation:"), self.tr("Office or &device name:"), self.tr("&Country of operation:"),
                  self.tr("&Language:"), self.tr("Database &file:"))
        for label, text, field in zip(self.labels, labels, (self.organisation, self.device_name, self.country,
                                                            self.language, self.path)):
            label.setText(text)
            label.setBuddy(field)
        self.organisation.setPlaceholderText(self.tr("e.g. Akkar Relief Network"))
        names = {"LBN": self.tr("Lebanon"), "SYR": self.tr("Syria"), "JOR": self.tr("Jordan"),
                 "TUR": self.tr("Türkiye"), "IRQ": self.tr("Iraq")}
        for i, code in enumerate(COUNTRIES):
            self.country.setItemText(i, f"{names[code]} ({code})")
        self.browse.setText(self.tr("Browse…"))

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.organisation.text().strip() and self.device_name.text().strip() and self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        path = Path(self.path.text().strip()).expanduser()
        problem = ""
        if path.exists():
            problem = self.tr("A file already exists there. Choose another name: nothing is ever overwritten.")
        elif path.parent.exists() and not path.parent.is_dir():
            problem = self.tr("The folder for this file is not a folder.")
        self.path_error.setText(problem)
        self.path_error.setVisible(bool(problem))
        return not problem

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database file"), self.path.text(),
                                              "Displacement Tracker (*.dtdb)")
        if path:
            self.path.setText(path if path.endswith(".dtdb") else path + ".dtdb")


class PassphrasePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        self.hint = QLabel()
        self.hint.setObjectName("strength_hint")
        self.hint.setWordWrap(True)
        self.mismatch = QLabel()
        self.mismatch.setObjectName("mismatch")
        self.mismatch.setStyleSheet("color: #b00020")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        for field in (self.passphrase, self.confirm):
            field.textChanged.connect(self._update)
        self.pass_label, self.confirm_label = QLabel(), QLabel()
        self.form = QFormLayout(self)
        self.form.addRow(self.pass_label, self.passphrase)
        self.form.addRow(QLabel(), self.strength)
        self.form.addRow(QLabel(), self.hint)
        self.form.addRow(self.confirm_label, self.confirm)
        self.form.addRow(QLabel(), self.mismatch)
        self.form.addRow(self.warning)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Passphrase"))
        self.setSubTitle(self.tr("The passphrase encrypts every record. A few ordinary words are strong and "
                                 "easy to remember."))
        for label, text, field in ((self.pass_label, self.tr("&Passphrase:"), self.passphrase),
                                   (self.confirm_label, self.tr("&Repeat it:"), self.confirm)):
            label.setText(text)
            label.setBuddy(field)
        self.warning.setText(self.tr("Write it down and keep it somewhere safe. If it is lost, nobody can open "
                                     "the data, not even us."))
        self._update()

    def _update(self) -> None:
        text = self.passphrase.text()
        score = passphrase_strength(text)
        self.strength.setValue(score if text else 0)
        colour = ("#b00020", "#d35400", "#b7950b", "#2e7d32", "#1b5e20")[score]
        self.strength.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if len(text) < MIN_PASSPHRASE:
            self.hint.setText(self.tr("At least %n characters.", "", MIN_PASSPHRASE))
        else:
            words = (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"), self.tr("Strong"))
            advice = self.tr(" Add another word or two.") if score < 3 else ""
            self.hint.setText(self.tr("Strength: %1.").replace("%1", words[score]) + advice)
        differs = bool(self.confirm.text()) and self.confirm.text() != text
        self.mismatch.setText(self.tr("The two passphrases differ.") if differs else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        text = self.passphrase.text()
        return (len(text) >= MIN_PASSPHRASE and passphrase_strength(text) >= accounts.MIN_STRENGTH
                and self.confirm.text() == text)


class ReadyPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.summary)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check the details, then create the database."))
        self.initializePage()

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.wizard()
        if wizard is None:
            return
        v = wizard.values()
        self.summary.setText(self.tr("Organisation: %1\nOffice or device: %2\nCountry of operation: %3\n"
                                     "File: %4").replace("%1", _isolated(v["organisation"]))
                             .replace("%2", _isolated(v["device_name"]))
                             .replace("%3", wizard.office.country.currentText())
                             .replace("%4", _isolated(str(v["path"]))))


def _isolated(text: str) -> str:
    """Keep a name or path in its own direction inside Arabic text (else "/tmp/x" shows as "tmp/x/")."""
    return "\u2068" + text + "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


class FirstRunWizard(QWizard):
    def __init__(self, ctx, default_path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the same look on every platform
        self.office = OfficePage(ctx, default_path)
        self.secret = PassphrasePage()
        self.ready = ReadyPage()
        for page in (self.office, self.secret, self.ready):
            self.addPage(page)
        self.setMinimumSize(640, 440)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Create a new database"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create database"))
        # Our own words: Qt's arrows ("Next >") point the wrong way in Arabic.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for page in (self.office, self.secret, self.ready):
            page.retranslate()

    def changeEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def values(self) -> dict:
        return {
            "organisation": self.office.organisation.text().strip(),
            "device_name": self.office.device_name.text().strip(),
            "country": self.office.country.currentData(),
            "language": self.office.language.currentData(),
            "path": Path(self.office.path.text().strip()).expanduser(),
            "passphrase": self.secret.passphrase.text(),
        }
