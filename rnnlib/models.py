"""SequenceModel: inputs -> (embedding or one-hot) -> recurrent layers -> Dense head.

One class covers the course's shapes:

* many-to-many (``many_to_one=False``): an output at every step, ``(T, B, C)``, e.g.
  next-character prediction or tagging;
* many-to-one (``many_to_one=True``): one output per sequence, ``(B, C)``, read from each
  sequence's last real step (and, when bidirectional, the backward direction's state
  after reading the whole sequence), e.g. sentiment "이 숙소 짱입니다" -> Positive.

Inputs are integer token ids ``(T, B)`` when ``vocab_size`` is given (one-hot vectors,
or a trainable Embedding when ``embedding_dim`` is given), else float ``(T, B, D)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import (
    as_generator,
    check_bool,
    check_choice,
    check_float_dtype,
    check_gradient,
    check_index_array,
    check_positive_int,
)
from .cells import CELL_TYPES
from .data.encoding import one_hot
from .layers import Dense, Embedding
from .module import Module
from .recurrent import Bidirectional, Recurrent, RecurrentCache, Stacked

__all__ = ["SequenceModel"]


@dataclass
class ModelCache:
    """What ``SequenceModel.backward`` needs: the token ids, the recurrent cache, the
    head's cache and the shape of the hidden states."""

    token_ids: np.ndarray | None  # (T, B) when the inputs were token ids
    recurrent: RecurrentCache
    head: object
    hidden_shape: tuple

    @property
    def traces(self):
        """A Trace per recurrent layer (two per bidirectional layer)."""
        return self.recurrent.traces

    @property
    def final_state(self):
        """The state of each layer after the last step (to carry into the next chunk)."""
        return self.recurrent.final_state


class SequenceModel(Module):
    """Token ids or float vectors -> recurrent layers -> a Dense head (see the module
    docstring); ``cell`` is a name in :data:`rnnlib.cells.CELL_TYPES`, ``**cell_kwargs``
    go to each cell (e.g. ``forget_bias``, ``activation``)."""

    def __init__(
        self,
        cell: str = "rnn",
        *,
        hidden_size: int,
        output_size: int,
        input_size: int | None = None,
        vocab_size: int | None = None,
        embedding_dim: int | None = None,
        num_layers: int = 1,
        bidirectional: bool = False,
        many_to_one: bool = False,
        rng,
        dtype=np.float64,
        **cell_kwargs,
    ):
        super().__init__()
        self.cell_type = check_choice(cell, "cell", tuple(CELL_TYPES))
        self.hidden_size = check_positive_int(hidden_size, "hidden_size")
        self.output_size = check_positive_int(output_size, "output_size")
        self.num_layers = check_positive_int(num_layers, "num_layers")
        self.bidirectional = check_bool(bidirectional, "bidirectional")
        self.many_to_one = check_bool(many_to_one, "many_to_one")
        dtype = check_float_dtype(dtype)
        if (input_size is None) == (vocab_size is None):
            raise ValueError(
                "input_size, vocab_size: expected exactly one of them (float inputs of "
                f"size input_size, or token ids below vocab_size), got {input_size}, {vocab_size}"
            )
        if embedding_dim is not None and vocab_size is None:
            raise ValueError("embedding_dim: only meaningful with vocab_size (token-id inputs)")
        if embedding_dim is not None:
            embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
        rng = as_generator(rng)
        self.vocab_size = (
            None if vocab_size is None else check_positive_int(vocab_size, "vocab_size")
        )
        self.embedding = None
        if embedding_dim is not None:
            self.embedding = self.add_child(
                "embedding", Embedding(self.vocab_size, embedding_dim, rng=rng, dtype=dtype)
            )
            features = embedding_dim
        else:
            features = self.vocab_size or check_positive_int(input_size, "input_size")
        self.input_size = features
        layers = []
        for _ in range(self.num_layers):
            if self.bidirectional:
                layer = Bidirectional(
                    CELL_TYPES[cell](features, hidden_size, rng=rng, dtype=dtype, **cell_kwargs),
                    CELL_TYPES[cell](features, hidden_size, rng=rng, dtype=dtype, **cell_kwargs),
                )
            else:
                layer = Recurrent(
                    CELL_TYPES[cell](features, hidden_size, rng=rng, dtype=dtype, **cell_kwargs)
                )
            layers.append(layer)
            features = layer.output_size
        self.recurrent = self.add_child("recurrent", Stacked(layers))
        self.head = self.add_child("head", Dense(features, output_size, rng=rng, dtype=dtype))

    def _embed(self, inputs):
        if self.vocab_size is None:
            return None, inputs
        ids = check_index_array(inputs, "inputs", size=self.vocab_size, ndim=2, axes="(T, B)")
        if self.embedding is not None:
            return ids, self.embedding.forward(ids)[0]
        return ids, one_hot(ids, self.vocab_size, dtype=self.dtype)

    def forward(self, inputs, mask=None, initial_state=None):
        """inputs ``(T, B)`` ids or ``(T, B, D)`` floats -> ``(outputs, cache)``.

        outputs: ``(T, B, C)``, or ``(B, C)`` when many_to_one. ``cache.traces`` holds a
        Trace per recurrent layer (and direction); ``cache.final_state`` the states to
        carry into the next chunk of a long sequence.
        """
        ids, x = self._embed(inputs)
        hidden, rcache = self.recurrent.forward(x, initial_state, mask)
        if self.many_to_one:
            features = self._last(hidden)
        else:
            features = hidden
        outputs, head_cache = self.head.forward(features)
        return outputs, ModelCache(ids, rcache, head_cache, hidden.shape)

    def _last(self, hidden):
        """Each sequence's summary: the forward state at the last step (carried over any
        padding), and for bidirectional layers the backward state at step 0."""
        if not self.bidirectional:
            return hidden[-1]
        return np.concatenate(
            [hidden[-1, :, : self.hidden_size], hidden[0, :, self.hidden_size :]], 1
        )

    def backward(self, doutputs, cache: ModelCache, truncate=None):
        """doutputs: dL/d(outputs), shaped like the outputs. Adds all parameter gradients."""
        if not isinstance(cache, ModelCache) or cache.recurrent.layer is not self.recurrent:
            raise ValueError(
                "cache: expected the cache returned by this model's forward, got "
                + (
                    "one from another model"
                    if isinstance(cache, ModelCache)
                    else type(cache).__name__
                )
            )
        if truncate is not None:
            check_positive_int(truncate, "truncate")
        steps, batch_size = cache.hidden_shape[:2]
        if self.many_to_one:
            shape, axes = (batch_size, self.output_size), "(B, C)"
        else:
            shape, axes = (steps, batch_size, self.output_size), "(T, B, C)"
        doutputs = check_gradient(doutputs, "doutputs", shape, self.dtype, axes)
        dfeatures = self.head.backward(doutputs, cache.head)
        if self.many_to_one:
            dhidden = np.zeros(cache.hidden_shape, dtype=self.dtype)
            if self.bidirectional:
                dhidden[-1, :, : self.hidden_size] = dfeatures[:, : self.hidden_size]
                dhidden[0, :, self.hidden_size :] = dfeatures[:, self.hidden_size :]
            else:
                dhidden[-1] = dfeatures
        else:
            dhidden = dfeatures
        dx, _ = self.recurrent.backward(dhidden, cache.recurrent, truncate=truncate)
        if self.embedding is not None:
            self.embedding.backward(dx, cache.token_ids)

    def predict(self, inputs, mask=None, initial_state=None):
        """The outputs alone (logits or regression values)."""
        return self.forward(inputs, mask, initial_state)[0]
