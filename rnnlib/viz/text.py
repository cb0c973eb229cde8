"""Plots for character language models.

* :func:`activation_html` / :func:`plot_activation_text`: text coloured by one hidden
  unit's activation (red positive, blue negative), as in Karpathy, Johnson and Fei-Fei
  (2015), "Visualizing and understanding recurrent networks";
* :func:`plot_next_char_distribution`: bars of ``p(next character)``;
* :func:`plot_bits_per_char`: training curves in bits per character, with baselines
  drawn as horizontal lines.
"""

from __future__ import annotations

import html

import matplotlib as mpl
import numpy as np

from ..i18n import tr
from . import PALETTE, new_axes

__all__ = [
    "char_label",
    "activation_colors",
    "activation_html",
    "plot_activation_text",
    "plot_next_char_distribution",
    "plot_bits_per_char",
]

_CMAP = "RdBu_r"
_SPREAD = 0.3  # use the colour map's middle 0.5 +- _SPREAD: pale colours, readable text
_LABELS = {" ": "\u2423", "\n": "\\n", "\t": "\\t"}


def char_label(char: str) -> str:
    """A visible label for a character: space as a visible-space sign, newline as ``\\n``."""
    return _LABELS.get(char, char)


def _check_text_values(text, values):
    if not isinstance(text, str) or not text:
        raise ValueError(f"text: expected a non-empty string, got {text!r:.40}")
    values = np.asarray(values, dtype=np.float64)
    if values.shape != (len(text),):
        raise ValueError(
            f"values: expected shape ({len(text)},) (one value per character), got {values.shape}"
        )
    return values


def activation_colors(values, vmax: float | None = None) -> np.ndarray:
    """RGBA colours ``(N, 4)`` for activations in ``[-vmax, vmax]`` (default: max |value|).

    The dark ends of the colour map are left out, so text on the colours stays readable.
    """
    values = np.asarray(values, dtype=np.float64)
    return mpl.colormaps[_CMAP](0.5 + _SPREAD * np.clip(values / _vmax(values, vmax), -1.0, 1.0))


def _vmax(values, vmax):
    vmax = float(np.max(np.abs(values))) if vmax is None else float(vmax)
    return vmax if vmax > 0 else 1.0


def _text_color(rgba) -> str:
    """Black on light backgrounds, white on dark ones (relative luminance below 0.4)."""
    r, g, b = np.asarray(rgba)[:3]
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 else "black"


def activation_html(text: str, values, vmax: float | None = None, font_size: int = 15) -> str:
    """``text`` as HTML with every character's background coloured by its value.

    values: ``(N,)``, one per character (e.g. a hidden unit's activation after reading
    that character). Hovering a character shows its value.
    """
    values = _check_text_values(text, values)
    colors = activation_colors(values, vmax)
    spans = []
    for char, value, (r, g, b, _) in zip(text, values, colors, strict=True):
        shown = html.escape(char) if char != "\n" else "\u21b5\n"
        spans.append(
            f'<span title="{value:+.2f}" style="background:rgb({int(255 * r)},'
            f'{int(255 * g)},{int(255 * b)})">{shown}</span>'
        )
    return (
        f'<pre style="font-size:{font_size}px;line-height:1.35;white-space:pre-wrap;'
        f'color:black">{"".join(spans)}</pre>'
    )


def plot_activation_text(
    text: str, values, ax=None, columns: int = 64, vmax: float | None = None, title=None
):
    """Draw ``text`` on a grid, each character on a cell coloured by its value.

    Lines are wrapped at ``columns`` characters (newlines also start a new row and are
    shown as a one-cell return mark). Red: positive activation, blue: negative, white:
    near 0; a colour bar gives the scale, and the title always ends with that key.
    """
    values = _check_text_values(text, values)
    colors = activation_colors(values, vmax)
    limit = _vmax(values, vmax)
    rows, row, col = [], 0, 0
    for char in text:
        rows.append((row, col))
        col += 1
        if char == "\n" or col == columns:
            row, col = row + 1, 0
    num_rows = rows[-1][0] + 1
    num_cols = max(c for _, c in rows) + 1  # the longest row (no empty columns on the right)
    fig, ax = new_axes(ax, figsize=(min(15.0, 0.2 * num_cols + 2), 0.38 * num_rows + 1.3))
    grid = np.ones((num_rows, num_cols, 4))
    for (r, c), color in zip(rows, colors, strict=True):
        grid[r, c] = color
    ax.imshow(grid, aspect="auto", interpolation="nearest")
    for (r, c), char, color in zip(rows, text, colors, strict=True):
        if char != " ":
            ax.text(
                c,
                r,
                "\u21b5" if char == "\n" else char,
                ha="center",
                va="center",
                fontsize=11,
                family="monospace",
                color=_text_color(color),
            )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.set_frame_on(False)
    key = tr("red: activation > 0, blue: < 0, white: near 0")
    ax.set_title(
        f"{title}\n({key})" if title else tr("Text coloured by a hidden unit ({key})", key=key)
    )
    pale = mpl.colors.ListedColormap(
        mpl.colormaps[_CMAP](np.linspace(0.5 - _SPREAD, 0.5 + _SPREAD, 256))
    )
    mappable = mpl.cm.ScalarMappable(mpl.colors.Normalize(-limit, limit), pale)
    fig.colorbar(mappable, ax=ax, shrink=0.8, pad=0.01, fraction=0.03, label=tr("activation"))
    return ax


def plot_next_char_distribution(
    probs,
    tokens,
    top: int = 15,
    ax=None,
    title=None,
    highlight=None,
    min_prob=0.0,
    fixed_axis=False,
):
    """Bars of the ``top`` most likely next characters.

    probs: ``(V,)`` probabilities; tokens: the vocabulary's characters in id order;
    highlight: a character to mark (another colour, hatched, named in a key: e.g. the one
    actually drawn; shown even when it is not among the likeliest). ``min_prob`` leaves
    out characters below it; ``fixed_axis`` keeps the y axis at 0..1, so that
    distributions drawn one after another compare by their bars, not their ticks.
    """
    probs = np.asarray(probs, dtype=np.float64)
    tokens = list(tokens)
    if probs.ndim != 1 or len(probs) != len(tokens):
        raise ValueError(
            f"probs: expected shape ({len(tokens)},) (one per token), got {probs.shape}"
        )
    order = [k for k in np.argsort(-probs, kind="stable")[: max(1, int(top))]]
    order = [k for k in order if probs[k] >= min_prob] or order[:1]
    if highlight in tokens and tokens.index(highlight) not in order:
        order.append(tokens.index(highlight))
    fig, ax = new_axes(ax)
    labels = [char_label(tokens[k]) for k in order]
    bars = ax.bar(range(len(order)), probs[order], color=PALETTE[0], edgecolor="0.2")
    for bar, k in zip(bars, order, strict=True):
        if tokens[k] == highlight:
            bar.set_facecolor(PALETTE[1])
            bar.set_hatch("//")
            bar.set_label(tr("drawn: {char}", char=repr(char_label(highlight))))
    ax.set_xticks(range(len(order)), labels, fontsize=13, family="monospace")
    ax.set_xlim(-0.6, max(len(order), 8) - 0.4)  # a few bars do not fill the whole width
    top_value = 1.0 if fixed_axis else max(1e-9, float(probs[order].max())) * 1.12
    ax.set_ylim(0, top_value)
    ax.set_xlabel(tr("next character (most likely first)"))
    ax.set_ylabel(tr("probability"))
    ax.set_title(title or tr("Next-character distribution"))
    if highlight in tokens:
        ax.legend(loc="upper right", fontsize=11)
    return ax


def plot_bits_per_char(
    curves: dict,
    baselines: dict | None = None,
    ax=None,
    title=None,
    xlabel=None,
    log2_x=False,
):
    """Bits per character against ``x``, with constant baselines.

    curves: ``{label: (x, bits)}`` e.g. training and validation bits/char against the
    number of characters seen (``xlabel`` None: "training characters seen"), or against the context a model
    may see (``log2_x=True`` spaces 1, 2, 4, ... evenly); baselines: ``{label: bits}``
    drawn as dashed lines.
    """
    fig, ax = new_axes(ax)
    for label, (x, y) in curves.items():
        ax.plot(x, y, marker="o" if len(x) < 40 else None, label=label)
    if log2_x:
        ax.set_xscale("log", base=2)
    styles = ["--", ":", "-.", (0, (5, 1)), (0, (1, 3))]
    for k, (label, value) in enumerate((baselines or {}).items()):
        ax.axhline(
            value, color="gray", linestyle=styles[k % len(styles)], label=f"{label}: {value:.2f}"
        )
    ax.set_xlabel(tr("training characters seen") if xlabel is None else xlabel)
    ax.set_ylabel(tr("bits per character (lower is better)"))
    ax.set_title(title or tr("Character language model: bits per character"))
    ax.legend(loc="upper right")
    return ax
