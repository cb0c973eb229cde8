"""Chapter 8's experiment: a many-to-one RNN trained to forecast the next value of a
series from a window of past values (the notebook and the tests call the same function)."""

from __future__ import annotations

import numpy as np

from .._checks import as_generator, check_float_array, check_positive_int
from ..losses import mse
from ..models import SequenceModel
from ..optim import Adam, clip_grad_norm

__all__ = ["train_forecaster"]


def train_forecaster(
    inputs, targets, *, rng, cell="gru", hidden_size=32, steps=500, batch_size=64, lr=0.01, clip=1.0
):
    """Train a many-to-one RNN on windows with MSE and Adam (the rate drops 3x halfway).

    Returns ``(model, losses)``: the model maps ``(T, N, 1)`` windows to ``(N, 1)``.
    """
    inputs = check_float_array(inputs, "inputs", ndim=3, axes="(T, N, 1)")
    targets = check_float_array(targets, "targets", ndim=2, shape={0: inputs.shape[1]})
    rng = as_generator(rng)
    steps = check_positive_int(steps, "steps")
    model = SequenceModel(
        cell,
        hidden_size=hidden_size,
        output_size=targets.shape[1],
        input_size=inputs.shape[2],
        many_to_one=True,
        rng=rng,
    )
    optimizer = Adam(model, lr=lr)
    losses = []
    for step in range(steps):
        batch = rng.integers(0, inputs.shape[1], size=batch_size)
        outputs, cache = model.forward(inputs[:, batch])
        loss, doutputs = mse(outputs, targets[batch])
        model.zero_grad()
        model.backward(doutputs, cache)
        clip_grad_norm(model, clip)
        optimizer.step()
        losses.append(loss)
        if step == steps // 2:
            optimizer.lr = lr / 3
    return model, np.array(losses)
