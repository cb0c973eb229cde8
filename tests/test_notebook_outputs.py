"""The browser test's comparison of guarded outputs (tests/browser/notebook_outputs.py),
which stands in for nbval on the one run of each notebook: it must catch what nbval would."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from notebook_outputs import TAG, output_problems  # noqa: E402


def _notebook(path: Path, printed: list[str], untagged: str = "free text\n") -> Path:
    cells = [
        {
            "cell_type": "code",
            "metadata": {"tags": [TAG]},
            "source": f"print(x{index})",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": text}],
        }
        for index, text in enumerate(printed)
    ]
    cells.append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": "print(t)",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": untagged}],
        }
    )
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    return path


def test_equal_outputs_and_untagged_cells_pass(tmp_path):
    committed = _notebook(tmp_path / "a.ipynb", ["loss 0.25\n", "at 0x7f3a2b4c5d60\n"])
    executed = _notebook(
        tmp_path / "b.ipynb", ["loss 0.25\n", "at 0x7f0000000000\n"], untagged="other\n"
    )
    assert output_problems(committed, executed) == []


def test_a_changed_guarded_number_is_named(tmp_path):
    committed = _notebook(tmp_path / "a.ipynb", ["loss 0.25\n", "accuracy 0.91\n"])
    executed = _notebook(tmp_path / "b.ipynb", ["loss 0.25\n", "accuracy 0.90\n"])
    (problem,) = output_problems(committed, executed)
    assert problem.startswith("cell 'print(x1)'") and "0.91" in problem and "0.90" in problem


def test_a_missing_output_is_named(tmp_path):
    committed = _notebook(tmp_path / "a.ipynb", ["loss 0.25\n"])
    executed = _notebook(tmp_path / "b.ipynb", [""])
    assert len(output_problems(committed, executed)) == 1
