"""An export over a file another program holds open (Windows' refusal is simulated, the rest is real)
is refused in Arabic, naming the file, and the file open in Excel is left as it was."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.fileswap import FileInUse
from ui.exchange.page import ExchangePage
from ui.shell import context, i18n

from ..core.golden import sample
from ..core.test_file_replace import windows_lock  # noqa: F401  (the fixture)
from .records_support import settle

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")


def _arabic(ctx):
    i18n.install("ar")
    ctx.language = "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_an_export_open_in_excel_is_refused_in_arabic_naming_the_file(qtbot, ctx, tmp_path, monkeypatch,
                                                                     windows_lock):  # noqa: F811
    ctx.call(sample.populate, ctx.store)
    _arabic(ctx)
    out = tmp_path / "households.csv"
    out.write_bytes(b"the export the person has open in Excel\r\n")
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    settle(qtbot, ctx)
    panel = page.export_panel
    monkeypatch.setattr(panel, "ask_path", lambda suggested: str(out))
    panel.dataset.setCurrentIndex(panel.dataset.findData("households"))
    windows_lock.hold(out)
    panel.button.click()
    qtbot.waitUntil(lambda: "مفتوح في برنامج آخر" in panel.result.text(), timeout=8000)
    text = panel.result.text()
    assert "\u2068households.csv\u2069" in text and "Excel" in text and "لم يتغيّر شيء" in text
    assert "is open in another program" not in text  # not the core's English sentence
    assert out.read_bytes() == b"the export the person has open in Excel\r\n"
    assert panel.button.isEnabled()


def test_a_metadata_file_left_open_is_named_in_arabic(ctx):
    _arabic(ctx)
    held = FileInUse("/home/rana/exports/persons.metadata.csv", written="/home/rana/exports/persons.csv")
    text = context.error_text(held)
    assert ARABIC_LETTERS.search(text) and "\u2068persons.metadata.csv\u2069" in text
    assert "/home/rana" not in text and "metadata file" not in text
    i18n.install("en")
    assert context.error_text(held).startswith("The export was written, but its metadata file persons.metadata.csv")
