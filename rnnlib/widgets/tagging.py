"""Trellis explorer: pick a sentence, compare the RNN alone with the hybrid decoder."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..i18n import tr
from ..tagging import Transitions, scaled_log_likelihoods, viterbi
from ..viz.tagging import plot_trellis
from . import Explorer

__all__ = ["trellis_explorer"]

#: The decoding modes: label (English; shown in the current language) -> value.
MODES = {
    "RNN only (argmax)": "rnn",
    "RNN + transitions (hybrid)": "hybrid",
}


def trellis_explorer(
    sentences,
    log_posteriors,
    prior,
    transitions: Transitions,
    tag_names,
    *,
    gold=None,
    title: str | None = None,
) -> Explorer:
    """An :class:`Explorer` over a few sentences.

    sentences: lists of words; log_posteriors: the RNN's ``log p(tag | sentence)``
    ``(T_i, K)`` for each; prior ``(K,)`` and transitions: counted on the training data;
    gold: optional true tag ids per sentence. Controls: ``sentence`` (a dropdown) and
    ``mode``: "rnn" decodes the posteriors with no transitions (each word on its own:
    the back-pointers all point at the previous column's leader), "hybrid" decodes
    the scaled likelihoods ``log p(tag | x) - log p(tag)`` with the transitions.
    Both trellises of every sentence are computed up front; a redraw only plots.
    title: None for "Viterbi trellis explorer" (in the current language).
    """
    if len(sentences) != len(log_posteriors) or not sentences:
        raise ValueError(
            f"log_posteriors: expected one (T, K) array per sentence ({len(sentences)}), "
            f"got {len(log_posteriors)}"
        )
    neutral = Transitions.neutral(transitions.num_tags)
    decoded = {
        "rnn": [viterbi(lp, neutral) for lp in log_posteriors],
        "hybrid": [
            viterbi(scaled_log_likelihoods(lp, prior), transitions) for lp in log_posteriors
        ],
    }
    for k, (words, result) in enumerate(zip(sentences, decoded["rnn"], strict=True)):
        if len(words) != len(result.path):
            raise ValueError(
                f"log_posteriors[{k}]: expected {len(words)} rows, got {len(result.path)}"
            )
    options = [(f"{k}: {' '.join(words)}", k) for k, words in enumerate(sentences)]
    controls = {
        "sentence": widgets.Dropdown(
            options=options,
            value=0,
            description=tr("sentence"),
            layout=widgets.Layout(width="440px"),
        ),
        "mode": widgets.ToggleButtons(
            options=[(tr(label), mode) for label, mode in MODES.items()], value="rnn"
        ),
    }

    def draw(sentence, mode):
        result = decoded[mode][sentence]
        truth = None if gold is None else np.asarray(gold[sentence])
        label = (
            tr("RNN only: each word on its own")
            if mode == "rnn"
            else tr("hybrid: RNN / prior + transitions")
        )
        steps = len(sentences[sentence])
        ax = plot_trellis(
            result,
            sentences[sentence],
            tag_names,
            gold=truth,
            title=tr("Viterbi trellis, {mode}", mode=label),
            figsize=(min(10.5, max(8.5, 0.95 * steps + 3.0)), 5.0),
        )
        other = decoded["hybrid" if mode == "rnn" else "rnn"][sentence].path
        changed = [sentences[sentence][t] for t in np.flatnonzero(other != result.path)]
        tags = " ".join(
            f"{w}/<b>{tag_names[k]}</b>"
            for w, k in zip(sentences[sentence], result.path, strict=True)
        )
        note = f"{tr('Hybrid') if mode == 'hybrid' else tr('RNN only')}: {tags}"
        if truth is not None:
            note += " &nbsp; " + tr(
                "({correct}/{total} correct)",
                correct=int((truth == result.path).sum()),
                total=len(truth),
            )
        if changed:
            note += "<br>" + tr(
                "The other mode tags differently: {words}", words=", ".join(changed)
            )
        return ax.figure, note

    return Explorer(draw, controls, title=title or tr("Viterbi trellis explorer"))
