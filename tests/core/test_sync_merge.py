"""Field-level merge: concurrent edits, deterministic winners, conflicts and their resolution,
derived values and the audit trail on the receiving device."""

import pytest

from tests.core.sync_devices import (befriend, conflict_snapshot, crossing_point, new_device, pre_household,
                                     synced_snapshot)
from tracker.domain import crossings, households, stats
from tracker.store import records
from tracker.sync import bundle, conflicts


def exchange(src, dst, folder, name=None):
    path = folder / (name or f"{src.device_name}-{dst.device_name}-{src.seq}-{dst.seq}.dtb")
    bundle.export_bundle(src, path, for_device=dst.device_id)
    return bundle.import_bundle(dst, path)


@pytest.fixture
def pair(tmp_path):
    # b's clock runs an hour ahead: its edits win ties of the same field even when made earlier
    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b", skew_ms=3_600_000)
    befriend(a, b)
    yield a, b
    a.close()
    b.close()


def test_edits_of_different_fields_both_survive(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    exchange(a, b, tmp_path)
    households.update_household(a, hid, {"head_name_ar": "علي"})
    households.update_household(b, hid, {"f_18_59": 4, "notes": "arrived by foot"})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    for s in (a, b):
        hh = records.get(s, "households", hid)
        assert (hh["head_name_ar"], hh["f_18_59"], hh["notes"], hh["total"]) == ("علي", 4, "arrived by foot", 5)
    assert conflicts.list_conflicts(a) == [] and conflicts.list_conflicts(b) == []


def test_same_field_edited_on_two_devices_gives_one_winner_and_the_same_conflict_everywhere(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    exchange(a, b, tmp_path)
    households.update_household(b, hid, {"head_name_ar": "from b"})  # earlier in real time, later by clock
    households.update_household(a, hid, {"head_name_ar": "from a"})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    assert records.get(a, "households", hid)["head_name_ar"] == records.get(b, "households", hid)["head_name_ar"] == "from b"
    assert conflict_snapshot(a) == conflict_snapshot(b)
    [c] = conflicts.list_conflicts(a)
    assert (c["field"], c["base"], c["winner"], c["loser"]) == ("head_name_ar", "Ali", "from b", "from a")
    assert (c["winner_device"], c["loser_device"], c["resolved_at"]) == (b.device_id, a.device_id, None)


def test_choosing_the_other_value_syncs_and_settles_the_conflict_on_every_device(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    exchange(a, b, tmp_path)
    households.update_household(b, hid, {"f_18_59": 3})
    households.update_household(a, hid, {"f_18_59": 2})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    [c] = conflicts.list_conflicts(a)
    conflicts.resolve(a, c["id"], c["loser"])
    assert records.get(a, "households", hid)["total"] == 3  # derived values follow the chosen one
    assert conflicts.list_conflicts(a) == []
    exchange(a, b, tmp_path)
    assert records.get(b, "households", hid)["f_18_59"] == 2 and records.get(b, "households", hid)["total"] == 3
    assert conflicts.list_conflicts(b) == [] and conflict_snapshot(a) == conflict_snapshot(b)
    assert conflicts.list_conflicts(b, include_resolved=True)[0]["resolved_by"] == a.device_id


def test_keeping_the_winner_also_travels(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    exchange(a, b, tmp_path)
    households.update_household(b, hid, {"notes": "b"})
    households.update_household(a, hid, {"notes": "a"})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    [c] = conflicts.list_conflicts(b)
    conflicts.resolve(b, c["id"])
    assert records.get(b, "households", hid)["notes"] == "b" and conflicts.open_count(b) == 0
    exchange(b, a, tmp_path)
    assert conflicts.open_count(a) == 0 and records.get(a, "households", hid)["notes"] == "b"


def test_a_later_edit_made_with_both_values_in_view_settles_the_conflict(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    exchange(a, b, tmp_path)
    households.update_household(b, hid, {"notes": "b"})
    households.update_household(a, hid, {"notes": "a"})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    households.update_household(a, hid, {"notes": "both seen"})
    conflicts.settle_open(a)
    assert conflicts.open_count(a) == 0
    exchange(a, b, tmp_path)
    assert conflicts.open_count(b) == 0 and conflict_snapshot(a) == conflict_snapshot(b)


def test_delete_is_a_tombstone_that_syncs_with_members(pair, tmp_path):
    a, b = pair
    members = [{"given_name_ar": "سامي", "family_name_ar": "حداد", "sex": "m", "age_estimated": 40, "relationship": "head"},
               {"given_name_ar": "ليلى", "family_name_ar": "حداد", "sex": "f", "age_estimated": 8, "relationship": "child"}]
    values = {"origin_pcode": "SY01", "registration_date": "2025-03-10"}
    hid = households.register_full(a, values, members)
    exchange(a, b, tmp_path)
    hh = records.get(b, "households", hid)
    assert (hh["mode"], hh["total"], hh["m_18_59"], hh["f_5_11"], hh["member_count"]) == ("full", 2, 1, 1, 2)
    assert b.conn.execute("SELECT age, age_bracket FROM persons WHERE given_name_ar = 'ليلى'").fetchone() == (8, "5_11")
    # a member added on b changes the household's totals on a
    households.add_member(b, hid, {"given_name_ar": "رامي", "sex": "m", "age_estimated": 70, "relationship": "parent"})
    exchange(b, a, tmp_path)
    assert records.get(a, "households", hid)["total"] == 3 and records.get(a, "households", hid)["m_60plus"] == 1
    households.delete_household(a, hid)
    exchange(a, b, tmp_path)
    assert records.get(b, "households", hid) is None
    assert b.conn.execute("SELECT COUNT(*) FROM persons WHERE household_id = ? AND deleted = 0", (hid,)).fetchone()[0] == 0
    assert synced_snapshot(a, "persons") == synced_snapshot(b, "persons")


def test_crossing_counts_sync_with_their_daily_summary(pair, tmp_path):
    a, b = pair
    cid = crossings.record_count(a, {"counted_at": "2025-03-09T08:00", "crossing_pcode": crossing_point(a),
                                     "direction": "in", "f_18_59": 3, "m_0_4": 2, "origin_pcode": "SY01"})
    exchange(a, b, tmp_path)
    crossings.update_count(b, cid, {"f_18_59": 5})
    exchange(b, a, tmp_path)
    for s in (a, b):
        assert s.conn.execute("SELECT total, origin_adm1 FROM crossing_counts").fetchone() == (7, "SY01")
        assert s.conn.execute("SELECT SUM(total), SUM(records) FROM crossing_daily").fetchone() == (7, 1)


def test_the_receiver_keeps_an_audit_trail_and_passes_its_health_check(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    households.update_household(a, hid, {"notes": "x"})
    exchange(a, b, tmp_path)
    actions = [h["action"] for h in records.history(b, "households", hid)]
    assert actions == ["sync", "sync"]
    assert stats.check(b)["ok"], stats.check(b)["lines"]
    audit = [r[0] for r in b.conn.execute("SELECT action FROM audit_log WHERE action LIKE 'sync%'")]
    assert "sync_import" in audit
    # the sync moved b's clock past every change it received
    newest = a.conn.execute("SELECT MAX(hlc) FROM change_log").fetchone()[0]
    assert b.clock.last() > newest or b.clock.now() > newest


def test_order_of_arrival_does_not_matter(tmp_path):
    a, b, c = (new_device(tmp_path, n, skew_ms=s) for n, s in (("a", 0), ("b", -5000), ("c", 9000)))
    befriend(a, b, c)
    hid = pre_household(a, "Ali")
    for s in (b, c):
        exchange(a, s, tmp_path)
    households.update_household(b, hid, {"notes": "b", "f_18_59": 2})
    households.update_household(c, hid, {"notes": "c", "status": "moved_on"})
    households.update_household(a, hid, {"notes": "a", "f_18_59": 6})
    p_ba, p_ca = tmp_path / "ba.dtb", tmp_path / "ca.dtb"
    bundle.export_bundle(b, p_ba, for_device="a")
    bundle.export_bundle(c, p_ca, for_device="a")
    p_bc, p_cb = tmp_path / "bc.dtb", tmp_path / "cb.dtb"
    bundle.export_bundle(b, p_bc, for_device="c")
    bundle.export_bundle(c, p_cb, for_device="b")
    bundle.import_bundle(a, p_ca)
    bundle.import_bundle(a, p_ba)  # a: c first, then b
    bundle.import_bundle(c, p_bc)
    bundle.import_bundle(b, p_cb)
    exchange(a, b, tmp_path)
    exchange(a, c, tmp_path)
    assert synced_snapshot(a, "households") == synced_snapshot(b, "households") == synced_snapshot(c, "households")
    assert conflict_snapshot(a) == conflict_snapshot(b) == conflict_snapshot(c)
    assert len(conflict_snapshot(a)) >= 3  # notes three ways, f_18_59 between a and b


def test_a_deleted_household_shows_the_same_totals_everywhere(pair, tmp_path):
    a, b = pair
    members = [{"given_name_ar": "سامي", "sex": "m", "age_estimated": 40, "relationship": "head"},
               {"given_name_ar": "ليلى", "sex": "f", "age_estimated": 8, "relationship": "child"}]
    values = {"origin_pcode": "SY01", "registration_date": "2025-03-10"}
    gone, raced = households.register_full(a, values, members), households.register_full(a, values, members)
    exchange(a, b, tmp_path)
    derived = "SELECT deleted, total, member_count, m_60plus, m_18_59, f_5_11, search_names FROM households WHERE id = ?"
    households.delete_household(a, gone)
    exchange(a, b, tmp_path)
    assert a.conn.execute(derived, (gone,)).fetchone() == b.conn.execute(derived, (gone,)).fetchone()
    assert a.conn.execute(derived, (gone,)).fetchone()[:6] == (1, 0, 0, 0, 0, 0)  # no live member left
    # a deletes a household while b, not knowing, adds a member to it
    households.delete_household(a, raced)
    households.add_member(b, raced, {"given_name_ar": "رامي", "sex": "m", "age_estimated": 70, "relationship": "parent"})
    exchange(a, b, tmp_path)
    exchange(b, a, tmp_path)
    assert a.conn.execute(derived, (raced,)).fetchone() == b.conn.execute(derived, (raced,)).fetchone()
    # the member b added is the only one not deleted: the tombstone's totals count it alone
    assert a.conn.execute(derived, (raced,)).fetchone()[:6] == (1, 1, 1, 1, 0, 0)
