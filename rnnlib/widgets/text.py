"""Explorers for a character language model.

* :func:`generation_explorer`: a temperature slider, a seed and a prime text box; shows
  the generated continuation and the next-character distribution after the prime.
* :func:`unit_explorer`: a unit selector (units ranked by how strongly they follow a
  simple text feature); shows the text coloured by the unit and its activation curve.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from .._checks import check_positive_int
from ..data.text import char_features, feature_correlations
from ..generate import generate, hidden_activations, next_char_distribution
from ..i18n import tr
from ..models import SequenceModel
from ..viz import PALETTE, data_label, new_figure
from ..viz.text import activation_html, plot_next_char_distribution
from . import Explorer

__all__ = ["generation_explorer", "unit_explorer", "rank_units"]


def _check_models(models) -> dict:
    """``models`` as ``{label: model}``: one language model, or a dict of them."""
    if isinstance(models, SequenceModel):
        models = {"model": models}
    if not isinstance(models, dict) or not models:
        raise TypeError(
            "models: expected a SequenceModel or a dict {label: model}, "
            f"got {type(models).__name__}"
        )
    for label, model in models.items():
        if not isinstance(model, SequenceModel) or model.vocab_size is None:
            raise TypeError(
                f"models[{label!r}]: expected a SequenceModel with vocab_size, "
                f"got {type(model).__name__}"
            )
    return models


def generation_explorer(
    models,
    vocab,
    prime: str = "The ",
    length: int = 200,
    temperature: float = 0.8,
    seed: int = 0,
    title: str | None = None,
) -> Explorer:
    """Generate ``length`` characters after a prime text and show the next-character
    distribution after the prime at the chosen temperature (0 = greedy).

    models: a character :class:`~rnnlib.models.SequenceModel`, or ``{label: model}``
    (a dropdown picks one; e.g. the chapter's small model and the pretrained one).
    title: None for "Text generation: temperature, seed and prime" (in the current language).
    """
    models = _check_models(models)
    length = check_positive_int(length, "length")
    controls = {}
    if len(models) > 1:
        controls["model"] = widgets.Dropdown(options=list(models), description=tr("model"))
    controls |= {
        "temperature": widgets.FloatSlider(
            value=temperature,
            min=0.0,
            max=2.0,
            step=0.1,
            description=tr("temperature"),
            continuous_update=False,
        ),
        "seed": widgets.IntSlider(
            value=seed, min=0, max=20, description=tr("seed"), continuous_update=False
        ),
        "prime": widgets.Text(value=prime, description=tr("prime"), continuous_update=False),
    }
    first = next(iter(models))

    def draw(temperature, seed, prime, model=first):
        fig, ax = new_figure(figsize=(9.0, 3.2))
        unknown = sorted({c for c in prime if c not in vocab})
        if not prime or unknown:
            ax.set_axis_off()
            ax.set_title(tr("Type a prime text made of known characters"))
            if unknown:
                shown = ", ".join(repr(c) for c in unknown[:5])
                message = tr("Cannot start from {chars}: not in the vocabulary.", chars=shown)
            else:
                message = tr("Cannot start from an empty prime.")
            return fig, f"<p>{html.escape(message)}</p>"
        chosen = models[model]
        probs = next_char_distribution(chosen, vocab, prime, temperature)
        text = generate(chosen, vocab, prime, length, temperature=temperature, rng=seed)
        plot_next_char_distribution(
            probs,
            vocab.tokens,
            ax=ax,
            highlight=text[0],
            min_prob=0.01,  # the characters that matter
            fixed_axis=True,  # the flattening shows in the bars, not in the ticks
            title=tr(
                "p(next character | prime), temperature {temperature}",
                temperature=f"{temperature:.1f}",
            )
            + (
                f" ({tr('greedy')})"
                if temperature == 0
                else "; " + tr("seed {seed} draws the hatched one", seed=seed)
            )
            + (f", {model}" if len(models) > 1 else ""),
        )
        page = (
            '<pre style="font-size:15px;white-space:pre-wrap">'
            f"<b>{html.escape(prime)}</b>{html.escape(text)}</pre>"
            "<small>"
            + tr(
                "The seed picks which random draws make this sample (bold: the prime); "
                "the bars show the distribution of its first character."
            )
            + "</small>"
        )
        return fig, page

    return Explorer(draw, controls, title or tr("Text generation: temperature, seed and prime"))


def rank_units(correlations: dict[str, np.ndarray], per_feature: int = 3) -> list[tuple]:
    """The units that follow each feature most strongly.

    correlations: ``{feature: (H,)}`` from :func:`rnnlib.data.text.feature_correlations`.
    Returns ``[(unit, feature, r), ...]``: for each feature its ``per_feature`` units of
    largest ``|r|``, strongest first over all; a unit appears once (its best feature).
    """
    rows = []
    for feature, r in correlations.items():
        for unit in np.argsort(-np.abs(r))[:per_feature]:
            rows.append((int(unit), feature, float(r[unit])))
    rows.sort(key=lambda row: -abs(row[2]))
    seen, ranked = set(), []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            ranked.append(row)
    return ranked


def _unit_options(correlations, ranked, num_units):
    """Dropdown options: the ranked units (with their feature) first, then all others."""
    listed = {unit for unit, _, _ in ranked}
    options = [
        (
            tr(
                "unit {unit}: r = {r} with '{feature}'",
                unit=u,
                r=f"{r:+.2f}",
                feature=data_label(f),
            ),
            u,
        )
        for u, f, r in ranked
    ]
    return options + [(tr("unit {unit}", unit=u), u) for u in range(num_units) if u not in listed]


def unit_explorer(
    models,
    vocab,
    text: str,
    show_chars: int = 500,
    per_feature: int = 3,
    layer: int = 0,
    title: str | None = None,
) -> Explorer:
    """Pick a hidden unit and see the text coloured by its activation.

    models: a character :class:`~rnnlib.models.SequenceModel`, or ``{label: model}`` (a
    dropdown picks one; the unit list follows the model). Each model reads ``text``; every
    unit of layer ``layer`` is correlated with the features of
    :func:`rnnlib.data.text.char_features` over the whole text, and the selector lists
    the best units of each feature first (then all the others). The picture shows the
    first ``show_chars`` characters. ``explorer.correlations`` and
    ``explorer.ranked_units`` hold the first model's measurements (``.by_model`` all).
    title: None for "Interpretable units: text coloured by one hidden unit" (in the current
    language).
    """
    models = _check_models(models)
    show_chars = check_positive_int(show_chars, "show_chars")
    features = char_features(text)
    by_model = {}
    for label, model in models.items():
        hidden = hidden_activations(model, vocab, text, layer=layer)
        correlations = feature_correlations(hidden, features)
        ranked = rank_units(correlations, per_feature)
        by_model[label] = {
            "hidden": hidden,
            "correlations": correlations,
            "ranked": ranked,
            "options": _unit_options(correlations, ranked, hidden.shape[1]),
            "best_feature": {u: f for u, f, _ in ranked},
        }
    first = next(iter(models))
    options = by_model[first]["options"]
    unit_control = widgets.Dropdown(
        options=options,
        value=options[0][1],
        description=tr("unit"),
        layout=widgets.Layout(width="460px"),
    )
    controls = {}
    if len(models) > 1:
        controls["model"] = widgets.Dropdown(options=list(models), description=tr("model"))

        def follow_model(change):  # registered before the explorer's redraw: units first
            chosen = by_model[change["new"]]["options"]
            unit_control.options = chosen  # selects the first option

        controls["model"].observe(follow_model, names="value")
    controls["unit"] = unit_control
    shown = text[:show_chars]
    steps = np.arange(len(shown))

    def draw(unit, model=first):
        measured = by_model[model]
        correlations = measured["correlations"]
        values = measured["hidden"][: len(shown), unit]
        feature = measured["best_feature"].get(unit) or max(
            correlations, key=lambda name: abs(correlations[name][unit])
        )
        fig, ax = new_figure(figsize=(10.5, 2.8))
        ax.plot(steps, values, color=PALETTE[3], linewidth=1.2, label=tr("unit {unit}", unit=unit))
        marks = features[feature][: len(shown)]
        scaled = marks / (np.max(np.abs(marks)) or 1.0)
        ax.fill_between(
            steps,
            -1,
            -1 + 0.3 * scaled,
            color=PALETTE[7],
            alpha=0.5,
            label=f"{data_label(feature)} (r = {correlations[feature][unit]:+.2f})",
        )
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlabel(tr("character position"))
        ax.set_ylabel(tr("activation"))
        ax.set_title(
            tr("Hidden unit {unit} while reading the text", unit=unit)
            + (f" ({model})" if len(models) > 1 else ""),
            loc="left",
        )
        # the key above the axes, never over the curve
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=11, frameon=False)
        key = tr(
            "<small>Below: the text, each character on the colour of unit {unit} after "
            "reading it: <span style='background:#f4a582'>&nbsp;red&nbsp;</span> &gt; 0, "
            "<span style='background:#92c5de'>&nbsp;blue&nbsp;</span> &lt; 0, white near 0 "
            "(hover a character for its value).</small>",
            unit=unit,
        )
        return fig, key + activation_html(shown, values, vmax=1.0)

    explorer = Explorer(
        draw, controls, title or tr("Interpretable units: text coloured by one hidden unit")
    )
    explorer.by_model = by_model
    explorer.correlations = by_model[first]["correlations"]
    explorer.ranked_units = by_model[first]["ranked"]
    return explorer
