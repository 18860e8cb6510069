"""A searchable choice of gazetteer places, with 'unknown' and a free-text box for places not listed.

Each item shows the name in the interface language and the other one beside it,
so a registrar can type either; typing filters by any part of the text.
Choosing 'Unknown' reveals a text box for what the person said.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from tracker.domain import gazetteer

UNKNOWN = "unknown"
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 7  # every spelling of the place, for typing


def place_name(locations: dict, pcode: str | None, language: str = "en") -> str:
    """The name of a P-code in ``language`` (the code itself when it is not in the gazetteer)."""
    if not pcode:
        return ""
    loc = locations.get(pcode)
    if loc is None:
        return pcode
    first, second = ("name_ar", "name_en") if language == "ar" else ("name_en", "name_ar")
    return loc.get(first) or loc.get(second) or pcode


class LocationPicker(QWidget):
    changed = Signal()

    def __init__(self, locations: dict, *, kinds=("admin",), countries=None, levels=None, language="en",
                 allow_unknown=True, blank=True, parent=None):
        super().__init__(parent)
        self._kinds, self._countries, self._levels = kinds, countries, levels
        self._language, self._allow_unknown, self._blank = language, allow_unknown, blank
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Typing matches the names shown and the other spellings of each place (gazetteer.alternate_names):
        # "Jableh" finds Jablah, "ادلب" finds إدلب.
        completer = _PlaceCompleter(self.combo)
        self.combo.setCompleter(completer)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.activated[QModelIndex].connect(self._completed)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.free_text = QLineEdit()
        self.free_text.setPlaceholderText(self.tr("Place as told (village, town)"))
        self.free_text.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 3)
        layout.addWidget(self.free_text, 2)
        self.setFocusProxy(self.combo)
        self.set_locations(locations)
        self.combo.currentIndexChanged.connect(self._on_index)
        self.combo.lineEdit().editingFinished.connect(self._snap_to_item)
        # Tabbing away while the completion list is open, the line edit never hears of it: pcode()
        # resolves what was typed itself (no focus hook: a widget being destroyed must not be called).
        self.free_text.textEdited.connect(lambda _t: self.changed.emit())

    def set_locations(self, locations: dict) -> None:
        keep = self.pcode()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self._blank:
            self.combo.addItem("", None)
        if self._allow_unknown:
            self.combo.addItem(self.tr("Unknown / not in the list"), UNKNOWN)
        for row in range(self.combo.count()):
            self.combo.setItemData(row, self.combo.itemText(row), SEARCH_ROLE)
        places = [loc for loc in locations.values() if self._wanted(loc)]
        places.sort(key=lambda loc: (loc.get("level") or 9, place_name(locations, loc["id"], self._language)))
        others = gazetteer.alternate_names()
        for loc in places:
            text = self._display(locations, loc)
            self.combo.addItem(text, loc["id"])
            spellings = " ".join((bare(text), *others.get(loc["id"], ())))
            self.combo.setItemData(self.combo.count() - 1, spellings, SEARCH_ROLE)
        # The list opens as wide as its longest name, cut in the middle if it must: places that
        # share a long beginning ("Nahr al-Kabir river crossing, …") differ at the end.
        view = self.combo.view()
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 900))
        self.combo.blockSignals(False)
        self.set_value(keep, self.free_text.text())

    def _wanted(self, loc: dict) -> bool:
        return (loc.get("kind") in self._kinds
                and (self._countries is None or loc.get("country") in self._countries)
                and (self._levels is None or loc.get("kind") != "admin" or loc.get("level") in self._levels))

    def _display(self, locations: dict, loc: dict) -> str:
        main = place_name(locations, loc["id"], self._language)
        other = place_name(locations, loc["id"], "en" if self._language == "ar" else "ar")
        parent = place_name(locations, loc.get("parent"), self._language) if loc.get("parent") else ""
        # Each name is isolated (FSI…PDI): an Arabic name beside a Latin one, with parentheses in
        # either, keeps its own direction and its brackets stay where they belong.
        text = isolate(main) if other == main else f"{isolate(main)} — {isolate(other)}"
        show_parent = parent and (loc.get("kind") != "admin" or (loc.get("level") or 1) > 1)
        if show_parent and parent == main:  # "Akkar (Akkar)" reads as the governorate listed twice
            level = self.tr("district")
            return f"{text} ({level})"
        return f"{text} ({isolate(parent)})" if show_parent else text

    # -- value ---------------------------------------------------------------------------
    def pcode(self) -> str | None:
        if not hasattr(self, "combo"):
            return None
        index = self.combo.findText(self.combo.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self._typed_match()
        return self.combo.itemData(index) if index >= 0 else None

    def text(self) -> str:
        return self.free_text.text().strip() if self.pcode() == UNKNOWN else ""

    def set_value(self, pcode: str | None, text: str | None = None) -> None:
        index = self.combo.findData(pcode) if pcode else (0 if self._blank else -1)
        if index < 0 and pcode:  # a code this device has not got (e.g. synced before its location)
            self.combo.addItem(pcode, pcode)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)
        self.free_text.setText(text or "")
        self.free_text.setVisible(pcode == UNKNOWN)

    def _on_index(self, _index: int) -> None:
        self.free_text.setVisible(self.pcode() == UNKNOWN)
        self.changed.emit()

    def _completed(self, index) -> None:
        """A place chosen in the completion list (perhaps by another spelling) becomes the choice."""
        row = self.combo.findData(index.data(Qt.ItemDataRole.UserRole))
        if row >= 0:
            self.combo.setCurrentIndex(row)

    def _snap_to_item(self) -> None:
        """Typed text that names one item (see _typed_match) selects that item."""
        typed = self.combo.currentText().strip()
        if not typed or self.combo.findText(typed, Qt.MatchFlag.MatchFixedString) >= 0:
            return
        index = self._typed_match()
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def _typed_match(self) -> int:
        """The item the typed text means: part of exactly one item's names, or an item's own name (or
        another spelling of it) in full; -1 if none or several."""
        typed = self.combo.currentText().strip()
        if not typed:
            return -1
        wanted = typed.casefold()
        hits = [i for i in range(self.combo.count())
                if wanted in (self.combo.itemData(i, SEARCH_ROLE) or bare(self.combo.itemText(i))).casefold()]
        # A place's own name typed in full wins over places that merely mention it (their parent):
        # "Homs" is the governorate (listed first, as the higher level), not every district of Homs.
        named = [i for i in hits if wanted in {_own_name(self.combo.itemText(i)).casefold(),
                                              _other_name(self.combo.itemText(i)).casefold(),
                                              *(n.casefold() for n in gazetteer.alternate_names().get(
                                                  self.combo.itemData(i), ()))}]
        if len(hits) == 1 or named:
            return (named or hits)[0]
        return -1


class _PlaceCompleter(QCompleter):
    """Matches on every spelling (SEARCH_ROLE), but writes the place's shown name into the box."""

    def __init__(self, combo):
        super().__init__(combo.model(), combo)

    def pathFromIndex(self, index):  # noqa: N802 (Qt's name)
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


def isolate(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode bidi isolates)."""
    return f"\u2068{text}\u2069" if text else text


def bare(text: str) -> str:
    """``text`` without the isolate marks (for comparing with what a user typed)."""
    return text.replace("\u2068", "").replace("\u2069", "")


def _own_name(display: str) -> str:
    """The first name of an item ("Homs" of "Homs — حمص (Homs)")."""
    return bare(display.split(" — ")[0].split(" (")[0]).strip()


def _other_name(display: str) -> str:
    parts = display.split(" — ")
    return bare(parts[1].split(" (")[0]).strip() if len(parts) > 1 else ""
