"""Lint of the lecture slides (no browser): the ``slideshow`` metadata of every chapter.

For every ``notebooks/NN_name.ipynb`` (a new chapter is picked up by its name):

* ``slide_type`` is one of slide, subslide, fragment, skip, notes, or absent (continue
  the current slide). jupyterlab-slideshow hides cells marked ``"-"``, so that is an error;
* the first cell is the title slide: a markdown ``# Heading`` of type ``slide``;
* the chapter has speaker notes: markdown ``notes`` cells;
* every explorer (a cell whose saved output is an ``rnnlib.widgets.Explorer``) is on a
  visible slide: neither skipped nor a note;
* solutions (code cells starting ``# Solution``) are skipped in the lecture;
* the lecture has a plausible number of slides for 45-75 minutes (a short start page too).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes"}
HIDDEN = {"skip", "notes"}
MIN_SLIDES, MAX_SLIDES = 8, 40  # slides + subslides: about 2 minutes each


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _slide_type(cell: dict):
    return cell["metadata"].get("slideshow", {}).get("slide_type")


def _is_explorer(cell: dict) -> bool:
    """A cell whose output is an Explorer (its text stand-in names it)."""
    return any(
        "application/vnd.jupyter.widget-view+json" in output.get("data", {})
        and "".join(output["data"].get("text/plain", "")).startswith("<rnnlib explorer")
        for output in cell.get("outputs", [])
    )


def _ids(paths):
    return [p.stem for p in paths]


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_slide_types_are_allowed(notebook):
    bad = [
        (index, _slide_type(cell))
        for index, cell in enumerate(_cells(notebook))
        if "slideshow" in cell["metadata"] and _slide_type(cell) not in SLIDE_TYPES
    ]
    assert not bad, (
        f"{notebook.name}: cells (index, slide_type) {bad}: use one of {sorted(SLIDE_TYPES)}, "
        "or no slideshow metadata to continue the slide (jupyterlab-slideshow hides '-')"
    )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_first_cell_is_the_title_slide(notebook):
    first = _cells(notebook)[0]
    assert first["cell_type"] == "markdown" and re.match(r"# \S", _source(first)), (
        f"{notebook.name}: the first cell must be the markdown title (# ...)"
    )
    assert _slide_type(first) == "slide", (
        f'{notebook.name}: mark the title cell `slideshow={{"slide_type": "slide"}}`'
    )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_chapter_has_speaker_notes(notebook):
    notes = [c for c in _cells(notebook) if _slide_type(c) == "notes"]
    assert notes, f"{notebook.name}: no speaker notes (markdown cells of slide_type 'notes')"
    code_notes = [
        i
        for i, c in enumerate(_cells(notebook))
        if _slide_type(c) == "notes" and c["cell_type"] != "markdown"
    ]
    assert not code_notes, f"{notebook.name}: notes cells must be markdown: cells {code_notes}"
    assert all(_source(c).strip() for c in notes), f"{notebook.name}: an empty notes cell"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_every_explorer_is_on_a_visible_slide(notebook):
    cells = _cells(notebook)
    explorers = [i for i, cell in enumerate(cells) if _is_explorer(cell)]
    hidden = [i for i in explorers if _slide_type(cells[i]) in HIDDEN]
    assert not hidden, f"{notebook.name}: explorer cells {hidden} are hidden in the lecture"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_solutions_are_skipped(notebook):
    shown = [
        index
        for index, cell in enumerate(_cells(notebook))
        if cell["cell_type"] == "code"
        and _source(cell).lstrip().startswith("# Solution")
        and _slide_type(cell) != "skip"
    ]
    assert not shown, f"{notebook.name}: solution cells {shown} must be `skip`ped in the lecture"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_lecture_length_is_plausible(notebook):
    types = [_slide_type(cell) for cell in _cells(notebook)]
    slides = types.count("slide") + types.count("subslide")
    assert MIN_SLIDES <= slides <= MAX_SLIDES, (
        f"{notebook.name}: {slides} slides; a 45-75 minute lecture has about "
        f"{MIN_SLIDES}-{MAX_SLIDES} (skip detail, or split ideas)"
    )
