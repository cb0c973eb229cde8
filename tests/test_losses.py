import numpy as np
import pytest
from gradhelpers import GRADCHECK, seeds, sizes
from hypothesis import assume, given

from rnnlib.data.encoding import one_hot
from rnnlib.gradcheck import numerical_gradient, relative_error
from rnnlib.losses import mae, mse, softmax_cross_entropy


@GRADCHECK
@given(sizes, sizes, sizes, seeds)
def test_cross_entropy_gradient_with_mask(T, B, C, seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(T, B, C + 1))
    targets = rng.integers(0, C + 1, size=(T, B))
    mask = (rng.random((T, B)) < 0.7).astype(float)
    mask[0, 0] = 1.0
    loss, grad = softmax_cross_entropy(logits, targets, mask)
    numeric = numerical_gradient(lambda: softmax_cross_entropy(logits, targets, mask)[0], logits)
    assert relative_error(grad, numeric) < 1e-6
    assert np.all(grad[mask == 0] == 0)


def test_cross_entropy_index_and_one_hot_agree_and_match_hand_value():
    logits = np.array([[2.0, 0.5, -1.0], [0.0, 0.0, 0.0]])
    targets = np.array([0, 2])
    hand = -np.mean([2.0 - np.log(np.exp(logits[0]).sum()), -np.log(3.0)])
    loss_index, grad_index = softmax_cross_entropy(logits, targets)
    loss_onehot, grad_onehot = softmax_cross_entropy(logits, one_hot(targets, 3))
    assert loss_index == pytest.approx(hand) and loss_onehot == pytest.approx(hand)
    assert np.allclose(grad_index, grad_onehot)


def test_cross_entropy_huge_logits_finite():
    loss, grad = softmax_cross_entropy(np.array([[1e4, -1e4]]), np.array([1]))
    assert np.isfinite(loss) and loss == pytest.approx(2e4) and np.all(np.isfinite(grad))


@pytest.mark.parametrize("loss_fn", [mse, mae])
@GRADCHECK
@given(sizes, sizes, seeds)
def test_regression_gradients(loss_fn, B, D, seed):
    rng = np.random.default_rng(seed)
    pred, target = rng.normal(size=(B, D)), rng.normal(size=(B, D))
    # |x| has a kink at 0: the five-point stencil (reach 2e-4) must not straddle it
    assume(np.all(np.abs(pred - target) > 1e-3))
    _, grad = loss_fn(pred, target)
    numeric = numerical_gradient(lambda: loss_fn(pred, target)[0], pred)
    assert relative_error(grad, numeric) < 1e-6


def test_regression_values_and_step_mask():
    pred = np.array([[[1.0], [2.0]], [[3.0], [5.0]]])  # (T=2, B=2, 1)
    target = np.zeros_like(pred)
    assert mse(pred, target)[0] == pytest.approx((1 + 4 + 9 + 25) / 4)
    assert mae(pred, target)[0] == pytest.approx((1 + 2 + 3 + 5) / 4)
    mask = np.array([[1, 1], [1, 0]])  # per step: masks the last element
    assert mse(pred, target, mask)[0] == pytest.approx((1 + 4 + 9) / 3)
