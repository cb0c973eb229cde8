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

# %% [markdown] slideshow={"slide_type": "slide"} translates="b2466e1b7383"
# # 8장 · RNN으로 하는 시계열 예측 (Time-series forecasting with an RNN)
#
# 지금까지 우리 신경망의 출력은 모두 *클래스*였습니다. 다음 문자, 감성, 품사가 그랬습니다. 하지만
# 많은 시퀀스에는 *수치*가 담겨 있습니다. 한 시간마다 잰 기온, 송전선에 걸리는 부하, 심장 박동이
# 그렇습니다. 이런 **시계열**(time series)의 다음 값을 예측하는 것은 **회귀**(regression) 문제입니다.
# 출력은 실수이고, 손실(loss)은 평균 제곱 오차입니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
# 1. numpy 몇 줄로 시계열을 시간 우선(time-major) 배치의 (윈도우 → 다음 값) 학습 예제로 바꿀 수 있습니다.
# 2. 모든 예측이 넘어서야 하는 두 기준 모델(baseline), 곧 **지속성**(persistence) 예측과 최소제곱법으로 맞춘 **선형 자기회귀**(linear autoregression)를 만들 수 있습니다.
# 3. MSE 손실로 다대일(many-to-one) RNN을 학습시키고, 기준 모델과 공정하게 비교할 수 있습니다.
# 4. 사인파의 합은 *선형* 모델로도 쉽지만 혼돈(chaos) 상태인 매키-글래스(Mackey–Glass) 시계열은 그렇지 않은 이유를 설명할 수 있습니다.
# 5. **재귀적 다단계 예측**(free-running forecast)을 하고, 몇 단계 앞을 예측하는지를 뜻하는
#    **예측 시점 거리**(horizon)에 따라 오차가 어떻게 커지는지 읽어 낼 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="eafbefcf014f"
# 약 45분. 탐색기(explorer): 예측(6절). 말할 내용: 이제 출력은 수치입니다. MSE를 손실로 쓰는 회귀
# 문제입니다.

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
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
SEED = 8
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="ccb6e56c7ae2"
# ## 1. 여기서 직접 생성하는 두 시계열
#
# 아무것도 내려받지 않습니다. 두 시계열 모두 `rnnlib.data.series`가 시드(seed)에서 계산합니다.
#
# **잡음 섞인 사인파의 합.** $x_t = \sum_k a_k \sin(2\pi t / p_k + \varphi_k) + \varepsilon_t$이며,
# 주기는 20, 31, 53단계이고 가우스 잡음($\sigma = 0.05$)이 더해집니다. 불규칙해 보이지만, 서로 다른
# 빠르기로 째깍거리는 시계 세 개일 뿐입니다.
#
# **매키-글래스 시계열**(Mackey–Glass series, Mackey & Glass, 1977)은 혈액 세포의 생성을 모형화합니다.
# *지연* 미분 방정식으로, 지금의 변화율이 $\tau = 17$ 시간 단위 전의 값에 달려 있습니다.
#
# $$\frac{dx}{dt} = \beta\,\frac{x(t-\tau)}{1 + x(t-\tau)^{10}} - \gamma\,x(t),\qquad \beta = 0.2,\ \gamma = 0.1.$$
#
# $\tau = 17$이면 해가 결코 되풀이되지 않습니다. 곧 **혼돈**(chaos, 카오스) 상태여서 아주 작은 오차도
# 커지므로, 먼 앞날의 예측은 원리적으로 불가능하고 가까운 앞날의 예측은 가능하지만 어렵습니다.
# Lapedes & Farber(1987) 이래 표준적인 예측 벤치마크입니다. `rnnlib`은 이 방정식을 간격 0.1의 4차
# 룽게-쿠타(Runge–Kutta) 방법으로 적분하면서 지연된 값은 저장해 둔 과거에서 읽고, 처음 500 시간
# 단위의 과도 구간(transient)을 버린 뒤, 6 시간 단위마다 값을 하나씩 뽑습니다(따라서 한 단계 예측은
# 6 시간 단위 앞을 내다봅니다).
#
# *이 데이터의 한계:* 둘 다 깨끗하고, 정상적(stationary)이며, 1차원입니다. 실제 시계열에는 추세,
# 계절성, 결측값, 이상값이 있지만 이 장에서는 다루지 않습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="d6175e347a4f"
# 말할 내용: 두 시계열 모두 생성한 것입니다. 사인파의 합(선형)과 매키-글래스(혼돈). 학생들에게
# 물어보기: *선형 모델이 잘 예측할 수 있는 쪽은 어느 것이고, 왜 그럴까요?*

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

# %% [markdown] slideshow={"slide_type": "subslide"} translates="bb90981e8320"
# **지연 임베딩**(delay embedding)은 $x(t)$를 $x(t-d)$에 대해 그립니다. 사인파라면 매끄러운 닫힌
# 곡선이 보이겠지만, 매키-글래스에서는 궤적이 결코 똑같이 되짚지 않는 뒤엉킨 띠가 보입니다. 혼돈의
# 지문입니다. 이 띠가 시계열의 **끌개**(attractor), 곧 시스템이 빠져들어 그 위를 계속 움직이는
# 상태들의 집합입니다. 예측 모델은 이 모양을 배워야 합니다.

# %%
plot_delay_embedding(
    mackey_glass(3000, sample_every=1.0),
    delay=17,
    title=tr("Mackey–Glass attractor: x(t) against x(t − 17)"),
)
plt.show()

# %% [markdown] slideshow={"slide_type": "slide"} translates="a5290755cc22"
# ## 2. 시계열에서 학습 예제로: 윈도우
#
# 예측용 RNN은 **다대일**(many-to-one)입니다. 마지막 `CONTEXT`개 값의 **윈도우**(window)를 한 단계에
# 하나씩 읽고, 마지막 은닉 상태(hidden state)로 다음 값을 예측합니다. 시계열의 위치마다 예제가
# 하나씩 나옵니다. `rnnlib`의 시간 우선 배치에서 입력은 `(T, N, 1)`입니다. T는 윈도우 길이, N은
# 윈도우 개수, 1은 단계마다의 특성(feature) 수입니다.
#
# 밑바닥부터, 팬시 인덱싱(fancy indexing)으로 만들어 봅시다. 인덱스의 `i`번째 행은 "각 윈도우의
# `i`번째 단계"입니다.


# %% [markdown] slideshow={"slide_type": "notes"} translates="bb65bde5e3eb"
# 말할 내용: 마지막 16개 값의 윈도우를 보는 다대일 모델이고, 위치마다 예제가 하나씩 나옵니다.
# 학생들에게 물어보기: *테스트 윈도우는 왜 시계열의 끝부분에서 가져와야 할까요?*


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

# %% [markdown] translates="78ed0303917a"
# `rnnlib.data.series.windows`도 같은 배열을 돌려줍니다. 이제 실제 데이터입니다. 처음 1000개 표본의
# 윈도우로 모델을 학습시키고, 마지막 400개 표본의 윈도우로 테스트합니다.

# %% slideshow={"slide_type": "fragment"}
train = windows(series[:split], CONTEXT)
test = windows(series[split:], CONTEXT)
print("train windows:", train[0].shape, " test windows:", test[0].shape)

# %% [markdown] slideshow={"slide_type": "slide"} translates="c543717f8398"
# ## 3. 기준 모델부터
#
# 예측은 간단한 규칙을 이길 때에만 인상적입니다.
#
# * **지속성**(persistence): 내일은 오늘과 같다, $\hat x_{t+1} = x_t$.
# * **선형 자기회귀**(linear autoregression), **AR(p)**: $\hat x_{t+1} = w_1 x_{t-p+1} + \dots + w_p x_t + c$이며,
#   가중치는 학습 윈도우에 대한 최소제곱법으로 정합니다. 학습시키는 대신 정확히 풀어 낸 한 층짜리
#   선형 신경망입니다.
#
# 모든 방법은 **정규화 RMSE**(normalised RMSE), $\text{NRMSE} = \text{RMSE} / \text{std(truth)}$로
# 평가합니다. 1.0은 "늘 평균을 예측하는 것보다 나을 것이 없음", 0은 완벽함을 뜻합니다.
#
# 밑바닥부터 하면 AR은 시차(lag) 값들과 1로 채운 열 하나로 이루어진 설계 행렬(design matrix)에
# `np.linalg.lstsq`를 한 번 호출하는 것입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="34f6d198cf18"
# 말할 내용: 지속성 예측과 선형 AR이 먼저입니다. 예측은 이들을 이길 때에만 인상적입니다.
# 학생들에게 물어보기: *천천히 변하는 시계열에서 지속성 예측의 오차는 어떨까요?*

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

# %% [markdown] slideshow={"slide_type": "subslide"} translates="88b3aab16082"
# ### 사인파의 합이 *선형* 문제인 이유
#
# 사인파 하나는 정확한 선형 점화식 $\sin(\omega(t+1)) = 2\cos\omega\,\sin(\omega t) - \sin(\omega(t-1))$을
# 따릅니다. 따라서 사인파 세 개의 합은 6차 선형 점화식을 따르고, 잡음이 없다면 시차가 충분한 선형 AR
# 모델이 정확히 예측할 것입니다. 잡음이 있으면 어떤 모델도 잡음 수준 자체보다 나을 수 없고(다음 값의
# 잡음은 예측할 수 없습니다), 입력에서도 잡음 섞인 값을 읽어야 하는 AR 모델은 그 수준에 가까워야
# 합니다. 잡음 섞인 사인파에서 확인해 봅시다. 잡음 수준의 두 배 이내입니다.

# %% slideshow={"slide_type": "fragment"}
sine_train = windows(sines[:split], CONTEXT)
sine_test = windows(sines[split:], CONTEXT)
sine_ar = LinearAR(CONTEXT).fit(*sine_train)
sine_error = analysis.nrmse(sine_ar(sine_test[0]), sine_test[1])
noise_floor = 0.05 / sine_mixture(1200, rng=np.random.default_rng(SEED), noise=0.0).std()
print(f"AR on sines: NRMSE {sine_error:.3f}; the noise alone gives about {noise_floor:.3f}")
assert sine_error < 2.0 * noise_floor  # linear AR is within a factor 2 of the best possible

# %% [markdown] slideshow={"slide_type": "subslide"} translates="53130e76a21a"
# 매키-글래스에서는 같은 AR 모델이 훨씬 못합니다(위의 NRMSE가 사인파에서의 NRMSE의 세 배가 넘으며,
# 아래에서 확인합니다). 과거에서 다음 값으로 가는 사상이 **비선형**($x/(1+x^{10})$ 항)이어서, 선형
# 모델은 뒤엉킨 끌개를 평평하게 근사하는 것밖에 할 수 없습니다. 바로 여기가 RNN이 제 몫을 할 수 있는
# 곳입니다.

# %% slideshow={"slide_type": "fragment"}
assert scores[f"linear AR({CONTEXT})"] > 3 * sine_error

# %% [markdown] slideshow={"slide_type": "slide"} translates="e723b1dbca03"
# ## 4. RNN 예측 모델
#
# 모델: 은닉 유닛 32개짜리 GRU 층이 윈도우를 읽고, Dense 층이 마지막 은닉 상태를 숫자 하나로
# 바꿉니다. 손실은 예측과 목표 사이의 **평균 제곱 오차**(mean squared error)입니다. 기울기는
# [3장](03_bptt_and_vanishing_gradients.ipynb)에서와 똑같이 시간을 거슬러 흐르고(시간에 따른 역전파,
# BPTT), 안전을 위해 기울기 노름을 1로 자릅니다(기울기 클리핑, gradient clipping). `train_forecaster`는
# 윈도우 64개짜리 무작위 미니배치(minibatch)로 Adam을 500단계 돌립니다.

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

# %% [markdown] translates="acbd753f1fd2"
# assert로 확인하는 이 절의 주장: **한 단계 매키-글래스 예측에서 RNN은 두 기준 모델을 모두 이기며**,
# 그 차이도 큽니다(오차가 선형 모델의 60% 미만). `tests/test_forecasting.py`의 테스트는 다른 시드 두
# 개로 다시 학습시켜 같은 차이를 확인합니다.
#
# 학습된 GRU는 과거를 얼마나 쓸까요? 다대일 RNN은 길이에 상관없이 윈도우를 읽을 수 있으므로,
# 학습할 때의 16개보다 적거나 많은 값을 주고 같은 테스트 목표에서 평가할 수 있습니다.

# %% slideshow={"slide_type": "fragment"}
rnn_error, ar_error = scores["GRU (32 units)"], scores[f"linear AR({CONTEXT})"]
assert rnn_error < 0.6 * ar_error < 0.6 * scores["persistence"]

# %% slideshow={"slide_type": "fragment"}
# one-step NRMSE on the same test targets, reading 3 ... 32 past values
by_context = analysis.nrmse_by_context(model.predict, series, split + CONTEXT, (3, 4, 8, 16, 32))
print("GRU one-step NRMSE by context:", ", ".join(f"{c}: {e:.2f}" for c, e in by_context.items()))
assert by_context[3] > 3 * by_context[16] and by_context[4] > 2 * by_context[16]
assert by_context[32] > 0.8 * by_context[16]  # more past than trained on: no real gain

# %% [markdown] slideshow={"slide_type": "fragment"} translates="9627bd393588"
# 값이 3개나 4개뿐이면 GRU는 끌개 위에서 자기 위치를 찾지 못합니다(오차가 몇 배 큽니다). 16개 대신
# 32개를 주어도 나아지지 않습니다. 길이 16의 윈도우로 학습해서 그보다 많은 값을 쓰는 법은 배우지
# 못했기 때문입니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="49d716060ea7"
# ## 5. 더 멀리 예측하기: 재귀적 다단계 예측
#
# 한 단계 모델로 $h$단계 앞을 예측하려면 **각 예측을 다시 넣어** 가장 새로운 입력으로 삼고 윈도우를
# 밉니다. 모델이 자기 출력을 읽기 시작하는 것입니다. 이제 오차는 쌓여 가고, 혼돈 시계열에서는 빠르게
# 쌓입니다. AR에도 같은 절차가 통하고, 지속성 예측은 그냥 마지막 값을 되풀이합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="043c1e1e1cc2"
# 말할 내용: 예측을 다시 넣으면 오차가 쌓이고, 혼돈은 그 오차를 키웁니다. 학생들에게 물어보기:
# *혼돈 시계열은 누구라도 얼마나 먼 앞까지 예측할 수 있을까요?*

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

# %% [markdown] slideshow={"slide_type": "subslide"} translates="5c4883bca52f"
# 그래프에서 읽을 두 가지는 모두 아래에서 assert로 확인합니다(`tests/test_forecasting.py`에서 다른
# 시드로 다시 확인합니다). GRU의 오차는 **예측 시점 거리와 함께 커지지만**(자기 실수를 읽고, 혼돈이
# 그 실수를 키웁니다), 적어도 처음 10단계(60 시간 단위) 동안은 선형 모델보다 앞섭니다.

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="3a709e64891d"
# ## 6. 탐색하기
#
# 탐색기는 학습된 GRU(와 AR 모델, 지속성 예측)를 테스트 시계열의 한 구간에서 돌립니다.
# **context**(맥락 길이)를 움직이면 RNN에 학습할 때의 16개(음영 띠)보다 적거나 많은 값을 주고,
# **horizon**(예측 시점 거리)을 움직이면 더 멀리 예측하고, **start**(시작 위치)로 다른 구간을 고릅니다.
# 해 볼 만한 것: 맥락 길이 3이나 4, 곧 GRU가 끌개 위에서 자기 위치를 찾기에 너무 적은 값, 그리고
# 학습 때보다 긴 맥락. 긴 맥락은 도움이 되지 않습니다(둘 다 4절 끝에서 측정했습니다).
#
# **질문.** 다른 슬라이더는 처음 위치에 두고 맥락 길이를 3으로 해 보세요. 예측 시점 거리 전체에 걸친
# RNN의 오차(그림 아래의 표)는 학습할 때의 16개 값을 줄 때보다 클까요, 작을까요?

# %% [markdown] slideshow={"slide_type": "notes"} translates="286c8ace0b40"
# 탐색기에서: 맥락 길이를 16보다 작게, 또 크게 움직여 보고, 예측 시점 거리를 40까지 늘리고, 다른
# 시작 위치를 고릅니다. 학생들에게 물어보기: *GRU가 선형 모델보다 뒤처지는 곳이 있다면 어디일까요?*

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

# %% [markdown] slideshow={"slide_type": "skip"} translates="62c7b6337155"
# ## 7. 연습 문제
#
# **연습 8.1 — 윈도우.** 시간 우선 배치의 `inputs (context, N, 1)`과 `targets (N, 1)`을 돌려주는
# `my_windows(values, context)`를 작성하세요. 목표 `i`는 윈도우 `i` 바로 다음 값입니다. (위의
# `make_windows`를 보지 않고 해 보세요.)


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

# %% [markdown] slideshow={"slide_type": "skip"} translates="7f49591d6d86"
# **연습 8.2 — 최소제곱법으로 맞추는 선형 자기회귀.** 가중치를 가장 오래된 시차부터 늘어놓은
# `(weights, intercept)`를 돌려주는 `my_ar(series, order)`를 작성하세요. 곧
# $\hat x_t = \text{weights} \cdot (x_{t-p}, \dots, x_{t-1}) + \text{intercept}$가 되게 합니다.
# 힌트: 시차 값들과 1로 채운 열 하나로 설계 행렬을 만들고 `np.linalg.lstsq`를 쓰세요.


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

# %% [markdown] slideshow={"slide_type": "slide"} translates="321acac0953a"
# **연습 8.3 — 생각해 보기.** 표준화(standardisation)에는 왜 *학습* 부분의 평균과 표준 편차만 써야
# 할까요? 실제 예측 시스템에서 시계열 전체의 통계를 쓰면 무엇이 잘못될까요?
#
# <details><summary>답</summary>
#
# 예측하는 시점에는 미래를 모르므로, 미래의 통계도 모릅니다. 학습 중에 그 통계를 쓰면 테스트 기간의
# 정보가 모델로 새어 들어가고(데이터 누수, data leakage), 보고하는 오차가 실제보다 낙관적이 됩니다.
# </details>
#
# ## 요약
#
# * 예측은 시퀀스에 대한 회귀입니다. 과거 값들의 윈도우가 들어가고 다음 값이 나오며, 손실은
#   MSE입니다. RNN은 윈도우를 한 단계씩 읽습니다(다대일).
# * 언제나 **지속성** 예측, **선형 자기회귀**와 비교하세요. 사인파의 합은 선형 점화식이므로 거기서는
#   AR이 이미 (거의) 최적입니다.
# * 혼돈 상태인 매키-글래스 시계열에서는 관계가 비선형입니다. GRU는 한 단계 오차를 AR의 60% 미만으로
#   줄였습니다.
# * 다단계 예측은 예측을 다시 입력으로 넣습니다. 오차는 예측 시점 거리와 함께 쌓이고, 혼돈
#   시계열에서는 어떤 모델도 멀리 예측하지 못합니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 시계열 | time series | 시간에 따라 차례로 잰 값들 |
# | 예측 | forecasting | 시계열의 과거로부터 미래 값을 추정하는 일 |
# | 회귀 | regression | 클래스가 아니라 실수를 예측하는 일 |
# | 평균 제곱 오차 | mean squared error | 예측 오차를 제곱해 평균 낸 값, 회귀의 손실 |
# | 지속성 기준 모델 | persistence baseline | 다음 값이 마지막 값과 같다고 예측하는 모델 |
# | 선형 자기회귀 | linear autoregression | 다음 값을 마지막 p개 값의 가중합으로 나타내고 최소제곱법으로 맞춘 모델 |
# | 윈도우 | window | 입력 하나로 쓰는, 개수가 정해진 연속된 과거 값들 |
# | 재귀적 다단계 예측 | free-running forecast | 자기 예측을 다시 입력으로 넣으며 여러 단계 앞을 내다보는 예측 |
# | 예측 시점 거리 | horizon | 몇 단계 앞을 예측하는지 (예측 구간, 곧 prediction interval과는 다른 말) |
# | 혼돈 (카오스) | chaos | 작은 차이가 지수적으로 커지는 결정론적 동역학 |
# | 끌개 | attractor | 동역학계가 빠져들어 그 위를 계속 움직이는 상태들의 집합 |
# | 표준화 | standardisation | 평균을 빼고 표준 편차로 나누는 일 |

# %% [markdown] slideshow={"slide_type": "notes"} translates="0dce8288b04f"
# 말할 내용: 요약. 연습 문제의 질문을 학생들에게 물어보기: *표준화에는 왜 학습 부분의 평균과 표준
# 편차만 써야 할까요?* (테스트 데이터를 미리 들여다보면 안 됩니다)
