"""The Viterbi trellis (격자): tags down, words across, the best path drawn through it."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection

from . import new_axes

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
):
    """Draw a :class:`rnnlib.tagging.ViterbiResult` as a lattice.

    * cell colour: ``delta[t, k] - max_k delta[t, k]``, how far the best path ending
      in tag ``k`` at word ``t`` is behind the best path ending anywhere at ``t``
      (0 and darkest = the leader; clipped at ``floor``); the number is printed for
      the contenders (within 5 of the leader) when ``show_values``;
    * thin grey lines: the back-pointer of every cell (where its best path came from);
    * thick line: the winning path; a red ring marks a word whose winning tag differs
      from ``gold`` (tag ids ``(T,)``), when gold is given.
    """
    delta = np.asarray(result.delta)
    steps, num_tags = delta.shape
    if len(words) != steps:
        raise ValueError(f"words: expected {steps} words like the trellis, got {len(words)}")
    if len(tag_names) != num_tags:
        raise ValueError(f"tag_names: expected {num_tags} names, got {len(tag_names)}")
    fig, ax = new_axes(ax, figsize=(max(7.0, 1.1 * steps + 2.0), 5.2))
    behind = np.maximum(delta - delta.max(axis=1, keepdims=True), floor).T  # (K, T)
    ax.imshow(behind, cmap="Blues", vmin=floor, vmax=0.0, aspect="auto")
    ax.grid(False)
    segments = [
        [(t - 1, result.backpointers[t, k]), (t, k)]
        for t in range(1, steps)
        for k in range(num_tags)
    ]
    ax.add_collection(
        LineCollection(
            segments, colors="0.4", linewidths=0.8, alpha=0.6, zorder=2, label="back-pointers"
        )
    )
    ax.plot(
        np.arange(steps),
        result.path,
        color="tab:orange",
        lw=3.5,
        marker="o",
        ms=9,
        zorder=4,
        label="winning path",
    )
    if show_values:  # only the contenders (within 5 of the leader): text is slow to draw
        for k, t in zip(*np.nonzero(behind > -5.0), strict=True):
            ax.text(
                t + 0.12,
                k - 0.22,
                f"{behind[k, t]:.1f}".replace("-0.0", "0.0"),
                ha="left",
                va="center",
                fontsize=10,
                color="white" if behind[k, t] > -3.0 else "black",
                zorder=5,
            )
    if gold is not None:
        gold = np.asarray(gold)
        wrong = np.flatnonzero(gold != result.path)
        ax.scatter(
            wrong,
            result.path[wrong],
            s=330,
            facecolors="none",
            edgecolors="red",
            linewidths=2.5,
            zorder=6,
            label="differs from gold",
        )
    ax.set_xticks(np.arange(steps), list(words))
    ax.set_yticks(np.arange(num_tags), list(tag_names))
    ax.set_xlabel("position in the sentence (word)")
    ax.set_ylabel("tag")
    ax.set_title(title or "Viterbi trellis: score behind the leader, back-pointers, best path")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=10)
    return ax
