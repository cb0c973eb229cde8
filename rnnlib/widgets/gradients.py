"""Explorers of gradient flow and clipping.

* :func:`gradient_flow_explorer` - sliders for the spectral norm of ``W_hh``, the
  activation and the sequence length; shows ``log ||dL/dh_t||`` over t with the
  singular-value bound, and the per-step Jacobian norms, of a run it is given.
* :func:`clipping_explorer` - a 2-D gradient (direction and size) and a threshold;
  shows the raw, norm-clipped and value-clipped update, and, given a training run's
  gradient norms, which of its steps the threshold would clip.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..i18n import tr
from ..viz import new_figure
from ..viz.gradients import (
    plot_clipped_norms,
    plot_clipping,
    plot_gradient_norms,
    plot_jacobian_norms,
)
from . import Explorer, fixed_layout

__all__ = ["gradient_flow_explorer", "clipping_explorer"]

_SLIDER = {"continuous_update": False, "style": {"description_width": "initial"}}


def _fast_figure(panels: int, figsize, **margins):
    """A figure with fixed margins instead of constrained layout, which would double the
    redraw time of these small plots (the budget is 0.3 s per redraw)."""
    fig, axes = new_figure(1, panels, figsize=figsize)
    margins = {"left": 0.08, "right": 0.98, "bottom": 0.13, "top": 0.9, "wspace": 0.25, **margins}
    return fixed_layout(fig, **margins), np.atleast_1d(axes)


def _plain_power(value, _position=None) -> str:
    """A log-axis tick label as plain text, "1e-5": typeset labels (10 to the k) are
    parsed as mathtext at every redraw, which took a third of the redraw time."""
    return f"{value:.0e}".replace("e-0", "e-").replace("e+0", "e").replace("e+", "e")


def _finish(fig):
    """More savings for an interactive redraw: fixed title positions (matplotlib
    otherwise measures every tick label to place each title), at most 6 x ticks and plain
    text labels on log axes."""
    for ax in fig.axes:
        ax.set_title(ax.get_title(), y=1.0)
        ax.xaxis.set_major_locator(MaxNLocator(6 if len(fig.axes) < 3 else 4))
        if ax.get_yscale() == "log":
            ax.yaxis.set_major_formatter(FuncFormatter(_plain_power))
    return fig


def gradient_flow_explorer(
    flow, *, rng=0, activations=("tanh", "relu"), hidden_size: int = 32
) -> Explorer:
    """Explore ``||dL/dh_t||`` for a vanilla RNN as ``W_hh``'s spectral norm changes.

    flow: ``flow(spectral_norm, activation, length, hidden_size=, rng=)`` returning a
    result with ``grad_norms``, ``jacobian_norms``, ``bound``, ``ratio`` and ``gamma``
    (chapter 3 passes its experiment ``gradient_flow``). Every redraw calls it with the
    same ``rng`` (an int seed: the same inputs and the same direction of ``W_hh``, only
    rescaled), so a slider move changes one thing only. A forward + backward pass of at
    most 100 steps and 100 small SVDs: a few milliseconds before plotting.
    """
    if not callable(flow):
        raise TypeError(
            f"flow: expected a function returning a gradient flow, got {type(flow).__name__}"
        )
    controls = {
        "spectral_norm": widgets.FloatSlider(
            value=0.9, min=0.25, max=2.5, step=0.05, description="sigma_max(W_hh)", **_SLIDER
        ),
        "activation": widgets.Dropdown(
            options=list(activations), value=activations[0], description=tr("activation function")
        ),
        "length": widgets.IntSlider(
            value=50, min=10, max=100, step=10, description=tr("length T"), **_SLIDER
        ),
    }

    def draw(spectral_norm, activation, length):
        result = flow(spectral_norm, activation, length, hidden_size=hidden_size, rng=rng)
        fig, (left, right) = _fast_figure(2, (10.5, 4.2), left=0.09, bottom=0.14)
        plot_gradient_norms(result, ax=left, title=tr("||dL/dh_t|| (solid) and its bound (dashed)"))
        plot_jacobian_norms(result, ax=right)
        note = tr(
            "gamma sigma_max = {product}: ||dL/dh_1|| / ||dL/dh_T|| = {ratio} (bound {bound})",
            product=f"{result.gamma * spectral_norm:.2f}",
            ratio=f"{result.ratio:.2e}",
            bound=f"{result.bound[0]:.2e}",
        )
        return _finish(fig), note

    return Explorer(draw, controls, title=tr("Gradient flow through time (기울기 흐름)"))


def clipping_explorer(run=None) -> Explorer:
    """Explore gradient clipping in two dimensions.

    Controls: the gradient's direction (angle) and size, the threshold ``c`` and the
    method. Left: the raw gradient and its clipped versions (by norm: same direction,
    length at most c; by value: each component in [-c, c]). Right (when ``run``, a
    :class:`rnnlib.experiments.ch03.TrainingRun` or anything with ``grad_norm``, is given): its gradient norm at every
    step before clipping, the threshold, and how many steps it would clip.
    """
    controls = {
        "angle": widgets.IntSlider(
            value=20, min=0, max=180, step=5, description=tr("direction (deg)"), **_SLIDER
        ),
        "size": widgets.FloatLogSlider(
            value=8.0, base=10, min=-1, max=2, step=0.1, description="||g||", **_SLIDER
        ),
        "threshold": widgets.FloatLogSlider(
            value=1.0, base=10, min=-1, max=2, step=0.1, description=tr("threshold c"), **_SLIDER
        ),
    }
    grad_norms = None if run is None else np.asarray(run.grad_norm)

    def draw(angle, size, threshold):
        radians = np.deg2rad(angle)
        gradient = size * np.array([np.cos(radians), np.sin(radians)])
        panels = 2 if grad_norms is None else 3
        fig, axes = _fast_figure(
            panels, (10.5, 5.0), left=0.07, right=0.99, bottom=0.3, top=0.9, wspace=0.35
        )
        by_value = np.clip(gradient, -threshold, threshold)
        turn = np.degrees(
            np.arccos(np.clip(by_value @ gradient / (np.linalg.norm(by_value) * size), -1, 1))
        )
        plot_clipping(gradient, threshold, ax=axes[0], legend=False, title=tr("g at its own scale"))
        plot_clipping(
            gradient,
            threshold,
            ax=axes[1],
            zoom=True,
            legend=False,
            title=tr("at the scale of c: turned {angle}°", angle=f"{turn:.0f}"),
        )
        for ax in axes[:2]:  # few ticks: tick labels are most of the drawing time
            ax.yaxis.set_major_locator(MaxNLocator(4))
        if grad_norms is not None:
            plot_clipped_norms(grad_norms, threshold, ax=axes[2], legend=False)
            axes[2].set_title(
                tr(
                    "{clipped} of {total} steps clipped",
                    clipped=int(np.sum(grad_norms > threshold)),
                    total=len(grad_norms),
                )
            )
        handles, labels = axes[1].get_legend_handles_labels()
        if grad_norms is not None:
            more = axes[2].get_legend_handles_labels()
            handles = handles + more[0][:1]
            labels = labels + [tr("training run: {label}", label=more[1][0])]
        fig.legend(handles, labels, loc="lower center", ncol=2, fontsize=11, frameon=False)
        note = tr(
            "clip by norm: length {norm_length}, direction unchanged; "
            "clip by value: length {value_length}, turned by {angle} degrees",
            norm_length=f"{min(size, threshold):.3g}",
            value_length=f"{np.linalg.norm(by_value):.3g}",
            angle=f"{turn:.1f}",
        )
        return _finish(fig), note

    return Explorer(draw, controls, title=tr("Gradient clipping (기울기 클리핑)"))
