"""``dtrack export --what consolidated``: the summaries a coordinator received, summed over offices,
HXL-tagged like the summary export, small cells suppressed; golden file and libhxl checks."""

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import PASSPHRASE
from tests.core import consolidated_field as field
from tracker.cli.main import main
from tracker.exchange import export
from tracker.domain.summary import MARKER

from .exchange_helpers import hxl_errors, hxl_rows

GOLDEN = Path(__file__).parent / "golden" / "consolidated.csv"


@pytest.fixture(scope="module")
def coordinator(tmp_path_factory):
    folder = tmp_path_factory.mktemp("field")
    coord, a, b = field.build(folder, passphrase=PASSPHRASE)
    a.close()
    b.close()
    yield coord
    coord.close()


def test_matches_the_golden_file_and_libhxl_reads_every_value(coordinator, tmp_path):
    out = tmp_path / "consolidated.csv"
    result = export.export(coordinator, "consolidated", out, threshold=0)
    text = out.read_bytes().decode("utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert text == GOLDEN.read_bytes().decode("utf-8")
    assert result["rows"] == {"consolidated": 7} and result["suppressed"] == 0
    tags, rows = hxl_rows(out)
    summary_tags = hxl_rows(_summary(coordinator, tmp_path))[0]
    assert tags == summary_tags  # the same columns and hashtags as this office's own summary
    assert hxl_errors(out) == []
    flows = [r for r in rows if r["#x_dataset"] == "crossings"]
    assert sum(int(r["#affected+idps+ind"]) for r in flows) == 32  # not the coordinator's own 100
    lattakia = next(r for r in flows if r["#adm1+origin+code"] == "SY06")
    assert (lattakia["#affected+idps+f+age18_59"], lattakia["#affected+idps+hh"]) == ("15", "2")
    assert lattakia["#org+name"] == "NGO A; NGO B"


def _summary(store, folder) -> Path:
    path = folder / "own-summary.csv"
    export.export(store, "summary", path, threshold=0)
    return path


def test_small_cells_are_suppressed_and_the_metadata_names_the_offices(coordinator, tmp_path):
    out = tmp_path / "c.csv"
    result = export.export(coordinator, "consolidated", out, date_from="2025-03-08", date_to="2025-03-09")
    _, rows = hxl_rows(out)
    assert {r["#date+reported"] for r in rows} == {"2025-03-08", "2025-03-09"}
    values = [v for r in rows for t, v in r.items() if t.startswith("#affected")]
    assert result["suppressed"] == values.count(MARKER) > 0
    assert all(v == MARKER or int(v) == 0 or int(v) >= 5 for v in values)
    assert {(rule, value) for rule, _, value in hxl_errors(out)} == {("Expected a number", MARKER)}
    meta = Path(result["metadata_path"]).read_text(encoding="utf-8-sig")
    assert "reporting_devices,tripoli (NGO A) 2025-03-08 to " in meta and "akkar (NGO B) 2025-03-08 to " in meta
    assert "summary_admin_level,1" in meta and "suppression_threshold,5" in meta


def test_weekly_xlsx_and_the_command_line(coordinator, tmp_path, monkeypatch, capsys):
    path = tmp_path / "c.xlsx"
    export.export(coordinator, ["summary", "consolidated"], path, "xlsx", threshold=0, period="week")
    wb = load_workbook(path)
    sheet = list(wb["consolidated"].iter_rows(values_only=True))
    assert sheet[1][0] == "#x_dataset" and {r[2] for r in sheet[2:]} == {"2025-03-03", "2025-03-10"}  # Mondays
    assert sum(r[20] for r in sheet[2:] if r[0] == "crossings") == 32
    assert any(k == "reporting_devices" for k, _ in wb["metadata"].iter_rows(values_only=True))

    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    db = str(coordinator.path)
    out = tmp_path / "cli.csv"
    code = main(["export", db, "--what", "consolidated", "--format", "csv", "--out", str(out), "--from", "2025-03-10",
                 "--to", "2025-03-10", "--suppress", "0"])
    printed = capsys.readouterr().out
    assert code == 0 and "wrote 3 consolidated" in printed and "0 small cells suppressed" in printed
    _, rows = hxl_rows(out)
    assert [(r["#x_dataset"], r["#adm1+origin+code"], r["#affected+idps+ind"]) for r in rows] == [
        ("crossings", "SY04", "5"), ("registrations", "SY06", "1"), ("registrations", "SY10", "3")]
    assert main(["export", db, "--what", "consolidated", "--admin-level", "2", "--out", str(tmp_path / "x.csv")]) == 1
    assert "by governorate" in capsys.readouterr().err and not (tmp_path / "x.csv").exists()
