"""Compare the guarded outputs of a notebook run in the browser with the committed ones.

Code cells tagged ``nbval-check-output`` print deterministic text worth guarding (see
CONTRIBUTING). The browser test executes every notebook once, in JupyterLab; this module
does on that run what nbval's lax mode does on a run of its own: for every tagged cell,
the text it printed (per stream) and the ``text/plain`` of its results must equal the
committed outputs after the substitutions of ``notebooks/nbval_sanitize.cfg`` (memory
addresses, progress bars). Pictures, HTML and widget views are not compared (as in nbval,
a PNG differs with the machine's fonts and libraries).
"""

from __future__ import annotations

import configparser
import json
import re
from pathlib import Path

TAG = "nbval-check-output"
ROOT = Path(__file__).resolve().parents[2]
SANITIZE = ROOT / "notebooks" / "nbval_sanitize.cfg"


def sanitizers(path: Path = SANITIZE) -> list[tuple[re.Pattern, str]]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return [
        (re.compile(parser[section]["regex"]), parser[section]["replace"])
        for section in parser.sections()
    ]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def guarded_text(cell: dict, rules) -> dict[str, str]:
    """What a tagged cell showed as text: ``stream:stdout``, ``stream:stderr`` and the
    ``text/plain`` of its results, each sanitized."""
    shown: dict[str, str] = {}
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream":
            key, text = f"stream:{output.get('name')}", _text(output.get("text", ""))
        elif kind in {"execute_result", "display_data"} and "text/plain" in output.get("data", {}):
            key, text = kind, _text(output["data"]["text/plain"]) + "\n"
        elif kind == "error":
            key, text = "error", f"{output.get('ename')}: {output.get('evalue')}\n"
        else:
            continue
        shown[key] = shown.get(key, "") + text
    for key, text in shown.items():
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        shown[key] = text
    return shown


def _tagged(path: Path) -> list[dict]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code" and TAG in c["metadata"].get("tags", [])]


def output_problems(committed: Path, executed: Path, rules=None) -> list[str]:
    """Every tagged cell whose text in ``executed`` differs from ``committed`` (empty: all
    agree), naming the cell by its first line."""
    rules = sanitizers() if rules is None else rules
    expected, found = _tagged(committed), _tagged(executed)
    if len(expected) != len(found):
        return [f"{len(found)} tagged cells ran, the committed notebook has {len(expected)}"]
    problems = []
    for want, got in zip(expected, found, strict=True):
        first = _text(want["source"]).strip().splitlines()[0][:70]
        a, b = guarded_text(want, rules), guarded_text(got, rules)
        if a != b:
            keys = sorted(set(a) | set(b))
            diff = "; ".join(
                f"{key}: committed {a.get(key, '')[:300]!r}, now {b.get(key, '')[:300]!r}"
                for key in keys
                if a.get(key) != b.get(key)
            )
            problems.append(f"cell {first!r}: {diff}")
    return problems
