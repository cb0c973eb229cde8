"""rnnlib.data.text: the pydoc text, names, TBPTT stream batches, probing features."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnlib.data.text import (
    SOURCE,
    char_features,
    clean_text,
    feature_correlations,
    load_names,
    load_python_docs,
    names_text,
    stream_batches,
)


@pytest.fixture(scope="module")
def corpus():
    return load_python_docs(rng=0)


def test_python_docs_is_clean_ascii_and_split(corpus):
    text = corpus.train + corpus.validation
    assert text.isascii()
    assert "\t" not in text and "\n\n\n" not in text
    lines = text.split("\n")
    assert not any(set(line.strip()) and set(line.strip()) <= set("*=-+|~^") for line in lines)
    assert 350_000 < len(text) < 600_000
    assert 0.08 < len(corpus.validation) / len(text) < 0.12
    assert corpus.train.endswith("\n")  # cut at a line break
    assert set(text) == set(corpus.vocab.tokens)
    assert corpus.source == SOURCE and "pydoc_data" in repr(corpus)
    assert corpus.vocab.decode(corpus.encode("validation")) == corpus.validation


def test_python_docs_split_depends_on_the_seed_only(corpus):
    again = load_python_docs(rng=0)
    other = load_python_docs(rng=1)
    assert again.validation == corpus.validation
    assert other.validation != corpus.validation
    assert sorted(other.train + other.validation) == sorted(corpus.train + corpus.validation)


def test_clean_text_examples():
    raw = "Title\n*****\n\n\n\n\u201cquoted\u201d \u2014 it\u2019s\u2026   \n+---+---+\n| a | b |\n"
    assert clean_text(raw) == 'Title\n\n"quoted" -- it\'s...\n| a | b |\n'
    with pytest.raises(TypeError, match="text"):
        clean_text(b"bytes")


def test_bad_arguments_name_themselves(corpus):
    with pytest.raises(ValueError, match="validation_fraction"):
        load_python_docs(0.0, rng=0)
    with pytest.raises(ValueError, match="validation_fraction"):
        load_python_docs(1.5, rng=0)
    with pytest.raises(TypeError, match="rng"):
        load_python_docs(rng="zero")
    with pytest.raises(ValueError, match="part"):
        corpus.encode("test")
    with pytest.raises(ValueError, match="names"):
        names_text(["Ann", ""], rng=0)


def test_names_hold_out_whole_names():
    names = load_names("en_US", rng=0)
    train = set(names.train.split())
    held_out = set(names.validation.split())
    assert held_out and not (train & held_out)
    assert 0.05 < len(held_out) / (len(train) + len(held_out)) < 0.15
    assert names.train.endswith("\n") and "\n\n" not in names.train
    assert "faker" in names.source
    assert load_names(["en_US"], rng=0).validation == names.validation


@given(
    n=st.integers(2, 120),
    batch_size=st.integers(1, 6),
    steps=st.integers(1, 9),
)
@settings(max_examples=60, deadline=None)
def test_stream_batches_rows_are_contiguous_streams(n, batch_size, steps):
    ids = np.arange(n) % 7 + 100 * (np.arange(n) // 7)  # distinct, readable ids
    if n - 1 < batch_size:
        with pytest.raises(ValueError, match="ids"):
            stream_batches(ids, batch_size, steps)
        return
    chunks = stream_batches(ids, batch_size, steps)
    length = (n - 1) // batch_size
    inputs = np.concatenate([x for x, _ in chunks])
    targets = np.concatenate([y for _, y in chunks])
    assert inputs.shape == targets.shape == (length, batch_size)
    for b in range(batch_size):  # row b, chunk after chunk, reads its own stream in order
        np.testing.assert_array_equal(inputs[:, b], ids[b * length : (b + 1) * length])
        np.testing.assert_array_equal(targets[:, b], ids[b * length + 1 : (b + 1) * length + 1])
    assert all(len(x) == steps for x, _ in chunks[:-1])


def test_stream_batches_rejects_bad_input():
    with pytest.raises(TypeError, match="ids"):
        stream_batches(np.ones(10), 2, 3)
    with pytest.raises(ValueError, match="ids"):
        stream_batches(np.arange(12).reshape(3, 4), 2, 3)
    with pytest.raises(ValueError, match="non-negative"):
        stream_batches(np.array([3, -1, 2]), 1, 2)
    with pytest.raises(ValueError, match="batch_size"):
        stream_batches(np.arange(10), 0, 3)
    with pytest.raises(TypeError, match="steps"):
        stream_batches(np.arange(10), 2, 2.5)


def test_char_features_by_hand():
    text = 'a "b" (c d)\nx'
    f = char_features(text)
    np.testing.assert_array_equal(f["inside quotes"], [0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(f["inside parentheses"], [0] * 6 + [1] * 5 + [0, 0])
    np.testing.assert_array_equal(f["after a space"], [0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0])
    np.testing.assert_array_equal(f["position in line"], list(range(12)) + [0])
    assert f["is newline"][11] == 1 and f["is space"].sum() == 3
    with pytest.raises(ValueError, match="text"):
        char_features("")


def test_quotes_close_at_a_line_end():
    f = char_features('"open\nafter')
    assert f["inside quotes"][:5].all() and not f["inside quotes"][6:].any()


def test_feature_correlations_match_numpy():
    rng = np.random.default_rng(0)
    hidden = rng.normal(size=(50, 4))
    hidden[:, 3] = 0.7  # a constant unit has no correlation
    feature = rng.integers(0, 2, size=50).astype(float)
    r = feature_correlations(hidden, {"f": feature})["f"]
    for j in range(3):
        assert r[j] == pytest.approx(np.corrcoef(hidden[:, j], feature)[0, 1])
    assert r[3] == 0.0
    with pytest.raises(ValueError, match="features"):
        feature_correlations(hidden, {"f": feature[:-1]})
    with pytest.raises(ValueError, match="hidden"):
        feature_correlations(hidden[0], {"f": feature})
