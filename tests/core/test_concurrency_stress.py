"""Random interleavings of real programs on one database (short version; the long one is
``python -m bench concurrency``): whatever reported success is there, whatever failed is not."""

import pytest

from .concurrency_trials import run_trial


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_interleavings_keep_what_was_reported_done(tmp_path, seed):
    result = run_trial(tmp_path / f"t{seed}", seed, processes=5, window_saves=6, import_rows=300)
    assert not result.problems, "\n".join(result.problems)
    assert sum(ok for ok, _ in result.ops.values()) > 0
