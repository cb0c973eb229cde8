"""The base class of everything with parameters.

A Module holds named parameter arrays in ``params`` and gradient arrays of the same
names and shapes in ``grads``. Backward passes *add* into ``grads`` (so gradients from
several time steps or several uses accumulate); call ``zero_grad()`` before each
backward. Optimisers update ``params`` in place, so references stay valid.
Composite modules register their parts as ``children``; names are dotted paths such as
``"layers.0.cell.W_hh"``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

__all__ = ["Module"]


class Module:
    """Something with parameters: ``params`` and ``grads`` (same names and shapes) and
    named ``children``."""

    def __init__(self):
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self.children: dict[str, Module] = {}

    def add_param(self, name: str, value: np.ndarray) -> np.ndarray:
        """Register a float32/float64 parameter array (updated in place) and a zero gradient
        of its shape; return the array."""
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"name: expected an identifier such as 'W_hh', got {name!r}")
        if not isinstance(value, np.ndarray) or value.dtype not in (np.float32, np.float64):
            raise TypeError(
                f"value: expected a float32 or float64 numpy array, got {type(value).__name__}"
                + (f" of dtype {value.dtype}" if isinstance(value, np.ndarray) else "")
            )
        self.params[name] = value
        self.grads[name] = np.zeros_like(value)
        return value

    def add_child(self, name: str, module: Module) -> Module:
        """Register a sub-module under ``name`` (its parameters become ``name.*``); return it."""
        if not isinstance(name, str) or not name:
            raise ValueError(f"name: expected a non-empty string, got {name!r}")
        if not isinstance(module, Module):
            raise TypeError(f"module: expected an rnnlib Module, got {type(module).__name__}")
        self.children[name] = module
        return module

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
        """Yield ``(dotted_name, param, grad)`` for this module and all children.

        A parameter shared by several children (the same cell in both directions of a
        Bidirectional, tied weights) is yielded once, under its first name: its gradient
        already sums every use, so an optimiser must step it once.
        """
        seen = set()
        for name, param, grad in self._every_parameter(prefix):
            if id(param) not in seen:
                seen.add(id(param))
                yield name, param, grad

    def _every_parameter(self, prefix: str):
        for name, value in self.params.items():
            yield prefix + name, value, self.grads[name]
        for child_name, child in self.children.items():
            yield from child._every_parameter(f"{prefix}{child_name}.")

    def zero_grad(self) -> None:
        """Set every gradient of this module and its children to zero (in place)."""
        for _, _, grad in self.named_parameters():
            grad.fill(0.0)

    def num_parameters(self) -> int:
        """The number of trainable numbers (all parameter entries)."""
        return sum(param.size for _, param, _ in self.named_parameters())

    @property
    def dtype(self):
        """The dtype of the parameters (float64 when there are none)."""
        for _, param, _ in self.named_parameters():
            return param.dtype
        return np.dtype(np.float64)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.num_parameters()} parameters)"
