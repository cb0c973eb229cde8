"""Emphasis in Korean Markdown renders: ``**은닉 상태(hidden state)**를`` does not.

CommonMark closes ``**`` only when the run is right-flanking: after a punctuation mark
(``)``, ``"``, ``.``) it must be followed by a space or punctuation, and Korean particles
follow the word directly, so the asterisks stay on the page (in the book, built with
markdown-it, and in JupyterLab). Write ``**은닉 상태**(hidden state)를`` instead. This test
renders every Markdown cell of the Korean edition and README.ko.md with markdown-it
(CommonMark) and fails on asterisks left in the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest

markdown_it = pytest.importorskip("markdown_it")

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "notebooks_ko").glob("*.py")) + [ROOT / "README.ko.md"]
#: What is not rendered text: code, maths (left as $...$ by CommonMark), HTML tags.
NOT_TEXT = re.compile(r"<code>.*?</code>|<pre>.*?</pre>|\$\$.*?\$\$|\$[^$\n]*\$|<[^>]+>", re.S)
LEFTOVER = re.compile(r"\*\*|(?<![\w*])\*[^*\s][^*\n]*\*(?=[\uac00-\ud7a3])")


def leftover_emphasis(markdown: str) -> list[str]:
    """The asterisks CommonMark leaves in the rendered text of ``markdown``, in context."""
    text = NOT_TEXT.sub(" ", markdown_it.MarkdownIt("commonmark").render(markdown))
    return [text[max(0, m.start() - 20) : m.end() + 20] for m in LEFTOVER.finditer(text)]


def _markdown_cells(path: Path) -> list[tuple[str, str]]:
    if path.suffix == ".md":
        return [(path.name, path.read_text(encoding="utf-8"))]
    cells = jupytext.read(path).cells
    return [
        (f"{path.name} cell {number}", cell.source)
        for number, cell in enumerate(cells, start=1)
        if cell.cell_type == "markdown"
    ]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.stem)
def test_korean_emphasis_renders(path):
    problems = [
        f"{where}: ...{context}..."
        for where, source in _markdown_cells(path)
        for context in leftover_emphasis(source)
    ]
    assert not problems, "asterisks left on the page:\n" + "\n".join(problems)


def test_the_check_catches_a_particle_after_closing_punctuation():
    assert leftover_emphasis("**은닉 상태(hidden state)**를 봅니다")
    assert leftover_emphasis("*탐색기(explorer)*가 있습니다")
    assert not leftover_emphasis("**은닉 상태**(hidden state)를 봅니다, `a**b`, $a*b*c$")
