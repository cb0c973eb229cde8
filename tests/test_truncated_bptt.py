"""Chapter 3 §6: what truncated BPTT cuts and what it still learns, re-run with seeds the
notebook does not use (the notebook uses 3). Spread measured over seeds 200-207 (32
runs each): clue at any step, accuracy 0.96-1.00 in every run; clue only at step 1, mean
of 4 runs 0.49-0.64 (one run of 32 learned it), input weights of the clue never moved."""

import numpy as np
import pytest

from rnnlib import gradient_flow as gf
from rnnlib.data.tasks import remember_the_sign


@pytest.mark.parametrize("seed", [11, 12])
def test_truncated_bptt_learns_a_longer_dependency_only_when_the_state_carries_it(seed):
    result = gf.truncated_long_dependency(length=20, truncate=5, rng=seed)
    assert np.all(result.clue_weight_change["truncated"] == 0.0)
    assert np.all(result.clue_weight_change["truncated_anywhere"] > 0.1)
    assert result.truncated_anywhere.min() >= 0.9
    assert result.truncated.mean() < 0.8


def test_remember_the_sign_places_one_clue_per_sequence():
    inputs, targets = remember_the_sign(50, 8, positions=[2, 5], noise=0.0, rng=0)
    assert inputs.shape == (8, 50, 2) and targets.shape == (50,)
    clues = inputs[..., 0]
    assert np.all(np.count_nonzero(clues, axis=0) == 1)
    assert set(np.flatnonzero(clues.any(axis=1))) <= {2, 5}
    assert np.array_equal(clues.sum(axis=0) > 0, targets == 1)
    assert np.all(inputs[..., 1] == 0.0)
    with pytest.raises(ValueError, match="positions: expected steps in"):
        remember_the_sign(5, 8, positions=[8], rng=0)
