"""Baselines a recurrent net must beat: what you get without one.

* :class:`CharBigramClassifier` - naive Bayes over character bigrams (sequence
  classification); :class:`BagOfWordsClassifier` - softmax regression on word counts;
* :func:`adding_baseline` - the MSE of always answering 1 on the adding problem;
* :func:`persistence` and :class:`LinearAR` - one-step forecasts: "tomorrow = today" and
  a least-squares linear autoregression.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._checks import (
    check_float_array,
    check_index_array,
    check_nonnegative_float,
    check_positive_float,
    check_positive_int,
)
from .functional import log_softmax, softmax
from .layers import Dense
from .losses import softmax_cross_entropy
from .optim import Adam

__all__ = [
    "CharBigramClassifier",
    "BagOfWordsClassifier",
    "adding_baseline",
    "persistence",
    "LinearAR",
]

START, END = "^", "$"


def _check_texts(texts, name="texts"):
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise TypeError(f"{name}: expected a list of strings, got {type(texts).__name__}")
    for k, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            raise ValueError(f"{name}[{k}]: expected a non-empty string, got {text!r}")
    return list(texts)


def _check_labels(labels, texts, num_classes):
    num_classes = check_positive_int(num_classes, "num_classes", minimum=2)
    labels = check_index_array(labels, "labels", size=num_classes, ndim=1, axes="(N,)")
    if len(labels) != len(texts):
        raise ValueError(f"labels: expected {len(texts)} labels (one per text), got {len(labels)}")
    return labels, num_classes


class CharBigramClassifier:
    """Naive Bayes over character bigrams (see the module docstring).

    ``fit(names, labels, num_classes)``, then ``predict_proba(names) -> (N, C)``,
    ``predict(names) -> (N,)`` and ``prefix_proba(name) -> (len(name), C)``: the class
    probabilities after reading each prefix of the name.
    """

    def __init__(self, alpha: float = 0.1):
        self.alpha = check_positive_float(alpha, "alpha")
        self.log_prior = None

    def fit(self, names: Sequence[str], labels, num_classes: int) -> CharBigramClassifier:
        names = _check_texts(names, "names")
        labels, num_classes = _check_labels(labels, names, num_classes)
        self.alphabet = sorted({c for name in names for c in name} | {START, END})
        self.index = {c: i for i, c in enumerate(self.alphabet)}
        size = len(self.alphabet) + 1  # + one slot for characters never seen in training
        counts = np.zeros((num_classes, size, size))
        for name, label in zip(names, labels, strict=True):
            ids = self._ids(name)
            np.add.at(counts[label], (ids[:-1], ids[1:]), 1.0)
        #: log p(next | previous, class), shape (C, A+1, A+1)
        self.log_transition = np.log(counts + self.alpha) - np.log(
            counts.sum(axis=2, keepdims=True) + self.alpha * size
        )
        per_class = np.bincount(labels, minlength=num_classes)
        self.log_prior = np.log(per_class + 1.0) - np.log(len(labels) + num_classes)
        self.counts = counts
        return self

    def _ids(self, name: str) -> np.ndarray:
        unknown = len(self.alphabet)
        return np.array([self.index.get(c, unknown) for c in START + name + END])

    def _check_fitted(self):
        if self.log_prior is None:
            raise ValueError("CharBigramClassifier: call fit(names, labels, num_classes) first")

    def log_scores(self, name: str, end: bool = True) -> np.ndarray:
        """Cumulative ``log p(class) + Σ log p(c_t | c_{t-1}, class)`` after each step:
        shape ``(len(name) + end, C)``; the last row scores the whole name."""
        self._check_fitted()
        if not isinstance(name, str) or not name:
            raise TypeError(f"name: expected a non-empty string, got {name!r:.40}")
        ids = self._ids(name)
        if not end:
            ids = ids[:-1]
        steps = self.log_transition[:, ids[:-1], ids[1:]]  # (C, steps)
        return self.log_prior + np.cumsum(steps.T, axis=0)

    def predict_proba(self, names: Sequence[str]) -> np.ndarray:
        """``(N, C)`` posterior class probabilities of whole names (with the end mark)."""
        names = _check_texts(names, "names")
        return softmax(np.stack([self.log_scores(name)[-1] for name in names]))

    def predict(self, names: Sequence[str]) -> np.ndarray:
        return self.predict_proba(names).argmax(axis=1)

    def prefix_proba(self, name: str) -> np.ndarray:
        """``(len(name), C)``: row t = p(class | first t+1 characters), end not yet seen."""
        _check_texts([name], "name")
        return softmax(self.log_scores(name, end=False))


class BagOfWordsClassifier:
    """Softmax regression on word counts (order-blind), trained by full-batch Adam.

    Starts from zero weights, so training is deterministic. ``l2`` is the weight decay
    that keeps weights finite on separable data.
    """

    def __init__(self, steps: int = 300, lr: float = 0.1, l2: float = 1e-3):
        self.steps = check_positive_int(steps, "steps")
        self.lr = check_positive_float(lr, "lr")
        self.l2 = check_nonnegative_float(l2, "l2")
        self.layer = None

    def counts(self, sentences: Sequence[str]) -> np.ndarray:
        """``(N, V)``: how often each training word occurs in each sentence (unknown words ignored)."""
        sentences = _check_texts(sentences, "sentences")
        if self.layer is None:
            raise ValueError("BagOfWordsClassifier: call fit(sentences, labels, num_classes) first")
        x = np.zeros((len(sentences), len(self.words)))
        for n, sentence in enumerate(sentences):
            for word in sentence.split():
                if word in self.index:
                    x[n, self.index[word]] += 1.0
        return x

    def fit(self, sentences: Sequence[str], labels, num_classes: int) -> BagOfWordsClassifier:
        sentences = _check_texts(sentences, "sentences")
        labels, num_classes = _check_labels(labels, sentences, num_classes)
        words = sorted({word for s in sentences for word in s.split()})
        if not words:
            raise ValueError("sentences: expected at least one word, got only white space")
        self.words = words
        self.index = {word: i for i, word in enumerate(self.words)}
        self.layer = Dense(len(self.words), num_classes, rng=0)
        for param in self.layer.params.values():
            param[...] = 0.0
        x = self.counts(sentences)
        optimizer = Adam(self.layer, lr=self.lr)
        self.loss = []
        for _ in range(self.steps):
            optimizer.zero_grad()
            self.loss.append(self.loss_and_gradients(x, labels))
            optimizer.step()
        return self

    def loss_and_gradients(self, counts, labels) -> float:
        """``L = cross_entropy(W counts + b, labels) + l2/2 ||W||^2``; adds dL/dW, dL/db
        to ``self.layer.grads`` and returns L."""
        logits, cache = self.layer.forward(counts)
        loss, dlogits = softmax_cross_entropy(logits, labels)
        self.layer.backward(dlogits, cache)
        weights = self.layer.params["W"]
        self.layer.grads["W"] += self.l2 * weights
        return float(loss + 0.5 * self.l2 * np.sum(weights**2))

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        """``(N, C)`` class probabilities."""
        counts = self.counts(sentences)  # raises if fit has not been called
        logits, _ = self.layer.forward(counts)
        return np.exp(log_softmax(logits))

    def predict(self, sentences: Sequence[str]) -> np.ndarray:
        return self.predict_proba(sentences).argmax(axis=1)


# ----- the adding problem ----------------------------------------------------------------------


def adding_baseline(targets) -> float:
    """MSE of always predicting 1 (the mean of a sum of two Uniform(0, 1) numbers).

    Its expectation is ``Var(u1 + u2) = 2/12 = 1/6``; on a finite set it is the
    measured ``mean((y - 1)^2)``, which this returns.
    """
    targets = check_float_array(targets, "targets")
    return float(np.mean((targets - 1.0) ** 2))


# ----- forecasting -----------------------------------------------------------------------------


def persistence(inputs):
    """Predict the last value of each window: ``inputs (T, N, 1) -> (N, 1)``."""
    return np.asarray(inputs)[-1]


class LinearAR:
    """``x_t ~ w . (x_{t-p}, ..., x_{t-1}) + c``, fitted by least squares on windows."""

    def __init__(self, order: int):
        self.order = check_positive_int(order, "order")
        self.weights = None

    def fit(self, inputs, targets) -> LinearAR:
        inputs = check_float_array(inputs, "inputs", ndim=3, axes="(T, N, 1)")
        if inputs.shape[0] < self.order:
            raise ValueError(
                f"inputs: expected windows of at least order={self.order} steps, got {inputs.shape[0]}"
            )
        design = self._design(inputs)
        self.weights, *_ = np.linalg.lstsq(design, np.asarray(targets)[:, 0], rcond=None)
        return self

    def _design(self, inputs):
        lags = inputs[-self.order :, :, 0].T  # (N, order), oldest first
        return np.hstack([lags, np.ones((lags.shape[0], 1))])

    def __call__(self, inputs):
        if self.weights is None:
            raise ValueError("LinearAR: call fit(inputs, targets) before predicting")
        return (self._design(np.asarray(inputs)) @ self.weights)[:, None]
