"""The Dashboard on a coordinator's database: a source switch between this office's records and the
summaries received from two offices (real bundles), summed figures, replacement, and Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.core import consolidated_field as field
from tracker.sync import summary_bundle
from ui.shell import i18n


@pytest.fixture
def coordinator(store, tmp_path):
    """The test's store as the coordinator, holding two offices' summaries and one count of its own."""
    _, a, b = field.build(tmp_path, coordinator=store)
    yield store, a, b
    a.close()
    b.close()


def _page(qtbot, ctx):
    from ui.flows.dashboard import DashboardPage

    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    return page


def _switch_to(qtbot, page, source: str):
    button = page.switch.summaries if source == "summaries" else page.switch.local
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.get("source", "local") == source, timeout=10000)
    # the charts are drawn on their own thread: wait for the pictures too
    qtbot.waitUntil(lambda: not any(v.is_drawing() for v in page.charts.values()), timeout=15000)


def _texts(figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def test_received_summaries_show_the_summed_numbers_and_local_comes_back(qtbot, ctx, coordinator, tmp_path):
    _, a, _ = coordinator
    page = _page(qtbot, ctx)
    tile = {key: t.value for key, t in page.figures.items()}
    assert page.switch.isVisible() and page.switch.summaries.text() == "Received summaries (2 devices)"
    assert tile["arrivals_period"].text() == "100" and tile["households"].text() == "0"

    _switch_to(qtbot, page, "summaries")
    assert [tile[k].text() for k in ("arrivals_period", "departures_period", "households", "persons",
                                     "reporting", "organisations")] == ["29", "3", "3", "7", "2", "2"]
    assert not page.figures["needs"].isVisible() and not page.figures["uasc"].isVisible()
    assert page.figures["reporting"].isVisible()
    line = page.switch.reporters.full_text.replace("\u2068", "").replace("\u2069", "")  # bidi isolates
    assert line.startswith("Covering: ") and "tripoli (NGO A): 2025-03-08 to " in line and "akkar (NGO B)" in line
    assert "Aboudieh: 17" in page.by_crossing.text()
    assert not page.charts["flows"].isVisible() and page.no_flows.isVisible()
    assert "People counted per day" in _texts(page.charts["daily"].figure)
    assert not page.report_button.isEnabled()
    assert page.grab().width() == 1366 and page.minimumSizeHint().width() <= 1366

    # the filters apply to the received figures too
    page.filter_bar.origin.setCurrentIndex(page.filter_bar.origin.findData("SY06"))
    qtbot.waitUntil(lambda: page.result["filters"].origin_adm1 == "SY06", timeout=10000)
    assert (tile["arrivals_period"].text(), tile["households"].text()) == ("17", "2")
    page.filter_bar.origin.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.result["filters"].origin_adm1 is None, timeout=10000)

    # office A sends a newer summary: it replaces A's older one (8 more people, not A's figures twice)
    field.count(a, "2025-03-10", "XLB-MSN", "in", "SY04", {"m_18_59": 8})
    summary_bundle.export_summary(a, tmp_path / "a2.dtb")
    ctx.run(summary_bundle.import_summary, ctx.store, tmp_path / "a2.dtb")
    qtbot.waitUntil(lambda: tile["arrivals_period"].text() == "37", timeout=10000)
    assert page.switch.summaries.text() == "Received summaries (2 devices)"

    _switch_to(qtbot, page, "local")
    assert tile["arrivals_period"].text() == "100" and tile["households"].text() == "0"
    assert page.figures["needs"].isVisible() and not page.figures["reporting"].isVisible()
    assert page.charts["flows"].isVisible() and not page.no_flows.isVisible()
    assert not page.switch.reporters.isVisible() and page.report_button.isEnabled()


def test_no_received_summaries_no_switch(qtbot, ctx):
    page = _page(qtbot, ctx)
    assert not page.switch.isVisible() and page.source() == "local"
    assert not page.figures["reporting"].isVisible() and page.figures["uasc"].isVisible()


def test_arabic_switch_and_reporters_line(qtbot, ctx, coordinator):
    i18n.install("ar")
    ctx.language = "ar"
    page = _page(qtbot, ctx)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    _switch_to(qtbot, page, "summaries")
    for text in (page.switch.local.text(), page.switch.summaries.text(), page.switch.reporters.full_text,
                 page.figures["reporting"].caption.text(), page.no_flows.text()):
        assert any("\u0600" <= ch <= "\u06ff" for ch in text), text
    assert "2" in page.switch.summaries.text() and "tripoli" in page.switch.reporters.full_text
    assert page.grab().width() == 1366 and page.minimumSizeHint().width() <= 1366
