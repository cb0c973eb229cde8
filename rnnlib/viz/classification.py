"""Plots for chapter 6, sequence classification (many-to-one).

* :func:`confusion_matrix` / :func:`plot_confusion_matrix` - which classes are mistaken
  for which (rows: the true class, columns: the predicted class).
* :func:`plot_class_probabilities` - ``p(class | x_1..x_t)`` after each token: how a
  classifier changes its mind while it reads a name or a sentence.
* :func:`project_2d` / :func:`plot_embedding_projection` - word embeddings (rows of an
  Embedding matrix) projected on their two main directions (PCA through numpy's SVD).
* :func:`romanize` - a letter-by-letter romanisation of Hangul for plot labels (the
  default matplotlib font has no Hangul glyphs).

Each reads arrays, never a model's internals.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .._checks import check_float_array, check_index_array, check_positive_int
from . import new_axes

__all__ = [
    "confusion_matrix",
    "plot_confusion_matrix",
    "plot_class_probabilities",
    "project_2d",
    "plot_embedding_projection",
    "romanize",
]

# --- Hangul -> Latin letters ---------------------------------------------------------------

_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ["", *"g kk gs n nj nh d l lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h".split()]


def romanize(text: str) -> str:
    """Hangul syllables -> Latin letters, jamo by jamo ("좋아요" -> "johayo"); other
    characters are kept. Not the official Revised Romanisation (no sound changes): only
    a readable label for plots."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected a string, got {type(text).__name__}")
    out = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            vowel, final = divmod(rest, 28)
            out.append(_INITIALS[initial].replace("-", "") + _VOWELS[vowel] + _FINALS[final])
        else:
            out.append(char)
    return "".join(out)


# --- confusion matrix ----------------------------------------------------------------------


def confusion_matrix(true, predicted, num_classes: int) -> np.ndarray:
    """``(C, C)`` counts: entry ``[i, j]`` = how many examples of class i were predicted as j."""
    num_classes = check_positive_int(num_classes, "num_classes")
    true = check_index_array(true, "true", size=num_classes, ndim=1, axes="(N,)")
    predicted = check_index_array(predicted, "predicted", size=num_classes, ndim=1, axes="(N,)")
    if true.shape != predicted.shape:
        raise ValueError(
            f"predicted: expected {true.shape[0]} predictions (one per true label), got {predicted.shape[0]}"
        )
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(matrix, (true, predicted), 1)
    return matrix


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
    ax.set_xticks(range(len(classes)), [romanize(c) for c in classes], rotation=45, ha="right")
    ax.set_yticks(range(len(classes)), [romanize(c) for c in classes])
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.grid(False)
    ax.set_title(title or "Confusion matrix (rows: true class, share of each row)")
    fig.colorbar(image, ax=ax, shrink=0.8)
    return ax


# --- probabilities while reading ----------------------------------------------------------


def plot_class_probabilities(
    tokens: Sequence[str],
    probabilities,
    classes: Sequence[str],
    ax=None,
    title=None,
    highlight: int | None = None,
    legend: bool = True,
):
    """``probabilities (T, C)``: row t = p(class | tokens[0..t]). One line per class in
    colour ``C{class index}``, the tokens along the x axis; ``highlight`` draws one class
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
            marker="o" if len(tokens) <= 30 else None,
            color=f"C{c}",
            lw=3 if thick else 1.5,
            alpha=1.0 if thick else 0.7,
            label=f"{romanize(classes[c])} ({final[c]:.2f})",
        )
    ax.set_xticks(steps, [romanize(t) for t in tokens])
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("token read so far")
    ax.set_ylabel("p(class | prefix)")
    ax.set_title(title or "Class probabilities after each token")
    if legend:
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), title="class (final p)")
    return ax


# --- embeddings ----------------------------------------------------------------------------


def project_2d(vectors):
    """PCA through the SVD: ``vectors (V, D)`` -> ``(coordinates (V, 2), explained (2,))``.

    Centre the rows, ``X - mean = U S V^T``; the coordinates are ``U[:, :2] S[:2]`` (the
    projections on the two main directions) and ``explained`` the share of the variance
    along each, ``S_k^2 / sum S^2``.
    """
    vectors = check_float_array(vectors, "vectors", ndim=2, axes="(V, D)")
    if vectors.shape[0] < 2 or vectors.shape[1] < 2:
        raise ValueError(
            f"vectors: expected at least 2 rows and 2 columns, got shape {vectors.shape}"
        )
    centred = vectors - vectors.mean(axis=0)
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    coordinates = u[:, :2] * s[:2]
    # fix the sign of each axis (an SVD direction is only defined up to sign)
    signs = np.sign(coordinates[np.abs(coordinates).argmax(axis=0), [0, 1]])
    explained = s[:2] ** 2 / max(float(np.sum(s**2)), 1e-300)
    return coordinates * signs, explained


def plot_embedding_projection(
    vectors, words: Sequence[str], groups: Sequence[str] | None = None, ax=None, title=None
):
    """Scatter the 2-D PCA projection of embeddings, each point labelled with its word
    (Hangul romanised) and coloured by its group (e.g. positive / negative / other)."""
    coordinates, explained = project_2d(vectors)
    if len(words) != len(coordinates):
        raise ValueError(
            f"words: expected {len(coordinates)} words (one per row), got {len(words)}"
        )
    groups = list(groups) if groups is not None else ["word"] * len(words)
    if len(groups) != len(words):
        raise ValueError(f"groups: expected {len(words)} entries (one per word), got {len(groups)}")
    fig, ax = new_axes(ax, figsize=(9, 7))
    for k, group in enumerate(dict.fromkeys(groups)):
        rows = [i for i, g in enumerate(groups) if g == group]
        ax.scatter(coordinates[rows, 0], coordinates[rows, 1], s=40, color=f"C{k}", label=group)
        for i in rows:
            ax.annotate(
                romanize(words[i]),
                coordinates[i],
                xytext=(3, 3),
                textcoords="offset points",
                fontsize=9,
                color=f"C{k}",
            )
    ax.set_xlabel(f"first principal direction ({explained[0]:.0%} of variance)")
    ax.set_ylabel(f"second principal direction ({explained[1]:.0%} of variance)")
    ax.set_title(title or "Word embeddings projected to 2-D (PCA)")
    ax.legend(loc="best")
    return ax
