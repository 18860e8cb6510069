"""XLSX exports: one sheet per dataset, a metadata sheet, HXL rows libhxl can read, no formulas."""

import pytest
from openpyxl import load_workbook

from tracker.exchange import export

from .exchange_helpers import hxl_source
from .golden import sample


@pytest.fixture
def filled(store):
    sample.populate(store)
    return store


def test_workbook_has_a_sheet_per_dataset_and_metadata(filled, tmp_path):
    out = tmp_path / "all.xlsx"
    result = export.export(filled, ["households", "persons", "crossings", "movements", "summary"], out, "xlsx",
                           threshold=7, date_from="2025-03-01", date_to="2025-03-31")
    assert result["rows"] == {"households": 3, "persons": 3, "crossings": 6, "movements": 1,
                              "summary": result["rows"]["summary"]}
    wb = load_workbook(out)
    assert wb.sheetnames == ["households", "persons", "crossings", "movements", "summary", "metadata"]
    meta = {r[0]: r[1] for r in wb["metadata"].iter_rows(min_row=2, values_only=True)}
    for key in ("organisation", "device", "period_from", "period_to", "gazetteer_version", "suppression_threshold",
                "exported_at", "tool_version"):
        assert meta[key], key
    assert meta["suppression_threshold"] == "7" and meta["organisation"] == "Test NGO"
    crossings = wb["crossings"]
    header = [c.value for c in crossings[1]]
    tags = [c.value for c in crossings[2]]
    assert header[0] == "id" and tags[0] == "#meta+id"
    total_col = header.index("total")
    assert sum(r[total_col] for r in crossings.iter_rows(min_row=3, values_only=True)) == 121
    assert isinstance(crossings.cell(3, total_col + 1).value, int)  # numbers stay numbers
    src = hxl_source(out)  # libhxl reads the first sheet with its hashtag row
    assert [c.display_tag for c in src.columns][:3] == ["#meta+id", "#meta+source", "#date+reported"]


def test_no_cell_is_a_formula(filled, tmp_path):
    out = tmp_path / "pii.xlsx"
    export.export(filled, ["households", "persons", "crossings"], out, "xlsx", pii=True, pii_confirmed=True)
    wb = load_workbook(out)
    seen = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and "calc" in c.value:
                    seen.append(c.value)
    assert seen == ["'=cmd|' /C calc'!A0"]
