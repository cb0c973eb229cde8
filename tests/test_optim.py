import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnnlib.layers import Dense
from rnnlib.optim import SGD, Adagrad, Adam, clip_grad_norm, clip_grad_value, global_grad_norm


def layer_with_grads(seed=0):
    layer = Dense(3, 2, rng=seed)
    rng = np.random.default_rng(seed + 1)
    for _, _, grad in layer.named_parameters():
        grad[...] = rng.normal(size=grad.shape)
    return layer


def test_sgd_and_momentum_by_hand():
    layer = layer_with_grads()
    W0, g = layer.params["W"].copy(), layer.grads["W"].copy()
    opt = SGD(layer, lr=0.1, momentum=0.9)
    opt.step()
    assert np.allclose(layer.params["W"], W0 - 0.1 * g)
    opt.step()  # v = 0.9 (-0.1 g) - 0.1 g
    assert np.allclose(layer.params["W"], W0 - 0.1 * g - 0.19 * g)


def test_adam_first_step_moves_each_entry_by_lr():
    layer = layer_with_grads()
    W0, g = layer.params["W"].copy(), layer.grads["W"].copy()
    Adam(layer, lr=0.01).step()  # bias-corrected m/sqrt(v) = sign(g) on step 1
    assert np.allclose(layer.params["W"], W0 - 0.01 * np.sign(g), atol=1e-8)


def test_adagrad_by_hand():
    layer = layer_with_grads()
    W0, g = layer.params["W"].copy(), layer.grads["W"].copy()
    opt = Adagrad(layer, lr=0.5, eps=1e-8)
    opt.step()
    opt.step()
    first = W0 - 0.5 * g / (np.abs(g) + 1e-8)
    assert np.allclose(layer.params["W"], first - 0.5 * g / (np.sqrt(2 * g * g) + 1e-8))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.floats(1e-3, 10.0))
def test_clip_norm_bounds_the_norm_and_keeps_direction(seed, max_norm):
    layer = layer_with_grads(seed)
    before = np.concatenate([g.ravel() for _, _, g in layer.named_parameters()])
    reported = clip_grad_norm(layer, max_norm)
    after = np.concatenate([g.ravel() for _, _, g in layer.named_parameters()])
    assert reported == pytest.approx(np.linalg.norm(before))
    assert np.linalg.norm(after) <= max_norm * (1 + 1e-12)
    assert np.allclose(after / np.linalg.norm(after), before / np.linalg.norm(before))


def test_clip_value_clamps_entries():
    layer = layer_with_grads()
    clip_grad_value(layer, 0.1)
    assert max(np.abs(g).max() for _, _, g in layer.named_parameters()) <= 0.1
    assert global_grad_norm(layer) > 0


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda m: SGD(m, lr=-1), "lr: expected a positive number, got -1"),
        (lambda m: SGD(m, lr=0.1, momentum=1.5), r"momentum: expected a number in \[0, 1\)"),
        (lambda m: Adam(m, beta2=1.0), "beta2"),
        (lambda m: Adagrad(m, eps=0), "eps"),
        (lambda m: clip_grad_norm(m, 0), "max_norm"),
        (lambda m: SGD("not a module", lr=1), "module: expected an rnnlib Module"),
    ],
)
def test_bad_hyper_parameters(make, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make(layer_with_grads())
