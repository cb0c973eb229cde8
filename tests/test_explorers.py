"""Every explorer of the course, headless: the rules of CONTRIBUTING.md's "Widgets".

Each explorer is built on a small untrained model (the rules are about the explorer, not
the training), then every control is moved to other values. For every explorer:

* Hangul and minus signs draw without a missing-glyph warning (warnings are errors), and
  Hangul typed into a text box is drawn as Hangul (never romanised);
* every picture fits :data:`rnnlib.widgets.MAX_FIGURE_PX` and is shown at its drawn size;
* every control changes the picture or the note;
* the saved output (the mime bundle) holds a static picture of the first state and the
  full instruction to run the cell;
* the controls show their full labels.
"""

from __future__ import annotations

import base64
import html
import types
import warnings

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from rnnlib.baselines import LinearAR  # noqa: E402
from rnnlib.data import classification as cd  # noqa: E402
from rnnlib.data.dates import date_task  # noqa: E402
from rnnlib.data.encoding import Vocabulary  # noqa: E402
from rnnlib.data.series import windows  # noqa: E402
from rnnlib.experiments import ch01, ch03, ch09  # noqa: E402
from rnnlib.models import SequenceModel  # noqa: E402
from rnnlib.tagging import Transitions  # noqa: E402
from rnnlib.viz import use_course_style  # noqa: E402
from rnnlib.widgets import MAX_FIGURE_PX, RUN_INSTRUCTION, Explorer, png_size  # noqa: E402
from rnnlib.widgets.attention import attention_explorer  # noqa: E402
from rnnlib.widgets.classification import name_explorer  # noqa: E402
from rnnlib.widgets.gates import gate_explorer  # noqa: E402
from rnnlib.widgets.gradients import clipping_explorer, gradient_flow_explorer  # noqa: E402
from rnnlib.widgets.hopfield import capacity_explorer, recall_explorer  # noqa: E402
from rnnlib.widgets.rnn import hidden_state_explorer, softmax_explorer  # noqa: E402
from rnnlib.widgets.series import forecast_explorer  # noqa: E402
from rnnlib.widgets.tagging import trellis_explorer  # noqa: E402
from rnnlib.widgets.text import generation_explorer, unit_explorer  # noqa: E402

HANGUL = "김민준"
HELLO = Vocabulary("helo")


def _char_model(vocab, cell="rnn", hidden=6):
    n = len(vocab)
    return SequenceModel(cell, hidden_size=hidden, vocab_size=n, output_size=n, rng=0)


def _hidden_state_list():
    return hidden_state_explorer(_char_model(HELLO), HELLO, ["hello", "hell", "olleh", "hhello"])


def _hidden_state_text():
    return hidden_state_explorer(_char_model(HELLO), HELLO, "hello")


def _softmax():
    return softmax_explorer([2.0, 1.0, 0.1, -1.0], labels=list("helo"))


def _recall():
    return recall_explorer(rng=0)


def _capacity():
    loads = [0.05, 0.1, 0.15, 0.2]
    results = [ch01.capacity_experiment(n, loads, rng=k, trials=20) for k, n in enumerate((40, 80))]
    return capacity_explorer(results)


def _gradient_flow():
    return gradient_flow_explorer(ch03.gradient_flow, rng=0)


def _clipping():
    norms = np.abs(np.random.default_rng(0).normal(2.0, 3.0, size=200))
    return clipping_explorer(types.SimpleNamespace(grad_norm=norms))


def _gates():
    models = {
        "LSTM": SequenceModel("lstm", hidden_size=5, input_size=2, output_size=1, rng=0),
        "GRU": SequenceModel("gru", hidden_size=5, input_size=2, output_size=1, rng=1),
    }
    inputs = np.random.default_rng(0).uniform(size=(30, 2))
    inputs[:, 1] = 0.0
    inputs[[4, 17], 1] = 1.0
    return gate_explorer(models, inputs)


TEXT = "The value of the model is the value of the text. " * 4
TEXT_VOCAB = Vocabulary.from_text(TEXT)


def _generation():
    model = _char_model(TEXT_VOCAB, "gru", 8)
    return generation_explorer(model, TEXT_VOCAB, prime="The ", length=60)


def _units():
    return unit_explorer(_char_model(TEXT_VOCAB, "gru", 8), TEXT_VOCAB, TEXT, show_chars=120)


def _names():
    classes = ["English", "Finnish", "Italian", "German", "Dutch", "Spanish", "French"]
    vocab = cd.build_vocabulary(["rossi", "virtanen", "smith", "müller"], "char")
    model = SequenceModel(
        "gru",
        hidden_size=6,
        vocab_size=len(vocab),
        output_size=len(classes),
        many_to_one=True,
        rng=0,
    )
    return name_explorer(model, vocab, classes, name="rossi")


def _trellis():
    rng = np.random.default_rng(0)
    tags = ["DET", "NOUN", "VERB", "ADJ"]
    sentences = [["the", "dog", "runs"], ["a", "light", "red", "car", "stops"]]
    posteriors = [np.log(rng.dirichlet(np.ones(4), size=len(s))) for s in sentences]
    transitions = Transitions(
        np.log(np.full(4, 0.25)),
        np.log(rng.dirichlet(np.ones(4), size=4) * 0.9),
        np.log(np.full(4, 0.1)),
    )
    gold = [rng.integers(0, 4, size=len(s)) for s in sentences]
    return trellis_explorer(sentences, posteriors, np.full(4, 0.25), transitions, tags, gold=gold)


def _forecast():
    series = np.sin(np.arange(400) * 0.3) + 0.1 * np.random.default_rng(0).normal(size=400)
    model = SequenceModel(
        "gru", hidden_size=6, input_size=1, output_size=1, many_to_one=True, rng=0
    )
    ar = LinearAR(4).fit(*windows(series[:200], 4))
    return forecast_explorer(model, series[200:], trained_context=8, ar=ar, max_horizon=20)


def _attention():
    task = date_task(num_train=50, num_test=50, rng=0)
    model = ch09.new_model(task, attention="additive", attention_size=4, rng=0, hidden_size=4)
    return attention_explorer(model, task, ["이천십구년 삼월 일일", "22/11/2026"])


BUILDERS = {
    "00 hidden states (list)": _hidden_state_list,
    "01 recall": _recall,
    "01 capacity": _capacity,
    "02 softmax": _softmax,
    "02 hidden states (text box)": _hidden_state_text,
    "03 gradient flow": _gradient_flow,
    "03 clipping": _clipping,
    "04 gates": _gates,
    "05 generation": _generation,
    "05 units": _units,
    "06 names": _names,
    "07 trellis": _trellis,
    "08 forecast": _forecast,
    "09 attention": _attention,
}

#: Texts typed into each text box: a Hangul one (must be drawn as Hangul, or reported in
#: the note when the model cannot read it), then ones the model can read.
TYPED = {
    "02 hidden states (text box)": [HANGUL, "hhello", "he"],
    "05 generation": [HANGUL, "value ", "The "],
    "06 names": [HANGUL, "virtanen", "van dijk"],
    "09 attention": ["이천이십년 일월 일일", "Nov 22, 2026", ""],
}


def _other_values(control, typed):
    """Values to move a control to: both ends and a middle value of a slider, every other
    option of a dropdown or toggle, the typed texts of a text box."""
    if isinstance(control, widgets.Text):
        return typed
    if isinstance(control, widgets.Checkbox | widgets.ToggleButton):
        return [not control.value]
    if hasattr(control, "options"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return [v for v in values if v != control.value][:4]  # stays on another option
    if isinstance(control, widgets.FloatLogSlider):
        return [10**control.min, 10**control.max]
    middle = control.min + (control.max - control.min) / 2
    if isinstance(control, widgets.IntSlider):
        middle = int(middle)
    return [v for v in dict.fromkeys((control.min, middle, control.max)) if v != control.value]


def _figure_texts(explorer) -> list[str]:
    result = explorer.draw(**explorer.values)
    figure = result[0] if isinstance(result, tuple) else result
    return [t.get_text() for t in figure.findobj(Text)]


def _check_picture(explorer, where):
    width, height = png_size(explorer.image.value)
    assert width <= MAX_FIGURE_PX[0] and height <= MAX_FIGURE_PX[1], (
        f"{where}: picture {width}x{height} px, more than {MAX_FIGURE_PX} (drawn at 80 dpi)"
    )
    assert (explorer.image.layout.width, explorer.image.layout.height) == (
        f"{width}px",
        f"{height}px",
    ), f"{where}: the picture is not shown at its drawn size"


@pytest.mark.parametrize("name", list(BUILDERS))
def test_explorer_follows_the_rules(name):
    use_course_style()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
        explorer = BUILDERS[name]()
        assert isinstance(explorer, Explorer)
        _check_picture(explorer, f"{name}, first state")

        bundle = explorer._repr_mimebundle_()
        assert base64.b64decode(bundle["image/png"]) == explorer.first_png
        assert RUN_INSTRUCTION in bundle["text/plain"]
        assert html.escape(RUN_INSTRUCTION) in bundle["text/html"]
        assert "application/vnd.jupyter.widget-view+json" in bundle

        for key, control in explorer.controls.items():
            if getattr(control, "description", ""):
                assert control.style.description_width == "initial", f"{name}: {key} label cut"
            if control.disabled:  # e.g. beam k while greedy: the learner cannot move it
                continue
            values = _other_values(control, TYPED.get(name, []))
            assert values, f"{name}: control {key!r} cannot be moved"
            for value in values:
                before = (explorer.image.value, explorer.note.value)
                control.value = value
                where = f"{name}: {key} = {value!r}"
                assert (explorer.image.value, explorer.note.value) != before, (
                    f"{where}: neither the picture nor the note changed"
                )
                _check_picture(explorer, where)
                if value == HANGUL:
                    drawn = _figure_texts(explorer)
                    assert any(HANGUL in text for text in drawn) or HANGUL[0] in (
                        explorer.note.value
                    ), f"{where}: Hangul neither drawn ({drawn}) nor reported in the note"
    plt.close("all")


def test_every_explorer_of_the_course_is_covered():
    import importlib
    import pkgutil

    import rnnlib.widgets as package

    explorers = set()
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"rnnlib.widgets.{info.name}")
        explorers |= {n for n in getattr(module, "__all__", ()) if n.endswith("_explorer")}
    covered = {
        f.__name__
        for f in (
            hidden_state_explorer,
            softmax_explorer,
            recall_explorer,
            capacity_explorer,
            gradient_flow_explorer,
            clipping_explorer,
            gate_explorer,
            generation_explorer,
            unit_explorer,
            name_explorer,
            trellis_explorer,
            forecast_explorer,
            attention_explorer,
        )
    }
    assert explorers <= covered, f"explorers without a case in BUILDERS: {explorers - covered}"


def _figure(explorer):
    result = explorer.draw(**explorer.values)
    return result[0] if isinstance(result, tuple) else result


def test_the_step_slider_follows_the_text():
    explorer = _hidden_state_list()
    step = explorer.controls["step"]
    for text in ["hhello", "hell", "hello", "olleh"]:
        explorer.controls["text"].value = text
        assert (step.max, step.value) == (len(text), len(text)), text
        assert f"<code>{text}</code>" in explorer.note.value  # the whole text is shown


def test_the_recall_step_slider_ends_where_the_recall_ends():
    explorer = _recall()
    step = explorer.controls["step"]
    for mode in ["synchronous", "asynchronous"]:
        for noise in [10, 40]:
            explorer.controls["mode"].value = mode
            explorer.controls["noise"].value = noise
            step.value = step.max
            title = _figure(explorer)._suptitle.get_text()
            assert f"after {step.max} step" in title, (mode, noise, step.max, title)
    explorer.controls["mode"].value = "synchronous"
    assert step.max < 20  # synchronous recall settles in a few steps: a short slider


def test_the_generation_axis_stays_0_to_1_and_shows_only_what_matters():
    explorer = _generation()
    tops = []
    for temperature in [0.0, 0.5, 2.0]:
        explorer.controls["temperature"].value = temperature
        ax = _figure(explorer).axes[0]
        assert ax.get_ylim() == (0.0, 1.0)
        tops.append(len(ax.patches))
    assert tops[0] == 1  # greedy: one character has all the probability
    plt.close("all")
