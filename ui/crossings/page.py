"""The Crossings screen: an observer at a crossing point tallies each group that passes.

Pick the point (or add an informal one on the spot), the direction and time;
count the group on the tally grid (keys 1–0, Ctrl to take away, Backspace to
undo); describe the group; Enter or Ctrl+S saves one crossing-count record and
clears the tally for the next group. Today's records are listed beneath; open
one (double-click or Enter) to correct it.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDateTimeEdit, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QSpinBox, QTableView, QVBoxLayout, QWidget)

from tracker.domain import crossings, model
from tracker.errors import ValidationError

from ui.shell.context import field_error_text
from .model import CrossingCountsModel
from ui.widgets.form_drafts import DraftBanner, DraftKeeper
from ui.widgets.location_picker import LocationPicker
from ui.widgets.record_labels import fill_combo, label, select_code
from .tally_grid import TallyGrid

_ERROR_STYLE = "color: #b00020;"


class CrossingsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.editing_id: str | None = None
        self._locations: dict = ctx.locations()
        self._build()
        ctx.data_changed.connect(self._on_data_changed)
        ctx.unlocked.connect(self._on_unlocked)
        ctx.locked.connect(lambda: self.today.set_rows([]))
        self.reload_today()
        self.start_new()
        # A tally in progress survives a crash, a power cut or a lock (tracker/store/drafts.py).
        self.drafts = DraftKeeper(ctx, "tally:new", self._draft_payload, self)
        self.tally.changed.connect(self._tally_changed)
        self.draft_banner.restore.connect(self.restore_draft)
        self.draft_banner.discard.connect(self.discard_draft)
        self._draft = None
        if ctx.store is not None:
            self._draft = self.drafts.existing()
            if self._draft is not None:
                self.drafts.paused = True
                self.draft_banner.offer(self._draft["saved_at"])

    # -- layout ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.ctx.language
        self.point = LocationPicker(self._locations, kinds=model.CROSSING_KINDS, language=lang, allow_unknown=False)
        self.new_point_button = QPushButton(self.tr("New informal point…"))
        self.new_point_button.clicked.connect(self.add_informal_point)
        self.direction_in = QRadioButton(label("in"))
        self.direction_out = QRadioButton(label("out"))
        self.direction_in.setChecked(True)
        self._directions = QButtonGroup(self)
        for button in (self.direction_in, self.direction_out):
            self._directions.addButton(button)
        self.counted_at = QDateTimeEdit()
        # Left to right in Arabic too, set before the format (the box lays its sections out by it):
        # mirrored, "17:04" read as "04:17" and the date's parts swapped.
        self.counted_at.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.counted_at.setLocale(QLocale.c())  # an ISO date and time: the same digits and order in both languages
        self.counted_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.counted_at.setCalendarPopup(True)
        now = QPushButton(self.tr("Now"))
        now.clicked.connect(self._follow_clock)
        # The point's box takes the row's spare width; its list opens wide (the Nahr al-Kabir points differ
        # only at the end of their names).
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Crossing point")), 0, 0)
        point_row = QHBoxLayout()
        point_row.addWidget(self.point, 1)
        point_row.addWidget(self.new_point_button)
        top.addLayout(point_row, 0, 1)
        top.addWidget(QLabel(self.tr("Direction")), 0, 2)
        directions = QHBoxLayout()
        directions.addWidget(self.direction_in)
        directions.addWidget(self.direction_out)
        top.addLayout(directions, 0, 3)
        top.addWidget(QLabel(self.tr("Date and time")), 0, 4)
        when = QHBoxLayout()
        when.addWidget(self.counted_at)
        when.addWidget(now)
        top.addLayout(when, 0, 5)
        self._errors = {f: self._error_label() for f in ("crossing_pcode", "direction", "counted_at")}
        top.addWidget(self._errors["crossing_pcode"], 1, 1)
        top.addWidget(self._errors["direction"], 1, 3)
        top.addWidget(self._errors["counted_at"], 1, 5)
        top.setColumnStretch(1, 1)
        # The time follows the clock until the observer changes it (a group is saved at the minute it passed).
        self._time_follows_clock = True
        self._setting_time = False
        self.counted_at.dateTimeChanged.connect(self._time_edited)
        self._clock = QTimer(self, interval=15_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        self.tally = TallyGrid()
        self.tally.submitted.connect(self.save)
        tally_box = QGroupBox(self.tr("People in the group (keys 1–5 female, 6–0 male; Ctrl takes away; "
                                      "Backspace undoes)"))
        tally_layout = QVBoxLayout(tally_box)
        tally_layout.addWidget(self.tally)
        self._errors["counts"] = self._error_label()
        tally_layout.addWidget(self._errors["counts"])

        details = QGroupBox()  # untitled: its fields say what they are, and the line goes to today's list
        grid = QGridLayout(details)
        self.origin = LocationPicker(self._locations, kinds=("admin",), countries=("SYR",), language=lang)
        self.destination = LocationPicker(self._locations, kinds=("admin", "site"), language=lang)
        self.transport = QComboBox()
        fill_combo(self.transport, model.TRANSPORTS, blank="")
        self.reason = QComboBox()
        fill_combo(self.reason, model.REASONS, blank="")
        self.nationality = QLineEdit("SYR")
        self.nationality.setMaxLength(3)
        self.nationality.setMaximumWidth(70)
        self.notes = QLineEdit()
        fields = ((self.tr("Origin"), self.origin, "origin_pcode"),
                  (self.tr("Intended destination"), self.destination, "destination_pcode"),
                  (self.tr("Transport"), self.transport, "transport"), (self.tr("Reason"), self.reason, "reason"),
                  (self.tr("Nationality"), self.nationality, "nationality"), (self.tr("Notes"), self.notes, "notes"))
        # Three fields a row: the group's details take two rows, and today's list keeps the room
        # left on a 1280x720 or 1366x768 screen.
        for i, (text, widget, field) in enumerate(fields):
            row, col = divmod(i, 3)
            grid.addWidget(QLabel(text), row * 2, col * 2)
            grid.addWidget(widget, row * 2, col * 2 + 1)
            self._errors[field] = self._error_label()
            grid.addWidget(self._errors[field], row * 2 + 1, col * 2 + 1)
        for alias, field in (("origin_text", "origin_pcode"), ("destination_text", "destination_pcode")):
            self._errors[alias] = self._errors[field]
        self.vulnerabilities: dict[str, QSpinBox] = {}
        vuln_row = QGridLayout()  # three a row: five long labels in one row are wider than a 1280-pixel screen
        vuln_row.addWidget(QLabel(self.tr("Of whom:")), 0, 0)
        for i, field in enumerate(model.VULNERABILITY_FIELDS):
            box = QSpinBox()
            box.setRange(0, 999)
            box.setToolTip(label(field))
            self.vulnerabilities[field] = box
            row, col = divmod(i, 3)
            vuln_row.addWidget(QLabel(label(field)), row, 1 + col * 2)
            vuln_row.addWidget(box, row, 2 + col * 2)
        vuln_row.setColumnStretch(7, 1)
        self._vulnerability_grid = vuln_row
        grid.addLayout(vuln_row, 4, 0, 1, 6)
        self._errors["vulnerabilities"] = self._error_label()
        grid.addWidget(self._errors["vulnerabilities"], 5, 0, 1, 6)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)

        self.save_button = QPushButton(self.tr("Save group (Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_edit_button = QPushButton(self.tr("Cancel edit"))
        self.cancel_edit_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("Delete record"))
        self.delete_button.clicked.connect(self.delete_editing)
        self.status = QLabel()
        self.general_error = self._error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.general_error, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.cancel_edit_button)
        buttons.addWidget(self.save_button)
        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return")):
            QShortcut(keys, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Enter saves the group from any field of the form, as the button says (a QWidget has no default
        # button of its own); the list of today's groups keeps Enter for "correct this one".
        self._enter_saves = [self.point.combo, self.point.free_text, self.direction_in, self.direction_out,
                             self.counted_at, self.origin.combo, self.origin.free_text, self.destination.combo,
                             self.destination.free_text, self.transport, self.reason, self.nationality,
                             self.notes, *self.vulnerabilities.values(), self.save_button]
        self._enter_filter = _EnterSaves(self._enter_saves, self._enter_pressed, self)

        self.today = CrossingCountsModel(self._locations, lang, self)
        self.today_view = QTableView()
        self.today_view.setModel(self.today)
        self.today_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.today_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.today_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.today_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.today_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the points differ at the end
        self.today_view.verticalHeader().setDefaultSectionSize(24)
        self.today_view.activated.connect(lambda index: self.edit_record(self.today.record(index.row())))
        self.today_box = QGroupBox()
        today_layout = QVBoxLayout(self.today_box)
        today_layout.addWidget(self.today_view)

        layout = QVBoxLayout(self)
        self.draft_banner = DraftBanner(self)
        layout.addWidget(self.draft_banner)
        layout.addLayout(top)
        layout.addWidget(tally_box)
        layout.addWidget(details)
        # The buttons share the last row of the group's box (beside "of whom"): a row of their own
        # would take a line from today's list on a 768-pixel screen, in Arabic most of all.
        self._vulnerability_grid.addLayout(buttons, 1, 5, 1, 3)
        layout.addWidget(self.today_box, 1)
        self.setTabOrder(self.counted_at, self.tally)

    def _enter_pressed(self, widget) -> None:
        if isinstance(widget, QComboBox) and widget.isEditable():
            snap = getattr(widget.parentWidget(), "_snap_to_item", None)
            if snap is not None:
                snap()  # a place typed in part is chosen before saving
        self.save()

    # -- the time field ---------------------------------------------------------------------------------------
    def _set_time(self, when: QDateTime) -> None:
        self._setting_time = True
        self.counted_at.setDateTime(when)
        self._setting_time = False

    def _time_edited(self, _when) -> None:
        if not self._setting_time:
            self._time_follows_clock = False

    def _follow_clock(self) -> None:
        self._time_follows_clock = True
        self._set_time(QDateTime.currentDateTime())

    def _tick(self) -> None:
        if self._time_follows_clock and not self.editing_id and not self.counted_at.hasFocus():
            self._set_time(QDateTime.currentDateTime())

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.setVisible(False)
        return error

    # -- values ---------------------------------------------------------------------------------------------
    def values(self) -> dict:
        if self._time_follows_clock and not self.editing_id:
            self._set_time(QDateTime.currentDateTime())
        out = {"crossing_pcode": self.point.pcode(), "direction": "in" if self.direction_in.isChecked() else "out",
               "counted_at": self.counted_at.dateTime().toString("yyyy-MM-ddTHH:mm"),
               **self.tally.values(),
               "origin_pcode": self.origin.pcode(), "origin_text": self.origin.text(),
               "destination_pcode": self.destination.pcode(), "destination_text": self.destination.text(),
               "transport": self.transport.currentData(), "reason": self.reason.currentData(),
               "nationality": self.nationality.text().strip(), "notes": self.notes.text().strip(),
               **{f: box.value() for f, box in self.vulnerabilities.items()}}
        if not self.editing_id:
            out["observer"] = self.ctx.store.user
        return out

    def start_new(self) -> None:
        """Ready for the next group: tally cleared, time now; point, direction and route kept."""
        self.editing_id = None
        self.tally.reset()
        for box in self.vulnerabilities.values():
            box.setValue(0)
        self.notes.clear()
        self._follow_clock()
        self.save_button.setText(self.tr("Save group (Enter)"))
        self.cancel_edit_button.setVisible(False)
        self.delete_button.setVisible(False)
        self.clear_errors()
        self.tally.setFocus()

    def edit_record(self, rec: dict | None) -> None:
        if rec is None:
            return
        self.start_new()
        self.editing_id = rec["id"]
        self._fill(rec)
        self.save_button.setText(self.tr("Save changes"))
        self.cancel_edit_button.setVisible(True)
        self.delete_button.setVisible(True)
        self.tally.setFocus()

    def _fill(self, rec: dict) -> None:
        self.point.set_value(rec.get("crossing_pcode"))
        (self.direction_in if rec.get("direction") == "in" else self.direction_out).setChecked(True)
        self._set_time(QDateTime.fromString(rec["counted_at"][:16], "yyyy-MM-ddTHH:mm"))
        self._time_follows_clock = False  # a record's or a draft's own time stays
        self.tally.set_values(rec)
        self.origin.set_value(rec.get("origin_pcode"), rec.get("origin_text"))
        self.destination.set_value(rec.get("destination_pcode"), rec.get("destination_text"))
        select_code(self.transport, rec.get("transport"))
        select_code(self.reason, rec.get("reason"))
        self.nationality.setText(rec.get("nationality") or "")
        self.notes.setText(rec.get("notes") or "")
        for f, box in self.vulnerabilities.items():
            box.setValue(int(rec.get(f) or 0))

    # -- across a language switch (the shell rebuilds the window) ----------------------------------------
    def keep_state(self) -> dict:
        return {"editing_id": self.editing_id, "values": self._draft_payload(),
                "time_follows_clock": self._time_follows_clock}

    def restore_state(self, state: dict) -> None:
        if self._draft is not None:  # the carried values are newer than any draft on disk
            self.draft_banner.hide()
            self._draft, self.drafts.paused = None, False
        self._fill(state["values"])
        self._time_follows_clock = state.get("time_follows_clock", True)
        if state.get("editing_id"):
            self.editing_id = state["editing_id"]
            self.save_button.setText(self.tr("Save changes"))
            self.cancel_edit_button.setVisible(True)
            self.delete_button.setVisible(True)

    # -- the tally in progress, kept as a draft ----------------------------------------------------------
    def _tally_changed(self) -> None:
        if self.editing_id:
            return
        if self.drafts.paused and self.tally.total_count():
            # Counting started without restoring: the observer chose a fresh tally over the old draft.
            self.draft_banner.hide()
            self._draft, self.drafts.paused = None, False
        if self.tally.total_count():
            self.drafts.changed()
        else:  # counted back to nothing: nothing to keep
            self.drafts.discard()

    def _draft_payload(self) -> dict:
        values = self.values()
        values.pop("observer", None)
        return values

    def restore_draft(self) -> None:
        self._fill(self._draft["payload"])
        self._draft, self.drafts.paused = None, False
        self.tally.setFocus()

    def discard_draft(self) -> None:
        self._draft, self.drafts.paused = None, False
        self.drafts.discard()

    # -- writing -----------------------------------------------------------------------------------------------
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.clear_errors()
        self.save_button.setEnabled(False)
        if self.editing_id:
            self.ctx.run(crossings.update_count, self.ctx.store, self.editing_id, self.values(),
                         on_done=lambda _diff: self._saved(self.tr("Record corrected.")), on_error=self._failed)
        else:
            self.ctx.run(crossings.record_count, self.ctx.store, self.values(),
                         on_done=lambda _id: self._saved(self.tr("Group saved. Ready for the next one.")),
                         on_error=self._failed)

    def _saved(self, message: str) -> None:
        self.save_button.setEnabled(True)
        if not self.editing_id:
            self.drafts.discard()
        self.status.setText(message)
        self.start_new()  # today's list refreshes on the change event

    def _failed(self, exc) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            self.general_error.setText(self.ctx.error_text(exc))
            self.general_error.setVisible(True)
            return
        for e in exc.errors:
            key = ("counts" if e.field in model.COUNT_FIELDS or e.field == "total" else
                   "vulnerabilities" if e.field in model.VULNERABILITY_FIELDS else e.field)
            target = self._errors.get(key, self.general_error)
            prefix = label(e.field) + ": " if key == "vulnerabilities" else ""
            target.setText((target.text() + "\n" if target.text() else "") + prefix + field_error_text(e))
            target.setVisible(True)

    def clear_errors(self) -> None:
        for error in {*self._errors.values(), self.general_error}:
            error.clear()
            error.setVisible(False)

    def delete_editing(self) -> None:
        if self.editing_id:
            self.ctx.run(crossings.delete_count, self.ctx.store, self.editing_id,
                         on_done=lambda _r: self._saved(self.tr("Record deleted.")), on_error=self._failed)

    def add_informal_point(self):
        from .informal_point_dialog import InformalPointDialog

        dialog = InformalPointDialog(self.ctx, self._locations, parent=self)
        dialog.added.connect(self._point_added)
        dialog.open()
        return dialog

    def _point_added(self, code: str) -> None:
        self._reload_locations()
        self.point.set_value(code)
        self.tally.setFocus()

    # -- refresh -------------------------------------------------------------------------------------------------
    def reload_today(self) -> None:
        if self.ctx.store is None:
            return
        # Read off the GUI thread: during an import or a sync the writer is busy for minutes.
        self.ctx.read(crossings.list_for_day, None, on_done=self._today_arrived)

    def _today_arrived(self, rows: list[dict]) -> None:
        if self.ctx.store is None:
            return
        self.today.set_rows(rows, self._locations)
        total = sum(r.get("total") or 0 for r in rows)
        loc = self.locale()
        groups = self.tr("%n group(s)", "", len(rows)).replace(str(len(rows)), loc.toString(len(rows)), 1)
        people = self.tr("%n person(s)", "", total).replace(str(total), loc.toString(total), 1)
        self.today_box.setTitle(self.tr("Today: %1, %2 (double-click or Enter to correct)")
                                .replace("%1", groups).replace("%2", people))

    def _reload_locations(self) -> None:
        self._locations = self.ctx.locations()
        for picker in (self.point, self.origin, self.destination):
            picker.set_locations(self._locations)

    def _on_data_changed(self, table: str, _ids) -> None:
        if self.ctx.store is None:
            return
        if table == "locations":
            self._reload_locations()
        if table == "crossing_counts":
            self.reload_today()

    def _on_unlocked(self) -> None:
        self._reload_locations()
        self.reload_today()


class _EnterSaves(QObject):
    """Enter (without Ctrl or Shift) on any of ``widgets`` calls ``on_enter(widget)``.

    A filter object of its own, not the page: while the page is being destroyed its children still
    send events, and a page half gone must not be asked to filter them.
    """

    def __init__(self, widgets, on_enter, parent):
        super().__init__(parent)
        self._widgets = list(widgets)
        self._on_enter = on_enter
        for widget in self._widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and watched in self._widgets):
            self._on_enter(watched)
            return True
        return False
