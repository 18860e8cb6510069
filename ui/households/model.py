"""The household list as a virtual table: SQL knows how many rows match, and only the pages
the view actually paints are read.

The row count comes from ``queries.count_households``, so the scroll bar is
right from the start and no ``fetchMore`` is involved (the usual source of
off-by-one and re-entrancy bugs). ``data()`` reads the page a row falls in
(a few milliseconds over the live partial indexes) and keeps the last few pages.
Reads use the page's own read connection: WAL lets it read while the writer
thread writes, and the GUI never waits on a write.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from tracker.domain import queries
from tracker.domain.queries import HouseholdFilters

from ui.widgets.location_picker import place_name
from ui.widgets.record_labels import label

_COL = {name: i for i, name in enumerate(queries.LIST_COLUMNS)}
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# (header, sort key) of each visible column, in order.
COLUMNS = (
    ("head_ar", "head_name"),
    ("head_lat", "head_name"),
    ("registered", "registration_date"),
    ("origin", "origin_adm1"),
    ("current", "current_pcode"),
    ("status", "status"),
    ("mode", "mode"),
    ("people", "total"),
    ("needs", None),
)


class HouseholdsModel(QAbstractTableModel):
    PAGE_SIZE = 100
    CACHED_PAGES = 12
    SEARCH_CAP = 1000  # a name search lists at most this many: more means 'type more of the name'

    def __init__(self, conn=None, locations: dict | None = None, language: str = "en", parent=None):
        super().__init__(parent)
        self._conn = conn
        self._locations = locations or {}
        self._language = language
        self._filters = HouseholdFilters()
        self._sort = None  # None: the default order (newest registrations; entry order for a search)
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._count = self._read_count()

    # -- what is shown -------------------------------------------------------------------
    def set_connection(self, conn, locations: dict | None = None) -> None:
        """A new read connection (after unlock) or None (locked: show nothing)."""
        self.beginResetModel()
        self._conn = conn
        if locations is not None:
            self._locations = locations
        self._pages.clear()
        self._count = self._read_count()
        self.endResetModel()

    def set_locations(self, locations: dict) -> None:
        self._locations = locations
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def filters(self) -> HouseholdFilters:
        return self._filters

    def set_filters(self, filters: HouseholdFilters) -> None:
        if filters == self._filters:
            return
        self.beginResetModel()
        self._filters = filters
        self._pages.clear()
        self._count = self._read_count()
        self.endResetModel()

    def sort_key(self) -> tuple[str, bool]:
        if self._sort is not None:
            return self._sort
        return queries.SEARCH_SORT if self.is_search() else queries.DEFAULT_SORT

    def is_search(self) -> bool:
        return bool(self._filters.text and self._filters.text.strip())

    def is_capped(self) -> bool:
        return self.is_search() and self._count >= self.SEARCH_CAP

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        wanted = (COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
        if wanted == queries.DEFAULT_SORT:
            wanted = None  # the default: a name search then comes in entry order (fast), see sort_key
        if wanted == self._sort:
            return
        self.beginResetModel()
        self._sort = wanted
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Households were written: recount and repaint, keeping the view where it is."""
        self._pages.clear()
        old, new = self._count, self._read_count()
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._count = new
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._count = new
            self.endRemoveRows()
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(COLUMNS) - 1))

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self._header(COLUMNS[section][0])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def _header(self, key: str) -> str:
        return {
            "head_ar": self.tr("Head of household"), "head_lat": self.tr("Name (Latin)"),
            "registered": self.tr("Registered"), "origin": self.tr("Origin"),
            "current": self.tr("Current location"), "status": self.tr("Status"), "mode": self.tr("Registration"),
            "people": self.tr("People"), "needs": self.tr("Specific needs"),
        }[key]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, ID_ROLE, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == ID_ROLE:
            return row[_COL["id"]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if key in ("people", "needs", "registered") else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#a33") if key == "needs" and row[_COL["has_specific_needs"]] else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Members listed: %1").replace("%1", str(row[_COL["member_count"]] or 0)) \
                if key == "people" else None
        return self._display(key, row)

    def _display(self, key: str, row: tuple):
        if key == "head_ar":
            return row[_COL["head_name_ar"]] or row[_COL["head_name_lat"]] or ""
        if key == "head_lat":
            return row[_COL["head_name_lat"]] or ""
        if key == "registered":
            return row[_COL["registration_date"]] or ""
        if key == "origin":
            return place_name(self._locations, row[_COL["origin_adm1"]] or row[_COL["origin_pcode"]], self._language)
        if key == "current":
            return place_name(self._locations, row[_COL["current_pcode"]], self._language)
        if key in ("status", "mode"):
            return label(row[_COL[key]])
        if key == "people":
            return row[_COL["total"]] or 0
        if key == "needs":
            flags = []
            if row[_COL["has_specific_needs"]]:
                flags.append(self.tr("Yes"))
            if row[_COL["uasc_count"]]:
                flags.append(self.tr("%1 separated child(ren)").replace("%1", str(row[_COL["uasc_count"]])))
            return ", ".join(flags)
        return None

    # -- paging ----------------------------------------------------------------------------------
    def household_id(self, row: int) -> str | None:
        if not 0 <= row < self._count:
            return None
        r = self._row(row)
        return r[_COL["id"]] if r else None

    def _row(self, row: int):
        number, within = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
            self._pages[number] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def _read_page(self, number: int) -> list[tuple]:
        if self._conn is None:
            return []
        return queries.household_page(self._conn, self._filters, self.sort_key(),
                                      offset=number * self.PAGE_SIZE, limit=self.PAGE_SIZE)

    def _read_count(self) -> int:
        if self._conn is None:
            return 0
        cap = self.SEARCH_CAP if self.is_search() else None
        return queries.count_households(self._conn, self._filters, cap=cap)
