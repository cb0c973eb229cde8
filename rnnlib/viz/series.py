"""Plots for time-series forecasting."""

from __future__ import annotations

import numpy as np

from ..i18n import tr
from . import new_axes

__all__ = ["plot_series", "plot_forecast", "plot_error_by_horizon", "plot_delay_embedding"]


def plot_series(series, ax=None, title=None, label=None, start=0):
    """A series against its sample index (title: None for "The series")."""
    fig, ax = new_axes(ax, figsize=(10, 3.2))
    t = start + np.arange(len(series))
    ax.plot(t, series, lw=1.5, label=label)
    ax.set(
        xlabel=tr("time step (sample)"),
        ylabel=tr("value"),
        title=tr("The series") if title is None else title,
    )
    if label:
        ax.legend(loc="upper right")
    return ax


def plot_forecast(context, truth, forecasts: dict, ax=None, title=None):
    """The context window, then the truth and each method's forecast after it.

    context: ``(C,)`` values the forecasters saw; truth: ``(h,)`` what came next;
    forecasts: ``{name: (h,)}``. The legend sits to the right of the axes, where it
    cannot cover any curve.
    """
    fig, ax = new_axes(ax, figsize=(11.5, 3.8))
    c = len(context)
    ax.plot(np.arange(c), context, color="0.35", lw=2, label=tr("context (seen)"))
    future = np.arange(c, c + len(truth))
    ax.plot(future, truth, color="black", lw=2, ls="--", label=tr("truth"))
    for name, values in forecasts.items():
        ax.plot(future, values, lw=2, marker="o", ms=3, label=name)
    ax.axvline(c - 0.5, color="0.6", lw=1)
    ax.set(
        xlabel=tr("time step"),
        ylabel=tr("value (standardised)"),
        title=title
        or tr("Forecasting {steps} steps from {seen} seen values", steps=len(truth), seen=c),
    )
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=11, borderaxespad=0.0)
    return ax


def plot_error_by_horizon(errors: dict, ax=None, title=None):
    """``errors``: ``{method: (H,) NRMSE at horizons 1..H}`` on a log axis (title: None
    for "Free-running forecast error grows with the horizon")."""
    fig, ax = new_axes(ax, figsize=(8, 4))
    for name, values in errors.items():
        horizons = np.arange(1, len(values) + 1)
        ax.plot(horizons, values, marker="o", ms=3, lw=2, label=name)
    ax.axhline(1.0, color="0.5", ls=":", label=tr("predicting the mean (NRMSE 1)"))
    ax.set_yscale("log")
    if title is None:
        title = tr("Free-running forecast error grows with the horizon")
    ax.set(xlabel=tr("horizon (steps ahead)"), ylabel=tr("NRMSE (log scale)"), title=title)
    ax.legend(fontsize=10)
    return ax


def plot_delay_embedding(series, delay: int, ax=None, title=None):
    """``x(t)`` against ``x(t - delay)``: the shape of the attractor a forecaster must learn."""
    fig, ax = new_axes(ax, figsize=(5, 5))
    ax.plot(series[:-delay], series[delay:], lw=0.6)
    ax.set(
        xlabel=f"x(t - {delay})",
        ylabel="x(t)",
        title=title or tr("Delay embedding, delay {delay}", delay=delay),
    )
    return ax
