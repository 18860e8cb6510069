"""Female/male x five age brackets, counted with big +/− buttons or the keyboard.

With the grid focused: keys 1–5 add one female of each bracket (youngest
first), 6–0 one male; with Ctrl the same keys take one away; Backspace undoes
the last tap; Enter saves the group. The digit keys are the same on Arabic and Latin keyboard layouts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from tracker.domain import model

from ui.widgets.record_labels import label

_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
         Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9, Qt.Key.Key_0)
KEY_FIELDS = dict(zip(_KEYS, model.COUNT_FIELDS))  # 1 -> f_0_4 ... 0 -> m_60plus
KEY_NAMES = dict(zip(model.COUNT_FIELDS, "1234567890"))


class TallyGrid(QFrame):
    changed = Signal()
    submitted = Signal()  # Enter pressed while counting: save the group

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._counts = dict.fromkeys(model.COUNT_FIELDS, 0)
        self._taps: list[tuple[str, int]] = []
        self.cells: dict[str, QLabel] = {}
        self.plus: dict[str, QPushButton] = {}
        self.minus: dict[str, QPushButton] = {}
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 7)  # readable at arm's length, and the tally still leaves room for today's list
        big.setBold(True)
        grid = QGridLayout(self)
        for col, bracket in enumerate(model.AGE_BRACKETS, start=1):
            head = QLabel(label(bracket))
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setStyleSheet("font-weight: 600;")
            grid.addWidget(head, 0, col)
        for row, sex in enumerate(model.SEXES, start=1):
            name = QLabel(label(sex))
            name.setStyleSheet("font-weight: 600;")
            grid.addWidget(name, row, 0)
            for col, bracket in enumerate(model.AGE_BRACKETS, start=1):
                field = f"{sex}_{bracket}"
                grid.addWidget(self._cell(field, big), row, col)
        self.total = QLabel()
        self.total.setFont(big)
        self.total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(QLabel(self.tr("Total")), 0, len(model.AGE_BRACKETS) + 1, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.total, 1, len(model.AGE_BRACKETS) + 1, 2, 1)
        self._show()

    def _cell(self, field: str, font: QFont) -> QWidget:
        box = QWidget()
        layout = QGridLayout(box)
        layout.setContentsMargins(2, 2, 2, 2)
        minus = QPushButton("−")
        plus = QPushButton("+")
        for button, step in ((minus, -1), (plus, 1)):
            button.setFont(font)
            button.setMinimumSize(40, 40)  # big enough for a thumb, small enough for a 1280-pixel screen
            button.setMaximumSize(64, 44)  # and not as tall as its big font asks: today's list needs the room  # a push button's own minimum (75 pixels in most styles) would not be
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays on the grid for key counting
            button.setAutoRepeat(False)
            button.clicked.connect(lambda _c=False, f=field, s=step: self.add(f, s))
        value = QLabel("0")
        value.setFont(font)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value.setMinimumWidth(40)
        plus.setToolTip(self.tr("Add one (key %1)").replace("%1", KEY_NAMES[field]))
        minus.setToolTip(self.tr("Take one away (Ctrl+%1)").replace("%1", KEY_NAMES[field]))
        layout.addWidget(minus, 0, 0)
        layout.addWidget(value, 0, 1)
        layout.addWidget(plus, 0, 2)
        self.cells[field], self.plus[field], self.minus[field] = value, plus, minus
        return box

    # -- counting --------------------------------------------------------------------------------
    def add(self, field: str, step: int = 1) -> None:
        new = max(0, self._counts[field] + step)
        if new != self._counts[field]:
            self._taps.append((field, new - self._counts[field]))
            self._counts[field] = new
            self._show()
            self.changed.emit()

    def undo(self) -> None:
        if self._taps:
            field, step = self._taps.pop()
            self._counts[field] = max(0, self._counts[field] - step)
            self._show()
            self.changed.emit()

    def values(self) -> dict:
        return dict(self._counts)

    def set_values(self, values: dict) -> None:
        self._counts = {f: int(values.get(f) or 0) for f in model.COUNT_FIELDS}
        self._taps.clear()
        self._show()
        self.changed.emit()

    def reset(self) -> None:
        self.set_values({})

    def total_count(self) -> int:
        return sum(self._counts.values())

    def _show(self) -> None:
        for field, cell in self.cells.items():
            cell.setText(str(self._counts[field]))
            self.minus[field].setEnabled(self._counts[field] > 0)
        self.total.setText(str(self.total_count()))

    def keyPressEvent(self, event):
        field = KEY_FIELDS.get(event.key())
        if field is not None:
            self.add(field, -1 if event.modifiers() & Qt.KeyboardModifier.ControlModifier else 1)
            return
        if event.key() == Qt.Key.Key_Backspace:
            self.undo()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):
        self.setStyleSheet("TallyGrid { border: 2px solid #2a6fdb; }")
        super().focusInEvent(event)

    def focusOutEvent(self, event):
        self.setStyleSheet("")
        super().focusOutEvent(event)
