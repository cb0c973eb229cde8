"""Dense and Embedding layers, each a forward/backward pair.

Dense works on any leading shape ``(..., in)``, so the same layer maps a batch
``(B, H)`` or every time step of a sequence ``(T, B, H)`` in one matrix product.
"""

from __future__ import annotations

import numpy as np

from ._checks import (
    as_generator,
    check_float_array,
    check_float_dtype,
    check_gradient,
    check_index_array,
    check_positive_int,
)
from .module import Module

__all__ = ["Dense", "Embedding", "init_uniform"]


def init_uniform(rng, shape, fan_in: int, dtype) -> np.ndarray:
    """Uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)), the mainstream frameworks' default."""
    fan_in = check_positive_int(fan_in, "fan_in")
    bound = 1.0 / np.sqrt(fan_in)
    return rng.uniform(-bound, bound, size=shape).astype(dtype)


def _check_cache(cache, what: str, layer: Module) -> np.ndarray:
    if not isinstance(cache, np.ndarray):
        raise TypeError(
            f"cache: expected the cache from this {type(layer).__name__}'s forward (the array "
            f"{what}), got {type(cache).__name__}"
        )
    return cache


class Dense(Module):
    """``y = x W^T + b``. Parameters ``W (out, in)``, ``b (out,)``."""

    def __init__(self, in_features: int, out_features: int, *, rng, dtype=np.float64):
        super().__init__()
        self.in_features = check_positive_int(in_features, "in_features")
        self.out_features = check_positive_int(out_features, "out_features")
        dtype = check_float_dtype(dtype)
        rng = as_generator(rng)
        self.add_param("W", init_uniform(rng, (out_features, in_features), in_features, dtype))
        self.add_param("b", np.zeros(out_features, dtype=dtype))

    def forward(self, x):
        """x: ``(..., in)`` -> y: ``(..., out)``. The cache holds ``x``."""
        x = check_float_array(
            x, "x", shape={-1: self.in_features}, axes="(..., in_features)", dtype=self.dtype
        )
        return x @ self.params["W"].T + self.params["b"], x

    def backward(self, dy, cache):
        """dy: ``(..., out)`` -> dx ``(..., in)``; adds dL/dW = dy^T x and dL/db = sum dy."""
        x = _check_cache(cache, "x", self)
        dy = check_gradient(dy, "dy", x.shape[:-1] + (self.out_features,), self.dtype)
        flat_dy = dy.reshape(-1, self.out_features)
        self.grads["W"] += flat_dy.T @ x.reshape(-1, self.in_features)
        self.grads["b"] += flat_dy.sum(axis=0)
        return dy @ self.params["W"]


class Embedding(Module):
    """A lookup table: token id ``k`` -> row ``E[k]``. Parameter ``E (vocab_size, dim)``.

    Equivalent to ``one_hot(ids) @ E`` but without building the one-hot vectors.
    """

    def __init__(self, vocab_size: int, dim: int, *, rng, dtype=np.float64):
        super().__init__()
        self.vocab_size = check_positive_int(vocab_size, "vocab_size")
        self.dim = check_positive_int(dim, "dim")
        dtype = check_float_dtype(dtype)
        rng = as_generator(rng)
        self.add_param("E", rng.normal(0.0, 1.0, size=(vocab_size, dim)).astype(dtype))

    def forward(self, ids):
        """ids: integer ``(...)`` -> vectors ``(..., dim)``. The cache holds ``ids``."""
        ids = check_index_array(ids, "ids", size=self.vocab_size)
        return self.params["E"][ids], ids

    def backward(self, dvectors, cache):
        """Scatter-add ``dvectors`` into the rows of dL/dE that were looked up."""
        ids = _check_cache(cache, "ids", self)
        dvectors = check_gradient(dvectors, "dvectors", ids.shape + (self.dim,), self.dtype)
        np.add.at(self.grads["E"], ids.reshape(-1), dvectors.reshape(-1, self.dim))
        return None
