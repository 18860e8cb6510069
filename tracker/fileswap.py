"""Swap a finished file into place, and say plainly when another program holds the old one.

Every file the core writes for a person to keep (exports, reports, bundles, the key file, backups)
is written under a temporary name beside its target and then renamed over it, so a failure never
leaves half a file under the real name. On Windows that rename fails with PermissionError while
any program holds the target open without sharing its deletion: Excel with a CSV or XLSX export,
most PDF viewers with a report and, for a moment after a file is written, antivirus scanners and
the search indexer. A scanner's hold clears by itself, so the swap is tried again a few times; a
file left open in Excel does not, and a person is waiting: then the temporary file is removed, the
target is left exactly as it was, and the error names the file and says what to do.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from tracker.errors import TrackerError

# Pauses before each new try: 1 s in all, far longer than a scanner's hold (tens of milliseconds),
# short enough that a person who left the file open in Excel is told at once.
RETRY_WAITS = (0.05, 0.1, 0.2, 0.3, 0.35)

# Windows' refusals while another program has the file open: sharing and lock violations (which
# Python raises as PermissionError, like "access denied") and a memory-mapped file (a viewer or a
# scanner mapping it), which Python raises as a plain OSError.
_HELD_OPEN_WINERRORS = (5, 32, 33, 1224)

# The programs that usually hold each kind of file open, named in the advice.
_HOLDERS = {".csv": "Excel", ".xlsx": "Excel", ".xls": "Excel", ".pdf": "the PDF viewer"}


class FileInUse(TrackerError):
    """The target of a write is held open by another program; nothing was written."""

    code = "file_in_use"

    def __init__(self, path: str | os.PathLike, *, written: str | os.PathLike | None = None):
        """``written``: the file this one describes, already in place (an export's metadata file
        is swapped after the export itself)."""
        path = str(path)
        holder = _HOLDERS.get(Path(path).suffix.lower())
        if holder:
            advice = f"close it in {holder} or choose another name, then try again"
        else:
            advice = "close the program that has it open (or wait for a virus scan to finish), then try again"
        if written is None:
            message = f"{path} is open in another program, so it cannot be replaced: {advice}. Nothing was changed"
        else:
            message = (f"{written} was written, but its metadata file {path} is open in another program and still "
                       f"describes the previous export: close it in {holder or 'that program'} and export again")
        super().__init__(message, path=path, written=str(written) if written is not None else None)
        self.path = path


def replace(tmp: str | os.PathLike, target: str | os.PathLike, *, waits=RETRY_WAITS) -> None:
    """Rename ``tmp`` over ``target`` in one step (``os.replace``), trying again after each of
    ``waits`` seconds while the system refuses because the file is open. If it still refuses,
    ``tmp`` is removed and :class:`FileInUse` is raised; ``target`` is untouched either way.
    Any other failure (disk gone, folder missing) is raised as it is, ``tmp`` left to the caller."""
    for wait in (*waits, None):
        try:
            os.replace(tmp, target)
            return
        except OSError as exc:
            if not _held_open(exc) or os.path.isdir(target):  # a folder in the way is no lock either
                raise
            if wait is None:
                with contextlib.suppress(OSError):  # a scanner may hold the new file too: leave it then
                    os.unlink(tmp)
                raise FileInUse(target) from exc
            time.sleep(wait)


def _held_open(exc: OSError) -> bool:
    return isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in _HELD_OPEN_WINERRORS
