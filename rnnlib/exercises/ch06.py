"""Checks for the exercises of chapter 6, sequence classification.

1. :func:`check_pad` - pad variable-length id sequences into a time-major batch and a mask.
2. :func:`check_bag_of_words` - count vector of a sentence (and see why twins collide).
3. :func:`check_skipgram_gradients` - the skip-gram loss and its gradients, checked per
   parameter against a numerical gradient.
4. :func:`check_parameter_count` - the number of parameters of a bidirectional GRU classifier.

Each check prints the verdict, names the most likely mistake and returns True or False;
it never raises, and an unattempted stub gets a hint instead of a traceback.
"""

from __future__ import annotations

import numbers

import numpy as np

from ..embeddings import SkipGram, skipgram_loss
from ..gradcheck import numerical_gradient, relative_error
from ..i18n import tr
from . import NOT_ATTEMPTED, call_learner, feedback

__all__ = [
    "check_pad",
    "check_bag_of_words",
    "check_parameter_count",
    "PAD_EXAMPLE",
    "BAG_WORDS",
    "PARAMETER_MODEL",
    "check_skipgram_gradients",
    "skipgram_example",
]

#: the sequences check_pad feeds to the learner's function
PAD_EXAMPLE = [[5, 6, 7], [8], [9, 10]]


def check_pad(pad) -> bool:
    """``pad(sequences, pad_id=0) -> (ids (T, B), mask (T, B))``: right-padded and time-major,
    mask 1 on real tokens and 0 on padding."""
    title = tr("Exercise 1 (padding and mask)")
    result, problem = call_learner(pad, [list(s) for s in PAD_EXAMPLE], pad_id=0)
    if problem:
        return feedback(title, [problem])
    if not isinstance(result, tuple) or len(result) != 2:
        return feedback(title, [tr("return a pair (ids, mask)")])
    ids, mask = (np.asarray(part) for part in result)
    expected_ids = np.array([[5, 8, 9], [6, 0, 10], [7, 0, 0]])
    expected_mask = np.array([[1, 1, 1], [1, 0, 1], [1, 0, 0]], dtype=float)
    problems = []
    if ids.shape == (3, 3) and np.array_equal(ids, expected_ids.T):
        problems.append(
            tr(
                "ids is batch-major (B, T): rnnlib is time-major, row t holds step t of every "
                "sequence (transpose it)"
            )
        )
    elif ids.shape != (3, 3):
        problems.append(
            tr(
                "ids: expected shape (T, B) = (3, 3) for 3 sequences of at most 3 tokens, "
                "got {shape}",
                shape=ids.shape,
            )
        )
    elif np.array_equal(ids, np.array([[5, 0, 0], [6, 0, 9], [7, 8, 10]])):
        problems.append(
            tr(
                "the padding is on the left: pad on the right, so that step 0 is every "
                "sequence's first token and the state is carried over the padding at the end"
            )
        )
    elif not np.array_equal(ids, expected_ids):
        problems.append(
            tr("ids: expected {want}, got {got}", want=expected_ids.tolist(), got=ids.tolist())
        )
    if mask.shape != (3, 3):
        problems.append(tr("mask: expected shape (T, B) = (3, 3), got {shape}", shape=mask.shape))
    elif not problems and np.array_equal(mask, 1 - expected_mask):
        problems.append(tr("mask is inverted: 1 marks a real token, 0 marks padding"))
    elif not problems and not np.array_equal(mask.astype(float), expected_mask):
        problems.append(
            tr(
                "mask: expected {want}, got {got}",
                want=expected_mask.astype(int).tolist(),
                got=mask.tolist(),
            )
        )
    if not problems:
        again, problem = call_learner(pad, [[3, 4], [2]], pad_id=1)
        if problem:
            problems.append(tr("with pad_id=1: {problem}", problem=problem))
        elif not np.array_equal(np.asarray(again[0]), [[3, 2], [4, 1]]):
            problems.append(tr("pad_id is ignored: fill the padding with pad_id, not always 0"))
    return feedback(title, problems)


#: the vocabulary of check_bag_of_words, in the order of the count vector
BAG_WORDS = ["bad", "but", "food", "good", "room", "the", "was"]


def check_bag_of_words(bag_of_words) -> bool:
    """``bag_of_words(sentence, words) -> (V,)`` counts: entry i = how many times
    ``words[i]`` occurs in the sentence (words separated by spaces)."""
    title = tr("Exercise 2 (bag of words)")
    sentence = "the room was good but the food was bad"
    result, problem = call_learner(bag_of_words, sentence, list(BAG_WORDS))
    if problem:
        return feedback(title, [problem])
    counts = np.asarray(result, dtype=float) if np.ndim(result) == 1 else None
    if counts is None or counts.shape != (len(BAG_WORDS),):
        return feedback(
            title,
            [
                tr(
                    "expected a vector of {n} counts (one per word), got {result!r:.60}",
                    n=len(BAG_WORDS),
                    result=result,
                )
            ],
        )
    expected = np.array([sentence.split().count(w) for w in BAG_WORDS], dtype=float)
    if np.array_equal(counts, expected):
        twin = "the room was bad but the food was good"
        result, problem = call_learner(bag_of_words, twin, list(BAG_WORDS))
        if problem or not np.array_equal(np.asarray(result, dtype=float), expected):
            return feedback(title, [tr("the twin sentence should give the same counts")])
        return feedback(title, [])
    if np.array_equal(counts, np.minimum(expected, 1)):
        return feedback(
            title,
            [
                tr(
                    "you marked presence (0/1): count how many times each word occurs ('the' "
                    "and 'was' occur twice)"
                )
            ],
        )
    if counts.sum() == expected.sum():
        return feedback(
            title, [tr("the counts are in the wrong places: entry i belongs to words[i]")]
        )
    return feedback(
        title,
        [tr("expected {want}, got {got}", want=expected.astype(int).tolist(), got=counts.tolist())],
    )


#: the model whose parameters check_parameter_count asks for
PARAMETER_MODEL = dict(
    cell="gru", vocab_size=20, embedding_dim=8, hidden_size=16, output_size=3, bidirectional=True
)


def _gru_direction(inputs, hidden):
    return 3 * hidden * inputs + 3 * hidden * hidden + 3 * hidden + hidden  # + b_hn


def check_parameter_count(answer) -> bool:
    """``answer``: the number of parameters of
    ``SequenceModel("gru", vocab_size=20, embedding_dim=8, hidden_size=16, output_size=3,
    bidirectional=True, many_to_one=True)``."""
    title = tr("Exercise 4 (counting parameters)")
    if answer is None or answer is Ellipsis:
        return feedback(title, [tr(NOT_ATTEMPTED)])
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return feedback(title, [tr("expected a whole number, got {answer!r:.40}", answer=answer)])
    V, D, H, C = 20, 8, 16, 3
    embedding = V * D
    direction = _gru_direction(D, H)
    head = 2 * H * C + C
    right = embedding + 2 * direction + head
    if answer == right:
        return feedback(title, [])
    diagnoses = {
        right - 2 * H: tr(
            "each GRU direction also has b_hn (H numbers), the bias inside the reset gate"
        ),
        embedding + direction + H * C + C: tr(
            "bidirectional means two GRUs, and the head reads 2H features"
        ),
        right - H * C: tr("the head reads both directions: its W is (C, 2H)"),
        right - embedding: tr("the embedding table E (vocab_size x embedding_dim) is trained too"),
        right - C: tr("the head has a bias b (C numbers)"),
        embedding + 2 * (4 * H * D + 4 * H * H + 4 * H) + head: tr(
            "that count is for an LSTM (4 blocks); a GRU has 3 blocks"
        ),
    }
    message = diagnoses.get(int(answer))
    if message is None:
        message = tr(
            "{answer} is not it: add embedding V*D, two directions of (3H*D + 3H*H + 3H + H) "
            "and a head 2H*C + C",
            answer=int(answer),
        )
    return feedback(title, [message])


def skipgram_example():
    """The inputs check_skipgram_gradients gives the learner: ``W_in (V, D)``,
    ``W_out (V, D)`` with V = 7, D = 3, and N = 6 pairs whose centres repeat (word 2
    three times, word 5 twice)."""
    rng = np.random.default_rng(6)
    W_in, W_out = rng.normal(0.0, 0.5, size=(2, 7, 3))
    centres = np.array([2, 5, 2, 0, 5, 2])
    contexts = np.array([1, 4, 3, 2, 6, 1])
    return W_in, W_out, centres, contexts


def _reference(W_in, W_out, centres, contexts):
    """Loss and gradients from rnnlib.embeddings (the library's SkipGram)."""
    model = SkipGram(*W_in.shape, rng=0)
    model.params["W_in"][...], model.params["W_out"][...] = W_in, W_out
    loss = skipgram_loss(model, centres, contexts)
    return loss, model.grads["W_in"].copy(), model.grads["W_out"].copy(), model


def _usual_mistakes(W_in, W_out, centres, contexts):
    """The gradients that the usual mistakes give, with what to say about each."""
    n = len(centres)
    v = W_in[centres]
    scores = v @ W_out.T
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    onehot = np.eye(W_in.shape[0])[contexts]
    dscores = (p - onehot) / n
    overwritten = np.zeros_like(W_in)
    overwritten[centres] += dscores @ W_out  # one update per row survives
    no_onehot = np.zeros_like(W_in)
    np.add.at(no_onehot, centres, (p / n) @ W_out)
    missing_onehot = "{name} misses the one-hot term: dscores = (softmax(s) - onehot(contexts)) / N"
    return {
        "W_in": [
            (
                overwritten,
                tr(
                    "dW_in is right only for centres that occur once: `dW_in[centres] += dv` "
                    "keeps one update per repeated row (word 2 is a centre three times). "
                    "Accumulate with np.add.at(dW_in, centres, dv)"
                ),
            ),
            (no_onehot, tr(missing_onehot, name="dW_in")),
        ],
        "both": [
            (
                n,
                tr(
                    "every gradient is N times too large: the loss is the mean over the N "
                    "pairs, so divide dscores by N"
                ),
            ),
            (
                -1,
                tr("every gradient has the wrong sign: d(-log p_o)/ds = softmax(s) - onehot(o)"),
            ),
        ],
        "W_out": [
            ((p / n).T @ v, tr(missing_onehot, name="dW_out")),
        ],
    }


def check_skipgram_gradients(skipgram_gradients) -> bool:
    """``skipgram_gradients(W_in, W_out, centres, contexts) -> (loss, dW_in, dW_out)``:
    the mean cross-entropy of the contexts under ``softmax(W_out W_in[c])`` and its
    gradients ``(V, D)``, each compared with a five-point numerical gradient."""
    title = tr("Exercise 3 (skip-gram loss and gradients)")
    W_in, W_out, centres, contexts = skipgram_example()
    result, problem = call_learner(
        skipgram_gradients, W_in.copy(), W_out.copy(), centres.copy(), contexts.copy()
    )
    if problem:
        return feedback(title, [problem])
    if not isinstance(result, tuple) or len(result) != 3:
        return feedback(title, [tr("return a triple (loss, dW_in, dW_out)")])
    loss, dW_in, dW_out = result
    right_loss, right_in, right_out, model = _reference(W_in, W_out, centres, contexts)
    problems = []
    if np.ndim(loss) != 0:
        problems.append(
            tr(
                "loss: expected one number (the mean over the N pairs), got shape {shape}",
                shape=np.shape(loss),
            )
        )
    elif np.isclose(float(loss), len(centres) * right_loss):
        problems.append(tr("loss is the sum over the N pairs: take the mean (divide by N)"))
    elif not np.isclose(float(loss), right_loss):
        problems.append(
            tr(
                "loss: expected {want:.6f} (the mean of -log p(context | centre)), got {got:.6f}",
                want=right_loss,
                got=float(loss),
            )
        )
    numeric = {
        name: numerical_gradient(lambda: _reference(W_in, W_out, centres, contexts)[0], model_param)
        for name, model_param in (("W_in", W_in), ("W_out", W_out))
    }
    mistakes = _usual_mistakes(W_in, W_out, centres, contexts)
    for name, grad, right in (("W_in", dW_in, right_in), ("W_out", dW_out, right_out)):
        grad = np.asarray(grad, dtype=float)
        if grad.shape != right.shape:
            hint = (
                tr(" (transposed: the gradient has the parameter's shape)")
                if grad.shape == right.shape[::-1]
                else ""
            )
            problems.append(
                tr(
                    "d{name}: expected shape (V, D) = {want} like {name}, got {shape}{hint}",
                    name=name,
                    want=right.shape,
                    shape=grad.shape,
                    hint=hint,
                )
            )
            continue
        error = relative_error(grad, numeric[name])
        if error < 1e-6:
            continue
        message = tr(
            "d{name}: largest relative error {error:.2g} against the numerical gradient",
            name=name,
            error=error,
        )
        for wrong, why in mistakes.get(name, []):
            if np.allclose(grad, wrong):
                message += f"; {why}"
                break
        else:
            for factor, why in mistakes["both"]:
                if np.allclose(grad, factor * right):
                    message += f"; {why}"
                    break
        problems.append(message)
    return feedback(title, problems)
