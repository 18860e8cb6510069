"""A summary bundle from a database holding demo data says so, and a coordinator's real database refuses
to add its made-up counts to real figures (nothing changes); a demo coordinator, for practice, takes it."""

import json

import pytest

from tests.core.sync_devices import befriend, crossing_point, new_device
from tracker.domain import crossings, demo
from tracker.sync import opening, summary_bundle
from tracker.sync.errors import SyncError


def _count(store, day, n):
    return crossings.record_count(store, {"counted_at": f"{day}T09:00", "crossing_pcode": crossing_point(store),
                                          "direction": "in", "f_18_59": n, "origin_pcode": "SY01"})


def _counts_kept(store) -> tuple:
    conn = store.conn
    return (conn.execute("SELECT COUNT(*) FROM summary_cells").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM summary_coverage").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM bundles WHERE direction = 'in'").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])


@pytest.fixture
def field(tmp_path):
    devices = [new_device(tmp_path, n) for n in ("trainer", "tripoli", "coordinator", "practice")]
    befriend(*devices)
    yield devices
    for d in devices:
        d.close()


def test_a_demo_summary_says_so_and_a_real_coordinator_refuses_it(field, tmp_path):
    trainer, tripoli, coord, practice = field
    demo.populate(trainer, households=14, crossings=30, seed=3)
    sent = summary_bundle.export_summary(trainer, tmp_path / "demo.dtb")
    assert sent["demo_data"] is True
    env, _ = opening.open_bundle(coord, tmp_path / "demo.dtb", "summary")
    assert json.loads(opening.payload(coord, env))["sender"]["demo_data"] is True

    before = _counts_kept(coord)
    with pytest.raises(SyncError, match=r"demo\.dtb holds demo data \(made-up people\) from trainer"):
        summary_bundle.import_summary(coord, tmp_path / "demo.dtb")
    assert _counts_kept(coord) == before  # nothing changed

    assert not demo.holds_demo_data(practice)  # a practice database without demo data yet refuses it too
    with pytest.raises(SyncError, match="demo data"):
        summary_bundle.import_summary(practice, tmp_path / "demo.dtb")
    demo.populate(practice, households=14, crossings=5, seed=4)
    taken = summary_bundle.import_summary(practice, tmp_path / "demo.dtb")
    assert taken["demo_data"] is True and taken["stored"] > 0


def test_a_real_summary_is_not_marked_and_is_taken(field, tmp_path):
    _, tripoli, coord, _ = field
    _count(tripoli, "2025-03-09", 4)
    sent = summary_bundle.export_summary(tripoli, tmp_path / "real.dtb")
    assert sent["demo_data"] is False
    taken = summary_bundle.import_summary(coord, tmp_path / "real.dtb")
    assert taken["demo_data"] is False
    assert sum(r["individuals"] for r in summary_bundle.consolidated(coord)) == 4
