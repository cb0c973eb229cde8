"""Numerical gradient checking by central differences.

For every entry p of a parameter, the five-point central difference

    dL/dp ~ (-L(p + 2e) + 8 L(p + e) - 8 L(p - e) + L(p - 2e)) / (12 e)

has a truncation error of order e^4, so a fairly large step (e = 1e-4) can be used,
which keeps floating-point round-off small (the two-point formula, error e^2, needs a
step so small that round-off dominates at about 1e-6 relative error). The analytic gradient from a backward pass is compared
entry by entry with the relative error

    |analytic - numeric| / max(|analytic| + |numeric|, floor)

where the floor (1e-5) keeps entries whose true gradient is ~0 from dividing
round-off by zero. In float64 a correct backward gives errors around 1e-8 or below;
1e-3 or more means a bug.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ._checks import check_float_array, check_module, check_positive_float
from .module import Module

__all__ = ["numerical_gradient", "relative_error", "gradcheck"]


def _check_callable(f, name: str):
    if not callable(f):
        raise TypeError(
            f"{name}: expected a function of no arguments returning the loss, got {f!r:.60}"
        )


def numerical_gradient(f: Callable[[], float], array: np.ndarray, eps: float = 1e-4) -> np.ndarray:
    """Five-point central-difference gradient of ``f()`` with respect to ``array``
    (each entry perturbed in place and restored)."""
    _check_callable(f, "f")
    eps = check_positive_float(eps, "eps")
    if not isinstance(array, np.ndarray):
        raise TypeError(
            f"array: expected a numpy array to perturb in place, got {type(array).__name__}"
        )
    if array.dtype != np.float64:
        raise TypeError(f"array: expected float64 for a gradient check, got {array.dtype}")
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        original = array[index]
        values = []
        for step in (2.0, 1.0, -1.0, -2.0):
            array[index] = original + step * eps
            values.append(f())
        array[index] = original
        grad[index] = (-values[0] + 8.0 * values[1] - 8.0 * values[2] + values[3]) / (12.0 * eps)
    return grad


def relative_error(analytic, numeric, floor: float = 1e-5) -> float:
    """Largest entrywise relative error between two gradients of the same shape."""
    analytic = check_float_array(analytic, "analytic", finite=False)
    numeric = check_float_array(numeric, "numeric", finite=False)
    floor = check_positive_float(floor, "floor")
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
    eps: float = 1e-4,
) -> dict[str, float]:
    """Check every parameter gradient of ``module`` (and optional input gradients).

    ``loss_fn()`` runs forward *and* backward (adding into ``module.grads``) and returns
    the scalar loss. ``inputs`` maps a name to ``(array, analytic_grad)`` where
    ``analytic_grad()`` returns the input gradient of the last ``loss_fn()`` call.
    Returns ``{name: max relative error}``.
    """
    check_module(module)
    _check_callable(loss_fn, "loss_fn")
    eps = check_positive_float(eps, "eps")
    if inputs is not None and not isinstance(inputs, Mapping):
        raise TypeError(
            f"inputs: expected a dict name -> (array, grad_fn) or None, got {type(inputs).__name__}"
        )
    for name, entry in (inputs or {}).items():
        if not (isinstance(entry, tuple) and len(entry) == 2 and callable(entry[1])):
            raise TypeError(
                f"inputs[{name!r}]: expected a pair (array, grad_fn), got {entry!r:.60}"
            )
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
