"""``dtrack hub export`` over a file another program holds open: a real PostgreSQL hub (skipped
without one, like every hub test), real files; only Windows' refusal to rename over an open file
is simulated (tests/core/test_file_replace.py)."""

from __future__ import annotations

import pytest

from tests.core.hub_server import blank_dsn, hub, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tracker.fileswap import FileInUse
from tracker.hub import export as hub_export

from .test_file_replace import windows_lock  # noqa: F401  (the fixture)


def test_a_hub_export_open_in_excel_keeps_the_old_file_and_its_metadata(hub, tmp_path, windows_lock):  # noqa: F811
    out, meta = tmp_path / "consolidated.csv", tmp_path / "consolidated.metadata.csv"
    out.write_bytes(b"last week's figures, open in Excel")
    meta.write_bytes(b"key,value\r\nsource,last week\r\n")
    windows_lock.hold(out)
    with pytest.raises(FileInUse, match="close it in Excel or choose another name"):
        hub_export.export(hub, out, hub_name="north")
    assert out.read_bytes() == b"last week's figures, open in Excel"
    assert meta.read_bytes() == b"key,value\r\nsource,last week\r\n", "the metadata changed without its export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consolidated.csv", "consolidated.metadata.csv"]


def test_a_hub_metadata_file_open_in_excel_is_named(hub, tmp_path, windows_lock):  # noqa: F811
    out, meta = tmp_path / "consolidated.csv", tmp_path / "consolidated.metadata.csv"
    meta.write_bytes(b"open in Excel")
    windows_lock.hold(meta)
    with pytest.raises(FileInUse) as refused:
        hub_export.export(hub, out, hub_name="north")
    assert f"{out} was written" in refused.value.message and str(meta) in refused.value.message
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and meta.read_bytes() == b"open in Excel"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
