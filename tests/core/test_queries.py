"""The household list's SQL: counts, pages, sorting and filters agree with the records written."""

import pytest

from tracker.domain import households, queries
from tracker.domain.queries import HouseholdFilters

ID, HEAD_AR, REG, ORIGIN_ADM1, STATUS, TOTAL = (queries.LIST_COLUMNS.index(c) for c in (
    "id", "head_name_ar", "registration_date", "origin_adm1", "status", "total"))


def _pre(store, name, *, reg="2025-03-10", origin="SY10", current=None, status="active", adults=2):
    return households.register_pre(store, {
        "head_name_ar": name, "registration_date": reg, "origin_pcode": origin, "current_pcode": current,
        "status": status, "f_18_59": adults})


@pytest.fixture
def listed(store):
    """Twelve households over three days, two origins, two statuses, one with a member in need."""
    ids = {}
    for i in range(10):
        ids[f"pre{i}"] = _pre(store, f"عائلة {i}", reg=f"2025-03-{10 + i % 3:02d}",
                              origin="SY10" if i % 2 else "SY04", status="active" if i < 7 else "closed",
                              adults=1 + i)
    ids["ahmad"] = _pre(store, "أحمد المصري", reg="2025-03-12", origin="SY10", current="LB51")
    ids["full"] = households.register_full(store, {"registration_date": "2025-03-11", "origin_pcode": "SY11"}, [
        {"given_name_ar": "فاطمة", "family_name_ar": "الحلبي", "given_name_lat": "Fatima", "sex": "f",
         "age_estimated": 40, "relationship": "head", "specific_needs": "DS"},
        {"given_name_ar": "يوسف", "sex": "m", "age_estimated": 8, "relationship": "child"},
    ])
    deleted = _pre(store, "محذوف", reg="2025-03-12")
    households.delete_household(store, deleted)
    return ids


def test_count_and_pages_cover_every_live_household_once(store, listed):
    conn = store.conn
    assert queries.count_households(conn) == 12
    seen = []
    for offset in range(0, 12, 5):
        seen += queries.household_ids(conn, offset=offset, limit=5)
    assert sorted(seen) == sorted(listed.values())
    assert len(seen) == len(set(seen))


def test_default_order_is_newest_registration_first(store, listed):
    rows = queries.household_page(store.conn, limit=50)
    dates = [r[REG] for r in rows]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("key", sorted(queries.SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_key_pages_without_overlap(store, listed, key, descending):
    sort = (key, descending)
    whole = queries.household_ids(store.conn, sort=sort, limit=100)
    paged = queries.household_ids(store.conn, sort=sort, offset=0, limit=4) + \
        queries.household_ids(store.conn, sort=sort, offset=4, limit=4) + \
        queries.household_ids(store.conn, sort=sort, offset=8, limit=4)
    assert paged == whole and len(whole) == 12


def test_sort_by_size_orders_totals(store, listed):
    rows = queries.household_page(store.conn, sort=("total", False), limit=50)
    totals = [r[TOTAL] for r in rows]
    assert totals == sorted(totals)


def test_unknown_sort_key_is_refused(store):
    with pytest.raises(ValueError, match="cannot sort households by 'colour'"):
        queries.household_page(store.conn, sort=("colour", False))


def test_filters_narrow_count_and_page_alike(store, listed):
    conn = store.conn
    cases = {
        HouseholdFilters(origin_adm1="SY10"): 6,  # five odd pre-registrations + Ahmad
        HouseholdFilters(status="closed"): 3,
        HouseholdFilters(origin_adm1="SY10", status="closed"): 2,  # i = 7, 9
        HouseholdFilters(current_pcode="LB51"): 1,
        HouseholdFilters(date_from="2025-03-12"): 4,  # i = 2, 5, 8 and Ahmad
        HouseholdFilters(date_from="2025-03-11", date_to="2025-03-11"): 4,  # i = 1, 4, 7 and the full one
        HouseholdFilters(has_specific_needs=True): 1,
        HouseholdFilters(has_specific_needs=False): 11,
    }
    for filters, expected in cases.items():
        assert queries.count_households(conn, filters) == expected, filters
        assert len(queries.household_page(conn, filters, limit=100)) == expected, filters
    rows = queries.household_page(conn, HouseholdFilters(origin_adm1="SY10", status="closed"))
    assert [(r[ORIGIN_ADM1], r[STATUS]) for r in rows] == [("SY10", "closed")] * 2


@pytest.mark.parametrize("typed", ["احمد", "إحمد", "أحمد", "أَحْمَد", "أحـــمد", "احمد المصر", "ahmad"])
def test_name_search_finds_arabic_spelling_variants(store, listed, typed):
    # "ahmad": no Latin name is stored for him, yet the Latin spelling finds him by sound (issue 13)
    ids = queries.household_ids(store.conn, HouseholdFilters(text=typed))
    assert ids == [listed["ahmad"]]


def test_search_finds_members_and_latin_names_with_other_filters(store, listed):
    conn = store.conn
    assert queries.household_ids(conn, HouseholdFilters(text="يوسف")) == [listed["full"]]
    assert queries.household_ids(conn, HouseholdFilters(text="fatimah")) == [listed["full"]]  # Fatima, folded
    assert queries.household_ids(conn, HouseholdFilters(text="فاطمه الحلبى")) == [listed["full"]]  # ة/ه, ى/ي
    assert queries.count_households(conn, HouseholdFilters(text="فاطمة", origin_adm1="SY10")) == 0


def test_search_text_of_punctuation_only_narrows_nothing(store, listed):
    for typed in (" ,;- ", '"*', "  "):
        assert queries.count_households(store.conn, HouseholdFilters(text=typed)) == 12


def test_deleted_households_never_listed(store, listed):
    assert queries.count_households(store.conn, HouseholdFilters(text="محذوف")) == 0


def test_pages_use_the_live_indexes(store, listed):
    """A page must be an index walk: no temporary sort of every row, for any sort key."""
    for key in queries.SORT_KEYS:
        source, args = queries._where(HouseholdFilters())
        plan = store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT rowid FROM {source} ORDER BY {queries._order((key, True))}", args).fetchall()
        text = " ".join(r[-1] for r in plan)
        assert "USE TEMP B-TREE" not in text, (key, text)
        assert "households_live_" in text or key == "created", (key, text)
    # a name search in entry order streams from the search index: no sort of every match
    source, args = queries._where(HouseholdFilters(text="احمد"))
    plan = store.conn.execute(f"EXPLAIN QUERY PLAN SELECT households.rowid FROM {source} ORDER BY "
                              f"{queries._order(queries.SEARCH_SORT, 'households_fts.rowid')}", args).fetchall()
    assert "USE TEMP B-TREE" not in " ".join(r[-1] for r in plan)


def test_search_in_entry_order_and_capped_count(store, listed):
    filters = HouseholdFilters(text="عائلة")
    ids = queries.household_ids(store.conn, filters, queries.SEARCH_SORT)
    assert ids == [listed[f"pre{i}"] for i in range(9, -1, -1)]
    assert queries.count_households(store.conn, filters) == 10
    assert queries.count_households(store.conn, filters, cap=4) == 4
    assert queries.count_households(store.conn, HouseholdFilters(), cap=5) == 5
    assert queries.household_ids(store.conn, filters, queries.SEARCH_SORT, offset=8, limit=5) == \
        [listed["pre1"], listed["pre0"]]


def test_used_values_and_locations(store, listed):
    assert queries.used_values(store.conn, "origin_adm1") == ["SY04", "SY10", "SY11"]
    assert queries.used_values(store.conn, "status") == ["active", "closed"]
    with pytest.raises(ValueError):
        queries.used_values(store.conn, "head_name_ar")
    locs = queries.locations(store.conn)
    assert locs["SY10"]["name_ar"] and locs["XLB-MSN"]["kind"] == "official_crossing"
