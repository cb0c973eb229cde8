"""Build the course book: a static HTML site from the committed, executed notebooks.

    python scripts/build_book.py [--out build/book]

Nothing is executed and nothing is downloaded. The steps:

1. stage a Sphinx source tree in ``build/book-src``: ``book/conf.py`` and
   ``book/_static``, MathJax 3 (from the installed ``django-static-mathjax`` wheel) under
   ``_static/mathjax``, and for every edition in :data:`EDITIONS` whose folder exists,
   a copy of each chapter notebook ``NN_name.ipynb`` with a "Run this chapter" note
   after its title cell and without the lecturer's speaker notes (``notes`` cells);
2. write ``index.md``: how to run the course, then one table of contents per edition;
3. ``sphinx-build -b html`` (myst-nb reads the notebooks with execution off).

A new edition (the Korean one) is one more line in :data:`EDITIONS`: a folder of
``NN_name.ipynb`` notebooks, built as the pages ``<slug>/NN_name.html``.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BOOK_CONFIG = ROOT / "book"
STAGE = ROOT / "build" / "book-src"
DEFAULT_OUT = ROOT / "build" / "book"
TITLE = "Recurrent neural networks, from Hopfield to LSTM"
# The MathJax files the pages use: the TeX-to-HTML bundle and what it loads on demand.
MATHJAX_PARTS = ("tex-chtml.js", "input", "output", "a11y", "ui", "sre", "adaptors")


@dataclass(frozen=True)
class Edition:
    slug: str  # the folder of its pages in the book
    title: str  # the caption of its table of contents
    folder: Path  # where its NN_name.ipynb notebooks live in the repository

    def chapters(self) -> list[Path]:
        return sorted(self.folder.glob("[0-9][0-9]_*.ipynb"))


EDITIONS = (
    Edition("en", "English edition", ROOT / "notebooks"),
    Edition("ko", "한국어판 (Korean edition)", ROOT / "notebooks_ko"),
)


def available_editions() -> list[Edition]:
    """The editions that have at least one chapter notebook."""
    return [edition for edition in EDITIONS if edition.chapters()]


def mathjax_folder() -> Path:
    """The MathJax 3 ``es5`` folder inside the installed django-static-mathjax wheel."""
    spec = importlib.util.find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("MathJax files not found: install the course tools (`make setup`)")
    folder = Path(spec.submodule_search_locations[0]) / "static" / "mathjax" / "es5"
    if not (folder / "tex-chtml.js").is_file():
        raise SystemExit(f"{folder}: no tex-chtml.js (django-static-mathjax changed layout?)")
    return folder


def run_note(notebook: Path) -> str:
    """The "Run this chapter" note of a chapter page (MyST markdown)."""
    relative = notebook.relative_to(ROOT).as_posix()
    return (
        "```{admonition} Run this chapter\n"
        ":class: tip run-this-chapter\n"
        "This page is the chapter as its notebook was last executed; the explorers here are "
        "pictures. To move the sliders and retrain the models, run it live: "
        f"`make lab` and open `{relative}`, or present it as slides with "
        f"`make lecture NB={relative}`. "
        "How to set up and test: [the two commands](../index.md#run-the-course).\n"
        "```"
    )


def stage_notebook(source: Path, target: Path) -> None:
    """Copy a chapter without its speaker notes, with the "Run this chapter" note."""
    notebook = nbformat.read(source, as_version=4)
    notebook.cells = [
        cell
        for cell in notebook.cells
        if cell.metadata.get("slideshow", {}).get("slide_type") != "notes"
    ]
    note = nbformat.v4.new_markdown_cell(run_note(source))
    note.metadata["tags"] = ["run-this-chapter"]
    notebook.cells.insert(1, note)
    nbformat.write(notebook, target)


def index_text(editions: list[Edition]) -> str:
    lines = [
        f"# {TITLE}",
        "",
        "An interactive course on recurrent neural networks (순환 신경망): Jupyter notebooks "
        "on top of `rnnlib`, a small numpy library with hand-written backpropagation. "
        "These pages are the executed notebooks, for reading and printing; the sliders "
        "and training runs live in JupyterLab.",
        "",
        "(run-the-course)=",
        "## Run the course",
        "",
        "On a machine with Python ≥ 3.10 and `make`, in a clone of the repository:",
        "",
        "```bash",
        "make lab     # creates .venv, installs everything, opens JupyterLab on the start page",
        "make test    # the same set-up, then every test: lint, unit, notebooks, browser",
        "```",
        "",
        "In class: `make lecture NB=notebooks/04_lstm_and_gru.ipynb` opens a chapter as live "
        "slides. `make handouts` prints one PDF per chapter from these pages.",
        "",
    ]
    for edition in editions:
        lines += ["```{toctree}", f":caption: {edition.title}", ":maxdepth: 1", ""]
        lines += [f"{edition.slug}/{path.stem}" for path in edition.chapters()]
        lines += ["```", ""]
    return "\n".join(lines)


def stage(editions: list[Edition]) -> None:
    if STAGE.exists():
        shutil.rmtree(STAGE)
    shutil.copytree(BOOK_CONFIG, STAGE, ignore=shutil.ignore_patterns("__pycache__"))
    mathjax = mathjax_folder()
    for part in MATHJAX_PARTS:
        source, target = mathjax / part, STAGE / "_static" / "mathjax" / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for edition in editions:
        folder = STAGE / edition.slug
        folder.mkdir()
        for notebook in edition.chapters():
            stage_notebook(notebook, folder / notebook.name)
    (STAGE / "index.md").write_text(index_text(editions), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    editions = available_editions()
    if not editions:
        raise SystemExit("no chapter notebooks found: nothing to build")
    start = time.perf_counter()
    stage(editions)
    if args.out.exists():
        shutil.rmtree(args.out)
    # -j: the pages are read and written on every core (myst-nb is parallel-safe)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "--keep-going", "-j", "auto"]
    command += ["-d", str(STAGE.parent / "book-doctrees"), str(STAGE), str(args.out)]
    subprocess.run(command, check=True)
    chapters = sum(len(edition.chapters()) for edition in editions)
    names = ", ".join(edition.slug for edition in editions)
    print(
        f"book: {chapters} chapters ({names}) in {time.perf_counter() - start:.0f} s: "
        f"open {args.out / 'index.html'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
