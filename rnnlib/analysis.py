"""Measurements on models, traces and predictions: numbers a chapter reads and asserts.

Gradient flow (Jacobian norms, the singular-value bound, per-step gradient norms), gates
(saturation, the memory state), classifiers (predictions, confusion matrix, prefix
probabilities, accuracy), embeddings (a 2-D projection, cosine similarities, nearest
words) and forecasts (NRMSE, NRMSE by context length). Nothing
here trains a model; the seeded runs that do live in :mod:`rnnlib.experiments`.
"""

from __future__ import annotations

import numpy as np

from ._checks import (
    as_generator,
    check_choice,
    check_float_array,
    check_fraction,
    check_index_array,
    check_positive_float,
    check_positive_int,
)
from .data.classification import encode_batch
from .data.series import windows
from .functional import relu_grad, sigmoid_grad, softmax, tanh_grad
from .losses import mse
from .models import SequenceModel
from .trace import Trace

__all__ = [
    "SLOPE_BOUND",
    "activation_slope",
    "recurrent_matrix",
    "step_jacobians",
    "jacobian_norms",
    "singular_value_bound",
    "gradient_norms",
    "steps_to_learn",
    "memory_state",
    "gate_saturation",
    "predict_classes",
    "confusion_matrix",
    "prefix_probabilities",
    "accuracy",
    "project_2d",
    "cosine_similarities",
    "nearest_words",
    "nrmse",
    "nrmse_by_context",
]

# ----- gradient flow ---------------------------------------------------------------------------

#: gamma: the largest value of |f'(a)| for each activation (tanh' = 1 - tanh^2 <= 1 at a=0,
#: sigmoid' = s(1 - s) <= 1/4 at a=0, relu' is 0 or 1).
SLOPE_BOUND = {"tanh": 1.0, "relu": 1.0, "sigmoid": 0.25}

_SLOPES = {"tanh": tanh_grad, "relu": relu_grad, "sigmoid": sigmoid_grad}


def activation_slope(output, activation: str) -> np.ndarray:
    """``f'(a)`` computed from the output ``f(a)`` (any shape) of ``"tanh"``, ``"relu"``
    or ``"sigmoid"``: ``1 - h^2``, ``[h > 0]``, ``s (1 - s)``."""
    activation = check_choice(activation, "activation", tuple(_SLOPES))
    return _SLOPES[activation](np.asarray(output, dtype=np.float64))


def recurrent_matrix(hidden_size: int, spectral_norm: float, rng) -> np.ndarray:
    """A random ``W_hh (H, H)`` whose singular values all equal ``spectral_norm``.

    ``W_hh = spectral_norm * Q`` with ``Q`` a random orthogonal matrix (the Q of a QR
    factorisation of a Gaussian matrix). A linear RNN with this matrix scales every
    gradient by exactly ``spectral_norm`` per step, so the singular-value bound is as
    tight as it can be; one seed gives the same ``Q`` at every scale.
    """
    hidden_size = check_positive_int(hidden_size, "hidden_size")
    spectral_norm = check_positive_float(spectral_norm, "spectral_norm")
    gaussian = as_generator(rng).standard_normal((hidden_size, hidden_size))
    orthogonal, upper = np.linalg.qr(gaussian)
    orthogonal *= np.sign(np.diag(upper))  # a uniformly random rotation/reflection
    return spectral_norm * orthogonal


def step_jacobians(hidden, W_hh, activation: str = "tanh") -> np.ndarray:
    """Jacobians of each step, ``J_t = dh_t/dh_{t-1} = diag(f'(a_t)) W_hh``.

    hidden: ``(T, H)`` hidden states ``h_1..h_T`` of one sequence; W_hh: ``(H, H)``.
    Returns ``(T, H, H)``, ``J_t`` at index ``t - 1``.
    """
    hidden = check_float_array(hidden, "hidden", ndim=2, axes="(T, H)")
    W_hh = check_float_array(W_hh, "W_hh", ndim=2, axes="(H, H)", shape={0: hidden.shape[1]})
    if W_hh.shape[1] != hidden.shape[1]:
        raise ValueError(f"W_hh: expected shape (H, H) with H={hidden.shape[1]}, got {W_hh.shape}")
    check_choice(activation, "activation", ("tanh", "relu"))
    return activation_slope(hidden, activation)[:, :, None] * W_hh[None, :, :]


def jacobian_norms(hidden, W_hh, activation: str = "tanh") -> np.ndarray:
    """Spectral norm ``||J_t||_2`` of each step's Jacobian: ``(T,)``."""
    return np.linalg.norm(step_jacobians(hidden, W_hh, activation), ord=2, axis=(1, 2))


def singular_value_bound(spectral_norm: float, gamma: float, distance) -> np.ndarray:
    """The bound ``(gamma * sigma_max)^k`` on the gradient shrink/growth over ``k`` steps.

    ``distance`` may be an int or an array of step counts ``k >= 0``. Below 1 when
    ``sigma_max < 1/gamma``: then gradients vanish at least exponentially with distance.
    """
    spectral_norm = check_positive_float(spectral_norm, "spectral_norm")
    gamma = check_positive_float(gamma, "gamma")
    distance = np.asarray(distance, dtype=np.float64)
    if np.any(distance < 0):
        raise ValueError("distance: expected step counts >= 0, got a negative value")
    return (gamma * spectral_norm) ** distance


def _check_model(model) -> SequenceModel:
    if not isinstance(model, SequenceModel):
        raise TypeError(f"model: expected an rnnlib SequenceModel, got {type(model).__name__}")
    return model


def gradient_norms(model, inputs, targets) -> dict:
    """Per-step gradient norms for the MSE loss of ``model`` on ``(inputs, targets)``.

    Runs forward, the loss and backward, then reads the first layer's Trace:
    ``{"hidden": ||dL/dh_t|| (T,), "cell_state": ||dL/dc_t|| (T,) or None}``, norms over
    the batch and the units (None when the cell has no memory separate from h). The
    model's parameter gradients are reset afterwards.
    """
    model = _check_model(model)
    outputs, cache = model.forward(inputs)
    _, doutputs = mse(outputs, np.reshape(targets, outputs.shape))
    model.zero_grad()
    model.backward(doutputs, cache)
    model.zero_grad()
    trace = cache.traces[0]
    cell_norms = None if trace.grad_cell_state is None else trace.grad_norm("cell_state")
    return {"hidden": trace.grad_norm("hidden"), "cell_state": cell_norms}


def steps_to_learn(losses, threshold: float, window: int = 25) -> int | None:
    """First training step at which the mean loss of the last ``window`` steps is below
    ``threshold``, or None if it never is."""
    losses = check_float_array(losses, "losses", ndim=1, axes="(steps,)")
    window = check_positive_int(window, "window")
    if len(losses) < window:
        return None
    smooth = np.convolve(losses, np.ones(window) / window, mode="valid")
    below = np.flatnonzero(smooth < threshold)
    return int(below[0]) + window if below.size else None


# ----- gates -----------------------------------------------------------------------------------


def memory_state(trace: Trace) -> tuple[str, np.ndarray]:
    """``(name, values (T, B, H))`` of the state a cell keeps its memory in: the cell
    state when the cell has one separate from h, else the hidden state."""
    if not isinstance(trace, Trace):
        raise TypeError(f"trace: expected an rnnlib Trace, got {type(trace).__name__}")
    if trace.cell_state is not None:
        return "cell_state", trace.cell_state
    return "hidden", trace.hidden


def gate_saturation(trace: Trace, gates, *, low: float = 0.1, high: float = 0.9) -> dict:
    """Per unit, the fraction of (real) steps each of ``gates`` is shut or wide open.

    gates: names of sigmoid gates recorded in ``trace.gates`` (a cell declares them:
    ``CELL_TYPES[model.cell_type].sigmoid_gates``). Returns ``{gate: {"low": (H,), "high": (H,)}}``:
    the fraction of time steps, over all sequences of the Trace, where the gate value is
    below ``low`` (left-saturated, blocks) or above ``high`` (right-saturated, passes
    everything), as in Karpathy, Johnson & Fei-Fei (2015).
    """
    if not isinstance(trace, Trace):
        raise TypeError(f"trace: expected an rnnlib Trace, got {type(trace).__name__}")
    low = check_fraction(low, "low")
    high = check_fraction(high, "high", inclusive_high=True)
    if not low < high:
        raise ValueError(f"high: expected a value above low={low}, got {high}")
    gates = list(gates)
    if not gates:
        raise ValueError("gates: expected the names of one or more sigmoid gates, got none")
    missing = [name for name in gates if name not in trace.gates]
    if missing:
        raise ValueError(
            f"gates: expected gates recorded in the trace {sorted(trace.gates)}, got {missing}"
        )
    weights = np.ones(trace.hidden.shape[:2]) if trace.mask is None else trace.mask
    weights = weights[..., None] / weights.sum()
    return {
        name: {
            "low": ((trace.gates[name] < low) * weights).sum(axis=(0, 1)),
            "high": ((trace.gates[name] > high) * weights).sum(axis=(0, 1)),
        }
        for name in gates
    }


# ----- classifiers -----------------------------------------------------------------------------


def predict_classes(model, split, vocab, level: str) -> np.ndarray:
    """``(N,)`` predicted class ids of a many-to-one model on ``split.texts``, or of a
    many-to-many model at each example's marked position ``split.positions``."""
    ids, mask = encode_batch(split.texts, vocab, level)
    outputs = model.predict(ids, mask)
    if outputs.ndim == 3:
        if np.any(split.positions < 0):
            raise ValueError("split: a many-to-many model needs marked positions (homonym_data)")
        outputs = outputs[split.positions, np.arange(len(split))]
    return outputs.argmax(axis=-1)


def confusion_matrix(true, predicted, num_classes: int) -> np.ndarray:
    """``(C, C)`` counts: entry ``[i, j]`` = how many examples of class i were predicted as j."""
    num_classes = check_positive_int(num_classes, "num_classes")
    true = check_index_array(true, "true", size=num_classes, ndim=1, axes="(N,)")
    predicted = check_index_array(predicted, "predicted", size=num_classes, ndim=1, axes="(N,)")
    if true.shape != predicted.shape:
        raise ValueError(
            f"predicted: expected {true.shape[0]} predictions (one per true label), got {predicted.shape[0]}"
        )
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(matrix, (true, predicted), 1)
    return matrix


def prefix_probabilities(model, vocab, text: str, level: str = "char") -> np.ndarray:
    """``(T, C)``: row t = softmax(head(h_t)), the class probabilities the model would
    give if the text stopped after token t. The last row is the model's prediction.

    For a one-directional model only (a bidirectional one has not read the future yet at
    step t, so its prefix outputs have no such meaning).
    """
    if getattr(model, "bidirectional", False) or not getattr(model, "many_to_one", False):
        raise ValueError("model: expected a one-directional many-to-one SequenceModel")
    ids, mask = encode_batch([text], vocab, level)
    _, cache = model.forward(ids, mask)
    hidden = cache.traces[-1].hidden[:, 0]  # (T, H): the top layer's state after each step
    logits, _ = model.head.forward(hidden)
    return softmax(logits)


def accuracy(predicted, gold, masks=None) -> float:
    """Share of tokens predicted correctly, over all sequences (or over the tokens where
    ``masks[i]`` is True, e.g. the ambiguous ones). predicted, gold: lists of ``(T_i,)``."""
    for name, value in (("predicted", predicted), ("gold", gold)):
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple, np.ndarray)):
            raise TypeError(f"{name}: expected a list of tag sequences, got {type(value).__name__}")
    if len(predicted) != len(gold):
        raise ValueError(
            f"predicted: expected {len(gold)} sequences like gold, got {len(predicted)}"
        )
    correct = total = 0
    for k, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        p, g = np.asarray(p), np.asarray(g)
        if p.shape != g.shape:
            raise ValueError(f"predicted[{k}]: expected shape {g.shape} like gold, got {p.shape}")
        keep = np.ones(g.shape, dtype=bool) if masks is None else np.asarray(masks[k], dtype=bool)
        if keep.shape != g.shape:
            raise ValueError(f"masks[{k}]: expected shape {g.shape}, got {keep.shape}")
        correct += int(np.sum((p == g) & keep))
        total += int(keep.sum())
    if total == 0:
        raise ValueError("masks: expected at least one selected token, got none")
    return correct / total


# ----- embeddings and forecasts ------------------------------------------------------------------


def project_2d(vectors):
    """PCA through the SVD: ``vectors (V, D)`` -> ``(coordinates (V, 2), explained (2,))``.

    Centre the rows, ``X - mean = U S V^T``; the coordinates are ``U[:, :2] S[:2]`` (the
    projections on the two main directions) and ``explained`` the share of the variance
    along each, ``S_k^2 / sum S^2``.
    """
    vectors = check_float_array(vectors, "vectors", ndim=2, axes="(V, D)")
    if vectors.shape[0] < 2 or vectors.shape[1] < 2:
        raise ValueError(
            f"vectors: expected at least 2 rows and 2 columns, got shape {vectors.shape}"
        )
    centred = vectors - vectors.mean(axis=0)
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    coordinates = u[:, :2] * s[:2]
    # fix the sign of each axis (an SVD direction is only defined up to sign)
    signs = np.sign(coordinates[np.abs(coordinates).argmax(axis=0), [0, 1]])
    explained = s[:2] ** 2 / max(float(np.sum(s**2)), 1e-300)
    return coordinates * signs, explained


def cosine_similarities(vectors) -> np.ndarray:
    """``(W, W)`` cosine similarity ``u.v / (|u| |v|)`` between the rows of ``vectors (W, D)``."""
    vectors = check_float_array(vectors, "vectors", ndim=2, axes="(W, D)")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    if np.any(norms == 0):
        raise ValueError("vectors: expected no all-zero row (its cosine is undefined)")
    unit = vectors / norms
    return unit @ unit.T


def nearest_words(vectors, words, word: str, k: int = 3) -> list[str]:
    """The ``k`` words (other than ``word``) whose rows of ``vectors (W, D)`` have the
    highest cosine similarity with ``word``'s row; ``words`` names the rows."""
    k = check_positive_int(k, "k")
    words = list(words)
    if word not in words:
        raise ValueError(f"word: expected one of the {len(words)} words, got {word!r}")
    similarity = cosine_similarities(vectors)[words.index(word)]
    order = [i for i in np.argsort(-similarity, kind="stable") if words[i] != word]
    return [words[i] for i in order[:k]]


def nrmse(pred, truth) -> float:
    """``sqrt(mean((pred - truth)^2)) / std(truth)`` (1.0 = no better than the mean)."""
    pred, truth = np.asarray(pred, dtype=np.float64), np.asarray(truth, dtype=np.float64)
    if pred.shape != truth.shape:
        raise ValueError(f"pred: expected shape {truth.shape} like truth, got {pred.shape}")
    return float(np.sqrt(np.mean((pred - truth) ** 2)) / np.std(truth))


def nrmse_by_context(predict, series, first_target: int, contexts) -> dict[int, float]:
    """One-step NRMSE of ``predict`` when it reads windows of each length in ``contexts``.

    Every context length is scored on the same targets, ``series[first_target:]``: the
    windows of length ``c`` are those of :func:`rnnlib.data.series.windows` over
    ``series[first_target - c:]``. ``predict(inputs (c, N, 1)) -> (N, 1)``. Returns
    ``{c: NRMSE}``.
    """
    series = check_float_array(series, "series", ndim=1, axes="(T,)")
    scores = {}
    for context in contexts:
        context = check_positive_int(context, "contexts")
        if context > first_target:
            raise ValueError(
                f"contexts: expected lengths up to first_target = {first_target}, got {context}"
            )
        inputs, targets = windows(series[first_target - context :], context)
        scores[context] = nrmse(predict(inputs), targets)
    return scores
