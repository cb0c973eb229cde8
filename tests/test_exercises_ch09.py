"""The chapter 9 exercise checks accept right answers and explain wrong ones."""

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib.exercises import ch09


def not_attempted(*args):
    raise NotImplementedError


def crashes(*args):
    return 1 / 0


# ----- exercise 1: attention forward --------------------------------------------------------------


def forward(query, keys, mask, *, masked=True, renormalise=True, shift=True, use_weights=True):
    scores = keys @ query
    if masked and renormalise:
        scores = np.where(mask > 0, scores, -np.inf)
    weights = np.exp(scores - scores.max()) if shift else np.exp(scores)
    weights /= weights.sum()
    if masked and not renormalise:
        weights = weights * mask
    values = weights if use_weights else np.where(mask > 0, keys @ query, 0.0)
    return values @ keys, weights


def test_attention_forward_accepts_the_right_answer(capsys):
    assert ch09.check_attention_forward(forward)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda q, k, m: forward(q, k, m, masked=False), "padded positions got weight"),
        (lambda q, k, m: forward(q, k, m, renormalise=False), "renormalis"),
        (lambda q, k, m: forward(q, k, m, shift=False), "overflow"),
        (lambda q, k, m: (k.T @ (k @ q), forward(q, k, m)[1]), "raw scores"),
        (lambda q, k, m: (k.mean(0), forward(q, k, m)[1]), "plain mean"),
        (lambda q, k, m: forward(q, k, m)[1], "pair"),
        (lambda q, k, m: (forward(q, k, m)[0], forward(q, k, m)[1][:-1]), "shape"),
        (not_attempted, "not attempted"),
        (crashes, "ZeroDivisionError"),
    ],
)
def test_attention_forward_explains_wrong_answers(answer, words, capsys):
    assert not ch09.check_attention_forward(answer)
    assert words in capsys.readouterr().out


# ----- exercise 2: attention backward -------------------------------------------------------------


def backward(dcontext, query, keys, weights, *, jacobian=True, values=True, through_scores=True):
    dweights = keys @ dcontext
    dscores = weights * (dweights - weights @ dweights) if jacobian else dweights
    dkeys = np.zeros_like(keys)
    if values:
        dkeys += np.outer(weights, dcontext)
    if through_scores:
        dkeys += np.outer(dscores, query)
    return keys.T @ dscores, dkeys


def test_attention_backward_accepts_the_right_answer(capsys):
    assert ch09.check_attention_backward(backward)
    assert "Correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda *a: backward(*a, jacobian=False), "Jacobian"),
        (lambda *a: backward(*a, values=False), "direct path"),
        (lambda *a: backward(*a, through_scores=False), "through the scores"),
        (lambda dc, q, k, w: (-backward(dc, q, k, w)[0], backward(dc, q, k, w)[1]), "dquery"),
        (lambda *a: backward(*a)[0], "pair"),
        (not_attempted, "not attempted"),
        (crashes, "ZeroDivisionError"),
    ],
)
def test_attention_backward_explains_wrong_answers(answer, words, capsys):
    assert not ch09.check_attention_backward(answer)
    assert words in capsys.readouterr().out


# ----- the Korean edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (
            ch09.check_attention_forward,
            lambda q, k, m: forward(q, k, m, masked=False),
            "패딩 위치에 가중치가 들어갔습니다",
        ),
        (
            ch09.check_attention_forward,
            lambda q, k, m: (forward(q, k, m)[0], forward(q, k, m)[1][:-1]),
            "weights: 형태가 (6,)이어야 하는데 (5,)입니다.",
        ),
        (
            ch09.check_attention_backward,
            lambda *a: backward(*a, jacobian=False),
            "소프트맥스의 야코비 행렬을 건너뛰었습니다",
        ),
        (ch09.check_attention_backward, lambda *a: backward(*a)[0], "쌍을 반환해야 합니다"),
    ],
)
def test_checks_speak_korean(check, answer, words, monkeypatch, capsys):
    assert words in check_in_korean(monkeypatch, capsys, check, answer)
