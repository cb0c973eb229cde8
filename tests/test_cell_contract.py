"""The cell contract works: a cell rnnlib does not have, defined in this file alone, runs
through every part of the library that takes a cell, with no change to any rnnlib file.

The cell is a minimal gated unit (one forget gate f; a variant of Zhou et al. 2016 with
the gate applied to the recurrent projection, as the GRU's reset gate is)::

    f   = sigmoid(x W_xf^T + h W_hf^T + b_f)
    n   = tanh(x W_xn^T + b_n + f * (h W_hn^T))
    h'  = (1 - f) * h + f * n

Blocks ``[f, n]``: ``W_xh (2H, D)``, ``W_hh (2H, H)``, ``b (2H,)``.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from gradhelpers import GRADCHECK, assert_gradients_ok, seeds, sizes  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rnnlib import io  # noqa: E402
from rnnlib.cells import CELL_TYPES, Cell  # noqa: E402
from rnnlib.functional import sigmoid  # noqa: E402
from rnnlib.gradcheck import gradcheck  # noqa: E402
from rnnlib.models import SequenceModel  # noqa: E402
from rnnlib.recurrent import Bidirectional, Recurrent, Stacked  # noqa: E402


class MinimalGatedCell(Cell):
    num_blocks = 2
    gate_names = ("forget_gate", "candidate")
    sigmoid_gates = ("forget_gate",)

    def allocate(self, steps, batch_size):
        buffers = super().allocate(steps, batch_size)
        buffers["hidden_new"] = np.empty_like(buffers["hidden"])  # h W_hn^T
        return buffers

    def allocate_grads(self, steps, batch_size):
        shape = (steps, batch_size, 2 * self.hidden_size)
        return np.empty(shape, self.dtype), np.empty(shape, self.dtype)

    def step(self, t, xproj_t, state, buffers):
        (hidden_prev,) = state
        H = self.hidden_size
        hproj = hidden_prev @ self.params["W_hh"].T
        gates = buffers["gates"][t]
        forget = sigmoid(xproj_t[:, :H] + hproj[:, :H])
        buffers["hidden_new"][t] = hproj[:, H:]
        gates[:, :H] = forget
        gates[:, H:] = np.tanh(xproj_t[:, H:] + forget * hproj[:, H:])
        hidden = buffers["hidden"][t]
        hidden[...] = (1.0 - forget) * hidden_prev + forget * gates[:, H:]
        return (hidden,)

    def step_backward(self, t, dstate, state_prev, buffers, dxproj, dhproj):
        (dhidden,) = dstate
        (hidden_prev,) = state_prev
        H = self.hidden_size
        forget, candidate = buffers["gates"][t][:, :H], buffers["gates"][t][:, H:]
        hidden_new = buffers["hidden_new"][t]
        dn_pre = dhidden * forget * (1.0 - candidate**2)
        dforget = dhidden * (candidate - hidden_prev) + dn_pre * hidden_new
        df_pre = dforget * forget * (1.0 - forget)
        dxproj[t][:, :H], dxproj[t][:, H:] = df_pre, dn_pre
        dhproj[t][:, :H], dhproj[t][:, H:] = df_pre, dn_pre * forget
        return (dhproj[t] @ self.params["W_hh"] + dhidden * (1.0 - forget),)


@pytest.fixture
def registered(monkeypatch):
    """The test cell registered under "mgu" for the duration of one test."""
    monkeypatch.setitem(CELL_TYPES, "mgu", MinimalGatedCell)
    return "mgu"


def right_padded_mask(rng, steps, batch_size):
    lengths = rng.integers(1, steps + 1, size=batch_size)
    return (np.arange(steps)[:, None] < lengths[None, :]).astype(float)


def assert_layer_gradients(layer, rng, steps, batch_size, use_mask):
    """Gradient check of ``layer`` (parameters and inputs) under the loss sum(R * hidden)."""
    x = rng.normal(size=(steps, batch_size, layer.input_size))
    R = rng.normal(size=(steps, batch_size, layer.output_size))
    mask = right_padded_mask(rng, steps, batch_size) if use_mask else None
    store = {}

    def loss():
        hidden, cache = layer.forward(x, mask=mask)
        store["dx"], _ = layer.backward(R, cache)
        return float((hidden * R).sum())

    assert_gradients_ok(gradcheck(layer, loss, inputs={"x": (x, lambda: store["dx"])}))


@GRADCHECK
@given(sizes, sizes, sizes, sizes, st.booleans(), seeds)
def test_recurrent_with_a_mask_passes_the_gradient_check(T, B, D, H, use_mask, seed):
    rng = np.random.default_rng(seed)
    assert_layer_gradients(Recurrent(MinimalGatedCell(D, H, rng=rng)), rng, T + 1, B, use_mask)


def test_truncation_cuts_the_gradient_at_chunk_boundaries():
    rng = np.random.default_rng(3)
    layer = Recurrent(MinimalGatedCell(2, 3, rng=rng))
    x = rng.normal(size=(6, 2, 2))
    R = np.zeros((6, 2, 3))
    R[-1] = 1.0  # only the last step's output carries loss
    _, cache = layer.forward(x)
    dx, _ = layer.backward(R, cache, truncate=3)
    norms = cache.trace.grad_norm("hidden")
    assert np.all(norms[3:] > 0) and np.all(norms[:3] == 0)
    assert np.all(dx[:3] == 0) and np.any(dx[3:] != 0)


@GRADCHECK
@given(sizes, sizes, st.booleans(), seeds)
def test_bidirectional_and_stacked_pass_the_gradient_check(T, B, use_mask, seed):
    rng = np.random.default_rng(seed)
    D, H = 2, 3
    layer = Stacked(
        [
            Bidirectional(MinimalGatedCell(D, H, rng=rng), MinimalGatedCell(D, H, rng=rng)),
            Recurrent(MinimalGatedCell(2 * H, H, rng=rng)),
        ]
    )
    assert_layer_gradients(layer, rng, T + 1, B, use_mask)


def test_the_trace_records_the_declared_gates(registered):
    rng = np.random.default_rng(0)
    layer = Recurrent(MinimalGatedCell(2, 4, rng=rng))
    _, cache = layer.forward(rng.normal(size=(5, 3, 2)))
    trace = cache.trace
    assert set(trace.gates) == {"forget_gate", "candidate"}
    assert trace.cell_state is None
    assert trace.gates["forget_gate"].shape == (5, 3, 4)
    assert np.all((trace.gates["forget_gate"] > 0) & (trace.gates["forget_gate"] < 1))


@pytest.mark.parametrize("options", [{}, {"bidirectional": True, "num_layers": 2}])
def test_sequence_model_trains_saves_and_loads(registered, options, tmp_path):
    def build(seed):
        return SequenceModel(
            registered, hidden_size=4, output_size=3, vocab_size=5, rng=seed, **options
        )

    model = build(0)
    rng = np.random.default_rng(1)
    ids = rng.integers(0, 5, size=(6, 2))
    R = rng.normal(size=(6, 2, 3))

    def loss():
        outputs, cache = model.forward(ids)
        model.backward(R, cache)
        return float((outputs * R).sum())

    assert_gradients_ok(gradcheck(model, loss))
    path = tmp_path / "mgu.npz"
    io.save(path, model, metadata={"cell": registered})
    copy = build(7)
    assert io.load(path, copy) == {"cell": registered}
    assert np.array_equal(model.forward(ids)[0], copy.forward(ids)[0])


def test_the_gate_explorer_draws_the_new_cell(registered):
    from rnnlib.widgets.gates import gate_explorer

    model = SequenceModel(registered, hidden_size=4, output_size=1, input_size=2, rng=0)
    inputs = np.random.default_rng(2).normal(size=(8, 2))
    explorer = gate_explorer(model, inputs)
    png, _ = explorer.render()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
    plt.close("all")
