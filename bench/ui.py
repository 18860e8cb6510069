"""Responsiveness of the household list and crossing tally on a big encrypted store.

``python -m bench ui [--households 200000] [--db PATH] [--rebuild]`` builds (once, then reuses)
an encrypted store of 200k households / ~1M persons with ``tracker.demo``, then times, offscreen:

* unlock to a shown window (a fresh interpreter: imports, key derivation, first page);
* the first page of the household list (count + one page, as the model does);
* name search: p95 over Arabic and Latin names typed as a registrar would, with variants;
* the longest stall of the GUI event loop while the view scrolls through the list and
  while search text is typed, measured by a 5 ms QTimer whose late firings are the stalls.

Figures go to stdout and are recorded by hand in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401  (encrypted driver first)
from tracker.store import Store  # noqa: E402

from .common import PASSPHRASE, median, p95  # noqa: E402

DEFAULT_DB = Path(os.environ.get("DTRACK_BENCH_DIR", Path.home() / ".cache" / "dtrack-bench")) / "ui-200k.dtdb"

# What a registrar types: partial names, spelling variants, a transliteration.
SEARCHES = ["احمد", "أحمد", "إحمد", "محمد", "فاطمه", "فاطمة", "عبد الله", "عبدالله", "علي حسن", "خديجة",
            "ahmad", "mohammed", "fatima", "yusuf", "hassan", "مصطفى", "مصطفي", "زينب", "ح", "ab"]


def build_store(path: Path, households: int, seed: int = 2025) -> None:
    from tracker import demo

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()
    start = time.perf_counter()
    store = Store.create(path, PASSPHRASE, organisation="Bench NGO", device_name="bench")
    last = [0.0]

    def progress(done, total):
        if time.perf_counter() - last[0] > 10:
            last[0] = time.perf_counter()
            print(f"  building: {done:,}/{total:,}", flush=True)

    figures = demo.populate(store, households=households, crossings=households // 10, seed=seed, progress=progress)
    store.conn.execute("ANALYZE")
    store.close()
    print(f"built {path}: {figures} in {time.perf_counter() - start:.0f} s", flush=True)
