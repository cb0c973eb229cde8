"""Sequence tagging (시퀀스 태깅) without training loops, all in log space with ``K`` tags:
counted transitions and tag priors, :func:`viterbi` (``O(T K^2)`` dynamic programming),
the :class:`HMM` and :class:`MostFrequentTag` baselines, a tagger's posteriors
(:func:`rnn_log_posteriors`, or :func:`window_log_posteriors` for a tagger that reads
only the words around each token, :func:`window_ids`) turned into scaled likelihoods and
decoded with the transitions (:func:`hybrid_decode`: exact for a posterior on the word
alone, an approximation for an RNN's), and padded batches of tagged sentences. Chapter 7
derives each piece.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ._checks import (
    as_generator,
    check_float_array,
    check_index_array,
    check_nonnegative_float,
    check_positive_int,
)
from .data.encoding import pad_batch
from .functional import log_softmax

__all__ = [
    "Transitions",
    "count_transitions",
    "tag_prior",
    "count_emissions",
    "tag_word_counts",
    "ViterbiResult",
    "viterbi",
    "path_score",
    "HMM",
    "MostFrequentTag",
    "scaled_log_likelihoods",
    "hybrid_decode",
    "rnn_log_posteriors",
    "window_ids",
    "window_log_posteriors",
    "tagging_batches",
]


def _check_sequences(sequences, name: str, size: int) -> list[np.ndarray]:
    """A non-empty list of non-empty 1-D integer arrays with values in [0, size)."""
    if isinstance(sequences, np.ndarray) and sequences.ndim == 1 and sequences.dtype.kind in "iu":
        raise TypeError(f"{name}: expected a list of sequences, got a single 1-D array")
    if not isinstance(sequences, Sequence | np.ndarray) or len(sequences) == 0:
        raise ValueError(
            f"{name}: expected a non-empty list of integer sequences, got {sequences!r:.60}"
        )
    checked = []
    for k, sequence in enumerate(sequences):
        array = check_index_array(sequence, f"{name}[{k}]", size=size, ndim=1, axes="(T,)")
        if array.size == 0:
            raise ValueError(f"{name}[{k}]: expected a non-empty sequence, got length 0")
        checked.append(array)
    return checked


def _check_same_lengths(words, tags, names=("word_ids", "tag_ids")):
    if len(words) != len(tags):
        raise ValueError(
            f"{names[1]}: expected {len(words)} sequences like {names[0]}, got {len(tags)}"
        )
    for k, (w, t) in enumerate(zip(words, tags, strict=True)):
        if len(w) != len(t):
            raise ValueError(f"{names[1]}[{k}]: expected length {len(w)}, got length {len(t)}")


# --------------------------------------------------------------------------- counting


def _check_log_scores(value, name: str, **shape) -> np.ndarray:
    scores = check_float_array(value, name, finite=False, dtype=np.float64, **shape)
    if np.isnan(scores).any() or (scores == np.inf).any():
        raise ValueError(f"{name}: expected log scores (finite or -inf), got NaN or +inf")
    return scores


@dataclass(frozen=True)
class Transitions:
    """Log probabilities of a first-order tag chain.

    ``log_start (K,)``: ``log p(y_1 = j)``; ``log_transition (K, K)``: entry ``[i, j]`` is
    ``log p(y_t = j | y_{t-1} = i)``; ``log_end (K,)``: ``log p(end | y_T = i)``. For each
    ``i``, ``exp(log_transition[i]).sum() + exp(log_end[i]) == 1``.
    """

    log_start: np.ndarray
    log_transition: np.ndarray
    log_end: np.ndarray

    def __post_init__(self):
        """Check the shapes and that every entry is a log score (finite or -inf)."""
        start = _check_log_scores(self.log_start, "log_start", ndim=1, axes="(K,)")
        if start.shape[0] == 0:
            raise ValueError("log_start: expected at least one tag, got shape (0,)")
        size = {0: start.shape[0], 1: start.shape[0]}
        transition = _check_log_scores(
            self.log_transition, "log_transition", ndim=2, axes="(K, K)", shape=size
        )
        end = _check_log_scores(self.log_end, "log_end", ndim=1, axes="(K,)", shape={0: size[0]})
        for name, value in (("log_start", start), ("log_transition", transition), ("log_end", end)):
            object.__setattr__(self, name, value)

    @property
    def num_tags(self) -> int:
        return self.log_start.shape[0]

    @classmethod
    def neutral(cls, num_tags: int) -> Transitions:
        """All zeros: adds nothing to any path, so Viterbi reduces to a per-token argmax."""
        num_tags = check_positive_int(num_tags, "num_tags")
        return cls(np.zeros(num_tags), np.zeros((num_tags, num_tags)), np.zeros(num_tags))


def count_transitions(tag_ids, num_tags: int, smoothing: float = 1.0) -> Transitions:
    """Estimate start, transition and end probabilities by counting tag bigrams.

    tag_ids: list of integer arrays ``(T_i,)``. With counts ``c``,
    ``p(j | i) = (c(i, j) + alpha) / (c(i, *) + c(i, end) + alpha (K + 1))`` and
    ``p(end | i) = (c(i, end) + alpha) / (same)``, ``p(y_1 = j) = (c(start, j) + alpha) /
    (N + alpha K)``, where ``alpha = smoothing`` (add-one smoothing by default).
    """
    num_tags = check_positive_int(num_tags, "num_tags")
    alpha = check_nonnegative_float(smoothing, "smoothing")
    tags = _check_sequences(tag_ids, "tag_ids", num_tags)
    start = np.zeros(num_tags)
    pairs = np.zeros((num_tags, num_tags + 1))  # last column: the end of the sentence
    for sequence in tags:
        start[sequence[0]] += 1
        np.add.at(pairs, (sequence[:-1], sequence[1:]), 1)
        pairs[sequence[-1], num_tags] += 1
    with np.errstate(divide="ignore", invalid="ignore"):
        start = np.log(start + alpha) - np.log(start.sum() + alpha * num_tags)
        rows = pairs + alpha
        rows = np.log(rows) - np.log(rows.sum(axis=1, keepdims=True))
    return Transitions(start, rows[:, :num_tags], rows[:, num_tags])


def tag_prior(tag_ids, num_tags: int, smoothing: float = 1.0) -> np.ndarray:
    """``p(tag)`` ``(K,)``: how often each tag occurs among all tokens (add-``alpha``)."""
    num_tags = check_positive_int(num_tags, "num_tags")
    alpha = check_nonnegative_float(smoothing, "smoothing")
    tags = _check_sequences(tag_ids, "tag_ids", num_tags)
    counts = np.bincount(np.concatenate(tags), minlength=num_tags) + alpha
    return counts / counts.sum()


def tag_word_counts(word_ids, tag_ids, vocab_size: int, num_tags: int) -> np.ndarray:
    """``c(tag, word)`` ``(K, V)``: how often each word carries each tag in the corpus."""
    vocab_size = check_positive_int(vocab_size, "vocab_size")
    num_tags = check_positive_int(num_tags, "num_tags")
    words = _check_sequences(word_ids, "word_ids", vocab_size)
    tags = _check_sequences(tag_ids, "tag_ids", num_tags)
    _check_same_lengths(words, tags)
    counts = np.zeros((num_tags, vocab_size))
    np.add.at(counts, (np.concatenate(tags), np.concatenate(words)), 1)
    return counts


def count_emissions(word_ids, tag_ids, vocab_size: int, num_tags: int, smoothing: float = 0.1):
    """``log p(word | tag)`` ``(K, V)`` by counting, with add-``alpha`` smoothing:
    ``(c(tag, word) + alpha) / (c(tag) + alpha V)``."""
    alpha = check_nonnegative_float(smoothing, "smoothing")
    counts = tag_word_counts(word_ids, tag_ids, vocab_size, num_tags) + alpha
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(counts) - np.log(counts.sum(axis=1, keepdims=True))


# --------------------------------------------------------------------------- Viterbi


@dataclass(frozen=True)
class ViterbiResult:
    """The best tag path and the trellis (격자) that found it.

    ``path (T,)``: the best tags; ``score``: its total log score;
    ``emission_scores (T, K)``: the per-token scores that were decoded;
    ``delta (T, K)``: ``delta[t, k]`` = best score of any path over steps ``0..t`` that
    ends in tag ``k`` (the end term not included);
    ``backpointers (T, K)``: ``backpointers[t, k]`` = the previous tag on that best path
    (``-1`` at ``t = 0``).
    """

    path: np.ndarray
    score: float
    emission_scores: np.ndarray
    delta: np.ndarray
    backpointers: np.ndarray


def _check_scores(emission_scores, transitions) -> np.ndarray:
    if not isinstance(transitions, Transitions):
        raise TypeError(f"transitions: expected a Transitions, got {type(transitions).__name__}")
    scores = check_float_array(
        emission_scores, "emission_scores", ndim=2, axes="(T, K)", finite=False
    )
    if np.isnan(scores).any() or (scores == np.inf).any():
        raise ValueError("emission_scores: expected log scores (finite or -inf), got NaN or +inf")
    if scores.shape[0] == 0:
        raise ValueError("emission_scores: expected at least one time step, got shape (0, K)")
    if scores.shape[1] != transitions.num_tags:
        raise ValueError(
            f"emission_scores: expected {transitions.num_tags} tags (columns) like the "
            f"transitions, got shape {scores.shape}"
        )
    return scores


def viterbi(emission_scores, transitions: Transitions) -> ViterbiResult:
    """The highest-scoring tag sequence, by dynamic programming in log space.

    emission_scores ``(T, K)``: a log score for each tag at each position (an HMM's
    ``log p(word_t | tag)``, or an RNN's scaled log-likelihoods). The score of a path
    ``y`` is ``log_start[y_0] + sum_t emission[t, y_t] + sum_{t>0}
    log_transition[y_{t-1}, y_t] + log_end[y_{T-1}]``. Recursion::

        delta[0, k] = log_start[k] + emission[0, k]
        delta[t, k] = max_i (delta[t-1, i] + log_transition[i, k]) + emission[t, k]
        back[t, k]  = argmax_i (same)

    then the best last tag maximises ``delta[T-1] + log_end`` and the back-pointers are
    followed from there to ``t = 0``. Ties go to the smaller tag id.
    """
    scores = _check_scores(emission_scores, transitions)
    steps, num_tags = scores.shape
    delta = np.empty((steps, num_tags))
    back = np.full((steps, num_tags), -1, dtype=np.int64)
    delta[0] = transitions.log_start + scores[0]
    for t in range(1, steps):
        candidates = delta[t - 1][:, None] + transitions.log_transition  # (from i, to k)
        back[t] = np.argmax(candidates, axis=0)
        delta[t] = candidates[back[t], np.arange(num_tags)] + scores[t]
    final = delta[-1] + transitions.log_end
    path = np.empty(steps, dtype=np.int64)
    path[-1] = int(np.argmax(final))
    for t in range(steps - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return ViterbiResult(path, float(final[path[-1]]), scores, delta, back)


def path_score(path, emission_scores, transitions: Transitions) -> float:
    """The total log score of one tag path (what :func:`viterbi` maximises)."""
    scores = _check_scores(emission_scores, transitions)
    path = check_index_array(path, "path", size=scores.shape[1], ndim=1, axes="(T,)")
    if path.shape[0] != scores.shape[0]:
        raise ValueError(f"path: expected length {scores.shape[0]}, got length {path.shape[0]}")
    total = transitions.log_start[path[0]] + transitions.log_end[path[-1]]
    total += scores[np.arange(len(path)), path].sum()
    total += transitions.log_transition[path[:-1], path[1:]].sum()
    return float(total)


# --------------------------------------------------------------------------- taggers


class HMM:
    """A hidden Markov model tagger: counted transitions and counted emissions.

    ``log_emission (K, V)`` = ``log p(word | tag)``; decoding a sentence runs
    :func:`viterbi` on ``log_emission[:, words].T``.
    """

    def __init__(self, transitions: Transitions, log_emission: np.ndarray):
        if not isinstance(transitions, Transitions):
            raise TypeError(
                f"transitions: expected a Transitions, got {type(transitions).__name__}"
            )
        self.transitions = transitions
        self.log_emission = check_float_array(
            log_emission,
            "log_emission",
            ndim=2,
            axes="(K, V)",
            finite=False,
            shape={0: transitions.num_tags},
        )

    @classmethod
    def fit(cls, word_ids, tag_ids, vocab_size: int, num_tags: int, smoothing: float = 0.1):
        """Count transitions (add-one) and emissions (add-``smoothing``) from training data."""
        return cls(
            count_transitions(tag_ids, num_tags),
            count_emissions(word_ids, tag_ids, vocab_size, num_tags, smoothing),
        )

    def emission_scores(self, word_ids) -> np.ndarray:
        """``(T, K)`` log p(word_t | tag) for one sentence of word ids ``(T,)``."""
        words = check_index_array(
            word_ids, "word_ids", size=self.log_emission.shape[1], ndim=1, axes="(T,)"
        )
        return self.log_emission[:, words].T

    def decode(self, word_ids) -> ViterbiResult:
        return viterbi(self.emission_scores(word_ids), self.transitions)


class MostFrequentTag:
    """The baseline: each word gets the tag it carried most often in training
    (words never seen get the most frequent tag overall)."""

    def __init__(self, word_ids, tag_ids, vocab_size: int, num_tags: int):
        counts = tag_word_counts(word_ids, tag_ids, vocab_size, num_tags).T  # (V, K)
        fallback = int(np.argmax(counts.sum(axis=0)))
        self.table = np.where(counts.sum(axis=1) > 0, counts.argmax(axis=1), fallback)

    def predict(self, word_ids) -> np.ndarray:
        words = check_index_array(word_ids, "word_ids", size=len(self.table), ndim=1, axes="(T,)")
        return self.table[words]


# --------------------------------------------------------------------------- hybrid


def scaled_log_likelihoods(log_posteriors, prior) -> np.ndarray:
    """``log p(tag | x) - log p(tag)`` ``(T, K)``: posteriors as scaled likelihoods.

    For a posterior on the word alone, Bayes' rule gives ``p(x_t | tag) = p(tag | x_t)
    p(x_t) / p(tag)``; the factor ``p(x_t)`` is the same for every tag at step ``t``, so it
    cannot change which path wins and is dropped. For a posterior conditioned on more
    (an RNN's), the result is proportional to the likelihood of everything it conditions
    on, an approximation. prior: ``(K,)`` positive probabilities summing to 1.
    """
    log_posteriors = check_float_array(
        log_posteriors, "log_posteriors", ndim=2, axes="(T, K)", finite=False
    )
    prior = check_float_array(prior, "prior", ndim=1, axes="(K,)")
    if prior.shape[0] != log_posteriors.shape[1]:
        raise ValueError(
            f"prior: expected {log_posteriors.shape[1]} tag probabilities like log_posteriors, "
            f"got shape {prior.shape}"
        )
    if np.any(prior <= 0) or not np.isclose(prior.sum(), 1.0, atol=1e-6):
        raise ValueError(
            f"prior: expected positive probabilities summing to 1, got sum {prior.sum():.4g}"
        )
    return log_posteriors - np.log(prior)


def hybrid_decode(log_posteriors, prior, transitions: Transitions) -> ViterbiResult:
    """Viterbi over the RNN's scaled log-likelihoods and the counted transitions."""
    return viterbi(scaled_log_likelihoods(log_posteriors, prior), transitions)


def tagging_batches(word_ids, tag_ids, batch_size: int, *, rng):
    """A callable for :func:`rnnlib.train.fit`: each call reshuffles the sentences and
    yields padded batches ``(ids (T, B), tags (T, B), mask (T, B))``."""
    batch_size = check_positive_int(batch_size, "batch_size")
    rng = as_generator(rng)
    words = _check_sequences(word_ids, "word_ids", np.iinfo(np.int64).max)
    tags = _check_sequences(tag_ids, "tag_ids", np.iinfo(np.int64).max)
    _check_same_lengths(words, tags)

    def batches():
        order = rng.permutation(len(words))
        for begin in range(0, len(order), batch_size):
            chunk = order[begin : begin + batch_size]
            ids, mask = pad_batch([words[i] for i in chunk])
            targets, _ = pad_batch([tags[i] for i in chunk])
            yield ids, targets, mask

    return batches


def rnn_log_posteriors(model, word_ids, batch_size: int = 256) -> list[np.ndarray]:
    """Run a tagging model on sentences of word ids; return ``log p(tag_t | sentence)``
    per sentence, each ``(T_i, K)``. ``model.forward(ids (T, B), mask (T, B))`` must give
    logits ``(T, B, K)`` (e.g. a :class:`rnnlib.models.SequenceModel`)."""
    batch_size = check_positive_int(batch_size, "batch_size")
    size = getattr(model, "vocab_size", None)
    if size is None:
        raise TypeError("model: expected a model with token-id inputs (vocab_size set)")
    sentences = _check_sequences(word_ids, "word_ids", size)
    out = []
    for begin in range(0, len(sentences), batch_size):
        chunk = sentences[begin : begin + batch_size]
        ids, mask = pad_batch(chunk)
        logits, _ = model.forward(ids, mask=mask)
        log_probs = log_softmax(logits)
        out.extend(log_probs[: len(s), b] for b, s in enumerate(chunk))
    return out


def window_ids(word_ids, width: int, pad_id: int = 0) -> np.ndarray:
    """The window of ``2 width + 1`` words around every token, as a time-major batch.

    word_ids: a list of sentences (1-D integer arrays). Returns ``(2 width + 1, N)``
    int64 with ``N`` the total number of tokens (sentence after sentence): column ``n``
    holds ``x_{t-width}, ..., x_{t+width}`` around token ``n``, with ``pad_id`` where the
    window reaches beyond its sentence. A model that reads only this column has a
    posterior ``p(tag_t | x_{t-width..t+width})``; ``width=0`` sees the word alone.
    """
    width = check_positive_int(width, "width", minimum=0)
    sentences = _check_sequences(word_ids, "word_ids", np.iinfo(np.int64).max)
    columns = []
    for sentence in sentences:
        padded = np.concatenate([np.full(width, pad_id), sentence, np.full(width, pad_id)])
        offsets = np.arange(2 * width + 1)[:, None] + np.arange(len(sentence))[None, :]
        columns.append(padded[offsets])
    return np.concatenate(columns, axis=1).astype(np.int64)


def window_log_posteriors(model, word_ids, width: int) -> list[np.ndarray]:
    """``log p(tag_t | x_{t-width..t+width})`` per sentence, each ``(T_i, K)``, from a
    many-to-one model over :func:`window_ids` (``model.forward(ids (2w+1, N))`` gives
    logits ``(N, K)``)."""
    sentences = _check_sequences(word_ids, "word_ids", np.iinfo(np.int64).max)
    logits, _ = model.forward(window_ids(sentences, width))
    log_probs = log_softmax(logits)
    ends = np.cumsum([len(s) for s in sentences])[:-1]
    return np.split(log_probs, ends)
