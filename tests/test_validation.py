"""Bad input raises an error naming the argument, what was expected and what was given."""

import numpy as np
import pytest

from rnnlib import Embedding, GRUCell, LSTMCell, Recurrent, RNNCell, SequenceModel
from rnnlib.data.encoding import one_hot, pad_batch
from rnnlib.data.tasks import adding_problem
from rnnlib.layers import Dense
from rnnlib.losses import mse, softmax_cross_entropy

rnn = Recurrent(RNNCell(3, 4, rng=0))
lstm = Recurrent(LSTMCell(3, 4, rng=0))
good = np.zeros((5, 2, 3))

CASES = [
    (
        "wrong rank",
        lambda: rnn.forward(np.zeros((5, 3))),
        ValueError,
        r"inputs: expected an array with 3 dimensions \(T, B, D\) time-major, got shape \(5, 3\)",
    ),
    (
        "wrong feature size",
        lambda: rnn.forward(np.zeros((5, 2, 4))),
        ValueError,
        r"inputs: expected size 3 on axis 2 .* got shape \(5, 2, 4\)",
    ),
    (
        "NaN input",
        lambda: rnn.forward(np.full((5, 2, 3), np.nan)),
        ValueError,
        "inputs: expected finite values, got 30 NaN",
    ),
    ("string input", lambda: rnn.forward("hello"), TypeError, "inputs: expected a float array"),
    (
        "object dtype",
        lambda: rnn.forward(np.array([[[None]]])),
        TypeError,
        "inputs: expected a real-valued array",
    ),
    (
        "bad mask shape",
        lambda: rnn.forward(good, mask=np.ones((5, 3))),
        ValueError,
        r"mask: expected shape \(5, 2\), got shape \(5, 3\)",
    ),
    (
        "non-binary mask",
        lambda: rnn.forward(good, mask=np.full((5, 2), 0.5)),
        ValueError,
        "mask: expected only 0/1",
    ),
    (
        "bad initial state",
        lambda: lstm.forward(good, initial_state=np.zeros((2, 4))),
        ValueError,
        r"initial_state: expected a tuple \(hidden, cell_state\)",
    ),
    (
        "initial state batch",
        lambda: rnn.forward(good, initial_state=np.zeros((3, 4))),
        ValueError,
        r"initial_state\[0\] \(hidden\): expected size 2 on axis 0",
    ),
    (
        "bad dhidden",
        lambda: rnn.backward(np.zeros((5, 2, 5)), rnn.forward(good)[1]),
        ValueError,
        r"dhidden: expected shape \(5, 2, 4\)",
    ),
    (
        "truncate zero",
        lambda: rnn.backward(None, rnn.forward(good)[1], truncate=0),
        ValueError,
        "truncate: expected an integer >= 1, got 0",
    ),
    (
        "hidden size",
        lambda: GRUCell(3, 0, rng=0),
        ValueError,
        "hidden_size: expected an integer >= 1, got 0",
    ),
    (
        "float size",
        lambda: RNNCell(2.5, 3, rng=0),
        TypeError,
        "input_size: expected an integer >= 1, got float 2.5",
    ),
    (
        "activation",
        lambda: RNNCell(2, 3, rng=0, activation="sigmoid"),
        ValueError,
        "activation: expected one of 'tanh', 'relu', got 'sigmoid'",
    ),
    (
        "no rng",
        lambda: RNNCell(2, 3, rng=None),
        TypeError,
        "rng: expected a numpy.random.Generator or an integer seed",
    ),
    (
        "int dtype",
        lambda: RNNCell(2, 3, rng=0, dtype=np.int32),
        TypeError,
        "dtype: expected float32 or float64, got dtype int32",
    ),
    (
        "forget bias",
        lambda: LSTMCell(2, 3, rng=0, forget_bias=float("nan")),
        ValueError,
        "forget_bias",
    ),
    (
        "token out of range",
        lambda: Embedding(4, 2, rng=0).forward(np.array([1, 4])),
        ValueError,
        r"ids: expected indices in \[0, 4\), got 4",
    ),
    (
        "negative token",
        lambda: one_hot(np.array([-1]), 3),
        ValueError,
        r"ids: expected indices in \[0, 3\), got -1",
    ),
    (
        "float ids",
        lambda: Embedding(4, 2, rng=0).forward(np.array([1.0])),
        TypeError,
        "ids: expected an integer array",
    ),
    (
        "dense features",
        lambda: Dense(3, 2, rng=0).forward(np.zeros((4, 2))),
        ValueError,
        r"x: expected size 3 on axis -1",
    ),
    (
        "targets shape",
        lambda: softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2])),
        ValueError,
        r"targets: expected class indices of shape \(2,\)",
    ),
    (
        "target class",
        lambda: softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3])),
        ValueError,
        r"targets: expected indices in \[0, 3\), got 3",
    ),
    (
        "all masked",
        lambda: softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1]), np.zeros(2)),
        ValueError,
        "mask: expected at least one unmasked position",
    ),
    (
        "mse shapes",
        lambda: mse(np.zeros((2, 1)), np.zeros((2, 2))),
        ValueError,
        r"target: expected shape \(2, 1\)",
    ),
    ("empty batch", lambda: pad_batch([]), ValueError, "sequences: expected at least one sequence"),
    (
        "ragged floats",
        lambda: pad_batch([np.array([1.5])]),
        ValueError,
        r"sequences\[0\]: expected a non-empty 1-D integer",
    ),
    (
        "task length",
        lambda: adding_problem(3, 1, rng=0),
        ValueError,
        "length: expected an integer >= 2, got 1",
    ),
    (
        "model ids rank",
        lambda: SequenceModel(hidden_size=2, output_size=2, vocab_size=3, rng=0).forward(
            np.zeros((2, 2, 1), int)
        ),
        ValueError,
        r"inputs: expected an array with 2 dimensions \(T, B\)",
    ),
]


@pytest.mark.parametrize("name, call, error, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_named(name, call, error, message):
    with pytest.raises(error, match=message):
        call()
