"""Chapter 2's claims: the hand computation against rnnlib, and the notebook's
training-dependent claims (rnnlib.experiments.ch02) re-checked with other seeds."""

import numpy as np
import pytest

import rnnlib
from rnnlib import functional, losses, optim
from rnnlib.cells import RNNCell
from rnnlib.data.encoding import Vocabulary, one_hot, pad_batch
from rnnlib.experiments.ch02 import STEP, sine_regression
from rnnlib.recurrent import Recurrent

SEEDS = [1, 2, 3]


# ----- the hand computation -------------------------------------------------------------------
def test_numpy_rnn_matches_rnnlib():
    rng = np.random.default_rng(5)
    W_xh, W_hh, b = rng.normal(size=(4, 4)), rng.normal(size=(4, 4)), rng.normal(size=4)
    xs = one_hot(rng.integers(0, 4, size=5), 4)
    h, expected = np.zeros(4), []
    for x in xs:
        h = np.tanh(W_xh @ x + W_hh @ h + b)
        expected.append(h)
    cell = RNNCell(4, 4, rng=0)
    for name, value in {"W_xh": W_xh, "W_hh": W_hh, "b": b}.items():
        cell.params[name][...] = value
    hidden, _ = Recurrent(cell).forward(xs[:, None])
    np.testing.assert_allclose(hidden[:, 0], np.array(expected))


# ----- training claims with other seeds -------------------------------------------------------
def train_next_char(text, seed, epochs=100):
    """The notebook's recipe: 8 tanh units, Adam(lr=0.05), full-sequence steps."""
    vocab = Vocabulary(text)
    ids = vocab.encode(text)
    inputs, targets = ids[:-1, None], ids[1:, None]
    model = rnnlib.SequenceModel(
        "rnn", hidden_size=8, vocab_size=len(vocab), output_size=len(vocab), rng=seed
    )
    history = rnnlib.fit(
        model, optim.Adam(model, lr=0.05), [(inputs, targets)], epochs=epochs, progress=False
    )
    return model, vocab, inputs, targets, history


@pytest.mark.parametrize("seed", SEEDS)
def test_hihello_claims_hold_for_other_seeds(seed):
    model, vocab, inputs, targets, history = train_next_char("hihello", seed)
    logits, cache = model.forward(inputs)
    probs = functional.softmax(logits[:, 0])
    assert vocab.decode(probs.argmax(-1)) == "ihello"
    assert probs[np.arange(6), targets[:, 0]].min() > 0.9
    memoryless_bound = 4 * np.log(2) / 6
    assert history.loss[-1] < memoryless_bound / 10
    hidden = cache.traces[0].hidden[:, 0]
    assert np.linalg.norm(hidden[4] - hidden[5]) > 1.0  # the two 'l' steps differ
    # one-to-many: greedy generation from "h" with the carried state
    logits, cache = model.forward(vocab.encode("h")[:, None])
    text = "h"
    for _ in range(6):
        next_id = logits[-1, 0].argmax()
        text += vocab.decode(np.array([next_id]))
        logits, cache = model.forward(np.array([[next_id]]), initial_state=cache.final_state)
    assert text == "hihello"


@pytest.mark.parametrize("seed", SEEDS)
def test_hello_claims_hold_for_other_seeds(seed):
    model, vocab, inputs, targets, history = train_next_char("hello", seed)
    assert history.loss[0] > 1.0 and history.loss[-1] < 0.05
    assert vocab.decode(model.predict(inputs)[:, 0].argmax(-1)) == "ello"


@pytest.mark.parametrize("seed", SEEDS)
def test_toy_sentiment_fits_for_other_seeds(seed):
    sentences = [
        ("이 숙소 짱입니다", 1),
        ("이 숙소 별로입니다", 0),
        ("숙소 짱", 1),
        ("숙소 별로", 0),
        ("이 식당 정말 짱입니다", 1),
        ("이 식당 정말 별로입니다", 0),
    ]
    vocab = Vocabulary(word for s, _ in sentences for word in s.split())
    ids, mask = pad_batch([vocab.encode(s.split()) for s, _ in sentences])
    labels = np.array([label for _, label in sentences])
    model = rnnlib.SequenceModel(
        "rnn", hidden_size=8, vocab_size=len(vocab), output_size=2, many_to_one=True, rng=seed
    )
    rnnlib.fit(model, optim.Adam(model, lr=0.05), [(ids, labels, mask)], epochs=60, progress=False)
    assert np.array_equal(model.predict(ids, mask=mask).argmax(1), labels)


def test_index_and_one_hot_targets_give_the_same_loss():
    rng = np.random.default_rng(3)
    logits, targets = rng.normal(size=(6, 2, 5)), rng.integers(0, 5, size=(6, 2))
    loss_i, grad_i = losses.softmax_cross_entropy(logits, targets)
    loss_o, grad_o = losses.softmax_cross_entropy(logits, one_hot(targets, 5))
    assert np.isclose(loss_i, loss_o) and np.allclose(grad_i, grad_o)


@pytest.mark.parametrize("seed", SEEDS)
def test_sine_regression_beats_the_memoryless_guess_for_other_seeds(seed):
    sine = sine_regression(seed)  # test waves from seed 100 + seed
    assert sine.predictions.shape == sine.targets.shape == (30, 32, 1)
    assert np.isclose(sine.mse_memoryless, np.sin(STEP) ** 2 / 2, rtol=0.3)
    assert sine.mse_rnn < sine.mse_memoryless / 10
