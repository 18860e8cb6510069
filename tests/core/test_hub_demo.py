"""The hub holds real figures only: a summary made from a database holding demo data (made-up people)
is refused by name, file and sender, and writes nothing to the hub, even when the coordinator's own
database is a practice one with demo data (which takes such a summary locally). Real PostgreSQL,
real demo databases and real signed bundles."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE
from tests.core import consolidated_field
from tests.core.hub_server import blank_dsn, hub, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tests.core.sync_devices import befriend, new_device
from tracker import office
from tracker.cli.main import main
from tracker.domain import demo
from tracker.hub import push
from tracker.sync import summary_bundle
from tracker.sync.errors import SyncError

HUB_TABLES = ("offices", "summaries", "cells", "places")


def hub_rows(conn) -> dict:
    return {t: conn.execute(f"SELECT COUNT(*) FROM hub.{t}").fetchone()[0] for t in HUB_TABLES}


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    """A real coordinator; 'trainer', a database filled by the demo generator; 'tripoli', a real office;
    'practice', a coordinator's practice database with demo data of its own. The trainer's summary goes
    to both coordinators, tripoli's to the real one."""
    folder = tmp_path_factory.mktemp("hubdemo")
    coord = office.create(folder / "coordinator.dtdb", PASSPHRASE, organisation="Sector", device_name="coordinator")
    trainer = new_device(folder, "trainer", organisation="Training")
    tripoli = new_device(folder, "tripoli", organisation="NGO A")
    practice = new_device(folder, "practice", organisation="Sector")
    befriend(coord, trainer, tripoli, practice)
    demo.populate(trainer, households=14, crossings=30, seed=3)
    demo.populate(practice, households=14, crossings=5, seed=4)
    consolidated_field.count(tripoli, "2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 10, "m_0_4": 2})
    sent = summary_bundle.export_summary(trainer, folder / "demo.dtb", for_device=[coord.device_id, practice.device_id])
    real = summary_bundle.export_summary(tripoli, folder / "real.dtb", for_device=coord.device_id)
    assert sent["demo_data"] and not real["demo_data"]  # guards the fixture itself
    trainer.close()
    tripoli.close()
    yield coord, practice, folder / "demo.dtb", folder / "real.dtb"
    coord.close()
    practice.close()


def test_a_demo_summary_is_refused_and_the_hub_is_unchanged(field, hub):
    coord, _, demo_file, _ = field
    before = hub_rows(hub)
    [result] = push.push_files(hub, coord, [demo_file])
    err = result["error"]
    assert "demo.dtb" in err and "demo data (made-up people)" in err and "trainer" in err
    assert "summary of their real database" in err and "nothing of it was pushed" in err
    assert hub_rows(hub) == before  # not even the coordinator's places: nothing was pushed
    with pytest.raises(SyncError, match="demo data"):
        push.read_summary(coord, demo_file)


def test_among_several_files_only_the_demo_one_is_refused(field, hub):
    coord, _, demo_file, real_file = field
    results = push.push_files(hub, coord, [real_file, demo_file, real_file])
    assert results[0]["new"] and results[0]["sender"] == "tripoli"
    assert "demo data" in results[1]["error"] and "new" not in results[1]
    assert results[2] == {"path": str(real_file), "sender": "tripoli", "new": False, "replaced": 0, "stored": 0}
    assert [r[0] for r in hub.execute("SELECT name FROM hub.offices")] == ["tripoli"]
    assert hub.execute("SELECT SUM(value) FROM hub.cells WHERE measure = 'people'").fetchone()[0] == 12


def test_a_practice_coordinator_takes_it_locally_but_the_hub_still_refuses(field, hub):
    _, practice, demo_file, _ = field
    taken = summary_bundle.import_summary(practice, demo_file)  # practice with practice: the local rule allows it
    assert taken["demo_data"] and taken["stored"] > 0
    before = hub_rows(hub)
    [result] = push.push_files(hub, practice, [demo_file])
    assert "demo.dtb holds demo data (made-up people) from trainer" in result["error"]
    assert hub_rows(hub) == before


def test_the_command_line_names_the_file_and_what_to_do(field, hub_dsn, monkeypatch, capsys):
    coord, _, demo_file, real_file = field
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    coord_path = str(coord.path)
    code = main(["hub", "push", "--dsn", hub_dsn, "--coordinator", coord_path, str(demo_file), str(real_file)])
    captured = capsys.readouterr()
    assert code == 1
    assert "demo.dtb: not pushed: demo.dtb holds demo data (made-up people) from trainer" in captured.err
    assert "real database" in captured.err
    assert "pushed 1 of 2 summaries" in captured.out and "real.dtb: tripoli:" in captured.out
