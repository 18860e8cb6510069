"""Small-cell suppression checked by an interval (linear-programming) attacker: no hidden count of a
published table can be narrowed to less than the threshold using its rows, columns and totals."""

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tracker.domain import disclosure, model
from tracker.domain.summary import MARKER, suppress

from .disclosure_attacker import intervals, weak_cells, width

CELLS = model.COUNT_FIELDS
MEMBERS = [*CELLS, "individuals"]


def _row(**values) -> dict:
    row = dict.fromkeys(CELLS, 0) | values
    return row | {"source": "crossings", "individuals": sum(row[f] for f in CELLS), "households": 1}


def _tables(raw_rows, shown_rows):
    raw = [[r[f] for f in MEMBERS] for r in raw_rows]
    shown = [[None if s[f] == MARKER else s[f] for f in MEMBERS] for s in shown_rows]
    return raw, shown


def _withheld(raw, k) -> set[int]:
    """The column totals (and grand total, index 10) the suppression of ``raw`` says not to publish."""
    hidden = disclosure.protect([r[:-1] for r in raw], k, row_totals=[r[-1] for r in raw], hide_margins=True)
    return {j for i, j in hidden if i == len(raw)}


def _weak(rows, out, k):
    raw, shown = _tables(rows, out)
    return weak_cells(shown, raw, k, withheld=_withheld(raw, k))


def test_the_attacker_recovers_the_old_output_of_the_issue_example():
    # what suppression used to publish: f_18_59 = 1 and m_18_59 = 1 hidden, f_0_4 = 20, total 22
    raw_row = _row(f_18_59=1, m_18_59=1, f_0_4=20)
    old = dict(raw_row, f_18_59=MARKER, m_18_59=MARKER)
    raw, shown = _tables([raw_row], [old])
    found = intervals(shown, raw, 5)
    both = (0, CELLS.index("f_18_59")), (0, CELLS.index("m_18_59"))
    assert [found[c] for c in both] == [(1, 1), (1, 1)]  # both worked out exactly, from the row alone
    assert weak_cells(shown, raw, 5, withheld={CELLS.index("f_0_4"), len(CELLS)})


def test_the_issue_example_is_protected_now():
    other = _row(f_18_59=30, m_18_59=25, f_0_4=12, m_0_4=9)
    rows = [_row(f_18_59=1, m_18_59=1, f_0_4=20), other]
    out = suppress(rows, 5)
    raw, shown = _tables(rows, out)
    assert out[0]["f_18_59"] == out[0]["m_18_59"] == MARKER
    found = intervals(shown, raw, 5, withheld=_withheld(raw, 5))
    assert found and all(width(iv) >= 5 for iv in found.values())
    assert _withheld(raw, 5) == set()  # protected inside the table: every total can be published
    assert rows[0]["f_18_59"] == 1  # the input is not changed


def test_a_table_of_one_row_withholds_a_column_total():
    # the issue's row alone: its column totals are its cells, so a complement must come from there
    rows = [_row(f_18_59=1, m_18_59=1, f_0_4=20)]
    out = suppress(rows, 5)
    assert [out[0][f] for f in ("f_18_59", "m_18_59", "f_0_4", "individuals")] == [MARKER, MARKER, MARKER, 22]
    raw, _ = _tables(rows, out)
    # the small column totals (1 and 1) are never published; the 20 is withheld as their complement
    assert _withheld(raw, 5) == {CELLS.index(f) for f in ("f_0_4", "f_18_59", "m_18_59")}
    assert _weak(rows, out, 5) == []


def _random_rows(rng: random.Random, n: int, density: float, top: int) -> list[dict]:
    rows = []
    for _ in range(n):
        values = {f: (rng.randint(1, top) if rng.random() < density else 0) for f in CELLS}
        rows.append(_row(**values))
    return rows


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2 ** 32), st.integers(1, 7), st.floats(0.15, 0.9), st.integers(2, 40),
       st.integers(2, 10))
def test_no_hidden_count_can_be_narrowed_below_the_threshold(seed, n, density, top, k):
    rows = _random_rows(random.Random(seed), n, density, top)
    out = suppress(rows, k)
    for r, o in zip(rows, out):
        for f in [*MEMBERS, "households"]:
            if 0 < r[f] < k:
                assert o[f] == MARKER  # every small count is hidden
            elif o[f] != MARKER:
                assert o[f] == r[f]  # and every shown value is true
            if r[f] == 0:
                assert o[f] == 0  # zeros are shown as zeros
    assert _weak(rows, out, k) == []


def test_households_are_protected_as_one_column_with_its_total():
    # 2 hidden households beside 40 and 7: hiding only the 2 would leave it exact given the total 49
    assert disclosure.protect_line([2, 40, 7], 5) == {0, 2}
    assert disclosure.protect_line([2, 3, 40], 5) == {0, 1, 2}  # 2 + 3 over two cells: room 3 only
    assert disclosure.protect_line([2, 40], 5, total_known=False) == {0}
    assert disclosure.protect_line([0, 40], 5) == set()


def test_suppression_is_deterministic_and_threshold_one_hides_nothing():
    rows = _random_rows(random.Random(7), 30, 0.4, 12)
    assert suppress(rows, 5) == suppress([dict(r) for r in rows], 5)
    assert suppress(rows, 1) == rows and suppress(rows, 0) == rows


def test_sources_are_separate_tables():
    rows = [_row(f_18_59=2, m_18_59=30), dict(_row(f_18_59=40, m_18_59=30), source="registrations")]
    out = suppress(rows, 5)
    assert out[1]["f_18_59"] == 40 and out[1]["individuals"] == 70  # nothing to protect there


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2 ** 32), st.integers(1, 10), st.integers(1, 4), st.integers(2, 8))
@example(seed=1, days=3, points=2, k=2)  # a blank day also hides a 15 nothing needed hidden
def test_the_reports_daily_chart_holds_with_its_totals_printed(seed, days, points, k):
    # days x crossing points, bar tops = day totals; the report prints the period's totals, so the
    # margins stay known and each hidden cell must be as wide as they allow (or k)
    from tracker.charts import published
    from tracker.charts.data import DailySeries

    rng = random.Random(seed)
    names = [f"P{n}" for n in range(points)]
    by_point = {p: [rng.choice((0, 0, 1, 2, 3, 6, 9, 15, 40)) for _ in range(days)] for p in names}
    totals = [sum(by_point[p][d] for p in names) for d in range(days)]
    series = DailySeries([f"2025-03-{d + 1:02d}" for d in range(days)], by_point, totals, [0.0] * days)
    shown, blank, _ = published.protected_daily(series, k)
    raw = [[by_point[p][d] for p in names] + [totals[d]] for d in range(days)]
    # a blank day hides which points had no one; the attacker is told anyway (a stronger attacker)
    table = [[None if by_point[p][d] and (d in blank or shown.by_point.get(p, [0] * days)[d] == 0) else
              by_point[p][d] for p in names] + [None if d in blank else totals[d]] for d in range(days)]
    # a blank day also hides large cells nothing needed hidden; whether those can be worked out does
    # not matter, only the cells the protection hid
    planned = disclosure.protect([r[:-1] for r in raw], k, row_totals=totals)
    assert [c for c in weak_cells(table, raw, k) if c[0] in planned] == []


def test_a_larger_table_of_mostly_small_counts_holds():
    # 60 rows like a fortnight of day x origin cells: most counts small, a few large rows
    rows = _random_rows(random.Random(2025), 60, 0.45, 9) + _random_rows(random.Random(7), 6, 0.8, 60)
    out = suppress(rows, 5)
    hidden = sum(1 for o in out for f in MEMBERS if o[f] == MARKER)
    assert hidden > 200
    assert _weak(rows, out, 5) == []
