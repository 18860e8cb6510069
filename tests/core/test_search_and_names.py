"""Name normalisation and search: Arabic spelling variants and Latin transliterations find the same family."""

import pytest

from tracker.domain import arabic, households

FAMILY = [
    {"given_name_ar": "أحمد", "family_name_ar": "الخطيب", "given_name_lat": "Ahmad", "family_name_lat": "Al-Khatib",
     "sex": "m", "age_estimated": 44, "relationship": "head"},
    {"given_name_ar": "فاطمة", "family_name_ar": "الخطيب", "given_name_lat": "Fatima", "sex": "f", "age_estimated": 39,
     "relationship": "spouse"},
    {"given_name_ar": "مصطفى", "given_name_lat": "Mustafa", "sex": "m", "age_estimated": 12, "relationship": "child"},
    {"given_name_ar": "عبد الله", "given_name_lat": "Abdullah", "sex": "m", "age_estimated": 7, "relationship": "child"},
]


@pytest.mark.parametrize("a,b", [
    ("أحمد", "احمد"), ("إحمد", "احمد"), ("أَحْمَد", "احمد"), ("فاطمة", "فاطمه"), ("مصطفى", "مصطفي"),
    ("محمـــد", "محمد"), ("عبد الله", "عبدالله"), ("ﻷحمد", "لاحمد"), ("Mohammed", "Muhammad"), ("Mhd", "mohamad"),
    ("Abdul Rahman", "Abd al-Rahman"), ("Al-Khatib", "el khatib"),
])
def test_variants_normalise_alike(a, b):
    assert arabic.normalize_name(a) == arabic.normalize_name(b)


def test_different_names_stay_different():
    assert arabic.normalize_name("حسن") != arabic.normalize_name("حسين")
    assert arabic.normalize_name("Omar") != arabic.normalize_name("Amr")


@pytest.mark.parametrize("query", ["احمد", "إحمد", "أَحْمَد الخطيب", "فاطمه", "مصطفي", "عبدالله", "ahmed",
                                   "AHMAD al khatib", "fatma", "خطيب"[0:0] + "الخط"])
def test_search_finds_the_household_by_any_variant(store, query):
    hid = households.register_full(store, {"origin_pcode": "SY0602", "registration_date": "2025-03-10"}, FAMILY)
    households.register_pre(store, {"head_name_ar": "حسين ديب", "origin_pcode": "SY06",
                                    "registration_date": "2025-03-10", "m_18_59": 1})
    assert households.search(store, query) == [hid]


def test_search_ignores_fts_syntax(store):
    assert households.search(store, 'OR "* NEAR(') == []
    assert households.search(store, "") == []


def test_duplicate_warning_same_head_and_origin(store):
    first = households.register_pre(store, {"head_name_ar": "أحمد الخطيب", "origin_pcode": "SY0602",
                                            "registration_date": "2025-03-10", "m_18_59": 1})
    assert [h["id"] for h in households.find_duplicates(store, "احمد الخطيب", "SY0602")] == [first]
    assert households.find_duplicates(store, "احمد الخطيب", "SY1002") == []
    assert households.find_duplicates(store, "احمد", "SY0602") == []  # a different (shorter) name
    assert households.find_duplicates(store, "احمد الخطيب", "SY0602", exclude_id=first) == []
