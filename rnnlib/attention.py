"""Attention: a weighted average of the encoder's states, weights chosen by a query.

For every query ``q_t`` (a decoder state) and every source position ``s`` (an encoder
state ``k_s``, used both as key and as value)::

    score[t, s]   = score(q_t, k_s)                       (alignment score, 정렬 점수)
    weights[t, :] = softmax(score[t, :])  over the real source positions
    context[t]    = sum_s weights[t, s] k_s               (context vector, 문맥 벡터)

Two score functions, each a Module with a ``forward`` / ``backward`` pair:

* :class:`AdditiveAttention` (Bahdanau et al. 2015):
  ``score = v . tanh(q W_query^T + k W_key^T)``;
* :class:`DotProductAttention` (Luong et al. 2015): ``score = q . k`` ("dot") or
  ``score = q W k^T`` ("general"), optionally divided by ``sqrt(key_size)`` ("scaled",
  the transformer's choice).

Shapes are time-major like the rest of rnnlib: queries ``(T, B, Hq)`` (``T`` output steps),
keys ``(S, B, Hk)`` (``S`` source positions), ``mask (S, B)`` with 1 for real source
tokens and 0 for padding. ``forward`` returns ``(context (T, B, Hk), weights (T, B, S),
cache)``. A padded position gets the score ``-inf`` and so a weight of exactly 0.
``backward(dcontext, cache, dweights=None)`` returns ``(dqueries, dkeys)`` and adds the
parameter gradients.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_generator, check_float_array, check_mask, check_positive_int
from .layers import init_uniform
from .module import Module

__all__ = ["Attention", "AdditiveAttention", "DotProductAttention", "masked_softmax"]


def _batch_first(array: np.ndarray) -> np.ndarray:
    """Swap the first two axes, ``(T, B, ...) <-> (B, T, ...)``: batched matrix products
    run over a leading batch axis."""
    return array.transpose(1, 0, 2)


def masked_softmax(scores: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """Softmax over the last axis of ``scores (T, B, S)``; where ``mask (S, B)`` is 0 the
    weight is exactly 0 (the score is replaced by -inf before the softmax)."""
    if mask is not None:
        scores = np.where(mask.T[None] > 0, scores, -np.inf)
    shifted = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(shifted)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights


class Attention(Module):
    """The parts every attention shares: input checks, softmax, weighted sum and their
    backward. Subclasses define ``scores(queries, keys) -> (scores (T, B, S), cache)`` and
    ``scores_backward(dscores, cache) -> (dqueries, dkeys)``."""

    def __init__(self, query_size: int, key_size: int):
        super().__init__()
        self.query_size = check_positive_int(query_size, "query_size")
        self.key_size = check_positive_int(key_size, "key_size")

    def check_inputs(self, queries, keys, mask):
        queries = check_float_array(
            queries,
            "queries",
            ndim=3,
            axes="(T, B, query_size)",
            shape={2: self.query_size},
            dtype=self.dtype,
        )
        keys = check_float_array(
            keys,
            "keys",
            ndim=3,
            axes="(S, B, key_size)",
            shape={1: queries.shape[1], 2: self.key_size},
            dtype=self.dtype,
        )
        mask = check_mask(mask, "mask", keys.shape[:2])
        if mask is not None and np.any(mask.sum(axis=0) == 0):
            empty = np.flatnonzero(mask.sum(axis=0) == 0).tolist()
            raise ValueError(
                f"mask: expected at least one real source position per sequence, got none "
                f"for batch entries {empty}"
            )
        return queries, keys, mask

    def forward(self, queries, keys, mask=None):
        """queries ``(T, B, Hq)``, keys ``(S, B, Hk)``, mask ``(S, B)`` or None.

        Returns ``(context (T, B, Hk), weights (T, B, S), cache)``; ``weights[t, b]`` sums
        to 1 over the real positions and is exactly 0 on padding. The cache holds the
        keys, the weights and the score function's cache.
        """
        queries, keys, mask = self.check_inputs(queries, keys, mask)
        scores, score_cache = self.scores(queries, keys)
        weights = masked_softmax(scores, mask)
        context = _batch_first(_batch_first(weights) @ _batch_first(keys))
        return context, weights, (keys, weights, score_cache)

    def backward(self, dcontext, cache, dweights=None):
        """dcontext ``(T, B, Hk)`` (and optionally dweights ``(T, B, S)``) ->
        ``(dqueries (T, B, Hq), dkeys (S, B, Hk))``.

        ``context = weights @ keys`` gives ``dweights += dcontext . k_s`` and
        ``dkeys = sum_t weights[t, s] dcontext[t]``; through the softmax,
        ``dscores = weights * (dweights - sum_s weights * dweights)`` (0 on padding).
        """
        keys, weights, score_cache = cache
        dcontext = check_float_array(dcontext, "dcontext", dtype=self.dtype)
        expected = weights.shape[:2] + (self.key_size,)
        if dcontext.shape != expected:
            raise ValueError(
                f"dcontext: expected shape {expected} (T, B, Hk), got {dcontext.shape}"
            )
        weights_b, dcontext_b, keys_b = (_batch_first(a) for a in (weights, dcontext, keys))
        dkeys = _batch_first(weights_b.transpose(0, 2, 1) @ dcontext_b)
        dw = _batch_first(dcontext_b @ keys_b.transpose(0, 2, 1))
        if dweights is not None:
            dw = dw + check_float_array(dweights, "dweights", dtype=self.dtype)
        dscores = weights * (dw - (weights * dw).sum(axis=-1, keepdims=True))
        dqueries, dkeys_score = self.scores_backward(dscores, score_cache)
        return dqueries, dkeys + dkeys_score


class AdditiveAttention(Attention):
    """Bahdanau (additive, "concat") attention::

        energy[t, s] = tanh(q_t W_query^T + k_s W_key^T)      (T, B, S, A)
        score[t, s]  = energy[t, s] . v                        (T, B, S)

    Parameters ``W_query (A, Hq)``, ``W_key (A, Hk)``, ``v (A,)``, A = ``attention_size``.
    The score cache holds the queries, keys and the energies.
    """

    def __init__(self, query_size, key_size, attention_size, *, rng, dtype=np.float64):
        super().__init__(query_size, key_size)
        self.attention_size = check_positive_int(attention_size, "attention_size")
        rng = as_generator(rng)
        A = self.attention_size
        self.add_param("W_query", init_uniform(rng, (A, self.query_size), self.query_size, dtype))
        self.add_param("W_key", init_uniform(rng, (A, self.key_size), self.key_size, dtype))
        self.add_param("v", init_uniform(rng, (A,), A, dtype))

    def scores(self, queries, keys):
        query_part = queries @ self.params["W_query"].T  # (T, B, A)
        key_part = keys @ self.params["W_key"].T  # (S, B, A)
        energy = np.tanh(query_part[:, :, None, :] + key_part.transpose(1, 0, 2)[None])
        return energy @ self.params["v"], (queries, keys, energy)

    def scores_backward(self, dscores, cache):
        """``dv = sum dscore * energy``; ``dpre = dscore v (1 - energy^2)``;
        ``dW_query = (sum_s dpre)^T q``, ``dW_key = (sum_t dpre)^T k``."""
        queries, keys, energy = cache
        A = self.attention_size
        self.grads["v"] += dscores.reshape(-1) @ energy.reshape(-1, A)
        dpre = np.multiply(energy, energy)  # dpre = dscore v (1 - energy^2), in place
        np.subtract(1.0, dpre, out=dpre)
        dpre *= self.params["v"]
        dpre *= dscores[..., None]
        dquery_part = dpre.sum(axis=2)  # (T, B, A)
        dkey_part = dpre.sum(axis=0).transpose(1, 0, 2)  # (S, B, A)
        self.grads["W_query"] += dquery_part.reshape(-1, A).T @ queries.reshape(-1, self.query_size)
        self.grads["W_key"] += dkey_part.reshape(-1, A).T @ keys.reshape(-1, self.key_size)
        return dquery_part @ self.params["W_query"], dkey_part @ self.params["W_key"]


class DotProductAttention(Attention):
    """Luong (multiplicative) attention::

        dot:      score[t, s] = q_t . k_s                 (needs Hq == Hk; no parameters)
        general:  score[t, s] = q_t W k_s^T               W (Hq, Hk)
        scaled:   the score divided by sqrt(Hk)           (as in transformers)

    The score cache holds the queries, the keys and the projected keys ``k W^T`` ``(S, B, Hq)``.
    """

    def __init__(
        self, query_size, key_size=None, *, general=False, scaled=False, rng=None, dtype=np.float64
    ):
        key_size = query_size if key_size is None else key_size
        super().__init__(query_size, key_size)
        self.general = bool(general)
        self.scale = 1.0 / np.sqrt(self.key_size) if scaled else 1.0
        if self.general:
            rng = as_generator(rng)
            W = init_uniform(rng, (self.query_size, self.key_size), self.key_size, dtype)
            self.add_param("W", W)
        elif self.query_size != self.key_size:
            raise ValueError(
                f"key_size: dot-product attention without general=True needs key_size == "
                f"query_size ({self.query_size}), got {self.key_size}"
            )
        self._dtype = np.dtype(dtype)

    @property
    def dtype(self):
        return self._dtype

    def scores(self, queries, keys):
        projected = keys @ self.params["W"].T if self.general else keys  # (S, B, Hq)
        scores = _batch_first(_batch_first(queries) @ _batch_first(projected).transpose(0, 2, 1))
        scores *= self.scale
        return scores, (queries, keys, projected)

    def scores_backward(self, dscores, cache):
        """``dq = sum_s dscore k'``, ``dk' = sum_t dscore q`` with ``k' = k W^T`` (general:
        ``dW = dk'^T k``, ``dk = dk' W``)."""
        queries, keys, projected = cache
        dscores_b = _batch_first(dscores * self.scale)  # (B, T, S)
        dqueries = _batch_first(dscores_b @ _batch_first(projected))
        dprojected = _batch_first(dscores_b.transpose(0, 2, 1) @ _batch_first(queries))
        if not self.general:
            return dqueries, dprojected
        self.grads["W"] += dprojected.reshape(-1, self.query_size).T @ keys.reshape(
            -1, self.key_size
        )
        return dqueries, dprojected @ self.params["W"]
