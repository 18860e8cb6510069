"""The encrypted store: encryption at rest, passphrases, re-keying, reopening."""

import sqlite3
import sys

import pytest

from tracker.domain import households
from tracker.errors import StoreExists, StoreMissing, WrongPassphrase
from tracker.store import accounts
from tracker.store.connection import recover_interrupted_rekey
from tracker import office

NAME = "زينب الخطيب"


def _register(store):
    return households.register_pre(store, {"head_name_ar": NAME, "head_name_lat": "Zeinab Khatib",
                                           "origin_pcode": "SY0602", "registration_date": "2025-03-09",
                                           "f_18_59": 1, "m_0_4": 2, "contact_phone": "+961 71 123456"})


def test_file_is_encrypted_and_holds_no_names(store, db_path):
    _register(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = db_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for needle in (NAME.encode(), "Zeinab".encode(), b"Khatib", b"123456", "الخطيب".encode()):
        assert needle not in raw
    # The stock sqlite3 module cannot read it.
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT * FROM sqlite_master").fetchall()


def test_wal_and_memory_temp_store(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA cache_size").fetchone()[0] <= -100_000


def test_wrong_passphrase_is_a_typed_error_and_writes_nothing(store, db_path, passphrase):
    _register(store)
    store.close()
    before = db_path.read_bytes()
    with pytest.raises(WrongPassphrase) as err:
        office.open(db_path, "not the passphrase")
    assert str(err.value) == "wrong passphrase or not a Displacement Tracker database"
    assert db_path.read_bytes() == before
    with office.open(db_path, passphrase) as again:
        assert again.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1


def test_a_foreign_sqlcipher_file_is_refused(tmp_path):
    from tracker.store.connection import connect

    other = tmp_path / "other.db"
    conn = connect(other, "pw")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(WrongPassphrase):
        office.open(other, "pw")


def test_missing_and_existing_files(tmp_path, store, db_path, passphrase):
    with pytest.raises(StoreMissing):
        office.open(tmp_path / "nope.dtdb", passphrase)
    with pytest.raises(StoreExists):
        office.create(db_path, passphrase)


def test_change_passphrase_keeps_data(store, db_path, passphrase):
    hid = _register(store)
    accounts.change_passphrase(store, store.user, passphrase, "a new long passphrase")
    assert households.get(store, hid)["head_name_ar"] == NAME
    store.close()
    with pytest.raises(WrongPassphrase):
        office.open(db_path, passphrase)
    with office.open(db_path, "a new long passphrase") as again:
        assert households.get(again, hid)["total"] == 3


def test_change_passphrase_needs_the_old_one(store):
    with pytest.raises(WrongPassphrase):
        accounts.change_passphrase(store, store.user, "wrong", "another long passphrase")


def test_interrupted_rekey_leaves_the_original_whole(store, db_path, passphrase):
    """A re-key that died before the swap leaves a partial .rekey file; the original still opens."""
    hid = _register(store)
    store.close()
    partial = db_path.with_name(db_path.name + ".rekey")
    partial.write_bytes(b"\x00" * 4096)  # what a power cut mid-copy leaves behind
    recover_interrupted_rekey(db_path)
    assert not partial.exists()
    with office.open(db_path, passphrase) as again:
        assert households.get(again, hid)["head_name_ar"] == NAME


def test_reader_connection_sees_committed_writes(store):
    reader = store.reader()
    hid = _register(store)
    assert reader.execute("SELECT count(*) FROM households WHERE id = ?", (hid,)).fetchone()[0] == 1
    with pytest.raises(Exception):
        reader.execute("DELETE FROM households")
    reader.close()


def test_device_identity_and_gazetteer_loaded(store):
    meta = store.meta()
    assert meta["organisation"] == "Test NGO" and meta["device_name"] == "laptop-1"
    assert len(store.device_id) == 36
    locs = store.locations()
    assert locs["SY06"]["name_ar"] == "اللاذقية"
    assert locs["XLB-ARD"]["kind"] == "official_crossing"
    assert meta["gazetteer_version"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGKILL; its TerminateProcess is another trial")
@pytest.mark.parametrize("delay", [0.02, 0.15, 0.4])
def test_killing_a_rekey_at_any_moment_loses_nothing(tmp_path, delay):
    """A real process re-keying a database is killed part-way: the file opens with the old passphrase
    or the new one, with every record, and no partial copy is left behind."""
    import os
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    from tracker.domain import demo
    from tracker.errors import WrongPassphrase

    path = tmp_path / "k.dtdb"
    with office.create(path, "old long passphrase") as s:
        demo.populate(s, households=400, crossings=400, seed=5)
        expected = s.conn.execute("SELECT count(*) FROM persons").fetchone()[0]
    script = textwrap.dedent(f"""
        import tracker
        from tracker import office
        from tracker.store import accounts
        s = office.open({str(path)!r}, "old long passphrase")
        print("ready", flush=True)
        accounts.change_passphrase(s, s.user, "old long passphrase", "new long passphrase")
        print("done", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    for passphrase in ("old long passphrase", "new long passphrase"):
        try:
            with office.open(path, passphrase) as s:
                assert s.conn.execute("SELECT count(*) FROM persons").fetchone()[0] == expected
                assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            break
        except WrongPassphrase:
            continue
    else:
        pytest.fail("the database opens with neither passphrase after the kill")
    assert not path.with_name(path.name + ".rekey").exists()
