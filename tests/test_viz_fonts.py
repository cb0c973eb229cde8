"""Hangul and minus signs draw without a missing-glyph warning in the course style."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from rnnlib.viz import HANGUL_FONT, use_course_style  # noqa: E402


def test_hangul_and_minus_draw_without_missing_glyphs():
    use_course_style()
    fig, ax = plt.subplots()
    ax.plot([-2, -1, 0], [-0.5, 0.0, 0.5], label="은닉 상태 h_t")
    ax.set_title("사과를 받고 싶다 — 순환 신경망")
    ax.set_xlabel("시간 단계 t")
    ax.legend()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" becomes an error
        fig.canvas.draw()
    plt.close(fig)


def test_the_hangul_font_is_a_fallback_behind_dejavu():
    use_course_style()
    family = matplotlib.rcParams["font.family"]
    assert family[0] == "DejaVu Sans" and HANGUL_FONT in family
    assert matplotlib.rcParams["axes.unicode_minus"] is False
