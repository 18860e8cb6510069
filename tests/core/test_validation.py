"""Each validation rule, with bad input, names the field and value — and changes nothing."""

import datetime as dt

import pytest

from tracker.domain import crossings, households, movements
from tracker.errors import ValidationError
from tracker.domain.validation import clean_crossing, clean_household, clean_location, clean_movement, clean_person

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
PRE = {"mode": "pre", "head_name_ar": "أحمد", "origin_pcode": "SY06", "registration_date": "2025-03-10", "f_18_59": 1}
PERSON = {"given_name_ar": "فاطمة", "sex": "f", "age_estimated": 30, "relationship": "head"}
CROSSING = {"counted_at": "2025-03-08T10:30", "crossing_pcode": "XLB-NKR-LOW", "direction": "in", "m_18_59": 2}


def rules(exc):
    return {(e.field, e.rule) for e in exc.value.errors}


@pytest.mark.parametrize("field,value,rule", [
    ("registration_date", TOMORROW, "future_date"),
    ("registration_date", "2025-13-40", "bad_date"),
    ("registration_date", None, "required"),
    ("origin_pcode", "SY99", "unknown_pcode"),
    ("f_18_59", -1, "negative"),
    ("f_18_59", "two", "not_integer"),
    ("f_18_59", 1.5, "not_integer"),
    ("status", "vanished", "choice"),
    ("contact_phone", "call me", "bad_phone"),
    ("displacement_date", "2025-03-11", "after_registration"),
    ("notes", "x" * 2001, "too_long"),
])
def test_household_rules(field, value, rule):
    with pytest.raises(ValidationError) as exc:
        clean_household({**PRE, field: value}, _locations())
    assert (field, rule) in rules(exc)
    bad = [e for e in exc.value.errors if e.field == field][0]
    assert field in str(bad) and bad.message


def test_household_needs_a_name_and_someone_counted():
    with pytest.raises(ValidationError) as exc:
        clean_household({**PRE, "head_name_ar": "", "f_18_59": 0}, _locations())
    assert {("head_name_ar", "required"), ("f_18_59", "empty_household")} <= rules(exc)


def test_unknown_origin_needs_free_text():
    with pytest.raises(ValidationError) as exc:
        clean_household({**PRE, "origin_pcode": "unknown"}, _locations())
    assert ("origin_village", "required") in rules(exc)
    ok = clean_household({**PRE, "origin_pcode": "unknown", "origin_village": "قرية"}, _locations())
    assert ok["origin_pcode"] == "unknown"


@pytest.mark.parametrize("field,value,rule", [
    ("age_estimated", 121, "out_of_range"),
    ("age_estimated", -2, "negative"),
    ("birth_date", "1890-01-01", "bad_date"),
    ("birth_date", "1901-01-01", "age_range"),
    ("birth_date", TOMORROW, "future_date"),
    ("sex", "q", "choice"),
    ("relationship", "cousin-ish", "choice"),
    ("wg_seeing", 5, "out_of_range"),
    ("specific_needs", "XX", "choice"),
    ("separated_child", "maybe", "choice"),
])
def test_person_rules(field, value, rule):
    with pytest.raises(ValidationError) as exc:
        clean_person({**PERSON, field: value}, reference_date=dt.date(2025, 3, 10))
    assert (field, rule) in rules(exc)


def test_person_needs_an_age_or_birth_date():
    raw = {k: v for k, v in PERSON.items() if k != "age_estimated"}
    with pytest.raises(ValidationError) as exc:
        clean_person(raw)
    assert ("age_estimated", "required") in rules(exc)


@pytest.mark.parametrize("field,value,rule", [
    ("crossing_pcode", "SY06", "wrong_kind"),
    ("crossing_pcode", "nowhere", "unknown_pcode"),
    ("direction", "sideways", "choice"),
    ("counted_at", TOMORROW + "T09:00", "future_date"),
    ("m_18_59", -3, "negative"),
    ("nationality", "Syria", "choice"),
    ("vuln_disability", 5, "counts_disagree"),
    ("total", 7, "counts_disagree"),
])
def test_crossing_rules(field, value, rule):
    with pytest.raises(ValidationError) as exc:
        clean_crossing({**CROSSING, field: value}, _locations())
    assert (field, rule) in rules(exc)


def test_movement_and_location_rules():
    with pytest.raises(ValidationError) as exc:
        clean_movement({"household_id": "h", "movement_date": TOMORROW, "crossing_pcode": "SY06"}, _locations())
    assert {("movement_date", "future_date"), ("crossing_pcode", "wrong_kind"), ("from_pcode", "required")} <= rules(exc)
    with pytest.raises(ValidationError) as exc:
        clean_location({"kind": "informal_crossing", "parent": "LB51", "country": "LBN", "lat": 95, "lon": 36}, _locations())
    assert {("name_en", "required"), ("lat", "out_of_range")} <= rules(exc)


def test_member_counts_must_agree(store):
    with pytest.raises(ValidationError) as exc:
        households.register_full(store, {"origin_pcode": "SY06", "registration_date": "2025-03-10", "household_size": 3},
                                 [PERSON, {**PERSON, "relationship": "child", "age_estimated": 4}])
    assert ("household_size", "counts_disagree") in rules(exc)
    with pytest.raises(ValidationError) as exc:
        households.register_full(store, {"origin_pcode": "SY06", "registration_date": "2025-03-10"},
                                 [PERSON, {**PERSON, "relationship": "head"}])
    assert ("relationship", "one_head") in rules(exc)


def test_rejected_writes_change_nothing(store):
    def snapshot():
        q = store.conn.execute
        return [q(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("households", "persons", "crossing_counts", "movements", "change_log", "audit_log")]

    before = snapshot()
    with pytest.raises(ValidationError):
        households.register_pre(store, {**PRE, "f_18_59": -1})
    with pytest.raises(ValidationError):
        households.register_full(store, {"origin_pcode": "SY06", "registration_date": "2025-03-10"},
                                 [PERSON, {**PERSON, "relationship": "child", "sex": "x"}])
    with pytest.raises(ValidationError):
        crossings.record_count(store, {**CROSSING, "direction": "up"})
    with pytest.raises(ValidationError):
        movements.add_movement(store, {"household_id": "nope", "movement_date": TOMORROW})
    assert snapshot() == before


def test_member_errors_carry_the_member_row(store):
    with pytest.raises(ValidationError) as exc:
        households.register_full(store, {"origin_pcode": "SY06", "registration_date": "2025-03-10"},
                                 [PERSON, {**PERSON, "relationship": "child", "age_estimated": 200}])
    err = exc.value.errors[0]
    assert err.row == 2 and err.field == "age_estimated" and err.value == 200


_LOCS = None


def _locations():
    global _LOCS
    if _LOCS is None:
        from tracker.domain.gazetteer import shipped_rows

        _LOCS = {r["id"]: r for r in shipped_rows()}
    return _LOCS
