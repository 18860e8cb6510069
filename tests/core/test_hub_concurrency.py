"""Many pushers at once on a real PostgreSQL hub: random orders and duplicates from concurrent clients
(threads with their own connections, and separate ``dtrack hub push`` processes) give the same
consolidated table as pushing once in order — no lost and no double-counted cell."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from tests.conftest import PASSPHRASE
from tests.core import hub_field
from tests.core.hub_server import blank_dsn, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tracker import office
from tracker.hub import push, snapshot
from tracker.sync import summary_bundle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    """A coordinator database opened with its passphrase (as the command line does), the bundles,
    and the reference: the same bundles imported locally in the order they were made."""
    folder = tmp_path_factory.mktemp("hubconc")
    coord = office.create(folder / "coordinator.dtdb", PASSPHRASE, organisation="Sector", device_name="coordinator")
    coord, paths = hub_field.build(folder, coordinator=coord)
    for p in paths:
        summary_bundle.import_summary(coord, p)
    yield coord, paths
    coord.close()


def table(conn) -> list[tuple]:
    return conn.execute("SELECT device_id, count_date, source, admin_pcode, crossing_pcode, direction, measure, sex, "
                        "age_bracket, value, bundle_sha FROM hub.cells ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9").fetchall()


def _sequential_table(dsn, coord, paths) -> list[tuple]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("TRUNCATE hub.cells, hub.summaries, hub.offices")
        push.push_files(conn, coord, paths)
        return table(conn)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_six_threads_pushing_random_orders_and_duplicates_converge(field, hub_dsn, seed):
    coord, paths = field
    summaries = [push.read_summary(coord, p) for p in paths]
    reference = _sequential_table(hub_dsn, coord, paths)
    rng = random.Random(seed)
    for _ in range(3):  # a race shows only sometimes: several rounds per seed
        plans = [rng.sample(summaries, len(summaries)) + rng.choices(summaries, k=5) for _ in range(6)]
        with psycopg.connect(hub_dsn, autocommit=True) as conn:
            conn.execute("TRUNCATE hub.cells, hub.summaries, hub.offices")
        _push_at_once(hub_dsn, coord.device_id, plans)
        with psycopg.connect(hub_dsn, autocommit=True) as conn:
            assert table(conn) == reference
            assert snapshot.consolidated(conn) == summary_bundle.consolidated(coord)
            assert conn.execute("SELECT COUNT(*) FROM hub.summaries").fetchone()[0] == len(paths)


def _push_at_once(dsn, pushed_by, plans) -> None:
    start, errors = threading.Barrier(len(plans)), []

    def client(plan):
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                start.wait()
                for s in plan:
                    push.push_summary(conn, s, pushed_by)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(plan,)) for plan in plans]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []


def test_three_dtrack_processes_at_once(field, hub_dsn, tmp_path):
    coord, paths = field
    env = {**os.environ, "DTRACK_PASSPHRASE": PASSPHRASE, "DTRACK_HUB_DSN": hub_dsn, "DTRACK_BLOCK_QT": "1",
           "PYTHONPATH": str(ROOT)}
    rng = random.Random(5)
    procs = []
    for _ in range(3):
        files = [str(p) for p in rng.sample(paths, len(paths)) + rng.choices(paths, k=3)]
        procs.append(subprocess.Popen([sys.executable, "-m", "tracker.cli", "hub", "push", "--coordinator",
                                       str(coord.path), *files], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    outputs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    assert all(f"pushed {len(paths) + 3} of {len(paths) + 3} summaries" in out for out, _ in outputs)
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        concurrent = table(conn)
        assert snapshot.consolidated(conn) == summary_bundle.consolidated(coord)
    assert concurrent == _sequential_table(hub_dsn, coord, paths)
