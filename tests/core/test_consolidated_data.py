"""A coordinator's dashboard numbers from received summary bundles: sums over offices, the
dashboard's filters, who reported, and a newer summary replacing an older one (no double counting).
Fixture: tests/core/consolidated_field.py (two offices, real bundles, real encrypted stores)."""

import datetime as dt

import pytest

from tests.core import consolidated_field as field
from tracker.domain import crossings
from tracker.charts import consolidated, data
from tracker.charts.data import Filters
from tracker.sync import summary_bundle

MARCH_10 = dt.date(2025, 3, 10)


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    coord, a, b = field.build(tmp_path_factory.mktemp("field"))
    yield coord, a, b
    for s in (coord, a, b):
        s.close()


def test_key_figures_add_up_both_offices(offices):
    coord, _, _ = offices
    kf = consolidated.key_figures(coord, today=MARCH_10)
    assert (kf.arrivals_period, kf.departures_period) == (29, 3)
    assert kf.by_crossing == [("XLB-ABD", 17), ("XLB-ARD", 7), ("XLB-MSN", 5)]
    assert (kf.households, kf.persons) == (3, 7)
    assert (kf.arrivals_today, kf.arrivals_7d) == (5, 29)
    # the coordinator's own count (100 people) is not part of the received figures, and vice versa
    local = data.key_figures(coord, today=MARCH_10)
    assert (local.arrivals_period, local.households) == (100, 0)


def test_the_dashboard_filters_apply_where_summaries_have_the_key(offices):
    coord, _, _ = offices
    lattakia = consolidated.key_figures(coord, Filters(origin_adm1="SY06"), today=MARCH_10)
    assert (lattakia.arrivals_period, lattakia.households, lattakia.persons) == (17, 2, 4)
    one_day = consolidated.key_figures(coord, Filters("2025-03-09", "2025-03-09"), today=MARCH_10)
    assert (one_day.arrivals_period, one_day.departures_period, one_day.households) == (7, 3, 1)
    aboudieh = consolidated.key_figures(coord, Filters(crossing="XLB-ABD"), today=MARCH_10)
    assert (aboudieh.arrivals_period, aboudieh.departures_period) == (17, 3)
    assert aboudieh.households == 3  # registrations have no crossing point: that filter leaves them alone
    out = consolidated.daily_by_point(coord, Filters(direction="out"))
    assert (out.dates, out.total, out.by_point) == (["2025-03-09"], [3], {"XLB-ABD": [3]})


def test_daily_series_cumulative_and_pyramid(offices):
    coord, _, _ = offices
    result = consolidated.dashboard_data(coord, Filters(), today=MARCH_10)
    series = result["daily"]
    assert series.dates == ["2025-03-08", "2025-03-09", "2025-03-10"]
    assert series.total == [17, 10, 5]
    assert series.by_point == {"XLB-ABD": [17, 3, 0], "XLB-ARD": [0, 7, 0], "XLB-MSN": [0, 0, 5]}
    assert series.avg7 == pytest.approx([17 / 7, 27 / 7, 32 / 7])
    assert result["cumulative"] == (series.dates, [17, 27, 32])
    assert result["pyramid"] == {"0_4": (1, 2), "5_11": (4, 0), "12_17": (0, 0), "18_59": (15, 9), "60plus": (0, 1)}
    assert consolidated.pyramid(coord, Filters(direction="in", origin_adm1="SY10")) == {
        "0_4": (1, 0), "5_11": (0, 0), "12_17": (0, 0), "18_59": (0, 6), "60plus": (0, 0)}
    week = consolidated.daily_by_point(coord, Filters("2025-03-05", "2025-03-11"))
    assert week.dates[0] == "2025-03-05" and len(week.dates) == 7 and sum(week.total) == 32


def test_reporters_name_each_office_and_the_dates_it_covers(offices):
    coord, a, b = offices
    found = consolidated.reporters(coord)
    assert [(r.name, r.organisation, r.first, r.summaries) for r in found] == [
        ("tripoli", "NGO A", "2025-03-08", 1), ("akkar", "NGO B", "2025-03-08", 1)]
    # a complete snapshot speaks for every day up to the day it was made
    made = {r["device_id"]: r["created_at"][:10] for r in summary_bundle.received(coord)}
    assert {r.device_id: r.last for r in found} == made
    assert consolidated.key_figures(coord).organisations == ["NGO A", "NGO B"]


def test_a_newer_summary_from_the_same_office_replaces_the_older(tmp_path):
    coord, a, b = field.build(tmp_path)
    try:
        # A corrects 10 March (8 more people at Masnaa) and sends everything again
        field.count(a, "2025-03-10", "XLB-MSN", "in", "SY04", {"m_18_59": 8})
        assert field.send(a, coord, tmp_path, "a2")["replaced"] > 0
        kf = consolidated.key_figures(coord, today=MARCH_10)
        assert kf.arrivals_period == 29 + 8  # not 29 + 17 (A's old cells) + 8
        assert kf.by_crossing == [("XLB-ABD", 17), ("XLB-MSN", 13), ("XLB-ARD", 7)]
        assert (kf.households, kf.persons) == (3, 7)
        # then a summary of 9 March only, after A deleted its departure count: only that day changes
        departure = a.conn.execute("SELECT id FROM crossing_counts WHERE direction = 'out'").fetchone()[0]
        crossings.delete_count(a, departure)
        field.send(a, coord, tmp_path, "a3", date_from="2025-03-09", date_to="2025-03-09")
        kf = consolidated.key_figures(coord, today=MARCH_10)
        assert (kf.arrivals_period, kf.departures_period) == (37, 0)
        tripoli = next(r for r in kf.reporters if r.name == "tripoli")
        assert (tripoli.summaries, tripoli.first) == (3, "2025-03-08")
        assert consolidated.dashboard_data(coord, today=MARCH_10)["daily"].total == [17, 7, 13]
    finally:
        for s in (coord, a, b):
            s.close()


def test_nothing_received_gives_empty_figures(store):
    kf = consolidated.key_figures(store)
    assert (kf.arrivals_period, kf.households, kf.reporters) == (0, 0, [])
    assert consolidated.daily_by_point(store).dates == []
    assert consolidated.pyramid(store)["18_59"] == (0, 0)
