"""Forecast explorer: how much context the model sees, how far ahead it forecasts."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..baselines import LinearAR
from ..generate import free_run
from ..i18n import tr
from ..viz import PALETTE, new_figure
from ..viz.series import plot_forecast
from . import Explorer

__all__ = ["forecast_explorer"]


def forecast_explorer(
    model,
    series,
    *,
    trained_context: int,
    ar: LinearAR | None = None,
    max_horizon: int = 40,
    max_context: int | None = None,
):
    """Sliders for the context length given to the RNN, the forecast horizon and the
    start position in ``series``; shows the free-running forecasts of the RNN (and of a
    fitted LinearAR and persistence) against the truth, with each one's NRMSE.
    """
    series = np.asarray(series, dtype=np.float64)
    max_context = max_context or 2 * trained_context
    if len(series) < max_context + max_horizon + 1:
        raise ValueError(
            f"series: expected at least {max_context + max_horizon + 1} values for these sliders, got {len(series)}"
        )
    controls = {
        "context": widgets.IntSlider(
            value=trained_context, min=2, max=max_context, description=tr("context")
        ),
        "horizon": widgets.IntSlider(
            value=max_horizon // 2, min=1, max=max_horizon, description=tr("horizon")
        ),
        "start": widgets.IntSlider(
            value=max_context,
            min=max_context,
            max=len(series) - max_horizon - 1,
            step=5,
            description=tr("start"),
        ),
    }

    def predict_rnn(window):
        return model.predict(window)

    def draw(context, horizon, start):
        seen = series[start - context : start]
        truth = series[start : start + horizon]
        window = seen[:, None, None]
        forecasts = {
            tr("RNN (trained on {context})", context=trained_context): free_run(
                predict_rnn, window, horizon
            )[:, 0]
        }
        if ar is not None and context >= ar.order:
            forecasts[tr("linear AR({order})", order=ar.order)] = free_run(ar, window, horizon)[
                :, 0
            ]
        forecasts[tr("persistence")] = np.full(horizon, seen[-1])
        _, ax = new_figure(figsize=(10.5, 3.8))
        plot_forecast(
            series[start - max_context : start],
            truth,
            forecasts,
            title=tr(
                "Free-running forecast, {horizon} steps, RNN sees {context} values",
                horizon=horizon,
                context=context,
            ),
            ax=ax,
        )
        ax.axvspan(
            max_context - context - 0.5,
            max_context - 0.5,
            color=PALETTE[0],
            alpha=0.1,
        )
        rows = "".join(
            f"<tr><td>{name}</td><td>{np.sqrt(np.mean((values - truth) ** 2)):.3f}</td></tr>"
            for name, values in forecasts.items()
        )
        note = (
            f"{tr('Shaded: the values the RNN sees.')}<table><tr><th>{tr('method')}</th>"
            f"<th>{tr('RMSE over the horizon (series std = 1)')}</th></tr>{rows}</table>"
        )
        return ax.figure, note

    return Explorer(draw, controls, title=tr("Forecast explorer: context length and horizon"))
