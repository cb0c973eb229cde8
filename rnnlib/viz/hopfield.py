"""Plots for Hopfield networks: states as pictures, recall trajectories, energy, capacity.

Every function reads plain arrays or the results of :mod:`rnnlib.hopfield`
(``RecallResult``, ``CapacityResult``) and draws on the ``ax`` it is given, or on a
new figure.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ..i18n import tr
from ..patterns import GLYPH_SHAPE
from . import PALETTE, new_axes, new_figure

__all__ = [
    "STATE_COLORS",
    "plot_state",
    "plot_patterns",
    "plot_energy",
    "plot_overlaps",
    "plot_recall",
    "recall_title",
    "plot_capacity",
    "plot_pattern_survival",
    "survival_grid",
    "survival_marks",
    "survival_key",
    "SURVIVAL_COLORS",
    "outline_square",
]

#: -1 units are drawn light, +1 units dark.
STATE_COLORS = ListedColormap(["#f4f1ea", "#23395b"])
#: Bars of positive and negative overlaps (the sign of the bar says the same).
OVERLAP_COLORS = (PALETTE[0], PALETTE[3])
#: Shade of every other sweep in energy plots.
SWEEP_SHADE = PALETTE[1]
_CHANGED = PALETTE[3]
#: Where a recall ended: exact, a few units wrong, lost; each also has a marker (none,
#: a dot, a cross) and a key, so the colours are never the only cue. (English; the key
#: shows them in the current language.)
SURVIVAL_LABELS = ("exact", "≤5% wrong (·)", "lost (×)")
SURVIVAL_COLORS = (PALETTE[4], PALETTE[1], PALETTE[3])
_SURVIVAL_MARKS = (None, ".", "x")
_SURVIVAL_CMAP = ListedColormap(SURVIVAL_COLORS)


def plot_state(state, shape=GLYPH_SHAPE, ax=None, title=None, changed=None):
    """Draw one ``(N,)`` bipolar state as a ``shape`` grid (+1 dark, -1 light).

    changed: optional unit indices to outline (e.g. the units the last step flipped).
    """
    fig, ax = new_axes(ax, figsize=(3.2, 3.2))
    state = np.asarray(state, dtype=float)
    ax.imshow(state.reshape(shape), cmap=STATE_COLORS, vmin=-1, vmax=1, interpolation="nearest")
    for unit in [] if changed is None else np.atleast_1d(changed):
        row, col = divmod(int(unit), shape[1])
        ax.add_patch(outline_square(row, col))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():  # a thin frame shows where the grid ends
        spine.set_visible(True)
        spine.set_color("#888888")
        spine.set_linewidth(0.8)
    if title:
        ax.set_title(title)
    return ax


def outline_square(row, col):
    """A red outline around grid cell ``(row, col)`` (marks a changed unit)."""
    return Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, edgecolor=_CHANGED, linewidth=2.5)


def plot_patterns(patterns, shape=GLYPH_SHAPE, titles=None, suptitle=None):
    """Draw ``(P, N)`` patterns side by side; returns the Figure."""
    patterns = np.atleast_2d(patterns)
    fig, axes = new_figure(1, len(patterns), figsize=(1.9 * len(patterns) + 0.4, 2.4))
    for index, (ax, pattern) in enumerate(zip(np.atleast_1d(axes), patterns, strict=True)):
        plot_state(pattern, shape, ax=ax, title=None if titles is None else titles[index])
    if suptitle:
        fig.suptitle(suptitle)
    return fig


def plot_energy(energies, ax=None, sweep_of_step=None, title=None, sweep_name="sweep"):
    """Energy after each recorded step (step 0 is the cue).

    sweep_of_step: ``(K,)`` the sweep of each step (from a ``RecallResult``); when given,
    every other sweep is shaded and the legend names the shaded ones. sweep_name: what
    one sweep is called in that legend ("sweep", or "update" for synchronous recall).
    title: None for "Energy at each update step".
    """
    fig, ax = new_axes(ax, figsize=(6, 3.2))
    energies = np.asarray(energies, dtype=float)
    steps = np.arange(len(energies))
    ax.plot(steps, energies, marker="o", markersize=3, color="#23395b")
    if sweep_of_step is not None and len(sweep_of_step):
        sweep_of_step = np.asarray(sweep_of_step)
        shaded = np.unique(sweep_of_step)[::2]
        for sweep in shaded:
            inside = np.flatnonzero(sweep_of_step == sweep) + 1
            ax.axvspan(inside[0] - 0.5, inside[-1] + 0.5, color=SWEEP_SHADE, alpha=0.15, lw=0)
        ax.patches[-len(shaded)].set_label(_shaded_label(shaded, sweep_name))
        ax.legend(loc="best", fontsize=11)
    ax.set_xlabel(tr("update step (units changed so far)"))
    ax.set_ylabel(tr("energy E(s)"))
    ax.set_title(tr("Energy at each update step") if title is None else title)
    return ax


def _shaded_label(shaded, sweep_name):
    """Legend text for the shaded sweeps, e.g. "sweep 1 (all units once)"."""
    numbers = ", ".join(str(int(s)) for s in shaded[:3]) + (", ..." if len(shaded) > 3 else "")
    several = len(shaded) > 1
    if sweep_name == "sweep":
        if several:
            return tr("sweeps {numbers} (all units once)", numbers=numbers)
        return tr("sweep {numbers} (all units once)", numbers=numbers)
    if sweep_name == "update":
        if several:
            return tr("updates {numbers}", numbers=numbers)
        return tr("update {numbers}", numbers=numbers)
    return f"{sweep_name}{'s' if several else ''} {numbers}"


def plot_overlaps(overlaps, labels=None, ax=None, title=None):
    """Bar chart of the overlaps ``m_mu`` (``(P,)``) of a state with the stored patterns.

    title: None for "Overlap with each stored pattern"."""
    fig, ax = new_axes(ax, figsize=(4, 3.2))
    overlaps = np.asarray(overlaps, dtype=float)
    labels = [str(i) for i in range(len(overlaps))] if labels is None else list(labels)
    colors = [OVERLAP_COLORS[0] if m >= 0 else OVERLAP_COLORS[1] for m in overlaps]
    ax.bar(labels, overlaps, color=colors)
    ax.axhline(0.0, color="black", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel(tr("stored pattern"))
    ax.set_ylabel(tr("overlap m"))
    ax.set_title(tr("Overlap with each stored pattern") if title is None else title)
    return ax


def plot_recall(result, shape=GLYPH_SHAPE, snapshots: int = 6, title=None):
    """Snapshots of a :class:`~rnnlib.hopfield.RecallResult` and its energy trace."""
    num_steps = result.num_steps
    picks = np.unique(np.linspace(0, num_steps, min(snapshots, num_steps + 1)).round().astype(int))
    fig, axes = new_figure(
        1,
        len(picks) + 1,
        figsize=(2.0 * len(picks) + 4.5, 2.9),
        gridspec_kw={"width_ratios": [1] * len(picks) + [2.4]},
    )
    for ax, step in zip(axes[:-1], picks, strict=False):
        changed = result.changed_units[step - 1] if step > 0 else None
        plot_state(
            result.states[step], shape, ax=ax, title=tr("step {step}", step=step), changed=changed
        )
    plot_energy(
        result.energies,
        ax=axes[-1],
        sweep_of_step=result.sweep_of_step,
        title=tr("Energy"),
        sweep_name="sweep" if result.mode == "asynchronous" else "update",
    )
    fig.suptitle(title or recall_title(result.mode, result.stop_reason, num_steps))
    return fig


def recall_title(mode: str, stop_reason: str, num_steps: int) -> str:
    """The title of a recall, e.g. "Asynchronous recall: fixed point after 12 steps", in
    the current language."""
    return tr(
        "{mode} recall: {reason} after {steps} steps",
        mode=tr(mode).capitalize(),
        reason=tr(stop_reason),
        steps=num_steps,
    )


def plot_capacity(results, theory=None):
    """Bit-error rate and exact-recall fraction against the load P/N, one line per N.

    results: a sequence of :class:`~rnnlib.experiments.ch01.CapacityResult` (different
    N). theory: None, or the curves of :func:`rnnlib.hopfield.capacity_theory` (the
    one-step error ``1/2 erfc(sqrt(N/2P))``, the AGS retrieval error and the critical load,
    drawn as a dashed line). Returns the Figure.
    """
    fig, (left, right) = new_figure(1, 2, figsize=(12, 5.4))
    colors = PALETTE
    if theory is not None:
        critical = theory["critical_load"]
        left.plot(
            theory["loads"],
            theory["one_step"],
            color="gray",
            linestyle=":",
            linewidth=2,
            label=tr("one step: ½ erfc(√(N/2P))"),
        )
        left.plot(
            theory["loads"],
            theory["retrieval"],
            color="black",
            linewidth=1.5,
            label=tr("retrieval state, N → ∞ (AGS)"),
        )
        left.axvline(
            critical,
            color="black",
            linestyle="--",
            linewidth=1,
            label=tr("critical load (N → ∞)"),
        )
        right.axvline(critical, color="black", linestyle="--", linewidth=1)
        left.text(critical + 0.003, 0.3, f"{critical:.3f}", fontsize=11)
        # left of the line the exact-recall curves are near 1, so its label fits below them
        right.text(
            critical - 0.004,
            0.02,
            tr("critical load {value}", value=f"{critical:.3f}"),
            fontsize=11,
            ha="right",
        )
    for color, result in zip(colors, results, strict=False):
        label = f"N = {result.num_units}"
        left.plot(
            result.loads,
            result.bit_error,
            marker="o",
            color=color,
            label=tr("{label}: after recall", label=label),
        )
        left.plot(
            result.loads,
            result.one_step_error,
            marker="x",
            linestyle="none",
            color=color,
            label=tr("{label}: one step", label=label),
        )
        right.plot(result.loads, result.exact_recall, marker="o", color=color, label=label)
    for ax in (left, right):
        ax.set_xlabel(tr("load P / N (patterns per unit)"))
    left.set_ylim(-0.01, 0.35)
    left.set_ylabel(tr("fraction of wrong units"))
    left.set_title(tr("Bit-error rate, starting from each stored pattern"))
    right.set_ylim(-0.03, 1.03)
    right.set_ylabel(tr("fraction of patterns recalled exactly"))
    right.set_title(tr("Exact recall"))
    right.legend(loc="upper right", fontsize=11)
    # one legend under both panels: its 5-7 entries would cover data inside the axes
    fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncol=3, fontsize=11)
    return fig


def survival_grid(final_errors, num_units, columns: int = 20):
    """Codes 0 (exact), 1 (at most 5% wrong), 2 (lost) of ``(P,)`` final errors, laid out
    in rows of ``columns`` (NaN pads the last row); returns ``(grid, [n0, n1, n2])``."""
    final_errors = np.asarray(final_errors)
    codes = np.where(final_errors == 0, 0, np.where(final_errors <= 0.05 * num_units, 1, 2))
    rows = -(-len(codes) // columns)
    grid = np.full(rows * columns, np.nan)
    grid[: len(codes)] = codes
    return grid.reshape(rows, columns), [int(np.sum(codes == k)) for k in range(3)]


def survival_marks(grid) -> list[np.ndarray]:
    """``[(n0, 2), (n1, 2), (n2, 2)]``: the (column, row) of every square of each code
    in a :func:`survival_grid`, where its marker goes."""
    rows, cols = np.nonzero(~np.isnan(grid))
    codes = grid[rows, cols]
    return [np.column_stack([cols[codes == k], rows[codes == k]]) for k in range(3)]


def survival_key(counts) -> list[str]:
    """The key's entries, with how many patterns each has: ``["exact 12", ...]``."""
    return [f"{tr(label)} {n}" for label, n in zip(SURVIVAL_LABELS, counts, strict=True)]


def plot_pattern_survival(final_errors, num_units, ax=None, columns: int = 20, title=None):
    """One square per stored pattern, coloured and marked by where its recall ended.

    final_errors: ``(P,)`` wrong units at the end of each recall. Sky blue, unmarked:
    recalled exactly; orange with a dot: at most 5% of units wrong (a nearby fixed
    point); vermillion with a cross: lost. A key under the grid names each, with counts.
    """
    fig, ax = new_axes(ax, figsize=(5, 3))
    grid, counts = survival_grid(final_errors, num_units, columns)
    ax.imshow(grid, cmap=_SURVIVAL_CMAP, vmin=0, vmax=2, aspect="equal")
    handles = []
    for code, points in enumerate(survival_marks(grid)):
        mark = _SURVIVAL_MARKS[code]
        if mark:  # ax.collections: the dots, then the crosses
            ax.scatter(points[:, 0], points[:, 1], marker=mark, s=18, color="black", lw=1)
        handles.append(
            Line2D(
                [],
                [],
                marker="s",
                markersize=11,
                linestyle="none",
                color=SURVIVAL_COLORS[code],
            )
        )
    ax.legend(
        handles,
        survival_key(counts),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=3,
        frameon=False,
        handletextpad=0.3,
        columnspacing=1.0,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.set_frame_on(False)
    ax.set_title(
        title or tr("{count} stored patterns after recall", count=len(np.asarray(final_errors)))
    )
    return ax
