"""Input validation shared by every public rnnlib function.

Each check raises ``ValueError`` or ``TypeError`` with a message that names the
argument, says what was expected and what was received, e.g.::

    inputs: expected a float array with 3 dimensions (T, B, D), got shape (5, 3)

Checks run once at a public entry point (never inside a time loop).
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np

from .module import Module

__all__ = [
    "as_generator",
    "check_float_array",
    "check_index_array",
    "check_mask",
    "check_positive_int",
    "check_real",
    "check_positive_float",
    "check_nonnegative_float",
    "check_fraction",
    "check_choice",
    "check_bool",
    "check_float_dtype",
    "check_module",
    "check_gradient",
]

#: The float dtypes rnnlib computes in: float64 (gradient checks) and float32.
FLOAT_DTYPES = (np.dtype(np.float64), np.dtype(np.float32))


def _describe(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype} and shape {value.shape}"
    return f"{type(value).__name__} {value!r}"[:120]


def _check_ndim(array: np.ndarray, name: str, ndim, axes: str | None) -> None:
    if ndim is None:
        return
    allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    if array.ndim not in allowed:
        dims = " or ".join(str(d) for d in allowed)
        hint = f" {axes}" if axes else ""
        raise ValueError(
            f"{name}: expected an array with {dims} dimensions{hint}, got shape {array.shape}"
        )


def as_generator(rng, name: str = "rng") -> np.random.Generator:
    """Return a ``numpy.random.Generator`` from a Generator or an integer seed.

    rnnlib never touches numpy's global random state: every function that draws
    random numbers takes ``rng=`` explicitly.
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        if rng < 0:
            raise ValueError(f"{name}: expected a non-negative integer seed, got {rng}")
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"{name}: expected a numpy.random.Generator or an integer seed, got {_describe(rng)}"
    )


def check_float_array(
    value,
    name: str,
    *,
    ndim: int | Sequence[int] | None = None,
    axes: str | None = None,
    shape: dict[int, int] | None = None,
    dtype=None,
    finite: bool = True,
) -> np.ndarray:
    """Validate a real-valued array and return it as a float ndarray.

    ``ndim``: allowed number(s) of dimensions; ``axes``: a description such as
    ``"(T, B, D)"`` used in the message; ``shape``: ``{axis: size}`` sizes that
    must match exactly; ``dtype``: the float dtype to convert to (default: keep
    float32/float64, convert integers and bools to float64).
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name}: expected a float array, got {_describe(value)}")
    array = np.asarray(value)
    if array.dtype.kind not in "fiub":
        raise TypeError(f"{name}: expected a real-valued array, got dtype {array.dtype}")
    if dtype is not None:
        array = array.astype(dtype, copy=False)
    elif array.dtype.kind != "f":
        array = array.astype(np.float64)
    _check_ndim(array, name, ndim, axes)
    for axis, size in (shape or {}).items():
        if not -array.ndim <= axis < array.ndim or array.shape[axis] != size:
            hint = f" {axes}" if axes else ""
            raise ValueError(
                f"{name}: expected size {size} on axis {axis}{hint}, got shape {array.shape}"
            )
    if finite and not np.all(np.isfinite(array)):
        bad = int(np.size(array) - np.count_nonzero(np.isfinite(array)))
        raise ValueError(f"{name}: expected finite values, got {bad} NaN or infinite entries")
    return array


def check_gradient(value, name: str, shape: tuple, dtype, axes: str = "") -> np.ndarray:
    """A gradient arriving from above: finite floats of exactly ``shape`` (the shape of
    the forward output it belongs to), converted to ``dtype``."""
    array = check_float_array(value, name, dtype=dtype)
    if array.shape != tuple(shape):
        hint = f" {axes}" if axes else ""
        raise ValueError(
            f"{name}: expected shape {tuple(shape)}{hint} like the forward output, "
            f"got shape {array.shape}"
        )
    return array


def check_index_array(value, name: str, *, size: int, ndim=None, axes: str | None = None):
    """Validate an integer array of indices in ``[0, size)`` and return it as int64."""
    array = np.asarray(value)
    if array.dtype.kind not in "iu":
        raise TypeError(
            f"{name}: expected an integer array of indices in [0, {size}), got dtype {array.dtype}"
        )
    _check_ndim(array, name, ndim, axes)
    if array.size:
        low, high = int(array.min()), int(array.max())
        if low < 0 or high >= size:
            culprit = low if low < 0 else high
            raise ValueError(f"{name}: expected indices in [0, {size}), got {culprit}")
    return array.astype(np.int64, copy=False)


def check_mask(mask, name: str, shape: tuple[int, ...], dtype=np.float64) -> np.ndarray | None:
    """Validate a 0/1 (or boolean) mask of an exact shape; return it as ``dtype``, or None.

    Give the dtype of the layer the mask goes into, so that gradients keep that dtype.
    """
    if mask is None:
        return None
    if isinstance(mask, (str, bytes)):
        raise TypeError(f"{name}: expected a boolean or 0/1 array, got {_describe(mask)}")
    array = np.asarray(mask)
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name}: expected a boolean or 0/1 array, got dtype {array.dtype}")
    if array.shape != tuple(shape):
        raise ValueError(f"{name}: expected shape {tuple(shape)}, got shape {array.shape}")
    bad = ~((array == 0) | (array == 1))
    if np.any(bad):
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise ValueError(
            f"{name}: expected only 0/1 (or False/True) values, got {array[where].item()!r} at "
            f"index {where} ({int(bad.sum())} such entries)"
        )
    return array.astype(dtype)


def check_bool(value, name: str) -> bool:
    """``True`` or ``False`` (numpy booleans too); no truthy strings or numbers."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected True or False, got {_describe(value)}")
    return bool(value)


def check_float_dtype(dtype, name: str = "dtype") -> np.dtype:
    """One of :data:`FLOAT_DTYPES` (float64 or float32), as a ``numpy.dtype``."""
    try:
        resolved = np.dtype(dtype)
    except TypeError:
        resolved = None
    if resolved is None or resolved not in FLOAT_DTYPES:
        given = _describe(dtype) if resolved is None else f"dtype {resolved}"
        raise TypeError(f"{name}: expected float32 or float64, got {given}")
    return resolved


def check_module(value, name: str = "module"):
    """An rnnlib ``Module`` (anything with parameters)."""
    if not isinstance(value, Module):
        raise TypeError(f"{name}: expected an rnnlib Module, got {_describe(value)}")
    return value


def check_positive_int(value, name: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name}: expected an integer >= {minimum}, got {_describe(value)}")
    if value < minimum:
        raise ValueError(f"{name}: expected an integer >= {minimum}, got {value}")
    return int(value)


def _check_real(value, name: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected {what}, got {_describe(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name}: expected {what}, got {value}")
    return value


def check_real(value, name: str) -> float:
    """Any finite real number."""
    return _check_real(value, name, "a finite number")


def check_positive_float(value, name: str) -> float:
    value = _check_real(value, name, "a positive number")
    if value <= 0:
        raise ValueError(f"{name}: expected a positive number, got {value}")
    return value


def check_nonnegative_float(value, name: str) -> float:
    value = _check_real(value, name, "a number >= 0")
    if value < 0:
        raise ValueError(f"{name}: expected a number >= 0, got {value}")
    return value


def check_fraction(value, name: str, *, inclusive_high: bool = False) -> float:
    """A number in [0, 1) (or [0, 1] with ``inclusive_high``)."""
    interval = "[0, 1]" if inclusive_high else "[0, 1)"
    value = _check_real(value, name, f"a number in {interval}")
    if value < 0 or value > 1 or (value == 1 and not inclusive_high):
        raise ValueError(f"{name}: expected a number in {interval}, got {value}")
    return value


def check_choice(value, name: str, choices: Sequence[str]) -> str:
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name}: expected one of {options}, got {value!r}")
    return value
