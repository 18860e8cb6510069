"""Unlocking does not load numpy: sqlite-utils is loaded with numpy and pandas hidden (they cost a
noticeable part of an unlock on an old laptop), and both still import normally afterwards."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys
import tracker
from tracker import office
path, phrase = sys.argv[1], sys.argv[2]
store = office.create(path, phrase, organisation="Test NGO")
store.close()
store = office.open(path, phrase)
print("numpy" in sys.modules, "pandas" in sys.modules)
import numpy
store.db["notes"].insert({"n": int(numpy.int64(3))})
print(store.db["notes"].count)
store.close()
"""


def test_opening_a_database_does_not_load_numpy(tmp_path, passphrase):
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "office.dtdb"), passphrase], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False", "1"]

