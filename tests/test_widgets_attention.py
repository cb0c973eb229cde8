"""The attention heatmap and explorer on a small untrained model (drawing, not accuracy)."""

import matplotlib
import numpy as np
import pytest

from rnnlib.data.dates import date_task
from rnnlib.data.pairs import make_batch
from rnnlib.experiments import ch09
from rnnlib.seq2seq import translate
from rnnlib.viz import use_course_style
from rnnlib.viz.attention import plot_attention
from rnnlib.widgets.attention import attention_explorer

matplotlib.use("Agg")

EXAMPLES = ["이천십구년 삼월 일일", "22/11/2026"]


@pytest.fixture(scope="module")
def date_setup():
    use_course_style()  # Hangul labels need the course's font fallback
    task = date_task(num_train=50, num_test=50, rng=0)
    model = ch09.new_model(task, attention="additive", attention_size=4, rng=0, hidden_size=4)
    return model, task


def test_heatmap_labels_source_and_output_tokens(date_setup):
    model, task = date_setup
    (best,) = translate(model, task, EXAMPLES[0], max_length=6)
    outputs = [task.target_vocab.tokens[t] for t in best.tokens][: len(best.attention)]
    outputs += ["</s>"] * (len(best.attention) - len(outputs))
    ax = plot_attention(best.attention, list(EXAMPLES[0]), outputs)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[:2] == ["이", "천"] and "\u2423" in labels  # spaces drawn as "␣"
    with pytest.raises(ValueError, match="source_tokens"):
        plot_attention(best.attention, list(EXAMPLES[0])[:-1], outputs)


def test_explorer_redraws_steps_searches_and_explains_unknown_characters(date_setup):
    model, task = date_setup
    explorer = attention_explorer(model, task, EXAMPLES)
    assert "rnnlib-explorer" in explorer._dom_classes
    first = explorer.image.value
    explorer.controls["step"].value = 2
    assert explorer.image.value != first  # moving the step slider changes the picture
    explorer.controls["search"].value = "beam"
    assert "<table>" in explorer.note.value and "log p" in explorer.note.value
    explorer.controls["beam_width"].value = 1
    explorer.controls["text"].value = "22 Novembré 2026"
    assert "cannot encode" in explorer.note.value and "é" in explorer.note.value
    explorer.controls["text"].value = ""
    assert "cannot encode" not in explorer.note.value
    with pytest.raises(ValueError, match="attention"):
        attention_explorer(
            ch09.new_model(task, attention=None, rng=0, hidden_size=2), task, EXAMPLES
        )


def test_greedy_trace_records_attention_per_step(date_setup):
    model, task = date_setup
    source, mask = make_batch(EXAMPLES, None, task)
    decoding = model.greedy_decode(source, mask, max_length=5)
    trace = decoding.trace
    assert trace.attention.shape == (trace.steps, 2, source.shape[0])
    np.testing.assert_allclose(trace.attention.sum(-1), 1.0)
    assert np.all(trace.attention[:, 1, mask[:, 1] == 0] == 0.0)
    assert trace.sequence(1).attention.shape == (trace.steps, 1, source.shape[0])
