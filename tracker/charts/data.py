"""Chart data: key figures and the series behind each chart.

Crossing figures come from the trigger-kept summaries (schema 0003 and 0006):
whole months from ``crossing_monthly``, the edge days of a period from
``crossing_daily``, daily series from ``crossing_point_daily``; never from raw
``crossing_counts``. Household figures come from indexed columns of ``households``. Every function takes a ``Filters`` and returns plain
Python values, so the same numbers feed the dashboard, the report and the tests.

The figures here are exact: the window shows them as they are. What is written for sharing
(the PDF report) goes through ``charts.published``, which suppresses by the exports' rule.
``suppress_below`` (k) only drops cells 0 < n < k from a series (a count becomes 0); it is not
disclosure control and no shared document uses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain import model
from tracker.timeutil import today as _today

UNKNOWN = ""  # how the summary tables store a missing origin/destination governorate


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    crossing: str | None = None  # one crossing point P-code
    direction: str | None = None  # 'in' | 'out' | None (both)
    origin_adm1: str | None = None

    def where(self, *, dates: bool = True, direction: str | None = None) -> tuple[str, list]:
        """SQL condition on a summary table (all these columns are part of its key)."""
        parts, args = [], []
        if dates and self.date_from:
            parts.append("count_date >= ?")
            args.append(self.date_from)
        if dates and self.date_to:
            parts.append("count_date <= ?")
            args.append(self.date_to)
        if self.crossing:
            parts.append("crossing_pcode = ?")
            args.append(self.crossing)
        if direction or self.direction:
            parts.append("direction = ?")
            args.append(direction or self.direction)
        if self.origin_adm1:
            parts.append("origin_adm1 = ?")
            args.append(self.origin_adm1)
        return (" WHERE " + " AND ".join(parts)) if parts else "", args


def _hide(value: int, k: int) -> int:
    return 0 if 0 < value < k else value


def _days(start: str, end: str) -> list[str]:
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return [(a + dt.timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


def _month_after(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _period_pieces(f: Filters) -> list[tuple[str, str | None, str | None]]:
    """(table, first, last) pieces that together cover exactly the filter's period: whole months from
    crossing_monthly ('YYYY-MM' bounds), the days at either edge from crossing_daily (ISO date bounds)."""
    start = dt.date.fromisoformat(f.date_from) if f.date_from else None
    end = dt.date.fromisoformat(f.date_to) if f.date_to else None
    if start and end and start > end:
        return []
    first_full = None if start is None else (start if start.day == 1 else _month_after(start))
    after_last = None if end is None else (
        _month_after(end) if _month_after(end) - dt.timedelta(days=1) == end else end.replace(day=1))
    if first_full is not None and after_last is not None and first_full >= after_last:
        return [("crossing_daily", f.date_from, f.date_to)]  # no whole month inside the period
    pieces = [("crossing_monthly", first_full.strftime("%Y-%m") if first_full else None,
               (after_last - dt.timedelta(days=1)).strftime("%Y-%m") if after_last else None)]
    if start is not None and start < first_full:
        pieces.append(("crossing_daily", f.date_from, (first_full - dt.timedelta(days=1)).isoformat()))
    if end is not None and after_last <= end:
        pieces.append(("crossing_daily", after_last.isoformat(), f.date_to))
    return pieces


def _period_query(store, f: Filters, keys: tuple[str, ...], sums: tuple[str, ...],
                  direction: str | None = None) -> list[tuple]:
    """SUM(sums) GROUP BY keys over the filter's period, exact, reading only summary tables."""
    parts, args = [], []
    for table, first, last in _period_pieces(f):
        date_col = "month" if table == "crossing_monthly" else "count_date"
        where, wargs = Filters(None, None, f.crossing, f.direction, f.origin_adm1).where(direction=direction)
        conds = [where[len(" WHERE "):]] if where else []
        if first:
            conds.append(f"{date_col} >= ?")
            wargs.append(first)
        if last:
            conds.append(f"{date_col} <= ?")
            wargs.append(last)
        cols = ", ".join([*keys, *(f"SUM({c}) AS {c}" for c in sums)])
        group = f" GROUP BY {', '.join(keys)}" if keys else ""
        parts.append(f"SELECT {cols} FROM {table}" + (f" WHERE {' AND '.join(conds)}" if conds else "") + group)
        args += wargs
    if not parts:
        return []
    outer = ", ".join([*keys, *(f"COALESCE(SUM({c}), 0)" for c in sums)])
    group = f" GROUP BY {', '.join(keys)}" if keys else ""
    return store.conn.execute(f"SELECT {outer} FROM ({' UNION ALL '.join(parts)}){group}", args).fetchall()


def date_span(store, filters: Filters) -> tuple[str, str] | None:
    """The period a chart covers: the filter's dates, filled in from the data where open."""
    if filters.date_from and filters.date_to:
        return filters.date_from, filters.date_to
    where, args = filters.where(dates=False)
    lo, hi = store.conn.execute(f"SELECT MIN(count_date), MAX(count_date) FROM crossing_point_daily{where}",
                                args).fetchone()
    if lo is None:
        return None
    return filters.date_from or lo, filters.date_to or hi


# -- key figures ------------------------------------------------------------------
@dataclass
class KeyFigures:
    households: int
    persons: int
    full_households: int  # registered member by member: the base of the specific-needs share
    specific_needs_households: int
    uasc: int  # unaccompanied or separated children
    arrivals_today: int
    arrivals_7d: int
    arrivals_period: int
    departures_period: int
    by_crossing: list[tuple[str, int]] = field(default_factory=list)  # arrivals in the period, largest first

    @property
    def specific_needs_share(self) -> float | None:
        return self.specific_needs_households / self.full_households if self.full_households else None


def key_figures(store, filters: Filters = Filters(), *, today: dt.date | None = None,
                suppress_below: int = 0) -> KeyFigures:
    k = suppress_below
    today = today or _today()
    hh_where, hh_args = ["deleted = 0"], []
    if filters.date_from:
        hh_where.append("registration_date >= ?")
        hh_args.append(filters.date_from)
    if filters.date_to:
        hh_where.append("registration_date <= ?")
        hh_args.append(filters.date_to)
    if filters.origin_adm1:
        hh_where.append("origin_adm1 = ?")
        hh_args.append(filters.origin_adm1)
    n, persons, full, needs, uasc = store.conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(total), 0), COALESCE(SUM(mode = 'full'), 0), "
        "COALESCE(SUM(mode = 'full' AND has_specific_needs = 1), 0), COALESCE(SUM(uasc_count), 0) "
        f"FROM households WHERE {' AND '.join(hh_where)}", hh_args).fetchone()

    def recent(start: str, end: str) -> int:
        where, args = Filters(start, end, filters.crossing, None, filters.origin_adm1).where(direction="in")
        return store.conn.execute(f"SELECT COALESCE(SUM(total), 0) FROM crossing_point_daily{where}",
                                  args).fetchone()[0]

    period = Filters(filters.date_from, filters.date_to, filters.crossing, None, filters.origin_adm1)
    by_crossing = sorted(_period_query(store, period, ("crossing_pcode",), ("total",), direction="in"),
                         key=lambda r: (-r[1], r[0]))
    arrivals = sum(n for _, n in by_crossing)
    departures = (_period_query(store, period, (), ("total",), direction="out") or [(0,)])[0][0]
    day = today.isoformat()
    week_start = (today - dt.timedelta(days=6)).isoformat()
    return KeyFigures(
        households=_hide(n, k), persons=_hide(persons, k), full_households=_hide(full, k),
        specific_needs_households=_hide(needs, k), uasc=_hide(uasc, k),
        arrivals_today=_hide(recent(day, day), k), arrivals_7d=_hide(recent(week_start, day), k),
        arrivals_period=_hide(arrivals, k), departures_period=_hide(departures, k),
        by_crossing=[(p, _hide(v, k)) for p, v in by_crossing if _hide(v, k)],
    )


# -- daily crossings by point, with a 7-day average ------------------------------------
OTHER = "other"
HIDDEN = "hidden"  # a shared document's band of suppressed cells (charts.published)


@dataclass
class DailySeries:
    dates: list[str]
    by_point: dict[str, list[int]]  # P-code (or OTHER) -> one value per date; largest points first
    total: list[int]
    avg7: list[float]  # trailing 7-day mean of ``total`` (days before the period included)


def daily_by_point(store, filters: Filters = Filters(), *, top: int = 6, suppress_below: int = 0) -> DailySeries:
    """People counted per day and crossing point; points beyond the ``top`` largest are summed as OTHER."""
    span = date_span(store, filters)
    if span is None:
        return DailySeries([], {}, [], [])
    start, end = span
    lead_in = (dt.date.fromisoformat(start) - dt.timedelta(days=6)).isoformat()
    where, args = Filters(lead_in, end, filters.crossing, filters.direction, filters.origin_adm1).where()
    rows = store.conn.execute(
        f"SELECT count_date, crossing_pcode, SUM(total) FROM crossing_point_daily{where} "
        "GROUP BY count_date, crossing_pcode",
        args).fetchall()
    days = _days(lead_in, end)
    index = {d: i for i, d in enumerate(days)}
    cells: dict[str, list[int]] = {}
    for day, point, n in rows:
        cells.setdefault(point, [0] * len(days))[index[day]] = _hide(n, suppress_below)
    totals = [sum(col) for col in zip(*cells.values())] if cells else [0] * len(days)
    avg7 = [sum(totals[i - 6:i + 1]) / 7 for i in range(6, len(days))]
    # rank points by volume within the period itself
    ranked = sorted(cells, key=lambda p: (-sum(cells[p][6:]), p))
    by_point = {p: cells[p][6:] for p in ranked[:top] if sum(cells[p][6:])}
    rest = [sum(vals) for vals in zip(*(cells[p][6:] for p in ranked[top:]))] if ranked[top:] else []
    if rest and sum(rest):
        by_point[OTHER] = rest
    return DailySeries(days[6:], by_point, totals[6:], avg7)


def cumulative(store, filters: Filters = Filters(), *, suppress_below: int = 0,
               series: DailySeries | None = None) -> tuple[list[str], list[int]]:
    """Running total of people counted from the first day of the period (direction as filtered).
    Pass the ``series`` already read for the daily chart to skip reading it again."""
    series = series or daily_by_point(store, filters, suppress_below=suppress_below)
    running, out = 0, []
    for n in series.total:
        running += n
        out.append(running)
    return series.dates, out


# -- origin -> destination ---------------------------------------------------------------
def origin_destination(store, filters: Filters = Filters(), *, suppress_below: int = 0) -> list[tuple[str, str, int]]:
    """(origin governorate, destination governorate, people), largest first; '' where unknown."""
    rows = _period_query(store, filters, ("origin_adm1", "destination_adm1"), ("total",))
    flows = [(o, d, _hide(n, suppress_below)) for o, d, n in rows]
    return sorted((f for f in flows if f[2] > 0), key=lambda f: (-f[2], f[0], f[1]))


def origin_destination_of(routes: list[tuple[str, str, str, int]]) -> list[tuple[str, str, int]]:
    """origin_destination() from route_flows() rows already read (one query fewer per redraw)."""
    totals: dict[tuple[str, str], int] = {}
    for origin, _crossing, destination, people in routes:
        totals[(origin, destination)] = totals.get((origin, destination), 0) + people
    return sorted(((o, d, n) for (o, d), n in totals.items() if n > 0), key=lambda f: (-f[2], f[0], f[1]))


def route_flows(store, filters: Filters = Filters(), *, suppress_below: int = 0) -> list[tuple[str, str, str, int]]:
    """(origin governorate, crossing point, destination governorate, people) for the flow map."""
    rows = _period_query(store, filters, ("origin_adm1", "crossing_pcode", "destination_adm1"), ("total",))
    flows = [(o, c, d, _hide(n, suppress_below)) for o, c, d, n in rows]
    return sorted((f for f in flows if f[3] > 0), key=lambda f: (-f[3], f[0], f[1], f[2]))


# -- population pyramid ------------------------------------------------------------------
def pyramid(store, filters: Filters = Filters(), *, source: str = "crossings",
            suppress_below: int = 0) -> dict[str, tuple[int, int]]:
    """Age bracket -> (females, males), youngest first; from crossing counts or registered households."""
    sums = ", ".join(f"COALESCE(SUM({f}), 0)" for f in model.COUNT_FIELDS)
    if source == "crossings":
        found = _period_query(store, filters, (), model.COUNT_FIELDS)
        row = found[0] if found else (0,) * len(model.COUNT_FIELDS)
    elif source == "households":
        conds, args = ["deleted = 0"], []
        for col, op, value in (("registration_date", ">=", filters.date_from),
                               ("registration_date", "<=", filters.date_to), ("origin_adm1", "=", filters.origin_adm1)):
            if value:
                conds.append(f"{col} {op} ?")
                args.append(value)
        row = store.conn.execute(f"SELECT {sums} FROM households WHERE {' AND '.join(conds)}", args).fetchone()
    else:
        raise ValueError(f"unknown pyramid source: {source}")
    values = dict(zip(model.COUNT_FIELDS, (_hide(v, suppress_below) for v in row)))
    return {a: (values[f"f_{a}"], values[f"m_{a}"]) for a in model.AGE_BRACKETS}


# -- one call per redraw ----------------------------------------------------------------
def dashboard_data(store, filters: Filters = Filters(), *, today: dt.date | None = None) -> dict:
    """Everything the dashboard and flows pages draw, read in one go (on the worker thread)."""
    series = daily_by_point(store, filters)
    routes = route_flows(store, filters)
    return {
        "filters": filters,
        "key_figures": key_figures(store, filters, today=today),
        "daily": series,
        "cumulative": cumulative(store, filters, series=series),
        "origin_destination": origin_destination_of(routes),
        "routes": routes,
        "pyramid": pyramid(store, filters),
        "locations": dict(store.locations()),
    }
