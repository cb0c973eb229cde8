"""Notebook run times and widget redraw times (a benchmark, not a timed test).

    python benchmarks/notebooks.py                 # every notebook of both editions
    python benchmarks/notebooks.py 00 03_bptt      # a subset (file names or prefixes)
    python benchmarks/notebooks.py notebooks_ko/05 # one edition's chapter

Each notebook runs top to bottom in a fresh kernel from its folder (nbclient); the
wall time of its cells (kernel start excluded) is compared with its budget
(chapters 00-02: 60 s, 03: 90 s, 04-08: 120 s). Then, in the same kernel,
``rnnlib.widgets.benchmark_explorers()`` moves every control of every explorer and
reports the median and worst redraw (budget 0.3 s). The tables are printed as Markdown
and written to ``benchmarks/results/notebooks.md``. On a shared or loaded machine the
times can be several times higher than on an idle laptop.

The run times also go into ``benchmarks/run_times.json`` (committed; a subset run updates
only its notebooks), with the time and load average of each measurement: the one source
of the run times (English chapters under ``notebooks``, the Korean edition's under
``notebooks_ko``: each has its English twin's budget). The start page shows that file; the "Run all" column of README.md's
chapter table is rewritten from it (``tests/test_notebook_text.py`` checks both agree).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
EDITION_DIRS = (NOTEBOOK_DIR, ROOT / "notebooks_ko")
RESULTS = ROOT / "benchmarks" / "results" / "notebooks.md"
RUN_TIMES = ROOT / "benchmarks" / "run_times.json"
README = ROOT / "README.md"
#: a row of README.md's chapter table: ...](notebooks/NN_name.ipynb) | what | N s | ...
README_ROW = re.compile(r"(\]\(notebooks/(\d\d_\w+\.ipynb)\) \|[^|]*\| )(\d+)( s \|)")


def readme_seconds(run_s: float) -> int:
    """How README.md quotes a run time: whole seconds, at least 1."""
    return max(1, round(run_s))


REDRAW_BUDGET_S = 0.3
MARKER = "RNNLIB-EXPLORER-BENCHMARK:"
BENCHMARK_CODE = f"""
import json as _json
import rnnlib.widgets as _widgets
print({MARKER!r} + _json.dumps(_widgets.benchmark_explorers()))
"""


def budget_seconds(notebook: Path) -> int:
    """Run-time budget of a notebook from its number: 00-02 60 s, 03 90 s, 04 and later 120 s."""
    number = int(notebook.name[:2]) if notebook.name[:2].isdigit() else 0
    return 60 if number <= 2 else 90 if number == 3 else 120


def select(names: list[str]) -> list[Path]:
    notebooks = [nb for folder in EDITION_DIRS for nb in sorted(folder.glob("*.ipynb"))]
    if not names:
        return notebooks
    chosen = []
    for name in names:
        stem, folder = Path(name).stem, Path(name).parent.name
        matches = [
            nb
            for nb in notebooks
            if nb.stem.startswith(stem) and (not folder or nb.parent.name == folder)
        ]
        if not matches:
            raise SystemExit(f"{name}: no notebook of the course starts with {stem!r}")
        chosen += [m for m in matches if m not in chosen]
    return chosen


def run(notebook: Path, timeout: int) -> dict:
    """Execute one notebook, then time its explorers; return a result row."""
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
        record_timing=False,
    )
    row = {
        "notebook": notebook.relative_to(ROOT).as_posix(),
        "budget_s": budget_seconds(notebook),
        "explorers": [],
    }
    with client.setup_kernel():
        start = time.perf_counter()
        try:
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
        except CellExecutionError as error:
            row["error"] = str(error).strip().splitlines()[-1][:200]
            return row
        row["run_s"] = time.perf_counter() - start
        row["load_average"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        row["measured"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        probe = nbformat.v4.new_code_cell(BENCHMARK_CODE)
        nb.cells.append(probe)
        start = time.perf_counter()
        client.execute_cell(probe, len(nb.cells) - 1)
        row["explorer_bench_s"] = time.perf_counter() - start
    for output in probe.outputs:
        for line in output.get("text", "").splitlines():
            if line.startswith(MARKER):
                row["explorers"] = json.loads(line[len(MARKER) :])
    return row


def markdown(rows: list[dict]) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Notebook benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPU(s), load average {load:.1f} "
        "at the end (a loaded machine runs slower).",
        "",
        "| Notebook | Run all (s) | Budget (s) | Status | Explorers | Worst median redraw (s) "
        "| Worst redraw (s) |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for row in rows:
        if "error" in row:
            lines.append(
                f"| {row['notebook']} | - | {row['budget_s']} | FAILED: {row['error']} |||"
            )
            continue
        status = "ok" if row["run_s"] <= row["budget_s"] else "OVER BUDGET"
        explorers = row["explorers"]
        medians = max((e["median_s"] for e in explorers), default=float("nan"))
        worst = max((e["max_s"] for e in explorers), default=float("nan"))
        lines.append(
            f"| {row['notebook']} | {row['run_s']:.1f} | {row['budget_s']} | {status} "
            f"| {len(explorers)} | {medians:.3f} | {worst:.3f} |"
        )
    lines += [
        "",
        f"## Explorer redraws (budget {REDRAW_BUDGET_S} s)",
        "",
        "| Notebook | Explorer | Redraws | Median (s) | Max (s) | Status |",
        "|---|---|---:|---:|---:|---|",
    ]
    for row in rows:
        for explorer in row.get("explorers", []):
            status = "ok" if explorer["median_s"] <= REDRAW_BUDGET_S else "SLOW"
            lines.append(
                f"| {row['notebook']} | {explorer['explorer'] or '(untitled)'} "
                f"| {explorer['redraws']} | {explorer['median_s']:.3f} "
                f"| {explorer['max_s']:.3f} | {status} |"
            )
    return "\n".join(lines) + "\n"


def write_run_times(rows: list[dict]) -> None:
    """Merge the measured run times into ``benchmarks/run_times.json``."""
    data = json.loads(RUN_TIMES.read_text(encoding="utf-8")) if RUN_TIMES.exists() else {}
    editions = {folder.name: data.get(folder.name, {}) for folder in EDITION_DIRS}
    for row in rows:
        if "run_s" in row:
            folder, name = row["notebook"].split("/")
            editions[folder][name] = {
                "run_s": round(row["run_s"], 1),
                "budget_s": row["budget_s"],
                "measured": row["measured"],
                "load_average": row["load_average"] and round(row["load_average"], 1),
            }
    data = {
        "machine": f"{os.cpu_count()} CPU(s), Python {platform.python_version()}, "
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}",
        **{folder: dict(sorted(times.items())) for folder, times in editions.items() if times},
    }
    notebooks = editions[NOTEBOOK_DIR.name]
    RUN_TIMES.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    readme = README_ROW.sub(
        lambda m: (
            m.group(1)
            + str(
                readme_seconds(notebooks[m.group(2)]["run_s"])
                if m.group(2) in notebooks
                else m.group(3)
            )
            + m.group(4)
        ),
        readme,
    )
    README.write_text(readme, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebook file names or prefixes")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    os.environ.pop("MPLBACKEND", None)
    rows = []
    for notebook in select(args.notebooks):
        print(f"{notebook.name}: running...", file=sys.stderr, flush=True)
        rows.append(run(notebook, args.timeout))
    text = markdown(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    write_run_times(rows)
    print(text)
    print(f"(written to {RESULTS.relative_to(ROOT)})", file=sys.stderr)
    return 1 if any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
