"""The exercise checks of chapter 6 on right, wrong and unattempted answers."""

import numpy as np
import pytest

from rnnlib import SequenceModel
from rnnlib.data.encoding import pad_batch
from rnnlib.exercises import ch06


def _right_pad(sequences, pad_id=0):
    return pad_batch([np.array(s) for s in sequences], pad_id=pad_id)


def _stub(*args, **kwargs):
    raise NotImplementedError


@pytest.mark.parametrize(
    "answer, expected_message",
    [
        (_right_pad, "Correct"),
        (_stub, "not attempted"),
        (lambda s, pad_id=0: tuple(a.T for a in _right_pad(s, pad_id)), "batch-major"),
        (lambda s, pad_id=0: (_right_pad(s, pad_id)[0], 1 - _right_pad(s, pad_id)[1]), "inverted"),
        (lambda s, pad_id=0: (_right_pad(s, 0)[0], _right_pad(s, 0)[1]), "pad_id is ignored"),
        (
            lambda s, pad_id=0: (np.array([[5, 0, 0], [6, 0, 9], [7, 8, 10]]), np.ones((3, 3))),
            "left",
        ),
        (lambda s, pad_id=0: _right_pad(s, pad_id)[0], "pair"),
        (lambda s, pad_id=0: (np.zeros((2, 3)), np.zeros((2, 3))), "shape"),
    ],
)
def test_check_pad(answer, expected_message, capsys):
    passed = ch06.check_pad(answer)
    out = capsys.readouterr().out
    assert passed == (expected_message == "Correct")
    assert expected_message in out


@pytest.mark.parametrize(
    "answer, expected_message",
    [
        (lambda s, w: [s.split().count(x) for x in w], "Correct"),
        (lambda s, w: ..., "not attempted"),
        (lambda s, w: [int(x in s.split()) for x in w], "presence"),
        (lambda s, w: [s.split().count(x) for x in reversed(w)], "wrong places"),
        (lambda s, w: [1, 2], "vector of 7 counts"),
        (lambda s, w: [s.split().count(x) + 1 for x in w], "expected"),
        (lambda s, w: 1 / 0, "ZeroDivisionError"),
    ],
)
def test_check_bag_of_words(answer, expected_message, capsys):
    passed = ch06.check_bag_of_words(answer)
    out = capsys.readouterr().out
    assert passed == (expected_message == "Correct")
    assert expected_message in out


def test_check_parameter_count(capsys):
    right = SequenceModel(many_to_one=True, rng=0, **ch06.PARAMETER_MODEL).num_parameters()
    assert ch06.check_parameter_count(right)
    cases = {
        right - 2 * 16: "b_hn",
        right - 20 * 8: "embedding",
        right - 3: "bias",
        right - 16 * 3: "(C, 2H)",
        1: "not it",
        "2691": "whole number",
        ...: "not attempted",
    }
    for answer, message in cases.items():
        assert not ch06.check_parameter_count(answer)
        assert message in capsys.readouterr().out, answer
