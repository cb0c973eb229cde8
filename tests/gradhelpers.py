"""Shared pieces of the core tests: hypothesis settings and a linear-functional loss."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: few examples per property: each example is a full numerical gradient check
GRADCHECK = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOLERANCE = 1e-6

sizes = st.integers(min_value=1, max_value=4)
seeds = st.integers(min_value=0, max_value=2**16)


def projection(rng, shape):
    """A random fixed tensor R: the loss sum(R * output) has dL/d(output) = R."""
    return rng.normal(size=shape)


def assert_gradients_ok(errors, tolerance=TOLERANCE):
    worst = max(errors.values())
    assert worst < tolerance, {k: f"{v:.2e}" for k, v in errors.items()}
