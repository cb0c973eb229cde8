"""Activation functions and softmax, numerically stable for inputs of any magnitude.

Each activation has a ``*_grad`` partner that takes the activation's *output* (which the
forward pass has cached anyway) and returns the elementwise derivative:

* ``sigmoid(x) = 1 / (1 + exp(-x))``,   ``sigmoid'(x) = s (1 - s)`` (at most 1/4)
* ``tanh(x)``,                          ``tanh'(x) = 1 - t^2``      (at most 1)
* ``relu(x) = max(x, 0)``,              ``relu'(x) = 1 if x > 0 else 0``
"""

from __future__ import annotations

import numpy as np

from ._checks import check_float_array, check_positive_float

__all__ = [
    "sigmoid",
    "sigmoid_grad",
    "tanh",
    "tanh_grad",
    "relu",
    "relu_grad",
    "softmax",
    "log_softmax",
]


def _real(x, name: str = "x") -> np.ndarray:
    """Any real array; infinities are fine for the activations (they saturate)."""
    return check_float_array(x, name, finite=False)


def _rows(x, axis, name: str = "x") -> np.ndarray:
    """A real array with a non-empty ``axis`` to normalise over (no NaN, no +inf)."""
    x = _real(x, name)
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"axis: expected an integer axis, got {type(axis).__name__} {axis!r}")
    if not -x.ndim <= axis < max(x.ndim, 1) or x.ndim == 0:
        raise ValueError(f"axis: expected an axis of an array of shape {x.shape}, got {axis}")
    if x.shape[axis] == 0:
        raise ValueError(
            f"{name}: expected at least one entry along axis {axis}, got shape {x.shape}"
        )
    if np.isnan(x).any() or np.isposinf(x).any():
        raise ValueError(
            f"{name}: expected no NaN or +inf entries (-inf is allowed: probability 0)"
        )
    return x


def sigmoid(x, out=None):
    """Logistic sigmoid, computed as ``(1 + tanh(x / 2)) / 2``: no overflow for any x."""
    x = _real(x)
    if out is None:
        out = np.empty(x.shape, dtype=np.result_type(x.dtype, np.float16))
    np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def sigmoid_grad(s):
    """Derivative of the sigmoid from its output ``s``: ``s (1 - s)``."""
    s = _real(s, "s")
    return s * (1.0 - s)


def tanh(x, out=None):
    """``tanh(x)`` elementwise (optionally into ``out``)."""
    return np.tanh(_real(x), out=out)


def tanh_grad(t):
    """Derivative of tanh from its output ``t``: ``1 - t^2``."""
    t = _real(t, "t")
    return 1.0 - t * t


def relu(x, out=None):
    """``max(x, 0)`` elementwise (optionally into ``out``)."""
    return np.maximum(_real(x), 0.0, out=out)


def relu_grad(r):
    """Derivative of ReLU from its output ``r`` (0 where the unit is off)."""
    r = _real(r, "r")
    return (r > 0).astype(r.dtype)


def softmax(x, axis: int = -1, temperature: float = 1.0):
    """``softmax(x / temperature)`` along ``axis``; rows sum to 1.

    Subtracting the row maximum first leaves the result unchanged (it cancels in the
    ratio) and keeps ``exp`` from overflowing. Temperature > 1 flattens the
    distribution, < 1 sharpens it towards the arg-max.
    """
    temperature = check_positive_float(temperature, "temperature")
    z = _rows(x, axis) / temperature
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis: int = -1):
    """``log(softmax(x))`` without forming the softmax: ``z - log(sum(exp(z)))``, z = x - max."""
    z = _rows(x, axis)
    z = z - z.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
