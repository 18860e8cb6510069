"""Run a pure generator in a second process, one step ahead of the process that writes.

Large imports and the demo data spend about half their time in Python checks that need no
database; SQLite's writing and committing take the other half. On a laptop with two cores the
checks can run in a second process while this one writes. (A thread does not help: each return
from SQLite waits for the GIL.)

``stream(fn, *args)`` iterates ``fn(*args)`` (a generator function defined at module level, with
picklable arguments and items) in a spawned process. The items arrive in order through a pipe;
an exception raised there is raised here. If the process cannot start, or dies before its first
item (a script without the ``if __name__ == "__main__"`` guard that multiprocessing needs),
``fn(*args)`` runs here instead, so the outcome never depends on which path ran. The second
process is given only what ``args`` hold: never a database connection or a passphrase.
"""

from __future__ import annotations

import multiprocessing

from tracker.errors import TrackerError


class WorkerLost(TrackerError):
    code = "worker_lost"


def _run(out, fn, args) -> None:
    try:
        for item in fn(*args):
            out.send(("item", item))
        out.send(("end", None))
    except (BrokenPipeError, EOFError):
        pass  # the other side stopped (cancel, error): nobody to tell
    except BaseException as exc:
        try:
            out.send(("error", exc))
        except Exception:  # an exception that does not pickle: its text still does
            out.send(("error", WorkerLost(f"{type(exc).__name__}: {exc}")))
    finally:
        out.close()


class stream:  # noqa: N801 (used like a function: ``for item in stream(fn, ...)``)
    """Iterate ``fn(*args)`` in a second process; ``close()`` (or leaving a ``with``) stops it."""

    def __init__(self, fn, *args, name: str = "dtrack-worker"):
        self.fn, self.args = fn, args
        ctx = multiprocessing.get_context("spawn")  # no fork: this process holds a database and threads
        self._in, out = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_run, args=(out, fn, args), name=name, daemon=True)
        try:
            self.proc.start()
        except OSError:
            self.proc = None
        out.close()

    def __iter__(self):
        if self.proc is None:
            yield from self.fn(*self.args)
            return
        started = False
        while True:
            try:
                what, item = self._in.recv()
            except EOFError:
                if not started:
                    yield from self.fn(*self.args)
                    return
                raise WorkerLost(f"the second process stopped half-way (exit code {self.proc.exitcode}); "
                                 "nothing was written: try again") from None
            if what == "end":
                return
            if what == "error":
                raise item
            started = True
            yield item

    def close(self) -> None:
        self._in.close()
        if self.proc is None:
            return
        self.proc.join(timeout=5)
        if self.proc.is_alive():  # still working after a cancel or an error here: it only reads, stop it
            self.proc.terminate()
            self.proc.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
