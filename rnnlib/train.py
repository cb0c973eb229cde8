"""A small training loop: forward, loss, backward, optional clipping, update.

``fit`` keeps a History of the loss and the gradient norm (before clipping) at every
step. ``stateful=True`` carries each batch's final state into the next batch (for
truncated BPTT over a long text cut into consecutive chunks); ``truncate=k`` also cuts
the gradient every k steps inside a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from tqdm.auto import tqdm

from ._checks import check_positive_float, check_positive_int
from .losses import mae, mse, softmax_cross_entropy
from .optim import Optimizer, clip_grad_norm, global_grad_norm

__all__ = ["History", "train_step", "fit", "LOSSES"]

LOSSES = {"cross_entropy": softmax_cross_entropy, "mse": mse, "mae": mae}


@dataclass
class History:
    """What :func:`fit` records: the loss and gradient norm of every step, and the mean
    loss of every epoch."""

    loss: list[float] = field(default_factory=list)  #: training loss at each step
    grad_norm: list[float] = field(default_factory=list)  #: global norm before clipping
    epoch_loss: list[float] = field(default_factory=list)  #: mean loss of each epoch


def _loss_function(loss):
    if callable(loss):
        return loss
    if loss not in LOSSES:
        raise ValueError(f"loss: expected one of {sorted(LOSSES)} or a callable, got {loss!r}")
    return LOSSES[loss]


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
    """
    loss_fn = _loss_function(loss)
    outputs, cache = model.forward(inputs, mask=mask, initial_state=initial_state)
    loss_mask = None if getattr(model, "many_to_one", False) else mask
    value, doutputs = loss_fn(outputs, targets, loss_mask)
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
) -> History:
    """Train ``model`` on ``batches`` for ``epochs`` passes; return the History.

    batches: a list of ``(inputs, targets)`` or ``(inputs, targets, mask)`` tuples, or a
    callable returning a fresh iterable of them for each epoch (e.g. reshuffled).
    """
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"optimizer: expected an rnnlib optimizer, got {type(optimizer).__name__}")
    epochs = check_positive_int(epochs, "epochs")
    if clip_norm is not None:
        clip_norm = check_positive_float(clip_norm, "clip_norm")
    _loss_function(loss)
    history = History()
    bar = tqdm(total=None, disable=not progress, desc="training", leave=False)
    for _ in range(epochs):
        state, losses = None, []
        for batch in batches() if callable(batches) else batches:
            if len(batch) not in (2, 3):
                raise ValueError(
                    f"batches: expected (inputs, targets) or (inputs, targets, mask), got {len(batch)} items"
                )
            inputs, targets, *rest = batch
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
        history.epoch_loss.append(float(np.mean(losses)) if losses else float("nan"))
    bar.close()
    return history
