"""Generated long-memory tasks (Hochreiter & Schmidhuber 1997), time-major.

* Adding problem: each step carries a random value in [0, 1) and a marker; exactly two
  steps are marked, one in the first half and one in the second half; the target is the
  sum of the two marked values. Always predicting the mean target 1 gives MSE = 1/6 (the
  variance of a sum of two uniforms), the trivial baseline a model must beat.
* Copy task: a sequence of ``num_symbols`` random symbols, then ``delay`` blank steps,
  then a "go" marker; the model must output the symbols again, in order, after the
  marker. Predicting blanks (and at best a random symbol) is the baseline.
* Remember the sign: one step carries a clue, +1 or -1, on input 0; every step carries
  noise on input 1; the target after the last step is the clue's sign (class 1 for +1).
  Guessing scores 50%.
"""

from __future__ import annotations

import numpy as np

from .._checks import as_generator, check_positive_int

__all__ = ["adding_problem", "ADDING_BASELINE_MSE", "copy_task", "remember_the_sign"]

#: MSE of always predicting 1 on the adding problem: Var(U1 + U2) = 2/12.
ADDING_BASELINE_MSE = 1.0 / 6.0


def adding_problem(n: int, length: int, *, rng):
    """Return ``inputs (length, n, 2)`` and ``targets (n, 1)``.

    ``inputs[..., 0]`` are the values, ``inputs[..., 1]`` the markers (two 1s per
    sequence: one in ``[0, length/2)``, one in ``[length/2, length)``).
    """
    n = check_positive_int(n, "n")
    length = check_positive_int(length, "length", minimum=2)
    rng = as_generator(rng)
    values = rng.random((length, n))
    half = length // 2
    first = rng.integers(0, half, size=n)
    second = rng.integers(half, length, size=n)
    markers = np.zeros((length, n))
    columns = np.arange(n)
    markers[first, columns] = 1.0
    markers[second, columns] = 1.0
    targets = (values[first, columns] + values[second, columns])[:, None]
    return np.stack([values, markers], axis=-1), targets


def copy_task(n: int, delay: int, *, rng, num_symbols: int = 5, alphabet: int = 4):
    """Return ``inputs (T, n)`` token ids, ``targets (T, n)`` ids and ``mask (T, n)``.

    Tokens: ``0`` blank, ``1`` go marker, ``2 .. alphabet+1`` symbols (vocabulary size
    ``alphabet + 2``). ``T = num_symbols + delay + 1 + num_symbols``. The target is
    blank everywhere except the last ``num_symbols`` steps, where it is the symbols in
    order; ``mask`` is 1 on those steps (score the recall only) and 0 elsewhere.
    """
    n = check_positive_int(n, "n")
    delay = check_positive_int(delay, "delay", minimum=0)
    num_symbols = check_positive_int(num_symbols, "num_symbols")
    alphabet = check_positive_int(alphabet, "alphabet", minimum=2)
    rng = as_generator(rng)
    steps = 2 * num_symbols + delay + 1
    symbols = rng.integers(2, alphabet + 2, size=(num_symbols, n))
    inputs = np.zeros((steps, n), dtype=np.int64)
    inputs[:num_symbols] = symbols
    inputs[num_symbols + delay] = 1
    targets = np.zeros((steps, n), dtype=np.int64)
    targets[-num_symbols:] = symbols
    mask = np.zeros((steps, n))
    mask[-num_symbols:] = 1.0
    return inputs, targets, mask


def remember_the_sign(n: int, length: int, *, rng, positions=None, noise: float = 1.0):
    """Return ``inputs (length, n, 2)`` and ``targets (n,)`` class ids (0: -1, 1: +1).

    Sequence ``b`` has its clue ``inputs[p_b, b, 0] = ±1`` at a step ``p_b`` drawn from
    ``positions`` (default: step 0 only, ``length - 1`` steps before the answer) and
    zeros elsewhere on input 0; ``inputs[:, b, 1]`` is Normal(0, ``noise``²) noise.
    """
    n = check_positive_int(n, "n")
    length = check_positive_int(length, "length")
    rng = as_generator(rng)
    positions = np.array([0] if positions is None else positions)
    if positions.ndim != 1 or positions.size == 0 or positions.min() < 0:
        raise ValueError(f"positions: expected steps in [0, {length}), got {positions.tolist()}")
    if positions.max() >= length:
        raise ValueError(f"positions: expected steps in [0, {length}), got {positions.tolist()}")
    targets = rng.integers(0, 2, size=n)
    inputs = np.zeros((length, n, 2))
    inputs[rng.choice(positions, size=n), np.arange(n), 0] = 2.0 * targets - 1.0
    inputs[:, :, 1] = noise * rng.standard_normal((length, n))
    return inputs, targets
