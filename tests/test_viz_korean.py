"""The Korean edition's figures and explorers: every plot of rnnlib.viz and every explorer
of rnnlib.widgets drawn with ``set_language("ko")`` and ``RNNLIB_STRICT_MESSAGES=1``.

For each one:

* no message lacks its Korean entry (a strict lookup raises KeyError);
* every visible text that has English words in the English figure (titles, axis and
  colour-bar labels, legends, tick labels, annotations; for an explorer also its title,
  control descriptions, option labels and note) has Hangul in the Korean one. Codes
  (tanh, log, POS tags, acronyms, maths) and the words of the data the test passes in stay
  as they are;
* every glyph is drawn: Hangul in a text that mixes words and maths too (mathtext draws
  the words in the first font family alone: in Korean that is NanumGothic);
* ``set_language("en")`` afterwards draws the English figure again, text for text.
"""

from __future__ import annotations

import html
import importlib
import logging
import pkgutil
import re
import types
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from test_explorers import BUILDERS, TEXT, TYPED, _other_values  # noqa: E402

import rnnlib.viz  # noqa: E402
from rnnlib import hopfield as hf  # noqa: E402
from rnnlib.i18n import STRICT_ENVIRONMENT_VARIABLE, set_language  # noqa: E402
from rnnlib.models import SequenceModel  # noqa: E402
from rnnlib.patterns import glyph_patterns, noisy_copy  # noqa: E402
from rnnlib.tagging import Transitions, viterbi  # noqa: E402
from rnnlib.viz import attention as vattention  # noqa: E402
from rnnlib.viz import classification as vclass  # noqa: E402
from rnnlib.viz import data_label, use_course_style  # noqa: E402
from rnnlib.viz import gates as vgates  # noqa: E402
from rnnlib.viz import gradients as vgrad  # noqa: E402
from rnnlib.viz import hopfield as vhop  # noqa: E402
from rnnlib.viz import rnn as vrnn  # noqa: E402
from rnnlib.viz import series as vseries  # noqa: E402
from rnnlib.viz import tagging as vtag  # noqa: E402
from rnnlib.viz import text as vtext  # noqa: E402
from rnnlib.widgets import RUN_INSTRUCTION, run_instruction  # noqa: E402

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"\b[a-z]{3,}\b")
MATH = re.compile(r"\$[^$]*\$")
#: Lower-case words that are codes, not English: function names, units, symbols.
CODES = {"tanh", "sigmoid", "softmax", "relu", "log", "max", "diag", "erfc", "argmax", "gamma"}
#: Words of the data the cases pass in (they are drawn as they are in both editions).
DATA = set(WORD.findall(TEXT.lower())) | {
    "the", "dog", "runs", "light", "red", "car", "stops", "hello", "hell", "olleh",
    "hhello", "rossi", "virtanen", "van", "dijk", "value", "nov", "good", "bad",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return set(WORD.findall(MATH.sub("", text))) - CODES - DATA


# ----- the cases: every public plot, with small data ------------------------------------------


def _rng():
    return np.random.default_rng(0)  # the same data at every draw


_CLASSES = ["English", "French", "Finnish"]


def _trace(cell):
    model = SequenceModel(cell, hidden_size=4, input_size=2, output_size=1, rng=0)
    _, cache = model.forward(_rng().uniform(size=(8, 2, 2)))
    return cache.traces[0]


def _flow(spectral_norm):
    steps = np.arange(1, 13)
    return types.SimpleNamespace(
        grad_norms=spectral_norm ** (12.0 - steps),
        bound=(1.2 * spectral_norm) ** (12.0 - steps),
        jacobian_norms=np.full(12, 0.8 * spectral_norm),
        gamma=1.0,
        spectral_norm=spectral_norm,
        activation="tanh",
    )


def _recall():
    patterns = glyph_patterns(["A", "H", "T"])
    network = hf.HopfieldNetwork.from_patterns(patterns)
    return network.recall(noisy_copy(patterns[0], fraction=0.2, rng=0), rng=0)


def _capacity():
    loads = np.array([0.05, 0.1, 0.15])
    return types.SimpleNamespace(
        num_units=50,
        loads=loads,
        bit_error=loads / 3,
        one_step_error=loads / 4,
        exact_recall=1 - 2 * loads,
    )


def _showdown():
    run = types.SimpleNamespace(losses=np.linspace(0.3, 0.05, 40), baseline_mse=1 / 6)
    return {(cell, length): run for cell in ("rnn", "lstm", "gru") for length in (10, 20)}


def _trellis():
    log_posteriors = np.log(_rng().dirichlet(np.ones(3), size=4))
    transitions = Transitions(
        np.log(np.full(3, 1 / 3)),
        np.log(_rng().dirichlet(np.ones(3), size=3)),
        np.log(np.full(3, 1 / 3)),
    )
    result = viterbi(log_posteriors, transitions)
    gold = (result.path + 1) % 3
    return vtag.plot_trellis(
        result, ["나는", "사과를", "어제", "먹었다"], ["NOUN", "VERB", "DET"], gold=gold
    )


PLOTS = {
    "plot_attention": lambda: vattention.plot_attention(
        _rng().dirichlet(np.ones(4), size=3), list("ab c"), ["x", "y", "</s>"], highlight=1
    ),
    "plot_accuracy_by_length": lambda: vattention.plot_accuracy_by_length(
        [(1, 5), (6, 10)], {"GRU": [0.9, 0.5], "LSTM": [0.95, 0.7]}
    ),
    "plot_position_accuracy": lambda: vattention.plot_position_accuracy({"GRU": [0.9, 0.8, 0.7]}),
    "plot_confusion_matrix": lambda: vclass.plot_confusion_matrix(
        np.array([[5, 1, 0], [2, 6, 1], [0, 1, 7]]), _CLASSES
    ),
    "plot_class_probabilities": lambda: vclass.plot_class_probabilities(
        list("abc"), _rng().dirichlet(np.ones(3), size=3), _CLASSES
    ),
    "plot_embedding_projection": lambda: vclass.plot_embedding_projection(
        _rng().normal(size=(4, 2)),
        np.array([0.6, 0.3]),
        ["좋다", "나쁘다", "good", "bad"],
        ["positive", "negative", "positive", "negative"],
        shapes=["English", "English", "French", "French"],
    ),
    "plot_lstm_diagram": lambda: vgates.plot_lstm_diagram(),
    "plot_vectors": lambda: vgates.plot_vectors({"f_t": np.array([0.1, 0.9])}),
    "plot_lstm_stage": lambda: vgates.plot_lstm_stage(
        "forget", {"f_t": np.array([0.1, 0.9]), "c_t": np.array([-2.0, 0.5])}
    ),
    "plot_norms_over_time": lambda: vgates.plot_norms_over_time(
        {"RNN": np.array([1e-9, 1e-5, 1.0]), "GRU": np.ones(3)}, ymin=1e-3
    ),
    "plot_showdown": lambda: vgates.plot_showdown(_showdown(), window=5),
    "plot_step_seconds": lambda: vgates.plot_step_seconds(
        {"lengths": [10, 20], "rnn": [1e-3, 2e-3], "lstm": [2e-3, 4e-3]}
    ),
    "plot_gate_saturation": lambda: vgates.plot_gate_saturation(
        {"forget_gate": {"low": _rng().uniform(size=4), "high": _rng().uniform(size=4)}}
    ),
    "plot_gates_at_step": lambda: vgates.plot_gates_at_step(
        _trace("lstm"), 2, ("input_gate", "forget_gate", "output_gate")
    ),
    "plot_unit_gates": lambda: vgates.plot_unit_gates(
        _trace("gru"), 1, ("reset_gate", "update_gate"), t=2, marks=(0,)
    ),
    "plot_backprop_graph": lambda: vgrad.plot_backprop_graph(3),
    "plot_activation_slopes": lambda: vgrad.plot_activation_slopes(),
    "plot_gradient_norms": lambda: vgrad.plot_gradient_norms([_flow(0.5), _flow(2.0)]),
    "plot_jacobian_norms": lambda: vgrad.plot_jacobian_norms(_flow(0.9)),
    "plot_training_runs": lambda: vgrad.plot_training_runs(
        {
            "RNN": types.SimpleNamespace(
                loss=np.linspace(1, 0.1, 20), grad_norm=np.linspace(5, 1, 20), max_norm=2.0
            )
        },
        baseline=0.17,
    ),
    "plot_clipping": lambda: vgrad.plot_clipping([3.0, 1.0], 1.0),
    "plot_clipped_norms": lambda: vgrad.plot_clipped_norms(np.linspace(0.5, 3.0, 20), 1.0),
    "plot_truncation": lambda: vgrad.plot_truncation(
        np.ones(12), np.r_[np.zeros(10), np.ones(2)], 5
    ),
    "plot_bptt_cost": lambda: vgrad.plot_bptt_cost(
        [10, 20], [{"stored": 1, "seconds": 1e-3}] * 2, [{"stored": 1, "seconds": 1e-3}] * 2, 5
    ),
    "plot_dependency": lambda: vgrad.plot_dependency(
        {"lengths": [5, 10], "test_mse": [0.01, 0.16], "baseline": [0.17, 0.16]}
    ),
    "plot_sequence_time": lambda: vgrad.plot_sequence_time(
        {"lengths": [10, 20], "recurrent": [1e-3, 2e-3], "parallel": [1e-4, 1e-4]}
    ),
    "plot_state": lambda: vhop.plot_state(glyph_patterns(["A"])[0], title="A"),
    "plot_patterns": lambda: vhop.plot_patterns(glyph_patterns(["A", "H"]), titles=["A", "H"]),
    "plot_energy": lambda: vhop.plot_energy(
        [0.0, -1.0, -2.0, -2.5, -3.0], sweep_of_step=np.array([1, 1, 2, 3])
    ),
    "plot_overlaps": lambda: vhop.plot_overlaps([0.9, -0.2], ["A", "H"]),
    "plot_recall": lambda: vhop.plot_recall(_recall()),
    "plot_capacity": lambda: vhop.plot_capacity([_capacity()], hf.capacity_theory(0.2)),
    "plot_pattern_survival": lambda: vhop.plot_pattern_survival(np.array([0, 0, 3, 40]), 100),
    "plot_unrolled": lambda: vrnn.plot_unrolled(list("hell"), list("ello"), rolled=True),
    "plot_io_patterns": lambda: vrnn.plot_io_patterns(),
    "plot_hidden_strip": lambda: vrnn.plot_hidden_strip(
        _rng().uniform(-1, 1, (4, 3)), list("hell")
    ),
    "plot_output_bars": lambda: vrnn.plot_output_bars(
        np.array([0.1, 0.6, 0.3]), list("abc"), target="c"
    ),
    "plot_step_distributions": lambda: vrnn.plot_step_distributions(
        _rng().dirichlet(np.ones(3), size=2), list("abc"), inputs=list("ab"), targets=list("bc")
    ),
    "plot_state_comparison": lambda: vrnn.plot_state_comparison(
        {"h_1": np.ones(3), "h_2": -np.ones(3)}
    ),
    "plot_softmax": lambda: vrnn.plot_softmax([2.0, 1.0, 0.1], temperature=2.0),
    "plot_activations": lambda: vrnn.plot_activations(),
    "plot_series": lambda: vseries.plot_series(np.sin(np.arange(50) / 5)),
    "plot_forecast": lambda: vseries.plot_forecast(
        np.zeros(5), np.ones(3), {"GRU": np.ones(3) * 0.9}
    ),
    "plot_error_by_horizon": lambda: vseries.plot_error_by_horizon(
        {"GRU": np.array([0.1, 0.3, 0.9])}
    ),
    "plot_delay_embedding": lambda: vseries.plot_delay_embedding(np.sin(np.arange(50) / 5), 3),
    "plot_trellis": _trellis,
    "plot_activation_text": lambda: vtext.plot_activation_text("ab\ncd", np.linspace(-1, 1, 5)),
    "plot_next_char_distribution": lambda: vtext.plot_next_char_distribution(
        np.array([0.5, 0.3, 0.2]), list("ab "), highlight="b"
    ),
    "plot_bits_per_char": lambda: vtext.plot_bits_per_char(
        {"GRU": ([1, 2, 3], [3.0, 2.5, 2.2])}, {"AR(2)": 4.1}
    ),
}


def _public_plots() -> set[str]:
    names = set()
    for info in pkgutil.iter_modules(rnnlib.viz.__path__):
        module = importlib.import_module(f"rnnlib.viz.{info.name}")
        names |= {n for n in getattr(module, "__all__", ()) if n.startswith("plot_")}
    return names


def _figure(result):
    if isinstance(result, dict):
        result = result["axes"][0]
    return result if isinstance(result, matplotlib.figure.Figure) else result.figure


def _texts(fig) -> dict[str, str]:
    """Every visible text of a figure, by where it is (drawn first: tick labels)."""
    fig.canvas.draw()
    texts = {}
    if fig._suptitle is not None:
        texts["suptitle"] = fig._suptitle.get_text()
    for k, legend in enumerate(fig.legends):
        for i, text in enumerate(legend.get_texts()):
            texts[f"figure legend {k}, entry {i}"] = text.get_text()
    for a, ax in enumerate(fig.axes):
        for loc in ("left", "center", "right"):
            texts[f"axes {a}, {loc} title"] = ax.get_title(loc)
        texts[f"axes {a}, x label"] = ax.get_xlabel()
        texts[f"axes {a}, y label"] = ax.get_ylabel()
        for axis in ("x", "y"):
            labels = getattr(ax, f"get_{axis}ticklabels")()
            for i, label in enumerate(labels):
                texts[f"axes {a}, {axis} tick {i}"] = label.get_text()
        legend = ax.get_legend()
        if legend is not None:
            texts[f"axes {a}, legend title"] = legend.get_title().get_text()
            for i, text in enumerate(legend.get_texts()):
                texts[f"axes {a}, legend entry {i}"] = text.get_text()
        for i, text in enumerate(ax.texts):
            texts[f"axes {a}, text {i}"] = text.get_text()
    return texts


def _untranslated(english: dict[str, str], korean: dict[str, str]) -> list[str]:
    """The places where the English text has words and the Korean one has no Hangul."""
    return [
        f"{where}: {english[where]!r} -> {korean[where]!r}"
        for where in english.keys() & korean.keys()
        if _words(english[where]) and not HANGUL.search(korean[where])
    ]


@pytest.fixture
def korean(monkeypatch, caplog):
    """Draw in Korean, every lookup strict, a missing glyph an error; English afterwards."""
    use_course_style()
    monkeypatch.setenv(STRICT_ENVIRONMENT_VARIABLE, "1")
    set_language("ko")
    caplog.set_level(logging.WARNING, logger="matplotlib.mathtext")
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
            yield caplog
    finally:
        set_language("en")
        plt.close("all")


def _no_missing_glyphs(caplog, where):
    missing = [r.getMessage() for r in caplog.records if "does not have a glyph" in r.getMessage()]
    assert not missing, f"{where}: glyphs missing in mathtext: {missing[:3]}"


def test_every_public_plot_is_covered():
    assert _public_plots() <= set(PLOTS), f"plots without a case: {_public_plots() - set(PLOTS)}"


#: Plots that draw no text of their own (only the titles they are given).
WORDLESS = {"plot_state", "plot_patterns"}


@pytest.mark.parametrize("name", list(PLOTS))
def test_plot_speaks_korean_and_english_again(name, korean):
    set_language("en")
    english = _texts(_figure(PLOTS[name]()))
    has_words = any(_words(text) for text in english.values())
    assert has_words != (name in WORDLESS), f"{name}: English words {english}"
    set_language("ko")
    translated = _texts(_figure(PLOTS[name]()))  # a missing entry raises KeyError here
    missing = _untranslated(english, translated)
    assert not missing, f"{name}: English left in the Korean figure:\n" + "\n".join(missing)
    _no_missing_glyphs(korean, name)
    set_language("en")
    assert _texts(_figure(PLOTS[name]())) == english, f"{name}: English not restored"


# ----- the explorers ------------------------------------------------------------------------------


def _explorer_texts(explorer) -> dict[str, str]:
    """What a learner reads in an explorer: title, control descriptions and placeholders,
    option labels that stand for a value (``(label, value)`` options with a text value),
    the note and the figure of its current state."""
    texts = {"title": explorer.title, "note": explorer.note.value}
    for key, control in explorer.controls.items():
        texts[f"control {key}"] = getattr(control, "description", "")
        texts[f"control {key} placeholder"] = getattr(control, "placeholder", "")
        for i, label in enumerate(getattr(control, "_options_labels", ())):
            if isinstance(control._options_values[i], str):
                texts[f"control {key}, option {i}"] = label
    result = explorer.draw(**explorer.values)
    figure = result[0] if isinstance(result, tuple) else result
    texts |= {f"figure: {where}": text for where, text in _texts(figure).items()}
    return texts


@pytest.mark.parametrize("name", list(BUILDERS))
def test_explorer_speaks_korean_and_english_again(name, korean):
    set_language("en")
    english = _explorer_texts(BUILDERS[name]())
    set_language("ko")
    explorer = BUILDERS[name]()  # a missing entry raises KeyError
    missing = _untranslated(english, _explorer_texts(explorer))
    assert not missing, f"{name}: English left in the Korean explorer:\n" + "\n".join(missing)
    page = explorer._repr_mimebundle_()["text/html"]
    assert run_instruction() != RUN_INSTRUCTION and html.escape(run_instruction()) in page
    for key, control in explorer.controls.items():  # every state draws in Korean
        if control.disabled:
            continue
        for value in _other_values(control, TYPED.get(name, [])):
            control.value = value
            assert HANGUL.search(explorer.note.value) or not _words(explorer.note.value), (
                f"{name}: {key} = {value!r}: note without Korean: {explorer.note.value!r}"
            )
    _no_missing_glyphs(korean, name)
    set_language("en")
    again = BUILDERS[name]()
    assert _explorer_texts(again) == english, f"{name}: English not restored"
    assert html.escape(RUN_INSTRUCTION) in again._repr_mimebundle_()["text/html"]


def test_data_labels_are_translated_and_codes_kept(korean):
    assert data_label("French") == "프랑스어"
    assert data_label("Lights.Off") == "조명 끄기"
    for code in ("NOUN", "2026-11-22", "<unk>", "rossi", "프랑스어"):
        assert data_label(code) == code
    set_language("en")
    assert data_label("French") == "French" and data_label("Lights.Off") == "Lights.Off"


def test_hangul_font_comes_first_in_korean_and_log_ticks_draw(korean):
    """Mixed words and maths, and a plain log axis of a notebook's own, draw every glyph in
    Korean; English figures keep DejaVu Sans first and matplotlib's own log tick labels."""
    assert matplotlib.rcParams["font.family"][0] == rnnlib.viz.HANGUL_FONT
    fig, ax = plt.subplots()
    ax.semilogy([1e-4, 1e-2, 1.0])
    ax.set_title("은닉 상태 $h_t$의 노름")
    fig.canvas.draw()
    _no_missing_glyphs(korean, "a Korean figure with a log axis")
    set_language("en")
    assert matplotlib.rcParams["font.family"][0] == "DejaVu Sans"
    fig, ax = plt.subplots()
    ax.semilogy([1e-4, 1e-2, 1.0])
    fig.canvas.draw()
    plain = matplotlib.ticker.LogFormatterSciNotation()
    plain.set_axis(ax.yaxis)
    ticks = ax.yaxis.get_majorticklocs()
    assert [t.get_text() for t in ax.get_yticklabels()] == plain.format_ticks(ticks)
