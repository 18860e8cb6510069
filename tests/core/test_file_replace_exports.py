"""Exports, reports and ``dtrack export`` over a file another program holds open (Windows' refusal to
rename over it is simulated; the database, the export and everything else are real)."""

from __future__ import annotations

import pytest

from tracker.charts import report
from tracker.charts.data import Filters
from tracker.cli import main as cli
from tracker.exchange import export
from tracker.fileswap import FileInUse

from .golden import sample
from .test_file_replace import windows_lock  # noqa: F401  (the fixture)


@pytest.fixture
def filled(store):
    sample.populate(store)
    return store


def _exports_audited(store) -> int:
    return store.conn.execute("SELECT count(*) FROM audit_log WHERE action IN ('export', 'export_pii')").fetchone()[0]


def test_an_export_open_in_excel_is_kept_whole_with_its_metadata_and_not_audited(filled, tmp_path,
                                                                                windows_lock):  # noqa: F811
    out = tmp_path / "households.csv"
    first = export.export(filled, "households", out)
    before = out.read_bytes(), (tmp_path / "households.metadata.csv").read_bytes(), _exports_audited(filled)
    windows_lock.hold(out)  # the person opened the first export in Excel
    with pytest.raises(FileInUse) as refused:
        export.export(filled, "households", out, hxl=False)  # a different file: it must not get in
    assert str(out) in refused.value.message and "close it in Excel or choose another name" in refused.value.message
    after = out.read_bytes(), (tmp_path / "households.metadata.csv").read_bytes(), _exports_audited(filled)
    assert after == before, "the export, its metadata or the audit log changed"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".dtdb" and ".dtdb" not in p.name) == [
        "households.csv", "households.metadata.csv"], "a temporary file was left behind"
    assert first["rows"]["households"] > 0


def test_an_export_goes_through_once_a_scanner_lets_go(filled, tmp_path, windows_lock):  # noqa: F811
    out = tmp_path / "tables.xlsx"
    out.write_bytes(b"the previous export")
    windows_lock.hold(out, times=2)
    result = export.export(filled, ["households", "summary"], out, fmt="xlsx")
    assert out.read_bytes()[:2] == b"PK" and result["rows"]["households"] > 0
    assert windows_lock.refusals == 2 and _exports_audited(filled) == 1


def test_a_metadata_file_open_in_excel_is_named_and_the_export_itself_kept(filled, tmp_path,
                                                                         windows_lock):  # noqa: F811
    out = tmp_path / "persons.csv"
    meta = tmp_path / "persons.metadata.csv"
    meta.write_bytes(b"key,value\r\nrows,persons=0\r\n")
    windows_lock.hold(meta)
    with pytest.raises(FileInUse) as refused:
        export.export(filled, "persons", out)
    message = refused.value.message
    assert f"{out} was written" in message and f"metadata file {meta}" in message and "export again" in message
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the export is in place, and audited
    assert _exports_audited(filled) == 1
    assert meta.read_bytes() == b"key,value\r\nrows,persons=0\r\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_report_open_in_a_pdf_viewer_is_kept(filled, tmp_path, windows_lock):  # noqa: F811
    out = tmp_path / "sitrep.pdf"
    out.write_bytes(b"%PDF- last week's report")
    windows_lock.hold(out)
    with pytest.raises(FileInUse, match="close it in the PDF viewer or choose another name"):
        report.write(filled, Filters("2025-03-01", "2025-03-31"), out)
    assert out.read_bytes() == b"%PDF- last week's report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("sitrep")] == ["sitrep.pdf"]


def test_dtrack_export_says_which_file_to_close(filled, db_path, tmp_path, windows_lock, monkeypatch,
                                                capsys, passphrase):  # noqa: F811
    filled.close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, passphrase)
    out = tmp_path / "crossings.csv"
    out.write_bytes(b"open in Excel")
    windows_lock.hold(out)
    assert cli.main(["export", str(db_path), "--what", "crossings", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"dtrack: error: {out} is open in another program")
    assert "close it in Excel or choose another name" in err
    assert out.read_bytes() == b"open in Excel"
