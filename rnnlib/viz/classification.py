"""Plots of classifiers: confusion matrices, class probabilities while reading, and
embedding projections. Each draws the arrays it is given (the numbers come from
:mod:`rnnlib.analysis`), never a model's internals.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

from .._checks import check_float_array
from ..i18n import tr
from . import MARKERS, PALETTE, data_label, new_axes, palette_color

__all__ = [
    "plot_confusion_matrix",
    "class_color",
    "class_marker",
    "class_linestyle",
    "plot_class_probabilities",
    "plot_embedding_projection",
]

# --- confusion matrix ----------------------------------------------------------------------


def plot_confusion_matrix(matrix, classes: Sequence[str], ax=None, title=None, normalize=True):
    """Heat map of a confusion matrix; with ``normalize`` each row shows the share of that
    true class given to each predicted class (the diagonal is the per-class accuracy)."""
    matrix = check_float_array(matrix, "matrix", ndim=2, axes="(C, C)")
    if matrix.shape != (len(classes), len(classes)):
        raise ValueError(
            f"matrix: expected shape ({len(classes)}, {len(classes)}) for {len(classes)} classes, got {matrix.shape}"
        )
    shown = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1) if normalize else matrix
    fig, ax = new_axes(ax, figsize=(6.5, 5.5))
    image = ax.imshow(shown, cmap="Blues", vmin=0, vmax=1 if normalize else None)
    for i in range(len(classes)):
        for j in range(len(classes)):
            value = f"{shown[i, j]:.2f}" if normalize else f"{int(shown[i, j])}"
            dark = shown[i, j] > 0.6 * (shown.max() or 1)
            ax.text(
                j,
                i,
                value,
                ha="center",
                va="center",
                fontsize=10,
                color="white" if dark else "black",
            )
    names = [data_label(c) for c in classes]
    ax.set_xticks(range(len(classes)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(classes)), names)
    ax.set_xlabel(tr("predicted class"))
    ax.set_ylabel(tr("true class"))
    ax.grid(False)
    ax.set_title(title or tr("Confusion matrix (rows: true class, share of each row)"))
    fig.colorbar(image, ax=ax, shrink=0.8)
    return ax


# --- probabilities while reading ----------------------------------------------------------


# The course palette (colour-blind safe); line styles and markers tell the lines apart
# as well. Blue and orange first, for a two-way split such as positive / negative.
_CLASS_LINESTYLES = ["-", "--", "-.", ":"]
_GROUP_MARKERS = ["o", "^", "s", "D", "v", "P"]


def class_color(index: int) -> str:
    """The colour of class ``index`` in every class plot and explorer (the course palette)."""
    return palette_color(index)


def class_linestyle(index: int) -> str:
    """The line style of class ``index`` in line plots, paired with :func:`class_color`."""
    return _CLASS_LINESTYLES[int(index) % len(_CLASS_LINESTYLES)]


def class_marker(index: int) -> str:
    """The marker of class ``index``, paired with :func:`class_color`."""
    return MARKERS[int(index) % len(MARKERS)]


def plot_class_probabilities(
    tokens: Sequence[str],
    probabilities,
    classes: Sequence[str],
    ax=None,
    title=None,
    highlight: int | None = None,
    legend: bool = True,
):
    """``probabilities (T, C)``: row t = p(class | tokens[0..t]). One line per class,
    told apart by colour (:func:`class_color`), line style and marker, the tokens along
    the x axis; ``highlight`` draws one class
    thicker (default: the final winner); ``legend=False`` leaves the legend out."""
    probabilities = check_float_array(probabilities, "probabilities", ndim=2, axes="(T, C)")
    if probabilities.shape != (len(tokens), len(classes)):
        raise ValueError(
            f"probabilities: expected shape ({len(tokens)}, {len(classes)}) for "
            f"{len(tokens)} tokens and {len(classes)} classes, got {probabilities.shape}"
        )
    fig, ax = new_axes(ax)
    steps = np.arange(len(tokens))
    final = probabilities[-1]
    for c in np.argsort(-final):
        thick = highlight == c or (highlight is None and c == final.argmax())
        ax.plot(
            steps,
            probabilities[:, c],
            marker=class_marker(c) if len(tokens) <= 30 else None,
            color=class_color(c),
            linestyle=class_linestyle(c),
            lw=3 if thick else 1.8,
            alpha=1.0 if thick else 0.8,
            label=f"{data_label(classes[c])} ({final[c]:.2f})",
        )
    ax.set_xticks(steps, list(tokens))
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(tr("token read so far"))
    ax.set_ylabel(tr("p(class | prefix)"))
    ax.set_title(title or tr("Class probabilities after each token"))
    if legend:
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), title=tr("class (final p)"))
    return ax


# --- embeddings ----------------------------------------------------------------------------


def _label_width(text: str) -> int:
    """Width of a label in Latin-letter widths (a Hangul syllable is about two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _spread_labels(anchors, sizes, obstacles, iterations: int = 200):
    """Nudge label boxes apart: ``anchors (N, 2)`` label positions in axes-fraction units,
    ``sizes (N, 2)`` box widths and heights, ``obstacles (M, 2)`` points (markers) the
    labels should not cover. Each iteration pushes overlapping boxes apart along the
    direction of least overlap and pulls every label back a little towards its anchor."""
    positions = anchors.astype(np.float64).copy()
    half = sizes / 2
    marker = 0.012  # half-size of a marker, axes fraction
    for _ in range(iterations):
        moves = np.zeros_like(positions)
        gap = positions[:, None, :] - positions[None, :, :]  # (N, N, 2)
        overlap = half[:, None, :] + half[None, :, :] - np.abs(gap)
        hit = (overlap > 0).all(axis=2) & ~np.eye(len(positions), dtype=bool)
        axis = np.argmin(overlap / (half[:, None, :] + half[None, :, :]), axis=2)
        for i, j in zip(*np.nonzero(hit), strict=True):
            a = axis[i, j]
            direction = np.sign(gap[i, j, a]) or (1.0 if i > j else -1.0)
            moves[i, a] += 0.25 * direction * overlap[i, j, a]
        gap = positions[:, None, :] - obstacles[None, :, :]  # (N, M, 2)
        overlap = half[:, None, :] + marker - np.abs(gap)
        hit = (overlap > 0).all(axis=2)
        for i, m in zip(*np.nonzero(hit), strict=True):
            a = int(np.argmin(overlap[i, m] / (half[i] + marker)))
            direction = np.sign(gap[i, m, a]) or 1.0
            moves[i, a] += 0.25 * direction * overlap[i, m, a]
        if not moves.any():
            break
        positions += moves + 0.02 * (anchors - positions)
    return positions


def plot_embedding_projection(
    coordinates,
    explained,
    words: Sequence[str],
    groups: Sequence[str] | None = None,
    ax=None,
    title=None,
    shapes: Sequence[str] | None = None,
    fontsize: float = 12,
):
    """Scatter a 2-D projection of embeddings, each point labelled with its word (Hangul
    drawn in the course's Hangul font): ``coordinates (W, 2)`` and ``explained (2,)``, the
    share of variance along each axis, as returned by :func:`rnnlib.analysis.project_2d`.

    ``groups`` (e.g. positive / negative) set the colour, from a colour-blind-safe
    palette (blue, orange, ...); ``shapes`` (e.g. the language) set the marker. Labels
    start just above-right of their point and are nudged apart so that none covers
    another label or a marker (a thin line joins a moved label to its point).
    """
    coordinates = check_float_array(coordinates, "coordinates", ndim=2, axes="(W, 2)", shape={1: 2})
    explained = check_float_array(explained, "explained", ndim=1, axes="(2,)", shape={0: 2})
    if len(words) != len(coordinates):
        raise ValueError(
            f"words: expected {len(coordinates)} words (one per row), got {len(words)}"
        )
    groups = list(groups) if groups is not None else ["word"] * len(words)
    if len(groups) != len(words):
        raise ValueError(f"groups: expected {len(words)} entries (one per word), got {len(groups)}")
    shapes = list(shapes) if shapes is not None else [None] * len(words)
    if len(shapes) != len(words):
        raise ValueError(f"shapes: expected {len(words)} entries (one per word), got {len(shapes)}")
    fig, ax = new_axes(ax, figsize=(10, 7.5))
    colors = {g: PALETTE[k % len(PALETTE)] for k, g in enumerate(dict.fromkeys(groups))}
    markers = {
        s: _GROUP_MARKERS[k % len(_GROUP_MARKERS)] for k, s in enumerate(dict.fromkeys(shapes))
    }
    for group in colors:
        for shape in markers:
            rows = [i for i in range(len(words)) if groups[i] == group and shapes[i] == shape]
            if rows:
                label = (
                    data_label(group)
                    if shape is None
                    else f"{data_label(group)} ({data_label(shape)})"
                )
                ax.scatter(
                    coordinates[rows, 0],
                    coordinates[rows, 1],
                    s=70,
                    color=colors[group],
                    marker=markers[shape],
                    edgecolors="black",
                    linewidths=0.5,
                    label=label,
                    zorder=3,
                )
    # margins so that labels fit, then place labels in axes-fraction units
    low, high = coordinates.min(axis=0), coordinates.max(axis=0)
    span = np.maximum(high - low, 1e-12)
    ax.set_xlim(low[0] - 0.08 * span[0], high[0] + 0.22 * span[0])
    ax.set_ylim(low[1] - 0.08 * span[1], high[1] + 0.10 * span[1])
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    scale = np.array([x1 - x0, y1 - y0])
    points = (coordinates - [x0, y0]) / scale
    width_in, height_in = fig.get_size_inches() * [0.82, 0.82]  # roughly the axes box
    char_w = 0.6 * fontsize / 72 / width_in  # monospace-ish average width, axes fraction
    line_h = 1.25 * fontsize / 72 / height_in
    labels = list(words)
    sizes = np.array([[char_w * _label_width(t) + 0.01, line_h] for t in labels])
    anchors = points + sizes / 2 + [0.008, 0.006]
    placed = _spread_labels(anchors, sizes, points)
    for i, text in enumerate(labels):
        moved = np.linalg.norm(placed[i] - anchors[i]) > 0.02
        ax.annotate(
            text,
            coordinates[i],
            xytext=placed[i] * scale + [x0, y0],
            textcoords="data",
            ha="center",
            va="center",
            fontsize=fontsize,
            color="black",
            arrowprops=dict(arrowstyle="-", color="0.5", lw=0.7, shrinkA=0, shrinkB=4)
            if moved
            else None,
            zorder=4,
        )
    ax.set_xlabel(
        tr("first principal direction ({share} of variance)", share=f"{explained[0]:.0%}")
    )
    ax.set_ylabel(
        tr("second principal direction ({share} of variance)", share=f"{explained[1]:.0%}")
    )
    ax.set_title(title or tr("Word embeddings projected to 2-D (PCA)"))
    if len(colors) > 1 or len(markers) > 1:
        ax.legend(loc="best")
    return ax
