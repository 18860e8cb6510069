"""People by sex x age bracket as ten number boxes (a pre-registration's counts).

Tab order runs along the female row, then the male row, as the paper form reads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from tracker.domain import model

from .record_labels import label


class CountsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QSpinBox] = {}
        for col, bracket in enumerate(model.AGE_BRACKETS, start=1):
            head = QLabel(label(bracket))
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, col)
        self.total = QLabel()
        grid.addWidget(QLabel(self.tr("Total")), 0, len(model.AGE_BRACKETS) + 1)
        for row, sex in enumerate(model.SEXES, start=1):
            grid.addWidget(QLabel(label(sex)), row, 0)
            for col, bracket in enumerate(model.AGE_BRACKETS, start=1):
                box = QSpinBox()
                box.setRange(0, 999)
                box.setAccessibleName(f"{label(sex)} {label(bracket)}")
                box.valueChanged.connect(self._changed)
                box.installEventFilter(self)
                self.boxes[f"{sex}_{bracket}"] = box
                grid.addWidget(box, row, col)
        grid.addWidget(self.total, 1, len(model.AGE_BRACKETS) + 1, 2, 1)
        self.setFocusProxy(self.boxes[model.COUNT_FIELDS[0]])
        self._changed()

    def eventFilter(self, watched, event):
        # Typing a number replaces the 0 shown, however the box got focus.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QSpinBox):
            QTimer.singleShot(0, watched.selectAll)
        return False

    def values(self) -> dict:
        return {f: box.value() for f, box in self.boxes.items()}

    def set_values(self, values: dict) -> None:
        for f, box in self.boxes.items():
            box.blockSignals(True)
            box.setValue(int(values.get(f) or 0))
            box.blockSignals(False)
        self._changed()

    def _changed(self, *_):
        self.total.setText(str(sum(self.values().values())))
        self.changed.emit()
