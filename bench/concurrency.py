"""Many programs on one database, in random interleavings (the long version of the CI test).

    python -m bench concurrency [--trials 40] [--processes 6] [--seed 1]

Each trial starts a long-lived Store saving households one at a time (as the window does) beside
random command-line imports, demo fills, passphrase changes of a second account and sync imports,
all in their own processes, then checks that every operation that reported success is wholly
present, every one that failed is absent, and the database passes ``dtrack check``. The baseline
is the same operations run one after another (no interleaving): its time per trial is printed
beside the interleaved one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from .common import workdir


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench concurrency")
    ap.add_argument("--trials", type=int, default=40)
    ap.add_argument("--processes", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    # Argon2id at full cost in every one of hundreds of short-lived processes measures the KDF,
    # not the locking: the trials use the test suite's cheap parameters.
    os.environ.setdefault("DTRACK_KDF_MEMORY_KIB", "1024")
    os.environ.setdefault("DTRACK_KDF_TIME_COST", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.core.concurrency_trials import run_trial

    base = workdir()
    ops, problems, seconds = Counter(), [], []
    for i in range(args.trials):
        result = run_trial(base / f"trial{i}", args.seed * 1000 + i, processes=args.processes)
        seconds.append(result.seconds)
        for kind, (ok, failed) in result.ops.items():
            ops[(kind, "succeeded")] += ok
            ops[(kind, "failed")] += failed
        problems += [f"trial {i}: {p}" for p in result.problems]
        print(f"trial {i + 1}/{args.trials}: {result.seconds:.1f} s, problems {len(result.problems)}", flush=True)
    serial = run_trial(base / "serial", args.seed * 1000 + 999, processes=1)
    print(f"\ntrials {args.trials}, {args.processes} processes each; median trial {sorted(seconds)[len(seconds) // 2]:.1f} s"
          f" (one process alone: {serial.seconds:.1f} s)")
    for kind in sorted({k for k, _ in ops}):
        print(f"  {kind:12} succeeded {ops[(kind, 'succeeded')]:5}  failed cleanly {ops[(kind, 'failed')]:4}")
    print(f"problems (an operation reported done but missing, a partial write, a traceback, check failing): "
          f"{len(problems)}")
    for p in problems[:20]:
        print("  " + p)
    return 1 if problems else 0
