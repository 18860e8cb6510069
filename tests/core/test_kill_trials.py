"""The short version of ``python -m bench kill_trials``: one kill -9 at a random moment in each of
backup, restore, account changes, purge, import and sync; the database opens with the accounts of
before or after, passes the check, and holds the data of before or after."""

import sys

import pytest

from bench.kill_trials import OPS, run_trials


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGKILL; its TerminateProcess is another trial")
def test_kill_at_a_random_moment_leaves_before_or_after(tmp_path):
    results = run_trials(1, seed=7, work=tmp_path / "kill", log=lambda line: None)
    assert set(results) == set(OPS)
    failures = {op: r["failures"] for op, r in results.items() if r["failures"]}
    assert not failures, failures
    assert sum(r["before"] + r["after"] for r in results.values()) == len(OPS)
