"""Checks for the exercises of chapter 5, character language models and text generation.

1. :func:`check_bits_per_char` - the average surprise ``-mean log2 p``;
2. :func:`check_stream_chunk` - the first truncated-BPTT chunk of contiguous streams;
3. :func:`check_min_char_rnn` - a min-char-rnn written from scratch (after Karpathy's
   ``min-char-rnn.py``): the loss and its backward pass through time, sampling, and an
   Adagrad training loop that must reach :data:`TARGET_BPC` on the course's text.

Each check runs the learner's function on fixed inputs, compares it with the reference
and names the most likely mistake. It prints the verdict, returns True or False, and
never raises.
"""

from __future__ import annotations

import numpy as np

from ..data.text import stream_batches
from ..gradcheck import relative_error
from ..i18n import tr
from ..losses import softmax_cross_entropy
from ..models import SequenceModel
from . import call_learner, feedback

__all__ = ["check_bits_per_char", "check_stream_chunk", "check_min_char_rnn", "TARGET_BPC"]


# ----- 1. bits per character --------------------------------------------------------------
def check_bits_per_char(bits_per_char) -> bool:
    """``bits_per_char(p (N,)) -> float``: ``p[t]`` is the probability the model gave to
    the character that really came next; expected ``-mean(log2 p)``."""
    title = tr("Exercise 1 (bits per character)")
    p = np.array([0.5, 0.25, 0.125, 1.0])
    expected = float(-np.mean(np.log2(p)))  # (1 + 2 + 3 + 0) / 4 = 1.5
    result, problem = call_learner(bits_per_char, p.copy())
    if problem:
        return feedback(title, [problem])
    try:
        value = float(result)
    except (TypeError, ValueError):
        return feedback(title, [tr("expected one number, got {kind}", kind=type(result).__name__)])
    problems = []
    if np.isclose(value, expected):
        uniform = np.full(8, 1 / 8)
        again, problem = call_learner(bits_per_char, uniform)
        if problem or not np.isclose(float(again), 3.0):
            problems.append(
                problem
                or tr(
                    "a uniform guess among 8 characters should cost 3 bits, got {again}",
                    again=again,
                )
            )
    elif np.isclose(value, -expected):
        problems.append(tr("the sign is wrong: log2 p <= 0, so bits = -mean(log2 p) >= 0"))
    elif np.isclose(value, expected * np.log(2)):
        problems.append(tr("you used the natural log (nats): use log2, or divide by ln 2"))
    elif np.isclose(value, expected * len(p)):
        problems.append(tr("you summed the surprises: take the mean over the characters"))
    else:
        problems.append(
            tr(
                "for p = {p} expected {expected:.3f} bits, got {value:.3f}",
                p=p.tolist(),
                expected=expected,
                value=value,
            )
        )
    return feedback(title, problems)


# ----- 2. contiguous streams for truncated BPTT -------------------------------------------
STREAM_EXAMPLE = np.arange(13)  # ids 0 .. 12: easy to read off


def check_stream_chunk(first_chunk) -> bool:
    """``first_chunk(ids (N,), batch_size, steps) -> (inputs, targets)`` both
    ``(steps, batch_size)``: row ``b`` reads stream ``b`` = ``ids[b L : (b + 1) L + 1]``
    with ``L = (N - 1) // batch_size``; targets are the inputs shifted by one."""
    title = tr("Exercise 2 (the first chunk of contiguous streams)")
    batch_size, steps = 3, 2
    (want_inputs, want_targets) = stream_batches(STREAM_EXAMPLE, batch_size, steps)[0]
    result, problem = call_learner(first_chunk, STREAM_EXAMPLE.copy(), batch_size, steps)
    if problem:
        return feedback(title, [problem])
    try:
        inputs, targets = (np.asarray(part) for part in result)
    except (TypeError, ValueError):
        return feedback(title, [tr("expected a pair (inputs, targets)")])
    problems = []
    if inputs.shape != (steps, batch_size) or targets.shape != (steps, batch_size):
        problems.append(
            tr(
                "expected inputs and targets of shape (steps, batch_size) = {want}, got "
                "{inputs} and {targets} (time-major: time first)",
                want=(steps, batch_size),
                inputs=inputs.shape,
                targets=targets.shape,
            )
        )
    elif np.array_equal(inputs, STREAM_EXAMPLE[: steps * batch_size].reshape(steps, batch_size)):
        problems.append(
            tr(
                "your rows interleave the text (row b gets every batch_size-th character), "
                "so no row reads consecutive characters: give each row its own contiguous "
                "stream, here rows start at ids {starts}",
                starts=want_inputs[0].tolist(),
            )
        )
    elif not np.array_equal(inputs, want_inputs):
        problems.append(
            tr(
                "inputs: expected {want} (column b = stream b), got {got}",
                want=want_inputs.tolist(),
                got=inputs.tolist(),
            )
        )
    elif np.array_equal(targets, inputs):
        problems.append(tr("targets equal the inputs: the target is the *next* character"))
    elif not np.array_equal(targets, want_targets):
        problems.append(
            tr(
                "targets: expected {want}, got {got}",
                want=want_targets.tolist(),
                got=targets.tolist(),
            )
        )
    return feedback(title, problems)


# ----- 3. min-char-rnn ----------------------------------------------------------------------

PARAM_NAMES = ("W_xh", "W_hh", "W_hy", "b_h", "b_y")
#: The training the check runs: the learner's loop, this many updates (25 characters each).
TRAIN_UPDATES = 1000
#: Bits per character the trained min-char-rnn must reach on the first ``VALID_CHARS``
#: validation characters (a unigram model scores about 4.7 there, a blind guess 6.6).
TARGET_BPC = 4.5
VALID_CHARS = 5000


def _rnn_model(params):
    """An rnnlib vanilla-RNN language model holding ``params`` (float64)."""
    H, V = params["W_xh"].shape
    model = SequenceModel("rnn", hidden_size=H, vocab_size=V, output_size=V, rng=0)
    cell = model.recurrent.layers[0].cell
    cell.params["W_xh"][...] = params["W_xh"]
    cell.params["W_hh"][...] = params["W_hh"]
    cell.params["b"][...] = params["b_h"]
    model.head.params["W"][...] = params["W_hy"]
    model.head.params["b"][...] = params["b_y"]
    return model


def _reference_loss(inputs, targets, h_prev, params, truncate=None):
    """Summed cross-entropy, its gradients and the last hidden state, through rnnlib
    (``truncate=1`` gives the gradients without the ``dh_next`` path)."""
    model = _rnn_model(params)
    logits, cache = model.forward(inputs[:, None], initial_state=[(h_prev[None],)])
    loss, dlogits = softmax_cross_entropy(logits, targets[:, None])
    model.zero_grad()
    model.backward(dlogits, cache, truncate=truncate)
    T = len(inputs)
    cell = model.recurrent.layers[0].cell
    grads = {
        "W_xh": cell.grads["W_xh"] * T,
        "W_hh": cell.grads["W_hh"] * T,
        "b_h": cell.grads["b"] * T,
        "W_hy": model.head.grads["W"] * T,
        "b_y": model.head.grads["b"] * T,
    }
    return loss * T, grads, cache.final_state[0][0][0]


def _loss_case(seed=5, V=5, H=4, T=6):
    rng = np.random.default_rng(seed)
    params = {
        "W_xh": rng.normal(0, 0.8, (H, V)),
        "W_hh": rng.normal(0, 0.8, (H, H)),
        "W_hy": rng.normal(0, 0.8, (V, H)),
        "b_h": rng.normal(0, 0.3, H),
        "b_y": rng.normal(0, 0.3, V),
    }
    inputs, targets = rng.integers(0, V, T), rng.integers(0, V, T)
    return inputs, targets, np.tanh(rng.standard_normal(H)), params


def _check_loss(loss_fn) -> list[str]:
    inputs, targets, h_prev, params = _loss_case()
    copies = {name: value.copy() for name, value in params.items()}
    result, problem = call_learner(loss_fn, inputs.copy(), targets.copy(), h_prev.copy(), copies)
    if problem:
        return [f"min_char_rnn_loss: {problem}"]
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        return ["min_char_rnn_loss: " + tr("expected (loss, grads, h_last).")]
    loss, grads, h_last = result
    want_loss, want_grads, want_h = _reference_loss(inputs, targets, h_prev, params)
    T = len(inputs)
    try:
        loss = float(loss)
    except (TypeError, ValueError):
        return [
            "min_char_rnn_loss: "
            + tr("the loss must be one number, got {kind}.", kind=type(loss).__name__)
        ]
    if not np.isclose(loss, want_loss, rtol=1e-8):
        if np.isclose(loss, want_loss / T, rtol=1e-8):
            return [
                "min_char_rnn_loss: "
                + tr(
                    "your loss is the mean over the steps; min-char-rnn sums the "
                    "cross-entropy of the {T} steps (and the gradients are those of the sum).",
                    T=T,
                )
            ]
        if np.isclose(loss, want_loss / np.log(2), rtol=1e-8):
            return ["min_char_rnn_loss: " + tr("the loss is in bits; use the natural log (nats).")]
        return [
            "min_char_rnn_loss: "
            + tr(
                "the loss is {loss:.6f}, expected {want:.6f}: sum over t of "
                "-log softmax(W_hy h_t + b_y)[targets[t]], with "
                "h_t = tanh(W_xh[:, inputs[t]] + W_hh h_{{t-1}} + b_h), starting from h_prev.",
                loss=loss,
                want=want_loss,
            )
        ]
    if not isinstance(grads, dict) or set(grads) != set(PARAM_NAMES):
        return [
            "min_char_rnn_loss: "
            + tr("grads must be a dict with the keys {keys}.", keys=list(PARAM_NAMES))
        ]
    problems = []
    for name in PARAM_NAMES:
        grad = np.asarray(grads[name], dtype=float)
        if grad.shape != params[name].shape:
            hint = tr(" (transposed?)") if grad.shape == params[name].shape[::-1] else ""
            problems.append(
                tr(
                    "grads[{name!r}] has shape {shape}, expected {want}: a gradient has the "
                    "shape of its parameter{hint}.",
                    name=name,
                    shape=grad.shape,
                    want=params[name].shape,
                    hint=hint,
                )
            )
    if problems:
        return ["min_char_rnn_loss: " + p for p in problems]
    errors = {
        name: relative_error(np.asarray(grads[name], float), want_grads[name])
        for name in PARAM_NAMES
    }
    wrong = [name for name in PARAM_NAMES if errors[name] > 1e-6]
    if wrong:
        report = ", ".join(f"{name} {errors[name]:.1e}" for name in PARAM_NAMES)
        problems.append(
            tr("gradient check of min_char_rnn_loss (relative error): {report}.", report=report)
        )
        _, cut, _ = _reference_loss(inputs, targets, h_prev, params, truncate=1)
        if all(
            relative_error(np.asarray(grads[name], float), cut[name]) < 1e-6 for name in PARAM_NAMES
        ):
            problems.append(
                tr(
                    "your gradients are those of a network cut after every step: the "
                    "gradient from step t+1 never reaches step t. Carry dh_next = W_hh.T @ da_t "
                    "back and add it to the gradient arriving at h_{t-1} "
                    "(dh = W_hy.T @ dy + dh_next)."
                )
            )
        elif (
            "W_hh" in wrong
            and relative_error(np.asarray(grads["W_hh"], float).T, want_grads["W_hh"]) < 1e-6
        ):
            problems.append(tr("grads['W_hh'] is transposed: dW_hh += outer(da_t, h_{t-1})."))
        else:
            problems.append(
                tr(
                    "the first wrong gradient in the order {order} is {first}.",
                    order=", ".join(PARAM_NAMES),
                    first=wrong[0],
                )
            )
        return ["min_char_rnn_loss: " + p for p in problems]
    h_last = np.asarray(h_last, dtype=float)
    if h_last.shape != want_h.shape or not np.allclose(h_last, want_h, atol=1e-10):
        return [
            "min_char_rnn_loss: "
            + tr(
                "h_last must be the hidden state after the last step (shape {shape}), to "
                "carry into the next chunk.",
                shape=want_h.shape,
            )
        ]
    return []


def _cycle_params(V=5):
    """A network that, after reading id j, gives id (j + 1) % V probability ~1."""
    params = {
        name: np.zeros(shape)
        for name, shape in (
            ("W_xh", (V, V)),
            ("W_hh", (V, V)),
            ("W_hy", (V, V)),
            ("b_h", (V,)),
            ("b_y", (V,)),
        )
    }
    params["W_xh"][...] = 10.0 * np.eye(V)
    params["W_hy"][...] = 60.0 * np.roll(np.eye(V), 1, axis=0)
    return params


def _check_sample(sample_fn) -> list[str]:
    V, n = 5, 12
    params = _cycle_params(V)
    result, problem = call_learner(sample_fn, params, np.zeros(V), 2, n, np.random.default_rng(0))
    if problem:
        return [f"min_char_rnn_sample: {problem}"]
    try:
        ids = np.asarray(result).astype(int).ravel()
    except (TypeError, ValueError):
        return [
            "min_char_rnn_sample: "
            + tr("expected a list of ids, got {kind}.", kind=type(result).__name__)
        ]
    want = (np.arange(n) + 3) % V
    if len(ids) != n:
        return [
            "min_char_rnn_sample: " + tr("expected {n} sampled ids, got {got}.", n=n, got=len(ids))
        ]
    if np.array_equal(ids, (np.arange(n) + 2) % V):
        return [
            "min_char_rnn_sample: "
            + tr(
                "your list starts with the seed id itself; return only the {n} ids drawn after it.",
                n=n,
            )
        ]
    if not np.array_equal(ids, want):
        return [
            "min_char_rnn_sample: "
            + tr(
                "on a network that always predicts 'the next id' (after j comes j + 1 mod "
                "{V}) and seed id 2, expected {want}, got {got}: feed each drawn id back in "
                "as the next input and carry h.",
                V=V,
                want=want.tolist(),
                got=ids.tolist(),
            )
        ]
    flat = {name: np.zeros_like(value) for name, value in params.items()}
    result, problem = call_learner(sample_fn, flat, np.zeros(V), 0, 2000, np.random.default_rng(1))
    ids = np.asarray(result).astype(int).ravel() if problem is None else None
    if ids is None or len(ids) != 2000:
        return ["min_char_rnn_sample: " + (problem or tr("expected 2000 ids"))]
    counts = np.bincount(ids, minlength=V)
    if counts.min() < 300:  # uniform: 400 each
        return [
            "min_char_rnn_sample: "
            + tr(
                "with all weights zero every id has probability 1/5, but your 2000 samples "
                "have the counts {counts}: draw from p = softmax(W_hy h + b_y) "
                "(rng.choice(V, p=p)), do not take the argmax.",
                counts=counts.tolist(),
            )
        ]
    return []


def check_min_char_rnn(loss_fn, sample_fn, train_fn, train_ids, valid_ids) -> bool:
    """Check a min-char-rnn written from scratch.

    * ``loss_fn(inputs (T,), targets (T,), h_prev (H,), params) -> (loss, grads, h_last)``:
      the summed cross-entropy (nats) of a vanilla RNN, its gradients (a dict with the
      keys of ``params``: ``W_xh (H, V)``, ``W_hh (H, H)``, ``W_hy (V, H)``, ``b_h (H,)``,
      ``b_y (V,)``) and the last hidden state; compared with rnnlib, which passes the
      numerical gradient check, and with the usual mistakes (no ``dh_next``, a mean).
    * ``sample_fn(params, h (H,), seed_id, n, rng) -> n ids``: each drawn from the
      softmax and fed back in; tested on a network that counts, and on a uniform one.
    * ``train_fn(ids, vocab_size, num_updates, rng) -> params``: the learner's Adagrad
      loop, run for :data:`TRAIN_UPDATES` updates on ``train_ids``; the trained network
      must score below :data:`TARGET_BPC` bits per character on the first
      :data:`VALID_CHARS` characters of ``valid_ids``.
    """
    title = tr("Exercise 3 (min-char-rnn)")
    problems = _check_loss(loss_fn) or _check_sample(sample_fn)
    if problems:
        return feedback(title, problems)
    V = int(max(train_ids.max(), valid_ids.max())) + 1
    params, problem = call_learner(train_fn, np.asarray(train_ids), V, TRAIN_UPDATES, 0)
    if problem:
        return feedback(title, [f"min_char_rnn_train: {problem}"])
    if not isinstance(params, dict) or set(params) != set(PARAM_NAMES):
        return feedback(
            title,
            [
                "min_char_rnn_train: "
                + tr("return the dict of parameters {names}.", names=list(PARAM_NAMES))
            ],
        )
    try:
        model = _rnn_model({name: np.asarray(value, dtype=float) for name, value in params.items()})
    except (ValueError, TypeError):
        return feedback(
            title, ["min_char_rnn_train: " + tr("the parameters have the wrong shapes.")]
        )
    valid = np.asarray(valid_ids)[:VALID_CHARS]
    logits = model.predict(valid[:-1, None])
    loss, _ = softmax_cross_entropy(logits, valid[1:, None])
    bpc = loss / np.log(2.0)
    print(
        tr(
            "min-char-rnn after {updates} updates: {bpc:.2f} bits per character on validation text",
            updates=TRAIN_UPDATES,
            bpc=bpc,
        )
    )
    if not bpc < TARGET_BPC:
        return feedback(
            title,
            [
                "min_char_rnn_train: "
                + tr(
                    "{bpc:.2f} bits per character, the target is {target}. Check the loop: "
                    "chunks of 25 characters in order, h carried from chunk to chunk, every "
                    "gradient clipped to [-5, 5], Adagrad memory += g**2 and "
                    "param -= lr * g / sqrt(memory + 1e-8) with lr = 0.1.",
                    bpc=bpc,
                    target=TARGET_BPC,
                )
            ],
        )
    return feedback(title, [])
