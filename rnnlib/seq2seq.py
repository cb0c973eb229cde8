"""Encoder-decoder (sequence-to-sequence, 시퀀스-투-시퀀스) models, with or without attention.

The encoder reads the source tokens; the decoder writes the target one token at a time,
starting from the encoder's final state (the "bridge")::

    encoder:  e_s = Enc(x_s, e_{s-1})                      keys/values (S, B, He)
    decoder:  h_t = Dec(y_{t-1}, h_{t-1}),  h_0 = [final encoder state]
    no attention:    logits_t = W_out h_t + b
    with attention:  c_t, a_t = Attention(h_t, e_1..e_S)  (context, weights over s)
                     logits_t = W_out [h_t; c_t] + b       (Luong's "global" attention)

Without attention, everything the decoder knows about the source must pass through
``h_0``, one vector of fixed size: the bottleneck (병목). With attention, every output
step reads a fresh weighted average of all encoder states.

Training uses teacher forcing (교사 강요): the decoder reads the *true* previous token
``y_{t-1}``, so the whole decoder runs as one :class:`~rnnlib.recurrent.Recurrent` pass
(``forward`` / ``backward``). At inference it reads its *own* previous output, one step at
a time through ``cell.forward``: :meth:`Seq2Seq.greedy_decode` (the most likely token at
each step) and :meth:`Seq2Seq.beam_search` (the ``beam_width`` best prefixes, ranked by
length-normalised log-probability). Both record the attention weights of every step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import (
    as_generator,
    check_choice,
    check_index_array,
    check_mask,
    check_nonnegative_float,
    check_positive_int,
)
from .attention import AdditiveAttention, DotProductAttention
from .cells import CELL_TYPES
from .data.pairs import encode_sources
from .functional import log_softmax
from .layers import Dense, Embedding
from .module import Module
from .recurrent import Bidirectional, Recurrent
from .trace import Trace

__all__ = ["ATTENTION_TYPES", "Seq2Seq", "Seq2SeqCache", "Decoding", "Hypothesis", "translate"]

#: attention name -> what it computes (see :mod:`rnnlib.attention`)
ATTENTION_TYPES = {
    "additive": "Bahdanau: v . tanh(W_query h_t + W_key e_s)",
    "dot": "Luong dot: h_t . e_s",
    "general": "Luong general: h_t W e_s",
}


@dataclass
class Seq2SeqCache:
    source: np.ndarray  # (S, B) source ids
    target_inputs: np.ndarray  # (T, B) decoder input ids
    encoder: object  # RecurrentCache of the encoder
    decoder: object  # RecurrentCache of the decoder (its trace holds the attention)
    attention: object | None  # the attention's cache
    output: object  # the output layer's cache

    @property
    def trace(self) -> Trace:
        """The decoder's Trace: hidden states and, with attention, ``attention (T, B, S)``."""
        return self.decoder.trace


@dataclass
class Decoding:
    """The result of greedy decoding of a batch.

    ``tokens[b]``: the output ids of sequence ``b`` without the end token; ``log_prob
    (B,)``: the sum of the log-probabilities of the chosen tokens (end token included);
    ``trace``: the decoder's Trace of the steps taken (``inputs (L, B, E)``, ``hidden``,
    ``attention (L, B, S)`` or None, ``mask (L, B)`` 1 up to and including each end token).
    """

    tokens: list[np.ndarray]
    log_prob: np.ndarray
    trace: Trace


@dataclass
class Hypothesis:
    """One beam-search hypothesis: ``tokens`` without the end token, ``log_prob`` (their
    sum, end token included), ``score`` = log_prob / length ** length_penalty, whether it
    ended with the end token, and its attention weights ``(L, S)`` (or None)."""

    tokens: np.ndarray
    log_prob: float
    score: float
    finished: bool
    attention: np.ndarray | None


class Seq2Seq(Module):
    """An encoder-decoder on any registered cell (``rnnlib.cells.CELL_TYPES``).

    Parameters: ``source_embedding.E (Vs, E)``, ``encoder.*``, ``target_embedding.E
    (Vt, E)``, ``decoder.*`` (hidden size ``He`` = the encoder's output size: ``H``, or
    ``2H`` when bidirectional), ``attention.*`` and ``output.W (Vt, He or 2 He)``.
    ``start_id`` / ``end_id``: the target ids that begin a decoder input and end an output.
    """

    def __init__(
        self,
        cell: str = "gru",
        *,
        source_vocab_size: int,
        target_vocab_size: int,
        embedding_dim: int,
        hidden_size: int,
        attention: str | None = None,
        attention_size: int | None = None,
        bidirectional: bool = False,
        start_id: int = 1,
        end_id: int = 2,
        rng,
        dtype=np.float64,
        **cell_kwargs,
    ):
        super().__init__()
        self.cell_type = check_choice(cell, "cell", tuple(CELL_TYPES))
        self.source_vocab_size = check_positive_int(source_vocab_size, "source_vocab_size")
        self.target_vocab_size = check_positive_int(target_vocab_size, "target_vocab_size")
        embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
        hidden_size = check_positive_int(hidden_size, "hidden_size")
        if attention is not None:
            check_choice(attention, "attention", tuple(ATTENTION_TYPES))
        self.attention_type = attention
        self.bidirectional = bool(bidirectional)
        for name, value in (("start_id", start_id), ("end_id", end_id)):
            check_index_array(np.int64(value), name, size=self.target_vocab_size)
        self.start_id, self.end_id = int(start_id), int(end_id)
        rng = as_generator(rng)
        cell_class = CELL_TYPES[cell]

        def new_cell(input_size, size):
            return cell_class(input_size, size, rng=rng, dtype=dtype, **cell_kwargs)

        self.source_embedding = self.add_child(
            "source_embedding", Embedding(source_vocab_size, embedding_dim, rng=rng, dtype=dtype)
        )
        if self.bidirectional:
            encoder = Bidirectional(
                new_cell(embedding_dim, hidden_size), new_cell(embedding_dim, hidden_size)
            )
        else:
            encoder = Recurrent(new_cell(embedding_dim, hidden_size))
        self.encoder = self.add_child("encoder", encoder)
        size = self.encoder.output_size
        self.hidden_size = size
        self.target_embedding = self.add_child(
            "target_embedding", Embedding(target_vocab_size, embedding_dim, rng=rng, dtype=dtype)
        )
        self.decoder = self.add_child("decoder", Recurrent(new_cell(embedding_dim, size)))
        self.attention = None
        if attention == "additive":
            attention_size = check_positive_int(attention_size or size, "attention_size")
            self.attention = AdditiveAttention(size, size, attention_size, rng=rng, dtype=dtype)
        elif attention is not None:
            general = attention == "general"
            self.attention = DotProductAttention(size, size, general=general, rng=rng, dtype=dtype)
        if self.attention is not None:
            self.add_child("attention", self.attention)
        features = 2 * size if self.attention is not None else size
        self.output = self.add_child(
            "output", Dense(features, target_vocab_size, rng=rng, dtype=dtype)
        )

    # ----- the bridge: encoder's final state -> decoder's initial state ---------------------
    def _bridge(self, final_state):
        """A bidirectional encoder's two final states are joined part by part."""
        if not self.bidirectional:
            return final_state
        forward_state, backward_state = final_state
        return tuple(
            np.concatenate([f, b], axis=-1)
            for f, b in zip(forward_state, backward_state, strict=True)
        )

    def _bridge_backward(self, dstate):
        if not self.bidirectional:
            return dstate
        half = self.encoder.forward_layer.output_size
        return tuple(d[:, :half] for d in dstate), tuple(d[:, half:] for d in dstate)

    # ----- checks -----------------------------------------------------------------------------
    def _check_source(self, source, source_mask):
        source = check_index_array(
            source, "source", size=self.source_vocab_size, ndim=2, axes="(S, B)"
        )
        source_mask = check_mask(source_mask, "source_mask", source.shape)
        if source_mask is not None and np.any(source_mask[0] == 0):
            raise ValueError("source_mask: expected right padding (every sequence's step 0 real)")
        return source, source_mask

    # ----- teacher-forced training pass -------------------------------------------------------
    def encode(self, source, source_mask=None):
        """source ``(S, B)`` ids -> ``(keys (S, B, He), decoder initial state, cache)``."""
        source, source_mask = self._check_source(source, source_mask)
        embedded, _ = self.source_embedding.forward(source)
        keys, cache = self.encoder.forward(embedded, None, source_mask)
        return keys, self._bridge(cache.final_state), cache

    def forward(self, source, target_inputs, source_mask=None):
        """Teacher forcing: source ``(S, B)``, target_inputs ``(T, B)`` (the start token then
        the target shifted right) -> ``(logits (T, B, Vt), cache)``.

        ``cache.trace`` is the decoder's Trace, with ``attention (T, B, S)`` when the model
        attends.
        """
        source, source_mask = self._check_source(source, source_mask)
        target_inputs = check_index_array(
            target_inputs, "target_inputs", size=self.target_vocab_size, ndim=2, axes="(T, B)"
        )
        if target_inputs.shape[1] != source.shape[1]:
            raise ValueError(
                f"target_inputs: expected batch size {source.shape[1]} like source, got "
                f"shape {target_inputs.shape}"
            )
        keys, initial_state, encoder_cache = self.encode(source, source_mask)
        embedded, _ = self.target_embedding.forward(target_inputs)
        hidden, decoder_cache = self.decoder.forward(embedded, initial_state)
        attention_cache = None
        if self.attention is not None:
            context, weights, attention_cache = self.attention.forward(hidden, keys, source_mask)
            decoder_cache.trace.attention = weights
            hidden = np.concatenate([hidden, context], axis=-1)
        logits, output_cache = self.output.forward(hidden)
        cache = Seq2SeqCache(
            source, target_inputs, encoder_cache, decoder_cache, attention_cache, output_cache
        )
        return logits, cache

    def backward(self, dlogits, cache: Seq2SeqCache):
        """dlogits ``(T, B, Vt)`` -> adds every parameter's gradient (returns None)."""
        dfeatures = self.output.backward(dlogits, cache.output)
        size = self.hidden_size
        dkeys = None
        if self.attention is not None:
            dhidden, dcontext = dfeatures[..., :size], dfeatures[..., size:]
            dqueries, dkeys = self.attention.backward(dcontext, cache.attention)
            dhidden = dhidden + dqueries
        else:
            dhidden = dfeatures
        dembedded, dinitial = self.decoder.backward(dhidden, cache.decoder)
        self.target_embedding.backward(dembedded, cache.target_inputs)
        dsource, _ = self.encoder.backward(
            dkeys, cache.encoder, dfinal_state=self._bridge_backward(dinitial)
        )
        self.source_embedding.backward(dsource, cache.source)

    # ----- one decoding step at a time --------------------------------------------------------
    def step(self, previous, state, keys, source_mask=None):
        """One free-running step: previous ids ``(N,)``, decoder state, keys ``(S, N, He)``.

        Returns ``(log_probs (N, Vt), state, weights (N, S) or None)``.
        """
        embedded = self.target_embedding.params["E"][previous]
        state, _ = self.decoder.cell.forward(embedded, state)
        hidden = state[0]
        weights = None
        if self.attention is not None:
            context, weights, _ = self.attention.forward(hidden[None], keys, source_mask)
            hidden, weights = np.concatenate([hidden, context[0]], axis=-1), weights[0]
        logits, _ = self.output.forward(hidden)
        return log_softmax(logits), state, weights

    def greedy_decode(self, source, source_mask=None, max_length: int = 50) -> Decoding:
        """Feed back the most likely token at each step until the end token (or
        ``max_length`` steps). source ``(S, B)``. Returns a :class:`Decoding`."""
        max_length = check_positive_int(max_length, "max_length")
        source, source_mask = self._check_source(source, source_mask)
        keys, state, _ = self.encode(source, source_mask)
        batch = source.shape[1]
        previous = np.full(batch, self.start_id, dtype=np.int64)
        finished = np.zeros(batch, dtype=bool)
        log_prob = np.zeros(batch)
        chosen, inputs, hidden, cells, attention, alive = [], [], [], [], [], []
        for _ in range(max_length):
            inputs.append(self.target_embedding.params["E"][previous])
            log_probs, state, weights = self.step(previous, state, keys, source_mask)
            token = np.argmax(log_probs, axis=-1)
            log_prob += np.where(finished, 0.0, log_probs[np.arange(batch), token])
            alive.append(~finished)
            chosen.append(token)
            hidden.append(state[0])
            if len(state) > 1:
                cells.append(state[1])
            if weights is not None:
                attention.append(weights)
            finished = finished | (token == self.end_id)
            previous = token
            if finished.all():
                break
        chosen = np.array(chosen)  # (L, B)
        mask = np.array(alive, dtype=np.float64)
        tokens = [chosen[mask[:, b] > 0, b] for b in range(batch)]
        tokens = [t[:-1] if t.size and t[-1] == self.end_id else t for t in tokens]
        trace = Trace(
            inputs=np.array(inputs),
            hidden=np.array(hidden),
            cell_state=np.array(cells) if cells else None,
            mask=mask,
            attention=np.array(attention) if attention else None,
        )
        return Decoding(tokens, log_prob, trace)

    def beam_search(
        self, source, beam_width: int = 3, max_length: int = 50, length_penalty: float = 1.0
    ) -> list[Hypothesis]:
        """Beam search (빔 탐색) for one source sequence ``(S,)`` of ids.

        At every step each of the (at most ``beam_width``) live prefixes is extended by
        every token, and the extensions are ranked by total log-probability. Those among
        the best ``beam_width`` that end with the end token are set aside as finished;
        the ``beam_width`` best that do not stay live. The search stops when the best
        live prefix is already less probable than the best finished hypothesis (log-
        probabilities only fall as a prefix grows: exact for ``length_penalty=0``, a
        common heuristic otherwise), when nothing is live, or after
        ``max_length`` steps (if nothing has finished by then, the live prefixes are
        returned as unfinished hypotheses). Hypotheses are returned best first by
        ``score = log_prob / length ** length_penalty`` (length counts the end token;
        ``length_penalty=0`` ranks by the raw log-probability). With ``beam_width=1``
        the search is greedy decoding.
        """
        beam_width = check_positive_int(beam_width, "beam_width")
        max_length = check_positive_int(max_length, "max_length")
        length_penalty = check_nonnegative_float(length_penalty, "length_penalty")
        source = check_index_array(
            source, "source", size=self.source_vocab_size, ndim=1, axes="(S,)"
        )
        keys, state, _ = self.encode(source[:, None])
        prefixes = [np.zeros(0, dtype=np.int64)]
        prefix_attention = [np.zeros((0, source.size))]
        totals = np.zeros(1)
        finished: list[Hypothesis] = []

        def hypothesis(tokens, log_prob, done, weights):
            length = tokens.size + 1 if done else tokens.size
            score = log_prob / max(length, 1) ** length_penalty
            attention = weights if self.attention is not None else None
            return Hypothesis(tokens, float(log_prob), float(score), done, attention)

        for _ in range(max_length):
            previous = np.array([p[-1] if p.size else self.start_id for p in prefixes])
            live_keys = np.repeat(keys, len(prefixes), axis=1)
            log_probs, state, weights = self.step(previous, state, live_keys)
            candidates = (totals[:, None] + log_probs).ravel()
            keep = []
            for rank, index in enumerate(np.argsort(-candidates, kind="stable")):
                row, token = divmod(int(index), self.target_vocab_size)
                step_weights = np.zeros((1, source.size)) if weights is None else weights[row][None]
                history = np.concatenate([prefix_attention[row], step_weights])
                if token == self.end_id:
                    if rank < beam_width:
                        finished.append(hypothesis(prefixes[row], candidates[index], True, history))
                    continue
                keep.append((row, token, candidates[index], history))
                if len(keep) == beam_width:
                    break
            best_finished = max((h.log_prob for h in finished), default=-np.inf)
            if not keep or keep[0][2] < best_finished:
                break
            rows = np.array([row for row, *_ in keep])
            prefixes = [np.append(prefixes[row], token) for row, token, *_ in keep]
            prefix_attention = [history for *_, history in keep]
            totals = np.array([total for _, _, total, _ in keep])
            state = tuple(part[rows] for part in state)
        else:
            if not finished:
                finished = [
                    hypothesis(p, t, False, h)
                    for p, t, h in zip(prefixes, totals, prefix_attention, strict=True)
                ]
        return sorted(finished, key=lambda h: -h.score)


def translate(
    model: Seq2Seq, task, text: str, *, beam_width=None, max_length=None, length_penalty=1.0
):
    """Decode one string: ``[Hypothesis]`` from greedy decoding (``beam_width`` None) or
    the beam's hypotheses, best first (see :meth:`Seq2Seq.beam_search`).

    ``task`` supplies ``source_vocab`` (a character :class:`~rnnlib.data.encoding.Vocabulary`
    with ``<pad>`` at id 0); characters it lacks raise a ValueError naming them.
    """
    (ids,) = encode_sources([text], task.source_vocab)
    max_length = max_length or ids.size + 12
    if beam_width is not None:
        return model.beam_search(ids, beam_width, max_length, length_penalty)
    decoding = model.greedy_decode(ids[:, None], None, max_length)
    steps = int(decoding.trace.mask[:, 0].sum())
    tokens = decoding.tokens[0]
    finished = tokens.size < steps
    attention = None if decoding.trace.attention is None else decoding.trace.attention[:steps, 0]
    log_prob = float(decoding.log_prob[0])
    return [Hypothesis(tokens, log_prob, log_prob / steps, finished, attention)]
