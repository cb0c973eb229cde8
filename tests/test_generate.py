"""rnnlib.generate (sampling, scoring), rnnlib.viz.text and rnnlib.widgets.text, and the
chapter 5 claims that depend on training, re-checked with other seeds."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnnlib.data.encoding import Vocabulary  # noqa: E402
from rnnlib.data.text import (  # noqa: E402
    load_names,
)
from rnnlib.experiments.ch05 import (  # noqa: E402
    best_ngram_bpc,
    sample_names,
    train_name_generator,
)
from rnnlib.functional import log_softmax, softmax  # noqa: E402
from rnnlib.generate import (  # noqa: E402
    bits_per_char,
    bits_per_position,
    generate,
    hidden_activations,
    next_char_distribution,
)
from rnnlib.models import SequenceModel  # noqa: E402
from rnnlib.viz.text import (  # noqa: E402
    activation_html,
    char_label,
    plot_activation_text,
    plot_bits_per_char,
    plot_next_char_distribution,
)
from rnnlib.widgets.text import generation_explorer, rank_units, unit_explorer  # noqa: E402

VOCAB = Vocabulary.from_text('abc \n"()')


@pytest.fixture(scope="module", params=["gru", "lstm"])
def model(request):
    V = len(VOCAB)
    return SequenceModel(request.param, hidden_size=6, vocab_size=V, output_size=V, rng=3)


def _step_by_step(model, ids):
    """Reference: feed one id at a time, carrying the state by hand; logits (N, V)."""
    state, rows = None, []
    for k in ids:
        logits, cache = model.forward(np.array([[k]]), initial_state=state)
        state = cache.final_state
        rows.append(logits[0, 0])
    return np.array(rows)


def test_greedy_generation_follows_the_argmax_chain(model):
    text = generate(model, VOCAB, "ab", 12, temperature=0)
    ids = list(VOCAB.encode("ab"))
    for char in text:
        logits = _step_by_step(model, np.array(ids))
        assert VOCAB.tokens[int(np.argmax(logits[-1]))] == char
        ids.append(VOCAB.index[char])


def test_sampling_is_seeded_and_uses_the_temperature(model):
    a = generate(model, VOCAB, "a(", 40, temperature=1.3, rng=7)
    assert a == generate(model, VOCAB, "a(", 40, temperature=1.3, rng=7)
    assert len(a) == 40 and set(a) <= set(VOCAB.tokens)
    assert a != generate(model, VOCAB, "a(", 40, temperature=1.3, rng=8)
    stopped = generate(model, VOCAB, "a", 200, temperature=2.0, rng=1, stop="\n")
    assert stopped.endswith("\n") and stopped.count("\n") == 1


def test_next_char_distribution(model):
    logits = _step_by_step(model, VOCAB.encode("abc"))[-1]
    np.testing.assert_allclose(next_char_distribution(model, VOCAB, "abc"), softmax(logits))
    entropies = []
    for temperature in (0.25, 0.5, 1.0, 2.0, 4.0):
        p = next_char_distribution(model, VOCAB, "abc", temperature)
        assert p.sum() == pytest.approx(1.0)
        entropies.append(-(p * np.log(p)).sum())
    assert np.all(np.diff(entropies) > 0)  # hotter = flatter
    greedy = next_char_distribution(model, VOCAB, "abc", 0)
    assert greedy.max() == 1.0 and np.argmax(greedy) == np.argmax(logits)


def test_bits_per_char_matches_a_step_by_step_reading(model):
    ids = np.random.default_rng(0).integers(0, len(VOCAB), 61)
    logits = _step_by_step(model, ids[:-1])
    expected = -np.mean(log_softmax(logits)[np.arange(60), ids[1:]]) / np.log(2)
    assert bits_per_char(model, ids, batch_size=1, steps=7) == pytest.approx(expected)
    assert bits_per_char(model, ids, batch_size=3, steps=5) > 0


def test_bits_per_position_is_the_step_by_step_surprise(model):
    ids = np.random.default_rng(1).integers(0, len(VOCAB), 41)
    logits = _step_by_step(model, ids[:-1])
    expected = -log_softmax(logits)[np.arange(40), ids[1:]] / np.log(2)
    bits = bits_per_position(model, ids)
    assert bits.shape == (40,)
    np.testing.assert_allclose(bits, expected, rtol=1e-5)
    assert bits.mean() == pytest.approx(bits_per_char(model, ids, batch_size=1, steps=9))
    with pytest.raises(ValueError, match="ids: expected at least 2"):
        bits_per_position(model, ids[:1])
    with pytest.raises(ValueError, match="ids"):
        bits_per_position(model, np.array([0, 99]))
    with pytest.raises(TypeError, match="model"):
        bits_per_position("model", ids)


def test_hidden_activations(model):
    hidden = hidden_activations(model, VOCAB, "ab (c)")
    assert hidden.shape == (6, 6)
    _, cache = model.forward(VOCAB.encode("ab (c)")[:, None])
    np.testing.assert_allclose(hidden, cache.traces[0].hidden[:, 0])
    with pytest.raises(ValueError, match="layer"):
        hidden_activations(model, VOCAB, "ab", layer=1)
    with pytest.raises(ValueError, match="text"):
        hidden_activations(model, VOCAB, "")


def test_bad_input_names_the_argument(model):
    with pytest.raises(ValueError, match="rng"):
        generate(model, VOCAB, "a", 5, temperature=1.0)
    with pytest.raises(ValueError, match="prime"):
        generate(model, VOCAB, "", 5, temperature=0)
    with pytest.raises(ValueError, match="prime: expected characters of the vocabulary"):
        generate(model, VOCAB, "xyz", 5, temperature=0)
    with pytest.raises(ValueError, match="temperature"):
        next_char_distribution(model, VOCAB, "a", -1.0)
    with pytest.raises(ValueError, match="stop"):
        generate(model, VOCAB, "a", 5, temperature=0, stop="z")
    with pytest.raises(ValueError, match="length"):
        generate(model, VOCAB, "a", 0, temperature=0)
    with pytest.raises(ValueError, match="vocab"):
        generate(model, Vocabulary.from_text("ab"), "a", 3, temperature=0)
    with pytest.raises(TypeError, match="model"):
        generate("model", VOCAB, "a", 3, temperature=0)
    with pytest.raises(ValueError, match="ids"):
        bits_per_char(model, np.array([0, 99]))


# ----- plots and explorers ----------------------------------------------------------------
def test_plots_draw_headless(model):
    text = 'ab "c"\n(a)'
    values = np.linspace(-1, 1, len(text))
    html = activation_html(text, values)
    assert html.count("<span") == len(text) and "&quot;" in html
    ax = plot_activation_text(text, values, columns=8)
    assert ax.get_title()
    ax = plot_next_char_distribution(np.full(len(VOCAB), 1 / len(VOCAB)), VOCAB.tokens, top=4)
    assert len(ax.patches) == 4 and ax.get_xlabel() and ax.get_ylabel()
    ax = plot_bits_per_char({"validation": ([1, 2, 3], [4.0, 3.0, 2.5])}, {"bigram": 3.5})
    assert "bits" in ax.get_ylabel() and len(ax.lines) == 2
    assert char_label(" ") != " " and char_label("\n") == "\\n"
    with pytest.raises(ValueError, match="values"):
        activation_html("abc", [1.0, 2.0])
    with pytest.raises(ValueError, match="probs"):
        plot_next_char_distribution([0.5, 0.5], VOCAB.tokens)
    plt.close("all")


def test_generation_explorer_redraws_fast(model):
    explorer = generation_explorer(model, VOCAB, prime="ab", length=60)
    explorer.controls["temperature"].value = 0.0
    assert "<b>ab</b>" in explorer.note.value
    explorer.controls["seed"].value = 3
    explorer.controls["prime"].value = "zz"  # unknown characters: a message, no error
    assert "not in the vocabulary" in explorer.note.value
    assert (
        len(explorer.redraw_seconds) == 4 and max(explorer.redraw_seconds) < 3.0
    )  # smoke test; timed by make bench


def test_generation_explorer_switches_between_models(model):
    other = SequenceModel(
        "rnn", hidden_size=4, vocab_size=len(VOCAB), output_size=len(VOCAB), rng=5
    )
    explorer = generation_explorer({"small": other, "this": model}, VOCAB, prime="ab", length=30)
    explorer.controls["temperature"].value = 0.0
    greedy_small = explorer.note.value
    explorer.controls["model"].value = "this"
    assert explorer.note.value != greedy_small
    sample = generate(model, VOCAB, "ab", 30, temperature=0)
    assert sample + "</pre>" in explorer.note.value
    with pytest.raises(TypeError, match="models"):
        generation_explorer({"x": "not a model"}, VOCAB)


def test_unit_explorer_ranks_units(model):
    text = 'a "bc" (a b) c\n' * 8
    explorer = unit_explorer(model, VOCAB, text, show_chars=40)
    first = explorer.controls["unit"].options[0][1]
    assert first == explorer.ranked_units[0][0]
    explorer.controls["unit"].value = explorer.controls["unit"].options[-1][1]
    coloured = explorer.note.value.split("<pre", 1)[1]  # after the key: the coloured text
    assert coloured.count("<span") == 40
    assert max(explorer.redraw_seconds) < 3.0  # smoke test; timed by make bench


def test_unit_explorer_follows_the_chosen_model(model):
    text = 'a "bc" (a b) c\n' * 8
    wide = SequenceModel("gru", hidden_size=9, vocab_size=len(VOCAB), output_size=len(VOCAB), rng=4)
    explorer = unit_explorer({"this": model, "wide": wide}, VOCAB, text, show_chars=40)
    explorer.controls["unit"].value = 2
    explorer.controls["model"].value = "wide"
    assert explorer.controls["unit"].options == tuple(explorer.by_model["wide"]["options"])
    explorer.controls["unit"].value = 8  # a unit only the wide model has
    values = explorer.by_model["wide"]["hidden"][:40, 8]
    assert explorer.note.value.endswith(activation_html(text[:40], values, vmax=1.0))  # after a key
    explorer.controls["model"].value = "this"  # back: the unit list and the picture follow
    assert explorer.controls["unit"].value == explorer.by_model["this"]["options"][0][1]


def test_rank_units():
    correlations = {"a": np.array([0.1, -0.9, 0.3]), "b": np.array([0.8, 0.0, 0.2])}
    assert rank_units(correlations, per_feature=1) == [(1, "a", -0.9), (0, "b", 0.8)]
    ranked = rank_units(correlations, per_feature=2)
    assert [u for u, _, _ in ranked] == [1, 0, 2]


# ----- chapter 5's name generator with other seeds (the language model: test_ch05_claims.py)
@pytest.mark.parametrize("seed", [11, 12])
def test_name_generator_on_other_seeds(seed):
    """Chapter 5: the name model beats the bigram baseline on held-out names, and most
    sampled names are new, capitalised and end with a newline."""
    names = load_names("en", rng=seed)
    train, validation = names.encode(), names.encode("validation")
    bigram = best_ngram_bpc(train, validation, len(names.vocab), 2, (1, 0.1))
    model, bpc = train_name_generator(names, seed)
    assert bpc < bigram - 0.1
    samples = sample_names(model, names.vocab, 30, temperature=0.8)
    known = set(names.train.split())
    assert np.mean([s.endswith("\n") and s[:1].isupper() for s in samples]) > 0.8
    assert np.mean([s.strip() not in known for s in samples]) > 0.4
