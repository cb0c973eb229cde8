"""Every gradient keeps the layer's dtype, also with a mask (float32 stays float32)."""

import numpy as np
import pytest

from rnnlib.cells import CELL_TYPES
from rnnlib.recurrent import Bidirectional, Recurrent, Stacked


def padded_mask(steps, batch):
    mask = np.ones((steps, batch))
    mask[-2:, 0] = 0.0  # float64, as pad_batch returns it
    return mask


@pytest.mark.parametrize("cell_type", sorted(CELL_TYPES))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", ["recurrent", "bidirectional", "stacked"])
def test_masked_backward_keeps_the_layer_dtype(cell_type, dtype, shape):
    rng = np.random.default_rng(0)

    def cell(size):
        return CELL_TYPES[cell_type](size, 3, rng=rng, dtype=dtype)

    layer = {
        "recurrent": lambda: Recurrent(cell(2)),
        "bidirectional": lambda: Bidirectional(cell(2), cell(2)),
        "stacked": lambda: Stacked([Recurrent(cell(2)), Recurrent(cell(3))]),
    }[shape]()
    inputs = rng.normal(size=(5, 2, 2))  # float64 inputs and mask: converted on entry
    hidden, cache = layer.forward(inputs, mask=padded_mask(5, 2))
    assert hidden.dtype == dtype
    dinputs, dinitial = layer.backward(np.ones(hidden.shape), cache)
    assert dinputs.dtype == dtype
    parts = [dinitial]
    while parts:
        part = parts.pop()
        if isinstance(part, np.ndarray):
            assert part.dtype == dtype
        else:
            parts.extend(part)
    for name, param, grad in layer.named_parameters():
        assert param.dtype == grad.dtype == dtype, name
    for trace in cache.traces:
        assert trace.grad_hidden.dtype == dtype
        assert trace.mask.dtype == dtype
