"""Turning tokens into numbers: vocabularies, one-hot vectors and padded batches; and a
letter-by-letter romanisation of Hangul for labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .._checks import check_float_dtype, check_index_array, check_positive_int

__all__ = ["Vocabulary", "one_hot", "pad_batch", "romanize"]


class Vocabulary:
    """A fixed list of tokens (characters or words) and their integer ids.

    ``encode("hello") -> array([1, 0, 2, 2, 3])``, ``decode(ids) -> "hello"`` for
    characters; for words pass lists of strings and ``decode`` returns a list.
    """

    def __init__(self, tokens: Iterable):
        if not isinstance(tokens, Iterable):
            raise TypeError(f"tokens: expected an iterable of tokens, got {type(tokens).__name__}")
        try:
            self.tokens = list(dict.fromkeys(tokens))
        except TypeError as error:  # unhashable tokens such as lists
            raise TypeError(f"tokens: expected hashable tokens (strings), got {error}") from None
        if not self.tokens:
            raise ValueError("tokens: expected at least one token, got none")
        self.index = {token: i for i, token in enumerate(self.tokens)}

    @classmethod
    def from_text(cls, text: str) -> Vocabulary:
        """Characters of ``text`` in sorted order."""
        if not isinstance(text, str) or not text:
            raise ValueError(f"text: expected a non-empty string, got {text!r:.40}")
        return cls(sorted(set(text)))

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token) -> bool:
        return token in self.index

    def encode(self, sequence: Sequence) -> np.ndarray:
        """Tokens -> int64 ids. Unknown tokens raise a ValueError naming them."""
        if isinstance(sequence, np.ndarray) or not isinstance(sequence, Sequence):
            raise TypeError(
                "sequence: expected a string or a list of tokens, got "
                f"{type(sequence).__name__} {sequence!r:.40}"
            )
        unknown = [token for token in sequence if token not in self.index]
        if unknown:
            shown = ", ".join(repr(u) for u in list(dict.fromkeys(unknown))[:5])
            raise ValueError(f"sequence: tokens not in the vocabulary: {shown}")
        return np.array([self.index[token] for token in sequence], dtype=np.int64)

    def decode(self, ids) -> str | list:
        ids = check_index_array(ids, "ids", size=len(self), ndim=1)
        tokens = [self.tokens[i] for i in ids]
        if all(isinstance(t, str) and len(t) == 1 for t in self.tokens):
            return "".join(tokens)
        return tokens

    def __repr__(self) -> str:
        return (
            f"Vocabulary({len(self)} tokens: {self.tokens[:10]!r}{'...' if len(self) > 10 else ''})"
        )


def one_hot(ids, size: int, dtype=np.float64) -> np.ndarray:
    """ids ``(...)`` -> one-hot vectors ``(..., size)``: a 1 at each id, 0 elsewhere."""
    size = check_positive_int(size, "size")
    dtype = check_float_dtype(dtype)
    ids = check_index_array(ids, "ids", size=size)
    out = np.zeros(ids.shape + (size,), dtype=dtype)
    np.put_along_axis(out, ids[..., None], 1.0, axis=-1)
    return out


def pad_batch(sequences: Sequence, pad_id: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad id sequences of different lengths into a time-major batch.

    Returns ``ids (T, B)`` with ``T`` the longest length and ``mask (T, B)`` with 1 for
    real tokens and 0 for padding (the recurrent layers carry their state over padding,
    and the losses ignore it).
    """
    pad_id = check_positive_int(pad_id, "pad_id", minimum=0)
    if isinstance(sequences, (str, bytes)) or not isinstance(sequences, Iterable):
        raise TypeError(
            f"sequences: expected a list of 1-D integer id sequences, got {type(sequences).__name__}"
        )
    sequences = [np.asarray(s) for s in sequences]
    if not sequences:
        raise ValueError("sequences: expected at least one sequence, got none")
    for k, s in enumerate(sequences):
        if s.ndim != 1 or s.dtype.kind not in "iu" or s.size == 0:
            raise ValueError(
                f"sequences[{k}]: expected a non-empty 1-D integer sequence, got "
                f"dtype {s.dtype} and shape {s.shape}"
            )
    steps = max(len(s) for s in sequences)
    ids = np.full((steps, len(sequences)), pad_id, dtype=np.int64)
    mask = np.zeros((steps, len(sequences)))
    for b, s in enumerate(sequences):
        ids[: len(s), b] = s
        mask[: len(s), b] = 1.0
    return ids, mask


# --- Hangul -> Latin letters ---------------------------------------------------------------

_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ["", *"g kk gs n nj nh d l lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h".split()]


def romanize(text: str) -> str:
    """Hangul syllables -> Latin letters, jamo by jamo ("좋아요" -> "johayo"); other
    characters are kept. Not the official Revised Romanisation (no sound changes): only
    a readable label for plots."""
    if not isinstance(text, str):
        raise TypeError(f"text: expected a string, got {type(text).__name__}")
    out = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            vowel, final = divmod(rest, 28)
            out.append(_INITIALS[initial].replace("-", "") + _VOWELS[vowel] + _FINALS[final])
        else:
            out.append(char)
    return "".join(out)
