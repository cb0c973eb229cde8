"""Word vectors from contexts (단어 벡터): the skip-gram model of word2vec, without a
training loop. :func:`skipgram_pairs` makes the (centre, context) pairs of tokenised
sentences, :class:`SkipGram` holds the two vector tables with its forward and backward,
:func:`skipgram_loss` runs one batch of pairs through both. Chapter 6 derives each piece
and trains it (``rnnlib.experiments.ch06.train_skipgram``); comparing the learned vectors
(cosine similarity, nearest words) is in :mod:`rnnlib.analysis`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._checks import as_generator, check_float_array, check_index_array, check_positive_int
from .losses import softmax_cross_entropy
from .module import Module

__all__ = ["skipgram_pairs", "SkipGram", "skipgram_loss"]


def skipgram_pairs(sentences: Sequence, window: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Every (centre, context) pair of token-id sentences, contexts within ``window``.

    sentences: a list of 1-D integer arrays (one per sentence; pairs never cross a
    sentence boundary). Returns ``(centres (N,), contexts (N,))`` int64: for each
    position ``t`` of each sentence and each ``0 < |j| <= window`` inside the sentence,
    the pair ``(x_t, x_{t+j})``.
    """
    window = check_positive_int(window, "window")
    if isinstance(sentences, np.ndarray) and sentences.ndim == 1:
        raise TypeError("sentences: expected a list of id sequences, got a single 1-D array")
    centres, contexts = [], []
    for k, sentence in enumerate(sentences):
        ids = check_index_array(sentence, f"sentences[{k}]", size=np.iinfo(np.int64).max, ndim=1)
        for offset in range(1, window + 1):
            centres += [ids[offset:], ids[:-offset]]  # the context after, then before
            contexts += [ids[:-offset], ids[offset:]]
    if not centres:
        raise ValueError("sentences: expected at least one sentence, got none")
    return np.concatenate(centres), np.concatenate(contexts)


class SkipGram(Module):
    """Skip-gram word vectors: parameters ``W_in (V, D)`` (the word vectors) and
    ``W_out (V, D)`` (the vectors that score a word as a context), both starting as small
    Gaussians (standard deviation ``0.1``). For a pair (centre ``c``, context ``o``)::

        v = W_in[c]  (D,),   s = W_out v  (V,),   p(o | c) = softmax(s)[o]

    and a batch of ``N`` pairs has the loss ``L = -(1/N) sum_n log p(o_n | c_n)``. With
    ``ds_n = (softmax(s_n) - onehot(o_n)) / N`` the backward pass is
    ``dW_out = sum_n ds_n v_n^T`` and ``dW_in[c_n] += W_out^T ds_n`` (rows of repeated
    centres accumulate). The full softmax over ``V`` suits a vocabulary of a few hundred
    words; word2vec on large vocabularies uses negative sampling instead.
    """

    def __init__(self, vocab_size: int, dim: int, *, rng, dtype=np.float64):
        super().__init__()
        self.vocab_size = check_positive_int(vocab_size, "vocab_size")
        self.dim = check_positive_int(dim, "dim")
        rng = as_generator(rng)
        for name in ("W_in", "W_out"):
            self.add_param(name, rng.normal(0.0, 0.1, size=(vocab_size, dim)).astype(dtype))

    @property
    def vectors(self) -> np.ndarray:
        """The word vectors ``W_in (V, D)`` (the table one keeps after training)."""
        return self.params["W_in"]

    def forward(self, centres):
        """centres ``(N,)`` ids -> scores ``(N, V)`` = ``W_in[centres] W_out^T``.

        The cache holds ``(centres, v)`` with ``v = W_in[centres] (N, D)``.
        """
        centres = check_index_array(centres, "centres", size=self.vocab_size, ndim=1, axes="(N,)")
        v = self.params["W_in"][centres]
        return v @ self.params["W_out"].T, (centres, v)

    def backward(self, dscores, cache) -> None:
        """dscores ``(N, V)``: adds ``dW_out = dscores^T v`` and scatter-adds
        ``dv = dscores W_out`` into the rows ``centres`` of ``dW_in``."""
        centres, v = cache
        dscores = check_float_array(
            dscores, "dscores", ndim=2, axes="(N, V)", shape={0: len(centres), 1: self.vocab_size}
        )
        self.grads["W_out"] += dscores.T @ v
        np.add.at(self.grads["W_in"], centres, dscores @ self.params["W_out"])


def skipgram_loss(model: SkipGram, centres, contexts) -> float:
    """Forward, mean cross-entropy of the contexts, and backward (gradients are *added*
    into ``model.grads``). Returns the loss ``-(1/N) sum_n log p(contexts_n | centres_n)``."""
    contexts = check_index_array(contexts, "contexts", size=model.vocab_size, ndim=1, axes="(N,)")
    if np.shape(centres) != contexts.shape:
        raise ValueError(
            f"contexts: expected one context per centre, shape {np.shape(centres)}, "
            f"got {contexts.shape}"
        )
    scores, cache = model.forward(centres)
    loss, dscores = softmax_cross_entropy(scores, contexts)
    model.backward(dscores, cache)
    return loss
