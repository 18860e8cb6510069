"""The start screen shows before the database libraries load (issue 16's start-up budget): the
window program must not pay for sqlite-utils, numpy, the key-file cryptography or the main window
before the user has even typed a passphrase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
import ui.app as a
app = QApplication(sys.argv[:1])
shell = a.create_shell(a.parse_args(["--settings", sys.argv[1]]), app)
shell.show_start()
app.processEvents()
heavy = ["sqlite_utils", "numpy", "matplotlib", "cryptography", "argon2", "tracker.office",
         "tracker.store.connection", "tracker.store.keys", "ui.shell.main_window"]
print(json.dumps({"loaded": [m for m in heavy if m in sys.modules], "shown": shell.start.isVisible()}))
shell.shutdown()
"""


def test_start_screen_needs_no_database_libraries(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "settings.ini")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["shown"] is True
    assert got["loaded"] == [], f"loaded before the start screen was shown: {got['loaded']}"
