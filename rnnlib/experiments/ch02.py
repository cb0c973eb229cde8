"""Chapter 2's regression experiment: an RNN predicts the next value of a sine wave.

Each sequence is ``sin(STEP * t + phase)`` with a random phase. From the current value
alone the best guess is ``x_t cos(STEP)`` (MSE ``sin²(STEP) / 2 ≈ 0.044``); an RNN can
read from its hidden state whether the wave goes up or down and do much better.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from .. import losses, optim
from .._checks import as_generator
from ..models import SequenceModel
from ..train import fit

STEP = 0.3


def sine_batch(rng, n=32, steps=30):
    """n waves with random phases, time-major: inputs (T, n, 1) and next values (T, n, 1)."""
    phase = rng.uniform(0, 2 * np.pi, size=n)
    wave = np.sin(np.arange(steps + 1)[:, None] * STEP + phase)[..., None]
    return wave[:-1], wave[1:]


@dataclass
class SineRegression:
    """What :func:`sine_regression` returns: the trained model, unseen waves and errors.

    inputs, targets, predictions: ``(30, 32, 1)``; the errors skip the first ``skip``
    steps, where the RNN has not yet seen which way the wave goes.
    """

    model: SequenceModel
    inputs: np.ndarray
    targets: np.ndarray
    predictions: np.ndarray
    mse_rnn: float
    mae_rnn: float
    mse_memoryless: float


def sine_regression(rng=0, *, test_rng=None, skip=5) -> SineRegression:
    """Train a vanilla RNN (8 hidden units) on sine waves; score it on unseen waves.

    ``rng`` (a seed or a Generator) gives the initial weights and the training waves (a
    fresh batch of 32 at each of 200 Adam steps, lr 0.02, MSE loss); ``test_rng`` the 32
    unseen test waves (default: seed ``100 + rng`` for an int ``rng``, else ``rng``). Returns a :class:`SineRegression` whose
    ``mse_memoryless`` is the error of the best guess from ``x_t`` alone,
    ``x_t cos(STEP)``.
    """
    data_rng = as_generator(rng)
    model = SequenceModel("rnn", hidden_size=8, input_size=1, output_size=1, rng=rng)
    fit(
        model,
        optim.Adam(model, lr=0.02),
        lambda: [sine_batch(data_rng)],  # a fresh batch of waves at every step
        epochs=200,
        loss="mse",
        progress=False,
    )
    if test_rng is None:
        test_rng = 100 + rng if isinstance(rng, numbers.Integral) else data_rng
    inputs, targets = sine_batch(as_generator(test_rng, "test_rng"))
    predictions = model.predict(inputs)
    mse_rnn, _ = losses.mse(predictions[skip:], targets[skip:])
    mae_rnn, _ = losses.mae(predictions[skip:], targets[skip:])
    mse_memoryless, _ = losses.mse(inputs[skip:] * np.cos(STEP), targets[skip:])
    return SineRegression(model, inputs, targets, predictions, mse_rnn, mae_rnn, mse_memoryless)
