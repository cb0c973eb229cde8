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

# %% [markdown] slideshow={"slide_type": "slide"} translates="4d35f31c7e63"
# # 4장 — LSTM과 GRU
# ### 게이트로 기억을 지키기
#
# [3장](03_bptt_and_vanishing_gradients.ipynb)은 기본 RNN(vanilla RNN)이 덧셈 문제를
# 배우지 못하는 모습으로 끝났습니다. 더해야 할 두 수가 답을 내는 시점(time step)에서 20여 시점 넘게
# 떨어져 있기만 해도 그랬습니다. 이유는 단순한 산수였습니다. 앞쪽 시점에 도달하는
# 기울기는 시점마다 야코비 행렬(Jacobian) $\mathrm{diag}(1-h_t^2)\,W_{hh}$를 하나씩 곱한
# 것이고, 이런 곱은 지수적으로 줄어듭니다. 이 장에서는 이 문제를 해결한 두 셀,
# **LSTM**(장단기 메모리, long short-term memory; Hochreiter와 Schmidhuber 1997, 망각
# 게이트는 Gers, Schmidhuber, Cummins 2000)과 **GRU**(게이트 순환 유닛, gated recurrent
# unit; Cho 외 2014)를 직접 만들어 보고, 세 셀을 같은 과제에서 겨루게 합니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. LSTM이 왜 두 흐름, 즉 **셀 상태**(cell state, 장기 기억)와 **은닉 상태**(hidden
#    state)를 따로 두는지, 각각 무슨 일을 하는지 설명하기
# 2. 망각 게이트, 입력 게이트, 후보 값, 셀 상태 갱신, 출력 게이트로 이어지는 LSTM의 한
#    단계를 numpy 몇 줄로 직접 계산하고, `rnnlib`에서 같은 값을 얻기
# 3. 덧셈으로 이어지는 셀 경로가 왜 기울기를 살려 두는지(이 경로를 따라
#    $\partial c_t/\partial c_{t-1} = f_t$), 망각 게이트의 편향을 왜 1 이상으로
#    초기화하는지 설명하기
# 4. GRU의 식을 쓰고, GRU의 업데이트 게이트가 LSTM의 망각 게이트·입력 게이트와 어떤
#    관계인지 설명하고, RNN·LSTM·GRU 셀의 매개변수 개수를 세기
# 5. 긴 기억이 필요한 과제에서 세 셀을 공정하게 비교하고, 손실 곡선을 단순
#    기준선(trivial baseline)과 견주어 읽고, 시퀀스가 길어지면 비용이 얼마나 드는지 말하기
# 6. 학습된 모델의 게이트 활성값을 읽고, 게이트가 얼마나 자주 포화(saturation)되는지
#    측정하기

# %% [markdown] slideshow={"slide_type": "notes"} translates="14e03fb171ff"
# 약 70분. 탐색기(explorer): 게이트 활성값(6.2절). 말할 내용:
# [3장](03_bptt_and_vanishing_gradients.ipynb)의 RNN은 덧셈 문제의 두 수를 50시점 너머로
# 전달하지 못했습니다. LSTM은 그 위에 행렬이 하나도 없는 벨트를 더합니다.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import numpy as np

import rnnlib.viz
from rnnlib import analysis
from rnnlib.cells import CELL_TYPES, GRUCell, LSTMCell
from rnnlib.data.tasks import ADDING_BASELINE_MSE, adding_problem
from rnnlib.exercises import ch04 as exercises
from rnnlib.experiments import ch04 as experiments
from rnnlib.functional import sigmoid
from rnnlib.i18n import set_language, tr
from rnnlib.viz.gates import (
    plot_gate_saturation,
    plot_lstm_diagram,
    plot_lstm_stage,
    plot_norms_over_time,
    plot_showdown,
)
from rnnlib.widgets.gates import gate_explorer

SEED = 4
rnnlib.viz.use_course_style()
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="673580e2d583"
# ## 1. 두 흐름: 셀 상태와 은닉 상태
#
# 기본 RNN에는 기억 벡터가 하나뿐이고, 매 시점 그 전부를 다시 씁니다:
# $h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)$. 나중을 위해 간직하려는 정보는 모든
# 시점에서 행렬 곱과 압축 함수(squashing function)를 거치고도 살아남아야 하며,
# 거꾸로 전달되는 기울기도 마찬가지입니다([3장](03_bptt_and_vanishing_gradients.ipynb)).
#
# LSTM은 기억을 둘로 나눕니다.
#
# * **셀 상태**(cell state) $c_t$는 *컨베이어 벨트*(conveyor belt)입니다. 두 시점 사이에서
#   셀 상태에는 게이트가 원소별로 곱해지고 새 내용이 더해질 뿐, 가는 길에 행렬도 tanh도
#   없습니다. 벨트에 올린 정보는 여러 시점 동안 바뀌지 않고 실려 갈 수 있습니다. 이것이
#   장기 기억(long-term memory)입니다.
# * **은닉 상태**(hidden state) $h_t$는 셀이 시점 $t$에 *내보이는* 값, 즉 벨트를 걸러서
#   읽어 낸 값입니다: $h_t = o_t \odot \tanh(c_t)$. 은닉 상태는 출력층으로 들어가고, 다음
#   시점에는 게이트들의 입력이 됩니다. 이것은 당장 쓰는 단기 기억(short-term memory)입니다.
#
# 세 **게이트**(gate)는 각각 $x_t$와 $h_{t-1}$에서 계산한, 0과 1 사이 값들의 벡터이며
# 벨트에서 무슨 일이 일어날지 정합니다. **망각 게이트**(forget gate) $f_t$는 $c_{t-1}$의
# 각 유닛을 얼마나 남길지, **입력 게이트**(input gate) $i_t$는 새 **후보 값**(candidate)
# $g_t$를 얼마나 쓸지, **출력 게이트**(output gate) $o_t$는 벨트를 $h_t$에 얼마나 보여 줄지
# 정합니다. 게이트는 부드러운 스위치입니다. 0이면 막고 1이면 모두 통과시키며, 게이트를
# 원소별로 곱하면($\odot$) 이 스위치가 유닛마다 따로 작동합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="7fde3c8f10dd"
# 말할 내용: 흐름이 둘입니다. 셀 상태는 오래 기억하는 벨트이고, 은닉 상태는 셀이 바깥에 보여
# 주는 값입니다. 수강생에게 묻기: *c_{t-1}과 c_t 사이에는 무엇이 있을까요?* (원소별 곱셈
# 하나와 덧셈 하나뿐)

# %% slideshow={"slide_type": "subslide"}
ax = plot_lstm_diagram()

# %% [markdown] slideshow={"slide_type": "slide"} translates="a888658cffba"
# ## 2. LSTM 한 단계씩 따라가기
#
# 네 게이트의 사전 활성값(pre-activation)은 모두 같은 두 벡터, 즉 입력 $x_t$와 이전 은닉
# 상태 $h_{t-1}$을 저마다의 가중치로 읽습니다. `rnnlib`은 이 가중치들을 주요 프레임워크와
# 같은 순서(**입력, 망각, 후보(g), 출력**)로 쌓아서 저장하므로 `W_xh`는 $(4H, D)$,
# `W_hh`는 $(4H, H)$, `b`는 $(4H,)$ 형태입니다. 작은 예로 입력이 $D = 2$개, 유닛이
# $H = 3$개인 셀을 만들어 (무작위) 가중치를 읽고, 주어진 $x_t$, $h_{t-1}$, $c_{t-1}$에서
# 출발해 한 단계를 따라가 봅니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="d7ccd2bf5bc2"
# 게이트를 슬라이드 한 장에 하나씩 짚어 갑니다: 망각, 입력, 후보 값, 갱신, 출력. 매번
# 수강생에게 묻기: *여기서 0은 무슨 뜻이고, 1은 무슨 뜻일까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
D, H = 2, 3
cell = LSTMCell(D, H, rng=SEED)  # forget_bias=1.0: +1 on the forget block of b
W_xh, W_hh, b = (cell.params[name] for name in ("W_xh", "W_hh", "b"))
W_i, W_f, W_g, W_o = np.split(W_xh, 4)  # each (H, D)
U_i, U_f, U_g, U_o = np.split(W_hh, 4)  # each (H, H)
b_i, b_f, b_g, b_o = np.split(b, 4)  # each (H,)

x_t = np.array([1.0, -0.5])
h_prev = np.array([0.2, -0.4, 0.6])
c_prev = np.array([0.8, -1.2, 0.3])
print("W_xh", W_xh.shape, " W_hh", W_hh.shape, " b", b.shape)
print("forget block of b (includes the +1):", b_f)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="36fc6e1807ab"
# ### 2.1 망각 게이트: 무엇을 남길까
#
# $$f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f), \qquad \text{kept} = f_t \odot c_{t-1}$$
#
# 이전 셀 상태의 유닛마다 0(잊기)과 1(남기기) 사이의 수가 하나씩 곱해집니다.

# %% tags=["nbval-check-output"]
f_t = sigmoid(W_f @ x_t + U_f @ h_prev + b_f)
kept = f_t * c_prev
print("f_t      ", f_t)
print("f_t * c  ", kept)
assert np.all((0 < f_t) & (f_t < 1))  # a gate is a sigmoid: strictly between 0 and 1
assert np.all(np.abs(kept) <= np.abs(c_prev))  # forgetting can only shrink a unit
fig = plot_lstm_stage(
    "forget",
    {"c_{t-1}": c_prev, "f_t": f_t, r"f_t \odot c_{t-1}": kept},
    title=tr("Forget gate: each unit of the old cell state is scaled by its gate"),
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="9e7e39295743"
# ### 2.2 입력 게이트: 얼마나 쓸까
#
# $$i_t = \sigma(W_i x_t + U_i h_{t-1} + b_i)$$
#
# 입력 게이트는 유닛마다 하나씩 있는 두 번째 부드러운 스위치로, 새 내용이 벨트에 얼마나
# 들어갈지 정합니다.

# %% tags=["nbval-check-output"]
i_t = sigmoid(W_i @ x_t + U_i @ h_prev + b_i)
print("i_t", i_t)
fig = plot_lstm_stage(
    "input", {"i_t": i_t}, title=tr("Input gate: how much of the candidate each unit lets in")
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="36d95111d558"
# ### 2.3 후보 값: 무엇을 쓸까
#
# $$g_t = \tanh(W_g x_t + U_g h_{t-1} + b_g)$$
#
# 후보 값(candidate)은 새로 쓸 내용이며, 기본 RNN의 은닉 상태처럼 $(-1, 1)$ 범위에
# 있습니다(계산도 기본 RNN의 한 단계와 *똑같습니다*). 셀이 실제로 쓰는 것은
# $i_t \odot g_t$, 즉 게이트를 거친 후보 값입니다.

# %% tags=["nbval-check-output"]
g_t = np.tanh(W_g @ x_t + U_g @ h_prev + b_g)
written = i_t * g_t
print("g_t      ", g_t)
print("i_t * g_t", written)
assert np.all(np.abs(g_t) < 1)
fig = plot_lstm_stage(
    "candidate",
    {"g_t": g_t, "i_t": i_t, r"i_t \odot g_t": written},
    title=tr("Candidate: new content in (-1, 1), gated by the input gate"),
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="6290c602ae98"
# ### 2.4 셀 상태 갱신: 남긴 것에 새 내용을 더하기
#
# $$c_t = f_t \odot c_{t-1} + i_t \odot g_t$$
#
# 이것이 LSTM의 핵심입니다. 새 셀 상태는 이전 셀 상태에서 남긴 부분에 새로 쓴 부분을
# **더한** 것입니다. $c_{t-1}$에서 $c_t$로 가는 길에는 행렬도, 압축 함수도 없고,
# $c_t$는 $(-1, 1)$ 안에 갇혀 있지도 않습니다. 그래서 한 유닛이 여러 시점에 걸쳐 증거를
# 차곡차곡 더해 갈 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="8cd1080fe1d8"
# 말할 내용: 남긴 것에 새 내용을 더할 뿐, 행렬도 압축 함수도 없습니다. 이것이 LSTM의
# 핵심입니다. 수강생에게 묻기: *dc_t / dc_{t-1}은 무엇일까요?* (원소별로 f_t)

# %% tags=["nbval-check-output"]
c_t = kept + written
print("c_t", c_t)
fig = plot_lstm_stage(
    "cell",
    {r"f_t \odot c_{t-1}": kept, r"i_t \odot g_t": written, "c_t": c_t},
    title=tr("Cell update: the kept old state plus the gated new content"),
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="4723cb7d31c2"
# ### 2.5 출력 게이트: 무엇을 보여 줄까
#
# $$o_t = \sigma(W_o x_t + U_o h_{t-1} + b_o), \qquad h_t = o_t \odot \tanh(c_t)$$
#
# 은닉 상태는 벨트의 값을 압축한 뒤 게이트로 걸러서 보여 주는 것입니다. 한 유닛은 셀 상태에 값을
# 담아 둔 채 아무것도 보여 주지 않다가($o_t \approx 0$) 나중에 드러낼 수 있습니다.

# %% tags=["nbval-check-output"]
o_t = sigmoid(W_o @ x_t + U_o @ h_prev + b_o)
h_t = o_t * np.tanh(c_t)
print("o_t         ", o_t)
print("tanh(c_t)   ", np.tanh(c_t))
print("h_t         ", h_t)
assert np.all(np.abs(h_t) < 1)  # |o| < 1 and |tanh| < 1
fig = plot_lstm_stage(
    "output",
    {"o_t": o_t, r"\tanh(c_t)": np.tanh(c_t), "h_t": h_t},
    title=tr("Output gate: the hidden state shows a gated view of the cell state"),
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="838c7d36f99b"
# ### 2.6 셀 전체, 그리고 rnnlib의 `LSTMCell`
#
# 모두 합치면 한 단계는 몇 줄이면 됩니다. 쌓아 둔 가중치 덕분에 행렬 곱 한 번씩으로 네
# 사전 활성값을 모두 계산하는 것이 라이브러리들의 방식입니다:


# %% slideshow={"slide_type": "fragment"}
def lstm_step(x, h_prev, c_prev, W_xh, W_hh, b):
    """One LSTM step from scratch. x (D,), h_prev (H,), c_prev (H,) -> h_t, c_t."""
    a_i, a_f, a_g, a_o = np.split(W_xh @ x + W_hh @ h_prev + b, 4)
    i, f, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o)
    g = np.tanh(a_g)
    c = f * c_prev + i * g
    return o * np.tanh(c), c


h_scratch, c_scratch = lstm_step(x_t, h_prev, c_prev, W_xh, W_hh, b)
(h_lib, c_lib), _ = cell.forward(x_t[None], (h_prev[None], c_prev[None]))  # batch of 1
assert np.allclose(h_scratch, h_t) and np.allclose(c_scratch, c_t)
assert np.allclose(h_lib[0], h_t, atol=1e-12) and np.allclose(c_lib[0], c_t, atol=1e-12)
print("from scratch and rnnlib agree to 1e-12")

# %% [markdown] slideshow={"slide_type": "subslide"} translates="82ec18669d4b"
# 단계별로 계산한 값, 간결한 함수의 값, `rnnlib`의 값이 일치합니다. (`rnnlib`은 시그모이드를
# $\tfrac12 + \tfrac12\tanh(a/2)$로 계산합니다. 같은 함수이지만 오버플로가 나지 않습니다.)
#
# ## 3. 셀 경로가 기울기를 살려 두는 이유
#
# 게이트를 고정하고 셀 상태 갱신 식을 이전 셀 상태로 미분하면 다음과 같습니다.
#
# $$\frac{\partial c_t}{\partial c_{t-1}} = \mathrm{diag}(f_t).$$
#
# 벨트를 따라 한 시점 거슬러 갈 때마다 기울기에 망각 게이트가 곱해집니다. 이것은 신경망이
# 유닛마다, 시점마다 *스스로 정하는* 수이지, 가중치와 tanh의 도함수 값으로 정해져 버리는
# $\mathrm{diag}(1 - h_t^2)\,W_{hh}$가 아닙니다. 벨트를 따라 $k$시점을 거슬러 가면
# $f_t \odot f_{t-1} \odot \dots$가 곱해지므로, $f \approx 1$을 유지하는 유닛의 기울기는
# 거의 그대로 도착합니다. (게이트 자체도 $h_{t-1}$에 의존하므로 가중치를 거치는 경로가 더
# 생기는데, 이 경로들은 기본 RNN에서처럼 소실됩니다. 벨트는 소실되지 않아도 되는
# 경로입니다.) 원래의 LSTM에는 망각 게이트가 아예 없어서 $f_t = 1$이었습니다. Hochreiter와
# Schmidhuber는 이 경로를 *상수 오차 회전목마*(constant error carousel)라고 불렀습니다.
#
# `rnnlib`의 역전파(backward pass)로 이를 바로 확인할 수 있습니다. 기울기를 $c_t$에만
# 넣고($h_t$에는 넣지 않고) 역전파하면, $c_{t-1}$에서 나오는 값은 그 기울기에 $f_t$를 곱한
# 것입니다.

# %% slideshow={"slide_type": "fragment"}
dcell = rng.standard_normal((1, H))
_, cache = cell.forward(x_t[None], (h_prev[None], c_prev[None]))
_, (dh_prev, dc_prev) = cell.backward((np.zeros((1, H)), dcell), cache)
cell.zero_grad()
assert np.allclose(dc_prev, dcell * f_t)
print("dL/dc_{t-1} = dL/dc_t * f_t:", np.allclose(dc_prev, dcell * f_t))

# %% [markdown] slideshow={"slide_type": "subslide"} translates="eea76da29d78"
# ### 3.1 같은 시퀀스에서 LSTM과 기본 RNN 나란히 보기
#
# 이번에는 시퀀스 전체를 봅니다. 길이 50인 덧셈 문제 시퀀스 32개, 새로 초기화한 기본
# RNN과 새로 초기화한 LSTM(둘 다 유닛 16개)을 준비하고, 마지막 시점 뒤에 읽은 출력에 손실을
# 매깁니다. `analysis.gradient_norms`는 역전파를 실행한 뒤 Trace에서 각 시점에 도달한 기울기의
# 노름을 읽습니다. 두 모델 모두 $\lVert\partial L/\partial h_t\rVert$를, LSTM은 여기에 더해
# 전체 $\lVert\partial L/\partial c_t\rVert$를 읽습니다. 각 곡선을 마지막 시점의 값으로
# 나누므로, 그림은 기울기의 몇 분의 일이 시점 $t$까지 돌아오는지를 보여 줍니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="acb691178b06"
# 말할 내용: 학습하기 전에도 LSTM은 시점 1까지 몇 자릿수나 더 많은 기울기를 돌려보냅니다.
# 수강생에게 묻기: *기울기가 50시점을 거쳐 살아남으려면 망각 게이트가 어느 정도여야
# 할까요?*

# %% slideshow={"slide_type": "subslide"}
inputs, targets = adding_problem(32, 50, rng=SEED)
fresh = {cell_type: experiments.make_model(cell_type, rng=SEED) for cell_type in ("rnn", "lstm")}
rnn_norms = analysis.gradient_norms(fresh["rnn"], inputs, targets)
lstm_norms = analysis.gradient_norms(fresh["lstm"], inputs, targets)
curves = {
    "vanilla RNN, hidden h_t": rnn_norms["hidden"] / rnn_norms["hidden"][-1],
    "LSTM, hidden h_t": lstm_norms["hidden"] / lstm_norms["hidden"][-1],
    "LSTM, cell c_t": lstm_norms["cell_state"] / lstm_norms["cell_state"][-1],
}
ax = plot_norms_over_time(
    {tr(label): curve for label, curve in curves.items()},  # legend in the edition's language
    ylabel=tr("||dL/d state_t|| / ||dL/d state_T||"),
    title=tr("Before training: the gradient reaching step t (loss after step T = 50)"),
)
reach = {label: curve[0] for label, curve in curves.items()}
for label, fraction in reach.items():
    print(f"{label:24s} fraction reaching step 1: {fraction:.1e}")

# %% [markdown] slideshow={"slide_type": "subslide"} translates="9eea4a95e54c"
# 학습하기 전에도 LSTM은 기본 RNN보다 몇 자릿수나 더 많은 기울기를 시점 1까지
# 돌려보냅니다. 셀 상태를 따라가는 기울기에는 무작위 tanh 야코비 행렬 대신 망각 게이트가
# 곱해지는데, 이 게이트는 $\sigma(1) \approx 0.73$ 근처(3.2절 참고)에서, 어떤 유닛에서는 그보다
# 큰 값에서 출발합니다. 그리고 망각 게이트가 가장 큰 유닛들이 기울기를 가장 멀리 실어
# 나릅니다.

# %% slideshow={"slide_type": "fragment"}
assert reach["LSTM, cell c_t"] > 1e3 * reach["vanilla RNN, hidden h_t"]
assert reach["LSTM, hidden h_t"] > 1e3 * reach["vanilla RNN, hidden h_t"]

# %% [markdown] slideshow={"slide_type": "subslide"} translates="3088a57ee840"
# ### 3.2 망각 게이트 편향
#
# 초기화 직후에는 사전 활성값이 모두 작아서 모든 게이트가 $\sigma(0) = 0.5$ 근처에 있습니다.
# 망각 게이트가 0.5이면 벨트가 시점마다 절반으로 줄어듭니다. 50시점 뒤에는
# $0.5^{50} \approx 10^{-15}$만 남으니, LSTM도 처음에는 기본 RNN만큼이나 잘
# 잊어버립니다. $b$의 망각 블록에 편향 1을 더하면(Gers 외 2000; Jozefowicz, Zaremba, Sutskever
# 2015가 다시 권장) 게이트가 $\sigma(1) \approx 0.73$ 근처에서 출발합니다. 셀은 기본적으로
# 기억하고, 잊는 법을 배우게 됩니다. `rnnlib`의 `LSTMCell(..., forget_bias=1.0)`이 바로 이렇게
# 합니다.
#
# 아래 그림은 학습하지 않은 LSTM 세 개를 같은 배치에 적용한 결과입니다. 세 LSTM은 망각
# 게이트 편향(0, 1, 3)만 다르고 나머지 가중치는 모두 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="42680fe0e7aa"
# 말할 내용: 망각 게이트 편향을 1로 두면 게이트가 0.5가 아니라 0.73 근처에서 출발합니다.
# 수강생에게 묻기: *편향을 10으로 하면 왜 안 될까요?* (절대 잊지 않는 셀은 낡은 내용을 지울
# 수 없고, 포화된 게이트에는 기울기가 흐르지 않습니다)

# %% slideshow={"slide_type": "subslide"}
bias_curves = experiments.forget_bias_gradients(biases=(0.0, 1.0, 3.0), length=50, rng=SEED)
ax = plot_norms_over_time(
    {tr("cell c_t, forget bias {bias:g}", bias=bias): curve for bias, curve in bias_curves.items()},
    ylabel="||dL/dc_t|| / ||dL/dc_T||",
    title=tr("Forget-gate bias at initialisation: gradient reaching each step"),
)
for bias, curve in bias_curves.items():
    print(
        f"forget bias {bias:g}: sigmoid(bias) = {sigmoid(np.array([bias]))[0]:.2f}, "
        f"fraction reaching step 1: {curve[0]:.1e}"
    )

# %% [markdown] slideshow={"slide_type": "subslide"} translates="c7168d788b02"
# 편향을 올릴 때마다 처음 시점들에 도달하는 기울기가 몇 자릿수씩 커집니다. 편향이
# 3이면($f \approx 0.95$) 50시점을 거슬러 가도 기울기가 더는 소실되지 않습니다.

# %% slideshow={"slide_type": "fragment"}
reach_bias = {bias: curve[0] for bias, curve in bias_curves.items()}
assert reach_bias[1.0] > 10 * reach_bias[0.0]
assert reach_bias[3.0] > 10 * reach_bias[1.0]
assert reach_bias[3.0] > 0.01

# %% [markdown] slideshow={"slide_type": "subslide"} translates="d5ac7bf10076"
# 편향을 크게 한다고 공짜로 좋아지지는 않습니다. 절대 잊지 않는 셀은 낡은 내용을 지울 수
# 없고, 게이트가 포화되면 게이트 자체로 가는 기울기가 작아집니다. 편향 1이 흔히 쓰는
# 절충안이며, 그다음에는 학습이 각 유닛의 게이트를 과제에 필요한 곳으로 옮겨 놓습니다(6절).
# 출발점이 *학습*에 얼마나 중요한지는 과제와 옵티마이저(optimiser)에 따라 다릅니다.
# Jozefowicz 외는 자신들의 벤치마크에서 뚜렷한 이득을 확인했지만, Adam으로 학습한 우리의
# 덧셈 문제에서는 망각 게이트 편향이 0인 LSTM도 길이 50을 비슷한 단계 수 안에
# 배웠습니다(이 장을 준비하며 시드 6개로 시험). Adam이 금세 편향 자체를 옮겨 놓기
# 때문입니다.
#
# ## 4. GRU: 게이트는 더 적게, 상태는 하나로
#
# GRU(Cho 외 2014)는 핵심 아이디어(상태가 지나가는, 게이트로 조절되는 덧셈
# 경로)는 그대로 두고 셀을 더 단순하게 만듭니다. 따로 떨어진 셀 상태가 없고, 게이트는 두 개입니다.
#
# $$\begin{aligned}
# r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) && \text{reset gate (리셋 게이트)}\\
# z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) && \text{update gate (업데이트 게이트)}\\
# n_t &= \tanh\big(W_n x_t + b_n + r_t \odot (U_n h_{t-1} + b_{hn})\big) && \text{candidate (new state)}\\
# h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}
# \end{aligned}$$
#
# **마지막 줄의 두 가지 표기 관례.** 여기서처럼 $z_t = 1$이 이전 상태를 *유지하는* 표기는
# Cho 외(2014), PyTorch, Keras/TensorFlow, `rnnlib`의 관례입니다. Chris Olah의 글
# "Understanding LSTM Networks", Chung 외(2014), 그리고 Deep Learning Specialization(Coursera,
# 여기서는 이 게이트를 $\Gamma_u$라고 부릅니다)은 반대로
# $h_t = z_t \odot n_t + (1 - z_t) \odot h_{t-1}$이라고 씁니다. 그쪽에서는 $z_t = 1$이 후보
# 값을 *씁니다*. 두 식은 $z$를 $1 - z$로 바꾼 같은 모델이며(업데이트 게이트의 가중치와
# 편향의 부호가 바뀝니다), "$z$가 열렸다"의 뜻만 뒤집힙니다. 수치를 비교하거나 게이트
# 그림을 읽을 때는 어느 관례를 쓰는지 확인하십시오.
#
# LSTM과의 관계는 다음과 같습니다.
#
# * 업데이트 게이트(update gate)는 망각 게이트*와* 입력 게이트의 역할을 한꺼번에, 서로
#   묶인 채로 맡습니다. 이전 상태는 $z_t$만큼 남기고, 새 내용은 $1 - z_t$만큼 씁니다. 이
#   경로를 따라서는 $\partial h_t/\partial h_{t-1} = \mathrm{diag}(z_t)$이고, 여기에 게이트와
#   $n_t$를 거치는 경로들이 더해집니다. LSTM의 벨트와 같은 덧셈 기법입니다.
# * 리셋 게이트(reset gate)는 후보 값이 이전 상태를 얼마나 읽을 수 있는지 정합니다.
#   $r_t \approx 0$이면 후보 값은 $x_t$에만 의존하므로, 새로 시작하는 셈입니다.
# * 출력 게이트는 없습니다. 상태 전체가 언제나 그대로 드러납니다.
#
# `rnnlib`의 `GRUCell`은 주요 프레임워크와 같은 배치를 씁니다. `W_xh (3H, D)`, `W_hh (3H, H)`,
# `b (3H,)`에 블록이 **리셋, 업데이트, 새 상태** 순서로 들어 있고, 리셋 게이트가 곱해지는 항
# 안에 `b_hn (H,)`이 더 있습니다. (연습 문제 1에서 이 단계를 numpy로 직접 작성합니다.)
# 업데이트 게이트를 간단히 확인해 봅시다. 편향을 아주 크게 올려 $z_t \approx 1$로 만들면,
# 입력이 무엇이든 셀은 상태를 바꾸지 않고 그대로 복사합니다.

# %% slideshow={"slide_type": "fragment"}
gru = GRUCell(D, H, rng=SEED)
gru.params["b"][H : 2 * H] = 30.0  # update gate -> sigmoid(30) ~ 1
(h_gru,), _ = gru.forward(x_t[None], (h_prev[None],))
assert np.allclose(h_gru[0], h_prev, atol=1e-9)
print("update gate ~ 1: h_t == h_{t-1}:", h_gru[0])

# %% [markdown] slideshow={"slide_type": "subslide"} translates="b569e5a394e0"
# ### 4.1 매개변수 개수
#
# 블록(게이트 하나 또는 후보 값) 하나에는 입력 행렬 $(H, D)$, 순환 행렬 $(H, H)$, 편향
# $(H,)$이 있으므로 매개변수가 $H(D + H + 1)$개입니다. 기본 RNN에는 블록이 하나, LSTM에는
# 넷, GRU에는 셋에 더해 추가 편향 $b_{hn}$이 있습니다.
#
# $$\#\text{RNN} = H(D+H+1), \qquad \#\text{LSTM} = 4H(D+H+1), \qquad \#\text{GRU} = 3H(D+H+1) + H.$$
#
# (블록마다 편향 벡터를 두 개씩 두는 프레임워크에서는 블록마다 $H$개씩 더 셉니다.) 은닉
# 크기가 같으면 LSTM은 기본 RNN보다 매개변수가 네 배이고, 한 단계에 드는 계산도 약 네
# 배입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="87aa0b886cba"
# 말할 내용: GRU는 망각 게이트와 입력 게이트를 업데이트 게이트 하나로 합치고, 따로 떨어진 셀
# 상태가 없습니다. 그래서 블록이 넷이 아니라 셋입니다. 수강생에게 묻기: *D = 1, H = 16인
# LSTM의 매개변수는 몇 개일까요?* (4 x 16 x 18)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
print(f"{'D':>3} {'H':>4} | {'RNN':>7} {'LSTM':>8} {'GRU':>8}")
for d, h in ((2, 16), (10, 20), (50, 128)):
    counts = {name: cls(d, h, rng=SEED).num_parameters() for name, cls in CELL_TYPES.items()}
    assert counts["rnn"] == h * (d + h + 1)  # one block: W (H, D), U (H, H), b (H,)
    assert counts["lstm"] == 4 * counts["rnn"] and counts["gru"] == 3 * counts["rnn"] + h
    print(f"{d:3} {h:4} | {counts['rnn']:7} {counts['lstm']:8} {counts['gru']:8}")

# %% [markdown] slideshow={"slide_type": "slide"} translates="e1810fb8ae3e"
# ## 5. 대결: 덧셈 문제에서 기본 RNN 대 LSTM 대 GRU
#
# 과제는 [3장](03_bptt_and_vanishing_gradients.ipynb)의 **덧셈 문제**(adding problem)입니다.
# 매 시점 $[0, 1)$ 범위의 무작위 수 하나와 표시(marker) 하나가 주어집니다. 두 시점에
# 표시가 붙어 있는데, 앞 절반과 뒤 절반에 하나씩입니다. 마지막 시점이 지나면 모델은 표시된
# 두 수의 합을 내놓아야 합니다. 언제나 1(평균)이라고 답하면 MSE가
# $\mathrm{Var}(u_1 + u_2) = 1/6 \approx 0.167$입니다. 이 **단순 기준선**(trivial
# baseline)이 "아무것도 배우지 못한" 모습입니다.
#
# 비교는 설계부터 공정합니다. 길이마다 세 모델(각각 유닛 16개)은 시퀀스 32개짜리 배치
# 1000개와 테스트 시퀀스 512개를 똑같이 보고, 같은 옵티마이저(Adam, 학습률(learning rate)
# 0.02)와 노름 1 기준의 기울기 클리핑(gradient clipping)을 쓰며(그러니 실패하더라도 기울기
# 폭주 탓은 아닙니다), LSTM은 망각 게이트 편향을 1로 둡니다. 이 설정은 이 장을 준비하면서
# 직접 시험해 보고 정했습니다. 몇 초 안에 학습할 만큼 작고, 이 설정으로 LSTM(시드 20개
# 시험)과 GRU(시드 10개)는 길이 50을 매번 풀었으며, 기본 RNN은 매번 기준선에
# 머물렀습니다(시드 10개). (학습률 0.01로 800단계 학습했을 때는 LSTM 10개 중 2개의 손실이
# 아직 떨어지기 시작하지 않았습니다.) 길이는 10, 25, 50입니다. 아래 코드 셀은 모델 아홉 개를 학습하므로
# 실행 시간이 가장 깁니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="723a93a69677"
# 말할 내용: 덧셈 문제 대결입니다. 길이 50에서 기본 RNN은 기준선보다 나을 것이 없고, LSTM과
# GRU는 문제를 풉니다. 수강생에게 묻기: *결과를 보기 전에: 어느 모델이 실패하고, 길이가
# 얼마일 때 실패할까요?*

# %% slideshow={"slide_type": "subslide"}
print("settings:", experiments.SETTINGS)
runs = experiments.showdown(lengths=(10, 25, 50), rng=SEED)
fig = plot_showdown(runs)

# %% slideshow={"slide_type": "fragment"}
LABELS = {"rnn": "vanilla RNN", "lstm": "LSTM", "gru": "GRU"}  # row labels of the tables
lengths = sorted({length for _, length in runs})
print("test MSE / baseline MSE (1 = no better than always answering 1)")
print(f"{'':12}" + "".join(f"{f'T = {n}':>10}" for n in lengths))
for cell_type in CELL_TYPES:
    row = "".join(f"{runs[cell_type, n].relative_mse:10.3f}" for n in lengths)
    print(f"{LABELS[cell_type]:12}{row}")
print(
    "baseline MSE on the test sets: "
    + ", ".join(f"{runs['rnn', n].baseline_mse:.3f}" for n in lengths)
)

# %% [markdown] translates="339477d0832e"
# 길이 10에서는 세 모델 모두 과제를 배웁니다. 길이 50에서 LSTM과 GRU는 테스트 MSE가
# 기준선의 10분의 1도 되지 않을 만큼 문제를 잘 풀지만, 기본 RNN은 배우지 못합니다. 테스트
# MSE가 기준선보다 나을 것이 없습니다. 이번 실행에서는 기준선의 약 1.2배로, 늘 1이라고
# 답하는 것보다 조금 *더 나쁩니다*. 이 장을 준비하며 시험한 시드들에서는 이 비율이 0.98에서
# 1.41 사이였습니다(아래 검사는 0.9까지, 즉 기준선보다 최대 10% 나은 것까지 허용합니다).
# 손실 곡선은 같은 이야기를 시간 순서로 보여 줍니다. 게이트가 있는 모델들도 한동안은
# 기준선에 머물다가(이 모델들도 먼저 어떤 입력이 중요한지 알아내야 합니다) 뚝 떨어지지만,
# 기본 RNN의 손실은 끝내 기준선의 절반 아래로 내려가지 않습니다.

# %% slideshow={"slide_type": "fragment"}
for cell_type in ("lstm", "gru"):
    for n in lengths:
        assert runs[cell_type, n].relative_mse < 0.1, (cell_type, n)
assert runs["rnn", 10].relative_mse < 0.3
assert runs["rnn", 50].relative_mse > 0.9  # no better than the baseline (within 10 %)
first_drop = {
    cell_type: analysis.steps_to_learn(runs[cell_type, 50].losses, 0.5 * ADDING_BASELINE_MSE)
    for cell_type in CELL_TYPES
}
assert first_drop["rnn"] is None and first_drop["lstm"] is not None
print(
    "T = 50, first step where the training loss (mean of 25) is below half the baseline:",
    first_drop,
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="d9ecc8f0dd3b"
# ### 5.1 시퀀스가 길어지면 드는 비용
#
# 학습 한 단계는 순환을 $T$개 시점 전체에 걸쳐 하나씩 차례로 순전파하고 역전파하므로, 걸리는
# 시간이 $T$에 비례해 늘어납니다. 또 LSTM의 한 단계는 크기가 같은 기본 RNN 한 단계보다
# 행렬 연산이 네 배이고(블록이 하나가 아니라 넷, 4.1절), 원소별 연산도 더 많습니다.
# `make bench`가 여러분의 컴퓨터에서 둘 다 잽니다(`benchmarks/sequence_length.py`: 이
# 대결의 세 모델이 길이 25에서 200까지 학습 한 단계에 걸리는 초). 시퀀스를 늘리면 비용이
# 두 번 듭니다. 학습 단계마다 느려지고, *또* 게이트가 있는 모델들이 더 많은 방해 입력 속에서
# 표시된 두 입력을 찾아내려면 학습 단계가 더 필요합니다. 이 장을 준비하며 같은 설정으로
# 길이 100도 시험해 보았습니다(시드 3개). 기본 RNN은 기준선에 머물렀고, GRU는 약 200단계
# 안에 풀었으며, LSTM도 풀기는 했지만 1000단계 중 720~960단계가 지나서야 풀었습니다. 끝에
# 너무 가까워서, 학습 단계를 늘리지 않으면 안심할 수 없습니다. 단계당 시간이 두 배가 되고 단계
# 수도 늘어나니, 길이 100은 이 장에서 길이 50 대결에 드는 시간의 두 배를 훌쩍 넘게 잡아먹을
# 것입니다. 그래서 대결은 길이 50에서 멈춥니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="0882576e20b2"
# ## 6. 학습된 모델의 기울기와 게이트
#
# ### 6.1 학습 뒤의 기울기
#
# 3.1절의 측정을 길이 50에서 학습한 세 모델에 새 테스트 시퀀스로 다시 해 봅니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="9fc93c60895e"
# 말할 내용: 학습한 뒤에는 게이트가 있는 모델에서 기울기가 적어도 100분의 1의 세기로 첫 시점에
# 도달합니다.

# %%
test_inputs, test_targets = adding_problem(256, 50, rng=SEED + 1)
trained = {cell_type: runs[cell_type, 50].model for cell_type in CELL_TYPES}
trained_norms = {
    cell_type: analysis.gradient_norms(model, test_inputs, test_targets)
    for cell_type, model in trained.items()
}
trained_curves = {
    "vanilla RNN, hidden h_t": trained_norms["rnn"]["hidden"],
    "LSTM, hidden h_t": trained_norms["lstm"]["hidden"],
    "LSTM, cell c_t": trained_norms["lstm"]["cell_state"],
    "GRU, hidden h_t": trained_norms["gru"]["hidden"],
}
trained_curves = {label: curve / curve[-1] for label, curve in trained_curves.items()}
ax = plot_norms_over_time(
    {tr(label): curve for label, curve in trained_curves.items()},
    ylabel=tr("||dL/d state_t|| / ||dL/d state_T||"),
    title=tr("After training at T = 50: the gradient reaching step t"),
    ymin=1e-4,  # where the gated models live; the vanilla RNN leaves the axis (marked)
)
for label, curve in trained_curves.items():
    print(f"{label:24s} fraction reaching step 1: {curve[0]:.1e}")

# %% [markdown] slideshow={"slide_type": "subslide"} translates="7518a4a55aec"
# 학습하고 나니 차이가 극적입니다. 학습된 LSTM의 셀 상태를 따라, 그리고 학습된 GRU의 상태를
# 거쳐, 답에서 출발한 기울기가 적어도 100분의 1의 세기로(흔히 고스란히) 첫 시점에
# 도달합니다. 반면 학습된 기본 RNN이 돌려보내는 기울기는 100분의 1에도 못 미치고, 게이트가
# 있는 두 모델 어느 쪽보다도 적어도 100배 작습니다. 그래서 기본 RNN은 앞쪽의 어떤 입력이
# 중요했는지 배울 수 없습니다. (RNN이 돌려보내는 기울기가 얼마나 작은지는 시드마다 크게
# 다릅니다. 아래 검사의 여유는 우리가 시험한 모든 시드에서 성립합니다.)

# %% slideshow={"slide_type": "fragment"}
reach_trained = {label: curve[0] for label, curve in trained_curves.items()}
rnn_reach = reach_trained["vanilla RNN, hidden h_t"]
for label in ("LSTM, cell c_t", "GRU, hidden h_t"):
    assert reach_trained[label] > 0.01 and reach_trained[label] > 100 * rnn_reach, label
assert rnn_reach < 0.01

# %% [markdown] slideshow={"slide_type": "slide"} translates="771493f31f62"
# ### 6.2 게이트가 일하는 모습 (위젯)
#
# 탐색기는 테스트 시퀀스 하나가 학습된 LSTM(드롭다운에서 고르면 GRU)을 지나가는 모습을
# 보여 줍니다. 왼쪽: 슬라이더로 고른 시점에서 모든 유닛의 게이트를 히트맵으로(흰색 = 닫힘,
# 검은색 = 열림), 셀 상태를 막대로 보여 줍니다. 오른쪽: 두 번째 슬라이더로 고른 유닛 하나를
# 시퀀스 전체에 걸쳐 보여 주고, 표시된 두 시점은 점선으로 나타냅니다. 망각 게이트가 1
# 근처에 머무르고 표시된 시점에서 셀 상태가 껑충 뛰는 유닛을 찾아보십시오. 그 유닛이 합을
# 모으는 모델의 누산기(accumulator)입니다. GRU에서는 업데이트 게이트를 보십시오.
#
# **질문.** LSTM에서 t를 첫 번째 표시 시점으로 맞추고, 셀 상태(막대)가 t - 1과 t 사이에서
# 가장 크게 뛰는 유닛을 찾으십시오. 그 유닛을 시퀀스 전체에 걸쳐 따라가 보면(두 번째
# 슬라이더), 그 유닛의 망각 게이트는 평균적으로 다른 유닛들보다 더 열려 있을까요?

# %% [markdown] slideshow={"slide_type": "notes"} translates="baad6dc252d8"
# 탐색기에서: 시점을 옮기고, 누적 합을 담고 있는 유닛을 고르고, LSTM과 GRU를 바꿔 봅니다.
# 수강생에게 묻기: *표시된 수가 들어올 때 열리는 게이트는 무엇이고, 그 뒤에도 계속 열려 있는
# 게이트는 무엇일까요?*

# %%
sequence = test_inputs[:, :1]
explorer = gate_explorer({"LSTM": trained["lstm"], "GRU": trained["gru"]}, sequence)
explorer

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# yes. The unit that takes in the marked value keeps its forget gate more open than
# the average unit, so the value stays in its cell state until the answer.
_, lstm_cache = trained["lstm"].forward(sequence)
lstm_trace = lstm_cache.traces[0]
first_mark = int(np.flatnonzero(sequence[:, 0, 1] > 0.5)[0])
jumps = np.abs(lstm_trace.cell_state[first_mark, 0] - lstm_trace.cell_state[first_mark - 1, 0])
accumulator = int(jumps.argmax())
forget_open = lstm_trace.gates["forget_gate"][:, 0].mean(axis=0)  # (H,) mean over steps
assert forget_open[accumulator] > forget_open.mean(), (accumulator, forget_open)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="302fb94b58c5"
# ### 6.3 게이트 포화
#
# Karpathy, Johnson, Fei-Fei(2015)는 학습된 LSTM을 들여다보려고, 게이트 유닛마다
# **포화**(saturation)된 시간의 비율, 즉 값이 0.1 아래(닫힘)이거나 0.9 위(열림)인 시간의
# 비율을 세었습니다. 자주 포화되는 게이트는 다이얼이라기보다 스위치처럼 작동합니다. 여기서는
# 테스트 시퀀스 256개와 50시점 전체에 걸쳐, 학습된 모델과 학습하지 않은 모델 모두에 대해
# 셉니다.


# %% [markdown] slideshow={"slide_type": "notes"} translates="3fa45242cdf0"
# 말할 내용: 학습된 게이트 유닛 가운데 몇 개는 스위치가 됩니다. 망각 게이트 유닛 하나는 거의
# 언제나 열려 있습니다. 수강생에게 묻기: *그런 유닛은 무엇을 저장하고 있을까요?* (누적 합)


# %%
def saturation_of(model):
    _, cache = model.forward(test_inputs)
    return analysis.gate_saturation(cache.traces[0], CELL_TYPES[model.cell_type].sigmoid_gates)


saturation = {cell_type: saturation_of(trained[cell_type]) for cell_type in ("lstm", "gru")}
untrained = {
    cell_type: saturation_of(experiments.make_model(cell_type, rng=SEED))
    for cell_type in ("lstm", "gru")
}
fig = plot_gate_saturation(saturation["lstm"], title=tr("Trained LSTM: gate saturation"))
fig = plot_gate_saturation(saturation["gru"], title=tr("Trained GRU: gate saturation"))

# %% slideshow={"slide_type": "fragment"}
for cell_type in ("lstm", "gru"):
    for gate, fractions in saturation[cell_type].items():
        untrained_high = untrained[cell_type][gate]["high"].max()
        print(
            f"{cell_type.upper():4} {gate:12} units open >90% of the time: "
            f"{int(np.sum(fractions['high'] > 0.9)):2}, shut >90%: "
            f"{int(np.sum(fractions['low'] > 0.9)):2} | largest open fraction "
            f"{fractions['high'].max():.2f} (untrained {untrained_high:.2f})"
        )

# %% [markdown] slideshow={"slide_type": "subslide"} translates="a5f1bd5b617e"
# 학습하기 전에는 어떤 게이트도 포화되지 않습니다. 사전 활성값이 모두 작기 때문입니다.
# 학습한 뒤에는 게이트 유닛 *몇 개*가 스위치가 되었고, 대부분은 그렇지 않습니다. 학습된
# LSTM에는 90% 넘는 시간 동안 열려 있는 망각 게이트 유닛이 하나 있습니다. 그 내용(누적
# 합)을 시퀀스 내내 붙들고 있는 유닛입니다. 입력 게이트 유닛 하나는 거의 언제나 닫혀
# 있고, 90%의 시간 동안 열려 있거나 닫혀 있는 출력 게이트 유닛은 없습니다. LSTM의 게이트
# 유닛 48개 가운데 스위치처럼 작동하는 것은 이 둘뿐이고, 나머지는 다이얼입니다. (이 장을
# 준비하며 시험한 시드 8개에서: 90% 넘게 열려 있는 망각 게이트 유닛이 1개 또는 2개, 스위치는
# 모두 합쳐 2~5개였습니다.) 학습된 GRU는 다릅니다. 업데이트 게이트가 평균적으로 유닛-시점의
# 절반 넘게 열려 있고(> 0.9, "이전 상태 유지"), 몇몇 유닛은 거의 언제나 열려 있습니다. GRU는
# 상태를 앞으로 복사해 나가다가 무언가 중요할 때만 새로 씁니다.

# %% slideshow={"slide_type": "fragment"}
for cell_type in ("lstm", "gru"):
    for fractions in untrained[cell_type].values():
        assert fractions["high"].max() < 0.05 and fractions["low"].max() < 0.05
lstm_switches = sum(
    int(np.sum((fractions["high"] > 0.9) | (fractions["low"] > 0.9)))
    for fractions in saturation["lstm"].values()
)
print(f"LSTM gate units open or shut > 90% of the time: {lstm_switches} of 48")
assert saturation["lstm"]["forget_gate"]["high"].max() > 0.9  # a forget unit held open
assert 1 <= lstm_switches <= 8  # a few switches; most gate units stay dials
assert saturation["gru"]["update_gate"]["high"].mean() > 0.5  # open more than half the time

# %% [markdown] slideshow={"slide_type": "skip"} translates="098fde028a28"
# ## 연습 문제
#
# ### 연습 문제 1 — numpy로 GRU 한 단계
# 시퀀스 하나에 대한 `gru_step(x, h_prev, W_xh, W_hh, b, b_hn)`을 작성하십시오. 입력은
# `x (D,)`, `h_prev (H,)`, rnnlib의 배치(블록 순서: 리셋, 업데이트, 새 상태)대로 쌓은
# 가중치, 그리고 `b_hn (H,)`이며, 새 은닉 상태 `(H,)`를 돌려줍니다. 검사 함수는 결과를
# `GRUCell`과 비교합니다.


# %% slideshow={"slide_type": "skip"}
def gru_step(x, h_prev, W_xh, W_hh, b, b_hn):
    raise NotImplementedError  # your code here


_ = exercises.check_gru_step(gru_step)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def gru_step_solution(x, h_prev, W_xh, W_hh, b, b_hn):
    xr, xz, xn = np.split(W_xh @ x + b, 3)
    hr, hz, hn = np.split(W_hh @ h_prev, 3)
    r, z = sigmoid(xr + hr), sigmoid(xz + hz)
    n = np.tanh(xn + r * (hn + b_hn))
    return (1 - z) * n + z * h_prev


assert exercises.check_gru_step(gru_step_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="28e710321802"
# ### 연습 문제 2 — 매개변수 세기
# `cell`이 `"rnn"`, `"lstm"`, `"gru"` 중 하나일 때 rnnlib 셀의 매개변수 개수(출력층 제외)를
# 돌려주는 `parameter_count(cell, input_size, hidden_size)`를 작성하십시오.


# %% slideshow={"slide_type": "skip"}
def parameter_count(cell, input_size, hidden_size):
    raise NotImplementedError  # your code here


_ = exercises.check_parameter_count(parameter_count)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution: one block = W (H, D) + U (H, H) + b (H,); the GRU adds b_hn (H,).
def parameter_count_solution(cell, input_size, hidden_size):
    blocks = CELL_TYPES[cell].num_blocks  # 1, 4 or 3 stacked blocks
    extra = hidden_size if cell == "gru" else 0
    return blocks * hidden_size * (input_size + hidden_size + 1) + extra


assert exercises.check_parameter_count(parameter_count_solution)
print("LSTM with D = 2, H = 16:", parameter_count_solution("lstm", 2, 16), "parameters")

# %% [markdown] slideshow={"slide_type": "skip"} translates="a28aea282722"
# ### 연습 문제 3 — 기억하는 망각 게이트
# 어떤 유닛의 망각 게이트가 상수 $f$이고 입력 게이트는 닫혀 있다고 합시다. 100시점 뒤에 셀
# 상태(그리고 벨트를 따라가는 기울기)의 정확히 절반을 남기는 $f$는 얼마일까요? 또 시그모이드를
# 거쳐 그 $f$를 내는 사전 활성값(편향)은 얼마일까요? 두 수를 모두 정하십시오.

# %% slideshow={"slide_type": "skip"}
forget = None  # your answer: the constant forget gate value
bias = None  # your answer: the pre-activation a with sigmoid(a) = forget

_ = exercises.check_forget_gate(forget, bias)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution: f ** 100 = 0.5  =>  f = 0.5 ** (1 / 100); sigmoid(a) = f  =>  a = log(f / (1 - f)).
forget_solution = 0.5 ** (1 / 100)
bias_solution = float(np.log(forget_solution / (1 - forget_solution)))
assert exercises.check_forget_gate(forget_solution, bias_solution)
print(
    f"forget = {forget_solution:.5f}, bias = {bias_solution:.2f}: "
    "far above the usual initial bias of 1"
)

# %% [markdown] slideshow={"slide_type": "skip"} translates="773fa9260c6f"
# ### 연습 문제 4 — LSTM 한 단계의 역전파
#
# 3절에서는 `rnnlib`의 역전파에서 기울기를 읽었습니다. 이번에는 cs231n 과제 3처럼 역전파를
# 직접 작성합니다. `exercises.lstm_step_forward(x, h_prev, c_prev, W_xh, W_hh, b)`는 시퀀스
# 하나에 대한 2.6절의 한 단계이며, `h, c, cache`를 돌려줍니다. 여기서 `cache`는 `x`,
# `h_prev`, `c_prev`, 게이트 `i`, `f`, `g`, `o`, 새 `c`, `tanh_c`, `W_xh`, `W_hh`를 담은
# dict입니다. `lstm_step_backward(dh, dc, cache)`를 작성하십시오. (위층들과 시점 $t+1$에서
# 온) $\partial L/\partial h_t$와 $\partial L/\partial c_t$가 주어지면
# `(dx, dh_prev, dc_prev, dW_xh, dW_hh, db)`를 돌려주되, 각각 해당 변수와 형태가 같아야
# 합니다(`db` $(4H,)$는 네 사전 활성값의 기울기 $[da_i; da_f; da_g; da_o]$를 쌓은 것입니다).
#
# 순전파의 줄들을 거꾸로 거슬러 올라가십시오. 먼저 $h_t = o_t \odot \tanh(c_t)$(주의:
# $c_t$는 손실에 직접, 그리고 $h_t$를 거쳐서도 닿습니다), 다음으로
# $c_t = f_t \odot c_{t-1} + i_t \odot g_t$, 그다음 시그모이드들과 tanh, 마지막으로 행렬
# 곱입니다. 검사 함수는 모든 기울기를 수치 기울기와 비교하고([3장 2절](03_bptt_and_vanishing_gradients.ipynb#2.-손으로-하는-BPTT)),
# `db`가 틀렸으면 기울기가 틀린 게이트를 알려 줍니다.


# %% slideshow={"slide_type": "skip"}
def lstm_step_backward(dh, dc, cache):
    raise NotImplementedError  # your code here


_ = exercises.check_lstm_step_backward(lstm_step_backward)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def lstm_step_backward_solution(dh, dc, cache):
    i, f, g, o, tanh_c = (cache[name] for name in ("i", "f", "g", "o", "tanh_c"))
    dc_t = dc + dh * o * (1 - tanh_c**2)  # directly, and through h_t = o * tanh(c_t)
    da_i = dc_t * g * i * (1 - i)
    da_f = dc_t * cache["c_prev"] * f * (1 - f)
    da_g = dc_t * i * (1 - g**2)
    da_o = dh * tanh_c * o * (1 - o)
    db = np.concatenate([da_i, da_f, da_g, da_o])  # gradient of the pre-activations
    dW_xh, dW_hh = np.outer(db, cache["x"]), np.outer(db, cache["h_prev"])
    dx, dh_prev = cache["W_xh"].T @ db, cache["W_hh"].T @ db
    return dx, dh_prev, dc_t * f, dW_xh, dW_hh, db


assert exercises.check_lstm_step_backward(lstm_step_backward_solution)

# %% [markdown] slideshow={"slide_type": "slide"} translates="8000875f245e"
# ## 요약
#
# * LSTM은 두 흐름을 나릅니다. 원소별 게이트 곱과 덧셈으로만 바뀌는 컨베이어 벨트인
#   **셀 상태** $c_t$와, 셀 상태를 게이트로 걸러 읽어 내어 출력과 게이트들을 움직이는
#   **은닉 상태** $h_t = o_t \odot \tanh(c_t)$입니다.
# * 한 단계: 망각 게이트 $f_t$(남기기), 입력 게이트 $i_t$와 후보 값 $g_t$(쓰기),
#   $c_t = f_t \odot c_{t-1} + i_t \odot g_t$, 출력 게이트 $o_t$(보여 주기). numpy 몇
#   줄이면 되고, rnnlib의 `LSTMCell`도 같은 값을 냅니다.
# * 벨트를 따라 $\partial c_t/\partial c_{t-1} = \mathrm{diag}(f_t)$입니다. 기울기에 곱해지는
#   것은 고정된 행렬과 tanh의 도함수 값이 아니라 신경망이 배우는 게이트입니다. 망각 게이트
#   편향을 1(또는 그 이상)로 초기화하면 처음부터 기울기가 앞쪽 시점까지 도달합니다.
# * GRU는 두 흐름을 하나로 합치고, 잊기와 쓰기를 업데이트 게이트 하나로 묶습니다:
#   $h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}$. 리셋 게이트는 후보 값이 무엇을 읽을지
#   조절합니다. 셀 하나의 매개변수는 RNN이 $H(D+H+1)$개, LSTM이 그 네 배, rnnlib의 GRU가 세
#   배에 $H$를 더한 만큼입니다.
# * 길이 50인 덧셈 문제에서, 데이터·학습 예산·옵티마이저가 모두 같아도 기본 RNN은 단순
#   기준선보다 나을 것이 없고 LSTM과 GRU는 문제를 풉니다. 시퀀스가 길어지면 학습 단계 하나의
#   비용이 길이에 비례해 늘고, 학습 단계도 더 필요합니다.
# * 학습한 뒤에는 LSTM의 셀 상태와 GRU의 상태를 거쳐 기울기가 첫 시점까지 도달합니다. 게이트
#   유닛 몇 개는 스위치가 되었고(포화), 예를 들어 합을 붙들기 위해 계속 열려 있는 LSTM 망각
#   게이트 유닛이 있습니다. 그러나 LSTM 게이트 유닛 대부분은 다이얼로 남습니다. GRU의 업데이트
#   게이트는 대부분의 시간 동안 열려 있어 상태를 앞으로 복사합니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 장단기 메모리 | long short-term memory (LSTM) | 게이트로 조절되고 덧셈으로 갱신되는 셀 상태가 있는 순환 셀 |
# | 게이트 순환 유닛 | gated recurrent unit (GRU) | 리셋 게이트와 업데이트 게이트가 있고 상태는 하나뿐인 순환 셀 |
# | 셀 상태 (장기 기억) | cell state | LSTM의 장기 기억 $c_t$. 게이트 곱과 덧셈으로만 바뀜 |
# | 은닉 상태 | hidden state | 순환 셀이 매 시점 내보이는 벡터 $h_t$. LSTM에서는 $o_t \odot \tanh(c_t)$ |
# | 게이트 | gate | 다른 벡터에 유닛별로 곱해지는, (0, 1) 범위 값들의 벡터 |
# | 망각 게이트 | forget gate | 각 유닛이 이전 셀 상태를 얼마나 남길지 정함 |
# | 입력 게이트 | input gate | 각 유닛이 후보 값을 얼마나 쓸지 정함 |
# | 출력 게이트 | output gate | 각 유닛이 셀 상태를 $h_t$에 얼마나 보여 줄지 정함 |
# | 후보 값 | candidate | 한 단계가 새로 쓰려고 내놓는 내용 (LSTM의 $g_t$, GRU의 $n_t$) |
# | 리셋 게이트 | reset gate | GRU: 후보 값이 이전 상태를 얼마나 읽을 수 있는지 |
# | 업데이트 게이트 | update gate | GRU: 이전 상태를 얼마나 유지할지 (나머지는 후보 값에서 옴) |
# | 상수 오차 회전목마 | constant error carousel | $f = 1$인 원래 LSTM의 셀 경로. 오차가 이 경로를 따라 바뀌지 않고 전달됨 |
# | 망각 게이트 편향 | forget-gate bias | 망각 게이트의 편향. 셀이 기본적으로 기억하도록 1 이상으로 초기화함 |
# | 게이트 포화 | gate saturation | 게이트가 대부분의 시간을 0이나 1 근처에서 보내며 스위치처럼 작동하는 것 |
# | 단순 기준선 | trivial baseline | 입력을 무시하는 모델의 점수 (여기서는 언제나 1이라고 답하기) |
# | 매개변수 개수 | parameter count | 모델에서 학습되는 수의 개수 |
