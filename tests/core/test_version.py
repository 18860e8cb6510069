"""One version, in pyproject.toml: shown by dtrack, written into exports, bundles and reports;
files from a newer, incompatible version are refused with a clear message."""

from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path

import pytest

import tracker
from tests.conftest import PASSPHRASE
from tracker import office
from tracker.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_version_is_the_one_in_pyproject(capsys):
    assert tracker.__version__ == PYPROJECT_VERSION
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"dtrack {PYPROJECT_VERSION}"


def test_the_version_comes_from_the_file_else_from_the_package_metadata(tmp_path):
    ours = tmp_path / "pyproject.toml"
    ours.write_text('[project]\nname = "displacement-tracker"\nversion = "7.8.9"\n', encoding="utf-8")
    assert tracker._read_version(ours) == "7.8.9"
    # another project's file (or none, as in a wheel or a frozen app): the installed metadata decides
    other = tmp_path / "other.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "1.0"\n', encoding="utf-8")
    from importlib import metadata

    assert tracker._read_version(other) == metadata.version("displacement-tracker")
    assert tracker._read_version(tmp_path / "missing.toml") == metadata.version("displacement-tracker")


def test_exports_and_reports_name_the_version(store, tmp_path):
    from tracker.charts import report
    from tracker.charts.data import Filters
    from tracker.exchange import export

    result = export.export(store, "households", tmp_path / "h.csv", "csv")
    with open(result["metadata_path"], encoding="utf-8-sig", newline="") as fh:
        meta = dict(row[:2] for row in csv.reader(fh) if len(row) >= 2)
    assert meta["tool_version"] == f"Displacement Tracker {PYPROJECT_VERSION}"
    pdf = report.write(store, Filters(), tmp_path / "r.pdf").read_bytes()
    assert f"Displacement Tracker {PYPROJECT_VERSION}".encode() in pdf


def test_a_database_from_a_newer_version_is_refused_with_what_to_do(store, db_path, capsys, monkeypatch):
    store.conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                       "VALUES ('displacement_tracker', '9999_from_the_future', 'now')")
    store.close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "stats", db_path)
    assert code == 1 and out == ""
    assert "newer version" in err and "update Displacement Tracker" in err
    assert err.count("\n") == 1  # one line, no traceback


def test_a_bundle_from_a_newer_format_is_refused_with_what_to_do(tmp_path, capsys, monkeypatch):
    from tests.core.sync_devices import new_device, pre_household
    from tracker.sync import envelope, identity

    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    a = new_device(tmp_path, "tripoli", passphrase=PASSPHRASE)
    b = new_device(tmp_path, "akkar", passphrase=PASSPHRASE)
    for s, other in ((a, b), (b, a)):
        identity.add_peer(s, {**identity.own_identity(other), "fingerprint": "test"})
    pre_household(a, "علي")
    monkeypatch.setattr(envelope, "FORMAT_VERSION", envelope.FORMAT_VERSION + 1)  # as a newer program writes
    from tracker.sync import bundle

    bundle.export_bundle(a, tmp_path / "future.dtb", for_device=b.device_id)
    monkeypatch.undo()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    before = b.conn.execute("SELECT count(*) FROM households").fetchone()[0]
    paths = a.path, b.path
    a.close()
    b.close()
    code, out, err = run(capsys, "sync", "import", paths[1], tmp_path / "future.dtb")
    assert code == 1
    assert "newer version" in err and "update Displacement Tracker" in err
    again = office.open(paths[1], PASSPHRASE)
    assert again.conn.execute("SELECT count(*) FROM households").fetchone()[0] == before
    again.close()


def test_peer_bundles_carry_the_version(tmp_path):
    from tests.core.sync_devices import befriend, new_device, pre_household
    from tracker.sync import bundle, opening

    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b")
    befriend(a, b)
    pre_household(a)
    bundle.export_bundle(a, tmp_path / "a.dtb", for_device=b.device_id)
    env, _peer = opening.open_bundle(b, tmp_path / "a.dtb", bundle.KIND)
    meta = json.loads(opening.payload(b, env).split(b"\n", 1)[0])
    assert meta["app_version"] == PYPROJECT_VERSION
    a.close()
    b.close()
