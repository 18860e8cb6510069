"""The Exchange page walked as a user does it: export with and without personal data, and the
import wizard from file to preview, mapping, profile, keep-valid and the result with its report."""

import json
from pathlib import Path

from tracker.exchange import mapping
from ui.exchange.page import ExchangePage

from ..core.exchange_helpers import hxl_rows
from ..core.golden import sample
from .records_support import settle


def _page(qtbot, ctx):
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _choose(combo, key):
    combo.setCurrentIndex(combo.findData(key))


def test_export_csv_then_personal_data_only_when_confirmed(qtbot, ctx, tmp_path, monkeypatch):
    ctx.call(sample.populate, ctx.store)
    page = _page(qtbot, ctx)
    panel = page.export_panel
    out = tmp_path / "out" / "crossings.csv"
    out.parent.mkdir()
    monkeypatch.setattr(panel, "ask_path", lambda suggested: str(out))
    _choose(panel.dataset, "crossings")
    panel.button.click()
    qtbot.waitUntil(lambda: "Exported" in panel.result.text(), timeout=5000)
    assert "6 crossings" in panel.result.text() and panel.button.isEnabled() and not panel.progress.isVisible()
    tags, rows = hxl_rows(out)
    assert tags[0] == "#meta+id" and len(rows) == 6

    people = tmp_path / "out" / "persons.csv"
    monkeypatch.setattr(panel, "ask_path", lambda suggested: str(people))
    _choose(panel.dataset, "persons")
    panel.pii.setChecked(True)
    monkeypatch.setattr(panel, "confirm_personal_data", lambda: False)
    panel.button.click()
    settle(qtbot, ctx)
    assert "not confirmed" in panel.result.text() and not people.exists()
    monkeypatch.setattr(panel, "confirm_personal_data", lambda: True)
    panel.button.click()
    qtbot.waitUntil(lambda: "Exported" in panel.result.text(), timeout=5000)
    assert "يوسف" in people.read_text(encoding="utf-8-sig")
    actions = [r[0] for r in ctx.call(lambda: ctx.store.conn.execute(
        "SELECT action FROM audit_log WHERE action LIKE 'export%' ORDER BY id").fetchall())]
    assert actions == ["export", "export_pii"]


def test_export_remembers_its_folder_names_the_metadata_and_unticks_personal_data(qtbot, ctx, tmp_path,
                                                                                     monkeypatch):
    ctx.call(sample.populate, ctx.store)
    page = _page(qtbot, ctx)
    panel = page.export_panel
    suggested = []
    stick = tmp_path / "usb"
    stick.mkdir()

    def ask(s):
        suggested.append(s)
        return str(stick / "persons.csv")

    monkeypatch.setattr(panel, "ask_path", ask)
    monkeypatch.setattr(panel, "confirm_personal_data", lambda: True)
    _choose(panel.dataset, "persons")
    panel.pii.setChecked(True)
    panel.button.click()
    qtbot.waitUntil(lambda: "Exported" in panel.result.text(), timeout=5000)
    assert not panel.pii.isChecked()  # asked for again next time
    metadata = [f.name for f in stick.iterdir() if f.name != "persons.csv"]
    assert metadata and f"is described in {metadata[0]}" in panel.result.text()
    assert Path(suggested[0]).parent != Path.cwd()  # not the program's folder
    panel.button.click()
    qtbot.waitUntil(lambda: len(suggested) == 2, timeout=5000)
    assert Path(suggested[1]).parent == stick  # the folder of the last export


def test_summary_workbook_with_threshold(qtbot, ctx, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    ctx.call(sample.populate, ctx.store)
    page = _page(qtbot, ctx)
    panel = page.export_panel
    out = tmp_path / "all.xlsx"
    monkeypatch.setattr(panel, "ask_path", lambda suggested: str(out))
    _choose(panel.dataset, "all")
    assert panel.format.currentData() == "xlsx" and not panel.format.isEnabled() and panel.threshold.isEnabled()
    panel.threshold.setValue(10)
    _choose(panel.period, "week")
    panel.button.click()
    qtbot.waitUntil(lambda: "Exported" in panel.result.text(), timeout=8000)
    wb = load_workbook(out, read_only=True)
    meta = {r[0]: r[1] for r in wb["metadata"].iter_rows(values_only=True)}
    assert meta["suppression_threshold"] == "10" and meta["summary_period"] == "week"
    wb.close()


def test_import_wizard_preview_mapping_profile_keep_valid(qtbot, ctx, tmp_path, monkeypatch):
    src = tmp_path / "fmr.csv"
    src.write_text("Quand;crossing_pcode;direction;female_18_59;male_18_59\n"
                   "2025-03-08T07:30;XLB-ABD;in;3;2\n"
                   "2025-03-08T08:30;NOWHERE;in;1;1\n"
                   "2025-03-08T09:30;XLB-MSN;out;0;4\n", encoding="utf-8-sig")
    page = _page(qtbot, ctx)
    wizard = page.import_wizard
    _choose(wizard.kind, "crossings")
    monkeypatch.setattr(wizard, "ask_open_path", lambda: str(src))
    wizard.choose.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1, timeout=5000)
    assert wizard.current_mapping() == [None, "crossing_pcode", "direction", "f_18_59", "m_18_59"]
    assert "counted_at" in wizard.missing.text() and not wizard.run_import.isEnabled()
    assert wizard.table.item(1, 1).text() == "XLB-ABD" and wizard.table.rowCount() == 4
    _choose(wizard.combos[0], "counted_at")  # the user maps the unknown column
    assert wizard.missing.text() == "" and wizard.run_import.isEnabled()
    monkeypatch.setattr(wizard, "ask_profile_name", lambda: "French FMR")
    wizard.save_profile.click()
    assert ctx.call(mapping.load_profile, ctx.store, "French FMR")["columns"]["Quand"] == "counted_at"

    wizard.run_import.click()  # all or nothing: one bad row, nothing written
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2, timeout=5000)
    assert "Nothing was imported" in wizard.outcome.text() and "fmr.errors.csv" in wizard.outcome.text()
    count = lambda: ctx.call(lambda: ctx.store.conn.execute("SELECT count(*) FROM crossing_counts").fetchone()[0])
    assert count() == 0

    wizard.steps.setCurrentIndex(0)
    wizard.choose.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1 and wizard.profile.count() == 2, timeout=5000)
    wizard.profile.setCurrentIndex(wizard.profile.findData("French FMR"))
    wizard.profile.activated.emit(wizard.profile.currentIndex())
    assert wizard.current_mapping()[0] == "counted_at"
    wizard.keep_valid.setChecked(True)
    wizard.run_import.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2, timeout=5000)
    assert "Imported: 2" in wizard.outcome.text() and "1 rows were rejected" in wizard.outcome.text()
    assert count() == 2
    report = (tmp_path / "fmr.errors.csv").read_text(encoding="utf-8-sig")
    assert "NOWHERE" in report and "\n3," in report
    detail = ctx.call(lambda: ctx.store.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'import' AND record_id IS NULL").fetchone()[0])
    assert json.loads(detail)["imported"] == 2


def test_unreadable_file_says_why(qtbot, ctx, tmp_path, monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_bytes("date,point\n2025-03-08,أ\n".encode("cp1256"))
    page = _page(qtbot, ctx)
    wizard = page.import_wizard
    monkeypatch.setattr(wizard, "ask_open_path", lambda: str(bad))
    wizard.choose.click()
    qtbot.waitUntil(lambda: wizard.choose_error.text() != "", timeout=5000)
    assert "UTF-8" in wizard.choose_error.text() and wizard.steps.currentIndex() == 0


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, ctx, tmp_path, monkeypatch):
    import threading

    ctx.call(sample.populate, ctx.store)
    page = _page(qtbot, ctx)
    panel = page.export_panel
    outdir = tmp_path / "out"
    outdir.mkdir()
    monkeypatch.setattr(panel, "ask_path", lambda suggested: str(outdir / "c.csv"))
    _choose(panel.dataset, "crossings")
    gate = threading.Event()
    ctx.run(gate.wait)  # the writer is busy with an earlier job
    panel.button.click()
    assert panel.progress.isVisible() and not panel.button.isEnabled()
    panel.progress.cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: panel.button.isEnabled(), timeout=5000)
    assert "Cancelled" in panel.result.text() and list(outdir.iterdir()) == []


def test_import_wizard_reads_a_large_file_in_a_second_process(qtbot, ctx, tmp_path, monkeypatch):
    from tracker.store import childproc
    from tracker.exchange import importer

    lines = ["counted_at,crossing_pcode,direction,female_18_59,male_18_59,source_id"]
    lines += [f"2025-03-{i % 28 + 1:02d}T08:00,XLB-ABD,in,{i % 3},1,k-{i}" for i in range(5000)]
    src = tmp_path / "big.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 0)  # this small file takes the large-file path
    exits = []
    close = childproc.stream.close

    def watched(reader):
        close(reader)
        exits.append(reader.proc.exitcode)

    monkeypatch.setattr(childproc.stream, "close", watched)
    page = _page(qtbot, ctx)
    wizard = page.import_wizard
    _choose(wizard.kind, "crossings")
    monkeypatch.setattr(wizard, "ask_open_path", lambda: str(src))
    wizard.choose.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1 and wizard.run_import.isEnabled(), timeout=5000)
    wizard.run_import.click()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2, timeout=20000)
    assert "Imported: 5000" in wizard.outcome.text() and exits == [0]
    total = ctx.call(lambda: ctx.store.conn.execute("SELECT sum(total) FROM crossing_counts").fetchone()[0])
    assert total == sum(i % 3 + 1 for i in range(5000))
