"""Classifier plots (rnnlib.viz.classification) and the name explorer (headless)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnnlib.baselines import CharBigramClassifier  # noqa: E402
from rnnlib.viz import classification as vc  # noqa: E402
from rnnlib.widgets.classification import name_explorer  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_confusion_matrix_checks_the_classes():
    matrix = np.array([[1, 1, 0], [0, 1, 0], [1, 0, 1]])
    ax = vc.plot_confusion_matrix(matrix, ["a", "b", "c"])
    assert ax.get_xlabel() == "predicted class" and ax.get_title()
    with pytest.raises(ValueError, match="matrix"):
        vc.plot_confusion_matrix(matrix, ["a", "b"])


def test_plots_return_axes_and_check_shapes():
    ax = vc.plot_class_probabilities(list("abc"), np.full((3, 2), 0.5), ["x", "y"], legend=False)
    assert len(ax.lines) == 2 and ax.get_legend() is None
    with pytest.raises(ValueError, match="probabilities"):
        vc.plot_class_probabilities(list("ab"), np.full((3, 2), 0.5), ["x", "y"])
    coordinates, explained = np.random.default_rng(1).normal(size=(4, 2)), np.array([0.6, 0.3])
    words, groups = ["좋아요", "b", "c", "d"], ["p", "p", "n", "n"]
    ax = vc.plot_embedding_projection(coordinates, explained, words, groups)
    assert "johayo" in [t.get_text() for t in ax.texts] and "60%" in ax.get_xlabel()
    with pytest.raises(ValueError, match="words"):
        vc.plot_embedding_projection(coordinates, explained, ["a"])
    with pytest.raises(ValueError, match="coordinates"):
        vc.plot_embedding_projection(np.ones((4, 3)), explained, words)


def test_name_explorer_redraws(name_setup):
    data, vocab, model = name_setup
    bigram = CharBigramClassifier().fit(data.train.texts, data.train.labels, 3)
    explorer = name_explorer(model, vocab, data.classes, bigram, name="rossi")
    for value in ["", "Müller", "x y", "nieminen"]:
        explorer.controls["name"].value = value
    explorer.controls["curve"].value = "bigram baseline"
    assert len(explorer.redraw_seconds) == 6
    assert explorer.image.value[:4] == b"\x89PNG"
    assert "bigram baseline" in explorer.note.value and "RNN" in explorer.note.value
    explorer.controls["name"].value = "a☃"
    assert "&lt;unk&gt;" in explorer.note.value
    only_rnn = name_explorer(model, vocab, data.classes)
    assert only_rnn.controls["curve"].options == ("RNN",)
