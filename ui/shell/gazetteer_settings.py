"""Settings › Places: the locations added on devices, and a form to add an informal crossing point or site.

Field teams meet crossings and shelters that no official list has; they add
them here (validated by the core, audited, synced like any record).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from tracker import errors
from tracker.domain import gazetteer

from .context import field_error_text

ADDABLE_KINDS = ("informal_crossing", "site", "official_crossing")
COUNTRIES = ("LBN", "SYR")
FORM_FIELDS = ("name_en", "name_ar", "kind", "country", "parent", "lat", "lon")


def kind_text(kind: str) -> str:
    if kind == "informal_crossing":
        return QCoreApplication.translate("Places", "Informal crossing point")
    if kind == "official_crossing":
        return QCoreApplication.translate("Places", "Official crossing")
    if kind == "site":
        return QCoreApplication.translate("Places", "Site (shelter, settlement)")
    if kind == "admin":
        return QCoreApplication.translate("Places", "Administrative area")
    return kind


class UserLocationsModel(QAbstractTableModel):
    """Rows are plain dicts from ``gazetteer.user_added``; a short list, so it is held whole."""

    COLUMNS = ("name", "kind", "parent", "country", "id")

    def __init__(self, language: str = "en", parent=None):
        super().__init__(parent)
        self.language = language
        self.rows: list[dict] = []
        self.names: dict[str, str] = {}  # parent P-code -> name, for the parent column

    def set_rows(self, rows: list[dict], names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.names = dict(names or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row, column = self.rows[index.row()], self.COLUMNS[index.column()]
        if column == "name":
            first, second = ("name_ar", "name_en") if self.language == "ar" else ("name_en", "name_ar")
            return row.get(first) or row.get(second) or ""
        if column == "kind":
            return kind_text(row.get("kind", ""))
        if column == "parent":
            return self.names.get(row.get("parent"), row.get("parent") or "")
        return str(row.get(column) or "")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {"name": self.tr("Name"), "kind": self.tr("Kind"), "parent": self.tr("In area"),
                "country": self.tr("Country"), "id": self.tr("Code")}[self.COLUMNS[section]]


class GazetteerPanel(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Places added on devices"))
        self.model = UserLocationsModel(ctx.language, self)
        self.table = QTableView()
        self.table.setObjectName("user_locations")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.empty = QLabel(self.tr("None yet. Places you add appear here and reach other devices when you sync."))
        self.empty.setWordWrap(True)

        self.fields: dict[str, QWidget] = {
            "name_en": QLineEdit(), "name_ar": QLineEdit(), "kind": QComboBox(), "country": QComboBox(),
            "parent": QComboBox(), "lat": QLineEdit(), "lon": QLineEdit(),
        }
        self.fields["name_ar"].setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for kind in ADDABLE_KINDS:
            self.fields["kind"].addItem(kind_text(kind), kind)
        for code in COUNTRIES:
            self.fields["country"].addItem({"LBN": self.tr("Lebanon"), "SYR": self.tr("Syria")}[code], code)
        self.fields["country"].currentIndexChanged.connect(self._fill_parents)
        self.fields["parent"].setMinimumContentsLength(24)
        self.fields["lat"].setPlaceholderText(self.tr("optional, e.g. 34.63"))
        self.fields["lon"].setPlaceholderText(self.tr("optional, e.g. 35.98"))
        self.errors = {name: _error_label() for name in FORM_FIELDS}
        form = QFormLayout()
        form.setVerticalSpacing(4)
        labels = {"name_en": self.tr("Name in &English:"), "name_ar": self.tr("Name in &Arabic:"),
                  "kind": self.tr("&Kind:"), "country": self.tr("C&ountry:"), "parent": self.tr("In &area:"),
                  "lat": self.tr("La&titude:"), "lon": self.tr("Lo&ngitude:")}
        for name in FORM_FIELDS:
            box = QVBoxLayout()
            box.setSpacing(0)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.fields[name])
            box.addWidget(self.errors[name])
            label = QLabel(labels[name])
            label.setBuddy(self.fields[name])
            form.addRow(label, box)
        self.add_button = QPushButton(self.tr("&Add place"))
        self.add_button.clicked.connect(self.add)
        self.result = QLabel()
        self.result.setObjectName("add_result")
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.result, 1)

        add_box = QGroupBox(self.tr("Add an informal crossing point or site"))
        add_layout = QVBoxLayout(add_box)
        add_layout.addLayout(form)
        add_layout.addLayout(row)
        layout = QHBoxLayout(self)
        listing = QVBoxLayout()
        listing.addWidget(self.table, 1)
        listing.addWidget(self.empty)
        layout.addLayout(listing, 3)
        layout.addWidget(add_box, 2)

        self._admin: list[dict] = []
        ctx.data_changed.connect(self._changed)
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        if self.ctx.store is not None:
            self.ctx.run(_load, self.ctx.store, self.ctx.language, on_done=self._loaded, on_error=self._show_error)

    def _loaded(self, data: dict) -> None:
        self._admin = data["admin"]
        self.model.set_rows(data["rows"], data["names"])
        self.empty.setVisible(not data["rows"])
        self._fill_parents()

    def _changed(self, table: str, _ids) -> None:
        if table == "locations":
            self.reload()

    def _fill_parents(self) -> None:
        combo: QComboBox = self.fields["parent"]
        country = self.fields["country"].currentData()
        keep = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("— choose —"), None)
        for loc in self._admin:
            if loc["country"] == country:
                indent = "    " * max(0, (loc.get("level") or 1) - 1)
                combo.addItem(f"{indent}{loc['label']} ({loc['id']})", loc["id"])
        combo.setCurrentIndex(max(0, combo.findData(keep)))

    # -- adding --------------------------------------------------------------------------
    def values(self) -> dict:
        f = self.fields
        return {"name_en": f["name_en"].text().strip() or None, "name_ar": f["name_ar"].text().strip() or None,
                "kind": f["kind"].currentData(), "country": f["country"].currentData(),
                "parent": f["parent"].currentData(), "lat": f["lat"].text().strip() or None,
                "lon": f["lon"].text().strip() or None}

    def add(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.result.clear()
        if self.ctx.store is None:
            return
        self.add_button.setEnabled(False)
        self.ctx.run(gazetteer.add_location, self.ctx.store, self.values(), on_done=self._added,
                     on_error=self._show_error)

    def _added(self, code: str) -> None:
        self.add_button.setEnabled(True)
        name = self.fields["name_en"].text().strip() or self.fields["name_ar"].text().strip()
        self.result.setText(self.tr("Added %1 (code %2).").replace("%1", name).replace("%2", code))
        for key in ("name_en", "name_ar", "lat", "lon"):
            self.fields[key].clear()

    def _show_error(self, exc) -> None:
        self.add_button.setEnabled(True)
        if isinstance(exc, errors.ValidationError):
            general = []
            for e in exc.errors:
                label = self.errors.get(e.field)
                if label is None:
                    general.append(f"{e.field}: {field_error_text(e)}")
                    continue
                label.setText(field_error_text(e) if e.rule in _KNOWN_RULES else e.message)
                label.show()
            self.result.setText("\n".join(general) or self.tr("Please correct the marked fields."))
        else:
            self.result.setText(self.ctx.error_text(exc))


# Rules the shared error table words well; others keep the core's own message (it names the limit).
_KNOWN_RULES = {"required", "unknown_pcode", "wrong_kind", "choice", "too_long"}


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.hide()
    return label


def _load(store, language: str) -> dict:
    admin = gazetteer.by_kind(store, "admin")
    names = {loc["id"]: gazetteer.name(store, loc["id"], language) for loc in admin}
    # the cached dicts are shared with the store: copy before adding a label
    admin = [dict(loc, label=names[loc["id"]]) for loc in admin]
    admin.sort(key=lambda loc: (loc["country"], loc["id"]))
    return {"admin": admin, "names": names, "rows": gazetteer.user_added(store)}
