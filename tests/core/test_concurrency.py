"""Two programs, one database: nothing reported as done vanishes, and nobody dies with a traceback.

Each test puts a real second process beside a Store held open in this one (as the window holds
one while someone runs dtrack).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from tracker import office
from tracker.domain import households, stats
from tracker.errors import StoreBusy, StoreInUse
from tracker.store import accounts, records
from tracker.store.connection import connect
from tracker.store.locks import exclusive

PP = "correct horse battery staple"


def _household(store, name: str) -> str:
    return households.register_pre(store, {"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                           "head_name_ar": name, "f_18_59": 1})


def _run(script: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=timeout)


def _names(store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT head_name_ar FROM households WHERE deleted = 0")}


def test_a_store_open_before_another_program_writes_can_still_save(store, db_path):
    """The window's Store was opened first; a command-line write in between made its cached change
    number stale (UNIQUE constraint failed on change_log before the fix)."""
    _household(store, "قبل")
    other = _run(f"""
        import tracker
        from tracker import office
        from tracker.domain import households
        with office.open({str(db_path)!r}, {PP!r}) as s:
            for i in range(3):
                households.register_pre(s, {{"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                             "head_name_ar": f"سطر {{i}}", "f_18_59": 1}})
        print("ok")
    """)
    assert other.returncode == 0, other.stderr
    _household(store, "بعد")  # failed with a UNIQUE error before the fix
    assert {"قبل", "بعد", "سطر 0", "سطر 1", "سطر 2"} <= _names(store)
    assert stats.check(store)["ok"], stats.check(store)["lines"]
    seqs = [r[0] for r in store.conn.execute("SELECT origin_seq FROM change_log WHERE origin_device = ? "
                                             "ORDER BY origin_seq", (store.device_id,))]
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_second_writer_waits_for_the_first(store, db_path):
    """A write from another program while ours holds the write lock waits, then succeeds."""
    ready = threading.Event()

    def hold():
        with store.atomic():
            _household(store, "طويل")
            ready.set()
            time.sleep(1.5)

    t = threading.Thread(target=hold)
    t.start()
    ready.wait(5)
    other = _run(f"""
        import tracker
        from tracker import office
        from tracker.domain import households
        with office.open({str(db_path)!r}, {PP!r}, busy_seconds=20) as s:
            households.register_pre(s, {{"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                         "head_name_ar": "ثان", "f_18_59": 1}})
        print("ok")
    """)
    t.join()
    assert other.returncode == 0, other.stderr
    assert {"طويل", "ثان"} <= _names(store)


def test_a_writer_that_waits_too_long_is_refused_clearly_and_writes_nothing(store, db_path):
    holder = office.open(db_path, PP, busy_seconds=0.3)
    try:
        with store.atomic():
            _household(store, "حاجز")
            with pytest.raises(StoreBusy) as err:
                _household(holder, "لن يحفظ")
        assert "another program is writing" in str(err.value) and "nothing was changed" in str(err.value)
        assert "لن يحفظ" not in _names(store)
        _household(holder, "بعد الانتظار")  # the lock is free again
        assert "بعد الانتظار" in _names(store)
    finally:
        holder.close()


def test_passwd_beside_an_import_loses_nothing(tmp_path, store, db_path):
    """Changing a passphrase while another program imports: both succeed, every row stays (the
    re-key that replaced the file lost 148,000 of 150,000 imported rows)."""
    csv = tmp_path / "counts.csv"
    rows = ["counted_at,crossing_pcode,direction,f_18_59,m_18_59"]
    rows += [f"2025-03-{8 + i % 20:02d}T10:00,XLB-ARD,in,{1 + i % 4},{i % 3}" for i in range(3000)]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    store.close()
    importer = subprocess.Popen([sys.executable, "-m", "tracker.cli", "import", str(db_path), str(csv),
                                 "--kind", "crossings"], env={**_env(), "DTRACK_PASSPHRASE": PP},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    passwd = subprocess.run([sys.executable, "-m", "tracker.cli", "passwd", str(db_path)],
                            env={**_env(), "DTRACK_PASSPHRASE": PP, "DTRACK_NEW_PASSPHRASE": "river stone lamp quiet"},
                            capture_output=True, text=True, timeout=120)
    out, err = importer.communicate(timeout=180)
    assert importer.returncode == 0, err
    assert passwd.returncode == 0, passwd.stderr
    with office.open(db_path, "river stone lamp quiet") as s:
        assert s.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0] == 3000
        assert stats.check(s)["ok"]


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "DTRACK_PASSPHRASE"}


def test_the_window_notices_another_program_wrote(store, db_path):
    assert store.changed_elsewhere() is False
    _household(store, "هنا")
    assert store.changed_elsewhere() is False  # our own writes are not news
    other = _run(f"""
        import tracker
        from tracker import office
        from tracker.domain import households
        with office.open({str(db_path)!r}, {PP!r}) as s:
            households.register_pre(s, {{"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                         "head_name_ar": "هناك", "f_18_59": 1}})
    """)
    assert other.returncode == 0, other.stderr
    assert store.changed_elsewhere() is True
    assert store.changed_elsewhere() is False


def test_exclusive_operations_are_refused_while_the_database_is_open_elsewhere(store, db_path):
    with pytest.raises(StoreInUse) as err:
        with exclusive(db_path, "erasing"):
            pytest.fail("an exclusive lock was granted beside an open Store")
    assert "erasing needs" in str(err.value) and "close it" in str(err.value)
    store.close()
    with exclusive(db_path, "erasing"):
        with pytest.raises(StoreInUse):
            office.open(db_path, PP)


def test_a_single_passphrase_database_is_upgraded_in_place(tmp_path):
    """A file from before accounts: its passphrase becomes the administrator's; the old way of opening
    stops working, and the data stays."""
    from sqlite_utils import Database

    from tracker.store import schema
    from tracker.store.connection import APPLICATION_ID

    path = tmp_path / "old.dtdb"
    conn = connect(path, "the old shared passphrase")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    schema.migrations.apply(db, stop_before="0011_accounts")
    db["meta"].insert_all([{"key": "device_id", "value": "dev-old"}, {"key": "device_name", "value": "old"}])
    db.execute("INSERT INTO households (id, created_at, updated_at, deleted, mode, head_name_ar, f_18_59, total) "
               "VALUES ('h1', 't', 't', 0, 'pre', 'سعاد', 1, 1)")
    conn.close()
    with office.open(path, "the old shared passphrase") as s:
        assert (s.user, s.role) == ("admin", "administrator")
        assert _names(s) == {"سعاد"}
    assert (tmp_path / "old.dtdb.keys").exists()
    with pytest.raises(Exception):
        connect(path, "the old shared passphrase")  # the file is now keyed with the random key
    with office.open(path, "the old shared passphrase") as s:
        accounts.add_account(s, "mona", "registrar", "olive harbour seven lanterns")
    with office.open(path, "olive harbour seven lanterns", "mona") as s:
        assert s.role == "registrar" and _names(s) == {"سعاد"}


def test_an_upgrade_killed_at_any_moment_is_finished_at_the_next_opening(tmp_path):
    from sqlite_utils import Database

    from tracker.store import schema
    from tracker.store.connection import APPLICATION_ID

    for trial, delay in enumerate((0.0, 0.05, 0.15, 0.3)):
        path = tmp_path / f"old{trial}.dtdb"
        conn = connect(path, "the old shared passphrase")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        schema.migrations.apply(Database(conn), stop_before="0011_accounts")
        Database(conn)["meta"].insert_all([{"key": "device_id", "value": "d"}, {"key": "device_name", "value": "o"}])
        conn.execute("CREATE TABLE filler (x)")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO filler VALUES (?)", [(b"\x01" * 2000,) for _ in range(3000)])
        conn.execute("COMMIT")
        conn.close()
        proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import tracker
            from tracker import office
            office.open({str(path)!r}, "the old shared passphrase").close()
        """)])
        time.sleep(delay)
        proc.kill()
        proc.wait()
        with office.open(path, "the old shared passphrase") as s:
            assert s.conn.execute("SELECT count(*) FROM filler").fetchone()[0] == 3000
            assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert s.role == "administrator"


def test_cipher_settings_are_pinned(store):
    assert store.conn.execute("PRAGMA cipher_page_size").fetchone()[0] == "4096"
    assert store.conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
    assert store.conn.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no POSIX file modes; the user profile's ACLs "
                                                    "protect the file")
def test_personal_files_are_created_for_their_owner_only(store, db_path):
    import os
    import stat as st

    _household(store, "خاص")
    for path in (db_path, db_path.with_name(db_path.name + ".keys"), db_path.with_name(db_path.name + "-wal")):
        assert st.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_records_written_through_the_bulk_path_take_fresh_change_numbers(store, db_path):
    other = office.open(db_path, PP)
    try:
        _household(other, "أول")
        rows = [{"id": f"bulk-{i}", "mode": "pre", "registration_date": "2025-03-10", "origin_pcode": "SY06",
                 "head_name_ar": f"جماعي {i}", "f_18_59": 1, "total": 1} for i in range(5)]
        records.bulk_create(store, "households", rows)  # its own transaction: numbers taken inside it
        assert stats.check(store)["ok"]
    finally:
        other.close()
