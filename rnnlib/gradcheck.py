"""Numerical gradient checking by central differences.

For every entry p of a parameter, ``dL/dp ~ (L(p + eps) - L(p - eps)) / (2 eps)``,
with an error of order eps^2. The analytic gradient from a backward pass is compared
entry by entry with the relative error

    |analytic - numeric| / max(|analytic| + |numeric|, floor)

where the floor (1e-5) keeps entries whose true gradient is ~0 from dividing
round-off by zero. In float64 a correct backward gives errors around 1e-8 or below;
1e-3 or more means a bug.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from .module import Module

__all__ = ["numerical_gradient", "relative_error", "gradcheck"]


def numerical_gradient(f: Callable[[], float], array: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Central-difference gradient of ``f()`` with respect to ``array`` (perturbed in place
    and restored)."""
    if array.dtype != np.float64:
        raise TypeError(f"array: expected float64 for a gradient check, got {array.dtype}")
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        original = array[index]
        array[index] = original + eps
        plus = f()
        array[index] = original - eps
        minus = f()
        array[index] = original
        grad[index] = (plus - minus) / (2.0 * eps)
    return grad


def relative_error(analytic, numeric, floor: float = 1e-5) -> float:
    """Largest entrywise relative error between two gradients of the same shape."""
    analytic, numeric = np.asarray(analytic), np.asarray(numeric)
    if analytic.shape != numeric.shape:
        raise ValueError(f"numeric: expected shape {analytic.shape}, got {numeric.shape}")
    if analytic.size == 0:
        return 0.0
    scale = np.maximum(np.abs(analytic) + np.abs(numeric), floor)
    return float(np.max(np.abs(analytic - numeric) / scale))


def gradcheck(
    module: Module,
    loss_fn: Callable[[], float],
    inputs: Mapping[str, tuple[np.ndarray, Callable[[], np.ndarray]]] | None = None,
    eps: float = 1e-5,
) -> dict[str, float]:
    """Check every parameter gradient of ``module`` (and optional input gradients).

    ``loss_fn()`` runs forward *and* backward (adding into ``module.grads``) and returns
    the scalar loss. ``inputs`` maps a name to ``(array, analytic_grad)`` where
    ``analytic_grad()`` returns the input gradient of the last ``loss_fn()`` call.
    Returns ``{name: max relative error}``.
    """
    module.zero_grad()
    loss_fn()
    analytic = {name: grad.copy() for name, _, grad in module.named_parameters()}
    analytic_inputs = {name: grad_fn().copy() for name, (_, grad_fn) in (inputs or {}).items()}
    errors = {}
    for name, param, _ in module.named_parameters():
        errors[name] = relative_error(analytic[name], numerical_gradient(loss_fn, param, eps))
    for name, (array, _) in (inputs or {}).items():
        errors[name] = relative_error(
            analytic_inputs[name], numerical_gradient(loss_fn, array, eps)
        )
    module.zero_grad()
    return errors
