"""Counted character n-gram language models (:class:`CharNGram`), the baselines a neural
model must beat: ``p(y | c) = (N(c, y) + k) / (N(c) + k V)`` with add-k smoothing, a start
symbol before the first characters, counts stored sparsely, scored in bits per character
(chapter 5 explains them).
"""

from __future__ import annotations

import numpy as np

from ._checks import (
    as_generator,
    check_index_array,
    check_nonnegative_float,
    check_positive_float,
    check_positive_int,
)

__all__ = ["CharNGram"]


class CharNGram:
    """An order-``n`` character model with add-``k`` smoothing over ``vocab_size`` symbols.

    ``CharNGram(2, vocab_size=V).fit(train_ids).bits_per_char(validation_ids)``.
    """

    def __init__(self, order: int, vocab_size: int, k: float = 1.0):
        self.order = check_positive_int(order, "order")
        self.vocab_size = check_positive_int(vocab_size, "vocab_size")
        self.k = check_positive_float(k, "k")
        self._contexts = None  # sorted unique context codes
        self._counts = None  # (num_contexts, V) counts N(c, y)

    # ----- contexts as integers ---------------------------------------------------------
    def _context_codes(self, ids: np.ndarray) -> np.ndarray:
        """The context of every position of ``ids`` as one integer, shape ``(N,)``.

        The ``n - 1`` previous ids are digits in base ``V + 1``; the digit ``V`` stands
        for "before the start of the text".
        """
        base, width = self.vocab_size + 1, self.order - 1
        padded = np.concatenate([np.full(width, self.vocab_size, dtype=np.int64), ids])
        codes = np.zeros(len(ids), dtype=np.int64)
        for lag in range(width, 0, -1):  # oldest character first
            codes = codes * base + padded[width - lag : width - lag + len(ids)]
        return codes

    def _check_ids(self, ids, name: str = "ids") -> np.ndarray:
        ids = check_index_array(ids, name, size=self.vocab_size, ndim=1, axes="(N,)")
        if len(ids) == 0:
            raise ValueError(f"{name}: expected at least one id, got none")
        return ids

    # ----- counting ---------------------------------------------------------------------
    def fit(self, ids) -> CharNGram:
        """Count every (context, next character) pair of the training ids ``(N,)``."""
        ids = self._check_ids(ids)
        if (self.vocab_size + 1) ** (self.order - 1) * self.vocab_size >= 2**62:
            raise ValueError(f"order: {self.order} is too high for integer context codes")
        contexts, row = np.unique(self._context_codes(ids), return_inverse=True)
        counts = np.zeros((len(contexts), self.vocab_size))
        np.add.at(counts, (row, ids), 1.0)
        self._contexts, self._counts = contexts, counts
        return self

    def _require_fit(self):
        if self._counts is None:
            raise ValueError("model: call fit(train_ids) before asking for probabilities")

    def _rows(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each context code: its row in the count table and whether it was seen."""
        rows = np.searchsorted(self._contexts, codes)
        rows = np.minimum(rows, len(self._contexts) - 1)
        return rows, self._contexts[rows] == codes

    def probabilities(self, ids) -> np.ndarray:
        """``p(ids[t] | previous n - 1 ids)`` for every position, shape ``(N,)``."""
        self._require_fit()
        ids = self._check_ids(ids)
        rows, seen = self._rows(self._context_codes(ids))
        pair = np.where(seen, self._counts[rows, ids], 0.0)
        total = np.where(seen, self._counts[rows].sum(axis=1), 0.0)
        return (pair + self.k) / (total + self.k * self.vocab_size)

    def bits_per_char(self, ids) -> float:
        """``-mean_t log2 p(ids[t] | context)`` over all positions of ``ids`` ``(N,)``."""
        return float(-np.mean(np.log2(self.probabilities(ids))))

    def next_distribution(self, context) -> np.ndarray:
        """``p(. | context)`` over the vocabulary ``(V,)``, from the last ``n - 1`` ids of
        ``context`` (a shorter context is padded with the start symbol)."""
        self._require_fit()
        context = check_index_array(context, "context", size=self.vocab_size, ndim=1)
        width = self.order - 1
        tail = list(context[len(context) - width :]) if width else []
        tail = [self.vocab_size] * (width - len(tail)) + tail
        code = 0
        for digit in tail:
            code = code * (self.vocab_size + 1) + int(digit)
        rows, seen = self._rows(np.array([code]))
        counts = self._counts[rows[0]] if seen[0] else np.zeros(self.vocab_size)
        return (counts + self.k) / (counts.sum() + self.k * self.vocab_size)

    def sample(self, context, length: int, *, rng, temperature: float = 1.0) -> np.ndarray:
        """Draw ``length`` ids one at a time, each from ``p(. | last n - 1 ids) ** (1/T)``
        renormalised (``temperature = 0``: always the most likely id)."""
        length = check_positive_int(length, "length")
        temperature = check_nonnegative_float(temperature, "temperature")
        rng = as_generator(rng)
        history = list(check_index_array(context, "context", size=self.vocab_size, ndim=1))
        for _ in range(length):
            p = self.next_distribution(np.array(history, dtype=np.int64))
            if temperature == 0:
                history.append(int(np.argmax(p)))
                continue
            logp = np.log(p) / temperature
            p = np.exp(logp - logp.max())
            history.append(int(rng.choice(self.vocab_size, p=p / p.sum())))
        return np.array(history[len(history) - length :], dtype=np.int64)

    @property
    def num_contexts(self) -> int:
        """How many distinct contexts the training text contained (the table's rows)."""
        self._require_fit()
        return len(self._contexts)

    @property
    def num_counts(self) -> int:
        """How many (context, next character) pairs have a nonzero count."""
        self._require_fit()
        return int(np.count_nonzero(self._counts))

    def __repr__(self) -> str:
        fitted = "unfitted" if self._counts is None else f"{len(self._contexts)} contexts"
        return f"CharNGram(order={self.order}, vocab_size={self.vocab_size}, k={self.k}, {fitted})"
