"""Dashboard and Flows pages: real charts drawn from a real store, filters, saving, the report, Arabic."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QFileDialog

from tracker.domain import crossings, households
from ui.shell import i18n


@pytest.fixture
def filled(store):
    for when, point, direction, origin, dest, counts in (
            ("2025-03-08T09:00", "XLB-ARD", "in", "SY06", "LB7", {"f_18_59": 3, "m_0_4": 2}),
            ("2025-03-09T10:00", "XLB-NKR", "in", "SY10", "LB5", {"f_18_59": 1, "m_18_59": 1}),
            ("2025-03-09T16:00", "XLB-ARD", "out", None, "SY06", {"m_18_59": 4}),
            ("2025-04-02T08:30", "XLB-ARD", "in", "SY06", "LB7", {"f_5_11": 6})):
        crossings.record_count(store, {"counted_at": when, "crossing_pcode": point, "direction": direction,
                                       "origin_pcode": origin, "destination_pcode": dest, **counts})
    households.register_pre(store, {"head_name_ar": "سعاد", "registration_date": "2025-03-08",
                                    "origin_pcode": "SY06", "f_18_59": 2, "m_0_4": 1})
    return store


def _texts(figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def _views(page):
    return list(page.charts.values()) if hasattr(page, "charts") else [page.chart]


def _loaded(qtbot, page):
    """The data read and every chart drawn (charts are drawn on their own thread)."""
    qtbot.waitUntil(lambda: page.result is not None and not any(v.is_drawing() for v in _views(page)),
                    timeout=15000)
    return page.result


def test_dashboard_shows_key_figures_and_every_chart(qtbot, ctx, filled):
    from ui.flows.dashboard import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    _loaded(qtbot, page)
    assert page.figures["households"].value.text() == "1"
    assert page.figures["persons"].value.text() == "3"
    assert page.figures["arrivals_period"].value.text() == "13"
    assert page.figures["departures_period"].value.text() == "4"
    assert "Arida: 11" in page.by_crossing.text()
    assert "People counted per day" in _texts(page.charts["daily"].figure)
    assert "Lattakia" in _texts(page.charts["flows"].figure)
    assert "Female" in _texts(page.charts["pyramid"].figure)
    assert page.grab().width() == 1366


def test_filters_redraw_with_the_filtered_numbers(qtbot, ctx, filled):
    from ui.flows.dashboard import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    first = page.result
    page.filter_bar.direction.setCurrentIndex(page.filter_bar.direction.findData("in"))
    page.filter_bar.origin.setCurrentIndex(page.filter_bar.origin.findData("SY10"))
    qtbot.waitUntil(lambda: page.result is not first and page.result["filters"].origin_adm1 == "SY10", timeout=10000)
    assert page.figures["arrivals_period"].value.text() == "2"
    page.filter_bar.set_period("2025-04-01", "2025-04-30")
    qtbot.waitUntil(lambda: page.result["filters"].date_from == "2025-04-01", timeout=10000)
    assert page.result["daily"].dates[0] == "2025-04-01" and len(page.result["daily"].dates) == 30


REFRESH_WAIT_MS = 800


def test_new_counts_refresh_the_dashboard(qtbot, ctx, filled):
    from ui.flows.dashboard import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    _loaded(qtbot, page)
    ctx.run(crossings.record_count, ctx.store, {"counted_at": "2025-03-10T09:00", "crossing_pcode": "XLB-ARD",
                                                "direction": "in", "f_60plus": 7})
    qtbot.waitUntil(lambda: page.figures["arrivals_period"].value.text() == "20", timeout=10000)
    # hidden, it draws nothing (an import's many changes would stall the window); shown, it catches up
    page.hide()
    ctx.run(crossings.record_count, ctx.store, {"counted_at": "2025-03-10T10:00", "crossing_pcode": "XLB-ARD",
                                                "direction": "in", "f_60plus": 5})
    ctx.worker.wait_idle()
    qtbot.wait(REFRESH_WAIT_MS)
    assert page.figures["arrivals_period"].value.text() == "20" and page.loader.stale
    page.show()
    qtbot.waitUntil(lambda: page.figures["arrivals_period"].value.text() == "25", timeout=10000)


def test_flows_page_draws_each_chart_and_saves_it(qtbot, ctx, filled, tmp_path, monkeypatch):
    from ui.flows.page import FlowsPage

    page = FlowsPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    titles = {"daily": "People counted per day", "cumulative": "Cumulative", "flows": "governorate of origin",
              "pyramid": "sex and age", "map": "Routes"}
    for key, title in titles.items():
        page.select(key)
        _loaded(qtbot, page)
        assert title in _texts(page.chart.figure), key
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF-")):
        target = tmp_path / f"map{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), ""))
        assert page.chart.save_as() == target
        assert target.read_bytes().lstrip()[:len(magic)] == magic
    # a name without an extension gets the one of the chosen file type
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "plain"), "SVG drawing (*.svg)"))
    assert page.chart.save_as() == tmp_path / "plain.svg"


def test_report_from_the_dashboard(qtbot, ctx, filled, tmp_path, monkeypatch):
    from ui.flows.dashboard import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    target = tmp_path / "sitrep"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.write_report()
    qtbot.waitUntil(lambda: "Report saved" in page.status.text(), timeout=20000)
    assert (tmp_path / "sitrep.pdf").read_bytes()[:5] == b"%PDF-"


def test_arabic_charts_use_arabic_words(qtbot, ctx, filled):
    from ui.flows.page import FlowsPage

    i18n.install("ar")
    ctx.language = "ar"
    page = FlowsPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    page.select("map")
    _loaded(qtbot, page)
    words = _texts(page.chart.figure)
    assert "المسارات" in words and "اللاذقية" in words
    assert page.filter_bar.origin.itemText(page.filter_bar.origin.findData("SY06")) == "اللاذقية"


def test_charts_are_drawn_off_the_gui_thread(qtbot, ctx, filled):
    """The GUI thread never runs matplotlib: drawing a chart during an import would freeze the window."""
    import threading

    from tracker.charts import draw
    from ui.flows.page import FlowsPage

    threads = []
    real = draw.draw_daily

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    draw.draw_daily = spy
    try:
        page = FlowsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1366, 700)
        page.show()
        _loaded(qtbot, page)
    finally:
        draw.draw_daily = real
    assert threads and all(t is not threading.main_thread() for t in threads)
    image = page.chart.canvas.image
    assert image is not None and image.width() >= 1000  # drawn at the size it is shown


def test_matplotlib_is_not_imported_with_the_pages(qtbot):
    import subprocess

    code = ("import os; os.environ['QT_QPA_PLATFORM']='offscreen'; import ui.flows.dashboard, ui.flows.page, "
            "ui.widgets.chart_canvas, sys; print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
