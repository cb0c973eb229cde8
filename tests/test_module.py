"""Module.named_parameters: a parameter shared by two children is one parameter."""

import numpy as np
import pytest
from gradhelpers import assert_gradients_ok, projection

from rnnlib.cells import CELL_TYPES
from rnnlib.gradcheck import gradcheck
from rnnlib.optim import SGD, Adam
from rnnlib.recurrent import Bidirectional


@pytest.mark.parametrize("cell_type", sorted(CELL_TYPES))
def test_a_cell_used_in_both_directions_is_listed_once_and_its_gradient_is_the_sum(cell_type):
    rng = np.random.default_rng(0)
    cell = CELL_TYPES[cell_type](3, 2, rng=rng)
    layer = Bidirectional(cell, cell)
    names = [name for name, _, _ in layer.named_parameters()]
    assert names == [f"forward.cell.{name}" for name in cell.params]
    assert layer.num_parameters() == cell.num_parameters()
    inputs = rng.normal(size=(4, 2, 3))
    weights = projection(rng, (4, 2, 4))

    def loss():
        hidden, cache = layer.forward(inputs)
        layer.backward(weights, cache)
        return float(np.sum(weights * hidden))

    # tied weights: the gradient both directions add into one array is the true gradient
    assert_gradients_ok(gradcheck(layer, loss))


@pytest.mark.parametrize("make_optimizer", [lambda m: SGD(m, lr=0.1), lambda m: Adam(m, lr=0.1)])
def test_an_optimiser_steps_shared_weights_once_per_update(make_optimizer):
    """Before the fix the shared weights moved twice per step (once per name)."""
    rng = np.random.default_rng(1)
    cell = CELL_TYPES["rnn"](3, 2, rng=rng)
    shared = Bidirectional(cell, cell)
    alone = CELL_TYPES["rnn"](3, 2, rng=np.random.default_rng(1))  # same weights, one name each
    for (_, _, grad), (_, _, grad_alone) in zip(
        shared.named_parameters(), alone.named_parameters(), strict=True
    ):
        grad[...] = grad_alone[...] = rng.normal(size=grad.shape)
    make_optimizer(shared).step()
    make_optimizer(alone).step()
    for (name, param, _), (_, param_alone, _) in zip(
        shared.named_parameters(), alone.named_parameters(), strict=True
    ):
        assert np.array_equal(param, param_alone), name
