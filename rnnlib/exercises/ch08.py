"""Auto-checks for chapter 8 (time-series forecasting)."""

from __future__ import annotations

import numpy as np

from ..data.series import windows
from ..i18n import tr
from . import call_learner, feedback

__all__ = ["check_windows", "check_ar_fit"]


def check_windows(make_windows) -> bool:
    """``make_windows(series, context) -> (inputs (context, N, 1), targets (N, 1))``."""
    title = tr("Exercise 1 (windows)")
    series = np.arange(10.0)
    result, problem = call_learner(make_windows, series, 3)
    if problem:
        return feedback(title, [problem])
    inputs, targets = (np.asarray(part) for part in result)
    expected_inputs, expected_targets = windows(series, 3)
    problems = []
    if inputs.shape != expected_inputs.shape:
        hint = ""
        if inputs.shape == (expected_inputs.shape[1], expected_inputs.shape[0], 1):
            hint = tr(" - it looks batch-major; rnnlib is time-major: put the window axis first")
        elif inputs.ndim == 2:
            hint = tr(" - add the trailing feature axis of size 1 (inputs[..., None])")
        problems.append(
            tr(
                "inputs should have shape {want} (T, N, 1), got {shape}{hint}",
                want=expected_inputs.shape,
                shape=inputs.shape,
                hint=hint,
            )
        )
    elif not np.array_equal(inputs, expected_inputs):
        problems.append(
            tr(
                "inputs[:, 0, 0] should be the first window [0, 1, 2]: check where each "
                "window starts"
            )
        )
    if targets.shape != expected_targets.shape:
        problems.append(
            tr(
                "targets should have shape {want} (N, 1), got {shape}",
                want=expected_targets.shape,
                shape=targets.shape,
            )
        )
    elif not np.array_equal(targets, expected_targets):
        first = targets[0, 0]
        why = tr(" (that is the window's last value, not the next one)") if first == 2 else ""
        problems.append(
            tr(
                "the first target should be 3, the value right after [0, 1, 2]; got {first}{why}",
                first=first,
                why=why,
            )
        )
    return feedback(title, problems)


def check_ar_fit(fit_ar) -> bool:
    """``fit_ar(series, order) -> (weights (order,), intercept)`` by least squares."""
    title = tr("Exercise 2 (linear autoregression)")
    rng = np.random.default_rng(3)
    true_weights, intercept = np.array([-0.5, 1.2]), 0.3  # oldest lag first
    series = np.zeros(400)
    for t in range(2, len(series)):
        series[t] = true_weights @ series[t - 2 : t] + intercept + 0.1 * rng.normal()
    result, problem = call_learner(fit_ar, series, 2)
    if problem:
        return feedback(title, [problem])
    weights, fitted_intercept = np.asarray(result[0], dtype=float), float(result[1])
    problems = []
    if weights.shape != (2,):
        problems.append(
            tr("weights should have shape (2,), one per lag, got {shape}", shape=weights.shape)
        )
    elif np.allclose(weights[::-1], true_weights, atol=0.1) and not np.allclose(
        weights, true_weights, atol=0.1
    ):
        problems.append(
            tr("the weights are in reverse order: use the oldest lag first, as the windows do")
        )
    elif not np.allclose(weights, true_weights, atol=0.1):
        problems.append(
            tr(
                "weights {weights} are far from the generating ones {true}: did you include "
                "a column of ones for the intercept in the design matrix?",
                weights=np.round(weights, 3),
                true=true_weights,
            )
        )
    if abs(fitted_intercept - intercept) > 0.1:
        problems.append(
            tr(
                "intercept {fitted:.3f} should be close to {intercept}",
                fitted=fitted_intercept,
                intercept=intercept,
            )
        )
    return feedback(title, problems)
