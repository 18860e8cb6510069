"""Reads that never wait for the writer: a read-only connection of their own, off the GUI thread.

The writer thread can be busy for minutes (a 100,000-row import, a sync). A page that asked it
for a household or today's list would wait behind that job and freeze the window. Reads go here
instead: SQLite's WAL lets a second connection read the last committed state while the writer
writes. ``read`` runs on a background thread and calls back on the GUI thread; ``read_now`` is
for the few short look-ups a form needs before it can show itself (one household, the drafts
row): it runs at once on a GUI-thread connection, never queued behind a write.

Both connections are opened on unlock and closed on lock, so no key stays in memory.
"""

from __future__ import annotations

import itertools
import traceback
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal, Slot

from .worker import _alive as worker_alive, release_frames


class ReadView:
    """What the core's read functions use of a Store (``conn``, ``db``, ``locations()``, ``meta()``),
    over a read-only connection."""

    def __init__(self, store, conn):
        self.conn = conn
        self._db = None
        self.path = store.path
        self.user = store.user
        self.device_id = store.device_id
        self.organisation = store.organisation
        self._pcodes: dict | None = None

    @property
    def db(self):
        """sqlite-utils over the read connection, loaded when a read first needs it (not to open)."""
        if self._db is None:
            from tracker.store.connection import database

            self._db = database(self.conn)
        return self._db

    def locations(self) -> dict[str, dict]:
        if self._pcodes is None:
            cur = self.conn.execute("SELECT id, level, parent, name_en, name_ar, country, kind, lat, lon "
                                    "FROM locations WHERE deleted = 0")
            cols = [d[0] for d in cur.description]
            self._pcodes = {r[0]: dict(zip(cols, r)) for r in cur}
        return self._pcodes

    def invalidate_locations(self) -> None:
        self._pcodes = None

    def meta(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT key, value FROM meta")}

    def close(self) -> None:
        self.conn.close()


_NOTHING = object()  # a read dropped because the database was locked or changed meanwhile


class Reader(QObject):
    _finished = Signal(object, object)  # (ticket, result)
    _failed = Signal(object, object)  # (ticket, exception)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-reader")
        self._store = None
        self._background: ReadView | None = None  # used only on the reader thread
        self._here: ReadView | None = None  # used only on the GUI thread
        self._shut = False
        self._callbacks: dict[int, tuple] = {}  # ticket -> (on_done, on_error), held on the GUI thread only
        self._tickets = itertools.count(1)
        self._finished.connect(self._deliver)
        self._failed.connect(self._deliver_error)

    # -- life ----------------------------------------------------------------------------
    def open(self, store) -> None:
        self.close()
        self._store = store

    def close(self) -> None:
        """Forget the store; both connections are closed (the background one on its own thread)."""
        self._store = None
        here, self._here = self._here, None
        if here is not None:
            here.close()
        if not self._shut:
            self._pool.submit(self._close_background)

    def _close_background(self) -> None:
        view, self._background = self._background, None
        if view is not None:
            view.close()

    def shutdown(self) -> None:
        """Close and stop the thread (safe to call twice)."""
        self.close()
        self._shut = True
        self._pool.shutdown(wait=True)

    def invalidate_locations(self) -> None:
        if self._here is not None:
            self._here.invalidate_locations()
        if not self._shut:
            self._pool.submit(lambda: self._background and self._background.invalidate_locations())

    # -- reading -------------------------------------------------------------------------
    def read(self, fn, *args, on_done=None, on_error=None) -> None:
        """``fn(view, *args)`` on the reader thread; ``on_done(result)`` later on the GUI thread."""
        store = self._store
        if store is None or self._shut:
            return

        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error)
        work = [fn, args]

        def run():
            # as the writer's worker does: this thread never holds the last reference to a page
            f, a = work
            work.clear()
            try:
                if self._background is None or self._background.path != store.path or self._store is not store:
                    if self._store is not store:  # locked or another file since: nothing to read
                        del f, a
                        self._finished.emit(ticket, _NOTHING)
                        return
                    self._close_background()
                    self._background = ReadView(store, store.reader())
                result = f(self._background, *a)
            except BaseException as exc:  # delivered to the GUI thread, never swallowed
                exc.__traceback_text__ = traceback.format_exc()
                del f, a
                release_frames(exc)
                self._failed.emit(ticket, exc)
            else:
                del f, a
                self._finished.emit(ticket, result)

        self._pool.submit(run)

    def read_now(self, fn, *args):
        """``fn(view, *args)`` at once, on the GUI thread's own read connection (short look-ups only)."""
        if self._store is None:
            raise RuntimeError("the database is locked")
        if self._here is None:
            self._here = ReadView(self._store, self._store.reader())
        return fn(self._here, *args)

    @Slot(object, object)
    def _deliver(self, ticket, result) -> None:
        on_done, _ = self._callbacks.pop(ticket, (None, None))
        if result is not _NOTHING and _alive(on_done):
            on_done(result)

    @Slot(object, object)
    def _deliver_error(self, ticket, exc) -> None:
        _, on_error = self._callbacks.pop(ticket, (None, None))
        if on_error is None:
            raise exc
        if _alive(on_error):
            on_error(exc)


def _alive(callback) -> bool:
    """The worker's rule: never deliver to a destroyed widget, through a method, lambda or partial."""
    return worker_alive(callback)
