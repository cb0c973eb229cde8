"""Korean text for character models: an offline corpus, and syllables <-> jamo.

Two ways to spell Korean for a model
------------------------------------
Hangul text is written in syllable blocks: 한 is one character, U+D55C. Unicode has
:data:`NUM_SYLLABLES` = 11 172 precomposed syllables (U+AC00-U+D7A3), every leading
consonant x vowel x optional trailing consonant. A model whose symbols are these
syllables needs a large vocabulary, and most syllables are rare. Each syllable is also a
sequence of 2 or 3 letters, *jamo*: the standard library's ``unicodedata`` decomposes it
(normal form NFD) into conjoining jamo, 한 -> ㅎ ㅏ ㄴ (U+1112 U+1161 U+11AB), and
recomposes them (NFC). :func:`to_jamo` and :func:`from_jamo` do that; characters other
than Hangul syllables (spaces, digits, Latin letters) pass through unchanged, and
``from_jamo(to_jamo(text)) == text`` for every text in normal form NFC.

Where the text comes from
-------------------------
:func:`korean_lines` draws Korean names, addresses, company names, job titles and
country names from the ``ko_KR`` providers of the installed ``faker`` package (MIT
licence) with a seeded ``Faker``: offline and the same for the same seed and faker
version. Limits: it is list data, not prose (no sentences, no particles), faker draws
from fixed lists of a few hundred entries (about 430 distinct syllables in all), and
addresses and company names are random combinations, not real places.
:func:`load_korean` holds out whole distinct lines, so a held-out job or country
name can bring syllables the training text never shows.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from .._checks import as_generator, check_fraction, check_positive_int
from .encoding import Vocabulary
from .text import TextCorpus

__all__ = [
    "NUM_SYLLABLES",
    "KINDS",
    "is_syllable",
    "to_jamo",
    "from_jamo",
    "jamo_lengths",
    "korean_lines",
    "load_korean",
    "jamo_corpus",
]

#: How many precomposed Hangul syllables Unicode has: U+AC00 (가) to U+D7A3 (힣).
NUM_SYLLABLES = 0xD7A3 - 0xAC00 + 1

#: The faker ``ko_KR`` generators :func:`korean_lines` draws from, in turn.
KINDS = ("name", "address", "company", "job", "country")

SOURCE = "faker ko_KR names, addresses, companies, jobs, countries (MIT licence)"


def _check_text(text, name: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name}: expected a str, got {type(text).__name__}")
    return text


def is_syllable(char: str) -> bool:
    """Whether ``char`` is one precomposed Hangul syllable (U+AC00-U+D7A3)."""
    _check_text(char, "char")
    return len(char) == 1 and 0xAC00 <= ord(char) <= 0xD7A3


def to_jamo(text: str) -> str:
    """``text`` with every Hangul syllable decomposed into its 2 or 3 conjoining jamo
    (``unicodedata`` normal form NFD, one character at a time); other characters unchanged.
    ``to_jamo("한국") == "\\u1112\\u1161\\u11ab\\u1100\\u116e\\u11a8"``.
    """
    _check_text(text)
    return "".join(unicodedata.normalize("NFD", char) for char in text)


def from_jamo(text: str) -> str:
    """Recompose conjoining jamo into syllables (normal form NFC). A jamo sequence that
    spells no syllable (a vowel with no leading consonant, say) stays as separate jamo."""
    return unicodedata.normalize("NFC", _check_text(text))


def jamo_lengths(text: str) -> np.ndarray:
    """How many characters of ``to_jamo(text)`` each character of ``text`` becomes, ``(N,)``
    (3 for 한, 2 for 가, 1 for a space), to add up a jamo model's bits per syllable."""
    return np.array([len(to_jamo(char)) for char in _check_text(text)], dtype=np.int64)


def korean_lines(num_per_kind: int = 1000, kinds=KINDS, *, rng) -> list[str]:
    """Distinct lines drawn from faker's ``ko_KR`` providers with a seeded ``Faker``.

    ``num_per_kind`` rounds, each drawing one line of every kind in ``kinds`` (method
    names of a ``Faker("ko_KR")``, e.g. ``"name"``, ``"job"``); repeated lines are kept
    once, in the order first drawn. ``rng`` (seed or Generator) seeds the ``Faker``.
    """
    from faker import Faker

    num_per_kind = check_positive_int(num_per_kind, "num_per_kind")
    if isinstance(kinds, str) or not isinstance(kinds, (list, tuple)) or not kinds:
        raise TypeError(f"kinds: expected a list of faker methods such as 'name', got {kinds!r}")
    fake = Faker("ko_KR")
    unknown = [kind for kind in kinds if not isinstance(kind, str) or not hasattr(fake, kind)]
    if unknown:
        raise ValueError(f"kinds: expected faker ko_KR methods such as 'name', got {unknown!r}")
    fake.seed_instance(int(as_generator(rng).integers(2**31)))
    lines = (str(getattr(fake, kind)()) for _ in range(num_per_kind) for kind in kinds)
    return list(dict.fromkeys(line.replace("\n", " ") for line in lines))


def load_korean(
    num_per_kind: int = 1000, validation_fraction: float = 0.1, kinds=KINDS, *, rng
) -> TextCorpus:
    """Korean lines (:func:`korean_lines`) as a :class:`~rnnlib.data.text.TextCorpus` of
    syllables, one line per text line.

    The distinct lines are shuffled with ``rng``; the first ``validation_fraction`` of
    them are the validation text, none of which is in the training text. The vocabulary
    is every character of both texts (closed, as for the chapter's other corpora).
    """
    validation_fraction = check_fraction(validation_fraction, "validation_fraction")
    if validation_fraction == 0:
        raise ValueError("validation_fraction: expected a number in (0, 1), got 0.0")
    rng = as_generator(rng)
    lines = korean_lines(num_per_kind, kinds, rng=rng)
    if len(lines) < 2:
        raise ValueError(f"num_per_kind: expected enough rounds for 2 lines, got {len(lines)}")
    order = rng.permutation(len(lines))
    num_validation = min(max(1, round(validation_fraction * len(lines))), len(lines) - 1)
    validation = "".join(lines[i] + "\n" for i in order[:num_validation])
    train = "".join(lines[i] + "\n" for i in order[num_validation:])
    return TextCorpus(train, validation, Vocabulary.from_text(train + validation), SOURCE)


def jamo_corpus(corpus: TextCorpus) -> TextCorpus:
    """The same split spelt in jamo (:func:`to_jamo`), with its own (small) vocabulary."""
    if not isinstance(corpus, TextCorpus):
        raise TypeError(f"corpus: expected a TextCorpus, got {type(corpus).__name__}")
    train, validation = to_jamo(corpus.train), to_jamo(corpus.validation)
    return TextCorpus(
        train, validation, Vocabulary.from_text(train + validation), corpus.source + ", as jamo"
    )
