"""The chapter 2 exercise checks accept right answers and explain wrong ones."""

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib.exercises import ch02


# ----- exercise checks ------------------------------------------------------------------------
def _verdict(capsys, passed, expected, *phrases):
    out = capsys.readouterr().out
    assert passed is expected, out
    for phrase in phrases:
        assert phrase in out, out


def _stub(*args, **kwargs):
    raise NotImplementedError


def test_check_rnn_step(capsys):
    _verdict(
        capsys,
        ch02.check_rnn_step(lambda x, h, U, W, b: np.tanh(U @ x + W @ h + b)),
        True,
        "Correct",
    )
    _verdict(capsys, ch02.check_rnn_step(_stub), False, "not attempted")
    _verdict(capsys, ch02.check_rnn_step(lambda *a: None), False, "forget a `return`")
    wrong = {
        "pre-activation": lambda x, h, U, W, b: U @ x + W @ h + b,
        "bias b is missing": lambda x, h, U, W, b: np.tanh(U @ x + W @ h),
        "h_prev is ignored": lambda x, h, U, W, b: np.tanh(U @ x + b),
        "sigmoid": lambda x, h, U, W, b: 1 / (1 + np.exp(-(U @ x + W @ h + b))),
        "ReLU": lambda x, h, U, W, b: np.maximum(U @ x + W @ h + b, 0),
        "transposed": lambda x, h, U, W, b: np.tanh(U @ x + W.T @ h + b),
        "shapes": lambda x, h, U, W, b: np.tanh(W @ x + U @ h + b),
        "shape (H,)": lambda x, h, U, W, b: np.tanh(U @ x + W @ h + b)[None],
        "differs": lambda x, h, U, W, b: np.tanh(U @ x + W @ h + b) + 0.1,
    }
    for phrase, answer in wrong.items():
        _verdict(capsys, ch02.check_rnn_step(answer), False, phrase)


def _softmax(z, temperature=1.0):
    z = np.asarray(z, dtype=float) / temperature
    e = np.exp(z - z.max())
    return e / e.sum()


def test_check_softmax(capsys):
    _verdict(capsys, ch02.check_softmax(_softmax), True, "Correct")
    _verdict(capsys, ch02.check_softmax(_stub), False, "not attempted")
    with np.errstate(all="ignore"):
        _verdict(
            capsys,
            ch02.check_softmax(
                lambda z, temperature=1.0: (
                    np.exp(np.divide(z, temperature)) / np.exp(np.divide(z, temperature)).sum()
                )
            ),
            False,
            "overflows",
        )
    _verdict(
        capsys, ch02.check_softmax(lambda z, temperature=1.0: np.exp(z)), False, "divide exp(z)"
    )
    _verdict(capsys, ch02.check_softmax(lambda z, temperature=1.0: _softmax(z)), False, "ignored")
    _verdict(
        capsys,
        ch02.check_softmax(lambda z, temperature=1.0: _softmax(np.multiply(z, temperature))),
        False,
        "multiplied",
    )
    _verdict(capsys, ch02.check_softmax(lambda z: _softmax(z)), False, "temperature=0.5")


def test_check_next_char_pairs(capsys):
    def right(text, vocab):
        ids = vocab.encode(text)
        return ids[:-1], ids[1:]

    _verdict(capsys, ch02.check_next_char_pairs(right), True, "Correct")
    _verdict(capsys, ch02.check_next_char_pairs(_stub), False, "not attempted")
    wrong = {
        "swapped": lambda t, v: (v.encode(t)[1:], v.encode(t)[:-1]),
        "the same": lambda t, v: (v.encode(t)[:-1], v.encode(t)[:-1]),
        "no next one": lambda t, v: (v.encode(t), v.encode(t)),
        "integer ids": lambda t, v: (list(t[:-1]), list(t[1:])),
        "expected inputs": lambda t, v: (v.encode(t)[:-1], v.encode(t)[::-1][:-1]),
        "a pair": lambda t, v: v.encode(t),
    }
    for phrase, answer in wrong.items():
        _verdict(capsys, ch02.check_next_char_pairs(answer), False, phrase)


def test_check_parameter_shapes(capsys):
    right = {"W_xh": (8, 5), "W_hh": (8, 8), "b": (8,), "W_hy": (5, 8), "b_y": (5,)}
    _verdict(capsys, ch02.check_parameter_shapes(right), True, "Correct")
    _verdict(capsys, ch02.check_parameter_shapes(dict.fromkeys(right, ...)), False, "not attempted")
    _verdict(
        capsys, ch02.check_parameter_shapes({**right, "W_xh": (5, 8)}), False, "W_xh", "transposed"
    )
    _verdict(capsys, ch02.check_parameter_shapes({**right, "b": 8}), True, "Correct")
    missing = dict(right)
    del missing["b_y"]
    _verdict(capsys, ch02.check_parameter_shapes(missing), False, "b_y is missing")
    _verdict(capsys, ch02.check_parameter_shapes({**right, "W_hy": "big"}), False, "shape tuple")
    _verdict(capsys, ch02.check_parameter_shapes([1, 2]), False, "expected a dict")
    small = {"W_xh": (8, 3), "W_hh": (8, 8), "b": (8,), "W_hy": (3, 8), "b_y": (3,)}
    assert ch02.check_parameter_shapes(small, vocab_size=3)


def test_check_io_patterns(capsys):
    right = {task: pattern for task, (pattern, _) in ch02.IO_PATTERN_TASKS.items()}
    _verdict(capsys, ch02.check_io_patterns(right), True, "Correct")
    spelled = {task: pattern.upper().replace("-", " ") for task, pattern in right.items()}
    _verdict(capsys, ch02.check_io_patterns(spelled), True, "Correct")
    _verdict(capsys, ch02.check_io_patterns(dict.fromkeys(right, ...)), False, "not attempted")
    task = "translation: an English sentence -> a Korean sentence"
    _verdict(
        capsys, ch02.check_io_patterns({**right, task: "many-to-many"}), False, "aligned or not"
    )
    _verdict(capsys, ch02.check_io_patterns({**right, task: "many-to-one"}), False, "own length")
    _verdict(capsys, ch02.check_io_patterns({**right, task: "two-to-two"}), False, "is not one of")
    partial = dict(right)
    del partial[task]
    _verdict(capsys, ch02.check_io_patterns(partial), False, "no answer yet")


# ----- the forward pass over T steps -------------------------------------------------------
def right_forward(xs, h0, W_xh, W_hh, b):
    hidden, h = [], h0
    for x in xs:
        h = np.tanh(W_xh @ x + W_hh @ h + b)
        hidden.append(h)
    return np.array(hidden)


def not_carried(xs, h0, W_xh, W_hh, b):
    return np.array([np.tanh(W_xh @ x + W_hh @ h0 + b) for x in xs])


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
        (_stub, ["not attempted"]),
    ],
)
def test_wrong_forwards_are_explained(answer, words, capsys):
    assert ch02.check_rnn_forward(answer) is False
    out = capsys.readouterr().out
    for word in words:
        assert word in out, out


# ----- the Korean edition ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (ch02.check_rnn_step, lambda x, h, U, W, b: np.tanh(U @ x + W @ h), "편향 b가 빠졌습니다"),
        (ch02.check_rnn_step, lambda x, h, U, W, b: np.tanh(W @ x + U @ h + b), "(형태: x (3,)"),
        (ch02.check_rnn_forward, not_carried, "상태가 다음 시점으로 이어지지 않습니다"),
        (ch02.check_softmax, lambda z, temperature=1.0: _softmax(z), "온도를 쓰지 않았습니다"),
        (ch02.check_next_char_pairs, _stub, "아직 풀지 않았습니다"),
        (
            ch02.check_parameter_shapes,
            {"W_xh": (5, 8), "W_hh": (8, 8), "b": (8,), "W_hy": (5, 8), "b_y": (5,)},
            "(전치됨)",
        ),
        (
            ch02.check_io_patterns,
            {
                **{task: pattern for task, (pattern, _) in ch02.IO_PATTERN_TASKS.items()},
                "translation: an English sentence -> a Korean sentence": "many-to-many",
            },
            "정렬된(aligned) 쪽입니까",
        ),
    ],
)
def test_checks_speak_korean(check, answer, words, monkeypatch, capsys):
    assert words in check_in_korean(monkeypatch, capsys, check, answer)
