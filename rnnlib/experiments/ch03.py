"""Chapter 3's experiments: how gradients flow (or fail to flow) back through time.

One seeded function per run the chapter asserts (``rng=``: a seed or a Generator), so
the tests re-run each with other seeds. The measurements they use (Jacobian norms, the
singular-value bound) live in :mod:`rnnlib.analysis`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .._checks import (
    as_generator,
    check_choice,
    check_positive_float,
    check_positive_int,
)
from ..analysis import SLOPE_BOUND, jacobian_norms, recurrent_matrix, singular_value_bound
from ..baselines import adding_baseline
from ..cells import RNNCell
from ..data.tasks import adding_problem, remember_the_sign
from ..layers import Dense
from ..losses import mse, softmax_cross_entropy
from ..models import SequenceModel
from ..optim import SGD, Adam, clip_grad_norm, global_grad_norm
from ..recurrent import Recurrent

__all__ = [
    "ACTIVATIONS",
    "GradientFlow",
    "gradient_flow",
    "TrainingRun",
    "clipping_run",
    "truncated_gradient",
    "LongDependency",
    "truncated_long_dependency",
    "bptt_cost",
    "dependency_vs_distance",
    "time_per_sequence",
]

ACTIVATIONS = ("tanh", "relu")  # the activations of rnnlib's RNNCell


# ----- experiment 1: gradient norm against time ------------------------------------------------


@dataclass
class GradientFlow:
    """Result of :func:`gradient_flow` for one sequence of length ``T``.

    ``grad_norms[t-1] = ||dL/dh_t||`` for a loss on the last step only, scaled so that
    ``grad_norms[-1] = ||dL/dh_T|| = 1``; ``jacobian_norms[t-1] = ||diag(f'(a_t)) W_hh||_2``.
    """

    activation: str
    spectral_norm: float
    gamma: float
    hidden: np.ndarray  #: (T, H) hidden states
    W_hh: np.ndarray  #: (H, H)
    grad_hidden: np.ndarray  #: (T, H) dL/dh_t from rnnlib's backward
    grad_norms: np.ndarray  #: (T,)
    jacobian_norms: np.ndarray  #: (T,)

    @property
    def steps(self) -> int:
        return len(self.grad_norms)

    @property
    def distance(self) -> np.ndarray:
        """``T - t`` for t = 1..T: how many steps separate step t from the loss."""
        return np.arange(self.steps)[::-1].astype(np.float64)

    @property
    def bound(self) -> np.ndarray:
        """Singular-value bound on ``grad_norms``: ``(gamma sigma)^(T-t) ||dL/dh_T||``."""
        return (
            singular_value_bound(self.spectral_norm, self.gamma, self.distance)
            * self.grad_norms[-1]
        )

    @property
    def product_bound(self) -> np.ndarray:
        """Tighter bound ``prod_{k>t} ||J_k|| * grad_norms[-1]`` from the actual Jacobians."""
        later = np.append(self.jacobian_norms[1:], 1.0)  # ||J_{t+1}|| for t, 1 at the last step
        return np.cumprod(later[::-1])[::-1] * self.grad_norms[-1]

    @property
    def ratio(self) -> float:
        """``||dL/dh_1|| / ||dL/dh_T||``: the fraction of the gradient that reaches step 1."""
        return float(self.grad_norms[0] / self.grad_norms[-1])


def gradient_flow(
    spectral_norm: float,
    activation: str = "tanh",
    length: int = 50,
    *,
    hidden_size: int = 32,
    input_size: int = 4,
    input_scale: float = 1.0,
    rng=0,
) -> GradientFlow:
    """Run a vanilla RNN on random inputs and measure ``||dL/dh_t||`` for every step.

    The RNN (rnnlib's ``Recurrent(RNNCell)``) has ``W_hh = recurrent_matrix(H,
    spectral_norm)``; inputs are ``N(0, input_scale^2)`` of shape ``(length, 1, input_size)``.
    The loss is ``L = u . h_T`` for a random unit vector ``u``, so ``||dL/dh_T|| = 1``
    and every earlier ``dL/dh_t`` is that gradient carried back through ``T-t``
    Jacobians. rnnlib's backward fills ``trace.grad_hidden``.
    """
    spectral_norm = check_positive_float(spectral_norm, "spectral_norm")
    activation = check_choice(activation, "activation", ACTIVATIONS)
    length = check_positive_int(length, "length")
    input_scale = check_positive_float(input_scale, "input_scale")
    rng = as_generator(rng)
    cell = RNNCell(input_size, hidden_size, rng=rng, activation=activation)
    cell.params["W_hh"][...] = recurrent_matrix(hidden_size, spectral_norm, rng)
    layer = Recurrent(cell)
    inputs = input_scale * rng.standard_normal((length, 1, input_size))
    _, cache = layer.forward(inputs)
    direction = rng.standard_normal(hidden_size)
    dhidden = np.zeros((length, 1, hidden_size))
    dhidden[-1, 0] = direction / np.linalg.norm(direction)
    layer.backward(dhidden, cache)
    trace = cache.trace
    hidden = trace.hidden[:, 0].copy()
    W_hh = cell.params["W_hh"].copy()
    return GradientFlow(
        activation=activation,
        spectral_norm=spectral_norm,
        gamma=SLOPE_BOUND[activation],
        hidden=hidden,
        W_hh=W_hh,
        grad_hidden=trace.grad_hidden[:, 0].copy(),
        grad_norms=trace.grad_norm("hidden"),
        jacobian_norms=jacobian_norms(hidden, W_hh, activation),
    )


# ----- experiment 2: exploding gradients and clipping ------------------------------------------


@dataclass
class TrainingRun:
    """Per-step record of :func:`clipping_run` (arrays stop early if the loss became NaN/inf)."""

    max_norm: float | None  #: the clipping threshold (None: no clipping)
    lr: float
    loss: np.ndarray  #: (steps,) training loss before each update
    grad_norm: np.ndarray  #: (steps,) global gradient norm before clipping
    update_norm: np.ndarray  #: (steps,) ||theta_new - theta_old|| of each update
    baseline: float  #: MSE of always predicting 1 on the training batches

    @property
    def diverged(self) -> bool:
        """True when the loss became NaN/inf or the run stopped early."""
        return not np.all(np.isfinite(self.loss)) or bool(self.stopped_early)

    stopped_early: bool = False


def _set_recurrent_weights(model, spectral_norm: float, rng) -> None:
    """Overwrite every ``W_hh`` of ``model`` with :func:`recurrent_matrix` at ``spectral_norm``."""
    for name, param, _ in model.named_parameters():
        if name.endswith("W_hh"):
            param[...] = recurrent_matrix(param.shape[1], spectral_norm, rng)


def _flat_params(model) -> np.ndarray:
    return np.concatenate([param.ravel() for _, param, _ in model.named_parameters()])


def clipping_run(
    max_norm: float | None = None,
    *,
    steps: int = 1000,
    lr: float = 0.3,
    spectral_norm: float = 2.0,
    length: int = 6,
    hidden_size: int = 16,
    batch_size: int = 32,
    loss_limit: float = 1e6,
    rng=0,
) -> TrainingRun:
    """Train a vanilla RNN on the adding problem with plain SGD, with or without clipping.

    ``W_hh`` starts at a large spectral norm so that some gradients are huge; with
    ``max_norm`` the global gradient norm is clipped to it before each SGD step
    (``rnnlib.optim.clip_grad_norm``), so no update is longer than ``lr * max_norm``.
    The same seed gives the same initial weights and batches with and without clipping.
    The run stops early once the loss exceeds ``loss_limit`` or becomes NaN/inf.
    """
    if max_norm is not None:
        max_norm = check_positive_float(max_norm, "max_norm")
    steps = check_positive_int(steps, "steps")
    lr = check_positive_float(lr, "lr")
    rng = as_generator(rng)
    model = SequenceModel(
        cell="rnn", input_size=2, hidden_size=hidden_size, output_size=1, many_to_one=True, rng=rng
    )
    _set_recurrent_weights(model, spectral_norm, rng)
    optimizer = SGD(model, lr=lr)
    losses, grad_norms, update_norms, baselines = [], [], [], []
    stopped = False
    for _ in range(steps):
        inputs, targets = adding_problem(batch_size, length, rng=rng)
        targets = targets.reshape(batch_size, 1)
        model.zero_grad()
        outputs, cache = model.forward(inputs)
        loss, doutputs = mse(outputs, targets)
        losses.append(loss)
        baselines.append(adding_baseline(targets))
        if not np.isfinite(loss) or loss > loss_limit:
            stopped = True
            break
        model.backward(doutputs, cache)
        if max_norm is None:
            grad_norms.append(global_grad_norm(model))
        else:
            grad_norms.append(clip_grad_norm(model, max_norm))
        before = _flat_params(model)
        optimizer.step()
        update_norms.append(np.linalg.norm(_flat_params(model) - before))
    return TrainingRun(
        max_norm=max_norm,
        lr=lr,
        loss=np.array(losses),
        grad_norm=np.array(grad_norms),
        update_norm=np.array(update_norms),
        baseline=float(np.mean(baselines)),
        stopped_early=stopped,
    )


# ----- experiment 3: truncated BPTT ----------------------------------------------------------


def _random_rnn(input_size, hidden_size, rng, spectral_norm=None):
    cell = RNNCell(input_size, hidden_size, rng=rng)
    if spectral_norm is not None:
        cell.params["W_hh"][...] = recurrent_matrix(hidden_size, spectral_norm, rng)
    return Recurrent(cell)


def truncated_gradient(
    length: int = 40,
    truncate: int | None = 10,
    *,
    hidden_size: int = 16,
    input_size: int = 4,
    spectral_norm: float = 1.0,
    rng=0,
) -> np.ndarray:
    """``||dL/dx_t||`` for each step t, with a loss on the last hidden state only.

    With ``truncate=k`` rnnlib cuts the sequence into chunks of k steps from the start
    and passes no gradient back across a chunk boundary, so every step before the last
    chunk gets exactly zero: truncated BPTT cannot credit an input more than ``k`` steps
    before the loss. Returns ``(T,)``, step t at index ``t - 1``.
    """
    length = check_positive_int(length, "length")
    if truncate is not None:
        truncate = check_positive_int(truncate, "truncate")
    rng = as_generator(rng)
    layer = _random_rnn(input_size, hidden_size, rng, spectral_norm)
    inputs = rng.standard_normal((length, 1, input_size))
    _, cache = layer.forward(inputs)
    dhidden = np.zeros((length, 1, hidden_size))
    dhidden[-1, 0] = rng.standard_normal(hidden_size)
    dinputs, _ = layer.backward(dhidden, cache, truncate=truncate)
    return np.linalg.norm(dinputs[:, 0], axis=-1)


@dataclass
class LongDependency:
    """Test accuracies (one per repeat) of :func:`truncated_long_dependency`'s two runs,
    and how far the clue's input weights ``W_xh[:, 0]`` moved in training (max abs)."""

    length: int  #: T; the clue sits at step 1, T - 1 steps before the answer
    truncate: int  #: k
    truncated: np.ndarray  #: truncate=k, clue always at step 1 in training
    truncated_anywhere: np.ndarray  #: truncate=k, clue at any step in training
    clue_weight_change: dict  #: run name -> (repeats,) max |change of W_xh[:, 0]|


def truncated_long_dependency(
    length: int = 20,
    truncate: int = 5,
    *,
    repeats: int = 4,
    steps: int = 200,
    batch_size: int = 32,
    hidden_size: int = 16,
    noise: float = 2.0,
    lr: float = 1e-2,
    test_size: int = 1000,
    rng=0,
) -> LongDependency:
    """Can truncated BPTT learn a dependency longer than its k steps?

    Task :func:`rnnlib.data.tasks.remember_the_sign`: a ±1 clue, then noise; say the
    clue's sign after the last step. The test clue always sits at step 1, ``T - 1``
    steps before the answer (19 > k = 5 by default). Two trainings of a tanh RNN with
    ``truncate=k`` (Adam, clipping at norm 1), from the same initial weights per repeat:

    * ``truncated``: ``truncate=k``, training clues at step 1. No gradient ever reaches
      the step where the clue enters, so its input weights ``W_xh[:, 0]`` never move;
      the answer can only be read from whatever the untrained path happens to carry;
    * ``truncated_anywhere``: ``truncate=k``, training clues at any step. Clues inside
      the last chunk teach the shared weights to write and keep the clue, and the state
      carried across the chunk boundaries then holds a clue from step 1 as well.

    Each repeat draws its own seed from ``rng``; the two runs of a repeat share it.
    """
    length = check_positive_int(length, "length", minimum=2)
    truncate = check_positive_int(truncate, "truncate")
    repeats = check_positive_int(repeats, "repeats")
    steps = check_positive_int(steps, "steps")
    seeds = as_generator(rng).integers(2**32, size=repeats)
    runs = {"truncated": [0], "truncated_anywhere": list(range(length))}
    accuracy = {name: np.zeros(repeats) for name in runs}
    moved = {name: np.zeros(repeats) for name in runs}
    for repeat, seed in enumerate(seeds):
        for name, positions in runs.items():
            run_rng = np.random.default_rng(seed)
            model = SequenceModel(
                "rnn", input_size=2, hidden_size=hidden_size, output_size=2,
                many_to_one=True, rng=run_rng,
            )  # fmt: skip
            W_xh = {name: param for name, param, _ in model.named_parameters()}[
                "recurrent.0.cell.W_xh"
            ]  # updated in place by the optimiser
            clue_weights = W_xh[:, 0].copy()
            optimizer = Adam(model, lr=lr)
            for _ in range(steps):
                inputs, targets = remember_the_sign(
                    batch_size, length, positions=positions, noise=noise, rng=run_rng
                )
                outputs, cache = model.forward(inputs)
                _, doutputs = softmax_cross_entropy(outputs, targets)
                model.zero_grad()
                model.backward(doutputs, cache, truncate=truncate)
                clip_grad_norm(model, 1.0)
                optimizer.step()
            moved[name][repeat] = np.abs(W_xh[:, 0] - clue_weights).max()
            inputs, targets = remember_the_sign(test_size, length, noise=noise, rng=run_rng)
            accuracy[name][repeat] = np.mean(model.predict(inputs).argmax(axis=-1) == targets)
    return LongDependency(length, truncate, **accuracy, clue_weight_change=moved)


def bptt_cost(
    length: int,
    truncate: int | None = None,
    *,
    batch_size: int = 8,
    hidden_size: int = 64,
    input_size: int = 8,
    repeats: int = 9,
    rng=0,
) -> dict:
    """Time and memory of one forward + backward pass over a sequence of ``length`` steps.

    Full BPTT (``truncate=None``) keeps all ``T`` hidden states until the backward pass.
    Truncated BPTT here runs the sequence in chunks of ``truncate`` steps, carrying the
    hidden state forward but no gradient backward across a chunk boundary (the same
    gradients as ``Recurrent.backward(..., truncate=k)``), so it holds only one chunk.

    The pass runs once untimed (warm-up), then ``repeats`` times; the time returned is the
    fastest repeat, since load on the machine only ever adds time (one measurement on a busy
    machine can be several times too slow, the minimum of several rarely is).

    Returns ``{"seconds": fastest of repeats, "stored": largest number of hidden-state values
    held at once (``steps held * B * H``), "steps": steps run forward and backward per
    pass (T for both), "grads": {name: gradient}}``.
    """
    length = check_positive_int(length, "length")
    chunk = length if truncate is None else check_positive_int(truncate, "truncate")
    repeats = check_positive_int(repeats, "repeats")
    rng = as_generator(rng)
    layer = _random_rnn(input_size, hidden_size, rng)
    inputs = rng.standard_normal((length, batch_size, input_size))
    dhidden = rng.standard_normal((length, batch_size, hidden_size)) / length
    best, stored = np.inf, 0
    for repeat in range(repeats + 1):  # repeat 0 is the untimed warm-up
        layer.zero_grad()
        start = time.perf_counter()
        state, steps = None, 0
        for begin in range(0, length, chunk):
            _, cache = layer.forward(inputs[begin : begin + chunk], initial_state=state)
            stored = max(stored, cache.trace.hidden.size)
            steps += cache.trace.steps
            layer.backward(dhidden[begin : begin + chunk], cache)
            state = cache.final_state
        if repeat > 0:
            best = min(best, time.perf_counter() - start)
    grads = {name: grad.copy() for name, _, grad in layer.named_parameters()}
    return {"seconds": best, "stored": stored, "steps": steps, "grads": grads}


# ----- experiment 4: long-term dependencies ----------------------------------------------------


def dependency_vs_distance(
    lengths=(5, 10, 15, 20, 30, 40),
    *,
    steps: int = 600,
    batch_size: int = 32,
    hidden_size: int = 16,
    lr: float = 1e-2,
    max_norm: float = 1.0,
    test_size: int = 512,
    rng=0,
) -> dict:
    """Train a vanilla (tanh) RNN on the adding problem for each sequence length.

    In the adding problem the two numbers to add sit at marked positions anywhere in
    the sequence, and the answer is read after the last step, so the length is the
    distance the information must travel. Each length gets a fresh model trained with
    Adam (and global-norm clipping at ``max_norm``, so failures are not explosions)
    for ``steps`` batches, then is tested on ``test_size`` new sequences.

    Returns arrays over ``lengths``: ``"lengths"``, ``"test_mse"`` and ``"baseline"``
    (the MSE of always predicting 1 on the same test set, ~1/6).
    """
    lengths = [check_positive_int(length, "lengths") for length in lengths]
    steps = check_positive_int(steps, "steps")
    rng = as_generator(rng)
    test_mse, baseline = [], []
    for length in lengths:
        model = SequenceModel(
            cell="rnn",
            input_size=2,
            hidden_size=hidden_size,
            output_size=1,
            many_to_one=True,
            rng=rng,
        )
        optimizer = Adam(model, lr=lr)
        for _ in range(steps):
            inputs, targets = adding_problem(batch_size, length, rng=rng)
            model.zero_grad()
            outputs, cache = model.forward(inputs)
            _, doutputs = mse(outputs, targets.reshape(outputs.shape))
            model.backward(doutputs, cache)
            clip_grad_norm(model, max_norm)
            optimizer.step()
        inputs, targets = adding_problem(test_size, length, rng=rng)
        outputs, _ = model.forward(inputs)
        test_mse.append(mse(outputs, targets.reshape(outputs.shape))[0])
        baseline.append(adding_baseline(targets))
    return {
        "lengths": np.array(lengths),
        "test_mse": np.array(test_mse),
        "baseline": np.array(baseline),
    }


# ----- experiment 5: why RNNs are slow ---------------------------------------------------------


def time_per_sequence(
    lengths=(25, 50, 100, 200, 400),
    *,
    batch_size: int = 1,
    hidden_size: int = 64,
    repeats: int = 7,
    rng=0,
) -> dict:
    """Seconds for one forward + backward pass against the sequence length T.

    ``"recurrent"``: a vanilla RNN layer (``Recurrent(RNNCell(H, H))``); step t needs
    h_{t-1}, so its T steps run one after another, whatever the hardware.
    ``"parallel"``: a feed-forward ``Dense(H, H)`` layer applied to the same ``(T, B, H)``
    inputs, which handles all T positions in one matrix product.

    Each time is the best of ``repeats``; the repeats cycle through all lengths in turn,
    so a burst of load on a shared machine slows one repeat of every length rather than
    every repeat of one length. Returns ``{"lengths", "recurrent", "parallel"}`` arrays.
    """
    lengths = [check_positive_int(length, "lengths") for length in lengths]
    repeats = check_positive_int(repeats, "repeats")
    rng = as_generator(rng)
    layer = _random_rnn(hidden_size, hidden_size, rng)
    dense = Dense(hidden_size, hidden_size, rng=rng)
    inputs = rng.standard_normal((max(lengths), batch_size, hidden_size))
    upstream = rng.standard_normal(inputs.shape)
    best = {"recurrent": np.full(len(lengths), np.inf), "parallel": np.full(len(lengths), np.inf)}
    for _ in range(repeats):
        for index, length in enumerate(lengths):
            for name, module in (("recurrent", layer), ("parallel", dense)):
                start = time.perf_counter()
                _, cache = module.forward(inputs[:length])
                module.backward(upstream[:length], cache)
                elapsed = time.perf_counter() - start
                best[name][index] = min(best[name][index], elapsed)
    return {"lengths": np.array(lengths), **best}
