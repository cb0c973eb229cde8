"""Chapter 7's experiments: RNN taggers against counted ones, and the claims about them.

The notebook trains its two RNN taggers with :func:`train_rnn_tagger` and decodes them
with :func:`rnn_tagger_predictions`; the tests build all six taggers with
:func:`compare_taggers` (the same two functions) and other seeds. Both score them with
:func:`accuracy_table` and check the same :func:`tagging_claims`.

The hybrid decoder's experiment: :func:`train_window_tagger` trains a tagger that sees
only a window of ``2 width + 1`` words around each token, :func:`hybrid_experiment`
scores such taggers with and without the counted transitions (Viterbi on scaled
likelihoods), and :func:`hybrid_claims` states what the chapter asserts about them.
"""

from __future__ import annotations

import numpy as np

from .._checks import as_generator
from ..analysis import accuracy
from ..models import SequenceModel
from ..optim import Adam
from ..tagging import (
    HMM,
    MostFrequentTag,
    count_transitions,
    hybrid_decode,
    rnn_log_posteriors,
    tag_prior,
    tagging_batches,
    window_ids,
    window_log_posteriors,
)
from ..train import fit

__all__ = [
    "train_rnn_tagger",
    "rnn_tagger_predictions",
    "compare_taggers",
    "accuracy_table",
    "tagging_claims",
    "train_window_tagger",
    "hybrid_experiment",
    "hybrid_claims",
]


def train_rnn_tagger(
    word_ids,
    tag_ids,
    vocab_size: int,
    num_tags: int,
    *,
    rng,
    bidirectional: bool = True,
    cell: str = "lstm",
    hidden_size: int = 32,
    embedding_dim: int = 16,
    epochs: int = 5,
    batch_size: int = 32,
    lr: float = 0.01,
    progress: bool = False,
):
    """Train a word-level tagger: Embedding -> (Bi)LSTM -> Dense to ``num_tags`` logits,
    Adam on the masked cross-entropy of padded batches. Returns ``(model, history)``."""
    rng = as_generator(rng)
    model = SequenceModel(
        cell,
        hidden_size=hidden_size,
        output_size=num_tags,
        vocab_size=vocab_size,
        embedding_dim=embedding_dim,
        bidirectional=bidirectional,
        rng=rng,
    )
    batches = tagging_batches(word_ids, tag_ids, batch_size, rng=rng)
    history = fit(
        model, Adam(model, lr=lr), batches, epochs=epochs, clip_norm=5.0, progress=progress
    )
    return model, history


def rnn_tagger_predictions(model, word_ids, prior, transitions) -> dict[str, list[np.ndarray]]:
    """Tag sentences with a trained RNN tagger in the chapter's two ways:
    ``{"argmax": [...], "hybrid": [...]}``, each a list of predicted tag ids ``(T_i,)``:
    the argmax of each word's posterior, and Viterbi over the scaled likelihoods
    (posterior / ``prior``) with the counted ``transitions``."""
    log_posteriors = rnn_log_posteriors(model, word_ids)
    return {
        "argmax": [lp.argmax(axis=1) for lp in log_posteriors],
        "hybrid": [hybrid_decode(lp, prior, transitions).path for lp in log_posteriors],
    }


def compare_taggers(
    train_words, train_tags, test_words, vocab_size, num_tags, *, rng, **rnn_options
) -> dict[str, list[np.ndarray]]:
    """Fit the chapter's six taggers on the training sentences and tag the test sentences.

    Returns ``{name: [predicted tag ids (T_i,) per test sentence]}`` for: the
    most-frequent-tag baseline, the HMM, a left-to-right RNN and a bidirectional RNN
    (argmax per token), and each RNN + counted transitions + Viterbi (hybrid).
    ``rnn_options`` go to :func:`train_rnn_tagger`.
    """
    rng = as_generator(rng)
    baseline = MostFrequentTag(train_words, train_tags, vocab_size, num_tags)
    hmm = HMM.fit(train_words, train_tags, vocab_size, num_tags)
    transitions = count_transitions(train_tags, num_tags)
    prior = tag_prior(train_tags, num_tags)
    results = {
        "most frequent tag": [baseline.predict(w) for w in test_words],
        "HMM (counts + Viterbi)": [hmm.decode(w).path for w in test_words],
    }
    for label, bidirectional in (("RNN", False), ("BiRNN", True)):
        model, _ = train_rnn_tagger(
            train_words,
            train_tags,
            vocab_size,
            num_tags,
            rng=rng,
            bidirectional=bidirectional,
            **rnn_options,
        )
        paths = rnn_tagger_predictions(model, test_words, prior, transitions)
        results[f"{label} (argmax)"] = paths["argmax"]
        results[f"{label} + Viterbi (hybrid)"] = paths["hybrid"]
    return results


def accuracy_table(predictions, sentences, gold, ambiguous) -> dict[str, dict[str, float]]:
    """Accuracy of each tagger on all tokens, the ambiguous ones and the word *like*.

    predictions: ``{name: [predicted tag ids (T_i,) per sentence]}``; sentences: the test
    sentences as lists of words; gold: their tag ids; ambiguous: boolean masks ``(T_i,)``.
    Returns ``{name: {"all": ..., "ambiguous": ..., "like": ...}}``.
    """
    like = [np.array([w == "like" for w in s]) for s in sentences]
    return {
        name: {
            "all": accuracy(p, gold),
            "ambiguous": accuracy(p, gold, ambiguous),
            "like": accuracy(p, gold, like),
        }
        for name, p in predictions.items()
    }


def tagging_claims(table) -> dict[str, bool]:
    """The chapter's claims about an :func:`accuracy_table` of the six taggers.

    Returns ``{claim, in words: whether it holds}``; the margins are in the words.
    """
    amb = {name: row["ambiguous"] for name, row in table.items()}
    on_like = {name: row["like"] for name, row in table.items()}
    others = [name for name in table if name != "most frequent tag"]
    return {
        "ambiguous tokens: baseline below 0.72, every other tagger above 0.9": (
            amb["most frequent tag"] < 0.72 and min(amb[n] for n in others) > 0.9
        ),
        "ambiguous tokens: RNN + Viterbi beats the RNN by more than 0.02": (
            amb["RNN + Viterbi (hybrid)"] > amb["RNN (argmax)"] + 0.02
        ),
        "ambiguous tokens: the BiRNN beats the RNN by more than 0.02": (
            amb["BiRNN (argmax)"] > amb["RNN (argmax)"] + 0.02
        ),
        "ambiguous tokens: Viterbi costs the BiRNN less than 0.005": (
            amb["BiRNN + Viterbi (hybrid)"] > amb["BiRNN (argmax)"] - 0.005
        ),
        "'like': the BiRNN beats the HMM by more than 0.02": (
            on_like["BiRNN (argmax)"] > on_like["HMM (counts + Viterbi)"] + 0.02
        ),
    }


def train_window_tagger(
    word_ids,
    tag_ids,
    vocab_size: int,
    num_tags: int,
    width: int,
    *,
    rng,
    hidden_size: int = 16,
    embedding_dim: int = 16,
    epochs: int = 3,
    batch_size: int = 64,
    lr: float = 0.01,
) -> SequenceModel:
    """A tagger whose posterior sees only ``x_{t-width..t+width}``: a many-to-one
    bidirectional LSTM (embedding ``embedding_dim``, ``hidden_size`` units per direction)
    over each token's :func:`rnnlib.tagging.window_ids` column. Adam on shuffled batches
    of ``batch_size`` windows, gradient norm clipped at 5. Returns the model."""
    rng = as_generator(rng)
    inputs = window_ids(word_ids, width)
    targets = np.concatenate([np.asarray(t) for t in tag_ids])
    model = SequenceModel(
        "lstm",
        hidden_size=hidden_size,
        output_size=num_tags,
        vocab_size=vocab_size,
        embedding_dim=embedding_dim,
        bidirectional=True,
        many_to_one=True,
        rng=rng,
    )

    def batches():
        order = rng.permutation(len(targets))
        for begin in range(0, len(order), batch_size):
            chunk = order[begin : begin + batch_size]
            yield inputs[:, chunk], targets[chunk]

    fit(model, Adam(model, lr=lr), batches, epochs=epochs, clip_norm=5.0, progress=False)
    return model


def hybrid_experiment(
    train_words,
    train_tags,
    test_words,
    test_tags,
    ambiguous,
    vocab_size,
    num_tags,
    *,
    rng,
    widths=(0, 1, 2),
) -> dict[str, dict[str, float]]:
    """Window taggers (:func:`train_window_tagger`) of each width, decoded per token
    (argmax) and with the counted transitions (hybrid Viterbi on scaled likelihoods).

    Returns ``{"window ±w": {"argmax": accuracy, "hybrid": accuracy}}`` on the ambiguous
    test tokens (``ambiguous``: boolean masks per test sentence).
    """
    rng = as_generator(rng)
    transitions = count_transitions(train_tags, num_tags)
    prior = tag_prior(train_tags, num_tags)
    table = {}
    for width in widths:
        model = train_window_tagger(train_words, train_tags, vocab_size, num_tags, width, rng=rng)
        posteriors = window_log_posteriors(model, test_words, width)
        argmax = [lp.argmax(axis=1) for lp in posteriors]
        hybrid = [hybrid_decode(lp, prior, transitions).path for lp in posteriors]
        table[f"window ±{width}"] = {
            "argmax": accuracy(argmax, test_tags, ambiguous),
            "hybrid": accuracy(hybrid, test_tags, ambiguous),
        }
    return table


def hybrid_claims(table, hmm_ambiguous) -> dict[str, bool]:
    """The chapter's claims about :func:`hybrid_experiment`'s table, extended with the
    rows ``"RNN (section 5)"`` and ``"BiRNN (section 5)"``; ``hmm_ambiguous`` is the
    HMM's accuracy on the same ambiguous tokens. Returns ``{claim: whether it holds}``."""
    gain = {name: row["hybrid"] - row["argmax"] for name, row in table.items()}
    return {
        "word alone (window ±0): the transitions add more than 0.25": gain["window ±0"] > 0.25,
        "word alone: the hybrid is within 0.015 of the HMM": (
            abs(table["window ±0"]["hybrid"] - hmm_ambiguous) < 0.015
        ),
        "windows ±1 and ±2: the transitions add less than 0.03": (
            max(gain["window ±1"], gain["window ±2"]) < 0.03
        ),
        "left-to-right RNN: the transitions add more than 0.02": gain["RNN (section 5)"] > 0.02,
        "bidirectional RNN: the transitions change less than 0.01": (
            abs(gain["BiRNN (section 5)"]) < 0.01
        ),
    }
