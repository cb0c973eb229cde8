"""Gated cells compared: chapter 4's experiments (rnnlib.experiments.ch04), the gate
measurements (rnnlib.analysis), rnnlib.viz.gates and rnnlib.widgets.gates.

The slow test re-runs the chapter's training-dependent claims with two other seeds.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnnlib import analysis  # noqa: E402
from rnnlib.cells import (  # noqa: E402
    CELL_TYPES,  # noqa: E402
)
from rnnlib.data.tasks import adding_problem  # noqa: E402
from rnnlib.experiments import ch04 as experiments  # noqa: E402
from rnnlib.trace import Trace  # noqa: E402
from rnnlib.viz.gates import (  # noqa: E402
    STAGES,
    plot_gate_saturation,
    plot_gates_at_step,
    plot_lstm_diagram,
    plot_lstm_stage,
    plot_norms_over_time,
    plot_showdown,
    plot_step_seconds,
    plot_unit_gates,
    plot_vectors,
)
from rnnlib.widgets import Explorer  # noqa: E402
from rnnlib.widgets.gates import gate_explorer  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ----- the claims of the chapter, with other seeds -------------------------------------------------


@pytest.mark.parametrize("seed", [11, 12])
def test_showdown_claims_hold_for_other_seeds(seed):
    runs = experiments.showdown(lengths=(10, 50), rng=seed)
    # the showdown: gated models solve T = 50, the vanilla RNN stays at the baseline
    assert runs["rnn", 10].relative_mse < 0.3
    assert runs["rnn", 50].relative_mse > 0.9
    for cell in ("lstm", "gru"):
        for length in (10, 50):
            assert runs[cell, length].relative_mse < 0.1, (cell, length)
    assert analysis.steps_to_learn(runs["rnn", 50].losses, 0.5 / 6) is None
    # after training: the gradient reaches step 1 along the LSTM cell and the GRU state
    inputs, targets = adding_problem(256, 50, rng=seed + 1)
    norms = {
        cell: analysis.gradient_norms(runs[cell, 50].model, inputs, targets) for cell in CELL_TYPES
    }
    reach = {
        "rnn": norms["rnn"]["hidden"][0] / norms["rnn"]["hidden"][-1],
        "lstm": norms["lstm"]["cell_state"][0] / norms["lstm"]["cell_state"][-1],
        "gru": norms["gru"]["hidden"][0] / norms["gru"]["hidden"][-1],
    }
    for cell in ("lstm", "gru"):
        assert reach[cell] > 0.01 and reach[cell] > 100 * reach["rnn"], reach
    assert reach["rnn"] < 0.01, reach
    # gate saturation: a forget unit held open, GRU update gates mostly open
    saturation = {}
    for cell in ("lstm", "gru"):
        _, cache = runs[cell, 50].model.forward(inputs)
        gates = CELL_TYPES[cell].sigmoid_gates
        saturation[cell] = analysis.gate_saturation(cache.traces[0], gates)
    lstm_switches = sum(
        int(np.sum((fractions["high"] > 0.9) | (fractions["low"] > 0.9)))
        for fractions in saturation["lstm"].values()
    )
    assert saturation["lstm"]["forget_gate"]["high"].max() > 0.9
    assert 1 <= lstm_switches <= 8
    assert saturation["gru"]["update_gate"]["high"].mean() > 0.5


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_untrained_claims_hold_for_other_seeds(seed):
    inputs, targets = adding_problem(32, 50, rng=seed)
    rnn = analysis.gradient_norms(experiments.make_model("rnn", rng=seed), inputs, targets)
    lstm = analysis.gradient_norms(experiments.make_model("lstm", rng=seed), inputs, targets)
    rnn_reach = rnn["hidden"][0] / rnn["hidden"][-1]
    assert lstm["cell_state"][0] / lstm["cell_state"][-1] > 1e3 * rnn_reach
    assert lstm["hidden"][0] / lstm["hidden"][-1] > 1e3 * rnn_reach
    reach = {bias: curve[0] for bias, curve in experiments.forget_bias_gradients(rng=seed).items()}
    assert reach[1.0] > 10 * reach[0.0] and reach[3.0] > 10 * reach[1.0] and reach[3.0] > 0.01
    for cell in ("lstm", "gru"):
        _, cache = experiments.make_model(cell, rng=seed).forward(inputs)
        gates = CELL_TYPES[cell].sigmoid_gates
        for fractions in analysis.gate_saturation(cache.traces[0], gates).values():
            assert fractions["high"].max() < 0.05 and fractions["low"].max() < 0.05


# ----- the pieces ------------------------------------------------------------------------------------


def test_train_adding_is_seeded_and_same_data_for_every_cell():
    first = experiments.train_adding("gru", 6, steps=5, batch_size=4, rng=3)
    again = experiments.train_adding("gru", 6, steps=5, batch_size=4, rng=3)
    other = experiments.train_adding("rnn", 6, steps=5, batch_size=4, rng=3)
    np.testing.assert_array_equal(first.losses, again.losses)
    assert first.test_mse == again.test_mse and first.baseline_mse == other.baseline_mse
    assert first.losses.shape == (5,) and first.seconds > 0 and first.seconds_per_step > 0
    assert first.relative_mse == pytest.approx(first.test_mse / first.baseline_mse)
    assert first.model.cell_type == "gru"


def test_showdown_returns_one_run_per_cell_and_length():
    runs = experiments.showdown(("rnn", "lstm"), (4, 6), rng=0, steps=2, batch_size=2)
    assert set(runs) == {("rnn", 4), ("lstm", 4), ("rnn", 6), ("lstm", 6)}
    assert runs["rnn", 4].baseline_mse == runs["lstm", 4].baseline_mse  # same test set


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: experiments.train_adding("transformer", 10), ValueError, "cell"),
        (lambda: experiments.train_adding("rnn", 1), ValueError, "length"),
        (lambda: experiments.train_adding("rnn", 10, steps=0), ValueError, "steps"),
        (lambda: experiments.train_adding("rnn", 10, lr=-1.0), ValueError, "lr"),
        (lambda: experiments.train_adding("rnn", 10, rng="x"), TypeError, "rng"),
        (lambda: experiments.showdown(lengths=(10,), hidden=3), ValueError, "settings"),
        (lambda: experiments.showdown(cells=("gru", "cnn")), ValueError, "cells"),
        (lambda: experiments.make_model("lstm", forget_bias="big"), TypeError, "forget_bias"),
        (lambda: analysis.steps_to_learn(np.ones((2, 2)), 0.1), ValueError, "losses"),
        (
            lambda: analysis.gradient_norms("model", np.ones((3, 1, 2)), np.ones((1, 1))),
            TypeError,
            "model",
        ),
        (lambda: analysis.gate_saturation(np.ones((3, 1, 2)), ["a"]), TypeError, "trace"),
        (lambda: experiments.step_seconds(lengths=(0,)), ValueError, "lengths"),
        (lambda: experiments.forget_bias_gradients(biases=("a",)), TypeError, "biases"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_steps_to_learn():
    losses = np.array([1.0] * 30 + [0.0] * 30)
    assert analysis.steps_to_learn(losses, 0.5, window=10) == 36  # mean of 10 drops below 0.5
    assert analysis.steps_to_learn(losses, -1.0) is None
    assert analysis.steps_to_learn(losses[:5], 2.0, window=10) is None


def test_gradient_norms_shapes_and_reset_grads():
    inputs, targets = adding_problem(4, 7, rng=0)
    model = experiments.make_model("lstm", hidden_size=5, rng=0)
    norms = analysis.gradient_norms(model, inputs, targets)
    assert norms["hidden"].shape == (7,) and norms["cell_state"].shape == (7,)
    assert np.all(norms["cell_state"] > 0)
    assert all(not np.any(grad) for _, _, grad in model.named_parameters())
    assert (
        analysis.gradient_norms(experiments.make_model("gru", rng=0), inputs, targets)["cell_state"]
        is None
    )


def test_gate_saturation_counts_fractions_of_real_steps():
    gate = np.array([[[0.05, 0.5]], [[0.95, 0.5]], [[0.95, 0.99]], [[0.5, 0.5]]])  # (4, 1, 2)
    trace = Trace(
        inputs=np.zeros((4, 1, 1)),
        hidden=np.zeros((4, 1, 2)),
        gates={"forget_gate": gate, "candidate": gate},
    )
    result = analysis.gate_saturation(trace, ["forget_gate"])
    assert set(result) == {"forget_gate"}  # only the gates asked for
    np.testing.assert_allclose(result["forget_gate"]["low"], [0.25, 0.0])
    np.testing.assert_allclose(result["forget_gate"]["high"], [0.5, 0.25])
    trace.mask = np.array([[1.0], [1.0], [0.0], [0.0]])  # only the first two steps count
    high = analysis.gate_saturation(trace, ["forget_gate"])["forget_gate"]["high"]
    np.testing.assert_allclose(high, [0.5, 0.0])
    with pytest.raises(ValueError, match="high"):
        analysis.gate_saturation(trace, ["forget_gate"], low=0.6, high=0.4)
    with pytest.raises(ValueError, match="gates"):
        analysis.gate_saturation(Trace(inputs=trace.inputs, hidden=trace.hidden), [])
    with pytest.raises(ValueError, match="gates"):
        analysis.gate_saturation(trace, ["output_gate"])


def test_forget_bias_gradients_end_at_one():
    curves = experiments.forget_bias_gradients((0.0, 2.0), length=8, batch_size=4, rng=1)
    assert set(curves) == {0.0, 2.0}
    for curve in curves.values():
        assert curve.shape == (8,) and curve[-1] == pytest.approx(1.0)


def test_step_seconds_shapes():
    cost = experiments.step_seconds(("rnn", "gru"), (4, 8), repeats=1, batch_size=2, hidden_size=3)
    assert set(cost) == {"lengths", "rnn", "gru"} and cost["gru"].shape == (2,)
    assert np.all(cost["rnn"] > 0)


# ----- plots ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_runs():
    return experiments.showdown(lengths=(4, 6), rng=0, steps=30, batch_size=4, hidden_size=4)


def test_plots_draw(small_runs):
    vectors = {"f_t": np.array([0.1, 0.9]), "c_t": np.array([-2.0, 0.5])}
    for stage in (None, *STAGES):
        assert plot_lstm_diagram(stage).get_title()
    assert len(plot_lstm_stage("forget", vectors, title="x").axes) == 2
    assert len(plot_vectors(vectors).texts) == 4
    ax = plot_norms_over_time({"cell": np.array([1e-3, 1.0]), "hidden": np.ones(2)})
    assert len(ax.lines) == 2
    # the cell-state path is solid, the hidden-state path dashed, in either edition
    for cell, hidden in (
        ("LSTM, cell c_t", "LSTM, hidden h_t"),
        ("LSTM, 셀 상태 c_t", "LSTM, 은닉 상태 h_t"),
    ):
        ax = plot_norms_over_time({cell: np.ones(2), hidden: np.ones(2)})
        assert [line.get_linestyle() for line in ax.lines] == ["-", "--"]
    # a curve below ymin leaves the axis: a marker where, and a note with its smallest value
    ax = plot_norms_over_time({"RNN": np.array([1e-9, 1e-5, 1.0]), "GRU": np.ones(3)}, ymin=1e-3)
    assert ax.get_ylim()[0] == 1e-3 and len(ax.lines) == 3 and "10^{-9}" in ax.texts[0].get_text()
    fig = plot_showdown(small_runs)
    assert len(fig.axes) == 2 and len(fig.axes[0].lines) == 4  # 3 cells + baseline
    cost = experiments.step_seconds(("rnn",), (4, 8), repeats=1, batch_size=2, hidden_size=3)
    assert len(plot_step_seconds(cost).lines) == 1
    _, cache = small_runs["lstm", 6].model.forward(adding_problem(3, 6, rng=0)[0])
    gates = CELL_TYPES["lstm"].sigmoid_gates
    fig = plot_gate_saturation(analysis.gate_saturation(cache.traces[0], gates))
    assert len(fig.axes) == 3
    drawn = plot_gates_at_step(cache.traces[0], 2, gates, sequence=1)
    assert list(drawn["axes"][0].images) == [drawn["heatmap"]] and len(drawn["bars"]) == 4
    assert list(drawn["axes"][1].patches) == drawn["bars"]
    drawn = plot_unit_gates(cache.traces[0], 1, gates, t=2, marks=(0, 4))
    assert len(drawn["axes"][0].lines) == 3 + 3  # three gates, two marks and the cursor
    assert list(drawn["gate_lines"]) == list(gates)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: plot_lstm_diagram("memory"), ValueError, "highlight"),
        (lambda: plot_vectors({}), ValueError, "vectors"),
        (lambda: plot_vectors({"a": np.ones(2), "b": np.ones(3)}), ValueError, "one length"),
        (lambda: plot_norms_over_time({"a": np.ones((2, 2))}), ValueError, "curves"),
        (lambda: plot_norms_over_time({"a": np.ones(2)}, ymin=0.0), ValueError, "ymin"),
        (lambda: plot_showdown({}), ValueError, "runs"),
        (lambda: plot_gate_saturation({}), ValueError, "saturation"),
        (lambda: plot_gates_at_step(np.ones(3), 0, ["a"]), TypeError, "trace"),
    ],
)
def test_plots_reject_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_gate_panels_reject_bad_indices(small_runs):
    _, cache = small_runs["gru", 4].model.forward(adding_problem(1, 4, rng=0)[0])
    trace = cache.traces[0]
    gates = CELL_TYPES["gru"].sigmoid_gates
    with pytest.raises(ValueError, match="t"):
        plot_gates_at_step(trace, 4, gates)
    with pytest.raises(ValueError, match="unit"):
        plot_unit_gates(trace, 9, gates)
    with pytest.raises(ValueError, match="sequence"):
        plot_unit_gates(trace, 0, gates, sequence=1)
    with pytest.raises(ValueError, match="gates"):
        plot_unit_gates(trace, 0, ("forget_gate",))


# ----- the widget ---------------------------------------------------------------------------------------


def test_gate_explorer_redraws_and_reports_the_values():
    lstm, gru = (
        experiments.make_model("lstm", hidden_size=5, rng=0),
        experiments.make_model("gru", hidden_size=5, rng=0),
    )
    inputs, _ = adding_problem(1, 12, rng=2)
    explorer = gate_explorer({"LSTM": lstm, "GRU": gru}, inputs[:, 0])
    assert isinstance(explorer, Explorer) and explorer.image.value[:4] == b"\x89PNG"
    marks = np.flatnonzero(inputs[:, 0, 1])
    assert explorer.controls["t"].value == marks[0] + 1  # starts at the first marked step
    explorer.controls["unit"].value = 3
    explorer.controls["t"].value = 7
    _, cache = lstm.forward(inputs)
    forget = cache.traces[0].gates["forget_gate"][6, 0, 3]
    cell = cache.traces[0].cell_state[6, 0, 3]
    assert (
        f"forget = {forget:.2f}" in explorer.note.value
        and f"c = {cell:+.2f}" in explorer.note.value
    )
    explorer.controls["model"].value = "GRU"
    assert "update = " in explorer.note.value and "h = " in explorer.note.value
    explorer.controls["model"].value = "LSTM"  # back to the figure built first
    assert f"forget = {forget:.2f}" in explorer.note.value
    assert len(explorer.redraw_seconds) == 5


def test_gate_explorer_single_model_has_no_dropdown():
    explorer = gate_explorer(
        experiments.make_model("gru", hidden_size=3, rng=0), np.zeros((4, 1, 2))
    )
    assert set(explorer.controls) == {"t", "unit"} and explorer.controls["unit"].max == 2


@pytest.mark.parametrize(
    ("models", "inputs", "error", "words"),
    [
        (experiments.make_model("rnn", rng=0), np.zeros((4, 2)), ValueError, "no gates"),
        ("lstm", np.zeros((4, 2)), TypeError, "models"),
        ({"a": 3}, np.zeros((4, 2)), TypeError, "models"),
        (experiments.make_model("lstm", rng=0), np.zeros(4), ValueError, "inputs"),
        (experiments.make_model("lstm", rng=0), np.zeros((4, 2, 2)), ValueError, "one sequence"),
    ],
)
def test_gate_explorer_rejects_bad_arguments(models, inputs, error, words):
    with pytest.raises(error, match=words):
        gate_explorer(models, inputs)
