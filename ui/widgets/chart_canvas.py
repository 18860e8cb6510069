"""A chart on screen: a matplotlib Figure in a FigureCanvasQTAgg, built only when first shown.

matplotlib's Qt backend costs about half a second to import, so this module
imports it inside ``ChartView`` (never at ui import time). The figure itself is
drawn by tracker.charts.draw, the same code the PDF report uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class ChartView(QWidget):
    """One chart with a 'Save chart…' button (PNG, SVG or PDF)."""

    def __init__(self, name: str = "chart", parent=None, *, min_height: int = 260, save_button: bool = True,
                 height_in: float = 3.2):
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from tracker.charts import draw

        self.name = name
        self.figure = draw.new_figure(6, height_in)  # its size is the canvas's size hint
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(min_height)
        # right-click saves too, so compact layouts can leave the button out
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        save_action = QAction(self.tr("Save chart…"), self.canvas)
        save_action.triggered.connect(self.save_as)
        self.canvas.addAction(save_action)
        self.canvas.setToolTip(self.tr("Right-click to save this chart as PNG, SVG or PDF"))
        self.last_saved: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        self.save_button = QPushButton(self.tr("Save chart…"))
        self.save_button.setToolTip(self.tr("Save this chart as PNG, SVG or PDF"))
        self.save_button.clicked.connect(self.save_as)
        if save_button:
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.save_button)
            layout.addLayout(row)

    def show_chart(self, build) -> None:
        """Clear the figure and let ``build(figure)`` draw into it."""
        self.figure.clear()
        build(self.figure)
        self.canvas.draw_idle()

    def save_to(self, path) -> Path:
        from tracker.charts import draw

        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            path = path.with_suffix(".png")
        draw.save(self.figure, path)
        self.last_saved = path
        return path

    def save_as(self) -> Path | None:
        filters = ";;".join([self.tr("PNG image (*.png)"), self.tr("SVG drawing (*.svg)"), self.tr("PDF (*.pdf)")])
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{self.name}.png", filters)
        if not path:
            return None
        if not Path(path).suffix:
            path += "." + ("svg" if "svg" in chosen else "pdf" if "pdf" in chosen.lower() else "png")
        return self.save_to(path)
