"""The figures of a document that leaves the office (the PDF report), suppressed by the same rule
as the exports (``tracker.domain.disclosure``): every count from 1 to k-1 is hidden, and so is
whatever would let a reader work a hidden count out from the totals shown beside it.

Each chart is one protected table with its totals: the daily chart is days x crossing points (the
bar tops are the day totals), the pyramid is sex x age. Hidden cells of a day are drawn together as
one grey "hidden" band (its height is the day total minus the cells shown, which the reader has
anyway); a day whose total is hidden is left blank; a hidden pyramid bar is drawn empty and
labelled with the marker. The 7-day average is taken over days whose totals are shown.
Key figures are the exact totals, or the marker when they are small or would give a hidden
count away (departures beside arrivals when the charts show both; arrivals in the last 7 days
when one of those days is hidden). Routes with fewer than k people are not drawn on the map.
The window shows exact counts; only what is written for sharing goes through here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain import disclosure, model
from tracker.domain.summary import MARKER
from . import data

HIDDEN = data.HIDDEN  # the key of the daily chart's band of hidden cells


@dataclass
class Published:
    key_figures: dict[str, int | str]  # name -> exact value or MARKER
    top_point: tuple[str, int] | None
    needs: tuple[int, int] | None  # (households with specific needs, households registered in full), if shown
    daily: data.DailySeries
    pyramid: dict[str, tuple[int | None, int | None]]  # None = hidden
    routes: list[tuple[str, str, str, int]]
    direction: str | None  # the direction the charts show (None: both)
    hidden: int = 0  # entries hidden across the page
    notes: list[str] = field(default_factory=list)


def _shown(value: int, k: int):
    return MARKER if 0 < value < k else value


def protected_daily(series: data.DailySeries, k: int) -> tuple[data.DailySeries, set[int], int]:
    """The daily chart as published: (series with a HIDDEN band, indexes of days whose total is hidden,
    entries hidden)."""
    points = list(series.by_point)
    cells = [[series.by_point[p][d] for p in points] for d in range(len(series.dates))]
    hidden = disclosure.protect(cells, k, row_totals=list(series.total)) if cells and points else set()
    n = len(series.dates)
    blank = {i for i, j in hidden if i < n and j == len(points)}
    by_point = {p: [0 if (d, c) in hidden or d in blank else series.by_point[p][d] for d in range(n)]
                for c, p in enumerate(points)}
    band = [0 if d in blank else series.total[d] - sum(v[d] for v in by_point.values()) for d in range(n)]
    by_point = {p: v for p, v in by_point.items() if any(v)}
    if any(band):
        by_point[HIDDEN] = band
    totals = [0 if d in blank else series.total[d] for d in range(n)]
    avg7 = [float("nan") if any(x in blank for x in range(i - 6, i + 1)) or i < 6 else sum(totals[i - 6:i + 1]) / 7
            for i in range(n)]
    shown = data.DailySeries(list(series.dates), by_point, totals, avg7)
    return shown, blank, sum(1 for i, _ in hidden if i < n)


def protected_pyramid(pyramid: dict[str, tuple[int, int]], k: int) -> tuple[dict, int]:
    brackets = list(model.AGE_BRACKETS)
    cells = [[pyramid[b][0] for b in brackets], [pyramid[b][1] for b in brackets]]
    hidden = disclosure.protect(cells, k)
    out = {b: (None if (0, c) in hidden else pyramid[b][0], None if (1, c) in hidden else pyramid[b][1])
           for c, b in enumerate(brackets)}
    return out, sum(1 for i, j in hidden if i < 2 and j < len(brackets))


def figures(store, filters: data.Filters, k: int, *, today: dt.date) -> Published:
    """Everything the report prints, suppressed."""
    kf = data.key_figures(store, filters, today=today)
    direction = filters.direction
    small = {name: 0 < getattr(kf, name) < k for name in ("arrivals_period", "departures_period")}
    if direction is None and (small["departures_period"] or small["arrivals_period"]):
        # the charts would show arrivals + departures: with either hidden, that sum beside the other
        # would give it away, so they show one direction (the one whose total is shown, if any)
        direction = "out" if small["arrivals_period"] and not small["departures_period"] else "in"
    chart_filters = data.Filters(filters.date_from, filters.date_to, filters.crossing, direction, filters.origin_adm1)
    series, blank, hidden_daily = protected_daily(data.daily_by_point(store, chart_filters), k)
    pyramid, hidden_pyramid = protected_pyramid(data.pyramid(store, chart_filters), k)
    routes = [r for r in data.route_flows(store, chart_filters) if r[3] >= k]

    shown = {name: _shown(getattr(kf, name), k) for name in
             ("households", "persons", "uasc", "arrivals_period", "departures_period", "arrivals_7d")}
    last_week = {(today - dt.timedelta(days=i)).isoformat() for i in range(7)}
    if direction in (None, "in") and any(series.dates[d] in last_week for d in blank):
        shown["arrivals_7d"] = MARKER  # with one of those days hidden, the sum would give it away
    needs = (kf.specific_needs_households, kf.full_households) \
        if kf.full_households >= k and kf.specific_needs_households >= k else None
    top = next(((p, n) for p, n in kf.by_crossing if n >= k), None)
    if top and 0 < kf.arrivals_period - top[1] < k:
        top = None  # the arrivals total minus the busiest point would give the other points' small count
    hidden = hidden_daily + hidden_pyramid + sum(1 for v in shown.values() if v == MARKER)
    return Published(shown, top, needs, series, pyramid, routes, direction, hidden)
