"""Attention heatmaps (output tokens down, source tokens across) and accuracy against length."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from ..i18n import tr
from . import new_axes

__all__ = ["plot_attention", "plot_accuracy_by_length", "plot_position_accuracy"]


def _label(token: str) -> str:
    if token == "</s>":
        return tr("end")
    return {" ": "\u2423"}.get(token, token)


def plot_attention(
    weights,
    source_tokens,
    output_tokens,
    *,
    title: str | None = None,
    highlight: int | None = None,
    show_values: bool = False,
    ax=None,
):
    """Heatmap of attention weights ``(L, S)``: row ``t`` = where output token ``t`` looked.

    source_tokens: ``S`` labels (Hangul is fine; a space is drawn as "␣"); output_tokens:
    ``L`` labels. ``highlight``: an output row to outline (the current decoding step).
    Rows sum to 1; the colour scale is fixed to [0, 1] so pictures compare.
    """
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 2:
        raise ValueError(f"weights: expected a 2-D array (L, S), got shape {weights.shape}")
    steps, positions = weights.shape
    if len(source_tokens) != positions:
        raise ValueError(f"source_tokens: expected {positions} labels, got {len(source_tokens)}")
    if len(output_tokens) != steps:
        raise ValueError(f"output_tokens: expected {steps} labels, got {len(output_tokens)}")
    size = (min(14.0, max(5.0, 0.32 * positions + 2.5)), min(9.0, max(2.6, 0.32 * steps + 1.6)))
    fig, ax = new_axes(ax, figsize=size)
    image = ax.imshow(weights, cmap="viridis", vmin=0.0, vmax=1.0, aspect="auto")
    ax.grid(False)
    ax.set_xticks(np.arange(positions), [_label(t) for t in source_tokens], fontsize=11)
    ax.set_yticks(np.arange(steps), [_label(t) for t in output_tokens], fontsize=11)
    ax.tick_params(length=0)
    ax.set_xlabel(tr("source token (입력)"))
    ax.set_ylabel(tr("output token (출력)"))
    fig.colorbar(image, ax=ax, shrink=0.9, pad=0.02, label=tr("attention weight"))
    if show_values:
        for t, s in zip(*np.nonzero(weights >= 0.1), strict=True):
            ax.text(s, t, f"{weights[t, s]:.1f}", ha="center", va="center", fontsize=8,
                    color="black" if weights[t, s] > 0.6 else "white")  # fmt: skip
    if highlight is not None and 0 <= highlight < steps:
        ax.add_patch(
            Rectangle((-0.5, highlight - 0.5), positions, 1.0, fill=False, ec="tab:red", lw=2.5)
        )
    ax.set_title(title or tr("Attention: where each output token looked"))
    return ax


def plot_accuracy_by_length(bins, accuracies: dict, *, title: str | None = None, ax=None):
    """Exact-match accuracy per input-length bin, one line per model.

    bins: ``[(low, high), ...]``; accuracies: ``{model name: [accuracy per bin]}``.
    """
    fig, ax = new_axes(ax, figsize=(8.0, 4.2))
    centres = [0.5 * (low + high) for low, high in bins]
    styles = ["o-", "s--", "^-."]
    for (name, values), style in zip(accuracies.items(), styles, strict=False):
        ax.plot(centres, values, style, lw=2.2, ms=8, label=name)
    ax.set_xticks(centres, [f"{low}-{high}" for low, high in bins])
    ax.set_xlabel(tr("input length (characters)"))
    ax.set_ylabel(tr("exact match (whole output right)"))
    ax.set_ylim(-0.03, 1.03)
    ax.legend(loc="best")
    ax.set_title(title or tr("Exact match against input length"))
    return ax


def plot_position_accuracy(curves: dict, *, title: str | None = None, ax=None):
    """Token accuracy at each output position, one line per way of decoding.

    curves: ``{name: (positions,) accuracy}``.
    """
    fig, ax = new_axes(ax, figsize=(8.0, 4.2))
    styles = ["o-", "s--", "^-."]
    for (name, values), style in zip(curves.items(), styles, strict=False):
        ax.plot(np.arange(1, len(values) + 1), values, style, lw=2, ms=5, label=name)
    ax.set_xlabel(tr("output position t"))
    ax.set_ylabel(tr("share of tokens right at t"))
    ax.set_ylim(-0.03, 1.03)
    ax.legend(loc="lower left")
    ax.set_title(title or tr("Token accuracy along the output"))
    return ax
