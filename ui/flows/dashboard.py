"""The Dashboard: key figures and four charts under one set of filters, and the situation report.

Key figures: households and people registered, arrivals today and in the last
7 days, arrivals and departures in the period, the busiest crossing points, the
share of households with specific needs, unaccompanied or separated children.

A coordinator's database that has received summary bundles shows a source switch:
this office's own records, or the received summaries summed over every reporting
device (tracker.charts.consolidated). Summaries carry no destinations, specific
needs or children's status, so those tiles and the origin-to-destination chart
give way to the number of reporting devices and organisations and a note.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from tracker.charts import consolidated
from tracker.charts.data import dashboard_data
from tracker.hub import snapshot as hub_snapshot
from tracker.sync.summary_bundle import received

from .page import ChartsLoader, FilterBar, draw_chart, names_for

CHARTS = ("daily", "cumulative", "flows", "pyramid")
LOCAL, SUMMARIES = "local", "summaries"
SUMMARY_ONLY = ("reporting", "organisations")  # tiles shown only for received summaries
LOCAL_ONLY = ("needs", "uasc")  # figures the summaries do not carry
REPORTERS_SHOWN = 4  # the line names this many devices; the tooltip names them all


def _number(n: int) -> str:
    return f"{n:,}"


def _isolated(text: str) -> str:
    """A Latin name or a date inside an Arabic sentence keeps its own order (Unicode first-strong isolate)."""
    return f"\u2068{text}\u2069"


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


class CoveringLine(QLabel):
    """The devices whose summaries are shown, each in full: the line wraps (cut short with "…" it hid the
    dates and the last devices); past REPORTERS_SHOWN devices the tooltip names the rest."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setText(text)


class SourceSwitch(QWidget):
    """This office's records, or the summaries received from other devices (only when there are some)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.local = QRadioButton(self.tr("This office's records"))
        self.summaries = QRadioButton()
        self.local.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.local, self.summaries):
            group.addButton(button)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.reporters = CoveringLine()
        self.reporters.setStyleSheet("color: #555555;")
        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("Show:")))
        choice.addWidget(self.local)
        choice.addWidget(self.summaries)
        choice.addStretch(1)
        layout = QVBoxLayout(self)  # the devices on a line of their own, the whole page wide
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(choice)
        layout.addWidget(self.reporters)
        self.devices = 0
        self.summaries.toggled.connect(self.changed)
        self.set_devices(0)

    def source(self) -> str:
        return SUMMARIES if self.devices and self.summaries.isChecked() else LOCAL

    def set_devices(self, n: int) -> None:
        self.devices = n
        self.summaries.setText(self.tr("Received summaries (%1 devices)").replace("%1", _number(n)))
        if not n:
            self.local.setChecked(True)
        self.setVisible(n > 0)

    def set_reporters(self, found: list, names_shown: int = REPORTERS_SHOWN) -> None:
        """One line: each reporting device, its organisation and the dates its summaries cover."""
        def one(r) -> str:
            # "hermel-1 (Hermel Relief)" as one isolate: isolated apart, an Arabic line drew the organisation
            # before the device, "(Hermel Relief) hermel-1"
            device = r.name or r.device_id[:8]
            values = (f"{device} ({r.organisation})" if r.organisation else device, r.first or "…", r.last)
            text = self.tr("%1: %2 to %3")
            for i, value in enumerate(values, start=1):
                text = text.replace(f"%{i}", _isolated(value))
            return text
        parts = [one(r) for r in found]
        shown = " · ".join(parts[:names_shown])
        if len(parts) > names_shown:
            shown += " " + self.tr("and %1 more").replace("%1", str(len(parts) - names_shown))
        self.reporters.set_full_text(self.tr("Covering: %1").replace("%1", shown) if parts else "")
        self.reporters.setToolTip("\n".join(parts))
        self.reporters.setVisible(self.summaries.isChecked())


class DashboardPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from ui.widgets.chart_canvas import ChartView

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
            "reporting": self.tr("Devices reporting"), "organisations": self.tr("Organisations reporting"),
        }
        self.figures = {key: KeyFigure(text) for key, text in captions.items()}
        self.figures["needs"].setToolTip(self.tr("Share of the households registered member by member"))
        self.by_crossing = QLabel()
        self.by_crossing.setWordWrap(True)
        self.figures["reporting"].setToolTip(self.tr("Devices whose summaries this database has received"))
        tiles = QGridLayout()
        # the two summary-only tiles share columns with the two local-only ones: eight at most in a row
        columns = {key: i for i, key in enumerate(k for k in self.figures if k not in SUMMARY_ONLY)}
        columns.update(zip(SUMMARY_ONLY, (columns[k] for k in LOCAL_ONLY)))
        for key, tile in self.figures.items():
            tiles.addWidget(tile, 0, columns[key])
            tiles.setColumnStretch(columns[key], 1)
        tiles.addWidget(self.by_crossing, 1, 0, 1, len(set(columns.values())))
        self.charts = {key: ChartView(key, min_height=220, save_button=False, height_in=2.3) for key in CHARTS}
        self.no_flows = QLabel(self.tr("Origin to destination is not in the received summaries (they carry no "
                                       "destinations). Choose \"This office's records\" to see it."))
        self.no_flows.setWordWrap(True)
        self.no_flows.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_flows.setStyleSheet("color: #777777;")
        grid = QGridLayout()
        for i, key in enumerate(CHARTS):
            grid.addWidget(self.charts[key], i // 2, i % 2)
        grid.addWidget(self.no_flows, CHARTS.index("flows") // 2, CHARTS.index("flows") % 2)
        self.switch = SourceSwitch()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(tiles)
        body_layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        # The filters have a row of their own: with the report button beside them they are wider than
        # the page on a 1280-pixel screen.
        second = QHBoxLayout()
        second.addWidget(self.switch, 1)
        second.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(second)
        layout.addWidget(self.status)
        self.status.hide()
        layout.addWidget(scroll, 1)
        self.loader = SourceLoader(self, self._show)
        self.filter_bar.changed.connect(self.loader.timer.start)
        self.switch.changed.connect(self._source_changed)
        ctx.data_changed.connect(lambda table, _ids: table == "summary_cells" and self.refresh_sources())
        ctx.settings_changed.connect(lambda key: key == "hub_dsn" and self.refresh_sources())
        if self.hub_dsn():
            self.refresh_sources()  # on the worker: a hub is across the network
        else:
            self.refresh_sources(ctx.read_now(received) if ctx.store is not None else [])
        self._source_changed()

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.loader.shown()

    def source(self) -> str:
        return self.switch.source()

    def hub_dsn(self) -> str:
        """The coordinator hub set in Settings ('' = the summaries received into this database)."""
        settings = self.ctx.app_settings
        return settings.get("hub_dsn") if settings is not None else ""

    def refresh_sources(self, kept: list | None = None) -> None:
        """Show the switch once summaries have been received (and count their devices)."""
        if kept is None:
            if self.ctx.store is not None:
                dsn = self.hub_dsn()
                read = hub_snapshot.received_reader(dsn) if dsn else received
                self.ctx.run(read, self.ctx.store, on_done=self.refresh_sources, on_error=self.show_error)
            return
        before = self.source()
        self.switch.set_devices(len({r["device_id"] for r in kept}))  # none left: back to local, redrawn
        if before == SUMMARIES == self.source():
            self.loader.timer.start()  # a summary arrived or replaced another: redraw the summed figures

    def _source_changed(self) -> None:
        summaries = self.source() == SUMMARIES
        for key in SUMMARY_ONLY:
            self.figures[key].setVisible(summaries)
        for key in LOCAL_ONLY:
            self.figures[key].setVisible(not summaries)
        self.charts["flows"].setVisible(not summaries)
        self.no_flows.setVisible(summaries)
        self.switch.reporters.setVisible(summaries)
        self.report_button.setEnabled(not summaries)
        self.report_button.setToolTip(self.tr("The report is written from this office's records")
                                      if summaries else "")
        self.loader.load_now()

    def _show(self, result: dict) -> None:
        self.result = result
        summaries = result.get("source") == SUMMARIES
        kf = result["key_figures"]
        for key in ("households", "persons", "arrivals_today", "arrivals_7d", "arrivals_period", "departures_period"):
            self.figures[key].value.setText(_number(getattr(kf, key)))
        if summaries:
            self.figures["reporting"].value.setText(_number(len(kf.reporters)))
            self.figures["organisations"].value.setText(_number(len(kf.organisations)))
            self.figures["organisations"].setToolTip(", ".join(kf.organisations))
            self.switch.set_reporters(kf.reporters)
        else:
            self.figures["uasc"].value.setText(_number(kf.uasc))
            share = kf.specific_needs_share
            self.figures["needs"].value.setText(
                "–" if share is None else f"{100 * share:.0f}% ({_number(kf.specific_needs_households)})")
        names = names_for(self.ctx, result["locations"])
        top = " · ".join(f"{names.get(p, p)}: {_number(n)}" for p, n in kf.by_crossing[:3])
        self.by_crossing.setText(self.tr("Busiest crossing points: %1").replace("%1", top or "–"))
        for key, view in self.charts.items():
            if not (summaries and key == "flows"):
                view.show_chart(lambda fig, key=key, lang=self.ctx.language: draw_chart(key, fig, result, names, lang))

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
        from tracker.charts import report

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


class SourceLoader(ChartsLoader):
    """The Flows page's loader, reading this office's records or the received summaries as switched."""

    def reader(self):
        if self.page.source() != SUMMARIES:
            return dashboard_data
        dsn = self.page.hub_dsn()
        return hub_snapshot.dashboard_reader(dsn) if dsn else consolidated.dashboard_data
