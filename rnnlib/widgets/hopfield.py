"""Explorers for Hopfield networks: recall step by step, and capacity.

Both precompute everything when they are built (every recall trajectory, every
capacity measurement), so moving a control only draws.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from .. import hopfield as hf
from .._checks import as_generator
from ..i18n import tr
from ..patterns import COURSE_GLYPHS, GLYPH_SHAPE, glyph_patterns, noisy_copy
from ..viz import new_figure
from ..viz.hopfield import (
    OVERLAP_COLORS,
    SWEEP_SHADE,
    outline_square,
    plot_energy,
    plot_overlaps,
    plot_pattern_survival,
    plot_state,
    survival_grid,
    survival_key,
    survival_marks,
)
from . import Explorer, fixed_layout

__all__ = ["recall_explorer", "capacity_explorer"]

_STYLE = {"description_width": "initial"}


def recall_explorer(
    names=COURSE_GLYPHS,
    noise_percents=tuple(range(0, 55, 5)),
    rng=0,
) -> Explorer:
    """Store the glyphs ``names``, corrupt one, and watch recall step by step.

    Controls: which glyph, the percentage of flipped units in the cue, asynchronous or
    synchronous updates, and the step (up to the last step of that recall). Shows the state (units changed by the step
    outlined), its overlap with every stored glyph and the energy so far. One noisy cue
    per glyph and noise level (drawn once from ``rng``) is shared by both update modes;
    the explorer's ``trajectories[name, noise, mode]`` holds every recall it shows.
    """
    names = list(names)
    patterns = glyph_patterns(names)
    network = hf.HopfieldNetwork.from_patterns(patterns)
    rng = as_generator(rng)
    trajectories = {}
    for index, name in enumerate(names):
        for percent in noise_percents:
            cue = noisy_copy(patterns[index], fraction=percent / 100, rng=rng)
            for mode in hf.MODES:
                trajectories[name, percent, mode] = network.recall(cue, mode=mode, rng=rng)
    controls = {
        "name": widgets.Dropdown(options=names, value=names[0], description=tr("memory")),
        "noise": widgets.SelectionSlider(
            options=list(noise_percents),
            value=noise_percents[min(4, len(noise_percents) - 1)],
            description=tr("noise (% flipped)"),
            style=_STYLE,
        ),
        "mode": widgets.ToggleButtons(
            options=[(tr(mode), mode) for mode in hf.MODES], value="asynchronous"
        ),
        "step": widgets.IntSlider(value=0, min=0, max=1, description=tr("step")),
    }

    def follow_trajectory(_change=None):
        """The step slider runs from 0 to the last step of the recall shown."""
        step = controls["step"]
        last = trajectories[controls["name"].value, controls["noise"].value, controls["mode"].value]
        step.max = max(last.num_steps, 1)

    follow_trajectory()
    for key in ("name", "noise", "mode"):  # before the Explorer's observers: runs first
        controls[key].observe(follow_trajectory, names="value")

    figure = {}  # built on the first draw, then only its artists change

    def build():
        fig, (ax_state, ax_overlap, ax_energy) = new_figure(
            1, 3, figsize=(10.5, 3.6), gridspec_kw={"width_ratios": [1, 1.2, 1.8]}
        )
        plot_state(patterns[0], GLYPH_SHAPE, ax=ax_state, title=tr("state"))
        plot_overlaps(
            np.zeros(len(names)), names, ax=ax_overlap, title=tr("overlap with each memory")
        )
        plot_energy([0.0], ax=ax_energy, title=tr("energy so far"))
        figure.update(
            fig=fig,
            image=ax_state.images[0],
            ax_state=ax_state,
            bars=ax_overlap.patches,
            ax_energy=ax_energy,
            line=ax_energy.lines[0],
            title=fig.suptitle(" "),
            extras=[],
        )
        ax_energy.xaxis.set_major_locator(MaxNLocator(6, integer=True))  # steps are whole
        fixed_layout(fig)

    def draw(name, noise, mode, step):
        if not figure:
            build()
        result = trajectories[name, noise, mode]
        shown = min(step, result.num_steps)
        state = result.states[shown]
        for artist in figure["extras"]:
            artist.remove()
        figure["extras"].clear()
        figure["image"].set_data(state.reshape(GLYPH_SHAPE))
        ax_state = figure["ax_state"]
        ax_state.set_title(tr("state after step {step}", step=shown))
        for unit in result.changed_units[shown - 1] if shown > 0 else []:
            row, col = divmod(int(unit), GLYPH_SHAPE[1])
            figure["extras"].append(ax_state.add_patch(outline_square(row, col)))
        for bar, overlap in zip(figure["bars"], network.overlaps(state), strict=True):
            bar.set_height(overlap)
            bar.set_color(OVERLAP_COLORS[0] if overlap >= 0 else OVERLAP_COLORS[1])
        figure["line"].set_data(np.arange(shown + 1), result.energies[: shown + 1])
        ax_energy = figure["ax_energy"]
        sweeps = result.sweep_of_step[:shown]
        for sweep in np.unique(sweeps)[::2]:
            inside = np.flatnonzero(sweeps == sweep) + 1
            figure["extras"].append(
                ax_energy.axvspan(
                    inside[0] - 0.5, inside[-1] + 0.5, color=SWEEP_SHADE, alpha=0.15, lw=0
                )
            )
        ax_energy.set_xlim(-0.5, max(result.num_steps, 1) + 0.5)
        low, high = result.energies.min(), result.energies.max()
        pad = 0.05 * max(high - low, 1.0)
        ax_energy.set_ylim(low - pad, high + pad)
        if shown < result.num_steps:
            status = tr("step {step} of {total}", step=shown, total=result.num_steps)
        elif result.num_steps == 1:
            status = tr("{reason} after 1 step", reason=tr(result.stop_reason))
        else:
            status = tr(
                "{reason} after {steps} steps",
                reason=tr(result.stop_reason),
                steps=result.num_steps,
            )
        figure["title"].set_text(
            tr(
                "{mode} recall of '{name}' from a cue with {noise}% of units flipped: {status}",
                mode=tr(mode).capitalize(),
                name=name,
                noise=noise,
                status=status,
            )
        )
        note = tr(
            "A step changes one unit (asynchronous) or every unit whose field disagrees "
            "with it (synchronous); outlined squares changed at this step; shaded bands "
            "mark every other sweep."
        )
        return figure["fig"], note

    explorer = Explorer(draw, controls, title=tr("Recall explorer: a Hopfield network remembers"))
    explorer.trajectories = trajectories  # {(name, noise, mode): RecallResult}: what it shows
    return explorer


def capacity_explorer(results) -> Explorer:
    """How many random patterns survive recall, for each N and load P/N.

    results: :class:`~rnnlib.experiments.ch01.CapacityResult` objects to show (one per N,
    same loads). Controls: N and P / N (the figure names P). Left: every pattern of one
    network after recall (exact; a few wrong units, dotted; lost, crossed; a key names
    them). Right: the bit-error rate against the load.
    """
    results = list(results)
    if not results:
        raise ValueError("results: expected one or more capacity results, got none")
    results = {result.num_units: result for result in results}
    sizes = sorted(results)
    shared_loads = [round(float(x), 3) for x in results[sizes[0]].loads]
    labels = [(f"{x:.3f}", k) for k, x in enumerate(shared_loads)]
    controls = {
        "num_units": widgets.SelectionSlider(options=sizes, value=sizes[-1], description="N"),
        "load_index": widgets.SelectionSlider(
            options=labels, value=min(3, len(labels) - 1), description="P / N", style=_STYLE
        ),
    }
    theory = hf.capacity_theory(max(shared_loads), points=120)

    figure = {}

    def build():
        fig, (ax_grid, ax_curve) = new_figure(
            1, 2, figsize=(10.5, 4.4), gridspec_kw={"width_ratios": [1, 1.4]}
        )
        biggest = max(int(results[size].num_patterns.max()) for size in sizes)
        plot_pattern_survival(np.zeros(biggest, dtype=int), sizes[-1], ax=ax_grid, columns=20)
        ax_curve.plot(
            theory["loads"], theory["one_step"], ":", color="gray", label=tr("one step (theory)")
        )
        ax_curve.plot(
            theory["loads"], theory["retrieval"], color="black", lw=1.2, label="AGS, N → ∞"
        )
        lines = {}
        for size in sizes:
            (lines[size],) = ax_curve.plot(
                results[size].loads,
                results[size].bit_error,
                marker="o",
                markersize=4,
                label=f"N = {size}",
            )
        (marker,) = ax_curve.plot(
            [], [], "o", markersize=14, markerfacecolor="none", markeredgecolor="black"
        )
        ax_curve.axvline(
            theory["critical_load"],
            color="black",
            linestyle="--",
            lw=1,
            label=tr("critical load {value}", value=f"{theory['critical_load']:.3f}"),
        )
        ax_curve.set_ylim(-0.01, 0.35)
        ax_curve.set_xlabel(tr("load P / N"))
        ax_curve.set_ylabel(tr("fraction of wrong units"))
        ax_curve.set_title(tr("Bit-error rate after recall (circle: this N and P)"))
        # left of the critical load the curves stay near 0: the legend's place
        ax_curve.legend(loc="upper left", fontsize=11, framealpha=0.9)
        figure.update(
            fig=fig,
            ax_grid=ax_grid,
            image=ax_grid.images[0],
            marks=ax_grid.collections,
            key=ax_grid.get_legend().get_texts(),
            lines=lines,
            marker=marker,
        )
        fixed_layout(fig)

    def draw(num_units, load_index):
        if not figure:
            build()
        result = results[num_units]
        load_index = min(load_index, len(result.loads) - 1)
        num_patterns = int(result.num_patterns[load_index])
        errors = result.final_errors[load_index][0]  # the first network of this load
        grid, counts = survival_grid(errors, num_units, columns=20)
        figure["image"].set_data(grid)
        figure["image"].set_extent((-0.5, grid.shape[1] - 0.5, grid.shape[0] - 0.5, -0.5))
        ax_grid = figure["ax_grid"]
        ax_grid.set_xlim(-0.5, grid.shape[1] - 0.5)
        ax_grid.set_ylim(grid.shape[0] - 0.5, -0.5)
        ax_grid.set_title(
            tr(
                "N = {units}: the {count} stored patterns after recall",
                units=num_units,
                count=num_patterns,
            )
        )
        for collection, points in zip(figure["marks"], survival_marks(grid)[1:], strict=True):
            collection.set_offsets(points)
        for text, entry in zip(figure["key"], survival_key(counts), strict=True):
            text.set_text(entry)
        for size, line in figure["lines"].items():
            line.set_alpha(1.0 if size == num_units else 0.3)
        figure["marker"].set_data([result.loads[load_index]], [result.bit_error[load_index]])
        note = tr(
            "N = {units}, P = {count}: bit-error rate {error}, recalled exactly {exact} of "
            "{trials} patterns (all networks of this load).",
            units=num_units,
            count=num_patterns,
            error=f"{result.bit_error[load_index]:.2%}",
            exact=f"{result.exact_recall[load_index]:.0%}",
            trials=int(result.trials[load_index]),
        )
        return figure["fig"], note

    return Explorer(draw, controls, title=tr("Capacity explorer: how many memories fit?"))
