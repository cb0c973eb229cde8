"""rnnlib.embeddings: skip-gram pairs, the gradient check of SkipGram, errors."""

import numpy as np
import pytest

from rnnlib.embeddings import SkipGram, skipgram_loss, skipgram_pairs
from rnnlib.gradcheck import gradcheck


def test_pairs_are_every_context_within_the_window_inside_each_sentence():
    centres, contexts = skipgram_pairs([np.array([1, 2, 3]), np.array([4, 5])], window=2)
    expected = {(1, 2), (2, 1), (2, 3), (3, 2), (1, 3), (3, 1), (4, 5), (5, 4)}
    pairs = list(zip(centres.tolist(), contexts.tolist(), strict=True))
    assert sorted(pairs) == sorted(expected)  # each pair once, none across sentences


def test_skipgram_backward_passes_the_gradient_check():
    model = SkipGram(6, 4, rng=0)
    centres, contexts = np.array([1, 3, 1, 0, 1]), np.array([2, 2, 5, 1, 0])
    errors = gradcheck(model, lambda: skipgram_loss(model, centres, contexts))
    assert set(errors) == {"W_in", "W_out"}
    assert max(errors.values()) < 1e-6, errors


def test_bad_input_is_named():
    model = SkipGram(5, 2, rng=0)
    with pytest.raises(ValueError, match="centres: expected indices in \\[0, 5\\)"):
        model.forward(np.array([7]))
    with pytest.raises(ValueError, match="contexts: expected one context per centre"):
        skipgram_loss(model, np.array([1, 2]), np.array([1]))
    with pytest.raises(TypeError, match="sentences: expected a list"):
        skipgram_pairs(np.array([1, 2, 3]))
    with pytest.raises(ValueError, match="window"):
        skipgram_pairs([np.array([1, 2])], window=0)
