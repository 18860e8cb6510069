"""The household list: a virtual model that passes Qt's model tester, SQL filters and search,
delete and history, as a registrar uses them."""

from PySide6.QtCore import Qt

from tracker.domain import households, queries
from tracker.domain.queries import HouseholdFilters
from ui.households.model import HouseholdsModel
from ui.households.page import HouseholdsPage

from .records_support import four_member_household, settle, type_text


def _many(store, n):
    for i in range(n):
        households.register_pre(store, {"head_name_ar": f"رب أسرة {i}", "registration_date": f"2025-03-{1 + i % 28:02d}",
                                        "origin_pcode": "SY10" if i % 3 else "SY04", "f_18_59": 1 + i % 4,
                                        "status": "active" if i % 5 else "closed"})


def test_model_passes_qt_model_tester_through_filter_sort_and_refresh(qtmodeltester, store):
    _many(store, 230)
    conn = store.reader()
    try:
        model = HouseholdsModel(conn, queries.locations(conn))
        model.PAGE_SIZE = 50  # several pages in play
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == 230
        model.sort(7, Qt.SortOrder.AscendingOrder)
        model.set_filters(HouseholdFilters(origin_adm1="SY04"))
        assert model.rowCount() == 77
        households.register_pre(store, {"head_name_ar": "جديد", "registration_date": "2025-03-20",
                                        "origin_pcode": "SY04", "f_0_4": 1})
        model.refresh()
        assert model.rowCount() == 78
        for row in range(model.rowCount()):  # every row readable, none missing across page edges
            assert model.household_id(row)
        assert len({model.household_id(r) for r in range(78)}) == 78
        qtmodeltester.check(model, force_py=True)
    finally:
        conn.close()


def test_model_reads_only_the_pages_it_shows(store):
    _many(store, 300)
    conn = store.reader()
    try:
        model = HouseholdsModel(conn, {})
        model.PAGE_SIZE = 40
        model.data(model.index(250, 0))
        assert list(model._pages) == [6]
        for r in range(0, 300, 7):
            model.data(model.index(r, 0))
        assert len(model._pages) <= model.CACHED_PAGES
    finally:
        conn.close()


def test_page_search_finds_arabic_spelling_variants(qtbot, ctx):
    hid = four_member_household(ctx.store)
    _many(ctx.store, 20)
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 21
    for typed in ("احمد", "إحمد الاسعد", "أَحْمَد", "ليلي", "سلمي", "ahmad al-asaad", "AHMED"):
        page.search.clear()
        type_text(page.search, typed)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
        assert page.model.household_id(0) == hid, typed
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 21, timeout=2000)
    page.close_reader()


def test_filters_and_live_refresh(qtbot, ctx):
    _many(ctx.store, 30)
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.status.setCurrentIndex(page.status.findData("closed"))
    assert page.model.rowCount() == 6
    page.origin.setCurrentIndex(page.origin.findData("SY04"))
    assert page.model.rowCount() == 2  # i = 0, 15
    page.date_from.setText("2025-03-10")
    page.date_from.editingFinished.emit()
    assert page.model.rowCount() == 1  # i = 15 (registered 03-16)
    assert "1 household" in page.count_label.text()
    page.date_from.setText("not a date")
    page.date_from.editingFinished.emit()
    assert page.model.rowCount() == 2 and "b00020" in page.date_from.styleSheet()
    page.status.setCurrentIndex(0)
    page.origin.setCurrentIndex(0)
    page.date_from.clear()
    page.apply_filters()
    ctx.run(households.register_pre, ctx.store, {"head_name_lat": "New family", "registration_date": "2025-03-30",
                                                 "origin_pcode": "SY10", "m_18_59": 1})
    qtbot.waitUntil(lambda: page.model.rowCount() == 31, timeout=2000)
    page.close_reader()


def test_delete_asks_then_soft_deletes_and_history_shows_it(qtbot, ctx, monkeypatch):
    hid = four_member_household(ctx.store)
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.view.setFocus()
    page.view.selectRow(0)
    monkeypatch.setattr(page, "confirm_delete", lambda: False)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    settle(qtbot, ctx)
    assert page.model.rowCount() == 1
    monkeypatch.setattr(page, "confirm_delete", lambda: True)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert ctx.store.conn.execute("SELECT deleted FROM households WHERE id = ?", (hid,)).fetchone() == (1,)
    entries = queries.household_history(ctx.store, hid)
    assert [e["action"] for e in entries if not e["who"]] == ["create", "delete"]
    assert {e["who"] for e in entries} >= {"أحمد", "ليلى", "سلمى", "كريم"}
    page.close_reader()


def test_history_dialog_lists_edits(qtbot, ctx):
    hid = four_member_household(ctx.store)
    households.update_household(ctx.store, hid, {"status": "moved_on"})
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    dialog = page.history_selected()
    texts = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    actions = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert "Edited" in actions and any("status: Active → Moved on" in t for t in texts)
    dialog.close()
    page.close_reader()


def test_lock_closes_the_reader_and_empties_the_list(qtbot, ctx):
    four_member_household(ctx.store)
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    ctx.locked.emit()
    assert page.model.rowCount() == 0 and page._conn is None
