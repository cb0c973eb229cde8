"""Chapter 1's experiments: how reliably the course's letters are recalled from noisy
cues, and how many random patterns a Hopfield network can store and recall (bit errors,
exact recalls and one-step errors against the load P/N)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._checks import (
    as_generator,
    check_choice,
    check_float_array,
    check_fraction,
    check_positive_int,
)
from ..hopfield import MODES, HopfieldNetwork, recall_in_networks
from ..patterns import COURSE_GLYPHS, glyph_patterns, noisy_copy, random_patterns

__all__ = ["letter_recall_rate", "CapacityResult", "capacity_experiment"]


def letter_recall_rate(num_cues: int = 300, noise: float = 0.2, *, rng=0) -> float:
    """Fraction of noisy cues from which asynchronous recall finds the right letter.

    The network stores the five course letters (``patterns.COURSE_GLYPHS``, N = 100).
    Cue k is letter ``k % 5`` with a fraction ``noise`` of its units flipped; a hit is a
    recall whose largest overlap is with that letter and at least 0.9.
    """
    num_cues = check_positive_int(num_cues, "num_cues")
    rng = as_generator(rng)
    memories = glyph_patterns(list(COURSE_GLYPHS))
    network = HopfieldNetwork.from_patterns(memories)
    hits = 0
    for cue in range(num_cues):
        target = cue % len(memories)
        noisy = noisy_copy(memories[target], fraction=noise, rng=rng)
        overlaps = network.overlaps(network.recall(noisy, rng=rng).final)
        hits += int(np.argmax(overlaps) == target and overlaps[target] >= 0.9)
    return hits / num_cues


@dataclass(frozen=True)
class CapacityResult:
    """Measured recall quality against the load ``P/N`` (one entry per load).

    one_step_error: fraction of units of the stored patterns flipped by one update
        from the pattern itself (compare :func:`rnnlib.hopfield.one_step_error_rate`).
    bit_error: fraction of units that differ from the pattern where recall ended.
    exact_recall: fraction of trials that ended exactly on their pattern.
    fixed_point: fraction of trials that reached a fixed point within ``max_sweeps``.
    trials: recalls per load (``networks * num_patterns``).
    final_errors: per load, a ``(networks, num_patterns)`` integer array: how many units
        of each pattern were wrong where its recall ended (0: recalled exactly).
    """

    num_units: int
    loads: np.ndarray
    num_patterns: np.ndarray
    networks: np.ndarray
    trials: np.ndarray
    cue_noise: float
    mode: str
    one_step_error: np.ndarray
    bit_error: np.ndarray
    exact_recall: np.ndarray
    fixed_point: np.ndarray
    final_errors: tuple = ()


def capacity_experiment(
    num_units: int,
    loads,
    *,
    rng,
    trials: int = 200,
    cue_noise: float = 0.0,
    mode: str = "asynchronous",
    max_sweeps: int = 50,
) -> CapacityResult:
    """Store ``P = round(load * N)`` random patterns and try to recall each of them.

    For every load, ``ceil(trials / P)`` independent networks are built, so each load
    gets at least ``trials`` recalls. Each recall starts from a stored pattern with a
    fraction ``cue_noise`` of its units flipped (0: from the pattern itself) and runs
    until a fixed point (or ``max_sweeps``). All recalls of all loads run as one batch,
    so an asynchronous sweep costs one pass over the N units for the whole experiment.
    """
    num_units = check_positive_int(num_units, "num_units", minimum=2)
    loads = check_float_array(loads, "loads", ndim=1, axes="(L,)", dtype=np.float64)
    if loads.size == 0 or np.any(loads <= 0) or np.any(loads > 1):
        raise ValueError(f"loads: expected P/N values in (0, 1], got {loads.tolist()}")
    trials = check_positive_int(trials, "trials")
    cue_noise = check_fraction(cue_noise, "cue_noise", inclusive_high=True)
    mode = check_choice(mode, "mode", MODES)
    max_sweeps = check_positive_int(max_sweeps, "max_sweeps")
    rng = as_generator(rng)
    num_patterns = np.maximum(1, np.rint(loads * num_units)).astype(np.int64)
    networks = -(-trials // num_patterns)  # ceil
    # Every network of every load, as exact integer Hebbian counts C = N W = xi^T xi - P I.
    pattern_sets = [
        random_patterns(int(p), num_units, rng)
        for p, r in zip(num_patterns, networks, strict=True)
        for _ in range(int(r))
    ]
    counts = np.empty((len(pattern_sets), num_units, num_units), dtype=np.int32)
    for counts_r, xi in zip(counts, pattern_sets, strict=True):
        counts_r[...] = np.rint(xi.T @ xi)
        np.fill_diagonal(counts_r, 0)
    targets = np.concatenate(pattern_sets)  # (T, N)
    network_of_trial = np.repeat(np.arange(len(pattern_sets)), [len(x) for x in pattern_sets])
    load_of_trial = np.repeat(np.arange(len(loads)), networks)[network_of_trial]
    cues = targets
    if cue_noise > 0:
        cues = noisy_copy(targets, fraction=cue_noise, rng=rng)
    # Fields s C = (s xi^T) xi - P s cost P^2 N per network instead of P N^2.
    fields, pattern_fields = [], []
    for xi, start in zip(
        pattern_sets, np.cumsum([0] + [len(x) for x in pattern_sets]), strict=False
    ):
        cue = cues[start : start + len(xi)]
        fields.append(np.rint((cue @ xi.T) @ xi - len(xi) * cue))
        pattern_fields.append((xi @ xi.T) @ xi - len(xi) * xi)
    fields, pattern_fields = np.concatenate(fields), np.concatenate(pattern_fields)
    result = recall_in_networks(counts, cues, network_of_trial, mode, rng, max_sweeps, fields.T)
    wrong = result.final != targets

    def per_load(values) -> np.ndarray:
        return np.array([values[load_of_trial == k].mean() for k in range(len(loads))])

    one_step = per_load(np.mean(targets * pattern_fields < 0, axis=1))
    bit_error = per_load(wrong.mean(axis=1))
    exact = per_load(~wrong.any(axis=1))
    fixed = per_load(result.fixed_point)
    errors = wrong.sum(axis=1)
    final_errors = tuple(
        errors[load_of_trial == k].reshape(int(r), int(p))
        for k, (p, r) in enumerate(zip(num_patterns, networks, strict=True))
    )
    return CapacityResult(
        num_units=num_units,
        loads=num_patterns / num_units,
        num_patterns=num_patterns,
        networks=networks,
        trials=networks * num_patterns,
        cue_noise=float(cue_noise),
        mode=mode,
        one_step_error=one_step,
        bit_error=bit_error,
        exact_recall=exact,
        fixed_point=fixed,
        final_errors=final_errors,
    )
