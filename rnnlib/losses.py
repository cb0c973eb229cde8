"""Losses. Each returns ``(loss, gradient)`` where the gradient is dL/d(prediction).

* ``softmax_cross_entropy``: classification from logits, mean over (unmasked) positions.
* ``mse``: mean squared error, ``mean((pred - target)^2)`` over (unmasked) elements.
* ``mae``: mean absolute error, ``mean(|pred - target|)``.

A ``mask`` has the shape of the positions (``pred.shape[:-1]`` for cross-entropy,
``pred.shape`` or ``pred.shape[:-1]`` for the regression losses): padded steps get 0
and contribute neither loss nor gradient.
"""

from __future__ import annotations

import numpy as np

from ._checks import check_float_array, check_index_array, check_mask
from .functional import log_softmax

__all__ = ["softmax_cross_entropy", "mse", "mae"]


def softmax_cross_entropy(logits, targets, mask=None):
    """Cross-entropy of ``softmax(logits)`` against targets.

    logits: ``(..., C)``. targets: integer class indices of shape ``(...)`` (the usual
    form), or target distributions of shape ``(..., C)`` (e.g. one-hot rows); both give
    the same loss for the same classes. Returns ``(loss, dlogits)`` with
    ``loss = -mean_positions sum_c target_c log softmax(logits)_c`` and
    ``dlogits = (softmax(logits) - target) / n_positions``.
    """
    logits = check_float_array(logits, "logits", ndim=range(1, 5), axes="(..., C)")
    num_classes = logits.shape[-1]
    positions = logits.shape[:-1]
    if logits.size == 0:
        raise ValueError(
            f"logits: expected at least one position and one class, got shape {logits.shape}"
        )
    targets = np.asarray(targets)
    if targets.dtype.kind in "iu":
        if targets.shape != positions:
            raise ValueError(
                f"targets: expected class indices of shape {positions} to match logits "
                f"{logits.shape}, got shape {targets.shape}"
            )
        targets = check_index_array(targets, "targets", size=num_classes)
        target_dist = None
    else:
        target_dist = check_float_array(targets, "targets", dtype=logits.dtype)
        if target_dist.shape != logits.shape:
            raise ValueError(
                f"targets: expected a distribution of shape {logits.shape} (or integer "
                f"indices of shape {positions}), got shape {target_dist.shape}"
            )
        if np.any(target_dist < 0) or not np.allclose(target_dist.sum(-1), 1.0, atol=1e-6):
            raise ValueError("targets: expected rows of non-negative numbers summing to 1")
    weights = check_mask(mask, "mask", positions)
    if weights is None:
        weights = np.ones(positions, dtype=logits.dtype)
    count = weights.sum()
    if count == 0:
        raise ValueError("mask: expected at least one unmasked position, got none")

    log_probs = log_softmax(logits)
    grad = np.exp(log_probs)
    if target_dist is None:
        picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
        loss = -(picked * weights).sum() / count
        np.put_along_axis(
            grad, targets[..., None], np.take_along_axis(grad, targets[..., None], -1) - 1.0, -1
        )
    else:
        loss = -((target_dist * log_probs).sum(-1) * weights).sum() / count
        grad -= target_dist
    grad *= (weights / count)[..., None].astype(logits.dtype)
    return float(loss), grad


def _regression_inputs(pred, target, mask):
    pred = check_float_array(pred, "pred")
    if pred.size == 0:
        raise ValueError(f"pred: expected at least one element, got shape {pred.shape}")
    target = check_float_array(target, "target", dtype=pred.dtype)
    if target.shape != pred.shape:
        raise ValueError(f"target: expected shape {pred.shape} to match pred, got {target.shape}")
    if mask is None:
        weights = np.ones(pred.shape, dtype=pred.dtype)
    else:
        mask_shape = np.shape(mask)
        if mask_shape == pred.shape[:-1] and pred.ndim > 1:
            weights = check_mask(mask, "mask", pred.shape[:-1])[..., None] * np.ones(pred.shape)
        else:
            weights = check_mask(mask, "mask", pred.shape)
        weights = weights.astype(pred.dtype)
    count = weights.sum()
    if count == 0:
        raise ValueError("mask: expected at least one unmasked element, got none")
    return pred, target, weights, count


def mse(pred, target, mask=None):
    """Mean squared error. Returns ``(loss, dpred)``, ``dpred = 2 (pred - target) / n``."""
    pred, target, weights, count = _regression_inputs(pred, target, mask)
    diff = (pred - target) * weights
    return float((diff * diff).sum() / count), 2.0 * diff / count


def mae(pred, target, mask=None):
    """Mean absolute error. Returns ``(loss, dpred)``, ``dpred = sign(pred - target) / n``."""
    pred, target, weights, count = _regression_inputs(pred, target, mask)
    diff = (pred - target) * weights
    return float(np.abs(diff).sum() / count), np.sign(diff) / count
