"""The generated part-of-speech corpus: grammar well-formed, seeded, split, ambiguity."""

import numpy as np
import pytest

from rnnlib.data.pos import (
    GRAMMAR,
    LEXICON,
    TAGS,
    WORD_WEIGHTS,
    TaggedCorpus,
    ambiguity_stats,
    generate_pos_corpus,
    lexicon_words,
)


def test_grammar_probabilities_sum_to_one_and_symbols_are_defined():
    for symbol, rules in GRAMMAR.items():
        assert sum(p for p, _ in rules) == pytest.approx(1.0), symbol
        for _, rhs in rules:
            for child in rhs:
                assert child in GRAMMAR or child in LEXICON, (symbol, child)
    for tag, words in LEXICON.values():
        assert tag in TAGS and len(words) == len(set(words))
    assert set(WORD_WEIGHTS) <= set(lexicon_words())


def test_same_seed_same_corpus_other_seed_other_corpus():
    a = generate_pos_corpus(50, rng=3)
    b = generate_pos_corpus(50, rng=np.random.default_rng(3))
    c = generate_pos_corpus(50, rng=4)
    assert a == b
    assert a.sentences != c.sentences


def test_sentences_are_tagged_from_the_lexicon():
    corpus = generate_pos_corpus(300, rng=0)
    tags_of = {}
    for tag, words in LEXICON.values():
        for word in words:
            tags_of.setdefault(word, set()).add(tag)
    for words, tags in zip(corpus.sentences, corpus.tags, strict=True):
        assert 2 <= len(words) == len(tags) <= 20
        for word, tag in zip(words, tags, strict=True):
            assert tag in tags_of[word]
    ids = corpus.tag_ids()
    assert all(i.dtype == np.int64 and i.max() < len(TAGS) for i in ids)


def test_the_famous_ambiguous_words_carry_several_tags():
    counts = generate_pos_corpus(3000, rng=1).word_tag_counts()
    expected = {
        "book": {"NOUN", "VERB"},
        "can": {"NOUN", "MODAL"},
        "flies": {"NOUN", "VERB"},
        "like": {"VERB", "ADP"},
        "saw": {"NOUN", "VERB"},
        "her": {"DET", "PRON"},
        "light": {"ADJ", "NOUN", "VERB"},
    }
    for word, tags in expected.items():
        assert set(counts[word]) == tags, word


def test_split_is_a_seeded_partition():
    corpus = generate_pos_corpus(100, rng=0)
    train, test = corpus.split(0.25, rng=5)
    assert (len(train), len(test)) == (75, 25)
    assert sorted(train.sentences + test.sentences) == sorted(corpus.sentences)
    assert corpus.split(0.25, rng=5) == (train, test)


def test_ambiguity_statistics():
    train, test = generate_pos_corpus(1000, rng=2).split(0.2, rng=0)
    stats = ambiguity_stats(train, test)
    assert 15 <= stats["num_ambiguous_types"] < stats["num_types"]
    assert 0.2 < stats["ambiguous_token_fraction"] < 0.5
    assert 1.0 < stats["tags_per_token"] < 2.0
    masks = stats["ambiguous_masks"]
    assert [len(m) for m in masks] == [len(s) for s in test.sentences]
    share = np.concatenate(masks).mean()
    assert share == pytest.approx(stats["ambiguous_token_fraction"])
    assert all(len(tags) > 1 for tags in stats["ambiguous_words"].values())


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: generate_pos_corpus(0, rng=0), ValueError, "num_sentences"),
        (lambda: generate_pos_corpus(5, rng="seed"), TypeError, "rng"),
        (lambda: generate_pos_corpus(5, rng=0).split(1.5, rng=0), ValueError, "test_fraction"),
        (lambda: TaggedCorpus((("a",),), ()), ValueError, "tags"),
        (lambda: TaggedCorpus((("a", "b"),), (("DET",),)), ValueError, "2 words"),
        (lambda: ambiguity_stats([["a"]]), TypeError, "train"),
    ],
)
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()
