"""Tests of rnnlib.hopfield, rnnlib.patterns, chapter 1's capacity experiment and their
plots and explorers: dynamics, energy, capacity, bad input, headless drawing and redrawing."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rnnlib import hopfield as hf  # noqa: E402
from rnnlib import patterns as pt  # noqa: E402
from rnnlib.experiments.ch01 import capacity_experiment  # noqa: E402
from rnnlib.viz import hopfield as hv  # noqa: E402
from rnnlib.widgets import hopfield as hw  # noqa: E402

# --- patterns ----------------------------------------------------------------------------


def test_glyphs_are_bipolar_grids_and_course_glyphs_overlap_little():
    for name, pattern in pt.GLYPHS.items():
        assert pattern.shape == (np.prod(pt.GLYPH_SHAPE),), name
        assert set(np.unique(pattern)) == {-1.0, 1.0}, name
    course = pt.glyph_patterns()
    overlaps = course @ course.T / course.shape[1]
    off_diagonal = overlaps[~np.eye(len(course), dtype=bool)]
    assert np.abs(off_diagonal).max() <= 0.3


@settings(max_examples=30, deadline=None)
@given(
    num_units=st.integers(1, 60),
    batch=st.integers(1, 4),
    data=st.data(),
    seed=st.integers(0, 2**32 - 1),
)
def test_noisy_copy_flips_exactly_k_units_per_row(num_units, batch, data, seed):
    patterns = pt.random_patterns(batch, num_units, seed)
    flips = data.draw(st.integers(0, num_units))
    noisy = pt.noisy_copy(patterns, flips=flips, rng=seed + 1)
    assert noisy.shape == patterns.shape
    assert np.all(np.sum(noisy != patterns, axis=1) == flips)
    by_fraction = pt.noisy_copy(patterns[0], fraction=flips / num_units, rng=seed)
    assert np.sum(by_fraction != patterns[0]) == flips


def test_random_patterns_are_seeded_and_balanced():
    a = pt.random_patterns(50, 200, rng=3)
    assert np.array_equal(a, pt.random_patterns(50, 200, rng=np.random.default_rng(3)))
    assert abs(a.mean()) < 0.02  # 10_000 fair +-1 draws: standard error 0.01


# --- weights, energy, single updates ------------------------------------------------------


def test_hebbian_weights_match_the_outer_product_rule():
    patterns = pt.random_patterns(3, 8, rng=0)
    expected = sum(np.outer(x, x) for x in patterns) / 8
    np.fill_diagonal(expected, 0.0)
    weights = hf.hebbian_weights(patterns)
    np.testing.assert_allclose(weights, expected)
    assert np.array_equal(weights, weights.T)


def test_energy_and_overlaps_by_hand():
    patterns = np.array([[1.0, -1.0, 1.0, 1.0]])
    network = hf.HopfieldNetwork.from_patterns(patterns)
    # W = (x x^T - I) / 4, so E(x) = -1/2 (x^T x x^T x - x^T x) / 4 = -(16 - 4) / 8.
    assert network.energy(patterns[0]) == pytest.approx(-1.5)
    np.testing.assert_allclose(network.energy(np.vstack([patterns, -patterns])), [-1.5, -1.5])
    np.testing.assert_allclose(network.overlaps(patterns[0]), [1.0])
    np.testing.assert_allclose(network.overlaps(-patterns[0]), [-1.0])


def test_tie_rule_keeps_the_current_state():
    # Two stored patterns that disagree on unit 2 and agree elsewhere give unit 0 a zero
    # field in a state built so that its two contributions cancel.
    weights = np.array([[0.0, 1.0, -1.0], [1.0, 0.0, 0.5], [-1.0, 0.5, 0.0]])
    network = hf.HopfieldNetwork(weights)
    for value in (1.0, -1.0):
        state = np.array([value, 1.0, 1.0])  # h_0 = 1 - 1 = 0
        assert network.update_unit(state, 0)[0] == value


def test_stored_patterns_are_fixed_points_at_small_load():
    rng = np.random.default_rng(7)
    for _ in range(5):
        patterns = pt.random_patterns(5, 200, rng)  # load 0.025: P(any flip) ~ 1e-11
        network = hf.HopfieldNetwork.from_patterns(patterns)
        assert np.array_equal(network.step(patterns, mode="synchronous"), patterns)
        for pattern in patterns:
            result = network.recall(pattern, rng=rng)
            assert result.stop_reason == "fixed point" and result.num_steps == 0
            assert result.sweeps == 0


def test_glyph_recall_from_a_noisy_cue():
    network = hf.HopfieldNetwork.from_patterns(pt.glyph_patterns())
    rng = np.random.default_rng(11)
    for index, pattern in enumerate(network.patterns):
        cue = pt.noisy_copy(pattern, flips=15, rng=rng)
        result = network.recall(cue, rng=rng)
        assert result.stop_reason == "fixed point"
        assert np.argmax(network.overlaps(result.final)) == index
        assert network.overlaps(result.final)[index] >= 0.9


# --- energy never increases under asynchronous updates (property test) ---------------------


@st.composite
def symmetric_networks(draw):
    num_units = draw(st.integers(2, 24))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    if draw(st.booleans()):  # arbitrary symmetric weights with a zero diagonal
        weights = rng.normal(size=(num_units, num_units))
        weights = np.triu(weights, 1) + np.triu(weights, 1).T
    else:  # Hebbian weights, whose fields can be exactly zero (ties)
        patterns = pt.random_patterns(draw(st.integers(1, num_units)), num_units, rng)
        weights = hf.hebbian_weights(patterns)
    state = rng.choice([-1.0, 1.0], size=num_units)
    return hf.HopfieldNetwork(weights), state, seed


@settings(max_examples=60, deadline=None)
@given(symmetric_networks())
def test_energy_never_increases_under_asynchronous_updates(case):
    network, state, seed = case
    result = network.recall(state, mode="asynchronous", rng=seed, max_sweeps=200)
    scale = 1e-9 * max(1.0, np.abs(network.weights).sum())
    # Every recorded step flips one unit and lowers the energy by 2|h_i| > 0.
    assert np.all(np.diff(result.energies) < scale)
    np.testing.assert_allclose(result.energies, network.energy(result.states))
    assert result.stop_reason == "fixed point"  # async dynamics cannot cycle
    final = result.final
    assert np.all(final * network.local_field(final) >= -scale)  # no unit wants to flip
    # The batch implementation follows the same trajectory with the same random orders.
    batch = network.recall_many(state[None], rng=seed, max_sweeps=200)
    assert np.array_equal(batch.final[0], final)
    assert batch.fixed_point[0] and batch.sweeps[0] == result.sweeps


@settings(max_examples=40, deadline=None)
@given(symmetric_networks())
def test_synchronous_updates_end_in_a_fixed_point_or_a_two_cycle(case):
    network, state, _ = case
    result = network.recall(state, mode="synchronous", max_sweeps=500)
    assert result.stop_reason in {"fixed point", "cycle"}
    if result.stop_reason == "cycle":
        assert result.cycle_length == 2  # Goles' theorem for symmetric weights
        assert np.array_equal(result.states[-1], result.states[-3])
    batch = network.recall_many(state[None], mode="synchronous", max_sweeps=500)
    assert batch.cycle[0] == (result.stop_reason == "cycle")
    assert batch.fixed_point[0] == (result.stop_reason == "fixed point")


def test_two_neurons_cycle_synchronously_but_settle_asynchronously():
    network = hf.HopfieldNetwork.from_patterns(np.array([[1.0, -1.0]]))
    start = np.array([1.0, 1.0])
    synchronous = network.recall(start, mode="synchronous")
    assert synchronous.stop_reason == "cycle" and synchronous.cycle_length == 2
    np.testing.assert_array_equal(synchronous.states, [[1, 1], [-1, -1], [1, 1]])
    assert np.ptp(synchronous.energies) == 0.0  # the cycle never lowers the energy
    for seed in range(10):
        asynchronous = network.recall(start, rng=seed)
        assert asynchronous.stop_reason == "fixed point"
        assert asynchronous.num_steps == 1
        assert abs(network.overlaps(asynchronous.final)[0]) == 1.0  # the pattern or its inverse
        assert asynchronous.energies[-1] < asynchronous.energies[0]


def test_step_limit_is_reported():
    network = hf.HopfieldNetwork.from_patterns(pt.glyph_patterns())
    cue = pt.noisy_copy(network.patterns[0], flips=30, rng=0)
    result = network.recall(cue, rng=1, max_sweeps=1)
    full = network.recall(cue, rng=1)
    if full.sweeps > 1:
        assert result.stop_reason == "step limit"
    assert result.sweeps == 1


# --- one-step error rate against theory ----------------------------------------------------


def exact_one_step_error(num_units: int, num_patterns: int) -> float:
    """Exact probability that one update flips a given unit of a stored random pattern.

    xi_i h_i N = (N - 1) + S with S a sum of n = (N-1)(P-1) independent +-1 terms, so
    S = 2B - n with B ~ Binomial(n, 1/2); the unit flips when S < -(N - 1) (S = -(N-1)
    is a tie, which keeps the unit).
    """
    n = (num_units - 1) * (num_patterns - 1)
    largest_b = math.ceil((n - num_units + 1) / 2) - 1
    log_terms = [
        math.lgamma(n + 1) - math.lgamma(b + 1) - math.lgamma(n - b + 1) - n * math.log(2)
        for b in range(largest_b + 1)
    ]
    top = max(log_terms)
    return math.exp(top) * sum(math.exp(term - top) for term in log_terms)


@pytest.mark.parametrize("num_patterns", [50, 100, 200])
def test_one_step_error_rate_matches_theory_within_sampling_error(num_patterns):
    """Measured one-step flip rate vs 0.5 erfc(sqrt(N / 2P)), N = 200.

    Sampling: one unit per stored pattern (unit mu of pattern mu) from independent
    networks. Units of the same pattern share its overlaps with the other patterns and
    are positively correlated (measured variance ~1.5x binomial when all units are
    used); one unit per pattern leaves indicators that are independent up to O(1/P)
    (measured ratio 1.03), so the count is Binomial(M, p) with p the exact flip
    probability and standard error se = sqrt(p (1 - p) / M). Hence
        |measured - theory| <= |measured - p| + |p - theory| <= 4 se + |p - theory|
    fails for a correct implementation with probability ~6e-5. The large-N formula's
    own error |p - theory| is computed exactly (0.0012-0.0016 here, 0.3-0.8 se).
    """
    num_units, samples = 200, 8000
    rng = np.random.default_rng(2024 + num_patterns)
    flips = []
    for _ in range(samples // num_patterns):
        patterns = pt.random_patterns(num_patterns, num_units, rng)
        network = hf.HopfieldNetwork.from_patterns(patterns)
        updated = network.step(patterns, mode="synchronous")
        diagonal = np.arange(num_patterns)
        flips.append(updated[diagonal, diagonal] != patterns[diagonal, diagonal])
    measured = float(np.mean(flips))
    theory = hf.one_step_error_rate(num_patterns / num_units)
    assert theory == pytest.approx(0.5 * math.erfc(math.sqrt(num_units / (2 * num_patterns))))
    exact = exact_one_step_error(num_units, num_patterns)
    standard_error = math.sqrt(exact * (1 - exact) / samples)
    assert abs(exact - theory) < 0.002
    assert abs(measured - theory) <= 4 * standard_error + abs(exact - theory)


def test_capacity_experiment_one_step_errors_agree_with_theory_and_break_down():
    result = capacity_experiment(200, [0.05, 0.1, 0.2, 0.3], rng=5, trials=200)
    np.testing.assert_allclose(result.loads, [0.05, 0.1, 0.2, 0.3])
    assert np.all(result.trials >= 200)
    theory = hf.one_step_error_rate(result.loads)
    bits = result.trials * result.num_units  # correlated bits: allow 3x the binomial error
    tolerance = 4 * np.sqrt(3 * theory * (1 - theory) / bits) + 0.002
    assert np.all(np.abs(result.one_step_error - theory) <= tolerance)
    assert result.bit_error[0] == 0.0 and result.exact_recall[0] == 1.0
    assert result.bit_error[1] < 0.01 < 0.05 < result.bit_error[2]
    assert [e.shape for e in result.final_errors] == [(20, 10), (10, 20), (5, 40), (4, 60)]
    np.testing.assert_allclose([np.mean(e == 0) for e in result.final_errors], result.exact_recall)


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_notebook_capacity_claims_hold_for_other_seeds(seed):
    """Chapter 1 asserts these with seed 0: breakdown between P/N 0.1 and 0.2, sharper
    for N = 400 than for N = 100, and every pattern a fixed point at P/N = 0.04."""
    rng = np.random.default_rng(seed)
    small, large = (
        capacity_experiment(n, [0.04, 0.1, 0.2], rng=rng, trials=100) for n in (100, 400)
    )
    for result in (small, large):
        low, high = result.bit_error[1], result.bit_error[2]
        assert low < 0.01 and high > 0.025 and high > 4 * low
        assert result.exact_recall[0] >= 0.99
    assert large.bit_error[2] > 1.5 * small.bit_error[2]


def test_capacity_experiment_is_seeded_and_cleans_noisy_cues():
    a = capacity_experiment(100, [0.05], rng=1, trials=50, cue_noise=0.1)
    b = capacity_experiment(100, [0.05], rng=1, trials=50, cue_noise=0.1)
    np.testing.assert_array_equal(a.bit_error, b.bit_error)
    assert a.exact_recall[0] > 0.9  # 10% noise at load 0.05 is corrected
    synchronous = capacity_experiment(100, [0.05], rng=1, trials=50, mode="synchronous")
    assert synchronous.exact_recall[0] == 1.0


def test_ags_critical_load_and_retrieval_errors():
    assert hf.CRITICAL_LOAD == pytest.approx(0.1379, abs=1e-4)
    assert hf.retrieval_error_rate(hf.CRITICAL_LOAD - 1e-6) == pytest.approx(0.0165, abs=1e-3)
    assert math.isnan(hf.retrieval_error_rate(0.14))
    rates = hf.retrieval_error_rate(np.array([0.05, 0.1, 0.13]))
    assert np.all(np.diff(rates) > 0) and rates[0] < 1e-4


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: hf.hebbian_weights(np.array([[1.0, 0.0, -1.0]])), ValueError, "bipolar"),
        (lambda: hf.hebbian_weights(np.ones(4)), ValueError, "dimensions"),
        (lambda: hf.hebbian_weights(np.ones((5, 4))), ValueError, "at most N = 4"),
        (lambda: hf.hebbian_weights("abc"), TypeError, "patterns"),
        (lambda: hf.HopfieldNetwork(np.ones((2, 3))), ValueError, "square"),
        (lambda: hf.HopfieldNetwork(np.array([[0, 1.0], [2, 0]])), ValueError, "symmetric"),
        (lambda: hf.HopfieldNetwork(np.eye(2)), ValueError, "zero diagonal"),
        (lambda: pt.glyph("Q"), ValueError, "name"),
        (lambda: pt.noisy_copy(np.ones(4), rng=0), ValueError, "exactly one"),
        (lambda: pt.noisy_copy(np.ones(4), flips=5, rng=0), ValueError, "at most N = 4"),
        (lambda: pt.noisy_copy(np.ones(4), fraction=1.5, rng=0), ValueError, "fraction"),
        (lambda: pt.random_patterns(0, 4, rng=0), ValueError, "num_patterns"),
        (lambda: capacity_experiment(100, [0.0, 0.1], rng=0), ValueError, "loads"),
        (lambda: capacity_experiment(100, [0.1], rng=0, mode="x"), ValueError, "mode"),
        (lambda: hf.one_step_error_rate(-0.1), ValueError, "load"),
    ],
)
def test_bad_input_raises_clear_errors(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_bad_states_name_the_argument():
    network = hf.HopfieldNetwork.from_patterns(pt.glyph_patterns())
    with pytest.raises(ValueError, match=r"cue: expected 100 units"):
        network.recall(np.ones(99), rng=0)
    with pytest.raises(ValueError, match=r"cue: expected bipolar"):
        network.recall(np.zeros(100), rng=0)
    with pytest.raises(TypeError, match="rng"):
        network.recall(np.ones(100), rng=None)
    with pytest.raises(ValueError, match="mode"):
        network.recall(np.ones(100), mode="parallel", rng=0)
    with pytest.raises(ValueError, match="unit"):
        network.update_unit(np.ones(100), 100)
    with pytest.raises(ValueError, match="overlaps"):
        hf.HopfieldNetwork(network.weights).overlaps(np.ones(100))


# --- plots and explorers -------------------------------------------------------------------


def test_plots_draw_from_results():
    network = hf.HopfieldNetwork.from_patterns(pt.glyph_patterns())
    result = network.recall(pt.noisy_copy(network.patterns[0], flips=20, rng=0), rng=0)
    figures = [
        hv.plot_patterns(network.patterns, titles=list(pt.COURSE_GLYPHS)),
        hv.plot_recall(result),
        hv.plot_capacity([capacity_experiment(50, [0.05, 0.2], rng=0, trials=20)]),
    ]
    ax = hv.plot_overlaps(network.overlaps(result.final), pt.COURSE_GLYPHS)
    assert [bar.get_height() for bar in ax.patches] == list(network.overlaps(result.final))
    ax = hv.plot_pattern_survival([0, 3, 40], num_units=100)
    key = [text.get_text() for text in ax.get_legend().get_texts()]
    assert key == ["exact 1", "≤5% wrong (·) 1", "lost (×) 1"]  # colour paired with a key
    assert [len(c.get_offsets()) for c in ax.collections] == [1, 1]  # dot, cross: a marker each
    for figure in figures + [ax.figure]:
        assert figure.axes
    plt.close("all")


def test_survival_grid_codes_and_padding():
    grid, counts = hv.survival_grid([0, 5, 6, 0, 100], num_units=100, columns=3)
    assert grid.shape == (2, 3) and np.isnan(grid[1, 2])
    assert counts == [2, 1, 2]  # 5 of 100 wrong is "near", 6 is lost


def test_recall_explorer_redraws_each_control():
    explorer = hw.recall_explorer(names=("A", "X"), noise_percents=(0, 20, 40), rng=1)
    first = explorer.image.value
    for name, value in [("step", 3), ("mode", "synchronous"), ("noise", 0), ("name", "X")]:
        before = len(explorer.redraw_seconds)
        explorer.controls[name].value = value
        assert len(explorer.redraw_seconds) == before + 1
    assert bytes(explorer.image.value) != bytes(first)
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    explorer.controls["step"].value = explorer.controls["step"].max  # past the end: final
    assert explorer.note.value.startswith("A step changes one unit")


def test_capacity_explorer_uses_given_results_and_redraws():
    results = [capacity_experiment(n, [0.05, 0.1, 0.2], rng=2, trials=20) for n in (40, 80)]
    explorer = hw.capacity_explorer(results)
    assert explorer.controls["num_units"].options == (40, 80)
    explorer.controls["load_index"].value = 0
    explorer.controls["load_index"].value = 2
    explorer.controls["num_units"].value = 40
    assert "P = 8" in explorer.note.value
    assert len(explorer.redraw_seconds) == 4


def test_plots_explain_the_shading_and_the_critical_load():
    network = hf.HopfieldNetwork.from_patterns(pt.glyph_patterns())
    result = network.recall(pt.noisy_copy(network.patterns[0], flips=20, rng=0), rng=0)
    energy_ax = hv.plot_recall(result).axes[-1]
    labels = [text.get_text() for text in energy_ax.get_legend().get_texts()]
    assert labels and labels[0].startswith("sweep 1")
    fig = hv.plot_capacity(
        [capacity_experiment(50, [0.05, 0.2], rng=0, trials=20)], hf.capacity_theory(0.2)
    )
    (legend,) = fig.legends  # one legend below both panels, none over the data
    assert all(text.get_fontsize() >= 11 for text in legend.get_texts())
    assert any("critical load" in text.get_text() for text in legend.get_texts())
    assert any("critical load" in text.get_text() for text in fig.axes[1].texts)
    plt.close("all")


@pytest.mark.parametrize(("num_units", "num_patterns"), [(200, 50), (200, 200), (100, 30)])
def test_exact_one_step_error_rate_is_close_to_the_large_n_formula(num_units, num_patterns):
    exact = hf.exact_one_step_error_rate(num_units, num_patterns)
    theory = hf.one_step_error_rate(num_patterns / num_units)
    assert 0 < exact < 0.5 and abs(exact - theory) < 0.2 * theory


def test_exact_one_step_error_rate_by_hand():
    # N = 3, P = 2: N xi h = 2 + S, S a sum of 2 terms; a flip needs S < -2: never
    assert hf.exact_one_step_error_rate(3, 2) == 0.0
    assert hf.exact_one_step_error_rate(100, 1) == 0.0  # one pattern: no crosstalk
    # N = 2, P = 3: S a sum of 2 terms, flip when S < -1, i.e. S = -2: probability 1/4
    assert hf.exact_one_step_error_rate(2, 3) == pytest.approx(0.25)
    with pytest.raises(ValueError, match="num_units"):
        hf.exact_one_step_error_rate(0, 3)
