"""Generated time series (a noisy sum of sines, the Mackey-Glass chaotic series) and
``windows``, which cuts a series into (context window -> next value) examples.

* ``sine_mixture``: ``sum_k a_k sin(2 pi t / p_k + phi_k) + noise``, periodic (if the
  periods are commensurate) and easy for a linear model once it has seen a period.
* ``mackey_glass``: the delay differential equation (Mackey & Glass 1977)

      dx/dt = beta x(t - tau) / (1 + x(t - tau)^n) - gamma x(t)

  with beta = 0.2, gamma = 0.1, n = 10 and tau = 17, for which the solution is chaotic
  (a standard benchmark for forecasting since Lapedes & Farber 1987). It is integrated
  with the classical fourth-order Runge-Kutta method; the delayed values needed at the
  half steps are read from the stored past by cubic Hermite interpolation (which uses the
  stored derivatives and is accurate to the same order as the integrator), after a
  constant history x = x0 on [-tau, 0] and a discarded transient. The history's kink
  at t = 0 makes the first few delays only second-order accurate, and the chaotic
  dynamics carry those early errors along, so the samples converge like dt^2: at the
  default dt = 0.1 they agree with dt = 0.05 to about 4e-4 (values are around 1).
"""

from __future__ import annotations

import numpy as np

from .._checks import (
    as_generator,
    check_float_array,
    check_nonnegative_float,
    check_positive_float,
    check_positive_int,
    check_real,
)

__all__ = ["sine_mixture", "mackey_glass", "windows"]


def sine_mixture(length: int, *, rng, periods=(20.0, 31.0, 53.0), noise: float = 0.05):
    """``length`` samples of a sum of sines with random amplitudes and phases, plus
    Gaussian noise of standard deviation ``noise``. Returns ``(length,)`` float64."""
    length = check_positive_int(length, "length")
    noise = check_nonnegative_float(noise, "noise")
    if isinstance(periods, (str, bytes)) or not isinstance(periods, (tuple, list, np.ndarray)):
        raise TypeError(
            f"periods: expected a list of positive numbers, got {type(periods).__name__}"
        )
    if len(periods) == 0:
        raise ValueError("periods: expected at least one period, got none")
    periods = [check_positive_float(p, "periods") for p in periods]
    rng = as_generator(rng)
    t = np.arange(length)
    amplitudes = rng.uniform(0.5, 1.0, size=len(periods))
    phases = rng.uniform(0, 2 * np.pi, size=len(periods))
    signal = sum(
        a * np.sin(2 * np.pi * t / p + f)
        for a, p, f in zip(amplitudes, periods, phases, strict=True)
    )
    return signal + noise * rng.normal(size=length)


def _mackey_glass_rate(x, x_delayed, beta, gamma, power):
    return beta * x_delayed / (1.0 + x_delayed**power) - gamma * x


def mackey_glass(
    length: int,
    *,
    sample_every: float = 1.0,
    tau: float = 17.0,
    beta: float = 0.2,
    gamma: float = 0.1,
    power: float = 10.0,
    dt: float = 0.1,
    x0: float = 1.2,
    transient: float = 500.0,
    rng=None,
):
    """``length`` samples of the Mackey-Glass series, one every ``sample_every`` time units.

    ``rng`` (optional) perturbs the constant initial history ``x0`` by up to +-0.1 so
    that different seeds give different stretches of the same attractor.
    """
    length = check_positive_int(length, "length")
    for value, name in (
        (sample_every, "sample_every"),
        (tau, "tau"),
        (dt, "dt"),
        (beta, "beta"),
        (gamma, "gamma"),
        (power, "power"),
    ):
        check_positive_float(value, name)
    check_nonnegative_float(transient, "transient")
    x0 = check_real(x0, "x0")
    stride = round(sample_every / dt)
    lag = round(tau / dt)
    if abs(stride * dt - sample_every) > 1e-9 or abs(lag * dt - tau) > 1e-9:
        raise ValueError(f"dt: expected a step that divides sample_every and tau, got {dt}")
    if rng is not None:
        x0 = x0 + as_generator(rng).uniform(-0.1, 0.1)
    skip = round(transient / dt)
    steps = skip + (length - 1) * stride + 1
    x = np.empty(lag + steps)
    rate = np.empty(lag + steps)
    x[: lag + 1] = x0
    rate[:lag] = 0.0  # the constant history does not change
    rate[lag] = _mackey_glass_rate(x0, x0, beta, gamma, power)

    def delayed_half(k):
        """x at time (k - lag + 1/2) dt by cubic Hermite interpolation on [k-lag, k-lag+1]."""
        a, b = x[k - lag], x[k - lag + 1]
        da, db = rate[k - lag] * dt, rate[k - lag + 1] * dt
        return 0.5 * (a + b) + 0.125 * (da - db)

    for k in range(lag, lag + steps - 1):
        delayed_now, delayed_mid, delayed_next = x[k - lag], delayed_half(k), x[k - lag + 1]
        k1 = _mackey_glass_rate(x[k], delayed_now, beta, gamma, power)
        k2 = _mackey_glass_rate(x[k] + 0.5 * dt * k1, delayed_mid, beta, gamma, power)
        k3 = _mackey_glass_rate(x[k] + 0.5 * dt * k2, delayed_mid, beta, gamma, power)
        k4 = _mackey_glass_rate(x[k] + dt * k3, delayed_next, beta, gamma, power)
        x[k + 1] = x[k] + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
        rate[k + 1] = _mackey_glass_rate(x[k + 1], x[k + 1 - lag], beta, gamma, power)
    return x[lag + skip :: stride][:length].copy()


def windows(series, context: int):
    """All windows of ``context`` values and the value after each.

    Returns ``inputs (context, N, 1)`` and ``targets (N, 1)`` with
    ``N = len(series) - context``.
    """
    series = check_float_array(series, "series", ndim=1, axes="(length,)")
    context = check_positive_int(context, "context")
    if len(series) <= context:
        raise ValueError(f"series: expected more than context={context} values, got {len(series)}")
    count = len(series) - context
    index = np.arange(context)[:, None] + np.arange(count)[None, :]
    return series[index][..., None], series[context:, None]
