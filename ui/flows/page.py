"""The Flows screen: one large chart at a time (daily, cumulative, origin to destination, pyramid, map),
with the shared filters and Save chart (PNG/SVG/PDF). Also home of ``FilterBar``, used by the dashboard.

Data are read off the GUI thread (tracker.charts.data.dashboard_data); the
chart is drawn on the chart thread when they arrive (ui/widgets/chart_canvas.py). A newer request makes an
older answer stale, so quick filter changes never paint old numbers.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tracker.domain import gazetteer
from tracker.charts.data import Filters, dashboard_data

from ui.widgets.location_picker import place_name

REFRESH_DELAY_MS = 150  # gather quick successive changes (typing a date) into one redraw
RELEVANT_TABLES = {"crossing_counts", "households", "persons", "locations"}


class FilterBar(QWidget):
    """Period, crossing point, direction and governorate of origin."""

    changed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.language
        locations = ctx.locations()
        self.period = QComboBox()
        for text, key in ((self.tr("All dates"), "all"), (self.tr("Last 7 days"), "7"),
                          (self.tr("Last 30 days"), "30"), (self.tr("Between dates"), "custom")):
            self.period.addItem(text, key)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            # left to right with the C locale, set before the format: in Arabic the box would lay the
            # date's parts out mirrored (02-12-2026)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setLocale(QLocale.c())
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.crossing = QComboBox()
        self.crossing.addItem(self.tr("All crossing points"), None)
        points = [l for l in locations.values() if l["kind"] in ("official_crossing", "informal_crossing")]
        for loc in sorted(points, key=lambda l: place_name(locations, l["id"], lang)):
            self.crossing.addItem(place_name(locations, loc["id"], lang), loc["id"])
        self.direction = QComboBox()
        for text, key in ((self.tr("Both directions"), None), (self.tr("Arrivals"), "in"),
                          (self.tr("Departures"), "out")):
            self.direction.addItem(text, key)
        self.origin = QComboBox()
        self.origin.addItem(self.tr("All governorates of origin"), None)
        for loc in sorted((l for l in locations.values() if l["level"] == 1 and l["country"] == "SYR"),
                          key=lambda l: l["id"]):
            self.origin.addItem(place_name(locations, loc["id"], lang), loc["id"])
        # Long place names must not widen the bar past a 1366-pixel screen: the list pops up wide.
        for combo, chars in ((self.crossing, 22), (self.origin, 16)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("Period")), self.period, self.date_from, QLabel("–"), self.date_to,
                       self.crossing, self.direction, self.origin):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.period.currentIndexChanged.connect(self._period_changed)
        for combo in (self.crossing, self.direction, self.origin):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.changed)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.changed.emit()

    def set_period(self, start: str, end: str) -> None:
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.date_from.setDate(QDate.fromString(start, "yyyy-MM-dd"))
        self.date_to.setDate(QDate.fromString(end, "yyyy-MM-dd"))

    def filters(self, today: dt.date | None = None) -> Filters:
        today = today or dt.date.today()
        key = self.period.currentData()
        start = end = None
        if key in ("7", "30"):
            start, end = (today - dt.timedelta(days=int(key) - 1)).isoformat(), today.isoformat()
        elif key == "custom":
            start, end = self.date_from.date().toString("yyyy-MM-dd"), self.date_to.date().toString("yyyy-MM-dd")
        return Filters(start, end, self.crossing.currentData(), self.direction.currentData(), self.origin.currentData())


class ChartsLoader:
    """Reads chart data on the worker thread after a short pause; drops answers a newer request replaced."""

    def __init__(self, page, on_data):
        self.page, self.on_data = page, on_data
        self.generation = 0
        self.timer = QTimer(page)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.load_now)
        self.stale = False
        page.ctx.data_changed.connect(self._data_changed)

    def _data_changed(self, table: str, _ids) -> None:
        if table not in RELEVANT_TABLES:
            return
        if self.page.isVisible():
            self.timer.start()
        else:  # drawn when shown again: a hidden page drawing charts through an import would stall the window
            self.stale = True

    def shown(self) -> None:
        """The page came into view: catch up on changes made while it was hidden."""
        if self.stale:
            self.stale = False
            self.timer.start()

    def load_now(self) -> None:
        ctx = self.page.ctx
        if ctx.store is None:
            return
        self.generation += 1
        generation = self.generation
        ctx.run(self.reader(), ctx.store, self.page.filter_bar.filters(),
                on_done=lambda result: generation == self.generation and self.on_data(result),
                on_error=self.page.show_error)

    def reader(self):
        """The core function that reads the charts' data (store, filters) -> data."""
        return dashboard_data


def names_for(ctx, locations: dict) -> dict[str, str]:
    from tracker.charts.text import word

    names = {code: place_name(locations, code, ctx.language) for code in locations}
    names[""] = word("unknown", ctx.language)
    names["other"] = word("other", ctx.language)
    return names


def draw_chart(key: str, figure, result: dict, names: dict, language: str) -> None:
    """Draw chart ``key`` from a dashboard_data result (draw is imported here: matplotlib loads lazily)."""
    from tracker.charts import draw

    if key == "daily":
        draw.draw_daily(figure, result["daily"], names, language)
    elif key == "cumulative":
        draw.draw_cumulative(figure, *result["cumulative"], language)
    elif key == "flows":
        draw.draw_flows(figure, result["origin_destination"], names, language)
    elif key == "pyramid":
        draw.draw_pyramid(figure, result["pyramid"], language)
    elif key == "map":
        draw.draw_map(figure, result["routes"], result["locations"], names, language)
    else:
        raise ValueError(key)


class FlowsPage(QWidget):
    CHARTS = ("daily", "cumulative", "flows", "pyramid", "map")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from ui.widgets.chart_canvas import ChartView

        self.ctx = ctx
        self.result: dict | None = None
        self.filter_bar = FilterBar(ctx)
        self.which = QComboBox()
        titles = {"daily": self.tr("Daily crossings by point"), "cumulative": self.tr("Cumulative"),
                  "flows": self.tr("Origin to destination"), "pyramid": self.tr("Sex and age"),
                  "map": self.tr("Flow map")}
        for key in self.CHARTS:
            self.which.addItem(titles[key], key)
        self.chart = ChartView("flows", min_height=420)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.chart.failed.connect(self._draw_failed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Chart")))
        top.addWidget(self.which)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.error)
        layout.addWidget(self.chart, 1)
        self.loader = ChartsLoader(self, self._show)
        self.filter_bar.changed.connect(self.loader.timer.start)
        self.which.currentIndexChanged.connect(self._redraw)
        self.loader.load_now()

    def select(self, key: str) -> None:
        self.which.setCurrentIndex(self.which.findData(key))

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.loader.shown()

    def _show(self, result: dict) -> None:
        self.result = result
        self.error.hide()
        self._redraw()

    def _redraw(self) -> None:
        if self.result is None:
            return
        key = self.which.currentData()
        self.chart.name = key
        result, names, language = self.result, names_for(self.ctx, self.result["locations"]), self.ctx.language
        # drawn on the chart thread: the closure holds this answer's data, not the page
        self.chart.show_chart(lambda fig: draw_chart(key, fig, result, names, language))

    def show_error(self, exc) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.show()

    def _draw_failed(self, text: str) -> None:
        self.error.setText(self.tr("The chart could not be drawn: %1").replace("%1", text))
        self.error.show()
