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
from ..viz import PALETTE, new_figure
from ..viz.text import activation_html, plot_next_char_distribution
from . import Explorer

__all__ = ["generation_explorer", "unit_explorer", "rank_units"]


def generation_explorer(
    model,
    vocab,
    prime: str = "The ",
    length: int = 200,
    temperature: float = 0.8,
    seed: int = 0,
    title: str = "Text generation: temperature, seed and prime",
) -> Explorer:
    """Generate ``length`` characters after a prime text and show the next-character
    distribution after the prime at the chosen temperature (0 = greedy)."""
    length = check_positive_int(length, "length")
    controls = {
        "temperature": widgets.FloatSlider(
            value=temperature,
            min=0.0,
            max=2.0,
            step=0.1,
            description="temperature",
            continuous_update=False,
        ),
        "seed": widgets.IntSlider(
            value=seed, min=0, max=20, description="seed", continuous_update=False
        ),
        "prime": widgets.Text(value=prime, description="prime", continuous_update=False),
    }

    def draw(temperature, seed, prime):
        fig, ax = new_figure(figsize=(9.0, 3.2))
        unknown = sorted({c for c in prime if c not in vocab})
        if not prime or unknown:
            ax.set_axis_off()
            ax.set_title("Type a prime text made of known characters")
            shown = ", ".join(repr(c) for c in unknown[:5]) or "an empty prime"
            return fig, f"<p>Cannot start from {html.escape(shown)}: not in the vocabulary.</p>"
        probs = next_char_distribution(model, vocab, prime, temperature)
        text = generate(model, vocab, prime, length, temperature=temperature, rng=seed)
        plot_next_char_distribution(
            probs,
            vocab.tokens,
            ax=ax,
            highlight=text[0],
            min_prob=0.01,  # the characters that matter
            fixed_axis=True,  # the flattening shows in the bars, not in the ticks
            title=f"p(next character | prime), temperature {temperature:.1f}"
            + (" (greedy)" if temperature == 0 else f"; seed {seed} draws the hatched one"),
        )
        page = (
            '<pre style="font-size:15px;white-space:pre-wrap">'
            f"<b>{html.escape(prime)}</b>{html.escape(text)}</pre>"
            f"<small>The seed picks which random draws make this sample (bold: the prime); "
            f"the bars show the distribution of its first character.</small>"
        )
        return fig, page

    return Explorer(draw, controls, title)


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


def unit_explorer(
    model,
    vocab,
    text: str,
    show_chars: int = 500,
    per_feature: int = 3,
    layer: int = 0,
    title: str = "Interpretable units: text coloured by one hidden unit",
) -> Explorer:
    """Pick a hidden unit and see the text coloured by its activation.

    The model reads ``text``; every unit is correlated with the features of
    :func:`rnnlib.data.text.char_features` over the whole text, and the selector lists
    the best units of each feature first (then all the others). The picture shows the
    first ``show_chars`` characters.
    """
    show_chars = check_positive_int(show_chars, "show_chars")
    hidden = hidden_activations(model, vocab, text, layer=layer)
    features = char_features(text)
    correlations = feature_correlations(hidden, features)
    ranked = rank_units(correlations, per_feature)
    listed = {unit for unit, _, _ in ranked}
    options = [(f"unit {u}: r = {r:+.2f} with '{f}'", u) for u, f, r in ranked]
    options += [(f"unit {u}", u) for u in range(hidden.shape[1]) if u not in listed]
    best_feature = {u: f for u, f, _ in ranked}
    controls = {
        "unit": widgets.Dropdown(
            options=options,
            value=options[0][1],
            description="unit",
            layout=widgets.Layout(width="460px"),
        )
    }
    shown = text[:show_chars]
    steps = np.arange(len(shown))

    def draw(unit):
        values = hidden[: len(shown), unit]
        feature = best_feature.get(unit) or max(
            correlations, key=lambda name: abs(correlations[name][unit])
        )
        fig, ax = new_figure(figsize=(10.5, 2.8))
        ax.plot(steps, values, color=PALETTE[3], linewidth=1.2, label=f"unit {unit}")
        marks = features[feature][: len(shown)]
        scaled = marks / (np.max(np.abs(marks)) or 1.0)
        ax.fill_between(
            steps,
            -1,
            -1 + 0.3 * scaled,
            color=PALETTE[7],
            alpha=0.5,
            label=f"{feature} (r = {correlations[feature][unit]:+.2f})",
        )
        ax.set_ylim(-1.05, 1.05)
        ax.set_xlabel("character position")
        ax.set_ylabel("activation")
        ax.set_title(f"Hidden unit {unit} while reading the text", loc="left")
        # the key above the axes, never over the curve
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=11, frameon=False)
        key = (
            f"<small>Below: the text, each character on the colour of unit {unit} after "
            "reading it: <span style='background:#f4a582'>&nbsp;red&nbsp;</span> &gt; 0, "
            "<span style='background:#92c5de'>&nbsp;blue&nbsp;</span> &lt; 0, white near 0 "
            "(hover a character for its value).</small>"
        )
        return fig, key + activation_html(shown, values, vmax=1.0)

    explorer = Explorer(draw, controls, title)
    explorer.correlations = correlations
    explorer.ranked_units = ranked
    return explorer
