"""A process killed in the middle of an import leaves the database exactly as it was."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.sync_devices import befriend, content_digest, new_device, open_device, raw_key
from tracker.domain import demo
from tracker.sync import bundle

# Imports a bundle, and when its progress says the change rows are written but the records
# are not, announces it and waits to be killed. A tiny page cache makes SQLite spill the
# uncommitted pages to the write-ahead log, so the kill really happens with writes on disk.
IMPORTER = """
import os, sys, time
from pathlib import Path
import tracker
from tracker.store.connection import Store, connect
from tracker.sync import bundle
key = os.environ["DTRACK_TEST_KEY"]  # the raw database key: no key derivation
conn = connect(sys.argv[1], key=key)
conn.execute("PRAGMA cache_size = 16")
store = Store(Path(sys.argv[1]), conn, key, {"name": "tester", "role": "administrator"}, None)
calls = []
def progress(done, total):
    calls.append(done)
    if len(calls) == 2:
        print("applying", flush=True)
        time.sleep(60)
bundle.import_bundle(store, sys.argv[2], progress=progress)
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGKILL; its TerminateProcess is another trial")
def test_killing_the_importer_mid_transaction_changes_nothing(tmp_path):
    a, b = new_device(tmp_path, "sender"), new_device(tmp_path, "receiver")
    befriend(a, b)
    demo.populate(a, households=400, crossings=400, seed=7)
    path = tmp_path / "big.dtb"
    sent = bundle.export_bundle(a, path, for_device="receiver")["changes"]
    a.close()
    before = content_digest(b)
    db = b.path
    b.close()
    wal = Path(str(db) + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0

    env = {**os.environ, "DTRACK_TEST_KEY": raw_key(), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(db), str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline().strip()
        assert line == "applying", proc.stderr.read()
        wal_during = wal.stat().st_size if wal.exists() else 0
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert wal_during > wal_before  # uncommitted pages had reached the disk when it died

    after = open_device(db)
    try:
        assert content_digest(after) == before
        # and the same bundle still imports in full afterwards
        result = bundle.import_bundle(after, path)
        assert result["new"] == sent and result["created"] > 0
    finally:
        after.close()
