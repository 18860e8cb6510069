"""Family tracing: a household reports a child missing; a separated child registered in another
household is proposed; the supervisor confirms the link."""

import pytest

from tracker.domain import households
from tracker.errors import ValidationError
from tracker.matching import index, tracing


def _register(store, head, kids=(), origin="SY0600"):
    rows = [{**head, "relationship": "head"}] + [{**k, "relationship": "child"} for k in kids]
    return households.register_full(store, {"registration_date": "2025-03-10", "origin_pcode": origin,
                                            "current_pcode": "LB51", "shelter_type": "host_family"}, rows)


def test_a_missing_child_is_found_in_another_household(store):
    father = _register(store, {"given_name_ar": "ظافر", "father_name_ar": "مأمون", "family_name_ar": "الرئيس",
                               "sex": "m", "age_estimated": 40})
    # the girl crossed with a neighbour's family, registered there as a separated child
    other = _register(store, {"given_name_ar": "نزار", "family_name_ar": "بيطار", "sex": "m", "age_estimated": 50},
                      [{"given_name_ar": "رهف", "father_name_ar": "ظافر", "family_name_ar": "الرئيس", "sex": "f",
                        "age_estimated": 8, "separated_child": 1},
                       {"given_name_ar": "ريم", "family_name_ar": "بيطار", "sex": "f", "age_estimated": 8}])
    rid = tracing.report_missing(store, father, {"name_ar": "رهف", "relationship": "child", "sex": "f", "age": 9,
                                                 "last_seen_place": "النهر الكبير", "last_seen_date": "2025-03-08"})
    index.refresh(store)
    [entry] = tracing.tracing_list(store.conn)
    assert entry["household_id"] == father and entry["report"]["id"] == rid
    girl = next(m for m in households.get(store, other)["members"] if m["given_name_ar"] == "رهف")
    assert entry["candidates"][0]["person_id"] == girl["id"]
    assert entry["candidates"][0]["separated"] is True
    assert all(c["person_id"] != next(m["id"] for m in households.get(store, other)["members"]
                                      if m["given_name_ar"] == "ريم") for c in entry["candidates"])
    tracing.confirm(store, father, rid, girl["id"])
    assert tracing.tracing_list(store.conn) == []
    actions = [r[0] for r in store.conn.execute(
        "SELECT action FROM audit_log WHERE action LIKE 'tracing_%' ORDER BY id")]
    assert actions == ["tracing_report", "tracing_found"]


def test_a_report_needs_a_name_and_a_known_relationship(store):
    hid = _register(store, {"given_name_ar": "ظافر", "family_name_ar": "الرئيس", "sex": "m", "age_estimated": 40})
    with pytest.raises(ValidationError) as exc:
        tracing.report_missing(store, hid, {"relationship": "cousin", "age": "old"})
    assert {e.field for e in exc.value.errors} == {"name_ar", "relationship", "age"}
    assert households.get(store, hid)["missing_members"] is None
