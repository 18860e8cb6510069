"""A tally in progress survives the page (or the app) going away: it is offered back as a draft."""

from PySide6.QtWidgets import QApplication

from tracker.domain import crossings
from tracker.store import drafts
from ui.crossings.page import CrossingsPage

from .records_support import pick, settle


def _page(qtbot, ctx):
    page = CrossingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_an_interrupted_tally_is_restored_then_saved(qtbot, ctx):
    page = _page(qtbot, ctx)
    assert not page.draft_banner.isVisible()
    pick(page.point, "XLB-NKR-LOW")
    for field in ("f_0_4", "f_0_4", "m_18_59"):
        page.tally.add(field)
    qtbot.waitUntil(lambda: ctx.call(drafts.load, ctx.store, "tally:new") is not None, timeout=5000)
    page.hide()  # the laptop's battery dies: no save, no cancel
    QApplication.processEvents()

    again = _page(qtbot, ctx)
    assert again.draft_banner.isVisible() and again.tally.total_count() == 0
    again.draft_banner.restore_button.click()
    assert again.tally.values()["f_0_4"] == 2 and again.tally.values()["m_18_59"] == 1
    assert again.point.pcode() == "XLB-NKR-LOW"
    again.save()
    settle(qtbot, ctx)
    rows = crossings.list_for_day(ctx.store, again.values()["counted_at"][:10])
    assert len(rows) == 1 and rows[0]["total"] == 3
    assert ctx.call(drafts.keys, ctx.store) == []
    again.close()


def test_an_empty_tally_leaves_no_draft(qtbot, ctx):
    page = _page(qtbot, ctx)
    page.tally.add("f_0_4")
    page.tally.undo()
    qtbot.wait(50)
    assert not page.drafts.pending()
    settle(qtbot, ctx)
    assert ctx.call(drafts.keys, ctx.store) == []
    page.close()
