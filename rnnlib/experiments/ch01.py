"""The seeded runs chapter 1 asserts (Hopfield networks)."""

from __future__ import annotations

import numpy as np

from .. import patterns
from .._checks import as_generator, check_positive_int
from ..hopfield import HopfieldNetwork

__all__ = ["letter_recall_rate"]


def letter_recall_rate(num_cues: int = 300, noise: float = 0.2, *, rng=0) -> float:
    """Fraction of noisy cues from which asynchronous recall finds the right letter.

    The network stores the five course letters (``patterns.COURSE_GLYPHS``, N = 100).
    Cue k is letter ``k % 5`` with a fraction ``noise`` of its units flipped; a hit is a
    recall whose largest overlap is with that letter and at least 0.9.
    """
    num_cues = check_positive_int(num_cues, "num_cues")
    rng = as_generator(rng)
    memories = patterns.glyph_patterns(list(patterns.COURSE_GLYPHS))
    network = HopfieldNetwork.from_patterns(memories)
    hits = 0
    for cue in range(num_cues):
        target = cue % len(memories)
        noisy = patterns.noisy_copy(memories[target], fraction=noise, rng=rng)
        overlaps = network.overlaps(network.recall(noisy, rng=rng).final)
        hits += int(np.argmax(overlaps) == target and overlaps[target] >= 0.9)
    return hits / num_cues
