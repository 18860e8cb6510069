"""Swapping a finished file over one another program holds open (tracker/fileswap.py), on real files.

Windows refuses to rename over a file that Excel, a PDF viewer or a virus scanner has open: the
only thing simulated here is that refusal, by an ``os.replace`` that raises the PermissionError
Windows raises for the chosen targets and otherwise renames for real.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tracker import fileswap
from tracker.errors import TrackerError
from tracker.fileswap import FileInUse
from tracker.store import keys


class SharingViolation:
    """Makes ``os.replace`` refuse to replace held targets, as Windows does while they are open."""

    def __init__(self, monkeypatch):
        self._real = os.replace
        self._held: dict[Path, int | None] = {}  # target -> refusals left (None: until released)
        self._mapped: set[Path] = set()
        self.refusals = 0
        monkeypatch.setattr(os, "replace", self._replace)

    def hold(self, path, times: int | None = None, *, mapped: bool = False) -> None:
        """``mapped``: a program maps the file into memory (a viewer, a scanner) instead of opening it."""
        self._held[Path(path).resolve()] = times
        if mapped:
            self._mapped.add(Path(path).resolve())

    def _replace(self, src, dst):
        target = Path(dst).resolve()
        if target in self._held and self._held[target] != 0:
            if self._held[target] is not None:
                self._held[target] -= 1
            self.refusals += 1
            if target in self._mapped:  # Python on Windows: OSError [WinError 1224], errno EINVAL
                refusal = OSError(22, "The requested operation cannot be performed on a file with a user-mapped "
                                      "section open", str(dst))
                refusal.winerror = 1224
                raise refusal
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(dst))
        return self._real(src, dst)


@pytest.fixture
def windows_lock(monkeypatch):
    return SharingViolation(monkeypatch)


def _pair(tmp_path, name="export.csv"):
    target, tmp = tmp_path / name, tmp_path / f".{name}.part"
    target.write_bytes(b"old export\r\n")
    tmp.write_bytes(b"new export\r\n")
    return tmp, target


def test_an_unlocked_target_is_replaced_at_once(tmp_path, windows_lock):
    tmp, target = _pair(tmp_path)
    fileswap.replace(tmp, target)
    assert target.read_bytes() == b"new export\r\n" and not tmp.exists()
    assert windows_lock.refusals == 0


def test_a_lock_that_clears_within_the_retries_is_waited_out(tmp_path, windows_lock):
    tmp, target = _pair(tmp_path)
    windows_lock.hold(target, times=3)  # a virus scanner looking at the file for a moment
    fileswap.replace(tmp, target)
    assert target.read_bytes() == b"new export\r\n" and not tmp.exists()
    assert windows_lock.refusals == 3


def test_a_lasting_lock_keeps_the_old_file_removes_the_new_one_and_says_what_to_do(tmp_path, windows_lock):
    tmp, target = _pair(tmp_path)
    windows_lock.hold(target)  # open in Excel until the person closes it
    started = time.monotonic()
    with pytest.raises(FileInUse) as refused:
        fileswap.replace(tmp, target)
    waited = time.monotonic() - started
    assert target.read_bytes() == b"old export\r\n", "the file open in Excel was changed"
    assert not tmp.exists(), "the temporary file was left behind"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]
    assert windows_lock.refusals == len(fileswap.RETRY_WAITS) + 1
    assert sum(fileswap.RETRY_WAITS) <= 1.0 and waited < 2.0, f"a person waited {waited:.1f} s to be told"
    error = refused.value
    assert isinstance(error, TrackerError) and error.code == "file_in_use"
    assert error.details["path"] == str(target)
    assert str(target) in error.message
    assert "close it in Excel or choose another name" in error.message
    assert "Nothing was changed" in error.message
    assert isinstance(error.__cause__, PermissionError)


@pytest.mark.parametrize("name, advice", [
    ("report.pdf", "close it in the PDF viewer or choose another name"),
    ("tables.XLSX", "close it in Excel or choose another name"),
    ("office.dtdb.keys", "close the program that has it open (or wait for a virus scan to finish)"),
])
def test_the_advice_names_the_program_that_usually_holds_such_a_file(tmp_path, windows_lock, name, advice):
    tmp, target = _pair(tmp_path, name)
    windows_lock.hold(target)
    with pytest.raises(FileInUse, match=advice.replace("(", r"\(").replace(")", r"\)")):
        fileswap.replace(tmp, target, waits=())
    assert target.read_bytes() == b"old export\r\n" and not tmp.exists()


def test_a_file_mapped_into_memory_by_a_viewer_counts_as_open(tmp_path, windows_lock):
    tmp, target = _pair(tmp_path, "report.pdf")
    windows_lock.hold(target, times=1, mapped=True)
    fileswap.replace(tmp, target)
    assert target.read_bytes() == b"new export\r\n" and windows_lock.refusals == 1
    tmp, target = _pair(tmp_path, "report.pdf")
    windows_lock.hold(target, mapped=True)
    with pytest.raises(FileInUse):
        fileswap.replace(tmp, target, waits=())
    assert target.read_bytes() == b"old export\r\n" and not tmp.exists()


def test_a_folder_in_the_way_is_not_called_a_lock(tmp_path, windows_lock):
    tmp = tmp_path / "new.part"
    tmp.write_bytes(b"x")
    folder = tmp_path / "export.csv"
    folder.mkdir()
    windows_lock.hold(folder)  # Windows says "access denied" for a folder too
    with pytest.raises(PermissionError) as refused:
        fileswap.replace(tmp, folder, waits=())
    assert not isinstance(refused.value, FileInUse) and windows_lock.refusals == 1


def test_other_failures_are_not_retried_and_reach_the_caller_unchanged(tmp_path, windows_lock):
    with pytest.raises(FileNotFoundError):
        fileswap.replace(tmp_path / "never-written.part", tmp_path / "export.csv")
    assert windows_lock.refusals == 0 and not (tmp_path / "export.csv").exists()


def test_the_key_file_open_elsewhere_stays_as_it_was(tmp_path, windows_lock):
    path = tmp_path / "office.dtdb.keys"
    keys.write_private(path, b'{"slots": "the accounts as they were"}')
    windows_lock.hold(path)
    with pytest.raises(FileInUse):
        keys.write_private(path, b'{"slots": "a new passphrase"}')
    assert path.read_bytes() == b'{"slots": "the accounts as they were"}'
    assert [p.name for p in tmp_path.iterdir()] == ["office.dtdb.keys"]
