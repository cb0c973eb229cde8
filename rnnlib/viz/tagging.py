"""The Viterbi trellis (격자): tags down, words across, the best path drawn through it."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection

from ..i18n import tr
from . import PALETTE, new_axes

__all__ = ["plot_trellis"]


def plot_trellis(
    result,
    words,
    tag_names,
    *,
    gold=None,
    title: str | None = None,
    show_values: bool = True,
    floor: float = -12.0,
    ax=None,
    figsize=None,
):
    """Draw a :class:`rnnlib.tagging.ViterbiResult` as a lattice.

    * cell colour (with a colour bar) and number: ``delta[t, k] - max_k delta[t, k]``,
      how far the best path ending in tag ``k`` at word ``t`` is behind the best path
      ending anywhere at ``t`` (0 and darkest = the leader; clipped at ``floor``, shown
      as the blank palest cells); the numbers are printed when ``show_values``;
    * faint grey lines: the back-pointer of every cell (where its best path came from);
    * thick orange line with round markers: the winning path (its back-pointers); a red ring marks a word
      whose winning tag differs from ``gold`` (tag ids ``(T,)``), when gold is given.
      The legend lists only what is drawn. ``figsize`` (inches) for a new figure:
      by default it grows with the sentence.
    """
    delta = np.asarray(result.delta)
    steps, num_tags = delta.shape
    if len(words) != steps:
        raise ValueError(f"words: expected {steps} words like the trellis, got {len(words)}")
    if len(tag_names) != num_tags:
        raise ValueError(f"tag_names: expected {num_tags} names, got {len(tag_names)}")
    fig, ax = new_axes(ax, figsize=figsize or (max(8.0, 1.1 * steps + 3.0), 5.6))
    raw = delta - delta.max(axis=1, keepdims=True)
    behind = np.maximum(raw, floor).T  # (K, T)
    image = ax.imshow(behind, cmap="Blues", vmin=floor, vmax=0.0, aspect="auto")
    ax.grid(False)
    ticks = np.linspace(floor, 0.0, 4)
    colorbar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.02, ticks=ticks)
    colorbar.set_ticklabels([f"\u2264{floor:.0f}", *(f"{v:.0f}" for v in ticks[1:])])
    colorbar.set_label(tr("log-score behind the column's leader\n(0 = best path so far)"))
    segments = [
        [(t - 1, result.backpointers[t, k]), (t, k)]
        for t in range(1, steps)
        for k in range(num_tags)
        if k != result.path[t]
    ]
    if segments:
        ax.add_collection(
            LineCollection(
                segments,
                colors="0.45",
                linewidths=0.7,
                alpha=0.3,
                zorder=2,
                label=tr("other back-pointers"),
            )
        )
    ax.plot(
        np.arange(steps),
        result.path,
        color=PALETTE[1],
        lw=3.5,
        marker="o",
        ms=9,
        zorder=4,
        label=tr("winning path"),
    )
    if show_values:  # cells at the floor stay blank: the colour bar's end says "<= floor"
        for k, t in zip(*np.nonzero(raw.T >= floor), strict=True):
            value = behind[k, t]
            ax.text(
                t + 0.1,
                k - 0.24,
                f"{value:.1f}".replace("-0.0", "0.0"),
                ha="left",
                va="center",
                fontsize=11,
                color="white" if value > 0.45 * floor else "black",
                zorder=5,
                in_layout=False,  # inside the cells: skip them in the layout (faster)
            )
    if gold is not None:
        gold = np.asarray(gold)
        wrong = np.flatnonzero(gold != result.path)
        if wrong.size:
            ax.scatter(
                wrong,
                result.path[wrong],
                s=330,
                facecolors="none",
                edgecolors=PALETTE[3],
                linewidths=2.5,
                zorder=6,
                label=tr("differs from gold"),
            )
    ax.set_xticks(np.arange(steps), list(words))
    ax.set_yticks(np.arange(num_tags), list(tag_names))
    ax.set_xlabel(tr("position in the sentence (word)"))
    ax.set_ylabel(tr("tag"))
    ax.set_title(title or tr("Viterbi trellis: score behind the leader, back-pointers, best path"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, fontsize=11)
    return ax
