"""Measurements (rnnlib.analysis): each computed on cases whose answer is known."""

import numpy as np
import pytest

from rnnlib import SequenceModel, analysis
from rnnlib.baselines import persistence
from rnnlib.data import classification as cd
from rnnlib.functional import softmax
from rnnlib.trace import Trace


def test_confusion_matrix_counts():
    matrix = analysis.confusion_matrix(np.array([0, 0, 1, 2, 2]), np.array([0, 1, 1, 2, 0]), 3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]
    with pytest.raises(ValueError, match="predicted"):
        analysis.confusion_matrix(np.array([0, 1]), np.array([0]), 2)
    with pytest.raises(ValueError, match="true"):
        analysis.confusion_matrix(np.array([0, 3]), np.array([0, 1]), 2)


def test_project_2d_finds_the_main_directions():
    rng = np.random.default_rng(0)
    line = np.outer(np.linspace(-1, 1, 20), rng.normal(size=5)) + 3.0
    coordinates, explained = analysis.project_2d(line)
    assert np.isclose(explained[0], 1.0) and np.isclose(explained[1], 0.0, atol=1e-12)
    assert np.allclose(coordinates[:, 1], 0.0, atol=1e-9)
    # the 2-D distances equal the original ones for points on a line
    assert np.isclose(np.ptp(coordinates[:, 0]), np.linalg.norm(line[0] - line[-1]))
    with pytest.raises(ValueError, match="vectors"):
        analysis.project_2d(np.ones((1, 3)))


def test_prefix_probabilities_end_with_the_prediction(name_setup):
    data, vocab, model = name_setup
    curve = analysis.prefix_probabilities(model, vocab, "virtanen")
    ids, mask = cd.encode_batch(["virtanen"], vocab, "char")
    assert curve.shape == (8, 3)
    assert np.allclose(curve[-1], softmax(model.predict(ids, mask))[0])
    # row t is the prediction for the first t+1 letters
    ids, mask = cd.encode_batch(["vir"], vocab, "char")
    assert np.allclose(curve[2], softmax(model.predict(ids, mask))[0])
    both_ways = SequenceModel(
        "gru",
        vocab_size=len(vocab),
        hidden_size=3,
        output_size=3,
        bidirectional=True,
        many_to_one=True,
        rng=0,
    )
    with pytest.raises(ValueError, match="model"):
        analysis.prefix_probabilities(both_ways, vocab, "abc")


def test_accuracy_counts_selected_tokens():
    predicted = [np.array([0, 1, 2]), np.array([1])]
    gold = [np.array([0, 2, 2]), np.array([1])]
    assert analysis.accuracy(predicted, gold) == pytest.approx(3 / 4)
    masks = [np.array([False, True, False]), np.array([True])]
    assert analysis.accuracy(predicted, gold, masks) == pytest.approx(1 / 2)
    with pytest.raises(ValueError, match="predicted"):
        analysis.accuracy(predicted[:1], gold)
    with pytest.raises(ValueError, match="masks"):
        analysis.accuracy(predicted, gold, [np.zeros(3, bool), np.zeros(1, bool)])


def test_nrmse_is_one_for_the_mean_and_zero_for_the_truth():
    truth = np.random.default_rng(0).normal(size=50)
    assert analysis.nrmse(truth, truth) == 0.0
    assert analysis.nrmse(np.full(50, truth.mean()), truth) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="pred"):
        analysis.nrmse(truth[:3], truth)


def test_memory_state_is_the_cell_state_when_there_is_one():
    hidden, cell = np.zeros((2, 1, 3)), np.ones((2, 1, 3))
    assert analysis.memory_state(Trace(inputs=hidden, hidden=hidden))[0] == "hidden"
    name, values = analysis.memory_state(Trace(inputs=hidden, hidden=hidden, cell_state=cell))
    assert name == "cell_state" and values is cell
    with pytest.raises(TypeError, match="trace"):
        analysis.memory_state(hidden)


def test_activation_slope_from_outputs():
    a = np.linspace(-3, 3, 13)
    assert np.allclose(analysis.activation_slope(np.tanh(a), "tanh"), 1 / np.cosh(a) ** 2)
    s = 1 / (1 + np.exp(-a))
    assert np.allclose(analysis.activation_slope(s, "sigmoid"), np.exp(-a) * s**2)
    assert np.array_equal(analysis.activation_slope(np.maximum(a, 0), "relu"), a > 0)
    for name, bound in analysis.SLOPE_BOUND.items():
        outputs = {"tanh": np.tanh(a), "sigmoid": s, "relu": np.maximum(a, 0)}[name]
        assert analysis.activation_slope(outputs, name).max() == pytest.approx(bound)
    with pytest.raises(ValueError, match="activation"):
        analysis.activation_slope(a, "gelu")


def test_cosine_similarities_and_nearest_words():
    vectors = np.array([[1.0, 0.0], [2.0, 0.1], [0.0, 1.0], [-1.0, 0.0]])
    similarity = analysis.cosine_similarities(vectors)
    assert np.allclose(np.diag(similarity), 1) and np.isclose(similarity[0, 3], -1)
    assert analysis.nearest_words(vectors, list("abcd"), "a", k=2) == ["b", "c"]
    with pytest.raises(ValueError, match="vectors: expected no all-zero row"):
        analysis.cosine_similarities(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="word: expected one of the 2 words"):
        analysis.nearest_words(np.eye(2), ["a", "b"], "c")


def test_nrmse_by_context_scores_every_length_on_the_same_targets():
    series = np.sin(np.arange(60.0) / 3)
    last = analysis.nrmse_by_context(persistence, series, 40, (1, 5, 40))
    assert len(set(np.round(list(last.values()), 12))) == 1  # persistence reads the last value
    with pytest.raises(ValueError, match="contexts: expected lengths up to first_target = 40"):
        analysis.nrmse_by_context(persistence, series, 40, (41,))
