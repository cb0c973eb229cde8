"""rnnlib.data.korean: syllables <-> jamo, and the faker ko_KR corpus."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnnlib.data.korean import (
    NUM_SYLLABLES,
    from_jamo,
    is_syllable,
    jamo_corpus,
    jamo_lengths,
    korean_lines,
    load_korean,
    to_jamo,
)
from rnnlib.data.text import TextCorpus


@pytest.fixture(scope="module")
def corpus():
    return load_korean(300, rng=0)


def test_a_syllable_and_its_jamo():
    assert to_jamo("한") == "\u1112\u1161\u11ab"  # ㅎ ㅏ ㄴ as conjoining jamo
    assert to_jamo("가") == "\u1100\u1161"  # no trailing consonant: 2 jamo
    assert to_jamo("a 1!") == "a 1!"  # other characters pass through
    assert from_jamo("\u1112\u1161\u11ab\u1100\u116e\u11a8") == "한국"
    assert from_jamo("\u1161") == "\u1161"  # a vowel alone forms no block
    assert list(jamo_lengths("한가 a")) == [3, 2, 1, 1]
    assert NUM_SYLLABLES == 11_172
    assert is_syllable("가") and is_syllable("힣") and not is_syllable("a")
    assert not is_syllable("\u1100") and not is_syllable("가가")


@given(st.lists(st.integers(0xAC00, 0xD7A3), min_size=1, max_size=20))
def test_every_syllable_round_trips(codes):
    text = "".join(map(chr, codes))
    jamo = to_jamo(text)
    assert jamo == unicodedata.normalize("NFD", text)
    assert from_jamo(jamo) == text
    assert jamo_lengths(text).sum() == len(jamo)
    assert all(0x1100 <= ord(char) <= 0x11FF for char in jamo)


def test_corpus_holds_out_whole_lines(corpus):
    train, validation = corpus.train.splitlines(), corpus.validation.splitlines()
    assert isinstance(corpus, TextCorpus) and "faker ko_KR" in corpus.source
    assert not set(train) & set(validation)
    assert len(set(train + validation)) == len(train + validation)  # each line once
    assert 0.08 < len(validation) / (len(train) + len(validation)) < 0.12
    text = corpus.train + corpus.validation
    assert np.mean([is_syllable(char) for char in text]) > 0.5  # mostly Hangul
    assert set(text) == set(corpus.vocab.tokens)


def test_corpus_depends_on_the_seed(corpus):
    assert load_korean(300, rng=0).validation == corpus.validation
    assert load_korean(300, rng=1).validation != corpus.validation
    names = korean_lines(5, ("name",), rng=3)
    assert names == korean_lines(5, ("name",), rng=3) and 1 <= len(names) <= 5
    assert all(is_syllable(char) for name in names for char in name)  # Korean names
    from_generator = korean_lines(5, ("name",), rng=np.random.default_rng(3))
    assert len(from_generator) >= 1 and all(isinstance(line, str) for line in from_generator)


def test_jamo_corpus_spells_the_same_split(corpus):
    jamo = jamo_corpus(corpus)
    assert from_jamo(jamo.train) == corpus.train and from_jamo(jamo.validation) == corpus.validation
    assert len(jamo.vocab) < 80 < len(corpus.vocab)
    assert len(jamo.train) > 1.5 * len(corpus.train)


def test_bad_arguments_name_themselves(corpus):
    with pytest.raises(TypeError, match="text"):
        to_jamo(b"bytes")
    with pytest.raises(TypeError, match="text"):
        from_jamo(None)
    with pytest.raises(TypeError, match="char"):
        is_syllable(3)
    with pytest.raises(ValueError, match="validation_fraction"):
        load_korean(10, 0.0, rng=0)
    with pytest.raises(ValueError, match="num_per_kind"):
        load_korean(0, rng=0)
    with pytest.raises(ValueError, match="kinds"):
        korean_lines(3, ("name", "no_such_thing"), rng=0)
    with pytest.raises(TypeError, match="kinds"):
        korean_lines(3, "name", rng=0)
    with pytest.raises(TypeError, match="rng"):
        korean_lines(3, rng="seed")
    with pytest.raises(TypeError, match="corpus"):
        jamo_corpus("text")
