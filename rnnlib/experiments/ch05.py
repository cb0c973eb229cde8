"""Chapter 5's name generator: a character GRU trained on a list of names, against
counted n-gram baselines, and the names it samples."""

from __future__ import annotations

import numpy as np

from .._checks import check_positive_int
from ..data.text import stream_batches
from ..generate import bits_per_char, generate
from ..models import SequenceModel
from ..ngram import CharNGram
from ..optim import Adam
from ..train import fit


def best_ngram_bpc(train_ids, valid_ids, vocab_size, order, smoothings=(1.0, 0.1, 0.01)) -> float:
    """Bits per character on ``valid_ids`` of the best ``order``-gram over the smoothings.

    Each :class:`rnnlib.ngram.CharNGram` with add-``k`` smoothing, ``k`` in
    ``smoothings``, is fitted to ``train_ids``; returns the lowest validation score.
    """
    return min(
        CharNGram(order, vocab_size, k).fit(train_ids).bits_per_char(valid_ids) for k in smoothings
    )


def train_name_generator(names, rng=0) -> tuple[SequenceModel, float]:
    """Train a GRU (64 units, float32) on the names' training text; score it.

    ``names`` is a :class:`rnnlib.data.text.TextCorpus` (e.g. from ``load_names``).
    Training: Adam (lr 0.01), 3 stateful passes over chunks of 32 x 25 characters,
    gradient norm clipped at 5. Returns ``(model, bpc)``, ``bpc`` the model's bits per
    character on the validation names.
    """
    V = len(names.vocab)
    model = SequenceModel(
        "gru", hidden_size=64, vocab_size=V, output_size=V, rng=rng, dtype=np.float32
    )
    fit(
        model,
        Adam(model, lr=0.01),
        stream_batches(names.encode("train"), 32, 25),
        epochs=3,
        clip_norm=5.0,
        stateful=True,
        progress=False,
    )
    return model, bits_per_char(model, names.encode("validation"), batch_size=4, steps=50)


def sample_names(model, vocab, count, temperature=0.8) -> list[str]:
    """``count`` samples of up to 20 characters, each primed with a newline.

    Sample ``s`` uses ``rng=s`` and stops after its first newline; returns the samples as
    generated (a finished name ends with ``"\\n"``).
    """
    count = check_positive_int(count, "count")
    return [
        generate(model, vocab, "\n", 20, temperature=temperature, rng=s, stop="\n")
        for s in range(count)
    ]
