"""Trace: the record of one forward (and backward) pass that plots and widgets read.

A Trace holds, for every time step, the hidden states, the memory kept separately from h
(``cell_state``: the second part of the cell's state, e.g. the LSTM's), the gate
activations by name and, after backward, the total gradient dL/dh_t (and
dL/dc_t) arriving at each step. Arrays are time-major ``(T, B, H)``. Plots and
widgets read a Trace; they never reach into a cell's internals.

The arrays are views of the buffers the forward pass filled (no copies): run another
forward on the same layer and the older Trace keeps its own buffers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ._checks import check_positive_int

__all__ = ["Trace"]


@dataclass
class Trace:
    """The per-step record of one recurrent layer (see the module docstring)."""

    inputs: np.ndarray  #: (T, B, D) what the layer read
    hidden: np.ndarray  #: (T, B, H) hidden state h_t after each step
    cell_state: np.ndarray | None = None  #: (T, B, H) the memory c_t (2nd state part) or None
    gates: dict[str, np.ndarray] = field(default_factory=dict)  #: name -> (T, B, H)
    mask: np.ndarray | None = None  #: (T, B) 1 for real steps, 0 for padding
    grad_hidden: np.ndarray | None = None  #: (T, B, H) total dL/dh_t, after backward
    grad_cell_state: np.ndarray | None = None  #: (T, B, H) total dL/dc_t, after backward
    reversed_time: bool = False  #: True for the backward direction of a Bidirectional
    attention: np.ndarray | None = None  #: (T, B, S) attention weights of a decoder, else None

    @property
    def steps(self) -> int:
        """T, the number of time steps."""
        return self.hidden.shape[0]

    @property
    def batch_size(self) -> int:
        """B, the number of sequences."""
        return self.hidden.shape[1]

    @property
    def hidden_size(self) -> int:
        """H, the number of hidden units."""
        return self.hidden.shape[2]

    def grad_norm(self, which: str = "hidden") -> np.ndarray:
        """Per-step gradient norm ``||dL/dh_t||`` (or ``dL/dc_t``), over batch and units: ``(T,)``."""
        grads = {"hidden": self.grad_hidden, "cell_state": self.grad_cell_state}
        if which not in grads:
            raise ValueError(f"which: expected 'hidden' or 'cell_state', got {which!r}")
        grad = grads[which]
        if grad is None:
            raise ValueError(
                f"which: no gradient recorded for {which!r} (run backward first"
                + (
                    "; only cells whose state has a memory part record one)"
                    if which == "cell_state"
                    else ")"
                )
            )
        return np.sqrt(np.einsum("tbh,tbh->t", grad, grad))

    def sequence(self, b: int) -> Trace:
        """The Trace of sequence ``b`` of the batch alone (batch axis kept, size 1)."""
        b = check_positive_int(b, "b", minimum=0)
        if not b < self.batch_size:
            raise ValueError(f"b: expected an index in [0, {self.batch_size}), got {b}")

        def pick(array):
            return None if array is None else array[:, b : b + 1]

        return replace(
            self,
            inputs=pick(self.inputs),
            hidden=pick(self.hidden),
            cell_state=pick(self.cell_state),
            gates={name: pick(value) for name, value in self.gates.items()},
            mask=pick(self.mask),
            grad_hidden=pick(self.grad_hidden),
            grad_cell_state=pick(self.grad_cell_state),
            attention=pick(self.attention),
        )
