"""The chapter 7 exercise checks accept right answers and explain wrong ones."""

import matplotlib
import numpy as np
from korean import check_in_korean

from rnnlib.exercises import ch07
from rnnlib.tagging import Transitions, viterbi

matplotlib.use("Agg")


def test_exercise_transition_counts(capsys):
    tags = [[0, 1, 1], [1, 0]]
    right = np.array([[0, 1], [1, 1]])
    assert ch07.check_transition_counts(right, tags, 2)
    assert "Correct" in capsys.readouterr().out
    assert not ch07.check_transition_counts(None, tags, 2)
    assert "None" in capsys.readouterr().out
    assert not ch07.check_transition_counts(np.array([[0, 1], [2, 1]]), [[0, 1, 0, 1], [1, 1]], 2)
    assert "transposed" in capsys.readouterr().out
    assert not ch07.check_transition_counts(right / right.sum(1, keepdims=True), tags, 2)
    assert "probabilities" in capsys.readouterr().out
    assert not ch07.check_transition_counts(np.array([[0, 1], [1, 2]]), tags, 2)
    assert "do not pair" in capsys.readouterr().out
    assert not ch07.check_transition_counts(np.array([[1, 1], [1, 0]]), tags, 2)
    assert "entry [0, 0]" in capsys.readouterr().out
    assert not ch07.check_transition_counts(np.zeros(3), tags, 2)


def reference_viterbi(scores, log_transition, log_start):
    num_tags = len(log_start)
    return viterbi(scores, Transitions(log_start, log_transition, np.zeros(num_tags))).path


def test_exercise_viterbi(capsys):
    assert ch07.check_viterbi(reference_viterbi)
    assert "Correct" in capsys.readouterr().out
    assert not ch07.check_viterbi(lambda s, a, p: s.argmax(1))
    assert "greedy" in capsys.readouterr().out
    assert not ch07.check_viterbi(lambda s, a, p: reference_viterbi(s, a, p)[::-1])
    assert "reversed" in capsys.readouterr().out
    assert not ch07.check_viterbi(lambda s, a, p: None)
    assert "None" in capsys.readouterr().out
    assert not ch07.check_viterbi(lambda s, a, p: 1 / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out
    assert not ch07.check_viterbi(lambda s, a, p: np.zeros(len(s), dtype=int))
    assert "scores" in capsys.readouterr().out
    assert not ch07.check_viterbi("not a function")


def test_exercise_scaled_likelihoods(capsys):
    log_post = np.log(np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]))
    prior = np.array([0.6, 0.3, 0.1])
    assert ch07.check_scaled_likelihoods(log_post - np.log(prior), log_post, prior)
    assert not ch07.check_scaled_likelihoods(log_post + np.log(prior), log_post, prior)
    assert "DIVIDES" in capsys.readouterr().out
    assert not ch07.check_scaled_likelihoods(np.exp(log_post) / prior, log_post, prior)
    assert "probability space" in capsys.readouterr().out
    assert not ch07.check_scaled_likelihoods(log_post - prior, log_post, prior)
    assert "LOG" in capsys.readouterr().out
    assert not ch07.check_scaled_likelihoods(None, log_post, prior)
    assert not ch07.check_scaled_likelihoods(log_post[:1], log_post, prior)


# ----- the Korean edition ------------------------------------------------------------------


def test_checks_speak_korean(monkeypatch, capsys):
    tags = [[0, 1, 1], [1, 0]]
    out = check_in_korean(
        monkeypatch, capsys, ch07.check_transition_counts, np.array([[1, 1], [1, 0]]), tags, 2
    )
    assert "태그 0 → 태그 0 전이는 0번입니다" in out
    out = check_in_korean(monkeypatch, capsys, ch07.check_viterbi, lambda s, a, p: s.argmax(1))
    assert "사례 0: 단어마다 따로 가장 좋은 태그를 골랐습니다(탐욕적 선택)" in out
    log_post = np.log(np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]))
    prior = np.array([0.6, 0.3, 0.1])
    out = check_in_korean(
        monkeypatch, capsys, ch07.check_scaled_likelihoods, log_post - prior, log_post, prior
    )
    assert "사전 확률의 *로그*를 빼십시오" in out
