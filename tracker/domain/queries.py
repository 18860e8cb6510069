"""Read-only queries behind the household list: count, page and sort in SQL, never a whole table.

The list shows one page of rows at a time. A page is found with a sub-query
over ``rowid`` only, so SQLite can walk a covering partial index (``WHERE
deleted = 0``, migration 0005) and skip rows without reading them; the outer
query then reads the few full rows. OFFSET paging was measured against keyset
paging (docs/performance.md): with covering indexes a deep OFFSET costs
milliseconds, and it lets the view jump anywhere the scroll bar lands.

Every function takes a connection (the UI passes its own read connection) so
reads never wait on the writer thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import name_search
from tracker.store import records

# Columns the list shows, in this order, for every row a page returns.
LIST_COLUMNS = (
    "id", "mode", "head_name_ar", "head_name_lat", "registration_date", "origin_adm1", "origin_pcode",
    "current_pcode", "status", "total", "member_count", "has_specific_needs", "uasc_count",
)

# Sort keys the list offers. Each expression must match its index in migration 0005 exactly,
# or SQLite falls back to sorting every matching row.
# Within a group of equal keys, newer registrations come first, then rowid breaks ties (it is
# every index's implicit last column) so pages never overlap or skip a row.
SORT_KEYS = {
    "registration_date": ("registration_date",),
    "head_name": ("COALESCE(head_name_ar, head_name_lat)",),
    "origin_adm1": ("origin_adm1", "registration_date"),
    "current_pcode": ("current_pcode", "registration_date"),
    "status": ("status", "registration_date"),
    "total": ("total", "registration_date"),
    "mode": ("mode", "registration_date"),
    "created": (),  # entry order (rowid): how name-search results come, straight off the search index
}
DEFAULT_SORT = ("registration_date", True)  # newest registrations first
SEARCH_SORT = ("created", True)  # name search: most recently entered first, without sorting every match


@dataclass(frozen=True)
class HouseholdFilters:
    """What the list is narrowed to. ``None`` (or empty text) means 'any'."""

    origin_adm1: str | None = None
    current_pcode: str | None = None
    status: str | None = None
    date_from: str | None = None  # registration date, inclusive, YYYY-MM-DD
    date_to: str | None = None
    has_specific_needs: bool | None = None
    text: str = ""

    def is_empty(self) -> bool:
        return self == HouseholdFilters()


def _where(filters: HouseholdFilters | None) -> tuple[str, list]:
    """FROM and WHERE of the filtered list. A name search starts from the search index and joins
    the household rows, so results stream in index order and a LIMIT stops the work early."""
    # ``deleted = 0`` stays a literal so the partial indexes qualify.
    clauses, args = ["deleted = 0"], []
    f = filters or HouseholdFilters()
    for column, value in (("origin_adm1", f.origin_adm1), ("current_pcode", f.current_pcode), ("status", f.status)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    if f.date_from:
        clauses.append("registration_date >= ?")
        args.append(f.date_from)
    if f.date_to:
        clauses.append("registration_date <= ?")
        args.append(f.date_to)
    if f.has_specific_needs is not None:
        clauses.append("has_specific_needs = ?")
        args.append(1 if f.has_specific_needs else 0)
    match = name_search.fts_query(f.text) if f.text else ""
    if match:  # text of only spaces or punctuation narrows nothing
        return ("households_fts JOIN households ON households.rowid = households_fts.rowid WHERE "
                + " AND ".join(["households_fts MATCH ?", *clauses]), [match, *args])
    return "households WHERE " + " AND ".join(clauses), args


def _rowid(filters: HouseholdFilters | None) -> str:
    # Ordering a search by the index's own rowid lets FTS5 hand rows over already in order.
    return "households_fts.rowid" if filters and name_search.fts_query(filters.text or "") else "households.rowid"


def _order(sort: tuple[str, bool] | None, rowid: str = "rowid") -> str:
    key, descending = sort or DEFAULT_SORT
    exprs = SORT_KEYS.get(key)
    if exprs is None:
        raise ValueError(f"cannot sort households by {key!r}; use one of {', '.join(SORT_KEYS)}")
    direction = "DESC" if descending else "ASC"
    return ", ".join(f"{e} {direction}" for e in (*exprs, rowid))


def count_households(conn, filters: HouseholdFilters | None = None, cap: int | None = None) -> int:
    """How many households match; with ``cap``, counting stops there (a name search that matches
    tens of thousands says 'more than N', which is all a registrar needs to type more)."""
    source, args = _where(filters)
    if cap:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {source} LIMIT ?)"
        return conn.execute(sql, [*args, int(cap)]).fetchone()[0]
    return conn.execute(f"SELECT count(*) FROM {source}", args).fetchone()[0]


def household_page(conn, filters: HouseholdFilters | None = None, sort: tuple[str, bool] | None = None,
                   offset: int = 0, limit: int = 100) -> list[tuple]:
    """Rows ``offset .. offset+limit-1`` of the filtered, sorted list, as tuples in LIST_COLUMNS order."""
    source, args = _where(filters)
    rowid = _rowid(filters)
    sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM households WHERE rowid IN "
           f"(SELECT households.rowid FROM {source} ORDER BY {_order(sort, rowid)} LIMIT ? OFFSET ?) "
           f"ORDER BY {_order(sort)}")
    return conn.execute(sql, [*args, int(limit), max(0, int(offset))]).fetchall()


def household_ids(conn, filters: HouseholdFilters | None = None, sort: tuple[str, bool] | None = None,
                  offset: int = 0, limit: int = 100) -> list[str]:
    """The ids of the same rows as ``household_page`` (for actions on a selection)."""
    return [r[0] for r in household_page(conn, filters, sort, offset, limit)]


def locations(conn) -> dict[str, dict]:
    """Every live location by P-code, read on the caller's connection (the store's cache is the writer's)."""
    cur = conn.execute("SELECT id, level, parent, name_en, name_ar, country, kind FROM locations WHERE deleted = 0")
    cols = [d[0] for d in cur.description]
    return {r[0]: dict(zip(cols, r)) for r in cur}


def used_values(conn, column: str) -> list[str]:
    """Distinct values of a filterable column among live households (to fill the filter choices).
    Walks the column's index, so it reads one entry per distinct value group, not every row."""
    if column not in ("origin_adm1", "current_pcode", "status"):
        raise ValueError(f"not a filter column: {column}")
    return [r[0] for r in conn.execute(
        f"SELECT DISTINCT {column} FROM households WHERE deleted = 0 AND {column} IS NOT NULL ORDER BY 1")]


def household_history(store, household_id: str) -> list[dict]:
    """The audit trail of a household and of each of its members, oldest first; member entries
    carry the member's given name under ``who`` (empty for the household's own entries)."""
    entries = [{**e, "who": ""} for e in records.history(store, "households", household_id)]
    members = store.conn.execute("SELECT id, given_name_ar, given_name_lat FROM persons WHERE household_id = ?",
                                 (household_id,)).fetchall()
    for pid, name_ar, name_lat in members:
        entries += [{**e, "who": name_ar or name_lat or ""} for e in records.history(store, "persons", pid)]
    return sorted(entries, key=lambda e: e["at"])
