"""Snapshots for "a failing call changes nothing": take one before, compare after.

A snapshot holds deep copies of a Module's parameters and gradients, an optimiser's
state (step count, hyperparameters, moments), a file's bytes, or any other object's
attributes (fitted n-gram counts, a Hopfield network's weights, ...).
"""

import copy
from pathlib import Path

import numpy as np

from rnnlib.module import Module
from rnnlib.optim import Optimizer


def snapshot(thing):
    if isinstance(thing, Module):
        return {name: (p.copy(), g.copy()) for name, p, g in thing.named_parameters()}
    if isinstance(thing, Optimizer):  # steps, hyperparameters and moments, not the module
        return copy.deepcopy({k: v for k, v in vars(thing).items() if k != "module"})
    if isinstance(thing, Path):
        return thing.read_bytes() if thing.exists() else None
    return copy.deepcopy(vars(thing))


def same(a, b) -> bool:
    """Exact equality of nested dicts/lists/tuples/arrays (dtype included, NaN == NaN)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and a.shape == b.shape
            and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
        )
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return (
            type(a) is type(b)
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, np.random.Generator):
        return a.bit_generator.state == b.bit_generator.state
    if hasattr(a, "__dict__") and not isinstance(a, type):
        return type(a) is type(b) and same(vars(a), vars(b))
    return a == b


def assert_unchanged(before: dict, things: dict) -> None:
    """``before``: ``{name: snapshot(thing)}`` taken earlier; ``things``: ``{name: thing}``."""
    changed = [name for name, thing in things.items() if not same(before[name], snapshot(thing))]
    assert not changed, f"the failing call changed {changed}"
