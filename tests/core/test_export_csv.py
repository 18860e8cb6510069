"""CSV exports: golden files, HXL checked with libhxl, Excel-friendliness, personal data, audit."""

import json
import os
import sys
from pathlib import Path

import pytest

from tracker.domain import crossings
from tracker.errors import Cancelled
from tracker.exchange import columns, export
from tracker.exchange.errors import PersonalDataNotConfirmed

from .exchange_helpers import hxl_errors, hxl_rows, stable_ids
from .golden import sample

GOLDEN = Path(__file__).parent / "golden"
RECORD_DATASETS = ("households", "persons", "crossings", "movements")


@pytest.fixture
def filled(store):
    sample.populate(store)
    return store


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One filled store for the tests that only read (creating a store costs most of a test's time)."""
    from tracker import office

    from ..conftest import PASSPHRASE

    s = office.create(tmp_path_factory.mktemp("shared") / "shared.dtdb", PASSPHRASE, organisation="Test NGO",
                     device_name="laptop-1", user="tester")
    sample.populate(s)
    yield s
    s.close()


def _check_golden(path: Path, name: str) -> None:
    text = stable_ids(path.read_bytes().decode("utf-8"))
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text == golden.read_bytes().decode("utf-8"), f"{name} differs from the golden file"


@pytest.mark.parametrize("dataset", [*RECORD_DATASETS, "summary"])
def test_each_export_matches_its_golden_file(shared, tmp_path, dataset):
    out = tmp_path / f"{dataset}.csv"
    export.export(shared, dataset, out)
    _check_golden(out, f"{dataset}.csv")


@pytest.mark.parametrize("dataset", ["households", "persons", "crossings"])
def test_personal_export_matches_its_golden_file(shared, tmp_path, dataset):
    out = tmp_path / f"{dataset}.csv"
    export.export(shared, dataset, out, pii=True, pii_confirmed=True)
    _check_golden(out, f"{dataset}_pii.csv")


@pytest.mark.parametrize("dataset", [*RECORD_DATASETS, "summary"])
def test_libhxl_parses_every_tag_and_value(shared, tmp_path, dataset):
    out = tmp_path / f"{dataset}.csv"
    export.export(shared, dataset, out, threshold=0 if dataset == "summary" else 5)
    tags, rows = hxl_rows(out)
    if dataset == "summary":
        expected = tags  # built per admin level; checked below
    else:
        expected = [c.tag for c in columns.columns_for(dataset, pii=False)]
    assert tags == expected
    assert not any(t.startswith(("#origin", "#dest")) for t in tags)
    assert all(t.split("+")[0] in ("#meta", "#date", "#adm1", "#adm2", "#loc", "#country", "#affected", "#org",
                                   "#status", "#cause", "#contact", "#description") or t.startswith("#x_")
               for t in tags)
    assert hxl_errors(out) == []  # numbers in #affected, ISO dates in #date
    counts = {"households": 3, "persons": 3, "crossings": 6, "movements": 1}
    if dataset in counts:
        assert len(rows) == counts[dataset]


def test_hxl_values_agree_with_the_database(shared, tmp_path):
    out = tmp_path / "crossings.csv"
    export.export(shared, "crossings", out)
    _, rows = hxl_rows(out)
    db_total = shared.conn.execute("SELECT SUM(total) FROM crossing_counts").fetchone()[0]
    assert sum(int(r["#affected+idps+ind"]) for r in rows) == db_total
    assert sum(int(r["#affected+idps+f+age18_59"]) for r in rows) == 48
    aboudieh = [r for r in rows if r["#loc+code"] == "XLB-ABD"]
    assert {r["#loc+name+i_ar"] for r in aboudieh} == {"العبودية"}
    lattakia = [r for r in rows if r["#adm1+origin+code"] == "SY06"]
    assert {r["#adm1+origin+name"] for r in lattakia} == {"Lattakia"}
    assert {r["#adm1+origin+name+i_ar"] for r in lattakia} == {"اللاذقية"}
    assert {r["#country+dest+code"] for r in rows} == {"LBN"}
    assert all(r["#date+reported"].startswith("2025-03-") and "T" in r["#date+reported"] for r in rows)


def test_csv_is_excel_friendly_and_options_work(shared, tmp_path):
    out = tmp_path / "h.csv"
    export.export(shared, "households", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 5 and b"\n" not in data.replace(b"\r\n", b"")
    plain = tmp_path / "plain.csv"
    export.export(shared, "households", plain, hxl=False, bom=False)
    lines = plain.read_bytes().decode("utf-8").split("\r\n")
    assert not lines[0].startswith("\ufeff") and lines[0].startswith("id,")
    assert not lines[1].startswith("#") and len([ln for ln in lines if ln]) == 4


def test_personal_data_stays_home_by_default(shared, tmp_path):
    for dataset in RECORD_DATASETS:
        out = tmp_path / f"{dataset}.csv"
        export.export(shared, dataset, out)
        text = out.read_text(encoding="utf-8-sig")
        for secret in ("محمد", "Mohammad", "123456", "0123456789", "calc", "allergy", "Rana", "blankets",
                       "1980-05-01", "river", "يوسف"):
            assert secret not in text, (dataset, secret)


def test_personal_export_needs_confirmation_and_is_audited(filled, tmp_path):
    out = tmp_path / "p.csv"
    with pytest.raises(PersonalDataNotConfirmed):
        export.export(filled, "persons", out, pii=True)
    assert not out.exists()
    export.export(filled, "persons", out, pii=True, pii_confirmed=True)
    assert "يوسف" in out.read_text(encoding="utf-8-sig") and "0123456789" in out.read_text(encoding="utf-8-sig")
    export.export(filled, "crossings", tmp_path / "c.csv")
    audit = filled.conn.execute("SELECT action, detail FROM audit_log WHERE action LIKE 'export%' ORDER BY id").fetchall()
    assert [a for a, _ in audit] == ["export_pii", "export"]
    detail = json.loads(audit[0][1])
    assert detail["datasets"] == ["persons"] and detail["rows"] == {"persons": 3}
    assert detail["file"] == "p.csv" and detail["pii"] is True


def test_formula_like_cells_are_neutralised(shared, tmp_path):
    out = tmp_path / "h.csv"
    export.export(shared, "households", out, pii=True, pii_confirmed=True)
    text = out.read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text and ",=cmd" not in text
    assert "'+961 3 123456" in text and "'-2 blankets short" in text and "'+Beit Yashout" in text
    persons = tmp_path / "p.csv"
    export.export(shared, "persons", persons, pii=True, pii_confirmed=True)
    assert "'@allergy" in persons.read_text(encoding="utf-8-sig")
    for line in text.split("\r\n"):
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@")) and not (cell.startswith("-") and not cell[1:].isdigit())


def test_date_filter_and_metadata_file(shared, tmp_path):
    out = tmp_path / "c.csv"
    result = export.export(shared, "crossings", out, date_from="2025-03-09", date_to="2025-03-09")
    assert result["rows"] == {"crossings": 2}
    _, rows = hxl_rows(out)
    assert {r["#date+reported"][:10] for r in rows} == {"2025-03-09"}
    meta = dict(line.split(",", 1) for line in
                Path(result["metadata_path"]).read_text(encoding="utf-8-sig").splitlines()[1:])
    assert meta["period_from"] == meta["period_to"] == "2025-03-09"
    assert meta["organisation"] == "Test NGO" and meta["device"] == "laptop-1"
    assert meta["suppression_threshold"] == "5" and meta["gazetteer_version"]
    assert meta["tool_version"].startswith("Displacement Tracker") and meta["personal_data"] == "no"


def test_cancelled_export_leaves_no_file(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 2)
    for i in range(6):
        crossings.record_count(filled, {"counted_at": f"2025-03-1{i}T08:00", "crossing_pcode": "XLB-MSN",
                                        "direction": "in", "m_18_59": 1})
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "c.csv"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2
    with pytest.raises(Cancelled):
        export.export(filled, "crossings", out, progress=lambda d, t: None, cancelled=cancelled)
    assert list(outdir.iterdir()) == []
    assert filled.conn.execute("SELECT count(*) FROM audit_log WHERE action LIKE 'export%'").fetchone()[0] == 0


def test_bad_requests_are_refused(shared, tmp_path):
    from tracker.errors import TrackerError

    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(TrackerError, match="one dataset"):
        export.export(shared, ["households", "persons"], tmp_path / "x.csv")
    with pytest.raises(TrackerError, match="unknown dataset"):
        export.export(shared, "people", tmp_path / "x.csv")
    with pytest.raises(TrackerError, match="format"):
        export.export(shared, "households", tmp_path / "x.ods", "ods")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no POSIX file modes; the user profile's ACLs "
                                                    "protect the file")
def test_export_files_are_the_owners_only(shared, tmp_path):
    import os
    import stat

    out = tmp_path / "p.csv"
    result = export.export(shared, "persons", out, pii=True, pii_confirmed=True)
    for path in (out, result["metadata_path"]):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    xlsx = tmp_path / "p.xlsx"
    export.export(shared, ["households"], xlsx, "xlsx")
    assert stat.S_IMODE(os.stat(xlsx).st_mode) == 0o600
