"""``Cell.from_weights`` and ``Cell.step_trace``: build any registered cell from given
weights and read one step's states and gates."""

import numpy as np
import pytest

from rnnlib.cells import CELL_TYPES, LSTMCell, RNNCell
from rnnlib.recurrent import Recurrent


@pytest.mark.parametrize("name", sorted(CELL_TYPES))
def test_from_weights_copies_the_parameters_and_runs_the_same_step(name):
    source = CELL_TYPES[name](3, 4, rng=7)
    weights = {key: value.copy() for key, value in source.params.items()}
    cell = CELL_TYPES[name].from_weights(weights)
    assert type(cell) is type(source) and (cell.input_size, cell.hidden_size) == (3, 4)
    for key, value in weights.items():
        assert np.array_equal(cell.params[key], value)
        assert not np.shares_memory(cell.params[key], value)
    x = np.random.default_rng(1).normal(size=(2, 3))
    state, cache = cell.forward(x)
    expected, _ = source.forward(x)
    for part, want in zip(state, expected, strict=True):
        assert np.allclose(part, want)
    trace = cell.step_trace(cache)
    hidden, layer_cache = Recurrent(source).forward(x[None])
    assert np.allclose(trace.hidden, hidden)
    assert set(trace.gates) == set(cell.gate_names)
    for gate, values in layer_cache.trace.gates.items():
        assert np.allclose(trace.gates[gate], values)
    if cell.memory_name:
        assert np.allclose(trace.cell_state, layer_cache.trace.cell_state)
    else:
        assert trace.cell_state is None


def test_lstm_from_weights_takes_b_as_given():
    weights = {k: np.zeros_like(v) for k, v in LSTMCell(2, 3, rng=0).params.items()}
    assert np.all(LSTMCell.from_weights(weights).params["b"] == 0.0)  # no forget_bias added


def test_from_weights_passes_constructor_arguments():
    weights = RNNCell(2, 3, rng=0).params
    assert RNNCell.from_weights(dict(weights), activation="relu").activation == "relu"


@pytest.mark.parametrize(
    ("weights", "words"),
    [
        ([1, 2], "weights: expected a dict name -> array, got list"),
        ({"b": np.zeros(3)}, "weights: expected W_xh, W_hh, b, ...; got ['b']"),
        (
            {"W_xh": np.zeros((3, 2)), "W_hh": np.zeros((3, 3))},
            "expected the names ['W_hh', 'W_xh', 'b']",
        ),
        (
            {"W_xh": np.zeros((3, 2)), "W_hh": np.zeros((3, 3)), "b": np.zeros(4)},
            "weights['b']",
        ),
        ({"W_xh": np.zeros(3), "W_hh": np.zeros((3, 3)), "b": np.zeros(3)}, "weights['W_xh']"),
    ],
)
def test_from_weights_rejects_bad_weights_with_clear_messages(weights, words):
    with pytest.raises((ValueError, TypeError)) as error:
        RNNCell.from_weights(weights)
    assert words in str(error.value)
