"""The message table (rnnlib.messages.KOREAN) and the language switch (rnnlib.i18n).

Every literal ``tr("...")`` in rnnlib and in the English notebook sources (the Korean
ones share their code) must have a Korean entry with the same ``{fields}``; every entry
must be used (as a ``tr`` argument or a string literal a ``tr`` call receives at run time,
such as a class name in the data).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from rnnlib import i18n
from rnnlib.messages import KOREAN

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "rnnlib").rglob("*.py")) + sorted((ROOT / "notebooks").glob("*.py"))
HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")


def _trees():
    for path in SOURCES:
        if path.name != "messages.py":
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _tr_literals() -> dict[str, list[str]]:
    """Each literal first argument of a ``tr(...)`` call -> where it occurs."""
    found: dict[str, list[str]] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(node.args[0].value, []).append(where)
    return found


def _string_literals() -> set[str]:
    return {
        node.value
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_message_has_a_korean_entry():
    missing = {text: where for text, where in _tr_literals().items() if text not in KOREAN}
    assert not missing, "messages without a Korean entry in rnnlib/messages.py:\n" + "\n".join(
        f"  {text!r} ({', '.join(where)})" for text, where in missing.items()
    )


def test_every_entry_is_used():
    used = _string_literals()
    unused = [text for text in KOREAN if text not in used]
    assert not unused, f"entries of rnnlib/messages.py that no code uses: {unused}"


@pytest.mark.parametrize("english", list(KOREAN), ids=lambda text: text[:40])
def test_entry_is_korean_with_the_same_fields(english):
    korean = KOREAN[english]
    assert english.strip() and korean.strip(), "an entry needs both languages"
    assert i18n.fields_of(english) == i18n.fields_of(korean), (
        f"fields differ: {english!r} has {sorted(i18n.fields_of(english))}, "
        f"{korean!r} has {sorted(i18n.fields_of(korean))}"
    )
    if ENGLISH_WORD.search(re.sub(r"\{[^}]*\}", "", english)):
        assert HANGUL.search(korean), f"{korean!r} (for {english!r}) has no Hangul"


def test_tr_follows_the_language(monkeypatch):
    english = next(iter(KOREAN), None)
    if english is None:
        pytest.skip("the message table is empty")
    monkeypatch.delenv(i18n.STRICT_ENVIRONMENT_VARIABLE, raising=False)  # make sets it
    try:
        i18n.set_language("ko")
        assert i18n.tr(english) == KOREAN[english]
        assert i18n.tr("a text with no entry") == "a text with no entry"
        monkeypatch.setenv(i18n.STRICT_ENVIRONMENT_VARIABLE, "1")
        with pytest.raises(KeyError, match="a text with no entry"):
            i18n.tr("a text with no entry")
        i18n.set_language("en")
        assert i18n.tr(english) == english
        assert i18n.tr("{n} steps", n=3) == "3 steps"
    finally:
        i18n.set_language("en")


def test_bad_language_and_message_are_named():
    with pytest.raises(ValueError, match="code: expected one of 'en', 'ko', got 'fr'"):
        i18n.set_language("fr")
    with pytest.raises(TypeError, match="message: expected the English text"):
        i18n.tr(3)
    assert i18n.language() == "en"
