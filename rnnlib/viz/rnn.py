"""Plots of a vanilla RNN: its unrolled graph, activations, hidden states and outputs.

* :func:`plot_unrolled` - the chain ``x_t -> h_t -> y_t`` drawn unrolled over time (and,
  optionally, rolled up as one cell with a loop), with the shared weights on the arrows;
  :func:`plot_io_patterns` uses it for one-to-many, many-to-one and many-to-many.
* :func:`plot_hidden_strip` - the hidden state as a heat strip: one column per step, one
  row per hidden unit.
* :func:`plot_output_bars` - one output distribution as bars labelled by the classes.
* :func:`plot_step_distributions` - the output distribution at every step as a heat map,
  with the targets outlined.
* :func:`plot_state_comparison` - a few hidden-state vectors side by side as grouped bars.
* :func:`plot_softmax` - scores and their softmax at a temperature, as two bar panels.
* :func:`plot_activations` - tanh and ReLU (and the identity) over a range of inputs.

Hidden states are read from a :class:`rnnlib.trace.Trace` or from plain arrays.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from .._checks import check_float_array, check_positive_float
from ..functional import softmax
from ..i18n import tr
from ..trace import Trace
from . import annotate_cells, new_axes, new_figure

__all__ = [
    "plot_unrolled",
    "plot_io_patterns",
    "plot_hidden_strip",
    "plot_output_bars",
    "plot_step_distributions",
    "plot_state_comparison",
    "plot_softmax",
    "plot_activations",
]

#: colours of the three kinds of boxes in the chain diagrams
BOX_COLOURS = {"input": "#d8e8f8", "hidden": "#fde3c4", "output": "#d9f0d3"}
HIGHLIGHT = "#d95f02"
PLAIN = "#7f9fbf"


# ----- chain diagrams ------------------------------------------------------------------------
def _box(ax, x, y, text, kind, width=0.9, height=0.6, fontsize=12):
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle="round,pad=0.03",
            facecolor=BOX_COLOURS[kind],
            edgecolor="0.25",
            linewidth=1.2,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)


def _arrow(ax, start, end, label=None, label_offset=(0.0, 0.0), fontsize=10, **kwargs):
    ax.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color="0.2", **kwargs)
    )
    if label:
        mid = ((start[0] + end[0]) / 2 + label_offset[0], (start[1] + end[1]) / 2 + label_offset[1])
        ax.text(*mid, label, ha="center", va="center", fontsize=fontsize, color="0.15")


def _labels(values, name):
    if isinstance(values, str) or not hasattr(values, "__len__"):
        raise TypeError(f"{name}: expected a list of labels (str or None), got {values!r:.60}")
    return [None if v is None else str(v) for v in values]


def plot_unrolled(
    inputs,
    outputs=None,
    *,
    rolled=False,
    weights=("W_xh", "W_hh", "W_hy"),
    hidden_name="h",
    initial_state=True,
    ax=None,
    title=None,
):
    """Draw an RNN unrolled over ``T = len(inputs)`` steps.

    inputs, outputs: lists of labels, one per step; ``None`` leaves that step without an
    input (or output) box, which is how one-to-many and many-to-one are drawn.
    ``outputs=None`` means no outputs at all. rolled: also draw the compact form (one cell
    with a loop) on the left. weights: the labels of the input, recurrent and output
    arrows (the same at every step: weight sharing). Returns the Axes.
    """
    inputs = _labels(inputs, "inputs")
    steps = len(inputs)
    if steps == 0:
        raise ValueError("inputs: expected at least one step, got an empty list")
    outputs = [None] * steps if outputs is None else _labels(outputs, "outputs")
    if len(outputs) != steps:
        raise ValueError(f"outputs: expected {steps} labels (one per input), got {len(outputs)}")
    w_in, w_rec, w_out = weights
    dx, y_in, y_hid, y_out = 1.7, 0.0, 1.5, 3.0
    offset = 3.4 if rolled else 0.0
    start = offset + (dx if initial_state else 0.0)
    x_min = -0.8 if rolled else -0.6
    x_max = start + dx * (steps - 1) + 0.6
    if ax is None:
        scale = 0.85
        _, ax = new_axes(
            None, figsize=(min((x_max - x_min) * scale + 0.5, 16.0), 4.3 * scale + 0.6)
        )

    if rolled:
        _box(ax, 0.0, y_in, "$x_t$", "input")
        _box(ax, 0.0, y_hid, f"${hidden_name}_t$", "hidden")
        _box(ax, 0.0, y_out, "$y_t$", "output")
        _arrow(ax, (0, y_in + 0.3), (0, y_hid - 0.3), w_in, (-0.45, 0))
        _arrow(ax, (0, y_hid + 0.3), (0, y_out - 0.3), w_out, (-0.45, 0))
        _arrow(
            ax,
            (0.45, y_hid + 0.15),
            (0.45, y_hid - 0.15),
            connectionstyle="arc3,rad=-2.2",
        )
        ax.text(1.05, y_hid, w_rec, ha="left", va="center", fontsize=10, color="0.15")
        ax.text(2.2, y_hid, "=", ha="center", va="center", fontsize=26)

    if initial_state:
        _box(ax, start - dx, y_hid, f"${hidden_name}_0 = 0$", "hidden", width=1.0, fontsize=10)
    for t in range(steps):
        x = start + dx * t
        _box(ax, x, y_hid, f"${hidden_name}_{{{t + 1}}}$", "hidden")
        if inputs[t] is not None:
            _box(ax, x, y_in, inputs[t], "input")
            _arrow(ax, (x, y_in + 0.3), (x, y_hid - 0.3), w_in if t == 0 else None, (-0.45, 0))
        if outputs[t] is not None:
            _box(ax, x, y_out, outputs[t], "output")
            _arrow(ax, (x, y_hid + 0.3), (x, y_out - 0.3), w_out if t == 0 else None, (-0.45, 0))
        if t > 0 or initial_state:
            gap = 0.5 if t == 0 else 0.45
            _arrow(ax, (x - dx + gap, y_hid), (x - 0.45, y_hid), w_rec, (0, 0.25), fontsize=9)
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(-0.6, 3.6)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(
        title
        or tr("An RNN unrolled over {steps} steps: the same weights at every step", steps=steps)
    )
    return ax


#: the four input/output patterns, as (inputs, outputs) label lists; the names are the
#: panel titles (in English; shown in the current language)
IO_PATTERNS = {
    "one-to-many\n(image -> caption, start -> text)": (
        ["x", None, None, None],
        ["y1", "y2", "y3", "y4"],
    ),
    "many-to-one\n(sentence -> sentiment)": (["x1", "x2", "x3", "x4"], [None, None, None, "y"]),
    "many-to-many, aligned\n(next character, tagging)": (
        ["x1", "x2", "x3", "x4"],
        ["y1", "y2", "y3", "y4"],
    ),
    "many-to-many, not aligned\n(translation: encoder -> decoder)": (
        ["x1", "x2", "x3", None, None],
        [None, None, None, "y1", "y2"],
    ),
}


def plot_io_patterns(figsize=(15, 7)):
    """The four input/output patterns of an RNN, each drawn as an unrolled chain. -> Figure."""
    fig, axes = new_figure(2, 2, figsize=figsize)
    for ax, (name, (ins, outs)) in zip(axes.flat, IO_PATTERNS.items(), strict=True):
        plot_unrolled(ins, outs, weights=("", "", ""), initial_state=False, ax=ax, title=tr(name))
    fig.suptitle(tr("Input/output patterns: where the inputs enter and where outputs are read"))
    return fig


# ----- hidden states and output distributions ------------------------------------------------
def _hidden_matrix(hidden, batch_index=0):
    """A Trace, ``(T, B, H)`` or ``(T, H)`` array -> ``(T, H)`` float array."""
    if isinstance(hidden, Trace):
        hidden = hidden.hidden[:, batch_index]
    hidden = check_float_array(hidden, "hidden", ndim=(2, 3), axes="(T, H) or (T, B, H)")
    if hidden.ndim == 3:
        hidden = hidden[:, batch_index]
    return hidden


def _step_ticks(steps: int, labels, name: str, prefix: str = "") -> list[str]:
    """Tick labels of steps 1..T, each with its label underneath (``repr``, after
    ``prefix``) when ``labels`` (one per step) are given."""
    if labels is None:
        return [str(t + 1) for t in range(steps)]
    labels = list(labels)
    if len(labels) != steps:
        raise ValueError(f"{name}: expected {steps} labels (one per step), got {len(labels)}")
    return [f"{t + 1}\n{prefix}{label!r}" for t, label in enumerate(labels)]


def plot_hidden_strip(
    hidden,
    labels=None,
    *,
    upto=None,
    batch_index=0,
    annotate=None,
    colorbar=True,
    ax=None,
    title=None,
):
    """The hidden state as a heat strip: column t is ``h_t``, row j is unit j.

    hidden: a Trace, ``(T, B, H)`` or ``(T, H)`` array. labels: one input label per step
    (shown under the step number). upto: show steps 1..upto only (later columns stay
    blank, so the picture does not jump while stepping). annotate: write each value in
    its cell (default: when there are at most 80 cells). Colours run from -1 to 1, the
    range of tanh. Returns the Axes.
    """
    values = _hidden_matrix(hidden, batch_index).T.copy()  # (H, T)
    units, steps = values.shape
    if upto is not None:
        if not 0 <= upto <= steps:
            raise ValueError(f"upto: expected a step in [0, {steps}], got {upto}")
        values[:, upto:] = np.nan
    fig, ax = new_axes(ax, figsize=(min(2.5 + 0.75 * steps, 14), min(1.5 + 0.45 * units, 8)))
    limit = max(1.0, float(np.nanmax(np.abs(values), initial=0.0)))
    image = ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    if annotate is None:
        annotate = values.size <= 80
    if annotate:
        annotate_cells(ax, values, threshold=0.6 * limit)
    ticks = _step_ticks(steps, labels, "labels")
    ax.set_xticks(range(steps), ticks)
    ax.set_yticks(range(units), [str(j) for j in range(units)] if units <= 16 else None)
    if units > 16:
        ax.set_yticks(np.arange(0, units, max(1, units // 8)))
    ax.set_xlabel(tr("time step t (input)"))
    ax.set_ylabel(tr("hidden unit"))
    ax.grid(False)
    if colorbar:
        fig.colorbar(image, ax=ax, label=tr("$h_t$ value"), shrink=0.9)
    ax.set_title(title or tr("Hidden state $h_t$ at each step"))
    return ax


def plot_output_bars(probs, labels, *, target=None, ax=None, title=None):
    """One output distribution as bars, one per class label; the most likely is highlighted.

    probs: ``(C,)`` probabilities. labels: C class labels (e.g. characters). target: the
    true class (index or label), hatched and marked "(true)" under its bar. Returns the Axes.
    """
    probs = check_float_array(probs, "probs", ndim=1, axes="(C,)")
    labels = [str(label) for label in labels]
    if len(labels) != probs.size:
        raise ValueError(f"labels: expected {probs.size} labels (one per class), got {len(labels)}")
    if isinstance(target, str):
        if target not in labels:
            raise ValueError(f"target: expected one of the labels {labels}, got {target!r}")
        target = labels.index(target)
    _, ax = new_axes(ax, figsize=(max(4.0, 0.7 * probs.size + 2), 3.5))
    colours = [PLAIN] * probs.size
    colours[int(np.argmax(probs))] = HIGHLIGHT
    bars = ax.bar(range(probs.size), probs, color=colours, edgecolor="0.2")
    ticks = [repr(label) for label in labels]
    if target is not None:
        bars[target].set_hatch("//")
        bars[target].set_linewidth(2.0)
        ticks[target] += "\n" + tr("(true)")
    for k, p in enumerate(probs):
        ax.text(k, p + 0.02, f"{p:.2f}", ha="center", va="bottom", fontsize=10)
    ax.set_xticks(range(probs.size), ticks)
    ax.set_ylim(0, 1.12)
    ax.set_xlabel(tr("class (next character)"))
    ax.set_ylabel(tr("probability"))
    ax.set_title(title or tr("Output distribution (most likely in orange)"))
    return ax


def plot_step_distributions(probs, labels, *, inputs=None, targets=None, ax=None, title=None):
    """The output distribution at every step as a heat map (rows: classes, columns: steps).

    probs: ``(T, C)`` probabilities. labels: C class labels. inputs: T input labels for the
    columns. targets: T true classes (indices or labels), outlined in each column.
    Returns the Axes.
    """
    probs = check_float_array(probs, "probs", ndim=2, axes="(T, C)")
    steps, classes = probs.shape
    labels = [str(label) for label in labels]
    if len(labels) != classes:
        raise ValueError(f"labels: expected {classes} labels (one per class), got {len(labels)}")
    fig, ax = new_axes(ax, figsize=(min(3 + 0.9 * steps, 14), 1.8 + 0.5 * classes))
    image = ax.imshow(probs.T, cmap="Greens", vmin=0, vmax=1, aspect="auto")
    annotate_cells(ax, probs.T, fmt="{:.2f}", threshold=0.6)
    ticks = _step_ticks(steps, inputs, "inputs", prefix=tr("in") + " ")
    if targets is not None:
        targets = list(targets)
        if len(targets) != steps:
            raise ValueError(f"targets: expected {steps} targets, got {len(targets)}")
        for t, target in enumerate(targets):
            row = labels.index(target) if isinstance(target, str) else int(target)
            ax.add_patch(
                Rectangle((t - 0.5, row - 0.5), 1, 1, fill=False, edgecolor=HIGHLIGHT, linewidth=3)
            )
    ax.set_xticks(range(steps), ticks)
    ax.set_yticks(range(classes), [repr(label) for label in labels])
    ax.set_xlabel(tr("time step t (input character)"))
    ax.set_ylabel(tr("predicted next character"))
    ax.grid(False)
    fig.colorbar(image, ax=ax, label=tr("probability"), shrink=0.9)
    ax.set_title(title or tr("Predicted distribution at each step (true next character outlined)"))
    return ax


def plot_state_comparison(states: dict, *, ax=None, title=None):
    """A few hidden-state vectors side by side: grouped bars, one group per hidden unit.

    states: ``{label: (H,) vector}``. Returns the Axes.
    """
    if not isinstance(states, dict) or not states:
        raise TypeError(
            f"states: expected a non-empty dict label -> (H,) vector, got {states!r:.60}"
        )
    vectors = {
        str(k): check_float_array(v, f"states[{k!r}]", ndim=1, axes="(H,)")
        for k, v in states.items()
    }
    sizes = {v.size for v in vectors.values()}
    if len(sizes) != 1:
        raise ValueError(f"states: expected vectors of one size, got sizes {sorted(sizes)}")
    units = sizes.pop()
    _, ax = new_axes(ax, figsize=(max(6.0, 0.6 * units + 3), 3.8))
    width = 0.8 / len(vectors)
    for k, (label, vector) in enumerate(vectors.items()):
        ax.bar(np.arange(units) + (k - (len(vectors) - 1) / 2) * width, vector, width, label=label)
    ax.axhline(0, color="0.3", linewidth=0.8)
    top = max(1e-9, max(float(np.abs(v).max()) for v in vectors.values()))
    ax.set_ylim(-1.1 * top, 1.6 * top)  # headroom for the legend above the bars
    ax.set_xticks(range(units))
    ax.set_xlabel(tr("hidden unit"))
    ax.set_ylabel(tr("value"))
    ax.legend(loc="upper center", ncol=min(len(vectors), 3))
    ax.set_title(title or tr("Hidden states compared unit by unit"))
    return ax


def plot_softmax(logits, temperature=1.0, labels=None, *, score_range=None, axes=None, title=None):
    """Scores (logits) and ``softmax(logits / temperature)`` as two bar panels. -> Figure.

    logits: ``(C,)``. When ``temperature != 1`` the probabilities at temperature 1 are
    drawn as dashed outlines for comparison. score_range: fixed ``(low, high)`` limits of the score axis (steady
    axes while sliders move). axes: two Axes to draw on (a new figure when None).
    """
    logits = check_float_array(logits, "logits", ndim=1, axes="(C,)")
    temperature = check_positive_float(temperature, "temperature")
    labels = [str(k) for k in range(logits.size)] if labels is None else [str(x) for x in labels]
    if len(labels) != logits.size:
        raise ValueError(f"labels: expected {logits.size} labels, got {len(labels)}")
    if axes is None:
        fig, axes = new_figure(1, 2, figsize=(11, 3.8))
    else:
        fig = axes[0].figure
    left, right = axes
    positions = np.arange(logits.size)
    left.bar(positions, logits, color=PLAIN, edgecolor="0.2")
    left.axhline(0, color="0.3", linewidth=0.8)
    left.set_xticks(positions, labels)
    left.set_xlabel(tr("class"))
    left.set_ylabel(tr("score (logit) $z_k$"))
    if score_range is not None:
        left.set_ylim(*score_range)
    left.set_title(tr("Scores: any real numbers"))
    probs = softmax(logits, temperature=temperature)
    right.bar(positions, probs, color=HIGHLIGHT, edgecolor="0.2", label=f"T = {temperature:.2g}")
    if not np.isclose(temperature, 1.0):  # at T = 1 the reference would repeat the bars
        right.bar(
            positions,
            softmax(logits),
            fill=False,
            edgecolor="0.2",
            linestyle="--",
            linewidth=1.5,
            label=tr("T = 1 (reference)"),
        )
    for k, p in enumerate(probs):
        right.text(k, p + 0.02, f"{p:.2f}", ha="center", va="bottom", fontsize=10)
    right.set_xticks(positions, labels)
    right.set_ylim(0, 1.12)
    right.set_xlabel(tr("class"))
    right.set_ylabel(tr("probability"))
    right.legend(loc="upper right")
    right.set_title(
        tr(
            "softmax(z / T), T = {temperature}: positive, sums to 1",
            temperature=f"{temperature:.2g}",
        )
    )
    if title:
        fig.suptitle(title)
    return fig


def plot_activations(x_range=(-3.0, 3.0), *, ax=None, title=None):
    """tanh, ReLU and the identity over ``x_range``. Returns the Axes."""
    x = np.linspace(*x_range, 301)
    _, ax = new_axes(ax, figsize=(7, 4))
    ax.plot(x, x, color="0.5", linestyle=":", label=tr("identity (no nonlinearity)"))
    ax.plot(x, np.tanh(x), linewidth=2.5, label=tr("tanh: squashes into (-1, 1)"))
    ax.plot(x, np.maximum(x, 0), linewidth=2.5, linestyle="--", label="ReLU: max(0, a)")
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.axvline(0, color="0.3", linewidth=0.8)
    ax.set_ylim(-2, x_range[1])
    ax.set_xlabel(tr("pre-activation a"))
    ax.set_ylabel("f(a)")
    ax.legend(loc="upper left")
    ax.set_title(title or tr("Activation functions"))
    return ax
