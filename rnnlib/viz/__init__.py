"""Plots for the course: plain functions ``plot_*(data, ax=None) -> Axes``.

Every function draws on the ``ax`` it is given, or on a new figure when ``ax`` is
None, and returns the Axes (or a Figure when it draws several panels). Plots read a
:class:`rnnlib.trace.Trace` or plain arrays, never a cell's internals, so they run
headless in tests. Sizes and fonts are chosen to be readable on a projector.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

__all__ = ["COURSE_STYLE", "use_course_style", "new_axes", "new_figure"]

#: rcParams for figures that stay readable on a classroom projector.
COURSE_STYLE = {
    "figure.figsize": (9.0, 4.0),
    "figure.dpi": 90,
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def use_course_style() -> None:
    """Apply :data:`COURSE_STYLE` to matplotlib (call once at the top of a notebook)."""
    plt.rcParams.update(COURSE_STYLE)


def new_axes(ax=None, figsize=None):
    """Return ``(figure, ax)``: the given Axes and its figure, or a new single-Axes figure."""
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=figsize or COURSE_STYLE["figure.figsize"], layout="constrained")
    return fig, ax


def new_figure(nrows=1, ncols=1, figsize=None, **kwargs):
    """Return ``(figure, axes)`` for a multi-panel plot with constrained layout."""
    return plt.subplots(
        nrows,
        ncols,
        figsize=figsize or COURSE_STYLE["figure.figsize"],
        layout="constrained",
        **kwargs,
    )
