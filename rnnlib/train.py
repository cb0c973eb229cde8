"""A small training loop: forward, loss, backward, optional clipping, update.

``fit`` keeps a History of the loss and the gradient norm (before clipping) at every
step. ``stateful=True`` carries each batch's final state into the next batch (for
truncated BPTT over a long text cut into consecutive chunks); ``truncate=k`` also cuts
the gradient every k steps inside a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from tqdm.auto import tqdm

from ._checks import (
    check_bool,
    check_gradient,
    check_module,
    check_positive_float,
    check_positive_int,
    check_real,
)
from .losses import mae, mse, softmax_cross_entropy
from .optim import Optimizer, clip_grad_norm, global_grad_norm

__all__ = ["History", "train_step", "fit", "LOSSES"]

LOSSES = {"cross_entropy": softmax_cross_entropy, "mse": mse, "mae": mae}


@dataclass
class History:
    """What :func:`fit` records: the loss and gradient norm of every step, and the mean
    loss of every completed epoch.

    If ``fit`` raises midway (a bad batch, a diverging loss, a KeyboardInterrupt), the
    exception carries the History of the steps done so far as ``error.history``.
    """

    loss: list[float] = field(default_factory=list)  #: training loss at each step
    grad_norm: list[float] = field(default_factory=list)  #: global norm before clipping
    epoch_loss: list[float] = field(default_factory=list)  #: mean loss of each epoch


def _loss_function(loss):
    if callable(loss):
        return loss
    if loss not in LOSSES:
        raise ValueError(f"loss: expected one of {sorted(LOSSES)} or a callable, got {loss!r}")
    return LOSSES[loss]


def _check_optimizer(optimizer, model):
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"optimizer: expected an rnnlib optimizer, got {type(optimizer).__name__}")
    if optimizer.module is not model:
        raise ValueError(
            "optimizer: expected an optimiser built for this model (optimizer.module is "
            f"model), got one built for another {type(optimizer.module).__name__}"
        )
    return optimizer


def _check_step_options(model, optimizer, loss, clip_norm, truncate):
    check_module(model, "model")
    _check_optimizer(optimizer, model)
    if clip_norm is not None:
        check_positive_float(clip_norm, "clip_norm")
    if truncate is not None:
        check_positive_int(truncate, "truncate")
    return _loss_function(loss)


def _evaluate_loss(loss_fn, outputs, targets, mask):
    """Call the loss and check what it returns: a finite value and dL/doutputs."""
    result = loss_fn(outputs, targets, mask)
    if not (isinstance(result, tuple) and len(result) == 2):
        raise TypeError(
            "loss: expected a function returning (value, dL/doutputs), got one returning "
            f"{type(result).__name__}"
        )
    value = check_real(result[0], "loss (the value it returned)")
    doutputs = check_gradient(
        result[1], "loss (the gradient it returned)", outputs.shape, outputs.dtype
    )
    return value, doutputs


def train_step(
    model,
    optimizer,
    inputs,
    targets,
    mask=None,
    *,
    loss="cross_entropy",
    clip_norm=None,
    truncate=None,
    initial_state=None,
):
    """One update. Returns ``(loss, grad_norm_before_clipping, final_state)``.

    For a many-to-one model the mask only shapes the recurrence (padding); the loss
    covers every sequence. For a many-to-many model the mask also masks the loss.
    Every argument is checked before the model, its gradients or the optimiser change:
    a step that raises leaves all three as they were.
    """
    loss_fn = _check_step_options(model, optimizer, loss, clip_norm, truncate)
    outputs, cache = model.forward(inputs, mask=mask, initial_state=initial_state)
    loss_mask = None if getattr(model, "many_to_one", False) else mask
    value, doutputs = _evaluate_loss(loss_fn, outputs, targets, loss_mask)
    optimizer.zero_grad()
    model.backward(doutputs, cache, truncate=truncate)
    if clip_norm is None:
        norm = global_grad_norm(model)
    else:
        norm = clip_grad_norm(model, clip_norm)
    optimizer.step()
    return value, norm, cache.final_state


def _detach(state):
    """Copy a (nested) state so the next chunk does not share the forward buffers."""
    if isinstance(state, np.ndarray):
        return state.copy()
    return type(state)(_detach(part) for part in state)


def _check_batch(batch, where: str):
    if not isinstance(batch, (tuple, list)) or len(batch) not in (2, 3):
        given = f"{len(batch)} items" if isinstance(batch, (tuple, list)) else type(batch).__name__
        raise ValueError(
            f"batches: expected (inputs, targets) or (inputs, targets, mask) for {where}, "
            f"got {given}"
        )
    return batch


def _check_batches(batches, epochs: int):
    """A list (checked whole, here), a callable (called once per epoch) or, for one
    epoch only, any iterable such as a generator."""
    if callable(batches):
        return batches
    if isinstance(batches, (str, bytes, dict)) or not isinstance(batches, Iterable):
        raise TypeError(
            "batches: expected a list of batches or a callable returning them, got "
            f"{type(batches).__name__}"
        )
    if isinstance(batches, Sequence):
        if len(batches) == 0:
            raise ValueError("batches: expected at least one batch, got an empty list")
        for k, batch in enumerate(batches):
            _check_batch(batch, f"batch {k}")
    elif epochs > 1 and iter(batches) is batches:
        raise ValueError(
            f"batches: expected a list or a callable returning fresh batches each epoch "
            f"(epochs={epochs}), got a one-pass {type(batches).__name__}"
        )
    return batches


def fit(
    model,
    optimizer: Optimizer,
    batches,
    *,
    loss="cross_entropy",
    epochs=1,
    clip_norm=None,
    truncate=None,
    stateful=False,
    progress=True,
    history: History | None = None,
) -> History:
    """Train ``model`` on ``batches`` for ``epochs`` passes; return the History.

    batches: a list of ``(inputs, targets)`` or ``(inputs, targets, mask)`` tuples, or a
    callable returning a fresh iterable of them for each epoch (e.g. reshuffled); a
    one-pass iterable (a generator) only with ``epochs=1``. Every epoch must yield at
    least one batch. history: a History to append to (default: a new one).

    Arguments are checked before the first step. If a step raises (a bad batch, a
    diverging loss, KeyboardInterrupt), the steps before it stay done and the exception
    carries their History as ``error.history`` (the failing step itself changed nothing).
    """
    epochs = check_positive_int(epochs, "epochs")
    _check_step_options(model, optimizer, loss, clip_norm, truncate)
    stateful = check_bool(stateful, "stateful")
    progress = check_bool(progress, "progress")
    batches = _check_batches(batches, epochs)
    if history is None:
        history = History()
    elif not isinstance(history, History):
        raise TypeError(f"history: expected a History or None, got {type(history).__name__}")
    bar = tqdm(total=None, disable=not progress, desc="training", leave=False)
    try:
        for epoch in range(epochs):
            state, losses = None, []
            for k, batch in enumerate(batches() if callable(batches) else batches):
                inputs, targets, *rest = _check_batch(batch, f"batch {k} of epoch {epoch}")
                value, norm, final = train_step(
                    model,
                    optimizer,
                    inputs,
                    targets,
                    rest[0] if rest else None,
                    loss=loss,
                    clip_norm=clip_norm,
                    truncate=truncate,
                    initial_state=state,
                )
                state = _detach(final) if stateful else None
                history.loss.append(value)
                history.grad_norm.append(norm)
                losses.append(value)
                bar.update(1)
                bar.set_postfix(loss=f"{value:.4f}")
            if not losses:
                raise ValueError(
                    f"batches: expected at least one batch in every epoch, got none in epoch {epoch}"
                )
            history.epoch_loss.append(float(np.mean(losses)))
    except BaseException as error:
        error.history = history
        error.add_note(
            f"fit: {len(history.loss)} steps were done before this error; their History "
            "is error.history"
        )
        raise
    finally:
        bar.close()
    return history
