"""Chapter 5 exercise checks: right answers pass, wrong ones get the right explanation."""

from __future__ import annotations

import numpy as np
import pytest

from rnnlib.exercises import ch05


def _softmax_t(logits, temperature):
    z = np.asarray(logits, dtype=float) / temperature
    e = np.exp(z - z.max())
    return e / e.sum()


def _stub(*args):
    raise NotImplementedError


@pytest.mark.parametrize(
    "answer, expected",
    [
        (_softmax_t, None),
        (_stub, "not attempted"),
        (lambda z, T: np.exp(np.asarray(z) / T), "sum to"),
        (lambda z, T: _softmax_t(np.asarray(z) * T, 1.0), "multiplied"),
        (lambda z, T: _softmax_t(z, 1.0), "no effect"),
        (lambda z, T: np.exp(np.asarray(z) / T) / np.exp(np.asarray(z) / T).sum(), "subtract"),
        (lambda z, T: [0.5, 0.5], "shape"),
    ],
)
def test_temperature_softmax_check(answer, expected, capsys):
    with np.errstate(all="ignore"):
        passed = ch05.check_temperature_softmax(answer)
    out = capsys.readouterr().out
    assert passed is (expected is None)
    assert (expected or "Correct") in out


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
