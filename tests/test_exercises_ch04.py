"""The chapter 4 exercise checks accept right answers and explain wrong ones."""

import math

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib.cells import CELL_TYPES, GRUCell, LSTMCell, RNNCell
from rnnlib.exercises import ch04
from rnnlib.exercises.ch04 import expected_parameters
from rnnlib.functional import sigmoid


def not_attempted(*args):
    raise NotImplementedError


def crashes(*args):
    return 1 / 0


# ----- exercise 1: a GRU step --------------------------------------------------------------------


def gru_step(
    x,
    h,
    W_xh,
    W_hh,
    b,
    b_hn,
    *,
    mix=True,
    swap=False,
    reset_before=False,
    use_b_hn=True,
    gate=sigmoid,
):
    xr, xz, xn = np.split(W_xh @ x + b, 3)
    hr, hz, hn = np.split(W_hh @ h, 3)
    if swap:
        xr, xz, hr, hz = xz, xr, hz, hr
    r, z = gate(xr + hr), gate(xz + hz)
    bias = b_hn if use_b_hn else 0.0
    if reset_before:
        n = np.tanh(xn + np.split(W_hh, 3)[2] @ (r * h) + bias)
    else:
        n = np.tanh(xn + r * (hn + bias))
    return (1 - z) * n + z * h if mix else z * n + (1 - z) * h


def test_gru_step_accepts_the_right_answer(capsys):
    assert ch04.check_gru_step(gru_step)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda *a: gru_step(*a, mix=False), "other way round"),
        (lambda *a: gru_step(*a, swap=True), "swapped"),
        (lambda *a: gru_step(*a, use_b_hn=False), "b_hn is missing"),
        (lambda *a: gru_step(*a, reset_before=True), "Cho et al."),
        (lambda *a: gru_step(*a, gate=np.tanh), "sigmoids"),
        (lambda *a: 2 * gru_step(*a), "differs from rnnlib"),
        (lambda *a: np.zeros(3), "shape (4,)"),
        (lambda *a: "h", "expected an array"),
        (not_attempted, "not attempted"),
        (crashes, "ZeroDivisionError"),
        (42, "expected a function"),
    ],
)
def test_gru_step_explains_wrong_answers(answer, words, capsys):
    assert ch04.check_gru_step(answer) is False
    assert words in capsys.readouterr().out


# ----- exercise 2: parameter counts -------------------------------------------------------------------


def blocks(cell):
    return CELL_TYPES[cell].num_blocks


def right_count(cell, D, H):
    return blocks(cell) * H * (D + H + 1) + (H if cell == "gru" else 0)


def test_parameter_count_accepts_the_right_answer(capsys):
    assert ch04.check_parameter_count(right_count)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (
            lambda c, D, H: right_count(c, D, H) - (blocks(c) + (c == "gru")) * H,
            "biases are missing",
        ),
        (lambda c, D, H: right_count(c, D, H) - (H if c == "gru" else 0), "b_hn is missing"),
        (lambda c, D, H: blocks(c) * H * (D + H + 2), "two bias vectors"),
        (lambda c, D, H: H * (D + H + 1), "this cell stacks 4 blocks"),
        (lambda c, D, H: right_count(c, D, H) + 1, "expected"),
        (lambda c, D, H: "many", "whole number"),
        (not_attempted, "not attempted"),
        (crashes, "ZeroDivisionError"),
    ],
)
def test_parameter_count_explains_wrong_answers(answer, words, capsys):
    assert ch04.check_parameter_count(answer) is False
    assert words in capsys.readouterr().out


# ----- exercise 3: a forget gate that remembers ---------------------------------------------------------


def test_forget_gate_accepts_the_right_answer(capsys):
    forget = 0.5 ** (1 / 100)
    assert ch04.check_forget_gate(forget, math.log(forget / (1 - forget)))
    assert ch04.check_forget_gate(0.99309, 4.966)  # rounded answers pass
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("forget", "bias", "words"),
    [
        (None, None, "not attempted"),
        (0.995, math.log(0.995 / 0.005), "multiply over the steps"),
        (0.005, math.log(0.005 / 0.995), "f ** 100 = 0.5"),
        (0.5, 0.0, "f ** 100 = 0.5"),
        (1.2, 1.0, "strictly between 0 and 1"),
        (0.99, math.log(99), "solve f ** 100"),
        (0.5 ** (1 / 100), 1.0, "invert the sigmoid"),
        ("0.99", 1.0, "expected a number"),
    ],
)
def test_forget_gate_explains_wrong_answers(forget, bias, words, capsys):
    assert ch04.check_forget_gate(forget, bias) is False
    assert words in capsys.readouterr().out


@pytest.mark.parametrize("cls", [RNNCell, LSTMCell, GRUCell])
@pytest.mark.parametrize(("D", "H"), [(1, 1), (2, 16), (10, 7)])
def test_expected_parameters_match_the_cells(cls, D, H):
    name = next(name for name, registered in CELL_TYPES.items() if registered is cls)
    assert expected_parameters(name, D, H) == cls(D, H, rng=0).num_parameters()


# ----- exercise 4: the LSTM step backward ----------------------------------------------------------


def lstm_step_backward(
    dh, dc, cache, *, transpose_forget_W_hh=False, skip_tanh_path=False, forget_slope=True
):
    """A right answer, with switches for the usual mistakes."""
    i, f, g, o = (cache[k] for k in "ifgo")
    tanh_c = cache["tanh_c"]
    dc_t = dc if skip_tanh_path else dc + dh * o * (1 - tanh_c**2)
    da_f = dc_t * cache["c_prev"] * (f * (1 - f) if forget_slope else 1.0)
    da = np.concatenate(
        [dc_t * g * i * (1 - i), da_f, dc_t * i * (1 - g**2), dh * tanh_c * o * (1 - o)]
    )
    dW_hh = np.outer(da, cache["h_prev"])
    if transpose_forget_W_hh:
        H = dh.size
        dW_hh[H : 2 * H] = dW_hh[H : 2 * H].T.copy()
    return (
        cache["W_xh"].T @ da,
        cache["W_hh"].T @ da,
        dc_t * f,
        np.outer(da, cache["x"]),
        dW_hh,
        da,
    )


def test_lstm_step_backward_accepts_the_right_answer(capsys):
    assert ch04.check_lstm_step_backward(lstm_step_backward)
    assert "Correct" in capsys.readouterr().out


def test_lstm_step_forward_matches_rnnlib():
    arrays, *_ = ch04._backward_case()
    cell = LSTMCell(3, 4, rng=0, forget_bias=0.0)
    for name in ("W_xh", "W_hh", "b"):
        cell.params[name][...] = arrays[name]
    h, c, _ = ch04.lstm_step_forward(
        *(arrays[k] for k in ("x", "h_prev", "c_prev", "W_xh", "W_hh", "b"))
    )
    (h_lib, c_lib), _ = cell.forward(
        arrays["x"][None], (arrays["h_prev"][None], arrays["c_prev"][None])
    )
    np.testing.assert_allclose(h, h_lib[0], atol=1e-12)
    np.testing.assert_allclose(c, c_lib[0], atol=1e-12)


def _swap(result, index, value):
    result = list(result)
    result[index] = value
    return tuple(result)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (
            lambda dh, dc, cache: lstm_step_backward(dh, dc, cache, transpose_forget_W_hh=True),
            "forget gate's block of dW_hh (rows 4:8) is transposed",
        ),
        (
            lambda dh, dc, cache: lstm_step_backward(dh, dc, cache, skip_tanh_path=True),
            "dc_t = dc + dh * o * (1 - tanh(c)**2)",
        ),
        (
            lambda dh, dc, cache: lstm_step_backward(dh, dc, cache, forget_slope=False),
            "the forget gate's gradient is wrong",
        ),
        (
            lambda dh, dc, cache: _swap(
                lstm_step_backward(dh, dc, cache), 3, lstm_step_backward(dh, dc, cache)[3].T
            ),
            "transpose of (16, 3)",
        ),
        (
            lambda dh, dc, cache: _swap(
                lstm_step_backward(dh, dc, cache),
                1,
                cache["W_hh"][:4] @ lstm_step_backward(dh, dc, cache)[1],
            ),
            "dh_prev = W_hh.T @ db",
        ),
        (
            lambda dh, dc, cache: _swap(lstm_step_backward(dh, dc, cache), 2, dc * cache["f"]),
            "dc_prev = dc_t * f",
        ),
        (lambda dh, dc, cache: lstm_step_backward(dh, dc, cache)[:5], "a tuple of six"),
        (not_attempted, "not attempted"),
        (crashes, "ZeroDivisionError"),
    ],
)
def test_lstm_step_backward_explains_wrong_answers(answer, words, capsys):
    assert ch04.check_lstm_step_backward(answer) is False
    assert words in capsys.readouterr().out


# ----- the Korean edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "args", "words"),
    [
        (ch04.check_gru_step, (lambda *a: gru_step(*a, mix=False),), "섞는 방향이 반대입니다"),
        (
            ch04.check_parameter_count,
            (lambda cell, D, H: CELL_TYPES[cell].num_blocks * H * (D + H),),
            "편향이 빠졌습니다",
        ),
        (ch04.check_forget_gate, (0.995, math.log(0.995 / 0.005)), "곱해집니다(f^100)"),
        (ch04.check_forget_gate, (None, None), "아직 풀지 않았습니다"),
        (
            ch04.check_lstm_step_backward,
            (lambda dh, dc, cache: lstm_step_backward(dh, dc, cache, forget_slope=False),),
            "망각 게이트의 기울기가 틀렸습니다",
        ),
        (
            ch04.check_lstm_step_backward,
            (lambda dh, dc, cache: lstm_step_backward(dh, dc, cache, transpose_forget_W_hh=True),),
            "dW_hh에서 망각 게이트 부분(행 4:8)이 전치되었습니다",
        ),
    ],
)
def test_checks_speak_korean(check, args, words, monkeypatch, capsys):
    assert words in check_in_korean(monkeypatch, capsys, check, *args)
