"""Property: a partner's households file split into two files (anywhere, either order, with its
members file beside them) imports to the same records as the joined file."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import office
from tracker.exchange import inputs, partner

from . import partner_fixtures as pf

PASSPHRASE = "correct horse battery staple"
SKIP = {"id", "household_id", "created_at", "updated_at", "created_by", "updated_by", "user"}


def _households(draw_members):
    out = []
    for i, members in enumerate(draw_members):
        base = pf.HOUSEHOLDS[i % 4]
        out.append({**base, "uuid": f"5b0c7d2e-0000-4000-8000-{i:012d}", "size": len(members),
                    "members": members})
    return out


member = st.tuples(st.sampled_from(["سارة", "Omar", "Lina", "يوسف"]), st.sampled_from(["male", "female"]),
                   st.integers(0, 90), st.sampled_from(["wife", "son", "daughter", "mother"]),
                   st.sampled_from(["", "disab", "chronic", "disab chronic"]))
household_members = st.lists(member, max_size=3).map(lambda rest: [("Head", "male", 40, "head", ""), *rest])


def _records(store) -> dict:
    """Every household with its members and movements, keyed by source id, without local ids."""
    out = {}
    for table in ("households", "persons", "movements"):
        cur = store.conn.execute(f"SELECT t.*, h.source_id AS hsrc FROM {table} t JOIN households h ON h.id = "
                                 + ("t.id" if table == "households" else "t.household_id"))
        cols = [c[0] for c in cur.description]
        for r in cur:
            row = {k: v for k, v in zip(cols, r) if k not in SKIP}
            out.setdefault(row["hsrc"], {}).setdefault(table, []).append(sorted(row.items(), key=str))
    return {k: {t: sorted(v, key=str) for t, v in tables.items()} for k, tables in out.items()}


def _import(folder: Path, paths) -> dict:
    store = office.create(folder / "office.dtdb", PASSPHRASE, organisation="NGO", device_name="d", user="u")
    try:
        with inputs.gather(paths) as given_inputs:
            result = partner.run(store, partner.plan(given_inputs, locations=store.locations()))
        assert result.errors == [], result.issues
        return _records(store)
    finally:
        store.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(household_members, min_size=2, max_size=7), st.data())
def test_split_households_import_to_the_same_records(members, data):
    households = _households(members)
    cut = data.draw(st.integers(1, len(households) - 1))
    swap = data.draw(st.booleans())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        joined = pf.odk_briefcase(tmp / "joined", households)
        first = pf.odk_briefcase(tmp / "a", households[:cut])
        second = pf.odk_briefcase(tmp / "b", households[cut:])
        main = "Household registration.csv"
        (first / "part 1.csv").write_bytes((first / main).read_bytes())
        (second / "part 2.csv").write_bytes((second / main).read_bytes())
        split = [first / "part 1.csv", second / "part 2.csv"]
        (tmp / "db1").mkdir()
        (tmp / "db2").mkdir()
        expected = _import(tmp / "db1", [joined / main, joined / "Household registration-members.csv"])
        got = _import(tmp / "db2", [*(split[::-1] if swap else split), joined / "Household registration-members.csv"])
    assert set(got) == {h["uuid"] for h in households}
    assert got == expected
