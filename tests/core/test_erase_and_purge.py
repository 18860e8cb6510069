"""Emergency erase removes the database, its key file, its WAL and its backups (and says what it could
not); retention purges personal data of households closed long ago, keeps the counts, audits the
purge, keeps the audit chain verifiable, and travels by sync so the other device purges too."""

import datetime as dt
import json

import pytest

from tracker import office
from tracker.cli import main as cli
from tracker.domain import households, retention, stats
from tracker.errors import PermissionDenied
from tracker.store import accounts, backup, erase

PASS = "correct horse battery staple"
SAMI = "violet harbour tractor sixty"
OLD = {"head_name_ar": "مريم الخطيب", "head_name_lat": "Mariam Khatib", "origin_pcode": "SY07",
       "registration_date": "2025-03-10", "f_18_59": 1, "m_0_4": 2, "contact_phone": "+961 70 123 456",
       "notes": "lives behind the mosque"}


def test_erase_removes_database_keys_wal_and_backups(store, tmp_path):
    households.register_pre(store, OLD)
    usb = tmp_path / "usb"
    backup.create(store, usb)
    backup.create(store)  # the default folder beside the database
    db = store.path
    other = usb / "someone-else.dtdb"
    other.write_bytes(b"not ours")
    result = erase.erase(store)
    assert not result["failed"] and not result["unreachable"]
    for p in (db, db.with_name(db.name + ".keys"), db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
              db.with_name(db.name + ".lock")):
        assert not p.exists(), p
    assert [p.name for p in usb.iterdir()] == ["someone-else.dtdb"]
    assert not backup.default_folder(db).exists()
    assert len(result["removed"]) >= 6


def test_erase_names_an_unreachable_backup_folder(store, tmp_path):
    usb = tmp_path / "stick"
    backup.set_folder(store, usb)
    backup.create(store)
    for p in usb.iterdir():
        p.unlink()
    usb.rmdir()  # the stick was unplugged
    result = erase.erase(store)
    assert result["unreachable"] == [usb.resolve()]
    assert any("could NOT reach the backup folder" in line for line in erase.describe(result))


def test_only_an_administrator_erases(store, tmp_path):
    accounts.add_account(store, "sami", "supervisor", SAMI)
    with office.open(store.path, SAMI, "sami") as sami:
        with pytest.raises(PermissionDenied):
            erase.erase(sami)
    assert store.path.exists() and (store.path.with_name(store.path.name + ".keys")).exists()


def test_erase_on_the_command_line_needs_yes(store, tmp_path, monkeypatch, capsys):
    db = str(store.path)
    store.close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASS)
    assert cli.main(["erase", db]) == 1
    assert "--yes" in capsys.readouterr().err
    assert cli.main(["erase", db, "--yes"]) == 0
    assert "removed" in capsys.readouterr().out
    assert not (tmp_path / "office.dtdb").exists()


def _closed_household(store, months_ago: int, **extra) -> str:
    hid = households.register_pre(store, {**OLD, **extra})
    households.update_household(store, hid, {"status": "closed"})
    when = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=31 * months_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
    store.conn.execute("UPDATE households SET updated_at = ? WHERE id = ?", (when, hid))
    return hid


def test_purge_removes_personal_fields_keeps_counts_and_audits(store):
    old = _closed_household(store, 14)
    recent = _closed_household(store, 2)
    active = households.register_pre(store, OLD)
    before = stats.counts(store)["people in households"]
    dry = retention.purge(store, 12, dry_run=True)
    assert dry["households"] == 1 and households.get(store, old)["head_name_ar"] == "مريم الخطيب"
    result = retention.purge(store, 12)
    assert result["households"] == 1 and result["redacted"] >= 1
    hh = households.get(store, old)
    assert all(hh[f] is None for f in ("head_name_ar", "head_name_lat", "contact_phone", "notes"))
    assert hh["total"] == 3 and hh["status"] == "closed"
    assert stats.counts(store)["people in households"] == before
    for kept in (recent, active):
        assert households.get(store, kept)["head_name_ar"] == "مريم الخطيب"
    # the audit trail no longer holds the purged values, and still verifies
    befores = [b for (b,) in store.conn.execute("SELECT before FROM audit_log WHERE record_id = ?", (old,)) if b]
    assert befores and all("مريم" not in b and "+961" not in b for b in befores)
    assert stats.check(store)["ok"], stats.check(store)["lines"]
    detail = json.loads(store.conn.execute("SELECT detail FROM audit_log WHERE action = 'purge' "
                                           "AND table_name IS NULL").fetchone()[0])
    assert detail["households"] == 1 and "مريم" not in json.dumps(detail, ensure_ascii=False)
    assert old not in households.search(store, "مريم")
    assert retention.purge(store, 12)["households"] == 0  # nothing left to purge


def test_purge_needs_an_administrator_and_a_period(store):
    with pytest.raises(Exception, match="retention is off"):
        retention.purge(store)
    retention.set_months(store, 6)
    assert retention.months_setting(store) == 6
    with pytest.raises(Exception, match="between 1 and"):
        retention.set_months(store, 0)
    accounts.add_account(store, "sami", "supervisor", SAMI)
    with office.open(store.path, SAMI, "sami") as sami:
        with pytest.raises(PermissionDenied):
            retention.purge(sami, 6)


def test_purge_travels_by_sync(tmp_path):
    from tests.core.sync_devices import befriend, new_device
    from tracker.sync import bundle

    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b")
    try:
        for s in (a, b):  # the helper's devices sign in as administrators
            s.role = "administrator"
        befriend(a, b)
        hid = _closed_household(a, 14)
        bundle.export_bundle(a, tmp_path / "1.dtsync", for_device=b.device_id)
        bundle.import_bundle(b, tmp_path / "1.dtsync")
        assert households.get(b, hid)["head_name_ar"] == "مريم الخطيب"
        retention.purge(a, 12)
        bundle.export_bundle(a, tmp_path / "2.dtsync", for_device=b.device_id)
        bundle.import_bundle(b, tmp_path / "2.dtsync")
        got = households.get(b, hid)
        assert got["head_name_ar"] is None and got["contact_phone"] is None and got["total"] == 3
        assert stats.check(b)["ok"]
        # b's own audit trail still held the values it received; its next purge redacts them
        def befores(s):
            return " ".join(x for (x,) in s.conn.execute("SELECT before FROM audit_log WHERE record_id = ?", (hid,)) if x)
        assert "مريم" in befores(b)
        retention.purge(b, 12)
        assert "مريم" not in befores(b) and stats.check(b)["ok"]
    finally:
        a.close()
        b.close()


def test_purge_on_the_command_line(store, monkeypatch, capsys):
    _closed_household(store, 14)
    db = str(store.path)
    store.close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASS)
    assert cli.main(["purge", db, "--older-than", "12", "--dry-run"]) == 0
    assert "would purge 1 households" in capsys.readouterr().out
    assert cli.main(["purge", db, "--older-than", "12"]) == 0
    assert "purged 1 households" in capsys.readouterr().out
    assert cli.main(["purge", db, "--older-than", "0"]) == 1
    assert "between 1 and" in capsys.readouterr().err
