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
# # Chapter 3 — Backpropagation through time, vanishing and exploding gradients
# ### 3장 — 시간에 따른 역전파(BPTT), 기울기 소실과 폭주
#
# In [chapter 2](02_vanilla_rnn.ipynb) a vanilla RNN learned to predict the next character of "hihello". It
# was trained by gradient descent, and we let rnnlib compute the gradients. This
# chapter opens that box. We derive **backpropagation through time (시간에 따른 역전파, BPTT)**
# by hand, check it against rnnlib and against finite differences, and then use it to
# see *why plain RNNs forget*: the gradient that reaches an early step is a product of
# one factor per step, and such products shrink or blow up exponentially.
#
# **Learning objectives.** After this chapter you can
#
# 1. write the loss of an RNN as a sum over time steps and follow the gradient back
#    through the unrolled graph;
# 2. implement BPTT for a vanilla RNN in a few lines of numpy and verify it with a
#    numerical gradient check;
# 3. derive the step Jacobian $\partial h_t/\partial h_{t-1} = \mathrm{diag}(1-h_t^2)\,W_{hh}$
#    and explain why the tanh (at most 1) and sigmoid (at most 1/4) derivatives matter;
# 4. state the singular-value bound and predict from $\sigma_{\max}(W_{hh})$ whether
#    gradients vanish or can explode;
# 5. tame exploding gradients with clipping, and say why clipping by norm keeps the
#    direction while clipping by value does not;
# 6. explain what truncated BPTT saves, what it cuts (the gradient across a chunk
#    boundary) and what it does not (the state carried across it);
# 7. show a vanilla RNN failing on a long-term dependency, and explain why RNNs are slow.

# %% [markdown] slideshow={"slide_type": "notes"}
# About 65 minutes; explorers: gradient flow (section 4), clipping (section 5). Say: we open
# the box of [chapter 2](02_vanilla_rnn.ipynb)'s training: backpropagation through time, and why plain RNNs forget.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import numpy as np

import rnnlib.viz
from rnnlib import analysis
from rnnlib.baselines import adding_baseline
from rnnlib.cells import RNNCell
from rnnlib.data.tasks import ADDING_BASELINE_MSE, adding_problem
from rnnlib.exercises import ch03 as exercises
from rnnlib.experiments import ch03 as experiments
from rnnlib.gradcheck import numerical_gradient, relative_error
from rnnlib.i18n import set_language, tr
from rnnlib.layers import Dense
from rnnlib.optim import clip_grad_norm, clip_grad_value
from rnnlib.recurrent import Recurrent
from rnnlib.viz.gradients import (
    plot_activation_slopes,
    plot_backprop_graph,
    plot_bptt_cost,
    plot_dependency,
    plot_gradient_norms,
    plot_sequence_time,
    plot_training_runs,
    plot_truncation,
)
from rnnlib.widgets.gradients import clipping_explorer, gradient_flow_explorer

SEED = 3
rnnlib.viz.use_course_style()
set_language("en")  # the language of figures, explorers and feedback: "en" or "ko"
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. The loss is a sum over time steps
#
# Recall the vanilla RNN of [chapter 2](02_vanilla_rnn.ipynb), for steps $t = 1, \dots, T$ with $h_0 = 0$:
#
# $$a_t = W_{xh} x_t + W_{hh} h_{t-1} + b, \qquad h_t = \tanh(a_t), \qquad \hat y_t = W_{hy} h_t .$$
#
# (The lecture notes write $U = W_{xh}$, $W = W_{hh}$, $V = W_{hy}$.) When the model makes
# a prediction at every step, the loss (손실) of the sequence is the sum of the per-step
# losses, $L = \sum_{t=1}^{T} L_t(\hat y_t, y_t)$. Here we use $L_t = \tfrac12\lVert \hat y_t - y_t\rVert^2$.
#
# Unrolled over time (펼치기), the RNN is just a deep feed-forward network whose layers
# share the same weights. Backpropagation in that network is *backpropagation through
# time*: the chain rule (연쇄 법칙) applied to the unrolled graph. Two facts make it
# different from an ordinary network:
#
# * $h_t$ influences the loss in two ways: directly through $L_t$, and indirectly
#   through $h_{t+1}$ and every later step. Its total gradient adds both.
# * $W_{hh}$ is used at every step, so its gradient is a **sum over steps**.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the loss is a sum over steps, and a weight used at every step collects a gradient
# from every step. Ask the room: *how many paths lead from W_hh to the loss at step 4?*

# %% slideshow={"slide_type": "subslide"}
ax = plot_backprop_graph(4)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. BPTT by hand
#
# Write $\delta h_t = \partial L / \partial h_t$ for the *total* gradient reaching $h_t$ and
# $\delta a_t = \partial L/\partial a_t$. Going backwards from $t = T$ to $1$, starting
# with $\delta a_{T+1} = 0$ (nothing comes back from beyond the last step):
#
# $$\delta h_t = \underbrace{W_{hy}^\top(\hat y_t - y_t)}_{\text{from } L_t}
#   + \underbrace{W_{hh}^\top\,\delta a_{t+1}}_{\text{from step } t+1},
#   \qquad \delta a_t = (1 - h_t^2) \odot \delta h_t ,$$
#
# $$\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta a_t\, h_{t-1}^\top, \qquad
#   \frac{\partial L}{\partial W_{xh}} = \sum_{t=1}^{T} \delta a_t\, x_t^\top, \qquad
#   \frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta a_t .$$
#
# The factor $1 - h_t^2$ is the derivative of tanh, written with its output:
# $\tanh'(a) = 1 - \tanh(a)^2$. (The output weights need no recursion,
# $\partial L/\partial W_{hy} = \sum_t (\hat y_t - y_t)\, h_t^\top$, so we leave them out.) In code, with a batch of $B$ sequences and rows as
# vectors (so $W h$ becomes `h @ W.T`, as in rnnlib), the forward pass is:


# %% [markdown] slideshow={"slide_type": "notes"}
# Let the recursion unfold: the gradient at h_t gets a local part and a part coming back
# from step t+1. Ask the room: *what is delta a_{T+1} and why?* (zero: nothing after the
# last step)


# %% slideshow={"slide_type": "subslide"}
def rnn_forward(x, W_xh, W_hh, b):
    """x: (T, B, D) -> h: (T + 1, B, H) with h[0] = h_0 = 0 and h[t] = h_t."""
    steps, batch, _ = x.shape
    h = np.zeros((steps + 1, batch, W_hh.shape[0]))
    for t in range(1, steps + 1):
        h[t] = np.tanh(x[t - 1] @ W_xh.T + h[t - 1] @ W_hh.T + b)
    return h


# %% [markdown] slideshow={"slide_type": "skip"}
# The backward pass is yours to write, in two pieces, as in cs231n's assignment 3.
#
# ### Exercise 1: one step back
#
# Write `rnn_step_backward(dh, x_t, h_prev, h_t, W_hh)` for one step, batch rows as
# vectors: given the total gradient `dh` $= \partial L/\partial h_t$ `(B, H)`, return
# `(dh_prev, dW_xh, dW_hh, db)`: the gradient passed on to $h_{t-1}$ `(B, H)` and this
# step's contributions to the weight gradients, `(H, D)`, `(H, H)` and `(H,)`. The check
# compares every output with a numerical gradient and names the usual mistakes.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def rnn_step_backward(dh, x_t, h_prev, h_t, W_hh):
    raise NotImplementedError  # your code here


_ = exercises.check_rnn_step_backward(rnn_step_backward)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def rnn_step_backward_solution(dh, x_t, h_prev, h_t, W_hh):
    da = (1.0 - h_t**2) * dh  # back through tanh: tanh'(a) = 1 - tanh(a)^2
    return da @ W_hh, da.T @ x_t, da.T @ h_prev, da.sum(axis=0)


assert exercises.check_rnn_step_backward(rnn_step_backward_solution)

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 2: the BPTT loop
#
# Write `rnn_backward(dh_local, x, h, W_hh)`: `dh_local[t-1]` $= \partial L_t/\partial h_t$
# `(T, B, H)`, `h` as returned by `rnn_forward` (with `h[0]` $= h_0$). Walk from $t = T$
# back to 1, add the gradient coming back from step $t+1$ to the local one, call your
# step, and sum the weight gradients over the steps. Return
# `(dW_xh, dW_hh, db, dh_total)`, where `dh_total[t-1]` is the total $\partial L/\partial h_t$.
# What comes back from step $t+1$ (`dh_next`) is where most first attempts go wrong; the
# check says at which step the gradient first disagrees.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def rnn_backward(dh_local, x, h, W_hh):
    raise NotImplementedError  # your code here


_ = exercises.check_rnn_backward(rnn_backward)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def rnn_backward_solution(dh_local, x, h, W_hh):
    steps, _, hidden_size = dh_local.shape
    dW_xh, dW_hh = np.zeros((hidden_size, x.shape[2])), np.zeros_like(W_hh)
    db, dh_total = np.zeros(hidden_size), np.zeros_like(dh_local)
    dh_next = np.zeros_like(h[0])  # nothing comes back from beyond step T
    for t in range(steps, 0, -1):
        dh = dh_local[t - 1] + dh_next  # total gradient reaching h_t: local + from t+1
        dh_total[t - 1] = dh
        dh_next, dW_xh_t, dW_hh_t, db_t = rnn_step_backward_solution(
            dh, x[t - 1], h[t - 1], h[t], W_hh
        )  # dh_next is *replaced*: it is what step t passes to step t-1
        dW_xh, dW_hh, db = dW_xh + dW_xh_t, dW_hh + dW_hh_t, db + db_t  # shared: a sum
    return dW_xh, dW_hh, db, dh_total


assert exercises.check_rnn_backward(rnn_backward_solution)

# %% [markdown]
# A small random problem: $T = 6$ steps, a batch of 3, 4 input features, 5 hidden units
# and 2 outputs. `loss_and_local_grads` runs the forward pass and returns the loss and
# $\partial L_t/\partial h_t = W_{hy}^\top(\hat y_t - y_t)$ for every step.

# %% slideshow={"slide_type": "fragment"}
T, B, D, H, C = 6, 3, 4, 5, 2
x = rng.standard_normal((T, B, D))
y = rng.standard_normal((T, B, C))
W_xh = rng.normal(0.0, 0.5, (H, D))
W_hh = rng.normal(0.0, 0.5, (H, H))
b = rng.normal(0.0, 0.1, H)
W_hy = rng.normal(0.0, 0.5, (C, H))


def loss_and_local_grads():
    h = rnn_forward(x, W_xh, W_hh, b)
    error = h[1:] @ W_hy.T - y  # y_hat_t - y_t for every step, (T, B, C)
    return 0.5 * np.sum(error**2), error @ W_hy, h


loss, dh_local, h = loss_and_local_grads()
dW_xh, dW_hh, db, dh_total = rnn_backward_solution(dh_local, x, h, W_hh)

# %% [markdown]
# **Same numbers as rnnlib.** rnnlib's `Recurrent(RNNCell)` implements the same
# recursion (its backward records the total $\partial L/\partial h_t$ of every step in
# `trace.grad_hidden`). Give it our weights and the same $\partial L_t/\partial h_t$:

# %% slideshow={"slide_type": "fragment"}
cell = RNNCell(D, H, rng=0)
for name, value in {"W_xh": W_xh, "W_hh": W_hh, "b": b}.items():
    cell.params[name][...] = value
layer = Recurrent(cell)
hidden, cache = layer.forward(x)
layer.backward(dh_local, cache)

assert np.allclose(hidden, h[1:], atol=1e-12)
assert np.allclose(cache.trace.grad_hidden, dh_total, atol=1e-12)
for name, ours in {"W_xh": dW_xh, "W_hh": dW_hh, "b": db}.items():
    assert np.allclose(cell.grads[name], ours, atol=1e-12), name
print("hidden states, dL/dh_t and all parameter gradients agree with rnnlib")

# %% [markdown]
# **Gradient check (기울기 검사).** Finally, compare with a numerical gradient: nudge
# each weight by $\pm\varepsilon$ and measure the change of the loss,
# $\partial L/\partial w \approx (L(w+\varepsilon) - L(w-\varepsilon))/2\varepsilon$. The
# relative error $|a - n| / (|a| + |n|)$ of a correct float64 backward pass is around
# $10^{-8}$ or smaller; $10^{-3}$ would mean a bug.


# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the numerical gradient agrees with the hand-written one to better than 1e-6. Ask the
# room: *why use float64 and a centred difference?*


# %% slideshow={"slide_type": "fragment"}
def loss_only():
    return loss_and_local_grads()[0]


errors = {
    name: relative_error(ours, numerical_gradient(loss_only, param))
    for name, param, ours in [("W_xh", W_xh, dW_xh), ("W_hh", W_hh, dW_hh), ("b", b, db)]
}
for name, error in errors.items():
    print(f"{name}: relative error {error:.1e}")
assert max(errors.values()) < 1e-6

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. The Jacobian of one step, and products of Jacobians
#
# Where does the gradient for an early step come from? Take a loss on the last step only.
# By the chain rule, the gradient reaching $h_t$ is carried back through every step in
# between:
#
# $$\frac{\partial L}{\partial h_t} = \Big(\prod_{k=t+1}^{T} J_k\Big)^{\!\top} \frac{\partial L}{\partial h_T},
#   \qquad J_k = \frac{\partial h_k}{\partial h_{k-1}} = \mathrm{diag}\big(f'(a_k)\big)\, W_{hh}
#   = \mathrm{diag}(1 - h_k^2)\, W_{hh} \text{ for tanh.}$$
#
# The Jacobian (야코비 행렬) $J_k$ has entry $(i, j) = \partial h_{k,i}/\partial h_{k-1,j}
# = f'(a_{k,i})\,W_{hh}[i, j]$: row $i$ is scaled by the slope of unit $i$. The code line
# `da @ W_hh` in `rnn_step_backward` is exactly the multiplication by $J_t^\top$.
#
# Let us confirm the formula for one step of our small RNN against finite differences:


# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the gradient that reaches an early step is a product of one Jacobian per step in
# between. Ask the room: *what happens to a product of 50 numbers that are each 0.9?* (about
# 0.005)


# %% slideshow={"slide_type": "fragment"}
def one_step(h_prev):
    """h_1 as a function of h_0, for the first sequence of the batch."""
    return np.tanh(x[0, 0] @ W_xh.T + h_prev @ W_hh.T + b)


h_prev = h[1, 0]  # any state will do: use h_1 as the "previous" state
h_next = one_step(h_prev)
jacobian = (1.0 - h_next**2)[:, None] * W_hh  # diag(1 - h^2) W_hh
numeric = np.column_stack(
    [(one_step(h_prev + 1e-6 * e) - one_step(h_prev - 1e-6 * e)) / 2e-6 for e in np.eye(H)]
)
assert relative_error(jacobian, numeric) < 1e-6
print(
    f"step Jacobian vs finite differences: relative error {relative_error(jacobian, numeric):.1e}"
)

# %% [markdown]
# Each factor $J_k$ contains the activation's derivative. The tanh derivative is at most
# 1 (at $a = 0$) and usually much less; the sigmoid's is at most $1/4$; ReLU's is 0 or 1.
# So a step can only shrink the gradient through the activation, never grow it: any
# growth must come from $W_{hh}$.

# %% slideshow={"slide_type": "subslide"}
ax = plot_activation_slopes()

a = np.linspace(-10, 10, 20001)
tanh_slope = analysis.activation_slope(np.tanh(a), "tanh")  # 1 - tanh(a)^2
sigmoid_slope = analysis.activation_slope(1 / (1 + np.exp(-a)), "sigmoid")  # s (1 - s)
assert np.isclose(tanh_slope.max(), 1.0) and np.isclose(sigmoid_slope.max(), 0.25)
assert a[tanh_slope.argmax()] == 0 and a[sigmoid_slope.argmax()] == 0  # both peak at a = 0
assert analysis.SLOPE_BOUND == {"tanh": 1.0, "relu": 1.0, "sigmoid": 0.25}

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. The singular-value bound: vanish or explode
#
# The size of a matrix as a map is its largest singular value (특잇값), the spectral norm
# $\lVert W\rVert_2 = \sigma_{\max}(W)$: no vector is stretched by more. Norms of products
# are at most products of norms, and $\lVert\mathrm{diag}(f'(a_k))\rVert_2 \le \gamma$, where
# $\gamma$ bounds the activation's derivative ($\gamma = 1$ for tanh, $1/4$ for sigmoid).
# Therefore (Pascanu, Mikolov and Bengio, 2013)
#
# $$\lVert J_k \rVert_2 \le \gamma\,\sigma_{\max}(W_{hh})
#   \quad\Longrightarrow\quad
#   \Big\lVert \frac{\partial L}{\partial h_t}\Big\rVert \le \big(\gamma\,\sigma_{\max}(W_{hh})\big)^{T-t}\,
#   \Big\lVert \frac{\partial L}{\partial h_T}\Big\rVert .$$
#
# * If $\sigma_{\max}(W_{hh}) < 1/\gamma$, the gradient **vanishes** (기울기 소실) at least
#   exponentially with the distance $T - t$: early inputs get (almost) no credit.
# * If $\sigma_{\max}(W_{hh}) > 1/\gamma$, the bound grows exponentially, and the gradient
#   **can explode** (기울기 폭주). This is a necessary condition, not a guarantee: the tanh
#   slopes may still pull it down.
#
# `experiments.gradient_flow` runs rnnlib's RNN on 50 random input steps with
# $W_{hh} = \sigma \cdot Q$ ($Q$ a random orthogonal matrix, so every singular value is
# $\sigma$), puts a loss on the last step only, and reads $\lVert\partial L/\partial h_t\rVert$
# from `trace.grad_hidden`. The dashed lines are the bounds; the bounds for
# $\sigma_{\max} = 1.5$ and $2$ grow far above every gradient and leave the top of the axis
# where the triangles are.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the spectral norm of W_hh times the largest activation slope bounds each factor;
# below 1 the gradient vanishes geometrically, above 1 it may explode.
#
# In the explorer: move the spectral norm across 1, then switch to ReLU. Ask the room:
# *where does the curve cross from vanishing to exploding?*

# %% slideshow={"slide_type": "subslide"}
scales = (0.5, 0.9, 1.0, 1.5, 2.0)
flows = [experiments.gradient_flow(scale, "tanh", length=50, rng=SEED) for scale in scales]
ax = plot_gradient_norms(flows)

# %% [markdown] slideshow={"slide_type": "subslide"}
# What the picture shows, checked:
#
# * every curve stays below its bound (the bound is a theorem, so this holds exactly);
# * with $\sigma_{\max} = 0.5$ the gradient at step 1 is less than $10^{-6}$ of the
#   gradient at step $T = 50$ (the bound says at most $0.5^{49} \approx 2\cdot10^{-15}$);
# * with $\sigma_{\max} = 2$ it is more than 10 times *larger* at step 1: it exploded;
# * at $\sigma_{\max} = 1$ the bound is flat, yet the gradient still shrinks, because the
#   tanh slopes $1 - h_t^2$ are usually below 1 (here their average is below 0.95).

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
for flow in flows:
    assert np.all(flow.grad_norms <= flow.bound * (1 + 1e-9))
    assert np.all(flow.grad_norms <= flow.product_bound * (1 + 1e-9))
ratio = {flow.spectral_norm: flow.ratio for flow in flows}
assert ratio[0.5] < 1e-6 and ratio[0.5] <= 0.5**49 * (1 + 1e-9)
assert ratio[2.0] > 10
assert ratio[1.0] < 1
assert np.mean(1 - flows[scales.index(1.0)].hidden ** 2) < 0.95  # tanh slopes: usually < 1
for scale in scales:
    trend = "vanishes" if ratio[scale] < 1e-3 else "explodes" if ratio[scale] > 10 else "survives"
    print(f"sigma_max = {scale:3}: ||dL/dh_1|| / ||dL/dh_T|| {trend}")

# %% [markdown] slideshow={"slide_type": "slide"}
# **Explore.** Move the spectral norm across 1, switch to ReLU and change the length.
# The right panel shows each step's factor $\lVert J_t\rVert_2$: the gradient at step $t$ is
# at most the product of all the factors to its right. With ReLU every factor sits exactly
# on its bound $\sigma_{\max}$ (an active unit has slope exactly 1), yet the gradient on the
# left stays far below its bound. Why? (Hint: the bound assumes that every step stretches
# the gradient along its most-stretched direction, one step after another.)
#
# **Question.** Keep tanh and `length T` = 50, and drag `sigma_max(W_hh)` down from 0.9.
# Below which value does the ratio ||dL/dh_1|| / ||dL/dh_T|| in the note fall under 10⁻⁶,
# so that the first step gets a millionth of the last step's gradient?

# %% slideshow={"slide_type": "skip"}
relu_flow = experiments.gradient_flow(1.5, "relu", length=50, rng=SEED)
assert np.allclose(relu_flow.jacobian_norms, 1.5)  # every step's factor is on its bound...
assert relu_flow.grad_norms[0] < 1e-3 * relu_flow.bound[0]  # ...the product is far below

# %%
gradient_flow_explorer(experiments.gradient_flow, rng=SEED)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# below about 0.8. At the start value 0.9 the ratio is about 1e-5, and every 0.05
# less divides it by roughly ten. The bound sigma_max**49 (0.8**49 = 2e-5) is much larger:
# the tanh slopes, below 1 wherever a unit is not at 0, shrink the gradient further.
sigmas = np.round(np.arange(0.25, 2.5001, 0.05), 2)
ratios = np.array(
    [experiments.gradient_flow(s, "tanh", 50, hidden_size=32, rng=SEED).ratio for s in sigmas]
)
vanished = sigmas[ratios < 1e-6]
assert vanished.size and np.all(ratios[sigmas <= vanished.max()] < 1e-6), ratios
assert 0.7 <= vanished.max() <= 0.85, vanished.max()
assert ratios[sigmas == 0.9][0] > 1e-6  # the start value is above it

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. Exploding gradients and clipping
#
# A vanishing gradient makes learning slow or impossible for long dependencies. An
# exploding gradient is more dramatic: one huge gradient throws the weights far away in a
# single step, the loss jumps up, and the next gradient is even bigger. The loss surface of
# an RNN has steep "cliffs" where this happens.
#
# Here is such a run: a vanilla RNN on the adding problem ([section 7](#7.-Long-term-dependencies:-where-the-vanilla-RNN-fails)), with $W_{hh}$
# started at spectral norm 2 and plain SGD with learning rate 0.3. The same run with
# **gradient clipping (기울기 클리핑)** rescales the whole gradient whenever its global norm
# $\lVert g\rVert$ exceeds a threshold $c$:
#
# $$g \leftarrow g \cdot \min\Big(1, \frac{c}{\lVert g\rVert}\Big).$$

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: an exploding gradient throws the weights away in one step; clipping by norm bounds
# the step and keeps its direction. In the clipping explorer, turn the gradient. Ask the
# room: *why does clipping by value change the direction?*

# %% slideshow={"slide_type": "subslide"}
unclipped = experiments.clipping_run(max_norm=None, rng=SEED)
clipped = experiments.clipping_run(max_norm=1.0, rng=SEED)
fig = plot_training_runs(
    {tr("no clipping"): unclipped, tr("clipped at norm 1"): clipped}, baseline=clipped.baseline
)

# %% [markdown] slideshow={"slide_type": "subslide"}
# Without clipping the loss explodes within a few steps (the run stops once the loss
# passes $10^6$). With clipping, the same weights, data and learning rate train: no update
# is longer than $\text{lr}\cdot c = 0.3$, and the loss of the last 100 steps is well below
# the baseline of always predicting 1.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
assert unclipped.diverged and len(unclipped.loss) < 50
assert unclipped.loss[-1] > 1e3 * unclipped.loss[0] or not np.isfinite(unclipped.loss[-1])
assert not clipped.diverged and np.all(np.isfinite(clipped.loss))
assert np.all(clipped.update_norm <= clipped.lr * clipped.max_norm * (1 + 1e-9))
assert np.sum(clipped.grad_norm > clipped.max_norm) > 10  # clipping was really at work
assert clipped.loss[-100:].mean() < 0.6 * clipped.baseline
print("without clipping: the loss blew up within the first 50 steps")
print(
    f"with clipping: {len(clipped.loss)} steps, every update norm <= lr * c = {clipped.lr * clipped.max_norm}"
)

# %% [markdown]
# **By norm or by value?** Clipping *by value* clamps every gradient entry into $[-c, c]$.
# That also bounds the step, but it changes the gradient's *direction* whenever the
# entries are clamped unequally. Clipping *by norm* shrinks all entries by the same
# factor, so the update still points downhill along the gradient; only its length changes.
# rnnlib has both (`clip_grad_norm`, `clip_grad_value`). A gradient $(10, 0.1)$:


# %% slideshow={"slide_type": "subslide"}
def clipped_direction(clip, threshold):
    module = Dense(2, 1, rng=0)  # W (1, 2), b (1,)
    module.grads["W"][...] = [[10.0, 0.1]]
    module.grads["b"][...] = 0.0
    clip(module, threshold)
    return module.grads["W"][0].copy()


g = np.array([10.0, 0.1])
for name, clip in {"by norm": clip_grad_norm, "by value": clip_grad_value}.items():
    new = clipped_direction(clip, 1.0)
    cosine = new @ g / (np.linalg.norm(new) * np.linalg.norm(g))
    angle = np.degrees(np.arccos(min(cosine, 1.0)))
    print(
        f"{name:8}: {np.round(new, 4)}, norm {np.linalg.norm(new):.3f}, turned by {angle:.1f} degrees"
    )
by_norm, by_value = clipped_direction(clip_grad_norm, 1.0), clipped_direction(clip_grad_value, 1.0)
assert np.isclose(np.linalg.norm(by_norm), 1.0) and np.allclose(
    by_norm / np.linalg.norm(by_norm), g / np.linalg.norm(g)
)
assert np.allclose(by_value, [1.0, 0.1])  # now 10x more weight on the second entry

# %% [markdown] slideshow={"slide_type": "slide"}
# **Explore.** Turn the gradient and change its size and the threshold. The right panel
# shows the gradient norms of the clipped training run above: how many of its steps would
# a given threshold clip?
#
# **Question.** Keep ||g|| = 8 and the threshold c = 1, and turn the direction from 0° to
# 180°. At which directions does clipping by value *not* turn the gradient? (The middle
# panel shows the clipped vectors at the threshold's scale, where the angle is visible.)

# %%
clipping_explorer(clipped)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# at 0°, 45°, 90°, 135° and 180°: along an axis one component is 0, on a diagonal
# both components are clipped to the same size 1; in every other direction the larger
# component is cut more than the smaller one, and the vector turns towards a diagonal.
unturned = []
for degrees in range(0, 181, 5):
    g_dir = 8.0 * np.array([np.cos(np.deg2rad(degrees)), np.sin(np.deg2rad(degrees))])
    cut = np.clip(g_dir, -1.0, 1.0)
    cosine = cut @ g_dir / (np.linalg.norm(cut) * np.linalg.norm(g_dir))
    if cosine > np.cos(np.deg2rad(0.5)):
        unturned.append(degrees)
assert unturned == [0, 45, 90, 135, 180], unturned

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Truncated BPTT
#
# Full BPTT over a long sequence must keep every hidden state until the backward pass,
# and one update waits for the whole sequence. **Truncated BPTT (절단된 BPTT)** splits the
# sequence into chunks of $k$ steps: the *forward* state is carried from chunk to chunk,
# but the gradient is not carried back across a chunk boundary. rnnlib does this with
# `Recurrent.backward(..., truncate=k)`.
#
# **What it cuts.** With a loss on the last step of a 40-step sequence and $k = 10$, the
# inputs before the last chunk get *exactly zero* gradient; inside the last chunk the
# gradient is the same as with full BPTT.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: truncated BPTT carries the state forward but cuts the gradient after k steps: memory
# k B H instead of T B H. Ask the room: *what can a truncated model not learn?*
# (dependencies longer than k, from the gradient)

# %% slideshow={"slide_type": "subslide"}
full = experiments.truncated_gradient(length=40, truncate=None, rng=SEED)
cut = experiments.truncated_gradient(length=40, truncate=10, rng=SEED)
ax = plot_truncation(full, cut, truncate=10)

assert np.all(cut[:30] == 0.0) and np.all(full[:30] > 0)
assert np.allclose(cut[30:], full[30:])

# %% [markdown] slideshow={"slide_type": "subslide"}
# **What it cuts, exactly, and what it does not.** No gradient crosses a chunk boundary:
# a weight is never told how an input more than $k$ steps before a loss should have been
# stored. But the *state* does cross the boundary, and the weights learned inside the
# last chunk act on whatever it carries. So a dependency longer than $k$ can still be
# learned, whenever the state that reaches the last chunk holds the information.
#
# An experiment shows both sides. The task: a clue, $+1$ or $-1$, then noise; after the
# last step, say the clue's sign. At test time the clue always sits at step 1 of $T = 20$,
# **19 steps** before the answer, and training uses $k = 5$. `experiments.truncated_long_dependency`
# trains a tanh RNN twice from the same initial weights, 4 times over:
#
# * **clue always at step 1 in training.** No gradient ever reaches the step where the
#   clue comes in, so its input weights $W_{xh}[:, 0]$ never move from their random start;
# * **clue at any step in training.** Clues that fall inside the last chunk teach the
#   shared weights to write the clue into the state and to keep it there; the same
#   weights then carry a clue from step 1 across all three chunk boundaries.

# %% slideshow={"slide_type": "fragment"}
long_dependency = experiments.truncated_long_dependency(length=20, truncate=5, rng=SEED)
for name, accuracy in [
    ("clue always at step 1", long_dependency.truncated),
    ("clue at any step", long_dependency.truncated_anywhere),
]:
    print(f"truncate=5, trained with {name:22}: test accuracy {np.round(accuracy, 2)}")

# %% [markdown]
# With the clue anywhere, every run says the sign from 19 steps back (accuracy at least
# 0.9 in each of the 4 runs): a dependency almost four times longer than $k$ learned with
# truncated BPTT. With the clue only at step 1, the clue's input weights stay exactly as
# initialised and the mean accuracy stays below 0.8 (near the coin flip's 0.5): whatever
# the random start happens to carry is all there is to read. (The tests repeat this with
# other seeds.)

# %% tags=["nbval-check-output"]
moved = long_dependency.clue_weight_change
assert np.all(moved["truncated"] == 0.0), "no gradient reached the clue's input weights"
assert np.all(moved["truncated_anywhere"] > 0.1)
assert long_dependency.truncated_anywhere.min() >= 0.9, "learned across 3 chunk boundaries"
assert long_dependency.truncated.mean() < 0.8, "not learned when no gradient reaches the clue"
print(
    "clue's input weights moved by at most:",
    {k: round(float(v.max()), 3) for k, v in moved.items()},
)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **What it saves.** Running the sequence chunk by chunk holds only one chunk of hidden
# states at a time: $k \cdot B \cdot H$ numbers instead of $T \cdot B \cdot H$. Both still run
# every step forward and backward once, so the time of both grows linearly in $T$.
# (`experiments.bptt_cost` measures one forward + backward pass with $B = 8$, $H = 64$; the chunked
# version gives exactly the gradients of `truncate=k`. Their absolute times differ from
# machine to machine: full BPTT forms the weight gradients of all $T$ steps in a few large
# matrix products, the chunks in many small ones, and a busy multi-core machine can make
# the large products slower, not faster.)

# %% slideshow={"slide_type": "subslide"}
lengths = (50, 100, 200, 400)
k = 25
full_cost = [experiments.bptt_cost(length, None, rng=SEED) for length in lengths]
truncated_cost = [experiments.bptt_cost(length, k, rng=SEED) for length in lengths]
fig = plot_bptt_cost(lengths, full_cost, truncated_cost, truncate=k)

# %% [markdown] slideshow={"slide_type": "subslide"}
# The memory counts are exact and are what the checks below assert: full BPTT keeps
# $T \cdot B \cdot H$ values, the chunks $k \cdot B \cdot H$ whatever $T$, and both run all $T$ steps.
# Each time is the fastest of 9 repeats of the pass (after one untimed warm-up): load on
# the machine only ever adds time, and a single measurement on a busy machine can be off by
# a factor of ten. The times are printed but not checked: they depend on the machine and on
# what else runs on it.

# %% slideshow={"slide_type": "fragment"}
for length, f, t in zip(lengths, full_cost, truncated_cost, strict=True):
    print(
        f"T = {length:3}: full {f['stored']:6} values, {1e3 * f['seconds']:6.1f} ms | "
        f"truncated {t['stored']:5} values, {1e3 * t['seconds']:6.1f} ms"
    )
for length, f, t in zip(lengths, full_cost, truncated_cost, strict=True):
    assert f["stored"] == length * 8 * 64 and t["stored"] == k * 8 * 64
    assert f["steps"] == t["steps"] == length

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. Long-term dependencies: where the vanilla RNN fails
#
# Language is full of long-term dependencies (장기 의존성). Korean puts the verb at the
# end of the sentence, and the verb agrees with a subject that may have come many words
# before: an honoured subject such as 할머니께서 ("grandmother", with the honorific
# subject marker) takes the honorific verb 주무셨다 ("slept", honorific), a younger
# sibling 동생은 the plain 잤다.
#
# | Korean | English |
# |---|---|
# | **할머니께서는** 어제 저녁 늦게까지 거실에서 손주들과 함께 옛날 사진을 보시다가 **주무셨다**. | Grandmother looked at old photos with her grandchildren in the living room until late last evening, and then fell asleep. |
# | **동생은** 어제 저녁 늦게까지 거실에서 친구들과 함께 게임을 하다가 **잤다**. | My younger sibling played games with friends in the living room until late last evening, and then fell asleep. |
#
# A model that writes such a sentence word by word must still know, at the last word,
# who the subject was, nine or ten words (and many more characters) back:

# %%
honorific = (
    "할머니께서는 어제 저녁 늦게까지 거실에서 손주들과 함께 옛날 사진을 보시다가 주무셨다".split()
)
plain = "동생은 어제 저녁 늦게까지 거실에서 친구들과 함께 게임을 하다가 잤다".split()
for words in (honorific, plain):
    print(f"subject {words[0]!r} ... verb {words[-1]!r}: {len(words) - 1} words apart")
assert min(len(honorific), len(plain)) - 1 >= 9

# %% [markdown] slideshow={"slide_type": "subslide"}
# The **adding problem** (Hochreiter and Schmidhuber, 1997) is built to need long-term
# memory (장기 기억). Each step carries a random number in $[0, 1)$ and a marker; exactly
# two steps are marked, one in each half of the sequence, and the target after the last
# step is the sum of the two marked numbers. The marked numbers can be up to $T - 1$ steps
# before the answer.
#
# **The trivial baseline.** A model that ignores the inputs and always predicts the mean
# target, 1, has an expected MSE equal to the variance of a sum of two independent
# Uniform(0, 1) numbers: $2 \cdot \tfrac{1}{12} = \tfrac16 \approx 0.167$. On a finite test set
# the measured value is close to, but not exactly, 1/6:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the adding problem needs memory over the whole sequence; the vanilla RNN solves it
# for short sequences and falls back to the baseline from about 30 steps. Ask the room: *is
# this a lack of capacity or of gradient?* (gradient: [chapter 4](04_lstm_and_gru.ipynb))

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
inputs, targets = adding_problem(4, 8, rng=SEED)
print("inputs (T, B, 2): values and markers of sequence 0\n", np.round(inputs[:, 0], 2))
print("target of sequence 0:", np.round(targets[0], 2))
_, test_targets = adding_problem(100_000, 10, rng=SEED)
print(f"MSE of always predicting 1 on 100000 sequences: {adding_baseline(test_targets):.3f}")
assert abs(adding_baseline(test_targets) - ADDING_BASELINE_MSE) < 0.005

# %% [markdown]
# Now train a fresh vanilla RNN (16 tanh units, Adam, 600 batches of 32, gradients
# clipped at norm 1 so that explosions are not the problem) for each sequence length,
# and measure its test MSE on 512 new sequences against the baseline of always
# predicting 1 on the same sequences.

# %% slideshow={"slide_type": "subslide"}
dependency = experiments.dependency_vs_distance(lengths=(5, 10, 15, 20, 30, 40), rng=SEED)
ax = plot_dependency(dependency)

# %% [markdown] slideshow={"slide_type": "subslide"}
# For short sequences the RNN solves the task (an MSE far below the baseline). As the
# distance grows it falls back to the baseline: from 30 steps on it has learned nothing
# beyond "predict about 1". The gradient that should tell the early steps "remember this
# number" has vanished on its way back ([section 4](#4.-The-singular-value-bound:-vanish-or-explode)).

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
relative = dict(
    zip(dependency["lengths"], dependency["test_mse"] / dependency["baseline"], strict=True)
)
assert relative[5] < 0.3 and relative[10] < 0.3
assert relative[30] > 0.85 and relative[40] > 0.85
print("T = 5 and 10: test MSE below 0.3 x baseline (learned)")
print("T = 30 and 40: test MSE above 0.85 x baseline (nothing learned)")

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. Why RNNs are slow
#
# Step $t$ needs $h_{t-1}$, so an RNN runs its $T$ steps one after another, forward and
# backward: the time per sequence grows linearly in $T$, and more hardware cannot spread
# the steps of one sequence over many cores. A feed-forward layer applied to every
# position of the same sequence does all $T$ positions in one matrix product.
# (Timings vary with the machine and its load, so the checks below are loose: 16 times the
# steps must take more than 4 times as long, and at the shortest length the RNN must be
# slower than the feed-forward layer.)

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: step t needs h_{t-1}, so the steps of one sequence cannot run in parallel. Ask the
# room: *what kind of model avoids this?* (feed-forward and attention models)

# %% slideshow={"slide_type": "subslide"}
timing = experiments.time_per_sequence(lengths=(25, 50, 100, 200, 400), rng=SEED)
ax = plot_sequence_time(timing)

# 16 times the steps: clearly slower (a wide margin, best of 7 runs per length)
assert timing["recurrent"][-1] > 4 * timing["recurrent"][0]
assert timing["recurrent"][0] > timing["parallel"][0]

# %% [markdown] slideshow={"slide_type": "skip"}
# ## More exercises (연습 문제)
#
# ### Exercise 3 — the step Jacobian
# Write `step_jacobian(h_t, W_hh)` returning $\partial h_t/\partial h_{t-1}$ for a tanh RNN,
# an $(H, H)$ array, given the hidden state $h_t$ of shape $(H,)$.


# %% slideshow={"slide_type": "skip"}
def step_jacobian(h_t, W_hh):
    raise NotImplementedError  # your code here


_ = exercises.check_step_jacobian(step_jacobian)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def step_jacobian_solution(h_t, W_hh):
    return (1.0 - h_t**2)[:, None] * W_hh  # = np.diag(1 - h_t**2) @ W_hh


assert exercises.check_step_jacobian(step_jacobian_solution)

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 4 — how far does a gradient reach?
# Write `steps_to_vanish(spectral_norm, gamma, factor)`: the smallest whole number of steps
# $k \ge 0$ after which the singular-value bound $(\gamma\,\sigma)^k$ is at most `factor`
# (assume $\gamma\sigma < 1$). For example, how many steps does a tanh RNN with
# $\sigma_{\max}(W_{hh}) = 0.9$ need before less than a millionth of the gradient can arrive?


# %% slideshow={"slide_type": "skip"}
def steps_to_vanish(spectral_norm, gamma, factor):
    raise NotImplementedError  # your code here


_ = exercises.check_steps_to_vanish(steps_to_vanish)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution: (gamma sigma)^k <= factor  <=>  k >= log(factor) / log(gamma sigma)
# (dividing by the negative log(gamma sigma) flips the inequality).
import math


def steps_to_vanish_solution(spectral_norm, gamma, factor):
    return max(0, math.ceil(math.log(factor) / math.log(gamma * spectral_norm) - 1e-12))


assert exercises.check_steps_to_vanish(steps_to_vanish_solution)
print("sigma = 0.9, tanh, a millionth:", steps_to_vanish_solution(0.9, 1.0, 1e-6), "steps")

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 5 — clipping by the global norm
# Write `clip_by_norm(grads, max_norm)`: given a list of gradient arrays, return the list
# scaled so that the norm over *all* entries together is at most `max_norm`, keeping the
# direction (and unchanged when it already is).


# %% slideshow={"slide_type": "skip"}
def clip_by_norm(grads, max_norm):
    raise NotImplementedError  # your code here


_ = exercises.check_clip_by_norm(clip_by_norm)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def clip_by_norm_solution(grads, max_norm):
    norm = np.sqrt(sum(np.sum(g**2) for g in grads))
    scale = min(1.0, max_norm / norm) if norm > 0 else 1.0
    return [g * scale for g in grads]


assert exercises.check_clip_by_norm(clip_by_norm_solution)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * The loss of a sequence is a sum over steps; BPTT is the chain rule on the unrolled
#   graph. The gradient reaching $h_t$ adds the local part and the part from step $t+1$,
#   and the shared weights collect a sum over all steps. A dozen lines of numpy do it, and
#   they match rnnlib and a numerical gradient check.
# * Between steps the gradient is multiplied by $J_t^\top$ with
#   $J_t = \mathrm{diag}(f'(a_t))\,W_{hh}$; the tanh slope is at most 1, the sigmoid's 1/4.
# * Hence $\lVert\partial L/\partial h_t\rVert \le (\gamma\,\sigma_{\max}(W_{hh}))^{T-t}\lVert\partial L/\partial h_T\rVert$:
#   below $1/\gamma$ gradients vanish exponentially; above it they can explode.
# * Exploding gradients are tamed by clipping the global norm, which bounds every update
#   by lr times the threshold and keeps its direction (clipping by value does not).
# * Truncated BPTT saves memory (one chunk of states) and gives exactly zero gradient to
#   anything more than a chunk back; the carried state still crosses the boundary, so a
#   longer dependency is learned when the weights learned inside a chunk keep the
#   information in the state (19 steps with $k = 5$ above), and not when only a gradient
#   from further back could have taught them to store it.
# * Vanishing gradients are why a vanilla RNN fails on long dependencies: on the adding
#   problem it falls to the trivial baseline (MSE about 1/6) as the distance grows. The
#   LSTM and GRU of [chapter 4](04_lstm_and_gru.ipynb) add a path along which the gradient need not vanish.
# * RNN steps are sequential: time per sequence grows linearly in $T$.
#
# ## Glossary (용어집)
#
# | English | 한국어 | Meaning |
# |---|---|---|
# | backpropagation through time (BPTT) | 시간에 따른 역전파 | the chain rule applied to the RNN unrolled over time |
# | unrolling | 펼치기 | drawing the recurrence as one copy of the cell per time step, weights shared |
# | chain rule | 연쇄 법칙 | the derivative of a composition is the product of the derivatives |
# | gradient check | 기울기 검사 | comparing a backward pass with finite-difference derivatives |
# | Jacobian | 야코비 행렬 | the matrix of partial derivatives of a vector function, here $\partial h_t/\partial h_{t-1}$ |
# | singular value | 특잇값 | how much a matrix stretches along one of its principal directions |
# | spectral norm | 스펙트럼 노름 | the largest singular value: the most a matrix can stretch a vector |
# | vanishing gradient | 기울기 소실 | the gradient shrinking exponentially as it flows back over many steps |
# | exploding gradient | 기울기 폭주 | the gradient growing exponentially as it flows back over many steps |
# | gradient clipping | 기울기 클리핑 | shrinking a gradient whose norm (or entries) exceed a threshold |
# | truncated BPTT | 절단된 BPTT | BPTT that stops the gradient every k steps, to save memory |
# | long-term dependency | 장기 의존성 | an output that depends on an input many steps earlier |
# | adding problem | 덧셈 문제 | a task whose target is the sum of two marked inputs far apart in the sequence |
