"""rnnlib.widgets.rnn: the explorers build, redraw when a control moves, and handle bad text."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import rnnlib  # noqa: E402
from rnnlib.data.encoding import Vocabulary  # noqa: E402
from rnnlib.widgets import Explorer  # noqa: E402
from rnnlib.widgets.rnn import hidden_state_explorer, softmax_explorer  # noqa: E402


@pytest.fixture(scope="module")
def hello():
    vocab = Vocabulary("hello")
    model = rnnlib.SequenceModel("rnn", hidden_size=6, vocab_size=4, output_size=4, rng=0)
    return model, vocab


def test_hidden_state_explorer_with_a_text_box(hello):
    model, vocab = hello
    explorer = hidden_state_explorer(model, vocab, "hello")
    assert isinstance(explorer, Explorer)
    assert explorer.controls["step"].value == 5 and explorer.image.value[:4] == b"\x89PNG"
    explorer.controls["step"].value = 2
    assert (
        "<code>he</code>" in explorer.note.value
        and "continues with <code>l</code>" in explorer.note.value
    )
    explorer.controls["text"].value = "he"  # shorter text: the slider follows
    assert explorer.controls["step"].max == 2 and explorer.controls["step"].value == 2
    explorer.controls["text"].value = "hex!"
    assert "Not in the vocabulary" in explorer.note.value and "&#x27;x&#x27;" in explorer.note.value
    explorer.controls["text"].value = ""
    assert "empty" in explorer.note.value
    explorer.controls["text"].value = "hellohello"
    assert explorer.controls["step"].max == 10
    assert len(explorer.redraw_seconds) >= 6


def test_hidden_state_explorer_with_a_dropdown(hello):
    model, vocab = hello
    explorer = hidden_state_explorer(model, vocab, ["hello", "hell", "oh"])
    assert explorer.controls["text"].options == ("hello", "hell", "oh")
    explorer.controls["text"].value = "oh"
    assert explorer.controls["step"].max == 2 and "<code>oh</code>" in explorer.note.value


def test_hidden_state_explorer_matches_the_model(hello):
    model, vocab = hello
    explorer = hidden_state_explorer(model, vocab, "hell")
    probs = rnnlib.functional.softmax(model.predict(vocab.encode("hell")[:, None])[-1, 0])
    assert f"p = {probs.max():.2f}" in explorer.note.value


def test_hidden_state_explorer_rejects_bad_arguments(hello):
    model, vocab = hello
    with pytest.raises(ValueError, match="vocab_size=5"):
        hidden_state_explorer(model, Vocabulary("hielo"), "hi")
    with pytest.raises(TypeError, match="vocab"):
        hidden_state_explorer(model, "helo", "hi")
    with pytest.raises(TypeError, match="model"):
        hidden_state_explorer(object(), vocab, "hi")
    with pytest.raises(ValueError, match="texts\\[1\\]"):
        hidden_state_explorer(model, vocab, ["he", ""])
    with pytest.raises(TypeError, match="texts"):
        hidden_state_explorer(model, vocab, 42)
    many = rnnlib.SequenceModel(
        "rnn", hidden_size=3, vocab_size=4, output_size=4, many_to_one=True, rng=0
    )
    with pytest.raises(ValueError, match="many_to_one"):
        hidden_state_explorer(many, vocab, "he")


def test_hidden_state_explorer_works_for_lstm_and_two_layers():
    vocab = Vocabulary("hello")
    model = rnnlib.SequenceModel(
        "lstm", hidden_size=5, vocab_size=4, output_size=4, num_layers=2, rng=1
    )
    explorer = hidden_state_explorer(model, vocab, "hello")
    explorer.controls["step"].value = 3
    assert "<code>hel</code>" in explorer.note.value


def test_softmax_explorer():
    explorer = softmax_explorer([1.0, 0.0, -1.0], labels=list("abc"))
    assert "sum of probabilities = 1.000" in explorer.note.value
    explorer.controls["temperature"].value = 0.1
    assert "largest = 1.00" in explorer.note.value
    explorer.controls["z0"].value = 0.0
    explorer.controls["z2"].value = 0.0
    assert "largest = 0.33" in explorer.note.value
    with pytest.raises(ValueError, match="labels"):
        softmax_explorer([1.0, 2.0], labels=list("abc"))
    with pytest.raises(ValueError, match="2 to 8"):
        softmax_explorer(np.zeros(9))


def test_benchmark_explorers_types_into_text_boxes():
    """make bench times typing too (chapter 6's name explorer has a text box)."""
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from rnnlib.widgets import benchmark_explorers

    seen = []

    def draw(name):
        seen.append(name)
        return plt.figure()

    explorer = Explorer(draw, {"name": widgets.Text(value="ro")}, title="typing")
    rows = [row for row in benchmark_explorers() if row["explorer"] == "typing"]
    assert rows and rows[0]["redraws"] == 3
    assert seen[1:] == ["roo", "rooo", "roooo"] and explorer.controls["name"].value == "roooo"
