import numpy as np
import pytest
from gradhelpers import GRADCHECK, assert_gradients_ok, seeds, sizes
from hypothesis import given
from hypothesis import strategies as st

from rnnlib.cells import CELL_TYPES, LSTMCell, RNNCell
from rnnlib.gradcheck import gradcheck, numerical_gradient, relative_error
from rnnlib.recurrent import Bidirectional, Recurrent, Stacked

cell_names = st.sampled_from(sorted(CELL_TYPES))


def random_mask(rng, T, B):
    """Right-padded lengths between 1 and T."""
    lengths = rng.integers(1, T + 1, size=B)
    return (np.arange(T)[:, None] < lengths[None, :]).astype(float)


def linear_loss(
    layer, x, R, initial_state=None, mask=None, R_final=None, truncate=None, store=None
):
    hidden, cache = layer.forward(x, initial_state, mask)
    value = float((hidden * R).sum())
    if R_final is not None:
        value += float(sum((s * r).sum() for s, r in zip(cache.final_state, R_final, strict=True)))
    dx, dinit = layer.backward(R, cache, dfinal_state=R_final, truncate=truncate)
    if store is not None:
        store.update(dx=dx, dinit=dinit, cache=cache)
    return value


@GRADCHECK
@given(cell_names, sizes, sizes, sizes, sizes, st.booleans(), seeds)
def test_recurrent_gradients(name, T, B, D, H, use_mask, seed):
    rng = np.random.default_rng(seed)
    cell = CELL_TYPES[name](D, H, rng=rng)
    layer = Recurrent(cell)
    x = rng.normal(size=(T + 1, B, D))
    init = tuple(rng.normal(size=(B, H)) for _ in cell.state_names)
    R = rng.normal(size=(T + 1, B, H))
    R_final = tuple(rng.normal(size=(B, H)) for _ in cell.state_names)
    mask = random_mask(rng, T + 1, B) if use_mask else None
    store = {}

    def loss():
        return linear_loss(layer, x, R, init, mask, R_final, store=store)

    inputs = {"x": (x, lambda: store["dx"])}
    for k, part in enumerate(init):
        inputs[f"init{k}"] = (part, lambda k=k: store["dinit"][k])
    assert_gradients_ok(gradcheck(layer, loss, inputs=inputs))


@GRADCHECK
@given(cell_names, st.integers(1, 3), sizes, seeds)
def test_truncated_bptt_is_the_gradient_of_chunks_with_frozen_boundaries(name, k, B, seed):
    rng = np.random.default_rng(seed)
    T, D, H = 7, 2, 3
    layer = Recurrent(CELL_TYPES[name](D, H, rng=rng))
    x = rng.normal(size=(T, B, D))
    R = rng.normal(size=(T, B, H))
    # boundary states of the unperturbed run, treated as constants (detached)
    _, cache = layer.forward(x)
    states = layer.cell.state_sequences(cache.buffers)
    starts = list(range(0, T, k))
    boundary = {s: tuple(buf[s - 1].copy() for buf in states) for s in starts if s > 0}

    def chunked_loss():
        value = 0.0
        for s in starts:
            hidden, _ = layer.forward(x[s : s + k], boundary.get(s))
            value += float((hidden * R[s : s + k]).sum())
        return value

    layer.zero_grad()
    linear_loss(layer, x, R, truncate=k)
    for name_, param, grad in layer.named_parameters():
        analytic = grad.copy()
        numeric = numerical_gradient(chunked_loss, param)
        assert relative_error(analytic, numeric) < 1e-6, name_


@pytest.mark.parametrize("name", sorted(CELL_TYPES))
def test_mask_equals_running_each_sequence_alone(name):
    rng = np.random.default_rng(4)
    T, B, D, H = 6, 3, 2, 4
    layer = Recurrent(CELL_TYPES[name](D, H, rng=rng))
    x = rng.normal(size=(T, B, D))
    lengths = [6, 2, 4]
    mask = (np.arange(T)[:, None] < np.array(lengths)).astype(float)
    R = rng.normal(size=(T, B, H)) * mask[..., None]
    layer.zero_grad()
    hidden, cache = layer.forward(x, mask=mask)
    layer.backward(R, cache)
    batched = {n: g.copy() for n, _, g in layer.named_parameters()}
    layer.zero_grad()
    for b, n in enumerate(lengths):
        alone, alone_cache = layer.forward(x[:n, b : b + 1])
        assert np.allclose(hidden[:n, b], alone[:, 0])
        assert np.allclose(hidden[-1, b], alone[-1, 0])  # state carried over the padding
        layer.backward(R[:n, b : b + 1], alone_cache)
    for n, _, g in layer.named_parameters():
        assert np.allclose(batched[n], g), n


@GRADCHECK
@given(cell_names, sizes, sizes, st.booleans(), seeds)
def test_bidirectional_gradients(name, T, B, use_mask, seed):
    rng = np.random.default_rng(seed)
    D, H = 2, 3
    layer = Bidirectional(CELL_TYPES[name](D, H, rng=rng), CELL_TYPES[name](D, H, rng=rng))
    x = rng.normal(size=(T + 1, B, D))
    R = rng.normal(size=(T + 1, B, 2 * H))
    mask = random_mask(rng, T + 1, B) if use_mask else None
    store = {}

    def loss():
        return linear_loss(layer, x, R, mask=mask, store=store)

    assert_gradients_ok(gradcheck(layer, loss, inputs={"x": (x, lambda: store["dx"])}))


def test_bidirectional_halves_are_forward_and_reversed_runs():
    rng = np.random.default_rng(1)
    fwd, bwd = LSTMCell(2, 3, rng=rng), LSTMCell(2, 3, rng=rng)
    layer = Bidirectional(fwd, bwd)
    x = rng.normal(size=(5, 2, 2))
    hidden, cache = layer.forward(x)
    assert np.allclose(hidden[..., :3], Recurrent(fwd).forward(x)[0])
    assert np.allclose(hidden[..., 3:], Recurrent(bwd).forward(x[::-1])[0][::-1])
    assert cache.traces[1].reversed_time and not cache.traces[0].reversed_time


@GRADCHECK
@given(cell_names, sizes, sizes, seeds)
def test_stacked_gradients(name, T, B, seed):
    rng = np.random.default_rng(seed)
    cls = CELL_TYPES[name]
    layer = Stacked(
        [
            Bidirectional(cls(2, 3, rng=rng), cls(2, 3, rng=rng)),
            Recurrent(cls(6, 2, rng=rng)),
        ]
    )
    x = rng.normal(size=(T, B, 2))
    R = rng.normal(size=(T, B, 2))
    mask = random_mask(rng, T, B)
    store = {}

    def loss():
        return linear_loss(layer, x, R, mask=mask, store=store)

    assert_gradients_ok(gradcheck(layer, loss, inputs={"x": (x, lambda: store["dx"])}))
    assert len(store["cache"].traces) == 3


def test_trace_records_states_gates_and_gradients():
    rng = np.random.default_rng(0)
    layer = Recurrent(LSTMCell(2, 3, rng=rng))
    x = rng.normal(size=(4, 2, 2))
    hidden, cache = layer.forward(x)
    trace = cache.trace
    assert trace.hidden is hidden and trace.cell_state.shape == (4, 2, 3)
    assert set(trace.gates) == {"input_gate", "forget_gate", "candidate", "output_gate"}
    assert np.all((trace.gates["forget_gate"] > 0) & (trace.gates["forget_gate"] < 1))
    assert np.allclose(hidden, trace.gates["output_gate"] * np.tanh(trace.cell_state))
    with pytest.raises(ValueError, match="backward first"):
        trace.grad_norm()
    R = np.zeros((4, 2, 3))
    R[-1] = 1.0  # loss = sum of the last hidden state
    layer.backward(R, cache)
    norms = trace.grad_norm()
    assert norms.shape == (4,) and norms[-1] == pytest.approx(np.sqrt(6))
    assert trace.grad_norm("cell_state").shape == (4,)
    one = trace.sequence(1)
    assert one.hidden.shape == (4, 1, 3) and np.array_equal(one.hidden[:, 0], hidden[:, 1])


def test_gradients_vanish_for_a_contracting_rnn():
    """The chapter-3 claim in miniature: spectral norm 0.5 -> geometric decay."""
    rng = np.random.default_rng(0)
    cell = RNNCell(3, 16, rng=rng)
    W = rng.normal(size=(16, 16))
    cell.params["W_hh"][...] = 0.5 * W / np.linalg.norm(W, 2)
    layer = Recurrent(cell)
    _, cache = layer.forward(rng.normal(size=(50, 4, 3)))
    R = np.zeros((50, 4, 16))
    R[-1] = rng.normal(size=(4, 16))
    layer.backward(R, cache)
    norms = cache.trace.grad_norm()
    assert norms[0] < 0.5**49 * norms[-1] * 1.0001


@pytest.mark.parametrize("use_mask", [False, True])
def test_cell_state_gradient_is_the_total_dl_dc(use_mask):
    """dL/dc_t = dL/dh_t o_t (1 - tanh^2 c_t) + f_{t+1} dL/dc_{t+1}, ending in dfinal."""
    rng = np.random.default_rng(3)
    T, B, H = 6, 2, 3
    layer = Recurrent(LSTMCell(2, H, rng=rng))
    mask = np.ones((T, B))
    if use_mask:
        mask[4:, 1] = 0.0
    _, cache = layer.forward(rng.normal(size=(T, B, 2)), mask=mask)
    R, R_final = rng.normal(size=(T, B, H)) * mask[..., None], rng.normal(size=(B, H))
    layer.backward(R, cache, dfinal_state=(np.zeros((B, H)), R_final))
    trace = cache.trace
    o, f, tc = trace.gates["output_gate"], trace.gates["forget_gate"], np.tanh(trace.cell_state)
    through_h = trace.grad_hidden * o * (1 - tc**2) * mask[..., None]
    expected = np.empty((T, B, H))
    expected[-1] = through_h[-1] + R_final
    for t in range(T - 2, -1, -1):
        carried = np.where(mask[t + 1][:, None] == 1, f[t + 1], 1.0) * expected[t + 1]
        expected[t] = through_h[t] + carried
    assert np.allclose(trace.grad_cell_state, expected)


def test_cell_state_gradient_matches_finite_differences():
    """Total dL/dc_t, perturbing c_t together with h_t = o_t tanh(c_t) that it feeds."""
    rng = np.random.default_rng(0)
    layer = Recurrent(LSTMCell(2, 3, rng=rng))
    steps, batch = 5, 2
    inputs = rng.standard_normal((steps, batch, 2))
    weights = rng.standard_normal((batch, 3))  # L = sum(weights * h_T)
    _, cache = layer.forward(inputs)
    dhidden = np.zeros((steps, batch, 3))
    dhidden[-1] = weights
    layer.backward(dhidden, cache)
    trace = cache.trace
    analytic = trace.grad_cell_state
    cell_state = trace.cell_state.copy()
    output_gate = trace.gates["output_gate"].copy()

    def loss_after(t, cell):
        hidden = output_gate[t] * np.tanh(cell)
        if t < steps - 1:
            rest, _ = layer.forward(inputs[t + 1 :], initial_state=(hidden, cell))
            hidden = rest[-1]
        return float(np.sum(weights * hidden))

    eps = 1e-6
    for t in (0, 2, steps - 1):
        numeric = np.zeros((batch, 3))
        for index in np.ndindex(batch, 3):
            bump = np.zeros((batch, 3))
            bump[index] = eps
            numeric[index] = (
                loss_after(t, cell_state[t] + bump) - loss_after(t, cell_state[t] - bump)
            ) / (2 * eps)
        np.testing.assert_allclose(analytic[t], numeric, rtol=1e-6, atol=1e-9)
