"""Plots and the name explorer of chapter 6 (headless)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from rnnlib import SequenceModel  # noqa: E402
from rnnlib.baselines import CharBigramClassifier  # noqa: E402
from rnnlib.data import classification as cd  # noqa: E402
from rnnlib.functional import softmax  # noqa: E402
from rnnlib.viz import classification as vc  # noqa: E402
from rnnlib.widgets.classification import name_explorer, prefix_probabilities  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_confusion_matrix_counts():
    matrix = vc.confusion_matrix(np.array([0, 0, 1, 2, 2]), np.array([0, 1, 1, 2, 0]), 3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]
    with pytest.raises(ValueError, match="predicted"):
        vc.confusion_matrix(np.array([0, 1]), np.array([0]), 2)
    with pytest.raises(ValueError, match="true"):
        vc.confusion_matrix(np.array([0, 3]), np.array([0, 1]), 2)
    ax = vc.plot_confusion_matrix(matrix, ["a", "b", "c"])
    assert ax.get_xlabel() == "predicted class" and ax.get_title()
    with pytest.raises(ValueError, match="matrix"):
        vc.plot_confusion_matrix(matrix, ["a", "b"])


def test_project_2d_finds_the_main_directions():
    rng = np.random.default_rng(0)
    line = np.outer(np.linspace(-1, 1, 20), rng.normal(size=5)) + 3.0
    coordinates, explained = vc.project_2d(line)
    assert np.isclose(explained[0], 1.0) and np.isclose(explained[1], 0.0, atol=1e-12)
    assert np.allclose(coordinates[:, 1], 0.0, atol=1e-9)
    # the 2-D distances equal the original ones for points on a line
    assert np.isclose(np.ptp(coordinates[:, 0]), np.linalg.norm(line[0] - line[-1]))
    with pytest.raises(ValueError, match="vectors"):
        vc.project_2d(np.ones((1, 3)))


def test_plots_return_axes_and_check_shapes():
    ax = vc.plot_class_probabilities(list("abc"), np.full((3, 2), 0.5), ["x", "y"], legend=False)
    assert len(ax.lines) == 2 and ax.get_legend() is None
    with pytest.raises(ValueError, match="probabilities"):
        vc.plot_class_probabilities(list("ab"), np.full((3, 2), 0.5), ["x", "y"])
    vectors = np.random.default_rng(1).normal(size=(4, 3))
    ax = vc.plot_embedding_projection(vectors, ["좋아요", "b", "c", "d"], ["p", "p", "n", "n"])
    assert "좋아요" in [t.get_text() for t in ax.texts]  # Hangul drawn, not romanised
    with pytest.raises(ValueError, match="words"):
        vc.plot_embedding_projection(vectors, ["a"])


@pytest.fixture(scope="module")
def name_setup():
    data = cd.name_language_data(["Finnish", "Italian", "German"], per_class=30, rng=0)
    vocab = cd.build_vocabulary(data.train.texts, "char")
    model = SequenceModel(
        "gru",
        vocab_size=len(vocab),
        embedding_dim=4,
        hidden_size=6,
        output_size=3,
        many_to_one=True,
        rng=0,
    )
    bigram = CharBigramClassifier().fit(data.train.texts, data.train.labels, 3)
    return data, vocab, model, bigram


def test_prefix_probabilities_end_with_the_prediction(name_setup):
    data, vocab, model, _ = name_setup
    curve = prefix_probabilities(model, vocab, "virtanen")
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
        prefix_probabilities(both_ways, vocab, "abc")


def test_name_explorer_redraws(name_setup):
    data, vocab, model, bigram = name_setup
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
    assert list(only_rnn.controls) == ["name"]  # no dropdown with nothing to choose


def test_name_explorer_gives_each_class_one_colour_in_both_panels_and_a_key(name_setup):
    data, vocab, model, bigram = name_setup
    explorer = name_explorer(model, vocab, data.classes, bigram, name="rossi")
    fig, _ = explorer.draw(name="virtanen", curve="RNN")
    left, right = fig.axes
    curve_colour = {}
    for line in left.get_lines():
        label = line.get_label().split(" (")[0]
        if label in data.classes:
            curve_colour[label] = to_rgba(line.get_color())
    bar_colour = {
        name: to_rgba(bar.get_facecolor())
        for name, bar in zip(data.classes, right.patches, strict=True)
    }
    (key,) = fig.legends
    key_colour = {
        text.get_text(): to_rgba(handle.get_color())
        for text, handle in zip(key.get_texts(), key.legend_handles, strict=True)
    }
    assert curve_colour == bar_colour == key_colour
    assert set(curve_colour) == set(data.classes)
    assert len(set(curve_colour.values())) == len(data.classes)  # one colour per class
    plt.close(fig)
