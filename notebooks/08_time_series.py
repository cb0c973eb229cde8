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
# # Chapter 8 · Time-series forecasting with an RNN (시계열 예측)
#
# So far every output of our networks was a *class*: the next character, a sentiment, a
# part of speech. Many sequences carry *numbers* instead: a temperature every hour, the
# load on a power line, a heartbeat. Predicting the next value of such a **time series
# (시계열)** is a **regression (회귀)** problem: the output is a real number and the loss
# is the mean squared error.
#
# **Learning objectives.** After this chapter you can
# 1. turn a series into (window → next value) training examples, time-major, in a few lines of numpy;
# 2. build the two baselines every forecast must beat: **persistence** and a least-squares **linear autoregression**;
# 3. train a many-to-one RNN with an MSE loss and compare it honestly with the baselines;
# 4. explain why a sum of sines is easy for a *linear* model while the chaotic Mackey–Glass series is not;
# 5. make **free-running** multi-step forecasts (재귀적 다단계 예측) and read how the error grows with the
#    **horizon** (예측 시점 거리), the number of steps ahead.

# %% [markdown] slideshow={"slide_type": "notes"}
# About 45 minutes; explorer: forecast (section 6). Say: now the outputs are numbers: a
# regression, with MSE as loss.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from rnnlib import analysis
from rnnlib.baselines import LinearAR, persistence
from rnnlib.data.series import mackey_glass, sine_mixture, windows
from rnnlib.exercises import ch08 as exercises
from rnnlib.experiments import ch08 as experiments
from rnnlib.generate import free_run
from rnnlib.i18n import set_language, tr
from rnnlib.viz import new_figure, use_course_style
from rnnlib.viz.series import (
    plot_delay_embedding,
    plot_error_by_horizon,
    plot_forecast,
    plot_series,
)
from rnnlib.widgets.series import forecast_explorer

use_course_style()
set_language("en")  # the language of figures, explorers and feedback: "en" or "ko"
SEED = 8
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. Two series, both generated here
#
# Nothing is downloaded: both series are computed by `rnnlib.data.series` from a seed.
#
# **A noisy sum of sines.** $x_t = \sum_k a_k \sin(2\pi t / p_k + \varphi_k) + \varepsilon_t$
# with periods 20, 31 and 53 steps and Gaussian noise ($\sigma = 0.05$). It looks
# irregular, but it is only three clocks ticking at different speeds.
#
# **The Mackey–Glass series** (Mackey & Glass, 1977) models the production of blood cells.
# It is a *delay* differential equation: the rate of change now depends on the value
# $\tau = 17$ time units ago,
#
# $$\frac{dx}{dt} = \beta\,\frac{x(t-\tau)}{1 + x(t-\tau)^{10}} - \gamma\,x(t),\qquad \beta = 0.2,\ \gamma = 0.1.$$
#
# With $\tau = 17$ the solution never repeats: it is **chaotic (혼돈, 카오스)**, so tiny errors
# grow and long-range prediction is impossible in principle, while short-range prediction
# is possible and hard. It has been a standard forecasting benchmark since Lapedes & Farber
# (1987). `rnnlib` integrates it with fourth-order Runge–Kutta at step 0.1, reading the
# delayed values from the stored past, discards a transient of 500 time units, and samples
# one value every 6 time units (a one-step forecast is therefore 6 time units ahead).
#
# *Limits of these data:* both are clean, stationary and one-dimensional; real series
# have trends, seasons, missing values and outliers, which this chapter does not cover.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: two series, both generated: a sum of sines (linear) and Mackey-Glass (chaotic). Ask
# the room: *which one can a linear model predict well, and why?*

# %% slideshow={"slide_type": "subslide"}
EVERY, CONTEXT = 6.0, 16
sines = sine_mixture(1200, rng=rng)
glass = mackey_glass(1400, sample_every=EVERY, rng=rng)

# standardise with statistics of the training part only (never peek at the test part)
split = 1000
mean, std = glass[:split].mean(), glass[:split].std()
series = (glass - mean) / std
sines = (sines - sines[:split].mean()) / sines[:split].std()

fig, axes = new_figure(2, 1, figsize=(11, 5.5))
plot_series(sines[:300], ax=axes[0], title=tr("Noisy sum of three sines (first 300 samples)"))
plot_series(
    series[:300], ax=axes[1], title=tr("Mackey–Glass, τ = 17, one sample every 6 time units")
)
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# A **delay embedding** plots $x(t)$ against $x(t-d)$. For the sines we would see a
# smooth closed curve; for Mackey–Glass we see a tangled band that the trajectory never
# retraces exactly: the fingerprint of chaos. This band is the series' **attractor (끌개)**,
# the set of states it settles into and keeps moving on. A forecaster must learn this shape.

# %%
plot_delay_embedding(
    mackey_glass(3000, sample_every=1.0),
    delay=17,
    title=tr("Mackey–Glass attractor: x(t) against x(t − 17)"),
)
plt.show()

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. From a series to training examples: windows
#
# An RNN for forecasting is **many-to-one**: it reads a **window (윈도우)** of the last
# `CONTEXT` values, one per step, and its last hidden state predicts the next value. Every
# position of the series gives one example. In `rnnlib`'s time-major layout the inputs
# are `(T, N, 1)`: T = window length, N = number of windows, 1 feature per step.
#
# From scratch, with fancy indexing: row `i` of the index is "i steps into each window".


# %% [markdown] slideshow={"slide_type": "notes"}
# Say: many-to-one over a window of the last 16 values; every position gives one example.
# Ask the room: *why must the test windows come from the end of the series?*


# %% slideshow={"slide_type": "fragment"}
def make_windows(values, context):
    count = len(values) - context
    index = np.arange(context)[:, None] + np.arange(count)[None, :]  # (context, N)
    return values[index][..., None], values[context:, None]


inputs, targets = make_windows(np.arange(8.0), 3)
print("first window:", inputs[:, 0, 0], "-> target", targets[0, 0])
print("inputs", inputs.shape, "targets", targets.shape)
reference = windows(np.arange(8.0), 3)
assert np.array_equal(inputs, reference[0]) and np.array_equal(targets, reference[1])

# %% [markdown]
# `rnnlib.data.series.windows` gives the same arrays. Now the real data: windows from the
# first 1000 samples train the models, windows from the last 400 test them.

# %% slideshow={"slide_type": "fragment"}
train = windows(series[:split], CONTEXT)
test = windows(series[split:], CONTEXT)
print("train windows:", train[0].shape, " test windows:", test[0].shape)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. Baselines first
#
# A forecast is only impressive if it beats simple rules:
#
# * **Persistence**: tomorrow is like today, $\hat x_{t+1} = x_t$.
# * **Linear autoregression (선형 자기회귀), AR(p)**: $\hat x_{t+1} = w_1 x_{t-p+1} + \dots + w_p x_t + c$,
#   with the weights chosen by least squares over the training windows. It is a
#   one-layer linear network, solved exactly instead of trained.
#
# We score every method by the **normalised RMSE**, $\text{NRMSE} = \text{RMSE} / \text{std(truth)}$:
# 1.0 means "no better than always predicting the mean", 0 is perfect.
#
# From scratch, AR is one call to `np.linalg.lstsq` on a design matrix of lagged values
# plus a column of ones:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: persistence and linear AR first: a forecast is only impressive if it beats them. Ask
# the room: *what is persistence's error on a slowly changing series?*

# %% slideshow={"slide_type": "fragment"}
design = np.hstack([train[0][:, :, 0].T, np.ones((train[0].shape[1], 1))])  # (N, CONTEXT + 1)
weights, *_ = np.linalg.lstsq(design, train[1][:, 0], rcond=None)
ar = LinearAR(CONTEXT).fit(*train)
assert np.allclose(weights, ar.weights)

scores = {
    "persistence": analysis.nrmse(persistence(test[0]), test[1]),
    f"linear AR({CONTEXT})": analysis.nrmse(ar(test[0]), test[1]),
}
for name, value in scores.items():
    print(f"{name:>16}: one-step test NRMSE {value:.3f}")

# %% [markdown] slideshow={"slide_type": "subslide"}
# ### Why a sum of sines is a *linear* problem
#
# A single sinusoid obeys an exact linear recurrence, $\sin(\omega(t+1)) = 2\cos\omega\,\sin(\omega t) - \sin(\omega(t-1))$.
# A sum of three sinusoids therefore obeys a linear recurrence of order 6, so without
# noise a linear AR model with enough lags would predict it exactly. With noise, no model
# can beat the noise level itself (the noise of the next value cannot be predicted), and
# the AR model, which must also read noisy inputs, should come close to it. Let us check
# that on the noisy sines: within a factor of two of the noise level.

# %% slideshow={"slide_type": "fragment"}
sine_train = windows(sines[:split], CONTEXT)
sine_test = windows(sines[split:], CONTEXT)
sine_ar = LinearAR(CONTEXT).fit(*sine_train)
sine_error = analysis.nrmse(sine_ar(sine_test[0]), sine_test[1])
noise_floor = 0.05 / sine_mixture(1200, rng=np.random.default_rng(SEED), noise=0.0).std()
print(f"AR on sines: NRMSE {sine_error:.3f}; the noise alone gives about {noise_floor:.3f}")
assert sine_error < 2.0 * noise_floor  # linear AR is within a factor 2 of the best possible

# %% [markdown] slideshow={"slide_type": "subslide"}
# On Mackey–Glass the same AR model does much worse (its NRMSE above is more than three
# times its NRMSE on the sines, checked below): the map from the past to the next value
# is **nonlinear** (the $x/(1+x^{10})$ term), and a linear model can only fit a flat
# approximation of the tangled attractor. This is where an RNN can earn its keep.

# %% slideshow={"slide_type": "fragment"}
assert scores[f"linear AR({CONTEXT})"] > 3 * sine_error

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. An RNN forecaster
#
# The model: a GRU layer with 32 hidden units reads the window; a Dense layer maps its
# last hidden state to one number. The loss is the **mean squared error (평균 제곱 오차)**
# between prediction and target; gradients flow back through time exactly as in
# [chapter 3](03_bptt_and_vanishing_gradients.ipynb) (BPTT), and we clip the gradient norm at 1 for safety. `train_forecaster`
# draws random mini-batches of 64 windows for 500 Adam steps.

# %% slideshow={"slide_type": "subslide"}
model, losses = experiments.train_forecaster(*train, rng=rng, cell="gru", hidden_size=32, steps=500)
scores["GRU (32 units)"] = analysis.nrmse(model.predict(test[0]), test[1])

fig, ax = plt.subplots(figsize=(8, 3.5), layout="constrained")
ax.plot(np.convolve(losses, np.ones(20) / 20, mode="valid"))
ax.set(
    yscale="log",
    xlabel=tr("training step"),
    ylabel=tr("MSE (moving average of 20)"),
    title=tr("GRU forecaster: training loss on Mackey–Glass windows"),
)
plt.show()

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
print(f"{'method':>16} | one-step NRMSE on the test windows")
for name, value in scores.items():
    print(f"{name:>16} | {value:.2f}")

# %% [markdown]
# The claim of this section, asserted: **the RNN beats both baselines on one-step
# Mackey–Glass prediction**, by a wide margin (its error is less than 60% of the linear
# model's). A test in `tests/test_forecasting.py` re-trains with two other seeds and
# checks the same margin.
#
# How much of the past does the trained GRU use? A many-to-one RNN can read a window of
# any length, so we can give it fewer or more values than the 16 it was trained on and
# score it on the same test targets.

# %% slideshow={"slide_type": "fragment"}
rnn_error, ar_error = scores["GRU (32 units)"], scores[f"linear AR({CONTEXT})"]
assert rnn_error < 0.6 * ar_error < 0.6 * scores["persistence"]

# %% slideshow={"slide_type": "fragment"}
# one-step NRMSE on the same test targets, reading 3 ... 32 past values
by_context = analysis.nrmse_by_context(model.predict, series, split + CONTEXT, (3, 4, 8, 16, 32))
print("GRU one-step NRMSE by context:", ", ".join(f"{c}: {e:.2f}" for c, e in by_context.items()))
assert by_context[3] > 3 * by_context[16] and by_context[4] > 2 * by_context[16]
assert by_context[32] > 0.8 * by_context[16]  # more past than trained on: no real gain

# %% [markdown] slideshow={"slide_type": "fragment"}
# With 3 or 4 values the GRU cannot locate itself on the attractor (its error is several
# times larger); with 32 instead of 16 it does no better, since it was trained on windows
# of 16 and never learned to use more.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. Forecasting further: free-running prediction
#
# To forecast $h$ steps ahead with a one-step model we **feed each prediction back** as
# the newest input and slide the window: the model starts to read its own output. Errors
# now compound, and on a chaotic series they compound fast. The same procedure works for
# AR; persistence simply repeats the last value.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: feeding predictions back makes errors compound, and chaos amplifies them. Ask the
# room: *how far ahead can anyone forecast a chaotic series?*

# %%
HORIZON = 30
starts = test[0][:, :300]  # 300 test windows
truth = np.stack([series[split + CONTEXT + h : split + CONTEXT + h + 300] for h in range(HORIZON)])
AR_LABEL, PERSISTENCE_LABEL = tr("linear AR({order})", order=CONTEXT), tr("persistence")
paths = {
    "GRU": free_run(model.predict, starts, HORIZON),
    AR_LABEL: free_run(ar, starts, HORIZON),
    PERSISTENCE_LABEL: np.repeat(starts[-1][None, :, 0], HORIZON, axis=0),
}
errors = {
    name: np.array([analysis.nrmse(path[h], truth[h]) for h in range(HORIZON)])
    for name, path in paths.items()
}
plot_error_by_horizon(errors, title=tr("Mackey–Glass: free-running error against the horizon"))
plt.show()

# %% [markdown] slideshow={"slide_type": "subslide"}
# Two things to read off the plot, both asserted below (and re-checked with other seeds
# in `tests/test_forecasting.py`): the GRU's error **grows with the horizon** (it is reading
# its own mistakes, and chaos amplifies them), and yet it stays ahead of the linear model
# for at least the first 10 steps (60 time units).

# %% slideshow={"slide_type": "fragment"}
gru, linear = errors["GRU"], errors[AR_LABEL]
assert gru[-1] > 2 * gru[0]  # errors compound
assert np.all(gru[:10] < linear[:10])  # still ahead after 10 steps = 60 time units
print(f"GRU NRMSE at horizon 1: {gru[0]:.2f}, at horizon {HORIZON}: {gru[-1]:.2f}")

# %% slideshow={"slide_type": "subslide"}
k = 40
plot_forecast(
    series[split + k : split + k + CONTEXT],
    truth[:, k],
    {name: path[:, k] for name, path in paths.items()},
    title=tr("One test window: {steps}-step free-running forecasts", steps=HORIZON),
)
plt.show()

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Explore
#
# The explorer runs the trained GRU (and the AR model and persistence) on a stretch of
# the test series. Move **context** to give the RNN fewer or more values than the 16 it
# was trained on (the shaded band), **horizon** to forecast further, **start** to pick
# another stretch. Things to try: a context of 3 or 4, where the GRU has too little to
# locate itself on the attractor, and a context longer than trained, which does not help
# (both measured at the end of section 4).
#
# **Question.** Keep the other sliders where they start and set the context to 3: is the
# RNN's error over the horizon (the table under the figure) larger or smaller than with the
# 16 values it was trained on?

# %% [markdown] slideshow={"slide_type": "notes"}
# In the explorer: move context below and above 16, push the horizon to 40, pick another
# start. Ask the room: *where does the GRU fall behind the linear model, if ever?*

# %% slideshow={"slide_type": "slide"} tags=["nbval-ignore-output"]
forecast_explorer(model, series[split:], trained_context=CONTEXT, ar=ar, max_horizon=40)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# larger. With 3 values the GRU cannot tell where on the attractor it is, and its
# forecast drifts off; with the 16 it was trained on it follows the series much longer.
start, horizon = 2 * CONTEXT, 20  # the explorer's starting position and horizon
shown = series[split:]


def rnn_error(context):
    window = shown[start - context : start][:, None, None]
    path = free_run(model.predict, window, horizon)[:, 0]
    return float(np.sqrt(np.mean((path - shown[start : start + horizon]) ** 2)))


assert rnn_error(3) > 1.5 * rnn_error(CONTEXT), (rnn_error(3), rnn_error(CONTEXT))

# %% [markdown] slideshow={"slide_type": "skip"}
# ## 7. Exercises
#
# **Exercise 8.1 — windows.** Write `my_windows(values, context)` returning time-major
# `inputs (context, N, 1)` and `targets (N, 1)`, where target `i` is the value right
# after window `i`. (Try it without looking at `make_windows` above.)


# %% slideshow={"slide_type": "skip"}
def my_windows(values, context):
    raise NotImplementedError  # your code here


exercises.check_windows(my_windows)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def my_windows_solution(values, context):
    count = len(values) - context
    index = np.arange(context)[:, None] + np.arange(count)[None, :]
    return values[index][..., None], values[context:, None]


assert exercises.check_windows(my_windows_solution)

# %% [markdown] slideshow={"slide_type": "skip"}
# **Exercise 8.2 — linear autoregression by least squares.** Write `my_ar(series, order)`
# returning `(weights, intercept)` with the weights ordered oldest lag first, so that
# $\hat x_t = \text{weights} \cdot (x_{t-p}, \dots, x_{t-1}) + \text{intercept}$.
# Hint: a design matrix of lagged values plus a column of ones, then `np.linalg.lstsq`.


# %% slideshow={"slide_type": "skip"}
def my_ar(values, order):
    raise NotImplementedError  # your code here


exercises.check_ar_fit(my_ar)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def my_ar_solution(values, order):
    lagged = np.stack([values[i : len(values) - order + i] for i in range(order)], axis=1)
    design = np.hstack([lagged, np.ones((len(lagged), 1))])
    solution, *_ = np.linalg.lstsq(design, values[order:], rcond=None)
    return solution[:-1], solution[-1]


assert exercises.check_ar_fit(my_ar_solution)

# %% [markdown] slideshow={"slide_type": "slide"}
# **Exercise 8.3 — think.** Why must the standardisation use the mean and standard
# deviation of the *training* part only? What would go wrong, in a real forecasting
# system, if it used the whole series?
#
# <details><summary>Answer</summary>
#
# At prediction time the future is unknown, so its statistics are too. Using them during
# training leaks information from the test period into the model (data leakage) and makes
# the reported errors optimistic.
# </details>
#
# ## Summary
#
# * Forecasting is regression over sequences: windows of past values in, the next value
#   out, MSE loss; an RNN reads the window step by step (many-to-one).
# * Always compare with **persistence** and **linear autoregression**. A sum of sines is a
#   linear recurrence, so AR is already (nearly) optimal there.
# * On the chaotic Mackey–Glass series the relation is nonlinear: the GRU cut the
#   one-step error to less than 60% of AR's.
# * Multi-step forecasts feed predictions back; errors compound with the horizon, and on
#   a chaotic series no model forecasts far.
#
# ## Glossary (용어집)
#
# | English | 한국어 | Meaning |
# |---|---|---|
# | time series | 시계열 | values measured one after another in time |
# | forecasting | 예측 | estimating future values of a series from its past |
# | regression | 회귀 | predicting a real number rather than a class |
# | mean squared error | 평균 제곱 오차 | the average of squared prediction errors, the regression loss |
# | persistence baseline | 지속성 기준 모델 | predicting that the next value equals the last one |
# | linear autoregression | 선형 자기회귀 | the next value as a weighted sum of the last p values, fitted by least squares |
# | window | 윈도우 | a fixed number of consecutive past values used as one input |
# | free-running forecast | 재귀적 다단계 예측 | a multi-step forecast that feeds its own predictions back in |
# | horizon | 예측 시점 거리 | how many steps ahead a forecast is made (not 예측 구간, which is a prediction interval) |
# | chaos | 혼돈 (카오스) | deterministic dynamics in which small differences grow exponentially |
# | attractor | 끌개 | the set of states a dynamical system settles into and keeps moving on |
# | standardisation | 표준화 | subtracting the mean and dividing by the standard deviation |

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: summary. Ask the room the exercise question: *why must the standardisation use the
# mean and standard deviation of the training part only?* (no peeking at the test data)
