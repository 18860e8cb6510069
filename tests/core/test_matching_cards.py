"""The entry check reads each candidate's card (``match_index.card``) instead of the person and its
household: the cards must say what the records say, follow household edits, and never stand in
for records changed since the index was brought up to date."""

from tracker.domain import households
from tracker.matching import candidates, index

from .test_matching import _family, _p


def _head(store, hid):
    return next(m for m in households.get(store, hid)["members"] if m["relationship"] == "head")


TYPED = {"given_name_ar": "ظافر", "father_name_ar": "مامون", "family_name_ar": "رئيس", "sex": "m",
         "age_estimated": 41, "registration_date": "2025-03-20", "origin_pcode": "SY0600"}


def test_cards_give_the_same_profiles_as_the_records(store):
    ids = []
    for i, (g, f, fam) in enumerate([("ظافر", "مأمون", "الرئيس"), ("زينب", "محمد", "الحسن"), ("عبد الله", "خير", "الخير")]):
        hid = _family(store, {**_p(g, f, fam, age=30 + i, lat=("Zafer", "Rais")), "birth_date": None},
                      [_p("رهف", g, fam, "f", 8)], origin="SY0600" if i else "SY0700")
        ids += [m["id"] for m in households.get(store, hid)["members"]]
    index.refresh(store)
    assert index.fresh(store.conn)
    from_cards = index.card_profiles(store.conn, ids)
    from_rows = index.person_profiles(store.conn, ids, with_household=False)
    assert len(from_cards) == len(ids)
    assert from_cards == from_rows


def test_a_household_edit_reaches_its_members_cards(store):
    hid = _family(store, _p("ظافر", "مأمون", "الرئيس"), [_p("رهف", "ظافر", "الرئيس", "f", 8)], origin="SY0700")
    index.refresh(store)
    head = _head(store, hid)
    before = candidates.check_person(store.conn, TYPED)
    assert [c.id for c in before] == [head["id"]]
    assert "origin" not in {r[0] for r in before[0].reasons if r[2] > 0}
    households.update_household(store, hid, {"origin_pcode": "SY0600"})
    index.refresh(store)
    card = store.conn.execute("SELECT card FROM match_index WHERE record_id = ?", (head["id"],)).fetchone()[0]
    assert "SY0600" in card and "SY0700" not in card
    after = candidates.check_person(store.conn, TYPED)
    assert after[0].weight > before[0].weight  # the origin now agrees


def test_records_changed_since_the_last_refresh_are_read_from_the_tables(store):
    hid = _family(store, _p("ظافر", "مأمون", "الرئيس"), [_p("رهف", "ظافر", "الرئيس", "f", 8)])
    index.refresh(store)
    head = _head(store, hid)
    assert [c.id for c in candidates.check_person(store.conn, TYPED)] == [head["id"]]
    households.delete_household(store, hid)  # not re-indexed yet: its keys and card are still there
    assert not index.fresh(store.conn)
    assert candidates.check_person(store.conn, TYPED) == []


def test_persons_indexed_before_cards_existed_are_still_found(store):
    hid = _family(store, _p("ظافر", "مأمون", "الرئيس"))
    index.refresh(store)
    with store.atomic():
        store.conn.execute("UPDATE match_index SET card = NULL")
    assert [c.id for c in candidates.check_person(store.conn, TYPED)] == [_head(store, hid)["id"]]
