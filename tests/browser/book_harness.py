"""Helpers of the book, handout and lecture tests: the course's scripts as modules, and
where the built book is."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOOK_DIR = ROOT / "build" / "book"


def load_script(name: str):
    """Import ``scripts/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def book_is_current(book: Path) -> bool:
    index = book / "index.html"
    if not index.is_file():
        return False
    sources = [p for e in load_script("build_book").available_editions() for p in e.chapters()]
    sources += [p for p in (ROOT / "book").rglob("*") if p.is_file()]
    sources.append(ROOT / "scripts" / "build_book.py")
    return all(index.stat().st_mtime >= p.stat().st_mtime for p in sources)


def build_book(out: Path) -> Path:
    load_script("build_book").main(["--out", str(out)])
    return out
