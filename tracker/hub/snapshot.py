"""Reading the hub with the coordinator's own chart and export code.

The hub's views are summed over offices in SQL (``hub.consolidated_cells``). A reader copies one
consistent state of them (one REPEATABLE READ, READ ONLY transaction: a push committing meanwhile is
not half seen, and the reader never waits for it) into a small in-memory SQLite database laid out
like a coordinator's ``summary_cells`` and ``summary_coverage``, and hands that to
``tracker.charts.consolidated`` and ``tracker.sync.consolidated``. The dashboard and the export
therefore show exactly what they show for bundles imported locally, with the same filters,
governorates, suppression and shapes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager

from tracker.charts import consolidated as charts
from tracker.charts.data import Filters
from tracker.sync import consolidated as received
from .connection import refused
from .schema import check

_TABLES = """
CREATE TABLE summary_cells (device_id TEXT, organisation TEXT, source TEXT, count_date TEXT, admin_pcode TEXT,
    crossing_pcode TEXT, direction TEXT, measure TEXT, sex TEXT, age_bracket TEXT, value INTEGER);
CREATE INDEX summary_cells_date ON summary_cells (count_date);
CREATE TABLE summary_coverage (bundle_sha TEXT, device_id TEXT, device_name TEXT, organisation TEXT, date_from TEXT,
    date_to TEXT, created_at TEXT, received_at TEXT, cells INTEGER);
"""


class Snapshot:
    """What ``tracker.charts.consolidated`` needs of a store: ``conn`` and ``locations()``."""

    def __init__(self, conn: sqlite3.Connection, locations: dict[str, dict]):
        self.conn = conn
        self._locations = locations

    def locations(self) -> dict[str, dict]:
        return self._locations

    def close(self) -> None:
        self.conn.close()


def _iso(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def load(conn, date_from: str | None = None, date_to: str | None = None) -> Snapshot:
    """One consistent copy of the consolidated cells (between the dates, when given), who reported, and
    the places."""
    import psycopg

    try:
        return _load(conn, date_from, date_to)
    except psycopg.Error as exc:
        raise refused(exc, "read") from exc


def _load(conn, date_from, date_to) -> Snapshot:
    mem = sqlite3.connect(":memory:", check_same_thread=False)
    mem.executescript(_TABLES)
    where, args = "", []
    for op, value in ((">=", date_from), ("<=", date_to)):
        if value:
            where += f" AND count_date {op} %s"
            args.append(str(value))
    from psycopg.pq import TransactionStatus

    fresh = conn.info.transaction_status == TransactionStatus.IDLE  # else: read inside the caller's transaction
    with conn.transaction():
        if fresh:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        check(conn)
        cur = conn.execute(
            "SELECT '', '', source, to_char(count_date, 'YYYY-MM-DD'), admin_pcode, crossing_pcode, "
            f"direction, measure, sex, age_bracket, value FROM hub.consolidated_cells WHERE true{where}", args)
        while chunk := cur.fetchmany(20000):
            mem.executemany("INSERT INTO summary_cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk)
        # which organisations make up each cell: a zero "households" value per organisation adds
        # nothing to any figure and gives the export its organisation column
        cur = conn.execute(
            "SELECT '', organisation, source, to_char(count_date, 'YYYY-MM-DD'), admin_pcode, crossing_pcode, "
            f"direction, 'households', '', '', 0 FROM hub.cell_organisations WHERE true{where}", args)
        while chunk := cur.fetchmany(20000):
            mem.executemany("INSERT INTO summary_cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk)
        # each office's earliest date (for a complete snapshot's "first date"): a row no figure reads
        mem.executemany("INSERT INTO summary_cells (device_id, count_date, value) VALUES (?, ?, 0)",
                        [(d, _iso(first)) for d, first in conn.execute(
                            "SELECT device_id, first_cell FROM hub.office_status WHERE first_cell IS NOT NULL")])
        mem.executemany(
            "INSERT INTO summary_coverage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sha, device, name, org, _iso(f), _iso(t), created, _iso(pushed), cells) for
             sha, device, name, org, f, t, created, pushed, cells in conn.execute(
                 "SELECT s.bundle_sha, s.device_id, o.name, s.organisation, s.date_from, s.date_to, s.created_at, "
                 "s.pushed_at, s.cells FROM hub.summaries s JOIN hub.offices o USING (device_id)")])
        cur = conn.execute("SELECT pcode, level, parent, name_en, name_ar, kind FROM hub.places")
        cols = ["id", *[d.name for d in cur.description][1:]]
        places = {r[0]: dict(zip(cols, r)) for r in cur}
    mem.commit()
    return Snapshot(mem, places)


@contextmanager
def opened(conn, date_from=None, date_to=None):
    snap = load(conn, date_from, date_to)
    try:
        yield snap
    finally:
        snap.close()


# -- the same shapes as the local consolidation -----------------------------------------------------
def dashboard_data(conn, filters: Filters = Filters(), *, today: dt.date | None = None) -> dict:
    """As ``tracker.charts.consolidated.dashboard_data``, from the hub (``source`` is "summaries")."""
    with opened(conn) as snap:
        return {**charts.dashboard_data(snap, filters, today=today), "from_hub": True}


def key_figures(conn, filters: Filters = Filters(), *, today: dt.date | None = None) -> charts.SummaryFigures:
    with opened(conn) as snap:
        return charts.key_figures(snap, filters, today=today)


def daily_by_point(conn, filters: Filters = Filters(), *, top: int = 6):
    with opened(conn) as snap:
        return charts.daily_by_point(snap, filters, top=top)


def pyramid(conn, filters: Filters = Filters()) -> dict[str, tuple[int, int]]:
    with opened(conn) as snap:
        return charts.pyramid(snap, filters)


def reporters(conn) -> list[received.Reporter]:
    with opened(conn, "9999-12-31", "9999-12-31") as snap:  # who reported needs no cells
        return received.reporters(snap)


def consolidated(conn, date_from=None, date_to=None) -> list[dict]:
    """As ``tracker.sync.summary_bundle.consolidated``: the cells summed over offices, by sent admin area."""
    from tracker.sync.summary_bundle import consolidated as summed

    with opened(conn, date_from, date_to) as snap:
        return summed(snap, date_from, date_to)


def export_rows(conn, date_from=None, date_to=None, period: str = "day") -> list[dict]:
    """As ``tracker.sync.consolidated.export_rows`` (governorates, organisations per row)."""
    with opened(conn, date_from, date_to) as snap:
        return received.export_rows(snap, date_from, date_to, period)


# -- for the window: readers with the (store, filters) signature of the dashboard's loaders ---------
def dashboard_reader(dsn: str):
    """A function ``(store, filters) -> dashboard data`` read from the hub at ``dsn`` instead of the
    store's received summaries (the window's coordinator screen, on its worker thread). The password
    comes from libpq's password file: the window never asks for one."""
    from .connection import connect

    def read(_store, filters: Filters = Filters(), *, today: dt.date | None = None) -> dict:
        with connect(dsn) as conn:
            return dashboard_data(conn, filters, today=today)
    return read


def received_reader(dsn: str):
    """A function ``(store) -> summaries kept`` (as ``tracker.sync.summary_bundle.received``), from the hub."""
    from .connection import connect

    def read(_store) -> list[dict]:
        with connect(dsn) as conn, opened(conn, "9999-12-31", "9999-12-31") as snap:
            from tracker.sync.summary_bundle import received as kept

            return kept(snap)
    return read
