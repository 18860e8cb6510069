"""'Born / age' takes a date, a year of birth or an age, as registration forms do."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain.validation import clean_person
from tracker.errors import ValidationError

REF = dt.date(2025, 3, 12)
BASE = {"given_name_ar": "ليلى", "sex": "f", "relationship": "head"}


@pytest.mark.parametrize("typed, birth_date, age", [
    ("1980-05-01", "1980-05-01", None),
    ("1980", None, 45),
    ("١٩٨٠", None, 45),
    (" 34 ", None, 34),
    ("7", None, 7),
])
def test_date_year_or_age(typed, birth_date, age):
    out = clean_person({**BASE, "birth_date": typed}, reference_date=REF)
    assert out.get("birth_date") == birth_date
    assert out.get("age_estimated") == age


@pytest.mark.parametrize("typed, rule", [("2030", "bad_date"), ("1850", "bad_date"), ("12345", "bad_date"),
                                          ("soon", "bad_date"), ("130", "out_of_range")])
def test_impossible_years_and_ages_are_refused(typed, rule):
    with pytest.raises(ValidationError) as caught:
        clean_person({**BASE, "birth_date": typed}, reference_date=REF)
    assert [e.rule for e in caught.value.errors] == [rule]


def test_an_age_given_beside_a_year_is_not_overwritten():
    with pytest.raises(ValidationError):
        clean_person({**BASE, "birth_date": "1980", "age_estimated": 30}, reference_date=REF)
