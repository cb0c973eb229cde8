"""Recurrent cells: one time step of a vanilla RNN, an LSTM and a GRU.

Each cell implements the step as a pair of methods side by side:

* ``step(t, xproj_t, state, buffers)`` - the forward equations for step ``t``, given the
  input projection ``xproj_t = x_t W_xh^T + b`` (computed for all steps at once by
  :meth:`Cell.project_inputs`) and the previous state; writes every value the backward
  pass needs into ``buffers[...][t]`` and returns the new state (views of the buffers).
* ``step_backward(t, dstate, state_prev, buffers, dxproj, dhproj)`` - given dL/d(state_t),
  writes dL/d(xproj_t) into ``dxproj[t]`` and dL/d(h_{t-1} W_hh^T) into ``dhproj[t]``, and
  returns dL/d(state_{t-1}).
* ``accumulate_grads(x, hidden_prev, dxproj, dhproj)`` - the weight gradients of all steps
  in a few matrix products (dW_xh = dxproj^T x, dW_hh = dhproj^T h_prev, db = sum dxproj),
  returning dL/dx.

``forward(x, state)`` / ``backward(dstate, cache)`` run a single step through the same
methods. Parameter matrices have the shapes of the equations, gate blocks stacked in the
order of the mainstream frameworks so weights carry over. States are tuples:
``(hidden,)`` or ``(hidden, cell_state)``.
"""

from __future__ import annotations

import numpy as np

from ._checks import (
    as_generator,
    check_choice,
    check_float_array,
    check_float_dtype,
    check_positive_int,
    check_real,
)
from .functional import sigmoid
from .layers import init_uniform
from .module import Module

__all__ = ["Cell", "RNNCell", "LSTMCell", "GRUCell", "CELL_TYPES", "register_cell"]


class Cell(Module):
    """Common parts of the cells: parameters ``W_xh (G*H, D)``, ``W_hh (G*H, H)``, ``b (G*H,)``."""

    num_blocks = 1
    state_names: tuple[str, ...] = ("hidden",)
    gate_names: tuple[str, ...] = ()
    sigmoid_gates: tuple[str, ...] = ()

    def __init__(self, input_size: int, hidden_size: int, *, rng, dtype=np.float64):
        super().__init__()
        self.input_size = check_positive_int(input_size, "input_size")
        self.hidden_size = check_positive_int(hidden_size, "hidden_size")
        dtype = check_float_dtype(dtype)
        rng = as_generator(rng)
        rows = self.num_blocks * hidden_size
        self.add_param("W_xh", init_uniform(rng, (rows, input_size), hidden_size, dtype))
        self.add_param("W_hh", init_uniform(rng, (rows, hidden_size), hidden_size, dtype))
        self.add_param("b", init_uniform(rng, (rows,), hidden_size, dtype))

    # ----- shared plumbing -------------------------------------------------------------
    def zero_state(self, batch_size: int) -> tuple[np.ndarray, ...]:
        shape = (check_positive_int(batch_size, "batch_size"), self.hidden_size)
        return tuple(np.zeros(shape, dtype=self.dtype) for _ in self.state_names)

    def check_state(self, state, batch_size: int, name: str = "state") -> tuple[np.ndarray, ...]:
        """Accept ``None`` (zeros), a single array (one-part states) or a tuple of arrays."""
        if state is None:
            return self.zero_state(batch_size)
        if isinstance(state, np.ndarray) and len(self.state_names) == 1:
            state = (state,)
        if not isinstance(state, (tuple, list)) or len(state) != len(self.state_names):
            raise ValueError(
                f"{name}: expected a tuple ({', '.join(self.state_names)}) of arrays "
                f"(B={batch_size}, H={self.hidden_size}), got {type(state).__name__}"
            )
        return tuple(
            check_float_array(
                part,
                f"{name}[{i}] ({part_name})",
                ndim=2,
                axes="(B, H)",
                shape={0: batch_size, 1: self.hidden_size},
                dtype=self.dtype,
            )
            for i, (part, part_name) in enumerate(zip(state, self.state_names, strict=True))
        )

    def project_inputs(self, x_flat: np.ndarray) -> np.ndarray:
        """``x (N, D) -> x W_xh^T + b (N, G*H)``: one matrix product for all time steps."""
        projection = x_flat @ self.params["W_xh"].T
        projection += self.params["b"]
        return projection

    def allocate(self, steps: int, batch_size: int) -> dict[str, np.ndarray]:
        """Buffers the forward pass fills, one slice per step (and per-pass constants)."""
        shape = (steps, batch_size, self.hidden_size)
        return {"hidden": np.empty(shape, dtype=self.dtype)}

    def prepare_backward(self, buffers: dict[str, np.ndarray]) -> None:
        """Before the backward loop: compute, for all steps at once, the activation
        derivatives that do not depend on the incoming gradient (stored in ``buffers``)."""

    def allocate_grads(self, steps: int, batch_size: int) -> tuple[np.ndarray, np.ndarray]:
        """``(dxproj, dhproj)`` buffers; the same array when both sides see the same gradient."""
        dxproj = np.empty((steps, batch_size, self.num_blocks * self.hidden_size), self.dtype)
        return dxproj, dxproj

    def gate_views(self, buffers: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {}

    def accumulate_grads(self, x_flat, hidden_prev_flat, dxproj_flat, dhproj_flat):
        """Add the weight gradients of all steps at once; return dL/dx ``(N, D)``."""
        self.grads["W_xh"] += dxproj_flat.T @ x_flat
        self.grads["W_hh"] += dhproj_flat.T @ hidden_prev_flat
        self.grads["b"] += dxproj_flat.sum(axis=0)
        return dxproj_flat @ self.params["W_xh"]

    # ----- one step on its own -------------------------------------------------------------
    def forward(self, x, state=None):
        """One step. x: ``(B, D)``; state: tuple of ``(B, H)`` or None for zeros.

        Returns ``(new_state, cache)``; the cache holds x, the previous state and the
        step's buffers.
        """
        x = check_float_array(
            x, "x", ndim=2, axes="(B, D)", shape={1: self.input_size}, dtype=self.dtype
        )
        state = self.check_state(state, x.shape[0])
        buffers = self.allocate(1, x.shape[0])
        new_state = self.step(0, self.project_inputs(x), state, buffers)
        return new_state, (x, state, buffers)

    def backward(self, dstate, cache):
        """One step back: dstate (tuple like the state) -> ``(dx (B, D), dstate_prev)``."""
        x, state, buffers = cache
        dstate = self.check_state(dstate, x.shape[0], "dstate")
        dxproj, dhproj = self.allocate_grads(1, x.shape[0])
        self.prepare_backward(buffers)
        dstate_prev = self.step_backward(0, dstate, state, buffers, dxproj, dhproj)
        dx = self.accumulate_grads(x, state[0], dxproj[0], dhproj[0])
        return dx, dstate_prev


class RNNCell(Cell):
    """Vanilla (Elman) RNN: ``h_t = f(x_t W_xh^T + h_{t-1} W_hh^T + b)``, f = tanh or relu."""

    def __init__(self, input_size, hidden_size, *, rng, activation="tanh", dtype=np.float64):
        self.activation = check_choice(activation, "activation", ("tanh", "relu"))
        super().__init__(input_size, hidden_size, rng=rng, dtype=dtype)

    def step(self, t, xproj_t, state, buffers):
        (hidden_prev,) = state
        hidden = buffers["hidden"][t]
        np.matmul(hidden_prev, self.params["W_hh"].T, out=hidden)
        hidden += xproj_t
        if self.activation == "tanh":
            np.tanh(hidden, out=hidden)
        else:
            np.maximum(hidden, 0.0, out=hidden)
        return (hidden,)

    def prepare_backward(self, buffers):
        hidden = buffers["hidden"]
        if self.activation == "tanh":  # tanh'(a) = 1 - h^2
            buffers["slope"] = 1.0 - hidden * hidden
        else:  # relu'(a) = 1 where h > 0
            buffers["slope"] = (hidden > 0).astype(self.dtype)

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        (dhidden,) = dstate
        dpre = np.multiply(dhidden, buffers["slope"][t], out=dxproj[t])
        return (dpre @ self.params["W_hh"],)


class LSTMCell(Cell):
    """Long short-term memory (Hochreiter & Schmidhuber 1997), gates i, f, g, o::

        [i, f, g, o] = [sigmoid, sigmoid, tanh, sigmoid](x W_xh^T + h_{t-1} W_hh^T + b)
        c_t = f * c_{t-1} + i * g          (cell state, 장기 기억)
        h_t = o * tanh(c_t)                 (hidden state, 은닉 상태)

    ``forget_bias`` is added to the forget-gate block of ``b`` at initialisation
    (1.0 keeps the gate open early in training; 0.0 is the plain uniform initialisation).
    Buffers: gate values ``(T, B, 4H)``, cell state and tanh(cell state) ``(T, B, H)``.
    """

    num_blocks = 4
    state_names = ("hidden", "cell_state")
    gate_names = ("input_gate", "forget_gate", "candidate", "output_gate")
    sigmoid_gates = ("input_gate", "forget_gate", "output_gate")

    def __init__(self, input_size, hidden_size, *, rng, forget_bias=1.0, dtype=np.float64):
        super().__init__(input_size, hidden_size, rng=rng, dtype=dtype)
        H = self.hidden_size
        self.forget_bias = check_real(forget_bias, "forget_bias")
        self.params["b"][H : 2 * H] += self.forget_bias
        # One tanh serves all four blocks: sigmoid(a) = 0.5 + 0.5 tanh(a / 2). The 1/2 is
        # folded into the input projection and into a scaled copy of W_hh made once per
        # forward pass; after the tanh, scale 0.5 / offset 0.5 on the sigmoid blocks.
        self._scale = np.full(4 * H, 0.5, dtype=self.dtype)
        self._scale[2 * H : 3 * H] = 1.0
        self._offset = 1.0 - self._scale

    def project_inputs(self, x_flat):
        """``(x W_xh^T + b)`` pre-scaled by 1/2 on the sigmoid blocks (see ``step``)."""
        projection = x_flat @ (self.params["W_xh"] * self._scale[:, None]).T
        projection += self.params["b"] * self._scale
        return projection

    def allocate(self, steps, batch_size):
        shape = (steps, batch_size, self.hidden_size)
        return {
            "hidden": np.empty(shape, self.dtype),
            "cell_state": np.empty(shape, self.dtype),
            "tanh_cell": np.empty(shape, self.dtype),
            "gates": np.empty((steps, batch_size, 4 * self.hidden_size), self.dtype),
            "W_hh_scaled": self.params["W_hh"] * self._scale[:, None],
        }

    def prepare_backward(self, buffers):
        gates, H = buffers["gates"], self.hidden_size
        # sigmoid' = s (1 - s) on the i, f, o blocks; tanh' = 1 - g^2 = (1 - g)(1 + g) on g
        slope = 1.0 - gates
        slope[..., : 2 * H] *= gates[..., : 2 * H]
        slope[..., 2 * H : 3 * H] *= 1.0 + gates[..., 2 * H : 3 * H]
        slope[..., 3 * H :] *= gates[..., 3 * H :]
        buffers["gate_slope"] = slope
        tanh_cell = buffers["tanh_cell"]
        buffers["tanh_cell_slope"] = 1.0 - tanh_cell * tanh_cell
        # the total dL/dc_t of each step, filled by step_backward (the Trace records it)
        buffers["grad_cell_state"] = np.empty_like(tanh_cell)

    def gate_views(self, buffers):
        gates, H = buffers["gates"], self.hidden_size
        return {name: gates[..., k * H : (k + 1) * H] for k, name in enumerate(self.gate_names)}

    def step(self, t, xproj_t, state, buffers):
        hidden_prev, cell_prev = state
        H = self.hidden_size
        gates = buffers["gates"][t]
        np.matmul(hidden_prev, buffers["W_hh_scaled"].T, out=gates)
        gates += xproj_t
        np.tanh(gates, out=gates)
        gates *= self._scale
        gates += self._offset
        input_gate, forget_gate = gates[:, :H], gates[:, H : 2 * H]
        candidate, output_gate = gates[:, 2 * H : 3 * H], gates[:, 3 * H :]
        cell = buffers["cell_state"][t]
        np.multiply(forget_gate, cell_prev, out=cell)
        cell += input_gate * candidate
        tanh_cell = np.tanh(cell, out=buffers["tanh_cell"][t])
        hidden = np.multiply(output_gate, tanh_cell, out=buffers["hidden"][t])
        return (hidden, cell)

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        dhidden, dcell = dstate
        _, cell_prev = state_prev
        H = self.hidden_size
        gates, tanh_cell = buffers["gates"][t], buffers["tanh_cell"][t]
        input_gate, forget_gate = gates[:, :H], gates[:, H : 2 * H]
        candidate, output_gate = gates[:, 2 * H : 3 * H], gates[:, 3 * H :]
        # total gradient reaching c_t: from the future (dcell) and through h_t = o tanh(c_t)
        dcell_total = np.multiply(dhidden, output_gate, out=buffers["grad_cell_state"][t])
        dcell_total *= buffers["tanh_cell_slope"][t]
        dcell_total += dcell
        dpre = dxproj[t]
        np.multiply(dcell_total, candidate, out=dpre[:, :H])  # d input_gate
        np.multiply(dcell_total, cell_prev, out=dpre[:, H : 2 * H])  # d forget_gate
        np.multiply(dcell_total, input_gate, out=dpre[:, 2 * H : 3 * H])  # d candidate
        np.multiply(dhidden, tanh_cell, out=dpre[:, 3 * H :])  # d output_gate
        dpre *= buffers["gate_slope"][t]  # through the gates' nonlinearities
        return (dpre @ self.params["W_hh"], dcell_total * forget_gate)


class GRUCell(Cell):
    """Gated recurrent unit (Cho et al. 2014), gates r, z and the new state n::

        r = sigmoid(x W_ir^T + h W_hr^T + b_r)          reset gate
        z = sigmoid(x W_iz^T + h W_hz^T + b_z)          update gate
        n = tanh(x W_in^T + b_n + r * (h W_hn^T + b_hn)) candidate
        h_t = (1 - z) * n + z * h_{t-1}

    ``W_xh = [W_ir; W_iz; W_in]``, ``W_hh = [W_hr; W_hz; W_hn]``, ``b = [b_r; b_z; b_n]``
    plus ``b_hn`` inside the reset product (the layout of the mainstream frameworks).
    Buffers: gate values ``(T, B, 3H)`` and ``h W_hn^T + b_hn`` ``(T, B, H)``.
    """

    num_blocks = 3
    gate_names = ("reset_gate", "update_gate", "candidate")
    sigmoid_gates = ("reset_gate", "update_gate")

    def __init__(self, input_size, hidden_size, *, rng, dtype=np.float64):
        rng = as_generator(rng)
        super().__init__(input_size, hidden_size, rng=rng, dtype=dtype)
        self.add_param("b_hn", init_uniform(rng, (hidden_size,), hidden_size, self.dtype))

    def allocate(self, steps, batch_size):
        shape = (steps, batch_size, self.hidden_size)
        return {
            "hidden": np.empty(shape, self.dtype),
            "hidden_new": np.empty(shape, self.dtype),
            "gates": np.empty((steps, batch_size, 3 * self.hidden_size), self.dtype),
        }

    def allocate_grads(self, steps, batch_size):
        shape = (steps, batch_size, 3 * self.hidden_size)
        return np.empty(shape, self.dtype), np.empty(shape, self.dtype)

    def gate_views(self, buffers):
        gates, H = buffers["gates"], self.hidden_size
        return {name: gates[..., k * H : (k + 1) * H] for k, name in enumerate(self.gate_names)}

    def step(self, t, xproj_t, state, buffers):
        (hidden_prev,) = state
        H = self.hidden_size
        gates = buffers["gates"][t]
        hproj = hidden_prev @ self.params["W_hh"].T
        np.add(xproj_t[:, : 2 * H], hproj[:, : 2 * H], out=gates[:, : 2 * H])
        sigmoid(gates[:, : 2 * H], out=gates[:, : 2 * H])
        reset_gate, update_gate = gates[:, :H], gates[:, H : 2 * H]
        hidden_new = np.add(hproj[:, 2 * H :], self.params["b_hn"], out=buffers["hidden_new"][t])
        candidate = gates[:, 2 * H :]
        np.multiply(reset_gate, hidden_new, out=candidate)
        candidate += xproj_t[:, 2 * H :]
        np.tanh(candidate, out=candidate)
        hidden = buffers["hidden"][t]
        np.subtract(hidden_prev, candidate, out=hidden)
        hidden *= update_gate
        hidden += candidate
        return (hidden,)

    def prepare_backward(self, buffers):
        gates, H = buffers["gates"], self.hidden_size
        # sigmoid' = s (1 - s) on r and z, tanh' = 1 - n^2 = (1 - n)(1 + n) on the candidate
        slope = 1.0 - gates
        slope[..., : 2 * H] *= gates[..., : 2 * H]
        slope[..., 2 * H :] *= 1.0 + gates[..., 2 * H :]
        buffers["gate_slope"] = slope

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        (dhidden,) = dstate
        (hidden_prev,) = state_prev
        H = self.hidden_size
        slope = buffers["gate_slope"][t]
        gates, hidden_new = buffers["gates"][t], buffers["hidden_new"][t]
        reset_gate, update_gate, candidate = gates[:, :H], gates[:, H : 2 * H], gates[:, 2 * H :]
        dx, dh = dxproj[t], dhproj[t]
        # candidate: dn_pre = dh (1 - z) (1 - n^2)
        dn_pre = dx[:, 2 * H :]
        np.multiply(dhidden, 1.0 - update_gate, out=dn_pre)
        dn_pre *= slope[:, 2 * H :]
        # update gate: dz_pre = dh (h_prev - n) z (1 - z)
        dz_pre = dx[:, H : 2 * H]
        np.subtract(hidden_prev, candidate, out=dz_pre)
        dz_pre *= dhidden
        # reset gate: dr_pre = dn_pre (h W_hn + b_hn) r (1 - r)
        dr_pre = dx[:, :H]
        np.multiply(dn_pre, hidden_new, out=dr_pre)
        dx[:, : 2 * H] *= slope[:, : 2 * H]  # through the sigmoids of r and z
        dh[:, : 2 * H] = dx[:, : 2 * H]
        np.multiply(dn_pre, reset_gate, out=dh[:, 2 * H :])
        return (dh @ self.params["W_hh"] + dhidden * update_gate,)

    def accumulate_grads(self, x_flat, hidden_prev_flat, dxproj_flat, dhproj_flat):
        self.grads["b_hn"] += dhproj_flat[:, 2 * self.hidden_size :].sum(axis=0)
        return super().accumulate_grads(x_flat, hidden_prev_flat, dxproj_flat, dhproj_flat)


#: The one registry of cell types: the name a model, an experiment or a widget accepts
#: (``SequenceModel("lstm", ...)``) -> the class. Add a new cell with :func:`register_cell`.
CELL_TYPES: dict[str, type[Cell]] = {}


def register_cell(name: str, cell_class: type[Cell]) -> type[Cell]:
    """Register ``cell_class`` under ``name`` (lower case) and return it."""
    if not isinstance(name, str) or not name.isidentifier() or name != name.lower():
        raise ValueError(f"name: expected a lower-case identifier, got {name!r}")
    if not (isinstance(cell_class, type) and issubclass(cell_class, Cell)):
        raise TypeError(f"cell_class: expected a subclass of rnnlib.cells.Cell, got {cell_class!r}")
    if CELL_TYPES.get(name, cell_class) is not cell_class:
        raise ValueError(f"name: {name!r} is already registered for {CELL_TYPES[name].__name__}")
    CELL_TYPES[name] = cell_class
    return cell_class


register_cell("rnn", RNNCell)
register_cell("lstm", LSTMCell)
register_cell("gru", GRUCell)
