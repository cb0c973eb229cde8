"""Auto-checks for the exercises of chapter 9 (encoder-decoder and attention).

Each check runs the learner's answer on a few cases, compares it with rnnlib's
:class:`~rnnlib.attention.DotProductAttention` and prints why an answer is wrong (see
:func:`rnnlib.exercises.feedback`); it never raises for a wrong or unfinished answer.

1. :func:`check_attention_forward` - dot-product attention for one query, with a mask.
2. :func:`check_attention_backward` - its gradients with respect to the query and keys.
"""

from __future__ import annotations

import numpy as np

from ..attention import DotProductAttention
from ..i18n import tr
from . import call_learner, feedback

__all__ = ["check_attention_forward", "check_attention_backward"]


def _cases():
    """(query (H,), keys (S, H), mask (S,)) triples: plain, padded, and large scores."""
    rng = np.random.default_rng(9)
    H, S = 4, 6
    keys = rng.standard_normal((S, H))
    query = rng.standard_normal(H)
    padded = np.array([1, 1, 1, 1, 0, 0.0])
    return [
        (query, keys, np.ones(S)),
        (query, keys, padded),
        (-40.0 * query, 10.0 * keys, padded),  # scores over 1000: exp overflows unshifted
    ]


def _reference(query, keys, mask):
    layer = DotProductAttention(query.size)
    context, weights, cache = layer.forward(query[None, None], keys[:, None], mask[:, None])
    return layer, context[0, 0], weights[0, 0], cache


def _as_array(value, shape, what):
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None, tr(
            "{what}: expected an array of shape {shape}, got {kind}.",
            what=what,
            shape=shape,
            kind=type(value).__name__,
        )
    if array.shape != shape:
        return None, tr(
            "{what}: expected shape {shape}, got {got}.", what=what, shape=shape, got=array.shape
        )
    return array, None


def _forward_mistakes(query, keys, mask, weights) -> dict[str, np.ndarray]:
    """What common wrong answers return as weights ``(S,)``."""
    scores = keys @ query
    plain = np.exp(scores - scores.max())
    plain /= plain.sum()
    return {
        tr(
            "the padded positions got weight: set their scores to -inf (or drop them) "
            "*before* the softmax, so they get exactly 0."
        ): plain,
        tr(
            "the weights do not sum to 1: you zeroed the padded positions after the softmax "
            "without renormalising; mask the scores before the softmax instead."
        ): plain * mask,
        tr(
            "these are the raw scores q . k_s, not weights: apply a softmax over the source "
            "positions."
        ): np.where(mask > 0, scores, 0.0),
    }


def check_attention_forward(attention_forward) -> bool:
    """Check ``attention_forward(query (H,), keys (S, H), mask (S,)) -> (context (H,),
    weights (S,))``: dot-product scores, a softmax over the real positions, and the
    weighted sum of the keys."""
    title = tr("Exercise 1 (attention forward)")
    for query, keys, mask in _cases():
        with np.errstate(over="ignore", invalid="ignore"):  # the feedback explains overflow
            result, problem = call_learner(
                attention_forward, query.copy(), keys.copy(), mask.copy()
            )
        if problem:
            return feedback(title, [problem])
        if not isinstance(result, tuple) or len(result) != 2:
            return feedback(title, [tr("expected a pair (context, weights).")])
        S, H = keys.shape
        weights, problem = _as_array(result[1], (S,), "weights")
        context, problem_c = _as_array(result[0], (H,), "context")
        if problem or problem_c:
            return feedback(title, [problem or problem_c])
        _, expected_context, expected_weights, _ = _reference(query, keys, mask)
        if not np.all(np.isfinite(weights)) or not np.all(np.isfinite(context)):
            return feedback(
                title,
                [
                    tr(
                        "NaN or inf for large scores: exp overflows; subtract the largest "
                        "real score before exp (softmax is unchanged by a shift)."
                    )
                ],
            )
        if not np.allclose(weights, expected_weights, atol=1e-8):
            for message, candidate in _forward_mistakes(query, keys, mask, weights).items():
                if np.allclose(weights, candidate, atol=1e-8):
                    return feedback(title, [message])
            return feedback(
                title,
                [
                    tr(
                        "the weights differ from softmax(keys @ query) over the real positions "
                        "(mask {mask}): check the scores and the softmax.",
                        mask=mask.astype(int).tolist(),
                    )
                ],
            )
        if not np.allclose(context, expected_context, atol=1e-8):
            if np.allclose(context, keys.T @ (keys @ query), atol=1e-8):
                hint = tr("the context is weighted by the raw scores; use the weights.")
            elif np.allclose(context, keys.mean(axis=0), atol=1e-8):
                hint = tr("the context is the plain mean of the keys; weight them.")
            else:
                hint = tr("the context should be sum_s weights[s] * keys[s] = weights @ keys.")
            return feedback(title, [hint])
    return feedback(title, [])


def check_attention_backward(attention_backward) -> bool:
    """Check ``attention_backward(dcontext (H,), query (H,), keys (S, H), weights (S,)) ->
    (dquery (H,), dkeys (S, H))`` for dot-product attention (weights are the forward's,
    already 0 on padding)."""
    title = tr("Exercise 2 (attention backward)")
    rng = np.random.default_rng(10)
    for query, keys, mask in _cases()[:2]:
        layer, _, weights, cache = _reference(query, keys, mask)
        dcontext = rng.standard_normal(query.size)
        dq_ref, dk_ref = layer.backward(dcontext[None, None], cache)
        dq_ref, dk_ref = dq_ref[0, 0], dk_ref[:, 0]
        result, problem = call_learner(
            attention_backward, dcontext.copy(), query.copy(), keys.copy(), weights.copy()
        )
        if problem:
            return feedback(title, [problem])
        if not isinstance(result, tuple) or len(result) != 2:
            return feedback(title, [tr("expected a pair (dquery, dkeys).")])
        dquery, problem = _as_array(result[0], query.shape, "dquery")
        dkeys, problem_k = _as_array(result[1], keys.shape, "dkeys")
        if problem or problem_k:
            return feedback(title, [problem or problem_k])
        dweights = keys @ dcontext
        no_jacobian = dweights * (weights > 0)
        problems = []
        if not np.allclose(dquery, dq_ref, atol=1e-8):
            if np.allclose(dquery, keys.T @ no_jacobian, atol=1e-8) or np.allclose(
                dquery, keys.T @ dweights, atol=1e-8
            ):
                problems.append(
                    tr(
                        "dquery skips the softmax's Jacobian: dscores = weights * (dweights - "
                        "sum(weights * dweights)), with dweights = keys @ dcontext."
                    )
                )
            else:
                problems.append(
                    tr("dquery is wrong: the scores are keys @ query, so dquery = keys^T dscores.")
                )
        if not np.allclose(dkeys, dk_ref, atol=1e-8):
            dscores = weights * (dweights - weights @ dweights)
            if np.allclose(dkeys, np.outer(dscores, query), atol=1e-8):
                problems.append(
                    tr(
                        "dkeys misses the direct path: the keys are also the values, so add "
                        "weights[s] * dcontext to row s."
                    )
                )
            elif np.allclose(dkeys, np.outer(weights, dcontext), atol=1e-8):
                problems.append(
                    tr("dkeys misses the path through the scores: add dscores[s] * query to row s.")
                )
            else:
                problems.append(
                    tr(
                        "dkeys is wrong: row s gets weights[s] * dcontext (values) plus "
                        "dscores[s] * query (scores)."
                    )
                )
        if problems:
            return feedback(title, problems)
    return feedback(title, [])
