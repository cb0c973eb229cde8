# ---
# jupyter:
#   jupytext:
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
# # Chapter 2: The vanilla RNN (기본 순환 신경망)
#
# A feed-forward network sees one fixed-size input and forgets it. To read a sequence it
# needs a **memory** that it carries from one step to the next. The simplest way to give it one
# is a single vector, the **hidden state (은닉 상태)**, updated by the same small rule at every
# step. That is the whole idea of a recurrent neural network (순환 신경망, RNN).
#
# **Learning objectives.** After this chapter you can
#
# 1. write the forward pass of an RNN from memory, `h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`,
#    `y_t = W_hy h_t`, and say what every symbol means and what shape it has, in both
#    notations used in the literature (`U, W, V` and `W_xh, W_hh, W_hy`);
# 2. draw an RNN rolled up and unrolled in time, and explain weight sharing (가중치 공유);
# 3. explain why the nonlinearity matters (stacked linear maps collapse to one matrix) and
#    what softmax and its temperature do;
# 4. compute a few steps of an RNN by hand in numpy and get the same numbers from `rnnlib`;
# 5. train a next-character model on "hello" and "hihello", and explain why the letter "l"
#    is hard without a hidden state;
# 6. tell one-to-many, many-to-one and many-to-many problems apart, and choose between a
#    regression loss (MSE, MAE) and a classification loss (cross-entropy).
#
# The backward pass (how the weights are learned) is the subject of [chapter 3](03_bptt_and_vanishing_gradients.ipynb). Here we use
# `rnnlib`'s optimiser and treat training as a black box.

# %% [markdown] slideshow={"slide_type": "notes"}
# About 70 minutes; explorers: softmax (section 6), hidden state on "hihello" (section 7).
# Say: one vector, the hidden state, updated by the same rule at every step: that is the
# whole RNN.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import numpy as np

import rnnlib
from rnnlib import functional, losses, optim
from rnnlib.cells import RNNCell
from rnnlib.data.encoding import Vocabulary, one_hot, pad_batch
from rnnlib.exercises import ch02 as exercises
from rnnlib.experiments import ch02 as experiments
from rnnlib.i18n import set_language, tr
from rnnlib.recurrent import Recurrent
from rnnlib.viz import new_axes, use_course_style
from rnnlib.viz.rnn import (
    plot_activations,
    plot_hidden_strip,
    plot_io_patterns,
    plot_softmax,
    plot_state_comparison,
    plot_step_distributions,
    plot_unrolled,
)
from rnnlib.widgets.rnn import hidden_state_explorer, softmax_explorer

use_course_style()
set_language("en")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. Recurrence and unrolling (순환과 펼치기)
#
# Read the letters `h`, `e`, `l`, `l` one at a time and guess the next one. After `h` you
# might guess `e`; after `h e l` you guess `l`; after `h e l l` you guess `o`. The last two
# guesses follow the *same* letter `l` and differ only because of what came before. You
# keep a running summary of the past in your head and update it with each new letter.
#
# An RNN does exactly this. At step `t` it takes the new input `x_t` and its previous
# summary `h_{t-1}` and computes a new summary `h_t` with one fixed function:
#
# $$h_t = f(x_t, h_{t-1}), \qquad h_0 = 0.$$
#
# Drawn **rolled up**, it is one cell with a loop: its output goes back into itself.
# Drawn **unrolled** (펼친 그림), it is a chain with one copy of the cell per step. The
# copies are not different networks: they are the same cell, with **the same weights at
# every step** (weight sharing, 가중치 공유). That is why one RNN can read a sequence of any
# length without growing.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: unrolling turns the loop into a chain of copies of one cell; the weights are shared
# across steps. Ask the room: *how many parameters does the model have for 4 characters, and
# for 400?* (the same)

# %% slideshow={"slide_type": "subslide"}
ax = plot_unrolled(
    list("hell"),
    list("ello"),
    rolled=True,
    title=tr("The same RNN rolled up (left) and unrolled over 'hell' (right)"),
)
# %% [markdown] slideshow={"slide_type": "subslide"}
# Weight sharing in numbers: a model has the same parameters whether it reads 4 characters
# or 400, and it returns one output per step.

# %% slideshow={"slide_type": "fragment"}
shared = rnnlib.SequenceModel("rnn", hidden_size=8, vocab_size=4, output_size=4, rng=SEED)
short_outputs = shared.predict(rng.integers(0, 4, size=(4, 1)))
long_outputs = shared.predict(rng.integers(0, 4, size=(400, 1)))
print("parameters:", shared.num_parameters())
print("outputs for 4 steps:", short_outputs.shape, " for 400 steps:", long_outputs.shape)
assert short_outputs.shape == (4, 1, 4) and long_outputs.shape == (400, 1, 4)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. The equations, in two notations
#
# The sources of this course write the same RNN in two ways. Many textbooks and blog posts
# use `U`, `W`, `V` and call the hidden state `s_t`:
#
# $$s_t = f(U x_t + W s_{t-1}), \qquad o_t = \mathrm{softmax}(V s_t).$$
#
# Libraries (and `rnnlib`) name each matrix by what it connects, and add biases:
#
# $$h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b), \qquad y_t = W_{hy} h_t + b_y,
# \qquad p_t = \mathrm{softmax}(y_t), \qquad h_0 = 0.$$
#
# `y_t` are the output **scores** (logits, 로짓); `p_t = softmax(y_t)` turns them into
# probabilities. With `D` input features, `H` hidden units and `C` output classes:
#
# | textbook | `rnnlib` | connects | shape | name in a `SequenceModel` |
# |---|---|---|---|---|
# | `U` | `W_xh` | input `x_t` -> hidden | `(H, D)` | `recurrent.0.cell.W_xh` |
# | `W` | `W_hh` | hidden `h_{t-1}` -> hidden `h_t` | `(H, H)` | `recurrent.0.cell.W_hh` |
# | (none) | `b` | bias of the hidden units | `(H,)` | `recurrent.0.cell.b` |
# | `V` | `W_hy` | hidden `h_t` -> output scores | `(C, H)` | `head.W` |
# | (none) | `b_y` | bias of the outputs | `(C,)` | `head.b` |
# | `s_t` | `h_t` | hidden state | `(H,)` | `cache.traces[0].hidden[t, b]` |
# | `o_t` | `softmax(y_t)` | output distribution | `(C,)` | `softmax(outputs[t])` |
#
# `f` is a nonlinearity, usually `tanh` ([section 5](#5.-Why-a-nonlinearity?-(비선형성)) shows why it cannot be left out).
# `rnnlib` works on batches of row vectors, so it computes `x @ W_xh.T`: the same numbers
# as `W_xh x` for a column vector, with the matrices in the shapes of the equations.
#
# **A note on the lecture notes.** One of the lecture notes this course is built on writes
# the recurrence as `y_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`. That quantity is the
# hidden state `h_t`; the output is read from it, `y_t = W_hy h_t + b_y`.
#
# The table, checked against a real model with `D = C = 5` characters and `H = 8` units:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: U, W, V in textbooks are W_xh, W_hh, W_hy in `rnnlib`. Ask the room: *what is the
# shape of W_hh for 8 hidden units?* (8 x 8)

# %% slideshow={"slide_type": "subslide"} tags=["nbval-check-output"]
table_model = rnnlib.SequenceModel("rnn", hidden_size=8, vocab_size=5, output_size=5, rng=SEED)
textbook = {
    "recurrent.0.cell.W_xh": "U",
    "recurrent.0.cell.W_hh": "W",
    "recurrent.0.cell.b": "-",
    "head.W": "V",
    "head.b": "-",
}
for name, param, _ in table_model.named_parameters():
    print(f"{textbook[name]:>2}  {name:<22} shape {param.shape}")
H, D, C = 8, 5, 5
shapes = {name: param.shape for name, param, _ in table_model.named_parameters()}
assert shapes == {
    "recurrent.0.cell.W_xh": (H, D),
    "recurrent.0.cell.W_hh": (H, H),
    "recurrent.0.cell.b": (H,),
    "head.W": (C, H),
    "head.b": (C,),
}
assert table_model.num_parameters() == H * D + H * H + H + C * H + C

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 1: parameter shapes
#
# A character model reads one-hot vectors over a vocabulary of 5 characters, has 8 hidden
# units and outputs one score per character. Fill in the shape of each parameter.

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
my_shapes = {
    "W_xh": ...,  # e.g. (rows, columns)
    "W_hh": ...,
    "b": ...,
    "W_hy": ...,
    "b_y": ...,
}
passed = exercises.check_parameter_shapes(my_shapes, vocab_size=5, hidden_size=8)
# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
solution_shapes = {"W_xh": (8, 5), "W_hh": (8, 8), "b": (8,), "W_hy": (5, 8), "b_y": (5,)}
assert exercises.check_parameter_shapes(solution_shapes, vocab_size=5, hidden_size=8)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. One-hot encoding (원-핫 인코딩)
#
# A network multiplies numbers, so characters must become vectors. The simplest choice: give
# each character of the vocabulary (어휘) an index, and represent it by a vector of zeros with
# a single 1 at that index. For "hello" the vocabulary is `h, e, l, o`:

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
vocab_hello = Vocabulary("hello")  # the distinct characters, in order of appearance
print("vocabulary:", vocab_hello.tokens)
print("'hell' as ids:", vocab_hello.encode("hell"))
x_hell = one_hot(vocab_hello.encode("hell"), len(vocab_hello))
print("'hell' one-hot (one row per step):")
print(x_hell)
assert np.all(x_hell.sum(axis=1) == 1)

# %% [markdown]
# One-hot vectors carry no notion of similarity: every pair of characters is equally far
# apart. They also make the first product cheap to understand: **multiplying `W_xh` by a
# one-hot vector just picks out one column of `W_xh`**, a learned vector for that character.
# ([Chapter 5](05_text_generation.ipynb)'s character model keeps one-hot inputs;
# [chapter 6](06_sequence_classification.ipynb#5.-Words,-embeddings,-and-sentences-where-order-matters)
# replaces them by a learned embedding, which is exactly this lookup.)

# %% slideshow={"slide_type": "fragment"}
W_demo = rng.normal(size=(3, 4))
for k in range(len(vocab_hello)):
    assert np.allclose(W_demo @ one_hot(np.array(k), 4), W_demo[:, k])
print("W_xh @ one_hot('l') is column", vocab_hello.encode("l")[0], "of W_xh")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. Computing an RNN by hand (손으로 계산하기)
#
# Take input size `D = 4` (the one-hot characters `h, e, l, o`), hidden size `H = 4` and
# output size `C = 4`, with small weights written to one decimal so you can follow along.
# Start from `h_0 = 0` and read "hell". At step 1 the recurrent term vanishes
# (`W_hh h_0 = 0`), so `h_1 = tanh(column 'h' of W_xh + b)`. From step 2 on, the previous
# hidden state feeds in.

# %% [markdown] slideshow={"slide_type": "notes"}
# Work through step 1 and 2 on the board: at step 1 the recurrent term is zero. Ask the
# room: *at which step does the past first enter?* (step 2, through W_hh h_1)

# %% slideshow={"slide_type": "subslide"} tags=["nbval-check-output"]
hand_rng = np.random.default_rng(7)
W_xh = hand_rng.integers(-5, 6, size=(4, 4)) / 10
W_hh = hand_rng.integers(-5, 6, size=(4, 4)) / 10
b = hand_rng.integers(-2, 3, size=4) / 10
W_hy = hand_rng.integers(-5, 6, size=(4, 4)) / 10
b_y = np.zeros(4)
print("W_xh =\n", W_xh, "\nW_hh =\n", W_hh, "\nb =", b)

h = np.zeros(4)  # h_0
hidden_by_hand, scores_by_hand = [], []
for t, x in enumerate(x_hell, start=1):
    a = W_xh @ x + W_hh @ h + b  # pre-activation
    h = np.tanh(a)  # new hidden state
    y = W_hy @ h + b_y  # output scores
    hidden_by_hand.append(h)
    scores_by_hand.append(y)
    print(f"t={t} input {'hell'[t - 1]!r}:  h_{t} = {h}   p_{t} = {functional.softmax(y)}")
hidden_by_hand, scores_by_hand = np.array(hidden_by_hand), np.array(scores_by_hand)

column_h = W_xh[:, vocab_hello.encode("h")[0]]
assert np.allclose(hidden_by_hand[0], np.tanh(column_h + b))  # step 1: no recurrent term

# %% [markdown]
# The same numbers from `rnnlib`: an `RNNCell` holds `W_xh`, `W_hh` and `b`; `Recurrent`
# applies it at every step of a time-major input of shape `(T, B, D)` (here `B = 1`
# sequence); a `SequenceModel` adds the one-hot encoding and the output layer `W_hy, b_y`.

# %% slideshow={"slide_type": "subslide"}
cell = RNNCell(4, 4, rng=SEED)
cell.params["W_xh"][...] = W_xh
cell.params["W_hh"][...] = W_hh
cell.params["b"][...] = b

(h_1,), _ = cell.forward(x_hell[:1])  # one step, a batch of one row
assert np.allclose(h_1[0], hidden_by_hand[0])

hidden_rnnlib, cache = Recurrent(cell).forward(x_hell[:, None, :])  # (T=4, B=1, D=4)
assert np.allclose(hidden_rnnlib[:, 0], hidden_by_hand)

hand_model = rnnlib.SequenceModel("rnn", hidden_size=4, vocab_size=4, output_size=4, rng=SEED)
hand_params = {name: param for name, param, _ in hand_model.named_parameters()}
for name, value in {
    "recurrent.0.cell.W_xh": W_xh,
    "recurrent.0.cell.W_hh": W_hh,
    "recurrent.0.cell.b": b,
    "head.W": W_hy,
    "head.b": b_y,
}.items():
    hand_params[name][...] = value  # overwrite in place
scores_rnnlib = hand_model.predict(vocab_hello.encode("hell")[:, None])
assert np.allclose(scores_rnnlib[:, 0], scores_by_hand)
print("rnnlib reproduces the hand computation: hidden states and output scores agree.")

# %% [markdown] slideshow={"slide_type": "subslide"}
# **One matrix or two?** Some texts (and one of our lecture notes) write the step with a
# single matrix acting on the previous state and the input stacked into one vector:
#
# $$h_t = \tanh\big(W \, [h_{t-1}; x_t] + b\big), \qquad W = [W_{hh} \;\; W_{xh}]
#   \text{ of shape } (H, H + D).$$
#
# It is the same thing. Multiplying a matrix by a stacked vector splits into the product
# of its left block with the top part plus its right block with the bottom part:
# `W [h; x] = W_hh h + W_xh x`. Checked on the hand-computed example:

# %% slideshow={"slide_type": "fragment"}
W_concat = np.hstack([W_hh, W_xh])  # (H, H + D): W_hh's columns, then W_xh's
h = np.zeros(4)
for t, x in enumerate(x_hell):
    h = np.tanh(W_concat @ np.concatenate([h, x]) + b)  # [h_{t-1}; x_t]: (H + D,)
    assert np.allclose(h, hidden_by_hand[t])
print("W", W_concat.shape, "@ [h_{t-1}; x_t] gives the same h_t as W_hh h_{t-1} + W_xh x_t")

# %% [markdown]
# The hidden states as a picture: one column per step, one row per unit, red for positive,
# blue for negative. Every value lies in (-1, 1), the range of tanh.

# %% slideshow={"slide_type": "subslide"}
ax = plot_hidden_strip(
    hidden_by_hand, list("hell"), title=tr("Hand-computed hidden states while reading 'hell'")
)

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 2: one RNN step
#
# Write `rnn_step(x, h_prev, W_xh, W_hh, b)` for single vectors: `x` of shape `(D,)`,
# `h_prev` of shape `(H,)`, returning the new hidden state of shape `(H,)`.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def rnn_step(x, h_prev, W_xh, W_hh, b):
    raise NotImplementedError  # your code here


passed = exercises.check_rnn_step(rnn_step)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def rnn_step_solution(x, h_prev, W_xh, W_hh, b):
    return np.tanh(W_xh @ x + W_hh @ h_prev + b)


assert exercises.check_rnn_step(rnn_step_solution)

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 3: the forward pass over T steps
#
# Write `rnn_forward(xs, h0, W_xh, W_hh, b)`: `xs` holds one input per row, `(T, D)`; start
# from `h0` `(H,)` and return every hidden state `h_1, ..., h_T` as the rows of a
# `(T, H)` array. Use your `rnn_step` (or the solution's `rnn_step_solution`).


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def rnn_forward(xs, h0, W_xh, W_hh, b):
    raise NotImplementedError  # your code here


passed = exercises.check_rnn_forward(rnn_forward)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def rnn_forward_solution(xs, h0, W_xh, W_hh, b):
    hidden, h = [], h0
    for x in xs:  # one step per row, in order
        h = rnn_step_solution(x, h, W_xh, W_hh, b)  # the new state is the next step's h_prev
        hidden.append(h)
    return np.array(hidden)  # (T, H)


assert exercises.check_rnn_forward(rnn_forward_solution)
assert np.allclose(rnn_forward_solution(x_hell, np.zeros(4), W_xh, W_hh, b), hidden_by_hand)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. Why a nonlinearity? (비선형성)
#
# Drop the `tanh` and every step is a matrix product. A product of matrices is one matrix,
# so a stack of linear layers, however deep, computes no more than a single linear layer.
# Three stacked maps `W_3 W_2 W_1 x` are the single map `M x` with `M = W_3 W_2 W_1`:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: without the nonlinearity, layers and time steps collapse into one matrix. Ask the
# room: *a 10-layer linear network computes what?* (a single linear map)

# %% slideshow={"slide_type": "fragment"}
W1, W2, W3 = rng.normal(size=(6, 4)), rng.normal(size=(6, 6)), rng.normal(size=(3, 6))
M = W3 @ W2 @ W1  # one (3, 4) matrix
X = rng.normal(size=(4, 100))  # 100 inputs as columns
assert np.allclose(W3 @ (W2 @ (W1 @ X)), M @ X)
print("three linear layers = one", M.shape, "matrix")

# %% [markdown]
# The same happens in time. A *linear* RNN, `h_t = W h_{t-1} + U x_t`, unrolled over three
# steps gives `h_3 = W² U x_1 + W U x_2 + U x_3`: one fixed matrix applied to the stacked
# inputs. With `tanh` in between, no single matrix reproduces the map: the best
# least-squares fit leaves a clear error.

# %% slideshow={"slide_type": "subslide"}
U_lin, W_lin = rng.normal(size=(4, 3)), rng.normal(size=(4, 4)) * 0.5
inputs3 = rng.normal(size=(3, 3, 500))  # (T=3, D=3, 500 sequences)


def run_rnn(activation):
    h = np.zeros((4, 500))
    for x in inputs3:
        h = activation(W_lin @ h + U_lin @ x)
    return h


big_matrix = np.hstack([W_lin @ W_lin @ U_lin, W_lin @ U_lin, U_lin])  # (4, 9)
stacked = inputs3.reshape(9, 500)  # x_1, x_2, x_3 stacked
assert np.allclose(run_rnn(lambda a: a), big_matrix @ stacked)


def best_linear_fit_error(outputs):
    fit, *_ = np.linalg.lstsq(stacked.T, outputs.T, rcond=None)
    return np.linalg.norm(stacked.T @ fit - outputs.T) / np.linalg.norm(outputs)


linear_error, tanh_error = (
    best_linear_fit_error(run_rnn(lambda a: a)),
    best_linear_fit_error(run_rnn(np.tanh)),
)
print(
    f"relative error of the best single matrix: linear RNN {linear_error:.1e}, tanh RNN {tanh_error:.2f}"
)
assert linear_error < 1e-10 and tanh_error > 0.05

# %% [markdown]
# **tanh vs ReLU.** `tanh` squashes any input into (-1, 1) and is zero-centred; ReLU,
# `max(0, a)`, is unbounded above. Inside a recurrence, that matters: the same `W_hh` is
# applied at every step, so a ReLU state can grow without limit, while a tanh state stays
# bounded. ([Chapter 3](03_bptt_and_vanishing_gradients.ipynb#3.-The-Jacobian-of-one-step,-and-products-of-Jacobians)
# looks at what these functions do to gradients.)

# %% slideshow={"slide_type": "subslide"}
ax = plot_activations(title=tr("tanh stays in (-1, 1); ReLU is unbounded above"))
# %% slideshow={"slide_type": "fragment"}
W_grow = 1.5 * np.eye(3)  # a recurrent matrix that amplifies the state
h_tanh = h_relu = np.ones(3)
for _ in range(20):
    h_tanh, h_relu = np.tanh(W_grow @ h_tanh), np.maximum(W_grow @ h_relu, 0)
print("after 20 steps: tanh state", h_tanh, " ReLU state", h_relu)
assert np.all(np.abs(h_tanh) < 1) and np.all(h_relu > 1000)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Softmax and temperature (소프트맥스와 온도)
#
# The output layer gives one score `y_k` per class, any real number. **Softmax** turns the
# scores into a probability distribution:
#
# $$p_k = \frac{e^{y_k / T}}{\sum_j e^{y_j / T}}.$$
#
# Every `e^{...}` is positive, so every `p_k > 0`; dividing by the sum of all of them makes
# the `p_k` add up to exactly 1. The order of the scores is kept (a larger score gets a larger
# probability), and adding the same number to every score changes nothing, because
# `e^{y+c} = e^c e^y` and `e^c` cancels. `rnnlib` uses that to subtract the largest score
# first, so that `exp` never overflows.
#
# The **temperature** `T` (default 1) rescales the scores first. A low temperature
# exaggerates their differences and pushes the distribution towards the arg-max; a high
# temperature flattens it towards uniform.
# [Chapter 5](05_text_generation.ipynb#6.-Generating-text:-greedy-or-sampled,-hot-or-cold-(생성:-탐욕적-디코딩과-온도))
# uses it to sample text that is more or less adventurous.
#
# **A note on the lecture notes.** One of them says that the *inputs* of softmax sum to 1.
# It is the *outputs*: the scores going in can be any real numbers (above they sum to
# 2.1); the probabilities coming out always sum to 1.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: softmax keeps the order of the scores; the temperature sharpens or flattens. In the
# explorer: add the same amount to every score (nothing changes), then move the temperature
# to 0.1 and to 10. Ask the room: *what happens at a very high temperature?* (uniform)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
scores = np.array([2.0, 1.0, 0.1, -1.0])
p = functional.softmax(scores)
print("scores:", scores, " softmax:", p, " sum:", round(p.sum(), 6))
assert np.all(p > 0) and np.isclose(p.sum(), 1.0)
assert not np.isclose(scores.sum(), 1.0)  # the inputs need not sum to 1
assert np.array_equal(np.argsort(p), np.argsort(scores))  # order kept
assert np.allclose(functional.softmax(scores + 100.0), p)  # shift changes nothing
assert np.allclose(functional.softmax(np.array([1000.0, 999.0])), [0.731, 0.269], atol=1e-3)
cold, hot = functional.softmax(scores, temperature=0.1), functional.softmax(scores, temperature=10)
print("T = 0.1:", cold, "\nT = 10: ", hot)
assert cold.max() > 0.99 and hot.max() - hot.min() < 0.1

# %% slideshow={"slide_type": "subslide"}
fig = plot_softmax(scores, 1.0, list("helo"), title=tr("Scores and their softmax"))
# %% [markdown] slideshow={"slide_type": "slide"}
# Move the scores and the temperature and watch the probabilities. Try: raise every score by
# the same amount; drag the temperature to 0.1 and to 10.
#
# **Question.** Make the scores of "h" and "e" equal (both 2.0). What are their two
# probabilities at T = 1, and what do they become when you drag T down to 0.1?

# %%
softmax_explorer(scores, labels=list("helo"))

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# at T = 1 both get 0.45 (the other two share the last 0.10); at T = 0.1 both get
# 0.50: a low temperature picks the best score, and a tie stays a tie, split evenly.
tied = np.array([2.0, 2.0, 0.1, -1.0])
warm, cold = functional.softmax(tied), functional.softmax(tied, temperature=0.1)
assert np.isclose(warm[0], warm[1]) and abs(warm[0] - 0.45) < 0.01, warm
assert np.allclose(cold[:2], 0.5, atol=1e-6), cold

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 4: softmax with temperature
#
# Write `softmax(z, temperature=1.0)` for a vector of scores. It must also work for large
# scores such as `[1000, 999, 0]`.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def softmax(z, temperature=1.0):
    raise NotImplementedError  # your code here


passed = exercises.check_softmax(softmax)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def softmax_solution(z, temperature=1.0):
    z = np.asarray(z, dtype=float) / temperature
    e = np.exp(z - z.max())  # subtracting the max cancels in the ratio, and avoids overflow
    return e / e.sum()


assert exercises.check_softmax(softmax_solution)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. A next-character model: "hello" and "hihello"
#
# **The task.** Read a word one character at a time and, at every step, predict the next
# character. For "hello" the input is "hell" and the target is "ello", one step ahead:
# `h -> e`, `e -> l`, `l -> l`, `l -> o`. The last character has no successor, so it is
# only a target.
#
# ### Exercise 5: training pairs
#
# Write `make_pairs(text, vocab)` returning `(input_ids, target_ids)` as integer arrays.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def make_pairs(text, vocab):
    raise NotImplementedError  # your code here


passed = exercises.check_next_char_pairs(make_pairs)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def make_pairs_solution(text, vocab):
    ids = vocab.encode(text)
    return ids[:-1], ids[1:]


assert exercises.check_next_char_pairs(make_pairs_solution)

# %% [markdown]
# **Training on "hello".** The model is an RNN with 8 hidden units and a 4-way output
# (`h, e, l, o`). Training repeats four lines: run the model forward, measure the
# cross-entropy loss, run the backward pass ([chapter 3](03_bptt_and_vanishing_gradients.ipynb)) to get the gradients, and let the
# Adam optimiser nudge the weights. Inputs are time-major `(T, B)`: 4 steps, 1 sequence.

# %% slideshow={"slide_type": "subslide"}
ids = vocab_hello.encode("hello")
inputs_hello, targets_hello = ids[:-1, None], ids[1:, None]  # (T=4, B=1) each
model_hello = rnnlib.SequenceModel(
    "rnn", hidden_size=8, vocab_size=len(vocab_hello), output_size=len(vocab_hello), rng=SEED
)
optimizer = optim.Adam(model_hello, lr=0.05)
loss_curve = []
for _ in range(100):
    logits, cache = model_hello.forward(inputs_hello)
    loss, dlogits = losses.softmax_cross_entropy(logits, targets_hello)
    optimizer.zero_grad()
    model_hello.backward(dlogits, cache)
    optimizer.step()
    loss_curve.append(loss)

fig, ax = new_axes(figsize=(7, 3.5))
ax.plot(loss_curve, linewidth=2)
ax.set(
    xlabel=tr("training step"),
    ylabel=tr("cross-entropy loss"),
    title=tr("Learning 'hello': loss per step"),
)
ax.set_yscale("log")

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
predicted_hello = vocab_hello.decode(model_hello.predict(inputs_hello)[:, 0].argmax(axis=-1))
print(f"reads 'hell', predicts {predicted_hello!r}")
assert loss_curve[0] > 1.0 and loss_curve[-1] < 0.05  # from guessing to knowing
assert predicted_hello == "ello"

# %% [markdown]
# **"hihello"** has five characters, `h, i, e, l, o`, and two traps: `h` is followed once by
# `i` and once by `e`, and `l` once by `l` and once by `o`. This time `rnnlib.fit` runs the
# same loop for us.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: "hihello" has two traps, h and l, each followed by two different letters. Ask the
# room: *what is the best a memoryless model can do on those steps?* (50/50)

# %% slideshow={"slide_type": "fragment"}
text_hi = "hihello"
vocab_hi = Vocabulary(text_hi)
ids_hi = vocab_hi.encode(text_hi)
inputs_hi, targets_hi = ids_hi[:-1, None], ids_hi[1:, None]  # (T=6, B=1)
model_hi = rnnlib.SequenceModel(
    "rnn", hidden_size=8, vocab_size=len(vocab_hi), output_size=len(vocab_hi), rng=SEED
)
history = rnnlib.fit(
    model_hi, optim.Adam(model_hi, lr=0.05), [(inputs_hi, targets_hi)], epochs=100, progress=False
)
logits_hi, cache_hi = model_hi.forward(inputs_hi)
probs_hi = functional.softmax(logits_hi[:, 0])  # (T=6, C=5): p(next | characters so far)
hidden_hi = cache_hi.traces[0].hidden[:, 0]  # (T=6, H=8)
predicted_hi = vocab_hi.decode(probs_hi.argmax(axis=-1))

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
print(f"reads 'hihell', predicts {predicted_hi!r}")
p_target = probs_hi[np.arange(6), targets_hi[:, 0]]
print("probability given to the right next character at each step:", p_target.round(2))
assert predicted_hi == "ihello"
assert p_target.min() > 0.9

# %% [markdown]
# The whole output at every step: each column is the distribution `p(x_{t+1} | x_1..x_t)`
# after reading the character under it; the true next character is outlined.

# %% slideshow={"slide_type": "subslide"}
ax = plot_step_distributions(
    probs_hi,
    vocab_hi.tokens,
    inputs=list(text_hi[:-1]),
    targets=list(text_hi[1:]),
    title=tr("Trained on 'hihello': predicted next character at each step"),
)
# %% [markdown] slideshow={"slide_type": "subslide"}
# ### Why "l" is hard
#
# Count what follows each character in "hihello":

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
followers = {}
for current, following in zip(text_hi[:-1], text_hi[1:], strict=True):
    followers.setdefault(current, []).append(following)
print(followers)
assert followers["l"] == ["l", "o"] and followers["h"] == ["i", "e"]

# %% [markdown] slideshow={"slide_type": "subslide"}
# A model that sees only the current character (no memory, like a feed-forward net with a
# one-character window) must give the same answer both times it reads `l`. The best it can
# do is 50/50, and the same for `h`. Its loss can never go below the average of
# `-log(count / total)` over the six positions, which is `4 ln 2 / 6 ≈ 0.46`. The RNN goes far
# below that bound, so it must be using something besides the current character: its hidden
# state.

# %% slideshow={"slide_type": "fragment"}
memoryless_bound = np.mean(
    [
        -np.log(followers[c].count(n) / len(followers[c]))
        for c, n in zip(text_hi[:-1], text_hi[1:], strict=True)
    ]
)
print(f"best loss without memory: {memoryless_bound:.3f}; the RNN's loss: {history.loss[-1]:.4f}")
assert np.isclose(memoryless_bound, 4 * np.log(2) / 6)
assert history.loss[-1] < memoryless_bound / 10

# %% [markdown]
# At steps 5 and 6 the input is the very same one-hot vector for `l`. Whatever tells the
# two steps apart must be in `h_{t-1}`, and so the new hidden states differ too:

# %% slideshow={"slide_type": "subslide"}
x_step5, x_step6 = one_hot(inputs_hi[4, 0], 5), one_hot(inputs_hi[5, 0], 5)
assert np.array_equal(x_step5, x_step6)  # identical inputs ...
gap = np.linalg.norm(hidden_hi[4] - hidden_hi[5])
print(f"... but ||h_5 - h_6|| = {gap:.2f} (hidden values lie in (-1, 1))")
assert gap > 1.0  # ... and clearly different hidden states
ax = plot_state_comparison(
    {
        tr("h_5 after 'hihel' (next: 'l')"): hidden_hi[4],
        tr("h_6 after 'hihell' (next: 'o')"): hidden_hi[5],
    },
    title=tr("Same input 'l', different hidden states"),
)
# %% [markdown] slideshow={"slide_type": "slide"}
# **Explore it yourself.** Type a string made of `h, i, e, l, o` (press Enter), then move
# the step slider: the left panel shows the hidden states the model has built so far, the
# right panel its guess for the next character. Try "hihello", "hello", "hihi", "ell".
#
# **Question.** In "hihello" the input at step 1 and at step 3 is the same letter "h". Set
# step t to 1, then to 3: what does the model predict after each "h", and how can the same
# input lead to two different guesses?

# %% [markdown] slideshow={"slide_type": "notes"}
# Type "hihello", then "hello", move the step slider. Ask the room: *at steps 5 and 6 the
# input is the same "l": what differs, and where is it stored?* (h_{t-1})

# %%
hidden_state_explorer(model_hi, vocab_hi, "hihello")

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# after the first "h" it predicts "i", after the second "e". The input is the same,
# but h_3 also carries h_2, which remembers that "hi" was read already.
guesses = functional.softmax(model_hi.predict(vocab_hi.encode("hihello")[:, None]))[:, 0]
first, second = (vocab_hi.tokens[int(guesses[t].argmax())] for t in (0, 2))
assert (first, second) == ("i", "e"), (first, second)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. What the hidden state means
#
# Unroll the equations and `h_t` turns out to be a function of `x_1, ..., x_t` only:
# `h_1` of `x_1`, `h_2` of `x_2` and `h_1`, and so on. It is a fixed-size **summary** of
# everything read so far. The output at step `t` reads only `h_t`, so it is a distribution
# over the next character *given the whole prefix*:
#
# $$p_t = \mathrm{softmax}(W_{hy} h_t + b_y) = p(x_{t+1} \mid x_1, \dots, x_t).$$
#
# Two consequences we can check. First, the future cannot leak into the past: change the
# input after step 3, and the outputs of steps 1 to 3 stay exactly the same.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: h_t summarises the whole prefix, so the output is p(next | everything so far). Ask
# the room: *why is the training loss minus the log probability of the text?* (the chain
# rule)

# %% slideshow={"slide_type": "fragment"}
original = model_hi.predict(vocab_hi.encode("hihell")[:, None])
changed = model_hi.predict(vocab_hi.encode("hihooo")[:, None])
assert np.array_equal(original[:3], changed[:3])  # same prefix "hih": same outputs
assert not np.allclose(original[3:], changed[3:])
print("steps 1-3 unchanged, steps 4-6 changed")

# %% [markdown]
# Second, multiplying the step-by-step probabilities gives the probability of the whole
# continuation (the chain rule of probability), and its log is minus the total
# cross-entropy loss: training maximises the probability of the text.

# %% slideshow={"slide_type": "fragment"}
log_prob = np.log(p_target).sum()
loss_now, _ = losses.softmax_cross_entropy(logits_hi, targets_hi)
print(f"p('ihello' after 'h') = product of the 6 step probabilities = {np.exp(log_prob):.3f}")
assert np.isclose(log_prob, -6 * loss_now)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. Input and output shapes (입출력 형태)
#
# Where the inputs go in and where the outputs are read gives four patterns:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: where inputs go in and outputs are read gives four patterns: many-to-many aligned,
# one-to-many, many-to-one, encoder-decoder. Ask the room: *which pattern is translation,
# which is sentiment?*

# %%
fig = plot_io_patterns()
# %% [markdown] slideshow={"slide_type": "subslide"}
# Each with a tiny runnable example.
#
# **Many-to-many, aligned** (one output per input, at the same step): the next-character
# model above; part-of-speech tagging ([chapter 7](07_sequence_tagging.ipynb)). Outputs have shape `(T, B, C)`.

# %% slideshow={"slide_type": "fragment"}
print("inputs", inputs_hi.shape, "-> outputs", logits_hi.shape)
assert logits_hi.shape == (6, 1, 5)

# %% [markdown]
# **One-to-many** (one input, then a sequence out): give the trained model only `h` and let
# it feed each prediction back in as its next input, carrying the hidden state across calls
# with `initial_state`. (Image captioning works the same way, starting from an image.)


# %% slideshow={"slide_type": "skip"}
def generate(model, vocab, start, steps):
    """Greedy generation: read `start`, then repeatedly append the most likely character."""
    logits, cache = model.forward(vocab.encode(start)[:, None])
    text = start
    for _ in range(steps):
        next_id = logits[-1, 0].argmax()
        text += vocab.decode(np.array([next_id]))
        logits, cache = model.forward(np.array([[next_id]]), initial_state=cache.final_state)
    return text


generated = generate(model_hi, vocab_hi, "h", 6)
print(generated)
assert generated == "hihello"

# %% [markdown]
# **Many-to-one** (a sequence in, one output after the last step): sentiment
# "이 숙소 짱입니다" ("this place is great") -> Positive. The tokens are words; sentences of
# different lengths are padded into one batch, and a mask tells the RNN to carry its state
# over the padding, so the output is read at each sentence's own last word. A toy data set
# of six sentences is enough to see the shapes and a model that fits them.

# %% slideshow={"slide_type": "skip"}
sentences = [
    ("이 숙소 짱입니다", "Positive"),
    ("이 숙소 별로입니다", "Negative"),
    ("숙소 짱", "Positive"),
    ("숙소 별로", "Negative"),
    ("이 식당 정말 짱입니다", "Positive"),
    ("이 식당 정말 별로입니다", "Negative"),
]
word_vocab = Vocabulary(word for sentence, _ in sentences for word in sentence.split())
labels = ["Negative", "Positive"]
word_ids, word_mask = pad_batch([word_vocab.encode(s.split()) for s, _ in sentences])
label_ids = np.array([labels.index(label) for _, label in sentences])
sentiment = rnnlib.SequenceModel(
    "rnn", hidden_size=8, vocab_size=len(word_vocab), output_size=2, many_to_one=True, rng=SEED
)
rnnlib.fit(
    sentiment,
    optim.Adam(sentiment, lr=0.05),
    [(word_ids, label_ids, word_mask)],
    epochs=60,
    progress=False,
)
sentiment_scores = sentiment.predict(word_ids, mask=word_mask)
print("inputs", word_ids.shape, "(T, B) -> outputs", sentiment_scores.shape, "(B, C)")
for (sentence, label), score in zip(sentences, sentiment_scores, strict=True):
    print(f"{sentence:<16} -> {labels[score.argmax()]}  (true: {label})")
assert sentiment_scores.shape == (6, 2)
assert np.array_equal(sentiment_scores.argmax(axis=1), label_ids)

# %% [markdown]
# **Many-to-many, not aligned** (encoder-decoder, 인코더-디코더): translation. One RNN (the
# encoder) reads the whole input; its final hidden state becomes the initial state of a
# second RNN (the decoder), which writes an output sequence of its own length. Here, untrained,
# only the shapes: 4 steps in, 2 steps out.
#
# **Speech recognition (음성 인식)** is not aligned either: a recording comes in as about
# 100 frames of sound per second, the transcript goes out as far fewer letters, and nobody
# marks which frame belongs to which letter. RNN recognisers read the frames with a
# (bidirectional) RNN and either use an encoder-decoder like this one or let the network
# output "no letter" at most frames and train it with CTC (connectionist temporal
# classification, Graves et al. 2006), which sums over all alignments.

# %% slideshow={"slide_type": "skip"}
encoder = Recurrent(RNNCell(4, 8, rng=1))
decoder = Recurrent(RNNCell(4, 8, rng=2))
decoder_head = rnnlib.Dense(8, 4, rng=3)
_, encoder_cache = encoder.forward(one_hot(vocab_hello.encode("hell"), 4)[:, None])  # T_in = 4
decoder_inputs = one_hot(vocab_hello.encode("oh"), 4)[:, None]  # e.g. its own previous outputs
decoder_hidden, _ = decoder.forward(decoder_inputs, initial_state=encoder_cache.final_state)
decoder_scores, _ = decoder_head.forward(decoder_hidden)
print("encoder reads (4, 1, 4); decoder writes", decoder_scores.shape)
assert decoder_scores.shape == (2, 1, 4)

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 6: which pattern?
#
# Assign each task one of `"one-to-many"`, `"many-to-one"`, `"many-to-many aligned"`,
# `"many-to-many not aligned"`.

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
my_patterns = {task: ... for task in exercises.IO_PATTERN_TASKS}
for task in my_patterns:
    print(task)
passed = exercises.check_io_patterns(my_patterns)
# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
solution_patterns = {
    "sentiment: '이 숙소 짱입니다' -> Positive": "many-to-one",
    "next character: 'hell' -> 'ello'": "many-to-many aligned",
    "image captioning: one image -> a sentence": "one-to-many",
    "translation: an English sentence -> a Korean sentence": "many-to-many not aligned",
    "part-of-speech tagging: one tag per word": "many-to-many aligned",
    "intent: '알람 꺼줘' -> Alarm.Off": "many-to-one",
}
assert exercises.check_io_patterns(solution_patterns)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 10. Modelling choices: regression or classification (회귀와 분류)
#
# The same RNN can predict a number or a class; only the output layer, the ground truth and
# the loss change.
#
# | | regression (회귀) | classification (분류) |
# |---|---|---|
# | example | tomorrow's temperature, the next value of a series | the next character, a sentiment label |
# | output per position | `k` real numbers, used as they are | `C` scores, turned into probabilities by softmax |
# | ground truth | real numbers, shape `(T, B, k)` | a class index, shape `(T, B)`, or a one-hot row, shape `(T, B, C)` |
# | loss | MSE `mean((ŷ - y)²)` or MAE `mean(abs(ŷ - y))` | cross-entropy `-mean log p(correct class)` |
#
# **Regression.** A sequence of numbers in, a number out at each step: predict the next
# value of a sine wave, `sin(0.3 t + phase)`, with a random phase for each sequence. It has
# its own "l" problem: the value 0.5 is followed by a larger value on the way up and by a
# smaller one on the way down. From the current value alone, the best guess averages the two
# (`x_t cos 0.3`), with a mean squared error of about `sin²(0.3) / 2 ≈ 0.044`. An RNN can
# read the direction from its hidden state.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: only the output layer, the ground truth and the loss change between regression and
# classification. Ask the room: *MSE or MAE for data with outliers?* (MAE is more forgiving)

# %% slideshow={"slide_type": "subslide"}
# the data: `sine_batch(rng)` draws 32 waves with random phases, inputs x_t and targets x_{t+1}
wave_inputs, wave_targets = experiments.sine_batch(np.random.default_rng(SEED))
print(
    "first wave, first steps:",
    wave_inputs[:4, 0, 0].round(3),
    "->",
    wave_targets[:4, 0, 0].round(3),
)

# the experiment: an RNN with 8 hidden units, 200 Adam steps on fresh waves, MSE loss;
# errors on unseen waves skip the first 5 steps (the RNN needs a few values to see which
# way the wave goes). The tests re-run it with other seeds.
sine = experiments.sine_regression(SEED)
regressor = sine.model
series_inputs, series_targets, series_pred = sine.inputs, sine.targets, sine.predictions
mse_rnn, mae_rnn, mse_memoryless = sine.mse_rnn, sine.mae_rnn, sine.mse_memoryless
print(f"inputs {series_inputs.shape}, targets {series_targets.shape}: real numbers")
print(
    f"RNN: MSE {mse_rnn:.4f}, MAE {mae_rnn:.4f};  best guess from x_t alone: MSE {mse_memoryless:.3f}"
)
assert series_pred.shape == series_targets.shape == (30, 32, 1)
assert np.isclose(mse_memoryless, np.sin(experiments.STEP) ** 2 / 2, rtol=0.3)
assert mse_rnn < mse_memoryless / 10

fig, ax = new_axes(figsize=(10.5, 3.5))
ax.plot(series_targets[:, 0, 0], "o-", label=tr("true next value"))
ax.plot(series_pred[:, 0, 0], "s--", label=tr("RNN prediction"))
ax.set(
    xlabel=tr("time step t"),
    ylabel=tr("value"),
    title=tr("Regression: the trained RNN predicts the next value"),
)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))  # outside: the data fill the axes

# %% [markdown] slideshow={"slide_type": "subslide"}
# MSE squares the errors, so it punishes a few large mistakes much more than many small
# ones; MAE weighs every unit of error the same and is more forgiving of outliers (이상치).
# Take perfect predictions for 40 values and make one of them wrong by 10:

# %% slideshow={"slide_type": "fragment"}
truth = np.sin(np.arange(40) * experiments.STEP)[:, None]  # 40 true values, shape (40, 1)
outlier_pred = truth.copy()
outlier_pred[7] += 10.0
mse_outlier, _ = losses.mse(outlier_pred, truth)
mae_outlier, _ = losses.mae(outlier_pred, truth)
print(
    f"one error of 10 among 40: MSE {mse_outlier:.2f} (= 100/40), MAE {mae_outlier:.2f} (= 10/40)"
)
assert np.isclose(mse_outlier, 100 / 40) and np.isclose(mae_outlier, 10 / 40)

# %% [markdown]
# **Classification.** The ground truth can be written as class indices `(T, B)` (what
# `rnnlib` and most libraries use) or as one-hot rows `(T, B, C)`. Cross-entropy only looks
# at the probability of the correct class, so both forms give the same loss and the same
# gradient:

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
loss_index, grad_index = losses.softmax_cross_entropy(logits_hi, targets_hi)  # (6, 1)
loss_onehot, grad_onehot = losses.softmax_cross_entropy(logits_hi, one_hot(targets_hi, 5))
print("targets as indices:", targets_hi[:, 0], "  as one-hot:", one_hot(targets_hi, 5).shape)
print(f"same loss: {np.isclose(loss_index, loss_onehot)}")
assert np.isclose(loss_index, loss_onehot) and np.allclose(grad_index, grad_onehot)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 11. The same names in PyTorch and Keras (프레임워크 대응표)
#
# `rnnlib` stores its weights in the shapes and block orders of the mainstream frameworks,
# so weights trained elsewhere carry over. The LSTM and GRU are the subject of
# [chapter 4](04_lstm_and_gru.ipynb); their rows are here so that the table is in one place.
# PyTorch names the parameters of layer 0 of `torch.nn.RNN`, `torch.nn.LSTM` and
# `torch.nn.GRU` like this (H hidden units, D inputs):
#
# | `rnnlib` | PyTorch | note |
# |---|---|---|
# | `W_xh (G*H, D)` | `weight_ih_l0 (G*H, D)` | same shape; G = 1 (RNN), 4 (LSTM), 3 (GRU) |
# | `W_hh (G*H, H)` | `weight_hh_l0 (G*H, H)` | same shape |
# | `b (G*H,)`, RNN and LSTM | `bias_ih_l0 + bias_hh_l0` | PyTorch keeps two biases; only their sum matters |
# | LSTM blocks of `W_xh`, `W_hh`, `b` | i, f, g, o | input, forget, candidate (cell), output: the same order |
# | GRU blocks | r, z, n | reset, update, new: the same order |
# | GRU `b` | `[b_ir + b_hr; b_iz + b_hz; b_in]` | the first 2H rows summed, the last H from `bias_ih_l0` only |
# | GRU `b_hn (H,)` | `bias_hh_l0[2H:]` | it sits *inside* the reset product: $n = \tanh(W_{in} x + b_{in} + r \odot (W_{hn} h + b_{hn}))$, so it cannot be folded into `b` |
# | `h_t = (1 - z) n + z h_{t-1}` | the same | colah's blog and the Deep Learning Specialization swap `z` and `1 - z` |
#
# For the losses, the difference is only the form of the targets (section 10):
#
# | targets | `rnnlib` | Keras | PyTorch |
# |---|---|---|---|
# | class indices, `(T, B)` | `softmax_cross_entropy(logits, ids)` | `SparseCategoricalCrossentropy` | `nn.CrossEntropyLoss` with class indices |
# | one-hot rows, `(T, B, C)` | `softmax_cross_entropy(logits, one_hot)` | `CategoricalCrossentropy` | `nn.CrossEntropyLoss` with probabilities |
#
# `rnnlib`'s loss takes scores (logits); Keras's losses expect probabilities unless they
# are built with `from_logits=True`.
#
# **Building a cell from given weights.** `Cell.from_weights(weights)` builds any cell type
# from a dict of its parameters (names and shapes as in the table; the sizes are read from
# the shapes), and `cell.step_trace(cache)` returns the `Trace` of one step run with
# `cell.forward`: `h`, the LSTM's `c` and every gate by name. (`LSTMCell(...)` itself adds
# `forget_bias = 1` to the forget block of `b` when it initialises random weights;
# `from_weights` takes `b` exactly as given.) Here are PyTorch-shaped LSTM weights (random
# numbers standing in for a trained model), one step with PyTorch's documented equations
# written in numpy, and the same step through `rnnlib`:

# %%
from rnnlib.cells import GRUCell, LSTMCell

D_pt, H_pt = 3, 2
pt_rng = np.random.default_rng(11)
torch_lstm = {  # the names and shapes of torch.nn.LSTM(3, 2).state_dict()
    "weight_ih_l0": pt_rng.normal(size=(4 * H_pt, D_pt)),
    "weight_hh_l0": pt_rng.normal(size=(4 * H_pt, H_pt)),
    "bias_ih_l0": pt_rng.normal(size=4 * H_pt),
    "bias_hh_l0": pt_rng.normal(size=4 * H_pt),
}
x_pt, h_pt, c_pt = pt_rng.normal(size=D_pt), pt_rng.normal(size=H_pt), pt_rng.normal(size=H_pt)

# PyTorch's equations: the four blocks i, f, g, o of W_ih x + b_ih + W_hh h + b_hh
pre = (
    torch_lstm["weight_ih_l0"] @ x_pt + torch_lstm["bias_ih_l0"]
    + torch_lstm["weight_hh_l0"] @ h_pt + torch_lstm["bias_hh_l0"]
)  # fmt: skip
i_pt, f_pt, g_pt, o_pt = np.split(pre, 4)
i_pt, f_pt, g_pt, o_pt = (
    functional.sigmoid(i_pt),
    functional.sigmoid(f_pt),
    np.tanh(g_pt),
    functional.sigmoid(o_pt),
)
c_next = f_pt * c_pt + i_pt * g_pt
h_next = o_pt * np.tanh(c_next)

lstm = LSTMCell.from_weights(
    {
        "W_xh": torch_lstm["weight_ih_l0"],
        "W_hh": torch_lstm["weight_hh_l0"],
        "b": torch_lstm["bias_ih_l0"] + torch_lstm["bias_hh_l0"],
    }
)
state, step_cache = lstm.forward(x_pt[None], (h_pt[None], c_pt[None]))  # a batch of one
step = lstm.step_trace(step_cache)
print("rnnlib h:", step.hidden[0, 0], " c:", step.cell_state[0, 0])
print("gates:", {name: gate[0, 0].round(3).tolist() for name, gate in step.gates.items()})
assert np.allclose(step.hidden[0, 0], h_next) and np.allclose(step.cell_state[0, 0], c_next)
assert np.allclose(state[0][0], h_next) and np.allclose(state[1][0], c_next)
for name, value in zip(lstm.gate_names, (i_pt, f_pt, g_pt, o_pt), strict=True):
    assert np.allclose(step.gates[name][0, 0], value), name

# %% [markdown]
# The GRU, with its bias `b_hn` inside the reset product:

# %%
torch_gru = {  # torch.nn.GRU(3, 2).state_dict()
    "weight_ih_l0": pt_rng.normal(size=(3 * H_pt, D_pt)),
    "weight_hh_l0": pt_rng.normal(size=(3 * H_pt, H_pt)),
    "bias_ih_l0": pt_rng.normal(size=3 * H_pt),
    "bias_hh_l0": pt_rng.normal(size=3 * H_pt),
}
W_i_r, W_i_z, W_i_n = np.split(torch_gru["weight_ih_l0"], 3)
W_h_r, W_h_z, W_h_n = np.split(torch_gru["weight_hh_l0"], 3)
b_i_r, b_i_z, b_i_n = np.split(torch_gru["bias_ih_l0"], 3)
b_h_r, b_h_z, b_h_n = np.split(torch_gru["bias_hh_l0"], 3)
r_pt = functional.sigmoid(W_i_r @ x_pt + b_i_r + W_h_r @ h_pt + b_h_r)
z_pt = functional.sigmoid(W_i_z @ x_pt + b_i_z + W_h_z @ h_pt + b_h_z)
n_pt = np.tanh(W_i_n @ x_pt + b_i_n + r_pt * (W_h_n @ h_pt + b_h_n))
h_gru = (1 - z_pt) * n_pt + z_pt * h_pt

gru = GRUCell.from_weights(
    {
        "W_xh": torch_gru["weight_ih_l0"],
        "W_hh": torch_gru["weight_hh_l0"],
        "b": np.concatenate([b_i_r + b_h_r, b_i_z + b_h_z, b_i_n]),
        "b_hn": b_h_n,
    }
)
(h_rnnlib,), gru_cache = gru.forward(x_pt[None], h_pt[None])
gru_step = gru.step_trace(gru_cache)
print("rnnlib GRU h:", h_rnnlib[0], " PyTorch's equations:", h_gru)
assert np.allclose(h_rnnlib[0], h_gru)
assert np.allclose(gru_step.gates["reset_gate"][0, 0], r_pt)
assert np.allclose(gru_step.gates["update_gate"][0, 0], z_pt)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * An RNN reads a sequence one step at a time and keeps a **hidden state**, updated by one
#   rule with the same weights at every step: `h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`,
#   `h_0 = 0`. Unrolled, it is a chain of copies of one cell (weight sharing).
# * The textbook `U, W, V` are `rnnlib`'s `W_xh (H, D)`, `W_hh (H, H)`, `W_hy (C, H)`.
# * Without the nonlinearity, layers and time steps collapse into one matrix; tanh keeps the
#   state bounded in (-1, 1).
# * Softmax turns scores into probabilities that are positive and sum to 1; the
#   temperature sharpens (T < 1) or flattens (T > 1) them.
# * Multiplying `W_xh` by a one-hot vector picks one column: a learned vector per character.
# * The next-character model learns "hihello" in a second. The two `l`s (and the two `h`s)
#   get identical inputs; only the hidden state can tell them apart, and it does. A model
#   without memory cannot get its loss below 0.46.
# * `h_t` summarises `x_1..x_t`, and the output is `p(x_{t+1} | x_1..x_t)`.
# * Patterns: one-to-many (generation, captioning), many-to-one (sentiment, intent),
#   many-to-many aligned (next character, tagging) and not aligned (translation).
# * Regression: real-valued targets with MSE or MAE (MAE is gentler with outliers).
#   Classification: cross-entropy, with index or one-hot targets (same loss; Keras calls
#   them sparse categorical and categorical cross-entropy).
# * `h_t = tanh(W [h_{t-1}; x_t] + b)` with one matrix `W = [W_hh W_xh]` is the same RNN.
# * PyTorch's `weight_ih_l0`, `weight_hh_l0` are `W_xh`, `W_hh`; its two biases add up to
#   `b` (the GRU's `b_hn` stays apart); `Cell.from_weights` builds a cell from them and
#   `cell.step_trace` shows one step's states and gates.
#
# Next, [chapter 3](03_bptt_and_vanishing_gradients.ipynb) opens the black box of training:
# backpropagation through time, and why gradients in an RNN vanish or explode.
#
# ## Glossary (용어집)
#
# | English | 한국어 | Meaning |
# |---|---|---|
# | recurrent neural network (RNN) | 순환 신경망 | a network that applies one cell at every step of a sequence, carrying a hidden state |
# | hidden state | 은닉 상태 | the vector `h_t` that summarises the inputs read so far |
# | recurrence | 순환 | computing `h_t` from `h_{t-1}` with the same rule at every step |
# | unrolling | 펼치기 | drawing (or computing) the recurrence as a chain with one copy of the cell per step |
# | weight sharing | 가중치 공유 | the same `W_xh, W_hh, W_hy` used at every time step |
# | input-to-hidden weights | 입력-은닉 가중치 | `W_xh` (textbook `U`), shape `(H, D)` |
# | hidden-to-hidden weights | 은닉-은닉 가중치 | `W_hh` (textbook `W`), shape `(H, H)` |
# | hidden-to-output weights | 은닉-출력 가중치 | `W_hy` (textbook `V`), shape `(C, H)` |
# | nonlinearity / activation function | 비선형성 / 활성화 함수 | `tanh` or ReLU between the linear maps; without it they collapse to one matrix |
# | one-hot encoding | 원-핫 인코딩 | a vector of zeros with a single 1 at the token's index |
# | vocabulary | 어휘 | the list of tokens a model knows, each with an index |
# | logits (scores) | 로짓 | the raw output scores before softmax |
# | softmax | 소프트맥스 | `exp(y_k) / sum_j exp(y_j)`: positive numbers that sum to 1 |
# | temperature | 온도 (샘플링 온도) | `T` in `softmax(y / T)`: low sharpens, high flattens |
# | next-character prediction | 다음 문자 예측 | many-to-many task: predict `x_{t+1}` from `x_1..x_t` |
# | one-to-many / many-to-one / many-to-many | 일대다 / 다대일 / 다대다 | where inputs enter and outputs are read |
# | encoder-decoder | 인코더-디코더 | one RNN reads the input, another writes an output of its own length |
# | regression | 회귀 | predicting real numbers (loss: MSE, MAE) |
# | classification | 분류 | predicting a class (loss: cross-entropy) |
# | mean squared error (MSE) | 평균 제곱 오차 | `mean((ŷ - y)²)` |
# | mean absolute error (MAE) | 평균 절대 오차 | `mean(abs(ŷ - y))` |
# | cross-entropy | 교차 엔트로피 | `-mean log p(correct class)` |
# | outlier | 이상치 | a value far from the rest |
