"""The aggregated summary: people and households by date (or week) x origin admin area x
crossing point x direction x sex x age bracket, and small-cell suppression.

Two sources feed it, told apart by the ``source`` key:
- ``crossings``: flow-monitoring counts. ``households`` there is the number of groups
  recorded (DTM's registry records one travelling group per entry).
- ``registrations``: registered households by registration date and origin; no crossing
  point or direction (empty strings).

``summary_rows`` returns raw counts (sync sends them in summary bundles); ``suppress``
hides small cells for publication. Both are pure functions of their inputs.
"""

from __future__ import annotations

import datetime as dt

from tracker.domain import disclosure, model
from tracker.errors import TrackerError

PERIODS = ("day", "week")
KEY_FIELDS = ("source", "period", "date", "admin_level", "admin_pcode", "crossing_pcode", "direction")
VALUE_FIELDS = (*model.COUNT_FIELDS, "individuals", "households")
DEFAULT_THRESHOLD = 5


def admin_at(locations: dict, pcode: str | None, level: int) -> str:
    """The level-``level`` admin area containing ``pcode`` ('' if unknown or not that deep)."""
    hops = 0
    while pcode and hops < 8:
        loc = locations.get(pcode)
        if loc is None:
            return ""
        if loc.get("level") == level:
            return pcode
        pcode = loc.get("parent")
        hops += 1
    return ""


def period_start(day: str, period: str) -> str:
    """The day itself, or the Monday that starts its ISO week."""
    if period == "day":
        return day
    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def _check(period: str, admin_level: int) -> None:
    if period not in PERIODS:
        raise TrackerError(f"unknown period {period!r}: use day or week", field="period", value=period)
    if admin_level not in (1, 2):
        raise TrackerError(f"admin level must be 1 or 2, not {admin_level!r}", field="admin_level", value=admin_level)


def summary_rows(store, date_from: str | None = None, date_to: str | None = None, period: str = "day",
                 admin_level: int = 1) -> list[dict]:
    """Raw (unsuppressed) counts, one dict per cell key (``KEY_FIELDS``) with ``VALUE_FIELDS``.

    ``date`` is the day, or the Monday of the ISO week for ``period='week'``. Dates are
    inclusive bounds on the count date / registration date (ISO text)."""
    _check(period, admin_level)
    locations = store.locations()
    sums = ", ".join(f"SUM(COALESCE({f}, 0))" for f in model.COUNT_FIELDS)
    cells: dict[tuple, dict] = {}
    sources = (
        ("crossings", f"SELECT count_date, origin_pcode, crossing_pcode, direction, {sums}, COUNT(*) "
                      "FROM crossing_counts WHERE deleted = 0 AND count_date IS NOT NULL", "count_date",
         "GROUP BY count_date, origin_pcode, crossing_pcode, direction"),
        ("registrations", f"SELECT registration_date, origin_pcode, '', '', {sums}, COUNT(*) "
                          "FROM households WHERE deleted = 0 AND registration_date IS NOT NULL",
         "registration_date", "GROUP BY registration_date, origin_pcode"),
    )
    n = len(model.COUNT_FIELDS)
    for source, sql, date_col, group in sources:
        params = []
        if date_from:
            sql += f" AND {date_col} >= ?"
            params.append(str(date_from))
        if date_to:
            sql += f" AND {date_col} <= ?"
            params.append(str(date_to))
        for row in store.conn.execute(f"{sql} {group}", params):
            day, origin, crossing, direction = row[:4]
            k = (source, period, period_start(day, period), admin_level, admin_at(locations, origin, admin_level),
                 crossing or "", direction or "")
            cell = cells.get(k)
            if cell is None:
                cell = cells[k] = {**dict(zip(KEY_FIELDS, k)), **dict.fromkeys(VALUE_FIELDS, 0)}
            for f, v in zip(model.COUNT_FIELDS, row[4:4 + n]):
                cell[f] += v
            cell["households"] += row[4 + n]
    out = []
    for k in sorted(cells):
        cell = cells[k]
        cell["individuals"] = sum(cell[f] for f in model.COUNT_FIELDS)
        out.append(cell)
    return out


# One symbol for every hidden cell, primary or secondary: "<5" would be false for a
# secondary cell and telling the two apart would narrow the hidden values.
MARKER = "x"


def marker_for(threshold: int) -> str:
    return MARKER


def suppress(rows: list[dict], threshold: int = DEFAULT_THRESHOLD, marker: str | None = None) -> list[dict]:
    """Copies of ``rows`` with cells replaced by ``marker`` (default ``MARKER``) so that no hidden
    count can be worked out to within ``threshold`` (``tracker.domain.disclosure``).

    The rows of each ``source`` form one table: the ten sex x age cells, the individuals total of
    each row, and the column totals and grand total an attacker is assumed to know from elsewhere
    (a report over the same days) unless they are small. Primary: every count with
    0 < value < threshold (zeros are shown: an empty cell discloses no one). Secondary: cells and
    row totals chosen so that each hidden count can move by at least ``threshold`` across rows and
    columns. ``households`` is protected on its own, as one column with its total. Shown values
    are the true values. ``threshold`` <= 1 hides nothing."""
    if marker is None:
        marker = marker_for(threshold)
    out = [dict(row) for row in rows]
    if threshold <= 1:
        return out
    by_source: dict[object, list[int]] = {}
    for n, row in enumerate(rows):
        by_source.setdefault(row.get("source"), []).append(n)
    members = [*model.COUNT_FIELDS, "individuals"]
    for indexes in by_source.values():
        cells = [[_count(rows[n].get(f)) for f in model.COUNT_FIELDS] for n in indexes]
        totals = [_count(rows[n].get("individuals")) for n in indexes]
        for i, j in disclosure.protect(cells, threshold, row_totals=totals, hide_margins=True):
            if i < len(indexes):
                out[indexes[i]][members[j]] = marker
        households = [_count(rows[n].get("households")) for n in indexes]
        for i in disclosure.protect_line(households, threshold, total_known=sum(households) >= threshold):
            out[indexes[i]]["households"] = marker
    return out


def _count(v) -> int:
    return v if isinstance(v, int) and v > 0 else 0


def suppressed_count(rows: list[dict], marker: str) -> int:
    return sum(1 for r in rows for f in VALUE_FIELDS if r.get(f) == marker)
