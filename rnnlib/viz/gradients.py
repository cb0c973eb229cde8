"""Plots of backpropagation through time and of vanishing/exploding gradients.

* :func:`plot_backprop_graph` - the unrolled RNN with the gradient flowing back along the
  hidden chain, one Jacobian ``dh_t/dh_{t-1}`` per arrow.
* :func:`plot_activation_slopes` - f'(a) of tanh, sigmoid and ReLU with their maxima.
* :func:`plot_gradient_norms` - ``||dL/dh_t||`` against t on a log axis, with the
  singular-value bound, for one or several :class:`~rnnlib.experiments.ch03.GradientFlow`.
* :func:`plot_jacobian_norms` - the per-step Jacobian norms ``||diag(f'(a_t)) W_hh||``.
* :func:`plot_training_runs` - loss and gradient norm per step of several training runs.
* :func:`plot_clipping` - a 2-D gradient and its clipped versions (by norm, by value).
* :func:`plot_clipped_norms` - a run's gradient norm per step before and after clipping.
* :func:`plot_truncation` - ``||dL/dx_t||`` with full and truncated BPTT.
* :func:`plot_bptt_cost` - time and stored activations of full vs truncated BPTT.
* :func:`plot_dependency` - test loss against the distance the information must travel.
* :func:`plot_sequence_time` - time per sequence against its length.

Each reads arrays or the result objects of experiments (attributes named in each
docstring), never a cell.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

from .._checks import check_float_array, check_positive_float
from ..functional import relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from ..i18n import tr
from . import PALETTE, few_log_ticks, new_axes, new_figure
from .rnn import plot_unrolled

__all__ = [
    "plot_backprop_graph",
    "plot_activation_slopes",
    "plot_gradient_norms",
    "plot_jacobian_norms",
    "plot_training_runs",
    "plot_clipping",
    "plot_clipped_norms",
    "clipped_steps_title",
    "plot_truncation",
    "plot_bptt_cost",
    "plot_dependency",
    "plot_sequence_time",
]

BACKWARD = PALETTE[3]  # the colour of gradients flowing back (vermillion)


def _steps(values) -> np.ndarray:
    return np.arange(1, len(values) + 1)


def plot_backprop_graph(steps: int = 4, *, ax=None, title=None):
    """The unrolled RNN of chapter 2 with losses ``L_t`` on top and, in red, the gradient
    flowing back from ``h_t`` to ``h_{t-1}`` through the Jacobian ``J_t``. Returns the Axes."""
    if not 1 <= steps <= 8:
        raise ValueError(f"steps: expected an integer from 1 to 8, got {steps}")
    labels = [f"$x_{{{t}}}$" for t in range(1, steps + 1)]
    losses = [f"$L_{{{t}}}$" for t in range(1, steps + 1)]
    ax = plot_unrolled(labels, losses, weights=("W_xh", "W_hh", "W_hy"), ax=ax)
    centres = {text.get_text(): text.get_position() for text in ax.texts}
    for t in range(2, steps + 1):
        (x_to, y), (x_from, _) = centres[f"$h_{{{t - 1}}}$"], centres[f"$h_{{{t}}}$"]
        ax.add_patch(
            FancyArrowPatch(
                (x_from - 0.2, y - 0.35),
                (x_to + 0.2, y - 0.35),
                connectionstyle="arc3,rad=-0.45",
                arrowstyle="-|>",
                mutation_scale=14,
                color=BACKWARD,
                linewidth=1.8,
            )
        )
        ax.text(
            (x_from + x_to) / 2,
            y - 0.95,
            f"$J_{{{t}}}^T$",
            color=BACKWARD,
            ha="center",
            fontsize=11,
        )
    ax.set_ylim(min(ax.get_ylim()[0], -0.6), ax.get_ylim()[1])
    ax.set_title(title or tr("BPTT: the gradient flows back along the chain (red)"))
    return ax


def plot_activation_slopes(x_range=(-5.0, 5.0), *, ax=None, title=None):
    """f'(a) for tanh (max 1), sigmoid (max 1/4) and ReLU (0 or 1). Returns the Axes."""
    a = np.linspace(*x_range, 401)
    _, ax = new_axes(ax, figsize=(8, 4))
    ax.plot(a, tanh_grad(tanh(a)), linewidth=2.5, label=tr("tanh'(a) = 1 - tanh(a)^2  (max 1)"))
    ax.plot(
        a, sigmoid_grad(sigmoid(a)), linewidth=2.5, label=tr("sigmoid'(a) = s(1 - s)  (max 1/4)")
    )
    ax.plot(a, relu_grad(relu(a)), linewidth=2, linestyle="--", label=tr("ReLU'(a)  (0 or 1)"))
    ax.axhline(0.25, color="0.5", linestyle=":", linewidth=1)
    ax.set_xlabel(tr("pre-activation a"))
    ax.set_ylabel(tr("derivative f'(a)"))
    ax.set_ylim(-0.05, 1.15)
    ax.legend(loc="upper left", fontsize=11)
    ax.set_title(
        title or tr("Activation derivatives: the factor each step multiplies the gradient by")
    )
    return ax


def _label(flow) -> str:
    return rf"{flow.activation}, $\sigma_{{\max}}(W_{{hh}})$ = {flow.spectral_norm:g}"


def plot_gradient_norms(flows, *, bound: bool = True, ax=None, title=None):
    """``||dL/dh_t||`` against t (log axis) for one or several GradientFlow results.

    With ``bound``, each curve's singular-value bound ``(gamma sigma)^(T-t)`` is drawn as a
    dashed line of the same colour. The y-range follows the gradients (with room above);
    a bound that leaves it is marked by a triangle at the top edge where it leaves.
    Returns the Axes.
    """
    flows = list(flows) if isinstance(flows, (list, tuple)) else [flows]
    _, ax = new_axes(ax, figsize=(11.5, 4.2) if len(flows) > 2 else None)
    floor = 1e-300
    values = np.concatenate([flow.grad_norms for flow in flows])
    low = max(values[values > 0].min() if np.any(values > 0) else 1e-20, 1e-40) / 10
    high = values.max() * 100
    left = False
    for flow in flows:
        steps = _steps(flow.grad_norms)
        (line,) = ax.semilogy(
            steps, np.maximum(flow.grad_norms, floor), linewidth=2.5, label=_label(flow)
        )
        if bound:
            ax.semilogy(
                steps,
                np.maximum(flow.bound, floor),
                linestyle="--",
                color=line.get_color(),
                linewidth=1.5,
            )
            above = np.flatnonzero(flow.bound > high)
            if above.size:  # the bound leaves the top of the axis after step above[-1] + 1
                left = True
                ax.plot(
                    steps[above[-1]],
                    0.97,
                    marker="^",
                    markersize=11,
                    color=line.get_color(),
                    transform=ax.get_xaxis_transform(),  # y in axes: just below the top
                    zorder=5,
                )
    if bound:
        ax.plot(
            [],
            [],
            linestyle="--",
            color="0.3",
            label=tr(r"bound $(\gamma\,\sigma_{\max})^{T-t}$")
            + ("  " + tr(r"($\blacktriangle$: leaves the axis)") if left else ""),
        )
    ax.set_ylim(low, high)
    few_log_ticks(ax.yaxis)
    ax.set_xlabel(tr("time step t (the loss is at the last step T)"))
    ax.set_ylabel(tr("{quantity}  (log scale)", quantity=r"$\|\partial L/\partial h_t\|$"))
    if len(flows) > 2:  # many entries: beside the plot, not over the curves
        ax.legend(fontsize=11, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    else:
        ax.legend(fontsize=11, loc="best")
    ax.set_title(title or tr("Gradient reaching each step: exponential in the distance T - t"))
    return ax


def plot_jacobian_norms(flow, *, ax=None, title=None):
    """Per-step Jacobian norms ``||diag(f'(a_t)) W_hh||_2`` with ``gamma sigma_max`` and 1."""
    _, ax = new_axes(ax)
    steps = _steps(flow.jacobian_norms)
    ax.plot(
        steps,
        flow.jacobian_norms,
        marker="o",
        markersize=3,
        linewidth=1.5,
        label="||J_t|| = ||diag(f'(a_t)) W_hh||",
    )
    ax.axhline(
        flow.gamma * flow.spectral_norm,
        color=BACKWARD,
        linestyle="--",
        label=tr("bound gamma sigma_max = {value}", value=f"{flow.gamma * flow.spectral_norm:.3g}"),
    )
    ax.axhline(1.0, color="0.4", linestyle=":", label=tr("1 (neither shrinks nor grows)"))
    top = max(1.2, 1.15 * flow.gamma * flow.spectral_norm)
    ax.set_ylim(0, top)
    ax.set_xlabel(tr("time step t"))
    ax.set_ylabel(tr("Jacobian norm"))
    ax.legend(fontsize=11, loc="lower left")
    ax.set_title(title or tr("One step's factor on the gradient"))
    return ax


def plot_training_runs(runs: dict, *, baseline=None, figsize=(13, 4.5), title=None):
    """Two panels for ``{label: TrainingRun}``: loss per step (log) and gradient norm per
    step before clipping (log), with each run's clipping threshold. Returns the Figure."""
    fig, (ax_loss, ax_grad) = new_figure(1, 2, figsize=figsize)
    for label, run in runs.items():
        steps = np.arange(1, len(run.loss) + 1)
        (line,) = ax_loss.semilogy(steps, run.loss, linewidth=1.5, label=label)
        if len(run.loss) < 50:  # a short run: make the blow-up visible
            ax_loss.plot(steps[-1], run.loss[-1], marker="X", markersize=12, color=line.get_color())
        ax_grad.semilogy(
            np.arange(1, len(run.grad_norm) + 1),
            run.grad_norm,
            linewidth=1,
            label=label,
            color=line.get_color(),
            alpha=0.8,
        )
        if run.max_norm is not None:
            ax_grad.axhline(
                run.max_norm,
                color=line.get_color(),
                linestyle="--",
                label=tr("threshold {value}", value=f"{run.max_norm:g}"),
            )
    if baseline is not None:
        ax_loss.axhline(
            baseline,
            color="0.3",
            linestyle=":",
            label=tr("always predict 1 ({value})", value=f"{baseline:.3f}"),
        )
    few_log_ticks(ax_loss.yaxis)
    few_log_ticks(ax_grad.yaxis)
    ax_loss.set_xlabel(tr("training step"))
    ax_loss.set_ylabel(tr("loss (MSE, log scale)"))
    ax_loss.set_title(tr("Training loss"))
    ax_loss.legend(fontsize=11)
    ax_grad.set_xlabel(tr("training step"))
    ax_grad.set_ylabel(tr("||gradient|| before clipping"))
    ax_grad.set_title(tr("Global gradient norm"))
    ax_grad.legend(fontsize=11)
    fig.suptitle(title or tr("Exploding gradients: the same run without and with clipping"))
    return fig


#: Colours of the two clippings, in every clipping figure (the course palette).
BY_NORM, BY_VALUE = PALETTE[2], PALETTE[3]


def plot_clipping(gradient, threshold, *, ax=None, title=None, zoom=False, legend=True):
    """A 2-D gradient ``g`` and its clipped versions; returns the Axes.

    By norm: ``g * min(1, c / ||g||)`` stays on the same ray, inside the circle of
    radius c. By value: each component clamped to ``[-c, c]``, inside the square, which
    can turn the vector. ``zoom=True`` shows the view at the threshold's scale (a square
    of side 3c), where the clipped vectors are large enough to see their angle; the raw
    gradient is then drawn as its direction (a dashed ray). ``legend=False`` leaves the
    key to the caller (e.g. one legend for several panels).
    """
    gradient = check_float_array(gradient, "gradient", ndim=1, axes="(2,)", shape={0: 2})
    threshold = check_positive_float(threshold, "threshold")
    norm = float(np.linalg.norm(gradient))
    by_norm = gradient * min(1.0, threshold / norm) if norm > 0 else gradient
    by_value = np.clip(gradient, -threshold, threshold)
    _, ax = new_axes(ax, figsize=(6, 6))
    ax.add_patch(Circle((0, 0), threshold, fill=False, color=BY_NORM, linestyle="--"))
    ax.add_patch(
        Rectangle(
            (-threshold, -threshold),
            2 * threshold,
            2 * threshold,
            fill=False,
            color=BY_VALUE,
            linestyle=":",
        )
    )
    extent = 1.5 * threshold if zoom else 1.15 * max(norm, threshold * np.sqrt(2))
    raw_label = tr("raw gradient g  (||g|| = {value})", value=f"{norm:.3g}")
    if zoom and norm > 0:  # g leaves this view: draw its direction
        ray = gradient / norm * 2 * extent
        ax.plot([0, ray[0]], [0, ray[1]], color="0.35", linestyle="--", lw=1.5, label=raw_label)
        vectors = []
    else:
        vectors = [(gradient, "0.35", raw_label, 2.5)]
    vectors += [
        (
            by_norm,
            BY_NORM,
            tr("clip by norm  (||.|| = {value})", value=f"{np.linalg.norm(by_norm):.3g}"),
            3.5,
        ),
        (
            by_value,
            BY_VALUE,
            tr("clip by value  (||.|| = {value})", value=f"{np.linalg.norm(by_value):.3g}"),
            2.0,
        ),
    ]
    for vector, colour, label, width in vectors:
        ax.annotate(
            "",
            xy=vector,
            xytext=(0, 0),
            arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": width},
        )
        ax.plot([], [], color=colour, linewidth=width, label=label)
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set_xlabel(tr("gradient component 1"))
    ax.set_ylabel(tr("gradient component 2"))
    if legend:
        ax.legend(fontsize=11, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    ax.set_title(
        title
        or tr("Clipping at c = {c}: norm keeps the direction, value may not", c=f"{threshold:.3g}")
    )
    return ax


def plot_clipped_norms(grad_norms, threshold, *, ax=None, title=None, legend=True):
    """Gradient norm per training step before and after clipping by norm at ``threshold``
    (``legend=False``: the caller draws the key)."""
    grad_norms = check_float_array(grad_norms, "grad_norms", ndim=1, axes="(steps,)")
    threshold = check_positive_float(threshold, "threshold")
    _, ax = new_axes(ax)
    steps = _steps(grad_norms)
    ax.semilogy(steps, grad_norms, linewidth=0.8, color="0.4", label=tr("before clipping"))
    ax.semilogy(
        steps,
        np.minimum(grad_norms, threshold),
        linewidth=1.2,
        color=BY_NORM,
        label=tr("after clipping by norm"),
    )
    ax.axhline(
        threshold,
        color=BY_NORM,
        linestyle="--",
        label=tr("threshold {value}", value=f"{threshold:.3g}"),
    )
    few_log_ticks(ax.yaxis)
    ax.set_xlabel(tr("training step"))
    ax.set_ylabel(tr("||gradient||  (log scale)"))
    clipped = int(np.sum(grad_norms > threshold))
    ax.set_title(title or clipped_steps_title(clipped, len(steps)))
    if legend:
        ax.legend(fontsize=11)
    return ax


def clipped_steps_title(clipped: int, total: int) -> str:
    """The title of :func:`plot_clipped_norms`: how many of the steps were clipped."""
    return tr("A training run: {clipped} of {total} steps clipped", clipped=clipped, total=total)


def plot_truncation(full, truncated, truncate: int, *, ax=None, title=None):
    """``||dL/dx_t||`` per step with full and truncated BPTT (loss at the last step).

    A log axis has no zero: steps where the truncated gradient is exactly zero are marked
    by triangles on the bottom edge. Dotted lines: the chunk boundaries. Returns the Axes.
    """
    full = check_float_array(full, "full", ndim=1, axes="(T,)")
    truncated = check_float_array(truncated, "truncated", ndim=1, axes="(T,)", shape={0: len(full)})
    _, ax = new_axes(ax)
    steps = _steps(full)
    (line_full,) = ax.semilogy(steps, full, marker="o", markersize=4, label=tr("full BPTT"))
    shown = np.where(truncated > 0, truncated, np.nan)
    (line_cut,) = ax.semilogy(
        steps,
        shown,
        marker="s",
        markersize=4,
        linestyle="--",
        label=tr("truncated, k = {k}", k=truncate),
    )
    zeros = steps[truncated == 0]
    if zeros.size:
        ax.plot(
            zeros,
            np.zeros(len(zeros)),
            linestyle="none",
            marker="v",
            markersize=7,
            color=line_cut.get_color(),
            transform=ax.get_xaxis_transform(),  # x in data, y in axes: 0 = bottom edge
            clip_on=False,
            label=tr("truncated: exactly 0 (a log axis has no 0)"),
        )
    for n, cut in enumerate(range(truncate, len(full), truncate)):
        ax.axvline(
            cut + 0.5,
            color="0.5",
            linestyle=":",
            linewidth=1.2,
            label=tr("chunk boundary (every {k} steps)", k=truncate) if n == 0 else None,
        )
    few_log_ticks(ax.yaxis)
    ax.set_xlabel(tr("time step t (the loss is at the last step)"))
    ax.set_ylabel(tr("{quantity}  (log scale)", quantity=r"$\|\partial L/\partial x_t\|$"))
    ax.legend(fontsize=11, loc="upper left")
    ax.set_title(title or tr("Truncated BPTT: no gradient reaches inputs before the last cut"))
    return ax


def plot_bptt_cost(lengths, full, truncated, truncate: int, *, figsize=(13, 4.5), title=None):
    """Two panels: stored hidden-state values and seconds against T, full vs truncated.

    ``full`` and ``truncated`` are lists of :func:`rnnlib.experiments.ch03.bptt_cost` results.
    Returns the Figure.
    """
    fig, (ax_mem, ax_time) = new_figure(1, 2, figsize=figsize)
    lengths = np.asarray(lengths)
    for rows, label, style in (
        (full, tr("full BPTT"), "-o"),
        (truncated, tr("truncated, k = {k}", k=truncate), "--s"),
    ):
        ax_mem.plot(lengths, [row["stored"] for row in rows], style, label=label)
        ax_time.plot(lengths, [1e3 * row["seconds"] for row in rows], style, label=label)
    ax_mem.set_xlabel(tr("sequence length T"))
    ax_mem.set_ylabel(tr("hidden-state values kept for backward"))
    ax_mem.set_title(tr("Memory: full BPTT keeps all T steps"))
    ax_mem.legend(fontsize=11)
    ax_time.set_xlabel(tr("sequence length T"))
    ax_time.set_ylabel(tr("milliseconds (fastest of repeats)"))
    ax_time.set_ylim(bottom=0)
    ax_time.set_title(tr("Time: both pass over all T steps"))
    ax_time.legend(fontsize=11)
    fig.suptitle(title or tr("Cost of full vs truncated BPTT for one forward + backward pass"))
    return fig


def plot_dependency(result: dict, *, ax=None, title=None):
    """Test MSE against sequence length for :func:`dependency_vs_distance` results.

    ``result`` may also hold several runs: ``"test_mse"`` of shape ``(runs, lengths)``.
    """
    _, ax = new_axes(ax)
    lengths = np.asarray(result["lengths"])
    mse = np.atleast_2d(result["test_mse"])
    for k, row in enumerate(mse):
        ax.plot(
            lengths,
            row,
            marker="o",
            linewidth=2,
            alpha=0.9,
            label=tr("vanilla RNN, test MSE") if k == 0 else None,
            color="C0",
        )
    ax.plot(
        lengths,
        np.atleast_2d(result["baseline"]).mean(axis=0),
        color="0.3",
        linestyle="--",
        label=tr("always predict 1 (~1/6)"),
    )
    ax.set_xscale("log", base=2)
    ax.set_xticks(lengths, [str(n) for n in lengths])
    ax.set_ylim(0, max(0.25, float(mse.max()) * 1.1))
    ax.set_xlabel(
        tr("sequence length T (log scale): distance from the marked inputs to the answer")
    )
    ax.set_ylabel(tr("test MSE"))
    ax.legend(fontsize=11)
    ax.set_title(title or tr("Adding problem: the vanilla RNN falls to the trivial baseline"))
    return ax


def plot_sequence_time(result: dict, *, ax=None, title=None):
    """Milliseconds per forward + backward pass against T (:func:`time_per_sequence`)."""
    _, ax = new_axes(ax)
    lengths = np.asarray(result["lengths"])
    ax.plot(
        lengths,
        1e3 * np.asarray(result["recurrent"]),
        "-o",
        linewidth=2,
        label=tr("RNN layer: T steps one after another"),
    )
    ax.plot(
        lengths,
        1e3 * np.asarray(result["parallel"]),
        "--s",
        linewidth=2,
        label=tr("feed-forward layer: all T positions at once"),
    )
    ax.set_xlabel(tr("sequence length T"))
    ax.set_ylabel(tr("milliseconds per sequence"))
    ax.legend(fontsize=11)
    ax.set_title(title or tr("Why RNNs are slow: time grows with T, step after step"))
    return ax
