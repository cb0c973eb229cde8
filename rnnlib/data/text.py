"""Character text for language models: an offline corpus, its split, and TBPTT batches.

Where the text comes from
-------------------------
Every CPython installation ships ``pydoc_data.topics``: a dict of about 80 help pages
of the Python Language Reference (the text ``help("assert")`` prints), some 460 000
characters of English prose mixed with grammar rules, code examples and tables. It is
offline, licensed with Python itself (PSF licence), and the same on every machine with
the same Python version.

Its limits: it is technical English (a model learns ``"__init__"`` and ``"::="`` as
well as words), small by language-model standards, and its exact content changes a
little between Python versions (so numbers measured on it are only comparable on the
same Python). :func:`clean_text` removes what would flatter a model: ASCII table
borders and heading underlines (long runs of ``*``, ``-``, ``+`` that are trivial to
predict) and the few non-ASCII characters.

Batches for truncated BPTT
--------------------------
:func:`stream_batches` cuts one long id sequence into ``B`` contiguous streams, one per
batch row, and walks along them ``steps`` characters at a time. Chunk ``k+1`` of row
``b`` continues exactly where chunk ``k`` of row ``b`` stopped, so the hidden state at
the end of one chunk is the right initial state for the next (stateful training).

Probing features
----------------
:func:`char_features` marks simple properties of every character (inside quotes, inside
parentheses, after a space, position in the line) and :func:`feature_correlations`
correlates them with hidden units, to find "interpretable units" (Karpathy, Johnson and
Fei-Fei 2015).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .._checks import as_generator, check_float_array, check_fraction, check_positive_int
from .encoding import Vocabulary

__all__ = [
    "SOURCE",
    "TextCorpus",
    "python_docs",
    "clean_text",
    "load_python_docs",
    "names_text",
    "load_names",
    "stream_batches",
    "char_features",
    "feature_correlations",
]

SOURCE = "pydoc_data.topics (Python standard library, PSF licence)"

#: Typographic characters of the source mapped to ASCII by :func:`clean_text`.
ASCII_REPLACEMENTS = {
    "\u2018": "'",  # left single quote
    "\u2019": "'",  # right single quote / apostrophe
    "\u201c": '"',  # left double quote
    "\u201d": '"',  # right double quote
    "\u2013": "-",  # en dash
    "\u2014": "--",  # em dash
    "\u2026": "...",  # ellipsis
    "\u00df": "ss",  # sharp s (in a str.casefold example)
    "\t": "    ",
}

# A line made only of table-border or underline characters, e.g. "+-----+----+" or "*****".
_RULE_LINE = re.compile(r"^[ \t]*[*=\-+|~^]{3,}[ \t]*(\n|$)", re.MULTILINE)


def python_docs() -> dict[str, str]:
    """The raw help pages: ``{topic: text}`` from ``pydoc_data.topics`` (sorted by topic)."""
    from pydoc_data.topics import topics

    return {name: topics[name] for name in sorted(topics)}


def clean_text(text: str) -> str:
    """Normalise a text for a character model.

    Typographic quotes and dashes become ASCII, any other non-ASCII character is
    dropped, table-border and underline lines are removed, trailing spaces are
    stripped and runs of blank lines become one blank line.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    for old, new in ASCII_REPLACEMENTS.items():
        text = text.replace(old, new)
    text = text.encode("ascii", errors="ignore").decode("ascii")
    text = _RULE_LINE.sub("", text)
    text = re.sub(r"[ ]+$", "", text, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


@dataclass(frozen=True)
class TextCorpus:
    """A text split for language modelling.

    ``train`` and ``validation`` are strings; ``vocab`` covers the characters of both
    (a closed character set, as usual for character models); ``source`` says where the
    text comes from.
    """

    train: str
    validation: str
    vocab: Vocabulary
    source: str

    def encode(self, part: str = "train") -> np.ndarray:
        """The ids of ``"train"`` or ``"validation"``, shape ``(N,)``."""
        if part not in ("train", "validation"):
            raise ValueError(f"part: expected 'train' or 'validation', got {part!r}")
        return self.vocab.encode(getattr(self, part))

    def __repr__(self) -> str:
        return (
            f"TextCorpus({len(self.train):,} train + {len(self.validation):,} validation "
            f"characters, {len(self.vocab)} distinct, from {self.source})"
        )


def _split_documents(documents: list[str], validation_fraction: float, rng) -> tuple[str, str]:
    """Shuffle whole documents, join them and cut the last part at a line break."""
    order = as_generator(rng).permutation(len(documents))
    text = "\n".join(documents[i] for i in order)
    cut = int(round(len(text) * (1.0 - validation_fraction)))
    cut = text.rfind("\n", 0, cut) + 1 if "\n" in text[:cut] else cut
    return text[:cut], text[cut:]


def load_python_docs(validation_fraction: float = 0.1, *, rng) -> TextCorpus:
    """The cleaned ``pydoc_data.topics`` text, split into train and validation.

    The help pages are cleaned one by one (:func:`clean_text`), shuffled with ``rng``
    and joined with a blank line between pages; the last ``validation_fraction`` of the
    characters (cut at a line break) is the validation text. Most validation pages are
    therefore unseen in training, but a page can straddle the cut.
    """
    validation_fraction = check_fraction(validation_fraction, "validation_fraction")
    if validation_fraction == 0:
        raise ValueError("validation_fraction: expected a number in (0, 1), got 0.0")
    documents = [clean_text(page) for page in python_docs().values()]
    train, validation = _split_documents(documents, validation_fraction, rng)
    return TextCorpus(train, validation, Vocabulary.from_text(train + validation), SOURCE)


def names_text(names, *, rng) -> str:
    """Person names as one text for a character model: shuffled, one name per line.

    The newline marks the end of a name, so a model trained on this text learns when
    a name stops, and sampling after ``"\\n"`` starts a new name.
    """
    if isinstance(names, (str, bytes)) or not isinstance(names, Iterable):
        raise TypeError(f"names: expected a list of names, got {type(names).__name__}")
    names = list(names)
    if not names or not all(isinstance(n, str) and n and "\n" not in n for n in names):
        raise ValueError("names: expected a non-empty list of non-empty one-line strings")
    order = as_generator(rng).permutation(len(names))
    return "".join(names[i] + "\n" for i in order)


def load_names(
    locales=("en_US",), kind: str = "first", validation_fraction: float = 0.1, *, rng
) -> TextCorpus:
    """First (or last) names of faker locales as a :class:`TextCorpus`.

    Names come from :func:`rnnlib.data.names.person_names` (lists shipped inside the
    installed ``faker`` package). Whole names are held out: the validation text holds
    ``validation_fraction`` of the names, none of which is in the training text.
    """
    from .names import person_names

    if isinstance(locales, str):
        locales = (locales,)
    if not isinstance(locales, (list, tuple)) or not locales:
        raise TypeError(
            f"locales: expected a locale such as 'en_US' or a list of them, got {locales!r:.40}"
        )
    validation_fraction = check_fraction(validation_fraction, "validation_fraction")
    rng = as_generator(rng)
    names = sorted({name for locale in locales for name in person_names(locale, kind)})
    if len(names) < 2:
        raise ValueError(f"locales: expected at least 2 names in total, got {len(names)}")
    order = rng.permutation(len(names))
    num_validation = min(max(1, round(validation_fraction * len(names))), len(names) - 1)
    held_out = [names[i] for i in order[:num_validation]]
    kept = [names[i] for i in order[num_validation:]]
    train, validation = names_text(kept, rng=rng), names_text(held_out, rng=rng)
    source = f"faker person names ({kind}; {', '.join(locales)}; MIT licence)"
    return TextCorpus(train, validation, Vocabulary.from_text(train + validation), source)


def stream_batches(ids, batch_size: int, steps: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Cut a long id sequence into chunks for stateful truncated-BPTT training.

    ids: ``(N,)`` integer ids. The sequence is split into ``batch_size`` contiguous
    streams of ``L = (N - 1) // batch_size`` targets each (the remainder at the end is
    dropped); row ``b`` reads ``ids[b L : (b + 1) L + 1]``. Chunk ``k`` is

        inputs[t, b]  = ids[b L + k steps + t]
        targets[t, b] = ids[b L + k steps + t + 1]      (the next character)

    for ``t < steps``, both ``(steps, B)``; the last chunk may be shorter. Returns the
    list of ``(inputs, targets)`` chunks in order: row ``b`` of chunk ``k + 1`` continues
    row ``b`` of chunk ``k``, so the final state of one chunk is the initial state of the
    next.
    """
    ids = np.asarray(ids)
    if ids.dtype.kind not in "iu":
        raise TypeError(f"ids: expected an integer array of token ids, got dtype {ids.dtype}")
    if ids.ndim != 1:
        raise ValueError(f"ids: expected a 1-D array (N,) of token ids, got shape {ids.shape}")
    if ids.size and ids.min() < 0:
        raise ValueError(f"ids: expected non-negative token ids, got {ids.min()}")
    batch_size = check_positive_int(batch_size, "batch_size")
    steps = check_positive_int(steps, "steps")
    length = (len(ids) - 1) // batch_size
    if length < 1:
        raise ValueError(
            f"ids: expected at least batch_size + 1 = {batch_size + 1} ids, got {len(ids)}"
        )
    rows = np.stack([ids[b * length : (b + 1) * length + 1] for b in range(batch_size)], axis=1)
    chunks = []
    for start in range(0, length, steps):
        end = min(start + steps, length)
        chunks.append((rows[start:end], rows[start + 1 : end + 1]))
    return chunks


def char_features(text: str) -> dict[str, np.ndarray]:
    """Simple 0/1 or numeric properties of every character of ``text``, each ``(N,)``.

    * ``inside quotes``: between an opening and a closing ``"`` on the same line (the
      quote characters themselves count as inside);
    * ``inside parentheses``: the ``(`` ... ``)`` nesting depth is positive (at most
      one level counted, reset at each blank line);
    * ``after a space``: the previous character is a space;
    * ``position in line``: characters since the last newline (0 at a line start);
    * ``is space``, ``is newline``, ``is upper case``, ``is digit``.
    """
    if not isinstance(text, str) or not text:
        raise ValueError(f"text: expected a non-empty string, got {text!r:.40}")
    n = len(text)
    quotes, parens, position = np.zeros(n), np.zeros(n), np.zeros(n)
    in_quote, depth, column, previous = False, 0, 0, "\n"
    for i, char in enumerate(text):
        if char == "\n":
            in_quote = False
            if previous == "\n":
                depth = 0
        if char == '"':
            quotes[i] = 1.0
            in_quote = not in_quote
        else:
            quotes[i] = float(in_quote)
        if char == "(":
            depth += 1
        parens[i] = float(depth > 0)
        if char == ")":
            depth = max(depth - 1, 0)
        position[i] = column
        column = 0 if char == "\n" else column + 1
        previous = char
    chars = np.array(list(text))
    after_space = np.concatenate([[0.0], (chars[:-1] == " ").astype(float)])
    return {
        "inside quotes": quotes,
        "inside parentheses": parens,
        "after a space": after_space,
        "position in line": position,
        "is space": (chars == " ").astype(float),
        "is newline": (chars == "\n").astype(float),
        "is upper case": np.char.isupper(chars).astype(float),
        "is digit": np.char.isdigit(chars).astype(float),
    }


def feature_correlations(hidden, features: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Pearson correlation of every hidden unit with every feature.

    hidden: ``(N, H)`` activations, one row per character; features: ``{name: (N,)}``.
    Returns ``{name: (H,)}`` correlations in [-1, 1] (0 for a constant unit or feature):

        r_j = sum_t (h_tj - mean h_j)(f_t - mean f) / (N std(h_j) std(f))
    """
    hidden = check_float_array(hidden, "hidden", ndim=2, axes="(N, H)", dtype=np.float64)
    if not isinstance(features, dict):
        raise TypeError(
            f"features: expected a dict name -> (N,) values, got {type(features).__name__}"
        )
    centred = hidden - hidden.mean(axis=0)
    scale = hidden.std(axis=0)
    result = {}
    for name, values in features.items():
        values = check_float_array(values, f"features[{name!r}]", dtype=np.float64)
        if values.shape != hidden.shape[:1]:
            raise ValueError(
                f"features[{name!r}]: expected shape {hidden.shape[:1]} (one value per row "
                f"of hidden), got {values.shape}"
            )
        spread = values.std() * scale
        spread[spread < 1e-12 * (1.0 + np.abs(hidden.mean(axis=0)))] = 0.0  # constant
        covariance = centred.T @ (values - values.mean()) / len(values)
        result[name] = np.divide(
            covariance, spread, out=np.zeros_like(covariance), where=spread > 0
        )
    return result
