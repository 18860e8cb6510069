"""The coordinator's "Covering:" line, in the window at 1366x768, in English and Arabic: every reporting
device is there in full (no "…"), the line wraps inside the window, and in Arabic each device reads
"hermel-1 (Hermel Relief)" left to right, not "(Hermel Relief) hermel-1"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from tests.core import consolidated_field as field
from tests.core.sync_devices import befriend, new_device
from tracker.sync import identity
from ui.shell import i18n

OFFICES = (("tripoli-1", "Amel Association"), ("akkar-2", "NRC Akkar"), ("hermel-1", "Hermel Relief"))


@pytest.fixture
def three_offices(store, tmp_path):
    """The test's store as a coordinator that has received a summary from each of three field offices."""
    identity.ensure_identity(store)
    offices = [new_device(tmp_path, name, organisation=organisation) for name, organisation in OFFICES]
    befriend(store, *offices)
    for office, (name, _) in zip(offices, OFFICES):
        field.count(office, "2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 10})
        field.count(office, "2025-04-02", "XLB-ARD", "in", "SY10", {"m_18_59": 6})
        field.send(office, store, tmp_path, name)
    yield store
    for office in offices:
        office.close()


def _dashboard(qtbot, ctx, language):
    from ui.shell.main_window import MainWindow

    i18n.install(language)
    ctx.language = language
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.start("dashboard")
    qtbot.waitUntil(lambda: "dashboard" in window.pages, timeout=10000)
    page = window.pages["dashboard"]
    qtbot.waitUntil(page.switch.isVisible, timeout=10000)
    qtbot.mouseClick(page.switch.summaries, Qt.MouseButton.LeftButton)  # as the coordinator does
    qtbot.waitUntil(lambda: page.result is not None and page.result.get("source") == "summaries", timeout=10000)
    QApplication.processEvents()
    return window, page


def _x(layout: QTextLayout, text: str, part: str) -> float:
    """Where ``part`` of ``text`` is drawn, left to right: the edge after its first letter (a cursor at the
    start of a run of the other direction stands at either end of the run)."""
    position = text.index(part) + 1
    return layout.lineForTextPosition(position).cursorToX(position)[0]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_device_is_shown_in_full_and_reads_in_order(qtbot, ctx, three_offices, language):
    window, page = _dashboard(qtbot, ctx, language)
    line = page.switch.reporters
    assert line.isVisible()
    shown = line.text()
    assert "…" not in shown and "..." not in shown, shown
    for name, organisation in OFFICES:
        assert f"{name} ({organisation})" in shown.replace("\u2068", "").replace("\u2069", ""), shown
    # wrapped inside the window: as tall as its text needs at its width, and within the window's right edge
    assert line.height() >= line.heightForWidth(line.width()), (line.height(), line.heightForWidth(line.width()))
    left = line.mapTo(window, line.rect().topLeft()).x()
    assert 0 <= left and left + line.width() <= window.width()
    # laid out as the label does (its font, its width, the window's direction)
    layout = QTextLayout(shown, line.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while (text_line := layout.createLine()).isValid():
        text_line.setLineWidth(line.width())
    layout.endLayout()
    for name, organisation in OFFICES:
        x_name, x_organisation = _x(layout, shown, name), _x(layout, shown, organisation)
        same_line = layout.lineForTextPosition(shown.index(name)).lineNumber() == \
            layout.lineForTextPosition(shown.index(organisation)).lineNumber()
        if same_line:
            assert x_name < x_organisation, f"{language}: {organisation!r} is drawn before {name!r}: {shown!r}"
