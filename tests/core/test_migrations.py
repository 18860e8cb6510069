"""Every migration, applied from every earlier version, ends at the same schema with data intact."""

import pytest
from sqlite_utils import Database

from tracker.store import schema
from tracker.store.connection import APPLICATION_ID, connect
from tracker import office

NAMES = schema.migration_names()


def _schema_of(conn):
    return sorted((r[0], r[1], r[2]) for r in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'"))


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("fresh") / "fresh.dtdb"
    with office.create(path, "correct horse battery staple") as s:
        return _schema_of(s.conn)


@pytest.mark.parametrize("stop_before", NAMES[1:] + [None], ids=lambda n: f"from-before-{n}" if n else "from-latest")
def test_upgrade_from_every_earlier_version(tmp_path, stop_before, fresh_schema):
    path = tmp_path / "old.dtdb"
    conn = connect(path, "correct horse battery staple")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    schema.migrations.apply(db, stop_before=stop_before)
    # Data written at the old version must survive the upgrade.
    db["meta"].insert_all([{"key": "device_id", "value": "dev-old"}, {"key": "device_name", "value": "old"}])
    db.execute("INSERT INTO households (id, created_at, updated_at, deleted, mode, head_name_ar, f_18_59, total) "
               "VALUES ('h1', 't', 't', 0, 'pre', 'سعاد', 1, 1)")
    conn.commit() if conn.in_transaction else None
    applied_before = schema.applied_names(db)
    assert schema.applied_names_in(conn) == applied_before  # what opening reads, with plain SQL
    conn.close()
    with office.open(path, "correct horse battery staple") as s:
        assert s.schema_version() == NAMES
        assert _schema_of(s.conn) == fresh_schema
        assert s.conn.execute("SELECT head_name_ar FROM households WHERE id = 'h1'").fetchone()[0] == "سعاد"
    assert len(applied_before) == (NAMES.index(stop_before) if stop_before else len(NAMES))


def test_a_failing_migration_rolls_back(tmp_path):
    from sqlite_utils.migrations import Migrations

    broken = Migrations("broken")

    @broken(name="0001_half")
    def half(db):
        db["half_done"].create({"x": int})
        raise RuntimeError("power cut")

    conn = connect(tmp_path / "b.dtdb", "correct horse battery staple")
    db = Database(conn)
    with pytest.raises(RuntimeError):
        broken.apply(db)
    assert not db["half_done"].exists()
    assert broken.applied(db) == []


def test_database_from_a_newer_version_is_refused(store, db_path):
    store.conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                       "VALUES ('displacement_tracker', '9999_future', 'now')")
    store.close()
    from tracker.errors import SchemaTooNew

    with pytest.raises(SchemaTooNew):
        office.open(db_path, "correct horse battery staple")
