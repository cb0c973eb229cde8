"""Explorers of a vanilla RNN reading text: its hidden states and next-character outputs.

* :func:`hidden_state_explorer` - feed a text to a next-character model and step through
  it: the hidden state so far as a heat strip, the predicted next character as bars.
* :func:`softmax_explorer` - move the scores and the temperature, watch the softmax.

Both return an :class:`rnnlib.widgets.Explorer`; a notebook cell calling one is one line.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from .._checks import check_float_array
from ..functional import softmax
from ..generate import check_char_model
from ..i18n import tr
from ..viz import new_figure
from ..viz.rnn import plot_hidden_strip, plot_output_bars, plot_softmax
from . import Explorer, fixed_layout

__all__ = ["hidden_state_explorer", "softmax_explorer"]


def _check_texts(texts) -> list[str]:
    if isinstance(texts, str):
        texts = [texts]
    if not isinstance(texts, (list, tuple)) or not texts:
        raise TypeError(
            f"texts: expected a string or a non-empty list of strings, got {texts!r:.60}"
        )
    for k, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            raise ValueError(f"texts[{k}]: expected a non-empty string, got {text!r:.60}")
    return list(texts)


class _TextRun:
    """Hidden states and next-character probabilities of a model on texts, memoised
    (computed the first time a text is shown: retrain the model, build a new explorer)."""

    def __init__(self, model, vocab):
        self.model, self.vocab, self.memo = model, vocab, {}

    def unknown(self, text: str) -> list[str]:
        return list(dict.fromkeys(ch for ch in text if ch not in self.vocab))

    def __call__(self, text: str):
        """text -> ``(hidden (T, H), probs (T, C))`` of the top recurrent layer."""
        if text not in self.memo:
            if len(self.memo) >= 256:  # typing many texts: keep the memory bounded
                self.memo.clear()
            ids = self.vocab.encode(text)[:, None]
            logits, cache = self.model.forward(ids)
            hidden = cache.traces[-1].hidden[:, 0].copy()
            self.memo[text] = hidden, softmax(logits[:, 0])
        return self.memo[text]


def _message_figure(message: str):
    fig, ax = new_figure(1, 1, figsize=(8, 1.6))
    fig.set_layout_engine(None)  # one line of text: no layout pass
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, wrap=True)
    return fig


def hidden_state_explorer(model, vocab, texts) -> Explorer:
    """Step through a text read by a next-character model.

    model: a many-to-many :class:`~rnnlib.models.SequenceModel` reading character ids
    (``vocab_size = output_size = len(vocab)``). vocab: the :class:`Vocabulary`. texts: one
    string (shown in an editable text box) or a list of strings (a dropdown).

    Left: the hidden state ``h_1..h_t`` as a heat strip (one column per step read). Right:
    the output distribution ``p(x_{t+1} | x_1..x_t)`` at step t as bars labelled by the
    characters, the true next character (when the text has one) hatched. Characters not in
    the vocabulary produce a message in the note, not an error.
    """
    check_char_model(model, vocab)
    texts = _check_texts(texts)
    run = _TextRun(model, vocab)
    labels = [str(token) for token in vocab.tokens]
    if len(texts) == 1:
        text_control = widgets.Text(
            value=texts[0],
            description=tr("input text"),
            continuous_update=False,
            style={"description_width": "initial"},
        )
    else:
        text_control = widgets.Dropdown(options=texts, value=texts[0], description=tr("input text"))
    step_control = widgets.IntSlider(
        value=len(texts[0]), min=1, max=len(texts[0]), description=tr("step t")
    )

    def follow_length(change):  # registered before the Explorer's own observer: runs first
        # a new text: the step range is its length, and the picture shows all of it
        length = max(1, len(change["new"]))
        if length > step_control.max:
            step_control.max = length
            step_control.value = length
        else:
            step_control.value = length
            step_control.max = length

    text_control.observe(follow_length, names="value")

    def draw(text, step):
        if not text:
            return _message_figure(tr("Type some characters.")), tr("The text box is empty.")
        unknown = run.unknown(text)
        if unknown:
            known = ", ".join(repr(t) for t in labels)
            shown = ", ".join(repr(ch) for ch in unknown)
            note = tr(
                "<b>Not in the vocabulary:</b> {unknown}. This model only knows the "
                "characters {known}; remove the others to see its hidden states.",
                unknown=html.escape(shown),
                known=html.escape(known),
            )
            return _message_figure(tr("Unknown characters: {chars}", chars=shown)), note
        step = min(step, len(text))
        hidden, probs = run(text)
        fig, (left, right) = new_figure(1, 2, figsize=(10.5, 4.0), width_ratios=[3, 2])
        fixed_layout(fig, left=0.07, right=0.98, bottom=0.22, top=0.9, wspace=0.2)
        plot_hidden_strip(
            hidden,
            list(text),
            upto=step,
            ax=left,
            annotate=False,  # the values of h_t go in the note: text in cells is slow to draw
            colorbar=False,
            title=tr(
                "Hidden states {states} after reading {text}",
                states=f"$h_1 \\dots h_{{{step}}}$",
                text=repr(text[:step]),
            ),
        )
        target = text[step] if step < len(text) else None
        plot_output_bars(
            probs[step - 1],
            labels,
            target=target,
            ax=right,
            title=tr("Step {step}: p(next character | {text})", step=step, text=repr(text[:step])),
        )
        best = labels[int(np.argmax(probs[step - 1]))]
        note = tr(
            "Read {text}: most likely next {best} (p = {p})",
            text=f"<code>{html.escape(text[:step])}</code>",
            best=f"<code>{html.escape(best)}</code>",
            p=f"{probs[step - 1].max():.2f}",
        )
        if target is not None:
            note += tr(
                "; the text continues with {target} ({verdict}).",
                target=f"<code>{html.escape(target)}</code>",
                verdict=tr("right") if best == target else tr("wrong"),
            )
        values = ", ".join(f"{v:+.2f}" for v in hidden[step - 1][:16])
        more = ", ..." if hidden.shape[1] > 16 else ""
        note += f"<br>h<sub>{step}</sub> = [{values}{more}]"
        return fig, note

    return Explorer(
        draw,
        {"text": text_control, "step": step_control},
        title=tr("Hidden-state explorer: what the RNN remembers, step by step"),
    )


def softmax_explorer(logits=(2.0, 1.0, 0.1, -1.0), labels=None) -> Explorer:
    """Sliders for each score ``z_k`` and for the temperature T; bars of ``softmax(z / T)``.

    logits: the starting scores ``(C,)`` (2 to 8 classes). labels: C class names.
    """
    logits = check_float_array(logits, "logits", ndim=1, axes="(C,)")
    if not 2 <= logits.size <= 8:
        raise ValueError(f"logits: expected 2 to 8 scores, got {logits.size}")
    labels = [tr("class {k}", k=k) for k in range(logits.size)] if labels is None else list(labels)
    if len(labels) != logits.size:
        raise ValueError(
            f"labels: expected {logits.size} labels (one per score), got {len(labels)}"
        )
    controls = {
        f"z{k}": widgets.FloatSlider(
            value=float(np.clip(z, -5, 5)),
            min=-5.0,
            max=5.0,
            step=0.1,
            description=tr("score {label}", label=labels[k]),
            style={"description_width": "initial"},
        )
        for k, z in enumerate(logits)
    }
    controls["temperature"] = widgets.FloatLogSlider(
        value=1.0, base=10, min=-1, max=1, step=0.05, description=tr("temperature T")
    )

    def draw(temperature, **scores):
        z = np.array([scores[f"z{k}"] for k in range(len(labels))])
        probs = softmax(z, temperature=temperature)
        fig, axes = new_figure(1, 2, figsize=(10.5, 3.6))
        fixed_layout(fig, left=0.08, right=0.98, bottom=0.16, top=0.9, wspace=0.25)
        plot_softmax(z, temperature, labels, score_range=(-5.5, 5.5), axes=axes)
        entropy = float(-(probs * np.log(np.maximum(probs, 1e-300))).sum())
        note = tr(
            "sum of probabilities = {total}; largest = {largest}; entropy = {entropy} nats "
            "(uniform: {uniform}). Adding the same number to every score changes nothing.",
            total=f"{probs.sum():.3f}",
            largest=f"{probs.max():.2f}",
            entropy=f"{entropy:.2f}",
            uniform=f"{np.log(len(labels)):.2f}",
        )
        return fig, note

    return Explorer(draw, controls, title=tr("Softmax and temperature"))
