# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: jupyter,slideshow,tags,translates,-all
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] slideshow={"slide_type": "slide"}
# # Start here: recurrent neural networks, from Hopfield to LSTM
#
# Welcome to a hands-on course on **recurrent neural networks (순환 신경망, RNN)**: networks
# that read a **sequence (시퀀스)** one step at a time and carry a memory of what they have
# read so far. Every idea is built from scratch in a few lines of numpy, then checked
# against `rnnlib`, a small library written for this course in which every backward pass
# is written out by hand (no automatic differentiation), so that nothing is hidden.
#
# **On this page you will**
#
# 1. see the map of the course: nine chapters, what each teaches and how long it runs;
# 2. learn how the notebooks and their interactive widgets work;
# 3. check that your environment is ready (no network needed);
# 4. train a tiny RNN to spell "hello" and look inside its memory with a widget.
#
# Korean key terms (한국어 용어) appear beside the English ones the first time they are
# used, and every chapter ends with a glossary; `GLOSSARY.md` collects them all.

# %% [markdown] slideshow={"slide_type": "notes"}
# About 20 minutes, before [chapter 1](01_sequences_and_hopfield.ipynb) in the first session. Say: the course reads sequences
# one step at a time and carries a memory; every idea is built in numpy and checked against
# `rnnlib`; every claim in the text is an `assert`.
#
# Ask the room: *which everyday data only make sense in order?* (speech, text, prices,
# sensor readings)

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import importlib
import inspect
import json
import platform
import re
import time
from pathlib import Path

import ipywidgets
import matplotlib
import numpy as np
from IPython.display import Markdown

import rnnlib
from rnnlib.data.encoding import Vocabulary, one_hot
from rnnlib.functional import softmax
from rnnlib.i18n import set_language, tr
from rnnlib.models import SequenceModel
from rnnlib.optim import Adam
from rnnlib.train import fit
from rnnlib.viz import new_axes, use_course_style
from rnnlib.widgets import Explorer
from rnnlib.widgets.rnn import hidden_state_explorer

use_course_style()
set_language("en")  # figures, explorers and feedback in English ("ko": Korean)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## The course map
#
# Read the chapters in order: each one uses the ideas of the ones before it.
#
# | Chapter | What it teaches |
# |---|---|
# | [01 Sequences and Hopfield networks](01_sequences_and_hopfield.ipynb) | why order and context matter ("사과": an apple or an apology?); why a fixed input window falls short; the Hopfield network as an associative memory: Hebbian weights, sign updates, energy, capacity |
# | [02 The vanilla RNN](02_vanilla_rnn.ipynb) | the recurrence $h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)$, unrolling and shared weights, softmax outputs, the "hello" next-character model, one-to-many / many-to-one / many-to-many |
# | [03 BPTT and vanishing gradients](03_bptt_and_vanishing_gradients.ipynb) | backpropagation through time by hand, the gradient check, Jacobian products and why gradients vanish or explode, clipping, truncated BPTT |
# | [04 LSTM and GRU](04_lstm_and_gru.ipynb) | cell state and gates (forget, input, output), why the additive cell path keeps gradients alive, the GRU, RNN vs. LSTM vs. GRU on a long-memory task |
# | [05 Text generation](05_text_generation.ipynb) | a character language model on one-hot characters, truncated BPTT with a carried state, sampling with a temperature, bits per character against n-gram baselines |
# | [06 Sequence classification](06_sequence_classification.ipynb) | many-to-one models: sentiment, intent ("알람 꺼줘" → Alarm.Off), the language of a name; padding and masks, word embeddings; bidirectional and stacked RNNs |
# | [07 Sequence tagging with Viterbi](07_sequence_tagging.ipynb) | part-of-speech tagging: an RNN's tag likelihoods + counted tag transitions, combined by the Viterbi algorithm |
# | [08 Time-series forecasting](08_time_series.ipynb) | regression with an RNN: sine mixtures and the chaotic Mackey-Glass series, one step and many steps ahead |
# | [09 Encoder–decoder and attention](09_encoder_decoder_attention.ipynb) | sequence-to-sequence models: dates in Korean and English ("이천이십육년 십일월 이십이일") → ISO 8601, the fixed-size bottleneck, attention (Bahdanau, Luong) from scratch, teacher forcing and exposure bias, greedy and beam search, self-attention as the step to transformers |
#
# How long does a chapter take to run from top to bottom ("Run All Cells")? `make bench`
# measures it on a 2-core machine and writes the times to `benchmarks/run_times.json`;
# the table below reads that file (the README quotes the same file). Reading a chapter
# and playing with its widgets takes longer, and that is the point.
#
# All data is either generated by `rnnlib` from a seed or ships inside an installed package,
# so the course runs offline and gives the same numbers every time.

# %% slideshow={"slide_type": "skip"}
CHAPTERS = [
    "01_sequences_and_hopfield", "02_vanilla_rnn", "03_bptt_and_vanishing_gradients",
    "04_lstm_and_gru", "05_text_generation", "06_sequence_classification",
    "07_sequence_tagging", "08_time_series", "09_encoder_decoder_attention",
]  # fmt: skip
# a chapter is its notebook, or (in an edition still being built) its py:percent source
missing = [
    name for name in CHAPTERS if not (Path(f"{name}.ipynb").exists() or Path(f"{name}.py").exists())
]
assert not missing, f"chapters listed in the map but not found next to this notebook: {missing}"

bench = json.loads(Path("../benchmarks/run_times.json").read_text(encoding="utf-8"))
# this edition's times (the folder this notebook runs in: notebooks/ or notebooks_ko/); a
# chapter not measured yet in this edition shows its English twin's
edition_times = bench.get(Path.cwd().name, {})
rows = [
    tr("| Chapter | Time to run (s) | Budget (s) | Measured | Load average |"),
    "|---|---:|---:|---|---:|",
]
for name in CHAPTERS:
    entry = edition_times.get(f"{name}.ipynb") or bench["notebooks"][f"{name}.ipynb"]
    rows.append(
        f"| {name[:2]} | {max(1, round(entry['run_s']))} | {entry['budget_s']} "
        f"| {entry['measured']} | {entry['load_average']} |"
    )
Markdown(
    tr(
        "Measured on {machine} (a load average above 2 on 2 cores means other work shared "
        "the machine and slowed the run):",
        machine=bench["machine"],
    )
    + "\n\n"
    + "\n".join(rows)
)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## How the notebooks work
#
# * Run a cell with **Shift+Enter**; run a whole chapter with the menu **Run → Run All
#   Cells**. If things get confusing, **Kernel → Restart Kernel and Run All Cells** starts
#   from a clean slate. A notebook only knows what the cells run so far have defined.
# * **Claims are checked.** When the text says something (e.g. "the RNN gets every
#   character right"), a code cell below it `assert`s it. If you change a cell and an
#   assert fails, the claim no longer holds for your change; that is worth understanding.
# * **Exercises** are a code cell with a stub for you to fill in, followed by a check that
#   says *why* an answer is wrong. The solution sits in a collapsed cell below: click the
#   "…" (or the blue bar on the left of the cell) to open it, after you have tried.
#
# ## How the widgets work
#
# Each chapter has *explorers*: interactive figures built on `rnnlib.widgets.Explorer`.
# A widget cell is a single line, e.g. `hidden_state_explorer(model, vocab, texts)`.
# Running it shows a row of **controls** above a **figure** and a one-line **note** under it:
#
# * **slider**: drag it, or click the handle and press the ← / → arrow keys for one step;
# * **dropdown**: pick an option;
# * **text box**: type, then press Enter (the figure waits until you do).
#
# The figure is **redrawn every time a control's value changes** (for a slider, at each
# step as you drag), usually in well under a second: the widget computes what it needs once,
# when the cell runs, and each redraw only draws. Widgets are live only while the kernel is
# running: after reopening a notebook they show as text such as `Explorer(...)` until you run
# the cells again.
#
# These are all the explorers of the course (module and function in `rnnlib.widgets`):


# %% [markdown] slideshow={"slide_type": "notes"}
# Say: Shift+Enter runs a cell; Run All runs a chapter; Restart Kernel and Run All starts
# clean. Claims are asserts, exercises check answers, solutions are collapsed. Ask the room:
# *what should you do when an assert fails after you changed a cell?* (restart and run all:
# the notebook only knows what has run)


# %% slideshow={"slide_type": "fragment"}
def explorer_index() -> str:
    """A Markdown table of every explorer (a function returning an Explorer) in rnnlib."""
    rows = [tr("| Explorer | What it shows |"), "|---|---|"]
    for path in sorted(Path(rnnlib.widgets.__file__).parent.glob("[a-z]*.py")):
        module = importlib.import_module(f"rnnlib.widgets.{path.stem}")
        for name in getattr(module, "__all__", []):
            function = getattr(module, name)
            if inspect.signature(function).return_annotation not in ("Explorer", Explorer):
                continue
            paragraph = (function.__doc__ or "").strip().split("\n\n")[0]
            summary = " ".join(paragraph.split()).replace("``", "`").replace("|", "\\|")
            rows.append(f"| `{path.stem}.{name}` | {summary} |")
    return "\n".join(rows)


Markdown(explorer_index())

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Check your environment
#
# The next cell checks the versions the course needs and that every part of `rnnlib`
# imports. It needs no network. If an assert fails, run `make lab` from the course folder
# (it installs what is missing) and restart the kernel.


# %% slideshow={"slide_type": "subslide"}
def version_tuple(text: str) -> tuple[int, ...]:
    """'1.26.4' -> (1, 26): the major and minor version numbers."""
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


REQUIREMENTS = {  # name: (installed version, minimum)
    "Python": (platform.python_version(), (3, 10)),
    "numpy": (np.__version__, (1, 26)),
    "matplotlib": (matplotlib.__version__, (3, 8)),
    "ipywidgets": (ipywidgets.__version__, (8, 1)),
}
for name, (found, minimum) in REQUIREMENTS.items():
    status = tr("ok") if version_tuple(found) >= minimum else tr("TOO OLD")
    print(
        tr(
            "{name:<11} {found:<10} needs >= {minimum:<6} {status}",
            name=name,
            found=found,
            minimum=".".join(map(str, minimum)),
            status=status,
        )
    )

assert all(version_tuple(found) >= minimum for found, minimum in REQUIREMENTS.values()), tr(
    "a package is too old: run `make lab` from the course folder, then restart the kernel"
)
assert version_tuple(ipywidgets.__version__)[0] == 8, tr("the widgets are written for ipywidgets 8")
assert "inline" in matplotlib.get_backend(), tr("run `%matplotlib inline` (first cell) for plots")

RNNLIB_MODULES = [
    # core numerics
    "functional", "losses", "module", "layers", "cells", "recurrent", "trace", "models",
    "optim", "train", "gradcheck", "io", "attention", "seq2seq", "i18n", "messages",
    # algorithms the chapters teach, and measurements
    "hopfield", "patterns", "ngram", "generate", "baselines", "tagging", "embeddings",
    "analysis",
    # data: generators, encoders, corpora
    "data.encoding", "data.tasks", "data.names", "data.text", "data.classification",
    "data.pos", "data.series", "data.pairs", "data.dates", "data.korean",
    # plots and explorers
    "viz", "viz.rnn", "viz.hopfield", "viz.gradients", "viz.gates", "viz.text",
    "viz.classification", "viz.tagging", "viz.series", "viz.attention",
    "widgets", "widgets.rnn", "widgets.hopfield", "widgets.gradients", "widgets.gates",
    "widgets.text", "widgets.classification", "widgets.tagging", "widgets.series",
    "widgets.attention",
    # each chapter's seeded experiments and exercise checks
    "experiments.ch01", "experiments.ch02", "experiments.ch03", "experiments.ch04",
    "experiments.ch05", "experiments.ch06", "experiments.ch07", "experiments.ch08",
    "experiments.ch09",
    "exercises.ch01", "exercises.ch02", "exercises.ch03", "exercises.ch04",
    "exercises.ch05", "exercises.ch06", "exercises.ch07", "exercises.ch08",
    "exercises.ch09",
]  # fmt: skip
for name in RNNLIB_MODULES:
    importlib.import_module(f"rnnlib.{name}")
print(
    tr(
        "rnnlib: all {count} modules import, from {folder}",
        count=len(RNNLIB_MODULES),
        folder=Path(rnnlib.__file__).parent,
    )
)

# %% [markdown]
# The data sets ship inside installed packages, so nothing is downloaded. For example the
# person names used in [chapter 5](05_text_generation.ipynb) and
# [chapter 6](06_sequence_classification.ipynb) come from the `faker` package:

# %% slideshow={"slide_type": "fragment"}
from rnnlib.data.names import person_names

names = person_names("en_US")
assert len(names) > 100
print(
    tr(
        "{count} English first names, e.g. {examples}",
        count=len(names),
        examples=", ".join(names[:4]),
    )
)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## A first RNN: learning to spell "hello"
#
# Here is a preview of [chapter 2](02_vanilla_rnn.ipynb). The task: read "hell" one character at a time and, after
# each character, predict the **next** one. The answers are "e", "l", "l", "o".
#
# Look at the two "l"s: after the first "l" comes another "l", after the second comes "o".
# A predictor that sees only the current character must give the same answer both times,
# so it gets at most 3 of the 4 right. To get all four, the network needs a memory of
# what it has read so far. That memory is the **hidden state (은닉 상태)** $h_t$, updated at
# every step from the previous one:
#
# $$h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b), \qquad h_0 = 0, \qquad
#   y_t = \mathrm{softmax}(W_{hy} h_t + c)$$
#
# $x_t$ is the current character as a **one-hot vector (원-핫 벡터)**: all zeros except a 1 at
# the character's position in the **vocabulary (어휘)**; $y_t$ is a probability for each
# character to come next. (Some sources write $U = W_{xh}$, $W = W_{hh}$, $V = W_{hy}$.)

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: predicting the next letter of "hello" needs memory, because the two "l"s are followed
# by different letters. A model that sees only the current letter gets at most 3 of 4.
#
# Ask the room: *what must the network remember to get the fourth letter right?* (whether it
# has already seen one "l")

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
vocab = Vocabulary("hello")  # h, e, l, o: in order of first appearance
ids = vocab.encode("hello")
inputs, targets = ids[:-1], ids[1:]  # read "hell", predict "ello"
print(tr("vocabulary:"), vocab.tokens)
print(tr("inputs "), list(vocab.decode(inputs)), "->", inputs)
print(tr("targets"), list(vocab.decode(targets)), "->", targets)

# The best any memoryless predictor can do: for each character, always answer the
# next character it is most often followed by.
followers = {}
for now, after in zip(inputs, targets, strict=True):
    followers.setdefault(int(now), []).append(int(after))
memoryless_best = sum(max(nexts.count(n) for n in set(nexts)) for nexts in followers.values())
print(
    tr(
        "best memoryless predictor: {right} of {total} right",
        right=memoryless_best,
        total=len(targets),
    )
)
assert memoryless_best == 3

# %% [markdown]
# `rnnlib` builds the network: one RNN layer with 8 hidden units that reads character ids
# (turned into one-hot vectors inside), and a dense layer that scores the next character.
# Training repeats a few hundred times: run forward, measure the cross-entropy loss,
# backpropagate through time, and let the Adam optimizer nudge every weight.

# %% slideshow={"slide_type": "subslide"}
model = SequenceModel(
    cell="rnn", vocab_size=len(vocab), hidden_size=8, output_size=len(vocab), rng=rng
)
batch = [(inputs[:, None], targets[:, None])]  # time-major: (T, B) with one sequence, B = 1
start = time.perf_counter()
history = fit(model, Adam(model, lr=0.05), batch, epochs=300, progress=False)
seconds = time.perf_counter() - start

fig, ax = new_axes(figsize=(8, 3.5))
ax.semilogy(history.loss)
ax.set(
    title=tr('Training the "hello" RNN: the loss falls as it learns'),
    xlabel=tr("training step"),
    ylabel=tr("cross-entropy loss (log scale)"),
)
print(
    tr(
        "trained 300 steps in {seconds:.2f} s; loss {first:.2f} -> {last:.4f}",
        seconds=seconds,
        first=history.loss[0],
        last=history.loss[-1],
    )
)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
logits, cache = model.forward(inputs[:, None])
predicted = vocab.decode(logits[:, 0].argmax(axis=-1))
print(
    tr(
        "reads {inputs!r}, predicts {predicted!r}, answer {answer!r}",
        inputs=vocab.decode(inputs),
        predicted=predicted,
        answer=vocab.decode(targets),
    )
)
assert predicted == "ello", "the RNN gets all four right, the memoryless best is 3"
assert history.loss[-1] < 0.05 < history.loss[0]

# %% [markdown]
# It gets all four, so its hidden state must tell the two "l"s apart. It does: after the
# first "l" and after the second, the hidden states are clearly different vectors.
#
# And there is nothing magic inside `rnnlib`: the recurrence written out in numpy, with the
# model's own weights, gives the same hidden states and probabilities.

# %% slideshow={"slide_type": "subslide"}
params = {name: value for name, value, _ in model.named_parameters()}
W_xh, W_hh, b = (params[f"recurrent.0.cell.{n}"] for n in ("W_xh", "W_hh", "b"))
W_hy, c = params["head.W"], params["head.b"]

h = np.zeros(W_hh.shape[0])  # h_0 = 0
hidden_by_hand = []
for x_t in one_hot(inputs, len(vocab)):
    h = np.tanh(W_xh @ x_t + W_hh @ h + b)
    hidden_by_hand.append(h)
hidden_by_hand = np.array(hidden_by_hand)  # (T, H)
probs_by_hand = softmax(hidden_by_hand @ W_hy.T + c)

trace = cache.traces[-1]
np.testing.assert_allclose(hidden_by_hand, trace.hidden[:, 0], atol=1e-12)
np.testing.assert_allclose(probs_by_hand, softmax(logits[:, 0]), atol=1e-12)

first_l, second_l = hidden_by_hand[2], hidden_by_hand[3]
distance = np.linalg.norm(first_l - second_l)
print(tr("||h after 1st 'l' - h after 2nd 'l'|| = {distance:.2f}", distance=distance))
assert distance > 0.5

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Your first widget: step through the RNN's memory
#
# Pick an input text and move the **step t** slider. On the left, column $t$ is the hidden
# state $h_t$ after reading the first $t$ characters (red: positive, blue: negative); on the
# right, the model's probabilities for the next character, with the true next one hatched.
#
# Things to try: compare the columns after the first and the second "l" of "hello".
#
# **Question.** Pick "olleh", a text the model never saw, and drag **step t** to 5. Which
# character does the model expect after "olleh", and why that one? (Hint: compare its guess
# after "hhello" at step 1, when it has read a single "h".) The answer is in the collapsed
# cell below the explorer (click the three dots to open it).

# %% [markdown] slideshow={"slide_type": "notes"}
# Move the step slider to the first and the second "l" of "hello" and compare the columns.
# Then pick "olleh". Ask the room: *the input at both steps is the same letter; where does
# the difference come from?* (the previous hidden state)

# %%
hidden_state_explorer(model, vocab, ["hello", "hell", "olleh", "hhello"])

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# after "olleh" the model expects "e", exactly what it expects after a lone "h".
# In training an "h" was always followed by "e", and the last input weighs most in h_t:
# the earlier letters "olle" do not change the guess.
after_olleh = softmax(model.predict(vocab.encode("olleh")[:, None]))[-1, 0]
after_h = softmax(model.predict(vocab.encode("h")[:, None]))[-1, 0]
guess = vocab.tokens[int(after_olleh.argmax())]
assert guess == vocab.tokens[int(after_h.argmax())] == "e", (guess, after_olleh, after_h)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * The course has nine chapters, from Hopfield networks to LSTMs, applications and
#   attention; each runs offline on a laptop CPU, with a run-time budget of at most two
#   minutes that `make bench` measures against.
# * Claims in the text are `assert`ed in code; exercises check your answer and explain
#   mistakes; solutions are collapsed.
# * A widget cell is one line; the figure redraws whenever a control changes.
# * An RNN carries a hidden state $h_t$ from step to step. That memory is what lets it
#   predict "l" after the first "l" of "hello" and "o" after the second, which no
#   memoryless predictor can do.
#
# Next: [Chapter 1, sequences and Hopfield networks](01_sequences_and_hopfield.ipynb).
#
# ## Glossary (용어집)
#
# | English | 한국어 | Meaning |
# |---|---|---|
# | recurrent neural network (RNN) | 순환 신경망 | a network that reads a sequence step by step, carrying a hidden state from each step to the next |
# | sequence | 시퀀스 | data whose order matters: text, speech, prices over time |
# | hidden state | 은닉 상태 | the RNN's memory $h_t$: a vector summarising the inputs $x_1..x_t$ read so far |
# | one-hot vector | 원-핫 벡터 | a vector of zeros with a single 1 at the position of a token in the vocabulary |
# | vocabulary | 어휘 | the list of tokens (here characters) a model knows, each with an integer id |
# | softmax | 소프트맥스 | turns a vector of scores into probabilities that are positive and sum to 1 |
# | cross-entropy loss | 교차 엔트로피 손실 | minus the log of the probability the model gave the right answer, averaged |
# | widget | 위젯 | an interactive control (slider, dropdown, text box) in a notebook |
