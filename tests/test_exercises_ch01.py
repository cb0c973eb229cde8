"""The chapter 1 exercise checks accept right answers and explain wrong ones."""

from __future__ import annotations

import math

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib.exercises import ch01


def right_hebbian(patterns):
    weights = patterns.T @ patterns / patterns.shape[1]
    np.fill_diagonal(weights, 0.0)
    return weights


def right_energy(weights, state):
    return -0.5 * state @ weights @ state


RIGHT_RATE = 0.5 * math.erfc(math.sqrt(1000 / 200))


def test_right_answers_pass(capsys):
    assert ch01.check_hebbian(right_hebbian)
    assert ch01.check_energy(right_energy)
    assert ch01.check_one_step_error(RIGHT_RATE)
    assert ch01.check_two_cycle(np.array([[0.0, -1.0], [-1.0, 0.0]]), np.array([1.0, 1.0]))
    assert capsys.readouterr().out.count("Correct") == 4


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda p: None, "forget a `return`"),
        (lambda p: 1 / 0, "ZeroDivisionError"),
        (lambda p: p.T @ p / p.shape[1], "diagonal must be zero"),
        (lambda p: right_hebbian(p) * p.shape[1], "N times too large"),
        (lambda p: p @ p.T, "one per pair of units"),
        (lambda p: np.triu(right_hebbian(p)), "symmetric"),
    ],
)
def test_hebbian_mistakes_are_explained(answer, words, capsys):
    assert not ch01.check_hebbian(answer)
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, words",
    [
        (lambda w, s: None, "forget a `return`"),
        (lambda w, s: 0.5 * s @ w @ s, "sign is flipped"),
        (lambda w, s: -(s @ w @ s), "twice the energy"),
        (lambda w, s: -0.5 * s.sum(), "should be"),
        (lambda w, s: "low", "one number"),
    ],
)
def test_energy_mistakes_are_explained(answer, words, capsys):
    assert not ch01.check_energy(answer)
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    "answer, words",
    [
        (None, "not attempted"),
        (2 * RIGHT_RATE, "twice too large"),
        (0.5 * math.erfc(math.sqrt(100 / 2000)), "swapped"),
        (0.5 * math.erfc(math.sqrt(10)), "the 2 is missing"),
        (1000 * RIGHT_RATE, "number of flipped units"),
        (0.3, "is not it"),
        ("small", "a number"),
    ],
)
def test_one_step_error_mistakes_are_explained(answer, words, capsys):
    assert not ch01.check_one_step_error(answer)
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    "weights, state, words",
    [
        (None, None, "not attempted"),
        (np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([1.0, 1.0]), "not a cycle"),
        (np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([1.0, 1.0]), "zero diagonal"),
        (np.array([[0.0, -1.0], [-1.0, 0.0]]), np.array([1.0, 0.0]), "bipolar"),
    ],
)
def test_two_cycle_mistakes_are_explained(weights, state, words, capsys):
    assert not ch01.check_two_cycle(weights, state)
    assert words in capsys.readouterr().out


# ----- the Korean edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "args", "words"),
    [
        (ch01.check_hebbian, (lambda p: right_hebbian(p) * p.shape[1],), "W가 N배 큽니다"),
        (ch01.check_hebbian, (lambda p: p @ p.T,), "유닛 쌍마다"),
        (ch01.check_energy, (lambda w, s: 0.5 * s @ w @ s,), "부호가 반대입니다"),
        (ch01.check_one_step_error, (2 * RIGHT_RATE,), "한쪽 꼬리만"),
        (ch01.check_one_step_error, (None,), "아직 풀지 않았습니다"),
        (
            ch01.check_two_cycle,
            (np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([1.0, 1.0])),
            "고정점(fixed point)에 이릅니다",
        ),
        (ch01.check_hebbian, (right_hebbian,), "정답입니다"),
    ],
)
def test_checks_speak_korean(check, args, words, monkeypatch, capsys):
    assert words in check_in_korean(monkeypatch, capsys, check, *args)
