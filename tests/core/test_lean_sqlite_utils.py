"""Unlocking loads neither sqlite-utils nor numpy: opening reads the applied migrations with plain
SQL, and sqlite-utils is loaded on first use with numpy and pandas hidden (together they cost a
noticeable part of an unlock on an old laptop); numpy still imports normally afterwards."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CREATE = r"""
import sys
import tracker
from tracker import office
office.create(sys.argv[1], sys.argv[2], organisation="Test NGO").close()
"""

OPEN = r"""
import sys
import tracker
from tracker import office
store = office.open(sys.argv[1], sys.argv[2])
print("sqlite_utils" in sys.modules, "numpy" in sys.modules, "pandas" in sys.modules, store.schema_version()[0])
store.db["notes"].insert({"n": 2})  # sqlite-utils, loaded now
print("sqlite_utils" in sys.modules, "numpy" in sys.modules)
import numpy
store.db["notes"].insert({"n": int(numpy.int64(3))})
print(store.db["notes"].count)
store.close()
"""


def _run(script, *args):
    out = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_opening_a_database_loads_neither_sqlite_utils_nor_numpy(tmp_path, passphrase):
    path = str(tmp_path / "office.dtdb")
    _run(CREATE, path, passphrase)
    assert _run(OPEN, path, passphrase) == ["False", "False", "False", "0001_core", "True", "False", "2"]
