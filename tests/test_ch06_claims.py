"""Chapter 6's training-dependent claims, re-checked with other seeds (the notebook uses 0).

Same data sizes, models and training as the notebook; each test trains in a few seconds.
"""

import numpy as np
import pytest

from rnnlib import SequenceModel, fit, optim
from rnnlib.baselines import BagOfWordsClassifier, CharBigramClassifier
from rnnlib.data import classification as cd
from rnnlib.losses import softmax_cross_entropy
from rnnlib.viz.classification import confusion_matrix, project_2d
from rnnlib.widgets.classification import prefix_probabilities

SEEDS = [1, 2]


def train(model, data, vocab, level, rng, epochs, lr, **kwargs):
    fit(
        model,
        optim.Adam(model, lr=lr),
        cd.batches(data, vocab, level, 32, rng=rng, **kwargs),
        epochs=epochs,
        clip_norm=5.0,
        progress=False,
        **({"loss": _loss_at_marked_word} if kwargs.get("per_token") else {}),
    )
    return model


def _loss_at_marked_word(outputs, targets, mask):
    marked = (targets >= 0) & (mask > 0)
    return softmax_cross_entropy(outputs, np.where(marked, targets, 0), mask=marked)


@pytest.mark.parametrize("seed", SEEDS)
def test_names_gru_matches_the_bigram_baseline(seed):
    rng = np.random.default_rng(seed)
    names = cd.name_language_data(rng=seed)
    vocab = cd.build_vocabulary(names.train.texts, "char")
    bigram = CharBigramClassifier(alpha=0.1).fit(names.train.texts, names.train.labels, 7)
    bigram_accuracy = np.mean(bigram.predict(names.test.texts) == names.test.labels)
    model = SequenceModel(
        "gru",
        vocab_size=len(vocab),
        embedding_dim=16,
        hidden_size=32,
        output_size=7,
        many_to_one=True,
        rng=rng,
    )
    train(model, names.train, vocab, "char", rng, epochs=6, lr=0.01)
    predicted = cd.predict(model, names.test, vocab, "char")
    test = np.mean(predicted == names.test.labels)
    train_accuracy = np.mean(cd.predict(model, names.train, vocab, "char") == names.train.labels)
    assert bigram_accuracy > 3 / 7 and test > 3 / 7
    assert bigram_accuracy - 0.15 < test <= bigram_accuracy + 0.02
    assert train_accuracy - test > 0.1
    matrix = confusion_matrix(names.test.labels, predicted, 7)
    shares = matrix / matrix.sum(axis=1, keepdims=True)
    language = {name: k for k, name in enumerate(names.classes)}
    assert (
        shares[language["Finnish"], language["Finnish"]]
        > shares[language["English"], language["English"]]
    )
    assert (
        shares[language["Italian"], language["Italian"]]
        > shares[language["English"], language["English"]]
    )
    mixed = shares + shares.T
    average_pair = mixed[np.triu_indices(7, k=1)].mean()
    for a, b in [("German", "Dutch"), ("Italian", "Spanish")]:
        assert mixed[language[a], language[b]] > 1.3 * average_pair, (a, b)
    assert names.classes[prefix_probabilities(model, vocab, "virtanen")[-1].argmax()] == "Finnish"


def _word_model(data, rng, num_layers=1):
    vocab = cd.build_vocabulary(data.train.texts, "word")
    model = SequenceModel(
        "gru",
        vocab_size=len(vocab),
        embedding_dim=8,
        hidden_size=24,
        output_size=len(data.classes),
        num_layers=num_layers,
        many_to_one=True,
        rng=rng,
    )
    return train(model, data.train, vocab, "word", rng, epochs=8, lr=0.02), vocab


def _by_kind(correct, split):
    kinds = np.array(split.kinds)
    table = {kind: correct[kinds == kind].mean() for kind in set(split.kinds)}
    table["order-dependent"] = correct[split.order_dependent].mean()
    return table


@pytest.mark.parametrize("seed", SEEDS)
def test_bag_of_words_fails_where_order_matters_and_the_gru_does_not(seed):
    rng = np.random.default_rng(seed)
    for name, data in (
        ("sentiment", cd.sentiment_data(rng=seed)),
        ("intent", cd.intent_data(rng=seed)),
    ):
        bow = BagOfWordsClassifier().fit(data.train.texts, data.train.labels, len(data.classes))
        bow_table = _by_kind(bow.predict(data.test.texts) == data.test.labels, data.test)
        model, vocab = _word_model(data, rng)
        gru_table = _by_kind(
            cd.predict(model, data.test, vocab, "word") == data.test.labels, data.test
        )
        assert bow_table["plain"] >= 0.85, name
        assert bow_table["order-dependent"] <= 0.5, name
        assert gru_table["plain"] >= 0.9 and gru_table["order-dependent"] >= 0.9, (name, gru_table)
        if name == "sentiment":
            assert bow_table["negation"] <= 0.4 and gru_table["negation"] >= 0.9
            lexicon = cd.sentiment_lexicon()
            words = list(lexicon)
            coordinates, _ = project_2d(model.embedding.params["E"][vocab.encode(words)])
            positive = np.array([lexicon[w][1] == "positive" for w in words])
            centres = coordinates[positive].mean(0), coordinates[~positive].mean(0)
            to_pos, to_neg = (np.linalg.norm(coordinates - c, axis=1) for c in centres)
            assert np.mean(np.where(positive, to_pos < to_neg, to_neg < to_pos)) >= 0.9
        else:
            deeper, deeper_vocab = _word_model(data, rng, num_layers=2)
            correct = cd.predict(deeper, data.test, deeper_vocab, "word") == data.test.labels
            assert correct.mean() >= 0.95 and gru_table["plain"] >= 0.95
            assert deeper.num_parameters() > 1.5 * model.num_parameters()


@pytest.mark.parametrize("seed", SEEDS)
def test_only_the_bidirectional_gru_resolves_the_homonym(seed):
    rng = np.random.default_rng(seed)
    data = cd.homonym_data(rng=seed)
    vocab = cd.build_vocabulary(data.train.texts, "word")
    accuracy = {}
    for bidirectional in (False, True):
        model = SequenceModel(
            "gru",
            vocab_size=len(vocab),
            embedding_dim=8,
            hidden_size=16,
            output_size=2,
            bidirectional=bidirectional,
            rng=rng,
        )
        train(model, data.train, vocab, "word", rng, epochs=10, lr=0.02, per_token=True)
        accuracy[bidirectional] = np.mean(
            cd.predict(model, data.test, vocab, "word") == data.test.labels
        )
    assert accuracy[False] <= 0.65 and accuracy[True] >= 0.9, accuracy
