import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from rnnlib import functional as F
from rnnlib.gradcheck import numerical_gradient, relative_error

finite = hnp.arrays(
    np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=st.floats(-1e4, 1e4)
)


@given(finite)
def test_stable_for_huge_logits(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any overflow / invalid warning fails the test
        for y in (F.sigmoid(x), F.tanh(x), F.relu(x), F.softmax(x), F.log_softmax(x)):
            assert np.all(np.isfinite(y))
    assert np.allclose(F.softmax(x).sum(-1), 1.0)
    assert np.all((F.sigmoid(x) >= 0) & (F.sigmoid(x) <= 1))
    assert np.allclose(np.exp(F.log_softmax(x)), F.softmax(x), atol=1e-12)


def test_extreme_values_exact():
    x = np.array([-1e4, -50.0, 0.0, 50.0, 1e4])
    assert np.allclose(F.sigmoid(x), [0, 0, 0.5, 1, 1], atol=1e-15)
    assert np.allclose(F.softmax(np.array([1e4, 0.0])), [1.0, 0.0])
    assert np.allclose(F.log_softmax(np.array([1e4, 0.0])), [0.0, -1e4])


def test_sigmoid_matches_definition():
    x = np.linspace(-8, 8, 101)
    assert np.allclose(F.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(
    "forward, grad",
    [(F.sigmoid, F.sigmoid_grad), (F.tanh, F.tanh_grad), (F.relu, F.relu_grad)],
)
def test_derivatives_from_outputs(forward, grad):
    x = np.array([-2.0, -0.3, 0.4, 1.7])
    numeric = numerical_gradient(lambda: forward(x).sum(), x)
    assert relative_error(grad(forward(x)), numeric) < 1e-7


def test_derivative_bounds():
    x = np.linspace(-10, 10, 2001)
    assert F.sigmoid_grad(F.sigmoid(x)).max() == pytest.approx(0.25)
    assert F.tanh_grad(F.tanh(x)).max() == pytest.approx(1.0)


def test_softmax_temperature():
    x = np.array([1.0, 2.0, 3.0])
    assert np.allclose(F.softmax(x, temperature=1.0), F.softmax(x))
    assert (
        F.softmax(x, temperature=0.1).max()
        > F.softmax(x).max()
        > F.softmax(x, temperature=10).max()
    )
    with pytest.raises(ValueError, match="temperature"):
        F.softmax(x, temperature=0.0)


def test_zero_dimensional_and_integer_inputs():
    assert F.sigmoid(np.array(0.0)) == 0.5 and F.sigmoid(0) == 0.5
    assert F.sigmoid(np.array([1, 2])).dtype == np.float64
    assert F.sigmoid(np.zeros(2, np.float32)).dtype == np.float32
