"""Plots of gated cells: the LSTM diagram and its stages, gradient norms over time, the
cell-type comparison (loss curves, step times), gate saturation, and the gate explorer's
panels. Each draws arrays, a :class:`~rnnlib.trace.Trace` or an experiment's results,
never a cell; cell types are coloured and labelled from :data:`rnnlib.cells.CELL_TYPES`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from matplotlib.ticker import MaxNLocator

from .._checks import check_float_array, check_positive_float
from ..analysis import memory_state
from ..cells import CELL_TYPES
from ..trace import Trace
from . import PALETTE, annotate_cells, few_log_ticks, new_axes, new_figure

__all__ = [
    "GATE_COLORS",
    "CELL_PALETTE",
    "cell_color",
    "cell_label",
    "STAGES",
    "plot_lstm_diagram",
    "plot_vectors",
    "plot_lstm_stage",
    "plot_norms_over_time",
    "plot_showdown",
    "plot_step_seconds",
    "plot_gate_saturation",
    "plot_gates_at_step",
    "plot_unit_gates",
]

#: One colour per gate, the same in every figure of the chapter.
#: From the course palette (colour-blind safe); line plots add :data:`GATE_STYLES` and a
#: legend. The GRU's update gate shares the forget gate's colour: it plays its part.
GATE_COLORS = {
    "forget_gate": PALETTE[0],
    "input_gate": PALETTE[2],
    "candidate": PALETTE[5],
    "output_gate": PALETTE[1],
    "cell_state": PALETTE[3],
    "hidden": PALETTE[6],
    "reset_gate": PALETTE[4],
    "update_gate": PALETTE[0],
}
#: Line style of each gate in line plots, so the gates differ by more than colour.
GATE_STYLES = {"input_gate": "--", "output_gate": "-.", "reset_gate": "--"}
#: Colours of the cell types, by their position in :data:`rnnlib.cells.CELL_TYPES`: grey,
#: then the course palette (colour-blind safe).
CELL_PALETTE = (PALETTE[7], PALETTE[3], PALETTE[0], PALETTE[2], PALETTE[1], PALETTE[5], PALETTE[4])


def cell_color(cell: str):
    """The colour of a registered cell type (None for a name that is not registered)."""
    names = list(CELL_TYPES)
    return CELL_PALETTE[names.index(cell) % len(CELL_PALETTE)] if cell in names else None


def cell_label(cell: str) -> str:
    """The legend label of a cell type: its registry name upper-cased ("LSTM")."""
    return cell.upper()


#: The stages of an LSTM step, in order, with the colour of their highlight.
STAGES = {
    "forget": GATE_COLORS["forget_gate"],
    "input": GATE_COLORS["input_gate"],
    "candidate": GATE_COLORS["candidate"],
    "cell": GATE_COLORS["cell_state"],
    "output": GATE_COLORS["output_gate"],
}
_DIM = "#c8c8c8"


# ----- the LSTM cell, step by step -------------------------------------------------------------


def plot_lstm_diagram(highlight: str | None = None, *, ax=None, title=None):
    """The LSTM cell: ``c_{t-1} -> (x f_t) -> (+ i_t g_t) -> c_t`` along the top,
    ``h_t = o_t tanh(c_t)`` on the right, the four gates reading ``[h_{t-1}, x_t]`` below.

    ``highlight``: one of :data:`STAGES` (``"forget"``, ``"input"``, ``"candidate"``,
    ``"cell"``, ``"output"``) draws that stage in colour and the rest in grey; None
    colours everything. Returns the Axes.
    """
    if highlight is not None and highlight not in STAGES:
        options = ", ".join(repr(s) for s in STAGES)
        raise ValueError(f"highlight: expected None or one of {options}, got {highlight!r}")
    _, ax = new_axes(ax, figsize=(7, 4.2))

    def colour(*stages):
        if highlight is None:
            return STAGES[stages[0]]
        return STAGES[highlight] if highlight in stages else _DIM

    def line(points, stages, arrow=False, width=2.5):
        c = colour(*stages)
        xs, ys = zip(*points, strict=True)
        if arrow:
            ax.plot(xs[:-1], ys[:-1], color=c, linewidth=width, solid_capstyle="butt")
            ax.add_patch(
                FancyArrowPatch(
                    points[-2],
                    points[-1],
                    arrowstyle="-|>",
                    mutation_scale=16,
                    color=c,
                    linewidth=width,
                )
            )
        else:
            ax.plot(xs, ys, color=c, linewidth=width)

    def node(x, y, text, stages, radius=0.32):
        c = colour(*stages)
        ax.add_patch(
            Circle((x, y), radius, facecolor="white", edgecolor=c, linewidth=2.5, zorder=3)
        )
        ax.text(x, y, text, ha="center", va="center", fontsize=15, color=c, zorder=4)

    def gate(x, symbol, symbol_name, name, stages):
        # the gate box; its symbol (f_t ...) beside the arrow that leaves the bus, and its
        # name below the bus, so no label sits on a line
        c = colour(*stages)
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.5, 2.25),
                1.0,
                0.7,
                boxstyle="round,pad=0.05",
                facecolor=c,
                edgecolor=c,
                alpha=0.9,
                zorder=3,
            )
        )
        ax.text(x, 2.6, symbol, ha="center", va="center", fontsize=14, color="white", zorder=4)
        ax.text(x + 0.14, 1.62, symbol_name, ha="left", va="center", fontsize=15, color=c)
        ax.text(x, 0.5, name, ha="center", va="center", fontsize=13, color=c)

    ax.add_patch(
        FancyBboxPatch(
            (0, 0.0),
            10.9,
            5.6,
            boxstyle="round,pad=0.1",
            facecolor="#f7f7f7",
            edgecolor="#999999",
            linewidth=1,
        )
    )
    # the input bus [h_{t-1}, x_t] feeding every gate
    bus = ("forget", "input", "candidate", "output")
    gates_x = {"forget": 2.2, "input": 4.2, "candidate": 6.2, "output": 8.2}
    line([(-1.3, 1.0), (gates_x["output"], 1.0)], bus)
    line([(0.7, -0.6), (0.7, 1.0)], bus)
    for stage, x in gates_x.items():
        line([(x, 1.0), (x, 2.25)], (stage,), arrow=True)
    ax.text(-1.4, 1.0, "$h_{t-1}$", ha="right", va="center", fontsize=14)
    ax.text(0.7, -0.75, "$x_t$", ha="center", va="top", fontsize=14)
    # the cell state path (the conveyor belt)
    line([(-1.3, 5.0), (1.88, 5.0)], ("cell", "forget"))
    line([(2.52, 5.0), (4.88, 5.0)], ("cell",))
    line([(5.52, 5.0), (12.3, 5.0)], ("cell",), arrow=True)
    ax.text(-1.4, 5.0, "$c_{t-1}$", ha="right", va="center", fontsize=14)
    ax.text(12.4, 5.0, "$c_t$", ha="left", va="center", fontsize=14)
    node(2.2, 5.0, r"$\times$", ("forget", "cell"))
    node(5.2, 5.0, "+", ("cell", "input", "candidate"))
    node(5.2, 3.9, r"$\times$", ("input", "candidate", "cell"))
    line([(5.2, 4.22), (5.2, 4.68)], ("cell", "input", "candidate"), arrow=True)
    # gates
    line([(2.2, 2.95), (2.2, 4.68)], ("forget",), arrow=True)
    line([(4.2, 2.95), (4.97, 3.67)], ("input",), arrow=True)
    line([(6.2, 2.95), (5.43, 3.67)], ("candidate",), arrow=True)
    gate(gates_x["forget"], r"$\sigma$", "$f_t$", "forget", ("forget",))
    gate(gates_x["input"], r"$\sigma$", "$i_t$", "input", ("input",))
    gate(gates_x["candidate"], "tanh", "$g_t$", "candidate", ("candidate",))
    gate(gates_x["output"], r"$\sigma$", "$o_t$", "output", ("output",))
    # output: h_t = o_t * tanh(c_t)
    line([(9.5, 5.0), (9.5, 4.35)], ("output",), arrow=True)
    ax.add_patch(
        FancyBboxPatch(
            (9.05, 3.75),
            0.9,
            0.5,
            boxstyle="round,pad=0.05",
            facecolor="white",
            edgecolor=colour("output"),
            linewidth=2,
            zorder=3,
        )
    )
    ax.text(
        9.5, 4.0, "tanh", ha="center", va="center", fontsize=12, color=colour("output"), zorder=4
    )
    line([(9.5, 3.7), (9.5, 2.92)], ("output",), arrow=True)
    line([(8.7, 2.6), (9.18, 2.6)], ("output",), arrow=True)
    node(9.5, 2.6, r"$\times$", ("output",))
    line([(9.5, 2.28), (9.5, 1.0), (12.3, 1.0)], ("output",), arrow=True)
    ax.text(12.4, 1.0, "$h_t$", ha="left", va="center", fontsize=14)
    ax.set_xlim(-2.4, 13.1)
    ax.set_ylim(-1.2, 5.9)
    ax.set_aspect("equal")
    ax.axis("off")
    stage_name = "the whole cell" if highlight is None else f"stage: {highlight}"
    ax.set_title(title or f"LSTM cell ({stage_name})")
    return ax


def plot_vectors(vectors: dict, *, ax=None, title=None, fmt="{:+.2f}"):
    """Named vectors of one length H as rows of coloured, annotated cells.

    vectors: ``{label: (H,) array}`` (e.g. ``{"c_{t-1}": ..., "f_t": ...}``), drawn top to
    bottom; colours run from -1 (blue) to +1 (red), so gates (0..1) show as white to red.
    Returns the Axes.
    """
    if not isinstance(vectors, dict) or not vectors:
        raise ValueError("vectors: expected a non-empty dict {label: (H,) array}")
    rows = [
        check_float_array(v, f"vectors[{k!r}]", ndim=1, axes="(H,)") for k, v in vectors.items()
    ]
    if len({row.shape for row in rows}) != 1:
        shapes = [row.shape for row in rows]
        raise ValueError(f"vectors: expected arrays of one length H, got shapes {shapes}")
    values = np.stack(rows)
    units = values.shape[1]
    _, ax = new_axes(ax, figsize=(2 + 0.9 * units, 0.8 + 0.6 * len(rows)))
    limit = max(1.0, float(np.abs(values).max()))
    ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
    annotate_cells(ax, values, fmt=fmt, threshold=0.6 * limit, fontsize=12)
    ax.set_yticks(range(len(rows)), [f"${label}$" for label in vectors])
    ax.set_xticks(range(units), [str(j) for j in range(units)])
    ax.set_xlabel("unit")
    ax.tick_params(axis="y", labelsize=14)
    ax.grid(False)
    ax.set_title(title or "Vectors of one step")
    return ax


def plot_lstm_stage(stage: str | None, vectors: dict, *, title=None, figsize=(14, 4.2)):
    """Where a step happens in the cell (left) and its numbers (right). Returns the Figure."""
    fig, (left, right) = new_figure(1, 2, figsize=figsize, width_ratios=(1.15, 1))
    plot_lstm_diagram(stage, ax=left)
    plot_vectors(vectors, ax=right, title="the numbers of this step")
    if title:
        fig.suptitle(title)
    return fig


# ----- gradients over time ----------------------------------------------------------------------


def _model_colour(label: str):
    """The colour of the registered cell type a label names ("vanilla RNN", "LSTM"), or None."""
    words = label.lower().replace(",", " ").split()
    return next((cell_color(cell) for cell in CELL_TYPES if cell in words), None)


def plot_norms_over_time(curves: dict, *, ax=None, title=None, ylabel=None, ymin=None):
    """Several per-step gradient norms (``{label: (T,)}``) against t, on a log axis.

    Labels containing "cell" or "c_t" are drawn solid, others dashed, so the cell-state and
    the hidden-state paths of the same model are told apart (also in Korean labels, "셀 상태
    c_t"); labels naming a model ("vanilla RNN", "LSTM", "GRU") get that model's colour.

    ymin: the bottom of the y-axis, or None to show every curve whole. A curve that falls
    below ``ymin`` leaves the axis: a triangle marks where, and a note in its colour gives
    the smallest value it reaches. Returns the Axes.
    """
    if not isinstance(curves, dict) or not curves:
        raise ValueError("curves: expected a non-empty dict {label: (T,) array}")
    if ymin is not None:
        ymin = check_positive_float(ymin, "ymin")
    _, ax = new_axes(ax)
    floor = 1e-300
    checked = {
        label: check_float_array(curve, f"curves[{label!r}]", ndim=1, axes="(T,)")
        for label, curve in curves.items()
    }
    values = np.concatenate(list(checked.values()))
    positive = values[values > 0]
    low = ymin if ymin is not None else max(positive.min() if positive.size else floor, floor) / 3
    for label, curve in checked.items():
        steps = np.arange(1, len(curve) + 1)
        (line,) = ax.semilogy(
            steps,
            np.maximum(curve, floor),
            "-" if "cell" in label or "c_t" in label else "--",
            color=_model_colour(label),
            linewidth=2.5,
            label=label,
        )
        below = np.flatnonzero(curve < low)
        if below.size:  # leaves the axis after the last step it is still visible
            exit_step = steps[below[-1]]
            ax.plot(
                exit_step,
                0.0,
                marker="v",
                markersize=11,
                color=line.get_color(),
                transform=ax.get_xaxis_transform(),  # y in axes: 0 = the bottom edge
                clip_on=False,
                zorder=5,
            )
            mantissa, exponent = f"{max(float(curve.min()), floor):.0e}".split("e")
            ax.annotate(
                f"{label.split(',')[0]} leaves the axis here\n"
                rf"(down to ${mantissa}\times10^{{{int(exponent)}}}$ at step "
                f"{steps[np.argmin(curve)]})",
                xy=(exit_step, 0.0),
                xycoords=ax.get_xaxis_transform(),
                xytext=(0.62, 0.3),
                textcoords="axes fraction",
                ha="right",
                va="center",
                fontsize=11,
                color=line.get_color(),
                arrowprops={"arrowstyle": "->", "color": line.get_color()},
            )
    ax.set_ylim(low, values.max() * 3)
    few_log_ticks(ax.yaxis)
    ax.set_xlabel("time step t (the loss is read after the last step T)")
    ax.set_ylabel(ylabel or "gradient norm (log scale)")
    ax.legend(fontsize=11, loc="lower left" if low == ymin else "lower right")
    ax.set_title(title or "How much gradient reaches each step")
    return ax


# ----- the showdown ------------------------------------------------------------------------------


def _smooth(values, window: int):
    values = np.asarray(values, dtype=float)
    if len(values) < window:
        return np.arange(1, len(values) + 1), values
    kernel = np.ones(window) / window
    return np.arange(window, len(values) + 1), np.convolve(values, kernel, mode="valid")


def plot_showdown(runs: dict, *, window: int = 25, figsize=None, title=None):
    """Training loss (moving average over ``window`` steps) of each cell, one panel per
    length, with the trivial baseline (always predict 1, ~1/6) as a dotted line.

    runs: ``{(cell, length): ShowdownRun}`` as returned by :func:`rnnlib.experiments.ch04.showdown`.
    Returns the Figure.
    """
    if not isinstance(runs, dict) or not runs:
        raise ValueError("runs: expected a non-empty dict {(cell, length): ShowdownRun}")
    lengths = sorted({length for _, length in runs})
    fig, axes = new_figure(
        1, len(lengths), figsize=figsize or (5.2 * len(lengths), 4.3), sharey=True
    )
    axes = np.atleast_1d(axes)
    for ax, length in zip(axes, lengths, strict=True):
        baseline = None
        for (cell, n), run in runs.items():
            if n != length:
                continue
            steps, smooth = _smooth(run.losses, window)
            ax.semilogy(
                steps,
                smooth,
                linewidth=2.2,
                color=cell_color(cell),
                label=cell_label(cell),
            )
            baseline = run.baseline_mse
        if baseline is not None:
            ax.axhline(
                baseline,
                color="black",
                linestyle=":",
                linewidth=1.8,
                label="always predict 1 (MSE about 1/6)",
            )
        few_log_ticks(ax.yaxis)
        ax.set_xlabel("training step")
        ax.set_title(f"length T = {length}")
    axes[0].set_ylabel(f"training MSE (mean of {window} steps, log)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=len(labels), fontsize=11)
    fig.suptitle(title or "Adding problem: who learns to remember?")
    return fig


def plot_step_seconds(result: dict, *, ax=None, title=None):
    """Milliseconds per training step against T, one line per cell
    (:func:`rnnlib.experiments.ch04.step_seconds`). Returns the Axes."""
    _, ax = new_axes(ax)
    lengths = np.asarray(result["lengths"])
    for cell in (key for key in result if key != "lengths"):
        ax.plot(
            lengths,
            1e3 * np.asarray(result[cell]),
            "-o",
            linewidth=2,
            color=cell_color(cell),
            label=cell_label(cell),
        )
    ax.set_xlabel("sequence length T")
    ax.set_ylabel("milliseconds per training step")
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=11)
    ax.set_title(title or "Cost of one training step grows linearly with T")
    return ax


# ----- gate saturation ---------------------------------------------------------------------------


def plot_gate_saturation(saturation: dict, *, bins: int = 10, figsize=None, title=None):
    """Per gate, histograms over units of the fraction of time the gate is shut (< 0.1,
    light) or open (> 0.9, dark). saturation: :func:`rnnlib.analysis.gate_saturation`.

    A unit at the far right of the dark histogram is a gate that is almost always open
    (for a forget gate: a unit that remembers); far right of the light one, almost always
    shut. Returns the Figure.
    """
    if not isinstance(saturation, dict) or not saturation:
        raise ValueError("saturation: expected a non-empty dict {gate: {'low', 'high'}}")
    names = list(saturation)
    fig, axes = new_figure(1, len(names), figsize=figsize or (4.3 * len(names), 3.6), sharey=True)
    axes = np.atleast_1d(axes)
    edges = np.linspace(0, 1, bins + 1)
    for ax, name in zip(axes, names, strict=True):
        colour = GATE_COLORS.get(name, "C0")
        ax.hist(saturation[name]["low"], bins=edges, color=colour, alpha=0.35, label="< 0.1 (shut)")
        ax.hist(
            saturation[name]["high"],
            bins=edges,
            color=colour,
            alpha=0.9,
            histtype="step",
            linewidth=3,
            label="> 0.9 (open)",
        )
        ax.set_title(name.replace("_", " "))
        ax.set_xlabel("fraction of time")
        ax.set_xlim(0, 1)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=11, loc="upper right")
    axes[0].set_ylabel("number of units")
    fig.suptitle(title or "Gate saturation: how often each unit's gate is shut or open")
    return fig


# ----- the gate explorer's panels ------------------------------------------------------------------


def _gate_panels(trace: Trace, gates, sequence: int, axes):
    """Check the arguments of a gate-explorer panel; return ``(gate names, (gates axes,
    state axes))``, a new two-row figure when ``axes`` is None."""
    if not isinstance(trace, Trace):
        raise TypeError(f"trace: expected an rnnlib Trace, got {type(trace).__name__}")
    if not 0 <= sequence < trace.batch_size:
        raise ValueError(f"sequence: expected an index in [0, {trace.batch_size}), got {sequence}")
    names = list(gates)
    if not names or any(name not in trace.gates for name in names):
        raise ValueError(
            f"gates: expected names among the trace's gates {sorted(trace.gates)}, got {names}"
        )
    if axes is None:
        _, axes = new_figure(2, 1, figsize=(7, 5), sharex=True, height_ratios=(1.2, 1))
    return names, axes


def plot_gates_at_step(
    trace: Trace, t: int, gates, *, sequence: int = 0, axes=None, state_limit=None
) -> dict:
    """Step ``t`` (0-based) of one sequence across all units: the ``gates`` (names of
    sigmoid gates in ``trace.gates``) as a heat map (0 white .. 1 dark) above the memory
    state (the cell state if the cell has one, else the hidden state) as bars.

    axes: two Axes ``(gates, state)`` sharing x, or None for a new figure. Returns
    ``{"axes", "heatmap": the AxesImage, "bars": the state's bars}`` (an explorer updates
    these in place).
    """
    names, axes = _gate_panels(trace, gates, sequence, axes)
    if not 0 <= t < trace.steps:
        raise ValueError(f"t: expected a step in [0, {trace.steps}), got {t}")
    ax_gates, ax_state = axes
    values = np.stack([trace.gates[name][t, sequence] for name in names])
    units = values.shape[1]
    heatmap = ax_gates.imshow(
        values, cmap="Greys", vmin=0, vmax=1, aspect="auto", interpolation="nearest"
    )
    ax_gates.set_yticks(range(len(names)), [name.replace("_gate", "") for name in names])
    ax_gates.grid(False)
    ax_gates.set_title(f"gates at step t = {t + 1} (white 0 = shut, black 1 = open)")
    name, state = memory_state(trace)
    limit = state_limit or max(1.0, float(np.abs(state[:, sequence]).max()))
    bars = ax_state.bar(np.arange(units), state[t, sequence], color=GATE_COLORS[name], width=0.8)
    ax_state.axhline(0, color="black", linewidth=0.8)
    ax_state.set_ylim(-limit, limit)
    # few tick labels: text is most of the drawing time of a widget redraw
    ax_state.set_yticks([-limit, 0, limit], [f"{-limit:.2g}", "0", f"{limit:.2g}"])
    ax_state.set_xticks(range(0, units, max(1, units // 8)))
    ax_state.set_xlabel("unit")
    ax_state.set_ylabel(name.replace("_", " "))
    return {"axes": axes, "heatmap": heatmap, "bars": list(bars)}


def plot_unit_gates(
    trace: Trace, unit: int, gates, *, t=None, sequence: int = 0, marks=(), axes=None
) -> dict:
    """One unit over the whole sequence: its ``gates`` (names of sigmoid gates, top,
    0..1) and its memory state (cell state, else hidden state) below; a vertical line at
    step ``t`` and dotted lines at the ``marks`` steps (e.g. the marked inputs of the
    adding problem). Returns ``{"axes", "gate_lines": {gate: Line2D}, "state_line"}``."""
    names, axes = _gate_panels(trace, gates, sequence, axes)
    if not 0 <= unit < trace.hidden_size:
        raise ValueError(f"unit: expected an index in [0, {trace.hidden_size}), got {unit}")
    ax_gates, ax_state = axes
    steps = np.arange(1, trace.steps + 1)
    gate_lines = {}
    for name in names:
        (gate_lines[name],) = ax_gates.plot(
            steps,
            trace.gates[name][:, sequence, unit],
            linewidth=2,
            color=GATE_COLORS.get(name),
            linestyle=GATE_STYLES.get(name, "-"),
            label=name.replace("_gate", ""),
        )
    ax_gates.set_ylim(-0.05, 1.05)
    ax_gates.set_yticks([0, 0.5, 1], ["0", "0.5", "1"])
    ax_gates.set_ylabel("gate value")
    # beside the axes, never over the curves
    ax_gates.legend(fontsize=11, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax_gates.set_title(f"unit {unit} over the whole sequence")
    name, state = memory_state(trace)
    (state_line,) = ax_state.plot(
        steps, state[:, sequence, unit], color=GATE_COLORS[name], linewidth=2
    )
    ax_state.axhline(0, color="black", linewidth=0.8)
    ax_state.yaxis.set_major_locator(MaxNLocator(3))
    ax_state.set_ylabel(name.replace("_", " "))
    ax_state.set_xlabel("time step t")
    for ax in axes:
        for mark in marks:
            ax.axvline(mark + 1, color="black", linestyle=":", linewidth=1.5)
        if t is not None:
            ax.axvline(t + 1, color="0.2", linewidth=2, alpha=0.4)
    return {"axes": axes, "gate_lines": gate_lines, "state_line": state_line}
