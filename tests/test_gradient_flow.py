"""Gradient flow: the measurements (rnnlib.analysis), chapter 3's experiments
(rnnlib.experiments.ch03), their plots (rnnlib.viz.gradients) and explorers.

The notebook asserts its claims for SEED = 3; the tests below re-check the claims that
depend on random weights or on training with other seeds.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rnnlib import analysis, baselines  # noqa: E402
from rnnlib.cells import RNNCell  # noqa: E402
from rnnlib.experiments import ch03 as experiments  # noqa: E402
from rnnlib.gradcheck import relative_error  # noqa: E402
from rnnlib.recurrent import Recurrent  # noqa: E402
from rnnlib.viz.gradients import (  # noqa: E402
    plot_activation_slopes,
    plot_backprop_graph,
    plot_bptt_cost,
    plot_clipped_norms,
    plot_clipping,
    plot_dependency,
    plot_gradient_norms,
    plot_jacobian_norms,
    plot_sequence_time,
    plot_training_runs,
    plot_truncation,
)
from rnnlib.widgets.gradients import clipping_explorer, gradient_flow_explorer  # noqa: E402

OTHER_SEEDS = (0, 1)


# ----- the pieces of the argument ----------------------------------------------------------


def test_recurrent_matrix_has_all_singular_values_equal_to_the_spectral_norm():
    matrix = analysis.recurrent_matrix(12, 0.7, rng=5)
    assert np.allclose(np.linalg.svd(matrix, compute_uv=False), 0.7)
    # the same seed gives the same direction at every scale
    assert np.allclose(analysis.recurrent_matrix(12, 1.4, rng=5), 2 * matrix)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"hidden_size": 0, "spectral_norm": 1.0}, ValueError, "hidden_size"),
        ({"hidden_size": 4, "spectral_norm": -1.0}, ValueError, "spectral_norm"),
        ({"hidden_size": 4, "spectral_norm": "big"}, TypeError, "spectral_norm"),
    ],
)
def test_recurrent_matrix_rejects_bad_input(kwargs, error, words):
    with pytest.raises(error, match=words):
        analysis.recurrent_matrix(rng=0, **kwargs)


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_step_jacobians_match_finite_differences_of_one_rnn_step(activation):
    rng = np.random.default_rng(2)
    cell = RNNCell(3, 5, rng=rng, activation=activation)
    x = rng.standard_normal((1, 3))
    h_prev = rng.standard_normal((1, 5))

    def step(h):
        return cell.forward(x, (h[None],))[0][0][0]

    h_next = step(h_prev[0])
    jacobian = analysis.step_jacobians(h_next[None], cell.params["W_hh"], activation)[0]
    eps = 1e-6
    numeric = np.column_stack(
        [(step(h_prev[0] + eps * e) - step(h_prev[0] - eps * e)) / (2 * eps) for e in np.eye(5)]
    )
    assert relative_error(jacobian, numeric) < 1e-6


def test_jacobian_norms_are_spectral_norms():
    rng = np.random.default_rng(0)
    hidden = np.tanh(rng.standard_normal((4, 6)))
    W_hh = rng.standard_normal((6, 6))
    norms = analysis.jacobian_norms(hidden, W_hh)
    for t in range(4):
        assert np.isclose(norms[t], np.linalg.norm(np.diag(1 - hidden[t] ** 2) @ W_hh, 2))


def test_step_jacobians_reject_bad_input():
    with pytest.raises(ValueError, match="hidden"):
        analysis.step_jacobians(np.zeros((2, 3, 4)), np.eye(4))
    with pytest.raises(ValueError, match="W_hh"):
        analysis.step_jacobians(np.zeros((2, 3)), np.eye(4))
    with pytest.raises(ValueError, match="activation"):
        analysis.step_jacobians(np.zeros((2, 3)), np.eye(3), "sigmoid")


def test_singular_value_bound():
    assert np.allclose(analysis.singular_value_bound(0.5, 1.0, [0, 1, 2]), [1, 0.5, 0.25])
    assert np.isclose(analysis.singular_value_bound(2.0, 0.25, 3), 0.125)
    with pytest.raises(ValueError, match="distance"):
        analysis.singular_value_bound(0.5, 1.0, [-1])
    with pytest.raises(ValueError, match="gamma"):
        analysis.singular_value_bound(0.5, 0.0, 1)


# ----- experiment 1: gradient norms --------------------------------------------------------------


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_rnnlib_gradients_follow_the_jacobian_recursion(activation):
    flow = experiments.gradient_flow(1.2, activation, length=12, hidden_size=6, rng=4)
    jacobians = analysis.step_jacobians(flow.hidden, flow.W_hh, activation)
    assert flow.grad_norms[-1] == pytest.approx(1.0)
    for t in range(1, 12):  # dL/dh_{t-1} = J_t^T dL/dh_t (array index t is step t + 1)
        assert np.allclose(flow.grad_hidden[t - 1], jacobians[t].T @ flow.grad_hidden[t])
    assert np.allclose(flow.grad_norms, np.linalg.norm(flow.grad_hidden, axis=1))
    assert np.allclose(flow.jacobian_norms, np.linalg.norm(jacobians, ord=2, axis=(1, 2)))


@settings(max_examples=15, deadline=None)
@given(
    spectral_norm=st.floats(0.2, 2.5),
    activation=st.sampled_from(["tanh", "relu"]),
    length=st.integers(2, 40),
    seed=st.integers(0, 2**16),
)
def test_gradient_norms_never_exceed_the_bounds(spectral_norm, activation, length, seed):
    flow = experiments.gradient_flow(spectral_norm, activation, length, hidden_size=8, rng=seed)
    assert np.all(flow.grad_norms <= flow.bound * (1 + 1e-9))
    assert np.all(flow.grad_norms <= flow.product_bound * (1 + 1e-9))
    assert np.all(flow.product_bound <= flow.bound * (1 + 1e-9))


@pytest.mark.parametrize("seed", range(5))
def test_vanishing_and_exploding_claims_hold_for_other_seeds(seed):
    assert experiments.gradient_flow(0.5, "tanh", 50, rng=seed).ratio < 1e-6
    assert experiments.gradient_flow(2.0, "tanh", 50, rng=seed).ratio > 10
    assert experiments.gradient_flow(1.0, "tanh", 50, rng=seed).ratio < 1


def test_gradient_flow_rejects_bad_input():
    with pytest.raises(ValueError, match="activation"):
        experiments.gradient_flow(1.0, "sigmoid")
    with pytest.raises(ValueError, match="spectral_norm"):
        experiments.gradient_flow(0.0)
    with pytest.raises(TypeError, match="length"):
        experiments.gradient_flow(1.0, length=2.5)


# ----- experiment 2: clipping ------------------------------------------------------------------


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_clipping_claims_hold_for_other_seeds(seed):
    unclipped = experiments.clipping_run(None, rng=seed)
    clipped = experiments.clipping_run(1.0, rng=seed)
    assert unclipped.diverged and len(unclipped.loss) < 50
    assert not clipped.diverged and np.all(np.isfinite(clipped.loss))
    assert np.all(clipped.update_norm <= clipped.lr * clipped.max_norm * (1 + 1e-9))
    assert np.sum(clipped.grad_norm > clipped.max_norm) > 10
    assert clipped.loss[-100:].mean() < 0.6 * clipped.baseline


def test_clipping_run_records_update_norms_of_plain_sgd():
    run = experiments.clipping_run(None, steps=5, spectral_norm=0.5, lr=0.01, rng=0)
    assert not run.diverged and len(run.loss) == 5
    # plain SGD: the update is lr times the gradient
    assert np.allclose(run.update_norm, run.lr * run.grad_norm)


def test_clipping_run_rejects_bad_input():
    with pytest.raises(ValueError, match="max_norm"):
        experiments.clipping_run(-1.0)
    with pytest.raises(ValueError, match="lr"):
        experiments.clipping_run(1.0, lr=0.0)


# ----- experiment 3: truncated BPTT ------------------------------------------------------------


def test_truncation_zeroes_every_step_before_the_last_cut():
    full = experiments.truncated_gradient(23, None, rng=1)
    cut = experiments.truncated_gradient(23, 5, rng=1)
    assert np.all(cut[:20] == 0) and np.all(full[:20] > 0)
    assert np.allclose(cut[20:], full[20:])


def test_chunked_bptt_gives_the_gradients_of_truncate_and_keeps_one_chunk():
    length, k, seed = 30, 7, 3
    result = experiments.bptt_cost(
        length, k, batch_size=2, hidden_size=4, input_size=3, repeats=1, rng=seed
    )
    rng = np.random.default_rng(seed)
    layer = Recurrent(RNNCell(3, 4, rng=rng))
    inputs = rng.standard_normal((length, 2, 3))
    dhidden = rng.standard_normal((length, 2, 4)) / length
    _, cache = layer.forward(inputs)
    layer.backward(dhidden, cache, truncate=k)
    for name, _, grad in layer.named_parameters():
        assert np.allclose(grad, result["grads"][name]), name
    assert result["stored"] == k * 2 * 4
    assert (
        experiments.bptt_cost(length, None, batch_size=2, hidden_size=4, repeats=1)["stored"]
        == 30 * 8
    )


# ----- experiment 4: long-term dependency ----------------------------------------------------


def test_adding_baseline_is_the_mse_of_predicting_one():
    assert baselines.adding_baseline(np.array([[1.0], [2.0], [0.0]])) == pytest.approx(2 / 3)


@pytest.mark.parametrize("seed", OTHER_SEEDS)
def test_dependency_claims_hold_for_other_seeds(seed):
    result = experiments.dependency_vs_distance(lengths=(5, 10, 30, 40), rng=seed)
    relative = result["test_mse"] / result["baseline"]
    assert relative[0] < 0.3 and relative[1] < 0.3
    assert relative[2] > 0.85 and relative[3] > 0.85
    assert np.all(np.abs(result["baseline"] - 1 / 6) < 0.04)


# ----- experiment 5: time per sequence -------------------------------------------------------


def test_time_per_sequence_reports_best_times_per_length():
    result = experiments.time_per_sequence(lengths=(10, 300), repeats=3, rng=0)
    assert result["recurrent"].shape == result["parallel"].shape == (2,)
    assert np.all(result["recurrent"] > 0) and np.all(result["parallel"] > 0)
    assert result["recurrent"][1] > result["recurrent"][0]  # 30x the steps: wide margin


# ----- plots and explorers -------------------------------------------------------------------


def _titled(artist):
    axes = artist.axes if hasattr(artist, "axes") and isinstance(artist.axes, list) else [artist]
    return all(ax.get_title() for ax in axes)


def test_plots_draw_with_titles_and_labels():
    flows = [experiments.gradient_flow(s, "tanh", 20, hidden_size=6, rng=0) for s in (0.5, 2.0)]
    run = experiments.clipping_run(1.0, steps=20, rng=0)
    axes = [
        plot_backprop_graph(3),
        plot_activation_slopes(),
        plot_gradient_norms(flows),
        plot_jacobian_norms(flows[0]),
        plot_clipping([3.0, 1.0], 1.0),
        plot_clipped_norms(run.grad_norm, 1.0),
        plot_truncation(np.ones(12), np.r_[np.zeros(10), np.ones(2)], 5),
        plot_dependency({"lengths": [5, 10], "test_mse": [0.01, 0.16], "baseline": [0.17, 0.16]}),
        plot_sequence_time(
            {"lengths": [10, 20], "recurrent": [1e-3, 2e-3], "parallel": [1e-4, 1e-4]}
        ),
    ]
    for ax in axes:
        assert ax.get_title()
    for ax in axes[1:]:
        assert ax.get_xlabel() and ax.get_ylabel()
    figures = [
        plot_training_runs({"clipped": run}, baseline=run.baseline),
        plot_bptt_cost(
            [10, 20],
            [{"stored": 1, "seconds": 1e-3}] * 2,
            [{"stored": 1, "seconds": 1e-3}] * 2,
            truncate=5,
        ),
    ]
    for fig in figures:
        assert fig.get_suptitle() and all(ax.get_title() for ax in fig.axes)
    plt.close("all")


def test_log_plots_mark_what_leaves_the_axis():
    # exact zeros of the truncated gradient: one marker per zero at the bottom edge
    ax = plot_truncation(np.ones(12), np.r_[np.zeros(10), np.ones(2)], 5)
    labels = ax.get_legend_handles_labels()[1]
    assert any("exactly 0" in label for label in labels)
    assert any("chunk boundary" in label for label in labels)
    # bounds above the plotted range: a marker per bound that leaves the top
    flows = [experiments.gradient_flow(s, "tanh", 30, hidden_size=6, rng=0) for s in (0.5, 2.0)]
    ax = plot_gradient_norms(flows)
    high = ax.get_ylim()[1]
    assert flows[1].bound.max() > high and flows[0].bound.max() < high
    assert sum(line.get_marker() == "^" for line in ax.lines) == 1
    plt.close("all")


def test_plot_inputs_are_checked():
    with pytest.raises(ValueError, match="gradient"):
        plot_clipping([1.0, 2.0, 3.0], 1.0)
    with pytest.raises(ValueError, match="threshold"):
        plot_clipping([1.0, 2.0], 0.0)
    with pytest.raises(ValueError, match="truncated"):
        plot_truncation(np.ones(5), np.ones(4), 2)
    with pytest.raises(ValueError, match="steps"):
        plot_backprop_graph(20)
    plt.close("all")


def test_explorers_redraw_when_a_control_moves():
    run = experiments.clipping_run(1.0, steps=30, rng=0)
    flows = gradient_flow_explorer(experiments.gradient_flow, rng=0)
    for explorer in (flows, clipping_explorer(run), clipping_explorer()):
        first = bytes(explorer.image.value)
        assert first.startswith(b"\x89PNG")
        for name, control in explorer.controls.items():
            before = len(explorer.redraw_seconds)
            if hasattr(control, "options"):
                control.value = [o for o in control.options if o != control.value][0]
            else:
                control.value = control.max if control.value != control.max else control.min
            assert len(explorer.redraw_seconds) == before + 1, name
        assert bytes(explorer.image.value) != first
        assert explorer.note.value
