"""The household form's save, as a core service: registrations and edits in one transaction."""

import pytest

from tracker.domain import household_edits, households
from tracker.errors import ValidationError

BASE = {"registration_date": "2025-03-12", "origin_pcode": "SY10", "current_pcode": "LB51"}
HEAD = {"given_name_ar": "أحمد", "family_name_ar": "الأسعد", "sex": "m", "age_estimated": 44, "relationship": "head"}
SPOUSE = {"given_name_ar": "ليلى", "family_name_ar": "الأسعد", "sex": "f", "age_estimated": 39, "relationship": "spouse"}


def test_a_full_registration_needs_exactly_one_head(store):
    with pytest.raises(ValidationError) as err:
        household_edits.register(store, "full", BASE, [SPOUSE])
    assert [e.rule for e in err.value.errors] == ["one_head"]
    with pytest.raises(ValidationError):
        household_edits.register(store, "full", BASE, [HEAD, {**SPOUSE, "relationship": "head"}])
    assert store.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_register_names_the_household_after_its_head(store):
    hid = household_edits.register(store, "full", {**BASE, "head_name_ar": ""}, [HEAD, SPOUSE])
    assert households.get(store, hid)["head_name_ar"] == "أحمد الأسعد"
    assert household_edits.head_name({}, [SPOUSE, HEAD]) == "أحمد الأسعد"


def test_edits_write_only_what_changed_and_a_bad_member_row_keeps_nothing(store):
    hid = household_edits.register(store, "full", BASE, [HEAD, SPOUSE])
    loaded = households.get(store, hid)
    members = households.members_of(store, hid)
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    household_edits.save_edits(store, hid, loaded, {**loaded}, members, None)
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before  # nothing changed
    bad = [dict(m) for m in members] + [{"given_name_ar": "سلمى", "sex": "x", "age_estimated": 3,
                                           "relationship": "child"}]
    with pytest.raises(ValidationError) as err:
        household_edits.save_edits(store, hid, loaded, {**loaded, "notes": "new note"}, members, bad)
    assert err.value.errors[0].row == 3
    assert households.get(store, hid).get("notes") in (None, "")  # the household edit rolled back too
    household_edits.save_edits(store, hid, loaded, {**loaded, "notes": "new note"}, members, bad[:2])
    assert households.get(store, hid)["notes"] == "new note"
