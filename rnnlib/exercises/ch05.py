"""Checks for the exercises of chapter 5, character language models and text generation.

1. :func:`check_temperature_softmax` - ``softmax(z / T)``, stable for large logits;
2. :func:`check_bits_per_char` - the average surprise ``-mean log2 p``;
3. :func:`check_stream_chunk` - the first truncated-BPTT chunk of contiguous streams.

Each check runs the learner's function on fixed inputs, compares it with the reference
and names the most likely mistake. It prints the verdict, returns True or False, and
never raises.
"""

from __future__ import annotations

import numpy as np

from ..data.text import stream_batches
from ..functional import softmax as reference_softmax
from . import call_learner, feedback

__all__ = ["check_temperature_softmax", "check_bits_per_char", "check_stream_chunk"]


def _as_vector(value, size, what):
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None, f"{what}: expected numbers, got {type(value).__name__}"
    if array.shape != (size,):
        return None, f"{what}: expected shape ({size},), got {array.shape}"
    return array, None


# ----- 1. temperature -------------------------------------------------------------------
def check_temperature_softmax(temperature_softmax) -> bool:
    """``temperature_softmax(logits (V,), temperature > 0) -> probabilities (V,)``,
    expected ``softmax(logits / temperature)``."""
    title = "Exercise 3 (softmax with temperature)"
    logits = np.array([2.0, 1.0, 0.0, -1.0])
    problems = []
    for temperature in (1.0, 0.5, 2.0):
        result, problem = call_learner(temperature_softmax, logits.copy(), temperature)
        if problem is None:
            result, problem = _as_vector(result, len(logits), "the result")
        if problem:
            return feedback(title, [problem])
        expected = reference_softmax(logits, temperature=temperature)
        if np.allclose(result, expected, atol=1e-9):
            continue
        if not np.isclose(result.sum(), 1.0):
            problems.append(
                f"at T = {temperature} the probabilities sum to {result.sum():.4f}, not 1: "
                "divide exp(z / T) by its sum over the vocabulary"
            )
        elif np.allclose(
            result, reference_softmax(logits * temperature, temperature=1.0), atol=1e-9
        ):
            problems.append(
                f"at T = {temperature} you multiplied the logits by T: divide them, "
                "so that T < 1 sharpens and T > 1 flattens the distribution"
            )
        elif np.allclose(result, reference_softmax(logits, temperature=1.0), atol=1e-9):
            problems.append(f"at T = {temperature} the temperature had no effect: use z / T")
        else:
            problems.append(
                f"at T = {temperature} expected {np.round(expected, 4)}, got {np.round(result, 4)}"
            )
        break
    if not problems:
        big = np.array([1000.0, 999.0, -1000.0])
        result, problem = call_learner(temperature_softmax, big.copy(), 0.5)
        if problem is None:
            with np.errstate(all="ignore"):
                result, problem = _as_vector(result, 3, "the result for logits [1000, 999, -1000]")
        if problem or not np.allclose(result, reference_softmax(big, temperature=0.5), atol=1e-9):
            problems.append(
                problem
                or "logits [1000, 999, -1000] at T = 0.5 give NaN or wrong values: subtract "
                "the largest logit before exp (it cancels in the ratio and avoids overflow)"
            )
    return feedback(title, problems)


# ----- 2. bits per character --------------------------------------------------------------
def check_bits_per_char(bits_per_char) -> bool:
    """``bits_per_char(p (N,)) -> float``: ``p[t]`` is the probability the model gave to
    the character that really came next; expected ``-mean(log2 p)``."""
    title = "Exercise 1 (bits per character)"
    p = np.array([0.5, 0.25, 0.125, 1.0])
    expected = float(-np.mean(np.log2(p)))  # (1 + 2 + 3 + 0) / 4 = 1.5
    result, problem = call_learner(bits_per_char, p.copy())
    if problem:
        return feedback(title, [problem])
    try:
        value = float(result)
    except (TypeError, ValueError):
        return feedback(title, [f"expected one number, got {type(result).__name__}"])
    problems = []
    if np.isclose(value, expected):
        uniform = np.full(8, 1 / 8)
        again, problem = call_learner(bits_per_char, uniform)
        if problem or not np.isclose(float(again), 3.0):
            problems.append(
                problem or f"a uniform guess among 8 characters should cost 3 bits, got {again}"
            )
    elif np.isclose(value, -expected):
        problems.append("the sign is wrong: log2 p <= 0, so bits = -mean(log2 p) >= 0")
    elif np.isclose(value, expected * np.log(2)):
        problems.append("you used the natural log (nats): use log2, or divide by ln 2")
    elif np.isclose(value, expected * len(p)):
        problems.append("you summed the surprises: take the mean over the characters")
    else:
        problems.append(f"for p = {p.tolist()} expected {expected:.3f} bits, got {value:.3f}")
    return feedback(title, problems)


# ----- 3. contiguous streams for truncated BPTT -------------------------------------------
STREAM_EXAMPLE = np.arange(13)  # ids 0 .. 12: easy to read off


def check_stream_chunk(first_chunk) -> bool:
    """``first_chunk(ids (N,), batch_size, steps) -> (inputs, targets)`` both
    ``(steps, batch_size)``: row ``b`` reads stream ``b`` = ``ids[b L : (b + 1) L + 1]``
    with ``L = (N - 1) // batch_size``; targets are the inputs shifted by one."""
    title = "Exercise 2 (the first chunk of contiguous streams)"
    batch_size, steps = 3, 2
    (want_inputs, want_targets) = stream_batches(STREAM_EXAMPLE, batch_size, steps)[0]
    result, problem = call_learner(first_chunk, STREAM_EXAMPLE.copy(), batch_size, steps)
    if problem:
        return feedback(title, [problem])
    try:
        inputs, targets = (np.asarray(part) for part in result)
    except (TypeError, ValueError):
        return feedback(title, ["expected a pair (inputs, targets)"])
    problems = []
    if inputs.shape != (steps, batch_size) or targets.shape != (steps, batch_size):
        problems.append(
            f"expected inputs and targets of shape (steps, batch_size) = {(steps, batch_size)}, "
            f"got {inputs.shape} and {targets.shape} (time-major: time first)"
        )
    elif np.array_equal(inputs, STREAM_EXAMPLE[: steps * batch_size].reshape(steps, batch_size)):
        problems.append(
            "your rows interleave the text (row b gets every batch_size-th character), so "
            "no row reads consecutive characters: give each row its own contiguous "
            f"stream, here rows start at ids {want_inputs[0].tolist()}"
        )
    elif not np.array_equal(inputs, want_inputs):
        problems.append(
            f"inputs: expected {want_inputs.tolist()} (column b = stream b), got {inputs.tolist()}"
        )
    elif np.array_equal(targets, inputs):
        problems.append("targets equal the inputs: the target is the *next* character")
    elif not np.array_equal(targets, want_targets):
        problems.append(f"targets: expected {want_targets.tolist()}, got {targets.tolist()}")
    return feedback(title, problems)
