"""Chapter 1's claims with margins set from measured spreads.

* Letters: the notebook asserts that recall from 300 cues with 20% noise finds the right
  letter more than 85% of the time. Measured over 20 seeds x 500 cues: 0.928-0.964, mean
  0.948, spread across seeds 0.008 (binomial: 0.010). The test re-measures the rate on
  900 cues from other seeds and checks that 85% lies more than 3 standard errors of that
  estimate plus 4 binomial standard deviations of a 300-cue run below it.
* The one-step error check against the exact finite-N rate, at other seeds.
"""

import math

import numpy as np
import pytest

from rnnlib import hopfield
from rnnlib.experiments import ch01 as experiments

NOTEBOOK_CUES, NOTEBOOK_THRESHOLD = 300, 0.85


def test_letter_recall_threshold_is_far_below_the_measured_rate():
    rates = np.array([experiments.letter_recall_rate(150, 0.2, rng=seed) for seed in range(6)])
    pooled = rates.mean()
    estimate_se = math.sqrt(pooled * (1 - pooled) / (150 * len(rates)))
    run_sd = math.sqrt(pooled * (1 - pooled) / NOTEBOOK_CUES)
    assert pooled - 3 * estimate_se - 4 * run_sd > NOTEBOOK_THRESHOLD, (rates, pooled)
    # the spread across seeds is what binomial sampling predicts (no hidden seed effect)
    assert rates.std() < 2 * math.sqrt(pooled * (1 - pooled) / 150)


def test_letter_recall_is_seeded_and_fails_on_pure_noise():
    assert experiments.letter_recall_rate(20, 0.2, rng=3) == experiments.letter_recall_rate(
        20, 0.2, rng=3
    )
    assert experiments.letter_recall_rate(20, 0.0, rng=0) == 1.0
    assert experiments.letter_recall_rate(50, 0.5, rng=0) < 0.5  # a cue with no information


@pytest.mark.parametrize("seed", [11, 12])
def test_notebook_one_step_error_check_holds_for_other_seeds(seed):
    """The notebook's check: |measured - theory| <= 4 se (3x binomial variance: units of
    one pattern are correlated) + |exact - theory|; at small load it allows no flip."""
    rng = np.random.default_rng(seed)
    for num_units in (100, 400):
        result = experiments.capacity_experiment(
            num_units, [0.04, 0.1, 0.2, 0.3], rng=rng, trials=100
        )
        theory = hopfield.one_step_error_rate(result.loads)
        exact = np.array(
            [hopfield.exact_one_step_error_rate(num_units, int(p)) for p in result.num_patterns]
        )
        bits = result.trials * num_units
        tolerance = 4 * np.sqrt(3 * exact / bits) + np.abs(exact - theory)
        assert np.all(np.abs(result.one_step_error - theory) <= tolerance)
        assert tolerance[0] * bits[0] < 1  # at load 0.04 a single flipped unit would fail
