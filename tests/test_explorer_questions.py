"""Every explorer in the chapters asks a question and answers it (no kernel, no browser).

For every code cell of ``notebooks/*.ipynb`` and ``notebooks_ko/*.ipynb`` that calls an explorer (a function of
``rnnlib.widgets`` whose name ends in ``_explorer``):

* the markdown cell above it (the nearest one; code cells and speaker notes in between
  allowed) asks a question the learner answers with the explorer: a paragraph starting
  ``**Question.**`` (Korean edition: ``**질문.**``) that contains a question mark;
* below it, before the next markdown cell (speaker notes aside), a collapsed code cell
  (``jupyter={"source_hidden": true}``) asserts the answer; its first line, the only one a
  collapsed cell shows, is ``# Answer`` alone, so the answer stays hidden until opened;
* its saved output holds a static picture of the explorer's first state (``image/png``) and
  the instruction to run the cell, shown before the kernel runs and on static pages.
"""

from __future__ import annotations

import base64
import html
import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import rnnlib.widgets
from rnnlib.messages import KOREAN
from rnnlib.widgets import RUN_INSTRUCTION, png_size

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
    (ROOT / "notebooks_ko").glob("*.ipynb")
)
QUESTION = re.compile(r"\*\*(?:Question|질문)\.?\*\*(?:(?!\n\n).)*\?", re.DOTALL)  # one paragraph
CALL = re.compile(r"\b(\w+_explorer)\(")


def _explorer_names() -> set[str]:
    names = set()
    for info in pkgutil.iter_modules(rnnlib.widgets.__path__):
        module = importlib.import_module(f"rnnlib.widgets.{info.name}")
        names |= {n for n in getattr(module, "__all__", ()) if n.endswith("_explorer")}
    return names


EXPLORERS = _explorer_names()


def _source(cell) -> str:
    return "".join(cell["source"])


def _speaker_notes(cell) -> bool:
    """A lecture's speaker notes (slide type "notes"): for the lecturer, not the learner."""
    return cell["metadata"].get("slideshow", {}).get("slide_type") == "notes"


def _calls_explorer(cell) -> bool:
    if cell["cell_type"] != "code":
        return False
    code = "\n".join(
        line for line in _source(cell).splitlines() if not line.lstrip().startswith("#")
    )
    return any(name in EXPLORERS for name in CALL.findall(code))


def _explorer_cells():
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            if _calls_explorer(cell):
                yield pytest.param(
                    path, cells, index, id=f"{path.parent.name}/{path.stem}-cell{index}"
                )


def test_the_explorers_are_found():
    assert EXPLORERS >= {"hidden_state_explorer", "gate_explorer", "trellis_explorer"}
    assert len(list(_explorer_cells())) >= 13


@pytest.mark.parametrize(("path", "cells", "index"), list(_explorer_cells()))
def test_every_explorer_asks_a_question_and_answers_it(path, cells, index):
    where = f"{path.name}, cell {index} ({_source(cells[index]).strip()[:60]!r})"
    above = index - 1
    while above >= 0 and (cells[above]["cell_type"] == "code" or _speaker_notes(cells[above])):
        above -= 1
    assert above >= 0 and QUESTION.search(_source(cells[above])), (
        f"{where}: the markdown cell above the explorer asks no question "
        "(a paragraph '**Question.** ...?' the learner answers by using the explorer)"
    )
    answers = []
    below = index + 1
    while below < len(cells) and (
        cells[below]["cell_type"] == "code" or _speaker_notes(cells[below])
    ):
        cell = cells[below]
        hidden = cell["metadata"].get("jupyter", {}).get("source_hidden", False)
        source = _source(cell)
        first_line = source.splitlines()[0].strip() if source.strip() else ""
        if hidden and first_line == "# Answer" and re.search(r"^\s*assert\b", source, re.M):
            answers.append(below)
        below += 1
    assert answers, (
        f"{where}: no answer below the explorer (a collapsed code cell, "
        "jupyter={'source_hidden': true}, whose first line is '# Answer' and that asserts it)"
    )


@pytest.mark.parametrize(("path", "cells", "index"), list(_explorer_cells()))
def test_every_saved_explorer_output_has_a_static_first_state_picture(path, cells, index):
    where = f"{path.name}, cell {index}"
    bundles = [
        output["data"]
        for output in cells[index].get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    assert bundles, f"{where}: no explorer in the saved output (run `make notebook`)"
    for data in bundles:
        assert "image/png" in data, f"{where}: no static picture in the saved output"
        width, height = png_size(base64.b64decode(data["image/png"]))
        assert width > 100 and height > 100, f"{where}: picture of {width}x{height} px"
        page = "".join(data.get("text/html", ""))
        instruction = (
            KOREAN[RUN_INSTRUCTION] if path.parent.name == "notebooks_ko" else RUN_INSTRUCTION
        )
        assert html.escape(instruction) in page and "data:image/png;base64," in page, (
            f"{where}: the HTML fallback lacks the picture or the instruction to run the cell "
            "(in the edition's language)"
        )
        assert instruction in "".join(data["text/plain"])
