"""Chapter 6's experiments: many-to-one GRU classifiers against counted baselines.

* :func:`train_name_gru` - a character GRU for name -> language;
* :func:`language_mixups` - per-language accuracy and how often pairs are mixed up;
* :func:`order_experiment` - bag of words against a word GRU, scored per sentence kind;
* :func:`adjective_separation` - do the learned adjective embeddings split by polarity?
* :func:`train_skipgram` - skip-gram word vectors from the sentiment sentences alone;
* :func:`context_similarity` - are words of one template slot close, and is polarity?
* :func:`homonym_experiment` - one- or bidirectional, one or two stacked GRU layers on "사과를";
* :func:`depth_experiment` - one against two stacked GRU layers on intents;
* :func:`korean_tokens` - Korean words, syllables and jamo: vocabulary and unseen tokens.

Every function takes ``rng`` (a seed or a numpy Generator, used as is): the notebook
passes its Generator, the tests other seeds.
"""

from __future__ import annotations

import numpy as np

from .. import optim
from .._checks import as_generator
from ..analysis import confusion_matrix, cosine_similarities, predict_classes, project_2d
from ..baselines import BagOfWordsClassifier
from ..data.classification import (
    batches,
    build_vocabulary,
    negation_form,
    tokenize,
    vocabulary_coverage,
)
from ..embeddings import SkipGram, skipgram_loss, skipgram_pairs
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
    """Accuracy per sentence kind, plus ``"order-dependent"`` for the flagged twins and,
    when there are negations, ``"negation: word"`` (by "not" or "안") and
    ``"negation: ending"`` (by "-지 않아요", see :func:`negation_form`)."""
    kinds = np.array(split.kinds)
    table = {kind: float(correct[kinds == kind].mean()) for kind in dict.fromkeys(split.kinds)}
    table["order-dependent"] = float(correct[split.order_dependent].mean())
    forms = np.array([negation_form(text) for text in split.texts])
    for form in ("word", "ending"):
        chosen = (kinds == "negation") & (forms == form)
        if chosen.any():
            table[f"negation: {form}"] = float(correct[chosen].mean())
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


def train_skipgram(texts, rng, *, dim=10, window=2, epochs=10, lr=0.05, batch_size=256):
    """Skip-gram word vectors (:class:`rnnlib.embeddings.SkipGram`) from sentences alone.

    The (centre, context) pairs within ``window`` words of each other are shuffled every
    epoch and fed in batches of ``batch_size`` to Adam (``lr``); no label is used.
    Returns ``(model, vocab, epoch_losses)``: ``vocab`` the word vocabulary of ``texts``
    and ``epoch_losses`` the mean loss of each epoch.
    """
    rng = as_generator(rng)
    vocab = build_vocabulary(texts, "word")
    sentences = [np.array(vocab.encode(tokenize(text, "word"))) for text in texts]
    centres, contexts = skipgram_pairs(sentences, window)
    model = SkipGram(len(vocab), dim, rng=rng)
    optimizer = optim.Adam(model, lr=lr)
    epoch_losses = []
    for _ in range(epochs):
        order = rng.permutation(len(centres))
        total = 0.0
        for begin in range(0, len(order), batch_size):
            batch = order[begin : begin + batch_size]
            model.zero_grad()
            total += skipgram_loss(model, centres[batch], contexts[batch]) * len(batch)
            optimizer.step()
        epoch_losses.append(total / len(centres))
    return model, vocab, epoch_losses


def context_similarity(vectors, vocab, groups, lexicon):
    """How word vectors ``(V, D)`` (rows in ``vocab`` order) reflect template slots and polarity.

    groups: ``{group: [words]}`` (``sentiment_word_groups()``); lexicon: word ->
    ``(language, polarity)`` (``sentiment_lexicon()``). Returns a dict with the mean
    cosine similarity of two different words of the same group (``"within"``) and of
    two words of different groups (``"across"``); ``"nearest_in_group"``, the share of
    words whose nearest word (by cosine, among the grouped words) is in their own group;
    and, over adjectives of the same language, the mean cosine of two different words of
    the same polarity (``"same_polarity"``) and of opposite polarities
    (``"opposite_polarity"``).
    """
    words = [w for members in groups.values() for w in members]
    group = np.array([k for k, members in enumerate(groups.values()) for _ in members])
    similarity = cosine_similarities(np.asarray(vectors)[vocab.encode(words)])
    others = ~np.eye(len(words), dtype=bool)
    same_group = (group[:, None] == group[None, :]) & others
    nearest = np.where(others, similarity, -np.inf).argmax(axis=1)
    adjective = np.array([w in lexicon for w in words])
    language = np.array([lexicon[w][0] if w in lexicon else "" for w in words])
    polarity = np.array([lexicon[w][1] if w in lexicon else "" for w in words])
    pairs = adjective[:, None] & adjective[None, :] & (language[:, None] == language[None, :])
    same_polarity = polarity[:, None] == polarity[None, :]
    return {
        "within": float(similarity[same_group].mean()),
        "across": float(similarity[group[:, None] != group[None, :]].mean()),
        "nearest_in_group": float(np.mean(group[nearest] == group)),
        "same_polarity": float(similarity[pairs & same_polarity & others].mean()),
        "opposite_polarity": float(similarity[pairs & ~same_polarity].mean()),
    }


def loss_at_marked_word(outputs, targets, mask):
    """Cross-entropy at the marked word only: targets are -1 everywhere else."""
    marked = (targets >= 0) & (mask > 0)
    return softmax_cross_entropy(outputs, np.where(marked, targets, 0), mask=marked)


#: the homonym experiment's models: label -> (stacked layers, bidirectional)
HOMONYM_MODELS = {
    "one-directional": (1, False),
    "bidirectional": (1, True),
    "2 layers, one-directional": (2, False),
    "2 layers, bidirectional": (2, True),
}


def homonym_experiment(data, vocab, rng, models=("one-directional", "bidirectional")):
    """Label the sense of the marked word with the GRUs named in ``models`` (keys of
    :data:`HOMONYM_MODELS`: one or two stacked layers, one- or bidirectional).

    Each model (embedding 8, 16 hidden units per direction and layer) is trained 10
    epochs with Adam (lr 0.02), loss at the marked word only, no clipping. Returns
    ``{label: (test accuracy, parameters)}``.
    """
    rng = as_generator(rng)
    results = {}
    for label in models:
        num_layers, bidirectional = HOMONYM_MODELS[label]
        model = _gru(vocab, 2, rng, 8, 16, num_layers=num_layers, bidirectional=bidirectional)
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
        accuracy = np.mean(predict_classes(model, data.test, vocab, "word") == data.test.labels)
        results[label] = (accuracy, model.num_parameters())
    return results


def depth_experiment(data, rng, layers=(1, 2)):
    """Word GRUs (:func:`train_word_gru`) with 1 and 2 stacked layers on ``data``.

    Returns ``{num_layers: dict(accuracy, order, parameters)}``: test accuracy, accuracy
    on the order-dependent test sentences and parameter count.
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
        )
    return depth


def korean_tokens(data, levels=("word", "char", "jamo")):
    """The Korean sentences of ``data`` (``sentiment_data``) cut into each of ``levels``.

    Returns ``{split: {level: vocabulary_coverage(...)}}`` for two splits:
    ``"random split"``, the Korean training sentences against the Korean test sentences;
    ``"negation unseen"``, the Korean training sentences that do not negate against the
    Korean test sentences that do (held-out sentences with a form the training lacks).
    """
    train, test = data.train.where(language="ko"), data.test.where(language="ko")
    plain_train = [
        t for t, kind in zip(train.texts, train.kinds, strict=True) if kind != "negation"
    ]
    negated_test = test.where(kind="negation").texts
    splits = {
        "random split": (train.texts, test.texts),
        "negation unseen": (plain_train, negated_test),
    }
    return {
        split: {level: vocabulary_coverage(a, b, level) for level in levels}
        for split, (a, b) in splits.items()
    }
