"""The aggregated summary: raw counts, periods, admin levels, and small-cell suppression."""

import pytest

from tracker.domain import model
from tracker.exchange import export
from tracker.exchange.hxl import COUNT_TAGS, INDIVIDUALS_TAG
from tracker.domain.summary import MARKER, summary_rows, suppress

from .exchange_helpers import hxl_errors, hxl_rows
from .golden import sample

CELLS = model.COUNT_FIELDS
HXL_OF = {**COUNT_TAGS, "individuals": INDIVIDUALS_TAG}


@pytest.fixture
def filled(store):
    sample.populate(store)
    return store


def test_summary_rows_add_up_to_the_records(filled):
    rows = summary_rows(filled)
    flows = [r for r in rows if r["source"] == "crossings"]
    regs = [r for r in rows if r["source"] == "registrations"]
    q = filled.conn.execute
    assert sum(r["individuals"] for r in flows) == q("SELECT SUM(total) FROM crossing_counts").fetchone()[0]
    assert sum(r["households"] for r in flows) == q("SELECT count(*) FROM crossing_counts").fetchone()[0]
    assert sum(r["individuals"] for r in regs) == q("SELECT SUM(total) FROM households").fetchone()[0]
    assert sum(r["households"] for r in regs) == 3
    for r in rows:
        assert r["individuals"] == sum(r[f] for f in CELLS)
    # the two Aboudieh groups from Lattakia governorate on 8 March fall in one cell
    cell = next(r for r in flows if r["date"] == "2025-03-08" and r["admin_pcode"] == "SY06")
    assert (cell["crossing_pcode"], cell["direction"], cell["households"]) == ("XLB-ABD", "in", 2)
    assert (cell["f_18_59"], cell["m_60plus"], cell["individuals"]) == (14, 1, 33)


def test_week_period_and_admin_level_two(filled):
    weekly = [r for r in summary_rows(filled, period="week") if r["source"] == "crossings"]
    assert {r["date"] for r in weekly} == {"2025-03-03", "2025-03-17"}  # Mondays of the ISO weeks
    assert sum(r["individuals"] for r in weekly) == sum(r["individuals"] for r in summary_rows(filled)
                                                        if r["source"] == "crossings")
    level2 = summary_rows(filled, admin_level=2)
    assert {"SY0602", "SY0603", "SY0401", "SY1002"} <= {r["admin_pcode"] for r in level2}
    limited = summary_rows(filled, date_from="2025-03-09", date_to="2025-03-11")
    assert {r["date"] for r in limited} == {"2025-03-09", "2025-03-10", "2025-03-11"}


def test_primary_and_secondary_suppression():
    row = dict.fromkeys(CELLS, 0) | {"f_18_59": 40, "m_18_59": 30, "f_0_4": 2, "m_5_11": 9,
                                       "individuals": 81, "households": 3}
    out = suppress([row], 5)[0]
    assert out["f_0_4"] == MARKER  # primary
    # secondary: in a table of one row the cells are the column totals too; the widest complement is
    # hidden (tests/core/test_disclosure.py checks such choices with an interval attacker)
    assert out["f_18_59"] == MARKER
    assert out["individuals"] == 81 and out["m_18_59"] == 30 and out["m_5_11"] == 9
    assert out["households"] == MARKER and out["f_12_17"] == 0
    assert row["f_0_4"] == 2  # the input is not changed
    assert suppress([row], 0)[0] == row


def test_summary_export_suppresses_and_records_the_threshold(filled, tmp_path):
    out = tmp_path / "s.csv"
    result = export.export(filled, "summary", out, threshold=5)
    tags, rows = hxl_rows(out)
    assert "#adm1+origin+code" in tags and "#affected+idps+hh" in tags
    values = [v for r in rows for t, v in r.items() if t.startswith("#affected")]
    assert MARKER in values and result["suppressed"] == values.count(MARKER)
    assert all(v == MARKER or int(v) == 0 or int(v) >= 5 for v in values)
    # libhxl: the only non-numbers in #affected columns are the suppression markers
    assert {(rule, value) for rule, _, value in hxl_errors(out)} == {("Expected a number", MARKER)}
    meta = result["metadata_path"]
    text = open(meta, encoding="utf-8-sig").read()
    assert "suppression_threshold,5" in text and f"suppression_marker,{MARKER}" in text
    week = tmp_path / "w.csv"
    export.export(filled, "summary", week, threshold=0, period="week", admin_level=2)
    tags, rows = hxl_rows(week)
    assert "#adm2+origin+code" in tags and hxl_errors(week) == []
    assert sum(int(r["#affected+idps+ind"]) for r in rows if r["#x_dataset"] == "crossings") == 121


def test_no_hidden_count_in_the_exported_file_can_be_narrowed(filled, tmp_path):
    # the file as a reader gets it, at both admin levels and both periods, against the interval attacker
    from .disclosure_attacker import weak_cells
    from .test_disclosure import _withheld

    tags = [HXL_OF[f] for f in (*CELLS, "individuals")]
    for period, level in (("day", 1), ("week", 2)):
        out = tmp_path / f"{period}{level}.csv"
        export.export(filled, "summary", out, threshold=5, period=period, admin_level=level)
        _, published = hxl_rows(out)
        raw_rows = summary_rows(filled, period=period, admin_level=level)
        assert len(published) == len(raw_rows)
        for source in ("crossings", "registrations"):
            pairs = [(r, p) for r, p in zip(raw_rows, published) if r["source"] == source]
            raw = [[r[f] for f in (*CELLS, "individuals")] for r, _ in pairs]
            shown = [[None if p[t] == MARKER else int(p[t]) for t in tags] for _, p in pairs]
            assert any(v is None for row in shown for v in row)  # small data: there is something to hide
            assert weak_cells(shown, raw, 5, withheld=_withheld(raw, 5)) == []
