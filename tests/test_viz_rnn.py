"""rnnlib.viz.rnn: every plot draws headless, is titled and labelled, and rejects bad input."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rnnlib  # noqa: E402
from rnnlib.viz import rnn as rnnviz  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_unrolled_draws_one_hidden_box_per_step():
    ax = rnnviz.plot_unrolled(list("hell"), list("ello"), rolled=True)
    texts = [t.get_text() for t in ax.texts]
    for t in range(1, 5):
        assert f"$h_{{{t}}}$" in texts
    assert texts.count("W_hh") == 5  # the loop of the rolled form + 4 arrows: shared weights
    assert "same weights" in ax.get_title()


def test_plot_unrolled_bad_input():
    with pytest.raises(TypeError, match="inputs"):
        rnnviz.plot_unrolled("hell")
    with pytest.raises(ValueError, match="outputs: expected 4"):
        rnnviz.plot_unrolled(list("hell"), list("ell"))
    with pytest.raises(ValueError, match="inputs: expected at least one"):
        rnnviz.plot_unrolled([])


def test_plot_io_patterns_has_four_titled_panels():
    fig = rnnviz.plot_io_patterns()
    titles = [ax.get_title() for ax in fig.axes]
    assert len(titles) == 4 and any("many-to-one" in t for t in titles)


def test_plot_hidden_strip_reads_a_trace_and_blanks_future_steps():
    model = rnnlib.SequenceModel("rnn", hidden_size=3, vocab_size=4, output_size=4, rng=0)
    _, cache = model.forward(np.array([[0], [1], [2], [2]]))
    ax = rnnviz.plot_hidden_strip(cache.traces[0], list("hell"), upto=2)
    shown = ax.images[0].get_array()
    assert shown.shape == (3, 4)
    assert np.all(np.ma.getmaskarray(shown)[:, 2:] | np.isnan(np.ma.getdata(shown)[:, 2:]))
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    with pytest.raises(ValueError, match="upto"):
        rnnviz.plot_hidden_strip(cache.traces[0], upto=9)
    with pytest.raises(ValueError, match="labels: expected 4"):
        rnnviz.plot_hidden_strip(cache.traces[0], list("he"))
    with pytest.raises(ValueError, match="hidden"):
        rnnviz.plot_hidden_strip(np.zeros(5))


def test_plot_output_bars_highlights_argmax_and_target():
    ax = rnnviz.plot_output_bars(np.array([0.1, 0.7, 0.2]), list("abc"), target="c")
    assert ax.patches[2].get_hatch() == "//"
    assert ax.patches[1].get_facecolor() != ax.patches[0].get_facecolor()
    with pytest.raises(ValueError, match="labels"):
        rnnviz.plot_output_bars(np.array([0.5, 0.5]), list("abc"))
    with pytest.raises(ValueError, match="target"):
        rnnviz.plot_output_bars(np.array([0.5, 0.5]), list("ab"), target="z")


def test_plot_step_distributions_outlines_targets():
    probs = np.full((3, 2), 0.5)
    ax = rnnviz.plot_step_distributions(probs, list("ab"), inputs=list("abc"), targets=[0, 1, "a"])
    assert len(ax.patches) == 3
    with pytest.raises(ValueError, match="inputs"):
        rnnviz.plot_step_distributions(probs, list("ab"), inputs=list("ab"))


def test_plot_state_comparison_and_softmax_and_activations():
    ax = rnnviz.plot_state_comparison({"a": np.ones(4), "b": -np.ones(4)})
    assert len(ax.patches) == 8
    with pytest.raises(ValueError, match="one size"):
        rnnviz.plot_state_comparison({"a": np.ones(4), "b": np.ones(3)})
    with pytest.raises(TypeError, match="states"):
        rnnviz.plot_state_comparison([np.ones(3)])
    fig = rnnviz.plot_softmax(np.array([1.0, 2.0, 3.0]), 0.5, list("abc"))
    heights = [p.get_height() for p in fig.axes[1].patches[:3]]
    assert np.isclose(sum(heights), 1.0)
    with pytest.raises(ValueError, match="temperature"):
        rnnviz.plot_softmax(np.array([1.0, 2.0]), 0.0)
    assert rnnviz.plot_activations().get_legend() is not None


def test_softmax_reference_only_when_the_temperature_is_not_one():
    def legend_texts(temperature):
        fig = rnnviz.plot_softmax(np.array([1.0, 2.0, 3.0]), temperature, list("abc"))
        return [text.get_text() for text in fig.axes[1].get_legend().get_texts()]

    assert legend_texts(1.0) == ["T = 1"]
    assert legend_texts(0.5) == ["T = 0.5", "T = 1 (reference)"]


def test_cell_numbers_are_readable_where_the_cells_have_room():
    ax = rnnviz.plot_step_distributions(np.full((6, 5), 0.2), list("abcde"))
    assert ax.texts and all(text.get_fontsize() >= 10 for text in ax.texts)
    ax = rnnviz.plot_hidden_strip(np.zeros((4, 6)), list("hell"))
    assert ax.texts and all(text.get_fontsize() >= 10 for text in ax.texts)
