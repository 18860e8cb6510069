"""A coordinator's figures: the dashboard's numbers and the consolidated export, read from the
summary bundles received from other devices and organisations (``tracker.sync.summary_bundle``).

``summary_cells`` already holds, per sending device and date, only the cells of that device's
newest summary, so summing them never counts a device twice. What the summaries carry sets
what can be shown: people counted by date x origin governorate x crossing point x direction x
sex x age bracket, and registered households and people by date x origin. They carry no
destinations, specific needs or unaccompanied children, so those figures are not given here.

The dashboard's filters (``charts.data.Filters``) apply where the cells have the key: dates,
crossing point and direction to crossing counts; dates and origin to registrations too.
Senders may summarise by district; cells are read up to their governorate so the origin
filter and the export speak of governorates throughout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain import model
from tracker.domain.summary import admin_at
from tracker.sync.consolidated import Reporter, reporters
from tracker.timeutil import today as _today
from .data import OTHER, DailySeries, Filters, cumulative

PEOPLE = "source = 'crossings' AND measure = 'people'"


@dataclass
class SummaryFigures:
    households: int  # registered, from the registrations cells
    persons: int
    arrivals_today: int
    arrivals_7d: int
    arrivals_period: int
    departures_period: int
    by_crossing: list[tuple[str, int]] = field(default_factory=list)  # arrivals in the period, largest first
    reporters: list[Reporter] = field(default_factory=list)

    @property
    def organisations(self) -> list[str]:
        return sorted({r.organisation for r in self.reporters if r.organisation})


def _origin_codes(locations: dict, adm1: str) -> list[str]:
    """Every admin code that lies in governorate ``adm1`` (senders may summarise by district)."""
    return [adm1, *(p for p, loc in locations.items() if p != adm1 and loc.get("level") in (2, 3)
                    and admin_at(locations, p, 1) == adm1)]


def _where(store, f: Filters, *, dates: bool = True, crossing: bool = True) -> tuple[str, list]:
    """SQL conditions (each starting with AND) on summary_cells; ``crossing=False`` leaves out the
    crossing point and direction, which registrations do not have."""
    parts, args = [], []
    if dates and f.date_from:
        parts.append("count_date >= ?")
        args.append(f.date_from)
    if dates and f.date_to:
        parts.append("count_date <= ?")
        args.append(f.date_to)
    if crossing and f.crossing:
        parts.append("crossing_pcode = ?")
        args.append(f.crossing)
    if crossing and f.direction:
        parts.append("direction = ?")
        args.append(f.direction)
    if f.origin_adm1:
        codes = _origin_codes(store.locations(), f.origin_adm1)
        parts.append(f"admin_pcode IN ({', '.join('?' * len(codes))})")
        args += codes
    return "".join(f" AND {p}" for p in parts), args


# -- key figures, daily series, pyramid ---------------------------------------------------------
def _daily_cells(store, f: Filters, conn) -> list[tuple[str, str, str, int]]:
    """(date, crossing point, direction, people) over all dates, crossing point and origin filtered.
    Dates and direction are applied per figure: arrivals today, departures and the series all come
    from these few rows."""
    where, args = _where(store, Filters(None, None, f.crossing, None, f.origin_adm1), dates=False)
    return conn.execute(
        f"SELECT count_date, crossing_pcode, direction, SUM(value) FROM summary_cells WHERE {PEOPLE}{where} "
        "GROUP BY count_date, crossing_pcode, direction", args).fetchall()


def key_figures(store, filters: Filters = Filters(), *, today: dt.date | None = None, conn=None,
                cells=None) -> SummaryFigures:
    conn = conn or store.conn
    today = today or _today()
    cells = cells if cells is not None else _daily_cells(store, filters, conn)
    where, args = _where(store, filters, crossing=False)
    regs = dict(conn.execute(f"SELECT measure, SUM(value) FROM summary_cells WHERE source = 'registrations'{where} "
                             "GROUP BY measure", args).fetchall())

    def inside(day, a, b):
        return (a is None or day >= a) and (b is None or day <= b)

    week_start, day = (today - dt.timedelta(days=6)).isoformat(), today.isoformat()
    by_crossing: dict[str, int] = {}
    departures = today_n = week_n = 0
    for date, point, direction, n in cells:
        if direction == "in":
            if inside(date, filters.date_from, filters.date_to):
                by_crossing[point] = by_crossing.get(point, 0) + n
            today_n += n if date == day else 0
            week_n += n if week_start <= date <= day else 0
        elif direction == "out" and inside(date, filters.date_from, filters.date_to):
            departures += n
    ranked = sorted(((p, n) for p, n in by_crossing.items() if n), key=lambda r: (-r[1], r[0]))
    return SummaryFigures(households=regs.get("households", 0), persons=regs.get("people", 0),
                          arrivals_today=today_n, arrivals_7d=week_n, arrivals_period=sum(n for _, n in ranked),
                          departures_period=departures, by_crossing=ranked, reporters=reporters(store, conn))


def daily_by_point(store, filters: Filters = Filters(), *, top: int = 6, conn=None, cells=None) -> DailySeries:
    """As ``charts.data.daily_by_point``, from received summaries."""
    cells = cells if cells is not None else _daily_cells(store, filters, conn or store.conn)
    cells = [c for c in cells if not filters.direction or c[2] == filters.direction]
    dates = [c[0] for c in cells]
    if not (filters.date_from and filters.date_to) and not dates:
        return DailySeries([], {}, [], [])
    start, end = filters.date_from or min(dates), filters.date_to or max(dates)
    if start > end:
        return DailySeries([], {}, [], [])
    first = dt.date.fromisoformat(start) - dt.timedelta(days=6)
    days = [(first + dt.timedelta(days=i)).isoformat()
            for i in range((dt.date.fromisoformat(end) - first).days + 1)]
    index = {d: i for i, d in enumerate(days)}
    per_point: dict[str, list[int]] = {}
    for date, point, _direction, n in cells:
        if date in index:
            per_point.setdefault(point, [0] * len(days))[index[date]] += n
    totals = [sum(col) for col in zip(*per_point.values())] if per_point else [0] * len(days)
    avg7 = [sum(totals[i - 6:i + 1]) / 7 for i in range(6, len(days))]
    ranked = sorted(per_point, key=lambda p: (-sum(per_point[p][6:]), p))
    by_point = {p: per_point[p][6:] for p in ranked[:top] if sum(per_point[p][6:])}
    rest = [sum(v) for v in zip(*(per_point[p][6:] for p in ranked[top:]))] if ranked[top:] else []
    if rest and sum(rest):
        by_point[OTHER] = rest
    return DailySeries(days[6:], by_point, totals[6:], avg7)


def pyramid(store, filters: Filters = Filters(), *, conn=None) -> dict[str, tuple[int, int]]:
    """Age bracket -> (females, males) of the people counted at crossings, youngest first."""
    where, args = _where(store, filters)
    found = dict(((s, a), n) for s, a, n in (conn or store.conn).execute(
        f"SELECT sex, age_bracket, SUM(value) FROM summary_cells WHERE {PEOPLE}{where} GROUP BY sex, age_bracket",
        args))
    return {a: (found.get(("f", a), 0), found.get(("m", a), 0)) for a in model.AGE_BRACKETS}


def dashboard_data(store, filters: Filters = Filters(), *, today: dt.date | None = None) -> dict:
    """What the dashboard draws in "received summaries" mode, read in one go (on the worker thread).
    The same keys as ``charts.data.dashboard_data`` where summaries can feed them; no flows or routes."""
    cells = _daily_cells(store, filters, store.conn)
    series = daily_by_point(store, filters, cells=cells)
    return {
        "source": "summaries",
        "filters": filters,
        "key_figures": key_figures(store, filters, today=today, cells=cells),
        "daily": series,
        "cumulative": cumulative(store, filters, series=series),
        "pyramid": pyramid(store, filters),
        "locations": dict(store.locations()),
    }
