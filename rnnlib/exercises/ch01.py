"""Auto-checks for the exercises of chapter 1 (sequences and Hopfield networks).

Each check prints "Correct" or what is wrong and why, returns True/False, and never
raises for a wrong or unattempted answer (a stub returns None).
"""

from __future__ import annotations

import math

import numpy as np

from .. import hopfield as hf
from ..i18n import tr
from ..patterns import random_patterns
from . import call_learner, feedback

__all__ = ["check_hebbian", "check_energy", "check_one_step_error", "check_two_cycle"]

#: What a recall that is not a cycle reached, for the feedback (English; translated when printed).
STOP_REASONS = {"fixed point": "a fixed point", "step limit": "a step limit"}


def check_hebbian(hebbian) -> bool:
    """Check ``hebbian(patterns (P, N)) -> W (N, N)`` against the Hebbian rule."""
    title = tr("Exercise 1 (Hebbian weights)")
    rng = np.random.default_rng(101)
    for num_patterns, num_units in [(1, 4), (3, 10), (5, 16)]:
        patterns = random_patterns(num_patterns, num_units, rng)
        expected = hf.hebbian_weights(patterns)
        weights, problem = call_learner(hebbian, patterns.copy())
        if problem:
            return feedback(title, [problem])
        weights = np.asarray(weights, dtype=float)
        if weights.shape != (num_units, num_units):
            hint = ""
            if weights.shape == (num_patterns, num_patterns):
                hint = tr(
                    " That is one number per pair of patterns: you want one per pair of "
                    "units, so multiply patterns.T @ patterns (sum over patterns)."
                )
            message = tr(
                "for {num_patterns} patterns of {num_units} units W should have shape "
                "({num_units}, {num_units}), got {shape}.",
                num_patterns=num_patterns,
                num_units=num_units,
                shape=weights.shape,
            )
            return feedback(title, [message + hint])
        if np.allclose(weights, expected):
            continue
        problems = []
        off = ~np.eye(num_units, dtype=bool)
        if np.any(np.abs(np.diag(weights)) > 1e-12):
            problems.append(
                tr(
                    "the diagonal must be zero: a unit has no connection to itself "
                    "(np.fill_diagonal(W, 0))."
                )
            )
        if np.allclose(weights[off], num_units * expected[off]):
            problems.append(tr("W is N times too large: divide the sum of outer products by N."))
        elif not np.allclose(weights, weights.T):
            problems.append(tr("W must be symmetric (W_ij == W_ji): the outer product x x^T is."))
        elif not np.allclose(weights[off], expected[off]):
            problems.append(
                tr("the off-diagonal weights should be (1/N) * sum over patterns of x_i * x_j.")
            )
        return feedback(title, problems)
    return feedback(title, [])


def check_energy(energy) -> bool:
    """Check ``energy(W (N, N), s (N,)) -> float`` against ``E = -1/2 s^T W s``."""
    title = tr("Exercise 2 (energy)")
    rng = np.random.default_rng(202)
    for num_units in (3, 8, 20):
        weights = hf.hebbian_weights(random_patterns(2, num_units, rng))
        state = rng.choice([-1.0, 1.0], size=num_units)
        expected = -0.5 * state @ weights @ state
        value, problem = call_learner(energy, weights.copy(), state.copy())
        if problem:
            return feedback(title, [problem])
        try:
            value = float(value)
        except (TypeError, ValueError):
            return feedback(
                title, [tr("the energy should be one number, got {value!r}", value=value)]
            )
        if math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12):
            continue
        if math.isclose(value, -expected, rel_tol=1e-9, abs_tol=1e-12):
            hint = tr("the sign is flipped: E = -1/2 s^T W s, so stored patterns sit in valleys.")
        elif math.isclose(value, 2 * expected, rel_tol=1e-9, abs_tol=1e-12):
            hint = tr(
                "twice the energy: the double sum counts each pair (i, j) twice, hence "
                "the factor 1/2."
            )
        else:
            hint = tr(
                "for this state E should be {expected:.4f}, got {value:.4f}.",
                expected=expected,
                value=value,
            )
        return feedback(title, [hint])
    return feedback(title, [])


def check_one_step_error(rate) -> bool:
    """Check the predicted one-step error rate for N = 1000 units and P = 100 patterns."""
    title = tr("Exercise 3 (one-step error rate, N = 1000, P = 100)")
    if rate is None:
        return feedback(title, [tr("not attempted yet: set `rate` to a number")])
    try:
        rate = float(rate)
    except (TypeError, ValueError):
        return feedback(title, [tr("the rate should be a number, got {rate!r}", rate=rate)])
    num_units, num_patterns = 1000, 100
    expected = 0.5 * math.erfc(math.sqrt(num_units / (2 * num_patterns)))
    if math.isclose(rate, expected, rel_tol=0.02):
        return feedback(title, [])
    mistakes = [
        (
            math.erfc(math.sqrt(num_units / (2 * num_patterns))),
            tr(
                "twice too large: only one tail counts (the crosstalk must push against the "
                "signal), so keep the factor 1/2."
            ),
        ),
        (
            0.5 * math.erfc(math.sqrt(num_patterns / (2 * num_units))),
            tr(
                "N and P are swapped: the signal is 1 and the crosstalk has variance P/N, so "
                "the argument is sqrt(N / 2P)."
            ),
        ),
        (
            0.5 * math.erfc(math.sqrt(num_units / num_patterns)),
            tr(
                "the 2 is missing: a normal tail P(z > a) is 1/2 erfc(a / sqrt 2), with "
                "a = sqrt(N/P)."
            ),
        ),
        (
            expected * num_units,
            tr("that is the expected number of flipped units; the question asks for the fraction."),
        ),
    ]
    for value, hint in mistakes:
        if math.isclose(rate, value, rel_tol=0.02):
            return feedback(title, [hint])
    return feedback(
        title,
        [
            tr(
                "{rate:.3g} is not it: the crosstalk is about normal with mean 0 and "
                "variance P/N = 0.1; a unit flips when it is below -1.",
                rate=rate,
            )
        ],
    )


def check_two_cycle(weights, state) -> bool:
    """Check a 2-unit network and start state whose synchronous updates cycle forever."""
    title = tr("Exercise 4 (a synchronous 2-cycle)")
    if weights is None or state is None:
        return feedback(title, [tr("not attempted yet: set `weights` and `state`")])
    try:
        network = hf.HopfieldNetwork(weights)
        synchronous = network.recall(state, mode="synchronous", max_sweeps=10)
    except (TypeError, ValueError) as error:
        return feedback(title, [tr("not a valid Hopfield network and state: {error}", error=error)])
    problems = []
    if network.num_units != 2:
        problems.append(tr("use two units, got {num_units}.", num_units=network.num_units))
    if synchronous.stop_reason != "cycle":
        problems.append(
            tr(
                "synchronous updates from {state} reach {stop_reason}, not a cycle: try a "
                "negative weight between the two units and a start state where both agree.",
                state=np.asarray(state).tolist(),
                stop_reason=tr(STOP_REASONS.get(synchronous.stop_reason, "a step limit")),
            )
        )
    return feedback(title, problems)
