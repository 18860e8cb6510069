"""The one background helper: runs core calls off the GUI thread, one at a time.

SQLite has one writer, so every write goes through a single worker thread and
nothing interleaves; results and errors come back on the GUI thread through a
queued signal. Workers never touch widgets.
"""

from __future__ import annotations

import functools
import itertools
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from tracker.errors import Cancelled


@dataclass
class Job:
    fn: object
    args: tuple
    on_done: object = None
    on_error: object = None
    on_progress: object = None
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancel_event.set()

    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class Worker(QObject):
    """Runs ``fn(*args)`` on one background thread. ``fn`` may accept ``progress`` and ``cancelled``
    keyword arguments (plain callables) when submitted with ``progress=True``."""

    _finished = Signal(object, object)  # ticket, result
    _failed = Signal(object, object)  # ticket, exception
    _progressed = Signal(object, int, int)  # ticket, done, total
    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-writer")
        self._pending = 0
        self._jobs: dict[int, Job] = {}  # by ticket; only the GUI thread holds the callbacks
        self._tickets = itertools.count(1)
        self.closed = False  # after shutdown(): the store is closed, nothing more may be queued
        self._finished.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)
        self._progressed.connect(self._deliver_progress)

    def submit(self, fn, *args, on_done=None, on_error=None, on_progress=None, progress=False) -> Job:
        job = Job(fn, args, on_done, on_error, on_progress)
        if self.closed:
            # A timer of a closing window fired after shutdown: the store is closed, there is nothing to run.
            job.cancel()
            return job
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        ticket = next(self._tickets)
        self._jobs[ticket] = job
        work = [fn, args]
        cancelled = job.cancel_event.is_set

        def run():
            # The worker thread lets go of the function and its arguments (often a page's methods and
            # lambdas) before the result goes back: were its reference the last, the page would be
            # destroyed on this thread, and Qt objects destroyed off the GUI thread crash the program.
            f, a = work
            work.clear()
            try:
                if progress:
                    result = f(*a, progress=lambda d, t: self._progressed.emit(ticket, d, t), cancelled=cancelled)
                else:
                    result = f(*a)
            except BaseException as exc:  # delivered to the GUI thread, never swallowed
                exc.__traceback_text__ = traceback.format_exc()
                del f, a
                release_frames(exc)
                self._failed.emit(ticket, exc)
            else:
                del f, a
                self._finished.emit(ticket, result)

        self._pool.submit(run)
        return job

    def call(self, fn, *args):
        """Run on the worker thread and wait (for short calls that must not interleave with writes)."""
        return self._pool.submit(fn, *args).result()

    @Slot(object, object)
    def _deliver_result(self, ticket, result):
        self._done()
        job = self._jobs.pop(ticket)
        if _alive(job.on_done):
            job.on_done(result)

    @Slot(object, object)
    def _deliver_error(self, ticket, exc):
        self._done()
        job = self._jobs.pop(ticket)
        if job.on_error is not None:
            if _alive(job.on_error):
                job.on_error(exc)
        elif not isinstance(exc, Cancelled):
            raise exc

    @Slot(object, int, int)
    def _deliver_progress(self, ticket, done, total):
        job = self._jobs.get(ticket)
        if job is not None and _alive(job.on_progress):
            job.on_progress(done, total)

    def _done(self):
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def is_busy(self) -> bool:
        return self._pending > 0

    def wait_idle(self) -> None:
        """Block until queued jobs have run (their results are delivered on the next event-loop turn)."""
        self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self.closed = True
        self._pool.shutdown(wait=True)


def release_frames(exc: BaseException) -> None:
    """Clear the local variables of the finished frames an exception from a background thread carries
    (its text is kept in ``__traceback_text__``): they may hold widgets, which must die on the GUI thread."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


def _alive(callback) -> bool:
    """False for no callback, or a method of a widget already destroyed (a page closed on lock or
    on a language switch while its job ran): delivering to it would raise in the GUI thread."""
    if callback is None:
        return False
    return all(shiboken6.isValid(o) for o in _owners(callback))


def _owners(callback, depth: int = 0) -> list:
    """The Qt objects a callback would touch: a bound method's object, and the widgets a lambda or
    functools.partial captured (``lambda exc: self.label.setText(...)`` holds ``self``)."""
    if depth > 2:
        return []
    found = []
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        found.append(owner)
    if isinstance(callback, functools.partial):
        found += _owners(callback.func, depth + 1)
        found += [a for a in (*callback.args, *callback.keywords.values()) if isinstance(a, QObject)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            found.append(value)
        elif callable(value) and depth < 2:
            found += _owners(value, depth + 1)
    return found
