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

# %% [markdown] slideshow={"slide_type": "slide"} translates="13818cd2a603"
# # 2장: 기본 순환 신경망 (vanilla RNN)
#
# 순방향 신경망(feed-forward network)은 고정된 크기의 입력 하나를 보고 나면 그것을 잊어버립니다. 시퀀스를 읽으려면 한 시점(time step)에서 다음 시점으로 넘겨주는 **기억**(memory)이 있어야 합니다. 기억을 주는 가장 간단한 방법은 벡터 하나, 즉 **은닉 상태**(hidden state)를 두고 매 시점 똑같은 작은 규칙으로 갱신하는 것입니다. 순환 신경망(recurrent neural network, RNN)의 아이디어는 이것이 전부입니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. RNN의 순전파(forward pass) `h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`,
#    `y_t = W_hy h_t`를 보지 않고 쓰고, 문헌에서 쓰는 두 가지 표기법(`U, W, V`와
#    `W_xh, W_hh, W_hy`) 모두에서 각 기호의 뜻과 형태(shape)를 말할 수 있습니다.
# 2. RNN을 접은 그림과 시간 축으로 펼친 그림으로 그리고, 가중치 공유(weight sharing)를 설명할 수 있습니다.
# 3. 비선형성(nonlinearity)이 왜 필요한지(선형 변환은 아무리 쌓아도 행렬 하나로 합쳐집니다),
#    그리고 소프트맥스(softmax)와 그 온도(temperature)가 무슨 일을 하는지 설명할 수 있습니다.
# 4. numpy로 RNN을 몇 시점 동안 손으로 계산하고, `rnnlib`에서 같은 숫자를 얻을 수 있습니다.
# 5. "hello"와 "hihello"로 다음 문자 예측 모델을 학습시키고, 은닉 상태가 없으면 글자 "l"이
#    왜 어려운지 설명할 수 있습니다.
# 6. 일대다(one-to-many), 다대일(many-to-one), 다대다(many-to-many) 문제를 구별하고, 회귀
#    손실(MSE, MAE)과 분류 손실(교차 엔트로피, cross-entropy) 가운데 알맞은 것을 고를 수 있습니다.
#
# 역전파(backward pass), 즉 가중치를 어떻게 학습하는지는 [3장](03_bptt_and_vanishing_gradients.ipynb)에서 다룹니다. 이 장에서는
# `rnnlib`의 옵티마이저(optimiser)를 그대로 쓰고, 학습은 블랙박스로 둡니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="f7e95ad13a3e"
# 약 70분. 탐색기(explorer): 소프트맥스(6절), "hihello"를 읽는 은닉 상태(7절).
# 말할 내용: 벡터 하나, 즉 은닉 상태를 매 시점 같은 규칙으로 갱신합니다. RNN은 이것이
# 전부입니다.

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
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="e83f5964e84a"
# ## 1. 순환과 펼치기
#
# 글자 `h`, `e`, `l`, `l`을 하나씩 읽으면서 다음 글자를 맞힌다고 해 봅시다. `h` 다음에는
# `e`를 떠올릴 수 있고, `h e l` 다음에는 `l`을, `h e l l` 다음에는 `o`를 떠올립니다. 마지막
# 두 추측은 *같은* 글자 `l` 뒤에 나오며, 그 앞에 무엇이 왔느냐에 따라서만 달라집니다.
# 우리는 지금까지 읽은 것의 요약을 머릿속에 계속 담아 두고, 새 글자를 읽을 때마다 그
# 요약을 고칩니다.
#
# RNN이 하는 일이 바로 이것입니다. 시점 `t`에서 RNN은 새 입력 `x_t`와 이전 요약 `h_{t-1}`을
# 받아, 고정된 함수 하나로 새 요약 `h_t`를 계산합니다. 이렇게 매 시점 같은 규칙을 되풀이하는
# 것을 순환(recurrence)이라고 합니다.
#
# $$h_t = f(x_t, h_{t-1}), \qquad h_0 = 0.$$
#
# **접어서**(rolled up) 그리면 고리가 달린 셀(cell) 하나입니다. 셀의 출력이 다시 자기 자신으로
# 들어갑니다. **펼쳐서**(unrolled) 그리면 시점마다 셀의 복사본이 하나씩 놓인 사슬이 됩니다.
# 이 복사본들은 서로 다른 신경망이 아닙니다. 모두 같은 셀이고, **모든 시점에서 같은 가중치**를
# 씁니다(가중치 공유, weight sharing). 그래서 RNN 하나가 크기를 늘리지 않고도 어떤 길이의
# 시퀀스든 읽을 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="f21c8d1e67ec"
# 말할 내용: 펼치면 고리가 셀 하나의 복사본들로 이루어진 사슬이 되고, 가중치는 모든 시점이
# 함께 씁니다. 수강생에게 묻기: *4글자를 읽을 때와 400글자를 읽을 때 모델의 매개변수는
# 각각 몇 개일까요?* (같습니다)

# %% slideshow={"slide_type": "subslide"}
ax = plot_unrolled(
    list("hell"),
    list("ello"),
    rolled=True,
    title=tr("The same RNN rolled up (left) and unrolled over 'hell' (right)"),
)
# %% [markdown] slideshow={"slide_type": "subslide"} translates="45cfe1232d44"
# 숫자로 보는 가중치 공유: 모델은 4글자를 읽든 400글자를 읽든 매개변수(parameter)가 똑같고, 시점마다
# 출력을 하나씩 냅니다.

# %% slideshow={"slide_type": "fragment"}
shared = rnnlib.SequenceModel("rnn", hidden_size=8, vocab_size=4, output_size=4, rng=SEED)
short_outputs = shared.predict(rng.integers(0, 4, size=(4, 1)))
long_outputs = shared.predict(rng.integers(0, 4, size=(400, 1)))
print("parameters:", shared.num_parameters())
print("outputs for 4 steps:", short_outputs.shape, " for 400 steps:", long_outputs.shape)
assert short_outputs.shape == (4, 1, 4) and long_outputs.shape == (400, 1, 4)

# %% [markdown] slideshow={"slide_type": "slide"} translates="5831c9e73329"
# ## 2. 두 가지 표기법으로 쓴 식
#
# 이 강좌의 참고 자료들은 같은 RNN을 두 가지 방식으로 씁니다. 많은 교과서와 블로그 글은
# `U`, `W`, `V`를 쓰고 은닉 상태를 `s_t`라고 부릅니다.
#
# $$s_t = f(U x_t + W s_{t-1}), \qquad o_t = \mathrm{softmax}(V s_t).$$
#
# 라이브러리들(그리고 `rnnlib`)은 각 행렬에 무엇과 무엇을 잇는지 드러나는 이름을 붙이고,
# 편향(bias)을 더합니다.
#
# $$h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b), \qquad y_t = W_{hy} h_t + b_y,
# \qquad p_t = \mathrm{softmax}(y_t), \qquad h_0 = 0.$$
#
# `y_t`는 출력 **점수**(score), 즉 로짓(logits)이고, `p_t = softmax(y_t)`는 이 점수를 확률로
# 바꿉니다. 입력 특성(feature)이 `D`개, 은닉 유닛(hidden unit)이 `H`개, 출력 클래스가 `C`개일 때
# 표로 정리하면 다음과 같습니다.
#
# | 교과서 | `rnnlib` | 잇는 것 | 형태 | `SequenceModel` 안의 이름 |
# |---|---|---|---|---|
# | `U` | `W_xh` | 입력 `x_t` -> 은닉 | `(H, D)` | `recurrent.0.cell.W_xh` |
# | `W` | `W_hh` | 은닉 `h_{t-1}` -> 은닉 `h_t` | `(H, H)` | `recurrent.0.cell.W_hh` |
# | (없음) | `b` | 은닉 유닛의 편향 | `(H,)` | `recurrent.0.cell.b` |
# | `V` | `W_hy` | 은닉 `h_t` -> 출력 점수 | `(C, H)` | `head.W` |
# | (없음) | `b_y` | 출력의 편향 | `(C,)` | `head.b` |
# | `s_t` | `h_t` | 은닉 상태 | `(H,)` | `cache.traces[0].hidden[t, b]` |
# | `o_t` | `softmax(y_t)` | 출력 분포 | `(C,)` | `softmax(outputs[t])` |
#
# `f`는 비선형 함수이며 보통 `tanh`입니다(이 함수를 뺄 수 없는 이유는 [5절](#5.-왜-비선형성이-필요할까?)에서 봅니다).
# `rnnlib`은 행 벡터의 배치(batch)를 다루므로 `x @ W_xh.T`를 계산합니다. 열 벡터에 대한
# `W_xh x`와 같은 숫자이며, 행렬은 식에 나오는 형태 그대로입니다.
#
# **강의 노트에 관한 참고.** 이 강좌의 바탕이 된 강의 노트 가운데 하나는 순환식을
# `y_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`로 씁니다. 이 값은 은닉 상태 `h_t`이고, 출력은
# 은닉 상태에서 `y_t = W_hy h_t + b_y`로 읽어 냅니다.
#
# 문자 `D = C = 5`개, 유닛 `H = 8`개인 실제 모델로 표를 확인해 봅니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="ecf7268815c9"
# 말할 내용: 교과서의 U, W, V는 `rnnlib`의 W_xh, W_hh, W_hy입니다. 수강생에게 묻기:
# *은닉 유닛이 8개이면 W_hh의 형태는 무엇일까요?* (8 x 8)

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

# %% [markdown] slideshow={"slide_type": "skip"} translates="97f6039523f5"
# ### 연습 문제 1: 매개변수의 형태
#
# 어떤 문자 모델이 문자 5개로 된 어휘(vocabulary)의 원-핫 벡터(one-hot vector)를 읽고, 은닉
# 유닛이 8개이며, 문자마다 점수를 하나씩 출력합니다. 각 매개변수의 형태를 채워 넣으십시오.

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="de1cf7f74e03"
# ## 3. 원-핫 인코딩
#
# 신경망은 숫자를 곱하므로 문자를 벡터로 바꿔야 합니다. 가장 간단한 방법은 어휘의 문자마다
# 번호(인덱스)를 매기고, 그 번호 자리에만 1이 있고 나머지는 모두 0인 벡터로 나타내는
# 것입니다(원-핫 인코딩, one-hot encoding). "hello"의 어휘는 `h, e, l, o`입니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
vocab_hello = Vocabulary("hello")  # the distinct characters, in order of appearance
print("vocabulary:", vocab_hello.tokens)
print("'hell' as ids:", vocab_hello.encode("hell"))
x_hell = one_hot(vocab_hello.encode("hell"), len(vocab_hello))
print("'hell' one-hot (one row per step):")
print(x_hell)
assert np.all(x_hell.sum(axis=1) == 1)

# %% [markdown] translates="3a59cf55bfac"
# 원-핫 벡터에는 유사도(similarity)라는 개념이 없습니다. 어느 두 문자를 골라도 서로 떨어진 거리가
# 같습니다. 그 대신 첫 번째 곱셈을 이해하기는 쉬워집니다. **`W_xh`에 원-핫 벡터를 곱하면
# `W_xh`의 열 하나를 골라낼 뿐이며**, 이 열이 그 문자에 대해 학습된 벡터입니다.
# ([5장](05_text_generation.ipynb)의 문자 모델은 원-핫 입력을 그대로 쓰고,
# [6장](06_sequence_classification.ipynb#5.-단어,-임베딩,-그리고-순서가-중요한-문장)에서는
# 원-핫 입력 대신 학습되는 임베딩(embedding)을 씁니다. 임베딩이 바로 이렇게 열을 골라내는
# 조회입니다.)

# %% slideshow={"slide_type": "fragment"}
W_demo = rng.normal(size=(3, 4))
for k in range(len(vocab_hello)):
    assert np.allclose(W_demo @ one_hot(np.array(k), 4), W_demo[:, k])
print("W_xh @ one_hot('l') is column", vocab_hello.encode("l")[0], "of W_xh")

# %% [markdown] slideshow={"slide_type": "slide"} translates="def2b61bf4f7"
# ## 4. RNN을 손으로 계산하기
#
# 입력 크기 `D = 4`(원-핫 문자 `h, e, l, o`), 은닉 크기 `H = 4`, 출력 크기 `C = 4`로 하고,
# 직접 따라 계산할 수 있도록 가중치는 소수 첫째 자리까지의 작은 수로 정합니다. `h_0 = 0`에서
# 시작해 "hell"을 읽습니다. 시점 1에서는 순환 항이 사라지므로(`W_hh h_0 = 0`)
# `h_1 = tanh(column 'h' of W_xh + b)`, 즉 `W_xh`의 'h' 열에 `b`를 더한 값의 tanh입니다.
# 시점 2부터는 이전 은닉 상태가 함께 들어옵니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="eaddc02c23ba"
# 시점 1과 시점 2를 칠판에서 함께 계산합니다. 시점 1에서는 순환 항이 0입니다. 수강생에게
# 묻기: *과거가 처음으로 들어오는 것은 몇 번째 시점일까요?* (시점 2, W_hh h_1을 통해)

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

# %% [markdown] translates="5a5f0b90b6a8"
# `rnnlib`으로 같은 숫자를 얻어 봅니다. `RNNCell`은 `W_xh`, `W_hh`, `b`를 담고 있고,
# `Recurrent`는 `(T, B, D)` 형태의 시간 우선(time-major) 입력의 모든 시점에 이 셀을
# 적용합니다(여기서는 시퀀스 `B = 1`개). `SequenceModel`은 여기에 원-핫 인코딩과 출력층
# `W_hy, b_y`를 더합니다.

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

# %% [markdown] slideshow={"slide_type": "subslide"} translates="21f75468658b"
# **행렬 하나일까, 둘일까?** 어떤 교재(그리고 우리 강의 노트 가운데 하나)는 이전 상태와
# 입력을 벡터 하나로 쌓고, 여기에 행렬 하나를 곱하는 식으로 한 단계를 씁니다.
#
# $$h_t = \tanh\big(W \, [h_{t-1}; x_t] + b\big), \qquad W = [W_{hh} \;\; W_{xh}]
#   \text{ of shape } (H, H + D).$$
#
# 둘은 같은 것입니다. 쌓은 벡터에 행렬을 곱하면, 행렬의 왼쪽 블록과 위쪽 부분의 곱에 오른쪽
# 블록과 아래쪽 부분의 곱을 더한 것으로 나뉩니다. 즉 `W [h; x] = W_hh h + W_xh x`입니다.
# 손으로 계산한 예에서 확인해 봅니다.

# %% slideshow={"slide_type": "fragment"}
W_concat = np.hstack([W_hh, W_xh])  # (H, H + D): W_hh's columns, then W_xh's
h = np.zeros(4)
for t, x in enumerate(x_hell):
    h = np.tanh(W_concat @ np.concatenate([h, x]) + b)  # [h_{t-1}; x_t]: (H + D,)
    assert np.allclose(h, hidden_by_hand[t])
print("W", W_concat.shape, "@ [h_{t-1}; x_t] gives the same h_t as W_hh h_{t-1} + W_xh x_t")

# %% [markdown] translates="b4538176ce3b"
# 은닉 상태를 그림으로 나타내면 다음과 같습니다. 열 하나가 시점 하나, 행 하나가 유닛 하나이고,
# 양수는 빨간색, 음수는 파란색입니다. 모든 값이 tanh의 치역인 (-1, 1) 안에 있습니다.

# %% slideshow={"slide_type": "subslide"}
ax = plot_hidden_strip(
    hidden_by_hand, list("hell"), title=tr("Hand-computed hidden states while reading 'hell'")
)

# %% [markdown] slideshow={"slide_type": "skip"} translates="e1630ba0807b"
# ### 연습 문제 2: RNN 한 단계
#
# 벡터 하나씩을 받는 `rnn_step(x, h_prev, W_xh, W_hh, b)`를 작성하십시오. `x`의 형태는
# `(D,)`, `h_prev`의 형태는 `(H,)`이고, `(H,)` 형태의 새 은닉 상태를 반환합니다.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def rnn_step(x, h_prev, W_xh, W_hh, b):
    raise NotImplementedError  # your code here


passed = exercises.check_rnn_step(rnn_step)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def rnn_step_solution(x, h_prev, W_xh, W_hh, b):
    return np.tanh(W_xh @ x + W_hh @ h_prev + b)


assert exercises.check_rnn_step(rnn_step_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="eb3e23f3f963"
# ### 연습 문제 3: T개 시점에 걸친 순전파
#
# `rnn_forward(xs, h0, W_xh, W_hh, b)`를 작성하십시오. `xs`는 입력을 한 행에 하나씩 담은
# `(T, D)` 배열입니다. `h0` `(H,)`에서 시작해 은닉 상태 `h_1, ..., h_T`를 모두
# `(T, H)` 배열의 행으로 반환합니다. 여러분이 만든 `rnn_step`(또는 풀이의 `rnn_step_solution`)을
# 사용하십시오.


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

# %% [markdown] slideshow={"slide_type": "slide"} translates="4a6e4ac1f975"
# ## 5. 왜 비선형성이 필요할까?
#
# `tanh`를 빼면 각 시점의 계산은 행렬 곱일 뿐입니다. 행렬을 여러 개 곱해도 결과는 행렬 하나이므로,
# 선형층을 아무리 깊이 쌓아도 선형층 하나보다 더 많은 것을 계산하지 못합니다. 선형 변환
# 세 개를 쌓은 `W_3 W_2 W_1 x`는 `M = W_3 W_2 W_1`인 변환 하나 `M x`와 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="8cd075dbe12c"
# 말할 내용: 비선형성이 없으면 층도, 시점도 행렬 하나로 합쳐집니다. 수강생에게 묻기:
# *10층짜리 선형 신경망은 무엇을 계산할까요?* (선형 변환 하나)

# %% slideshow={"slide_type": "fragment"}
W1, W2, W3 = rng.normal(size=(6, 4)), rng.normal(size=(6, 6)), rng.normal(size=(3, 6))
M = W3 @ W2 @ W1  # one (3, 4) matrix
X = rng.normal(size=(4, 100))  # 100 inputs as columns
assert np.allclose(W3 @ (W2 @ (W1 @ X)), M @ X)
print("three linear layers = one", M.shape, "matrix")

# %% [markdown] translates="b1904c880636"
# 시간 축에서도 같은 일이 일어납니다. *선형* RNN `h_t = W h_{t-1} + U x_t`를 세 시점에 걸쳐 펼치면
# `h_3 = W² U x_1 + W U x_2 + U x_3`이 되어, 쌓은 입력에 고정된 행렬 하나를 곱한 것과
# 같습니다. 중간에 `tanh`가 들어가면 어떤 행렬 하나로도 이 변환을 재현할 수 없습니다.
# 최소제곱법(least squares)으로 가장 잘 맞춘 행렬도 뚜렷한 오차를 남깁니다.

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

# %% [markdown] translates="082755cd95fd"
# **tanh와 ReLU.** `tanh`는 어떤 입력이든 (-1, 1) 범위 안으로 압축하고, 출력의 중심이
# 0입니다(zero-centred). ReLU, 즉 `max(0, a)`는 위쪽으로 한계가 없습니다. 순환 구조 안에서는
# 이 차이가 중요합니다. 같은 `W_hh`가 매 시점 적용되므로 ReLU 상태는 한없이 커질 수 있지만,
# tanh 상태는 유계(bounded)로 남습니다. ([3장](03_bptt_and_vanishing_gradients.ipynb#3.-한-단계의-야코비-행렬과-야코비-행렬의-곱)에서는
# 이 함수들이 기울기에 무슨 일을 하는지 살펴봅니다.)

# %% slideshow={"slide_type": "subslide"}
ax = plot_activations(title=tr("tanh stays in (-1, 1); ReLU is unbounded above"))
# %% slideshow={"slide_type": "fragment"}
W_grow = 1.5 * np.eye(3)  # a recurrent matrix that amplifies the state
h_tanh = h_relu = np.ones(3)
for _ in range(20):
    h_tanh, h_relu = np.tanh(W_grow @ h_tanh), np.maximum(W_grow @ h_relu, 0)
print("after 20 steps: tanh state", h_tanh, " ReLU state", h_relu)
assert np.all(np.abs(h_tanh) < 1) and np.all(h_relu > 1000)

# %% [markdown] slideshow={"slide_type": "slide"} translates="5c071a387091"
# ## 6. 소프트맥스와 온도
#
# 출력층은 클래스마다 점수 `y_k`를 하나씩 내며, 이 점수는 어떤 실수든 될 수 있습니다.
# **소프트맥스**(softmax)는 점수를 확률 분포로 바꿉니다.
#
# $$p_k = \frac{e^{y_k / T}}{\sum_j e^{y_j / T}}.$$
#
# `e^{...}`는 모두 양수이므로 모든 `p_k > 0`이고, 전체 합으로 나누므로 `p_k`를 모두 더하면
# 정확히 1입니다. 점수의 순서는 그대로 유지되고(점수가 클수록 확률도 큽니다), 모든 점수에
# 같은 수를 더해도 아무것도 바뀌지 않습니다. `e^{y+c} = e^c e^y`이고 `e^c`가 분자와 분모에서
# 약분되기 때문입니다. `rnnlib`은 이 성질을 이용해 가장 큰 점수를 먼저 빼서, `exp`가
# 넘치지(overflow) 않게 합니다.
#
# **온도**(temperature) `T`(기본값 1)는 먼저 점수의 크기를 조절합니다. 온도가 낮으면 점수
# 차이가 과장되어 분포가 가장 큰 점수(arg-max) 쪽으로 쏠리고, 온도가 높으면 분포가 평평해져
# 균등 분포에 가까워집니다.
# [5장](05_text_generation.ipynb#6.-텍스트-생성:-탐욕적으로,-혹은-샘플링으로,-차갑게-혹은-뜨겁게-(Generating-text))에서는
# 온도를 조절해 더 과감하거나 덜 과감한 텍스트를 샘플링합니다.
#
# **강의 노트에 관한 참고.** 강의 노트 가운데 하나는 소프트맥스의 *입력*을 더하면 1이 된다고
# 씁니다. 더해서 1이 되는 것은 *출력*입니다. 들어가는 점수는 어떤 실수든 될 수 있고(아래
# 예에서는 합이 2.1입니다), 나오는 확률은 언제나 합이 1입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="f5c51a619832"
# 말할 내용: 소프트맥스는 점수의 순서를 유지하고, 온도는 분포를 뾰족하게 또는 평평하게
# 만듭니다. 탐색기에서 모든 점수에 같은 값을 더해 보고(아무것도 바뀌지 않습니다), 온도를
# 0.1과 10으로 옮겨 봅니다. 수강생에게 묻기: *온도가 아주 높으면 어떻게 될까요?* (균등 분포)

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
# %% [markdown] slideshow={"slide_type": "slide"} translates="cd88cd89ee00"
# 점수와 온도를 움직이면서 확률이 어떻게 바뀌는지 보십시오. 모든 점수를 같은 만큼 올려 보고,
# 온도를 0.1과 10으로 옮겨 보십시오.
#
# **질문.** "h"와 "e"의 점수를 같게(둘 다 2.0) 맞추십시오. T = 1에서 두 확률은 각각 얼마이고,
# T를 0.1까지 내리면 어떻게 바뀔까요?

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

# %% [markdown] slideshow={"slide_type": "skip"} translates="c9ddc983d2db"
# ### 연습 문제 4: 온도가 있는 소프트맥스
#
# 점수 벡터에 대한 `softmax(z, temperature=1.0)`을 작성하십시오. `[1000, 999, 0]`처럼 큰
# 점수에서도 제대로 동작해야 합니다.


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

# %% [markdown] slideshow={"slide_type": "slide"} translates="547bd11696e9"
# ## 7. 다음 문자 예측 모델: "hello"와 "hihello"
#
# **과제.** 단어를 한 글자씩 읽으면서 매 시점 다음 글자를 예측합니다. "hello"라면 입력은
# "hell"이고 목표(target)는 한 칸 앞선 "ello"입니다. 즉 `h -> e`, `e -> l`, `l -> l`,
# `l -> o`입니다. 마지막 글자는 뒤따르는 글자가 없으므로 목표로만 쓰입니다.
#
# ### 연습 문제 5: 학습 쌍
#
# `(input_ids, target_ids)`를 정수 배열로 반환하는 `make_pairs(text, vocab)`을 작성하십시오.


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

# %% [markdown] translates="c539a0c50d7b"
# **"hello" 학습하기.** 모델은 은닉 유닛이 8개, 출력이 4개(`h, e, l, o`)인 RNN입니다.
# 학습은 코드 네 줄을 되풀이합니다. 모델을 순방향으로 실행하고, 교차 엔트로피 손실(loss)을 재고,
# 역전파([3장](03_bptt_and_vanishing_gradients.ipynb))로 기울기(gradient)를 구하고, Adam
# 옵티마이저가 가중치를 조금씩 고치게 합니다. 입력은 시간 우선 `(T, B)` 형태이며, 시점 4개,
# 시퀀스 1개입니다.

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

# %% [markdown] translates="3113ba305dfb"
# "**hihello**"에는 문자가 `h, i, e, l, o` 다섯 개이고 함정이 두 개 있습니다. `h` 뒤에는 한 번은
# `i`, 한 번은 `e`가 오고, `l` 뒤에는 한 번은 `l`, 한 번은 `o`가 옵니다. 이번에는
# `rnnlib.fit`이 같은 학습 루프를 대신 돌려 줍니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="490f07d221bb"
# 말할 내용: "hihello"에는 함정이 두 개, 즉 h와 l이 있고, 둘 다 뒤에 서로 다른 두 글자가
# 옵니다. 수강생에게 묻기: *기억이 없는 모델이 그 시점들에서 할 수 있는 최선은
# 무엇일까요?* (반반, 50/50)

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

# %% [markdown] translates="62c251e69542"
# 매 시점의 출력 전체를 봅니다. 각 열은 그 아래에 적힌 글자를 읽은 뒤의 분포
# `p(x_{t+1} | x_1..x_t)`이고, 실제 다음 글자에는 테두리가 그려져 있습니다.

# %% slideshow={"slide_type": "subslide"}
ax = plot_step_distributions(
    probs_hi,
    vocab_hi.tokens,
    inputs=list(text_hi[:-1]),
    targets=list(text_hi[1:]),
    title=tr("Trained on 'hihello': predicted next character at each step"),
)
# %% [markdown] slideshow={"slide_type": "subslide"} translates="3510f5f9df42"
# ### "l"이 어려운 이유
#
# "hihello"에서 각 문자 뒤에 무엇이 오는지 세어 봅니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
followers = {}
for current, following in zip(text_hi[:-1], text_hi[1:], strict=True):
    followers.setdefault(current, []).append(following)
print(followers)
assert followers["l"] == ["l", "o"] and followers["h"] == ["i", "e"]

# %% [markdown] slideshow={"slide_type": "subslide"} translates="c7388f22a93d"
# 현재 문자만 보는 모델(기억이 없는 모델, 예를 들어 한 글자짜리 윈도우(window)를 보는
# 순방향 신경망)은 `l`을 읽는 두 번 모두 같은 답을 내야 합니다. 이런 모델이 할 수 있는
# 최선은 반반(50/50)이고, `h`에서도 마찬가지입니다. 그래서 이 모델의 손실은 여섯 위치에 대한
# `-log(count / total)`의 평균보다 작아질 수 없으며, 그 값은 `4 ln 2 / 6 ≈ 0.46`입니다.
# RNN의 손실은 이 한계보다 훨씬 아래로 내려갑니다. 따라서 RNN은 현재 문자 말고 다른 것,
# 즉 은닉 상태를 쓰고 있는 것이 틀림없습니다.

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

# %% [markdown] translates="10ef731b3ffa"
# 시점 5와 시점 6의 입력은 `l`을 나타내는 똑같은 원-핫 벡터입니다. 두 시점을 구별해 주는 것이
# 무엇이든 그것은 `h_{t-1}` 안에 있어야 하고, 그래서 새 은닉 상태도 서로 다릅니다.

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
# %% [markdown] slideshow={"slide_type": "slide"} translates="c02ba91a8595"
# **직접 탐색해 보기.** `h, i, e, l, o`로 된 문자열을 입력하고(Enter를 누릅니다) 시점(step) 슬라이더를
# 움직여 보십시오. 왼쪽 패널은 모델이 지금까지 만든 은닉 상태를, 오른쪽 패널은 다음 문자에 대한
# 모델의 추측을 보여 줍니다. "hihello", "hello", "hihi", "ell"을 넣어 보십시오.
#
# **질문.** "hihello"에서 시점 1과 시점 3의 입력은 같은 글자 "h"입니다. 시점 t를 1로, 그다음
# 3으로 맞추십시오. 각 "h" 뒤에서 모델은 무엇을 예측하며, 같은 입력이 어떻게 서로 다른 두
# 추측으로 이어질 수 있을까요?

# %% [markdown] slideshow={"slide_type": "notes"} translates="06523b822e57"
# "hihello"를 입력한 다음 "hello"를 입력하고, 시점 슬라이더를 움직입니다. 수강생에게 묻기:
# *시점 5와 시점 6의 입력은 같은 "l"입니다. 무엇이 다르고, 그것은 어디에 저장될까요?* (h_{t-1})

# %%
hidden_state_explorer(model_hi, vocab_hi, "hihello")

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# after the first "h" it predicts "i", after the second "e". The input is the same,
# but h_3 also carries h_2, which remembers that "hi" was read already.
guesses = functional.softmax(model_hi.predict(vocab_hi.encode("hihello")[:, None]))[:, 0]
first, second = (vocab_hi.tokens[int(guesses[t].argmax())] for t in (0, 2))
assert (first, second) == ("i", "e"), (first, second)

# %% [markdown] slideshow={"slide_type": "slide"} translates="f660dc7c1136"
# ## 8. 은닉 상태의 의미
#
# 식을 펼쳐 보면 `h_t`는 `x_1, ..., x_t`만의 함수입니다. `h_1`은 `x_1`의 함수, `h_2`는
# `x_2`와 `h_1`의 함수, 이런 식으로 이어집니다. 즉 `h_t`는 지금까지 읽은 모든 것을 고정된
# 크기로 담은 **요약**입니다. 시점 `t`의 출력은 `h_t`만 읽으므로, 이 출력은 *접두사(prefix)
# 전체가 주어졌을 때* 다음 문자의 분포입니다.
#
# $$p_t = \mathrm{softmax}(W_{hy} h_t + b_y) = p(x_{t+1} \mid x_1, \dots, x_t).$$
#
# 여기서 확인할 수 있는 결과가 두 가지 있습니다. 첫째, 미래가 과거로 새어 들어갈 수
# 없습니다. 시점 3 이후의 입력을 바꿔도 시점 1~3의 출력은 정확히 그대로입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="177f13bb91b0"
# 말할 내용: h_t는 접두사 전체를 요약하므로, 출력은 p(다음 | 지금까지 읽은 모든 것)입니다.
# 수강생에게 묻기: *학습 손실이 왜 텍스트의 로그 확률에 마이너스를 붙인 값일까요?*
# (연쇄 법칙)

# %% slideshow={"slide_type": "fragment"}
original = model_hi.predict(vocab_hi.encode("hihell")[:, None])
changed = model_hi.predict(vocab_hi.encode("hihooo")[:, None])
assert np.array_equal(original[:3], changed[:3])  # same prefix "hih": same outputs
assert not np.allclose(original[3:], changed[3:])
print("steps 1-3 unchanged, steps 4-6 changed")

# %% [markdown] translates="e463f0bb81fc"
# 둘째, 시점별 확률을 곱하면 뒤에 이어지는 부분 전체의 확률이 되고(확률의 연쇄 법칙, chain
# rule), 그 로그는 교차 엔트로피 손실의 합에 마이너스를 붙인 값입니다. 즉 학습은 텍스트의
# 확률을 최대화합니다.

# %% slideshow={"slide_type": "fragment"}
log_prob = np.log(p_target).sum()
loss_now, _ = losses.softmax_cross_entropy(logits_hi, targets_hi)
print(f"p('ihello' after 'h') = product of the 6 step probabilities = {np.exp(log_prob):.3f}")
assert np.isclose(log_prob, -6 * loss_now)

# %% [markdown] slideshow={"slide_type": "slide"} translates="61841bf95788"
# ## 9. 입출력 형태
#
# 입력을 어디에 넣고 출력을 어디서 읽느냐에 따라 네 가지 패턴이 나옵니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="8146ef142b9a"
# 말할 내용: 입력을 어디에 넣고 출력을 어디서 읽느냐에 따라 네 가지 패턴이 나옵니다. 정렬된
# 다대다, 일대다, 다대일, 인코더-디코더입니다. 수강생에게 묻기: *번역은 어느 패턴이고,
# 감성 분석은 어느 패턴일까요?*

# %%
fig = plot_io_patterns()
# %% [markdown] slideshow={"slide_type": "subslide"} translates="f4695e6137f6"
# 패턴마다 실행해 볼 수 있는 작은 예를 하나씩 봅니다.
#
# **정렬된 다대다**(many-to-many, aligned; 입력마다 같은 시점에서 출력이 하나씩 나옵니다): 위의
# 다음 문자 예측 모델, 품사 태깅(POS tagging, [7장](07_sequence_tagging.ipynb)). 출력의 형태는
# `(T, B, C)`입니다.

# %% slideshow={"slide_type": "fragment"}
print("inputs", inputs_hi.shape, "-> outputs", logits_hi.shape)
assert logits_hi.shape == (6, 1, 5)

# %% [markdown] translates="9e4716b72661"
# **일대다**(one-to-many; 입력 하나를 넣으면 시퀀스가 나옵니다): 학습된 모델에 `h`만 주고,
# 모델이 예측한 글자를 다음 입력으로 다시 넣게 합니다. 은닉 상태는 `initial_state`로 한
# 호출에서 다음 호출로 넘겨줍니다. (이미지 캡셔닝(image captioning)도 이미지에서 시작한다는
# 점만 다를 뿐 같은 방식으로 동작합니다.)


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

# %% [markdown] translates="a5c67482b506"
# **다대일**(many-to-one; 시퀀스를 넣으면 마지막 시점 뒤에 출력이 하나 나옵니다): 감성 분석,
# "이 숙소 짱입니다" -> Positive(긍정). 토큰(token)은 단어입니다. 길이가 다른 문장들을
# 패딩(padding)해 배치 하나로 묶고, 마스크(mask)로 RNN이 패딩 구간에서는 상태를 그대로 넘기게
# 합니다. 그래서 출력은 문장마다 그 문장의 마지막 단어에서 읽힙니다. 형태를 확인하고 이
# 문장들에 잘 맞는 모델을 보는 데는 여섯 문장짜리 작은 데이터 세트면 충분합니다.

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

# %% [markdown] translates="5be824905f96"
# **정렬되지 않은 다대다**(many-to-many, not aligned; 인코더-디코더, encoder-decoder): 번역.
# RNN 하나(인코더)가 입력 전체를 읽고, 그 마지막 은닉 상태가 두 번째 RNN(디코더)의 초기 상태가
# 됩니다. 디코더는 자기 나름의 길이로 출력 시퀀스를 씁니다. 여기서는 학습하지
# 않은 모델로 형태만 확인합니다. 입력은 시점 4개, 출력은 시점 2개입니다.
#
# **음성 인식**(speech recognition)도 정렬되지 않은 문제입니다. 녹음은 1초에 약 100개의 음향
# 프레임(frame)으로 들어오고, 받아쓴 글은 그보다 훨씬 적은 글자로 나가며, 어느 프레임이 어느
# 글자에 해당하는지는 아무도 표시해 두지 않습니다. RNN 음성 인식기는 (양방향) RNN으로 프레임을
# 읽은 다음, 여기에 나온 것과 같은 인코더-디코더를 쓰거나, 대부분의 프레임에서 신경망이 "글자
# 없음"을 출력하게 하고 가능한 모든 정렬(alignment)을 합산하는 CTC(connectionist temporal
# classification, Graves et al. 2006)로 학습시킵니다.

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

# %% [markdown] slideshow={"slide_type": "skip"} translates="00237790a174"
# ### 연습 문제 6: 어느 패턴일까?
#
# 각 과제에 `"one-to-many"`, `"many-to-one"`, `"many-to-many aligned"`,
# `"many-to-many not aligned"` 가운데 하나를 지정하십시오.

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="1689a8deaff3"
# ## 10. 모델링 선택: 회귀냐 분류냐
#
# 같은 RNN으로 수를 예측할 수도 있고 클래스를 예측할 수도 있습니다. 바뀌는 것은 출력층, 정답(ground
# truth), 손실뿐입니다.
#
# | | 회귀(regression) | 분류(classification) |
# |---|---|---|
# | 예 | 내일 기온, 시계열의 다음 값 | 다음 문자, 감성 레이블 |
# | 위치마다의 출력 | 실수 `k`개를 그대로 사용 | 점수 `C`개를 소프트맥스로 확률로 바꿈 |
# | 정답 | 실수, 형태 `(T, B, k)` | 클래스 인덱스, 형태 `(T, B)`, 또는 원-핫 행, 형태 `(T, B, C)` |
# | 손실 | MSE `mean((ŷ - y)²)` 또는 MAE `mean(abs(ŷ - y))` | 교차 엔트로피 `-mean log p(correct class)` |
#
# **회귀.** 수의 시퀀스를 넣고 시점마다 수 하나를 내보냅니다. 시퀀스마다 위상(phase)을
# 무작위로 정한 사인파 `sin(0.3 t + phase)`의 다음 값을 예측해 봅니다. 여기에도 "l" 문제가
# 있습니다. 값 0.5 뒤에는 올라가는 중이면 더 큰 값이, 내려가는 중이면 더 작은 값이 옵니다.
# 현재 값만 보고 할 수 있는 최선의 추측은 둘의 평균(`x_t cos 0.3`)이고, 그 평균 제곱
# 오차(MSE)는 약 `sin²(0.3) / 2 ≈ 0.044`입니다. RNN은 파동이 어느 방향으로 가는지를 은닉
# 상태에서 읽어 낼 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="e3fa96f930e3"
# 말할 내용: 회귀와 분류 사이에서 바뀌는 것은 출력층, 정답, 손실뿐입니다. 수강생에게 묻기:
# *이상치가 있는 데이터에는 MSE와 MAE 가운데 어느 것을 쓸까요?* (MAE가 더 너그럽습니다)

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

# %% [markdown] slideshow={"slide_type": "subslide"} translates="4af93d50074d"
# MSE는 오차를 제곱하므로, 작은 오차 여러 개보다 큰 오차 몇 개에 훨씬 무거운 벌을 줍니다.
# MAE는 오차 한 단위 한 단위에 같은 무게를 두므로 이상치(outlier)에 더 너그럽습니다. 값 40개를
# 완벽하게 예측한 다음, 그 가운데 하나만 10만큼 틀리게 해 봅시다.

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

# %% [markdown] translates="671e9b992c81"
# **분류.** 정답은 클래스 인덱스 `(T, B)`(`rnnlib`과 대부분의 라이브러리가 쓰는 형태)로 쓸
# 수도 있고, 원-핫 행 `(T, B, C)`로 쓸 수도 있습니다. 교차 엔트로피는 정답 클래스의 확률만
# 보므로, 두 형태 모두 같은 손실과 같은 기울기를 줍니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
loss_index, grad_index = losses.softmax_cross_entropy(logits_hi, targets_hi)  # (6, 1)
loss_onehot, grad_onehot = losses.softmax_cross_entropy(logits_hi, one_hot(targets_hi, 5))
print("targets as indices:", targets_hi[:, 0], "  as one-hot:", one_hot(targets_hi, 5).shape)
print(f"same loss: {np.isclose(loss_index, loss_onehot)}")
assert np.isclose(loss_index, loss_onehot) and np.allclose(grad_index, grad_onehot)

# %% [markdown] slideshow={"slide_type": "slide"} translates="f7b19ad24359"
# ## 11. 프레임워크 대응표: PyTorch와 Keras의 이름
#
# `rnnlib`은 가중치를 주요 프레임워크와 같은 형태, 같은 블록 순서로 저장하므로, 다른 곳에서
# 학습한 가중치를 그대로 가져올 수 있습니다. LSTM과 GRU는 [4장](04_lstm_and_gru.ipynb)에서
# 다루지만, 표를 한곳에 모아 두려고 그 행들도 여기에 넣었습니다. PyTorch는 `torch.nn.RNN`,
# `torch.nn.LSTM`, `torch.nn.GRU`의 0번 층 매개변수에 다음과 같이 이름을 붙입니다(은닉 유닛
# H개, 입력 D개).
#
# | `rnnlib` | PyTorch | 참고 |
# |---|---|---|
# | `W_xh (G*H, D)` | `weight_ih_l0 (G*H, D)` | 형태가 같음. G = 1 (RNN), 4 (LSTM), 3 (GRU) |
# | `W_hh (G*H, H)` | `weight_hh_l0 (G*H, H)` | 형태가 같음 |
# | `b (G*H,)`, RNN과 LSTM | `bias_ih_l0 + bias_hh_l0` | PyTorch는 편향을 두 개 두지만, 의미가 있는 것은 둘의 합뿐 |
# | LSTM의 `W_xh`, `W_hh`, `b` 블록 | i, f, g, o | 입력 게이트, 망각 게이트, 후보(셀), 출력 게이트(input, forget, candidate, output): 순서가 같음 |
# | GRU 블록 | r, z, n | 리셋 게이트, 업데이트 게이트, 새 상태(reset, update, new): 순서가 같음 |
# | GRU `b` | `[b_ir + b_hr; b_iz + b_hz; b_in]` | 처음 2H개 행은 두 편향의 합, 마지막 H개는 `bias_ih_l0`에서만 가져옴 |
# | GRU `b_hn (H,)` | `bias_hh_l0[2H:]` | 리셋 곱의 *안쪽*에 있음: $n = \tanh(W_{in} x + b_{in} + r \odot (W_{hn} h + b_{hn}))$. 그래서 `b`에 합칠 수 없음 |
# | `h_t = (1 - z) n + z h_{t-1}` | 같음 | colah의 블로그와 Deep Learning Specialization은 `z`와 `1 - z`를 서로 바꿔 씀 |
#
# 손실에서는 정답의 형태만 다릅니다(10절).
#
# | 정답 | `rnnlib` | Keras | PyTorch |
# |---|---|---|---|
# | 클래스 인덱스, `(T, B)` | `softmax_cross_entropy(logits, ids)` | `SparseCategoricalCrossentropy` | 클래스 인덱스를 받는 `nn.CrossEntropyLoss` |
# | 원-핫 행, `(T, B, C)` | `softmax_cross_entropy(logits, one_hot)` | `CategoricalCrossentropy` | 확률을 받는 `nn.CrossEntropyLoss` |
#
# `rnnlib`의 손실 함수는 점수(로짓)를 받습니다. Keras의 손실 함수는 `from_logits=True`로
# 만들지 않으면 확률을 입력으로 기대합니다.
#
# **주어진 가중치로 셀 만들기.** `Cell.from_weights(weights)`는 매개변수 딕셔너리로 어떤 유형의
# 셀이든 만듭니다(이름과 형태는 표와 같고, 크기는 형태에서 읽어 냅니다). `cell.step_trace(cache)`는
# `cell.forward`로 실행한 한 단계의 `Trace`를 돌려줍니다. 여기에는 `h`, LSTM의 `c`, 그리고
# 모든 게이트가 이름별로 들어 있습니다. (`LSTMCell(...)` 자체는 무작위 가중치로 초기화할 때
# `b`의 망각 게이트 블록에 `forget_bias = 1`을 더하지만, `from_weights`는 `b`를 주어진 그대로
# 씁니다.) 아래에서는 PyTorch 형태의 LSTM 가중치(학습된 모델 대신 쓰는 난수)를 만들고, PyTorch
# 문서에 나온 식대로 numpy로 한 단계를 계산한 다음, 같은 단계를 `rnnlib`으로 계산합니다.

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

# %% [markdown] translates="8a72da05c9d8"
# 리셋 곱 안에 편향 `b_hn`이 들어 있는 GRU도 확인합니다.

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

# %% [markdown] slideshow={"slide_type": "slide"} translates="62e3cdbfadab"
# ## 요약
#
# * RNN은 시퀀스를 한 시점에 하나씩 읽으면서 **은닉 상태**를 유지합니다. 은닉 상태는 모든 시점에서 같은
#   가중치를 쓰는 규칙 하나로 갱신됩니다: `h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`,
#   `h_0 = 0`. 펼치면 셀 하나의 복사본들로 이루어진 사슬입니다(가중치 공유).
# * 교과서의 `U, W, V`는 `rnnlib`의 `W_xh (H, D)`, `W_hh (H, H)`, `W_hy (C, H)`입니다.
# * 비선형성이 없으면 층과 시점이 행렬 하나로 합쳐집니다. tanh는 상태를 (-1, 1) 안에
#   묶어 둡니다.
# * 소프트맥스는 점수를 양수이고 합이 1인 확률로 바꿉니다. 온도는 분포를 뾰족하게(T < 1) 또는
#   평평하게(T > 1) 만듭니다.
# * `W_xh`에 원-핫 벡터를 곱하면 열 하나가 골라집니다. 즉 문자마다 학습된 벡터가 하나씩 있습니다.
# * 다음 문자 예측 모델은 "hihello"를 1초 만에 학습합니다. 두 `l`(그리고 두 `h`)은 입력이
#   똑같으므로 둘을 구별할 수 있는 것은 은닉 상태뿐이고, 은닉 상태는 실제로 둘을 구별합니다.
#   기억이 없는 모델은 손실을 0.46 아래로 낮출 수 없습니다.
# * `h_t`는 `x_1..x_t`를 요약하고, 출력은 `p(x_{t+1} | x_1..x_t)`입니다.
# * 패턴: 일대다(생성, 캡셔닝), 다대일(감성 분석, 의도 파악), 정렬된 다대다(다음 문자, 태깅),
#   정렬되지 않은 다대다(번역).
# * 회귀: 실수 목표에 MSE나 MAE를 씁니다(MAE가 이상치에 더 너그럽습니다). 분류: 교차 엔트로피를
#   쓰며, 목표는 인덱스로도 원-핫으로도 줄 수 있습니다(손실은 같습니다. Keras에서는 각각 sparse
#   categorical cross-entropy, categorical cross-entropy라고 부릅니다).
# * 행렬 하나 `W = [W_hh W_xh]`로 쓴 `h_t = tanh(W [h_{t-1}; x_t] + b)`도 같은 RNN입니다.
# * PyTorch의 `weight_ih_l0`, `weight_hh_l0`은 `W_xh`, `W_hh`이고, 두 편향을 더하면 `b`입니다
#   (GRU의 `b_hn`은 따로 둡니다). `Cell.from_weights`는 이 가중치로 셀을 만들고,
#   `cell.step_trace`는 한 단계의 상태와 게이트를 보여 줍니다.
#
# 다음 [3장](03_bptt_and_vanishing_gradients.ipynb)에서는 학습이라는 블랙박스를 엽니다.
# 시간에 따른 역전파(BPTT, backpropagation through time)를 배우고, RNN에서 기울기가 왜
# 소실되거나 폭주하는지(vanishing/exploding gradient) 살펴봅니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 순환 신경망 | recurrent neural network (RNN) | 시퀀스의 매 시점에 셀 하나를 적용하면서 은닉 상태를 넘겨주는 신경망 |
# | 은닉 상태 | hidden state | 지금까지 읽은 입력을 요약하는 벡터 `h_t` |
# | 순환 | recurrence | 매 시점 같은 규칙으로 `h_{t-1}`에서 `h_t`를 계산하는 것 |
# | 펼치기 | unrolling | 순환을 시점마다 셀의 복사본이 하나씩 놓인 사슬로 그리는(또는 계산하는) 것 |
# | 가중치 공유 | weight sharing | 모든 시점에서 같은 `W_xh, W_hh, W_hy`를 쓰는 것 |
# | 입력-은닉 가중치 | input-to-hidden weights | `W_xh`(교과서의 `U`), 형태 `(H, D)` |
# | 은닉-은닉 가중치 | hidden-to-hidden weights | `W_hh`(교과서의 `W`), 형태 `(H, H)` |
# | 은닉-출력 가중치 | hidden-to-output weights | `W_hy`(교과서의 `V`), 형태 `(C, H)` |
# | 비선형성 / 활성화 함수 | nonlinearity / activation function | 선형 변환 사이에 넣는 `tanh`나 ReLU. 없으면 선형 변환들이 행렬 하나로 합쳐짐 |
# | 원-핫 인코딩 | one-hot encoding | 토큰의 인덱스 자리에만 1이 있고 나머지는 모두 0인 벡터 |
# | 어휘 | vocabulary | 모델이 아는 토큰의 목록. 토큰마다 인덱스가 있음 |
# | 로짓 | logits (scores) | 소프트맥스를 거치기 전의 출력 점수 |
# | 소프트맥스 | softmax | `exp(y_k) / sum_j exp(y_j)`: 양수이고 합이 1인 수들 |
# | 온도 (샘플링 온도) | temperature | `softmax(y / T)`의 `T`: 낮으면 분포가 뾰족해지고, 높으면 평평해짐 |
# | 다음 문자 예측 | next-character prediction | `x_1..x_t`에서 `x_{t+1}`을 예측하는 다대다 과제 |
# | 일대다 / 다대일 / 다대다 | one-to-many / many-to-one / many-to-many | 입력이 어디로 들어가고 출력을 어디서 읽는지에 따른 구분 |
# | 인코더-디코더 | encoder-decoder | RNN 하나가 입력을 읽고, 다른 RNN이 자기 나름의 길이로 출력을 씀 |
# | 회귀 | regression | 실수를 예측하는 것(손실: MSE, MAE) |
# | 분류 | classification | 클래스를 예측하는 것(손실: 교차 엔트로피) |
# | 평균 제곱 오차 | mean squared error (MSE) | `mean((ŷ - y)²)` |
# | 평균 절대 오차 | mean absolute error (MAE) | `mean(abs(ŷ - y))` |
# | 교차 엔트로피 | cross-entropy | `-mean log p(correct class)` |
# | 이상치 | outlier | 나머지 값들에서 멀리 떨어진 값 |
