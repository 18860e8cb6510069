"""On Windows a file opened with ``os.open`` is in text mode unless ``O_BINARY`` is given: every LF
byte written through it becomes CR LF (and a Ctrl-Z ends a read). The store writes its private files
through ``os.open`` (to create them readable by their owner only), so it must ask for binary mode.

Linux has no text mode: Windows' flag is stood in by a spare bit that the spy records and takes off
before the real ``os.open``; the files are real."""

from __future__ import annotations

import os
from pathlib import Path

from tracker.store import keys

WINDOWS_O_BINARY = 0x8000  # its value in Windows' C runtime


def _opened_with(monkeypatch) -> list[tuple[str, int]]:
    monkeypatch.setattr(os, "O_BINARY", WINDOWS_O_BINARY, raising=False)
    real_open, seen = os.open, []

    def spy(path, flags, mode=0o777, *, dir_fd=None):
        seen.append((Path(path).name, flags))
        return real_open(path, flags & ~WINDOWS_O_BINARY, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", spy)
    return seen


def test_the_key_file_is_written_in_binary_mode(tmp_path, monkeypatch):
    seen = _opened_with(monkeypatch)
    data = b'{\n "kind": "keys",\n "slots": []\n}\n'
    keys.write_private(tmp_path / "office.dtdb.keys", data)
    writes = [flags for name, flags in seen if name.startswith("office.dtdb.keys.tmp")]
    assert writes and all(flags & WINDOWS_O_BINARY for flags in writes), "the key file is written in text mode"
    assert (tmp_path / "office.dtdb.keys").read_bytes() == data


def test_a_sync_bundle_is_written_in_binary_mode(tmp_path, monkeypatch):
    from tests.core.sync_devices import befriend, new_device
    from tracker.sync import bundle

    a, b = new_device(tmp_path, "tripoli"), new_device(tmp_path, "akkar")
    try:
        befriend(a, b)
        seen = _opened_with(monkeypatch)
        bundle.export_bundle(a, tmp_path / "a2b.dtb", for_device=b.device_id)
        writes = [flags for name, flags in seen if name.startswith("a2b.dtb")]
        assert writes and all(flags & WINDOWS_O_BINARY for flags in writes), "the bundle is written in text mode"
        monkeypatch.undo()
        bundle.import_bundle(b, tmp_path / "a2b.dtb")  # and it still reads back whole
    finally:
        a.close()
        b.close()
