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
