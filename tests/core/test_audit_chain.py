"""The audit log is a hash chain: rows edited, deleted, reordered or inserted with SQL are named by
``dtrack check``; every writer (single writes, bulk writes, plain audit rows, sync) extends it."""

import json

import pytest

from tracker.cli import main as cli
from tracker.domain import crossings, demo, households, stats
from tracker.store import audit_chain, records

COUNT = {"counted_at": "2025-03-09T10:00", "crossing_pcode": "XLB-ABD", "direction": "in", "nationality": "SYR",
         "m_0_4": 1, "f_18_59": 2}


@pytest.fixture
def chained(store):
    """A store with a few dozen audit rows of every kind."""
    for i in range(5):
        cid = crossings.record_count(store, {**COUNT, "m_0_4": i + 1})
        crossings.update_count(store, cid, {"f_18_59": 3 + i})
    records.audit(store, "export", detail={"file": "x.csv"})
    with store.atomic():
        demo.populate(store, households=4, crossings=6, seed=3)
    households.register_pre(store, {"head_name_ar": "أحمد", "registration_date": "2025-03-10",
                                    "origin_pcode": "SY07", "m_18_59": 1})
    return store


def ids(store):
    return [r[0] for r in store.conn.execute("SELECT id FROM audit_log ORDER BY id")]


def problem(store):
    report = stats.check(store)
    assert not report["ok"]
    return report["chain"]["problem"]


def test_an_untouched_chain_checks_out_and_its_head_is_shown(chained):
    report = stats.check(chained)
    assert report["ok"], report["lines"]
    head = audit_chain.summary(chained.conn)
    assert head["rows"] == len(ids(chained)) > 30
    assert any(line.endswith(head["head"]) and line.startswith("audit chain: ok") for line in report["lines"])
    # the head moves with every write
    crossings.record_count(chained, COUNT)
    assert audit_chain.summary(chained.conn)["head"] != head["head"]
    assert stats.check(chained)["ok"]


def test_a_changed_row_is_named(chained):
    target = ids(chained)[7]
    chained.conn.execute("UPDATE audit_log SET user = 'someone else' WHERE id = ?", (target,))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (target, "changed")
    assert f"row {target}" in p["message"]


def test_a_changed_row_whose_hash_was_recomputed_is_named(chained):
    target = ids(chained)[5]
    row = chained.conn.execute(f"SELECT prev_hash, {', '.join(audit_chain.COLUMNS)} FROM audit_log WHERE id = ?",
                               (target,)).fetchone()
    values = list(row[1:])
    values[3] = "harmless"  # the action
    chained.conn.execute("UPDATE audit_log SET action = 'harmless', hash = ? WHERE id = ?",
                         (audit_chain.digest(row[0], values), target))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (target, "changed")


def test_a_deleted_row_is_named(chained):
    target = ids(chained)[10]
    chained.conn.execute("DELETE FROM audit_log WHERE id = ?", (target,))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (target, "deleted")
    assert f"row {target} deleted" in p["message"]


def test_deleted_last_rows_are_named(chained):
    last = ids(chained)
    chained.conn.execute("DELETE FROM audit_log WHERE id >= ?", (last[-2],))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (last[-2], "deleted")


def test_deleted_first_rows_are_named(chained):
    first = ids(chained)[:3]
    chained.conn.execute("DELETE FROM audit_log WHERE id <= ?", (first[-1],))
    p = problem(chained)
    assert p["kind"] == "deleted" and p["row"] == first[0]


def test_reordered_rows_are_named(chained):
    a, b = ids(chained)[12:14]
    chained.conn.execute("UPDATE audit_log SET id = -1 WHERE id = ?", (a,))
    chained.conn.execute("UPDATE audit_log SET id = ? WHERE id = ?", (a, b))
    chained.conn.execute("UPDATE audit_log SET id = ? WHERE id = -1", (b,))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (a, "reordered")
    assert f"after row {b}" in p["message"]


def test_an_inserted_row_is_named(chained):
    at = ids(chained)[8]
    # make room, then slip a row in without a hash
    chained.conn.execute("UPDATE audit_log SET id = id + 1000 WHERE id > ?", (at,))
    chained.conn.execute("INSERT INTO audit_log (id, at, action, user) VALUES (?, '2025-03-01', 'delete', 'x')",
                         (at + 1,))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (at + 1, "inserted")


def test_an_inserted_row_with_a_forged_hash_is_named(chained):
    at = ids(chained)[8]
    prev = chained.conn.execute("SELECT hash FROM audit_log WHERE id = ?", (at,)).fetchone()[0]
    chained.conn.execute("UPDATE audit_log SET id = id + 1000 WHERE id > ?", (at,))
    values = ["2025-03-01T00:00:00Z", "dev", "x", "delete", "households", "h1", None, None, None]
    chained.conn.execute(f"INSERT INTO audit_log (id, {', '.join(audit_chain.COLUMNS)}, prev_hash, hash) "
                         f"VALUES (?, {', '.join('?' * 9)}, ?, ?)", (at + 1, *values, prev, audit_chain.digest(prev, values)))
    p = problem(chained)
    assert (p["row"], p["kind"]) == (at + 1, "inserted")


def test_sync_rows_extend_the_chain(tmp_path):
    from tests.core.sync_devices import befriend, new_device
    from tracker.sync import bundle

    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b")
    try:
        for s in (a, b):  # the helper's devices sign in as administrators
            s.role = "administrator"
        befriend(a, b)
        for i in range(3):
            crossings.record_count(a, {**COUNT, "m_0_4": i + 1})
        out = tmp_path / "a-to-b.dtsync"
        sent_head = audit_chain.summary(a.conn)
        bundle.export_bundle(a, out, for_device=b.device_id)
        bundle.import_bundle(b, out)
        assert b.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'sync'").fetchone()[0] == 3
        # the receiver keeps, in its own chain, the head the sender had when it wrote the bundle
        detail = json.loads(b.conn.execute("SELECT detail FROM audit_log WHERE action = 'sync_import'").fetchone()[0])
        assert detail["sender_audit_head"] == sent_head and sent_head["rows"] > 3
        assert stats.check(b)["ok"], stats.check(b)["lines"]
        assert stats.check(a)["ok"], stats.check(a)["lines"]
    finally:
        a.close()
        b.close()


def test_migration_chains_the_rows_written_before_it(tmp_path):
    from sqlite_utils import Database

    from tracker import office
    from tracker.store import schema
    from tracker.store.connection import APPLICATION_ID, connect

    path = tmp_path / "old.dtdb"
    conn = connect(path, "correct horse battery staple")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db = Database(conn)
    schema.migrations.apply(db, stop_before="0015_audit_chain")
    db["meta"].insert_all([{"key": "device_id", "value": "dev-old"}, {"key": "device_name", "value": "old"}])
    for i in range(5):  # audit rows as the older version wrote them
        conn.execute("INSERT INTO audit_log (at, device_id, user, action, detail) VALUES (?, 'dev-old', 'u', 'export', ?)",
                     (f"2025-03-0{i + 1}T00:00:00Z", f'{{"n":{i}}}'))
    conn.close()
    with office.open(path, "correct horse battery staple") as s:
        hashes = s.conn.execute("SELECT prev_hash, hash FROM audit_log ORDER BY id").fetchall()
        assert hashes[0][0] == audit_chain.GENESIS and all(h for _, h in hashes)
        assert [p for p, _ in hashes[1:]] == [h for _, h in hashes[:5 - 1]]
        report = stats.check(s)
        assert "audit chain: ok (5 rows)" in " ".join(report["lines"])
        s.conn.execute("UPDATE audit_log SET detail = '{\"n\":9}' WHERE id = 3")
        assert stats.check(s)["chain"]["problem"]["row"] == 3


def test_check_on_the_command_line_names_the_row_and_exits_1(chained, db_path, capsys, monkeypatch):
    target = ids(chained)[4]
    chained.conn.execute("UPDATE audit_log SET detail = '{}' WHERE id = ?", (target,))
    chained.close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", "correct horse battery staple")
    assert cli.main(["check", str(db_path)]) == 1
    out = capsys.readouterr()
    assert f"audit chain: BROKEN at row {target}" in out.out
    assert "the check found problems" in out.err
