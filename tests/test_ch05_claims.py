"""Chapter 5's claims about its GRU language model, re-checked on other splits.

The experiment is the notebook's own function, ``rnnlib.experiments.ch05.gru_against_ngrams``:
on one split of the text it trains the GRU and the best 5-gram and runs the context
ablation, so the GRU and the 5-gram are always compared like with like. Here each seed
gives another split and another initialisation. The margins are the notebook's; they were
set from seeds 0-9 (GRU minus 5-gram from -0.09 to +0.40 bits per character with the
5-gram itself from 1.6 to 2.7; the GRU with 4 characters 0.32-0.82 behind the 5-gram at
the same positions, 0.34-0.45 better with 16 than with 4, at most 0.03 apart between 16
and 64, and with 64 from 0.13 better to 0.37 worse than the 5-gram with 4), and each
check can fail: they compare measured scores, never a constant.
"""

import numpy as np
import pytest

from rnnlib.data.text import char_features, feature_correlations, load_python_docs
from rnnlib.experiments import ch05 as experiments
from rnnlib.generate import generate, hidden_activations, next_char_distribution


@pytest.fixture(scope="module", params=[11, 12])
def comparison(request):
    seed = request.param
    corpus = load_python_docs(rng=seed)
    return {"seed": seed, "corpus": corpus} | experiments.gru_against_ngrams(corpus, rng=seed)


def test_the_gru_beats_short_ngrams_and_matches_the_5gram_on_the_same_split(comparison):
    corpus = comparison["corpus"]
    train, valid = corpus.encode("train"), corpus.encode("validation")
    V = len(corpus.vocab)
    rnn = comparison["gru_bpc"]
    unigram, bigram, trigram = (experiments.best_ngram_bpc(train, valid, V, n) for n in (1, 2, 3))
    assert rnn < unigram - 1.5
    assert rnn < bigram - 0.8
    assert rnn < trigram
    assert np.isclose(comparison["five_gram_bpc"], experiments.best_ngram_bpc(train, valid, V, 5))
    assert -0.2 < rnn - comparison["five_gram_bpc"] < 0.55


def test_the_context_ablation(comparison):
    ablation = comparison["ablation"]
    by_context = dict(zip(ablation["contexts"], ablation["bpc"], strict=True))
    five_gram = comparison["five_gram_at_positions"]
    assert by_context[4] > five_gram + 0.2
    assert by_context[4] > by_context[16] + 0.25
    assert abs(by_context[16] - by_context[64]) < 0.05
    assert -0.25 < by_context[64] - five_gram < 0.5


def test_greedy_loops_and_temperature(comparison):
    corpus, model = comparison["corpus"], comparison["run"]["model"]
    greedy = generate(model, corpus.vocab, "The ", 400, temperature=0)
    assert any(greedy[-100 - p : -p] == greedy[-100:] for p in range(1, 61))
    known = set(corpus.train.split())
    share, entropy = {}, {}
    for temperature in (0.5, 1.0, 1.5):
        text = generate(model, corpus.vocab, "The ", 1200, temperature=temperature, rng=1)
        share[temperature] = np.mean([w in known for w in text.split()])
        p = next_char_distribution(model, corpus.vocab, "The value of the ", temperature)
        entropy[temperature] = -(p * np.log2(p)).sum()
    assert share[0.5] > share[1.5] + 0.15
    assert entropy[0.5] < entropy[1.0] < entropy[1.5]


def test_a_quote_unit_emerges(comparison):
    corpus, model = comparison["corpus"], comparison["run"]["model"]
    untrained = experiments.language_model(len(corpus.vocab), rng=comparison["seed"])
    text = corpus.validation[:6000]
    features = {"inside quotes": char_features(text)["inside quotes"]}
    r_trained = feature_correlations(hidden_activations(model, corpus.vocab, text), features)
    r_random = feature_correlations(hidden_activations(untrained, corpus.vocab, text), features)
    gain = np.abs(r_trained["inside quotes"]).max() - np.abs(r_random["inside quotes"]).max()
    assert gain > 0.1
