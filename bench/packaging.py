"""``python -m bench packaging``: the frozen bundle's size and its start-up time to the start screen.

    bash packaging/build.sh --no-deb          # makes dist/displacement-tracker
    .venv/bin/python -m bench packaging [--bundle DIR] [--runs N]

Size: every file of the one-folder bundle, unpacked, with the biggest parts, against the 250 MB budget.
Start-up: from starting the program to the start screen shown with its event loop running
(``--report-start``: the app writes the moment and quits). "Cold" first evicts every file of the
bundle from the operating system's cache (posix_fadvise DONTNEED), as after a reboot; "warm" does
not. The baselines, measured in the same run: the same app from the source checkout's virtual
environment, and a bare Qt dialog (QApplication + one shown dialog) from the same Python, the least
any Qt program pays. Offscreen (no display here), so the X11/Wayland connection is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import median

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 250
GOAL_S = 2.0
BARE_QT = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout
app = QApplication(sys.argv[:1])
d = QDialog(); QVBoxLayout(d).addWidget(QLabel("start")); d.show()
def done():
    open(sys.argv[1], "w").write(json.dumps({"at": time.time(), "visible": d.isVisible()})); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def tree_bytes(folder: Path) -> dict[str, int]:
    """Bytes per top-level part (files directly in the folder count under their own name); links not followed."""
    parts: dict[str, int] = {}
    internal = folder / "_internal"
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(internal if internal in path.parents else folder).parts
        key = "/".join(rel[:3]) if rel[0] == "PySide6" and len(rel) > 3 else rel[0]
        parts[key] = parts.get(key, 0) + path.stat().st_size
    return parts


def evict(folder: Path) -> None:
    """Drop the bundle's files from the page cache (clean pages only: nothing is lost). Linux/BSD only."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def time_to_start(argv: list[str], work: Path) -> float:
    report = work / "start.json"
    report.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(work / "data"),
           "XDG_CONFIG_HOME": str(work / "config")}
    started = time.time()
    subprocess.run([*argv, str(report)], env=env, check=True, timeout=120, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    shown = json.loads(report.read_text(encoding="utf-8"))
    if not shown.get("visible"):
        raise SystemExit(f"{argv[0]}: the start screen was not shown")
    return shown["at"] - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench packaging")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "displacement-tracker")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    exe = args.bundle / ("displacement-tracker.exe" if os.name == "nt" else "displacement-tracker")
    if not exe.exists():
        print(f"no bundle at {args.bundle}: build it first with bash packaging/build.sh --no-deb", file=sys.stderr)
        return 1

    parts = tree_bytes(args.bundle)
    total = sum(parts.values())
    print(f"bundle {args.bundle}")
    print(f"{'size unpacked':42} {total / 1e6:>10,.1f} MB    budget {BUDGET_MB} MB  "
          f"{'within' if total <= BUDGET_MB * 1e6 else 'OVER'}")
    for name, size in sorted(parts.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:40} {size / 1e6:>10,.1f} MB")

    work = Path(tempfile.mkdtemp(prefix="dtrack-bench-packaging-"))
    settings = ["--settings", str(work / "preferences.ini")]
    frozen = [str(exe), *settings, "--report-start"]
    source = [str(ROOT / ".venv" / "bin" / "displacement-tracker"), *settings, "--report-start"]
    bare = [sys.executable, "-c", BARE_QT]
    results: dict[str, list[float]] = {"frozen, cold": [], "frozen, warm": [], "source checkout, warm": [],
                                       "bare Qt dialog (baseline), warm": []}
    time_to_start(frozen, work)  # first run writes the preferences and font caches
    for _ in range(args.runs):
        evict(args.bundle)
        results["frozen, cold"].append(time_to_start(frozen, work))
        results["frozen, warm"].append(time_to_start(frozen, work))
        results["source checkout, warm"].append(time_to_start(source, work))
        results["bare Qt dialog (baseline), warm"].append(time_to_start(bare, work))
    base = median(results["bare Qt dialog (baseline), warm"])
    print(f"start to the start screen, median of {args.runs} (goal: frozen cold <= {GOAL_S:.1f} s)")
    for label, values in results.items():
        m = median(values)
        print(f"  {label:40} {m:>8.2f} s   max {max(values):5.2f} s   {m / base:5.2f}x the bare Qt dialog")
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return 0
