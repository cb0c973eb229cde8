"""Explorer of a classifier reading a text: :func:`name_explorer` shows the class
probabilities of the RNN and of the bigram baseline, and how they evolve token by token."""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from ..analysis import prefix_probabilities
from ..data.classification import tokenize
from ..viz import new_figure
from ..viz.classification import plot_class_probabilities
from . import Explorer, fixed_layout

__all__ = ["name_explorer"]


def name_explorer(
    model,
    vocab,
    classes,
    baseline=None,
    name: str = "rossi",
    title: str = "Name -> language: probabilities while reading",
) -> Explorer:
    """A text box for a name and a model selector; shows how p(language | prefix) evolves
    character by character for the chosen model (left, one colour per language) and the
    final probabilities (right: bars for the chosen model, diamonds for the other).

    model: a one-directional many-to-one character SequenceModel; vocab: its vocabulary
    (with ``<pad>``/``<unk>``); baseline: a fitted CharBigramClassifier or None.
    """
    classes = list(classes)
    options = ["RNN"] + (["bigram baseline"] if baseline is not None else [])
    controls = {
        "name": widgets.Text(value=name, description="name", continuous_update=True),
        "curve": widgets.Dropdown(options=options, value="RNN", description="curve of"),
    }

    def draw(name, curve):
        name = name.strip().lower()
        fig, (left, right) = new_figure(1, 2, figsize=(11.0, 3.8), width_ratios=(2.2, 1))
        fixed_layout(fig, left=0.06, right=0.98, bottom=0.15, top=0.9, wspace=0.3)
        if not name:
            left.set_axis_off()
            right.set_axis_off()
            left.set_title("Type a name")
            return fig, ""
        tokens = tokenize(name, "char")
        curves = {"RNN": prefix_probabilities(model, vocab, name, "char")}
        finals = {"RNN": curves["RNN"][-1]}
        if baseline is not None:
            curves["bigram baseline"] = baseline.prefix_proba(name)
            finals["bigram baseline"] = baseline.predict_proba([name])[0]
        plot_class_probabilities(
            tokens,
            curves[curve],
            classes,
            ax=left,
            legend=False,  # the bars on the right name the colours
            title=f"{curve}: p(language | first t letters of '{name}')",
        )
        positions = np.arange(len(classes))
        colours = [f"C{c}" for c in range(len(classes))]
        right.barh(positions, finals[curve], color=colours, height=0.7)
        others = [label for label in finals if label != curve]
        for label in others:
            right.scatter(finals[label], positions, marker="D", color="black", zorder=3)
        right.set_yticks(positions, classes)
        right.invert_yaxis()
        right.set_xlim(0, 1)
        right.set_xlabel("p(language | whole name)")
        right.set_title(f"Final: bars {curve}" + "".join(f", ◆ {label}" for label in others))
        unknown = sorted({c for c in tokens if c not in vocab})
        note = " ".join(
            f"{label}: <b>{classes[int(np.argmax(p))]}</b> ({np.max(p):.2f})."
            for label, p in finals.items()
        )
        if unknown:
            note += f" Unknown characters {html.escape(''.join(unknown))} read as &lt;unk&gt;."
        return fig, f"<p>{note}</p>"

    return Explorer(draw, controls, title)
