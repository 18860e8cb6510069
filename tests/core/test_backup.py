"""Encrypted backups: made with SQLite's online backup under the same key, with the key file; listed,
checked, rotated, restored to a database that opens with the same accounts and exports the same
records. Through the core and through ``dtrack``."""

import datetime as dt
import os
import sys

import pytest

from tracker import office
from tracker.cli import main as cli
from tracker.domain import demo, households, stats
from tracker.errors import PermissionDenied, StoreExists, WrongPassphrase
from tracker.exchange import export
from tracker.store import accounts, backup

PASS = "correct horse battery staple"
RANA = "amber kettle window seventy"
# Windows has no POSIX file modes (the user profile's ACLs protect the files): there the mode checks
# are left out, and the backup and restore are checked all the same.
POSIX_MODES = sys.platform != "win32"


@pytest.fixture
def filled(store):
    demo.populate(store, households=30, crossings=40, seed=11)
    accounts.add_account(store, "rana", "registrar", RANA)
    return store


def exported(store, folder):
    """Every record dataset, personal data included, as the bytes of its CSV (ids and all)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name in ("households", "persons", "movements", "crossings"):
        path = folder / f"{name}.csv"
        export.export(store, name, path, pii=True, pii_confirmed=True, metadata_file=False)
        out[name] = path.read_bytes()
    return out


def test_a_backup_is_encrypted_has_its_key_file_and_restores_record_for_record(filled, tmp_path):
    result = backup.create(filled, tmp_path / "usb")
    path = tmp_path / "usb" / os.path.basename(result["path"])
    assert path.exists() and (tmp_path / "usb" / (path.name + ".keys")).exists()
    assert not POSIX_MODES or path.stat().st_mode & 0o077 == 0  # readable by its owner only, like the database
    head = path.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert not list((tmp_path / "usb").glob("*.part"))
    report = backup.verify(path, PASS)
    assert report["ok"] and report["accounts"] == ["rana", "tester"]
    assert report["counts"]["households"] == 30
    restored = backup.restore(path, tmp_path / "restored.dtdb", RANA, "rana")
    assert restored["device_id"] != filled.device_id
    assert not POSIX_MODES or (tmp_path / "restored.dtdb").stat().st_mode & 0o077 == 0
    with office.open(tmp_path / "restored.dtdb", RANA, "rana") as r:
        assert r.role == "registrar"
        assert stats.check(r)["ok"]
    with office.open(tmp_path / "restored.dtdb", PASS, "tester") as r:
        assert exported(r, tmp_path / "after") == exported(filled, tmp_path / "before")


def test_restore_refuses_an_existing_file_and_a_wrong_passphrase(filled, tmp_path):
    path = backup.create(filled, tmp_path / "b")["path"]
    with pytest.raises(StoreExists):
        backup.restore(path, filled.path, PASS)
    with pytest.raises(WrongPassphrase):
        backup.restore(path, tmp_path / "new.dtdb", "not the passphrase at all")
    assert not (tmp_path / "new.dtdb").exists()


def test_a_damaged_backup_fails_its_check(filled, tmp_path, monkeypatch, capsys):
    path = backup.create(filled, tmp_path / "b")["path"]
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2] ^= 0xFF  # one bit flipped on the stick
    open(path, "wb").write(bytes(data))
    report = backup.verify(path, PASS)
    assert not report["ok"] and "damaged" in report["integrity"][0]
    with pytest.raises(backup.BackupError, match="fails its check"):
        backup.restore(path, tmp_path / "new.dtdb", PASS)
    assert not (tmp_path / "new.dtdb").exists()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASS)
    assert cli.main(["backup", "verify", str(path)]) == 1
    assert "integrity: FAILED" in capsys.readouterr().out


def test_only_administrators_back_up_on_demand_but_automatic_backups_run_for_everyone(filled, tmp_path):
    with office.open(filled.path, RANA, "rana") as rana:
        with pytest.raises(PermissionDenied):
            backup.create(rana, tmp_path / "x")
        households.register_pre(rana, {"head_name_ar": "ليلى", "origin_pcode": "SY07",
                                       "registration_date": "2025-03-10", "f_18_59": 1})
        made = backup.automatic(rana, "close")
        assert made and made["reason"] == "close"
        assert backup.automatic(rana, "close") is None  # nothing written since
        assert backup.automatic(rana, "daily") is None
    assert not (tmp_path / "x").exists()


def test_daily_backups_wait_a_day(filled):
    # (the fixture's account changes made their own backups just now: a day starts from the last one)
    tomorrow = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=25)
    first = backup.automatic(filled, "daily", now=tomorrow)
    assert first is not None
    households.register_pre(filled, {"head_name_ar": "ليلى", "origin_pcode": "SY07",
                                     "registration_date": "2025-03-10", "f_18_59": 1})
    assert backup.automatic(filled, "daily") is None  # the daily one was just made
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=25)
    assert backup.automatic(filled, "daily", now=later) is not None


def test_rotation_keeps_seven_days_four_weeks_and_the_newest_three(tmp_path):
    start = dt.datetime(2025, 1, 1, 9, tzinfo=dt.timezone.utc)
    made = []
    for day in range(60):
        for hour in (0, 6):
            at = start + dt.timedelta(days=day, hours=hour)
            p = tmp_path / f"office-abcdef12-{at:%Y%m%dT%H%M%SZ}-daily.dtdb"
            p.write_bytes(b"x")
            (tmp_path / (p.name + ".keys")).write_bytes(b"{}")
            made.append(p)
    other = tmp_path / "other-12345678-20250101T000000Z-daily.dtdb"
    other.write_bytes(b"x")
    removed = backup.rotate(tmp_path, "office-abcdef12")
    left = sorted(b["at"] for b in backup.backups_in(tmp_path, "office-abcdef12"))
    newest = start + dt.timedelta(days=59, hours=6)
    assert newest in left and newest - dt.timedelta(hours=6) in left  # the newest three, same day
    days = {a.date() for a in left}
    assert {(newest - dt.timedelta(days=i)).date() for i in range(7)} <= days
    assert len({a.isocalendar()[:2] for a in left}) >= 4
    assert len(left) <= 3 + 7 + 4 and len(removed) == len(made) - len(left)
    assert other.exists()  # another database's backup is never touched
    assert all(not (tmp_path / (p.name + ".keys")).exists() for p in removed)


def test_the_command_line_backs_up_lists_verifies_and_restores(filled, tmp_path, monkeypatch, capsys):
    db = str(filled.path)
    filled.close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASS)
    assert cli.main(["backup", "create", db, "--to", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    assert "backup written" in out
    made = next((tmp_path / "usb").glob("*.dtdb"))
    assert cli.main(["backup", "list", db]) == 0
    assert made.name in capsys.readouterr().out
    assert cli.main(["backup", "verify", str(made)]) == 0
    out = capsys.readouterr().out
    assert "accounts: rana, tester" in out and "audit chain: ok" in out
    assert cli.main(["backup", "restore", str(made), "--to", str(tmp_path / "new.dtdb")]) == 0
    assert "restored" in capsys.readouterr().out
    assert cli.main(["check", str(tmp_path / "new.dtdb")]) == 0
    # a registrar may not make one on demand: exit 1, one clear line
    monkeypatch.setenv("DTRACK_USER", "rana")
    monkeypatch.setenv("DTRACK_PASSPHRASE", RANA)
    assert cli.main(["backup", "create", db]) == 1
    assert "may not manage backups" in capsys.readouterr().err
