"""Bad input that used to crash or be misreported: a whole number too long to read, one giant
XLSX cell, and the byte position of a bad UTF-8 sequence after a byte-order mark."""

import io
import tracemalloc
import zipfile

import pytest

from tracker.exchange import csvio, importer
from tracker.exchange.errors import FileFormatError

HEADER = "counted_at,crossing_pcode,direction,f_18_59,m_18_59,total,source_id\n"


def _count(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("digits", [4301, 5000, 100_000])
def test_a_whole_number_too_long_to_read_is_a_row_error(store, tmp_path, digits):
    huge = "7" * digits
    src = tmp_path / "fmr.csv"
    src.write_text(HEADER + f"2025-03-08T07:30,XLB-ABD,in,{huge},1,,a1\n"
                   f"2025-03-08T07:31,XLB-ABD,in,2,1,{huge},a2\n"
                   "2025-03-08T07:32,XLB-ABD,in,2,1,3,a3\n", encoding="utf-8")
    result = importer.import_file(store, src, "crossings", keep_valid=True, report=tmp_path / "r.csv")
    assert [(e.row, e.field, e.rule) for e in result.errors] == [(2, "f_18_59", "out_of_range"),
                                                                 (3, "total", "out_of_range")]
    assert result.imported == 1 and _count(store, "crossing_counts") == 1
    assert all(len(str(e.value)) < 100 for e in result.errors)  # the value is cut, not echoed


def test_a_long_number_in_a_members_file_is_a_row_error(store, tmp_path):
    (tmp_path / "hh.csv").write_text("today,head_name,origin,_uuid\n2025-03-12,Yusuf Hassan,SY1002,hh-9\n")
    importer.import_file(store, tmp_path / "hh.csv", "households")
    members = tmp_path / "m.csv"
    members.write_text("name,gender,age,relation,_submission__uuid,_index\n"
                       f"Yusuf,male,{'4' * 4400},head,hh-9,1\n", encoding="utf-8")
    result = importer.import_file(store, members, "persons", report=tmp_path / "r.csv")
    assert [(e.row, e.field, e.rule) for e in result.errors] == [(2, "age_estimated", "out_of_range")]


def _xlsx_with_big_cell(path, size: int):
    """A real workbook whose last cell is ``size`` characters long (an inline string, as openpyxl
    writes it; Excel's shared strings are scanned the same way)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.strip().split(","))
    ws.append(["2025-03-08T07:30", "XLB-ABD", "in", 2, 1, 3, "PLACEHOLDER"])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith(".xml"):
                data = data.replace(b"PLACEHOLDER", b"A" * size)
            out.writestr(item, data)
    return path


def test_an_xlsx_cell_over_the_limit_refuses_the_file_early_with_bounded_memory(store, tmp_path):
    src = _xlsx_with_big_cell(tmp_path / "big.xlsx", csvio.MAX_FIELD + 1_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(FileFormatError) as err:
            importer.import_file(store, src, "crossings")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "16 MiB" in str(err.value)
    assert peak < 8 * 1024 * 1024, peak  # streamed, never the whole cell
    assert _count(store, "crossing_counts") == 0
    with pytest.raises(FileFormatError):
        importer.preview(src, "crossings")


def test_the_same_limit_for_csv(store, tmp_path):
    src = tmp_path / "big.csv"
    src.write_text(HEADER + "2025-03-08T07:30,XLB-ABD,in,2,1,3," + "A" * (csvio.MAX_FIELD + 10) + "\n")
    with pytest.raises(FileFormatError) as err:
        importer.import_file(store, src, "crossings")
    assert "16 MiB" in str(err.value)


def test_an_xlsx_cell_under_the_limit_is_read(store, tmp_path):
    src = _xlsx_with_big_cell(tmp_path / "ok.xlsx", 250)
    result = importer.import_file(store, src, "crossings", report=tmp_path / "r.csv")
    assert [e.rule for e in result.errors] == ["too_long"]  # source_id: a row error, as for a CSV


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_the_bad_byte_position_counts_the_byte_order_mark(store, tmp_path, bom):
    body = (HEADER + "2025-03-08T07:30,XLB-ABD,in,2,1,3,ab").encode() + b"\xff" + b"\n"
    src = tmp_path / "bad.csv"
    src.write_bytes(bom + body)
    with pytest.raises(FileFormatError) as err:
        importer.import_file(store, src, "crossings")
    offset = (bom + body).index(b"\xff")
    assert f"at byte {offset})" in str(err.value) and err.value.row == 2
