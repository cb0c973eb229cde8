"""Chapter 2's forward-pass exercise: the check accepts a right answer and explains the
typical wrong ones (the state not carried, only the last state, a transposed result)."""

import numpy as np
import pytest

from rnnlib.exercises import ch02


def right_forward(xs, h0, W_xh, W_hh, b):
    hidden, h = [], h0
    for x in xs:
        h = np.tanh(W_xh @ x + W_hh @ h + b)
        hidden.append(h)
    return np.array(hidden)


def not_carried(xs, h0, W_xh, W_hh, b):
    return np.array([np.tanh(W_xh @ x + W_hh @ h0 + b) for x in xs])


def stub(*args):
    raise NotImplementedError


def test_right_forward_passes(capsys):
    assert ch02.check_rnn_forward(right_forward)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (not_carried, ["step 2 of 5 first disagrees", "state is not carried"]),
        (lambda *a: right_forward(*a)[-1], ["got (4,)", "return every h_t"]),
        (lambda *a: right_forward(*a).T, ["got (4, 5)", "transposed"]),
        (
            lambda xs, h0, *w: np.vstack([h0, right_forward(xs, h0, *w)]),
            ["got (6, 4)", "h_0 is the start"],
        ),
        (lambda xs, *rest: right_forward(xs[::-1], *rest), ["steps run backwards in time"]),
        (lambda xs, h0, U, W, b: right_forward(xs, h0, U, W, 0 * b), ["h_1 is already wrong"]),
        (stub, ["not attempted"]),
    ],
)
def test_wrong_forwards_are_explained(answer, words, capsys):
    assert ch02.check_rnn_forward(answer) is False
    out = capsys.readouterr().out
    for word in words:
        assert word in out, out
