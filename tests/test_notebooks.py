"""Checks on the committed notebooks (no kernel needed: nbval executes them separately).

For every ``notebooks/*.ipynb`` and Korean ``notebooks_ko/*.ipynb``:

* it was executed top to bottom by a fresh kernel (execution counts 1, 2, 3, ... on
  every non-empty code cell) and has no error output;
* its py:percent pair ``notebooks/NN_name.py`` is exactly what jupytext writes from it
  with the project's ``jupytext.toml`` (``make notebook`` guarantees this);
* it names the ``python3`` kernel (otherwise JupyterLab asks which kernel to start);
* its first code cell has ``%matplotlib inline`` (``MPLBACKEND=Agg`` would hide figures);
* its name does not start with ``test_`` (pytest would import the paired ``.py``);
* chapters 01-09 end with a ``## Glossary`` section whose table is
  ``| English | 한국어 | Meaning |`` (Korean edition: ``## 용어집``, ``| 한국어 | English | 뜻 |``
  with the same English terms), and GLOSSARY.md is what ``scripts/build_glossary.py``
  generates from them.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import jupytext
import pytest
from jupytext.config import load_jupytext_config

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
EDITION_DIRS = (NOTEBOOK_DIR, ROOT / "notebooks_ko")
NOTEBOOKS = [path for folder in EDITION_DIRS for path in sorted(folder.glob("*.ipynb"))]
CHAPTERS = [p for p in NOTEBOOKS if re.match(r"(0[1-9]|[1-9][0-9])_", p.name)]


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build_glossary = _load_script("build_glossary")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _code_cells(path: Path) -> list[dict]:
    return [c for c in _cells(path) if c["cell_type"] == "code" and _source(c).strip()]


def _ids(paths):
    return [p.relative_to(ROOT).with_suffix("").as_posix() for p in paths]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_executed_top_to_bottom_without_errors(notebook):
    counts = [cell.get("execution_count") for cell in _code_cells(notebook)]
    assert counts, f"{notebook.name} has no code cells"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{notebook.name}: execution counts {counts} are not 1..{len(counts)}: "
        f"execute it in a fresh kernel with `make notebook NB=notebooks/{notebook.stem}.py`"
    )
    errors = [
        f"cell {index}: {output.get('ename')}: {output.get('evalue')}"
        for index, cell in enumerate(_code_cells(notebook), start=1)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors, f"{notebook.name} has error outputs: {errors}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_py_percent_pair_is_in_sync(notebook):
    source = notebook.with_suffix(".py")
    assert source.exists(), f"{notebook.name} has no py:percent source {source.name}"
    config = load_jupytext_config(str(notebook))
    expected = jupytext.writes(jupytext.read(notebook), fmt="py:percent", config=config)
    assert source.read_text(encoding="utf-8") == expected, (
        f"{source.name} and {notebook.name} differ: rebuild with `make notebook NB={source.relative_to(ROOT)}`"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_names_the_python3_kernel(notebook):
    metadata = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]
    assert metadata.get("kernelspec", {}).get("name") == "python3", (
        f"{notebook.name}: no python3 kernelspec, JupyterLab would ask for a kernel: "
        "build it with `make notebook`"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_first_code_cell_selects_inline_plots(notebook):
    cells = _code_cells(notebook)
    assert cells and "%matplotlib inline" in _source(cells[0]), (
        f"{notebook.name}: the first code cell must contain `%matplotlib inline`"
    )


@pytest.mark.parametrize("folder", EDITION_DIRS, ids=lambda p: p.name)
def test_notebook_files_are_paired_and_not_named_like_tests(folder):
    sources = {p.stem for p in folder.glob("*.py")}
    notebooks = {p.stem for p in folder.glob("*.ipynb")}
    assert not sources ^ notebooks, f"unpaired notebook files: {sorted(sources ^ notebooks)}"
    bad = sorted(name for name in sources | notebooks if name.startswith("test_"))
    assert not bad, f"notebooks must not be named test_* (pytest would import them): {bad}"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=_ids(CHAPTERS))
def test_chapter_has_a_glossary_table(notebook):
    assert build_glossary.glossary_lines(notebook) is not None, (
        f"{notebook.name}: add a `## Glossary (용어집)` section with a "
        "`| English | 한국어 | Meaning |` table"
    )
    assert build_glossary.glossary_table(notebook), f"{notebook.name}: the glossary is empty"


KOREAN_CHAPTERS = [p for p in CHAPTERS if p.parent != NOTEBOOK_DIR]


@pytest.mark.parametrize("notebook", KOREAN_CHAPTERS, ids=_ids(KOREAN_CHAPTERS))
def test_korean_glossary_has_the_english_terms(notebook):
    english = {row[0] for row in build_glossary.glossary_table(NOTEBOOK_DIR / notebook.name)}
    korean = {row[0] for row in build_glossary.glossary_table(notebook)}
    assert korean == english, (
        f"{notebook.name}: the Korean glossary's English column differs from the English "
        f"chapter's: missing {sorted(english - korean)}, extra {sorted(korean - english)}"
    )


def test_glossary_md_is_generated_from_the_notebooks():
    path = ROOT / "GLOSSARY.md"
    assert path.exists(), "GLOSSARY.md is missing: run `make glossary`"
    assert path.read_text(encoding="utf-8") == build_glossary.render(), (
        "GLOSSARY.md is out of date: run `make glossary`"
    )
