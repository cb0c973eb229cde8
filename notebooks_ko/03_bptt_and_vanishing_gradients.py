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

# %% [markdown] slideshow={"slide_type": "slide"} translates="464f61a8c945"
# # 3장 — 시간에 따른 역전파(BPTT), 기울기 소실과 폭주
# ### Chapter 3 — Backpropagation through time, vanishing and exploding gradients
#
# [2장](02_vanilla_rnn.ipynb)에서는 기본 순환 신경망(vanilla RNN)이 "hihello"의 다음 문자를 예측하도록 학습시켰습니다. 학습에는 경사 하강법(gradient descent)을 썼고, 기울기 계산은 rnnlib에 맡겼습니다. 이 장에서는 그 상자를 열어 봅니다. **시간에 따른 역전파**(BPTT, backpropagation through time)를 손으로 유도하고, 그 결과를 rnnlib 및 유한 차분(finite difference)과 비교해 검증합니다. 그다음 이를 이용해 *기본 RNN이 왜 앞의 내용을 잊어버리는지* 살펴봅니다. 앞쪽 시점(time step)에 도달하는 기울기는 시점마다 인수가 하나씩 곱해진 곱이고, 이런 곱은 지수적으로 줄어들거나 커집니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. RNN의 손실을 시점별 손실의 합으로 쓰고, 시간 축으로 펼친 그래프를 따라 기울기를 거꾸로 따라가기
# 2. 기본 RNN의 BPTT를 numpy 몇 줄로 구현하고, 수치 기울기 검사(gradient check)로 검증하기
# 3. 한 단계의 야코비 행렬 $\partial h_t/\partial h_{t-1} = \mathrm{diag}(1-h_t^2)\,W_{hh}$를 유도하고, tanh의 도함수(최댓값 1)와 시그모이드의 도함수(최댓값 1/4)가 왜 중요한지 설명하기
# 4. 특잇값 상한(singular-value bound)을 서술하고, $\sigma_{\max}(W_{hh})$를 보고 기울기가 소실될지, 폭주할 수 있는지 예측하기
# 5. 기울기 클리핑(gradient clipping)으로 기울기 폭주를 다스리고, 노름 기준 클리핑은 방향을 유지하지만 값 기준 클리핑은 그렇지 않은 이유 설명하기
# 6. 절단된 BPTT(truncated BPTT)가 무엇을 절약하고, 무엇을 끊으며(청크 경계를 넘는 기울기), 무엇은 끊지 않는지(경계를 넘어 전달되는 상태) 설명하기
# 7. 기본 RNN이 장기 의존성(long-term dependency)에서 실패하는 모습을 보이고, RNN이 느린 이유 설명하기

# %% [markdown] slideshow={"slide_type": "notes"} translates="6a144a115614"
# 약 65분. 탐색기(explorer): 기울기 흐름(4절), 클리핑(5절). 말할 내용: [2장](02_vanilla_rnn.ipynb)에서 학습이라는 상자를 닫아 둔 채 썼는데, 이제 그 상자를 엽니다. 시간에 따른 역전파, 그리고 기본 RNN이 왜 잊어버리는지가 주제입니다.

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
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="25d14cddef87"
# ## 1. 손실은 시점별 손실의 합
#
# [2장](02_vanilla_rnn.ipynb)의 기본 RNN을 떠올려 봅시다. $h_0 = 0$에서 출발해 각 시점 $t = 1, \dots, T$에서 다음을 계산합니다.
#
# $$a_t = W_{xh} x_t + W_{hh} h_{t-1} + b, \qquad h_t = \tanh(a_t), \qquad \hat y_t = W_{hy} h_t .$$
#
# (강의 노트에서는 $U = W_{xh}$, $W = W_{hh}$, $V = W_{hy}$로 씁니다.) 모델이 매 시점 예측을 내놓으면, 시퀀스의 손실(loss)은 시점별 손실의 합 $L = \sum_{t=1}^{T} L_t(\hat y_t, y_t)$입니다. 여기서는 $L_t = \tfrac12\lVert \hat y_t - y_t\rVert^2$를 씁니다.
#
# 시간 축으로 펼치면(unrolling) RNN은 모든 층이 같은 가중치를 공유하는 깊은 순방향 신경망(feed-forward network)일 뿐입니다. 이 신경망의 역전파가 바로 *시간에 따른 역전파*, 즉 펼친 그래프에 연쇄 법칙(chain rule)을 적용한 것입니다. 보통의 신경망과 다른 점이 두 가지 있습니다.
#
# * $h_t$는 두 경로로 손실에 영향을 줍니다. $L_t$를 통해 직접, 그리고 $h_{t+1}$과 그 뒤의 모든 시점을 통해 간접적으로 영향을 줍니다. $h_t$의 전체 기울기는 이 둘을 더한 것입니다.
# * $W_{hh}$는 모든 시점에서 쓰이므로, 그 기울기는 **시점에 대한 합**입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="b2f80e985175"
# 말할 내용: 손실은 시점별 손실의 합이고, 모든 시점에서 쓰이는 가중치는 모든 시점에서 기울기를 모아 옵니다. 수강생에게 묻기: *W_hh에서 시점 4의 손실로 가는 경로는 몇 개일까요?*

# %% slideshow={"slide_type": "subslide"}
ax = plot_backprop_graph(4)

# %% [markdown] slideshow={"slide_type": "slide"} translates="d82fc3f9bb4c"
# ## 2. 손으로 하는 BPTT
#
# $\delta h_t = \partial L / \partial h_t$는 $h_t$에 도달하는 *전체* 기울기이고, $\delta a_t = \partial L/\partial a_t$입니다. $\delta a_{T+1} = 0$에서 시작해(마지막 시점 너머에서는 아무것도 돌아오지 않으므로) $t = T$에서 $1$까지 거꾸로 가면 다음과 같습니다.
#
# $$\delta h_t = \underbrace{W_{hy}^\top(\hat y_t - y_t)}_{\text{from } L_t}
#   + \underbrace{W_{hh}^\top\,\delta a_{t+1}}_{\text{from step } t+1},
#   \qquad \delta a_t = (1 - h_t^2) \odot \delta h_t ,$$
#
# $$\frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^{T} \delta a_t\, h_{t-1}^\top, \qquad
#   \frac{\partial L}{\partial W_{xh}} = \sum_{t=1}^{T} \delta a_t\, x_t^\top, \qquad
#   \frac{\partial L}{\partial b} = \sum_{t=1}^{T} \delta a_t .$$
#
# 인수 $1 - h_t^2$는 tanh의 도함수를 출력으로 나타낸 것입니다: $\tanh'(a) = 1 - \tanh(a)^2$. (출력 가중치의 기울기는 재귀 없이 $\partial L/\partial W_{hy} = \sum_t (\hat y_t - y_t)\, h_t^\top$로 바로 구해지므로 여기서는 다루지 않습니다.) 코드에서는 $B$개 시퀀스로 된 배치를 쓰고 벡터를 행으로 둡니다(그래서 rnnlib에서처럼 $W h$가 `h @ W.T`가 됩니다). 순전파(forward pass)는 다음과 같습니다.


# %% [markdown] slideshow={"slide_type": "notes"} translates="a294d0876be7"
# 재귀를 한 단계씩 풀어 보이며 설명합니다. h_t에서의 기울기는 그 시점의 국소적인 몫과 시점 t+1에서 돌아오는 몫을 받습니다. 수강생에게 묻기: *delta a_{T+1}은 무엇이고, 왜 그럴까요?* (0입니다. 마지막 시점 뒤에는 아무것도 없습니다.)


# %% slideshow={"slide_type": "subslide"}
def rnn_forward(x, W_xh, W_hh, b):
    """x: (T, B, D) -> h: (T + 1, B, H) with h[0] = h_0 = 0 and h[t] = h_t."""
    steps, batch, _ = x.shape
    h = np.zeros((steps + 1, batch, W_hh.shape[0]))
    for t in range(1, steps + 1):
        h[t] = np.tanh(x[t - 1] @ W_xh.T + h[t - 1] @ W_hh.T + b)
    return h


# %% [markdown] slideshow={"slide_type": "skip"} translates="1432b3a94811"
# 역전파(backward pass)는 여러분이 직접 작성합니다. cs231n의 과제 3처럼 두 부분으로 나눕니다.
#
# ### 연습 문제 1: 한 단계 거꾸로
#
# 한 단계에 대한 `rnn_step_backward(dh, x_t, h_prev, h_t, W_hh)`를 작성하십시오. 배치의 행 하나하나가 벡터 하나입니다. 전체 기울기 `dh` $= \partial L/\partial h_t$ `(B, H)`가 주어지면 `(dh_prev, dW_xh, dW_hh, db)`를 반환합니다. 즉 $h_{t-1}$로 넘겨줄 기울기 `(B, H)`와, 이 단계가 가중치 기울기에 보태는 몫 `(H, D)`, `(H, H)`, `(H,)`입니다. 검사 함수는 모든 출력을 수치 기울기와 비교하고, 흔한 실수를 짚어 줍니다.


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

# %% [markdown] slideshow={"slide_type": "skip"} translates="61e9bad72de9"
# ### 연습 문제 2: BPTT 루프
#
# `rnn_backward(dh_local, x, h, W_hh)`를 작성하십시오. `dh_local[t-1]` $= \partial L_t/\partial h_t$ `(T, B, H)`이고, `h`는 `rnn_forward`가 반환한 배열(`h[0]` $= h_0$ 포함)입니다. $t = T$에서 1까지 거꾸로 가면서, 시점 $t+1$에서 돌아온 기울기를 국소 기울기에 더하고, 앞에서 작성한 단계 함수를 호출하고, 가중치 기울기를 모든 시점에 걸쳐 더합니다. 반환값은 `(dW_xh, dW_hh, db, dh_total)`이며, `dh_total[t-1]`은 전체 $\partial L/\partial h_t$입니다. 처음 시도에서 가장 많이 틀리는 곳은 시점 $t+1$에서 돌아오는 값(`dh_next`)입니다. 검사 함수는 기울기가 처음으로 어긋나는 시점을 알려 줍니다.


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

# %% [markdown] translates="cfb0f512dbb8"
# 작은 무작위 문제를 하나 만듭니다. 시퀀스 길이 $T = 6$, 배치 크기 3, 입력 특성 4개, 은닉 유닛 5개, 출력 2개입니다. `loss_and_local_grads`는 순전파를 실행해 손실과, 모든 시점의 $\partial L_t/\partial h_t = W_{hy}^\top(\hat y_t - y_t)$를 반환합니다.

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

# %% [markdown] translates="a4efdf973dbc"
# **rnnlib과 같은 값.** rnnlib의 `Recurrent(RNNCell)`도 같은 재귀를 구현합니다(역전파할 때 모든 시점의 전체 $\partial L/\partial h_t$를 `trace.grad_hidden`에 기록합니다). 여기에 우리의 가중치와 같은 $\partial L_t/\partial h_t$를 넣어 봅시다.

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

# %% [markdown] translates="cf62f85ba1b5"
# **기울기 검사(gradient check).** 마지막으로 수치 기울기와 비교합니다. 각 가중치를 $\pm\varepsilon$만큼 살짝 움직이고 손실의 변화를 재면 $\partial L/\partial w \approx (L(w+\varepsilon) - L(w-\varepsilon))/2\varepsilon$입니다. 올바르게 구현한 float64 역전파라면 상대 오차 $|a - n| / (|a| + |n|)$가 $10^{-8}$ 정도이거나 그보다 작습니다. $10^{-3}$이 나온다면 버그가 있다는 뜻입니다.


# %% [markdown] slideshow={"slide_type": "notes"} translates="60dc4c2fd836"
# 말할 내용: 수치 기울기가 손으로 구한 기울기와 1e-6보다 작은 오차로 일치합니다. 수강생에게 묻기: *왜 float64와 중심 차분(centred difference)을 쓸까요?*


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

# %% [markdown] slideshow={"slide_type": "slide"} translates="cf739ecf3b61"
# ## 3. 한 단계의 야코비 행렬과 야코비 행렬의 곱
#
# 앞쪽 시점의 기울기는 어디에서 올까요? 손실이 마지막 시점에만 있다고 합시다. 연쇄 법칙에 따라, $h_t$에 도달하는 기울기는 그 사이의 모든 시점을 거쳐 거꾸로 전달됩니다.
#
# $$\frac{\partial L}{\partial h_t} = \Big(\prod_{k=t+1}^{T} J_k\Big)^{\!\top} \frac{\partial L}{\partial h_T},
#   \qquad J_k = \frac{\partial h_k}{\partial h_{k-1}} = \mathrm{diag}\big(f'(a_k)\big)\, W_{hh}
#   = \mathrm{diag}(1 - h_k^2)\, W_{hh} \text{ for tanh.}$$
#
# 야코비 행렬(Jacobian) $J_k$의 성분은 $(i, j) = \partial h_{k,i}/\partial h_{k-1,j}
# = f'(a_{k,i})\,W_{hh}[i, j]$입니다. 즉 $i$번째 행에는 유닛 $i$의 미분값(slope)이 곱해집니다. `rnn_step_backward`의 코드 `da @ W_hh`가 바로 $J_t^\top$를 곱하는 부분입니다.
#
# 작은 RNN의 한 단계에 대해 이 공식을 유한 차분과 비교해 확인해 봅시다.


# %% [markdown] slideshow={"slide_type": "notes"} translates="1706da300879"
# 말할 내용: 앞쪽 시점에 도달하는 기울기는 그 사이의 시점마다 야코비 행렬이 하나씩 곱해진 곱입니다. 수강생에게 묻기: *0.9를 50번 곱하면 어떻게 될까요?* (약 0.005)


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

# %% [markdown] translates="dfc642142aee"
# 각 인수 $J_k$에는 활성화 함수의 도함수가 들어 있습니다. tanh의 도함수는 최대 1이고($a = 0$에서) 대개는 그보다 훨씬 작습니다. 시그모이드의 도함수는 최대 $1/4$이고, ReLU의 도함수는 0 아니면 1입니다. 따라서 한 단계를 거칠 때 활성화 함수는 기울기를 줄일 수만 있고 키울 수는 없습니다. 기울기가 커진다면 그 원인은 모두 $W_{hh}$에 있습니다.

# %% slideshow={"slide_type": "subslide"}
ax = plot_activation_slopes()

a = np.linspace(-10, 10, 20001)
tanh_slope = analysis.activation_slope(np.tanh(a), "tanh")  # 1 - tanh(a)^2
sigmoid_slope = analysis.activation_slope(1 / (1 + np.exp(-a)), "sigmoid")  # s (1 - s)
assert np.isclose(tanh_slope.max(), 1.0) and np.isclose(sigmoid_slope.max(), 0.25)
assert a[tanh_slope.argmax()] == 0 and a[sigmoid_slope.argmax()] == 0  # both peak at a = 0
assert analysis.SLOPE_BOUND == {"tanh": 1.0, "relu": 1.0, "sigmoid": 0.25}

# %% [markdown] slideshow={"slide_type": "slide"} translates="52b23ba4c4fb"
# ## 4. 특잇값 상한: 소실 아니면 폭주
#
# 행렬을 사상(map)으로 볼 때 그 크기는 가장 큰 특잇값(singular value), 즉 스펙트럼 노름(spectral norm) $\lVert W\rVert_2 = \sigma_{\max}(W)$입니다. 어떤 벡터도 이보다 더 많이 늘어나지는 않습니다. 곱의 노름은 노름의 곱 이하이고, $\lVert\mathrm{diag}(f'(a_k))\rVert_2 \le \gamma$입니다. 여기서 $\gamma$는 활성화 함수 도함수의 상한입니다(tanh는 $\gamma = 1$, 시그모이드는 $1/4$). 따라서 다음이 성립합니다(Pascanu, Mikolov, Bengio, 2013).
#
# $$\lVert J_k \rVert_2 \le \gamma\,\sigma_{\max}(W_{hh})
#   \quad\Longrightarrow\quad
#   \Big\lVert \frac{\partial L}{\partial h_t}\Big\rVert \le \big(\gamma\,\sigma_{\max}(W_{hh})\big)^{T-t}\,
#   \Big\lVert \frac{\partial L}{\partial h_T}\Big\rVert .$$
#
# * $\sigma_{\max}(W_{hh}) < 1/\gamma$이면 기울기는 거리 $T - t$에 따라 적어도 지수적으로 **소실**됩니다(기울기 소실, vanishing gradient). 앞쪽 입력은 학습 신호를 (거의) 받지 못합니다.
# * $\sigma_{\max}(W_{hh}) > 1/\gamma$이면 상한이 지수적으로 커지고, 기울기가 **폭주할 수 있습니다**(기울기 폭주, exploding gradient). 이것은 필요조건일 뿐 보장이 아닙니다. tanh의 미분값이 여전히 기울기를 끌어내릴 수 있습니다.
#
# `experiments.gradient_flow`는 $W_{hh} = \sigma \cdot Q$로 둔 rnnlib의 RNN을 길이 50인 무작위 입력으로 실행합니다($Q$는 무작위 직교 행렬이므로 모든 특잇값이 $\sigma$입니다). 손실은 마지막 시점에만 두고, $\lVert\partial L/\partial h_t\rVert$는 `trace.grad_hidden`에서 읽습니다. 점선이 상한입니다. $\sigma_{\max} = 1.5$와 $2$의 상한은 모든 기울기보다 훨씬 위로 올라가 축의 위쪽 밖으로 나가는데, 나가는 자리에 삼각형이 표시되어 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="b2644016d808"
# 말할 내용: W_hh의 스펙트럼 노름에 활성화 함수의 최대 미분값을 곱한 값이 각 인수의 상한입니다. 이 값이 1보다 작으면 기울기는 기하급수적으로 소실되고, 1보다 크면 폭주할 수 있습니다.
#
# 탐색기에서: 스펙트럼 노름을 1 너머로 옮긴 다음 ReLU로 바꿉니다. 수강생에게 묻기: *곡선이 소실에서 폭주로 넘어가는 곳은 어디일까요?*

# %% slideshow={"slide_type": "subslide"}
scales = (0.5, 0.9, 1.0, 1.5, 2.0)
flows = [experiments.gradient_flow(scale, "tanh", length=50, rng=SEED) for scale in scales]
ax = plot_gradient_norms(flows)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="83ba41d166a5"
# 그림이 보여 주는 것을 확인해 봅니다.
#
# * 모든 곡선은 자기 상한 아래에 있습니다(상한은 정리이므로 이것은 정확히 성립합니다).
# * $\sigma_{\max} = 0.5$이면 시점 1의 기울기는 시점 $T = 50$ 기울기의 $10^{-6}$보다 작습니다(상한에 따르면 많아야 $0.5^{49} \approx 2\cdot10^{-15}$입니다).
# * $\sigma_{\max} = 2$이면 시점 1의 기울기가 10배 넘게 *더 큽니다*. 폭주한 것입니다.
# * $\sigma_{\max} = 1$에서는 상한이 평평한데도 기울기는 여전히 줄어듭니다. tanh의 미분값 $1 - h_t^2$가 대개 1보다 작기 때문입니다(여기서는 그 평균이 0.95보다 작습니다).

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="b8c98dfeb2c4"
# **탐색해 보기.** 스펙트럼 노름을 1 너머로 옮기고, ReLU로 바꾸고, 길이를 바꿔 봅니다. 오른쪽 패널은 각 시점의 인수 $\lVert J_t\rVert_2$를 보여 줍니다. 시점 $t$의 기울기는 그 오른쪽에 있는 모든 인수의 곱 이하입니다. ReLU에서는 모든 인수가 정확히 상한 $\sigma_{\max}$에 놓이는데도(활성 유닛의 미분값은 정확히 1입니다) 왼쪽의 기울기는 상한보다 훨씬 아래에 머뭅니다. 왜 그럴까요? (힌트: 상한은 모든 시점이 기울기를 자신이 가장 많이 늘리는 방향으로 늘리고, 이런 일이 시점마다 잇달아 일어난다고 가정합니다.)
#
# **질문.** 활성화 함수는 tanh, 길이 `length T`는 50으로 그대로 두고, `sigma_max(W_hh)`를 0.9에서 아래로 끌어내려 봅니다. 값이 얼마보다 작아지면 그림 아래 설명에 나오는 비율 ||dL/dh_1|| / ||dL/dh_T||가 10⁻⁶ 아래로 떨어져, 첫 시점이 마지막 시점 기울기의 백만분의 일밖에 받지 못할까요?

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="3bdb42bdabe1"
# ## 5. 기울기 폭주와 클리핑
#
# 기울기 소실은 긴 의존성의 학습을 느리게 하거나 불가능하게 만듭니다. 기울기 폭주는 더 극적입니다. 거대한 기울기 하나가 단 한 번의 업데이트로 가중치를 멀리 내던지고, 손실이 치솟으며, 다음 기울기는 더 커집니다. RNN의 손실 곡면에는 이런 일이 일어나는 가파른 "절벽"이 있습니다.
#
# 다음이 그런 실행입니다. 덧셈 문제([7절](#7.-장기-의존성:-기본-RNN이-실패하는-곳))를 푸는 기본 RNN으로, $W_{hh}$는 스펙트럼 노름 2에서 시작하고 학습률(learning rate) 0.3의 평범한 SGD로 학습합니다. 같은 실행을 **기울기 클리핑**(gradient clipping)과 함께 다시 합니다. 기울기 클리핑은 전역 노름(global norm) $\lVert g\rVert$가 임곗값 $c$를 넘을 때마다 기울기 전체의 크기를 다시 조정합니다.
#
# $$g \leftarrow g \cdot \min\Big(1, \frac{c}{\lVert g\rVert}\Big).$$

# %% [markdown] slideshow={"slide_type": "notes"} translates="78448d8cc74e"
# 말할 내용: 폭주한 기울기는 한 번의 업데이트로 가중치를 멀리 날려 버립니다. 노름 기준 클리핑은 업데이트의 크기를 제한하면서 방향은 유지합니다. 클리핑 탐색기에서 기울기의 방향을 돌려 봅니다. 수강생에게 묻기: *값 기준 클리핑은 왜 방향을 바꿀까요?*

# %% slideshow={"slide_type": "subslide"}
unclipped = experiments.clipping_run(max_norm=None, rng=SEED)
clipped = experiments.clipping_run(max_norm=1.0, rng=SEED)
fig = plot_training_runs(
    {tr("no clipping"): unclipped, tr("clipped at norm 1"): clipped}, baseline=clipped.baseline
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="f64a426b88a9"
# 클리핑이 없으면 손실이 몇 번의 학습 단계 만에 폭주합니다(손실이 $10^6$을 넘으면 실행을 멈춥니다). 클리핑을 하면 같은 가중치, 데이터, 학습률로도 학습이 됩니다. 어떤 업데이트도 길이가 $\text{lr}\cdot c = 0.3$을 넘지 않고, 마지막 학습 단계 100번의 손실은 항상 1을 예측하는 기준선(baseline)보다 훨씬 낮습니다.

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

# %% [markdown] translates="5b9dfcf08970"
# **노름 기준인가, 값 기준인가?** *값 기준* 클리핑(clipping by value)은 기울기의 모든 성분을 $[-c, c]$ 안으로 잘라 넣습니다. 이것도 업데이트의 크기를 제한하지만, 성분들이 서로 다른 비율로 잘릴 때마다 기울기의 *방향*이 바뀝니다. *노름 기준* 클리핑(clipping by norm)은 모든 성분을 같은 비율로 줄이므로, 업데이트는 여전히 기울기를 따라 내리막을 향하고 길이만 바뀝니다. rnnlib에는 둘 다 있습니다(`clip_grad_norm`, `clip_grad_value`). 기울기 $(10, 0.1)$로 확인해 봅시다.


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

# %% [markdown] slideshow={"slide_type": "slide"} translates="537494ce6909"
# **탐색해 보기.** 기울기의 방향을 돌리고, 크기와 임곗값을 바꿔 봅니다. 오른쪽 패널은 위에서 클리핑을 적용한 학습 실행의 기울기 노름을 보여 줍니다. 어떤 임곗값이라면 그 가운데 몇 번의 학습 단계가 클리핑될까요?
#
# **질문.** ||g|| = 8, 임곗값 c = 1로 두고, 방향을 0°에서 180°까지 돌려 봅니다. 어떤 방향에서 값 기준 클리핑이 기울기의 방향을 바꾸지 *않을까요*? (가운데 패널은 클리핑된 벡터를 임곗값의 척도로 보여 주므로 각도가 잘 보입니다.)

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="973d2382616c"
# ## 6. 절단된 BPTT
#
# 긴 시퀀스 전체에 걸친 BPTT(전체 BPTT)는 역전파가 끝날 때까지 모든 은닉 상태(hidden state)를 보관해야 하고, 한 번 업데이트하려면 시퀀스 전체를 기다려야 합니다. **절단된 BPTT**(truncated BPTT, 시간 절단 역전파라고도 합니다)는 시퀀스를 $k$시점짜리 청크(chunk)로 나눕니다. *순전파*의 상태는 청크에서 청크로 전달되지만, 기울기는 청크 경계를 넘어 거꾸로 전달되지 않습니다. rnnlib에서는 `Recurrent.backward(..., truncate=k)`가 이 일을 합니다.
#
# **무엇을 끊는가.** 길이 40인 시퀀스의 마지막 시점에 손실을 두고 $k = 10$으로 하면, 마지막 청크보다 앞선 입력은 *정확히 0*인 기울기를 받습니다. 마지막 청크 안에서는 기울기가 전체 BPTT와 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="aa1f6240b663"
# 말할 내용: 절단된 BPTT는 상태는 앞으로 전달하지만 기울기는 k시점이 지나면 끊습니다. 메모리는 T B H 대신 k B H입니다. 수강생에게 묻기: *절단된 BPTT로 학습한 모델이 배울 수 없는 것은 무엇일까요?* (k보다 긴 의존성을 기울기로부터 배울 수는 없습니다)

# %% slideshow={"slide_type": "subslide"}
full = experiments.truncated_gradient(length=40, truncate=None, rng=SEED)
cut = experiments.truncated_gradient(length=40, truncate=10, rng=SEED)
ax = plot_truncation(full, cut, truncate=10)

assert np.all(cut[:30] == 0.0) and np.all(full[:30] > 0)
assert np.allclose(cut[30:], full[30:])

# %% [markdown] slideshow={"slide_type": "subslide"} translates="5d24052aa932"
# **정확히 무엇을 끊고, 무엇은 끊지 않는가.** 어떤 기울기도 청크 경계를 넘지 못합니다. 따라서 손실보다 $k$시점 넘게 앞선 입력을 어떻게 저장했어야 하는지 가중치가 전해 듣는 일은 없습니다. 하지만 *상태*는 경계를 넘어가고, 마지막 청크 안에서 학습된 가중치는 상태가 싣고 온 것이 무엇이든 그것에 작용합니다. 그러므로 마지막 청크에 도달하는 상태가 그 정보를 담고 있기만 하면, $k$보다 긴 의존성도 여전히 학습될 수 있습니다.
#
# 실험으로 양쪽을 모두 보이겠습니다. 과제는 이렇습니다. 먼저 단서(clue) $+1$ 또는 $-1$이 오고, 그 뒤로 잡음이 이어집니다. 마지막 시점이 끝나면 단서의 부호를 말해야 합니다. 테스트에서 단서는 항상 $T = 20$개 시점 가운데 시점 1, 즉 답보다 **19시점** 앞에 있고, 학습에는 $k = 5$를 씁니다. `experiments.truncated_long_dependency`는 같은 초기 가중치에서 tanh RNN을 두 가지 방식으로 학습시키며, 이를 4번 반복합니다.
#
# * **학습에서 단서가 항상 시점 1에 있을 때.** 단서가 들어오는 시점에는 어떤 기울기도 도달하지 않으므로, 단서의 입력 가중치 $W_{xh}[:, 0]$는 무작위 초깃값에서 전혀 움직이지 않습니다.
# * **학습에서 단서가 아무 시점에나 있을 때.** 마지막 청크 안에 들어온 단서들 덕분에 공유 가중치가 단서를 상태에 써 넣고 계속 간직하는 법을 배웁니다. 그러면 같은 가중치가 시점 1의 단서도 세 개의 청크 경계 너머로 실어 나릅니다.

# %% slideshow={"slide_type": "fragment"}
long_dependency = experiments.truncated_long_dependency(length=20, truncate=5, rng=SEED)
for name, accuracy in [
    ("clue always at step 1", long_dependency.truncated),
    ("clue at any step", long_dependency.truncated_anywhere),
]:
    print(f"truncate=5, trained with {name:22}: test accuracy {np.round(accuracy, 2)}")

# %% [markdown] translates="092762a4691e"
# 단서가 아무 시점에나 오도록 학습하면, 모든 실행이 19시점 앞의 부호를 맞힙니다(4번의 실행 모두 정확도 0.9 이상). 절단된 BPTT로 $k$의 거의 네 배나 되는 의존성을 학습한 것입니다. 단서가 시점 1에만 있으면 단서의 입력 가중치는 초기화된 그대로이고, 평균 정확도는 0.8 아래(동전 던지기의 0.5 근처)에 머뭅니다. 무작위 초깃값이 우연히 실어 나르는 것이 읽어 낼 수 있는 전부입니다. (테스트에서 다른 시드로 이 실험을 반복합니다.)

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

# %% [markdown] slideshow={"slide_type": "subslide"} translates="0685abb0c84b"
# **무엇을 절약하는가.** 시퀀스를 청크 단위로 실행하면 한 번에 한 청크 분량의 은닉 상태만 보관합니다. $T \cdot B \cdot H$개 대신 $k \cdot B \cdot H$개의 수입니다. 그래도 두 방식 모두 모든 시점을 순방향과 역방향으로 한 번씩 실행하므로, 걸리는 시간은 둘 다 $T$에 비례해 늘어납니다. (`experiments.bptt_cost`는 $B = 8$, $H = 64$로 순전파와 역전파 한 번에 걸리는 시간을 잽니다. 청크 방식은 `truncate=k`와 정확히 같은 기울기를 냅니다. 절대 시간은 컴퓨터마다 다릅니다. 전체 BPTT는 $T$개 시점 전체의 가중치 기울기를 몇 번의 큰 행렬 곱으로 만들고, 청크 방식은 여러 번의 작은 행렬 곱으로 만듭니다. 바쁜 멀티코어 컴퓨터에서는 큰 행렬 곱이 빨라지기는커녕 오히려 느려질 수도 있습니다.)

# %% slideshow={"slide_type": "subslide"}
lengths = (50, 100, 200, 400)
k = 25
full_cost = [experiments.bptt_cost(length, None, rng=SEED) for length in lengths]
truncated_cost = [experiments.bptt_cost(length, k, rng=SEED) for length in lengths]
fig = plot_bptt_cost(lengths, full_cost, truncated_cost, truncate=k)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="3d75cafce285"
# 메모리에 보관하는 값의 개수는 정확하며, 아래 검사가 확인하는 것도 이 값입니다. 전체 BPTT는 $T \cdot B \cdot H$개의 값을 보관하고, 청크 방식은 $T$와 상관없이 $k \cdot B \cdot H$개를 보관하며, 둘 다 $T$개 시점을 모두 실행합니다. 각 시간은 (시간을 재지 않는 예열 실행 한 번 뒤에) 같은 계산을 9번 반복해 얻은 가장 빠른 값입니다. 컴퓨터의 부하는 시간을 늘리기만 하며, 바쁜 컴퓨터에서 한 번만 재면 열 배까지 어긋날 수 있습니다. 시간은 출력만 하고 검사하지는 않습니다. 컴퓨터에 따라, 그리고 그 컴퓨터에서 함께 돌아가는 다른 작업에 따라 달라지기 때문입니다.

# %% slideshow={"slide_type": "fragment"}
for length, f, t in zip(lengths, full_cost, truncated_cost, strict=True):
    print(
        f"T = {length:3}: full {f['stored']:6} values, {1e3 * f['seconds']:6.1f} ms | "
        f"truncated {t['stored']:5} values, {1e3 * t['seconds']:6.1f} ms"
    )
for length, f, t in zip(lengths, full_cost, truncated_cost, strict=True):
    assert f["stored"] == length * 8 * 64 and t["stored"] == k * 8 * 64
    assert f["steps"] == t["steps"] == length

# %% [markdown] slideshow={"slide_type": "slide"} translates="a939125aca3e"
# ## 7. 장기 의존성: 기본 RNN이 실패하는 곳
#
# 언어에는 장기 의존성(long-term dependency)이 가득합니다. 한국어는 동사를 문장 끝에 두고, 동사는 여러 어절 앞에 나왔을 수도 있는 주어와 호응합니다. 높임의 주격 조사 '께서'가 붙은 '할머니께서'처럼 높임을 받는 주어는 높임 동사 '주무셨다'를 요구하고, '동생은'에는 높임이 없는 '잤다'가 옵니다.
#
# | 한국어 | English |
# |---|---|
# | **할머니께서는** 어제 저녁 늦게까지 거실에서 손주들과 함께 옛날 사진을 보시다가 **주무셨다**. | Grandmother looked at old photos with her grandchildren in the living room until late last evening, and then fell asleep. |
# | **동생은** 어제 저녁 늦게까지 거실에서 친구들과 함께 게임을 하다가 **잤다**. | My younger sibling played games with friends in the living room until late last evening, and then fell asleep. |
#
# 이런 문장을 한 어절씩 써 나가는 모델은 마지막 어절에 이르러서도, 아홉 또는 열 어절(글자로는 훨씬 더 많이) 앞에 나온 주어가 누구였는지 알고 있어야 합니다.

# %%
honorific = (
    "할머니께서는 어제 저녁 늦게까지 거실에서 손주들과 함께 옛날 사진을 보시다가 주무셨다".split()
)
plain = "동생은 어제 저녁 늦게까지 거실에서 친구들과 함께 게임을 하다가 잤다".split()
for words in (honorific, plain):
    print(f"subject {words[0]!r} ... verb {words[-1]!r}: {len(words) - 1} words apart")
assert min(len(honorific), len(plain)) - 1 >= 9

# %% [markdown] slideshow={"slide_type": "subslide"} translates="1bda5aa83e4e"
# **덧셈 문제**(adding problem, Hochreiter와 Schmidhuber, 1997)는 장기 기억이 있어야만 풀 수 있도록 만든 과제입니다. 각 시점에는 $[0, 1)$ 범위의 무작위 수와 표시(marker)가 하나씩 있습니다. 표시된 시점은 정확히 두 개로 시퀀스의 앞쪽 절반과 뒤쪽 절반에 하나씩 있고, 마지막 시점 뒤의 목푯값은 표시된 두 수의 합입니다. 표시된 수는 답보다 최대 $T - 1$시점 앞에 있을 수 있습니다.
#
# **자명한 기준선.** 입력을 무시하고 늘 목푯값의 평균인 1을 예측하는 모델의 기대 MSE는, 서로 독립인 Uniform(0, 1) 수 두 개를 더한 합의 분산과 같습니다: $2 \cdot \tfrac{1}{12} = \tfrac16 \approx 0.167$. 유한한 테스트 세트에서 잰 값은 1/6에 가깝지만 정확히 1/6은 아닙니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="52368003f924"
# 말할 내용: 덧셈 문제는 시퀀스 전체에 걸친 기억이 필요합니다. 기본 RNN은 짧은 시퀀스에서는 이 문제를 풀지만, 길이 30 안팎부터는 기준선으로 떨어집니다. 수강생에게 묻기: *용량이 부족해서일까요, 기울기가 부족해서일까요?* (기울기: [4장](04_lstm_and_gru.ipynb))

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
inputs, targets = adding_problem(4, 8, rng=SEED)
print("inputs (T, B, 2): values and markers of sequence 0\n", np.round(inputs[:, 0], 2))
print("target of sequence 0:", np.round(targets[0], 2))
_, test_targets = adding_problem(100_000, 10, rng=SEED)
print(f"MSE of always predicting 1 on 100000 sequences: {adding_baseline(test_targets):.3f}")
assert abs(adding_baseline(test_targets) - ADDING_BASELINE_MSE) < 0.005

# %% [markdown] translates="bbe92aa0b5fa"
# 이제 시퀀스 길이마다 새 기본 RNN을 학습시킵니다(tanh 유닛 16개, Adam, 크기 32인 배치 600개, 폭주가 문제가 되지 않도록 기울기를 노름 1에서 클리핑). 그리고 새 시퀀스 512개에서 테스트 MSE를 재어, 같은 시퀀스에서 늘 1을 예측하는 기준선과 비교합니다.

# %% slideshow={"slide_type": "subslide"}
dependency = experiments.dependency_vs_distance(lengths=(5, 10, 15, 20, 30, 40), rng=SEED)
ax = plot_dependency(dependency)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="76764fbfef8f"
# 짧은 시퀀스에서는 RNN이 과제를 풉니다(MSE가 기준선보다 훨씬 낮습니다). 거리가 멀어지면 기준선으로 떨어집니다. 길이 30부터는 "대략 1을 예측하라" 이상은 아무것도 배우지 못했습니다. 앞쪽 시점에 "이 수를 기억하라"고 알려 주어야 할 기울기가 거꾸로 오는 길에 소실된 것입니다([4절](#4.-특잇값-상한:-소실-아니면-폭주)).

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
relative = dict(
    zip(dependency["lengths"], dependency["test_mse"] / dependency["baseline"], strict=True)
)
assert relative[5] < 0.3 and relative[10] < 0.3
assert relative[30] > 0.85 and relative[40] > 0.85
print("T = 5 and 10: test MSE below 0.3 x baseline (learned)")
print("T = 30 and 40: test MSE above 0.85 x baseline (nothing learned)")

# %% [markdown] slideshow={"slide_type": "slide"} translates="d41d761b26fa"
# ## 8. RNN은 왜 느린가
#
# 시점 $t$에는 $h_{t-1}$이 필요하므로, RNN은 순방향으로도 역방향으로도 $T$개 시점을 하나씩 차례로 실행합니다. 시퀀스 하나에 드는 시간은 $T$에 비례해 늘어나고, 하드웨어를 늘려도 한 시퀀스의 시점들을 여러 코어에 나누어 맡길 수 없습니다. 같은 시퀀스의 모든 위치에 적용하는 순방향 층은 $T$개 위치 전체를 행렬 곱 한 번으로 처리합니다. (시간은 컴퓨터와 그 부하에 따라 달라지므로 아래 검사는 느슨합니다. 시퀀스가 16배 길면 시간이 4배보다 더 걸려야 하고, 가장 짧은 길이에서 RNN이 순방향 층보다 느려야 합니다.)

# %% [markdown] slideshow={"slide_type": "notes"} translates="e16767f3a610"
# 말할 내용: 시점 t에는 h_{t-1}이 필요하므로 한 시퀀스의 시점들은 병렬로 실행할 수 없습니다. 수강생에게 묻기: *어떤 모델이 이 문제를 피할까요?* (순방향 모델과 어텐션(attention) 모델)

# %% slideshow={"slide_type": "subslide"}
timing = experiments.time_per_sequence(lengths=(25, 50, 100, 200, 400), rng=SEED)
ax = plot_sequence_time(timing)

# 16 times the steps: clearly slower (a wide margin, best of 7 runs per length)
assert timing["recurrent"][-1] > 4 * timing["recurrent"][0]
assert timing["recurrent"][0] > timing["parallel"][0]

# %% [markdown] slideshow={"slide_type": "skip"} translates="6ce3097168e1"
# ## 연습 문제 더 풀기 (More exercises)
#
# ### 연습 문제 3 — 한 단계의 야코비 행렬
# 형태가 $(H,)$인 은닉 상태 $h_t$가 주어졌을 때, tanh RNN의 $\partial h_t/\partial h_{t-1}$을 $(H, H)$ 배열로 반환하는 `step_jacobian(h_t, W_hh)`를 작성하십시오.


# %% slideshow={"slide_type": "skip"}
def step_jacobian(h_t, W_hh):
    raise NotImplementedError  # your code here


_ = exercises.check_step_jacobian(step_jacobian)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def step_jacobian_solution(h_t, W_hh):
    return (1.0 - h_t**2)[:, None] * W_hh  # = np.diag(1 - h_t**2) @ W_hh


assert exercises.check_step_jacobian(step_jacobian_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="d1a04f45fb8e"
# ### 연습 문제 4 — 기울기는 얼마나 멀리 닿는가?
# `steps_to_vanish(spectral_norm, gamma, factor)`를 작성하십시오. 특잇값 상한 $(\gamma\,\sigma)^k$가 `factor` 이하가 되는 가장 작은 시점 수 $k \ge 0$(정수)을 반환합니다($\gamma\sigma < 1$이라고 가정합니다). 예를 들어 $\sigma_{\max}(W_{hh}) = 0.9$인 tanh RNN에서 기울기가 백만분의 일도 채 도달하지 못하게 되려면 몇 시점을 거슬러 가야 할까요?


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

# %% [markdown] slideshow={"slide_type": "skip"} translates="d95da34eed78"
# ### 연습 문제 5 — 전역 노름 기준 클리핑
# `clip_by_norm(grads, max_norm)`을 작성하십시오. 기울기 배열의 리스트가 주어지면, *모든* 성분을 한데 모아 계산한 노름이 `max_norm` 이하가 되도록 크기를 줄인 리스트를, 방향은 유지한 채 반환합니다(이미 `max_norm` 이하이면 그대로 둡니다).


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

# %% [markdown] slideshow={"slide_type": "slide"} translates="6002a9c90452"
# ## 요약
#
# * 시퀀스의 손실은 시점별 손실의 합이고, BPTT는 펼친 그래프에 적용한 연쇄 법칙입니다. $h_t$에 도달하는 기울기는 국소적인 몫과 시점 $t+1$에서 오는 몫을 더한 것이고, 공유 가중치는 모든 시점에 걸친 합을 모읍니다. numpy 십여 줄이면 구현할 수 있고, 그 결과는 rnnlib 및 수치 기울기 검사와 일치합니다.
# * 시점과 시점 사이에서 기울기에는 $J_t^\top$가 곱해지며, 여기서 $J_t = \mathrm{diag}(f'(a_t))\,W_{hh}$입니다. tanh의 미분값은 최대 1, 시그모이드의 미분값은 최대 1/4입니다.
# * 따라서 $\lVert\partial L/\partial h_t\rVert \le (\gamma\,\sigma_{\max}(W_{hh}))^{T-t}\lVert\partial L/\partial h_T\rVert$입니다. 가장 큰 특잇값이 $1/\gamma$보다 작으면 기울기는 지수적으로 소실되고, 크면 폭주할 수 있습니다.
# * 기울기 폭주는 전역 노름 기준 클리핑으로 다스립니다. 이 클리핑은 모든 업데이트의 크기를 학습률 곱하기 임곗값 이하로 제한하면서 방향은 유지합니다(값 기준 클리핑은 방향을 유지하지 않습니다).
# * 절단된 BPTT는 메모리를 절약하고(청크 하나 분량의 상태), 한 청크보다 더 앞선 것에는 정확히 0인 기울기를 줍니다. 전달되는 상태는 여전히 경계를 넘으므로, 청크 안에서 학습한 가중치가 정보를 상태에 간직하면 더 긴 의존성도 학습됩니다(위에서 $k = 5$로 19시점). 하지만 더 먼 곳에서 오는 기울기만이 그 정보를 저장하라고 가르칠 수 있었던 경우에는 학습되지 않습니다.
# * 기본 RNN이 긴 의존성에서 실패하는 이유는 기울기 소실입니다. 덧셈 문제에서 거리가 멀어지면 기본 RNN은 자명한 기준선(MSE 약 1/6)으로 떨어집니다. [4장](04_lstm_and_gru.ipynb)의 LSTM과 GRU는 기울기가 소실되지 않아도 되는 경로를 더합니다.
# * RNN은 시점을 하나씩 차례로 처리합니다. 시퀀스 하나에 드는 시간은 $T$에 비례해 늘어납니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 시간에 따른 역전파 | backpropagation through time (BPTT) | 시간 축으로 펼친 RNN에 적용한 연쇄 법칙 |
# | 펼치기 | unrolling | 순환을 시점마다 셀의 복사본 하나씩으로, 가중치는 공유하도록 그려 내는 것 |
# | 연쇄 법칙 | chain rule | 합성 함수의 도함수는 각 함수의 도함수의 곱이라는 법칙 |
# | 기울기 검사 | gradient check | 역전파 결과를 유한 차분으로 구한 도함수와 비교하는 것 |
# | 야코비 행렬 | Jacobian | 벡터 함수의 편도함수를 모은 행렬. 여기서는 $\partial h_t/\partial h_{t-1}$ |
# | 특잇값 | singular value | 행렬이 주축 방향 하나를 따라 벡터를 얼마나 늘리는지 나타내는 값 |
# | 스펙트럼 노름 | spectral norm | 가장 큰 특잇값. 행렬이 벡터를 늘릴 수 있는 최대 배율 |
# | 기울기 소실 | vanishing gradient | 기울기가 여러 시점을 거슬러 전달되면서 지수적으로 줄어드는 현상 |
# | 기울기 폭주 | exploding gradient | 기울기가 여러 시점을 거슬러 전달되면서 지수적으로 커지는 현상 |
# | 기울기 클리핑 | gradient clipping | 노름(또는 성분)이 임곗값을 넘는 기울기를 줄이는 것 |
# | 절단된 BPTT | truncated BPTT | 메모리를 아끼려고 k시점마다 기울기를 끊는 BPTT |
# | 장기 의존성 | long-term dependency | 출력이 여러 시점 앞의 입력에 좌우되는 관계 |
# | 덧셈 문제 | adding problem | 시퀀스에서 멀리 떨어진, 표시된 두 입력의 합이 목푯값인 과제 |
