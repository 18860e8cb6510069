"""Import and export: the export panel (dataset, format, period, personal data with confirmation,
suppression threshold, progress and cancel) and the import wizard (choose a file -> preview with
an editable column mapping, saved as a profile -> all-or-nothing or keep-valid -> result and
error report). Every file operation runs on the writer thread through ``ctx.run``."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QInputDialog, QLabel, QMessageBox, QProgressBar, QPushButton, QRadioButton,
                               QSpinBox, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from tracker.exchange import export as exporter
from tracker.exchange import importer, mapping, partner
from tracker.domain.summary import DEFAULT_THRESHOLD
from .partner_preview import PartnerPreview

PREVIEW_ROWS = 20


class _Progress(QWidget):
    """A progress bar with a Cancel button for one running job."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        self.job = None
        self.hide()

    def start(self, job) -> None:
        self.job = job
        self.bar.setRange(0, 0)  # busy until the first report
        self.show()

    def report(self, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, 1000 * done // total))

    def stop(self) -> None:
        self.job = None
        self.hide()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()


class ExportPanel(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Export"))
        self.dataset = QComboBox()
        for key, text in (("households", self.tr("Households")), ("persons", self.tr("Persons")),
                          ("crossings", self.tr("Crossing counts (flow monitoring)")),
                          ("movements", self.tr("Movements")), ("summary", self.tr("Summary (aggregated)")),
                          ("consolidated", self.tr("Received summaries, consolidated (coordinator)")),
                          ("all", self.tr("Everything (one XLSX workbook)"))):
            self.dataset.addItem(text, key)
        self.format = QComboBox()
        self.format.addItem(self.tr("CSV (Excel, UTF-8)"), "csv")
        self.format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.limit = QCheckBox(self.tr("Only this period:"))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.limit.toggled.connect(self.date_from.setEnabled)
        self.limit.toggled.connect(self.date_to.setEnabled)
        self.pii = QCheckBox(self.tr("Include personal data (names, contacts, document numbers, notes)"))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setSpecialValueText(self.tr("No suppression"))
        self.period = QComboBox()
        self.period.addItem(self.tr("By day"), "day")
        self.period.addItem(self.tr("By week"), "week")
        self.admin_level = QComboBox()
        self.admin_level.addItem(self.tr("Governorate"), 1)
        self.admin_level.addItem(self.tr("District"), 2)
        self.hxl = QCheckBox(self.tr("HXL hashtag row under the header"))
        self.hxl.setChecked(True)
        self.bom = QCheckBox(self.tr("Byte-order mark (lets Excel show Arabic)"))
        self.bom.setChecked(True)
        self.button = QPushButton(self.tr("Export…"))
        self.button.clicked.connect(self.start)
        self.progress = _Progress()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        period = QHBoxLayout()
        for w in (self.limit, self.date_from, QLabel("–"), self.date_to):
            period.addWidget(w)
        period.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Data:"), self.dataset)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("Hide counts below:"), self.threshold)
        form.addRow(self.tr("Summary:"), self._row(self.period, self.admin_level))
        form.addRow("", self.hxl)
        form.addRow("", self.bom)
        form.addRow("", self.pii)
        form.addRow("", self.button)
        form.addRow(self.progress)
        form.addRow(self.result)
        self.dataset.currentIndexChanged.connect(self._dataset_changed)
        self._dataset_changed()

    @staticmethod
    def _row(*widgets) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            layout.addWidget(w)
        layout.addStretch(1)
        return box

    def _dataset_changed(self) -> None:
        key = self.dataset.currentData()
        summary = key in ("summary", "all", "consolidated")
        for w in (self.threshold, self.period, self.admin_level):
            w.setEnabled(summary)
        self.admin_level.setEnabled(summary and key != "consolidated")  # received summaries: by governorate
        if key == "all":
            self.format.setCurrentIndex(self.format.findData("xlsx"))
        self.format.setEnabled(key != "all")
        self.pii.setEnabled(key not in ("summary", "consolidated"))

    # -- dialogs (tests replace these) ----------------------------------------------
    def ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), suggested,
                                              self.tr("CSV or Excel files (*.csv *.xlsx)"))
        return path

    def confirm_personal_data(self) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Export personal data?"),
            self.tr("This file will hold names, contacts, document numbers and notes of the people recorded. "
                    "Anyone who gets the file can read them. Keep it encrypted, share it only as agreed, and "
                    "delete it when done. The export is recorded in the audit log."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    # -- running ------------------------------------------------------------------------
    def start(self) -> None:
        key, fmt = self.dataset.currentData(), self.format.currentData()
        datasets = ["households", "persons", "crossings", "movements", "summary"] if key == "all" else key
        path = self.ask_path(str(self._export_folder() / f"{key}.{fmt}"))
        if not path:
            return
        if self.ctx.app_settings is not None:
            self.ctx.app_settings.set("export_folder", str(Path(path).parent))
        pii = self.pii.isEnabled() and self.pii.isChecked()
        if pii and not self.confirm_personal_data():
            self.result.setText(self.tr("Personal-data export not confirmed; nothing was written."))
            return
        options = dict(pii=pii, pii_confirmed=pii, hxl=self.hxl.isChecked(), bom=self.bom.isChecked(),
                       threshold=self.threshold.value(), period=self.period.currentData(),
                       admin_level=self.admin_level.currentData())
        if self.limit.isChecked():
            options.update(date_from=self.date_from.date().toString("yyyy-MM-dd"),
                           date_to=self.date_to.date().toString("yyyy-MM-dd"))
        fn = functools.partial(exporter.export, self.ctx.store, datasets, path, fmt, **options)
        self.button.setEnabled(False)
        self.result.clear()
        job = self.ctx.run(fn, on_done=self._done, on_error=self._failed, on_progress=self.progress.report,
                           progress=True)
        self.progress.start(job)

    def _export_folder(self) -> Path:
        """The folder of the last export, else the user's Documents (never the program's own folder)."""
        remembered = self.ctx.app_settings.get("export_folder") if self.ctx.app_settings is not None else ""
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    def _done(self, result: dict) -> None:
        self.progress.stop()
        self.button.setEnabled(True)
        # Personal data is asked for each time: the box never stays ticked for the next export.
        self.pii.setChecked(False)
        rows = ", ".join(f"{n} {name}" for name, n in result["rows"].items())
        text = self.tr("Exported %1 to %2.").replace("%1", rows).replace("%2", result["path"])
        if result.get("metadata_path"):
            text += " " + self.tr("What it holds (source, period, suppression) is described in %1.").replace(
                "%1", Path(result["metadata_path"]).name)
        self.result.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.progress.stop()
        self.button.setEnabled(True)
        self.result.setText(self.ctx.error_text(exc))


class ImportWizard(QGroupBox):
    """Steps in a stack: choose, preview and map (one file; or a partner's export: its files,
    columns, choices), import, result."""

    PARTNER_STEP = 3

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Import"))
        self.path = None
        self.paths: list[str] = []
        self.headers: list[str] = []
        self.steps = QStackedWidget()
        self._build_choose()
        self._build_preview()
        self._build_result()
        self._build_partner()
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)

    # -- step 1: choose ---------------------------------------------------------------------
    def _build_choose(self) -> None:
        page = QWidget()
        self._import_kind = ""  # what the running or last import was of
        self.kind = QComboBox()
        for key, text in (("households", self.tr("Households")), ("persons", self.tr("Persons (members)")),
                          ("crossings", self.tr("Crossing counts")),
                          ("partner", self.tr("A partner's export (Kobo, ODK): households with members"))):
            self.kind.addItem(text, key)
        self.choose = QPushButton(self.tr("Choose a CSV or Excel file…"))
        self.choose.clicked.connect(self.choose_file)
        self.choose_folder = QPushButton(self.tr("Choose a folder…"))
        self.choose_folder.clicked.connect(self.choose_directory)
        self.choose_hint = QLabel(self.tr("Give every file of the export at once (the submissions, each repeat "
                                          "group, and the partner's XLSForm if you have it), a ZIP as ODK Central "
                                          "downloads it, a Kobo workbook, or the folder that holds them."))
        self.choose_hint.setWordWrap(True)
        self.choose_error = QLabel()
        self.choose_error.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Records:"), self.kind)
        form.addRow("", self.choose)
        form.addRow("", self.choose_folder)
        form.addRow("", self.choose_hint)
        form.addRow(self.choose_error)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.steps.addWidget(page)

    def _kind_changed(self) -> None:
        partner_kind = self.kind.currentData() == "partner"
        self.choose.setText(self.tr("Choose the export's files…") if partner_kind
                            else self.tr("Choose a CSV or Excel file…"))
        self.choose_folder.setVisible(partner_kind)
        self.choose_hint.setVisible(partner_kind)

    def ask_open_paths(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import from"), "",
                                                self.tr("Exports (*.csv *.txt *.tsv *.xlsx *.zip)"))
        return paths

    def ask_directory(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Import the tables of a folder"))

    def choose_directory(self) -> None:
        folder = self.ask_directory()
        if folder:
            self._preview_partner([folder])

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from"), "",
                                              self.tr("CSV or Excel files (*.csv *.txt *.tsv *.xlsx)"))
        return path

    def choose_file(self) -> None:
        if self.kind.currentData() == "partner":
            paths = self.ask_open_paths()
            if paths:
                self._preview_partner(paths)
            return
        path = self.ask_open_path()
        if not path:
            return
        self.path = path
        self.choose_error.clear()
        self.ctx.run(importer.preview, path, self.kind.currentData(), on_done=self._show_preview,
                     on_error=lambda exc: self.choose_error.setText(self.ctx.error_text(exc)))

    # -- step 2: preview, mapping, mode -----------------------------------------------------------
    def _build_preview(self) -> None:
        page = QWidget()
        self.file_label = QLabel()
        self.table = QTableWidget()
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.profile = QComboBox()
        self.profile.activated.connect(self._apply_saved_profile)
        self.save_profile = QPushButton(self.tr("Save mapping as profile…"))
        self.save_profile.clicked.connect(self.save_mapping)
        self.all_or_nothing = QRadioButton(self.tr("All or nothing: import only if every row is valid"))
        self.keep_valid = QRadioButton(self.tr("Import the valid rows and list the rejected ones in a report"))
        self.all_or_nothing.setChecked(True)
        self.run_import = QPushButton(self.tr("Import"))
        self.run_import.clicked.connect(self.start_import)
        self.back = QPushButton(self.tr("Back"))
        self.back.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.progress = _Progress()
        profiles = QHBoxLayout()
        profiles.addWidget(QLabel(self.tr("Saved profiles:")))
        profiles.addWidget(self.profile, 1)
        profiles.addWidget(self.save_profile)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.run_import)
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_label)
        layout.addWidget(QLabel(self.tr("Check which field each column fills (first row):")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        layout.addLayout(profiles)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.keep_valid)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.steps.addWidget(page)

    def _show_preview(self, preview: dict) -> None:
        kind = self.kind.currentData()
        self.headers = preview["headers"]
        rows = preview["rows"]
        self.file_label.setText(self.tr("File: %1").replace("%1", self.path))
        self.table.clear()
        self.table.setColumnCount(len(self.headers))
        self.table.setRowCount(len(rows) + 1)
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setVerticalHeaderLabels([self.tr("Field")] + [str(n) for n, _ in rows])
        self.combos = []
        for col, field in enumerate(preview["mapping"]):
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for name in mapping.FIELDS[kind]:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.table.setCellWidget(0, col, combo)
            self.combos.append(combo)
        for r, (_, cells) in enumerate(rows, start=1):
            for col in range(len(self.headers)):
                value = cells[col] if col < len(cells) else ""
                self.table.setItem(r, col, QTableWidgetItem("" if value is None else str(value)))
        self.table.resizeColumnsToContents()
        self.profile.clear()
        self.profile.addItem(self.tr("(automatic)"), None)
        for name in self.ctx.call(mapping.profiles, self.ctx.store, kind):
            self.profile.addItem(name, name)
        self._mapping_changed()
        self.steps.setCurrentIndex(1)

    def current_mapping(self) -> list:
        return [c.currentData() for c in self.combos]

    def _mapping_changed(self) -> None:
        missing = mapping.missing_required(self.kind.currentData(), self.current_mapping())
        self.missing.setText(self.tr("Still needed: %1").replace("%1", "; ".join(missing)) if missing else "")
        self.run_import.setEnabled(not missing)

    def ask_profile_name(self) -> str:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Profile name:"))
        return name if ok else ""

    def save_mapping(self) -> None:
        name = self.ask_profile_name().strip()
        if not name:
            return
        profile = mapping.profile_from(self.kind.currentData(), self.headers, self.current_mapping())
        self.ctx.call(mapping.save_profile, self.ctx.store, name, profile)
        if self.profile.findData(name) < 0:
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(self.profile.findData(name))

    def _apply_saved_profile(self) -> None:
        name = self.profile.currentData()
        if not name:
            return
        profile = self.ctx.call(mapping.load_profile, self.ctx.store, name)
        chosen = profile.get("columns", {})
        for header, combo in zip(self.headers, self.combos):
            if header in chosen:
                combo.setCurrentIndex(max(0, combo.findData(chosen[header])))

    def start_import(self) -> None:
        profile = mapping.profile_from(self.kind.currentData(), self.headers, self.current_mapping())
        fn = functools.partial(importer.import_file, self.ctx.store, self.path, self.kind.currentData(),
                               profile=profile, keep_valid=self.keep_valid.isChecked())
        self.run_import.setEnabled(False)
        self.back.setEnabled(False)
        self._import_kind = self.kind.currentData()
        job = self.ctx.run(fn, on_done=self._finished, on_error=self._failed, on_progress=self.progress.report,
                           progress=True)
        self.progress.start(job)

    # -- a partner's export: files, columns, choices ----------------------------------------------
    def _build_partner(self) -> None:
        page = QWidget()
        self.partner_preview = PartnerPreview()
        self.partner_missing = QLabel()
        self.partner_missing.setWordWrap(True)
        self.partner_save = QPushButton(self.tr("Save as this form's profile"))
        self.partner_save.clicked.connect(self.save_partner_profile)
        self.partner_keep_valid = QCheckBox(self.tr("Import the valid households (with their members) and list "
                                                    "the rejected rows in the report"))
        self.partner_run = QPushButton(self.tr("Import"))
        self.partner_run.clicked.connect(self.start_partner_import)
        self.partner_back = QPushButton(self.tr("Back"))
        self.partner_back.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.partner_progress = _Progress()
        buttons = QHBoxLayout()
        buttons.addWidget(self.partner_back)
        buttons.addWidget(self.partner_save)
        buttons.addStretch(1)
        buttons.addWidget(self.partner_run)
        layout = QVBoxLayout(page)
        layout.addWidget(self.partner_preview, 1)
        layout.addWidget(self.partner_missing)
        layout.addWidget(self.partner_keep_valid)
        layout.addWidget(self.partner_progress)
        layout.addLayout(buttons)
        self.steps.addWidget(page)

    def _preview_partner(self, paths: list[str]) -> None:
        self.paths = list(paths)
        self.choose_error.clear()

        def plan_with_saved_profile():  # on the writer thread, which owns the store
            locations = self.ctx.store.locations()
            plan = partner.preview(self.paths, locations=locations)
            if plan.form_id in mapping.profiles(self.ctx.store, "partner"):
                plan = partner.preview(self.paths, locations=locations,
                                       profile=mapping.load_profile(self.ctx.store, plan.form_id))
                plan.profile_name = plan.form_id
            return plan

        self.ctx.run(plan_with_saved_profile, on_done=self._show_partner,
                     on_error=lambda exc: self.choose_error.setText(self.ctx.error_text(exc)))

    def _show_partner(self, plan) -> None:
        self.partner_preview.show_plan(plan)
        missing = plan.missing()
        text = self.tr("Still needed: %1").replace("%1", "; ".join(missing)) if missing else ""
        if plan.profile_name:
            text = (text + "\n" if text else "") + self.tr("Using the saved profile of this form.")
        self.partner_missing.setText(text)
        self.partner_run.setEnabled(not missing)
        self.steps.setCurrentIndex(self.PARTNER_STEP)

    def save_partner_profile(self) -> None:
        plan = self.partner_preview.plan
        self.ctx.call(mapping.save_profile, self.ctx.store, plan.form_id, self.partner_preview.profile())
        self.partner_missing.setText(self.tr("Saved as the profile of form %1.").replace("%1", plan.form_id))

    def start_partner_import(self) -> None:
        fn = functools.partial(partner.import_paths, self.ctx.store, self.paths,
                               profile=self.partner_preview.profile(), keep_valid=self.partner_keep_valid.isChecked())
        self.partner_run.setEnabled(False)
        self.partner_back.setEnabled(False)
        job = self.ctx.run(fn, on_done=self._partner_finished, on_error=self._partner_failed,
                           on_progress=self.partner_progress.report, progress=True)
        self.partner_progress.start(job)

    def _partner_finished(self, result) -> None:
        self.partner_progress.stop()
        self.partner_back.setEnabled(True)
        self.partner_run.setEnabled(True)
        done = result.imported
        if result.committed and (done["households"] or done["persons"]):
            self.ctx.records_arrived.emit()
        lines = [self.tr("Rows read: %1. Imported: %2 households, %3 members, %4 movements. Already present "
                         "(skipped): %5.").replace("%1", str(result.rows)).replace("%2", str(done["households"]))
                 .replace("%3", str(done["persons"])).replace("%4", str(done["movements"]))
                 .replace("%5", str(result.duplicates))]
        if result.errors:
            lines.append(self.tr("%1 rows were rejected; the reasons are in %2.")
                         .replace("%1", str(result.rejected)).replace("%2", result.report_path))
            if not result.committed:
                lines.append(self.tr("Nothing was imported. Correct the files, or choose to import the valid rows."))
        if result.warnings:
            lines.append(self.tr("%1 warnings (rows imported, worth a look) are in the report.")
                         .replace("%1", str(len(result.warnings))))
        lines.append(self.tr("The report also lists the columns used and ignored and the choices read: %1")
                     .replace("%1", result.report_path))
        self.outcome.setText("\n".join(lines))
        self.steps.setCurrentIndex(2)

    def _partner_failed(self, exc: BaseException) -> None:
        self.partner_progress.stop()
        self.partner_back.setEnabled(True)
        self.partner_run.setEnabled(True)
        self.partner_missing.setText(self.ctx.error_text(exc))

    # -- step 4: result -------------------------------------------------------------------
    def _build_result(self) -> None:
        page = QWidget()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        again = QPushButton(self.tr("Import another file"))
        again.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        layout = QVBoxLayout(page)
        layout.addWidget(self.outcome)
        layout.addWidget(again, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.steps.addWidget(page)

    def _finished(self, result) -> None:
        self._reset_buttons()
        if result.committed and result.imported and self._import_kind in ("households", "persons"):
            self.ctx.records_arrived.emit()
        lines = [self.tr("Rows read: %1. Imported: %2. Already present (skipped): %3.")
                 .replace("%1", str(result.rows)).replace("%2", str(result.imported))
                 .replace("%3", str(result.duplicates))]
        if result.errors:
            lines.append(self.tr("%1 rows were rejected; the reasons are in %2.")
                         .replace("%1", str(result.rejected)).replace("%2", result.report_path))
            if not result.committed:
                lines.append(self.tr("Nothing was imported. Correct the file, or choose to import the valid rows."))
        self.outcome.setText("\n".join(lines))
        self.steps.setCurrentIndex(2)

    def _failed(self, exc: BaseException) -> None:
        self._reset_buttons()
        self.missing.setText(self.ctx.error_text(exc))

    def _reset_buttons(self) -> None:
        self.progress.stop()
        self.back.setEnabled(True)
        self._mapping_changed()


class ExchangePage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ExchangePage")
        self.export_panel = ExportPanel(ctx)
        self.import_wizard = ImportWizard(ctx)
        layout = QHBoxLayout(self)
        layout.addWidget(self.export_panel, 2)
        layout.addWidget(self.import_wizard, 3)
        # A partner's export has many columns: its preview takes the page's whole width.
        self.import_wizard.steps.currentChanged.connect(
            lambda step: self.export_panel.setVisible(step != ImportWizard.PARTNER_STEP))
