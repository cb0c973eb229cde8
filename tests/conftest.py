"""Fixtures shared by several test files."""

import pytest

from rnnlib import SequenceModel
from rnnlib.data import classification as cd


@pytest.fixture(scope="module")
def name_setup():
    """An untrained character GRU classifier of names into three languages, and its data."""
    data = cd.name_language_data(["Finnish", "Italian", "German"], per_class=30, rng=0)
    vocab = cd.build_vocabulary(data.train.texts, "char")
    model = SequenceModel(
        "gru",
        vocab_size=len(vocab),
        embedding_dim=4,
        hidden_size=6,
        output_size=3,
        many_to_one=True,
        rng=0,
    )
    return data, vocab, model
