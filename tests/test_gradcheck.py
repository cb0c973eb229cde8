"""The gradient checker must be able to fail: a wrong backward is caught."""

import numpy as np

from rnnlib.gradcheck import gradcheck, relative_error
from rnnlib.layers import Dense


class BrokenDense(Dense):
    def backward(self, dy, cache):
        dx = super().backward(dy, cache)
        self.grads["b"] *= 1.01  # a 1% mistake
        return dx


def check(layer):
    x = np.random.default_rng(0).normal(size=(4, 3))

    def loss():
        y, cache = layer.forward(x)
        layer.backward(2 * y, cache)
        return float((y * y).sum())

    return gradcheck(layer, loss)


def test_correct_backward_passes_and_broken_one_is_caught():
    good = check(Dense(3, 2, rng=0))
    bad = check(BrokenDense(3, 2, rng=0))
    assert max(good.values()) < 1e-8
    assert bad["W"] < 1e-8 and bad["b"] > 1e-3


def test_relative_error_floor_handles_zero_gradients():
    assert relative_error(np.zeros(3), np.full(3, 1e-12)) < 1e-6
    assert relative_error(np.array([1.0]), np.array([1.1])) > 0.04
