"""The hub's tables and views in the ``hub`` schema, created by numbered migrations like the local
store's (``tracker.store.schema``): each runs once, in order, in the same transaction as its row in
``hub.migrations``; ``dtrack hub init`` applies those missing.

Tables: ``offices`` (every device whose summaries reached the hub, with the fingerprint of the key
that signed them), ``summaries`` (each summary bundle pushed: its sender, the dates it covers, its
creation time, which coordinator pushed it), ``cells`` (for every office, date and cell, the value from
that office's newest summary covering the date, and which summary it came from) and ``places``
(the coordinator's gazetteer: P-codes and names, for the export). Nothing personal: the cells are
counts by date x area x crossing point x direction x sex x age bracket, as in the bundles.

Views, summed in SQL over offices: ``consolidated_cells`` (per cell), ``cell_organisations`` (which
organisations' summaries make up each cell) and ``office_status`` (each office's latest period). Readers see a committed state through MVCC and
never wait for a push.

Roles: ``dtrack_hub_push`` may write the tables; ``dtrack_hub_read`` may read the views, the
offices, summaries and places, not the per-office cells. Give people login roles that are members
of one of them (docs/coordinator.md).
"""

from __future__ import annotations

from .connection import HubError

PUSH_ROLE, READ_ROLE = "dtrack_hub_push", "dtrack_hub_read"
_LOCK = 0x64747261636B  # advisory lock key: one migrator at a time ("dtrack")

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "0001_cells", """
CREATE TABLE hub.offices (
    device_id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL DEFAULT '',
    organisation text NOT NULL DEFAULT '',
    fingerprint text NOT NULL,
    named_at text COLLATE "C" NOT NULL,  -- creation time of the summary the name comes from (newest wins)
    first_pushed_at timestamptz NOT NULL DEFAULT now(),
    last_pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hub.summaries (
    bundle_sha text COLLATE "C" PRIMARY KEY CHECK (bundle_sha ~ '^[0-9a-f]{64}$'),
    device_id text COLLATE "C" NOT NULL REFERENCES hub.offices,
    organisation text NOT NULL DEFAULT '',
    date_from date NOT NULL,
    date_to date NOT NULL CHECK (date_from <= date_to),
    created_at text COLLATE "C" NOT NULL,  -- as the sender signed it; compared as text, like the local store
    cells integer NOT NULL,
    pushed_by text NOT NULL,  -- the coordinator device that verified and decrypted it
    pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX summaries_device ON hub.summaries (device_id, date_from, date_to);
CREATE TABLE hub.cells (
    device_id text COLLATE "C" NOT NULL REFERENCES hub.offices,
    count_date date NOT NULL,
    source text NOT NULL CHECK (source IN ('crossings', 'registrations')),
    admin_pcode text COLLATE "C" NOT NULL,
    crossing_pcode text COLLATE "C" NOT NULL,
    direction text COLLATE "C" NOT NULL,
    measure text NOT NULL CHECK (measure IN ('people', 'households')),
    sex text COLLATE "C" NOT NULL,
    age_bracket text COLLATE "C" NOT NULL,
    value integer NOT NULL CHECK (value > 0),
    created_at text COLLATE "C" NOT NULL,
    bundle_sha text COLLATE "C" NOT NULL REFERENCES hub.summaries,
    PRIMARY KEY (device_id, count_date, source, admin_pcode, crossing_pcode, direction, measure, sex, age_bracket)
);
CREATE INDEX cells_date ON hub.cells (count_date);
CREATE INDEX cells_bundle ON hub.cells (bundle_sha);
CREATE TABLE hub.places (
    pcode text COLLATE "C" PRIMARY KEY,
    level integer,
    parent text COLLATE "C",
    name_en text,
    name_ar text,
    kind text
);
CREATE VIEW hub.consolidated_cells AS
    SELECT c.source, c.count_date, c.admin_pcode, c.crossing_pcode, c.direction, c.measure, c.sex, c.age_bracket,
           s.organisation, SUM(c.value)::bigint AS value
    FROM hub.cells c JOIN hub.summaries s USING (bundle_sha)
    GROUP BY c.source, c.count_date, c.admin_pcode, c.crossing_pcode, c.direction, c.measure, c.sex, c.age_bracket,
             s.organisation;
CREATE VIEW hub.office_status AS
    SELECT o.device_id, o.name, o.organisation, o.fingerprint, o.last_pushed_at,
           COUNT(s.bundle_sha) AS summaries, MAX(s.created_at) AS newest_summary,
           MIN(s.date_from) FILTER (WHERE s.date_from > DATE '0001-01-01') AS first_date,
           MAX(CASE WHEN s.date_to = DATE '9999-12-31' THEN LEAST(s.date_to, left(s.created_at, 10)::date)
                    ELSE s.date_to END) AS last_date,  -- a complete snapshot speaks up to the day it was made
           (SELECT MIN(c.count_date) FROM hub.cells c WHERE c.device_id = o.device_id) AS first_cell,
           (SELECT MAX(c.count_date) FROM hub.cells c WHERE c.device_id = o.device_id) AS last_cell
    FROM hub.offices o LEFT JOIN hub.summaries s USING (device_id)
    GROUP BY o.device_id;
"""),
    (2, "0002_roles", f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PUSH_ROLE}') THEN
        CREATE ROLE {PUSH_ROLE} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{READ_ROLE}') THEN
        CREATE ROLE {READ_ROLE} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;  -- another hub database in this cluster created them at the same moment
END $$;
GRANT USAGE ON SCHEMA hub TO {PUSH_ROLE}, {READ_ROLE};
GRANT SELECT ON hub.migrations TO {PUSH_ROLE}, {READ_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON hub.offices, hub.summaries, hub.cells, hub.places TO {PUSH_ROLE};
GRANT SELECT ON hub.consolidated_cells, hub.office_status TO {PUSH_ROLE};
GRANT SELECT ON hub.consolidated_cells, hub.office_status, hub.offices, hub.summaries, hub.places TO {READ_ROLE};
"""),
]
MIGRATIONS.append((3, "0003_sums_without_organisations", f"""
-- 0001 summed per cell *and organisation*: as many rows as organisations per cell for every reader.
-- The sums now come without it, and which organisations make up each cell from a view of its own.
DROP VIEW hub.consolidated_cells;
CREATE VIEW hub.consolidated_cells AS
    SELECT source, count_date, admin_pcode, crossing_pcode, direction, measure, sex, age_bracket,
           SUM(value)::bigint AS value
    FROM hub.cells
    GROUP BY source, count_date, admin_pcode, crossing_pcode, direction, measure, sex, age_bracket;
CREATE VIEW hub.cell_organisations AS
    SELECT DISTINCT c.source, c.count_date, c.admin_pcode, c.crossing_pcode, c.direction, s.organisation
    FROM hub.cells c JOIN hub.summaries s USING (bundle_sha);
GRANT SELECT ON hub.consolidated_cells, hub.cell_organisations TO {PUSH_ROLE}, {READ_ROLE};
"""))
LATEST = MIGRATIONS[-1][0]


def version(conn) -> int:
    """The hub's migration number (0: no hub schema in this database)."""
    found = conn.execute("SELECT to_regclass('hub.migrations') IS NOT NULL").fetchone()[0]
    if not found:
        return 0
    return conn.execute("SELECT COALESCE(MAX(number), 0) FROM hub.migrations").fetchone()[0]


def init(conn) -> list[str]:
    """Create or update the hub schema; returns the names of the migrations applied (none: up to date).
    One transaction: a failure leaves the database as it was. (Hub connections are in autocommit
    mode, ``connection.connect``: each function here makes its own transactions.)"""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute("CREATE SCHEMA IF NOT EXISTS hub")
        conn.execute("CREATE TABLE IF NOT EXISTS hub.migrations (number integer PRIMARY KEY, name text NOT NULL, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        done = {r[0] for r in conn.execute("SELECT number FROM hub.migrations")}
        if done and max(done) > LATEST:
            raise HubError(f"this hub was set up by a newer version (migration {max(done)}); update Displacement "
                           "Tracker to use it")
        for number, name, sql in MIGRATIONS:
            if number in done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO hub.migrations (number, name) VALUES (%s, %s)", (number, name))
            applied.append(name)
    return applied


def check(conn) -> None:
    """Refuse to work on a database that is not a hub, or one of another version."""
    have = version(conn)
    if have == 0:
        raise HubError("this database is not a hub yet: run 'dtrack hub init --dsn …' first")
    if have > LATEST:
        raise HubError(f"this hub was set up by a newer version (migration {have}); update Displacement Tracker")
    if have < LATEST:
        raise HubError(f"this hub needs updating (migration {have} of {LATEST}): run 'dtrack hub init --dsn …'")
