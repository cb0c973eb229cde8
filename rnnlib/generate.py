"""Using a trained model autoregressively: sample text from a character language model
(greedy, or from ``softmax(z / T)`` at temperature ``T``; ``temperature=0`` is greedy),
score text in bits per character, read its hidden units while it reads; and
:func:`free_run`, the multi-step forecast of any one-step predictor fed its own outputs.
Sampling takes ``rng=`` (a seed or a Generator).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._checks import (
    as_generator,
    check_float_array,
    check_index_array,
    check_nonnegative_float,
    check_positive_int,
)
from .data.encoding import Vocabulary
from .data.text import stream_batches
from .functional import log_softmax, softmax
from .models import SequenceModel

__all__ = [
    "check_char_model",
    "next_char_distribution",
    "generate",
    "bits_per_char",
    "bits_per_position",
    "hidden_activations",
    "free_run",
]


def check_char_model(model, vocab) -> None:
    """Raise unless ``model`` is a character language model over ``vocab``: a
    many-to-many, one-directional :class:`~rnnlib.models.SequenceModel` reading token ids
    (``vocab_size = len(vocab)``) with one output score per character."""
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab: expected an rnnlib Vocabulary, got {type(vocab).__name__}")
    if not isinstance(model, SequenceModel):
        raise TypeError(f"model: expected an rnnlib SequenceModel, got {type(model).__name__}")
    if model.vocab_size != len(vocab):
        raise ValueError(
            f"model: expected a model reading token ids with vocab_size={len(vocab)} "
            f"(= len(vocab)), got vocab_size={model.vocab_size}"
        )
    if model.output_size != len(vocab):
        raise ValueError(
            f"model: expected output_size={len(vocab)} (one score per character), "
            f"got {model.output_size}"
        )
    if model.many_to_one or model.bidirectional:
        raise ValueError(
            "model: expected a many-to-many, one-directional model (an output at every "
            "step that has read only x_1..x_t), got "
            + ("many_to_one=True" if model.many_to_one else "bidirectional=True")
        )


def _encode_prime(vocab, prime, name: str = "prime") -> np.ndarray:
    if not isinstance(prime, str) or not prime:
        raise ValueError(f"{name}: expected a non-empty string, got {prime!r:.40}")
    unknown = [char for char in dict.fromkeys(prime) if char not in vocab]
    if unknown:
        shown = ", ".join(repr(char) for char in unknown[:5])
        raise ValueError(f"{name}: expected characters of the vocabulary, got {shown}")
    return vocab.encode(prime)


def _read(model, ids, state=None):
    """Feed ids ``(N,)`` as one sequence; return ``(logits (N, V), final_state)``."""
    logits, cache = model.forward(ids[:, None], initial_state=state)
    return logits[:, 0], cache.final_state


def next_char_distribution(model, vocab, prime: str, temperature: float = 1.0) -> np.ndarray:
    """``softmax(z / T)``: the model's distribution of the character after ``prime``, ``(V,)``.

    ``temperature=0`` returns the greedy choice as a one-hot vector.
    """
    check_char_model(model, vocab)
    temperature = check_nonnegative_float(temperature, "temperature")
    logits, _ = _read(model, _encode_prime(vocab, prime))
    if temperature == 0:
        return np.eye(len(vocab))[int(np.argmax(logits[-1]))]
    return softmax(logits[-1], temperature=temperature)


def generate(
    model, vocab, prime: str, length: int, *, temperature: float = 1.0, rng=None, stop=None
) -> str:
    """Continue ``prime`` by ``length`` characters (the prime is not included).

    temperature: 0 for greedy decoding, else sample from ``softmax(z / temperature)``
    with ``rng`` (required then). stop: a character that ends generation early (it is
    included), e.g. ``"\\n"`` for one name per call.
    """
    check_char_model(model, vocab)
    length = check_positive_int(length, "length")
    temperature = check_nonnegative_float(temperature, "temperature")
    if temperature > 0:
        if rng is None:
            raise ValueError("rng: expected a seed or Generator when temperature > 0, got None")
        rng = as_generator(rng)
    if stop is not None and stop not in vocab:
        raise ValueError(f"stop: expected a character of the vocabulary or None, got {stop!r}")
    logits, state = _read(model, _encode_prime(vocab, prime))
    z = logits[-1]
    out = []
    for _ in range(length):
        if temperature == 0:
            k = int(np.argmax(z))
        else:
            k = int(rng.choice(len(vocab), p=softmax(z, temperature=temperature)))
        out.append(vocab.tokens[k])
        if out[-1] == stop:
            break
        logits, state = _read(model, np.array([k]), state)
        z = logits[-1]
    return "".join(out)


def bits_per_char(model, ids, *, batch_size: int = 16, steps: int = 200) -> float:
    """Average surprise of the true next character, ``-mean log2 p(x_{t+1} | x_1..x_t)``.

    ids: ``(N,)``. The text is read as ``batch_size`` contiguous streams (see
    :func:`rnnlib.data.text.stream_batches`), carrying the state from chunk to chunk,
    so every prediction but the first of each stream sees all the text before it in
    its stream. Forward passes only (no gradients).
    """
    if not isinstance(model, SequenceModel) or model.vocab_size is None:
        raise TypeError(
            f"model: expected a SequenceModel with vocab_size, got {type(model).__name__}"
        )
    ids = check_index_array(ids, "ids", size=model.vocab_size, ndim=1, axes="(N,)")
    state, total, count = None, 0.0, 0
    for inputs, targets in stream_batches(ids, batch_size, steps):
        logits, cache = model.forward(inputs, initial_state=state)
        state = cache.final_state
        logp = np.take_along_axis(log_softmax(logits), targets[..., None], axis=-1)
        total -= float(logp.sum())
        count += targets.size
    return total / count / np.log(2.0)


def bits_per_position(model, ids) -> np.ndarray:
    """The surprise of every next character, ``-log2 p(x_{t+1} | x_1..x_t)``, shape ``(N - 1,)``.

    ids: ``(N,)``, read as one sequence from a zero state (forward pass only); entry ``t``
    scores ``ids[t + 1]``. Its mean is :func:`bits_per_char` read as one stream; unlike
    that average it can be added up over groups of positions (the jamo of a syllable).
    """
    if not isinstance(model, SequenceModel) or model.vocab_size is None:
        raise TypeError(
            f"model: expected a SequenceModel with vocab_size, got {type(model).__name__}"
        )
    ids = check_index_array(ids, "ids", size=model.vocab_size, ndim=1, axes="(N,)")
    if ids.size < 2:
        raise ValueError(
            f"ids: expected at least 2 ids (one to read, one to score), got {ids.size}"
        )
    logits, _ = model.forward(ids[:-1, None])
    logp = np.take_along_axis(log_softmax(logits[:, 0].astype(np.float64)), ids[1:, None], axis=1)
    return -logp[:, 0] / np.log(2.0)


def hidden_activations(model, vocab, text: str, layer: int = 0) -> np.ndarray:
    """The hidden state after each character of ``text``, ``(N, H)``, from layer ``layer``.

    Row ``t`` is ``h_t`` after reading ``text[: t + 1]`` from a zero state.
    """
    check_char_model(model, vocab)
    ids = _encode_prime(vocab, text, "text")
    _, cache = model.forward(ids[:, None])
    traces = cache.traces
    if not isinstance(layer, int) or not 0 <= layer < len(traces):
        raise ValueError(f"layer: expected an index in [0, {len(traces)}), got {layer!r}")
    return np.array(traces[layer].hidden[:, 0])


def free_run(predict: Callable, inputs, horizon: int) -> np.ndarray:
    """Forecast ``horizon`` steps from each window by feeding predictions back.

    predict: ``(T, N, 1) -> (N, 1)`` one-step predictor. inputs: ``(T, N, 1)``.
    Returns ``(horizon, N)``: row h is the forecast h+1 steps ahead.
    """
    horizon = check_positive_int(horizon, "horizon")
    if not callable(predict):
        raise TypeError(f"predict: expected a function (T, N, 1) -> (N, 1), got {predict!r:.40}")
    window = check_float_array(
        inputs, "inputs", ndim=3, axes="(T, N, 1)", shape={2: 1}, dtype=np.float64
    ).copy()
    forecasts = np.empty((horizon, window.shape[1]))
    for h in range(horizon):
        nxt = predict(window)
        forecasts[h] = nxt[:, 0]
        window = np.concatenate([window[1:], nxt[None]], axis=0)
    return forecasts
