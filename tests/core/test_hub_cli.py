"""``dtrack hub init|push|export|status`` against a real PostgreSQL, with the hub's roles: a login that
may push, one that may only read. The DSN comes from --dsn or DTRACK_HUB_DSN and never holds a
password."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pytest

from tests.conftest import PASSPHRASE
from tests.core import hub_field
from tests.core.hub_server import blank_dsn, dsn_with, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tracker import office
from tracker.cli.main import main
from tracker.exchange import export as local_export
from tracker.hub import schema
from tracker.hub.connection import DSN_ENV
from tracker.sync import summary_bundle


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hubcli")
    coord = office.create(folder / "coordinator.dtdb", PASSPHRASE, organisation="Sector", device_name="coordinator")
    coord, paths = hub_field.build(folder, coordinator=coord)
    for p in paths:
        summary_bundle.import_summary(coord, p)
    yield coord, paths
    coord.close()


@pytest.fixture
def logins(hub_dsn):
    """Two login roles on the cluster: one in dtrack_hub_push, one in dtrack_hub_read."""
    tag = uuid.uuid4().hex[:8]
    pusher, reader = f"im_push_{tag}", f"im_read_{tag}"
    with psycopg.connect(hub_dsn, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {pusher} LOGIN IN ROLE dtrack_hub_push")
        admin.execute(f"CREATE ROLE {reader} LOGIN IN ROLE dtrack_hub_read")
    yield dsn_with(hub_dsn, user=pusher), dsn_with(hub_dsn, user=reader)
    with psycopg.connect(hub_dsn, autocommit=True) as admin:
        admin.execute(f"DROP ROLE {pusher}")
        admin.execute(f"DROP ROLE {reader}")


def test_init_push_status_export_from_the_command_line(field, blank_dsn, tmp_path, monkeypatch, capsys):
    coord, paths = field
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    assert main(["hub", "init", "--dsn", blank_dsn]) == 0
    assert "applied " + ", ".join(name for _, name, _ in schema.MIGRATIONS) in capsys.readouterr().out
    monkeypatch.setenv(DSN_ENV, blank_dsn)  # from here on the DSN comes from the environment
    assert main(["hub", "init"]) == 0 and "up to date" in capsys.readouterr().out
    code = main(["hub", "push", "--coordinator", str(coord.path), *map(str, paths), str(paths[0])])
    out = capsys.readouterr().out
    assert code == 0 and f"pushed {len(paths) + 1} of {len(paths) + 1} summaries" in out
    assert "already on the hub; nothing changed" in out
    assert main(["hub", "status"]) == 0
    out = capsys.readouterr().out
    assert "3 offices, 8 summaries" in out
    snapshot_day = dt.datetime.now(dt.timezone.utc).date().isoformat()  # a complete snapshot speaks up to its day
    tripoli = next(line for line in out.splitlines() if line.startswith("tripoli"))
    assert f"2025-03-08 to {snapshot_day}" in tripoli and " 3 summaries" in tripoli and "NGO A" in tripoli
    hub_csv, local_csv = tmp_path / "hub.csv", tmp_path / "local.csv"
    assert main(["hub", "export", "--what", "consolidated", "--format", "csv", "--out", str(hub_csv)]) == 0
    assert "small cells suppressed" in capsys.readouterr().out
    local_export.export(coord, "consolidated", local_csv)
    assert hub_csv.read_bytes() == local_csv.read_bytes()
    assert main(["hub", "export", "--out", str(tmp_path / "hub.xlsx")]) == 0 and (tmp_path / "hub.xlsx").exists()


def test_a_password_never_goes_on_the_command_line(blank_dsn, monkeypatch, capsys):
    monkeypatch.delenv(DSN_ENV, raising=False)
    assert main(["hub", "init", "--dsn", dsn_with(blank_dsn, password="secret")]) == 1
    err = capsys.readouterr().err
    assert "holds a password" in err and ".pgpass" in err and "secret" not in err
    assert main(["hub", "status"]) == 1
    assert DSN_ENV in capsys.readouterr().err
    assert main(["hub", "status", "--dsn", blank_dsn]) == 1  # reachable, but not a hub yet
    assert "not a hub yet" in capsys.readouterr().err
    with psycopg.connect(blank_dsn) as conn:
        assert conn.execute("SELECT to_regnamespace('hub')").fetchone()[0] is None  # nothing was created


def test_the_push_role_pushes_and_the_read_role_only_reads(field, logins, tmp_path, monkeypatch, capsys):
    coord, paths = field
    pusher, reader = logins
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    assert main(["hub", "push", "--dsn", reader, "--coordinator", str(coord.path), str(paths[0])]) == 1
    err = capsys.readouterr().err
    assert "may not push" in err and "dtrack_hub_push" in err
    assert main(["hub", "push", "--dsn", pusher, "--coordinator", str(coord.path), *map(str, paths)]) == 0
    capsys.readouterr()
    assert main(["hub", "export", "--dsn", reader, "--out", str(tmp_path / "r.csv"), "--suppress", "0"]) == 0
    assert main(["hub", "status", "--dsn", reader]) == 0
    assert "3 offices" in capsys.readouterr().out
    with psycopg.connect(reader, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM hub.cells")  # per-office cells: pushers only
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM hub.summaries")
    with psycopg.connect(pusher, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DROP TABLE hub.cells")


def test_a_refused_bundle_is_named_and_the_rest_still_go(field, hub_dsn, tmp_path, monkeypatch, capsys):
    coord, paths = field
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    junk = tmp_path / "junk.dtb"
    junk.write_bytes(b"not a bundle")
    code = main(["hub", "push", "--dsn", hub_dsn, "--coordinator", str(coord.path), str(junk), str(paths[1])])
    captured = capsys.readouterr()
    assert code == 1 and "junk.dtb: not pushed: junk.dtb is not a Displacement Tracker bundle" in captured.err
    assert "pushed 1 of 2 summaries" in captured.out
    assert main(["hub", "push", "--dsn", hub_dsn, "--coordinator", str(tmp_path / "none.dtdb"), str(paths[1])]) == 1
    assert "no database at" in capsys.readouterr().err
