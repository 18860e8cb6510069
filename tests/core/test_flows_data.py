"""Chart data: exact figures on a small hand-made store, and agreement with raw rows on demo data."""

import datetime as dt
import random

import pytest
from sqlite_utils import Database

from tracker.domain import crossings, demo, households, model
from tracker.store import schema
from tracker.charts import data
from tracker.charts.data import Filters
from tracker.store.connection import APPLICATION_ID, connect


def _count(store, when, point, direction, origin, dest, **counts):
    return crossings.record_count(store, {"counted_at": when, "crossing_pcode": point, "direction": direction,
                                          "origin_pcode": origin, "destination_pcode": dest, **counts})


@pytest.fixture
def flows(store):
    """Four groups counted at two points in March and April 2025, and three households."""
    ids = {
        "a": _count(store, "2025-03-08T09:00", "XLB-ARD", "in", "SY06", "LB7", f_18_59=3, m_0_4=2),
        "b": _count(store, "2025-03-09T10:00", "XLB-NKR", "in", "SY10", "LB5", f_18_59=1, m_18_59=1),
        "c": _count(store, "2025-03-09T16:00", "XLB-ARD", "out", None, "SY06", m_18_59=4),
        "d": _count(store, "2025-04-02T08:30", "XLB-ARD", "in", "SY06", "LB7", f_5_11=6),
    }
    households.register_pre(store, {"head_name_ar": "سعاد", "registration_date": "2025-03-08",
                                    "origin_pcode": "SY06", "f_18_59": 2, "m_0_4": 1})
    households.register_pre(store, {"head_name_ar": "علي", "registration_date": "2025-03-10",
                                    "origin_pcode": "SY10", "m_18_59": 1})
    households.register_full(store, {"registration_date": "2025-03-12", "origin_pcode": "SY0602"}, [
        {"given_name_ar": "مريم", "sex": "f", "age_estimated": 30, "relationship": "head", "specific_needs": "DS"},
        {"given_name_ar": "سامر", "sex": "m", "age_estimated": 10, "relationship": "other_relative",
         "separated_child": 1},
    ])
    return ids


def test_key_figures_whole_period(store, flows):
    kf = data.key_figures(store, today=dt.date(2025, 4, 2))
    assert (kf.households, kf.persons, kf.full_households, kf.specific_needs_households, kf.uasc) == (3, 6, 1, 1, 1)
    assert kf.specific_needs_share == 1.0
    assert (kf.arrivals_today, kf.arrivals_7d, kf.arrivals_period, kf.departures_period) == (6, 6, 13, 4)
    assert kf.by_crossing == [("XLB-ARD", 11), ("XLB-NKR", 2)]


def test_key_figures_follow_filters(store, flows):
    kf = data.key_figures(store, Filters(origin_adm1="SY06"), today=dt.date(2025, 3, 9))
    assert (kf.households, kf.persons, kf.uasc) == (2, 5, 1)  # H1 and the Jablah household
    assert (kf.arrivals_today, kf.arrivals_7d, kf.arrivals_period, kf.departures_period) == (0, 5, 11, 0)
    kf = data.key_figures(store, Filters("2025-03-09", "2025-03-31", crossing="XLB-ARD"), today=dt.date(2025, 3, 9))
    assert (kf.households, kf.arrivals_today, kf.arrivals_period, kf.departures_period) == (2, 0, 0, 4)


PERIODS = [
    ("2025-03-09", "2025-04-02", 8),  # two partial months: edge days only
    ("2025-03-01", "2025-04-01", 7),  # March whole + 1 April
    ("2025-03-09", "2025-05-31", 8),  # 9-31 March + April and May whole
    ("2025-03-01", "2025-03-31", 7),  # exactly one month
    (None, "2025-03-08", 5),
    ("2025-03-10", None, 6),
    ("2025-04-03", "2025-04-02", 0),  # empty period
]


def test_period_totals_mix_months_and_days_exactly(store, flows):
    for start, end, arrivals in PERIODS:
        kf = data.key_figures(store, Filters(start, end), today=dt.date(2025, 4, 2))
        assert kf.arrivals_period == arrivals, (start, end)


def test_daily_by_point_with_trailing_average(store, flows):
    s = data.daily_by_point(store, Filters("2025-03-08", "2025-03-10", direction="in"))
    assert s.dates == ["2025-03-08", "2025-03-09", "2025-03-10"]
    assert s.by_point == {"XLB-ARD": [5, 0, 0], "XLB-NKR": [0, 2, 0]}
    assert s.total == [5, 2, 0]
    assert s.avg7 == [5 / 7, 7 / 7, 7 / 7]
    both = data.daily_by_point(store, Filters("2025-03-08", "2025-03-10"), top=1)
    assert both.by_point == {"XLB-ARD": [5, 4, 0], data.OTHER: [0, 2, 0]}
    assert both.avg7 == [5 / 7, 11 / 7, 11 / 7]
    # the average looks back before the period's first day
    assert data.daily_by_point(store, Filters("2025-03-10", "2025-03-10", direction="in")).avg7 == [1.0]


def test_daily_suppression_hides_small_cells(store, flows):
    s = data.daily_by_point(store, Filters("2025-03-08", "2025-03-10"), suppress_below=5)
    assert s.by_point == {"XLB-ARD": [5, 0, 0]}
    assert s.total == [5, 0, 0]


def test_cumulative_runs_from_the_first_day(store, flows):
    dates, values = data.cumulative(store, Filters(direction="in"))
    assert dates[0] == "2025-03-08" and dates[-1] == "2025-04-02" and len(dates) == 26
    assert values[:3] == [5, 7, 7] and values[-2:] == [7, 13]


def test_origin_destination_and_routes(store, flows):
    assert data.origin_destination(store) == [("SY06", "LB7", 11), ("", "SY06", 4), ("SY10", "LB5", 2)]
    assert data.origin_destination(store, suppress_below=5) == [("SY06", "LB7", 11)]
    assert data.origin_destination(store, Filters(direction="in", date_to="2025-03-31")) == [
        ("SY06", "LB7", 5), ("SY10", "LB5", 2)]
    assert data.route_flows(store) == [("SY06", "XLB-ARD", "LB7", 11), ("", "XLB-ARD", "SY06", 4),
                                       ("SY10", "XLB-NKR", "LB5", 2)]


def test_pyramid_from_crossings_and_households(store, flows):
    assert data.pyramid(store) == {"0_4": (0, 2), "5_11": (6, 0), "12_17": (0, 0), "18_59": (4, 5), "60plus": (0, 0)}
    assert data.pyramid(store, source="households") == {
        "0_4": (0, 1), "5_11": (0, 1), "12_17": (0, 0), "18_59": (3, 1), "60plus": (0, 0)}
    assert data.pyramid(store, Filters(origin_adm1="SY10"), source="households")["18_59"] == (0, 1)
    with pytest.raises(ValueError):
        data.pyramid(store, source="movements")


def test_edits_and_deletions_keep_the_figures_exact(store, flows):
    crossings.update_count(store, flows["d"], {"f_5_11": 2})
    crossings.delete_count(store, flows["b"])
    kf = data.key_figures(store, today=dt.date(2025, 4, 2))
    assert (kf.arrivals_period, kf.arrivals_today) == (7, 2)
    assert data.route_flows(store, Filters(direction="in")) == [("SY06", "XLB-ARD", "LB7", 7)]


def test_empty_store_gives_empty_series(store):
    assert data.daily_by_point(store) == data.DailySeries([], {}, [], [])
    assert data.cumulative(store) == ([], [])
    assert data.origin_destination(store) == []
    assert data.key_figures(store).arrivals_period == 0


def test_summaries_agree_with_raw_rows_on_demo_data(store):
    demo.populate(store, households=20, crossings=600, seed=11)
    rng = random.Random(5)
    lo, hi = store.conn.execute("SELECT MIN(count_date), MAX(count_date) FROM crossing_counts").fetchone()
    first, span = dt.date.fromisoformat(lo), (dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)).days
    for _ in range(25):
        a = first + dt.timedelta(days=rng.randrange(-5, span))
        b = a + dt.timedelta(days=rng.randrange(0, 90))
        f = Filters(a.isoformat(), b.isoformat(), direction=rng.choice([None, "in", "out"]),
                    origin_adm1=rng.choice([None, "SY06", "SY10"]))
        where, args = f.where()
        raw = store.conn.execute(
            f"SELECT origin_adm1, destination_adm1, SUM(total) FROM crossing_counts{where}"
            f"{' AND' if where else ' WHERE'} deleted = 0 GROUP BY 1, 2", args).fetchall()
        expected = sorted(((o or "", d or "", n) for o, d, n in raw if n), key=lambda x: (-x[2], x[0], x[1]))
        assert data.origin_destination(store, f) == expected, f
        sums = ", ".join(f"COALESCE(SUM({c}), 0)" for c in model.COUNT_FIELDS)
        row = store.conn.execute(f"SELECT {sums} FROM crossing_counts{where}"
                                 f"{' AND' if where else ' WHERE'} deleted = 0", args).fetchone()
        pyr = data.pyramid(store, f)
        assert [pyr[a][0] for a in model.AGE_BRACKETS] + [pyr[a][1] for a in model.AGE_BRACKETS] == list(row)


def test_migration_fills_rollups_from_existing_counts(tmp_path):
    path = tmp_path / "old.dtdb"
    conn = connect(path, "pw")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    schema.migrations.apply(db, stop_before="0006_flow_rollups")
    rows = [("r1", "2025-03-08", "XLB-ARD", "in", "SY06", "LB7", 3), ("r2", "2025-03-20", "XLB-ARD", "in", "SY06",
                                                                       "LB7", 4),
            ("r3", "2025-04-01", "XLB-NKR", "out", None, None, 2)]
    for rid, day, point, direction, origin, dest, n in rows:
        conn.execute("INSERT INTO crossing_counts (id, created_at, updated_at, deleted, counted_at, crossing_pcode, "
                     "direction, f_18_59, total, count_date, origin_adm1, destination_adm1) "
                     "VALUES (?, 't', 't', 0, ?, ?, ?, ?, ?, ?, ?, ?)", (rid, day, point, direction, n, n, day, origin,
                                                                          dest))
    schema.migrations.apply(db)
    assert conn.execute("SELECT month, crossing_pcode, direction, origin_adm1, destination_adm1, f_18_59, total, "
                        "records FROM crossing_monthly ORDER BY month").fetchall() == [
        ("2025-03", "XLB-ARD", "in", "SY06", "LB7", 7, 7, 2), ("2025-04", "XLB-NKR", "out", "", "", 2, 2, 1)]
    assert conn.execute("SELECT count_date, total FROM crossing_point_daily ORDER BY count_date").fetchall() == [
        ("2025-03-08", 3), ("2025-03-20", 4), ("2025-04-01", 2)]
    conn.close()
