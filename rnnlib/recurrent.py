"""Unrolling a cell over time, and backpropagation through time (BPTT).

``Recurrent(cell)`` applies one cell at every step of a time-major sequence
``(T, B, D)``, with the same weights at every step (가중치 공유, weight sharing):

    h_t = cell(x_t, h_{t-1}),  h_0 = 0 unless an initial state is given.

Forward projects the inputs of all steps in one matrix product, then runs the
recurrence step by step (it cannot be parallelised over time: step t needs step t-1).
Backward runs the steps in reverse, carrying dL/dh_t back to dL/dh_{t-1}, and forms the
weight gradients of all steps in a few matrix products at the end.

Variable lengths: where ``mask[t, b] == 0`` the state is carried over unchanged,
``h_t = h_{t-1}``, so ``hidden[-1]`` is each sequence's last real state. Truncated
BPTT: ``backward(..., truncate=k)`` stops the gradient from flowing from step t to
t-1 whenever t is a multiple of k (the forward state is still carried).

``Bidirectional`` runs a second cell over the reversed sequence and concatenates the
two hidden states; ``Stacked`` feeds each layer's hidden states to the next layer.
All three return ``(hidden, cache)`` and take the same backward arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._checks import check_float_array, check_gradient, check_mask, check_positive_int
from .cells import Cell
from .module import Module
from .trace import Trace

__all__ = ["Recurrent", "Bidirectional", "Stacked", "RecurrentCache"]


@dataclass
class RecurrentCache:
    """What backward needs: inputs, initial state, the forward buffers, the mask."""

    inputs: np.ndarray
    initial_state: tuple
    buffers: dict
    mask: np.ndarray | None
    final_state: tuple
    traces: list[Trace] = field(default_factory=list)
    parts: list = field(default_factory=list)  # caches of sub-layers (Bidirectional, Stacked)
    layer: Module | None = None  # the layer whose forward made it (backward checks it)

    @property
    def trace(self) -> Trace:
        """The Trace of the first (or only) layer/direction."""
        return self.traces[0]


def _check_truncate(truncate):
    return None if truncate is None else check_positive_int(truncate, "truncate")


def _check_cache(cache, layer):
    if not isinstance(cache, RecurrentCache) or cache.layer is not layer:
        raise ValueError(
            f"cache: expected the cache returned by this {type(layer).__name__}'s forward, "
            f"got {'one from another layer' if isinstance(cache, RecurrentCache) else type(cache).__name__}"
        )
    return cache


def _check_layer_state(layer, state, batch_size: int, name: str):
    """Validate a layer's state (or state gradient) before anything runs: the cell's
    tuple for a Recurrent, a pair of them for a Bidirectional, a list per layer for a
    Stacked. ``None`` stands for zeros at any level."""
    if state is None:
        return
    if isinstance(layer, Recurrent):
        layer.cell.check_state(state, batch_size, name)
        return
    parts = ("forward", "backward") if isinstance(layer, Bidirectional) else layer.layers
    if not isinstance(state, (tuple, list)) or len(state) != len(parts):
        what = (
            "a pair (forward_state, backward_state)"
            if isinstance(layer, Bidirectional)
            else f"a list of {len(parts)} states (one per layer)"
        )
        given = (
            f"{type(state).__name__} of length {len(state)}"
            if isinstance(state, (tuple, list))
            else type(state).__name__
        )
        raise ValueError(f"{name}: expected {what}, got {given}")
    if isinstance(layer, Bidirectional):
        sublayers = (layer.forward_layer, layer.backward_layer)
    else:
        sublayers = layer.layers
    for k, (sublayer, part) in enumerate(zip(sublayers, state, strict=True)):
        _check_layer_state(sublayer, part, batch_size, f"{name}[{k}]")


class Recurrent(Module):
    """A cell unrolled over time. ``output_size`` = the cell's hidden size."""

    def __init__(self, cell: Cell):
        super().__init__()
        if not isinstance(cell, Cell):
            raise TypeError(f"cell: expected an rnnlib cell, got {type(cell).__name__}")
        self.cell = self.add_child("cell", cell)
        self.input_size = cell.input_size
        self.output_size = cell.hidden_size

    def check_inputs(self, inputs, mask):
        """Validate ``inputs (T, B, D)`` and ``mask (T, B)``; return them as arrays."""
        inputs = check_float_array(
            inputs,
            "inputs",
            ndim=3,
            axes="(T, B, D) time-major",
            shape={2: self.input_size},
            dtype=self.cell.dtype,
        )
        if inputs.shape[0] == 0 or inputs.shape[1] == 0:
            raise ValueError(
                f"inputs: expected at least one step and one sequence, got {inputs.shape}"
            )
        return inputs, check_mask(mask, "mask", inputs.shape[:2], dtype=self.cell.dtype)

    def forward(self, inputs, initial_state=None, mask=None):
        """inputs ``(T, B, D)`` -> ``(hidden (T, B, H), cache)``.

        initial_state: the cell's state tuple for step 0 (zeros when None).
        mask: ``(T, B)`` of 0/1; 0 carries the state over that step.
        The cache holds the inputs, initial state, the cell's forward buffers, the mask,
        ``final_state`` and ``trace`` (built from the cell's ``state_sequences`` and
        ``gate_sequences``: Recurrent knows no cell type, only the cell contract).
        """
        inputs, mask = self.check_inputs(inputs, mask)
        steps, batch_size, _ = inputs.shape
        cell = self.cell
        state = initial_state = cell.check_state(initial_state, batch_size, "initial_state")
        xproj = cell.project_inputs(inputs.reshape(steps * batch_size, -1))
        xproj = xproj.reshape(steps, batch_size, -1)
        buffers = cell.allocate(steps, batch_size)
        for t in range(steps):
            new_state = cell.step(t, xproj[t], state, buffers)
            if mask is not None:  # h_t = h_{t-1} where the step is padding
                keep = mask[t][:, None] == 0
                for new_part, old_part in zip(new_state, state, strict=True):
                    np.copyto(new_part, old_part, where=keep)
            state = new_state
        states = cell.state_sequences(buffers)
        trace = Trace(
            inputs=inputs,
            hidden=states[0],
            cell_state=states[1] if len(states) > 1 else None,
            gates=cell.gate_sequences(buffers),
            mask=mask,
        )
        cache = RecurrentCache(inputs, initial_state, buffers, mask, state, [trace], layer=self)
        return trace.hidden, cache

    def backward(self, dhidden, cache, dfinal_state=None, truncate=None):
        """BPTT. dhidden: dL/dh_t from above for every step ``(T, B, H)`` (None: zeros).

        dfinal_state: gradient arriving at the final state from later computation.
        Returns ``(dinputs (T, B, D), dinitial_state)``; adds the parameter gradients and
        records the total dL/dh_t (and dL/dc_t) of every step in ``cache.trace``.
        """
        truncate = _check_truncate(truncate)
        _check_cache(cache, self)
        cell = self.cell
        inputs, buffers, mask = cache.inputs, cache.buffers, cache.mask
        steps, batch_size, _ = inputs.shape
        shape = (steps, batch_size, cell.hidden_size)
        if dhidden is not None:
            dhidden = check_float_array(dhidden, "dhidden", dtype=cell.dtype)
            if dhidden.shape != shape:
                raise ValueError(f"dhidden: expected shape {shape} (T, B, H), got {dhidden.shape}")
        dstate = cell.check_state(dfinal_state, batch_size, "dfinal_state")
        state_buffers = cell.state_sequences(buffers)
        grads = [np.empty(shape, cell.dtype) for _ in cell.state_names]
        dxproj, dhproj = cell.allocate_grads(steps, batch_size)
        cell.prepare_backward(buffers)
        for t in range(steps - 1, -1, -1):
            # the total gradient reaching each part of the state at step t, written
            # straight into the Trace's record: from step t+1 plus (hidden) from above
            for record, part in zip(grads, dstate, strict=True):
                record[t] = part
            if dhidden is not None:
                grads[0][t] += dhidden[t]
            dstate = tuple(record[t] for record in grads)
            if t > 0:
                state_prev = tuple(buf[t - 1] for buf in state_buffers)
            else:
                state_prev = cache.initial_state
            if mask is not None:
                real = mask[t][:, None]
                carried = [part * (1.0 - real) for part in dstate]
                dstate = tuple(part * real for part in dstate)
            dstate = cell.step_backward(t, dstate, state_prev, buffers, dxproj, dhproj)
            if mask is not None:
                dstate = tuple(d + c for d, c in zip(dstate, carried, strict=True))
            if truncate is not None and t > 0 and t % truncate == 0:
                dstate = tuple(np.zeros_like(part) for part in dstate)
        hidden_prev = np.concatenate([cache.initial_state[0][None], state_buffers[0][:-1]])
        flat = steps * batch_size
        dinputs = cell.accumulate_grads(
            inputs.reshape(flat, -1),
            hidden_prev.reshape(flat, -1),
            dxproj.reshape(flat, -1),
            dhproj.reshape(flat, -1),
        ).reshape(inputs.shape)
        trace = cache.trace
        trace.grad_hidden = grads[0]
        memory_grad = cell.memory_gradient(buffers)  # total dL/d(memory) of the real steps
        if memory_grad is not None:
            if mask is not None:  # over padding the memory is carried: so is its gradient
                memory_grad += grads[1] * (1.0 - mask)[..., None]
            trace.grad_cell_state = memory_grad
        return dinputs, dstate


class Bidirectional(Module):
    """Two cells: one reads the sequence forwards, one backwards; hidden ``(T, B, 2H)``.

    ``hidden[t] = [h_fwd_t, h_bwd_t]`` where h_bwd_t has read steps T-1 down to t.
    States are pairs ``(forward_state, backward_state)``. ``cache.traces`` holds the two
    Traces; the backward one has ``reversed_time=True`` (its step 0 is the sequence's last).
    With right-padded sequences and a mask, the backward cell starts at each sequence's
    last real step, because the padding it reads first carries its initial state.
    """

    def __init__(self, forward_cell: Cell, backward_cell: Cell):
        super().__init__()
        self.forward_layer = self.add_child("forward", Recurrent(forward_cell))
        self.backward_layer = self.add_child("backward", Recurrent(backward_cell))
        if forward_cell.input_size != backward_cell.input_size:
            raise ValueError(
                f"backward_cell: expected input_size {forward_cell.input_size} like the "
                f"forward cell, got {backward_cell.input_size}"
            )
        if forward_cell.dtype != backward_cell.dtype:
            raise ValueError(
                f"backward_cell: expected dtype {forward_cell.dtype} like the forward cell, "
                f"got {backward_cell.dtype}"
            )
        self.input_size = forward_cell.input_size
        self.output_size = forward_cell.hidden_size + backward_cell.hidden_size

    def forward(self, inputs, initial_state=None, mask=None):
        """inputs ``(T, B, D)`` -> ``(hidden (T, B, 2H), cache)``; states are pairs
        ``(forward_state, backward_state)``; ``cache.parts`` holds the two directions' caches."""
        inputs, mask = self.forward_layer.check_inputs(inputs, mask)
        _check_layer_state(self, initial_state, inputs.shape[1], "initial_state")
        init_fwd, init_bwd = (None, None) if initial_state is None else initial_state
        reversed_mask = None if mask is None else mask[::-1]
        hidden_fwd, cache_fwd = self.forward_layer.forward(inputs, init_fwd, mask)
        hidden_bwd, cache_bwd = self.backward_layer.forward(inputs[::-1], init_bwd, reversed_mask)
        cache_bwd.trace.reversed_time = True
        hidden = np.concatenate([hidden_fwd, hidden_bwd[::-1]], axis=-1)
        cache = RecurrentCache(
            inputs,
            (cache_fwd.initial_state, cache_bwd.initial_state),
            {},
            mask,
            (cache_fwd.final_state, cache_bwd.final_state),
            [cache_fwd.trace, cache_bwd.trace],
            [cache_fwd, cache_bwd],
            layer=self,
        )
        return hidden, cache

    def backward(self, dhidden, cache, dfinal_state=None, truncate=None):
        """BPTT through both directions: dhidden ``(T, B, 2H)`` -> ``(dinputs (T, B, D),
        (dinitial_forward, dinitial_backward))``."""
        cache_fwd, cache_bwd = _check_cache(cache, self).parts
        _check_truncate(truncate)
        _check_layer_state(self, dfinal_state, cache.inputs.shape[1], "dfinal_state")
        size_fwd = self.forward_layer.output_size
        dfinal_fwd, dfinal_bwd = (None, None) if dfinal_state is None else dfinal_state
        if dhidden is None:
            dhidden_fwd = dhidden_bwd = None
        else:
            shape = cache.inputs.shape[:2] + (self.output_size,)
            dhidden = check_gradient(dhidden, "dhidden", shape, self.dtype, "(T, B, 2H)")
            dhidden_fwd, dhidden_bwd = dhidden[..., :size_fwd], dhidden[::-1, :, size_fwd:]
        dinputs_fwd, dinit_fwd = self.forward_layer.backward(
            dhidden_fwd, cache_fwd, dfinal_fwd, truncate
        )
        dinputs_bwd, dinit_bwd = self.backward_layer.backward(
            dhidden_bwd, cache_bwd, dfinal_bwd, truncate
        )
        return dinputs_fwd + dinputs_bwd[::-1], (dinit_fwd, dinit_bwd)


class Stacked(Module):
    """Deep RNN: layer k reads the hidden states of layer k-1. States are lists per layer."""

    def __init__(self, layers):
        super().__init__()
        layers = list(layers)
        if not layers or not all(isinstance(x, (Recurrent, Bidirectional)) for x in layers):
            raise TypeError("layers: expected a non-empty list of Recurrent/Bidirectional layers")
        for k, (below, above) in enumerate(zip(layers, layers[1:], strict=False)):
            if above.input_size != below.output_size:
                raise ValueError(
                    f"layers[{k + 1}]: expected input_size {below.output_size} (the output of "
                    f"layers[{k}]), got {above.input_size}"
                )
        self.layers = layers
        for k, layer in enumerate(layers):
            self.add_child(str(k), layer)
        self.input_size = layers[0].input_size
        self.output_size = layers[-1].output_size

    def forward(self, inputs, initial_state=None, mask=None):
        """inputs ``(T, B, D)`` -> ``(hidden of the top layer, cache)``; initial_state is
        a list with one state per layer (or None); ``cache.parts`` holds each layer's cache."""
        bottom = self.layers[0]
        bottom = bottom if isinstance(bottom, Recurrent) else bottom.forward_layer
        inputs, mask = bottom.check_inputs(inputs, mask)
        _check_layer_state(self, initial_state, inputs.shape[1], "initial_state")
        if initial_state is None:
            initial_state = [None] * len(self.layers)
        hidden, parts = inputs, []
        for layer, state in zip(self.layers, initial_state, strict=True):
            hidden, part = layer.forward(hidden, state, mask)
            parts.append(part)
        cache = RecurrentCache(
            parts[0].inputs,
            [p.initial_state for p in parts],
            {},
            parts[0].mask,
            [p.final_state for p in parts],
            [trace for p in parts for trace in p.traces],
            parts,
            layer=self,
        )
        return hidden, cache

    def backward(self, dhidden, cache, dfinal_state=None, truncate=None):
        """BPTT from the top layer down: returns ``(dinputs, [dinitial_state per layer])``."""
        _check_cache(cache, self)
        _check_truncate(truncate)
        _check_layer_state(self, dfinal_state, cache.inputs.shape[1], "dfinal_state")
        if dfinal_state is None:
            dfinal_state = [None] * len(self.layers)
        dinitial = [None] * len(self.layers)
        for k in range(len(self.layers) - 1, -1, -1):
            dhidden, dinitial[k] = self.layers[k].backward(
                dhidden, cache.parts[k], dfinal_state[k], truncate
            )
        return dhidden, dinitial
