"""Large crossing/household files are read and checked in a second process while this one
writes: the outcome must be exactly that of reading here, and cancel, unreadable bytes and a
process that cannot start must behave as they do here."""

import multiprocessing
import os

import pytest

from tracker.store import childproc
from tracker.errors import Cancelled
from tracker.exchange import importer
from tracker.exchange.errors import FileFormatError
from tracker import office

HEADER = ["counted_at", "crossing_pcode", "direction", "f_18_59", "m_18_59", "m_0_4", "origin_pcode", "origin_text",
          "transport", "source_id", "vuln_medical"]


def _rows(n):
    """n data lines with some broken, duplicated, padded and Kobo-prefixed rows among them."""
    out = []
    for i in range(n):
        row = [f"2025-03-{i % 28 + 1:02d}T{i % 12 + 6:02d}:15", ("XLB-ABD", "XLB-MSN")[i % 2], ("in", "Entry", "out")[i % 3],
               str(i % 4), str(i % 3 + 1), " 2 " if i % 5 == 0 else "0", ("SY0602", "unknown")[i % 2],
               "" if i % 2 == 0 else "قرية", ("car", "Foot", "")[i % 3], f"uuid:k-{i}", "1" if i % 9 == 0 else ""]
        if i % 997 == 5:
            row[1] = "NOWHERE"  # unknown crossing point
        if i % 1499 == 7:
            row[3] = "-2"  # negative count
        if i % 1201 == 11:
            row[9] = "uuid:k-3"  # the same submission again: a duplicate
        if i % 1733 == 13:
            row[7] = "=cmd()"  # a formula: stored as text
        out.append(row)
    return out


def _write(path, rows, extra=b""):
    text = "\n".join(",".join(r) for r in [HEADER, *rows]) + "\n"
    path.write_bytes(text.encode("utf-8") + extra)
    return path


def _outcome(store, result):
    stored = store.conn.execute(
        "SELECT source_id, counted_at, crossing_pcode, direction, total, m_0_4, origin_pcode, origin_adm1, "
        "origin_text, transport, vuln_medical FROM crossing_counts ORDER BY source_id").fetchall()
    logged = store.conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'crossing_counts'").fetchone()[0]
    errors = [(e.row, e.field, e.rule, e.value) for e in result.errors]
    return (result.rows, result.valid, result.imported, result.duplicates, errors, stored, logged)


@pytest.fixture
def spy(monkeypatch):
    """Records each reading process started: (its pid, its exit code once closed)."""
    seen = []
    close = childproc.stream.close

    def watched(self):
        close(self)
        seen.append((self.proc.pid, self.proc.exitcode))

    monkeypatch.setattr(childproc.stream, "close", watched)
    return seen


def test_second_process_import_equals_reading_here(store, tmp_path, passphrase, monkeypatch, spy):
    src = _write(tmp_path / "fmr.csv", _rows(4500))  # three batches
    other = office.create(tmp_path / "other.dtdb", passphrase, user="tester")
    try:
        monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 10 ** 12)
        here = importer.import_file(other, src, "crossings", keep_valid=True, report=tmp_path / "a.csv")
        assert spy == []
        monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 0)
        seen = []
        there = importer.import_file(store, src, "crossings", keep_valid=True, report=tmp_path / "b.csv",
                                     progress=lambda done, total: seen.append((done, total)))
        assert len(spy) == 1 and spy[0][0] != os.getpid() and spy[0][1] == 0
        a, b = _outcome(other, here), _outcome(store, there)
        assert a == b
        rows, valid, imported, duplicates, errors, stored, logged = b
        assert rows == 4500 and duplicates == 4 and imported == valid == logged == len(stored) > 4400
        assert {e[2] for e in errors} == {"unknown_pcode", "negative"}
        assert sum(r[8] == "=cmd()" for r in stored) == 3  # lines 13, 1746, 3479: text, as given
        assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
        assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    finally:
        other.close()


def test_cancel_stops_the_second_process_and_writes_nothing(store, tmp_path, monkeypatch, spy):
    src = _write(tmp_path / "fmr.csv", _rows(9000))
    monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 0)
    ticks = []
    with pytest.raises(Cancelled):
        importer.import_file(store, src, "crossings", progress=lambda d, t: None,
                             cancelled=lambda: ticks.append(1) or len(ticks) > 1)
    assert store.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    assert len(spy) == 1 and multiprocessing.active_children() == []


def test_unreadable_bytes_half_way_are_reported_with_their_row(store, tmp_path, monkeypatch, spy):
    src = _write(tmp_path / "fmr.csv", _rows(3000), extra=b"2025-03-09T10:00,XLB-ABD,in,1,1,0,SY0602,\xff\xfe,car,z,\n")
    monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 0)
    with pytest.raises(FileFormatError) as err:
        importer.import_file(store, src, "crossings")
    assert "row 3002" in str(err.value) and err.value.row == 3002
    assert store.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0] == 0
    assert len(spy) == 1


def test_a_second_process_that_cannot_start_reads_here(store, tmp_path, monkeypatch):
    class NoProcesses:
        def __init__(self, ctx):
            self.ctx = ctx

        def Pipe(self, duplex):  # noqa: N802 (multiprocessing's name)
            return self.ctx.Pipe(duplex=duplex)

        def Process(self, **kwargs):  # noqa: N802
            proc = self.ctx.Process(**kwargs)

            def refuse():
                raise OSError(11, "Resource temporarily unavailable")

            proc.start = refuse
            return proc

    real = multiprocessing.get_context
    monkeypatch.setattr(childproc.multiprocessing, "get_context", lambda method: NoProcesses(real(method)))
    monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 0)
    src = _write(tmp_path / "fmr.csv", _rows(2500))
    result = importer.import_file(store, src, "crossings", keep_valid=True)
    assert result.imported == result.valid > 2400
    assert store.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0] == result.imported


def test_count_cells_in_every_form_give_the_same_counts(store, tmp_path):
    # The fast path for plain digits and the general rules must agree: padded, Arabic-Indic and
    # decimal-point forms are read as numbers; the range limit still applies.
    rows = [["2025-03-08T07:30", "XLB-ABD", "in", v, "1", "0", "SY0602", "", "car", f"s{i}", "0"]
            for i, v in enumerate(["5", " 5", "05", "٥", "5.0", "100000"])]
    src = _write(tmp_path / "forms.csv", rows)
    result = importer.import_file(store, src, "crossings")
    assert result.errors == [] and result.imported == 6
    got = [r[0] for r in store.conn.execute("SELECT f_18_59 FROM crossing_counts ORDER BY source_id")]
    assert got == [5, 5, 5, 5, 5, 100000]
    too_big = _write(tmp_path / "big.csv", [["2025-03-08T07:30", "XLB-ABD", "in", "100001", "1", "0", "SY0602", "",
                                            "car", "x1", "0"]])
    result = importer.import_file(store, too_big, "crossings")
    assert [(e.field, e.rule) for e in result.errors] == [("f_18_59", "out_of_range")]
