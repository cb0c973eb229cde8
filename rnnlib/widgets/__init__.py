"""Interactive explorers: one function per explorer, each returning an :class:`Explorer`.

An :class:`Explorer` is a VBox of controls (sliders, dropdowns, text boxes) above a
picture. When a control moves, it calls a ``draw(**values)`` function (built on a
``rnnlib.viz`` plot) and shows the resulting figure as a PNG in an ``Image`` widget,
so a notebook cell is a single line for the learner::

    rnnlib.widgets.hidden_state_explorer(model, vocab)

Every explorer records how long each redraw took (``redraw_seconds``), and
:func:`benchmark_explorers` moves every control of every live explorer to time them.
"""

from __future__ import annotations

import io
import time
import weakref

import ipywidgets as widgets
import matplotlib.pyplot as plt

__all__ = ["Explorer", "benchmark_explorers", "live_explorers", "fixed_layout"]

_LIVE: weakref.WeakSet = weakref.WeakSet()


class Explorer(widgets.VBox):
    """Controls + a figure redrawn whenever a control changes.

    Parameters
    ----------
    draw:
        ``draw(**values) -> Figure`` or ``-> (Figure, html)``; ``values`` maps each
        control's name to its current value. The figure is closed after rendering.
    controls:
        ``{name: ValueWidget}`` in display order.
    title:
        Optional heading shown above the controls.
    """

    def __init__(self, draw, controls: dict, title: str | None = None, dpi: int = 80):
        self.draw = draw
        self.title = title or "explorer"
        self.controls = dict(controls)
        self.dpi = dpi
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.note = widgets.HTML()
        self.redraw_seconds: list[float] = []
        heading = [widgets.HTML(f"<b>{title}</b>")] if title else []
        control_box = widgets.HBox(
            list(self.controls.values()), layout=widgets.Layout(flex_flow="row wrap")
        )
        super().__init__(heading + [control_box, self.image, self.note])
        self.add_class("rnnlib-explorer")
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.redraw()
        _LIVE.add(self)

    def __repr__(self) -> str:  # shown where the widget cannot be (an unrun notebook, a terminal)
        return f"<rnnlib explorer: {self.title}; run the cell in JupyterLab to use it>"

    @property
    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def render(self) -> tuple[bytes, str]:
        """Run ``draw`` on the current values; return the PNG bytes and the note HTML."""
        result = self.draw(**self.values)
        figure, html = result if isinstance(result, tuple) else (result, "")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=self.dpi)
        plt.close(figure)
        return buffer.getvalue(), html

    def redraw(self) -> None:
        start = time.perf_counter()
        png, html = self.render()
        self.image.value = png
        self.note.value = html
        self.redraw_seconds.append(time.perf_counter() - start)

    def _on_change(self, _change) -> None:
        self.redraw()


def live_explorers() -> list[Explorer]:
    """Every Explorer created in this process that is still alive."""
    return list(_LIVE)


def _next_value(control):
    """A different legal value for a control, or None when it has only one."""
    if isinstance(
        control,
        (widgets.Dropdown, widgets.ToggleButtons, widgets.RadioButtons, widgets.SelectionSlider),
    ):
        options = [opt[1] if isinstance(opt, tuple) else opt for opt in control.options]
        if len(options) < 2:
            return None
        index = options.index(control.value) if control.value in options else -1
        return options[(index + 1) % len(options)]
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return not control.value
    if isinstance(control, widgets.Text):  # one more character typed (or a fresh start)
        return control.value + control.value[-1:] if 0 < len(control.value) < 12 else "a"
    if (
        hasattr(control, "max")
        and hasattr(control, "step")
        and not isinstance(control.value, tuple)
    ):
        step = control.step or 1
        value = control.value + step
        return value if value <= control.max else control.min
    return None


def benchmark_explorers(moves_per_control: int = 3) -> list[dict]:
    """Move every control of every live explorer and time each redraw.

    Returns one row per explorer: its title, the number of redraws timed and the
    median and worst redraw time in seconds.
    """
    rows = []
    for explorer in live_explorers():
        explorer.redraw_seconds.clear()
        for control in explorer.controls.values():
            for _ in range(moves_per_control):
                value = _next_value(control)
                if value is None:
                    break
                control.value = value
        times = sorted(explorer.redraw_seconds)
        if times:
            title = (
                explorer.children[0].value if isinstance(explorer.children[0], widgets.HTML) else ""
            )
            rows.append(
                {
                    "explorer": title.replace("<b>", "").replace("</b>", ""),
                    "redraws": len(times),
                    "median_s": times[len(times) // 2],
                    "max_s": times[-1],
                }
            )
    return rows


def fixed_layout(fig, **margins):
    """Switch ``fig`` from constrained layout to a fixed one, so that a redraw skips the
    layout pass (it costs about as much as drawing these small figures, and the budget is
    0.3 s). With ``margins`` (``left``, ``right``, ``bottom``, ``top``, ``wspace``,
    ``hspace`` as in ``Figure.subplots_adjust``) those are set on the figure's grids;
    without, the constrained layout is computed once and kept. Returns the figure."""
    if not margins:
        fig.canvas.draw()
    fig.set_layout_engine("none")
    grids = {id(spec): spec for ax in fig.axes if (spec := ax.get_gridspec()) is not None}
    for grid in grids.values() if margins else ():
        grid.update(**margins)
    return fig
