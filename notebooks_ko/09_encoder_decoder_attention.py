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

# %% [markdown] slideshow={"slide_type": "slide"} translates="4f0382e1e415"
# # 9장 — 인코더-디코더와 어텐션: RNN에서 트랜스포머로 가는 다리
# ### Chapter 9 — Encoder–decoder and attention
#
# 지금까지의 모델은 입력 단계마다 출력을 하나씩 쓰거나([2장](02_vanilla_rnn.ipynb), [5장](05_text_generation.ipynb), [7장](07_sequence_tagging.ipynb), [8장](08_time_series.ipynb)) 시퀀스 전체에 출력을 하나만 썼습니다([6장](06_sequence_classification.ipynb)). 번역은 이 두 모양 어디에도 맞지 않습니다. "이천이십육년 십일월 이십이일"은 15글자이고 ISO 형식 "2026-11-22"는 10글자이며, 첫 출력 숫자는 입력 한가운데에 있는 음절에 달려 있습니다. **인코더-디코더**(encoder–decoder; Sutskever, Vinyals, Le 2014; Cho 외 2014)는 *시퀀스-투-시퀀스*(sequence-to-sequence) 모델이라고도 하며, 입력과 출력이 어떤 길이든 다룹니다. RNN 하나가 읽고, 다른 RNN이 씁니다. **어텐션**(attention; Bahdanau, Cho, Bengio 2015; Luong, Pham, Manning 2015)은 쓰는 쪽이 요약 하나에만 기대지 않고 입력의 모든 위치를 다시 들여다볼 수 있게 해 줍니다. 트랜스포머(transformer)는 바로 이 아이디어로 만들어졌습니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. RNN 두 개로 인코더-디코더를 만들어 **교사 강요**(teacher forcing)로 학습시키고, 크기가 고정된 **병목**(bottleneck)이 어디에 있는지 말하기
# 2. 어텐션을 numpy로 직접 계산하고(점수, 마스크를 씌운 소프트맥스(softmax), **문맥 벡터**(context vector)), 덧셈(Bahdanau) 점수와 내적(Luong) 점수 모두에서 `rnnlib`로 같은 값을 얻기
# 3. 입력이 길어질수록 어텐션이 얼마나 도움이 되는지 측정하고, 어텐션 히트맵(heatmap) 읽기
# 4. **노출 편향**(exposure bias) 보이기: 정답 접두사(prefix)로 학습한 모델은 테스트할 때에야 처음으로 자기 실수를 마주합니다
# 5. **탐욕적 디코딩**(greedy decoding)과, 길이 정규화를 곁들인 **빔 탐색**(beam search)으로 디코딩하고 둘을 비교하기
# 6. 셀프 어텐션(self-attention)을 몇 줄로 작성하기: 여기서 트랜스포머로 넘어가는 한 걸음
#
# 과제는 두 가지이며, 둘 다 오프라인에서 시드(seed)를 정해 생성합니다. 하나는 사람들이 실제로 쓰는 여러 방식으로 한국어와 영어로 적은 날짜를 ISO 8601 형식으로 정규화하는 과제이고, 다른 하나는 입력이 길어지는 과제로, 5~40글자 문자열을 뒤집는 것입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="735055f4f233"
# 말할 내용: 지금까지의 모델은 입력 단계마다 출력을 하나씩 쓰거나, 시퀀스 전체에 출력을 하나 썼습니다. 번역은 둘 다 아닙니다. 입력과 출력의 길이가 다르고, 첫 출력이 입력의 한가운데에 달려 있습니다. 수강생에게 묻기: *지금까지 배운 RNN으로 "이천이십육년 십일월 이십이일"을 어떻게 2026-11-22로 바꿀 수 있을까요?*

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import datetime
import html
import re
import time

import numpy as np

import rnnlib.viz
from rnnlib.attention import AdditiveAttention, DotProductAttention
from rnnlib.data.dates import FORMATS, HELD_OUT_FORMATS, date_task, format_date
from rnnlib.data.pairs import make_batch
from rnnlib.exercises import ch09 as exercises
from rnnlib.experiments import ch09 as experiments
from rnnlib.functional import softmax
from rnnlib.gradcheck import gradcheck
from rnnlib.i18n import set_language, tr
from rnnlib.seq2seq import Seq2Seq, translate
from rnnlib.viz import new_figure
from rnnlib.viz.attention import plot_accuracy_by_length, plot_attention, plot_position_accuracy
from rnnlib.widgets.attention import attention_explorer

rnnlib.viz.use_course_style()
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 9
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="da4b35c2680a"
# ## 1. 직관: RNN 하나는 읽고, 다른 하나는 쓴다
#
# **인코더**(encoder)는 소스(source) $x_1, \dots, x_S$를 읽고 그동안의 상태 $e_1, \dots, e_S$를 간직합니다. **디코더**(decoder)는 타깃(target)을 토큰(token) 하나씩 써 나가는 두 번째 RNN입니다. 디코더는 인코더의 마지막 상태에서 출발하고(이 연결을 *다리*(bridge)라고 합니다), 단계마다 자기가 바로 전에 쓴 토큰을 읽습니다. 첫 단계에서는 시작 토큰 `<s>`를 읽고, 디코더가 끝 토큰 `</s>`를 쓰면 출력이 끝납니다.
#
# $$h_0 = e_S, \qquad h_t = \mathrm{GRU}(y_{t-1}, h_{t-1}), \qquad
#   p(y_t \mid y_{<t}, x) = \operatorname{softmax}(W_{\text{out}} h_t + b).$$
#
# 디코더가 소스에 대해 아는 모든 것은 $h_0$를 거쳐야 합니다. 입력이 아무리 길어도 크기가 고정된 벡터 하나입니다. 이것이 **병목**입니다. **어텐션**은 이 병목을 없앱니다. 디코더는 출력 단계마다 자기 상태 $h_t$를 모든 인코더 상태와 비교하고, 그 상태들의 가중 평균인 **문맥 벡터**를 읽습니다.
#
# $$a_{t,s} = \operatorname{softmax}_s\big(\operatorname{score}(h_t, e_s)\big), \qquad
#   c_t = \sum_s a_{t,s}\, e_s, \qquad
#   p(y_t \mid y_{<t}, x) = \operatorname{softmax}(W_{\text{out}} [h_t; c_t] + b).$$
#
# 가중치 $a_{t,\cdot}$(어텐션 가중치, attention weights)는 소스 전체에 걸쳐 합이 1입니다. 출력 위치와 입력 위치 사이의 부드러운(soft), 학습되는 *정렬*(alignment)인 셈입니다. 점수 함수로는 두 가지를 흔히 씁니다.
#
# * **덧셈**(additive, Bahdanau) 점수: $\operatorname{score}(h, e) = v^\top \tanh(W_q h + W_k e)$
# * **내적 / 일반**(dot / general, Luong) 점수: $h^\top e$ 또는 $h^\top W e$
#
# **교사 강요.** 학습할 때 디코더는 자기가 추측한 토큰이 아니라 *정답* 이전 토큰 $y_{t-1}$을 읽습니다. 그래서 타깃의 모든 단계를 한 번에 계산할 수 있고, 손실은 다음 토큰마다의 평범한 교차 엔트로피(cross-entropy)입니다. 추론할 때는 정답 토큰이 없으므로 디코더가 자기가 쓴 것을 읽으며 한 단계씩 나아갑니다(자유 실행, free running).

# %% [markdown] slideshow={"slide_type": "notes"} translates="b8c6c6278e52"
# 말할 내용: RNN이 두 개이고, 둘을 잇는 것은 벡터 하나뿐입니다. 칠판에 그림을 그립니다. 인코더 상태 e_1..e_S와 디코더 상태 h_t를 그리고, 어텐션이 있을 때는 h_t에서 모든 e_s로 되돌아가는 부채꼴 화살표를 그립니다. 수강생에게 묻기: *입력이 40글자라면 h_0는 무엇을 기억해야 할까요?*

# %% [markdown] slideshow={"slide_type": "slide"} translates="ffab0d6d03b9"
# ## 2. 과제
#
# ### 2.1 두 언어로 쓴 날짜
#
# 예제는 하나하나가 달력에 실제로 있는 날짜이며(Python의 `datetime`을 쓰므로 윤년과 요일이 정확합니다), 아래 형식 가운데 하나로 적혀 있습니다. 타깃은 언제나 ISO 8601 형식입니다.

# %% tags=["nbval-check-output"]
day = datetime.date(2026, 11, 22)
for name in FORMATS:
    held = "  (held out: never in training)" if name in HELD_OUT_FORMATS else ""
    print(f"{name:>16}: {format_date(day, name):<34} -> {day.isoformat()}{held}")
print(
    format_date(datetime.date(2019, 6, 10), "hangul"),
    "/",
    format_date(datetime.date(1999, 10, 1), "hangul"),
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="ea5d887bcc03"
# 한글 형식에서는 숫자를 **한자어 수사**(Sino-Korean numerals)로 풀어 씁니다. 이천이십육은 2·1000 + 2·10 + 6이므로, "2026"의 출력 숫자 "0"은 입력 *어디에도 적혀 있지 않습니다*. "십일월"은 11월이고, 6월과 10월은 불규칙한 형태인 유월과 시월입니다. 출력 문자 하나가 입력 음절 여러 개에 달려 있고, 거꾸로 음절 하나가 출력 문자 여러 개에 관여합니다. 정렬이 일대일이 아닙니다.
#
# 수사와 단위는 청첩장에 날짜를 적을 때처럼 붙여 씁니다("이천이십육년 십일월 이십이일"). 띄어쓰기 규정(한글 맞춤법 제43항)은 '년', '일' 같은 단위 명사를 수사와 띄어 쓰도록 하지만, 날짜처럼 순서를 나타낼 때는 붙여 쓰는 것도 허용합니다. 그리고 달 이름(십일월, 유월, 시월)은 그 자체로 한 단어입니다.
#
# 테스트 날짜는 맨 먼저 뽑아 두고, 어떤 형식으로도 학습에 나오지 않게 합니다. "November 22, 2026" 형식은 학습에 아예 나오지 않습니다. 학습에서 빼 둔 형식(held-out format)입니다. 이 형식의 단어, 숫자, 쉼표는 모두 다른 형식에 나오지만, 이 순서만은 나오지 않습니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
dates = date_task(rng=rng)
print(f"train {len(dates.train)} examples, test {len(dates.test)} unseen dates, "
      f"source vocabulary {len(dates.source_vocab)} characters, target {len(dates.target_vocab)}")  # fmt: skip
for source, target in list(zip(dates.train.sources, dates.train.targets, strict=True))[:6]:
    print(f"  {source:<36} -> {target}")

# %% slideshow={"slide_type": "skip"}
assert not set(dates.test.targets) & set(dates.train.targets)  # unseen dates
assert not set(HELD_OUT_FORMATS) & set(dates.train.kinds)  # an unseen format
assert set(dates.held_out["format"].targets) == set(dates.test.targets)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="74b847fceab1"
# ### 2.2 뒤집기: 긴 입력
#
# 두 번째 과제는 *길이*만 문제가 되도록 일부러 단순하게 만들었습니다. `a`–`j`의 글자로 된 5~40글자 문자열을 뒤집습니다("cabjd" → "djbac"). 모델은 모든 글자를 출력까지 날라야 하며, 짐작으로 맞힐 것은 하나도 없습니다.
#
# 배치는 [6장](06_sequence_classification.ipynb)의 배치처럼 시간 축이 먼저 오고(time-major) 패딩(padding)되며, 소스 마스크(mask)가 함께 붙습니다. 디코더는 `<s> y_1 … y_n`을 읽고 `y_1 … y_n </s>`를 써야 합니다. `rnnlib.seq2seq.Seq2Seq`는 이 강의의 어떤 셀로든 인코더-디코더를 만듭니다(여기서는 GRU에 양방향(bidirectional) 인코더를 씁니다). `attention=None`이면 1절의 기본 모델입니다.

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
source, source_mask, target_in, target_out, target_mask = make_batch(
    ["22/11/2026", "2026년 11월 22일"], ["2026-11-22", "2026-11-22"], dates
)
print("source", source.shape, "source_mask", source_mask.shape, "target_in", target_in.shape)
print("decoder reads  :", [dates.target_vocab.tokens[i] for i in target_in[:, 0]])
print("decoder writes :", [dates.target_vocab.tokens[i] for i in target_out[:, 0]])
plain = Seq2Seq(
    "gru",
    source_vocab_size=len(dates.source_vocab),
    target_vocab_size=len(dates.target_vocab),
    embedding_dim=16,
    hidden_size=32,
    bidirectional=True,
    rng=SEED,
)
logits, cache = plain.forward(source, target_in, source_mask)  # teacher forcing: one pass
print("logits", logits.shape, "(T, B, target vocabulary);", plain)

# %% [markdown] slideshow={"slide_type": "slide"} translates="317cb84ad6a0"
# ## 3. 병목을 재 보기
#
# 크기가 같은 GRU 인코더-디코더 두 개(양방향 인코더가 방향마다 32유닛이므로 디코더는 64유닛)를 뒤집기 예제 3000개로 6 에포크(epoch) 동안 학습시킵니다. 하나는 어텐션이 없고, 다른 하나는 내적 어텐션(dot-product attention)을 씁니다. 두 모델 모두 `experiments.length_experiment`로 학습하는데, 테스트가 다른 시드로 실행하는 바로 그 함수입니다(30초쯤 걸립니다).

# %%
start = time.perf_counter()
reversal = experiments.length_experiment(rng)
rev_task, rev_models = reversal["task"], reversal["models"]
print(f"trained both models in {time.perf_counter() - start:.0f} s")

# %% [markdown] slideshow={"slide_type": "subslide"} translates="e643947e1f18"
# 먼저 어텐션이 없는 모델입니다. 정답 접두사를 주고(교사 강요), 31~40글자짜리 테스트 문자열에서 위치마다 다음 글자를 얼마나 자주 맞히는지 물어봅니다. 뒤집은 출력은 인코더가 *마지막에* 읽은 글자부터 시작합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="1c0c00741df3"
# 말할 내용: 뒤집기 과제는 길이의 영향만 따로 떼어 봅니다. 짐작할 것은 없고, 모든 글자가 빠짐없이 전달되어야 합니다. 곡선을 보여 주기 전에 수강생에게 묻기: *기본 모델은 어느 출력 위치를 맞힐까요, 앞쪽일까요 뒤쪽일까요?* (앞쪽입니다. 마지막에 읽은 글자들이기 때문입니다.)

# %%
longest = rev_task.test.subset(np.array(rev_task.test.kinds) >= 31)
bottleneck = experiments.position_accuracy(
    rev_models["no attention"], rev_task, longest, free_running=False
)
ax = plot_position_accuracy(
    {tr("no attention (teacher-forced)"): bottleneck[:40]},
    title=tr("Reversing 31-40 letters without attention: which outputs get through"),
)
ax.axhline(0.1, color="0.5", ls=":", label=tr("chance (1 of 10 letters)"))
_ = ax.legend(loc="upper right")
print(
    "accuracy at output positions 1-3:",
    bottleneck[:3],
    " positions 20-30:",
    bottleneck[19:30].mean().round(2),
)

# %% [markdown] slideshow={"slide_type": "fragment"} translates="edd5285a692f"
# 처음 몇 개의 출력, 즉 마지막에 읽은 글자들은 대부분 맞습니다. 20번째 위치부터는 다섯 번에 한 번꼴로만 맞혀서, 우연 수준(열 번에 한 번)보다 그리 높지 않습니다. 크기가 고정된 상태에는 최근 글자들만 남고 그 밖의 것은 거의 남지 않습니다. 이것이 병목입니다.

# %% slideshow={"slide_type": "skip"}
assert bottleneck[:3].mean() > 0.6
assert bottleneck[19:30].mean() < 0.35

# %% [markdown] slideshow={"slide_type": "slide"} translates="6ccf65214d34"
# ## 4. 어텐션을 처음부터 구현하기
#
# 쿼리(query) $h$ 하나(디코더 상태, 숫자 $H$개)를 키(key) $e_s$ $S$개(인코더 상태, 행렬의 행)와 비교합니다. 소스 위치 여섯 개 가운데 두 개는 패딩입니다. 그 점수는 소프트맥스 전에 $-\infty$로 바꾸므로 가중치가 정확히 0이 되고, 나머지 가중치의 합은 여전히 1입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="b39aa896245d"
# 말할 내용: 어텐션은 점수에 소프트맥스를 취한 다음 가중 평균을 내는 것입니다. 패딩에는 소프트맥스 전에 -inf를 주므로 가중치가 정확히 0입니다. 수강생에게 묻기: *왜 큰 음수가 아니라 -inf일까요?*

# %%
H, S = 4, 6
keys = rng.standard_normal((S, H))
query = rng.standard_normal(H)
mask = np.array([1, 1, 1, 1, 0, 0])

scores = keys @ query  # dot score h . e_s, (S,)
scores = np.where(mask == 1, scores, -np.inf)  # padding can never be chosen
weights = np.exp(scores - scores.max())  # softmax, shifted for stability
weights /= weights.sum()
context = weights @ keys  # sum_s a_s e_s, (H,)
print("weights", weights, "sum", weights.sum())
print("context", context)

# additive (Bahdanau) score with its own small parameters
A = 5
W_q, W_k, v = rng.standard_normal((A, H)), rng.standard_normal((A, H)), rng.standard_normal(A)
additive_scores = np.tanh(query @ W_q.T + keys @ W_k.T) @ v
additive_weights = softmax(np.where(mask == 1, additive_scores, -np.inf))

# %% [markdown] slideshow={"slide_type": "subslide"} translates="f5a25edd7273"
# `rnnlib`로도 같은 값이 나옵니다. `DotProductAttention`과 `AdditiveAttention`은 쿼리 배치 `(T, B, H)`, 키 `(S, B, H)`, 마스크 `(S, B)`를 받아(시간 축이 먼저), 문맥 `(T, B, H)`, 가중치 `(T, B, S)`, 그리고 `backward`에 쓸 캐시(cache)를 돌려줍니다.

# %%
dot_layer = DotProductAttention(H)
lib_context, lib_weights, _ = dot_layer.forward(query[None, None], keys[:, None], mask[:, None])
additive_layer = AdditiveAttention(H, H, A, rng=0)
additive_layer.params.update(W_query=W_q, W_key=W_k, v=v)
_, lib_additive, _ = additive_layer.forward(query[None, None], keys[:, None], mask[:, None])

assert np.allclose(lib_weights[0, 0], weights) and np.allclose(lib_context[0, 0], context)
assert np.allclose(lib_additive[0, 0], additive_weights)
assert np.all(weights[mask == 0] == 0.0) and np.isclose(weights.sum(), 1.0)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="bc91a680b75b"
# 두 층 모두 손으로 작성한 `backward`가 있습니다. 소프트맥스를 거치는 기울기는, $g_s = \partial L / \partial a_s = (\partial L/\partial c) \cdot e_s$라 하면 점수에 대해 $\partial L/\partial \text{score}_s = a_s (g_s - \sum_r a_r g_r)$입니다. $a_s = 0$인 패딩에서는 0입니다. 키는 두 경로로 기울기를 받습니다. 하나는 평균되는 값(value)으로서 받는 $a_s\,\partial L/\partial c$이고, 다른 하나는 점수를 거쳐 오는 기울기입니다. 5점 기울기 검사(gradient check)와 $10^{-6}$보다 작은 오차로 일치합니다(테스트는 무작위 모양과 마스크에 대해, 두 층과 인코더-디코더 전체에 이 검사를 되풀이합니다).

# %% slideshow={"slide_type": "skip"}
q_batch, k_batch = rng.standard_normal((3, 2, H)), rng.standard_normal((S, 2, H))
batch_mask = np.ones((S, 2))
batch_mask[4:, 1] = 0
R = rng.standard_normal((3, 2, H))


def attention_loss():
    out, _, cache = additive_layer.forward(q_batch, k_batch, batch_mask)
    additive_layer.backward(R, cache)
    return float((out * R).sum())


errors = gradcheck(additive_layer, attention_loss)
print({name: f"{error:.1e}" for name, error in errors.items()})
assert max(errors.values()) < 1e-6

# %% [markdown] slideshow={"slide_type": "slide"} translates="e4e6a66d5c42"
# ## 5. 입력 길이에 따른 정확도: 어텐션이 없을 때와 있을 때
#
# 3절의 뒤집기 모델 두 개로 돌아가, 이번에는 자유 실행으로 디코딩하고(탐욕적 디코딩, 7절) **완전 일치**(exact match)로 채점합니다. 출력 전체가 맞아야 정답입니다.

# %% tags=["nbval-check-output"]
bins = experiments.LENGTH_BINS
for name in ("no attention", "attention"):
    exact = " ".join(f"{a:5.2f}" for a in reversal["accuracy"][name])
    tokens = " ".join(f"{a:5.2f}" for a in reversal["token_accuracy"][name])
    print(f"{name:>12}: exact match {exact} | tokens right (teacher-forced) {tokens}")
print("length bins:", bins)

# %% slideshow={"slide_type": "subslide"}
labels = {"no attention": tr("without attention"), "attention": tr("with attention")}
fig, axes = new_figure(1, 2, figsize=(12, 4.2))
plot_accuracy_by_length(
    bins,
    {labels[name]: curve for name, curve in reversal["accuracy"].items()},
    ax=axes[0],
    title=tr("Exact match"),
)
plot_accuracy_by_length(
    bins,
    {labels[name]: curve for name, curve in reversal["token_accuracy"].items()},
    ax=axes[1],
    title=tr("Share of letters right (teacher-forced)"),
)
_ = axes[1].set_ylabel(tr("share of output letters right"))

# %% [markdown] slideshow={"slide_type": "fragment"} translates="4b3fefdbcb97"
# 어텐션이 없는 모델은 짧은 문자열만 일부 뒤집고 긴 문자열은 하나도 뒤집지 못하며, 맞힌 글자의 비율도 길이가 늘수록 꾸준히 떨어집니다. 어텐션을 더하면 같은 크기의 모델이 모든 길이에서 대부분의 문자열을 정확히 뒤집고, 글자는 거의 다 맞힙니다. 이 모델도 가장 긴 문자열에서는 완전 일치율이 떨어지지만(40글자 가운데 한 글자만 틀려도 출력 전체가 틀립니다, 6절), 어텐션이 없는 모델보다는 훨씬 높습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="7066242ebae4"
# 말할 내용: 같은 크기의 모델에 어텐션만 더했습니다. 오른쪽 패널을 가리킵니다. 맞힌 글자의 비율이 어텐션이 있으면 1 가까이에 머물고, 없으면 떨어집니다. 수강생에게 묻기: *어텐션이 있는데도 완전 일치율은 왜 떨어질까요?* (40글자 가운데 한 글자만 틀려도 문자열 전체가 틀리기 때문입니다.)

# %% slideshow={"slide_type": "skip"}
no_att, att = reversal["accuracy"]["no attention"], reversal["accuracy"]["attention"]
tok_no_att, tok_att = (reversal["token_accuracy"][k] for k in ("no attention", "attention"))
assert np.all(att - no_att > 0.3)  # better at every length, by a margin
assert no_att[-1] < 0.05 and att[-1] > 0.25  # on the longest inputs
assert tok_no_att[0] - tok_no_att[-1] > 0.2  # without attention: falls with length
assert tok_att.min() > 0.9  # with attention: holds

# %% [markdown] slideshow={"slide_type": "subslide"} translates="bb8101455d3b"
# ### 5.1 어텐션으로 날짜 정규화하기
#
# 이제 날짜 과제입니다. GRU 크기는 그대로 두고 덧셈(Bahdanau) 어텐션(16유닛)을 씁니다. 예제 6000개로 6 에포크를 학습하는 데 15초쯤 걸립니다.

# %%
start = time.perf_counter()
date_model, _ = experiments.train_date_model(rng, task=dates)
print(f"trained in {time.perf_counter() - start:.0f} s")
test_right = experiments.exact_match(date_model, dates, dates.test)
held_out_right = experiments.exact_match(date_model, dates, dates.held_out["format"])

# %% tags=["nbval-check-output"]
kinds = np.array(dates.test.kinds)
print(f"exact match on {len(dates.test)} unseen dates: {test_right.mean():.3f}")
for name in dict.fromkeys(dates.test.kinds):
    print(f"  {name:>16}: {test_right[kinds == name].mean():.3f}")
print(f"held-out format ('November 22, 2026'): {held_out_right.mean():.3f}")

# %% slideshow={"slide_type": "skip"}
assert test_right.mean() >= 0.99
assert held_out_right.mean() > 0.8

# %% [markdown] slideshow={"slide_type": "subslide"} translates="793ffdbd46c2"
# 모델이 한 번도 보지 못한 날짜의 99 % 이상이, 모든 형식에서 정확히 맞게 나옵니다. 빼 둔 형식은 더 어려운 문제입니다. 달 이름을 다 적어 맨 앞에 둔 예제는 한 번도 본 적이 없는데도, 모델은 그 날짜들도 대부분 맞힙니다. 보여 준 순서만 익힌 것이 아니라, 달 이름과 일과 연도가 어디에 있든 찾아내는 법을 배운 것입니다. 모델은 어디를 보았을까요? 히트맵은 출력 문자(행)마다 입력 문자(열)에 대한 어텐션 가중치를 보여 줍니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="2947d97c9f0d"
# 말할 내용: 모델은 테스트에 나올 날짜를 한 번도 보지 않고 학습했고, 한 형식은 아예 보지 못했습니다. 수강생에게 묻기: *달을 나타내는 숫자 '3'은 어느 입력 음절을 봐야 할까요?* 그다음 히트맵을 보여 줍니다.

# %%
example = "이천십구년 삼월 일일"
(best,) = translate(date_model, dates, example)
output = dates.decode_target(best.tokens)
ax = plot_attention(best.attention, list(example), list(output) + ["</s>"],
                    title=f"{example} -> {output}")  # fmt: skip
assert output == "2019-03-01"

# %% [markdown] slideshow={"slide_type": "slide"} translates="79cc9b8a00ae"
# ## 6. 교사 강요와 자유 실행: 노출 편향
#
# 모델은 *정답* 접두사로만 학습했습니다. 추론할 때 디코더는 자기 출력을 읽으므로, 첫 실수를 한 뒤에는 학습 때 한 번도 겪지 못한 상황에 놓입니다. 같은 어텐션 모델과 같은 긴 테스트 문자열(21~40글자)에 디코더의 입력을 주는 두 방식을 적용해, 출력 위치마다 맞힌 글자의 비율을 봅니다.

# %%
long_strings = rev_task.test.subset(np.array(rev_task.test.kinds) >= 21)
exposure = experiments.exposure_bias(rev_models["attention"], rev_task, long_strings)
ax = plot_position_accuracy(
    {tr("teacher forcing"): exposure["teacher forcing"][:40],
     tr("free running"): exposure["free running"][:40]},
    title=tr("Reversal with attention: true prefix vs its own prefix"),
)  # fmt: skip
late = slice(20, 40)
print({name: round(float(curve[late].mean()), 3) for name, curve in exposure.items()})

# %% [markdown] slideshow={"slide_type": "fragment"} translates="a20eb249bac7"
# 정답 접두사를 주면 모델은 모든 위치에서 글자를 거의 다 맞힙니다. 자기 접두사를 주면 초반에 한 번 삐끗한 것(글자 하나를 건너뛰거나 되풀이한 것)이 그 뒤를 모두 밀어내고, 오류가 출력을 따라 쌓입니다. 21~40번째 위치의 정답률이 눈에 띄게 낮습니다. 이 차이가 **노출 편향**입니다. 해결책으로는 예정된 샘플링(scheduled sampling: 학습하는 동안 일부 단계에서 모델 자신의 추측을 입력으로 줍니다)과, 추론할 때 접두사를 하나만이 아니라 여러 개 탐색하는 방법(7절)이 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="962174ccd322"
# 말할 내용: 학습 때는 늘 정답 접두사를 주었지만, 테스트 때 모델은 자기 출력을 읽고, 한 번 삐끗하면 그 뒤가 모두 밀립니다. 수강생에게 묻기: *모델이 자기 실수에서 회복하도록 학습시키려면 어떻게 해야 할까요?* (예정된 샘플링)

# %% slideshow={"slide_type": "skip"}
teacher, free = exposure["teacher forcing"], exposure["free running"]
assert teacher[late].mean() > 0.9
assert teacher[late].mean() - free[late].mean() > 0.15
assert np.all(free[:1] == teacher[:1])  # the first step reads the same start token

# %% [markdown] slideshow={"slide_type": "slide"} translates="0c546921f2b3"
# ## 7. 탐욕적 디코딩과 빔 탐색
#
# 탐욕적 디코딩은 단계마다 가장 가능성이 높은 토큰을 고릅니다. 그러다 스스로 갇힐 수 있습니다. 지금 가장 좋아 보이는 토큰이 출력 전체로는 더 나쁜 결과로 이어질 수 있기 때문입니다. **빔 탐색**은 단계마다 (전체 로그 확률 기준으로) 가장 좋은 접두사 `k`개를 유지하고, 각각을 모든 토큰으로 한 칸씩 늘린 다음, 다시 가장 좋은 `k`개를 남깁니다. `</s>`를 쓴 접두사는 끝난 것으로 따로 둡니다. 끝난 가설(hypothesis)들은 로그 확률을 길이로 나눈 값으로 순위를 매깁니다(**길이 정규화**, length normalisation). 토큰이 하나 늘 때마다 로그 확률은 낮아질 수밖에 없어서, 그냥 합하면 짧은 출력이 유리하기 때문입니다. `k = 1`이면 탐욕적 디코딩과 정확히 같습니다.

# %% slideshow={"slide_type": "subslide"} tags=["nbval-check-output"]
text = rev_task.test.sources[int(np.argmax(rev_task.test.kinds))]
print(f"input ({len(text)} letters): {text}\ntarget: {text[::-1]}")
for h in translate(rev_models["attention"], rev_task, text, beam_width=4):
    print(f"  {rev_task.decode_target(h.tokens):<42} log p {h.log_prob:8.3f}  score {h.score:7.4f}")

# %% slideshow={"slide_type": "skip"}
(greedy,) = translate(rev_models["attention"], rev_task, text)
(beam_1,) = translate(rev_models["attention"], rev_task, text, beam_width=1)[:1]
assert np.array_equal(greedy.tokens, beam_1.tokens) and greedy.log_prob == beam_1.log_prob

# %% [markdown] slideshow={"slide_type": "subslide"} translates="a68a666dcd0c"
# 긴 테스트 문자열(31~40글자) 60개에서 둘을 비교하면 어떨까요? 같은 기준으로 비교하기 위해, 여기서는 빔도 길이 정규화 없이 로그 확률 그대로(`length_penalty=0`) 순위를 매깁니다. 탐욕적 디코딩이 한 단계씩 근사하는 바로 그 양입니다.

# %%
sample = longest.subset(np.arange(len(longest)) < 60)
search = experiments.beam_vs_greedy(rev_models["attention"], rev_task, sample, beam_width=4)
for name, result in search.items():
    print(f"{name:>6}: exact match {result['correct'].mean():.3f}, "
          f"mean log p of its output {result['log_prob'].mean():.3f}")  # fmt: skip
gain = search["beam"]["log_prob"] - search["greedy"]["log_prob"]
print(f"beam found a more probable output for {np.sum(gain > 1e-9)} of {len(sample)} strings, "
      f"a less probable one for {np.sum(gain < -1e-9)}")  # fmt: skip

# %% [markdown] slideshow={"slide_type": "fragment"} translates="7d9a3db63375"
# 빔 탐색은 몇몇 문자열에서 출력을 바꿉니다. 대개는 더 확률이 높은 출력으로 바꾸지만 늘 그렇지는 않습니다. 어떤 단계에서 다른 접두사 네 개가 더 좋아 보이다가 나중에 틀어지면, 탐욕적 경로 자체가 폭 4의 빔에서 밀려날 수 있기 때문입니다. 이 모델처럼 글자마다 확신이 강한 모델에서는 탐욕적 디코딩이 이미 빔이 찾는 결과에 가깝고, 완전 일치율은 거의 변하지 않습니다. 빔 탐색은 모델이 여러 이어 쓰기 사이에서 망설이고 그 선택의 결과가 나중에야 드러날 때(실제 문장의 번역) 효과를 봅니다. 단계마다 계산이 약 `k`배 들고, 모델이 모르는 것은 고치지 못합니다. 모델이 가장 확률이 높다고 보는 출력이 틀렸다면, 더 나은 탐색은 그 틀린 답을 더 확실하게 찾아낼 뿐입니다. 대신 길이 정규화 점수로 순위를 매기면(탐색기와 위의 가설 목록의 기본값) 끝난 가설 가운데 어느 것이 이기는지가 달라집니다. 더 긴 출력이, 전체 로그 확률이 더 높은 짧은 출력을 이길 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="65148cb5876b"
# 말할 내용: 빔 탐색은 접두사 k개를 유지하며, k = 1이면 탐욕적 디코딩입니다. 여기서는 답을 거의 바꾸지 않습니다. 모델이 글자마다 확신하고 있기 때문입니다. 수강생에게 묻기: *빔 탐색은 언제 효과를 볼까요?* (초반의 선택이 치르는 대가가 나중에야 드러날 때)

# %% slideshow={"slide_type": "skip"}
assert np.any(np.abs(gain) > 1e-9)  # the beam is not greedy decoding in disguise
assert abs(search["beam"]["correct"].mean() - search["greedy"]["correct"].mean()) <= 0.1

# %% [markdown] slideshow={"slide_type": "skip"} translates="52fb8f0ed26d"
# ## 연습 문제 (Exercises)
#
# ### 연습 문제 1 — 어텐션 순전파
# 내적 어텐션과 쿼리 하나에 대해 `attention_forward(query, keys, mask)`를 작성하세요. 입력은 `query (H,)`, `keys (S, H)`, `mask (S,)`(1은 실제 위치, 0은 패딩)입니다. `(context (H,), weights (S,))`를 돌려주어야 하며, 패딩 위치의 가중치는 정확히 0이어야 하고, 점수가 커도 오버플로가 나면 안 됩니다.


# %% slideshow={"slide_type": "skip"}
def attention_forward(query, keys, mask):
    raise NotImplementedError  # your code here


_ = exercises.check_attention_forward(attention_forward)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def attention_forward_solution(query, keys, mask):
    scores = np.where(mask > 0, keys @ query, -np.inf)
    weights = np.exp(scores - scores.max())
    weights /= weights.sum()
    return weights @ keys, weights


assert exercises.check_attention_forward(attention_forward_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="a5ff543d6074"
# ### 연습 문제 2 — 어텐션 역전파
# `dcontext` $=\partial L/\partial c$ `(H,)`, 쿼리, 키, 그리고 순전파에서 구한 가중치가 주어질 때 `(dquery (H,), dkeys (S, H))`를 돌려주세요. 키는 두 번 쓰인다는 점을 기억하세요. 한 번은 점수에서, 또 한 번은 평균을 내는 값(value)으로서 쓰입니다.


# %% slideshow={"slide_type": "skip"}
def attention_backward(dcontext, query, keys, weights):
    raise NotImplementedError  # your code here


_ = exercises.check_attention_backward(attention_backward)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution: dweights_s = e_s . dc; dscores = a * (dweights - a . dweights);
# dq = K^T dscores; dK = a dc^T (values) + dscores q^T (scores).
def attention_backward_solution(dcontext, query, keys, weights):
    dweights = keys @ dcontext
    dscores = weights * (dweights - weights @ dweights)
    return keys.T @ dscores, np.outer(weights, dcontext) + np.outer(dscores, query)


assert exercises.check_attention_backward(attention_backward_solution)

# %% [markdown] slideshow={"slide_type": "slide"} translates="aa1459ab6ed4"
# ## 8. 어텐션 탐색기
#
# **질문.** "이천십구년 삼월 일일"(2019-03-01)을 고릅니다. 디코더가 달의 두 번째 숫자 "3"을 쓸 때 어느 입력 음절이 가장 큰 어텐션을 받을까요? 그리고 입력에 적혀 있지 않은 숫자인 "2019"의 "0"을 쓸 때는 어디를 볼까요? 먼저 짐작해 본 다음, **단계**(`step`) 슬라이더로 디코딩을 한 단계씩 따라가 보세요. 날짜를 직접 입력해 볼 수도 있고(모델이 본 적 없는 문자가 있으면 그 문자를 알려 주는 메시지가 나옵니다), 빔 탐색으로 바꾸면 가설들과 그 점수를 볼 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="7de08d4526b9"
# 시연: "이천십구년 삼월 일일"을 고르고 달의 '3'까지 단계를 옮깁니다. 2019의 '0'을 쓸 단계로 가기 전에, 그 단계에서 어디를 볼지 수강생에게 예측해 보게 합니다. 모델이 본 적 없는 문자(예: é)가 든 날짜를 입력해 메시지를 보여 줍니다.

# %%
examples = ["이천십구년 삼월 일일", "이천이십육년 십일월 이십이일", "sunday the 22nd of november 2026",
            "Nov 22, 2026", "22/11/2026", "November 22, 2026"]  # fmt: skip
explorer = attention_explorer(date_model, dates, examples)
explorer

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# The row of the month's "3" (output position 6) puts most of its weight on "삼".
(answer,) = translate(date_model, dates, "이천십구년 삼월 일일")
month_row = answer.attention[6]
print(f"'3' looks at '{examples[0][int(np.argmax(month_row))]}' "
      f"(weight {month_row.max():.2f}); the '0' of 2019 looks at "
      f"'{examples[0][int(np.argmax(answer.attention[1]))]}'")  # fmt: skip
assert examples[0][int(np.argmax(month_row))] == "삼"

# %% [markdown] slideshow={"slide_type": "skip"} translates="fe8a5dca9b6a"
# 탐색기의 컨트롤은 코드로도 움직일 수 있습니다. 모델이 본 적 없는 문자가 든 날짜를 넣으면 트레이스백(traceback)이 아니라 그 문자를 알려 주는 메시지가 나옵니다.

# %% slideshow={"slide_type": "skip"}
explorer.controls["step"].value = 4
explorer.controls["search"].value = "beam"
explorer.controls["beam_width"].value = 2
explorer.controls["example"].value = examples[2]
explorer.controls["text"].value = "2026년 12월 25일"
explorer.controls["text"].value = "25 Décembre 2026"
message = explorer.note.value
explorer.controls["text"].value = ""
print(html.unescape(re.sub("<[^>]+>", "", message)))
assert "cannot encode" in message and "é" in message  # a message naming the character

# %% [markdown] slideshow={"slide_type": "slide"} translates="e50167a76461"
# ## 9. 트랜스포머로 가는 한 걸음: 셀프 어텐션
#
# 인코더-디코더에서는 디코더의 상태가 묻고 인코더의 상태들이 답합니다. **셀프 어텐션**(self-attention)에서는 한 시퀀스의 모든 위치가 다른 모든 위치에 묻습니다. 쿼리, 키, 값은 같은 벡터 $X$ `(T, d)`를 세 가지로 사영(projection)한 것이고, 점수는 $1/\sqrt{d}$로 스케일을 조정합니다(Vaswani 외 2017).
#
# $$\operatorname{SelfAttention}(X) = \operatorname{softmax}\!\Big(\frac{(XW_Q)(XW_K)^\top}{\sqrt d}\Big)\, XW_V.$$
#
# 순환이 없습니다. 모든 위치를 한꺼번에 병렬로 계산하고, 어떤 두 위치든 $T$단계가 아니라 한 단계 거리에 있습니다. 여기에 위치 정보와 작은 피드포워드(feed-forward) 층을 더해 쌓으면 트랜스포머가 됩니다. 학습하지 않은 상태로 몇 줄만 써 보면 다음과 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="98c307a67c30"
# 말할 내용: 셀프 어텐션에서는 모든 위치가 다른 모든 위치에 묻습니다. 순환이 없으니 모든 위치를 병렬로 계산하고, 어떤 두 위치든 한 단계 거리입니다. 이 강의는 여기서 트랜스포머에게 바통을 넘깁니다.

# %%
T, d = 5, 8
X = rng.standard_normal((T, d))  # e.g. five embedded tokens
W_Q, W_K, W_V = (rng.standard_normal((d, d)) / np.sqrt(d) for _ in range(3))
Q, K, V = X @ W_Q, X @ W_K, X @ W_V
A_self = softmax(Q @ K.T / np.sqrt(d), axis=-1)  # (T, T): row t = where position t looks
Y = A_self @ V  # (T, d): every position, a mix of all positions

scaled = DotProductAttention(d, scaled=True)
_, lib_self, _ = scaled.forward(Q[:, None], K[:, None])
assert np.allclose(lib_self[:, 0], A_self) and np.allclose(A_self.sum(axis=1), 1.0)
print(A_self)

# %% [markdown] slideshow={"slide_type": "slide"} translates="e89cf35e29bf"
# ## 요약
#
# * **인코더-디코더**는 RNN 하나로 소스를 읽고, 인코더의 마지막 상태에서 출발하는 다른 RNN으로 타깃을 씁니다. 어떤 길이의 입력이든 어떤 길이의 출력으로 옮길 수 있습니다. **교사 강요**로 학습하면 디코더의 모든 단계를 한 번에 계산합니다.
# * 어텐션이 없으면 소스 전체가 크기가 고정된 벡터 하나를 거쳐야 합니다. 뒤집기에서 재 보면, 마지막에 읽은 글자들은 맞게 나오지만 뒤쪽 출력은 우연 수준을 겨우 넘고, 입력이 길어지면 완전 일치율이 무너집니다.
# * **어텐션**은 출력 단계마다 모든 소스 위치에 대한 가중치(점수에 마스크를 씌운 소프트맥스, 패딩은 정확히 0)를 계산하고 그 가중 평균을 읽습니다. 덧셈(Bahdanau) 어텐션과 내적 / 일반(Luong) 어텐션은 점수 함수만 다릅니다. 어텐션을 더하면 같은 크기의 모델이 모든 길이에서 글자를 거의 다 맞히고, 처음 보는 한국어·영어 날짜를 99 % 이상 완전 일치로 정규화합니다.
# * 가중치의 히트맵은 부드러운 **정렬**입니다. 달의 숫자는 "삼"을 봅니다.
# * **노출 편향**: 정답 접두사로 학습한 모델은 자유 실행에서 자기 실수를 키워 나갑니다. **빔 탐색**은 접두사 `k`개를 유지하고, 끝난 가설에 길이 정규화한 로그 확률로 순위를 매깁니다. `k = 1`이면 탐욕적 디코딩입니다. 이 모델처럼 글자마다 확신하는 모델에서는 출력을 몇 개만 바꾸었고, 그것도 늘 더 확률이 높은 쪽으로 바꾸지는 않았으며, 완전 일치율은 탐욕적 디코딩 그대로였습니다.
# * **셀프 어텐션**은 순환 없이 모든 위치가 다른 모든 위치에 어텐션을 주게 합니다. 트랜스포머의 기본 구성 요소입니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 인코더-디코더 (시퀀스-투-시퀀스) | encoder–decoder (sequence-to-sequence) | RNN 하나가 입력을 읽고 다른 RNN이 출력을 씀. 두 길이는 서로 무관함 |
# | 인코더 | encoder | 소스를 읽으며 그 상태들을 간직하는 네트워크 |
# | 디코더 | decoder | 타깃을 토큰 하나씩 쓰는 네트워크 |
# | 병목 | bottleneck | 기본 디코더가 소스를 보는 유일한 통로인, 크기가 고정된 벡터 하나 |
# | 어텐션 (주의 메커니즘) | attention | 출력 단계마다 새로 계산하는, 소스 위치들에 대한 가중치 |
# | 어텐션 가중치 | attention weights | 점수의 소프트맥스. 실제 소스 위치들에 걸쳐 합이 1 |
# | 문맥 벡터 | context vector | 인코더 상태들을 어텐션 가중치로 평균한 벡터 |
# | 정렬 | alignment | 출력 위치가 어느 입력 위치에 대응하는지 |
# | 덧셈 어텐션 (바다나우 어텐션) | additive attention | 점수 $v^\top \tanh(W_q h + W_k e)$ |
# | 내적 어텐션 (루옹 어텐션) | dot-product attention | 점수 $h^\top e$ (또는 "일반(general)" 점수 $h^\top W e$) |
# | 교사 강요 | teacher forcing | 디코더에 정답 이전 토큰을 넣어 학습시키는 것 |
# | 자유 실행 | free running | 추론할 때처럼 디코더가 자기가 바로 전에 쓴 출력을 읽는 것 |
# | 노출 편향 | exposure bias | 정답 접두사로만 학습한 모델은 자기 실수에서 회복하는 법을 배운 적이 없다는 문제 |
# | 탐욕적 디코딩 | greedy decoding | 단계마다 가장 가능성이 높은 토큰을 쓰는 것 |
# | 빔 탐색 | beam search | 단계마다 확률이 가장 높은 접두사 k개를 유지하는 탐색 |
# | 길이 정규화 | length normalisation | 순위를 매기기 전에 가설의 로그 확률을 길이로 나누는 것 |
# | 완전 일치 | exact match | 모든 토큰이 맞아야만 정답으로 치는 채점 방식 |
# | 한자어 수사 | Sino-Korean numerals | 일, 이, 삼, …, 십, 백, 천: 날짜를 읽을 때 쓰는 수 |
# | 셀프 어텐션 | self-attention | 시퀀스가 자기 자신에 대해 하는 어텐션. 트랜스포머의 핵심 |
# | 트랜스포머 | transformer | 순환 없이 셀프 어텐션 층으로 만든 네트워크 |
