"""Course-wide checks on the notebooks' text and exercise cells (no kernel needed).

* Every markdown link to a notebook (``[chapter 7](07_sequence_tagging.ipynb#anchor)``) or
  to a section of the same notebook (``[section 5](#5.-Title)``) points at a notebook that
  exists and at a heading it has (JupyterLab's heading anchors: the heading's text with
  spaces turned into ``-``); a link whose text names a chapter names the one it opens.
* Plain-text "chapter N" names a chapter that exists; plain-text "section N" names a
  numbered section (``## N. ...``) of the same notebook.
* The same for the Korean edition (``notebooks_ko/``), whose links open its own notebooks
  and whose chapters and sections are "N장" and "N절".
* A solution cell (collapsed, ``jupyter.source_hidden``) never rebinds a name that the
  learner's cell before it defines: Run All must not replace the learner's attempt.
* The README quotes the run times that ``make bench`` wrote to ``benchmarks/run_times.json``.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from edition import heading_anchor  # noqa: E402

NOTEBOOK_DIR = ROOT / "notebooks"
KOREAN_DIR = ROOT / "notebooks_ko"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb")) + sorted(KOREAN_DIR.glob("*.ipynb"))
IDS = [p.relative_to(ROOT).with_suffix("").as_posix() for p in NOTEBOOKS]
_spec = importlib.util.spec_from_file_location(
    "benchmark_notebooks", ROOT / "benchmarks" / "notebooks.py"
)
benchmark_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark_notebooks)
README_ROW, readme_seconds = benchmark_notebooks.README_ROW, benchmark_notebooks.readme_seconds
CHAPTER_NUMBERS = {int(p.name[:2]) for p in NOTEBOOKS if p.name[:2].isdigit()}

LINK = re.compile(r"\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
CHAPTER_WORD = re.compile(r"\b[Cc]hapters? (\d+)\b")
SECTION_WORD = re.compile(r"(?<![Cc]hapter \d's )\b[Ss]ection (\d+)\b")
#: The Korean edition's "chapter N" and "section N" (3장, 5절; not "3장 5절"'s 5절 of chapter 3).
KOREAN_CHAPTER_WORD = re.compile(
    r"(?<![\d.])(\d+)\s?장(?![가-힣])|(?<![\d.])(\d+)\s?장(?=[과와은는을를의에이도부])"
)
KOREAN_SECTION_WORD = re.compile(r"(?<!장 )(?<![\d.])(\d+)\s?절")


def _words(path: Path):
    """(chapter pattern, section pattern) of the notebook's language."""
    if path.parent == KOREAN_DIR:
        return KOREAN_CHAPTER_WORD, KOREAN_SECTION_WORD
    return CHAPTER_WORD, SECTION_WORD


def _number(match: re.Match) -> int:
    return int(next(group for group in match.groups() if group))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _markdown(path: Path) -> list[str]:
    return [_source(c) for c in _cells(path) if c["cell_type"] == "markdown"]


def anchors(path: Path) -> set[str]:
    found = set()
    for text in _markdown(path):
        for line in text.splitlines():
            if re.match(r"#{1,6} ", line):
                found.add(heading_anchor(line))
    return found


def numbered_sections(path: Path) -> set[int]:
    return {
        int(match.group(1))
        for text in _markdown(path)
        for match in re.finditer(r"^#{2,3} (\d+)\.", text, flags=re.MULTILINE)
    }


def _prose(text: str) -> str:
    """Markdown without code spans and without the targets of links."""
    text = re.sub(r"`[^`]*`", "", text)
    return LINK.sub(lambda m: m.group(1), text)


def cross_reference_problems(path: Path) -> list[str]:
    problems = []
    chapter_word, section_word = _words(path)
    folder = KOREAN_DIR if path.parent == KOREAN_DIR else NOTEBOOK_DIR
    for text in _markdown(path):
        for label, target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
                continue
            file_part, _, anchor = target.partition("#")
            if file_part and not file_part.endswith(".ipynb"):
                continue  # links to other files (GLOSSARY.md, ...) are not section references
            linked = folder / file_part if file_part else path
            if not linked.exists():
                problems.append(f"[{label}]({target}): no notebook {file_part}")
                continue
            if anchor and anchor not in anchors(linked):
                problems.append(f"[{label}]({target}): {linked.name} has no heading #{anchor}")
            named = chapter_word.search(label)
            if named and file_part and _number(named) != int(linked.name[:2]):
                problems.append(f"[{label}]({target}): the text names another chapter")
        prose = _prose(text)
        for match in chapter_word.finditer(prose):
            if _number(match) not in CHAPTER_NUMBERS:
                problems.append(f"'{match.group(0)}': no such chapter")
        for match in section_word.finditer(prose):
            if _number(match) not in numbered_sections(path):
                problems.append(f"'{match.group(0)}': {path.name} has no section {_number(match)}")
    return problems


#: notebooks in which every mention of another chapter must be a link (checked above);
#: the other chapters are to follow.
LINKED_ONLY = ("00", "01", "02", "03", "04", "05", "06", "07", "08", "09")


@pytest.mark.parametrize("notebook", [p for p in NOTEBOOKS if p.name[:2] in LINKED_ONLY])
def test_mentions_of_other_chapters_are_links(notebook):
    own = int(notebook.name[:2])
    chapter_word, _ = _words(notebook)
    unlinked = [
        match.group(0)
        for text in _markdown(notebook)
        for match in chapter_word.finditer(
            LINK.sub("", re.sub(r"`[^`]*`|^#.*$", "", text, flags=re.MULTILINE))
        )
        if _number(match) != own
    ]
    assert not unlinked, f"{notebook.name}: make these links to the chapter: {unlinked}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_cross_references_point_at_existing_chapters_and_sections(notebook):
    problems = cross_reference_problems(notebook)
    assert not problems, f"{notebook.name}: " + "; ".join(problems)


def test_the_cross_reference_check_catches_wrong_references(tmp_path):
    bad = {  # links resolve against the real notebooks/
        "cells": [
            {"cell_type": "markdown", "source": "## 1. Only section\n"},
            {
                "cell_type": "markdown",
                "source": (
                    "tagging ([chapter 5](07_sequence_tagging.ipynb)), "
                    "[x](02_vanilla_rnn.ipynb#No-such-heading), [y](99_missing.ipynb), "
                    "chapter 12, section 4, [z](#1.-Only-section)"
                ),
            },
        ]
    }
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps(bad), encoding="utf-8")
    problems = " | ".join(cross_reference_problems(path))
    for words in (
        "names another chapter",
        "has no heading #No-such-heading",
        "no notebook 99_missing.ipynb",
        "'chapter 12': no such chapter",
        "has no section 4",
    ):
        assert words in problems
    assert "Only-section" not in problems


# ----- solutions never rebind the learner's names --------------------------------------------
def _bound_names(source: str) -> set[str]:
    """Names a cell binds at its top level (def, class, assignments, imports, for)."""
    code = "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )
    names = set()
    for node in ast.parse(code).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        else:
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For)):
                targets = [node.target]
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names - {"_", "passed"}  # the check's verdict is not the learner's work


def _is_solution(cell: dict) -> bool:
    return cell["cell_type"] == "code" and cell.get("metadata", {}).get("jupyter", {}).get(
        "source_hidden", False
    )


def rebinding_problems(path: Path) -> list[str]:
    problems, learner = [], None
    for cell in _cells(path):
        if cell["cell_type"] != "code" or not _source(cell).strip():
            continue
        if _is_solution(cell):
            if learner is not None:
                clash = _bound_names(_source(cell)) & _bound_names(_source(learner))
                if clash:
                    first = _source(cell).strip().splitlines()[0]
                    problems.append(f"solution cell {first!r} rebinds {sorted(clash)}")
            continue
        learner = cell
    return problems


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_solutions_do_not_rebind_the_learners_names(notebook):
    problems = rebinding_problems(notebook)
    assert not problems, f"{notebook.name}: " + "; ".join(problems)


def test_the_rebinding_check_catches_a_solution_that_overwrites_the_stub(tmp_path):
    stub = "def f(x):\n    raise NotImplementedError  # your code here\n\n\npassed = check(f)\n"
    cells = [
        {"cell_type": "code", "metadata": {}, "source": stub},
        {
            "cell_type": "code",
            "metadata": {"jupyter": {"source_hidden": True}},
            "source": "# Solution\ndef f(x):\n    return x\n\n\nassert check(f)\n",
        },
    ]
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert rebinding_problems(path) == ["solution cell '# Solution' rebinds ['f']"]
    cells[1]["source"] = "def f_solution(x):\n    return x\n\n\nassert check(f_solution)\n"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert rebinding_problems(path) == []


# ----- run times: one source -------------------------------------------------------------------
def test_readme_quotes_the_benchmarked_run_times():
    bench = json.loads((ROOT / "benchmarks" / "run_times.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = {m.group(2): int(m.group(3)) for m in README_ROW.finditer(readme)}
    assert set(quoted) == set(bench["notebooks"]), "README's chapter table lists other notebooks"
    for name, seconds in quoted.items():
        measured = bench["notebooks"][name]["run_s"]
        assert seconds == readme_seconds(measured), (
            f"README says {name} runs in {seconds} s, `make bench` measured {measured} s: "
            "run `make bench` (it rewrites README's run times)"
        )


RUN_TIME_IN_PROSE = re.compile(r"[Rr]un(?:s| time)?:? (?:in )?(?:about |~)\d+ ?s\b")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_prose_does_not_type_run_times(notebook):
    """Run times come from benchmarks/run_times.json (make bench), never typed by hand."""
    typed = [m.group(0) for text in _markdown(notebook) for m in RUN_TIME_IN_PROSE.finditer(text)]
    assert not typed, f"{notebook.name}: quote benchmarks/run_times.json instead of {typed}"


def test_each_korean_chapter_is_measured_within_its_english_twins_budget():
    """`make bench` measures both editions; a Korean chapter has its English twin's budget."""
    bench = json.loads((ROOT / "benchmarks" / "run_times.json").read_text(encoding="utf-8"))
    english, korean = bench["notebooks"], bench.get("notebooks_ko", {})
    for path in sorted(KOREAN_DIR.glob("*.ipynb")):
        assert path.name in korean, f"no run time for notebooks_ko/{path.name}: run `make bench`"
        measured, twin = korean[path.name], english[path.name]
        assert measured["budget_s"] == twin["budget_s"]
        assert measured["run_s"] <= measured["budget_s"], (
            f"notebooks_ko/{path.name} ran in {measured['run_s']} s, over its "
            f"{measured['budget_s']} s budget"
        )
