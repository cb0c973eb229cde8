"""The exercise checks of chapter 6 on right, wrong and unattempted answers."""

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib import SequenceModel
from rnnlib.data.encoding import pad_batch
from rnnlib.embeddings import SkipGram, skipgram_loss
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


def _skipgram(W_in, W_out, centres, contexts, *, mistake=None):
    """A skip-gram loss and gradients, right or with one of the usual mistakes."""
    n = len(centres)
    v = W_in[centres]
    scores = v @ W_out.T
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    onehot = np.eye(len(W_in))[contexts]
    loss = -np.mean(np.log(p[np.arange(n), contexts]))
    dscores = (p - (0 if mistake == "no one-hot" else onehot)) / (1 if mistake == "sum" else n)
    if mistake == "sum":
        loss *= n
    dW_out = dscores.T @ v
    dW_in = np.zeros_like(W_in)
    if mistake == "overwrite":
        dW_in[centres] += dscores @ W_out
    else:
        np.add.at(dW_in, centres, dscores @ W_out)
    if mistake == "transposed":
        dW_out = dW_out.T
    return loss, dW_in, dW_out


@pytest.mark.parametrize(
    "mistake, expected_messages",
    [
        (None, ["Correct"]),
        ("overwrite", ["dW_in", "np.add.at"]),
        ("sum", ["mean", "N times too large"]),
        ("no one-hot", ["dW_out misses the one-hot", "dW_in misses the one-hot"]),
        ("transposed", ["dW_out: expected shape (V, D) = (7, 3)", "transposed"]),
    ],
)
def test_check_skipgram_gradients(mistake, expected_messages, capsys):
    passed = ch06.check_skipgram_gradients(lambda *a: _skipgram(*a, mistake=mistake))
    out = capsys.readouterr().out
    assert passed == (mistake is None), out
    for message in expected_messages:
        assert message in out, out


def test_check_skipgram_gradients_unattempted_and_malformed(capsys):
    def stub(W_in, W_out, centres, contexts):
        raise NotImplementedError

    assert not ch06.check_skipgram_gradients(stub)
    assert "not attempted" in capsys.readouterr().out
    assert not ch06.check_skipgram_gradients(lambda *a: _skipgram(*a)[1:])
    assert "triple" in capsys.readouterr().out


def test_the_skipgram_example_repeats_centres_and_the_library_agrees():
    """The overwrite mistake is only visible with repeated centres; the library's
    SkipGram (the checker's reference) gives the same gradients as the test's answer."""
    W_in, W_out, centres, contexts = ch06.skipgram_example()
    assert np.bincount(centres).max() >= 3
    loss, dW_in, dW_out = _skipgram(W_in, W_out, centres, contexts)
    model = SkipGram(*W_in.shape, rng=0)
    model.params["W_in"][...], model.params["W_out"][...] = W_in, W_out
    assert np.isclose(skipgram_loss(model, centres, contexts), loss)
    assert np.allclose(model.grads["W_in"], dW_in) and np.allclose(model.grads["W_out"], dW_out)


# ----- the Korean edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (
            ch06.check_pad,
            lambda s, pad_id=0: tuple(a.T for a in _right_pad(s, pad_id)),
            "배치 우선(batch-major)",
        ),
        (ch06.check_bag_of_words, lambda s, w: [int(x in s.split()) for x in w], "있음/없음(0/1)"),
        (ch06.check_parameter_count, 2000, "2000: 답이 아닙니다"),
        (
            ch06.check_skipgram_gradients,
            lambda *a: _skipgram(*a, mistake="no one-hot"),
            "dW_out에 원-핫 항이 빠졌습니다",
        ),
    ],
)
def test_checks_speak_korean(check, answer, words, monkeypatch, capsys):
    assert words in check_in_korean(monkeypatch, capsys, check, answer)
