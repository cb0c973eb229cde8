"""Interactive explorers: one function per explorer, each returning an :class:`Explorer`.

An :class:`Explorer` is a VBox of controls (sliders, dropdowns, text boxes, toggles)
above a picture and a note. When a control moves, it calls a ``draw(**values)``
function (built on a ``rnnlib.viz`` plot) and shows the resulting figure as a PNG in an
``Image`` widget, so a notebook cell is a single line for the learner::

    hidden_state_explorer(model, vocab, "hello")

The rules every explorer follows (CONTRIBUTING.md, "Widgets"):

* the picture is shown at the size it was drawn (:data:`DPI` dots per inch, one PNG pixel
  per CSS pixel), never stretched to the cell's width, and it fits
  :data:`MAX_FIGURE_PX` so that title, controls, picture and note fit a 1366x768 laptop
  screen and a 1280x720 projector view without scrolling;
* every control shows its full label; controls sit in at most two rows;
* the saved output holds a static picture of the first state with the instruction to run
  the cell (what a reader sees before the kernel runs, or on a static page).

Every explorer records how long each redraw took (``redraw_seconds``), and
:func:`benchmark_explorers` moves every control of every live explorer to time them.
"""

from __future__ import annotations

import base64
import html
import io
import struct
import threading
import time
import weakref

import ipywidgets as widgets
import matplotlib.pyplot as plt

__all__ = [
    "DPI",
    "MAX_FIGURE_PX",
    "RUN_INSTRUCTION",
    "Explorer",
    "png_size",
    "benchmark_explorers",
    "live_explorers",
    "fixed_layout",
]

_LIVE: weakref.WeakSet = weakref.WeakSet()
#: One redraw at a time: ipykernel 7 may dispatch a widget message while another is
#: still being handled, and pyplot's figure registry is not thread-safe.
_DRAWING = threading.RLock()

#: Dots per inch of every explorer's PNG: a 10-inch figure is 800 pixels wide on screen.
DPI = 80
#: The largest picture (width, height) in pixels an explorer may draw: a 10.5 x 5 inch
#: figure. In a 1280x720 view with JupyterLab's file browser open the output area is
#: 848 px wide and the notebook shows 599 px of height, which must hold the explorer's
#: title, two rows of controls, the picture and the note.
MAX_FIGURE_PX = (840, 400)
#: What the saved output says where the live widget cannot be shown.
RUN_INSTRUCTION = (
    "Static picture of the explorer's first state. Run this cell (Shift+Enter, or "
    "Run > Run All Cells) in JupyterLab to move its controls."
)
#: Room around each control, and the width of a slider, text box or dropdown that does
#: not set its own: three of them fit a row of the 848 px output area. Lecture mode's
#: CSS (lecture/custom.css) widens them through the variable.
_CONTROL_MARGIN = "2px 16px 4px 0px"
_CONTROL_WIDTH = "var(--rnnlib-control-width, 260px)"


def png_size(png: bytes) -> tuple[int, int]:
    """``(width, height)`` in pixels, read from a PNG's header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("png: expected PNG bytes (signature \\x89PNG)")
    return struct.unpack(">II", png[16:24])


def _show_full_label(control) -> None:
    """Let a control's description take the width it needs (ipywidgets cuts it to 80 px
    by default: "temperat..."), toggle buttons the width of their text, and give every
    control the same width and spacing unless it sets its own width."""
    style = getattr(control, "style", None)
    if getattr(control, "description", "") and hasattr(style, "description_width"):
        style.description_width = "initial"
    if hasattr(style, "button_width"):
        style.button_width = "auto"
    elif not control.layout.width:
        control.layout.width = _CONTROL_WIDTH
    control.layout.margin = _CONTROL_MARGIN


class Explorer(widgets.VBox):
    """Controls + a figure redrawn whenever a control changes.

    Parameters
    ----------
    draw:
        ``draw(**values) -> Figure`` or ``-> (Figure, html)``; ``values`` maps each
        control's name to its current value. The figure is closed after rendering; it
        must fit :data:`MAX_FIGURE_PX` at :data:`DPI`.
    controls:
        ``{name: ValueWidget}`` in display order (at most two rows of them).
    title:
        Optional heading shown above the controls.
    """

    def __init__(self, draw, controls: dict, title: str | None = None, dpi: int = DPI):
        self.draw = draw
        self.title = title or "explorer"
        self.controls = dict(controls)
        self.dpi = dpi
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="none"))
        self.note = widgets.HTML()
        self.redraw_seconds: list[float] = []
        heading = [widgets.HTML(f"<b>{html.escape(title)}</b>")] if title else []
        for control in self.controls.values():
            _show_full_label(control)
        control_box = widgets.HBox(
            list(self.controls.values()),
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        super().__init__(heading + [control_box, self.image, self.note])
        self.add_class("rnnlib-explorer")
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.redraw()
        self.first_png, self.first_note = self.image.value, self.note.value
        _LIVE.add(self)

    def __repr__(self) -> str:  # shown where the widget cannot be (a terminal)
        return f"<rnnlib explorer: {self.title}. {RUN_INSTRUCTION}>"

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, plus a static picture of the first state with the instruction
        to run the cell, for wherever the widget cannot be shown: a notebook opened before
        its kernel ran (JupyterLab then shows the best *safe* output, HTML) or a static
        page. Only the widget view needs a kernel."""
        data = super()._repr_mimebundle_(**kwargs)
        encoded = base64.b64encode(self.first_png).decode("ascii")
        width, height = png_size(self.first_png)
        data["text/plain"] = repr(self)
        data["image/png"] = encoded
        data["text/html"] = (
            f'<div class="rnnlib-explorer-static"><p><b>{html.escape(self.title)}</b></p>'
            f'<p style="font-style:italic">{html.escape(RUN_INSTRUCTION)}</p>'
            f'<img src="data:image/png;base64,{encoded}" width="{width}" height="{height}" '
            f'style="max-width:none" alt="{html.escape(self.title)}: first state">'
            f"<div>{self.first_note}</div></div>"
        )
        return data

    @property
    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def render(self) -> tuple[bytes, str]:
        """Run ``draw`` on the current values; return the PNG bytes and the note HTML."""
        # The figure is made at the explorer's own dpi and leaves pyplot's registry before
        # it is saved: whatever else prints it (an inline-backend flush prints every open
        # figure at its own dpi) cannot give a picture of another size. A 945 px picture
        # (10.5 inches at the course style's 90 dpi) instead of 840 px was seen in the
        # browser test on a busy machine.
        with plt.rc_context({"figure.dpi": self.dpi}):
            result = self.draw(**self.values)
        figure, note = result if isinstance(result, tuple) else (result, "")
        plt.close(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=self.dpi)
        return buffer.getvalue(), note

    def redraw(self) -> None:
        with _DRAWING:
            start = time.perf_counter()
            self._drawn_values = self.values
            png, note = self.render()
            width, height = (f"{size}px" for size in png_size(png))
            if (self.image.layout.width, self.image.layout.height) != (width, height):
                self.image.layout.width, self.image.layout.height = width, height
            self.image.value = png
            self.note.value = note
            self.redraw_seconds.append(time.perf_counter() - start)

    def _on_change(self, _change) -> None:
        # A control that follows another (a step slider whose range follows the text)
        # may already have redrawn the new values: draw each set of values once.
        with _DRAWING:
            if self.values != self._drawn_values:
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
            rows.append(
                {
                    "explorer": explorer.title,
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
    # None, not "none": "none" leaves a placeholder engine, and savefig draws a figure
    # with any engine twice (once to lay it out), which doubles the redraw time
    fig.set_layout_engine(None)
    grids = {id(spec): spec for ax in fig.axes if (spec := ax.get_gridspec()) is not None}
    for grid in grids.values() if margins else ():
        grid.update(**margins)
    return fig
