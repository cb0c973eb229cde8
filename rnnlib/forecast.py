"""Forecasting a series with an RNN, and the baselines it must beat.

* ``windows``: cut a series into (context window -> next value) regression examples,
  time-major for the RNN: ``inputs (context, N, 1)``, ``targets (N, 1)``.
* Baselines: ``persistence`` (tomorrow = today) and a least-squares linear
  autoregression ``LinearAR`` (the next value as a weighted sum of the last p values).
* ``free_run``: multi-step forecasts that feed each prediction back in as the newest
  input (the window slides over its own predictions), for any one-step predictor.
* ``nrmse``: root-mean-square error divided by the standard deviation of the truth
  (1.0 = no better than predicting the mean).
* ``train_forecaster``: a many-to-one RNN trained on windows with MSE (the chapter's
  model, a function so tests can re-train it with other seeds).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._checks import as_generator, check_float_array, check_positive_int
from .losses import mse
from .models import SequenceModel
from .optim import Adam, clip_grad_norm

__all__ = [
    "windows",
    "persistence",
    "LinearAR",
    "free_run",
    "nrmse",
    "nrmse_by_context",
    "train_forecaster",
]


def windows(series, context: int):
    """All windows of ``context`` values and the value after each.

    Returns ``inputs (context, N, 1)`` and ``targets (N, 1)`` with
    ``N = len(series) - context``.
    """
    series = check_float_array(series, "series", ndim=1, axes="(length,)")
    context = check_positive_int(context, "context")
    if len(series) <= context:
        raise ValueError(f"series: expected more than context={context} values, got {len(series)}")
    count = len(series) - context
    index = np.arange(context)[:, None] + np.arange(count)[None, :]
    return series[index][..., None], series[context:, None]


def persistence(inputs):
    """Predict the last value of each window: ``inputs (T, N, 1) -> (N, 1)``."""
    return np.asarray(inputs)[-1]


class LinearAR:
    """``x_t ~ w . (x_{t-p}, ..., x_{t-1}) + c``, fitted by least squares on windows."""

    def __init__(self, order: int):
        self.order = check_positive_int(order, "order")
        self.weights = None

    def fit(self, inputs, targets) -> LinearAR:
        inputs = check_float_array(inputs, "inputs", ndim=3, axes="(T, N, 1)")
        if inputs.shape[0] < self.order:
            raise ValueError(
                f"inputs: expected windows of at least order={self.order} steps, got {inputs.shape[0]}"
            )
        design = self._design(inputs)
        self.weights, *_ = np.linalg.lstsq(design, np.asarray(targets)[:, 0], rcond=None)
        return self

    def _design(self, inputs):
        lags = inputs[-self.order :, :, 0].T  # (N, order), oldest first
        return np.hstack([lags, np.ones((lags.shape[0], 1))])

    def __call__(self, inputs):
        if self.weights is None:
            raise ValueError("LinearAR: call fit(inputs, targets) before predicting")
        return (self._design(np.asarray(inputs)) @ self.weights)[:, None]


def free_run(predict: Callable, inputs, horizon: int) -> np.ndarray:
    """Forecast ``horizon`` steps from each window by feeding predictions back.

    predict: ``(T, N, 1) -> (N, 1)`` one-step predictor. inputs: ``(T, N, 1)``.
    Returns ``(horizon, N)``: row h is the forecast h+1 steps ahead.
    """
    horizon = check_positive_int(horizon, "horizon")
    window = np.array(inputs, dtype=np.float64, copy=True)
    forecasts = np.empty((horizon, window.shape[1]))
    for h in range(horizon):
        nxt = predict(window)
        forecasts[h] = nxt[:, 0]
        window = np.concatenate([window[1:], nxt[None]], axis=0)
    return forecasts


def nrmse(pred, truth) -> float:
    """``sqrt(mean((pred - truth)^2)) / std(truth)``."""
    pred, truth = np.asarray(pred, dtype=np.float64), np.asarray(truth, dtype=np.float64)
    if pred.shape != truth.shape:
        raise ValueError(f"pred: expected shape {truth.shape} like truth, got {pred.shape}")
    return float(np.sqrt(np.mean((pred - truth) ** 2)) / np.std(truth))


def nrmse_by_context(predict: Callable, series, first_target: int, contexts) -> dict[int, float]:
    """One-step NRMSE of ``predict`` when it reads windows of each length in ``contexts``.

    Every context length is scored on the same targets, ``series[first_target:]``: the
    windows of length ``c`` are those of :func:`windows` over ``series[first_target - c:]``.
    ``predict(inputs (c, N, 1)) -> (N, 1)``. Returns ``{c: NRMSE}``.
    """
    series = check_float_array(series, "series", ndim=1, axes="(T,)")
    scores = {}
    for context in contexts:
        context = check_positive_int(context, "contexts")
        if context > first_target:
            raise ValueError(
                f"contexts: expected lengths up to first_target = {first_target}, got {context}"
            )
        inputs, targets = windows(series[first_target - context :], context)
        scores[context] = nrmse(predict(inputs), targets)
    return scores


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
