"""Property-based: malformed files never crash an import, every bad row is reported, and
nothing is partially written."""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.exchange import importer
from tracker.exchange.errors import FileFormatError, MappingError

HEADER = ["counted_at", "crossing_pcode", "direction", "f_18_59", "m_18_59", "origin_pcode", "origin_text"]
GOOD = ["2025-03-08T07:30", "XLB-ABD", "in", "3", "2", "unknown", "Jableh"]
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)

# (name, makes the row invalid?, how to damage a good row)
DAMAGE = {
    "good": (False, lambda r, t: r),
    "formula_text": (False, lambda r, t: r[:6] + ["=cmd|' /C calc'!A0" + t]),
    # blank text is no text: the row would lack the free text an unknown origin needs
    "any_text": (False, lambda r, t: r[:6] + [t if t.strip() else "x"]),
    "wrong_type": (True, lambda r, t: r[:3] + ["three" + t] + r[4:]),
    "formula_count": (True, lambda r, t: r[:3] + ["=1+2"] + r[4:]),
    "bad_date": (True, lambda r, t: ["2025-13-45"] + r[1:]),
    "future": (True, lambda r, t: ["2099-01-01T00:00"] + r[1:]),
    "unknown_place": (True, lambda r, t: r[:1] + ["ZZ" + t] + r[2:]),
    "huge": (True, lambda r, t: r[:6] + ["ب" * 50_000]),
    "short": (True, lambda r, t: r[:2]),
    "long": (True, lambda r, t: r + ["extra", t or "y"]),
    "negative": (True, lambda r, t: r[:4] + ["-2"] + r[5:]),
}


def _file(rows, delimiter, bom) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(HEADER)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _count(store):
    return store.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(sorted(DAMAGE)), text), min_size=1, max_size=12),
       st.sampled_from([",", ";", "\t"]), st.booleans(), st.booleans())
def test_every_bad_row_is_reported_and_nothing_is_half_written(store, tmp_path, plan, delimiter, bom, keep_valid):
    rows, bad = [], set()
    for i, (kind, t) in enumerate(plan):
        invalid, damage = DAMAGE[kind]
        rows.append(damage(list(GOOD), t))
        if invalid:
            bad.add(i + 2)  # header is row 1
    src = tmp_path / "fuzz.csv"
    src.write_bytes(_file(rows, delimiter, bom))
    before = _count(store)
    result = importer.import_file(store, src, "crossings", keep_valid=keep_valid, report=tmp_path / "r.csv")
    assert {e.row for e in result.errors} == bad
    good = len(rows) - len(bad)
    if bad and not keep_valid:
        assert _count(store) == before and not result.committed
    else:
        assert _count(store) == before + good == before + result.imported
    if bad:
        report = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
        assert all(f"\n{n}," in report for n in bad)
        assert "\n=" not in report and ",=" not in report  # the report itself is safe to open in Excel


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from(["crossings", "households", "persons"]))
def test_random_bytes_never_crash_and_never_write(store, tmp_path, data, kind):
    src = tmp_path / "noise.csv"
    src.write_bytes(data)
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    try:
        result = importer.import_file(store, src, kind, report=tmp_path / "r.csv")
    except (FileFormatError, MappingError) as exc:
        assert str(exc)
    else:
        assert not result.committed or result.imported == 0
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["good", "bad"]), min_size=1, max_size=6), st.integers(0, 255))
def test_bad_bytes_inside_a_file_refuse_the_whole_file(store, tmp_path, plan, byte):
    lines = [",".join(HEADER).encode()]
    for p in plan:
        cell = b"ok" if p == "good" else bytes([0xFF, 0x80 | (byte & 0x3F)])  # 0xFF never occurs in UTF-8
        lines.append(",".join(GOOD[:6]).encode() + b"," + cell)
    src = tmp_path / "mixed.csv"
    src.write_bytes(b"\r\n".join(lines) + b"\r\n")
    before = _count(store)
    if "bad" in plan:
        try:
            importer.import_file(store, src, "crossings", keep_valid=True)
        except FileFormatError as exc:
            assert "UTF-8" in str(exc) and "row" in str(exc)
        else:
            raise AssertionError("a file that is not UTF-8 was accepted")
        assert _count(store) == before
    else:
        assert importer.import_file(store, src, "crossings").imported == len(plan)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=10_000), st.integers(0, 255))
def test_damaged_workbooks_are_refused_cleanly(store, tmp_path, cut, byte):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for _ in range(20):
        ws.append(GOOD)
    good = tmp_path / "good.xlsx"
    wb.save(good)
    data = bytearray(good.read_bytes())
    cut = cut % len(data)
    data[cut] = byte  # one flipped byte (the zip's checksums catch most)
    src = tmp_path / "damaged.xlsx"
    src.write_bytes(bytes(data))
    before = _count(store)
    try:
        result = importer.import_file(store, src, "crossings")
    except (FileFormatError, MappingError) as exc:
        assert str(exc)
        assert _count(store) == before
    else:
        assert _count(store) == before + result.imported
