"""The coordinator's dashboard read from the hub: the same key figures, daily series, cumulative
chart and pyramid as from the same summaries imported locally (tracker.charts.consolidated), under
the same filters; a reader never waits for a push that holds its locks."""

from __future__ import annotations

import datetime as dt
import threading

import psycopg
import pytest

from tests.core import hub_field
from tests.core.hub_server import blank_dsn, hub, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tracker.charts import consolidated
from tracker.charts.data import Filters
from tracker.hub import push, snapshot
from tracker.sync import summary_bundle

MARCH_11 = dt.date(2025, 3, 11)
FILTERS = [Filters(), Filters("2025-03-09", "2025-03-10"), Filters(origin_adm1="SY10"),
           Filters(crossing="XLB-ABD", direction="in"), Filters(direction="out")]


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    coord, paths = hub_field.build(tmp_path_factory.mktemp("hubdash"))
    for p in paths:
        summary_bundle.import_summary(coord, p)
    yield coord, paths
    coord.close()


def _without_arrival_times(figures):
    """Reporters' received_at is when each copy arrived (locally: imported; hub: pushed)."""
    return figures.__class__(**{**figures.__dict__, "reporters": [
        r.__class__(**{**r.__dict__, "received_at": ""}) for r in figures.reporters]})


@pytest.mark.parametrize("filters", FILTERS)
def test_the_hub_dashboard_is_the_local_one(field, hub, filters):
    coord, paths = field
    push.push_files(hub, coord, paths)
    local = consolidated.dashboard_data(coord, filters, today=MARCH_11)
    remote = snapshot.dashboard_data(hub, filters, today=MARCH_11)
    assert remote["from_hub"] is True
    assert _without_arrival_times(remote["key_figures"]) == _without_arrival_times(local["key_figures"])
    for key in ("source", "daily", "cumulative", "pyramid"):
        assert remote[key] == local[key], key
    assert {p: loc["name_en"] for p, loc in remote["locations"].items()} == {
        p: loc["name_en"] for p, loc in local["locations"].items()}
    assert remote["key_figures"].arrivals_period > 0 or filters.direction == "out"


def test_a_reader_does_not_wait_for_a_push_in_progress(field, hub_dsn):
    coord, paths = field
    summaries = [push.read_summary(coord, p) for p in paths]
    with psycopg.connect(hub_dsn, autocommit=True) as writer, psycopg.connect(hub_dsn, autocommit=True) as reader:
        for s in summaries[:-1]:
            push.push_summary(writer, s, coord.device_id)
        before = snapshot.key_figures(reader, today=MARCH_11)
        done = threading.Event()
        with writer.transaction():  # a push holding its row locks, not yet committed
            writer.execute("DELETE FROM hub.cells")
            reader.execute("SET statement_timeout = '5s'")  # waiting on the writer would fail here
            during = snapshot.key_figures(reader, today=MARCH_11)
            done.set()
        assert done.is_set() and during == before  # the uncommitted delete is not seen, and did not block
        assert snapshot.key_figures(reader, today=MARCH_11).arrivals_period == 0
