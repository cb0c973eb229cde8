"""Source -> target string pairs for encoder-decoder models: vocabularies and batches.

A :class:`PairTask` holds the two character vocabularies and the splits. Source ids
start with ``<pad>`` (id 0); target ids with ``<pad>``, ``<s>`` (start, id 1) and
``</s>`` (end, id 2), the ids :class:`rnnlib.seq2seq.Seq2Seq` expects by default.
A batch is time-major and right-padded:

* ``source (S, B)`` and ``source_mask (S, B)``;
* ``target_inputs (T, B)``: ``<s> y_1 ... y_n`` (what the decoder reads under teacher
  forcing), ``target_outputs (T, B)``: ``y_1 ... y_n </s>`` (what it must write), and
  ``target_mask (T, B)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .._checks import as_generator, check_positive_int
from .encoding import Vocabulary, pad_batch

__all__ = ["PAD", "START", "END", "Pairs", "PairTask", "encode_sources", "make_batch", "batches"]

PAD, START, END = "<pad>", "<s>", "</s>"


@dataclass
class Pairs:
    """Parallel lists: ``sources[i]`` -> ``targets[i]``; ``kinds[i]`` names its form
    (a date format, or a length)."""

    sources: list[str]
    targets: list[str]
    kinds: list

    def __len__(self) -> int:
        return len(self.sources)

    def subset(self, keep) -> Pairs:
        """The pairs where the boolean ``keep`` is True."""
        indices = np.flatnonzero(keep)
        return Pairs(
            [self.sources[i] for i in indices],
            [self.targets[i] for i in indices],
            [self.kinds[i] for i in indices],
        )


@dataclass
class PairTask:
    """A generated string-to-string task: vocabularies, ``train``, ``test`` and optional
    ``held_out`` splits (name -> Pairs)."""

    name: str
    source_vocab: Vocabulary
    target_vocab: Vocabulary
    train: Pairs
    test: Pairs
    held_out: dict[str, Pairs] = field(default_factory=dict)

    @property
    def start_id(self) -> int:
        return self.target_vocab.index[START]

    @property
    def end_id(self) -> int:
        return self.target_vocab.index[END]

    def decode_target(self, ids) -> str:
        """Target ids (without ``</s>``) -> the string."""
        return "".join(self.target_vocab.decode(np.asarray(ids, dtype=np.int64)))

    def source_tokens(self, text: str) -> list[str]:
        """The source characters, as the heatmaps label them."""
        return list(text)


def source_vocabulary(characters) -> Vocabulary:
    return Vocabulary([PAD] + sorted(set(characters)))


def target_vocabulary(characters) -> Vocabulary:
    return Vocabulary([PAD, START, END] + sorted(set(characters)))


def encode_sources(texts: Sequence[str], vocab: Vocabulary, name: str = "text") -> list[np.ndarray]:
    """Strings -> id arrays. Characters the vocabulary lacks raise a ValueError that
    names them (and says which text they came from)."""
    if isinstance(texts, str):
        raise TypeError(f"{name}: expected a list of strings, got a single string")
    encoded = []
    for k, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            raise ValueError(f"{name}[{k}]: expected a non-empty string, got {text!r:.60}")
        unknown = sorted({c for c in text if c not in vocab or c == PAD})
        if unknown:
            shown = ", ".join(repr(c) for c in unknown)
            raise ValueError(
                f"{name}: {text!r} has characters the model's vocabulary cannot encode: "
                f"{shown} (it knows {len(vocab) - 1} characters; see task.source_vocab.tokens)"
            )
        encoded.append(vocab.encode(list(text)))
    return encoded


def make_batch(sources: Sequence[str], targets: Sequence[str] | None, task: PairTask):
    """Encode and pad a batch.

    Returns ``(source (S, B), source_mask (S, B))`` when ``targets`` is None, else
    ``(source, source_mask, target_inputs (T, B), target_outputs (T, B), target_mask (T, B))``.
    """
    source, source_mask = pad_batch(encode_sources(sources, task.source_vocab, "sources"))
    if targets is None:
        return source, source_mask
    if len(targets) != len(sources):
        raise ValueError(
            f"targets: expected {len(sources)} strings like sources, got {len(targets)}"
        )
    encoded = encode_sources(targets, task.target_vocab, "targets")
    inputs, _ = pad_batch([np.concatenate([[task.start_id], t]) for t in encoded])
    outputs, target_mask = pad_batch([np.concatenate([t, [task.end_id]]) for t in encoded])
    return source, source_mask, inputs, outputs, target_mask


def batches(pairs: Pairs, task: PairTask, batch_size: int, *, rng):
    """A callable returning the shuffled batches of one epoch (:func:`make_batch` tuples).
    Pairs are sorted by length inside chunks of 20 batches, to waste less on padding."""
    batch_size = check_positive_int(batch_size, "batch_size")
    rng = as_generator(rng)

    def epoch():
        order = rng.permutation(len(pairs))
        chunk = 20 * batch_size
        for start in range(0, len(order), chunk):
            part = order[start : start + chunk]
            part = part[np.argsort([len(pairs.sources[i]) for i in part], kind="stable")]
            groups = [part[k : k + batch_size] for k in range(0, len(part), batch_size)]
            for g in rng.permutation(len(groups)):
                group = groups[g]
                yield make_batch(
                    [pairs.sources[i] for i in group], [pairs.targets[i] for i in group], task
                )

    return epoch
