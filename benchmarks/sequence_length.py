"""Chapter 4's cost of longer sequences: seconds per training step against the length.

    python benchmarks/sequence_length.py [--repeats 5]

Times one training step (forward, backward, clipping, Adam) of the three models of
chapter 4's showdown (vanilla RNN, LSTM, GRU; 16 units, batch 32, adding problem) at
lengths 25, 50, 100 and 200 with ``rnnlib.experiments.ch04.step_seconds`` (best of
``--repeats``, the repeats cycling through every model and length so that a burst of
load slows one repeat of each). Prints a Markdown table and writes it to
``benchmarks/results/sequence_length.md`` with the plot ``sequence_length.png``.
Chapter 4 (section 5.1) states what this measures; the numbers depend on the machine.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from rnnlib.cells import CELL_TYPES  # noqa: E402
from rnnlib.experiments import ch04 as experiments  # noqa: E402
from rnnlib.viz.gates import plot_step_seconds  # noqa: E402

LENGTHS = (25, 50, 100, 200)
LABELS = {"rnn": "vanilla RNN", "lstm": "LSTM", "gru": "GRU"}
RESULTS = Path(__file__).resolve().parent / "results"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="best of this many")
    args = parser.parse_args(argv)
    cost = experiments.step_seconds(lengths=LENGTHS, repeats=args.repeats, rng=0)
    steps = experiments.SETTINGS["steps"]
    lines = [
        "# Seconds per training step against the sequence length (chapter 4, section 5.1)",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}; best of "
        f"{args.repeats}.",
        "",
        "| Model | "
        + " | ".join(f"T = {n} (ms)" for n in LENGTHS)
        + f" | {steps} steps at T = 200 (s) |",
        "|---|" + "---:|" * (len(LENGTHS) + 1),
    ]
    for cell in CELL_TYPES:
        row = " | ".join(f"{1e3 * s:.1f}" for s in cost[cell])
        lines.append(f"| {LABELS[cell]} | {row} | {steps * cost[cell][-1]:.1f} |")
    table = "\n".join(lines) + "\n"
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sequence_length.md").write_text(table)
    ax = plot_step_seconds(cost)
    ax.figure.savefig(RESULTS / "sequence_length.png", dpi=100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
