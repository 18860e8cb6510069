"""Duplicate matching: each kind of variation is found, each kind of relative kept apart, and the
database index, entry check and bulk run work on a real encrypted store."""

import csv

import pytest

from bench import matching_data
from tracker.domain import households
from tracker.domain import translit
from tracker.matching import candidates, index
from tracker.matching.profile import profile
from tracker.matching.score import Frequencies, compare
from tracker.matching.thresholds import WARN_AT


@pytest.fixture(scope="module")
def freq():
    f = Frequencies()
    for rec in matching_data.population(3000):
        f.add(profile(rec))
    return f


def person(given, father, family, *, grandfather=None, sex="m", born="1980-05-01", age=None, origin="SY0600",
           lat=None, household=()):
    rec = {"given_name_ar": given, "father_name_ar": father, "family_name_ar": family,
           "grandfather_name_ar": grandfather, "sex": sex, "origin_pcode": origin,
           "registration_date": "2025-03-10", "household": list(household)}
    if age is not None:
        rec["age_estimated"] = age
    else:
        rec["birth_date"] = born
    if lat:
        for part, value in zip(("given", "father", "family"), lat):
            rec[f"{part}_name_lat"] = value
        if given is None:
            for part in ("given", "father", "family"):
                rec.pop(f"{part}_name_ar")
    return rec


def p_same(a, b, freq):
    return compare(profile(a), profile(b), freq).probability


BASE = person("أحمد", "محمد", "الخير", grandfather="علي")


@pytest.mark.parametrize("variant", [
    person("أحمد", "محمد", "الخير"),  # grandfather left out
    person("أحمد", "محمد", "خير", grandfather="علي"),  # the family name's article dropped
    person("أَحْمَد", "مُحمّد", "الخير", grandfather="علي"),  # stray harakat
    person("احمد", "محمد", "الخبر", grandfather="علي"),  # a typo and a bare alef
    person("أحمد", "محمد", "الخير", grandfather="علي", born="1981-05-01"),  # a year off
    person("أحمد", "محمد", "الخير", grandfather="علي", age=44),  # an age instead of a date
    person("أحمد", "محمد", "الخير", grandfather="علي", origin="SY0602"),  # another district
    person(None, None, None, lat=("Ahmed", "Mohammad", "Al-Khair")),  # Latin only
    person("أحمد", "محمد", "علي", grandfather="الخير"),  # grandfather and family swapped
], ids=["no-grandfather", "article", "harakat", "typo", "year-off", "age", "origin", "latin", "reordered"])
def test_each_variation_is_the_same_person(variant, freq):
    assert p_same(BASE, variant, freq) >= WARN_AT


@pytest.mark.parametrize("a,b", [
    (person("عبد الله", "يوسف", "العمر"), person("عبدالله", "يوسف", "عمر")),
    (person("فاطمة", "موسى", "الحسن", sex="f"), person("فاطمه", "موسي", "الحسن", sex="f")),
    (person("مؤيد", "ناظم", "الحسن"), person("مءيد", "ناضم", "الحسن")),
    (person("زينب", "حسين", "العلي", sex="f"), person(None, None, None, sex="f", lat=("Zeinab", "Husain", "Al-Ali"))),
    (person(None, None, None, lat=("Zainab", "Husayn", "Alali"), sex="f"),
     person(None, None, None, lat=("Zeinab", "Hussein", "El Ali"), sex="f")),
], ids=["abdullah", "teh-marbuta-alef-maqsura", "hamza-seat-dad-zah", "arabic-latin", "latin-latin"])
def test_spelling_variants_match(a, b, freq):
    assert p_same(a, b, freq) >= WARN_AT


@pytest.mark.parametrize("a,b", [
    # father and son (an uncle and the nephew named after him) sharing given, father's and family names
    (person("أحمد", "محمد", "الخير", born="1955-02-01"), person("أحمد", "محمد", "الخير", born="1983-07-01")),
    # cousins: same given, grandfather's and family names, different fathers, same age
    (person("أحمد", "محمد", "الخير", grandfather="علي"), person("أحمد", "خالد", "الخير", grandfather="علي")),
    # محمد in two families
    (person("محمد", "علي", "الحسن"), person("محمد", "يوسف", "العمر")),
    # brothers
    (person("أحمد", "محمد", "الخير", grandfather="علي"), person("عمر", "محمد", "الخير", grandfather="علي",
                                                              born="1983-01-01")),
    # محمد and محمود: one letter apart, two names
    (person("محمد", "علي", "الحسن"), person("محمود", "علي", "الحسن")),
], ids=["father-son", "cousins", "common-name", "siblings", "mohammad-mahmoud"])
def test_relatives_and_namesakes_are_kept_apart(a, b, freq):
    assert p_same(a, b, freq) < WARN_AT


def test_rare_names_agreeing_count_more_than_common_ones(freq):
    common = compare(profile(person("محمد", "أحمد", "الأحمد")), profile(person("محمد", "أحمد", "الأحمد")), freq)
    rare = compare(profile(person("ظافر", "مأمون", "الرئيس")), profile(person("ظافر", "مأمون", "الرئيس")), freq)
    assert rare.weight > common.weight + 5


def test_transliteration_reaches_across_scripts():
    for ar, lat in [("زينب", "Zeinab"), ("حسين", "Husayn"), ("حسين", "Hussein"), ("مصطفى", "Mustafa"),
                    ("خولة", "Khaoula"), ("عبد الرحمن", "Abdelrahman")]:
        assert translit.distance(translit.units(ar), translit.units(lat)) == 0, (ar, lat)
        assert translit.block_key(translit.units(ar)) == translit.block_key(translit.units(lat))
    assert translit.distance(translit.units("حسن"), translit.units("Hussein")) > 0


def test_the_evaluation_set_is_deterministic_and_labelled():
    a, b = matching_data.generate(300, seed=3), matching_data.generate(300, seed=3)
    assert a == b and len(a) >= 290
    kinds = {p["kind"] for p in a}
    assert {"same", "father_son", "cousins", "siblings", "common_name"} <= kinds
    assert all(p["same"] == (p["kind"] == "same") for p in a)


def _family(store, head, members=(), origin="SY0600", reg="2025-03-10"):
    rows = [{**head, "relationship": "head"}, *({**m, "relationship": "child"} for m in members)]
    return households.register_full(store, {"registration_date": reg, "origin_pcode": origin,
                                            "current_pcode": "LB51", "shelter_type": "host_family"}, rows)


def _p(given, father, family, sex="m", age=40, lat=None):
    rec = {"given_name_ar": given, "father_name_ar": father, "family_name_ar": family, "sex": sex, "age_estimated": age}
    if lat:
        rec.update(given_name_lat=lat[0], family_name_lat=lat[1])
    return rec


def test_index_follows_writes_and_finds_candidates(store):
    h1 = _family(store, _p("ظافر", "مأمون", "الرئيس", lat=("Zafer", "Al-Rais")), [_p("رهف", "ظافر", "الرئيس", "f", 8)])
    _family(store, _p("محمد", "علي", "الحسن"), [_p("زينب", "محمد", "الحسن", "f", 10)])
    assert index.pending(store.conn) > 0
    index.refresh(store)
    assert index.pending(store.conn) == 0
    typed = {"given_name_ar": "ظافر", "father_name_ar": "مامون", "family_name_ar": "رئيس", "sex": "m",
             "age_estimated": 41, "registration_date": "2025-03-20", "origin_pcode": "SY0600"}
    got = candidates.check_person(store.conn, typed)
    head1 = next(m for m in households.get(store, h1)["members"] if m["relationship"] == "head")
    assert [c.id for c in got] == [head1["id"]]
    assert {r[0] for r in got[0].reasons} >= {"given", "father", "family", "birth"}
    # typed in Latin only, the Arabic record is found
    latin = {"given_name_lat": "Dhafer", "father_name_lat": "Mamoun", "family_name_lat": "Rais", "sex": "m",
             "age_estimated": 40, "registration_date": "2025-03-20"}
    assert head1["id"] in [c.id for c in candidates.check_person(store.conn, latin)]
    # an edit is indexed on the next refresh: the old name no longer finds the record
    households.update_member(store, head1["id"], {"given_name_ar": "نزار", "given_name_lat": "Nizar"})
    index.refresh(store)
    assert candidates.check_person(store.conn, typed) == []
    # a household typed again is found as a household
    hh = candidates.check_household(store.conn, {"head_name_ar": "محمد علي الحسن", "origin_pcode": "SY0600",
                                                 "registration_date": "2025-03-12"},
                                    [{**_p("محمد", "علي", "الحسن", age=40), "relationship": "head"},
                                     {**_p("زينب", "محمد", "الحسن", "f", 10), "relationship": "child"}])
    assert len(hh) == 1 and hh[0].id != h1


def test_bulk_run_and_cli_write_the_pairs(store, db_path, passphrase, monkeypatch, tmp_path, capsys):
    a = _family(store, _p("ظافر", "مأمون", "الرئيس"))
    b = _family(store, _p("ظافر", "مامون", "رئيس", age=41))
    _family(store, _p("ظافر", "خالد", "الرئيس", age=40))  # a cousin
    index.refresh(store)
    pairs = list(candidates.duplicates(store.conn, "households"))
    assert [(x, y) for x, y, _, _ in pairs] == [tuple(sorted((a, b)))]
    persons = list(candidates.duplicates(store.conn, "persons"))
    assert len(persons) == 1
    store.close()
    from tracker.cli.main import main
    monkeypatch.setenv("DTRACK_PASSPHRASE", passphrase)
    out = tmp_path / "dups.csv"
    assert main(["duplicates", str(db_path), "--kind", "households", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["id_a"], r["id_b"]) for r in rows] == [tuple(sorted((a, b)))]
    assert float(rows[0]["score"]) >= WARN_AT and "given:" in rows[0]["reasons"]
    with pytest.raises(SystemExit):
        main(["duplicates", str(db_path), "--kind", "persons", "--min-score", "2", "--out", str(out)])
    assert "between 0 and 1" in capsys.readouterr().err
