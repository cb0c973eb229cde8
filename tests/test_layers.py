import numpy as np
from gradhelpers import GRADCHECK, assert_gradients_ok, seeds, sizes
from hypothesis import given

from rnnlib.gradcheck import gradcheck
from rnnlib.layers import Dense, Embedding


@GRADCHECK
@given(sizes, sizes, sizes, sizes, seeds)
def test_dense_gradients_on_sequences(T, B, D, C, seed):
    rng = np.random.default_rng(seed)
    layer = Dense(D, C, rng=rng)
    x = rng.normal(size=(T, B, D))
    R = rng.normal(size=(T, B, C))
    dx = {}

    def loss():
        y, cache = layer.forward(x)
        dx["x"] = layer.backward(R, cache)
        return float((y * R).sum())

    assert_gradients_ok(gradcheck(layer, loss, inputs={"x": (x, lambda: dx["x"])}))


def test_dense_same_per_step_and_batched():
    rng = np.random.default_rng(0)
    layer = Dense(3, 2, rng=rng)
    x = rng.normal(size=(4, 5, 3))
    y, _ = layer.forward(x)
    assert np.allclose(y[2], layer.forward(x[2])[0])
    assert np.allclose(y[1, 3], x[1, 3] @ layer.params["W"].T + layer.params["b"])


@GRADCHECK
@given(sizes, sizes, sizes, seeds)
def test_embedding_gradients_with_repeated_ids(T, B, dim, seed):
    rng = np.random.default_rng(seed)
    layer = Embedding(5, dim, rng=rng)
    ids = rng.integers(0, 5, size=(T, B))
    R = rng.normal(size=(T, B, dim))

    def loss():
        y, cache = layer.forward(ids)
        layer.backward(R, cache)
        return float((y * R).sum())

    assert_gradients_ok(gradcheck(layer, loss))
