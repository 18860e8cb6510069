"""The person who made a change travels with it: records and audit trails name the original user on every
device, whichever way the change came."""

import json
import struct

import pytest
from sqlite_utils import Database

from tests.core.sync_devices import befriend, new_device, pre_household
from tracker.domain import households
from tracker.store import records, schema
from tracker.store.connection import APPLICATION_ID, connect
from tracker import office
from tracker.sync import bundle
from tracker.sync.errors import BundleTooOld


def _send(src, dst, folder):
    path = folder / f"{src.device_name}-{dst.device_name}-{src.seq}-{dst.seq}.dtb"
    bundle.export_bundle(src, path, for_device=dst.device_id)
    return bundle.import_bundle(dst, path)


def _who(store, table, rid):
    return store.conn.execute(f"SELECT user, created_by, updated_by FROM {table} WHERE id = ?", (rid,)).fetchone()


def test_records_and_audit_rows_name_the_user_who_wrote_each_change(tmp_path):
    a, b, c = (new_device(tmp_path, n) for n in ("a", "b", "c"))
    befriend(a, b, c)
    try:
        hid = pre_household(a, "Ali")
        _send(a, b, tmp_path)
        assert _who(b, "households", hid) == ("user-a", a.device_id, a.device_id)
        assert [(h["action"], h["user"]) for h in records.history(b, "households", hid)] == [("sync", "user-a")]
        assert b.conn.execute("SELECT device_id FROM audit_log WHERE action = 'sync'").fetchone()[0] == a.device_id

        households.update_household(b, hid, {"notes": "seen at the school"})
        assert _who(b, "households", hid) == ("user-b", a.device_id, b.device_id)
        _send(b, a, tmp_path)
        assert _who(a, "households", hid) == ("user-b", a.device_id, b.device_id)
        # relayed through b, a's and b's changes still name their own users on c
        _send(b, c, tmp_path)
        assert _who(c, "households", hid) == ("user-b", a.device_id, b.device_id)
        assert [(h["action"], h["user"]) for h in records.history(c, "households", hid)] == [
            ("sync", "user-a"), ("sync", "user-b")]
        # the import itself is recorded under the receiving device's user
        assert c.conn.execute("SELECT user FROM audit_log WHERE action = 'sync_import'").fetchone()[0] == "user-c"
    finally:
        for s in (a, b, c):
            s.close()


def test_an_older_change_that_loses_leaves_the_winners_user(tmp_path):
    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b", skew_ms=3_600_000)
    befriend(a, b)
    try:
        hid = pre_household(a, "Ali")
        _send(a, b, tmp_path)
        households.update_household(b, hid, {"notes": "b wins: its clock is ahead"})
        households.update_household(a, hid, {"notes": "a loses"})
        _send(a, b, tmp_path)
        _send(b, a, tmp_path)
        for s in (a, b):
            assert _who(s, "households", hid) == ("user-b", a.device_id, b.device_id)
    finally:
        a.close()
        b.close()


def test_changes_without_a_user_from_before_users_travelled_still_sync(tmp_path):
    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b")
    befriend(a, b)
    try:
        hid = pre_household(a, "Ali")
        with a.atomic():  # as a change received by sync before version 0010 is held: no user
            a.conn.execute("UPDATE change_log SET user = NULL")
        assert _send(a, b, tmp_path)["created"] == 1
        assert _who(b, "households", hid) == (None, a.device_id, a.device_id)
    finally:
        a.close()
        b.close()


def test_a_bundle_from_an_older_program_is_refused_with_what_to_do(tmp_path):
    b = new_device(tmp_path, "b")
    head = json.dumps({"format": 1, "kind": "changes"}).encode()
    old = tmp_path / "old.dtb"  # format 1: the magic, then a 32-bit header length
    old.write_bytes(b"DTBUNDLE" + struct.pack(">I", len(head)) + head + b"\0" * 80)
    try:
        with pytest.raises(BundleTooOld, match="older version.*not signed by the devices that made them.*update"):
            bundle.import_bundle(b, old)
    finally:
        b.close()


def test_upgrading_fills_the_user_of_changes_made_here_from_the_audit_log(tmp_path):
    path = tmp_path / "old.dtdb"
    conn = connect(path, "pw")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    schema.migrations.apply(db, stop_before="0010_change_log_user")
    db["meta"].insert_all([{"key": "device_id", "value": "here"}, {"key": "device_name", "value": "old"}])
    db.execute("INSERT INTO change_log (seq, origin_device, origin_seq, hlc, table_name, record_id, op, fields) "
               "VALUES (1, 'here', 1, '001741600000000-000000', 'households', 'h1', 'create', '{}'), "
               "(2, 'there', 1, '001741600000001-000000', 'households', 'h2', 'create', '{}')")
    db.execute("INSERT INTO audit_log (at, device_id, user, action, table_name, record_id, change_seq) "
               "VALUES ('t', 'here', 'Mona', 'create', 'households', 'h1', 1), "
               "('t', 'here', 'Mona', 'sync', 'households', 'h2', 2)")
    conn.commit() if conn.in_transaction else None
    conn.close()
    with office.open(path, "pw") as s:
        assert s.conn.execute("SELECT seq, user FROM change_log ORDER BY seq").fetchall() == [(1, "Mona"), (2, None)]
