"""Chapter 4's experiments: vanilla RNN, LSTM and GRU on the adding problem.

One seeded function per run the chapter asserts (``rng=``: a seed or a Generator), so
the tests re-run each with other seeds. Cell types are names in
:data:`rnnlib.cells.CELL_TYPES`; the measurements (gradient norms, gate saturation,
steps to learn) live in :mod:`rnnlib.analysis`.
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass

import numpy as np

from .._checks import (
    as_generator,
    check_choice,
    check_positive_float,
    check_positive_int,
    check_real,
)
from ..analysis import gradient_norms
from ..baselines import adding_baseline
from ..cells import CELL_TYPES
from ..data.tasks import adding_problem
from ..losses import mse
from ..models import SequenceModel
from ..optim import Adam
from ..train import fit, train_step

__all__ = [
    "SETTINGS",
    "ShowdownRun",
    "make_model",
    "train_adding",
    "showdown",
    "forget_bias_gradients",
    "step_seconds",
]

#: Settings of the showdown, found by trying (chapter 4 says which): small enough to train
#: the three cells at two lengths in seconds, large enough that the LSTM and GRU learn
#: the adding problem at length 50 for every seed tried while the vanilla RNN does not.
SETTINGS = {
    "hidden_size": 16,
    "batch_size": 32,
    "steps": 1000,
    "lr": 0.02,
    "clip_norm": 1.0,
    "forget_bias": 1.0,
}


@dataclass
class ShowdownRun:
    """One model trained on the adding problem at one length (:func:`train_adding`)."""

    cell: str  #: a name in rnnlib.cells.CELL_TYPES
    length: int  #: sequence length T
    losses: np.ndarray  #: (steps,) training MSE of each batch, before its update
    test_mse: float  #: MSE on fresh test sequences after training
    baseline_mse: float  #: MSE of always predicting 1 on the same test sequences (~1/6)
    seconds: float  #: wall-clock time of the training loop
    model: SequenceModel  #: the trained model

    @property
    def relative_mse(self) -> float:
        """``test_mse / baseline_mse``: 1 means no better than always predicting 1."""
        return self.test_mse / self.baseline_mse

    @property
    def seconds_per_step(self) -> float:
        return self.seconds / len(self.losses)


def make_model(cell: str, *, hidden_size: int = 16, forget_bias: float = 1.0, rng=0):
    """A many-to-one model for the adding problem: 2 inputs per step -> 1 output.

    ``forget_bias`` goes to the cells that take one (the LSTM: added to the forget-gate
    bias at initialisation); the others ignore it.
    """
    cell = check_choice(cell, "cell", tuple(CELL_TYPES))
    takes_bias = "forget_bias" in inspect.signature(CELL_TYPES[cell]).parameters
    extra = {"forget_bias": check_real(forget_bias, "forget_bias")} if takes_bias else {}
    return SequenceModel(
        cell,
        input_size=2,
        hidden_size=hidden_size,
        output_size=1,
        many_to_one=True,
        rng=rng,
        **extra,
    )


def _split(rng) -> tuple[np.random.Generator, np.random.Generator]:
    """Two independent streams from one seed: model initialisation, and data."""
    init_rng, data_rng = as_generator(rng).spawn(2)
    return init_rng, data_rng


def train_adding(
    cell: str,
    length: int,
    *,
    hidden_size: int = SETTINGS["hidden_size"],
    batch_size: int = SETTINGS["batch_size"],
    steps: int = SETTINGS["steps"],
    lr: float = SETTINGS["lr"],
    clip_norm: float | None = SETTINGS["clip_norm"],
    forget_bias: float = SETTINGS["forget_bias"],
    test_size: int = 512,
    rng=0,
) -> ShowdownRun:
    """Train a fresh ``cell`` model on the adding problem of length ``length``.

    Each of ``steps`` updates sees a fresh batch of ``batch_size`` sequences ``(T, B, 2)``;
    the loss is the MSE of the output ``(B, 1)``; Adam with learning rate ``lr`` and
    global-norm clipping at ``clip_norm``. Then ``test_size`` new sequences give the test
    MSE and the baseline (always predict 1). The data depend only on ``rng`` (not on the
    cell), so the three cells with the same seed see the same batches.
    """
    cell = check_choice(cell, "cell", tuple(CELL_TYPES))
    length = check_positive_int(length, "length", minimum=2)
    steps = check_positive_int(steps, "steps")
    batch_size = check_positive_int(batch_size, "batch_size")
    test_size = check_positive_int(test_size, "test_size")
    lr = check_positive_float(lr, "lr")
    init_rng, data_rng = _split(rng)
    model = make_model(cell, hidden_size=hidden_size, forget_bias=forget_bias, rng=init_rng)
    test_inputs, test_targets = adding_problem(test_size, length, rng=data_rng)
    batches = [adding_problem(batch_size, length, rng=data_rng) for _ in range(steps)]
    start = time.perf_counter()
    history = fit(
        model, Adam(model, lr=lr), batches, loss="mse", clip_norm=clip_norm, progress=False
    )
    seconds = time.perf_counter() - start
    test_mse = mse(model.predict(test_inputs), test_targets)[0]
    return ShowdownRun(
        cell=cell,
        length=length,
        losses=np.array(history.loss),
        test_mse=float(test_mse),
        baseline_mse=adding_baseline(test_targets),
        seconds=seconds,
        model=model,
    )


def showdown(cells=None, lengths=(10, 50), *, rng=0, **settings) -> dict:
    """Train every cell type (names in :data:`rnnlib.cells.CELL_TYPES`, default all of
    them) at every length; returns ``{(cell, length): ShowdownRun}``.

    At each length all cells get the same seed, hence the same batches and test set;
    ``settings`` override :data:`SETTINGS` (e.g. ``steps=400``).
    """
    cells = [check_choice(cell, "cells", tuple(CELL_TYPES)) for cell in cells or CELL_TYPES]
    lengths = [check_positive_int(length, "lengths", minimum=2) for length in lengths]
    unknown = set(settings) - set(SETTINGS)
    if unknown:
        raise ValueError(
            f"settings: expected names among {sorted(SETTINGS)}, got {sorted(unknown)}"
        )
    seeds = as_generator(rng).integers(0, 2**31, size=len(lengths))
    return {
        (cell, length): train_adding(cell, length, rng=int(seed), **settings)
        for length, seed in zip(lengths, seeds, strict=True)
        for cell in cells
    }


def forget_bias_gradients(
    biases=(0.0, 1.0, 3.0),
    length: int = 50,
    *,
    hidden_size: int = SETTINGS["hidden_size"],
    batch_size: int = 32,
    rng=0,
) -> dict:
    """``||dL/dc_t|| / ||dL/dc_T||`` over t for untrained LSTMs differing only in forget bias.

    Every LSTM starts from the same weights (same seed) and reads the same adding-problem
    batch; only ``forget_bias`` is added to the forget-gate block of ``b``. Along the cell
    path ``dc_t/dc_{t-1} = f_t = sigmoid(... + forget_bias)``, so a larger bias keeps
    ``f_t`` near 1 and lets the gradient reach early steps. Returns ``{bias: (T,)}``.
    """
    biases = [check_real(bias, "biases") for bias in biases]
    init_seed, data_rng = _split(rng)
    init_seed = int(init_seed.integers(2**31))
    inputs, targets = adding_problem(batch_size, length, rng=data_rng)
    curves = {}
    for bias in biases:
        model = make_model("lstm", hidden_size=hidden_size, forget_bias=bias, rng=init_seed)
        norms = gradient_norms(model, inputs, targets)["cell_state"]
        curves[bias] = norms / norms[-1]
    return curves


def step_seconds(
    cells=None,
    lengths=(25, 50, 100, 200),
    *,
    hidden_size: int = SETTINGS["hidden_size"],
    batch_size: int = SETTINGS["batch_size"],
    repeats: int = 5,
    rng=0,
) -> dict:
    """Seconds per training step (forward, backward, clipping, Adam) against the length.

    Each number is the best of ``repeats``; the repeats cycle through every (cell,
    length) in turn, so a burst of load on a shared machine slows one repeat of each
    rather than every repeat of one. ``cells``: names in :data:`rnnlib.cells.CELL_TYPES`
    (default all). Returns ``{"lengths": (L,), cell: (L,) seconds}``.
    """
    cells = [check_choice(cell, "cells", tuple(CELL_TYPES)) for cell in cells or CELL_TYPES]
    lengths = [check_positive_int(length, "lengths", minimum=2) for length in lengths]
    repeats = check_positive_int(repeats, "repeats")
    init_rng, data_rng = _split(rng)
    models = {cell: make_model(cell, hidden_size=hidden_size, rng=init_rng) for cell in cells}
    optimizers = {cell: Adam(model, lr=1e-3) for cell, model in models.items()}
    data = {n: adding_problem(batch_size, n, rng=data_rng) for n in lengths}
    best = {cell: np.full(len(lengths), np.inf) for cell in cells}
    for _ in range(repeats):
        for cell in cells:
            for index, length in enumerate(lengths):
                start = time.perf_counter()
                train_step(
                    models[cell],
                    optimizers[cell],
                    *data[length],
                    loss="mse",
                    clip_norm=SETTINGS["clip_norm"],
                )
                best[cell][index] = min(best[cell][index], time.perf_counter() - start)
    return {"lengths": np.array(lengths), **best}
