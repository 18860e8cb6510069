"""The Dashboard: key figures and four charts under one set of filters, and the situation report.

Key figures: households and people registered, arrivals today and in the last
7 days, arrivals and departures in the period, the busiest crossing points, the
share of households with specific needs, unaccompanied or separated children.
"""

from __future__ import annotations

import functools

from PySide6.QtWidgets import (QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from .flows_page import ChartsLoader, FilterBar, draw_chart, names_for

CHARTS = ("daily", "cumulative", "flows", "pyramid")


def _number(n: int) -> str:
    return f"{n:,}"


class KeyFigure(QFrame):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 17px; font-weight: bold; color: #0072B2;")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class DashboardPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from .chart_canvas import ChartView

        self.ctx = ctx
        self.result: dict | None = None
        self.filter_bar = FilterBar(ctx)
        self.report_button = QPushButton(self.tr("Situation report (PDF)…"))
        self.report_button.clicked.connect(self.write_report)
        self.status = QLabel()
        self.status.setWordWrap(True)
        captions = {
            "households": self.tr("Households registered"), "persons": self.tr("People in registered households"),
            "arrivals_today": self.tr("Arrivals today"), "arrivals_7d": self.tr("Arrivals, last 7 days"),
            "arrivals_period": self.tr("Arrivals in the period"), "departures_period": self.tr("Departures in the period"),
            "needs": self.tr("Households with specific needs"),
            "uasc": self.tr("Unaccompanied or separated children"),
        }
        self.figures = {key: KeyFigure(text) for key, text in captions.items()}
        self.figures["needs"].setToolTip(self.tr("Share of the households registered member by member"))
        self.by_crossing = QLabel()
        self.by_crossing.setWordWrap(True)
        tiles = QGridLayout()
        for i, tile in enumerate(self.figures.values()):
            tiles.addWidget(tile, 0, i)
            tiles.setColumnStretch(i, 1)
        tiles.addWidget(self.by_crossing, 1, 0, 1, len(self.figures))
        self.charts = {key: ChartView(key, min_height=220, save_button=False, height_in=2.3) for key in CHARTS}
        grid = QGridLayout()
        for i, key in enumerate(CHARTS):
            grid.addWidget(self.charts[key], i // 2, i % 2)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(tiles)
        body_layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        self.status.hide()
        layout.addWidget(scroll, 1)
        self.loader = ChartsLoader(self, self._show)
        self.filter_bar.changed.connect(self.loader.timer.start)
        self.loader.load_now()

    def _show(self, result: dict) -> None:
        self.result = result
        kf = result["key_figures"]
        for key in ("households", "persons", "arrivals_today", "arrivals_7d", "arrivals_period",
                    "departures_period", "uasc"):
            self.figures[key].value.setText(_number(getattr(kf, key)))
        share = kf.specific_needs_share
        self.figures["needs"].value.setText(
            "–" if share is None else f"{100 * share:.0f}% ({_number(kf.specific_needs_households)})")
        names = names_for(self.ctx, result["locations"])
        top = " · ".join(f"{names.get(p, p)}: {_number(n)}" for p, n in kf.by_crossing[:3])
        self.by_crossing.setText(self.tr("Busiest crossing points: %1").replace("%1", top or "–"))
        for key, view in self.charts.items():
            view.show_chart(lambda fig, key=key: draw_chart(key, fig, result, names, self.ctx.language))

    def show_error(self, exc) -> None:
        self.say(self.ctx.error_text(exc))

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def write_report(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save situation report"), "situation-report.pdf",
                                              self.tr("PDF (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from tracker import report

        self.report_button.setEnabled(False)
        self.say(self.tr("Writing the report…"))

        def done(out):
            self.report_button.setEnabled(True)
            self.say(self.tr("Report saved: %1").replace("%1", str(out)))

        def failed(exc):
            self.report_button.setEnabled(True)
            self.show_error(exc)

        write = functools.partial(report.write, language=self.ctx.language)
        self.ctx.run(write, self.ctx.store, self.filter_bar.filters(), path, on_done=done, on_error=failed)
        return path
