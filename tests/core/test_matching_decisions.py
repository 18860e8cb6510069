"""A supervisor's decisions: merges leave an alias whose id resolves, 'not the same' is
remembered, and merges made on several devices in any order converge once bundles travel."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.sync_devices import befriend, new_device, synced_snapshot
from tracker.domain import households
from tracker.errors import ValidationError
from tracker.matching import candidates, decisions, index
from tracker.sync import bundle
from tracker.sync.errors import AlreadyImported


def _family(store, given, father, family, age=40, members=(), origin="SY0600"):
    rows = [{"given_name_ar": given, "father_name_ar": father, "family_name_ar": family, "sex": "m",
             "age_estimated": age, "relationship": "head"}]
    rows += [{"given_name_ar": g, "family_name_ar": family, "sex": "f", "age_estimated": a, "relationship": "child"}
             for g, a in members]
    return households.register_full(store, {"registration_date": "2025-03-10", "origin_pcode": origin,
                                            "current_pcode": "LB51", "shelter_type": "host_family"}, rows)


def _head(store, hid):
    return next(m["id"] for m in households.get(store, hid)["members"] if m["relationship"] == "head")


def test_merging_households_leaves_an_alias_and_merges_members(store):
    a = _family(store, "ظافر", "مأمون", "الرئيس", members=[("رهف", 8), ("لمى", 5)])
    b = _family(store, "ظافر", "مامون", "رئيس", age=41, members=[("رهف", 9), ("سارة", 2)])
    index.refresh(store)
    added = decisions.fill_queue(store, "households")
    assert added == 1
    [pair] = decisions.queue(store.conn, "households")
    assert {pair["id_a"], pair["id_b"]} == {a, b} and pair["state"] == "open"
    survivor = decisions.same(store, "households", b, a)
    alias = max(a, b)
    assert survivor == min(a, b)
    assert decisions.resolve(store.conn, "households", alias) == survivor
    assert households.search(store, "ظافر") == [survivor]
    names = sorted(m["given_name_ar"] for m in households.get(store, survivor)["members"])
    assert names == ["رهف", "سارة", "ظافر", "لمى"]  # رهف once: she was in both
    assert decisions.queue(store.conn, "households") == []
    actions = {r[0] for r in store.conn.execute("SELECT action FROM audit_log WHERE action LIKE 'match_%'")}
    assert actions == {"match_same"}
    # merging again, either way round, changes nothing
    assert decisions.same(store, "households", alias, survivor) == survivor


def test_not_the_same_is_remembered_and_never_proposed_again(store):
    a = _family(store, "ظافر", "مأمون", "الرئيس")
    b = _family(store, "ظافر", "مامون", "رئيس", age=41)
    index.refresh(store)
    decisions.fill_queue(store, "households")
    decisions.apart(store, "households", a, b)
    assert decisions.queue(store.conn, "households") == []
    assert decisions.fill_queue(store, "households") == 0 or decisions.queue(store.conn, "households") == []
    assert list(candidates.duplicates(store.conn, "households")) == []
    with pytest.raises(ValidationError):
        decisions.same(store, "households", a, b)


def test_later_keeps_the_pair_after_the_open_ones(store):
    a = _family(store, "ظافر", "مأمون", "الرئيس")
    b = _family(store, "ظافر", "مامون", "رئيس", age=41)
    c = _family(store, "نزار", "غسان", "بيطار", members=[("ريم", 3)])
    d = _family(store, "نزار", "غسان", "البيطار", age=41, members=[("ريم", 3)])
    decisions.fill_queue(store, "households")
    first = decisions.queue(store.conn, "households")[0]
    decisions.later(store, "households", first["id_a"], first["id_b"])
    q = decisions.queue(store.conn, "households")
    assert [p["state"] for p in q] == ["open", "later"]
    assert {q[1]["id_a"], q[1]["id_b"]} == {first["id_a"], first["id_b"]}
    assert {a, b, c, d} == {q[0]["id_a"], q[0]["id_b"], q[1]["id_a"], q[1]["id_b"]}


def test_a_member_added_to_an_alias_elsewhere_moves_to_the_survivor(tmp_path):
    one, two = new_device(tmp_path, "one"), new_device(tmp_path, "two")
    befriend(one, two)
    a = _family(one, "ظافر", "مأمون", "الرئيس")
    b = _family(one, "ظافر", "مامون", "رئيس", age=41)
    _send(one, two, tmp_path / "1.dtb")
    survivor, alias = min(a, b), max(a, b)
    decisions.same(one, "households", a, b)
    # two, not knowing yet, adds a child to the household that is now an alias
    kid = households.add_member(two, alias, {"given_name_ar": "هبة", "sex": "f", "age_estimated": 4,
                                             "relationship": "child"})
    _send(one, two, tmp_path / "2.dtb")
    _send(two, one, tmp_path / "3.dtb")
    for d in (one, two):
        decisions.adopt_strays(d)
    _send(one, two, tmp_path / "4.dtb")
    _send(two, one, tmp_path / "5.dtb")
    for d in (one, two):
        assert decisions.resolve(d.conn, "households", alias) == survivor
        assert kid in [m["id"] for m in households.get(d, survivor)["members"]]
    assert synced_snapshot(one, "persons") == synced_snapshot(two, "persons")
    assert synced_snapshot(one, "households") == synced_snapshot(two, "households")


def test_importing_a_bundle_settles_received_merges_by_itself(tmp_path):
    """No supervisor action on the receiving side: the sync import moves a member added to a
    household that the sender had merged away."""
    one, two = new_device(tmp_path, "one"), new_device(tmp_path, "two")
    befriend(one, two)
    a = _family(one, "ظافر", "مأمون", "الرئيس")
    b = _family(one, "ظافر", "مامون", "رئيس", age=41)
    _send(one, two, tmp_path / "1.dtb")
    survivor, alias = min(a, b), max(a, b)
    decisions.same(one, "households", a, b)
    # two, not knowing yet, adds a child to the household that one has just merged away
    kid = households.add_member(two, alias, {"given_name_ar": "هبة", "sex": "f", "age_estimated": 4,
                                             "relationship": "child"})
    _send(two, one, tmp_path / "2.dtb")  # the child arrives on an alias: the import itself moves it
    assert kid in [m["id"] for m in households.get(one, survivor)["members"]]


def _send(src, dst, path):
    bundle.export_bundle(src, path, for_device=dst.device_id)
    try:
        bundle.import_bundle(dst, path)
    except AlreadyImported:
        pass


# five records of one person, typed five ways, on the first device before the others copy it
COPIES = [("ظافر", "مأمون", "الرئيس", 40), ("ظافر", "مامون", "رئيس", 41), ("ظافِر", "مأمون", "الرئيس", 40),
          ("ظافر", "مأمون", "الرييس", 39), ("ضافر", "مأمون", "الرئيس", 40)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 4), st.integers(0, 4), st.booleans()),
                min_size=1, max_size=8))
def test_random_merge_orders_on_three_devices_converge(steps):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        devices = [new_device(folder, f"d{i}") for i in range(3)]
        try:
            befriend(*devices)
            ids = [_family(devices[0], g, f, fam, age) for g, f, fam, age in COPIES]
            for i, d in enumerate(devices[1:]):
                _send(devices[0], d, folder / f"start{i}.dtb")
            for i, (dev, x, y, send) in enumerate(steps):
                d = devices[dev]
                if x != y:
                    decisions.same(d, "households", ids[x], ids[y])
                if send:
                    _send(d, devices[(dev + 1) % 3], folder / f"s{i}.dtb")
            for rnd in range(3):  # everyone with everyone; after each round, what received merges need
                for i, src in enumerate(devices):
                    for j, dst in enumerate(devices):
                        if i != j:
                            _send(src, dst, folder / f"q{rnd}-{i}-{j}.dtb")
                if rnd < 2:
                    for d in devices:
                        decisions.after_sync(d)
            roots = [[decisions.resolve(d.conn, "households", h) for h in ids] for d in devices]
            assert roots[0] == roots[1] == roots[2]
            for table in ("households", "persons"):
                assert synced_snapshot(devices[0], table) == synced_snapshot(devices[1], table) \
                    == synced_snapshot(devices[2], table)
            merged = {(ids[x], ids[y]) for _, x, y, _ in steps if x != y}
            for x, y in merged:  # every merge decided anywhere holds everywhere
                assert roots[0][ids.index(x)] == roots[0][ids.index(y)]
        finally:
            for d in devices:
                d.close()
