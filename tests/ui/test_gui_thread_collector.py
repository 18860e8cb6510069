"""A page caught in a reference cycle is freed on the GUI thread, never on a background thread that
happened to trigger Python's collector (Qt objects destroyed off the GUI thread crash the program)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication, QWidget

from ui.shell import collector


def _cyclic_widget(where: list) -> None:
    """A closed page held only by its own cycle, made just after a collection: the next young-generation
    collection frees it, on whichever thread allocates enough to trigger one."""
    gc.collect()
    w = QWidget()
    w.me = w  # a reference cycle, as a lambda connected to one of its own signals makes
    # a weak reference's callback runs on the thread that frees the widget (and so destroys its Qt object)
    where.append(weakref.ref(w, lambda _: where.append(threading.current_thread())))


def _allocate() -> None:
    """What an import or a chart does on its thread: many objects that live a while, in cycles."""
    kept = []
    for _ in range(400_000):
        a = []
        a.append(a)
        kept.append(a)


def test_background_allocations_do_not_free_widgets(qtbot):
    collector.install(QApplication.instance())
    where: list = []
    _cyclic_widget(where)
    t = threading.Thread(target=_allocate)
    t.start()
    t.join()
    assert where[1:] == []  # not freed by the background thread
    qtbot.waitUntil(lambda: len(where) > 1, timeout=5000)  # the GUI thread's collector frees it
    assert where[1:] == [threading.main_thread()]


def test_without_it_a_background_thread_frees_the_widget(qtbot):
    """The failure the collector prevents, shown with Python's automatic collector back on."""
    collector.install(QApplication.instance()).stop()
    thresholds = gc.get_threshold()
    try:
        where: list = []
        gc.set_threshold(10**9)  # nothing collected while the widget is made on this thread...
        _cyclic_widget(where)

        def background():
            gc.set_threshold(*thresholds)  # ...and the usual thresholds once the other thread allocates
            _allocate()

        t = threading.Thread(target=background)
        t.start()
        t.join()
        assert len(where) == 2 and where[1] is not threading.main_thread()
    finally:
        gc.set_threshold(*thresholds)
        collector.install(QApplication.instance()).start()


def test_settled_objects_are_left_out_of_full_collections_until_the_window_closes(qtbot, monkeypatch):
    """After the window is settled a full collection no longer walks what existed then (the stall
    during an import); thawing before the window closes lets its cycles be freed again."""
    collector.install(QApplication.instance())
    monkeypatch.setattr(collector, "freeze_enabled", True)
    where: list = []
    try:
        assert collector.settle()
        assert gc.get_freeze_count() > 1000  # Qt's wrappers, the modules loaded...
        w = QWidget()
        w.me = w
        where.append(weakref.ref(w))
        assert collector.settle()  # while the window holds it...
        del w  # ...then closed: only its cycle keeps it
        gc.collect()
        assert where[0]() is not None  # frozen: a full collection does not see it
    finally:
        collector.thaw()
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert where[0]() is None  # thawed: freed by the next collection


def test_tests_and_scripts_do_not_settle_unless_asked(qtbot):
    collector.install(QApplication.instance())
    assert collector.freeze_enabled is False
    assert collector.settle() is False and gc.get_freeze_count() == 0
