import numpy as np
import pytest
from gradhelpers import GRADCHECK, assert_gradients_ok, seeds
from hypothesis import given
from hypothesis import strategies as st

from rnnlib import SequenceModel, fit
from rnnlib.data.encoding import Vocabulary, pad_batch
from rnnlib.gradcheck import gradcheck
from rnnlib.losses import softmax_cross_entropy
from rnnlib.optim import Adam


@GRADCHECK
@given(
    st.sampled_from(["rnn", "lstm", "gru"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from([None, 3]),
    seeds,
)
def test_model_gradients(cell, bidirectional, many_to_one, embedding_dim, seed):
    rng = np.random.default_rng(seed)
    model = SequenceModel(
        cell,
        hidden_size=3,
        output_size=4,
        vocab_size=5,
        embedding_dim=embedding_dim,
        num_layers=2,
        bidirectional=bidirectional,
        many_to_one=many_to_one,
        rng=rng,
    )
    ids, mask = pad_batch([rng.integers(0, 5, size=n) for n in (4, 2, 3)])
    targets = rng.integers(0, 4, size=3 if many_to_one else ids.shape)

    def loss():
        logits, cache = model.forward(ids, mask=mask)
        value, dlogits = softmax_cross_entropy(logits, targets, None if many_to_one else mask)
        model.backward(dlogits, cache)
        return value

    assert_gradients_ok(gradcheck(model, loss))


def test_many_to_one_reads_the_last_real_step():
    rng = np.random.default_rng(0)
    model = SequenceModel(
        "gru",
        hidden_size=4,
        output_size=2,
        vocab_size=6,
        many_to_one=True,
        bidirectional=True,
        rng=rng,
    )
    short = np.array([1, 2, 3])
    ids, mask = pad_batch([short, np.array([4, 5, 1, 2, 3])])
    batched = model.predict(ids, mask)
    alone = model.predict(short[:, None])
    assert np.allclose(batched[0], alone[0])


def test_float_inputs_and_regression_model_shapes():
    model = SequenceModel("lstm", hidden_size=5, output_size=1, input_size=2, rng=0)
    out, cache = model.forward(np.zeros((7, 3, 2)))
    assert out.shape == (7, 3, 1) and len(cache.traces) == 1
    assert len(cache.final_state) == 1 and len(cache.final_state[0]) == 2


def test_fit_learns_hello_for_several_seeds():
    vocab = Vocabulary("helo")
    ids = vocab.encode("hello")
    inputs, targets = ids[:-1, None], ids[1:, None]
    for seed in (0, 1, 2):
        model = SequenceModel("rnn", hidden_size=8, output_size=4, vocab_size=4, rng=seed)
        history = fit(model, Adam(model, lr=0.05), [(inputs, targets)], epochs=150, progress=False)
        assert history.loss[-1] < 0.05 < history.loss[0]
        assert vocab.decode(model.predict(inputs).argmax(-1)[:, 0]) == "ello"


def test_fit_stateful_carries_state_between_chunks():
    rng = np.random.default_rng(0)
    model = SequenceModel("rnn", hidden_size=4, output_size=3, vocab_size=3, rng=rng)
    ids = rng.integers(0, 3, size=(8, 2))
    chunks = [(ids[:4], ids[1:5]), (ids[4:7], ids[5:8])]
    history = fit(
        model,
        Adam(model, lr=0.01),
        chunks,
        stateful=True,
        truncate=2,
        clip_norm=1.0,
        progress=False,
    )
    assert len(history.loss) == 2 and len(history.grad_norm) == 2


def test_model_rejects_bad_configuration():
    with pytest.raises(ValueError, match="exactly one"):
        SequenceModel(hidden_size=2, output_size=2, rng=0)
    with pytest.raises(ValueError, match="cell"):
        SequenceModel("transformer", hidden_size=2, output_size=2, input_size=2, rng=0)
    model = SequenceModel(hidden_size=2, output_size=2, vocab_size=3, rng=0)
    with pytest.raises(ValueError, match=r"inputs: expected indices in \[0, 3\), got 7"):
        model.forward(np.array([[7]]))
