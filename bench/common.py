"""Helpers shared by benchmarks: timing, temporary encrypted stores, a plain baseline connection."""

from __future__ import annotations

import atexit
import contextlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import tracker  # noqa: F401  (encrypted driver first)
from tracker.store.connection import connect

PASSPHRASE = "bench passphrase"


@contextlib.contextmanager
def timer():
    box = {}
    start = time.perf_counter()
    yield box
    box["s"] = time.perf_counter() - start


def workdir() -> Path:
    """A fresh temporary folder, removed when the benchmark exits (a 1M-row run leaves gigabytes)."""
    path = Path(tempfile.mkdtemp(prefix="dtrack-bench-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def baseline_connection(path: Path):
    """A fresh SQLCipher file with the store's pragmas: the baseline every write figure is compared with."""
    conn = connect(path, PASSPHRASE)
    conn.execute("PRAGMA journal_mode = WAL")
    return conn


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def median(values):
    return statistics.median(values)


def line(label: str, ours: float, base: float, unit: str, higher_is_better=True) -> str:
    ratio = ours / base if higher_is_better else base / ours
    return f"{label:42} {ours:>12,.0f} {unit:8} baseline {base:>12,.0f} {unit:8} ratio {ratio:5.2f}x"
