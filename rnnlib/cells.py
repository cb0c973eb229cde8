"""Recurrent cells: one time step of a vanilla RNN, an LSTM and a GRU, and the contract
every cell keeps so that :class:`rnnlib.recurrent.Recurrent` can unroll it.

The cell contract
-----------------
A cell is a :class:`Cell` subclass. It *declares*:

* ``num_blocks`` G: its parameters are ``W_xh (G*H, D)``, ``W_hh (G*H, H)``, ``b (G*H,)``
  (one block of H rows per gate or candidate), plus any extra parameters of its own;
* ``state_names``: the parts of its state tuple, ``"hidden"`` first; a second part is a
  memory kept separately from h (the LSTM's ``"cell_state"``);
* ``gate_names``: the gate activations it records, each ``(T, B, H)``, in block order;
* ``sigmoid_gates``: those of ``gate_names`` whose values lie in (0, 1) (open/shut).

and *implements* the methods Recurrent calls, in this order:

========================================  ==================================================
``project_inputs(x_flat)``                 ``x W_xh^T + b`` for all steps in one product
``allocate(T, B)``                         the buffers one forward pass fills
``step(t, xproj_t, state, buffers)``       forward equations of step t -> new state
``state_sequences(buffers)``               each state part at every step, ``(T, B, H)``
``gate_sequences(buffers)``                ``{gate name: (T, B, H)}`` for the Trace
``prepare_backward(buffers)``              activation slopes of all steps at once
``allocate_grads(T, B)``                   ``(dxproj, dhproj)`` buffers
``step_backward(t, dstate, ...)``          backward equations of step t -> dstate_{t-1}
``memory_gradient(buffers)``               total dL/d(memory) of every step, or None
``accumulate_grads(x, h_prev, dx, dh)``    weight gradients of all steps -> dL/dx
========================================  ==================================================

The base class implements everything but ``step`` and ``step_backward`` for the common
layout (state parts stored in ``buffers[state_name]``, gates in ``buffers["gates"]``
``(T, B, G*H)``); a cell overrides what differs. Register a new cell type under a name
with :func:`register_cell` and every model, experiment and widget accepts it.
``forward(x, state)`` / ``backward(dstate, cache)`` run one step through the same methods.
Parameter matrices have the shapes of the equations, gate blocks stacked in the order of
the mainstream frameworks so weights carry over.
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
from .trace import Trace

__all__ = ["Cell", "RNNCell", "LSTMCell", "GRUCell", "CELL_TYPES", "register_cell"]


class Cell(Module):
    """Base class of the cells: parameters ``W_xh (G*H, D)``, ``W_hh (G*H, H)``, ``b (G*H,)``
    initialised uniformly in ``[-1/sqrt(H), 1/sqrt(H)]``. See the module docstring for the
    contract a subclass keeps."""

    #: G, the number of H-row blocks in W_xh, W_hh and b
    num_blocks = 1
    #: the parts of the state tuple; "hidden" first, then an optional separate memory
    state_names: tuple[str, ...] = ("hidden",)
    #: the gate activations recorded in the Trace, in block order
    gate_names: tuple[str, ...] = ()
    #: the gates among gate_names whose values are sigmoids in (0, 1)
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

    @property
    def memory_name(self) -> str | None:
        """The name of the state part kept separately from h (``"cell_state"``), or None."""
        return self.state_names[1] if len(self.state_names) > 1 else None

    # ----- states ------------------------------------------------------------------------
    def zero_state(self, batch_size: int) -> tuple[np.ndarray, ...]:
        """The all-zero state: one ``(B, H)`` array per state part."""
        shape = (check_positive_int(batch_size, "batch_size"), self.hidden_size)
        return tuple(np.zeros(shape, dtype=self.dtype) for _ in self.state_names)

    def check_state(self, state, batch_size: int, name: str = "state") -> tuple[np.ndarray, ...]:
        """Accept ``None`` (zeros), a single array (one-part states) or a tuple of arrays
        ``(B, H)``; return the state as a tuple in the cell's dtype."""
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

    # ----- the protocol Recurrent calls, forward ---------------------------------------------
    def project_inputs(self, x_flat: np.ndarray) -> np.ndarray:
        """``x (N, D) -> x W_xh^T + b (N, G*H)``: one matrix product for all time steps."""
        projection = x_flat @ self.params["W_xh"].T
        projection += self.params["b"]
        return projection

    def allocate(self, steps: int, batch_size: int) -> dict[str, np.ndarray]:
        """The buffers one forward pass fills: each state part ``(T, B, H)`` under its state
        name, ``"gates" (T, B, G*H)`` when the cell has gates."""
        shape = (steps, batch_size, self.hidden_size)
        buffers = {name: np.empty(shape, self.dtype) for name in self.state_names}
        if self.gate_names:
            gate_shape = (steps, batch_size, self.num_blocks * self.hidden_size)
            buffers["gates"] = np.empty(gate_shape, self.dtype)
        return buffers

    def step(self, t, xproj_t, state, buffers):
        """Forward equations of step ``t``.

        xproj_t ``(B, G*H)`` is ``x_t W_xh^T + b``; state is the previous state tuple.
        Writes every value the backward pass needs into ``buffers[...][t]`` and returns the
        new state tuple (views of the buffers).
        """
        raise NotImplementedError

    def state_sequences(self, buffers) -> tuple[np.ndarray, ...]:
        """Each state part at every step, ``(T, B, H)``, in ``state_names`` order."""
        return tuple(buffers[name] for name in self.state_names)

    def gate_sequences(self, buffers) -> dict[str, np.ndarray]:
        """``{gate name: (T, B, H)}``: views of the gate blocks, for the Trace."""
        if not self.gate_names:
            return {}
        gates, H = buffers["gates"], self.hidden_size
        return {name: gates[..., k * H : (k + 1) * H] for k, name in enumerate(self.gate_names)}

    # ----- the protocol Recurrent calls, backward --------------------------------------------
    def prepare_backward(self, buffers: dict[str, np.ndarray]) -> None:
        """Before the backward loop: compute, for all steps at once, the activation
        derivatives that do not depend on the incoming gradient (stored in ``buffers``)."""

    def allocate_grads(self, steps: int, batch_size: int) -> tuple[np.ndarray, np.ndarray]:
        """``(dxproj, dhproj)`` buffers ``(T, B, G*H)``: dL/d(x_t W_xh^T + b) and
        dL/d(h_{t-1} W_hh^T); the same array when both sides see the same gradient."""
        dxproj = np.empty((steps, batch_size, self.num_blocks * self.hidden_size), self.dtype)
        return dxproj, dxproj

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        """Backward equations of step ``t``.

        dstate: the total dL/d(state_t) (a tuple like the state); state_prev: the state the
        step read. Writes ``dxproj[t]`` and ``dhproj[t]`` and returns dL/d(state_{t-1})
        through this step.
        """
        raise NotImplementedError

    def memory_gradient(self, buffers) -> np.ndarray | None:
        """The total dL/d(memory) ``(T, B, H)`` of every step, worked out by
        ``step_backward`` (through h_t as well as from step t+1); None when the state has
        no memory part."""
        return None

    def accumulate_grads(self, x_flat, hidden_prev_flat, dxproj_flat, dhproj_flat):
        """Add the weight gradients of all steps at once and return dL/dx ``(N, D)``:
        ``dW_xh += dxproj^T x``, ``dW_hh += dhproj^T h_prev``, ``db += sum dxproj``."""
        self.grads["W_xh"] += dxproj_flat.T @ x_flat
        self.grads["W_hh"] += dhproj_flat.T @ hidden_prev_flat
        self.grads["b"] += dxproj_flat.sum(axis=0)
        return dxproj_flat @ self.params["W_xh"]

    # ----- one step on its own ---------------------------------------------------------------
    def forward(self, x, state=None):
        """One step. x: ``(B, D)``; state: tuple of ``(B, H)`` or None for zeros.

        Returns ``(new_state, cache)``; the cache holds x, the previous state and the
        step's buffers (T = 1).
        """
        x = check_float_array(
            x, "x", ndim=2, axes="(B, D)", shape={1: self.input_size}, dtype=self.dtype
        )
        state = self.check_state(state, x.shape[0])
        buffers = self.allocate(1, x.shape[0])
        new_state = self.step(0, self.project_inputs(x), state, buffers)
        return new_state, (x, state, buffers)

    def backward(self, dstate, cache):
        """One step back: dstate (tuple like the state) -> ``(dx (B, D), dstate_prev)``;
        adds the parameter gradients."""
        x, state, buffers = cache
        dstate = self.check_state(dstate, x.shape[0], "dstate")
        dxproj, dhproj = self.allocate_grads(1, x.shape[0])
        self.prepare_backward(buffers)
        dstate_prev = self.step_backward(0, dstate, state, buffers, dxproj, dhproj)
        dx = self.accumulate_grads(x, state[0], dxproj[0], dhproj[0])
        return dx, dstate_prev

    def step_trace(self, cache) -> Trace:
        """The :class:`~rnnlib.trace.Trace` of the step ``forward`` ran (T = 1): its input,
        ``hidden``, ``cell_state`` (None without a memory part) and ``gates`` by name,
        each ``(1, B, H)``, e.g. ``cell.step_trace(cache).gates["forget_gate"][0]``."""
        x, _, buffers = cache
        states = self.state_sequences(buffers)
        return Trace(
            inputs=x[None],
            hidden=states[0],
            cell_state=states[1] if len(states) > 1 else None,
            gates=self.gate_sequences(buffers),
        )

    @classmethod
    def from_weights(cls, weights: dict, **cell_kwargs) -> Cell:
        """A cell whose parameters are copies of ``weights`` (name -> array), e.g. weights
        trained elsewhere. The sizes come from ``W_xh (G*H, D)`` and ``W_hh (G*H, H)``;
        the names and shapes must be exactly those of ``cls(D, H).params`` (``b`` is used
        as given: ``LSTMCell``'s ``forget_bias`` is not added). ``cell_kwargs`` go to the
        constructor (e.g. ``activation="relu"``)."""
        if not isinstance(weights, dict):
            raise TypeError(f"weights: expected a dict name -> array, got {type(weights).__name__}")
        if not {"W_xh", "W_hh"} <= set(weights):
            raise ValueError(f"weights: expected W_xh, W_hh, b, ...; got {sorted(weights)}")
        W_xh = check_float_array(weights["W_xh"], "weights['W_xh']", ndim=2, axes="(G*H, D)")
        W_hh = check_float_array(weights["W_hh"], "weights['W_hh']", ndim=2, axes="(G*H, H)")
        cell = cls(W_xh.shape[1], W_hh.shape[1], rng=0, **cell_kwargs)
        if set(weights) != set(cell.params):
            raise ValueError(
                f"weights: expected the names {sorted(cell.params)} of a {cls.__name__}, "
                f"got {sorted(weights)}"
            )
        for name, param in cell.params.items():
            param[...] = check_float_array(
                weights[name], f"weights[{name!r}]", shape=dict(enumerate(param.shape)),
                ndim=param.ndim,
            )  # fmt: skip
        return cell


class RNNCell(Cell):
    """Vanilla (Elman) RNN: ``h_t = f(x_t W_xh^T + h_{t-1} W_hh^T + b)``, f = tanh or relu."""

    def __init__(self, input_size, hidden_size, *, rng, activation="tanh", dtype=np.float64):
        self.activation = check_choice(activation, "activation", ("tanh", "relu"))
        super().__init__(input_size, hidden_size, rng=rng, dtype=dtype)

    def step(self, t, xproj_t, state, buffers):
        """``h_t = f(xproj_t + h_{t-1} W_hh^T)``; xproj_t ``(B, H)``, h ``(B, H)``.

        Buffers: ``hidden[t]`` (the slope f' is recovered from it before backward).
        """
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
        """``slope = f'(a)`` of every step, from the stored h: ``1 - h^2`` or ``[h > 0]``."""
        hidden = buffers["hidden"]
        if self.activation == "tanh":  # tanh'(a) = 1 - h^2
            buffers["slope"] = 1.0 - hidden * hidden
        else:  # relu'(a) = 1 where h > 0
            buffers["slope"] = (hidden > 0).astype(self.dtype)

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        """``da = dh_t * f'(a_t)`` (written to ``dxproj[t]``, which is also dhproj);
        returns ``(dh_{t-1},) = (da W_hh,)``."""
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
        """``(x W_xh^T + b)`` pre-scaled by 1/2 on the sigmoid blocks (see ``step``): ``(N, 4H)``."""
        projection = x_flat @ (self.params["W_xh"] * self._scale[:, None]).T
        projection += self.params["b"] * self._scale
        return projection

    def allocate(self, steps, batch_size):
        """hidden, cell_state, tanh(cell_state) ``(T, B, H)``, gates ``(T, B, 4H)`` and the
        scaled ``W_hh`` of this pass."""
        buffers = super().allocate(steps, batch_size)
        buffers["tanh_cell"] = np.empty_like(buffers["hidden"])
        buffers["W_hh_scaled"] = self.params["W_hh"] * self._scale[:, None]
        return buffers

    def prepare_backward(self, buffers):
        """Gate slopes ``s(1-s)`` (i, f, o) and ``1-g^2`` (g), and ``1 - tanh(c)^2``."""
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

    def memory_gradient(self, buffers):
        """The total dL/dc_t of every step, filled by :meth:`step_backward`."""
        return buffers["grad_cell_state"]

    def step(self, t, xproj_t, state, buffers):
        """One LSTM step; all arrays ``(B, H)`` except the gate block ``(B, 4H)``::

            [i, f, g, o] = [sigmoid, sigmoid, tanh, sigmoid](xproj_t + h_{t-1} W_hh^T)
            c_t = f * c_{t-1} + i * g
            h_t = o * tanh(c_t)

        Buffers: ``gates[t]`` (i, f, g, o after their nonlinearities), ``cell_state[t]``,
        ``tanh_cell[t]``, ``hidden[t]``.
        """
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
        """Backward of one LSTM step, given ``dstate = (dh_t, dc_t from step t+1)``::

        dc   = dc_t + dh_t * o * (1 - tanh(c_t)^2)     (total dL/dc_t, kept for the Trace)
        di = dc * g,  df = dc * c_{t-1},  dg = dc * i,  do = dh_t * tanh(c_t)
        da = [di, df, dg, do] * gate slopes            -> dxproj[t] (= dhproj[t])
        returns (da W_hh, dc * f) = (dh_{t-1}, dc_{t-1})
        """
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
        """hidden and ``h W_hn^T + b_hn`` ``(T, B, H)``, gates r, z, n ``(T, B, 3H)``."""
        buffers = super().allocate(steps, batch_size)
        buffers["hidden_new"] = np.empty_like(buffers["hidden"])
        return buffers

    def allocate_grads(self, steps, batch_size):
        """Separate dxproj and dhproj: the reset gate scales the recurrent part of n."""
        shape = (steps, batch_size, 3 * self.hidden_size)
        return np.empty(shape, self.dtype), np.empty(shape, self.dtype)

    def step(self, t, xproj_t, state, buffers):
        """One GRU step, arrays ``(B, H)``; xproj_t = ``[x W_ir^T + b_r, x W_iz^T + b_z,
        x W_in^T + b_n]``::

            r = sigmoid(xproj_r + h_{t-1} W_hr^T),  z = sigmoid(xproj_z + h_{t-1} W_hz^T)
            n = tanh(xproj_n + r * (h_{t-1} W_hn^T + b_hn))
            h_t = (1 - z) * n + z * h_{t-1}

        Buffers: ``gates[t]`` (r, z, n), ``hidden_new[t]`` (h W_hn^T + b_hn), ``hidden[t]``.
        """
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
        """Gate slopes: ``s(1-s)`` on r and z, ``1 - n^2`` on the candidate."""
        gates, H = buffers["gates"], self.hidden_size
        # sigmoid' = s (1 - s) on r and z, tanh' = 1 - n^2 = (1 - n)(1 + n) on the candidate
        slope = 1.0 - gates
        slope[..., : 2 * H] *= gates[..., : 2 * H]
        slope[..., 2 * H :] *= 1.0 + gates[..., 2 * H :]
        buffers["gate_slope"] = slope

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        """Backward of one GRU step, given ``dstate = (dh_t,)``::

        dn_a = dh_t (1 - z) (1 - n^2)                    -> dxproj_n
        dz_a = dh_t (h_{t-1} - n) z (1 - z)              -> dxproj_z = dhproj_z
        dr_a = dn_a (h_{t-1} W_hn^T + b_hn) r (1 - r)    -> dxproj_r = dhproj_r
        dhproj_n = dn_a * r
        returns (dhproj W_hh + dh_t z,) = (dh_{t-1},)
        """
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
        """As the base class, plus ``db_hn += sum dhproj_n``."""
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
