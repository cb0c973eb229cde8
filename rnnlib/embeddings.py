"""Word vectors from contexts (단어 벡터): the skip-gram model of word2vec.

The distributional hypothesis: words used in the same contexts mean similar things. The
**skip-gram** model (Mikolov et al. 2013) turns it into a prediction task: from a word
(the *centre*), predict each word within ``window`` positions of it (its *contexts*).
Each word ``w`` has an input vector ``W_in[w]`` (its word vector) and an output vector
``W_out[w]``; for a pair (centre ``c``, context ``o``)

    v = W_in[c]                       (D,)
    s = W_out v                       (V,)   one score per vocabulary word
    p(o | c) = softmax(s)[o]
    L = -(1/N) sum_n log p(o_n | c_n)  over the N pairs of a batch.

Backward, with ``ds_n = (softmax(s_n) - onehot(o_n)) / N``:

    dW_out = sum_n ds_n v_n^T          (V, D)
    dv_n   = W_out^T ds_n              (D,)
    dW_in[c_n] += dv_n                 (rows of repeated centres accumulate)

Two words that predict the same contexts get the same gradient signal, so their input
vectors drift together. **CBOW** (continuous bag of words) is the mirror image: it
averages the context words' input vectors and predicts the centre. Here the vocabulary
is small (about a hundred words), so the full softmax over ``V`` is cheap; word2vec on
real corpora replaces it by negative sampling or a hierarchical softmax.

* :func:`skipgram_pairs` - the (centre, context) pairs of tokenised sentences;
* :class:`SkipGram` - the two vector tables, forward (scores) and backward;
* :func:`skipgram_loss` - forward, mean cross-entropy and backward of one batch of pairs;
* :func:`cosine_similarities`, :func:`nearest_words` - comparing the learned vectors.

Training (shuffling pairs, the optimiser, epochs) is not here: see
``rnnlib.experiments.ch06.train_skipgram``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._checks import as_generator, check_float_array, check_index_array, check_positive_int
from .losses import softmax_cross_entropy
from .module import Module

__all__ = ["skipgram_pairs", "SkipGram", "skipgram_loss", "cosine_similarities", "nearest_words"]


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
    ``W_out (V, D)`` (the vectors that score a word as a context).

    Both start as small Gaussians (standard deviation ``0.1``).
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


def cosine_similarities(vectors) -> np.ndarray:
    """``(W, W)`` cosine similarity ``u.v / (|u| |v|)`` between the rows of ``vectors (W, D)``."""
    vectors = check_float_array(vectors, "vectors", ndim=2, axes="(W, D)")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    if np.any(norms == 0):
        raise ValueError("vectors: expected no all-zero row (its cosine is undefined)")
    unit = vectors / norms
    return unit @ unit.T


def nearest_words(vectors, words: Sequence[str], word: str, k: int = 3) -> list[str]:
    """The ``k`` words (other than ``word``) whose rows of ``vectors (W, D)`` have the
    highest cosine similarity with ``word``'s row; ``words`` names the rows."""
    k = check_positive_int(k, "k")
    words = list(words)
    if word not in words:
        raise ValueError(f"word: expected one of the {len(words)} words, got {word!r}")
    similarity = cosine_similarities(vectors)[words.index(word)]
    order = [i for i in np.argsort(-similarity, kind="stable") if words[i] != word]
    return [words[i] for i in order[:k]]
