"""Hopfield networks: an associative memory (연상 기억) of bipolar states in {-1, +1}^N.

Hebbian weights ``W = (1/N) sum_mu xi^mu xi^mu^T`` with ``W_ii = 0`` (:func:`hebbian_weights`);
:class:`HopfieldNetwork` recalls by the sign update ``s_i <- sign(sum_j W_ij s_j)`` (a tie
keeps ``s_i``), asynchronously or synchronously, recording the energy
``E(s) = -1/2 s^T W s``; :func:`recall_in_networks` runs many recalls as one batch; the
theory of capacity is :func:`one_step_error_rate`, :func:`retrieval_error_rate` and
:data:`CRITICAL_LOAD` (chapter 1 derives them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._checks import (
    as_generator,
    check_choice,
    check_float_array,
    check_positive_float,
    check_positive_int,
)
from .patterns import check_bipolar

__all__ = [
    "MODES",
    "CRITICAL_LOAD",
    "hebbian_weights",
    "HopfieldNetwork",
    "RecallResult",
    "BatchRecallResult",
    "recall_in_networks",
    "one_step_error_rate",
    "exact_one_step_error_rate",
    "retrieval_error_rate",
    "capacity_theory",
]

#: The two update schedules.
MODES = ("asynchronous", "synchronous")


def _check_patterns(patterns, name: str = "patterns") -> np.ndarray:
    patterns = check_bipolar(patterns, name, ndim=2)
    num_patterns, num_units = patterns.shape
    if num_patterns > num_units:
        raise ValueError(
            f"{name}: expected at most N = {num_units} patterns for {num_units} units (the "
            f"capacity of a Hopfield network is about 0.138 N), got {num_patterns}"
        )
    return patterns


def hebbian_weights(patterns) -> np.ndarray:
    """Hebbian weights ``W = (1/N) sum_mu xi^mu xi^mu^T`` with a zero diagonal.

    patterns: ``(P, N)`` array of -1/+1, one stored pattern per row, ``P <= N``.
    Returns the symmetric ``(N, N)`` float64 weight matrix.
    """
    patterns = _check_patterns(patterns)
    num_units = patterns.shape[1]
    weights = patterns.T @ patterns / num_units
    np.fill_diagonal(weights, 0.0)
    return weights


def _check_weights(weights) -> np.ndarray:
    weights = check_float_array(weights, "weights", ndim=2, axes="(N, N)", dtype=np.float64)
    num_rows, num_cols = weights.shape
    if num_rows != num_cols or num_rows == 0:
        raise ValueError(f"weights: expected a square (N, N) matrix, got shape {weights.shape}")
    scale = max(float(np.abs(weights).max()), 1e-300)
    asymmetry = float(np.abs(weights - weights.T).max())
    if asymmetry > 1e-12 * scale:
        raise ValueError(
            f"weights: expected a symmetric matrix (W_ij == W_ji), got max |W - W^T| = "
            f"{asymmetry:.3g}"
        )
    diagonal = float(np.abs(np.diag(weights)).max())
    if diagonal > 0.0:
        raise ValueError(
            f"weights: expected a zero diagonal (no self-connections), got max |W_ii| = "
            f"{diagonal:.3g}"
        )
    return weights


def _tie_tolerance(weights: np.ndarray) -> np.ndarray:
    """Per-unit bound below which a local field counts as zero.

    Fields of Hebbian weights are multiples of 1/N, so a field that is zero in exact
    arithmetic can come out as +-1e-17 in floating point: ``|h_i| <= N eps sum_j |W_ij|``
    (a bound on the rounding error of the sum) is treated as a tie.
    """
    return weights.shape[-1] * np.finfo(np.float64).eps * np.abs(weights).sum(axis=-1)


def _polarise(fields: np.ndarray, states: np.ndarray, tolerance: np.ndarray) -> np.ndarray:
    """sign(fields), keeping the current state where the field is (numerically) zero."""
    return np.where(fields > tolerance, 1.0, np.where(fields < -tolerance, -1.0, states))


@dataclass(frozen=True)
class RecallResult:
    """The trajectory of one recall.

    states: ``(K + 1, N)``: the cue, then the state after each recorded step. A step is
        one unit that changed (asynchronous) or one synchronous update (synchronous).
    energies: ``(K + 1,)`` energy of each recorded state.
    changed_units: K arrays, the units that changed at each step.
    sweep_of_step: ``(K,)`` the sweep (asynchronous) or update (synchronous), counted
        from 1, in which each step happened.
    stop_reason: ``"fixed point"`` (the final state is stable: a sweep or update
        changes nothing), ``"cycle"`` (synchronous only: the state came back to an earlier one; the last
        recorded state is the repeat) or ``"step limit"`` (``max_sweeps`` ran out).
    sweeps: sweeps (asynchronous) or synchronous updates that changed the state.
    cycle_length: the period when ``stop_reason == "cycle"`` (always 2 for symmetric
        weights), else None.
    """

    states: np.ndarray
    energies: np.ndarray
    changed_units: tuple
    sweep_of_step: np.ndarray
    mode: str
    stop_reason: str
    sweeps: int
    cycle_length: int | None = None

    @property
    def final(self) -> np.ndarray:
        """The last state, ``(N,)``."""
        return self.states[-1]

    @property
    def num_steps(self) -> int:
        return len(self.states) - 1


@dataclass(frozen=True)
class BatchRecallResult:
    """Where many recalls ended: ``final (..., N)``, and per recall ``fixed_point``
    (bool: the final state is stable), ``cycle`` (bool: a synchronous 2-cycle) and
    ``sweeps`` (int: sweeps or synchronous updates that changed the state)."""

    final: np.ndarray
    fixed_point: np.ndarray
    cycle: np.ndarray
    sweeps: np.ndarray


class HopfieldNetwork:
    """A Hopfield network of ``N`` bipolar units with symmetric, zero-diagonal weights.

    Build it from patterns with :meth:`from_patterns` (Hebbian rule) or give any
    symmetric ``(N, N)`` weights with a zero diagonal. ``patterns`` (``(P, N)``), when
    known, are used by :meth:`overlaps`.
    """

    def __init__(self, weights, patterns=None):
        self.weights = _check_weights(weights)
        self.num_units = self.weights.shape[0]
        self.patterns = None if patterns is None else _check_patterns(patterns)
        if self.patterns is not None and self.patterns.shape[1] != self.num_units:
            raise ValueError(
                f"patterns: expected {self.num_units} units per pattern to match weights, "
                f"got shape {self.patterns.shape}"
            )
        self._tolerance = _tie_tolerance(self.weights)

    @classmethod
    def from_patterns(cls, patterns) -> HopfieldNetwork:
        """Store ``(P, N)`` patterns with :func:`hebbian_weights`."""
        patterns = _check_patterns(patterns)
        return cls(hebbian_weights(patterns), patterns)

    @property
    def num_patterns(self) -> int:
        return 0 if self.patterns is None else len(self.patterns)

    @property
    def load(self) -> float:
        """``P / N``, the number of stored patterns per unit."""
        return self.num_patterns / self.num_units

    def _states(self, states, name: str = "states") -> np.ndarray:
        return check_bipolar(states, name, num_units=self.num_units)

    def local_field(self, states) -> np.ndarray:
        """``h = W s`` for ``(N,)`` or ``(B, N)`` states (same shape out)."""
        return self._states(states) @ self.weights

    def energy(self, states):
        """``E(s) = -1/2 s^T W s``: a float for one ``(N,)`` state, ``(B,)`` for a batch."""
        states = self._states(states)
        energy = -0.5 * np.einsum("...i,...i->...", states @ self.weights, states)
        return float(energy) if states.ndim == 1 else energy

    def overlaps(self, states) -> np.ndarray:
        """``m_mu = (1/N) xi^mu . s`` with each stored pattern: ``(P,)`` or ``(B, P)``.

        1 means "equal to pattern mu", -1 "its exact inverse", about 0 "unrelated".
        """
        if self.patterns is None:
            raise ValueError("overlaps: this network was built from weights without patterns")
        return self._states(states) @ self.patterns.T / self.num_units

    def update_unit(self, state, unit: int) -> np.ndarray:
        """A copy of one ``(N,)`` state with unit ``unit`` polarised by its local field."""
        state = self._states(state, "state").copy()
        if state.ndim != 1:
            raise ValueError(f"state: expected one state of shape (N,), got {state.shape}")
        unit = check_positive_int(unit, "unit", minimum=0)
        if unit >= self.num_units:
            raise ValueError(f"unit: expected an index in [0, {self.num_units}), got {unit}")
        self._update_unit_in_place(state, unit)
        return state

    def _update_unit_in_place(self, states: np.ndarray, unit: int) -> None:
        """The update rule: polarise unit ``unit`` of ``(N,)`` or ``(B, N)`` states, in
        place, by its local field ``h_i = W[i] . s`` (kept where the field is a tie)."""
        field = states @ self.weights[unit]
        states[..., unit] = _polarise(field, states[..., unit], self._tolerance[unit])

    def step(self, states, mode: str = "asynchronous", rng=None) -> np.ndarray:
        """One synchronous update, or one asynchronous sweep over all units in a random
        order, of ``(N,)`` or ``(B, N)`` states. Returns new states (same shape)."""
        states = self._states(states)
        mode = check_choice(mode, "mode", MODES)
        if mode == "synchronous":
            return _polarise(states @ self.weights, states, self._tolerance)
        rng = as_generator(rng)
        states = states.copy()
        for unit in rng.permutation(self.num_units):
            self._update_unit_in_place(states, unit)
        return states

    def recall(self, cue, mode: str = "asynchronous", rng=None, max_sweeps: int = 100):
        """Update from ``cue`` (``(N,)``) until the state stops changing; record each step.

        Asynchronous: every sweep visits all units once in a fresh random order drawn
        from ``rng`` (required); each unit that changes is one recorded step. A sweep
        without any change means every unit agrees with its field: a fixed point.
        Synchronous: each update of all units is one step; the state can also return to
        an earlier state (a cycle). Stops after ``max_sweeps`` sweeps/updates at most.
        Returns a :class:`RecallResult`.
        """
        state = self._states(cue, "cue").copy()
        if state.ndim != 1:
            raise ValueError(f"cue: expected one state of shape (N,), got {state.shape}")
        mode = check_choice(mode, "mode", MODES)
        max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
        if mode == "asynchronous":
            rng = as_generator(rng)
        states, changed, sweep_of_step = [state.copy()], [], []
        stop_reason, cycle_length, sweeps = "step limit", None, 0
        seen = {state.tobytes(): 0}
        for sweep in range(1, max_sweeps + 1):
            if mode == "asynchronous":
                for unit in rng.permutation(self.num_units):
                    before = state[unit]
                    self._update_unit_in_place(state, unit)
                    if state[unit] != before:
                        states.append(state.copy())
                        changed.append(np.array([unit]))
                        sweep_of_step.append(sweep)
                if len(changed) == 0 or sweep_of_step[-1] != sweep:
                    stop_reason = "fixed point"
                    break
            else:
                new_state = _polarise(self.weights @ state, state, self._tolerance)
                moved = np.flatnonzero(new_state != state)
                if moved.size == 0:
                    stop_reason = "fixed point"
                    break
                state = new_state
                states.append(state.copy())
                changed.append(moved)
                sweep_of_step.append(sweep)
                key = state.tobytes()
                if key in seen:
                    stop_reason, cycle_length = "cycle", len(states) - 1 - seen[key]
                    sweeps = sweep
                    break
                seen[key] = len(states) - 1
            sweeps = sweep
        else:  # max_sweeps ran out: the last sweep may still have reached a fixed point
            if np.all(state * (self.weights @ state) >= -self._tolerance):
                stop_reason = "fixed point"
        states = np.array(states)
        return RecallResult(
            states=states,
            energies=self.energy(states),
            changed_units=tuple(changed),
            sweep_of_step=np.array(sweep_of_step, dtype=np.int64),
            mode=mode,
            stop_reason=stop_reason,
            sweeps=sweeps,
            cycle_length=cycle_length,
        )

    def recall_many(self, cues, mode: str = "asynchronous", rng=None, max_sweeps: int = 100):
        """Recall from a batch of ``(B, N)`` cues at once, without recording trajectories.

        Same dynamics as :meth:`recall` (all cues visit the units in the same random
        order in a sweep; with the same ``rng`` a batch of one ends where
        :meth:`recall` ends). Returns a :class:`BatchRecallResult`.
        """
        cues = self._states(cues, "cues")
        if cues.ndim != 2:
            raise ValueError(f"cues: expected a batch of shape (B, N), got {cues.shape}")
        mode = check_choice(mode, "mode", MODES)
        max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
        rng = as_generator(rng) if mode == "asynchronous" else None
        network_of_trial = np.zeros(len(cues), dtype=np.int64)
        return recall_in_networks(self.weights[None], cues, network_of_trial, mode, rng, max_sweeps)


def _fields(weights, states, network_of_trial, groups) -> np.ndarray:
    """Local fields ``(N, T)`` of ``states (N, T)``: ``W_r @ s`` with each trial's network.

    Integer (Hebbian count) weights are multiplied in float64, which is exact for
    integers below 2**53, and converted back to integers.
    """
    fields = np.empty(states.shape, dtype=weights.dtype)
    for network, trials in groups:
        product = weights[network].astype(np.float64, copy=False) @ states[:, trials]
        fields[:, trials] = np.rint(product) if weights.dtype.kind == "i" else product
    return fields


def recall_in_networks(
    weights, cues, network_of_trial, mode, rng, max_sweeps, fields=None
) -> BatchRecallResult:
    """Recall ``cues (T, N)``; trial ``t`` runs in network ``network_of_trial[t]`` of the
    stack ``weights (R, N, N)``. Inputs are not validated (callers validate them: this is
    the batched engine behind :meth:`HopfieldNetwork.recall_many` and the capacity runs).

    ``weights`` are float64 (ties within the rounding tolerance) or integers (Hebbian
    counts ``N W``: the same dynamics, computed exactly). States and fields are kept
    transposed, ``(N, T)``, so that one unit of every trial is a contiguous row; an
    asynchronous flip of unit i in trial t adds ``2 s_i' W[i, :]`` to its fields.
    ``fields``: the cues' local fields ``(N, T)`` when the caller has them already.
    """
    num_trials, num_units = cues.shape
    exact = weights.dtype.kind == "i"
    groups = [(r, np.flatnonzero(network_of_trial == r)) for r in np.unique(network_of_trial)]
    states = cues.T.astype(weights.dtype if exact else np.float64)
    if fields is None:
        fields = _fields(weights, states, network_of_trial, groups)
    else:
        fields = fields.astype(states.dtype)
    if exact:
        tolerance = np.zeros((num_units, num_trials), dtype=weights.dtype)
    else:
        tolerance = _tie_tolerance(weights)[network_of_trial].T  # (N, T)

    def stable() -> np.ndarray:  # (T,): no unit disagrees with its field
        return ~np.any(states * fields < -tolerance, axis=0)

    fixed_point = stable()
    cycle = np.zeros(num_trials, dtype=bool)
    sweeps = np.zeros(num_trials, dtype=np.int64)
    previous = states
    for _ in range(max_sweeps):
        active = ~(fixed_point | cycle)
        if not active.any():
            break
        sweeps[active] += 1  # an unstable state always changes in a sweep or an update
        if mode == "synchronous":
            polarised = _polarise(fields, states, tolerance).astype(states.dtype)
            new_states = np.where(active, polarised, states)
            cycle |= active & np.all(new_states == previous, axis=0)
            previous, states = states, new_states
            fields = _fields(weights, states, network_of_trial, groups)
        else:
            _asynchronous_sweep(weights, states, fields, tolerance, network_of_trial, rng)
        fixed_point = stable()
    return BatchRecallResult(states.T.astype(np.float64), fixed_point, cycle, sweeps)


def _asynchronous_sweep(weights, states, fields, tolerance, network_of_trial, rng) -> None:
    """One asynchronous sweep, in place, over ``states`` and ``fields`` (both ``(N, T)``).

    Units are visited in a random order shared by all trials. Only units that are
    unstable (``s_i h_i < 0``) in some trial can change, so the loop jumps from one such
    unit to the next, keeping a count of unstable trials per unit up to date.
    """
    unstable = states * fields < -tolerance
    count = unstable.sum(axis=1)
    order = rng.permutation(states.shape[0])
    position = 0
    while True:
        waiting = np.flatnonzero(count[order[position:]])
        if waiting.size == 0:
            return
        position += int(waiting[0])
        unit = order[position]
        position += 1
        flip = np.flatnonzero(unstable[unit])
        states[unit, flip] *= -1
        rows = weights[network_of_trial[flip], unit]  # (F, N): W[i, :] of each trial
        fields[:, flip] += 2 * states[unit, flip] * rows.T
        now_unstable = states[:, flip] * fields[:, flip] < -tolerance[:, flip]
        count += now_unstable.sum(axis=1) - unstable[:, flip].sum(axis=1)
        unstable[:, flip] = now_unstable


# --- capacity --------------------------------------------------------------------------


def one_step_error_rate(load):
    """Expected fraction of units of a stored pattern that one update flips, at load
    ``alpha = P / N`` (random patterns, large N)::

        P_error = 1/2 erfc( sqrt(N / (2P)) ) = 1/2 erfc( sqrt(1 / (2 alpha)) )

    The field of unit i, times ``xi_i``, is the signal 1 plus a crosstalk term that is
    approximately Gaussian with mean 0 and variance ``P/N``; an error is crosstalk < -1.
    Accepts a number or an array of loads (> 0).
    """
    loads = np.asarray(check_float_array(load, "load"), dtype=np.float64)
    if np.any(loads <= 0):
        raise ValueError(f"load: expected loads P/N > 0, got {loads.min():g}")
    rates = np.array([0.5 * math.erfc(math.sqrt(1.0 / (2.0 * a))) for a in loads.ravel()])
    return float(rates[0]) if loads.ndim == 0 else rates.reshape(loads.shape)


def exact_one_step_error_rate(num_units: int, num_patterns: int) -> float:
    """The exact probability that one update flips a given unit of a stored pattern, for
    ``num_patterns`` random patterns of ``num_units`` units (no large-N approximation).

    ``N xi_i h_i = (N - 1) + S`` with ``S`` a sum of ``n = (N - 1)(P - 1)`` independent ±1
    terms, ``S = 2B - n`` with ``B ~ Binomial(n, 1/2)``; the unit flips when
    ``S < -(N - 1)`` (``S = -(N - 1)`` is a tie, which keeps the unit). Compare
    :func:`one_step_error_rate`, its large-N limit.
    """
    num_units = check_positive_int(num_units, "num_units")
    num_patterns = check_positive_int(num_patterns, "num_patterns")
    terms = (num_units - 1) * (num_patterns - 1)
    largest_b = math.ceil((terms - num_units + 1) / 2) - 1  # the largest B with S < -(N-1)
    if largest_b < 0:
        return 0.0
    log_terms = [
        math.lgamma(terms + 1) - math.lgamma(b + 1) - math.lgamma(terms - b + 1)
        - terms * math.log(2)
        for b in range(largest_b + 1)
    ]  # fmt: skip
    top = max(log_terms)
    return math.exp(top) * sum(math.exp(term - top) for term in log_terms)


def _ags_load(y: float) -> float:
    """The load at which the AGS retrieval solution has parameter ``y`` (see below)."""
    return 0.5 * (math.erf(y) / y - 2.0 / math.sqrt(math.pi) * math.exp(-y * y)) ** 2


def _maximise_ags_load() -> tuple[float, float]:
    low, high = 0.5, 3.0  # _ags_load rises then falls on this interval: golden-section search
    ratio = (math.sqrt(5.0) - 1.0) / 2.0
    for _ in range(100):
        a, b = high - ratio * (high - low), low + ratio * (high - low)
        if _ags_load(a) < _ags_load(b):
            low = a
        else:
            high = b
    y_critical = 0.5 * (low + high)
    return y_critical, _ags_load(y_critical)


_Y_CRITICAL, CRITICAL_LOAD = _maximise_ags_load()
CRITICAL_LOAD: float
"""Largest load with a retrieval state in the Amit-Gutfreund-Sompolinsky theory: 0.1379."""


def retrieval_error_rate(load):
    """Fraction of wrong units in the retrieval state at load ``alpha`` (AGS 1985/87,
    zero temperature, N -> infinity), or NaN above :data:`CRITICAL_LOAD` where it vanishes.

    The overlap is ``m = erf(y)`` where ``y`` is the largest solution of
    ``sqrt(2 alpha) = erf(y)/y - (2/sqrt(pi)) exp(-y^2)``; the error rate is ``(1 - m)/2``.
    """
    loads = np.asarray(check_float_array(load, "load"), dtype=np.float64)
    if np.any(loads <= 0):
        raise ValueError(f"load: expected loads P/N > 0, got {loads.min():g}")
    rates = []
    for alpha in loads.ravel():
        if alpha > CRITICAL_LOAD:
            rates.append(math.nan)
            continue
        low, high = _Y_CRITICAL, 40.0  # _ags_load decreases from CRITICAL_LOAD to ~0 here
        for _ in range(200):
            middle = 0.5 * (low + high)
            low, high = (middle, high) if _ags_load(middle) > alpha else (low, middle)
        rates.append(0.5 * math.erfc(0.5 * (low + high)))
    rates = np.array(rates)
    return float(rates[0]) if loads.ndim == 0 else rates.reshape(loads.shape)


def capacity_theory(max_load: float, points: int = 200) -> dict:
    """The theory curves of capacity plots on ``points`` loads from 0.01 to ``max_load``:
    ``{"loads", "one_step": one_step_error_rate, "retrieval": retrieval_error_rate,
    "critical_load": CRITICAL_LOAD}``."""
    max_load = check_positive_float(max_load, "max_load")
    loads = np.linspace(0.01, max_load, check_positive_int(points, "points", minimum=2))
    return {
        "loads": loads,
        "one_step": one_step_error_rate(loads),
        "retrieval": retrieval_error_rate(loads),
        "critical_load": CRITICAL_LOAD,
    }
