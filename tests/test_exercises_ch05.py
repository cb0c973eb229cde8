"""Chapter 5 exercise checks: right answers pass, wrong ones get the right explanation."""

from __future__ import annotations

import numpy as np
import pytest
from korean import check_in_korean

from rnnlib.data.text import load_python_docs
from rnnlib.exercises import ch05


def _stub(*args):
    raise NotImplementedError


@pytest.mark.parametrize(
    "answer, expected",
    [
        (lambda p: -np.mean(np.log2(p)), None),
        (_stub, "not attempted"),
        (lambda p: np.mean(np.log2(p)), "sign"),
        (lambda p: -np.mean(np.log(p)), "natural log"),
        (lambda p: -np.sum(np.log2(p)), "summed"),
        (lambda p: -np.mean(np.log10(p)), "expected 1.500"),
        (lambda p: "many", "one number"),
    ],
)
def test_bits_per_char_check(answer, expected, capsys):
    passed = ch05.check_bits_per_char(answer)
    out = capsys.readouterr().out
    assert passed is (expected is None)
    assert (expected or "Correct") in out


def _right_chunk(ids, batch_size, steps):
    L = (len(ids) - 1) // batch_size
    streams = np.stack([ids[b * L : (b + 1) * L + 1] for b in range(batch_size)], axis=1)
    return streams[:steps], streams[1 : steps + 1]


@pytest.mark.parametrize(
    "answer, expected",
    [
        (_right_chunk, None),
        (_stub, "not attempted"),
        (
            lambda ids, B, T: (ids[: T * B].reshape(T, B), ids[1 : T * B + 1].reshape(T, B)),
            "interleave",
        ),
        (lambda ids, B, T: tuple(x.T for x in _right_chunk(ids, B, T)), "shape"),
        (lambda ids, B, T: (_right_chunk(ids, B, T)[0],) * 2, "next"),
        (lambda ids, B, T: (_right_chunk(ids, B, T)[0], _right_chunk(ids, B, T)[0] + 2), "targets"),
        (lambda ids, B, T: (_right_chunk(ids, B, T)[0] + 1, _right_chunk(ids, B, T)[1]), "inputs"),
        (lambda ids, B, T: 7, "pair"),
    ],
)
def test_stream_chunk_check(answer, expected, capsys):
    passed = ch05.check_stream_chunk(answer)
    out = capsys.readouterr().out
    assert passed is (expected is None)
    assert (expected or "Correct") in out


# ----- min-char-rnn ----------------------------------------------------------------------


def mc_loss(inputs, targets, h_prev, params, *, carry=True, mean=False, transpose=False):
    """A right min-char-rnn loss and backward pass, with switches for usual mistakes."""
    W_xh, W_hh, W_hy, b_h, b_y = (params[k] for k in ("W_xh", "W_hh", "W_hy", "b_h", "b_y"))
    hs, ps, loss = {-1: h_prev}, {}, 0.0
    for t, (i, j) in enumerate(zip(inputs, targets, strict=True)):
        hs[t] = np.tanh(W_xh[:, i] + W_hh @ hs[t - 1] + b_h)
        y = W_hy @ hs[t] + b_y
        e = np.exp(y - y.max())
        ps[t] = e / e.sum()
        loss -= np.log(ps[t][j])
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    dh_next = np.zeros_like(h_prev)
    for t in reversed(range(len(inputs))):
        dy = ps[t].copy()
        dy[targets[t]] -= 1
        grads["W_hy"] += np.outer(dy, hs[t])
        grads["b_y"] += dy
        da = (1 - hs[t] ** 2) * (W_hy.T @ dy + (dh_next if carry else 0.0))
        grads["b_h"] += da
        grads["W_xh"][:, inputs[t]] += da
        grads["W_hh"] += np.outer(hs[t - 1], da) if transpose else np.outer(da, hs[t - 1])
        dh_next = W_hh.T @ da
    return (loss / len(inputs) if mean else loss), grads, hs[len(inputs) - 1]


def mc_sample(params, h, seed_id, n, rng, *, greedy=False, include_seed=False):
    V = params["W_xh"].shape[1]
    ids, current = ([seed_id] if include_seed else []), seed_id
    for _ in range(n - include_seed):
        h = np.tanh(params["W_xh"][:, current] + params["W_hh"] @ h + params["b_h"])
        y = params["W_hy"] @ h + params["b_y"]
        p = np.exp(y - y.max())
        p /= p.sum()
        current = int(np.argmax(p)) if greedy else int(rng.choice(V, p=p))
        ids.append(current)
    return ids


def mc_train(ids, vocab_size, num_updates, rng, *, lr=0.1, hidden=64, steps=25):
    rng = np.random.default_rng(rng)
    H, V = hidden, vocab_size
    params = {
        "W_xh": rng.normal(0, 0.01, (H, V)),
        "W_hh": rng.normal(0, 0.01, (H, H)),
        "W_hy": rng.normal(0, 0.01, (V, H)),
        "b_h": np.zeros(H),
        "b_y": np.zeros(V),
    }
    memory = {k: np.zeros_like(v) for k, v in params.items()}
    h, position = np.zeros(H), 0
    for _ in range(num_updates):
        if position + steps + 1 > len(ids):
            h, position = np.zeros(H), 0
        chunk = ids[position : position + steps + 1]
        _, grads, h = mc_loss(chunk[:-1], chunk[1:], h, params)
        for k in params:
            np.clip(grads[k], -5, 5, out=grads[k])
            memory[k] += grads[k] ** 2
            params[k] -= lr * grads[k] / np.sqrt(memory[k] + 1e-8)
        position += steps
    return params


@pytest.fixture(scope="module")
def course_ids():
    corpus = load_python_docs(rng=0)
    return corpus.encode("train"), corpus.encode("validation")


def test_min_char_rnn_accepts_the_right_answer(course_ids, capsys):
    assert ch05.check_min_char_rnn(mc_loss, mc_sample, mc_train, *course_ids)
    out = capsys.readouterr().out
    assert "Correct" in out and "bits per character" in out


@pytest.mark.parametrize(
    "loss_fn, sample_fn, words",
    [
        (_stub, mc_sample, "not attempted"),
        (lambda *a: mc_loss(*a, carry=False), mc_sample, "dh_next"),
        (lambda *a: mc_loss(*a, mean=True), mc_sample, "mean over the steps"),
        (lambda *a: mc_loss(*a, transpose=True), mc_sample, "transposed"),
        (lambda *a: mc_loss(*a)[:2], mc_sample, "(loss, grads, h_last)"),
        (mc_loss, lambda *a: mc_sample(*a, greedy=True), "do not take the argmax"),
        (mc_loss, lambda *a: mc_sample(*a, include_seed=True), "starts with the seed id"),
        (mc_loss, _stub, "not attempted"),
    ],
)
def test_min_char_rnn_explains_wrong_answers(course_ids, loss_fn, sample_fn, words, capsys):
    assert ch05.check_min_char_rnn(loss_fn, sample_fn, mc_train, *course_ids) is False
    assert words in capsys.readouterr().out


def test_min_char_rnn_training_must_reach_the_target(course_ids, capsys):
    too_slow = lambda *a: mc_train(*a, lr=0.002)  # noqa: E731 - a learning rate 50x too small
    assert ch05.check_min_char_rnn(mc_loss, mc_sample, too_slow, *course_ids) is False
    assert f"the target is {ch05.TARGET_BPC}" in capsys.readouterr().out


# ----- the Korean edition ------------------------------------------------------------------


def test_bits_per_char_check_speaks_korean(monkeypatch, capsys):
    out = check_in_korean(
        monkeypatch, capsys, ch05.check_bits_per_char, lambda p: -np.mean(np.log(p))
    )
    assert "자연로그(nat 단위)를 썼습니다" in out


def test_stream_chunk_check_speaks_korean(monkeypatch, capsys):
    def same(ids, batch_size, steps):
        return (_right_chunk(ids, batch_size, steps)[0],) * 2

    out = check_in_korean(monkeypatch, capsys, ch05.check_stream_chunk, same)
    assert "목표는 *다음* 문자입니다" in out


@pytest.mark.parametrize(
    "loss_fn, sample_fn, words",
    [
        (lambda *a: mc_loss(*a, carry=False), mc_sample, "dh_next를 더하지 않았습니다"),
        (mc_loss, lambda *a: mc_sample(*a, greedy=True), "argmax를 고르지 말고"),
    ],
)
def test_min_char_rnn_check_speaks_korean(
    course_ids, loss_fn, sample_fn, words, monkeypatch, capsys
):
    out = check_in_korean(
        monkeypatch, capsys, ch05.check_min_char_rnn, loss_fn, sample_fn, mc_train, *course_ids
    )
    assert words in out
