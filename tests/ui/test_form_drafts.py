"""What a registrar typed survives a crash or a lock: drafts are kept in the encrypted store."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tracker.store import drafts
from tracker.domain import households
from tracker import office
from ui.households.page import HouseholdsPage

from .records_support import pick, settle, type_text


@pytest.fixture
def page(qtbot, ctx):
    p = HouseholdsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    yield p
    for form in list(p.forms):
        form._dirty = False
        form.close()
    p.close_reader()


def _new_pre(qtbot, page):
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.forms[-1]
    qtbot.waitExposed(form)
    return form


def _fill(form):
    type_text(form.head_name_ar, "خديجة العمر")
    pick(form.origin, "SY06")
    form.counts.boxes["f_18_59"].setValue(1)


def test_a_crash_mid_form_loses_nothing(qtbot, ctx, page):
    form = _new_pre(qtbot, page)
    assert not form.draft_banner.isVisible()
    _fill(form)
    qtbot.waitUntil(lambda: ctx.call(drafts.load, ctx.store, "household:new-pre") is not None, timeout=5000)
    # The window disappears without save or cancel, as in a crash.
    form._dirty = False
    form.hide()
    page.forms.remove(form)
    form.deleteLater()
    QApplication.processEvents()
    again = page.new_household("pre")
    qtbot.waitExposed(again)
    assert again.draft_banner.isVisible() and again.head_name_ar.text() == ""
    again.draft_banner.restore_button.click()
    assert again.head_name_ar.text() == "خديجة العمر" and again.origin.pcode() == "SY06"
    assert again.counts.values()["f_18_59"] == 1
    again.save()
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=3000)
    settle(qtbot, ctx)
    assert households.get(ctx.store, again.household_id)["head_name_ar"] == "خديجة العمر"
    assert ctx.call(drafts.keys, ctx.store) == []


def test_discarding_the_draft_forgets_it(qtbot, ctx, page):
    form = _new_pre(qtbot, page)
    _fill(form)
    form.drafts.save_now()
    settle(qtbot, ctx)
    form._dirty = False
    form.close()
    again = page.new_household("pre")
    qtbot.waitExposed(again)
    again.draft_banner.discard_button.click()
    settle(qtbot, ctx)
    assert ctx.call(drafts.keys, ctx.store) == [] and again.head_name_ar.text() == ""


def test_locking_flushes_the_draft_being_typed(qtbot, ctx, page, db_path, passphrase):
    form = _new_pre(qtbot, page)
    _fill(form)
    assert form.drafts.pending()  # typed a moment ago: not yet saved
    for f in list(page.forms):
        f._dirty = False
    page.close_reader()
    ctx.detach()
    with office.open(db_path, passphrase) as reopened:
        draft = drafts.load(reopened, "household:new-pre")
    assert draft["payload"]["values"]["head_name_ar"] == "خديجة العمر"
