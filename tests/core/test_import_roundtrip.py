"""Export -> import reproduces the records; a killed import leaves the database as it was."""

import subprocess
import sys
import textwrap

import pytest

from tracker.domain import stats
from tracker.exchange import export, importer
from tracker import office

from .exchange_helpers import table_rows
from .golden import sample

KINDS = (("households", "households"), ("persons", "persons"), ("crossings", "crossing_counts"))


@pytest.fixture
def source(store):
    sample.populate(store)
    return store


@pytest.fixture
def target(tmp_path, passphrase):
    s = office.create(tmp_path / "other.dtdb", passphrase, organisation="Partner", device_name="laptop-2")
    yield s
    s.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_reproduces_the_records(source, target, tmp_path, fmt):
    out = tmp_path / "out"
    out.mkdir()
    if fmt == "xlsx":
        export.export(source, [k for k, _ in KINDS], out / "all.xlsx", "xlsx", pii=True, pii_confirmed=True)
        files = {k: out / "all.xlsx" for k, _ in KINDS}
    else:
        files = {}
        for kind, _ in KINDS:
            files[kind] = out / f"{kind}.csv"
            export.export(source, kind, files[kind], pii=True, pii_confirmed=True)
    for kind, _ in KINDS:
        result = importer.import_file(target, files[kind], kind)
        assert result.errors == [] and result.committed, (kind, result.errors[:3])
    for _, table in KINDS:
        assert table_rows(target, table) == table_rows(source, table), table
    assert stats.check(target)["ok"]
    # and once more: nothing is duplicated
    for kind, table in KINDS:
        again = importer.import_file(target, files[kind], kind)
        assert again.imported == 0 and again.duplicates > 0
        assert len(table_rows(target, table)) == len(table_rows(source, table))


def test_a_killed_import_leaves_the_database_as_before(store, db_path, passphrase, tmp_path):
    before = {t: len(table_rows(store, t)) for t in ("crossing_counts", "change_log", "audit_log")}
    store.close()
    src = tmp_path / "big.csv"
    lines = ["counted_at,crossing_pcode,direction,f_18_59,m_18_59"]
    lines += [f"2025-03-08T{h:02d}:{m:02d},XLB-ABD,in,{1 + m % 4},2" for h in range(10) for m in range(60)] * 8
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, tracker
        from tracker import office
        from tracker.exchange import importer
        store = office.open({str(db_path)!r}, {passphrase!r})
        calls = []
        def progress(done, total):
            calls.append(done)
            written = store.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0]
            if written >= 2000:  # at least one batch is in the (uncommitted) transaction
                os._exit(9)
        importer.import_file(store, {str(src)!r}, "crossings", progress=progress)
        os._exit(0)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode()[-2000:]
    reopened = office.open(db_path, passphrase)
    try:
        after = {t: len(table_rows(reopened, t)) for t in before}
        assert after == before
        assert reopened.conn.execute("SELECT count(*) FROM crossing_daily").fetchone()[0] == 0
        assert stats.check(reopened)["ok"]
    finally:
        reopened.close()
