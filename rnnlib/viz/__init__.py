"""Plots for the course: plain functions ``plot_*(data, ax=None) -> Axes``.

Every function draws on the ``ax`` it is given, or on a new figure when ``ax`` is
None, and returns the Axes (or a Figure when it draws several panels). Plots read a
:class:`rnnlib.trace.Trace` or plain arrays, never a cell's internals, so they run
headless in tests. Sizes and fonts are chosen to be readable on a projector.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import cycler, font_manager
from matplotlib import scale as mscale
from matplotlib.scale import LogScale, register_scale
from matplotlib.ticker import (
    LogFormatterMathtext,
    LogFormatterSciNotation,
    LogLocator,
    NullLocator,
)

from .._checks import check_choice
from ..i18n import language, on_language_change, tr

__all__ = [
    "COURSE_STYLE",
    "COURSE_STYLES",
    "HANGUL_FONT",
    "FONT_FAMILIES",
    "PALETTE",
    "MARKERS",
    "palette_color",
    "LECTURE_STYLE",
    "STYLE_ENVIRONMENT_VARIABLE",
    "use_course_style",
    "new_axes",
    "new_figure",
    "few_log_ticks",
    "annotate_cells",
    "data_label",
]

#: The course's one list of colours for categories (classes, models, curves): Okabe &
#: Ito's palette, told apart under the common colour-vision deficiencies (deuteranopia,
#: protanopia, tritanopia). Matplotlib's "C0", "C1", ... are these once
#: :func:`use_course_style` ran. Colour never carries meaning alone: pair it with a
#: legend, a label, a marker (:data:`MARKERS`) or a line style.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#000000",  # black
    "#999999",  # grey (Okabe-Ito's yellow is too pale for lines on white)
)
#: Markers to pair with :data:`PALETTE`, one per colour, in the same order.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def palette_color(index: int) -> str:
    """The colour of category ``index`` (wraps around after ``len(PALETTE)``)."""
    return PALETTE[int(index) % len(PALETTE)]


#: The Hangul font of the course's figures (SIL Open Font License, LICENSES/ in the repo).
HANGUL_FONT = "NanumGothic"

#: The font families of the course's figures in each language. English: Latin letters,
#: digits and symbols from DejaVu Sans (matplotlib's own font), Hangul falling back glyph
#: by glyph to NanumGothic. Korean: NanumGothic first (it has Latin letters and digits
#: too), because text that mixes words and maths (``"은닉 상태 $h_t$"``) is drawn by
#: matplotlib's mathtext, which draws the words in the first family alone, without the
#: glyph-by-glyph fallback; DejaVu Sans stays behind it for the symbols NanumGothic lacks.
FONT_FAMILIES = {"en": ["DejaVu Sans", HANGUL_FONT], "ko": [HANGUL_FONT, "DejaVu Sans"]}

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
    # FONT_FAMILIES["en"]; use_course_style and set_language pick the language's order.
    # The plain hyphen as the minus sign keeps tick labels in one font.
    "font.family": FONT_FAMILIES["en"],
    "axes.unicode_minus": False,
    "axes.prop_cycle": cycler(color=PALETTE),
}


#: The same figures for a lecture hall: larger text, thicker lines, same figure size (so
#: an explorer still fits on a slide). ``make lecture`` selects it for every kernel.
LECTURE_STYLE = {
    **COURSE_STYLE,
    "font.size": 16,
    "axes.titlesize": 17,
    "axes.labelsize": 16,
    "legend.fontsize": 14,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "lines.linewidth": 2.5,
    "lines.markersize": 8,
    "axes.linewidth": 1.2,
}

#: The course's styles by name.
COURSE_STYLES = {"default": COURSE_STYLE, "lecture": LECTURE_STYLE}

#: The environment variable that picks the style when :func:`use_course_style` is
#: called without a name (``make lecture`` sets it to ``lecture``).
STYLE_ENVIRONMENT_VARIABLE = "RNN_COURSE_STYLE"


def _register_hangul_font() -> None:
    """Make NanumGothic known to matplotlib, from the files of the installed
    ``koreanize-matplotlib`` wheel (found without importing it: its import fails on
    Python >= 3.12)."""
    if any(entry.name == HANGUL_FONT for entry in font_manager.fontManager.ttflist):
        return
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "koreanize-matplotlib is not installed: it carries the NanumGothic font the "
            "course's figures use for Hangul (run `make lab` or pip install -e .)"
        )
    folder = Path(spec.submodule_search_locations[0]) / "fonts"
    for path in sorted(folder.glob("NanumGothic*.ttf")):
        font_manager.fontManager.addfont(str(path))


def use_course_style(name: str | None = None) -> None:
    """Apply one of :data:`COURSE_STYLES` to matplotlib (call once at the top of a
    notebook), with Hangul drawn in :data:`HANGUL_FONT` and the font families of the
    current language (:data:`FONT_FAMILIES`; :func:`rnnlib.i18n.set_language` switches
    them afterwards).

    ``name`` is ``"default"`` or ``"lecture"``; when it is None, the environment variable
    :data:`STYLE_ENVIRONMENT_VARIABLE` decides (unset or empty: ``"default"``).
    """
    if name is None:
        name = os.environ.get(STYLE_ENVIRONMENT_VARIABLE) or "default"
        check_choice(name, STYLE_ENVIRONMENT_VARIABLE, tuple(COURSE_STYLES))
    else:
        check_choice(name, "name", tuple(COURSE_STYLES))
    _register_hangul_font()
    # Keys that only another style sets go back to matplotlib's defaults first, so
    # switching styles in one process gives the same figures as a fresh start.
    others = set().union(*COURSE_STYLES.values()) - set(COURSE_STYLES[name])
    plt.rcParams.update({key: matplotlib.rcParamsDefault[key] for key in others})
    plt.rcParams.update(COURSE_STYLES[name])
    plt.rcParams["font.family"] = list(FONT_FAMILIES[language()])


def _follow_language(code: str) -> None:
    """After set_language: the font families of that language, when a course style is in
    use (a figure style of the reader's own is left alone)."""
    if list(plt.rcParams["font.family"]) in [list(f) for f in FONT_FAMILIES.values()]:
        plt.rcParams["font.family"] = list(FONT_FAMILIES[code])


on_language_change(_follow_language)


# ----- log axes in Korean -------------------------------------------------------------------------
# Tick labels of log axes are mathtext, "$\mathdefault{10^{-3}}$": \mathdefault draws them in
# the first font family, and NanumGothic (first in Korean figures) has no minus sign U+2212,
# which mathtext writes for "-". In Korean the labels leave \mathdefault out (the digits and
# the minus then come from the maths font, DejaVu Sans); in English they are unchanged.


def _without_mathdefault(text: str) -> str:
    return text.replace(r"\mathdefault", "") if language() == "ko" else text


class _LogFormatterSciNotation(LogFormatterSciNotation):
    def __call__(self, x, pos=None):
        return _without_mathdefault(super().__call__(x, pos))


class _LogFormatterMathtext(LogFormatterMathtext):
    def __call__(self, x, pos=None):
        return _without_mathdefault(super().__call__(x, pos))


class _CourseLogScale(LogScale):
    """matplotlib's "log" scale with tick labels that draw in Korean figures too."""

    if hasattr(mscale, "_scale_has_axis_parameter"):  # matplotlib >= 3.11: no axis argument

        def __init__(self, *, base=10, subs=None, nonpositive="clip"):
            super().__init__(None, base=base, subs=subs, nonpositive=nonpositive)

    def set_default_locators_and_formatters(self, axis):
        super().set_default_locators_and_formatters(axis)
        axis.set_major_formatter(_LogFormatterSciNotation(self.base))
        axis.set_minor_formatter(
            _LogFormatterSciNotation(self.base, labelOnlyBase=(self.subs is not None))
        )


register_scale(_CourseLogScale)  # every ax.semilogy / set_yscale("log") from now on


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


# ----- helpers shared by the plot modules ---------------------------------------------------------


def few_log_ticks(axis, count: int = 8) -> None:
    """Ticks at powers of ten labelled ``10^k`` (typeset), no minor ticks. Call after plotting.

    An axis spanning at most ``count`` decades gets a tick every decade; a wider one every
    few decades (at most ``count + 1`` ticks); one spanning less than two decades also gets
    ticks at 2 and 5 times each power. Few labels also keep a widget redraw fast: a log axis
    spanning 30 decades otherwise draws hundreds of ticks.
    """
    low, high = axis.get_view_interval()
    narrow = low > 0 and np.log10(high / low) < 2
    axis.set_major_locator(
        LogLocator(base=10, subs=(1, 2, 5) if narrow else (1,), numticks=count + 1)
    )
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(_LogFormatterMathtext(labelOnlyBase=False))


def data_label(label) -> str:
    """A label from the data (a class name such as "French" or "Positive", an intent such
    as "Lights.Off", a sense such as "apple") as the learner reads it in a figure.

    In English the label is returned unchanged. In Korean a label with an entry in
    :data:`rnnlib.messages.KOREAN` is translated with :func:`rnnlib.i18n.tr`, and a
    compound ``"Device.State"`` label whose parts all have entries is translated part by
    part ("조명 끄기"); any other label is a code or a name and stays as it is (a POS tag
    "NOUN", a date, a character, a word of the data, a label already translated).
    """
    text = str(label)
    if language() == "en":
        return text
    from ..messages import KOREAN

    if text in KOREAN:
        return tr(text)
    parts = text.split(".")
    if len(parts) > 1 and all(part in KOREAN for part in parts):
        return " ".join(tr(part) for part in parts)
    return text


def annotate_cells(ax, values, fmt="{:+.2f}", threshold=0.6, fontsize=None):
    """Write each value of ``values`` (``(rows, cols)``, NaN skipped) in its heat-map cell.

    fontsize: points; None picks the largest size up to 11 pt that fits the cells of the
    figure as laid out now (at least 7 pt, for very crowded maps). Values above
    ``threshold`` in magnitude are written in white (they sit on dark colours).
    """
    rows, cols = values.shape
    texts = [[fmt.format(v) for v in row] for row in values]
    if fontsize is None:
        fontsize = _cell_fontsize(ax, rows, cols, max(len(t) for row in texts for t in row))
    for i in range(rows):
        for j in range(cols):
            value = values[i, j]
            if np.isnan(value):
                continue
            colour = "white" if abs(value) > threshold else "black"
            ax.text(j, i, texts[i][j], ha="center", va="center", fontsize=fontsize, color=colour)


def _cell_fontsize(ax, rows, cols, chars, largest=11.0, smallest=7.0):
    """The largest font size (pt) at which ``chars`` characters fit one cell of ``ax``."""
    width, height = ax.figure.get_size_inches()
    box = ax.get_position()
    cell_width = 72 * width * box.width / max(cols, 1)  # points
    cell_height = 72 * height * box.height / max(rows, 1)
    fits = min(cell_width / (0.62 * max(chars, 1) + 0.6), cell_height / 1.5)
    return float(np.clip(fits, smallest, largest))
