"""The counted character-bigram classifier and the bag-of-words classifier."""

import numpy as np
import pytest

from rnnlib.baselines import BagOfWordsClassifier, CharBigramClassifier
from rnnlib.functional import softmax


def test_bigram_probabilities_by_hand():
    model = CharBigramClassifier(alpha=1.0).fit(["ab", "ab", "ba"], np.array([0, 0, 1]), 2)
    # alphabet ^ $ a b (+ unknown) -> A = 5 slots; class 0 saw ^a twice out of 2 starts
    assert model.alphabet == ["$", "^", "a", "b"]
    start, a = model.index["^"], model.index["a"]
    assert np.isclose(np.exp(model.log_transition[0, start, a]), (2 + 1) / (2 + 5))
    assert np.isclose(np.exp(model.log_transition[1, start, a]), (0 + 1) / (1 + 5))
    assert np.allclose(np.exp(model.log_transition).sum(axis=2), 1.0)
    assert np.allclose(np.exp(model.log_prior), [3 / 5, 2 / 5])
    # p(class | "ab") by Bayes' rule
    joint = [
        model.log_prior[c]
        + sum(
            model.log_transition[c, model.index[x], model.index[y]] for x, y in ["^a", "ab", "b$"]
        )
        for c in range(2)
    ]
    assert np.allclose(model.predict_proba(["ab"])[0], softmax(np.array(joint)))
    assert model.predict(["ab", "ba"]).tolist() == [0, 1]


def test_bigram_prefix_probabilities():
    rng = np.random.default_rng(0)
    names = ["".join(rng.choice(list("abc"), size=rng.integers(2, 6))) for _ in range(30)]
    labels = np.array([int(n[0] == "a") for n in names])
    model = CharBigramClassifier().fit(names, labels, 2)
    curve = model.prefix_proba("abca")
    assert curve.shape == (4, 2) and np.allclose(curve.sum(axis=1), 1.0)
    assert np.allclose(curve[-1], softmax(model.log_scores("abca", end=False)[-1]))
    # unseen characters share one smoothed slot and do not break anything
    assert np.all(np.isfinite(model.predict_proba(["xyz", "aé"])))


def test_bigram_bad_input():
    with pytest.raises(ValueError, match="alpha"):
        CharBigramClassifier(alpha=0)
    model = CharBigramClassifier()
    with pytest.raises(ValueError, match="fit"):
        model.predict(["ab"])
    with pytest.raises(ValueError, match="labels"):
        model.fit(["ab", "ba"], np.array([0]), 2)
    with pytest.raises(TypeError, match="names"):
        model.fit("ab", np.array([0]), 2)
    with pytest.raises(ValueError, match="labels"):
        model.fit(["ab"], np.array([2]), 2)
    with pytest.raises(ValueError, match=r"names\[1\]"):
        model.fit(["ab", ""], np.array([0, 1]), 2)
    with pytest.raises(ValueError, match="num_classes"):
        model.fit(["ab"], np.array([0]), 1)


SENTENCES = [
    "good room",
    "bad room",
    "good food",
    "bad food",
    "the room was good",
    "the food was bad",
]
LABELS = np.array([1, 0, 1, 0, 1, 0])


def test_bag_of_words_counts_and_fit():
    model = BagOfWordsClassifier(steps=200).fit(SENTENCES, LABELS, 2)
    counts = model.counts(["the room the unknown"])
    assert counts[0, model.index["the"]] == 2 and counts[0, model.index["room"]] == 1
    assert counts.sum() == 3  # the unknown word is ignored
    assert np.array_equal(model.predict(SENTENCES), LABELS)
    assert model.loss[-1] < model.loss[0]
    probs = model.predict_proba(["good", "bad"])
    assert np.allclose(probs.sum(axis=1), 1.0) and probs[0, 1] > 0.5 > probs[1, 1]


def test_bag_of_words_is_deterministic_and_blind_to_order():
    a = BagOfWordsClassifier(steps=50).fit(SENTENCES, LABELS, 2)
    b = BagOfWordsClassifier(steps=50).fit(SENTENCES, LABELS, 2)
    twins = ["the room was good but the food was bad", "the room was bad but the food was good"]
    assert np.array_equal(a.predict_proba(twins), b.predict_proba(twins))
    p = a.predict_proba(twins)
    assert np.array_equal(p[0], p[1])  # same words, same answer: one twin must be wrong


def test_bag_of_words_bad_input():
    with pytest.raises(ValueError, match="steps"):
        BagOfWordsClassifier(steps=0)
    with pytest.raises(ValueError, match="l2"):
        BagOfWordsClassifier(l2=-1.0)
    model = BagOfWordsClassifier()
    with pytest.raises(ValueError, match="fit"):
        model.predict(["good"])
    with pytest.raises(ValueError, match="labels"):
        model.fit(SENTENCES, LABELS[:2], 2)
    with pytest.raises(TypeError, match="sentences"):
        model.fit("good room", LABELS[:1], 2)


def test_bag_of_words_gradients_match_finite_differences():
    from rnnlib.gradcheck import numerical_gradient, relative_error

    sentences, labels = SENTENCES[:5], LABELS[:5]  # unbalanced: the bias gradient is not 0
    model = BagOfWordsClassifier(steps=5, l2=0.3).fit(sentences, labels, 2)
    x = model.counts(sentences)

    def loss():
        model.layer.zero_grad()
        return model.loss_and_gradients(x, labels)

    for name in ("W", "b"):
        loss()
        analytic = model.layer.grads[name].copy()
        numeric = numerical_gradient(loss, model.layer.params[name])
        assert np.abs(analytic).max() > 1e-3
        assert relative_error(analytic, numeric) < 1e-6, name
