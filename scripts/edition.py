"""Keep the Korean edition (``notebooks_ko/``) in step with the English source (``notebooks/``).

    python scripts/edition.py status [NN ...]   # what to (re)translate; exit 1 if anything
    python scripts/edition.py sync [NN ...]     # regenerate code and metadata, keep translations
    python scripts/edition.py stamp NN [--cells 3 7 ...]   # record what a cell translates

The English notebook is the source. In a Korean notebook ``notebooks_ko/NN_name.py``:

* every **code cell** is the English one, except that the first code cell's
  ``set_language("en")`` reads ``set_language("ko")``: ``sync`` writes them, nobody edits
  them by hand;
* every **Markdown cell** is a translation of the English cell at the same place. Its
  metadata ``translates`` holds :func:`fingerprint` of the English text it was translated
  from, so when the English cell changes the translation is known to be stale;
* cell metadata other than ``translates`` (slide types, tags) is the English cell's.

``sync`` rebuilds a Korean notebook from the English one: code and metadata from English,
each Markdown cell's Korean text kept by matching fingerprints (a changed English cell
keeps its old Korean and old fingerprint, so it shows up as stale; a new English cell
arrives in English without a fingerprint). ``stamp`` sets the fingerprint of cells just
translated: without ``--cells``, of every cell that has none and no longer reads as the
English; a stale cell, re-translated, is stamped by number. ``status`` lists every
problem, naming the cell and quoting the English; ``tests/test_edition.py`` fails on any.

After ``sync`` or a translation, ``make notebook NB=notebooks_ko/NN_name.py`` executes the
chapter (its outputs come from the code, in Korean).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext
from jupytext.config import load_jupytext_config

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "notebooks"
KOREAN_DIR = ROOT / "notebooks_ko"
#: The metadata key of a translated Markdown cell: the fingerprint of its English text.
TRANSLATES = "translates"
#: The language line of the first code cell, in each edition.
LANGUAGE_LINE = {"en": 'set_language("en")', "ko": 'set_language("ko")'}

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
LATIN = re.compile(r"[A-Za-z]")
#: What is not prose in a Markdown cell: code blocks and spans, maths, links' targets,
#: HTML tags. Their letters count neither as English nor as Korean.
NOT_PROSE = re.compile(
    r"```.*?```|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$|\]\([^)]*\)|<[^>\n]*>|https?://\S+",
    re.DOTALL,
)


def fingerprint(text: str) -> str:
    """12 hex digits identifying an English Markdown cell's text (whitespace at the ends
    ignored)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def prose_letters(text: str) -> tuple[int, int]:
    """(Hangul syllables and letters, Latin letters) in the prose of a Markdown text."""
    prose = NOT_PROSE.sub(" ", text)
    return len(HANGUL.findall(prose)), len(LATIN.findall(prose))


def reads_as_english(text: str) -> bool:
    """True for a Markdown text that is English prose: at least 40 Latin letters outside
    code and maths, and no Hangul."""
    hangul, latin = prose_letters(text)
    return hangul == 0 and latin >= 40


def korean_path(source: Path) -> Path:
    return KOREAN_DIR / Path(source).with_suffix(".py").name


def chapters(names: list[str] | None = None, directory: Path = SOURCE_DIR) -> list[Path]:
    """English chapter sources ``NN_name.py`` (all, or those whose name starts with one of
    ``names``)."""
    sources = sorted(directory.glob("[0-9][0-9]_*.py"))
    if not names:
        return sources
    chosen = [s for s in sources if any(s.name.startswith(Path(n).stem) for n in names)]
    if len(chosen) < len(names):
        raise SystemExit(f"no chapter in {directory} matches one of {names}")
    return chosen


def _language_code(source: str, language: str) -> str:
    return source.replace(LANGUAGE_LINE["en"], LANGUAGE_LINE[language])


def _metadata_without_stamp(cell) -> dict:
    return {key: value for key, value in cell.metadata.items() if key != TRANSLATES}


@dataclass
class Problem:
    cell: int  # 1-based number of the cell in the English notebook (0: the whole notebook)
    what: str
    english: str = ""

    def __str__(self) -> str:
        where = f"cell {self.cell}" if self.cell else "notebook"
        quote = self.english.strip().splitlines()[0][:90] if self.english.strip() else ""
        return f"{where}: {self.what}" + (f" (English: {quote!r})" if quote else "")


def check(source: Path, korean: Path | None = None) -> list[Problem]:
    """Every way the Korean notebook of ``source`` is out of step with it (empty: in step)."""
    korean = korean or korean_path(source)
    if not korean.exists():
        return [Problem(0, f"{korean.name} does not exist (run: scripts/edition.py sync)")]
    english_nb, korean_nb = jupytext.read(source), jupytext.read(korean)
    problems = []
    first_code = [c.source for c in english_nb.cells if c.cell_type == "code"][:1]
    if not first_code or LANGUAGE_LINE["en"] not in first_code[0]:
        problems.append(Problem(0, f"the first code cell has no {LANGUAGE_LINE['en']}"))
    if len(english_nb.cells) != len(korean_nb.cells):
        problems.append(
            Problem(
                0,
                f"{len(korean_nb.cells)} cells, the English has {len(english_nb.cells)} "
                "(run: scripts/edition.py sync)",
            )
        )
    for number, (en, ko) in enumerate(
        zip(english_nb.cells, korean_nb.cells, strict=False), start=1
    ):
        if en.cell_type != ko.cell_type:
            problems.append(
                Problem(
                    number, f"{ko.cell_type} cell where the English has {en.cell_type}", en.source
                )
            )
            continue
        if _metadata_without_stamp(en) != _metadata_without_stamp(ko):
            problems.append(Problem(number, "metadata differs from the English cell's", en.source))
        if en.cell_type != "markdown":
            if _language_code(en.source, "ko") != ko.source:
                problems.append(Problem(number, "code differs from the English cell's", en.source))
            continue
        stamp = ko.metadata.get(TRANSLATES)
        if stamp is None:
            problems.append(
                Problem(number, "not translated yet (no 'translates' stamp)", en.source)
            )
        elif stamp != fingerprint(en.source):
            problems.append(Problem(number, "the English changed after translation", en.source))
        elif reads_as_english(ko.source):
            problems.append(Problem(number, "stamped but still reads as English", en.source))
    return problems


def sync(source: Path, korean: Path | None = None) -> list[str]:
    """Rebuild the Korean notebook of ``source``; return what changed, for the log."""
    korean = korean or korean_path(source)
    english_nb = jupytext.read(source)
    old = jupytext.read(korean).cells if korean.exists() else []
    old_markdown = [c for c in old if c.cell_type == "markdown"]
    english_markdown = [c for c in english_nb.cells if c.cell_type == "markdown"]
    # match the Korean Markdown cells to the English ones by the fingerprint they carry
    matcher = difflib.SequenceMatcher(
        a=[c.metadata.get(TRANSLATES, "") for c in old_markdown],
        b=[fingerprint(c.source) for c in english_markdown],
        autojunk=False,
    )
    translation = {}  # index among English Markdown cells -> Korean cell that translates it
    log = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):  # replace: a changed cell keeps its old (stale) Korean
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                translation[j] = old_markdown[i]
        if tag in ("replace", "delete") and i2 - i1 > j2 - j1:
            log.append(f"dropped {i2 - i1 - (j2 - j1)} translated cell(s) with no English cell")
    cells, markdown_index = [], 0
    for cell in english_nb.cells:
        if cell.cell_type == "markdown":
            previous = translation.get(markdown_index)
            markdown_index += 1
            copy = _copy_cell(cell)
            if previous is not None and previous.metadata.get(TRANSLATES):
                copy.source = previous.source
                copy.metadata[TRANSLATES] = previous.metadata[TRANSLATES]
            cells.append(copy)
        else:
            copy = _copy_cell(cell)
            copy.source = _language_code(cell.source, "ko")
            cells.append(copy)
    english_nb.cells = cells
    korean.parent.mkdir(exist_ok=True)
    _write(english_nb, korean, source.parent)
    return log


def stamp(
    source: Path, cell_numbers: list[int] | None = None, korean: Path | None = None
) -> list[int]:
    """Record in the Korean notebook of ``source`` which English text each translated cell
    translates. Returns the numbers of the cells stamped."""
    korean = korean or korean_path(source)
    english_nb, korean_nb = jupytext.read(source), jupytext.read(korean)
    if len(english_nb.cells) != len(korean_nb.cells):
        raise SystemExit(f"{korean.name}: cell count differs from the English; run sync first")
    stamped = []
    for number, (en, ko) in enumerate(
        zip(english_nb.cells, korean_nb.cells, strict=False), start=1
    ):
        if en.cell_type != "markdown" or ko.cell_type != "markdown":
            continue
        if cell_numbers is not None:
            chosen = number in cell_numbers
        else:
            chosen = TRANSLATES not in ko.metadata and ko.source.strip() != en.source.strip()
        if chosen:
            ko.metadata[TRANSLATES] = fingerprint(en.source)
            stamped.append(number)
    _write(korean_nb, korean, source.parent)
    return stamped


def _copy_cell(cell):
    copy = cell.copy()
    copy.metadata = _metadata_without_stamp(cell)
    return copy


#: A Markdown link ``[text](target)`` (targets may hold one level of parentheses).
LINK = re.compile(r"\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)


def heading_anchor(line: str) -> str:
    """JupyterLab's id of a Markdown heading: its rendered text, spaces as ``-``."""
    text = line.lstrip("#").strip()
    text = re.sub(r"[*`]", "", text)  # emphasis and code marks are not part of the text
    return text.replace(" ", "-")


def _headings(cells) -> dict[str, tuple[int, int]]:
    """anchor -> (cell index, ordinal of the heading in its cell) of a notebook's headings."""
    found = {}
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            lines = [line for line in cell.source.splitlines() if HEADING.match(line)]
            for ordinal, line in enumerate(lines):
                found.setdefault(heading_anchor(line), (index, ordinal))
    return found


def localise_links(cells, korean: Path, source_dir: Path) -> None:
    """Point the ``#anchor`` of every link in the Korean Markdown ``cells`` at the Korean
    heading that translates the English heading it names (same cell, same place in it).
    A link already pointing at a Korean heading, or at a heading not translated yet, is
    left as it is."""
    memo = {}

    def target_cells(name: str):
        if name not in memo:
            english, translated = source_dir / name, korean.parent / name
            memo[name] = (
                (jupytext.read(english).cells, jupytext.read(translated).cells)
                if english.exists() and translated.exists()
                else None
            )
        return memo[name]

    def replace(match: re.Match) -> str:
        label, target = match.group(1), match.group(2)
        file_part, _, anchor = target.partition("#")
        if not anchor or re.match(r"[a-z]+:", target):
            return match.group(0)
        if file_part and not file_part.endswith(".ipynb"):
            return match.group(0)
        if file_part:
            pair = target_cells(Path(file_part).with_suffix(".py").name)
            if pair is None:
                return match.group(0)
            english_cells, korean_cells = pair
        else:
            english_cells, korean_cells = own
        where = _headings(english_cells).get(anchor)
        if where is None or where[0] >= len(korean_cells):
            return match.group(0)
        index, ordinal = where
        lines = [l for l in korean_cells[index].source.splitlines() if HEADING.match(l)]
        if ordinal >= len(lines):
            return match.group(0)
        return f"[{label}]({file_part}#{heading_anchor(lines[ordinal])})"

    own_english = source_dir / korean.with_suffix(".py").name
    own = (jupytext.read(own_english).cells if own_english.exists() else [], cells)
    for cell in cells:
        if cell.cell_type == "markdown" and "#" in cell.source:
            cell.source = LINK.sub(replace, cell.source)


def _write(notebook, path: Path, source_dir: Path) -> None:
    localise_links(notebook.cells, path, source_dir)
    config = load_jupytext_config(str(path.resolve()))
    path.write_text(jupytext.writes(notebook, fmt="py:percent", config=config), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("status", "sync"):
        sub.add_parser(name).add_argument("chapters", nargs="*", help="e.g. 03 or 03_bptt")
    stamp_parser = sub.add_parser("stamp")
    stamp_parser.add_argument("chapter")
    stamp_parser.add_argument("--cells", type=int, nargs="+", help="cell numbers (1-based)")
    args = parser.parse_args(argv)
    if args.command == "stamp":
        (source,) = chapters([args.chapter])
        numbers = stamp(source, args.cells)
        print(f"{korean_path(source).name}: stamped cells {numbers or 'none'}")
        return 0
    failed = False
    for source in chapters(args.chapters):
        if args.command == "sync":
            for line in sync(source):
                print(f"{source.stem}: {line}")
        problems = check(source)
        failed |= bool(problems)
        print(
            f"{korean_path(source).name}: {len(problems) or 'in step'}"
            + (" to do" if problems else "")
        )
        if args.command == "status":
            for problem in problems:
                print(f"  {problem}")
    return 1 if failed and args.command == "status" else 0


if __name__ == "__main__":
    sys.exit(main())
