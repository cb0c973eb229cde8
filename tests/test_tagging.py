"""rnnlib.tagging: counting, Viterbi (against brute force), HMM, hybrid decoding,
the chapter 7 exercise checks, the trellis plot and explorer, and the chapter's
training-dependent claims re-checked with other seeds."""

import itertools

import matplotlib
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from rnnlib import analysis, tagging
from rnnlib.data.encoding import Vocabulary
from rnnlib.data.pos import TAGS, ambiguity_stats, generate_pos_corpus, lexicon_words
from rnnlib.experiments.ch07 import (
    accuracy_table,
    compare_taggers,
    hybrid_claims,
    hybrid_experiment,
    tagging_claims,
    train_window_tagger,
)
from rnnlib.models import SequenceModel
from rnnlib.tagging import Transitions, count_transitions, path_score, viterbi

matplotlib.use("Agg")


def random_transitions(rng, num_tags):
    def log_rows(n):
        return np.log(rng.dirichlet(np.ones(n), size=num_tags))

    rows = log_rows(num_tags + 1)
    return Transitions(np.log(rng.dirichlet(np.ones(num_tags))), rows[:, :num_tags], rows[:, -1])


def brute_force(scores, transitions):
    """The best path by trying all K^T tag sequences."""
    steps, num_tags = scores.shape
    paths = itertools.product(range(num_tags), repeat=steps)
    return max(path_score(np.array(p), scores, transitions) for p in paths)


@settings(max_examples=60, deadline=None)
@given(
    steps=st.integers(1, 5),
    num_tags=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
    scale=st.sampled_from([0.1, 1.0, 10.0]),
)
def test_viterbi_matches_brute_force(steps, num_tags, seed, scale):
    rng = np.random.default_rng(seed)
    scores = rng.normal(0, scale, size=(steps, num_tags))
    transitions = random_transitions(rng, num_tags)
    result = viterbi(scores, transitions)
    assert result.score == pytest.approx(brute_force(scores, transitions), abs=1e-9)
    assert result.score == pytest.approx(path_score(result.path, scores, transitions))


@settings(max_examples=40, deadline=None)
@given(
    scores=arrays(
        np.float64, st.tuples(st.integers(1, 4), st.integers(1, 3)), elements=st.floats(-50, 50)
    )
)
def test_viterbi_matches_brute_force_with_ties_and_neutral_transitions(scores):
    transitions = Transitions.neutral(scores.shape[1])
    result = viterbi(scores, transitions)
    assert result.score == pytest.approx(brute_force(scores, transitions), abs=1e-9)
    # with nothing linking the steps, the per-token argmax is a best path
    greedy = path_score(scores.argmax(axis=1), scores, transitions)
    assert result.score == pytest.approx(greedy, abs=1e-9)


def test_trellis_is_consistent_with_its_back_pointers():
    rng = np.random.default_rng(0)
    scores = rng.normal(size=(6, 4))
    transitions = random_transitions(rng, 4)
    r = viterbi(scores, transitions)
    assert r.backpointers[0].tolist() == [-1] * 4
    for t in range(1, 6):
        for k in range(4):
            i = r.backpointers[t, k]
            expected = r.delta[t - 1, i] + transitions.log_transition[i, k] + scores[t, k]
            assert r.delta[t, k] == pytest.approx(expected)
            assert (
                r.delta[t, k]
                >= (r.delta[t - 1] + transitions.log_transition[:, k]).max() + scores[t, k] - 1e-12
            )
    for t in range(1, 6):
        assert r.path[t - 1] == r.backpointers[t, r.path[t]]


def test_hmm_viterbi_matches_brute_force_on_short_corpus_sentences():
    test, vocab, hmm, _, _ = small_setup()
    short = [s for s in test.sentences if len(s) <= 4][:4]
    assert len(short) == 4
    for sentence in short:
        scores = hmm.emission_scores(vocab.encode(sentence))
        result = hmm.decode(vocab.encode(sentence))
        assert result.score == pytest.approx(brute_force(scores, hmm.transitions))


def test_viterbi_allows_minus_infinity_to_forbid_a_tag():
    scores = np.array([[0.0, -np.inf], [-np.inf, 0.0]])
    r = viterbi(scores, Transitions.neutral(2))
    assert r.path.tolist() == [0, 1]


def test_count_transitions_by_hand():
    tags = [np.array([0, 1, 1]), np.array([1, 0])]
    t = count_transitions(tags, 2, smoothing=0.0)
    # starts: 0 once, 1 once; from 0: -> 1 once, -> end once; from 1: -> 0, -> 1, -> end
    np.testing.assert_allclose(np.exp(t.log_start), [0.5, 0.5])
    np.testing.assert_allclose(np.exp(t.log_transition), [[0.0, 0.5], [1 / 3, 1 / 3]])
    assert np.exp(t.log_end).tolist() == pytest.approx([0.5, 1 / 3])
    smoothed = count_transitions(tags, 2, smoothing=1.0)
    rows = np.exp(smoothed.log_transition).sum(1) + np.exp(smoothed.log_end)
    assert rows == pytest.approx([1.0, 1.0])
    assert np.all(np.isfinite(smoothed.log_transition))


def test_prior_and_emissions_are_distributions():
    words = [np.array([0, 2, 1]), np.array([2, 2])]
    tags = [np.array([0, 1, 1]), np.array([1, 0])]
    prior = tagging.tag_prior(tags, 3, smoothing=0.0)
    assert prior.tolist() == pytest.approx([0.4, 0.6, 0.0])
    emission = tagging.count_emissions(words, tags, 3, 2, smoothing=0.0)
    assert np.exp(emission).sum(1) == pytest.approx([1.0, 1.0])
    assert np.exp(emission[1]).tolist() == pytest.approx([0.0, 1 / 3, 2 / 3])


def test_hmm_and_baseline_on_a_toy_corpus():
    # "can" (id 1) is a NOUN (2) after "the" (0), a MODAL (5) after "I" (3)
    words = [np.array([0, 1]), np.array([3, 1, 4]), np.array([3, 1, 4])]
    tags = [np.array([0, 2]), np.array([3, 5, 4]), np.array([3, 5, 4])]
    hmm = tagging.HMM.fit(words, tags, vocab_size=5, num_tags=8)
    assert hmm.decode(np.array([0, 1])).path.tolist() == [0, 2]
    assert hmm.decode(np.array([3, 1, 4])).path.tolist() == [3, 5, 4]
    baseline = tagging.MostFrequentTag(words, tags, vocab_size=5, num_tags=8)
    assert baseline.predict(np.array([0, 1])).tolist() == [0, 5]  # "can" mostly MODAL
    assert analysis.accuracy([np.array([0, 5])], [np.array([0, 2])]) == 0.5
    assert analysis.accuracy([np.array([0, 5])], [np.array([0, 2])], [np.array([0, 1])]) == 0.0


def test_scaled_likelihoods_and_hybrid_decode():
    rng = np.random.default_rng(1)
    log_post = np.log(rng.dirichlet(np.ones(3), size=4))
    prior = np.array([0.5, 0.3, 0.2])
    scaled = tagging.scaled_log_likelihoods(log_post, prior)
    assert scaled == pytest.approx(log_post - np.log(prior))
    transitions = random_transitions(rng, 3)
    hybrid = tagging.hybrid_decode(log_post, prior, transitions)
    assert hybrid.score == pytest.approx(brute_force(scaled, transitions))
    # a uniform prior shifts every tag equally: the winning path does not change
    uniform = tagging.hybrid_decode(log_post, np.full(3, 1 / 3), transitions)
    assert np.array_equal(uniform.path, viterbi(log_post, transitions).path)


def test_rnn_log_posteriors_ignore_padding():
    model = SequenceModel(
        "lstm",
        hidden_size=5,
        output_size=3,
        vocab_size=7,
        embedding_dim=4,
        bidirectional=True,
        rng=0,
    )
    sentences = [np.array([1, 2, 3, 4]), np.array([5, 6])]
    batched = tagging.rnn_log_posteriors(model, sentences)
    assert [lp.shape for lp in batched] == [(4, 3), (2, 3)]
    for sentence, lp in zip(sentences, batched, strict=True):
        alone = tagging.rnn_log_posteriors(model, [sentence])[0]
        assert lp == pytest.approx(alone, abs=1e-12)
        assert np.exp(lp).sum(1) == pytest.approx(np.ones(len(sentence)))


def test_tagging_batches_are_padded_and_masked():
    words = [np.arange(1, n + 1) for n in (3, 5, 2)]
    tags = [np.zeros(n, dtype=int) + 1 for n in (3, 5, 2)]
    batches = list(tagging.tagging_batches(words, tags, 2, rng=0)())
    assert len(batches) == 2
    ids, targets, mask = batches[0]
    assert ids.shape == targets.shape == mask.shape
    assert mask.sum() == (targets == 1).sum()


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: viterbi(np.zeros((3, 2)), "A"), TypeError, "transitions"),
        (lambda: viterbi(np.zeros(3), Transitions.neutral(2)), ValueError, "emission_scores"),
        (lambda: viterbi(np.zeros((3, 4)), Transitions.neutral(2)), ValueError, "2 tags"),
        (lambda: viterbi(np.full((2, 2), np.nan), Transitions.neutral(2)), ValueError, "NaN"),
        (lambda: viterbi(np.zeros((0, 2)), Transitions.neutral(2)), ValueError, "time step"),
        (lambda: count_transitions([np.array([0, 3])], 3), ValueError, r"tag_ids\[0\]"),
        (lambda: count_transitions(np.array([0, 1]), 3), TypeError, "list of sequences"),
        (lambda: count_transitions([], 3), ValueError, "non-empty"),
        (lambda: count_transitions([np.array([0.5])], 3), TypeError, "integer"),
        (lambda: count_transitions([np.array([0])], 3, smoothing=-1), ValueError, "smoothing"),
        (
            lambda: tagging.count_emissions([np.array([0, 1])], [np.array([0])], 2, 2),
            ValueError,
            "length",
        ),
        (
            lambda: tagging.scaled_log_likelihoods(np.zeros((2, 3)), np.ones(2) / 2),
            ValueError,
            "prior",
        ),
        (
            lambda: tagging.scaled_log_likelihoods(np.zeros((2, 2)), np.array([1.0, 0.0])),
            ValueError,
            "positive",
        ),
        (
            lambda: path_score(np.array([0, 1]), np.zeros((3, 2)), Transitions.neutral(2)),
            ValueError,
            "path",
        ),
        (lambda: analysis.accuracy([np.array([1])], [np.array([1, 2])]), ValueError, "predicted"),
        (lambda: tagging.HMM("x", np.zeros((2, 2))), TypeError, "transitions"),
    ],
)
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


# ----------------------------------------------------------------- exercise checks


def small_setup():
    corpus = generate_pos_corpus(300, rng=0)
    train, test = corpus.split(0.2, rng=0)
    vocab = Vocabulary(["<pad>"] + lexicon_words())
    words = [vocab.encode(s) for s in train.sentences]
    hmm = tagging.HMM.fit(words, train.tag_ids(), len(vocab), len(TAGS))
    return test, vocab, hmm, words, train


def test_plot_trellis_draws_the_winning_path():
    from rnnlib.viz.tagging import plot_trellis

    test, vocab, hmm, _, _ = small_setup()
    sentence = test.sentences[0]
    result = hmm.decode(vocab.encode(sentence))
    ax = plot_trellis(result, sentence, TAGS, gold=test.tag_ids()[0])
    path_line = [line for line in ax.lines if line.get_label() == "winning path"][0]
    assert path_line.get_ydata().tolist() == result.path.tolist()
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    with pytest.raises(ValueError, match="words"):
        plot_trellis(result, sentence[:-1], TAGS)


def test_trellis_explorer_toggles_and_redraws():
    from rnnlib.widgets.tagging import trellis_explorer

    test, vocab, _, words, train = small_setup()
    rng = np.random.default_rng(0)
    log_post = [np.log(rng.dirichlet(np.ones(len(TAGS)), size=len(s))) for s in test.sentences[:3]]
    explorer = trellis_explorer(
        test.sentences[:3],
        log_post,
        tagging.tag_prior(train.tag_ids(), len(TAGS)),
        count_transitions(train.tag_ids(), len(TAGS)),
        TAGS,
        gold=test.tag_ids()[:3],
    )
    explorer.controls["mode"].value = "hybrid"
    explorer.controls["sentence"].value = 2
    assert len(explorer.redraw_seconds) == 3
    assert bytes(explorer.image.value[:4]) == b"\x89PNG"
    assert "hybrid" in explorer.note.value.lower()


# ----------------------------------------------------------------- the chapter's claims


@pytest.mark.parametrize("seed", [1, 2])
def test_chapter_claims_hold_for_other_seeds(seed):
    """The orderings notebook 07 asserts, with its settings, on two other seeds."""
    corpus = generate_pos_corpus(3000, rng=seed)
    train, test = corpus.split(0.25, rng=seed)
    vocab = Vocabulary(["<pad>"] + lexicon_words())
    encode = lambda c: [vocab.encode(s) for s in c.sentences]  # noqa: E731
    results = compare_taggers(
        encode(train), train.tag_ids(), encode(test), len(vocab), len(TAGS), rng=seed
    )
    ambiguous = ambiguity_stats(train, test)["ambiguous_masks"]
    table = accuracy_table(results, test.sentences, test.tag_ids(), ambiguous)
    claims = tagging_claims(table)
    assert all(claims.values()), claims
    # section 6: window taggers and the two RNNs, decoded with and without transitions
    hybrid_table = hybrid_experiment(
        encode(train),
        train.tag_ids(),
        encode(test),
        test.tag_ids(),
        ambiguous,
        len(vocab),
        len(TAGS),
        rng=seed,
    )
    for label in ("RNN", "BiRNN"):
        hybrid_table[f"{label} (section 5)"] = {
            "argmax": table[f"{label} (argmax)"]["ambiguous"],
            "hybrid": table[f"{label} + Viterbi (hybrid)"]["ambiguous"],
        }
    hybrid_checks = hybrid_claims(hybrid_table, table["HMM (counts + Viterbi)"]["ambiguous"])
    assert all(hybrid_checks.values()), (hybrid_checks, hybrid_table)


def test_window_ids_pad_beyond_each_sentence_and_posteriors_split_back():
    sentences = [np.array([5, 6, 7]), np.array([8])]
    assert tagging.window_ids(sentences, 1).tolist() == [[0, 5, 6, 0], [5, 6, 7, 8], [6, 7, 0, 0]]
    assert tagging.window_ids(sentences, 0).tolist() == [[5, 6, 7, 8]]
    model = train_window_tagger(
        sentences, [np.array([0, 1, 2]), np.array([1])], 9, 3, 1, rng=0, epochs=1
    )
    posteriors = tagging.window_log_posteriors(model, sentences, 1)
    assert [p.shape for p in posteriors] == [(3, 3), (1, 3)]
    assert all(np.allclose(np.exp(p).sum(axis=1), 1) for p in posteriors)
    with pytest.raises(ValueError, match="width"):
        tagging.window_ids(sentences, -1)


def test_the_hybrid_on_a_counted_word_posterior_is_the_hmm():
    """p(tag | word) / p(tag) = p(word | tag) N / c(word): the hybrid decodes the HMM's paths."""
    corpus = generate_pos_corpus(300, rng=3)
    vocab = Vocabulary(["<pad>"] + lexicon_words())
    words = [vocab.encode(s) for s in corpus.sentences]
    tags = corpus.tag_ids()
    K, V = len(TAGS), len(vocab)
    counts = tagging.tag_word_counts(words, tags, V, K)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_local = np.log(counts) - np.log(counts.sum(axis=0, keepdims=True))
        hmm = tagging.HMM(
            tagging.count_transitions(tags, K), tagging.count_emissions(words, tags, V, K, 0)
        )
    prior = tagging.tag_prior(tags, K, smoothing=0)
    for w in words:
        hybrid = tagging.hybrid_decode(log_local[:, w].T, prior, hmm.transitions)
        assert np.array_equal(hybrid.path, hmm.decode(w).path)
