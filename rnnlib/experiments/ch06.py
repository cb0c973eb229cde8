"""Chapter 6's experiments: many-to-one GRU classifiers against counted baselines.

* :func:`train_name_gru` - a character GRU for name -> language;
* :func:`language_mixups` - per-language accuracy and how often pairs are mixed up;
* :func:`order_experiment` - bag of words against a word GRU, scored per sentence kind;
* :func:`adjective_separation` - do the learned adjective embeddings split by polarity?
* :func:`homonym_experiment` - one-directional against bidirectional GRU on "사과를";
* :func:`depth_experiment` - one against two stacked GRU layers on intents.

Every function takes ``rng`` (a seed or a numpy Generator, used as is): the notebook
passes its Generator, the tests other seeds.
"""

from __future__ import annotations

import time

import numpy as np

from .. import optim
from .._checks import as_generator
from ..analysis import confusion_matrix, predict_classes, project_2d
from ..baselines import BagOfWordsClassifier
from ..data.classification import batches, build_vocabulary
from ..losses import softmax_cross_entropy
from ..models import SequenceModel
from ..train import fit


def _gru(vocab, num_classes, rng, embedding_dim, hidden_size, **options) -> SequenceModel:
    """A GRU over ``vocab``'s tokens with an embedding and a head to ``num_classes`` logits."""
    return SequenceModel(
        "gru",
        vocab_size=len(vocab),
        embedding_dim=embedding_dim,
        hidden_size=hidden_size,
        output_size=num_classes,
        rng=rng,
        **options,
    )


def _train(model, split, vocab, level, rng, *, epochs, lr, clip_norm=5.0, per_token=False):
    """Adam on shuffled padded batches of 32; returns fit's History."""
    return fit(
        model,
        optim.Adam(model, lr=lr),
        batches(split, vocab, level, 32, rng=rng, per_token=per_token),
        epochs=epochs,
        clip_norm=clip_norm,
        progress=False,
        **({"loss": loss_at_marked_word} if per_token else {}),
    )


def train_name_gru(names, vocab, rng) -> SequenceModel:
    """A character GRU (embedding 16, 32 hidden units) trained on ``names.train``.

    6 epochs of Adam (lr 0.01), gradient norm clipped at 5. Returns the trained
    many-to-one model (logits over ``names.classes``).
    """
    rng = as_generator(rng)
    model = _gru(vocab, len(names.classes), rng, 16, 32, many_to_one=True)
    _train(model, names.train, vocab, "char", rng, epochs=6, lr=0.01)
    return model


def language_mixups(true, predicted, classes):
    """Per-class accuracy and pairwise confusion of a classifier.

    Returns ``(confusion, per_class, mixed, average_pair)``: the ``(C, C)`` count
    matrix (rows true, columns predicted); the share of each class predicted right,
    ``(C,)``; ``mixed[a, b]``, the share of class ``a`` predicted as ``b`` plus that of
    ``b`` predicted as ``a``, ``(C, C)``; and the mean of ``mixed`` over all pairs.
    """
    confusion = confusion_matrix(true, predicted, len(classes))
    shares = confusion / confusion.sum(axis=1, keepdims=True)
    mixed = shares + shares.T
    average_pair = mixed[np.triu_indices(len(classes), k=1)].mean()
    return confusion, np.diag(shares), mixed, average_pair


def accuracy_by_kind(correct, split) -> dict[str, float]:
    """Accuracy per sentence kind, plus ``"order-dependent"`` for the flagged twins."""
    kinds = np.array(split.kinds)
    table = {kind: float(correct[kinds == kind].mean()) for kind in dict.fromkeys(split.kinds)}
    table["order-dependent"] = float(correct[split.order_dependent].mean())
    return table


def train_word_gru(data, rng, num_layers=1):
    """A word GRU (embedding 8, 24 hidden units, ``num_layers``) trained on ``data.train``.

    8 epochs of Adam (lr 0.02), gradient norm clipped at 5. Returns ``(model, vocab)``,
    ``vocab`` the word vocabulary of the training sentences.
    """
    rng = as_generator(rng)
    vocab = build_vocabulary(data.train.texts, "word")
    model = _gru(vocab, len(data.classes), rng, 8, 24, num_layers=num_layers, many_to_one=True)
    _train(model, data.train, vocab, "word", rng, epochs=8, lr=0.02)
    return model, vocab


def order_experiment(data, rng):
    """A bag of words and a word GRU (:func:`train_word_gru`) scored per kind on the test split.

    Returns ``(results, model, vocab)``: ``results`` maps ``"bag of words"`` and
    ``"GRU"`` to :func:`accuracy_by_kind` tables; ``model, vocab`` are the trained GRU.
    """
    bow = BagOfWordsClassifier().fit(data.train.texts, data.train.labels, len(data.classes))
    bow_correct = bow.predict(data.test.texts) == data.test.labels
    model, vocab = train_word_gru(data, rng)
    rnn_correct = predict_classes(model, data.test, vocab, "word") == data.test.labels
    results = {
        "bag of words": accuracy_by_kind(bow_correct, data.test),
        "GRU": accuracy_by_kind(rnn_correct, data.test),
    }
    return results, model, vocab


def adjective_separation(model, vocab, lexicon):
    """Project the embeddings of ``lexicon``'s words to 2-D; count who sits with their kind.

    ``lexicon`` maps word -> ``(language, polarity)`` (``sentiment_lexicon()``).
    Returns ``(coordinates, positive, nearer_own)``: PCA coordinates ``(W, 2)``, a
    boolean ``(W,)`` that is True for positive words, and the fraction of words nearer
    the centre of their own polarity than the other one.
    """
    words = list(lexicon)
    coordinates, _ = project_2d(model.embedding.params["E"][vocab.encode(words)])
    positive = np.array([lexicon[w][1] == "positive" for w in words])
    centres = coordinates[positive].mean(0), coordinates[~positive].mean(0)
    to_pos, to_neg = (np.linalg.norm(coordinates - c, axis=1) for c in centres)
    nearer_own = float(np.mean(np.where(positive, to_pos < to_neg, to_neg < to_pos)))
    return coordinates, positive, nearer_own


def loss_at_marked_word(outputs, targets, mask):
    """Cross-entropy at the marked word only: targets are -1 everywhere else."""
    marked = (targets >= 0) & (mask > 0)
    return softmax_cross_entropy(outputs, np.where(marked, targets, 0), mask=marked)


def homonym_experiment(data, vocab, rng):
    """Label the sense of the marked word with a one- and a bidirectional GRU.

    Each model (embedding 8, 16 hidden units per direction) is trained 10 epochs with
    Adam (lr 0.02), loss at the marked word only, no clipping. Returns a dict
    ``{"one-directional": (test accuracy, parameters, seconds to train),
    "bidirectional": (...)}``.
    """
    rng = as_generator(rng)
    results = {}
    for bidirectional in (False, True):
        model = _gru(vocab, 2, rng, 8, 16, bidirectional=bidirectional)
        start = time.perf_counter()
        _train(
            model,
            data.train,
            vocab,
            "word",
            rng,
            epochs=10,
            lr=0.02,
            clip_norm=None,
            per_token=True,
        )
        seconds = time.perf_counter() - start
        accuracy = np.mean(predict_classes(model, data.test, vocab, "word") == data.test.labels)
        label = "bidirectional" if bidirectional else "one-directional"
        results[label] = (accuracy, model.num_parameters(), seconds)
    return results


def seconds_per_batch(model, data, vocab, repeats=5) -> float:
    """The fastest of a few forward+backward passes over one batch of 32 sentences."""
    ids, labels, mask = next(batches(data.train, vocab, "word", 32, rng=0)())
    best = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        outputs, cache = model.forward(ids, mask)
        model.backward(softmax_cross_entropy(outputs, labels)[1], cache)
        best = min(best, time.perf_counter() - start)
    return best


def depth_experiment(data, rng, layers=(1, 2)):
    """Word GRUs (:func:`train_word_gru`) with 1 and 2 stacked layers on ``data``.

    Returns ``{num_layers: dict(accuracy, order, parameters, seconds)}``: test accuracy,
    accuracy on the order-dependent test sentences, parameter count and
    :func:`seconds_per_batch`.
    """
    rng = as_generator(rng)
    depth = {}
    for num_layers in layers:
        model, vocab = train_word_gru(data, rng, num_layers=num_layers)
        correct = predict_classes(model, data.test, vocab, "word") == data.test.labels
        depth[num_layers] = dict(
            accuracy=correct.mean(),
            order=correct[data.test.order_dependent].mean(),
            parameters=model.num_parameters(),
            seconds=seconds_per_batch(model, data, vocab),
        )
    return depth
