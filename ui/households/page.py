"""The Households screen: search, filters and the paged list, with the actions on a household.

Shortcuts: Ctrl+F search, Ctrl+N new pre-registration, Ctrl+Shift+N new full
registration, Enter open, Delete delete (asks first), Ctrl+H history.
The list reads through its own read connection (opened on unlock, closed on
lock so no key stays in memory); writes go through the context's writer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QTableView, QToolBar, QVBoxLayout, QWidget)

from tracker.domain import households, model, queries
from tracker.domain.queries import HouseholdFilters

from .form import HouseholdForm
from .model import HouseholdsModel
from ui.widgets.location_picker import place_name
from ui.widgets.record_labels import fill_combo

SEARCH_DELAY_MS = 150  # wait for a pause in typing before searching


class HouseholdsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._conn = None
        self._locations: dict = {}
        self.forms: list[HouseholdForm] = []
        self.model = HouseholdsModel(language=ctx.language, parent=self)
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._refresh_timer = QTimer(self, singleShot=True, interval=50)  # coalesce bursts of writes
        self._refresh_timer.timeout.connect(self.model.refresh)
        # The shell may delete this page (language switch) without locking: close the reader then too.
        self._reader_box: list = []
        box = self._reader_box
        self.destroyed.connect(lambda *_: [conn.close() for conn in box] and box.clear())
        ctx.data_changed.connect(self._on_data_changed)
        ctx.locked.connect(self._on_locked)
        ctx.unlocked.connect(self._on_unlocked)
        if ctx.store is not None:
            self._on_unlocked()

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search names (Arabic or Latin, any spelling)…  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.origin = QComboBox()
        self.current = QComboBox()
        self.status = QComboBox()
        fill_combo(self.status, model.HOUSEHOLD_STATUSES, blank=self.tr("Any status"))
        self.needs = QComboBox()
        self.needs.addItem(self.tr("Any needs"), None)
        self.needs.addItem(self.tr("With specific needs"), True)
        self.needs.addItem(self.tr("Without specific needs"), False)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for w, hint in ((self.date_from, self.tr("Registered from")), (self.date_to, self.tr("to (YYYY-MM-DD)"))):
            w.setPlaceholderText(hint)
            w.setMaximumWidth(140)
            w.editingFinished.connect(self.apply_filters)
        for combo in (self.origin, self.current, self.status, self.needs):
            combo.currentIndexChanged.connect(self.apply_filters)
        filters = QHBoxLayout()
        for w in (self.origin, self.current, self.status, self.needs, self.date_from, self.date_to):
            filters.addWidget(w)
        filters.addStretch(1)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_pre_action = self._action(self.tr("New pre-registration"), "Ctrl+N", lambda: self.new_household("pre"))
        self.new_full_action = self._action(self.tr("New full registration"), "Ctrl+Shift+N",
                                            lambda: self.new_household("full"))
        self.open_action = self._action(self.tr("Open"), "Return", self.open_selected)
        self.open_action.setShortcut(QKeySequence())  # Enter on the list opens through the view's 'activated'
        self.delete_action = self._action(self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete_selected)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # never 'delete this text'

        self.history_action = self._action(self.tr("History"), "Ctrl+H", self.history_selected)
        # Ctrl+F is the window's (it focuses the child named "search"): a second binding here would
        # make the shortcut ambiguous, and Qt then runs neither.

        self.view = FittingTable()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures every row
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.set_widths((190, 170, 100, 130, 150, 90, 130, 70, 120))
        header.setStretchLastSection(True)
        self.view.addAction(self.delete_action)
        self.search.returnPressed.connect(self.apply_filters)
        # Enter or double-click on a row (the view's 'activated') opens it.
        self.view.activated.connect(lambda index: self.open_household(self.model.household_id(index.row())))
        self.count_label = QLabel()
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.search)

    def _action(self, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)  # the shortcut works anywhere on the page, not just on the toolbar
        return action

    # -- store life ------------------------------------------------------------------------------------
    def _on_unlocked(self) -> None:
        self._conn = self.ctx.store.reader()
        self._reader_box[:] = [self._conn]
        self._locations = queries.locations(self._conn)
        self._fill_place_filters()
        self.model.set_connection(self._conn, self._locations)

    def _on_locked(self) -> None:
        self._search_timer.stop()
        self._refresh_timer.stop()
        for form in list(self.forms):
            form.done(0)
        self.model.set_connection(None)
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._reader_box.clear()

    def close_reader(self) -> None:
        """Release the read connection (the shell calls this, or lock does)."""
        self._on_locked()

    def _on_data_changed(self, table: str, _ids: list) -> None:
        if self._conn is None:
            return
        if table == "locations":
            self._locations = queries.locations(self._conn)
            self.model.set_locations(self._locations)
        if table in ("households", "persons"):
            self._refresh_timer.start()

    def _fill_place_filters(self) -> None:
        lang = self.ctx.language
        for combo, column, blank in ((self.origin, "origin_adm1", self.tr("Any origin")),
                                     (self.current, "current_pcode", self.tr("Any current location"))):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(blank, None)
            codes = queries.used_values(self._conn, column)
            for code in sorted(codes, key=lambda c: place_name(self._locations, c, lang)):
                combo.addItem(place_name(self._locations, code, lang), code)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    # -- filtering ---------------------------------------------------------------------------------------
    def current_filters(self) -> HouseholdFilters:
        return HouseholdFilters(
            origin_adm1=self.origin.currentData(), current_pcode=self.current.currentData(),
            status=self.status.currentData(), has_specific_needs=self.needs.currentData(),
            date_from=_date_or_none(self.date_from), date_to=_date_or_none(self.date_to),
            text=self.search.text())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filters(self.current_filters())
        # A search in the default order lists the newest entries first, not by registration date.
        self.view.horizontalHeader().setSortIndicatorShown(
            not (self.model.is_search() and self.model.sort_key() == queries.SEARCH_SORT))

    def _update_count(self, *_):
        n = self.model.rowCount()
        if self.model.is_capped():
            self.count_label.setText(self.tr("More than %1 households match: type more of the name to narrow "
                                             "the list.").replace("%1", str(n)))
        else:
            self.count_label.setText(self.tr("%n household(s)", "", n))

    # -- actions -------------------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.household_id(index.row()) if index.isValid() else None

    def new_household(self, mode: str) -> HouseholdForm:
        return self._show_form(HouseholdForm(self.ctx, mode=mode, locations=self._locations, parent=self))

    def open_household(self, household_id: str | None) -> HouseholdForm | None:
        if not household_id:
            return None
        return self._show_form(HouseholdForm(self.ctx, household_id, locations=self._locations, parent=self))

    def open_selected(self) -> HouseholdForm | None:
        return self.open_household(self.selected_id())

    def _show_form(self, form: HouseholdForm) -> HouseholdForm:
        self.forms.append(form)
        form.finished.connect(lambda _r: self.forms.remove(form) if form in self.forms else None)
        form.open_requested.connect(self.open_household)
        form.saved.connect(lambda _id: self._fill_place_filters() if self._conn is not None else None)
        form.open()
        return form

    def delete_selected(self) -> None:
        household_id = self.selected_id()
        if household_id and self.confirm_delete():
            self.ctx.run(households.delete_household, self.ctx.store, household_id,
                         on_error=lambda exc: QMessageBox.warning(self, self.tr("Not deleted"),
                                                                  self.ctx.error_text(exc)))

    def confirm_delete(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Delete household"),
            self.tr("Delete this household and its members? The record is kept in the history and can be "
                    "audited, but it leaves every list and report."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def history_selected(self):
        household_id = self.selected_id()
        if not household_id:
            return None
        from ui.widgets.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.ctx, household_id, self._locations, parent=self)
        dialog.open()
        return dialog


class FittingTable(QTableView):
    """A table whose columns share out its width (each at least as wide as its title) until the user
    resizes one by hand: no column is cut on a 1280- or 1366-pixel screen, none sprawls on a big one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._weights: tuple[int, ...] = ()
        self._fitting = False
        self._by_hand = False
        self.horizontalHeader().sectionResized.connect(self._resized)

    def set_widths(self, weights) -> None:
        self._weights = tuple(weights)
        self.fit_columns()

    def _resized(self, *_):
        if not self._fitting and self.horizontalHeader().underMouse():
            self._by_hand = True

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        model = self.model()
        if self._by_hand or not self._weights or model is None:
            return
        metrics = header.fontMetrics()
        titles = [metrics.horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal) or "")) + 24
                  for c in range(len(self._weights))]
        room = max(self.viewport().width(), sum(titles))
        total = sum(self._weights)
        self._fitting = True
        for col, weight in enumerate(self._weights):
            header.resizeSection(col, max(titles[col], room * weight // total))
        self._fitting = False


def _date_or_none(edit: QLineEdit) -> str | None:
    text = edit.text().strip()
    if not text:
        edit.setStyleSheet("")
        return None
    from tracker.timeutil import parse_date

    try:
        value = parse_date(text).isoformat()
    except ValueError:
        edit.setStyleSheet("border: 1px solid #b00020;")
        return None
    edit.setStyleSheet("")
    return value
