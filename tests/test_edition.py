"""The Korean edition stays in step with the English source (scripts/edition.py).

Each Korean notebook must have the English cells in the same order, code identical but for
the language line, metadata identical, and every Markdown cell stamped with the
fingerprint of the English text it translates. The synthetic-notebook tests show the check
failing, naming the cell, when an English cell changes after translation, and what
``sync`` and ``stamp`` do then.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import edition  # noqa: E402

CHAPTERS = edition.chapters()
#: Hangul must be at least this share of the letters of a Korean chapter's prose.
HANGUL_SHARE = 0.6


@pytest.mark.parametrize("source", CHAPTERS, ids=lambda p: p.stem)
def test_korean_chapter_is_in_step_with_the_english(source):
    problems = edition.check(source)
    assert not problems, (
        f"{edition.korean_path(source).name} is out of step with {source.name} "
        "(python scripts/edition.py status lists the same):\n"
        + "\n".join(f"  {p}" for p in problems)
    )


@pytest.mark.parametrize("source", CHAPTERS, ids=lambda p: p.stem)
def test_korean_chapter_prose_is_mostly_hangul(source):
    korean = jupytext.read(edition.korean_path(source))
    hangul = latin = 0
    for cell in korean.cells:
        if cell.cell_type == "markdown":
            h, latin_letters = edition.prose_letters(cell.source)
            hangul, latin = hangul + h, latin + latin_letters
    share = hangul / max(1, hangul + latin)
    assert share >= HANGUL_SHARE, (
        f"{source.stem}: Hangul is {share:.0%} of the prose letters of the Korean edition "
        f"({hangul} Hangul, {latin} Latin); at least {HANGUL_SHARE:.0%} expected"
    )


#: A jupytext header as the chapters have (without one, jupytext drops cell metadata).
HEADER = """# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

"""


def _english(path: Path, markdown: list[str], code: str = 'set_language("en")\nx = 1') -> Path:
    cells = [
        "# %% [markdown]\n" + "\n".join(f"# {line}" for line in text.splitlines())
        for text in markdown
    ]
    cells.insert(1, f"# %%\n{code}")
    path.write_text(HEADER + "\n\n".join(cells) + "\n", encoding="utf-8")
    return path


def _translate(korean: Path, number: int, text: str) -> None:
    notebook = jupytext.read(korean)
    notebook.cells[number - 1].source = text
    jupytext.write(notebook, korean, fmt="py:percent")


ENGLISH = [
    "## 1. The hidden state\nThe hidden state carries what the network has read so far.",
    "The gradient shrinks as it travels back through many steps of the chain.",
]


@pytest.fixture
def pair(tmp_path):
    source = _english(tmp_path / "01_demo.py", ENGLISH)
    korean = tmp_path / "ko" / "01_demo.py"
    edition.sync(source, korean)
    _translate(korean, 1, "## 1. 은닉 상태\n은닉 상태는 신경망이 지금까지 읽은 내용을 담습니다.")
    _translate(korean, 3, "기울기는 여러 단계를 거슬러 갈수록 작아집니다.")
    assert edition.stamp(source, korean=korean) == [1, 3]
    return source, korean


def test_a_translated_pair_is_in_step(pair):
    source, korean = pair
    assert edition.check(source, korean) == []
    code = [c.source for c in jupytext.read(korean).cells if c.cell_type == "code"]
    assert code == ['set_language("ko")\nx = 1']


def test_an_untranslated_cell_is_named(tmp_path):
    source = _english(tmp_path / "01_demo.py", ENGLISH)
    korean = tmp_path / "ko" / "01_demo.py"
    edition.sync(source, korean)
    problems = [str(p) for p in edition.check(source, korean)]
    assert any(p.startswith("cell 1: not translated") and "The hidden state" in p for p in problems)
    assert any(p.startswith("cell 3: not translated") for p in problems)
    # stamping an untouched English cell would pass the fingerprint check; the prose check
    # still catches it
    edition.stamp(source, cell_numbers=[1, 3], korean=korean)
    problems = [str(p) for p in edition.check(source, korean)]
    assert any(p.startswith("cell 3: stamped but still reads as English") for p in problems)


def test_a_changed_english_cell_fails_naming_it_and_sync_keeps_the_stale_korean(pair):
    source, korean = pair
    changed = [ENGLISH[0], ENGLISH[1].replace("many steps", "many, many steps")]
    _english(source, changed)
    problems = [str(p) for p in edition.check(source, korean)]
    assert problems == [
        "cell 3: the English changed after translation (English: "
        "'The gradient shrinks as it travels back through many, many steps of the chain.')"
    ]
    edition.sync(source, korean)
    cells = jupytext.read(korean).cells
    assert cells[2].source == "기울기는 여러 단계를 거슬러 갈수록 작아집니다."  # kept, still stale
    assert [str(p) for p in edition.check(source, korean)] == problems
    _translate(korean, 3, "기울기는 아주 많은 단계를 거슬러 갈수록 작아집니다.")
    assert edition.stamp(source, korean=korean) == []  # stale cells are stamped by number
    assert edition.stamp(source, cell_numbers=[3], korean=korean) == [3]
    assert edition.check(source, korean) == []


def test_inserted_cells_and_changed_code_are_synced(pair):
    source, korean = pair
    _english(
        source,
        [ENGLISH[0], "A new paragraph in English, not yet translated.", ENGLISH[1]],
        code='set_language("en")\nx = 2',
    )
    problems = [str(p) for p in edition.check(source, korean)]
    assert any("cells, the English has 4" in p for p in problems)
    edition.sync(source, korean)
    cells = jupytext.read(korean).cells
    assert cells[0].source.startswith("## 1. 은닉 상태")  # translations follow their cells
    assert cells[2].source == "A new paragraph in English, not yet translated."
    assert cells[3].source == "기울기는 여러 단계를 거슬러 갈수록 작아집니다."
    assert cells[1].source == 'set_language("ko")\nx = 2'
    assert [str(p)[:30] for p in edition.check(source, korean)] == [
        "cell 3: not translated yet (no"
    ]


def test_korean_code_edited_by_hand_is_caught(pair):
    source, korean = pair
    notebook = jupytext.read(korean)
    notebook.cells[1].source += "\ny = 3"
    jupytext.write(notebook, korean, fmt="py:percent")
    assert [str(p)[:41] for p in edition.check(source, korean)] == [
        "cell 2: code differs from the English cel"
    ]


def test_every_english_chapter_sets_its_language_in_the_first_code_cell():
    for source in CHAPTERS:
        first = next(c for c in jupytext.read(source).cells if c.cell_type == "code")
        assert edition.LANGUAGE_LINE["en"] in first.source, source.name


def test_links_follow_the_translated_headings(tmp_path):
    target = _english(tmp_path / "03_target.py", ["# Title", "## 2. The gradient\nIt shrinks."])
    linking = _english(
        tmp_path / "04_linking.py",
        ["See [chapter 3](03_target.ipynb#2.-The-gradient) and [below](#1.-Here).", "## 1. Here"],
    )
    korean_target, korean_linking = tmp_path / "ko" / target.name, tmp_path / "ko" / linking.name
    edition.sync(target, korean_target)
    _translate(korean_target, 3, "## 2. 기울기\n기울기는 작아집니다.")
    edition.stamp(target, korean=korean_target)
    edition.sync(linking, korean_linking)
    _translate(korean_linking, 3, "## 1. 여기")
    edition.stamp(linking, korean=korean_linking)  # writing the file localises its links
    text = jupytext.read(korean_linking).cells[0].source
    assert "(03_target.ipynb#2.-기울기)" in text
    assert "(#1.-여기)" in text
