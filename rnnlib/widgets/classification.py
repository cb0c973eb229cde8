"""Explorer of a classifier reading a text: :func:`name_explorer` shows the class
probabilities of the RNN and of the bigram baseline, and how they evolve token by token."""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
from matplotlib.lines import Line2D

from ..analysis import prefix_probabilities
from ..data.classification import tokenize
from ..i18n import tr
from ..viz import data_label, new_figure
from ..viz.classification import (
    class_color,
    class_linestyle,
    class_marker,
    plot_class_probabilities,
)
from . import Explorer, fixed_layout

__all__ = ["name_explorer"]


def name_explorer(
    model,
    vocab,
    classes,
    baseline=None,
    name: str = "rossi",
    title: str | None = None,
) -> Explorer:
    """A text box for a name and a model selector; shows how p(language | prefix) evolves
    character by character for the chosen model (left) and the final probabilities
    (right: bars for the chosen model, a black tick for the other). A language has one
    colour and one marker in both panels, named by the key under the figure.

    model: a one-directional many-to-one character SequenceModel; vocab: its vocabulary
    (with ``<pad>``/``<unk>``); baseline: a fitted CharBigramClassifier or None. title:
    None for "Name -> language: probabilities while reading" (in the current language).
    """
    classes = list(classes)
    names = [data_label(c) for c in classes]  # what the figure shows for each class
    options = ["RNN"] + (["bigram baseline"] if baseline is not None else [])
    controls = {"name": widgets.Text(value=name, description=tr("name"), continuous_update=True)}
    if len(options) > 1:  # a choice only when there is one
        controls["curve"] = widgets.Dropdown(
            options=[(_model_label(option), option) for option in options],
            value="RNN",
            description=tr("curve of"),
        )

    def draw(name, curve="RNN"):
        name = name.strip().lower()
        fig, (left, right) = new_figure(1, 2, figsize=(10.5, 4.4), width_ratios=(2.2, 1))
        fixed_layout(fig, left=0.07, right=0.98, bottom=0.26, top=0.9, wspace=0.35)
        if not name:
            left.set_axis_off()
            right.set_axis_off()
            left.set_title(tr("Type a name"))
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
            legend=False,  # one key for both panels, under the figure
            title=tr(
                "{model}: p(language | first t letters of '{name}')",
                model=_model_label(curve),
                name=name,
            ),
        )
        positions = np.arange(len(classes))
        colours = [class_color(c) for c in range(len(classes))]
        right.barh(positions, finals[curve], color=colours, height=0.7)
        for c in range(len(classes)):  # the class's marker at the bar's end: seen at p = 0 too
            right.plot(finals[curve][c], c, marker=class_marker(c), color=colours[c], ms=8)
        others = [label for label in finals if label != curve]
        for label in others:
            right.scatter(finals[label], positions, marker="|", s=200, color="black", zorder=3)
        right.set_yticks(positions, names)
        right.invert_yaxis()
        right.set_xlim(-0.03, 1.03)
        right.set_xlabel(tr("p(language | whole name)"))
        right.set_title(
            tr("Final: bars {model}", model=_model_label(curve))
            + "".join(f", | {_model_label(label)}" for label in others)
        )
        handles = [
            Line2D(
                [],
                [],
                color=class_color(c),
                marker=class_marker(c),
                linestyle=class_linestyle(c),
                label=names[c],
            )
            for c in range(len(classes))
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=min(len(classes), 7),
            frameon=False,
            fontsize=11,
            columnspacing=1.2,
        )
        unknown = sorted({c for c in tokens if c not in vocab})
        note = " ".join(
            f"{_model_label(label)}: <b>{names[int(np.argmax(p))]}</b> ({np.max(p):.2f})."
            for label, p in finals.items()
        )
        if unknown:
            note += " " + tr(
                "Unknown characters {chars} read as &lt;unk&gt;.",
                chars=html.escape("".join(unknown)),
            )
        return fig, f"<p>{note}</p>"

    return Explorer(draw, controls, title or tr("Name -> language: probabilities while reading"))


def _model_label(option: str) -> str:
    """The label of a model option ("RNN", "bigram baseline") in the current language."""
    return option if option == "RNN" else tr(option)
