"""Chapter 6's training-dependent claims, re-checked with other seeds (the notebook uses 0).

The experiments are the notebook's own functions (``rnnlib.experiments.ch06``), run here
with other seeds; each test trains in a few seconds.
"""

import numpy as np
import pytest

from rnnlib import analysis
from rnnlib.baselines import CharBigramClassifier
from rnnlib.data import classification as cd
from rnnlib.experiments import ch06

SEEDS = [1, 2]


@pytest.mark.parametrize("seed", SEEDS)
def test_names_gru_matches_the_bigram_baseline(seed):
    rng = np.random.default_rng(seed)
    names = cd.name_language_data(rng=seed)
    vocab = cd.build_vocabulary(names.train.texts, "char")
    bigram = CharBigramClassifier(alpha=0.1).fit(names.train.texts, names.train.labels, 7)
    bigram_accuracy = np.mean(bigram.predict(names.test.texts) == names.test.labels)
    model = ch06.train_name_gru(names, vocab, rng)
    predicted = analysis.predict_classes(model, names.test, vocab, "char")
    test = np.mean(predicted == names.test.labels)
    train_accuracy = np.mean(
        analysis.predict_classes(model, names.train, vocab, "char") == names.train.labels
    )
    assert bigram_accuracy > 3 / 7 and test > 3 / 7
    assert bigram_accuracy - 0.15 < test <= bigram_accuracy + 0.02
    assert train_accuracy - test > 0.1
    _, per_class, mixed, average_pair = ch06.language_mixups(
        names.test.labels, predicted, names.classes
    )
    language = {name: k for k, name in enumerate(names.classes)}
    assert per_class[language["Finnish"]] > per_class[language["English"]]
    assert per_class[language["Italian"]] > per_class[language["English"]]
    for a, b in [("German", "Dutch"), ("Italian", "Spanish")]:
        assert mixed[language[a], language[b]] > 1.3 * average_pair, (a, b)
    assert (
        names.classes[analysis.prefix_probabilities(model, vocab, "virtanen")[-1].argmax()]
        == "Finnish"
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_bag_of_words_fails_where_order_matters_and_the_gru_does_not(seed):
    rng = np.random.default_rng(seed)
    for name, data in (
        ("sentiment", cd.sentiment_data(rng=seed)),
        ("intent", cd.intent_data(rng=seed)),
    ):
        results, model, vocab = ch06.order_experiment(data, rng)
        bow_table, gru_table = results["bag of words"], results["GRU"]
        assert bow_table["plain"] >= 0.85, name
        assert bow_table["order-dependent"] <= 0.5, name
        assert gru_table["plain"] >= 0.9 and gru_table["order-dependent"] >= 0.9, (name, gru_table)
        if name == "sentiment":
            assert bow_table["negation: word"] <= 0.3 and gru_table["negation"] >= 0.9
            assert bow_table["negation: ending"] >= 0.9  # "좋지" occurs only negated
            _, _, nearer_own = ch06.adjective_separation(model, vocab, cd.sentiment_lexicon())
            assert nearer_own >= 0.9
        else:
            assert gru_table["plain"] >= 0.95


@pytest.mark.parametrize("seed", SEEDS)
def test_one_layer_leaves_a_second_nothing_to_win_on_intents(seed):
    depth = ch06.depth_experiment(cd.intent_data(rng=seed), np.random.default_rng(seed))
    assert depth[1]["accuracy"] >= 0.95 and depth[2]["accuracy"] >= 0.95, depth
    assert depth[2]["parameters"] > 1.5 * depth[1]["parameters"]


@pytest.mark.parametrize("seed", SEEDS)
def test_only_bidirectional_grus_resolve_the_homonym_stacked_or_not(seed):
    data = cd.homonym_data(rng=seed)
    vocab = cd.build_vocabulary(data.train.texts, "word")
    results = ch06.homonym_experiment(
        data, vocab, np.random.default_rng(seed), models=tuple(ch06.HOMONYM_MODELS)
    )
    accuracy = {label: row[0] for label, row in results.items()}
    assert accuracy["one-directional"] <= 0.65 and accuracy["bidirectional"] >= 0.9, accuracy
    assert accuracy["2 layers, one-directional"] <= 0.65, accuracy
    assert accuracy["2 layers, bidirectional"] >= 0.9, accuracy
    assert results["bidirectional"][1] > 1.8 * results["one-directional"][1]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_skipgram_vectors_group_words_by_context_not_by_polarity(seed):
    data = cd.sentiment_data(rng=seed)
    model, vocab, losses = ch06.train_skipgram(data.train.texts, np.random.default_rng(seed))
    scores = ch06.context_similarity(
        model.vectors, vocab, cd.sentiment_word_groups(), cd.sentiment_lexicon()
    )
    assert losses[-1] < losses[0] - 0.3, losses
    assert scores["within"] - scores["across"] > 0.6, scores
    assert scores["nearest_in_group"] >= 0.9, scores
    assert abs(scores["same_polarity"] - scores["opposite_polarity"]) < 0.1, scores
    nearest = analysis.nearest_words(model.vectors, vocab.tokens, "good")
    assert any(cd.sentiment_lexicon()[w][1] == "negative" for w in nearest), nearest


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_korean_words_leave_unseen_forms_that_syllables_shrink_and_jamo_cover(seed):
    data = cd.sentiment_data(rng=seed)
    table = ch06.korean_tokens(data)
    random, unseen = table["random split"], table["negation unseen"]
    assert all(random[level]["oov_rate"] < 0.01 for level in random), random
    assert (
        random["jamo"]["vocab_size"] <= random["word"]["vocab_size"] < random["char"]["vocab_size"]
    )
    per_word = {
        level: row["tokens_per_text"] / random["word"]["tokens_per_text"]
        for level, row in random.items()
    }
    assert 3.5 < per_word["char"] < 4.5 and 8 < per_word["jamo"] < 9.5, per_word
    assert unseen["word"]["oov_rate"] > 0.4, unseen
    assert unseen["word"]["texts_with_oov"] == unseen["char"]["texts_with_oov"] == 1, unseen
    assert unseen["char"]["oov_rate"] < min(0.2, unseen["word"]["oov_rate"] / 3), unseen
    assert unseen["jamo"]["oov_rate"] < 0.01, unseen
