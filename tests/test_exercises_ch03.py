"""The chapter 3 exercise checks accept right answers and explain wrong ones."""

import math

import numpy as np
import pytest

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
