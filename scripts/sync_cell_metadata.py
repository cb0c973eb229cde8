"""Copy cell metadata, new markdown cells and the jupytext header from py:percent
sources into their executed notebooks, without executing anything.

    python scripts/sync_cell_metadata.py notebooks/04_lstm_and_gru.py [more.py ...]

For slide structure (``slideshow`` metadata), tags and speaker notes, which change no
code: re-executing a chapter for them would cost minutes and change nothing else.
The source is formatted with ruff first (as ``make notebook`` does). Each cell of the
source is matched, in order, with the notebook cell of the same type
and source; the notebook cell keeps its outputs and execution count and takes the
source's metadata. A source cell with no match must be a markdown cell (a new note);
it is inserted. Anything else (changed code, removed cells) is an error: rebuild that
notebook with ``make notebook NB=...`` instead. Afterwards the pair is in sync
(``tests/test_notebooks.py``): the source is written back from the notebook, which may
only reorder the metadata within ``# %%`` lines.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jupytext
import nbformat
from execute_notebook import ruff_format  # scripts/ is on the path when run as a script
from jupytext.config import load_jupytext_config

# Metadata jupytext keeps in the .ipynb only (never written to a py:percent header).
NOTEBOOK_ONLY_KEYS = {"execution", "ExecuteTime", "collapsed", "scrolled"}


def merged_cells(source_cells, notebook_cells, name: str) -> list:
    """The notebook's cells, re-ordered and extended to follow the source's cells."""
    remaining = list(notebook_cells)
    cells = []
    for index, cell in enumerate(source_cells):
        old = remaining[0] if remaining else None
        if old is None or old.cell_type != cell.cell_type or old.source != cell.source:
            if cell.cell_type != "markdown":
                raise SystemExit(
                    f"{name}: source cell {index} ({cell.cell_type}) differs from the notebook: "
                    "code changed, so rebuild it with `make notebook NB=...`"
                )
            cells.append(nbformat.v4.new_markdown_cell(cell.source, metadata=dict(cell.metadata)))
            continue
        remaining.pop(0)
        kept = {k: v for k, v in old.metadata.items() if k in NOTEBOOK_ONLY_KEYS}
        old.metadata = nbformat.from_dict({**dict(cell.metadata), **kept})
        cells.append(old)
    if remaining:
        raise SystemExit(
            f"{name}: {len(remaining)} notebook cell(s) have no match in the source "
            "(removed or edited?): rebuild it with `make notebook NB=...`"
        )
    return cells


def sync(source: Path) -> None:
    source = source.resolve()
    target = source.with_suffix(".ipynb")
    if source.suffix != ".py" or not target.is_file():
        raise SystemExit(f"{source}: expected a py:percent source with an executed .ipynb pair")
    config = load_jupytext_config(str(source))
    ruff_format(source)  # as `make notebook` does: blank lines between cells are ruff's
    text = source.read_text(encoding="utf-8")
    source_notebook = jupytext.reads(text, fmt="py:percent", config=config)
    notebook = nbformat.read(target, as_version=4)
    notebook.cells = merged_cells(source_notebook.cells, notebook.cells, source.name)
    # The source's header: jupytext's settings (e.g. which cell metadata it keeps).
    if "jupytext" in source_notebook.metadata:
        notebook.metadata["jupytext"] = source_notebook.metadata["jupytext"]
    nbformat.write(notebook, target)
    written = jupytext.writes(jupytext.read(target), fmt="py:percent", config=config)
    if written != text:
        if _without_headers(written) != _without_headers(text):
            raise SystemExit(
                f"{source.name}: after copying the metadata the pair still differs; "
                "rebuild it with `make notebook NB=...`"
            )
        # Only the order of metadata in `# %%` lines differs: take jupytext's.
        source.write_text(written, encoding="utf-8")


def _without_headers(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("# %%")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path, help="notebooks/NN_name.py files")
    args = parser.parse_args(argv)
    for source in args.sources:
        sync(source)
        print(f"{source}: metadata copied into {source.with_suffix('.ipynb').name}, in sync")
    return 0


if __name__ == "__main__":
    sys.exit(main())
