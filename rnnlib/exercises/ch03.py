"""Auto-checks for the exercises of chapter 3 (BPTT, vanishing and exploding gradients).

Each check calls the learner's function on a few cases, compares with the reference and
prints why an answer is wrong (see :func:`rnnlib.exercises.feedback`); it never raises
for a wrong or unfinished answer, and returns True only when every case is right.

1. :func:`check_step_jacobian` - ``step_jacobian(h_t, W_hh) = diag(1 - h_t^2) W_hh``.
2. :func:`check_steps_to_vanish` - the smallest k with ``(gamma sigma)^k <= factor``.
3. :func:`check_clip_by_norm` - global-norm clipping of a list of gradient arrays.
"""

from __future__ import annotations

import math

import numpy as np

from ..functional import sigmoid_grad, tanh_grad
from . import call_learner, explain_array, feedback

__all__ = ["check_step_jacobian", "check_steps_to_vanish", "check_clip_by_norm"]


def check_step_jacobian(step_jacobian) -> bool:
    """Check ``step_jacobian(hidden (H,), W_hh (H, H)) -> (H, H)`` for a tanh RNN step."""
    title = "Exercise 1 (step Jacobian)"
    rng = np.random.default_rng(3)
    size = 5
    hidden = np.tanh(rng.standard_normal(size))
    W_hh = rng.standard_normal((size, size))
    slope = tanh_grad(hidden)
    result, problem = call_learner(step_jacobian, hidden.copy(), W_hh.copy())
    if problem:
        return feedback(title, [problem])
    result = np.asarray(result, dtype=float) if result is not None else None
    if result is None or result.shape != (size, size):
        shape = None if result is None else result.shape
        return feedback(title, [f"expected an (H, H) = ({size}, {size}) array, got shape {shape}."])
    expected = slope[:, None] * W_hh
    known = {
        "it equals W_hh: the tanh derivative 1 - h_t^2 is missing (every step multiplies the "
        "gradient by f'(a_t) as well as by W_hh).": W_hh,
        "it scales the columns of W_hh (W_hh @ diag(...)); the derivative belongs to the "
        "output unit i of row i: diag(1 - h_t^2) @ W_hh.": W_hh * slope[None, :],
        "it uses W_hh transposed; dh_t/dh_{t-1} has entry (i, j) = (1 - h_i^2) W_hh[i, j].": (
            slope[:, None] * W_hh.T
        ),
        "it uses 1 - h_t; the tanh derivative is 1 - tanh(a)^2 = 1 - h_t^2.": (
            (1.0 - hidden)[:, None] * W_hh
        ),
        "it uses h_t (1 - h_t), the *sigmoid* derivative; for tanh it is 1 - h_t^2.": (
            sigmoid_grad(hidden)[:, None] * W_hh
        ),
    }
    return explain_array(
        title,
        result,
        expected,
        known,
        "entries differ from diag(1 - h_t^2) @ W_hh by up to {error:.3g}; "
        "build the diagonal from the hidden state h_t (the output of tanh).",
    )


def _steps_reference(spectral_norm, gamma, factor) -> int | None:
    rate = gamma * spectral_norm
    if rate >= 1:
        return None  # the bound never falls
    k = math.ceil(math.log(factor) / math.log(rate) - 1e-12)
    return max(k, 0)


def check_steps_to_vanish(steps_to_vanish) -> bool:
    """Check ``steps_to_vanish(spectral_norm, gamma, factor) -> int``: the smallest k >= 0
    with ``(gamma * spectral_norm)^k <= factor``, for ``gamma * spectral_norm < 1``."""
    title = "Exercise 2 (steps until the bound vanishes)"
    cases = [(0.9, 1.0, 1e-6), (0.5, 1.0, 1e-6), (0.8, 0.25, 1e-3), (0.99, 1.0, 0.01)]
    problems = []
    for spectral_norm, gamma, factor in cases:
        expected = _steps_reference(spectral_norm, gamma, factor)
        result, problem = call_learner(steps_to_vanish, spectral_norm, gamma, factor)
        if problem:
            return feedback(title, [problem])
        case = f"sigma={spectral_norm}, gamma={gamma}, factor={factor:g}"
        if isinstance(result, bool) or not isinstance(result, (int, np.integer)):
            if isinstance(result, (float, np.floating)) and math.isclose(result, expected):
                problems.append(
                    f"{case}: {result!r} is right but a float; a step count is an "
                    "int (round up with math.ceil)."
                )
                continue
            problems.append(f"{case}: expected an int number of steps, got {result!r}.")
            continue
        if result == expected:
            continue
        if gamma != 1.0 and result == _steps_reference(spectral_norm, 1.0, factor):
            problems.append(
                f"{case}: got {result}, which ignores gamma; the bound per step is "
                "gamma * sigma (for the sigmoid gamma = 1/4)."
            )
        elif result == expected - 1:
            problems.append(
                f"{case}: got {result}, one too few: (gamma sigma)^{result} = "
                f"{(gamma * spectral_norm) ** result:.3g} is still above {factor:g} "
                "(round up, not down)."
            )
        elif result == expected + 1:
            problems.append(
                f"{case}: got {result}, one too many: (gamma sigma)^{expected} = "
                f"{(gamma * spectral_norm) ** expected:.3g} is already <= {factor:g}."
            )
        else:
            problems.append(
                f"{case}: expected {expected}, got {result}; solve "
                "(gamma sigma)^k <= factor for k with logarithms (both logs are "
                "negative, so the inequality flips)."
            )
    return feedback(title, problems)


def check_clip_by_norm(clip_by_norm) -> bool:
    """Check ``clip_by_norm(grads: list of arrays, max_norm) -> list of arrays``: scale all
    arrays by ``min(1, max_norm / global_norm)``, with one global norm over all of them."""
    title = "Exercise 3 (clipping by the global norm)"
    rng = np.random.default_rng(7)
    big = [rng.standard_normal((3, 4)) * 10.0, rng.standard_normal(4) * 0.1]
    small = [rng.standard_normal((3, 4)) * 0.01, rng.standard_normal(4) * 0.01]
    max_norm = 1.0
    problems = []
    for grads, kind in ((big, "a large gradient"), (small, "a small gradient")):
        originals = [g.copy() for g in grads]
        result, problem = call_learner(clip_by_norm, [g.copy() for g in grads], max_norm)
        if problem:
            return feedback(title, [problem])
        if not isinstance(result, (list, tuple)) or len(result) != len(grads):
            return feedback(
                title, [f"expected a list of {len(grads)} arrays, got {type(result).__name__}."]
            )
        result = [np.asarray(r, dtype=float) for r in result]
        if any(r.shape != g.shape for r, g in zip(result, grads, strict=True)):
            return feedback(title, ["each returned array must keep the shape of its gradient."])
        norm = math.sqrt(sum(float(np.sum(g * g)) for g in originals))
        scale = min(1.0, max_norm / norm)
        expected = [g * scale for g in originals]
        if all(np.allclose(r, e) for r, e in zip(result, expected, strict=True)):
            continue
        new_norm = math.sqrt(sum(float(np.sum(r * r)) for r in result))
        per_array = [g * min(1.0, max_norm / np.linalg.norm(g)) for g in originals]
        by_value = [np.clip(g, -max_norm, max_norm) for g in originals]
        if all(np.allclose(r, e) for r, e in zip(result, per_array, strict=True)):
            problems.append(
                f"{kind}: each array was clipped by its own norm; use one global norm "
                "over all arrays, or the update changes direction."
            )
        elif all(np.allclose(r, e) for r, e in zip(result, by_value, strict=True)):
            problems.append(
                f"{kind}: this clips each entry (by value); scale every array by "
                "the same factor min(1, max_norm / global_norm)."
            )
        elif scale == 1.0:
            problems.append(
                f"{kind} (norm {norm:.3g} <= {max_norm}): it must stay unchanged; "
                "clipping only shrinks gradients above the threshold."
            )
        elif new_norm > max_norm * (1 + 1e-9):
            problems.append(
                f"{kind}: the clipped global norm is {new_norm:.3g}, above max_norm = {max_norm}."
            )
        else:
            problems.append(
                f"{kind}: expected every array times {scale:.3g} (same direction, "
                f"global norm {max_norm}); got a different result."
            )
    return feedback(title, problems)
