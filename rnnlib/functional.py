"""Activation functions and softmax, numerically stable for inputs of any magnitude.

Each activation has a ``*_grad`` partner that takes the activation's *output* (which the
forward pass has cached anyway) and returns the elementwise derivative:

* ``sigmoid(x) = 1 / (1 + exp(-x))``,   ``sigmoid'(x) = s (1 - s)`` (at most 1/4)
* ``tanh(x)``,                          ``tanh'(x) = 1 - t^2``      (at most 1)
* ``relu(x) = max(x, 0)``,              ``relu'(x) = 1 if x > 0 else 0``
"""

from __future__ import annotations

import numpy as np

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


def sigmoid(x, out=None):
    """Logistic sigmoid, computed as ``(1 + tanh(x / 2)) / 2``: no overflow for any x."""
    if out is None:
        out = np.empty(np.shape(x), dtype=np.result_type(np.asarray(x).dtype, np.float16))
    np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5
    return out


def sigmoid_grad(s):
    """Derivative of the sigmoid from its output ``s``: ``s (1 - s)``."""
    return s * (1.0 - s)


def tanh(x, out=None):
    """``tanh(x)`` elementwise (optionally into ``out``)."""
    return np.tanh(x, out=out)


def tanh_grad(t):
    """Derivative of tanh from its output ``t``: ``1 - t^2``."""
    return 1.0 - t * t


def relu(x, out=None):
    """``max(x, 0)`` elementwise (optionally into ``out``)."""
    return np.maximum(x, 0.0, out=out)


def relu_grad(r):
    """Derivative of ReLU from its output ``r`` (0 where the unit is off)."""
    return (r > 0).astype(r.dtype)


def softmax(x, axis: int = -1, temperature: float = 1.0):
    """``softmax(x / temperature)`` along ``axis``; rows sum to 1.

    Subtracting the row maximum first leaves the result unchanged (it cancels in the
    ratio) and keeps ``exp`` from overflowing. Temperature > 1 flattens the
    distribution, < 1 sharpens it towards the arg-max.
    """
    if not temperature > 0:
        raise ValueError(f"temperature: expected a positive number, got {temperature}")
    z = np.asarray(x) / temperature
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis: int = -1):
    """``log(softmax(x))`` without forming the softmax: ``z - log(sum(exp(z)))``, z = x - max."""
    z = np.asarray(x)
    z = z - z.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
