"""The course's figure styles: the default one, the lecture one (``make lecture``), and
the environment variable that picks between them."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pytest

from rnnlib.viz import (
    COURSE_STYLE,
    LECTURE_STYLE,
    STYLE_ENVIRONMENT_VARIABLE,
    new_axes,
    use_course_style,
)


@pytest.fixture(autouse=True)
def _restore_rcparams():
    with matplotlib.rc_context():
        yield


def _current(keys):
    return {key: plt.rcParams[key] for key in keys}


def test_lecture_style_is_larger_and_keeps_the_figure_size():
    assert LECTURE_STYLE["font.size"] > COURSE_STYLE["font.size"]
    assert LECTURE_STYLE["axes.titlesize"] > COURSE_STYLE["axes.titlesize"]
    assert LECTURE_STYLE["lines.linewidth"] > matplotlib.rcParamsDefault["lines.linewidth"]
    assert LECTURE_STYLE["figure.figsize"] == COURSE_STYLE["figure.figsize"]


def test_environment_variable_selects_the_style(monkeypatch):
    monkeypatch.setenv(STYLE_ENVIRONMENT_VARIABLE, "lecture")
    use_course_style()
    assert plt.rcParams["font.size"] == LECTURE_STYLE["font.size"]
    assert plt.rcParams["lines.linewidth"] == LECTURE_STYLE["lines.linewidth"]
    monkeypatch.delenv(STYLE_ENVIRONMENT_VARIABLE)
    use_course_style()
    assert plt.rcParams["font.size"] == COURSE_STYLE["font.size"]


def test_default_after_lecture_equals_default_from_a_fresh_start():
    use_course_style("default")
    fresh = _current(LECTURE_STYLE)
    use_course_style("lecture")
    assert _current(LECTURE_STYLE) != fresh
    use_course_style("default")
    assert _current(LECTURE_STYLE) == fresh


def test_lecture_style_draws_larger_text():
    sizes = {}
    for name in ("default", "lecture"):
        use_course_style(name)
        fig, ax = new_axes()
        ax.set_title("gradient norm")
        fig.canvas.draw()
        sizes[name] = ax.title.get_window_extent().height
        plt.close(fig)
    assert sizes["lecture"] > 1.2 * sizes["default"]


def test_unknown_style_names_are_rejected(monkeypatch):
    with pytest.raises(ValueError, match="name: expected one of 'default', 'lecture', got 'big'"):
        use_course_style("big")
    monkeypatch.setenv(STYLE_ENVIRONMENT_VARIABLE, "projector")
    with pytest.raises(ValueError, match=f"{STYLE_ENVIRONMENT_VARIABLE}: expected one of"):
        use_course_style()
