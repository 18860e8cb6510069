"""The coordinator's Dashboard reading a hub on a real PostgreSQL: set in Settings (typed like a person;
a password in it is refused), the received-summaries figures then come from the hub, with the same
charts. Only office A is on the hub, office B only in this database: the figures tell which was read."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from PySide6.QtCore import Qt

from tests.core import consolidated_field as field
from tests.core.hub_server import blank_dsn, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tracker.hub import push, snapshot


@pytest.fixture
def coordinator_with_hub(store, tmp_path, hub_dsn):
    _, a, b = field.build(tmp_path, coordinator=store)
    a.close()
    b.close()
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        push.push_files(conn, store, [tmp_path / "a1.dtb"])
    return store, hub_dsn


def _settings_page(qtbot, ctx):
    from ui.shell.settings_page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _type(qtbot, line_edit, text):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_the_dashboard_reads_the_hub_set_in_settings(qtbot, ctx, coordinator_with_hub, tmp_path):
    from ui.flows.dashboard import DashboardPage

    _, dsn = coordinator_with_hub
    dashboard = DashboardPage(ctx)
    qtbot.addWidget(dashboard)
    dashboard.resize(1366, 768)
    dashboard.show()
    qtbot.waitUntil(lambda: dashboard.switch.summaries.text() == "Received summaries (2 devices)", timeout=10000)

    settings = _settings_page(qtbot, ctx)
    _type(qtbot, settings.hub, dsn + " password=secret")
    assert "holds a password" in settings.hub_help.text() and ctx.app_settings.get("hub_dsn") == ""
    _type(qtbot, settings.hub, dsn)
    assert ctx.app_settings.get("hub_dsn") == dsn
    settings.grab().save(str(tmp_path / "settings-hub.png"))

    qtbot.waitUntil(lambda: dashboard.switch.summaries.text() == "Received summaries (1 devices)", timeout=10000)
    qtbot.mouseClick(dashboard.switch.summaries, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dashboard.result.get("from_hub") is True, timeout=10000)
    with psycopg.connect(dsn, autocommit=True) as conn:
        expected = snapshot.key_figures(conn, today=dt.date.today())
    tile = {key: t.value for key, t in dashboard.figures.items()}
    assert (tile["arrivals_period"].text(), tile["departures_period"].text(), tile["reporting"].text()) == (
        str(expected.arrivals_period), str(expected.departures_period), "1")
    assert expected.arrivals_period == 17  # office A only: 12 + 5 (B's 12 more are in this database, not the hub)
    assert "tripoli (NGO A)" in dashboard.switch.reporters.full_text.replace("\u2068", "").replace("\u2069", "")
    assert sum(dashboard.result["daily"].total) == 17 + 3  # the daily chart counts both directions
    dashboard.grab().save(str(tmp_path / "dashboard-hub.png"))
