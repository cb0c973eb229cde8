"""rnnlib.ngram.CharNGram: counts, add-k smoothing, bits per character, sampling."""

from __future__ import annotations

import numpy as np
import pytest

from rnnlib.ngram import CharNGram

# "abab" then "aab" over the vocabulary a=0, b=1, c=2
IDS = np.array([0, 1, 0, 1, 0, 0, 1])
V = 3


def test_unigram_is_smoothed_frequency():
    model = CharNGram(1, V, k=1.0).fit(IDS)
    expected = (np.array([4, 3, 0]) + 1) / (7 + 3)
    np.testing.assert_allclose(model.next_distribution(np.array([], dtype=int)), expected)
    np.testing.assert_allclose(model.probabilities(np.array([2, 0])), expected[[2, 0]])


def test_bigram_counts_by_hand():
    model = CharNGram(2, V, k=0.5).fit(IDS)
    # after "a": a 1 time, b 3 times; after "b": a 2 times
    np.testing.assert_allclose(
        model.next_distribution(np.array([0])), np.array([1.5, 3.5, 0.5]) / 5.5
    )
    np.testing.assert_allclose(
        model.next_distribution(np.array([2, 1])), np.array([2.5, 0.5, 0.5]) / 3.5
    )
    # an unseen context ("c") gives the uniform distribution
    np.testing.assert_allclose(model.next_distribution(np.array([2])), np.full(3, 1 / 3))
    # the first position's context is the start symbol, seen once (followed by "a")
    np.testing.assert_allclose(
        model.next_distribution(np.array([], dtype=int)), [1.5 / 2.5, 0.2, 0.2]
    )


@pytest.mark.parametrize("order", [1, 2, 3, 5])
def test_probabilities_agree_with_next_distribution(order):
    rng = np.random.default_rng(order)
    train, test = rng.integers(0, 4, 300), rng.integers(0, 4, 40)
    model = CharNGram(order, 4, k=0.3).fit(train)
    p = model.probabilities(test)
    for t in range(len(test)):
        dist = model.next_distribution(test[:t])
        assert dist.sum() == pytest.approx(1.0)
        assert p[t] == pytest.approx(dist[test[t]])
    assert model.bits_per_char(test) == pytest.approx(-np.mean(np.log2(p)))


def test_bits_per_char_bounds():
    rng = np.random.default_rng(0)
    ids = rng.integers(0, 8, 2000)
    # a huge k forgets the counts: the uniform guess costs log2 V bits
    assert CharNGram(2, 8, k=1e9).fit(ids).bits_per_char(ids[:100]) == pytest.approx(3.0)
    # a deterministic text is almost free for a bigram that has seen it
    cycle = np.tile(np.arange(8), 100)
    assert CharNGram(2, 8, k=1e-6).fit(cycle).bits_per_char(cycle) < 0.01
    # ... but not for a unigram, which ignores the order
    assert CharNGram(1, 8, k=1e-6).fit(cycle).bits_per_char(cycle) == pytest.approx(3.0)


def test_sampling_is_seeded_and_greedy_follows_the_counts():
    cycle = np.tile(np.arange(5), 40)
    model = CharNGram(2, 5, k=0.01).fit(cycle)
    np.testing.assert_array_equal(
        model.sample(np.array([0]), 7, rng=0, temperature=0), [1, 2, 3, 4, 0, 1, 2]
    )
    a = model.sample(np.array([2]), 30, rng=3, temperature=1.5)
    b = model.sample(np.array([2]), 30, rng=3, temperature=1.5)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (30,) and a.dtype == np.int64


def test_bad_input_raises_with_the_argument_name():
    with pytest.raises(ValueError, match="order"):
        CharNGram(0, 5)
    with pytest.raises(ValueError, match="k"):
        CharNGram(2, 5, k=0.0)
    with pytest.raises(ValueError, match="fit"):
        CharNGram(2, 5).bits_per_char(np.array([1, 2]))
    model = CharNGram(2, 5).fit(np.array([0, 1, 2]))
    with pytest.raises(ValueError, match="ids"):
        model.bits_per_char(np.array([0, 7]))
    with pytest.raises(TypeError, match="ids"):
        model.probabilities(np.array([0.5, 1.0]))
    with pytest.raises(ValueError, match="ids"):
        model.fit(np.array([], dtype=int))
    with pytest.raises(ValueError, match="temperature"):
        model.sample(np.array([0]), 3, rng=0, temperature=-1.0)
    with pytest.raises(ValueError, match="order"):
        CharNGram(20, 100).fit(np.array([0, 1]))
    assert "contexts" in repr(model)
