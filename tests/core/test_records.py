"""The write path: record, audit row and change-log row commit together or not at all."""

import json

import pytest

from tracker.domain import crossings, households, stats
from tracker.store import records
from tracker.domain.model import COUNT_FIELDS

PRE = {"head_name_ar": "أحمد الحسن", "origin_pcode": "SY06", "registration_date": "2025-03-10", "f_0_4": 2, "m_18_59": 1}


def rows(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_create_writes_record_audit_and_change(store):
    hid = households.register_pre(store, PRE)
    change = store.conn.execute("SELECT origin_device, origin_seq, hlc, op, fields, prev FROM change_log "
                                "WHERE record_id = ?", (hid,)).fetchone()
    assert change[0] == store.device_id and change[1] == 1 and change[3] == "create" and change[5] is None
    fields = json.loads(change[4])
    assert fields["head_name_ar"] == "أحمد الحسن" and fields["f_0_4"] == 2
    assert "search_names" not in fields and "total" not in fields  # derived: not synced
    audit = store.conn.execute("SELECT user, action, change_seq FROM audit_log WHERE record_id = ?", (hid,)).fetchone()
    assert audit[0] == "tester" and audit[1] == "create"


def test_update_logs_only_changed_fields_with_what_it_replaced(store):
    hid = households.register_pre(store, PRE)
    first_hlc = store.conn.execute("SELECT hlc FROM change_log WHERE record_id = ?", (hid,)).fetchone()[0]
    diff = households.update_household(store, hid, {"f_0_4": 3, "head_name_ar": "أحمد الحسن"})
    assert diff == {"f_0_4": 3}
    fields, prev, hlc = store.conn.execute(
        "SELECT fields, prev, hlc FROM change_log WHERE record_id = ? AND op = 'update'", (hid,)).fetchone()
    assert json.loads(fields) == {"f_0_4": 3}
    assert json.loads(prev) == {"f_0_4": [first_hlc, store.device_id]}
    assert hlc > first_hlc
    hist = records.history(store, "households", hid)
    assert [h["action"] for h in hist] == ["create", "update"]
    assert hist[1]["before"] == {"f_0_4": 2} and hist[1]["after"] == {"f_0_4": 3}
    assert households.get(store, hid)["total"] == 4


def test_an_unchanged_save_writes_nothing(store):
    hid = households.register_pre(store, PRE)
    n = rows(store, "change_log")
    assert households.update_household(store, hid, {"f_0_4": 2}) == {}
    assert rows(store, "change_log") == n


def test_failure_between_record_and_logs_leaves_neither(store, monkeypatch):
    before = [rows(store, t) for t in ("households", "change_log", "audit_log")]
    seq = store.seq

    def broken(*args, **kwargs):
        raise OSError("disk unplugged")

    monkeypatch.setattr(records, "log_change", broken)
    with pytest.raises(OSError):
        households.register_pre(store, PRE)
    assert [rows(store, t) for t in ("households", "change_log", "audit_log")] == before
    assert store.seq == seq
    monkeypatch.undo()
    households.register_pre(store, PRE)  # and the next write works, numbered without a gap
    assert stats.check(store)["ok"]


def test_failure_in_audit_insert_rolls_back_the_record(store):
    # A trigger makes the audit insert fail after the record and the change row were written.
    store.conn.execute("CREATE TEMP TRIGGER boom BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'boom'); END")
    before = [rows(store, t) for t in ("households", "change_log", "audit_log")]
    with pytest.raises(Exception, match="boom"):
        households.register_pre(store, PRE)
    assert [rows(store, t) for t in ("households", "change_log", "audit_log")] == before


def test_soft_delete_is_a_logged_tombstone(store):
    hid = households.register_full(store, {"origin_pcode": "SY06", "registration_date": "2025-03-10"}, [
        {"given_name_ar": "سامر", "sex": "m", "age_estimated": 40, "relationship": "head"},
        {"given_name_ar": "رنا", "sex": "f", "age_estimated": 8, "relationship": "child"}])
    households.delete_household(store, hid)
    assert store.conn.execute("SELECT deleted FROM households WHERE id = ?", (hid,)).fetchone()[0] == 1
    ops = [r[0] for r in store.conn.execute("SELECT op FROM change_log WHERE op = 'delete'")]
    assert len(ops) == 3  # two members and the household
    assert households.search(store, "سامر") == []


def test_full_registration_counts_come_from_members(store):
    hid = households.register_full(store, {"origin_pcode": "SY0602", "registration_date": "2025-03-10"}, [
        {"given_name_ar": "فاطمة", "sex": "f", "age_estimated": 34, "relationship": "head", "specific_needs": "WR"},
        {"given_name_ar": "مصطفى", "sex": "m", "birth_date": "2020-01-01", "relationship": "child"},
        {"given_name_ar": "هدى", "sex": "f", "age_estimated": 70, "relationship": "parent", "wg_walking": 3},
        {"given_name_ar": "علي", "sex": "m", "age_estimated": 0, "relationship": "child", "separated_child": "yes"}])
    hh = households.get(store, hid)
    got = {f: hh[f] for f in COUNT_FIELDS if hh[f]}
    assert got == {"f_18_59": 1, "m_5_11": 1, "f_60plus": 1, "m_0_4": 1}
    assert (hh["total"], hh["member_count"], hh["has_specific_needs"], hh["uasc_count"]) == (4, 4, 1, 1)
    assert hh["origin_adm1"] == "SY06" and hh["head_name_ar"] == "فاطمة"
    # Counts of a full registration are not synced (each device derives them from members).
    fields = json.loads(store.conn.execute("SELECT fields FROM change_log WHERE record_id = ?", (hid,)).fetchone()[0])
    assert not set(COUNT_FIELDS) & set(fields)


def test_upgrade_keeps_id_and_history(store):
    hid = households.register_pre(store, PRE)
    households.upgrade_to_full(store, hid, [
        {"given_name_ar": "أحمد", "family_name_ar": "الحسن", "sex": "m", "age_estimated": 40, "relationship": "head"},
        {"given_name_ar": "ليلى", "sex": "f", "age_estimated": 3, "relationship": "child"}])
    hh = households.get(store, hid)
    assert hh["mode"] == "full" and hh["total"] == 2 and len(hh["members"]) == 2
    assert [h["action"] for h in records.history(store, "households", hid)] == ["create", "upgrade"]


def test_crossing_count_feeds_the_daily_summary(store):
    cid = crossings.record_count(store, {"counted_at": "2025-03-08T10:30", "crossing_pcode": "XLB-NKR-LOW",
                                         "direction": "in", "f_0_4": 2, "m_18_59": 3, "origin_pcode": "SY0602"})
    daily = lambda: store.conn.execute("SELECT total, records, f_0_4, origin_adm1 FROM crossing_daily "
                                       "WHERE count_date = '2025-03-08'").fetchall()
    assert daily() == [(5, 1, 2, "SY06")]
    crossings.update_count(store, cid, {"f_0_4": 4})
    assert daily() == [(7, 1, 4, "SY06")]
    crossings.delete_count(store, cid)
    assert daily() == [(0, 0, 0, "SY06")]


def test_events_are_published_after_commit_only(store):
    seen = []
    store.subscribe(lambda table, ids: seen.append((table, tuple(ids))))
    with pytest.raises(RuntimeError):
        with store.atomic():
            households.register_pre(store, PRE)
            raise RuntimeError("rolled back")
    assert seen == []
    hid = households.register_pre(store, PRE)
    assert ("households", (hid,)) in seen


def test_a_new_registration_date_moves_members_ages(store):
    hid = households.register_full(store, {"origin_pcode": "SY06", "registration_date": "2025-03-10"}, [
        {"given_name_ar": "سامر", "sex": "m", "birth_date": "1985-06-01", "relationship": "head"},
        {"given_name_ar": "رنا", "sex": "f", "birth_date": "2020-05-01", "relationship": "child"}])
    assert sorted(m["age"] for m in households.get(store, hid)["members"]) == [4, 39]
    households.update_household(store, hid, {"registration_date": "2025-06-15"})
    hh = households.get(store, hid)
    assert sorted(m["age"] for m in hh["members"]) == [5, 40]
    assert hh["f_5_11"] == 1 and hh["f_0_4"] == 0  # the counts follow the ages


def test_bulk_create_across_statement_chunks_keeps_order_types_and_logs(store):
    # 1,203 rows: several full multi-row statements plus a short last one, for each of the three tables.
    base = {"counted_at": "2025-03-09T10:00", "crossing_pcode": "XLB-ABD", "direction": "in", "nationality": "SYR",
            "origin_pcode": "SY06", "origin_text": None}
    rows_in = []
    for i in range(1203):
        r = {**base, **{f: 0 for f in COUNT_FIELDS}, "m_18_59": i % 7 + 1, "source_id": f"s-{i}"}
        r.update(crossings.derived(r, store.locations()))
        rows_in.append(r)
    with store.atomic():
        ids = records.bulk_create(store, "crossing_counts", rows_in, action="import")
    stored = store.conn.execute("SELECT id, source_id, m_18_59, total, origin_text FROM crossing_counts "
                                "ORDER BY rowid").fetchall()
    assert [r[0] for r in stored] == ids and [r[1] for r in stored] == [f"s-{i}" for i in range(1203)]
    assert all(r[2] == i % 7 + 1 and type(r[2]) is int and r[3] == r[2] and r[4] is None for i, r in enumerate(stored))
    changes = store.conn.execute("SELECT seq, origin_seq, record_id, fields FROM change_log ORDER BY seq").fetchall()
    assert [c[2] for c in changes] == ids and [c[1] for c in changes] == list(range(1, 1204))
    assert json.loads(changes[5][3])["m_18_59"] == 6
    audits = store.conn.execute("SELECT record_id, change_seq, action FROM audit_log WHERE action = 'import' "
                                "ORDER BY id").fetchall()
    assert [(a[0], a[1]) for a in audits] == [(c[2], c[0]) for c in changes]
    report = stats.check(store)
    assert report["ok"], report["lines"]
