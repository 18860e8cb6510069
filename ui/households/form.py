"""Register or edit one household: a pre-registration (head's name and counts) or a full one
(every member), with rule breaks shown beside the field they concern.

Keyboard: Tab walks the fields in reading order, Enter (or Ctrl+S) saves, Esc
cancels (asking first if something was typed). Writes run on the writer thread;
the core validates and its FieldErrors come back to the widgets they name.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea,
                               QTabWidget, QVBoxLayout, QWidget)

from tracker.domain import households, model
from ui.matching.entry_warning import EntryWarning
from tracker.errors import ValidationError
from tracker.timeutil import today


from tracker.domain import household_edits
from ui.shell.context import field_error_text
from ui.widgets.counts_editor import CountsEditor
from ui.widgets.form_drafts import DraftBanner, DraftKeeper
from .drafts import HouseholdDrafts
from ui.widgets.location_picker import LocationPicker, isolate
from .members_grid import MembersGrid
from .movements_section import MovementsSection
from ui.widgets.record_labels import fill_combo, label, select_code

_TEXT_FIELDS = ("head_name_ar", "head_name_lat", "registration_date", "displacement_date",
                "site_name", "contact_phone", "notes")
_ERROR_STYLE = "color: #b00020;"


class HouseholdForm(HouseholdDrafts, QDialog):
    saved = Signal(str)  # household id
    open_requested = Signal(str)  # the user chose to open an existing duplicate instead

    def __init__(self, ctx, household_id: str | None = None, *, mode: str = "pre", locations: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        self._locations = locations if locations is not None else ctx.locations()
        self._loaded: dict = {}
        self._loaded_members: list[dict] = []
        if household_id:
            self._loaded = ctx.read_now(households.get, household_id)  # a read connection: never behind a write
            self._loaded_members = self._loaded.pop("members")
            mode = self._loaded["mode"]
        self.mode = mode
        self._upgrading = False
        self._dirty = False
        self._busy = False
        self._errors: dict[str, QLabel] = {}
        self._build()
        self._fill()
        self._dirty = False
        self.drafts = DraftKeeper(ctx, f"household:{household_id or 'new-' + mode}", self._draft_payload, self)
        self.draft_banner.restore.connect(self.restore_draft)
        self.draft_banner.discard.connect(self.discard_draft)
        self._offer_draft()
        self.resize(*fitting_size(self, 1100, 700))

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.ctx.language
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        # Two columns of fields keep the members grid on screen at 1366x768.
        self._forms = [QFormLayout(), QFormLayout()]
        for f in self._forms:
            columns.addLayout(f, 1)
        self.form = self._forms[0]
        self.head_name_ar = self._add(self.tr("Head's name (Arabic)"), QLineEdit(), "head_name_ar")
        self.head_name_lat = self._add(self.tr("Head's name (Latin)"), QLineEdit(), "head_name_lat")
        self.registration_date = self._add(self.tr("Registration date"), QLineEdit(), "registration_date")
        self.origin = self._add(self.tr("Origin (place in Syria)"), LocationPicker(
            self._locations, kinds=("admin",), countries=("SYR",), language=lang), "origin_pcode",
            also=("origin_village",))
        self.displacement_date = self._add(self.tr("Displaced on"), QLineEdit(), "displacement_date")
        self.form = self._forms[1]
        self.current = self._add(self.tr("Current location"), LocationPicker(
            self._locations, kinds=("admin", "site"), countries=("LBN",), language=lang, allow_unknown=False),
            "current_pcode")
        self.site_name = self._add(self.tr("Site or address"), QLineEdit(), "site_name")
        self.shelter_type = self._add(self.tr("Shelter"), QComboBox(), "shelter_type")
        fill_combo(self.shelter_type, model.SHELTER_TYPES, blank="")
        self.intention = self._add(self.tr("Intention"), QComboBox(), "intention")
        fill_combo(self.intention, model.INTENTIONS, blank="")
        self.contact_phone = self._add(self.tr("Phone"), QLineEdit(), "contact_phone")
        self.consent_share = self._add(self.tr("Consent"), QCheckBox(
            self.tr("Agrees that the data may be shared for assistance")), "consent_share")
        self.status = self._add(self.tr("Status"), QComboBox(), "status")
        fill_combo(self.status, model.HOUSEHOLD_STATUSES)
        self.notes = self._add(self.tr("Notes"), QLineEdit(), "notes")
        for w, hint in ((self.registration_date, "YYYY-MM-DD"), (self.displacement_date, "YYYY-MM-DD"),
                        (self.contact_phone, "+961 …")):
            w.setPlaceholderText(hint)

        self.counts_box = QGroupBox(self.tr("People by sex and age"))
        counts_layout = QVBoxLayout(self.counts_box)
        self.counts = CountsEditor()
        counts_layout.addWidget(self.counts)
        counts_layout.addWidget(self._error_label("counts"))
        self.members_box = QGroupBox(self.tr("Members (Tab on the last cell adds one; Ctrl+Delete removes)"))
        members_layout = QVBoxLayout(self.members_box)
        self.members = MembersGrid()
        self.members.setMinimumHeight(150)
        # "Add member" above the grid, where it is seen without scrolling at 1366x768.
        self.add_member_button = QPushButton(self.tr("Add member (Insert)"))
        self.add_member_button.clicked.connect(lambda: (self.members.add_member(), self.members.setFocus()))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_member_button)
        add_row.addStretch(1)
        members_layout.addLayout(add_row)
        members_layout.addWidget(self.members, 1)
        members_layout.addWidget(self._error_label("members"))

        self.movements = MovementsSection(self.ctx, self._locations, self.household_id)
        # People and movement history share the lower half as tabs: both reachable without scrolling.
        self.sections = QTabWidget()
        self.sections.addTab(self._people_page(), self.tr("People"))
        self.sections.addTab(self.movements, self.tr("Movement history"))
        self.sections.setTabVisible(1, bool(self.household_id))

        self.general_error = QLabel()
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.upgrade_button = self.buttons.addButton(self.tr("Upgrade to full registration"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.history_button = self.buttons.addButton(self.tr("History…"), QDialogButtonBox.ButtonRole.HelpRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.upgrade_button.clicked.connect(self.start_upgrade)
        self.history_button.clicked.connect(self.show_history)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.activated.connect(self.save)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.heading)
        column.addWidget(body)
        column.addWidget(self.sections, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        self.draft_banner = DraftBanner(self)
        outer.addWidget(self.draft_banner)
        outer.addWidget(self.scroll)
        outer.addWidget(self.general_error)
        self.entry_warning = EntryWarning(self.ctx, self)  # possible duplicates while typing (ui/matching)
        outer.addWidget(self.entry_warning)
        outer.addWidget(self.buttons)

        # Enter anywhere saves: no other button may take the default role when it gets focus.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.save_button)
        self.save_button.setDefault(True)
        for w in (self.head_name_ar, self.head_name_lat, self.registration_date, self.displacement_date,
                  self.site_name, self.contact_phone, self.notes):
            w.textEdited.connect(self._mark_dirty)
        for w in (self.shelter_type, self.intention, self.status):
            w.currentIndexChanged.connect(self._mark_dirty)
        self.consent_share.toggled.connect(self._mark_dirty)
        for w in (self.origin, self.current):
            w.changed.connect(self._mark_dirty)
        self.counts.changed.connect(self._mark_dirty)
        self.members.edited.connect(self._mark_dirty)
        self.entry_warning.watch(self)

    def _people_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts_box)
        layout.addWidget(self.members_box, 1)
        return page

    def _add(self, text: str, widget: QWidget, field: str, also=()):
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        error = self._error_label(field)
        for other in also:
            self._errors[other] = error
        v.addWidget(error)
        self.form.addRow(text, box)
        return widget

    def _error_label(self, field: str) -> QLabel:
        error = QLabel()
        error.setStyleSheet(_ERROR_STYLE)
        error.setVisible(False)
        self._errors[field] = error
        return error

    # -- state ---------------------------------------------------------------------------------------
    def _fill(self) -> None:
        hh = self._loaded
        self.head_name_ar.setText(hh.get("head_name_ar") or "")
        self.head_name_lat.setText(hh.get("head_name_lat") or "")
        self.registration_date.setText(hh.get("registration_date") or today().isoformat())
        self.origin.set_value(hh.get("origin_pcode"), hh.get("origin_village"))
        self.displacement_date.setText(hh.get("displacement_date") or "")
        self.current.set_value(hh.get("current_pcode"))
        self.site_name.setText(hh.get("site_name") or "")
        select_code(self.shelter_type, hh.get("shelter_type"))
        select_code(self.intention, hh.get("intention"))
        self.contact_phone.setText(hh.get("contact_phone") or "")
        self.consent_share.setChecked(bool(hh.get("consent_share")))
        select_code(self.status, hh.get("status") or "active")
        self.notes.setText(hh.get("notes") or "")
        self.counts.set_values(hh)
        self.members.set_members(self._loaded_members)
        if self.mode == "full" and not self._loaded_members:
            self.members.add_member()
        self._apply_mode()

    def _apply_mode(self) -> None:
        full = self.mode == "full" or self._upgrading
        self.counts_box.setVisible(not full)
        self.members_box.setVisible(full)
        # A full registration takes the head's name from the member marked head.
        for w in (self.head_name_ar, self.head_name_lat):
            w.setEnabled(not full or bool(self.household_id))
        for w in (self.head_name_ar, self.head_name_lat):
            self._forms[0].setRowVisible(w.parentWidget(), not full or bool(self.household_id))
        self.upgrade_button.setVisible(bool(self.household_id) and self.mode == "pre" and not self._upgrading)
        self.history_button.setVisible(bool(self.household_id))
        if self._upgrading:
            title = self.tr("Upgrade to full registration")
        elif self.household_id:
            name = self._loaded.get("head_name_ar") or self._loaded.get("head_name_lat") or ""
            title = self.tr("Household: %1 (%2)").replace("%1", isolate(name)).replace("%2", label(self.mode))
        else:
            title = self.tr("New full registration") if full else self.tr("New pre-registration")
        self.heading.setText(title)
        self.setWindowTitle(title)

    def first_field(self) -> QWidget:
        return self.head_name_ar if self.head_name_ar.isVisibleTo(self) else self.registration_date

    def showEvent(self, event):
        super().showEvent(event)
        if not self._dirty:  # after the window manager has activated the dialog
            QTimer.singleShot(0, lambda: self.first_field().setFocus())

    def _mark_dirty(self, *_):
        self._dirty = True
        if hasattr(self, "drafts"):
            self.drafts.changed()

    def is_dirty(self) -> bool:
        return self._dirty

    def values(self) -> dict:
        """The household's fields as typed ('' for empty), counts included for a pre-registration."""
        out = {f: getattr(self, f).text().strip() for f in _TEXT_FIELDS}
        out.update(origin_pcode=self.origin.pcode(), origin_village=self.origin.text(),
                   current_pcode=self.current.pcode(), shelter_type=self.shelter_type.currentData(),
                   intention=self.intention.currentData(), status=self.status.currentData(),
                   consent_share=1 if self.consent_share.isChecked() else 0)
        if self.mode == "pre" and not self._upgrading:
            out.update(self.counts.values())
        return out

    # -- actions -----------------------------------------------------------------------------------------
    def start_upgrade(self) -> None:
        """Switch this pre-registration to a members grid, starting with its head."""
        self._upgrading = True
        if self.members.rowCount() == 0:
            parts = (self.head_name_ar.text().split(), self.head_name_lat.text().split())
            self.members.add_member({
                "given_name_ar": parts[0][0] if parts[0] else None,
                "family_name_ar": parts[0][-1] if len(parts[0]) > 1 else None,
                "given_name_lat": parts[1][0] if parts[1] else None,
                "family_name_lat": parts[1][-1] if len(parts[1]) > 1 else None,
                "relationship": "head"})
        self._dirty = True
        self._apply_mode()
        self.members.setFocus()
        self.members.setCurrentCell(0, 0)

    def save(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        values = self.values()
        if self.household_id:
            job = partial(household_edits.save_edits, household_id=self.household_id, loaded=self._loaded,
                          values=values, loaded_members=self._loaded_members,
                          members=self.members.members() if (self.mode == "full" or self._upgrading) else None,
                          upgrade=self._upgrading)
            self._submit(job)
            return
        members = self.members.members() if self.mode == "full" else None
        head = household_edits.head_name(values, members)
        self._busy = True
        self.ctx.read(households.find_duplicates, head, values.get("origin_pcode"),
                      on_done=lambda dupes: self._after_duplicate_check(dupes, values, members),
                      on_error=self._failed)

    def _after_duplicate_check(self, dupes: list[dict], values: dict, members) -> None:
        self._busy = False
        if dupes:
            choice = self.ask_duplicate(dupes)
            if choice == "open":
                self._dirty = False
                self.open_requested.emit(dupes[0]["id"])
                self.done(QDialog.DialogCode.Rejected)
                return
            if choice != "save":
                return
        self._submit(partial(household_edits.register, mode=self.mode, values=values, members=members))

    def _submit(self, job) -> None:
        self._busy = True
        self.save_button.setEnabled(False)
        self.ctx.run(job, self.ctx.store, on_done=self._saved, on_error=self._failed)

    def _saved(self, household_id: str) -> None:
        self._busy = False
        self._dirty = False
        self.drafts.discard()
        self.household_id = household_id
        self.saved.emit(household_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        else:
            self.general_error.setText(self.ctx.error_text(exc))

    # -- rule breaks ------------------------------------------------------------------------------------
    def show_errors(self, errors) -> None:
        self.clear_errors()
        unplaced = []
        member_errors = [e for e in errors if e.row]
        for e in errors:
            if e.row:
                continue
            key = "counts" if e.field in model.COUNT_FIELDS else e.field
            if (self.mode == "full" or self._upgrading) and e.field in ("relationship", "mode"):
                key = "members"
            target = self._errors.get(key)
            if target is None or not target.parentWidget().isVisibleTo(self):
                unplaced.append(e)
                continue
            target.setText(field_error_text(e))
            target.setVisible(True)
        if member_errors:
            self.members.show_errors(member_errors)
            self._errors["members"].setText("\n".join(
                self.tr("Member %1: %2 %3").replace("%1", str(e.row)).replace("%2", self.members.field_title(e.field))
                .replace("%3", field_error_text(e)) for e in member_errors[:6]))
            self._errors["members"].setVisible(True)
        if unplaced:
            self.general_error.setText("\n".join(f"{e.field}: {field_error_text(e)}" for e in unplaced))
        self._bring_first_error_into_view(member_errors)

    def _bring_first_error_into_view(self, member_errors) -> None:
        """The first rule break is scrolled into view (never left below the fold) and gets the focus."""
        shown = [label for label in self._errors.values() if not label.isHidden() and label.text()]
        if member_errors or any(self._errors[k] in shown for k in ("members", "counts")):
            self.sections.setCurrentIndex(0)
        if member_errors:
            first = member_errors[0]
            item = self.members.item(first.row - 1, self.members.error_column(first.field))
            if item is not None:
                self.members.scrollToItem(item)
                self.members.setCurrentItem(item)
            self.scroll.ensureWidgetVisible(self.members_box)
            self.members.setFocus()
            return
        if not shown:
            return
        content = self.scroll.widget()
        first = min(shown, key=lambda w: (w.mapTo(content, QPoint(0, 0)).y(), w.mapTo(content, QPoint(0, 0)).x()))
        self.scroll.ensureWidgetVisible(first)
        field = first.parentWidget().layout().itemAt(0).widget() if first.parentWidget().layout() else None
        if field is not None and field is not first:
            field.setFocus()

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.clear()
            error.setVisible(False)
        self.general_error.clear()
        self.members.clear_errors()

    # -- leaving ------------------------------------------------------------------------------------------
    def ask_duplicate(self, dupes: list[dict]) -> str:
        """'open', 'save' or 'cancel' (tests replace this; the registrar sees one question)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Possible duplicate"), self.tr(
            "A household with the same head's name and origin is already registered (%1, registered %2).")
            .replace("%1", dupes[0].get("head_name_ar") or dupes[0].get("head_name_lat") or "")
            .replace("%2", dupes[0].get("registration_date") or ""), parent=self)
        open_button = box.addButton(self.tr("Open existing"), QMessageBox.ButtonRole.AcceptRole)
        save_button = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        return {open_button: "open", save_button: "save"}.get(box.clickedButton(), "cancel")

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("Close without saving? What you typed will be lost."),
                                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._dirty and not self.confirm_discard():
            return
        self._dirty = False
        self.drafts.discard()
        super().reject()

    def show_history(self) -> None:
        from ui.widgets.history_dialog import HistoryDialog

        HistoryDialog(self.ctx, self.household_id, self._locations, parent=self).open()


def fitting_size(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """``width`` x ``height``, made smaller to fit the screen's free area (a 1366x768 laptop with a panel)."""
    screen = widget.screen() if widget.screen() is not None else None
    if screen is None:
        return width, height
    free = screen.availableGeometry()
    frame = 40  # the window manager's title bar and borders
    return min(width, free.width() - 16), min(height, free.height() - frame)
