"""Bipolar (+1/-1) patterns for Hopfield networks: glyphs, random patterns, noisy copies.

A pattern is a vector of ``N`` units, each +1 ("on", ink) or -1 ("off", paper).
Glyphs are small letters and digits drawn for this course on a 10 x 10 grid and
flattened row by row, so ``N = 100``; ``GLYPH_SHAPE`` turns a state back into a
picture (``state.reshape(GLYPH_SHAPE)``).
"""

from __future__ import annotations

import numpy as np

from ._checks import as_generator, check_float_array, check_fraction, check_positive_int

__all__ = [
    "GLYPH_SHAPE",
    "GLYPHS",
    "COURSE_GLYPHS",
    "check_bipolar",
    "glyph",
    "glyph_patterns",
    "random_patterns",
    "noisy_copy",
]

#: Rows and columns of every glyph.
GLYPH_SHAPE = (10, 10)

# '#' is an "on" unit (+1), '.' an "off" unit (-1). Strokes are two units wide so that
# each glyph is roughly half on, which keeps different glyphs from overlapping too much.
_GLYPH_ART = {
    "A": """
        ....##....
        ...####...
        ..##..##..
        .##....##.
        .##....##.
        .########.
        .########.
        .##....##.
        .##....##.
        .##....##.
    """,
    "C": """
        ..######..
        .########.
        .##....##.
        .##.......
        .##.......
        .##.......
        .##.......
        .##....##.
        .########.
        ..######..
    """,
    "H": """
        ##......##
        ##......##
        ##......##
        ##......##
        ##########
        ##########
        ##......##
        ##......##
        ##......##
        ##......##
    """,
    "J": """
        ..########
        ..########
        .......##.
        .......##.
        .......##.
        .......##.
        ##.....##.
        ##.....##.
        .#######..
        ..#####...
    """,
    "L": """
        ##........
        ##........
        ##........
        ##........
        ##........
        ##........
        ##........
        ##........
        ##########
        ##########
    """,
    "O": """
        ..######..
        .########.
        ##......##
        ##......##
        ##......##
        ##......##
        ##......##
        ##......##
        .########.
        ..######..
    """,
    "T": """
        ##########
        ##########
        ....##....
        ....##....
        ....##....
        ....##....
        ....##....
        ....##....
        ....##....
        ....##....
    """,
    "X": """
        ##......##
        .##....##.
        ..##..##..
        ...####...
        ....##....
        ....##....
        ...####...
        ..##..##..
        .##....##.
        ##......##
    """,
    "Z": """
        ##########
        ##########
        .......##.
        ......##..
        .....##...
        ....##....
        ...##.....
        ..##......
        ##########
        ##########
    """,
    "1": """
        ....##....
        ...###....
        ..####....
        ....##....
        ....##....
        ....##....
        ....##....
        ....##....
        ..######..
        ..######..
    """,
    "7": """
        ##########
        ##########
        .......##.
        ......##..
        .....##...
        ....##....
        ...##.....
        ...##.....
        ...##.....
        ...##.....
    """,
}


def _parse(name: str, art: str) -> np.ndarray:
    rows = [line.strip() for line in art.strip().splitlines()]
    if len(rows) != GLYPH_SHAPE[0] or any(len(row) != GLYPH_SHAPE[1] for row in rows):
        raise AssertionError(f"glyph {name!r} is not {GLYPH_SHAPE[0]} x {GLYPH_SHAPE[1]}")
    return np.array([[1.0 if c == "#" else -1.0 for c in row] for row in rows]).ravel()


#: Every glyph drawn for the course: ``{name: (100,) array of -1/+1}``.
GLYPHS: dict[str, np.ndarray] = {name: _parse(name, art) for name, art in _GLYPH_ART.items()}

#: Five glyphs whose pairwise overlaps are small (|m| <= 0.28): the chapter's memories.
COURSE_GLYPHS = ("A", "H", "L", "T", "X")


def check_bipolar(value, name: str, *, ndim=(1, 2), num_units: int | None = None) -> np.ndarray:
    """Validate an array of -1/+1 values and return it as float64.

    ``ndim``: allowed number(s) of dimensions (``(N,)`` one state, ``(B, N)`` a batch);
    ``num_units``: the required size ``N`` of the last axis.
    """
    array = check_float_array(value, name, ndim=ndim, axes="(N,) or (B, N)", dtype=np.float64)
    if num_units is not None and array.shape[-1] != num_units:
        raise ValueError(
            f"{name}: expected {num_units} units on the last axis, got shape {array.shape}"
        )
    if array.shape[-1] == 0:
        raise ValueError(f"{name}: expected at least one unit, got shape {array.shape}")
    bad = (array != 1.0) & (array != -1.0)
    if np.any(bad):
        example = array[bad].flat[0]
        raise ValueError(
            f"{name}: expected bipolar values (only -1 and +1), "
            f"got {int(bad.sum())} other values, e.g. {example:g}"
        )
    return array


def glyph(name: str) -> np.ndarray:
    """The glyph ``name`` as a flat ``(100,)`` array of -1/+1 (a copy)."""
    if name not in GLYPHS:
        options = ", ".join(repr(key) for key in GLYPHS)
        raise ValueError(f"name: expected one of {options}, got {name!r}")
    return GLYPHS[name].copy()


def glyph_patterns(names=COURSE_GLYPHS) -> np.ndarray:
    """Stack glyphs into a ``(P, 100)`` pattern matrix, one row per name."""
    if isinstance(names, str):
        raise TypeError(f"names: expected a sequence of glyph names, got the string {names!r}")
    names = list(names)
    if not names:
        raise ValueError("names: expected at least one glyph name, got none")
    return np.stack([glyph(name) for name in names])


def random_patterns(num_patterns: int, num_units: int, rng) -> np.ndarray:
    """``(P, N)`` independent patterns, each unit +1 or -1 with probability 1/2."""
    num_patterns = check_positive_int(num_patterns, "num_patterns")
    num_units = check_positive_int(num_units, "num_units")
    rng = as_generator(rng)
    return rng.choice(np.array([-1.0, 1.0]), size=(num_patterns, num_units))


def noisy_copy(patterns, *, flips: int | None = None, fraction: float | None = None, rng):
    """Copy ``patterns`` (``(N,)`` or ``(B, N)``) with exactly ``k`` units flipped in each row.

    Give either ``flips`` (``k`` itself) or ``fraction`` (``k = round(fraction * N)``).
    The flipped units are chosen uniformly without replacement, independently per row,
    so the cue has overlap exactly ``1 - 2k/N`` with its pattern.
    """
    patterns = check_bipolar(patterns, "patterns")
    num_units = patterns.shape[-1]
    if (flips is None) == (fraction is None):
        raise ValueError(
            "flips, fraction: expected exactly one of them, got "
            f"flips={flips!r} and fraction={fraction!r}"
        )
    if fraction is not None:
        flips = int(round(check_fraction(fraction, "fraction", inclusive_high=True) * num_units))
    else:
        flips = check_positive_int(flips, "flips", minimum=0)
        if flips > num_units:
            raise ValueError(f"flips: expected at most N = {num_units} flipped units, got {flips}")
    rng = as_generator(rng)
    rows = patterns.reshape(-1, num_units).copy()
    # The first k units of an independent random permutation of each row.
    chosen = np.argsort(rng.random(rows.shape), axis=1)[:, :flips]
    np.put_along_axis(rows, chosen, -np.take_along_axis(rows, chosen, axis=1), axis=1)
    return rows.reshape(patterns.shape)
