"""Received changes meet the same domain rules as forms and imports: a bundle carrying one bad value is
refused whole, saying where and why, and the database is left exactly as it was."""

import datetime as dt

import pytest

from tests.core.sync_devices import befriend, content_digest, crossing_point, new_device, pre_household
from tracker.domain import crossings, gazetteer, households
from tracker.store import records
from tracker.sync import bundle
from tracker.sync.errors import InvalidChange


@pytest.fixture
def pair(tmp_path):
    a, b = new_device(tmp_path, "tripoli"), new_device(tmp_path, "akkar")
    befriend(a, b)
    yield a, b
    a.close()
    b.close()


def _send(a, b, folder, name="a2b.dtb"):
    path = folder / name
    bundle.export_bundle(a, path, for_device=b.device_id)
    return bundle.import_bundle(b, path)


def _forge(store, table, record_id, fields, op="update"):
    """A change the services would have refused, written straight into the sender's change log (as an
    older or broken program, or a file altered outside the program, could have)."""
    with store.atomic():
        records.log_change(store, table, record_id, op, fields, None, None)


def _day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


def _member(a):
    members = [{"given_name_ar": "سامي", "sex": "m", "age_estimated": 40, "relationship": "head"}]
    hid = households.register_full(a, {"origin_pcode": "SY01", "registration_date": "2025-03-10"}, members)
    return a.conn.execute("SELECT id FROM persons WHERE household_id = ?", (hid,)).fetchone()[0]


def _count(a):
    return crossings.record_count(a, {"counted_at": "2025-03-09T08:00", "crossing_pcode": crossing_point(a),
                                      "direction": "in", "f_18_59": 2, "origin_pcode": "SY01"})


BAD = [
    ("households", "f_18_59", -3, "negative"),
    ("households", "f_18_59", 2.5, "wrong_type"),
    ("households", "origin_pcode", "SY99", "unknown_pcode"),
    ("households", "registration_date", "2025-13-45", "bad_date"),
    ("households", "registration_date", "2025-03-10 and later", "not_as_stored"),
    ("households", "registration_date", _day(30), "future_date"),
    ("households", "status", "vanished", "choice"),
    ("households", "deleted", 2, "choice"),
    ("households", "consent_share", True, "wrong_type"),
    ("persons", "age_estimated", 130, "out_of_range"),
    ("persons", "age_estimated", "40", "wrong_type"),
    ("persons", "birth_date", "1901-01-01", "age_range"),
    ("persons", "sex", "x", "choice"),
    ("crossing_counts", "crossing_pcode", "SY01", "wrong_kind"),
    ("crossing_counts", "direction", " in", "not_as_stored"),
    ("crossing_counts", "vuln_medical", -1, "negative"),
    ("crossing_counts", "counted_at", "yesterday", "bad_date"),
]


@pytest.mark.parametrize("table, field, value, rule", BAD, ids=[f"{t}.{f}={v!r}" for t, f, v, _ in BAD])
def test_a_bundle_with_one_invalid_value_is_refused_whole(pair, tmp_path, table, field, value, rule):
    a, b = pair
    good = pre_household(a, "Ali")  # a valid change in the same bundle: refused too
    rid = {"households": lambda: pre_household(a, "Omar"), "persons": lambda: _member(a),
           "crossing_counts": lambda: _count(a)}[table]()
    _forge(a, table, rid, {field: value})
    path = tmp_path / "bad.dtb"
    bundle.export_bundle(a, path, for_device=b.device_id)
    before = content_digest(b)
    with pytest.raises(InvalidChange) as caught:
        bundle.import_bundle(b, path)
    assert content_digest(b) == before
    err = caught.value
    assert (err.details["table"], err.details["record_id"], err.details["field"], err.details["value"],
            err.details["rule"]) == (table, rid, field, value, rule)
    for words in (table, rid, field, repr(value), rule, "nothing was imported", "tripoli", "bad.dtb"):
        assert words in err.message
    assert records.get(b, "households", good) is None


def test_every_problem_is_listed_and_the_first_named(pair, tmp_path):
    a, b = pair
    one, two = pre_household(a, "Ali"), pre_household(a, "Omar")
    _forge(a, "households", one, {"f_18_59": -1, "status": "gone"})
    _forge(a, "households", two, {"origin_pcode": "XX"})
    path = tmp_path / "bad.dtb"
    bundle.export_bundle(a, path, for_device=b.device_id)
    with pytest.raises(InvalidChange, match=r"line 4: households record .*\(and 2 more invalid values\)") as caught:
        bundle.import_bundle(b, path)
    problems = caught.value.details["problems"]
    assert caught.value.details["count"] == 3
    assert {(p["record_id"], p["field"], p["rule"]) for p in problems} == {
        (one, "f_18_59", "negative"), (one, "status", "choice"), (two, "origin_pcode", "unknown_pcode")}
    assert {p["line"] for p in problems} == {4, 5}


def test_dates_a_little_ahead_are_accepted_because_clocks_differ(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali")
    _forge(a, "households", hid, {"registration_date": _day(1), "displacement_date": _day(2)})
    assert _send(a, b, tmp_path)["new"] == 2
    assert records.get(b, "households", hid)["registration_date"] == _day(1)


def test_a_rule_linking_fields_the_change_does_not_carry_is_not_applied(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Ali", origin_village="Baniyas")
    # the form sends both; only the place changed, so the change carries the P-code alone
    households.update_household(a, hid, {"origin_pcode": "unknown", "origin_village": "Baniyas"})
    _send(a, b, tmp_path)
    assert records.get(b, "households", hid)["origin_pcode"] == "unknown"


def test_places_created_in_the_same_bundle_or_deleted_here_are_known(pair, tmp_path):
    a, b = pair
    site = gazetteer.add_location(a, {"name_en": "Akkar camp", "kind": "site", "parent": "SY01", "country": "LBN"})
    point = gazetteer.add_location(a, {"name_en": "Wadi path", "kind": "informal_crossing", "parent": "SY01",
                                       "country": "LBN"})
    hid = pre_household(a, "Ali", current_pcode=site)
    crossings.record_count(a, {"counted_at": "2025-03-09T08:00", "crossing_pcode": point, "direction": "in",
                               "f_18_59": 1, "destination_pcode": site})
    assert _send(a, b, tmp_path)["created"] == 4
    records.soft_delete(b, "locations", site)  # removed here; a had not seen that yet
    b.invalidate_locations()
    households.update_household(a, hid, {"registration_pcode": site})
    assert _send(a, b, tmp_path, "again.dtb")["updated"] == 1
    assert records.get(b, "households", hid)["registration_pcode"] == site


def test_a_place_left_out_of_a_partial_bundle_is_named_with_what_to_do(pair, tmp_path):
    a, b = pair
    today_wall = a.clock._wall
    a.clock._wall = lambda: today_wall() - 3 * 86_400_000  # the place was added three days ago …
    site = gazetteer.add_location(a, {"name_en": "Akkar camp", "kind": "site", "parent": "SY01", "country": "LBN"})
    bundle.export_bundle(a, tmp_path / "then.dtb", for_device=b.device_id)  # … and sent then (b never got it)
    a.clock._wall = today_wall
    pre_household(a, "Ali", current_pcode=site)
    partial = tmp_path / "since-today.dtb"
    bundle.export_bundle(a, partial, for_device=b.device_id, since=dt.date.today())
    before = content_digest(b)
    with pytest.raises(InvalidChange, match=f"current_pcode is not a P-code.*{site}.*full bundle \\(--all\\)"):
        bundle.import_bundle(b, partial)
    assert content_digest(b) == before
    full = tmp_path / "all.dtb"
    bundle.export_bundle(a, full, for_device=b.device_id, all_changes=True)
    assert bundle.import_bundle(b, full)["created"] == 2
