"""Attention explorer: pick or type an input, step through its decoding, greedy or beam."""

from __future__ import annotations

import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from ..i18n import tr
from ..seq2seq import translate
from ..viz import new_axes
from ..viz.attention import plot_attention
from . import Explorer

__all__ = ["attention_explorer"]

#: The ways of decoding, by the value the search control takes (its label is the
#: English key in the current language).
SEARCHES = {"greedy": None, "beam": "beam"}


def _hypotheses_table(task, hypotheses, chosen: int) -> str:
    rows = "".join(
        f"<tr{' style=&quot;font-weight:bold&quot;' if k == chosen else ''}>"
        f"<td>{k + 1}</td><td><code>{html.escape(task.decode_target(h.tokens))}</code></td>"
        f"<td>{h.log_prob:.3f}</td><td>{h.score:.3f}</td>"
        f"<td>{tr('yes') if h.finished else tr('no')}</td></tr>"
        for k, h in enumerate(hypotheses)
    ).replace("&quot;", '"')
    return (
        f"<table><tr><th>#</th><th>{tr('output')}</th><th>log p</th>"
        f"<th>{tr('score (log p / length)')}</th><th>{tr('ended')}</th></tr>{rows}</table>"
    )


def attention_explorer(
    model, task, examples, *, max_beam_width: int = 5, title: str | None = None
) -> Explorer:
    """An :class:`Explorer` over ``model`` (a :class:`~rnnlib.seq2seq.Seq2Seq` with
    attention) and ``task`` (its :class:`~rnnlib.data.pairs.PairTask`).

    Controls: ``example`` (a dropdown of ``examples``), ``text`` (type your own input;
    when not empty it replaces the example; press Enter), ``step`` (how many output
    tokens have been written: the heatmap shows the rows so far and outlines the
    current one), ``search`` (greedy or beam) and ``beam_width``. The note shows the
    output so far and, for beam search, every hypothesis with its log-probability and
    length-normalised score. Decodings are cached: a redraw after the first only plots.
    An input the vocabulary cannot encode shows the error message instead of a heatmap.
    title: None for "Attention explorer" (in the current language).
    """
    examples = list(examples)
    if not examples:
        raise ValueError("examples: expected at least one input string, got none")
    if model.attention is None:
        raise ValueError("model: expected a Seq2Seq with attention, got one without")
    cache = {}

    def decode(text, search, beam_width):
        key = (text, search, beam_width if search == "beam" else None)
        if key not in cache:
            width = beam_width if search == "beam" else None
            cache[key] = translate(model, task, text, beam_width=width)
        return cache[key]

    longest = max(len(decode(e, "greedy", 1)[0].attention) for e in examples)
    controls = {
        "example": widgets.Dropdown(
            options=examples,
            value=examples[0],
            description=tr("input"),
            layout=widgets.Layout(width="420px"),
        ),  # fmt: skip
        "text": widgets.Text(
            value="",
            placeholder=tr("or type your own, then Enter"),
            description=tr("type"),
            continuous_update=False,
            layout=widgets.Layout(width="360px"),
        ),  # fmt: skip
        "step": widgets.IntSlider(
            value=longest, min=1, max=longest, description=tr("step"), continuous_update=False
        ),
        "search": widgets.ToggleButtons(
            options=[(tr(search), search) for search in SEARCHES], value="greedy"
        ),
        "beam_width": widgets.IntSlider(
            value=3, min=1, max=max_beam_width, description=tr("beam k"), continuous_update=False
        ),
    }

    def follow_search(_change=None):  # beam k matters only for beam search
        controls["beam_width"].disabled = controls["search"].value != "beam"

    follow_search()
    controls["search"].observe(follow_search, names="value")

    def draw(example, text, step, search, beam_width):
        source = text.strip() or example
        try:
            hypotheses = decode(source, search, beam_width)
        except ValueError as error:
            fig, ax = new_axes(figsize=(6.0, 1.6))
            ax.axis("off")
            ax.text(0.5, 0.5, tr("cannot encode this input (see the message below)"), ha="center")
            return fig, f"<b style='color:#b00'>{html.escape(str(error))}</b>"
        best = hypotheses[0]
        outputs = [task.target_vocab.tokens[t] for t in best.tokens]
        if best.finished:
            outputs.append("</s>")
        shown = min(step, len(outputs))
        weights = np.array(best.attention[: len(outputs)], dtype=float)
        weights[shown:] = np.nan
        labels = [tok if k < shown else "\u00b7" for k, tok in enumerate(outputs)]
        # a fixed layout (no constrained layout): most of a redraw is laying out text
        # at most 10.5 x 5 inches (rnnlib.widgets.MAX_FIGURE_PX at 80 dpi)
        fig = plt.figure(
            figsize=(min(10.5, 3.0 + 0.3 * len(source)), min(5.0, 1.6 + 0.3 * len(outputs)))
        )
        ax = fig.add_axes((0.12, 0.28, 0.78, 0.6))
        plot_attention(
            weights,
            task.source_tokens(source),
            labels,
            highlight=shown - 1,
            title=f"{tr(search)}{'' if search == 'greedy' else f' (k={beam_width})'}: "
            + tr("step {step} of {total}", step=shown, total=len(outputs)),
            ax=ax,
        )
        so_far = "".join(t for t in outputs[:shown] if t != "</s>")
        note = tr(
            "input {source} &rarr; output so far {output}; the outlined row is step {step}: "
            "where the decoder looked to write {token}",
            source=f"<code>{html.escape(source)}</code>",
            output=f"<code>{html.escape(so_far)}</code>",
            step=shown,
            token=f"<code>{html.escape(outputs[shown - 1])}</code>",
        )
        if search == "beam":
            note += "<br>" + _hypotheses_table(task, hypotheses, 0)
        return fig, note

    return Explorer(draw, controls, title or tr("Attention explorer"))
