"""Fixtures for the hub tests (not a test module): a real PostgreSQL server, never a mock.

``packaging/with-postgres.sh`` (run by packaging/run-tests.sh) starts a throwaway cluster and sets
``DTRACK_TEST_PG_DSN``. Without it the hub tests are skipped on a developer's machine, and FAIL in
CI (``CI=true``), where the server must be there. Each test gets a database of its own, made a hub.
"""

from __future__ import annotations

import os
import uuid

import pytest

ENV = "DTRACK_TEST_PG_DSN"


def _unavailable(why: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"the hub tests need PostgreSQL in CI: {why} (packaging/with-postgres.sh sets {ENV})")
    pytest.skip(f"no PostgreSQL for the hub tests: {why}; run them with 'bash packaging/with-postgres.sh "
                ".venv/bin/python -m pytest tests/core/test_hub_*.py'")


def dsn_with(dsn: str, **changes) -> str:
    from psycopg.conninfo import make_conninfo

    return make_conninfo(dsn, **changes)


@pytest.fixture(scope="session")
def pg_admin_dsn():
    dsn = os.environ.get(ENV)
    if not dsn:
        _unavailable(f"{ENV} is not set")
    try:
        import psycopg
    except ImportError:
        _unavailable("psycopg is not installed (the hub extra)")
    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        _unavailable(f"the server at {ENV} does not answer ({exc})")
    return dsn


@pytest.fixture
def blank_dsn(pg_admin_dsn):
    """A fresh, empty database (not yet a hub); dropped afterwards."""
    import psycopg

    name = f"hub_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield dsn_with(pg_admin_dsn, dbname=name)
    with psycopg.connect(pg_admin_dsn, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hub_dsn(blank_dsn):
    """A fresh database made a hub with ``schema.init``."""
    import psycopg
    from tracker.hub import schema

    with psycopg.connect(blank_dsn) as conn:
        schema.init(conn)
    return blank_dsn


@pytest.fixture
def hub(hub_dsn):
    """An open connection to a fresh hub."""
    import psycopg

    with psycopg.connect(hub_dsn) as conn:
        yield conn
