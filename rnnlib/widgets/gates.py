"""The gate explorer: the gates of a trained gated cell (LSTM, GRU, or any registered cell
with gates) at work on one sequence. One time step across all units on the left, one unit
across the whole sequence on the right; the Traces are computed once, a redraw only
updates the artists the plots returned."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._checks import check_float_array
from ..analysis import memory_state
from ..cells import CELL_TYPES
from ..i18n import tr
from ..models import SequenceModel
from ..viz import new_figure
from ..viz.gates import (
    gate_label,
    gates_at_step_title,
    plot_gates_at_step,
    plot_unit_gates,
    unit_gates_title,
)
from . import Explorer, fixed_layout

__all__ = ["gate_explorer"]

_STYLE = {"description_width": "initial"}


def _check_models(models) -> dict:
    if isinstance(models, SequenceModel):
        models = {models.cell_type.upper(): models}
    if not isinstance(models, dict) or not models:
        raise TypeError(
            "models: expected a SequenceModel of a gated cell or a dict {label: model}, "
            f"got {type(models).__name__}"
        )
    for label, model in models.items():
        if not isinstance(model, SequenceModel):
            raise TypeError(
                f"models[{label!r}]: expected a SequenceModel, got {type(model).__name__}"
            )
        if not CELL_TYPES[model.cell_type].gate_names:
            raise ValueError(
                f"models[{label!r}]: expected a model of a cell type with gates, got cell "
                f"{model.cell_type!r}, which has no gates"
            )
    return models


def gate_explorer(models, inputs, *, marks=None, title=None) -> Explorer:
    """Explore the gates of one or several gated models on one input sequence.

    models: a :class:`~rnnlib.models.SequenceModel` of a cell type with gates (LSTM,
    GRU, ...), or ``{label: model}`` (a dropdown picks one). inputs: one float sequence
    ``(T, D)`` (or ``(T, 1, D)``). marks: 0-based steps to draw as dotted lines (default:
    for two-feature inputs such as the adding problem, the steps whose marker, feature 1,
    is on).

    Controls: the model, the time step ``t`` and the ``unit``. Returns an
    :class:`~rnnlib.widgets.Explorer`.
    """
    models = _check_models(models)
    inputs = check_float_array(inputs, "inputs", ndim=(2, 3), axes="(T, D) or (T, 1, D)")
    if inputs.ndim == 2:
        inputs = inputs[:, None, :]
    if inputs.shape[1] != 1:
        raise ValueError(f"inputs: expected one sequence (T, 1, D), got shape {inputs.shape}")
    if marks is None:
        marks = np.flatnonzero(inputs[:, 0, 1] > 0.5) if inputs.shape[2] == 2 else ()
    marks = [int(m) for m in marks]
    traces, limits = {}, {}
    for label, model in models.items():
        _, cache = model.forward(inputs)
        trace = cache.traces[0]
        traces[label] = trace
        _, state = memory_state(trace)
        limits[label] = max(1.0, float(np.abs(state).max()))
    steps = inputs.shape[0]
    units = min(model.hidden_size for model in models.values())
    controls = {}
    if len(models) > 1:
        controls["model"] = widgets.Dropdown(
            options=list(models), description=tr("model"), style=_STYLE
        )
    controls["t"] = widgets.IntSlider(
        value=marks[0] + 1 if marks else 1,
        min=1,
        max=steps,
        description=tr("time step t"),
        continuous_update=False,
        style=_STYLE,
    )
    controls["unit"] = widgets.IntSlider(
        value=0,
        min=0,
        max=units - 1,
        description=tr("unit"),
        continuous_update=False,
        style=_STYLE,
    )
    figures = {}  # one figure per model, built on first use, then only updated
    only = next(iter(models))

    def draw(t, unit, model=only):
        if model not in figures:
            gates = _drawn_gates(models[model])
            figures[model] = _GateFigure(model, traces[model], gates, limits[model], marks)
        return figures[model].update(t - 1, unit)

    return Explorer(draw, controls, title=title or tr("Gate activations (게이트 활성값) over time"))


def _drawn_gates(model) -> tuple[str, ...]:
    """The gates the explorer draws: the cell's sigmoid gates (values in 0..1), or all
    its gates when it declares none as sigmoid."""
    cell = CELL_TYPES[model.cell_type]
    return tuple(cell.sigmoid_gates) or tuple(cell.gate_names)


class _GateFigure:
    """The explorer's figure for one model: drawn once by the rnnlib.viz functions, then
    updated in place (new data for the artists they returned), which halves the redraw
    time."""

    def __init__(self, label, trace, gates, limit, marks):
        self.label, self.trace, self.gate_names = label, trace, list(gates)
        state_name, self.state = memory_state(trace)
        self.state_symbol = "c" if state_name == "cell_state" else "h"
        # fixed margins and no grid: constrained layout and grid lines would double the
        # redraw time (the budget is 0.3 s)
        fig, axes = new_figure(2, 2, figsize=(10.5, 5.0), sharex="col", height_ratios=(1.2, 1))
        # right margin: the gate legend sits beside the top-right axes
        fixed_layout(fig, left=0.09, right=0.89, bottom=0.11, top=0.86, wspace=0.22, hspace=0.3)
        at_step = plot_gates_at_step(trace, 0, gates, axes=axes[:, 0], state_limit=limit)
        of_unit = plot_unit_gates(trace, 0, gates, marks=marks, axes=axes[:, 1])
        for ax in axes.flat:
            ax.grid(False)
        self.figure, self.axes = fig, axes
        self.heatmap, self.bars = at_step["heatmap"], at_step["bars"]
        self.gate_lines = [of_unit["gate_lines"][name] for name in self.gate_names]
        self.state_line = of_unit["state_line"]
        cursor = {"color": "0.2", "linewidth": 2, "alpha": 0.4}
        self.unit_cursor = axes[0, 0].axvline(0, **cursor)
        self.time_cursors = [ax.axvline(1, **cursor) for ax in axes[:, 1]]

    def update(self, t, unit):
        trace, state = self.trace, self.state
        self.heatmap.set_data(np.stack([trace.gates[name][t, 0] for name in self.gate_names]))
        for bar, height in zip(self.bars, state[t, 0], strict=True):
            bar.set_height(height)
        for line, name in zip(self.gate_lines, self.gate_names, strict=True):
            line.set_ydata(trace.gates[name][:, 0, unit])
        self.state_line.set_ydata(state[:, 0, unit])
        top = 1.1 * max(float(np.abs(state[:, 0, unit]).max()), 0.1)
        self.axes[1, 1].set_ylim(-top, top)
        self.unit_cursor.set_xdata([unit, unit])
        for line in self.time_cursors:
            line.set_xdata([t + 1, t + 1])
        self.axes[0, 0].set_title(gates_at_step_title(t))
        self.axes[0, 1].set_title(unit_gates_title(unit))
        self.figure.suptitle(
            tr(
                "{model}: every unit at step {step} (left), unit {unit} at every step (right)",
                model=self.label,
                step=t + 1,
                unit=unit,
            )
        )
        gates = ", ".join(
            f"{gate_label(name, short=True)} = {trace.gates[name][t, 0, unit]:.2f}"
            for name in self.gate_names
        )
        note = tr(
            "step {step}, unit {unit}: {gates}; {symbol} = {value}",
            step=t + 1,
            unit=unit,
            gates=gates,
            symbol=self.state_symbol,
            value=f"{state[t, 0, unit]:+.2f}",
        )
        return self.figure, note
