"""The chapter 3 exercise checks accept right answers and explain wrong ones."""

import math

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib.exercises import ch03


def not_attempted(*args):
    raise NotImplementedError


def crashes(*args):
    return 1 / 0


# ----- exercise 1 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "solution",
    [
        lambda h, W: (1 - h**2)[:, None] * W,
        lambda h, W: np.diag(1 - h**2) @ W,
    ],
)
def test_step_jacobian_accepts_right_answers(solution, capsys):
    assert ch03.check_step_jacobian(solution)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda h, W: W, "derivative 1 - h_t^2 is missing"),
        (lambda h, W: W @ np.diag(1 - h**2), "columns"),
        (lambda h, W: np.diag(1 - h**2) @ W.T, "transposed"),
        (lambda h, W: np.diag(1 - h) @ W, "uses 1 - h_t"),
        (lambda h, W: np.diag(h * (1 - h)) @ W, "sigmoid"),
        (lambda h, W: 2 * W, "differ"),
        (lambda h, W: np.zeros(3), "shape"),
        (lambda h, W: None, "shape"),
        (not_attempted, "not attempted"),
        (crashes, "ZeroDivisionError"),
    ],
)
def test_step_jacobian_explains_wrong_answers(answer, words, capsys):
    assert ch03.check_step_jacobian(answer) is False
    assert words in capsys.readouterr().out


# ----- exercise 2 ----------------------------------------------------------------------------


def right_steps(sigma, gamma, factor):
    return max(0, math.ceil(math.log(factor) / math.log(gamma * sigma) - 1e-12))


def test_steps_to_vanish_accepts_the_right_answer(capsys):
    assert ch03.check_steps_to_vanish(right_steps)
    assert right_steps(0.9, 1.0, 1e-6) == 132  # the number quoted in the notebook
    assert 0.9**132 <= 1e-6 < 0.9**131


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda s, g, f: right_steps(s, 1.0, f), "ignores gamma"),
        (lambda s, g, f: right_steps(s, g, f) - 1, "one too few"),
        (lambda s, g, f: right_steps(s, g, f) + 1, "one too many"),
        (lambda s, g, f: float(right_steps(s, g, f)), "a float"),
        (lambda s, g, f: "many", "expected an int"),
        (lambda s, g, f: 7, "expected"),
        (not_attempted, "not attempted"),
    ],
)
def test_steps_to_vanish_explains_wrong_answers(answer, words, capsys):
    assert ch03.check_steps_to_vanish(answer) is False
    assert words in capsys.readouterr().out


# ----- exercise 3 ----------------------------------------------------------------------------


def right_clip(grads, max_norm):
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in grads))
    return [g * min(1.0, max_norm / norm) for g in grads]


def test_clip_by_norm_accepts_the_right_answer(capsys):
    assert ch03.check_clip_by_norm(right_clip)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda gs, c: [g * min(1.0, c / np.linalg.norm(g)) for g in gs], "its own norm"),
        (lambda gs, c: [np.clip(g, -c, c) for g in gs], "by value"),
        (
            lambda gs, c: [g * c / math.sqrt(sum(np.sum(x * x) for x in gs)) for g in gs],
            "must stay unchanged",
        ),
        (lambda gs, c: [g * 0.5 for g in gs], "above"),
        (lambda gs, c: [g * 0.01 for g in gs], "expected every array"),
        (lambda gs, c: gs[0], "expected a list"),
        (lambda gs, c: [g.ravel() for g in gs], "shape"),
        (not_attempted, "not attempted"),
    ],
)
def test_clip_by_norm_explains_wrong_answers(answer, words, capsys):
    assert ch03.check_clip_by_norm(answer) is False
    assert words in capsys.readouterr().out


# ----- exercise: one step of BPTT ----------------------------------------------------------


def right_step_backward(dh, x_t, h_prev, h_t, W_hh):
    da = (1 - h_t**2) * dh
    return da @ W_hh, da.T @ x_t, da.T @ h_prev, da.sum(axis=0)


def test_step_backward_accepts_the_right_answer(capsys):
    assert ch03.check_rnn_step_backward(right_step_backward)
    assert "Correct" in capsys.readouterr().out


def _changed(index, value_fn):
    """The right step backward with output ``index`` replaced by ``value_fn(...)``."""

    def answer(dh, x_t, h_prev, h_t, W_hh):
        outputs = list(right_step_backward(dh, x_t, h_prev, h_t, W_hh))
        outputs[index] = value_fn(dh, x_t, h_prev, h_t, W_hh)
        return tuple(outputs)

    return answer


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (
            lambda dh, x, hp, ht, W: (dh @ W, dh.T @ x, dh.T @ hp, dh.sum(0)),
            ["dh_prev: relative error", "dW_hh: relative error", "derivative is missing"],
        ),
        (
            _changed(2, lambda dh, x, hp, ht, W: hp.T @ ((1 - ht**2) * dh)),
            ["dW_hh: relative error", "transposed: dW_hh = da.T @ h_prev"],
        ),
        (
            _changed(0, lambda dh, x, hp, ht, W: ((1 - ht**2) * dh) @ W.T),
            ["dh_prev", "W_hh is transposed"],
        ),
        (
            _changed(1, lambda dh, x, hp, ht, W: x.T @ ((1 - ht**2) * dh)),
            ["dW_xh: expected shape (4, 3), got (3, 4) (transposed?)"],
        ),
        (_changed(3, lambda dh, x, hp, ht, W: (1 - ht**2) * dh), ["sum over the batch"]),
        (_changed(2, lambda dh, x, hp, ht, W: ((1 - ht**2) * dh).T @ ht), ["not h_t"]),
        (lambda *a: right_step_backward(*a)[:3], ["expected four results"]),
        (not_attempted, ["not attempted"]),
    ],
)
def test_step_backward_explains_wrong_answers(answer, words, capsys):
    assert ch03.check_rnn_step_backward(answer) is False
    out = capsys.readouterr().out
    for word in words:
        assert word in out, out


# ----- exercise: the BPTT loop -------------------------------------------------------------


def bptt(dh_local, x, h, W_hh, mistake=None):
    """BPTT built on the right step, or with one of the classic mistakes."""
    steps, _, hidden = dh_local.shape
    dW_xh, dW_hh, db = np.zeros((hidden, x.shape[2])), np.zeros((hidden, hidden)), np.zeros(hidden)
    dh_total, dh_next = np.zeros_like(dh_local), np.zeros_like(h[0])
    for t in range(steps, 0, -1):
        dh = dh_next if mistake == "no local" and t < steps else dh_local[t - 1] + dh_next
        dh_total[t - 1] = dh
        dh_prev, gx, gh, gb = right_step_backward(dh, x[t - 1], h[t - 1], h[t], W_hh)
        if mistake == "overwrite":
            dW_xh, dW_hh, db = gx, gh, gb
        else:
            dW_xh, dW_hh, db = dW_xh + gx, dW_hh + gh, db + gb
        if mistake == "accumulate dh_next":
            dh_next = dh_next + dh_prev
        elif mistake == "skip slope":
            dh_next = dh @ W_hh
        else:
            dh_next = dh_prev
    return dW_xh, dW_hh, db, dh_total


def test_bptt_loop_accepts_the_right_answer(capsys):
    assert ch03.check_rnn_backward(bptt)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        ("accumulate dh_next", ["first disagrees at step t = 3", "not accumulated (dh_next +="]),
        ("skip slope", ["first disagrees at step t = 4", "skips the tanh slope"]),
        ("no local", ["first disagrees at step t = 4", "local gradient dL_t/dh_t is dropped"]),
        ("overwrite", ["overwritten at each step", "dW_hh: relative error"]),
    ],
)
def test_bptt_loop_names_the_dh_next_mistakes(mistake, words, capsys):
    assert ch03.check_rnn_backward(lambda *a: bptt(*a, mistake=mistake)) is False
    out = capsys.readouterr().out
    for word in words:
        assert word in out, out


def test_bptt_loop_names_shapes_and_a_forward_loop(capsys):
    def transposed(*args):
        dW_xh, dW_hh, db, dh_total = bptt(*args)
        return dW_xh.T, dW_hh, db, dh_total

    assert ch03.check_rnn_backward(transposed) is False
    assert "dW_xh: expected shape (4, 3), got (3, 4)" in capsys.readouterr().out
    assert ch03.check_rnn_backward(not_attempted) is False
    assert "not attempted" in capsys.readouterr().out


# ----- the Korean edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (ch03.check_step_jacobian, lambda h, W: W, "tanh의 도함수 1 - h_t^2가 빠졌습니다"),
        (ch03.check_steps_to_vanish, lambda s, g, f: right_steps(s, g, f) - 1, "하나 모자랍니다"),
        (
            ch03.check_clip_by_norm,
            lambda gs, c: [np.clip(g, -c, c) for g in gs],
            "큰 기울기: 성분마다 값으로 클리핑했습니다",
        ),
        (
            ch03.check_rnn_step_backward,
            _changed(0, lambda dh, x, hp, ht, W: ((1 - ht**2) * dh) @ W.T),
            "W_hh가 전치되었습니다",
        ),
        (
            ch03.check_rnn_backward,
            lambda *a: bptt(*a, mistake="accumulate dh_next"),
            "dL/dh_t가 처음 어긋나는 곳은 시점 t = 3입니다",
        ),
        (
            ch03.check_rnn_backward,
            lambda *a: bptt(*a, mistake="no local"),
            "국소 기울기 dL_t/dh_t가 빠졌습니다",
        ),
        (ch03.check_rnn_backward, not_attempted, "아직 풀지 않았습니다"),
        (ch03.check_rnn_backward, crashes, "ZeroDivisionError 예외가 발생했습니다"),
    ],
)
def test_checks_speak_korean(check, answer, words, monkeypatch, capsys):
    assert words in check_in_korean(monkeypatch, capsys, check, answer)
