"""Checks for chapter 7 (sequence tagging): counting transitions, Viterbi, scaled likelihoods.

Each check prints "Correct" or what is wrong and why (through :func:`feedback`), and
returns True or False; it never raises for a wrong or unattempted answer.
"""

from __future__ import annotations

import itertools

import numpy as np

from ..i18n import tr
from ..tagging import Transitions, path_score, viterbi
from . import call_learner, feedback

__all__ = ["check_transition_counts", "check_viterbi", "check_scaled_likelihoods"]


def _true_counts(tag_sequences, num_tags: int) -> np.ndarray:
    counts = np.zeros((num_tags, num_tags))
    for sequence in tag_sequences:
        for previous, current in itertools.pairwise(sequence):
            counts[previous, current] += 1
    return counts


def check_transition_counts(answer, tag_sequences, num_tags: int) -> bool:
    """``answer[i, j]`` should count how often tag ``j`` directly follows tag ``i``
    inside a sentence (pairs never cross from one sentence into the next)."""
    title = tr("Exercise 1 (transition counts)")
    if answer is None:
        return feedback(title, [tr("answer is None: build the (K, K) count matrix first.")])
    answer = np.asarray(answer, dtype=float)
    expected = _true_counts(tag_sequences, num_tags)
    problems = []
    if answer.shape != expected.shape:
        problems.append(
            tr(
                "expected a ({K}, {K}) matrix (previous tag x next tag), got shape {shape}.",
                K=num_tags,
                shape=answer.shape,
            )
        )
    elif not np.allclose(answer, expected):
        if np.allclose(answer, expected.T):
            problems.append(
                tr(
                    "your matrix is transposed: row i should be the PREVIOUS tag and column j "
                    "the NEXT tag, so that row i lists where tag i goes."
                )
            )
        elif np.allclose(answer.sum(axis=1), 1.0) or np.isclose(answer.sum(), num_tags):
            problems.append(
                tr(
                    "these look like probabilities: the exercise asks for raw counts "
                    "(normalising comes next)."
                )
            )
        elif answer.sum() > expected.sum():
            problems.append(
                tr(
                    "you counted {got:.0f} pairs but the sentences hold only {want:.0f}: do "
                    "not pair the last tag of one sentence with the first tag of the next.",
                    got=answer.sum(),
                    want=expected.sum(),
                )
            )
        else:
            i, j = np.argwhere(~np.isclose(answer, expected))[0]
            problems.append(
                tr(
                    "entry [{i}, {j}] is {got:g} but tag {j} follows tag {i} {want:g} times.",
                    i=i,
                    j=j,
                    got=answer[i, j],
                    want=expected[i, j],
                )
            )
    return feedback(title, problems)


def _cases():
    """Small decoding problems where the greedy per-token argmax is wrong."""
    rng = np.random.default_rng(7)
    cases = []
    while len(cases) < 5:
        steps, num_tags = int(rng.integers(3, 6)), int(rng.integers(2, 4))
        scores = rng.normal(0, 1.5, size=(steps, num_tags))
        log_transition = np.log(rng.dirichlet(np.full(num_tags, 0.5), size=num_tags))
        log_start = np.log(rng.dirichlet(np.ones(num_tags)))
        transitions = Transitions(log_start, log_transition, np.zeros(num_tags))
        best = viterbi(scores, transitions).path
        if not np.array_equal(best, scores.argmax(axis=1)):
            cases.append((scores, log_transition, log_start, transitions, best))
    return cases


def check_viterbi(decode) -> bool:
    """``decode(scores (T, K), log_transition (K, K), log_start (K,)) -> path (T,)`` must
    return the tag path maximising ``log_start[y_0] + sum_t scores[t, y_t] +
    sum_t log_transition[y_{t-1}, y_t]`` (no end term)."""
    title = tr("Exercise 2 (Viterbi)")
    problems = []
    for number, (scores, log_transition, log_start, transitions, best) in enumerate(_cases()):
        path, problem = call_learner(decode, scores.copy(), log_transition.copy(), log_start.copy())
        if problem:
            problems.append(tr("case {number}: {problem}", number=number, problem=problem))
            break
        path = np.asarray(path).astype(int).ravel()
        if path.shape != best.shape:
            problems.append(
                tr(
                    "case {number}: expected a path of {n} tags (one per word), got shape {shape}.",
                    number=number,
                    n=len(best),
                    shape=path.shape,
                )
            )
            break
        if np.array_equal(path, best):
            continue
        if np.array_equal(path, scores.argmax(axis=1)):
            problems.append(
                tr(
                    "case {number}: you took the best tag at each word on its own (greedy); "
                    "Viterbi keeps, for every tag, the best path that ends there and adds the "
                    "transition scores.",
                    number=number,
                )
            )
        elif np.array_equal(path[::-1], best):
            problems.append(
                tr(
                    "case {number}: the path is reversed: following the back-pointers walks "
                    "from the last word to the first, so reverse it at the end.",
                    number=number,
                )
            )
        else:
            mine, optimum = (
                path_score(path, scores, transitions),
                path_score(best, scores, transitions),
            )
            problems.append(
                tr(
                    "case {number}: your path {path} scores {mine:.3f}, but {best} scores "
                    "{optimum:.3f}.",
                    number=number,
                    path=path.tolist(),
                    mine=mine,
                    best=best.tolist(),
                    optimum=optimum,
                )
            )
        break
    return feedback(title, problems)


def check_scaled_likelihoods(answer, log_posteriors, prior) -> bool:
    """``answer`` should be ``log p(tag | x) - log p(tag)``, shape ``(T, K)``."""
    title = tr("Exercise 3 (scaled likelihoods)")
    if answer is None:
        return feedback(title, [tr("answer is None: compute the scaled log-likelihoods first.")])
    answer = np.asarray(answer, dtype=float)
    log_posteriors = np.asarray(log_posteriors, dtype=float)
    prior = np.asarray(prior, dtype=float)
    expected = log_posteriors - np.log(prior)
    problems = []
    if answer.shape != expected.shape:
        problems.append(
            tr(
                "expected shape {want} (T, K), got {shape}.",
                want=expected.shape,
                shape=answer.shape,
            )
        )
    elif not np.allclose(answer, expected):
        if np.allclose(answer, log_posteriors + np.log(prior)):
            problems.append(
                tr(
                    "you multiplied by the prior (added its log): Bayes' rule DIVIDES the "
                    "posterior by the prior, so subtract log p(tag)."
                )
            )
        elif np.allclose(answer, np.exp(log_posteriors) / prior):
            problems.append(
                tr(
                    "right ratio, but in probability space: Viterbi adds log scores, so "
                    "return log p(tag | x) - log p(tag)."
                )
            )
        elif np.allclose(answer, log_posteriors - prior):
            problems.append(tr("subtract the LOG of the prior, not the prior itself."))
        else:
            problems.append(
                tr(
                    "not log p(tag | x) - log p(tag): check that you subtract np.log(prior) "
                    "from every row."
                )
            )
    return feedback(title, problems)
