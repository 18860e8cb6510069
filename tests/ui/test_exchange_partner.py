"""The import wizard with a partner's export, as a user walks it at 1366×768 in English and in
Arabic: choose the Kobo workbook and the XLSForm, see the files, the column mappings, the ignored
columns and the choices read as our codes, change one column, save the form's profile, import,
read the result; then an ODK Central ZIP by folder. Screenshots go to docs/screenshots/ when DTRACK_SCREENSHOTS is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.core import partner_fixtures as pf
from tracker.exchange import mapping
from ui.exchange.page import ExchangePage
from ui.shell import i18n

from .records_support import settle

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shot(widget, name):
    if os.environ.get("DTRACK_SCREENSHOTS"):  # the docs' pictures: only when asked, never from CI
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def _page(qtbot, ctx):
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def _count(ctx, table):
    return ctx.call(lambda: ctx.store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _walk_to_preview(qtbot, wizard, monkeypatch, paths):
    wizard.kind.setCurrentIndex(wizard.kind.findData("partner"))
    assert wizard.choose_folder.isVisible()
    monkeypatch.setattr(wizard, "ask_open_paths", lambda: [str(p) for p in paths])
    qtbot.mouseClick(wizard.choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == wizard.PARTNER_STEP, timeout=8000)
    return wizard.partner_preview


def _rows(table, col):
    return [table.item(r, col).text() if table.item(r, col) else "" for r in range(table.rowCount())]


def test_partner_export_preview_and_import_in_english(qtbot, ctx, tmp_path, monkeypatch):
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx")
    form = pf.xlsform(tmp_path / "form.xlsx")
    page = _page(qtbot, ctx)
    wizard = page.import_wizard
    preview = _walk_to_preview(qtbot, wizard, monkeypatch, [src, form])
    assert _rows(preview.files, 1) == ["Households (submissions)", "Members (repeat group)"]
    assert _rows(preview.files, 2) == ["KoboToolbox", "KoboToolbox"]
    headers = _rows(preview.columns, 1)
    why = dict(zip(headers, _rows(preview.columns, 3)))
    assert why["members/needs/disab"] == "one choice of members/needs (that column is used)"
    assert why["_submitted_by"] == "form metadata"
    fields = {h: preview.columns.cellWidget(r, 2).currentData() for r, h in enumerate(headers)}
    assert fields["grp_move/dest_gov"] == "destination_adm1" and fields["members/relation"] == "relationship"
    values = list(zip(_rows(preview.values, 1), _rows(preview.values, 2)))
    assert ("wife_husband", "Spouse (spouse)") in values and ("lb_akkar", "LB7") in values
    assert ("tent", "no match: rows with it are rejected") in values
    assert "ignored" in preview.summary.text() and wizard.partner_run.isEnabled()
    _shot(page, "import-preview-en.png")

    # the user decides the village column is not wanted, saves the form's profile, imports
    row = headers.index("grp_origin/village")
    combo = preview.columns.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData(None))
    qtbot.mouseClick(wizard.partner_save, Qt.MouseButton.LeftButton)
    saved = ctx.call(mapping.load_profile, ctx.store, pf.FORM_ID)
    assert saved["tables"][pf.TITLE[:31]]["columns"]["grp_origin/village"] is None
    qtbot.mouseClick(wizard.partner_run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2, timeout=15000)
    text = wizard.outcome.text()
    assert "Imported: 4 households, 12 members, 4 movements" in text and "kobo.import-report.csv" in text
    assert _count(ctx, "persons") == 12 and _count(ctx, "movements") == 4
    assert ctx.call(lambda: ctx.store.conn.execute("SELECT count(*) FROM households WHERE origin_village IS NOT NULL")
                    .fetchone()[0]) == 0

    # the same form again: its saved profile is used, and nothing is imported twice
    wizard.steps.setCurrentIndex(0)
    _walk_to_preview(qtbot, wizard, monkeypatch, [src, form])
    assert "saved profile" in wizard.partner_missing.text()
    qtbot.mouseClick(wizard.partner_run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2 and "skipped): 16" in wizard.outcome.text(),
                    timeout=15000)


def test_a_folder_with_a_rejected_household_and_keep_valid(qtbot, ctx, tmp_path, monkeypatch):
    import copy
    import zipfile

    households = copy.deepcopy(pf.HOUSEHOLDS)
    households[0]["gov"] = "SY10"  # its district is not in that governorate
    with zipfile.ZipFile(pf.odk_central_zip(tmp_path / "c.zip", households)) as z:
        z.extractall(tmp_path / "export")
    page = _page(qtbot, ctx)
    arrivals = []  # what starts the duplicate scan (ui/matching/scan.py)
    ctx.records_arrived.connect(lambda: arrivals.append(1))
    wizard = page.import_wizard
    wizard.kind.setCurrentIndex(wizard.kind.findData("partner"))
    monkeypatch.setattr(wizard, "ask_directory", lambda: str(tmp_path / "export"))
    qtbot.mouseClick(wizard.choose_folder, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == wizard.PARTNER_STEP, timeout=8000)
    assert _rows(wizard.partner_preview.files, 2)[0] == "ODK (Briefcase, Central)"
    qtbot.mouseClick(wizard.partner_run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2, timeout=15000)
    assert "Nothing was imported" in wizard.outcome.text() and _count(ctx, "households") == 0
    assert arrivals == []
    wizard.steps.setCurrentIndex(wizard.PARTNER_STEP)
    wizard.partner_keep_valid.setChecked(True)
    qtbot.mouseClick(wizard.partner_run, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 2 and "Imported: 3 households" in wizard.outcome.text(),
                    timeout=15000)
    assert "4 rows were rejected" in wizard.outcome.text() and _count(ctx, "persons") == 9
    assert arrivals == [1]  # households came in: the review queue is filled by itself


@pytest.fixture
def arabic(ctx):
    i18n.install("ar")
    ctx.language = "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return ctx


def test_partner_preview_in_arabic(qtbot, arabic, tmp_path, monkeypatch):
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx")
    form = pf.xlsform(tmp_path / "form.xlsx")
    page = _page(qtbot, arabic)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    wizard = page.import_wizard
    assert wizard.kind.itemText(wizard.kind.findData("partner")).startswith("تصدير")
    preview = _walk_to_preview(qtbot, wizard, monkeypatch, [src, form])
    settle(qtbot, arabic)
    assert _rows(preview.files, 1) == ["الأسر (الاستمارات المرسلة)", "الأفراد (مجموعة متكررة)"]
    assert "بيانات وصفية للاستمارة" in _rows(preview.columns, 3)
    assert preview.columns.horizontalHeaderItem(3).text() == "سبب التجاهل"
    assert wizard.partner_run.text() == "استيراد"
    _shot(page, "import-preview-ar.png")
