"""Build, execute and re-sync course notebooks from their py:percent sources.

    python scripts/execute_notebook.py notebooks/02_vanilla_rnn.py [more.py ...]

For each source ``notebooks/NN_name.py``:

1. ``ruff format`` the source (so the lint check passes by construction);
2. build ``NN_name.ipynb`` from it with jupytext (outputs start empty);
3. execute it in a fresh ``python3`` kernel with nbclient, working directory
   ``notebooks/``, a per-cell timeout, stopping at the first cell error;
4. rewrite ``NN_name.py`` from the executed notebook with jupytext, using the
   project's ``jupytext.toml``, so the pair is in sync by construction (this is the
   text ``tests/test_notebooks.py`` compares against).

On a cell error the partly executed notebook is saved (to look at in JupyterLab),
the source is left as it was and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from jupytext.config import load_jupytext_config
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def py_percent_text(notebook_path: Path) -> str:
    """The py:percent text of an .ipynb, as jupytext writes it with the project's config."""
    config = load_jupytext_config(str(Path(notebook_path).resolve()))
    notebook = jupytext.read(notebook_path)
    return jupytext.writes(notebook, fmt="py:percent", config=config)


def ruff_format(source: Path) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        print("  (ruff not found: source not formatted)")
        return
    subprocess.run([ruff, "format", "--quiet", str(source)], check=True)


def execute(source: Path, timeout: int) -> float:
    """Build and execute the pair of one source; return the execution time in seconds."""
    source = source.resolve()
    if source.suffix != ".py" or not source.is_file():
        raise SystemExit(f"{source}: expected an existing py:percent notebook source (.py)")
    if source.name.startswith("test_"):
        raise SystemExit(f"{source.name}: notebook names must not start with 'test_' (pytest)")
    target = source.with_suffix(".ipynb")
    config = load_jupytext_config(str(source))

    ruff_format(source)
    notebook = jupytext.read(source, config=config)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
        record_timing=False,
        store_widget_state=False,  # JupyterLab does not restore it by default: only bloat
    )
    start = time.perf_counter()
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as error:
        nbformat.write(notebook, target)
        message = str(error).strip().splitlines()
        print("\n".join(message[-25:]), file=sys.stderr)
        raise SystemExit(
            f"{source.name}: a cell failed; partly executed notebook saved to {target.name}, "
            "source left unchanged"
        ) from None
    seconds = time.perf_counter() - start
    nbformat.write(notebook, target)
    source.write_text(py_percent_text(target), encoding="utf-8")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path, help="notebooks/NN_name.py files")
    parser.add_argument(
        "--timeout", type=int, default=300, help="seconds allowed per cell (default 300)"
    )
    args = parser.parse_args(argv)
    os.environ.pop("MPLBACKEND", None)  # the notebooks choose `%matplotlib inline` themselves
    for source in args.sources:
        print(f"{source}: executing...", flush=True)
        seconds = execute(source, args.timeout)
        print(f"{source}: executed in {seconds:.1f} s, {source.with_suffix('.ipynb').name} in sync")
    return 0


if __name__ == "__main__":
    sys.exit(main())
