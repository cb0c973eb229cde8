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

# %% [markdown] slideshow={"slide_type": "slide"} translates="b45de2360add"
# # 5장: 문자 수준 언어 모델과 텍스트 생성 (Text generation with a character language model)
#
# **언어 모델**(language model)은 다음에 올 수 있는 모든 기호에 확률을 줍니다.
# 텍스트를 한 문자씩 읽으면서 다음 문자를 예측하면 매 시점(time step)마다 출력이 있는
# 다대다(many-to-many) RNN이 됩니다. 그리고 모델이 내놓은 추측을 다시 입력으로 넣으면
# 같은 네트워크가 글을 *씁니다*.
#
# 이 장에서는 파이썬에 함께 들어 있는 실제 텍스트로 이런 모델을 학습하고, 빈도를 세는
# 기준선(baseline)과 공정하게 비교하고, 샘플링 온도를 조절하며 텍스트를 생성해 보고, 작은
# 이름 생성기를 만들고, 네트워크 안에서 따옴표와 공백을 추적하는 유닛을 찾아봅니다. 마지막으로 한국어
# 텍스트를 다루는데, 여기서는 무엇을 "문자"로 볼지부터가 선택의 문제입니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. 문자 수준 언어 모델이 무엇을 예측하는지(`p(x_{t+1} | x_1..x_t)`) 설명하고,
#    이를 **문자당 비트**(bits per character)로 평가합니다.
# 2. add-k 평활화를 쓴 n-gram 기준선(유니그램, 바이그램, ...)을 빈도 계산으로
#    만들고, RNN이 여기에 무엇을 더하는지(그리고 아직 무엇을 더하지 못하는지) 말할 수
#    있습니다.
# 3. 긴 텍스트를 연속된 스트림으로 잘라 **절단된 BPTT**(truncated BPTT)로
#    학습하면서, 은닉 상태를 청크에서 청크로 넘겨줍니다(상태 유지 학습).
# 4. 탐욕적 디코딩과 **샘플링 온도**(temperature)를 쓴 샘플링으로 텍스트를 생성하고,
#    온도가 출력을 어떻게 바꾸는지 예측합니다.
# 5. 텍스트의 간단한 특징(따옴표 안인지, 공백 바로 뒤인지)을 따르는 은닉 유닛을 찾아 보여
#    줍니다.
# 6. 한국어 텍스트를 음절 단위와 자모 단위로 표기하고, 두 어휘를 음절당 비트로 비교합니다.
#
# [2](02_vanilla_rnn.ipynb)장,
# [3](03_bptt_and_vanishing_gradients.ipynb)장,
# [4](04_lstm_and_gru.ipynb)장에서 부품(RNN, BPTT, GRU/LSTM)을
# 만들었습니다. 이 장에서는 그 부품들이 실제 데이터를 만납니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="f4c233268dd5"
# 약 75분이 걸립니다. 탐색기(explorer): 생성(6절), 유닛(8절). n-gram을 설명하는
# 동안 학습이 돌아가므로 강의를 일찍 시작하십시오. 말할 내용: 언어 모델은 다음에 올 모든 문자에
# 확률을 줍니다.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import unicodedata

import numpy as np

from rnnlib.data.korean import (
    NUM_SYLLABLES,
    from_jamo,
    is_syllable,
    jamo_corpus,
    load_korean,
    to_jamo,
)
from rnnlib.data.text import (
    char_features,
    feature_correlations,
    load_names,
    load_python_docs,
    stream_batches,
)
from rnnlib.exercises import ch05 as exercises
from rnnlib.experiments import ch05 as experiments
from rnnlib.generate import bits_per_char, generate, hidden_activations, next_char_distribution
from rnnlib.i18n import set_language, tr
from rnnlib.ngram import CharNGram
from rnnlib.viz import use_course_style
from rnnlib.viz.text import plot_activation_text, plot_bits_per_char, plot_next_char_distribution
from rnnlib.widgets.text import generation_explorer, unit_explorer

use_course_style()
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="5834bc55112d"
# ## 1. 문자 수준 언어 모델이 예측하는 것
#
# 모든 텍스트는 문자의 열 `x_1, x_2, ..., x_N`입니다. 확률의 연쇄 법칙(chain
# rule)은 텍스트 전체의 확률을 문자마다 하나씩의 인수로 나눕니다.
#
# `p(x_1, ..., x_N) = p(x_1) p(x_2 | x_1) p(x_3 | x_1, x_2) ... p(x_N | x_1..x_{N-1})`.
#
# 문자 수준 RNN은 이 인수 하나하나를 추정합니다. `x_1..x_t`를 읽고 나면 은닉
# 상태(hidden state) `h_t`가 지금까지의 내용을 요약하고, 소프트맥스(softmax)
# 층이 `W_hy h_t + b_y`를 어휘(vocabulary) 전체에 대한
# `p(x_{t+1} | x_1..x_t)`로 바꿉니다. 학습은 실제 다음 문자의 교차
# 엔트로피(cross-entropy)를 최소화합니다. [2장](02_vanilla_rnn.ipynb)의
# "hello" 모델과 똑같고, 텍스트만 길어졌을 뿐입니다.
#
# **문자당 비트(bits per character, bpc).** 확률이 `p`인 사건의
# 놀라움(surprise)은 `-log2 p` 비트입니다. 동전 던지기는 1비트, 94개 문자 중
# 아무렇게나 고르는 추측은 `log2 94 ≈ 6.6` 비트입니다. 학습에 쓰지 않은 텍스트에서 모델의
# 점수는 평균 놀라움입니다.
#
# `bpc = -(1/N) sum_t log2 p(x_{t+1} | x_1..x_t)`,
#
# 이는 교차 엔트로피 손실(nat 단위)을 `ln 2`로 나눈 값입니다. 낮을수록 좋습니다. 2
# bpc인 모델은 평균적으로 똑같이 그럴듯한 `2^2 = 4`개 문자 중에서 고르는 만큼 불확실합니다.
# 문자당 비트는 그 모델로 동작하는 압축기가 필요로 하는 크기이기도 해서, 문자 모델의 표준 점수로
# 쓰입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="98c1bdf89acd"
# 말할 내용: 연쇄 법칙은 텍스트의 확률을 문자마다 하나씩의 인수로 나눕니다. 수강생에게 묻기: *문자당 비트란 무엇이고, 94개 문자에 대한 균등한 추측은 몇 점일까요?* (log2 94, 약
# 6.6)

# %% [markdown] slideshow={"slide_type": "slide"} translates="f4feb0cc3691"
# ## 2. 데이터: 파이썬의 도움말 문서
#
# 모든 파이썬 설치본에는 `pydoc_data.topics`가 들어 있습니다.
# `help("assert")`가 출력하는 언어 레퍼런스 약 80쪽입니다. 문법 규칙과 코드 예제가
# 섞인 기술 영어 약 460 000자로, 오프라인으로 쓸 수 있고 파이썬 라이선스를 따릅니다. **한계:** 언어 모델에게는 작은 데이터이고, 문체가 좁으며(모델은 영어 단어만큼이나 쉽게
# `"__init__()"`을 배웁니다), 파이썬 버전마다 조금씩 달라지므로 여기 나오는 숫자는 같은
# 파이썬에서만 비교할 수 있습니다.
#
# `rnnlib.data.text.load_python_docs`는 이 텍스트를 정리합니다(인쇄용
# 따옴표를 ASCII로 바꾸고, 표 테두리와 제목 밑줄을 지웁니다. `-----`처럼 길게 이어지는
# 기호는 예측하기 너무 쉬워서 모든 모델의 점수를 부풀리기 때문입니다). 그다음 시드로 문서 순서를
# 섞고, 마지막 10% 의 문자를 줄바꿈에서 잘라 **검증 텍스트**(validation text)로
# 남겨 둡니다. 대부분 모델이 학습 중에 한 번도 보지 못하는 문서입니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
corpus = load_python_docs(rng=SEED)
vocab = corpus.vocab
train_ids, valid_ids = corpus.encode("train"), corpus.encode("validation")
V = len(vocab)
print(corpus)
print("vocabulary:", "".join(vocab.tokens).replace("\n", "\\n"))
print(f"a blind guess costs log2({V}) = {np.log2(V):.2f} bits per character")

fraction = len(valid_ids) / (len(train_ids) + len(valid_ids))
assert (train_ids.size + valid_ids.size) > 400_000 and 0.09 < fraction < 0.11
assert (corpus.train + corpus.validation).isascii()

# %% slideshow={"slide_type": "fragment"}
print(corpus.validation[:600])

# %% [markdown] slideshow={"slide_type": "slide"} translates="4542b6633657"
# ## 3. 빈도를 세는 기준선 (n-gram baselines)
#
# 무언가를 학습하기 전에, 단순히 세기만 해서 어디까지 갈 수 있는지 물어봅시다. **n-gram
# 모델**은 바로 앞의 `n - 1`개 문자만 보고 다음 문자를 예측합니다. 학습 텍스트에서 그 문맥
# 다음에 각 문자가 얼마나 자주 왔는지를 씁니다.
#
# `p(y | c) = (N(c, y) + k) / (N(c) + k V)`
#
# `N(c, y)`는 문맥 `c` 다음에 `y`가 온 횟수, `N(c)`는 문맥이 나온 횟수이고, **add-k 평활화**(add-k smoothing) 항 `k`는 보지 못한 다음 문자에도 확률이
# 남도록 합니다(이것이 없으면 검증 텍스트에 처음 보는 쌍이 하나만 있어도 비트가 무한대가 됩니다). **유니그램**(unigram, `n = 1`)은 문자 빈도만 알고, **바이그램**(bigram,
# `n = 2`)은 어떤 문자 다음에 어떤 문자가 잘 오는지 압니다.
#
# 다음은 바이그램 모델을 처음부터 만든 것입니다. 빈도를 담은 `V x V` 표입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="389361d1c3e8"
# 말할 내용: 빈도 세기는 강한 기준선입니다. 5-gram은 유니그램보다 2비트 넘게 아낍니다.
# 수강생에게 묻기: *5-gram이 결코 알 수 없는 것은 무엇일까요?* (4문자보다 앞에 있는 것
# 전부. 예를 들어 지금 따옴표 안에 있는지)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
k = 0.1
counts = np.zeros((V, V))
np.add.at(counts, (train_ids[:-1], train_ids[1:]), 1.0)  # counts[previous, next]
bigram_table = (counts + k) / (counts.sum(axis=1, keepdims=True) + k * V)
p_scratch = bigram_table[valid_ids[:-1], valid_ids[1:]]  # p(x_{t+1} | x_t) on held-out text
print(f"bigram from scratch: {-np.mean(np.log2(p_scratch)):.3f} bits per character")

# rnnlib.ngram.CharNGram counts the same pairs (plus a start-of-text context for position 0)
bigram = CharNGram(2, V, k=k).fit(train_ids)
np.testing.assert_allclose(bigram.probabilities(valid_ids)[1:], p_scratch, rtol=1e-12)

# %% [markdown] translates="785919730895"
# `CharNGram`은 실제로 나타난 문맥만 저장하므로 긴 문맥도 부담이 적습니다.
# 차수(order)마다 검증 텍스트에서 점수가 가장 좋은 평활화 값 `k`를 고릅니다. 이렇게 하면
# 기준선이 조금 유리해지지만(평가받는 텍스트에 맞춰 조정되므로), RNN이 기준선을 이기는지가 질문일
# 때는 이쪽이 공정한 방향입니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
baselines, ngram_models = {}, {}
for order in (1, 2, 3, 4, 5):
    scored = {k: CharNGram(order, V, k).fit(train_ids) for k in (1.0, 0.1, 0.01)}
    best_k = min(scored, key=lambda k: scored[k].bits_per_char(valid_ids))
    ngram_models[order] = scored[best_k]
    baselines[order] = scored[best_k].bits_per_char(valid_ids)
    contexts = scored[best_k].num_contexts
    print(f"{order}-gram (k = {best_k:<4}): {baselines[order]:.3f} bpc, {contexts:>7,} contexts")

assert baselines[1] > baselines[2] + 0.5 > baselines[3] + 0.5  # context helps, a lot
assert baselines[5] < baselines[2] - 1.0

# %% [markdown] translates="42f64d85eb5e"
# 문맥은 엄청나게 도움이 됩니다. 바이그램은 유니그램보다 문자당 거의 1비트를 아끼고, 5-gram은
# 거기서 1비트 넘게 더 아낍니다. 하지만 5-gram은 수십만 개 문맥의 표라는 대가를 치르고,
# 4문자보다 앞을 볼 수 없으므로 10문자 전에 열린 따옴표 안에 있다는 것을 알 수 없습니다.
# 5-gram에서 샘플링해 보면 양쪽이 다 보입니다.

# %% slideshow={"slide_type": "fragment"}
print(vocab.decode(ngram_models[5].sample(vocab.encode("The "), 300, rng=SEED, temperature=0.8)))

# %% [markdown] slideshow={"slide_type": "skip"} translates="046f6b566279"
# ### 연습 문제 1: 문자당 비트
#
# `p`에는 모든 위치에서 모델이 실제로 다음에 온 문자에 준 확률이 들어 있습니다.
# `bits_per_char(p)`를 작성하십시오.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def bits_per_char_exercise(p):
    raise NotImplementedError  # your code here


passed = exercises.check_bits_per_char(bits_per_char_exercise)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def bits_per_char_solution(p):
    return float(-np.mean(np.log2(p)))


assert exercises.check_bits_per_char(bits_per_char_solution)

# %% [markdown] slideshow={"slide_type": "slide"} translates="fb8caff1e518"
# ## 4. 긴 텍스트, 짧은 기울기: 상태 유지 학습(stateful training)과 절단된 BPTT
#
# 400 000 시점을 거슬러 역전파할 수는 없습니다. **절단된 BPTT**(truncated
# BPTT)는 텍스트를 예컨대 50자짜리 청크(chunk)로 자르고, 각 청크 안에서만 역전파합니다.
# 하지만 *순방향* 상태까지 자를 필요는 없습니다. 다음 청크가 같은 텍스트를 이어 간다면, 한 청크의
# 마지막 은닉 상태가 바로 다음 청크의 올바른 초기 상태입니다. 그러면 기울기는 많아야 50시점까지만
# 거슬러 가지만, 모델은 끝없이 긴 과거를 봅니다.
#
# 배치의 행이 `B`개이면 텍스트를 길고 연속된 **스트림(stream)** `B`개로 잘라 행마다
# 하나씩 주고, 청크마다 모든 행을 `T`문자씩 전진시킵니다. 청크 `k + 1`의 행 `b`는 청크
# `k`의 행 `b`를 이어 갑니다. id `0..12`, 3개 행, 2시점짜리 청크로 보면 다음과
# 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="4464c95cb08a"
# 말할 내용: 400 000 시점을 거슬러 역전파할 수는 없으니 청크로 자르되, 상태는 앞으로
# 넘겨줍니다. 수강생에게 묻기: *배치의 각 행이 왜 연속된 스트림이어야 할까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
for number, (inputs, targets) in enumerate(stream_batches(np.arange(13), batch_size=3, steps=2)):
    print(f"chunk {number}: inputs (T, B) =", inputs.tolist(), " targets =", targets.tolist())

# %% [markdown] slideshow={"slide_type": "subslide"} translates="72ffb808b959"
# 각 열은 청크를 가로질러 `0 1 2 3`, `4 5 6 7`, `8 9 10 11`로 읽힙니다.
# 스트림 세 개입니다. 텍스트를 반대 방향으로 자르면(행 `b`가 `B`번째 문자마다 하나씩 받으면)
# 각 행은 흩어진 문자를 받게 되고, 상태를 넘겨주는 것이 의미가 없어집니다.
#
# ### 연습 문제 2: 첫 번째 청크
#
# 스트림마다 `L = (len(ids) - 1) // batch_size`개 문자가 있을 때, 첫 번째
# `(inputs, targets)` 쌍을 돌려주는
# `first_chunk(ids, batch_size, steps)`를 작성하십시오. 둘 다 형태가
# `(steps, batch_size)`입니다.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def first_chunk(ids, batch_size, steps):
    raise NotImplementedError  # your code here


passed = exercises.check_stream_chunk(first_chunk)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def first_chunk_solution(ids, batch_size, steps):
    L = (len(ids) - 1) // batch_size
    streams = np.stack([ids[b * L : (b + 1) * L + 1] for b in range(batch_size)], axis=1)
    return streams[:steps], streams[1 : steps + 1]


assert exercises.check_stream_chunk(first_chunk_solution)

# %% [markdown] slideshow={"slide_type": "slide"} translates="a2b556b6e40b"
# ## 5. GRU 언어 모델 학습 (Training a GRU language model)
#
# 모델은 이렇습니다. 문자를 원-핫 벡터(one-hot vector)로 넣고, 128개 유닛의 GRU
# 층 하나([4장](04_lstm_and_gru.ipynb))를 거쳐, 94개 문자에 대한 소프트맥스
# 밀집층(dense layer)으로 출력합니다. `fit(..., stateful=True)`는 각
# 청크의 마지막 상태를 다음 청크로 넘겨줍니다. float32로 Adam을 써서 학습하고, 기울기
# 노름을 5로
# 클리핑하며([3장](03_bptt_and_vanishing_gradients.ipynb)), 텍스트를
# 약 두 번 훑으면(32 x 50 문자짜리 업데이트 500번) 멈춥니다. 검증 점수는 100번
# 업데이트마다 잽니다.
#
# 이 실행은 시드를 받는 함수 하나,
# `experiments.gru_against_ngrams(corpus, rng)`입니다. 주어진
# 분할(여기서는 2절의 분할)에서 이
# GRU(`experiments.train_language_model`)와 최고의 5-gram을 학습
# 텍스트로 학습하고, 둘 다 검증 텍스트로 평가합니다. 테스트는 다른 시드로 만든 다른 분할에서 이
# 함수를 호출하므로, 아래의 주장은 모두 그 분할들에서도 확인되며, 비교는 언제나 같은 조건끼리
# 합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="da631af51eb2"
# 말할 내용: 128개 유닛의 GRU를 1~2분 학습하면 조정된 5-gram(같은 분할에서, 크기가
# 비슷한 모델)과 비슷한 범위에 들어오고, 보통은 조금 뒤처집니다. 수강생에게 묻기: *이 텍스트에서
# 5-gram이 왜 이렇게 강한 상대일까요?* (기술 문서는 같은 구절을 반복합니다)

# %% slideshow={"slide_type": "subslide"}
comparison = experiments.gru_against_ngrams(corpus, rng=SEED)
run = comparison["run"]
model, rnn_bpc = run["model"], comparison["gru_bpc"]
# the same initial weights, kept untrained as a reference for section 8
untrained = experiments.language_model(V, rng=SEED)
BATCH, STEPS = experiments.LANGUAGE_MODEL["batch_size"], experiments.LANGUAGE_MODEL["steps"]
print(f"trained {model.num_parameters():,} parameters in {run['seconds']:.0f} s")

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
five_gram_gap = rnn_bpc - comparison["five_gram_bpc"]
print(f"GRU on the validation text: {rnn_bpc:.2f} bits per character")
for order in (1, 2, 3, 5):
    print(f"  {order}-gram baseline:          {baselines[order]:.2f}")
print(f"GRU minus 5-gram, same split: {five_gram_gap:+.2f} bits per character")

# like with like: the experiment's 5-gram is section 3's best 5-gram, on the same split
assert np.isclose(comparison["five_gram_bpc"], baselines[5])
assert rnn_bpc < baselines[1] - 1.5  # far better than character frequencies
assert rnn_bpc < baselines[2] - 0.8  # and clearly better than the best bigram
assert rnn_bpc < baselines[3]  # and better than a trigram
assert -0.2 < five_gram_gap < 0.55  # in the 5-gram's range (seeds 0-9: -0.09 to +0.40)

# %% slideshow={"slide_type": "subslide"}
window = 20
smooth = np.convolve(run["train_bits"], np.ones(window) / window, mode="valid")
steps_seen = (np.arange(len(smooth)) + window) * BATCH * STEPS
ax = plot_bits_per_char(
    {
        tr("training (moving average)"): (steps_seen, smooth),
        tr("validation"): (run["seen"], run["valid_curve"]),
    },
    {tr("unigram"): baselines[1], tr("bigram"): baselines[2], tr("5-gram"): baselines[5]},
    title=tr("GRU language model on Python's help pages: bits per character"),
)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
five_gram = ngram_models[5]
print(f"5-gram: {five_gram.num_contexts:,} contexts, {five_gram.num_counts:,} nonzero counts")
print(f"GRU:    {model.num_parameters():,} parameters")
assert 0.5 < five_gram.num_counts / model.num_parameters() < 1.5  # similar sizes

# %% [markdown] slideshow={"slide_type": "subslide"} translates="c7c2814dd810"
# RNN이 더해 주는 것을 숫자로 보면 이렇습니다. 유니그램과 바이그램 기준선을 크게 앞지르고
# 트라이그램(trigram)도 넘어섭니다. 조정된 5-gram은 이 텍스트에서 강한 상대입니다(기술
# 문서는 똑같은 구절을 자주 반복하고, 빈도 세기는 그것을 외웁니다). 두 번 훑은 뒤 우리 GRU는,
# 크기가 비슷한 모델인데도(GRU의 매개변수(parameter) 수와 5-gram의 0이 아닌 빈도
# 수를 비교), 5-gram과 비슷한 범위에 들어오며 보통 조금 뒤처집니다. 두 점수 모두 분할에 따라
# 달라집니다. 이 장을 준비하며 시도한 분할들(시드 0-9, GRU와 5-gram은 언제나 같은
# 분할에서 학습하고 평가)에서 5-gram은 문자당 1.6~2.7비트였고, GRU는 5-gram보다
# 많게는 0.09비트 좋았고(10개 분할 중 2개) 많게는 0.40비트 나빴습니다(10개 중 8개).
# 더 큰 네트워크를 더 오래 학습하면 빈도 세기를 앞지릅니다. 6.1절에서 그런 모델을 불러옵니다.
#
# ### 5.1 GRU는 얼마나 멀리 되돌아볼까? (문맥 제거 실험, context ablation)
#
# 5-gram은 결코 4문자보다 앞을 볼 수 없지만, GRU에는 그런 한계가 없습니다. 그렇다면
# GRU는 더 긴 문맥을 실제로 *쓸까요*? 재 봅시다. 검증 텍스트의 임의 위치 2000곳에서
# GRU가 마지막 $k$개 문자만 (0 상태에서부터) 읽게 하고, 다음 문자를 얼마나 잘 예측하는지
# $k = 1, 2, 4, \dots, 64$에 대해 잽니다. $k = n - 1$개 문자를 보는
# n-gram도 같은 위치에서 평가합니다.

# %% slideshow={"slide_type": "subslide"} tags=["nbval-check-output"]
ablation = comparison["ablation"]
by_context = dict(zip(ablation["contexts"], ablation["bpc"], strict=True))
positions = ablation["positions"]
ngram_at = {
    order - 1: experiments.ngram_bits_at(ngram_models[order], valid_ids, positions)
    for order in (2, 3, 4, 5)
}
for k, bpc in by_context.items():
    counted = f"   {k + 1}-gram (sees {k}): {ngram_at[k]:.2f}" if k in ngram_at else ""
    print(f"GRU sees {k:3d} characters: {bpc:.2f} bpc{counted}")
ax = plot_bits_per_char(
    {
        tr("GRU, last k characters"): (ablation["contexts"], ablation["bpc"]),
        tr("n-gram, k = n - 1 characters"): (list(ngram_at), list(ngram_at.values())),
    },
    title=tr("Bits per character when the model may see only the last k characters"),
    xlabel=tr("characters the model may see (k)"),
    log2_x=True,
)

# %% [markdown] slideshow={"slide_type": "fragment"} translates="d0ac54eb39c4"
# 문맥 제거 실험이 보여 주는 것:
#
# * 5-gram과 같은 4문자를 주면 GRU는 5-gram보다 훨씬 나쁩니다(시도한 분할들에서 문자당
#   0.3~0.8비트);
# * 문자를 더 주면 약 16자까지는 크게 좋아집니다;
# * 16자를 넘어서면 거의 얻는 것이 없습니다. 64자일 때의 점수는 16자일 때와 100분의 몇
#   비트 차이입니다;
# * 64자를 보면 4자만 보는 5-gram과 비슷한 범위에 들어갑니다(분할에 따라 0.13비트 좋은
#   것부터 0.37비트 나쁜 것까지).
#
# 즉 작고 짧게 학습한 이 GRU는 마지막 십여 개 문자에서 예측을 얻으며, 긴 문맥을 써서 더 잘
# 예측한다고 주장할 수는 없습니다. (8절에서 더 먼 거리의 특징인 따옴표를 추적하는 유닛을 찾지만,
# 문맥 제거 실험에서는 16자를 넘는 부분에서 측정할 만한 이득이 보이지 않습니다.) 아래의 검사는
# 시도한 모든 분할(시드 0-9)에서 성립합니다.

# %% slideshow={"slide_type": "skip"}
assert by_context[4] > ngram_at[4] + 0.2  # with 4 characters, far behind the 5-gram
assert by_context[4] > by_context[16] + 0.25  # more context helps, up to ~16 characters
assert abs(by_context[16] - by_context[64]) < 0.05  # and hardly beyond
assert -0.25 < by_context[64] - ngram_at[4] < 0.5  # in the range of the 5-gram with 4

# %% [markdown] slideshow={"slide_type": "slide"} translates="116711e1fbfc"
# ## 6. 텍스트 생성: 탐욕적으로, 혹은 샘플링으로, 차갑게 혹은 뜨겁게 (Generating text)
#
# 텍스트를 생성하려면 **시작 문자열**(prime)을 넣고, 다음 문자의 분포를 읽고, 하나를 골라
# 다시 넣기를 반복합니다. 고르는 방법은 다음과 같습니다.
#
# * **탐욕적(greedy) 디코딩**: 언제나 가장 그럴듯한 문자를 고릅니다. 결정적이고, 곧 반복
#   고리에 빠집니다. 어떤 구절이 그 자신의 가장 그럴듯한 이어짐이 되는 순간, 그 구절이 끝없이
#   반복됩니다.
# * **샘플링 온도 `T`로 샘플링**: `softmax(z / T)`에서 뽑습니다.
#   `T = 1`이면 모델 자신의 분포이고, `T < 1`이면 분포가 탐욕적 선택 쪽으로
#   뾰족해지며(더 안전하고 더 반복적), `T > 1`이면 균등 분포 쪽으로 평평해집니다(더 놀랍고
#   철자도 더 많이 틀림).

# %% [markdown] slideshow={"slide_type": "notes"} translates="dd6d91eb35de"
# 말할 내용: 탐욕적 디코딩은 반복 고리에 빠지고, 샘플링 온도로 안전함과 새로움을 맞바꿉니다.
#
# 탐색기에서: 온도 0, 그다음 0.7, 그다음 2. 수강생에게 묻기: *이름을 만들 때는 어떤
# 온도를, 코드를 만들 때는 어떤 온도를 쓸까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
greedy = generate(model, vocab, "The ", 400, temperature=0)


def loop_period(text, tail=100, longest=60):
    """The smallest p such that the last `tail` characters repeat with period p, else None."""
    end = text[-tail:]
    return next((p for p in range(1, longest + 1) if text[-tail - p : -p] == end), None)


print(repr(greedy[:240]))
print("the greedy text ends in a loop of period", loop_period(greedy))
assert loop_period(greedy) is not None

# %% [markdown] translates="cf4758bdecf0"
# 샘플링 한 단계를 손으로 해 봅니다. 시작 문자열을 읽고, 마지막 로짓(logit)을 `T`로
# 나누고, 소프트맥스를 취해서 뽑습니다. `generate`는 정확히 이렇게 한 다음, 뽑은 문자를
# 다시 입력으로 넣습니다.

# %% slideshow={"slide_type": "fragment"}
logits = model.predict(vocab.encode("The ")[:, None])[-1, 0].astype(float)  # (V,)
T = 0.8
p_hand = np.exp((logits - logits.max()) / T)
p_hand /= p_hand.sum()
by_hand = vocab.tokens[np.random.default_rng(5).choice(V, p=p_hand)]
print(f"drawn by hand: {by_hand!r}")
assert by_hand == generate(model, vocab, "The ", 1, temperature=T, rng=5)

# %% slideshow={"slide_type": "fragment"}
for temperature in (0.5, 1.0, 1.5):
    print(f"--- temperature {temperature} ---")
    print(generate(model, vocab, "The ", 240, temperature=temperature, rng=SEED))

# %% [markdown] translates="669b9d2bd75a"
# 온도가 낮은 샘플은 흔한 단어를 다시 쓰고, 높은 샘플은 단어를 지어냅니다. 이것을 셀 수 있습니다.
# 온도가 올라갈수록 생성된 단어 중 학습 텍스트에도 나오는 단어의 비율이 떨어지고, 다음 문자의 분포는
# 평평해집니다(엔트로피가 높아짐).

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
known_words = set(corpus.train.split())
real_share, entropies = {}, {}
for temperature in (0.5, 1.0, 1.5):
    text = generate(model, vocab, "The ", 1200, temperature=temperature, rng=SEED + 1)
    words = text.split()
    real_share[temperature] = np.mean([w in known_words for w in words])
    p = next_char_distribution(model, vocab, "The value of the ", temperature)
    entropies[temperature] = -(p * np.log2(p)).sum()
    print(
        f"T = {temperature}: {real_share[temperature]:.0%} of words seen in training, "
        f"next-character entropy {entropies[temperature]:.2f} bits"
    )

assert real_share[0.5] > real_share[1.5] + 0.15
assert entropies[0.5] < entropies[1.0] < entropies[1.5]

# %% slideshow={"slide_type": "subslide"}
p = next_char_distribution(model, vocab, "The value of the ", temperature=1.0)
ax = plot_next_char_distribution(
    p,
    vocab.tokens,
    top=15,
    title=tr("After 'The value of the ': next-character distribution"),
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="e69709949e78"
# ### 6.1 더 오래 학습하면: 사전 학습 모델 (pretrained model)
#
# 장 안에서는 몇 초밖에 학습할 수 없고, 그래서 위의 샘플은 반쯤만 단어입니다.
# `scripts/pretrain_char_model.py` 스크립트(`make pretrain`)는
# 같은 학습 텍스트로 더 큰 모델을 학습합니다. 256개 유닛의 GRU 층 두 개, 32 x 100
# 문자짜리 배치로 텍스트를 약 일곱 번 훑고, 검증 점수가 가장 좋았던 가중치를 남깁니다. 그
# 가중치(`pretrained/char_gru.npz`, `rnnlib.io`로 저장)와 학습
# 기록(`pretrained/char_gru_log.json`. 스크립트의 처음 몇 번의 업데이트를
# 다시 실행하면 기록의 첫 손실값이 정확히 재현되는지 테스트가 확인합니다)을 저장소에 올려 두었습니다.
# 여기서는 불러오기만 합니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
pretrained, pretrain_log = experiments.load_pretrained(corpus)
pretrained_bpc = bits_per_char(pretrained, valid_ids)
print(
    f"pretrained: {pretrained.num_parameters():,} parameters, "
    f"{pretrain_log['best_update']} updates of {pretrain_log['settings']['batch_size']} x "
    f"{pretrain_log['settings']['steps']} characters"
)
print(f"bits per character on the validation text: pretrained {pretrained_bpc:.2f}, ", end="")
print(f"this chapter's GRU {rnn_bpc:.2f}, 5-gram {baselines[5]:.2f}")
assert np.isclose(pretrained_bpc, pretrain_log["best_valid_bpc"], atol=1e-4)  # same text
assert pretrained_bpc < rnn_bpc - 0.25 and pretrained_bpc < baselines[5] - 0.25

# %%
log_curve = np.array(pretrain_log["valid_bpc"])
chars_per_update = pretrain_log["settings"]["batch_size"] * pretrain_log["settings"]["steps"]
ax = plot_bits_per_char(
    {
        tr("pretrained model (validation)"): (
            log_curve[:, 0] * chars_per_update,
            log_curve[:, 1],
        ),
        tr("this chapter's GRU (validation)"): (run["seen"], run["valid_curve"]),
    },
    {tr("5-gram"): baselines[5]},
    title=tr("A longer run: validation bits per character (from the committed training log)"),
)

# %%
for label, lm in (("this chapter's GRU", model), ("pretrained model", pretrained)):
    print(f"--- {label}, temperature 0.8 ---")
    print(generate(lm, vocab, "The ", 300, temperature=0.8, rng=SEED))

# %% [markdown] translates="2ef59ac96816"
# 사전 학습 모델은 이 장의 GRU와 5-gram 둘 다보다 문자당 약 3분의 1비트 낮은 점수를
# 냅니다. 샘플은 더 잘 짜여 있지만(실제 단어가 더 길게 이어지고, 괄호 짝이 맞는
# `object.__...__(self, other)` 같은 코드 조각도 나옵니다), 여전히 말이 되는
# 글과는 거리가 멉니다. 문자당 2.1비트라면 모델은 매 시점 약 네 개의 문자 가운데 무엇이 올지
# 확신하지 못합니다. 위에서처럼 실제 단어의 수를 세어 보면 이 발전이 얼마나 작은지 알 수 있습니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
pretrained_share = np.mean(
    [
        w in known_words
        for w in generate(pretrained, vocab, "The ", 1200, temperature=1.0, rng=SEED + 1).split()
    ]
)
print(
    f"T = 1.0: {pretrained_share:.0%} of words seen in training (this chapter's GRU: "
    f"{real_share[1.0]:.0%})"
)
assert pretrained_share > real_share[1.0]  # a little higher, no more

# %% [markdown] slideshow={"slide_type": "slide"} translates="a953aec796ec"
# ### 탐색기: 샘플링 온도, 시드, 시작 문자열
#
# 모델을 고르고, 온도를 0(탐욕적)에서 2까지 움직이면서 텍스트가 반복 고리에서, 뜻은 별로 없는
# 실제 단어의 연속(낮은 온도. 위의 알려진 단어 비율 참고)을 거쳐, 지어낸 단어로, 그리고 의미
# 없는 문자열로 바뀌는 것을 보십시오. 시드를 바꾸면 다른 샘플을 뽑고, 시작 문자열을 직접 입력할
# 수도 있습니다(Enter를 누르십시오). 막대는 그 온도에서 첫 번째로 생성되는 문자의 분포를 보여
# 줍니다.
#
# **질문.** 온도를 0(탐욕적)으로 끌어 보십시오. 그림 아래의 텍스트는 어떻게 될까요? 그다음
# 2.0으로 끌어 보십시오. 온도 0.5일 때와 비교해 몇 개의 문자가 막대(확률 1% 이상)를
# 얻을까요? (막대는 0-1로 고정된 축 위에 있고, 빗금 친 막대는 이 시드가 처음 뽑는
# 문자입니다.)

# %%
generation_widget = generation_explorer(
    {tr("this chapter's GRU"): model, tr("pretrained"): pretrained},
    vocab,
    prime="The value of ",
    length=160,
)
generation_widget

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# greedy decoding ends in a loop: the same stretch of text repeats until the end.
# At temperature 2.0 many more characters get at least 1 % than at 0.5: a high temperature
# flattens the distribution, so unlikely characters are drawn and the text turns to noise.
greedy = generate(model, vocab, "The value of ", 160, temperature=0.0, rng=0)
period = next(
    (p for p in range(1, 60) if greedy[-p:] == greedy[-2 * p : -p] == greedy[-3 * p : -2 * p]),
    None,
)
assert period is not None, greedy
with_a_bar = {
    t: int(np.sum(next_char_distribution(model, vocab, "The value of ", t) >= 0.01))
    for t in (0.5, 2.0)
}
assert with_a_bar[2.0] > 2 * with_a_bar[0.5], with_a_bar
# %% [markdown] slideshow={"slide_type": "skip"} translates="58d6e75e64c3"
# ### 연습 문제 3: min-char-rnn 처음부터 만들기
#
# Karpathy의 `min-char-rnn.py`는 numpy 약 100줄로 된 문자 수준 기본
# RNN(vanilla RNN)입니다. 매개변수 `W_xh (H, V)`, `W_hh (H, H)`,
# `W_hy (V, H)`, `b_h (H,)`, `b_y (V,)`가 딕셔너리에 담긴 네트워크로,
# 직접 세 함수로 작성해 보십시오.
#
# 1.
#    `min_char_rnn_loss(inputs, targets, h_prev, params) -> (loss, grads, h_last)`:
#    청크에 대한 순방향 계산(입력이 원-핫이므로
#    `h_t = tanh(W_xh[:, x_t] + W_hh h_{t-1} + b_h)`, 그다음
#    `p_t = softmax(W_hy h_t + b_y)`), nat 단위로 **합한** 교차
#    엔트로피, 그리고 시간에 따른 역전파(BPTT,
#    [3장](03_bptt_and_vanishing_gradients.ipynb)).
#    `grads`는 `params`와 키와 형태가 같고, `h_last`는 마지막 은닉 상태입니다.
# 2.
#    `min_char_rnn_sample(params, h, seed_id, n, rng) -> ids`:
#    `seed_id`를 넣고, `p`에서 다음 id를 뽑아 다시 넣기를 `n`번 하고, 뽑은 id
#    `n`개를 돌려줍니다.
# 3.
#    `min_char_rnn_train(ids, vocab_size, num_updates, rng) -> params`:
#    은닉 크기 64, 가중치는 `N(0, 0.01^2)`에서
#    뽑고(`np.random.default_rng(rng)`), 편향은 0입니다. 25문자짜리
#    청크를 순서대로 읽으면서 `h`를 청크에서 청크로 넘기고(텍스트가 끝나면 0으로 초기화), 각
#    기울기를 `[-5, 5]`로 자르고, 학습률(learning rate) 0.1의 **Adagrad**를 씁니다: `memory += g**2`,
#    `param -= 0.1 * g / np.sqrt(memory + 1e-8)`.
#
# 검사는 작은 네트워크에서 여러분의 손실에 대해 기울기 검사(gradient check)를 하고,
# 샘플러를 시험한 다음, 여러분의 루프로 1000번 업데이트(25 000자, 몇 초)를 학습해서 검증
# 텍스트에서 문자당 4.5비트에 도달하는지 봅니다(유니그램 모델은 약 4.7, 아무렇게나 하는 추측은
# 6.6입니다). (`make bench`는 rnnlib과 여러분의 것과 같은 루프의 속도를 잽니다.
# `benchmarks/char_rnn.py`는 둘이 같은 가중치에서 같은 손실과 기울기를 계산하는지
# 확인한 뒤, 업데이트당 속도를 비교합니다.)


# %% slideshow={"slide_type": "skip"}
def min_char_rnn_loss(inputs, targets, h_prev, params):
    raise NotImplementedError  # your code here


def min_char_rnn_sample(params, h, seed_id, n, rng):
    raise NotImplementedError  # your code here


def min_char_rnn_train(ids, vocab_size, num_updates, rng):
    raise NotImplementedError  # your code here


passed = exercises.check_min_char_rnn(
    min_char_rnn_loss, min_char_rnn_sample, min_char_rnn_train, train_ids, valid_ids
)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def min_char_rnn_loss_solution(inputs, targets, h_prev, params):
    W_xh, W_hh, W_hy, b_h, b_y = (params[k] for k in ("W_xh", "W_hh", "W_hy", "b_h", "b_y"))
    hs, ps, loss = {-1: h_prev}, {}, 0.0
    for t, (x, y) in enumerate(zip(inputs, targets, strict=True)):
        hs[t] = np.tanh(W_xh[:, x] + W_hh @ hs[t - 1] + b_h)  # one-hot input: a column
        logits = W_hy @ hs[t] + b_y
        ps[t] = np.exp(logits - logits.max())
        ps[t] /= ps[t].sum()
        loss -= np.log(ps[t][y])
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    dh_next = np.zeros_like(h_prev)
    for t in reversed(range(len(inputs))):
        dy = ps[t].copy()
        dy[targets[t]] -= 1  # softmax + cross-entropy
        grads["W_hy"] += np.outer(dy, hs[t])
        grads["b_y"] += dy
        da = (1 - hs[t] ** 2) * (W_hy.T @ dy + dh_next)  # from the output and from t + 1
        grads["b_h"] += da
        grads["W_xh"][:, inputs[t]] += da
        grads["W_hh"] += np.outer(da, hs[t - 1])
        dh_next = W_hh.T @ da
    return loss, grads, hs[len(inputs) - 1]


def min_char_rnn_sample_solution(params, h, seed_id, n, rng):
    ids, current = [], seed_id
    for _ in range(n):
        h = np.tanh(params["W_xh"][:, current] + params["W_hh"] @ h + params["b_h"])
        logits = params["W_hy"] @ h + params["b_y"]
        p = np.exp(logits - logits.max())
        current = int(rng.choice(len(p), p=p / p.sum()))
        ids.append(current)
    return ids


def min_char_rnn_train_solution(ids, vocab_size, num_updates, rng, hidden=64, steps=25):
    rng = np.random.default_rng(rng)
    params = {
        "W_xh": rng.normal(0, 0.01, (hidden, vocab_size)),
        "W_hh": rng.normal(0, 0.01, (hidden, hidden)),
        "W_hy": rng.normal(0, 0.01, (vocab_size, hidden)),
        "b_h": np.zeros(hidden),
        "b_y": np.zeros(vocab_size),
    }
    memory = {k: np.zeros_like(v) for k, v in params.items()}
    h, start = np.zeros(hidden), 0
    for _ in range(num_updates):
        if start + steps + 1 > len(ids):
            h, start = np.zeros(hidden), 0  # back to the beginning of the text
        chunk = ids[start : start + steps + 1]
        _, grads, h = min_char_rnn_loss_solution(chunk[:-1], chunk[1:], h, params)
        for k, param in params.items():
            np.clip(grads[k], -5, 5, out=grads[k])
            memory[k] += grads[k] ** 2
            param -= 0.1 * grads[k] / np.sqrt(memory[k] + 1e-8)  # Adagrad
        start += steps
    return params


assert exercises.check_min_char_rnn(
    min_char_rnn_loss_solution,
    min_char_rnn_sample_solution,
    min_char_rnn_train_solution,
    train_ids,
    valid_ids,
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="99a0eda3a9e8"
# ## 7. 이름 생성기 (A name generator)
#
# 같은 방법을 다른 텍스트에 적용합니다. `faker` 패키지(일반 `en` 로케일, MIT
# 라이선스)의 영어 이름(first name) 6 800개를 한 줄에 하나씩 둔 텍스트입니다. 줄바꿈이
# 이름의 끝을 표시하므로 모델은 언제 멈출지 배우고, `"\n"` 다음에 샘플링하면 새 이름이
# 시작됩니다. **한계:** 이 목록은 흔한 영어 이름의 표본이고 대부분 미국 이름입니다. 검증용으로는
# 이름을 통째로 떼어 두므로, 점수는 모델이 한 번도 보지 못한 이름에 얼마나 잘 일반화하는지를
# 잽니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="6f59b38ba462"
# 말할 내용: 같은 방법을 이름에 씁니다. 줄바꿈이 이름의 끝을 표시합니다. 수강생에게 묻기: *모델이
# 학습한 이름을 그냥 베끼지 않는다는 것을 어떻게 확인할까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
names = load_names("en", rng=SEED)
name_train, name_valid = names.encode("train"), names.encode("validation")
print(names)
name_baselines = {
    order: experiments.best_ngram_bpc(
        name_train, name_valid, len(names.vocab), order, (1.0, 0.1, 0.01)
    )
    for order in (1, 2, 3)
}
# a GRU with 64 units, trained as above (Adam, stateful chunks, clipping) for 3 passes over
# chunks of 32 x 25 characters; the tests re-run this function with other seeds
name_model, name_bpc = experiments.train_name_generator(names, rng=SEED)
print(
    f"GRU on held-out names: {name_bpc:.2f} bpc; baselines: "
    + ", ".join(f"{n}-gram {b:.2f}" for n, b in name_baselines.items())
)
assert name_bpc < name_baselines[2] - 0.2

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
samples = experiments.sample_names(name_model, names.vocab, 24, temperature=0.8)
generated = [s.strip() for s in samples]
seen_names = set(names.train.split())
new = [g for g in generated if g not in seen_names]
print("generated:", ", ".join(generated))
print(f"{len(new)} of {len(generated)} are not in the training list:", ", ".join(new))
assert np.mean([s.endswith("\n") and s[:1].isupper() for s in samples]) > 0.8
assert len(new) >= len(generated) // 3

# %% [markdown] slideshow={"slide_type": "subslide"} translates="0c921d79a328"
# 샘플 대부분은 이름처럼 보이고 대부분은 새 이름입니다. 모델은 베낄 목록이 아니라, 어떤 글자로
# 이름이 시작하는지, 어떤 글자 묶음이 흔한지, 이름이 어떻게 끝나는지를 배웠습니다. 다만 데이터의
# 한계도 그대로 물려받습니다. 42 000자는 적은 양이고, 몇몇 샘플은 발음하기 어려우며, 처음 보는
# 이름에서는 트라이그램보다 조금 나을 뿐입니다.
#
# ## 8. 안을 들여다보기: 해석 가능한 유닛 (interpretable units)
#
# Karpathy, Johnson, Fei-Fei(2015)는 문자 모델에서 따옴표 안에서 켜지거나,
# 줄 안의 위치를 세거나, 괄호가 얼마나 깊이 중첩됐는지 추적하는 LSTM 유닛 하나하나를
# 찾아냈습니다. 우리 GRU에서도 그런 유닛을 찾아봅시다. 검증 텍스트의 문자마다 간단한 특징(따옴표
# 안, 괄호 안, 공백 뒤, 줄 안의 위치, ...)을 계산하고, 모든 유닛의 활성값과 모든 특징의
# 상관관계를 구합니다. 상관계수(correlation coefficient) `r`가 ±1에 가까운
# 유닛은 그 특징을 밀접하게 따릅니다.
#
# 중요한 비교 대상은 *학습 전* 의 같은 네트워크입니다. 어떤 특징은 무작위 가중치로도 쉽게
# 드러나므로(입력 "공백"은 무작위 네트워크의 은닉 상태를 일정한 방향으로 움직입니다), 학습하지 않은
# 네트워크를 이길 때만 *학습된* 유닛으로 칩니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
probe_text = corpus.validation[:6000]
features = char_features(probe_text)
trained_r = feature_correlations(hidden_activations(model, vocab, probe_text), features)
random_r = feature_correlations(hidden_activations(untrained, vocab, probe_text), features)
for name in features:
    best = int(np.argmax(np.abs(trained_r[name])))
    print(
        f"{name:<19} best unit {best:>3}: r = {trained_r[name][best]:+.2f}   "
        f"(untrained network: max |r| = {np.abs(random_r[name]).max():.2f})"
    )

quote_gain = np.abs(trained_r["inside quotes"]).max() - np.abs(random_r["inside quotes"]).max()
assert quote_gain > 0.1  # training created a unit that tracks quotation marks

# %% [markdown] translates="de5e4d92476e"
# 학습을 거쳐, 학습하지 않은 네트워크의 어떤 유닛보다도 따옴표를 훨씬 밀접하게 따르는 유닛이
# 생겼습니다. 따옴표 안에 있는지는 여러 문자 앞에 있을 수 있는 여는 따옴표에 달려 있고, 이것은
# 어떤 5-gram도 나타낼 수 없습니다. 상관관계가 완벽하지는 않지만(이 텍스트의 인용은 짧고, 유닛
# 하나가 특징을 혼자 담는 경우는 드뭅니다), 따옴표에서 유닛이 바뀌는 것을 볼 수 있습니다. 빨강은
# 양수, 파랑은 음수입니다.

# %% slideshow={"slide_type": "subslide"}
quote_unit = int(np.argmax(np.abs(trained_r["inside quotes"])))
excerpt = probe_text[:640]
ax = plot_activation_text(
    excerpt,
    hidden_activations(model, vocab, excerpt)[:, quote_unit],
    columns=80,
    vmax=1.0,
    title=tr(
        "Unit {unit} (best 'inside quotes' unit) while reading validation text", unit=quote_unit
    ),
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="f804140f2a7a"
# ### 탐색기: 유닛 고르기
#
# 목록은 각 특징을 가장 잘 따르는 유닛들(상관계수와 함께)로 시작하고, 그다음에 나머지 유닛이 모두
# 나옵니다. 많은 유닛에는 단순한 의미가 없는데, 이것은 정상입니다. 네트워크는 아는 것 대부분을 여러
# 유닛에 나누어 담습니다. 모델 메뉴에서는 6.1절의 사전 학습 모델의 첫 번째 층으로 바꿀 수 있고,
# 그 층에는 그 층의 유닛 목록이 있습니다.
#
# **질문.** 목록의 첫 번째 유닛이 자기 특징을 가장 잘 따릅니다. 그 유닛을 고르십시오. 특징이
# 성립하는 곳에서 유닛 값이 높을까요(빨강), 낮을까요(파랑)? 그다음 목록 끝의 유닛을 고르십시오.
# 그 곡선은 어떻게 다를까요?

# %% [markdown] slideshow={"slide_type": "notes"} translates="b929141ec0c3"
# 말할 내용: 어떤 유닛은 따옴표 안에 있는지처럼 멀리 앞의 문자에 달린 특징을 따릅니다. 탐색기에서
# 따옴표 유닛을 고르십시오. 수강생에게 묻기: *단순한 의미가 없는 유닛이 있다고 해서 왜 네트워크가
# 고장 난 것은 아닐까요?*

# %%
unit_widget = unit_explorer(
    {tr("this chapter's GRU"): model, tr("pretrained (first layer)"): pretrained},
    vocab,
    probe_text,
    show_chars=500,
)
unit_widget

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# the sign of r in the list says it: r > 0, red where the feature holds; r < 0,
# blue. The best unit follows its feature clearly (|r| > 0.5), while the units at the end
# of the list correlate with no feature above 0.3: their curves follow no visible pattern.
best_unit, best_feature, best_r = unit_widget.ranked_units[0]
feature_on = char_features(probe_text)[best_feature] > 0
activations = hidden_activations(model, vocab, probe_text)[:, best_unit]
on_minus_off = activations[feature_on].mean() - activations[~feature_on].mean()
assert abs(best_r) > 0.5 and np.sign(on_minus_off) == np.sign(best_r), (best_r, on_minus_off)
last_unit = unit_widget.controls["unit"].options[-1][1]
strongest = max(abs(r[last_unit]) for r in unit_widget.correlations.values())
assert strongest < 0.3, strongest

# %% [markdown] slideshow={"slide_type": "slide"} translates="c8779d187feb"
# ## 9. 데이터로서의 한국어: 음절이냐 자모냐? (Korean text as data: syllables or jamo?)
#
# 영어 문자 모델에는 기호가 100개도 필요하지 않습니다. 한국어는 한, 국, 어처럼 음절 단위의 글자
# 블록으로 씁니다. 유니코드에는 미리 조합된 한글 음절(Hangul syllable)이 11,172개
# 있습니다. 초성(19) x 중성(21) x 종성 또는 종성 없음(28)의 모든 조합이 하나씩입니다.
# 그리고 각 블록은 2개 또는 3개의 글자, 즉 **자모**(jamo)의 열이기도 합니다.
# 한 = ㅎ + ㅏ + ㄴ. 그래서 한국어 문자 모델에는 자연스러운 어휘가 두 가지 있습니다.
#
# * **음절(syllable)**: 블록 하나가 기호 하나입니다. 단어 하나에 드는 시점 수가 적지만
#   어휘가 크고, 학습 텍스트에 한 번도 나오지 않은 음절은 한 번도 목표(target)가 되지
#   않으므로 모델이 그 음절을 예측하도록 배울 수 없습니다.
# * **자모**: 표준 라이브러리의 `unicodedata.normalize("NFD", ...)`가
#   모든 블록을 조합형 자모(conjoining jamo)로 분해합니다. 기호는 수십 개뿐이고,
#   텍스트는 약 두 배로 길어지며, 화면에 보여 줄 때는
#   `unicodedata.normalize("NFC", ...)`가 블록을 다시 조립합니다.
#
# 분해는 산수입니다. 음절에는 가(U+AC00)부터 초성, 중성, 종성 순서로 번호가 매겨져 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="ed6a61dc2c7e"
# 말할 내용: 한국어에서는 문자 모델의 기호를 고를 수 있습니다. 음절 블록이나, 그 안의 글자입니다.
# 수강생에게 묻기: *어느 어휘가 더 잘 예측할까요? 그리고 어느 쪽이 한 번도 본 적 없는 음절을 쓸
# 수 있을까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
word = "한국어"
jamo = unicodedata.normalize("NFD", word)
print(f"{word}: {len(word)} syllables -> {len(jamo)} jamo:", " ".join(jamo))
print("code points:", " ".join(f"U+{ord(char):04X}" for char in jamo))
assert to_jamo(word) == jamo and from_jamo(jamo) == word == unicodedata.normalize("NFC", jamo)

# the same by arithmetic: syllable number = (lead * 21 + vowel) * 28 + tail
number = ord("한") - 0xAC00
lead, vowel, tail = number // (21 * 28), number // 28 % 21, number % 28
by_hand = chr(0x1100 + lead) + chr(0x1161 + vowel) + (chr(0x11A7 + tail) if tail else "")
print(f"한 = syllable {number}: lead {lead}, vowel {vowel}, tail {tail} ->", " ".join(by_hand))
assert by_hand == to_jamo("한") and NUM_SYLLABLES == 19 * 21 * 28 == 11_172

# %% [markdown] slideshow={"slide_type": "subslide"} translates="370f21c48a51"
# **데이터.** `faker` 패키지의 `ko_KR` 제공자(provider)가 시드를 준
# `Faker`로 뽑은 한국어 이름, 주소, 회사 이름, 직업명, 나라 이름을 한 줄에 하나씩 둔
# 텍스트입니다(오프라인, MIT 라이선스).
# `rnnlib.data.korean.load_korean`은 서로 다른 줄을 한 번씩만 남기고, 줄의
# 10% 를 검증 텍스트로 떼어 둡니다. 그래서 검증용으로 떼어 둔 직업명이나 나라 이름이 학습
# 텍스트에 한 번도 나오지 않는 음절을 가져올 수 있습니다. `jamo_corpus`는 같은 분할을
# 자모로 표기합니다. **한계:** 이것은 산문이 아니라 목록 데이터입니다(문장도, 조사도 없습니다).
# faker는 항목이 몇백 개인 고정된 목록에서 뽑기 때문에 코퍼스 전체에 쓰이는 음절도 몇백
# 개뿐입니다. 주소와 회사 이름은 무작위 조합이지 실제 장소가 아닙니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
korean = load_korean(rng=SEED)
korean_jamo = jamo_corpus(korean)
print(korean)
print(korean.validation[:160])

train_syllables = {char for char in korean.train if is_syllable(char)}
valid_syllables = [char for char in korean.validation if is_syllable(char)]
unseen_syllables = [char for char in valid_syllables if char not in train_syllables]
unseen_jamo = [char for char in korean_jamo.validation if char not in set(korean_jamo.train)]
print(
    f"vocabulary: {len(korean.vocab)} syllables and other characters "
    f"({len(train_syllables)} syllables in training, {len(train_syllables) / NUM_SYLLABLES:.1%} "
    f"of the {NUM_SYLLABLES:,}); {len(korean_jamo.vocab)} jamo and other characters"
)
print(
    f"validation: {len(valid_syllables):,} syllables, {len(unseen_syllables)} of them never in "
    f"training ({''.join(unseen_syllables)}); jamo never in training: {len(unseen_jamo)}"
)
assert len(korean.vocab) > 5 * len(korean_jamo.vocab) and len(korean_jamo.vocab) < 80
assert len(train_syllables) < 0.05 * NUM_SYLLABLES  # most syllables never occur
assert len(unseen_syllables) >= 2 and len(unseen_jamo) <= 2
assert len(unseen_jamo) < len(unseen_syllables)
assert not unseen_jamo  # this split: every validation jamo occurs in training

# %% [markdown] slideshow={"slide_type": "subslide"} translates="ee7e69297039"
# 음절 어휘는 일곱 배 크지만, 그래도 검증 텍스트의 음절 일부를 놓칩니다. 자모 어휘가 놓치는 것은
# 많아야 드문 자모 한두 개입니다(이 분할에서는 하나도 없습니다). 학습 텍스트에 없던 음절도 모두
# 학습 텍스트에 있는 자모로 표기됩니다.
#
# **두 모델, 같은 단위.** 표기 방식마다 같은 작은 GRU(유닛 64개, Adam, 상태를 넘기는
# 청크, 클리핑, 6번 훑기. 자모 청크는 두 배로 길어서 업데이트마다 두 모델이 읽는 텍스트 구간은
# 거의 같습니다)를 학습하고, 기준선으로 최고의 n-gram(음절: 차수 1-3, 자모: 차수 1-6,
# 3절처럼 평활화는 검증 텍스트에 맞춰 조정)을 만듭니다. 문자당 비트로는 둘을 비교할 수 없습니다.
# 자모 모델은 음절 하나에 대해 약 두 번 예측하기 때문입니다. 그래서 둘 다 **음절당
# 비트**(bits per syllable)로 평가합니다. 자모 모델이 한 음절에 쓰는 비트는 그
# 음절의 자모들에 쓴 비트의 합
# `-log2 p(ㅎ) - log2 p(ㅏ | ㅎ) - log2 p(ㄴ | ㅎㅏ)`이고, 이는 모델이
# 블록 전체에 주는 확률의 `-log2`와 같습니다. 이 실행은 시드를 받는 함수 하나,
# `experiments.syllables_against_jamo`이고, 테스트는 다른 시드로 이것을
# 반복합니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
korean_run = experiments.syllables_against_jamo(korean, rng=SEED)
korean_models = korean_run["models"]
print(f"{'':10}{'GRU':>6}{'n-gram':>9}{'parameters':>12}   (bits per syllable)")
for spelling in ("syllable", "jamo"):
    print(
        f"{spelling:10}{korean_run['gru_bits'][spelling]:6.2f}{korean_run['ngram_bits'][spelling]:9.2f}"
        f"{korean_models[spelling].num_parameters():12,}"
        f"   (best n-gram: order {korean_run['ngrams'][spelling].order})"
    )
print(
    f"the {korean_run['unseen_syllables']} unseen syllables cost the GRUs "
    + ", ".join(f"{s} {b:.1f}" for s, b in korean_run["unseen_bits"].items())
    + " bits each"
)
gru_bits, ngram_bits = korean_run["gru_bits"], korean_run["ngram_bits"]
assert gru_bits["syllable"] < gru_bits["jamo"] - 0.5  # syllables win, by more than half a bit
assert ngram_bits["syllable"] < ngram_bits["jamo"] - 0.5  # and with counting too
assert all(gru_bits[s] < ngram_bits[s] - 0.2 for s in gru_bits)  # each GRU beats its n-gram
sizes = {s: korean_models[s].num_parameters() for s in korean_models}
assert sizes["syllable"] > 3 * sizes["jamo"]
for spelling, bits in korean_run["unseen_bits"].items():  # unseen syllables: expensive for both
    assert bits > 12 and bits > 2.5 * gru_bits[spelling]

# %% [markdown] slideshow={"slide_type": "subslide"} translates="584956440301"
# 이 텍스트에서는 음절 어휘가 이깁니다. GRU로도(시드 0-3의 분할에서 1.06~1.17비트),
# 빈도 세기로도(0.75~0.97비트) 음절당 0.5비트 넘게 앞섭니다. 이 텍스트는 faker 목록의
# 음절 몇백 개를 되풀이합니다. 음절 모델은 블록 하나를 한 시점에 예측하는 반면, 자모 모델은 같은
# 짧은 학습 안에서 먼저 어떤 자모끼리 어울리는지부터 배워야 합니다. 대신 음절 모델은 크기로 대가를
# 치릅니다. 입력 가중치와 출력 가중치에 기호마다 행이 하나씩 있으므로 매개변수가 세 배 넘게
# 많습니다. 학습 텍스트에 없던 몇 안 되는 음절은 두 모델 모두에게 비쌉니다(하나에 12비트 넘게,
# 평균의 몇 배). 새 음절을 *쓸 수 있다고* 해서 자모 모델이 그 음절을 *예상하는* 것은
# 아닙니다.
#
# 자모 모델이 다른 점은 무엇을 쓰느냐에 있습니다. 두 모델의 샘플입니다. 각 줄은 줄바꿈으로
# 시작하고, 자모 샘플은 보여 주기 위해 NFC로 다시 조립했습니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
korean_samples = {
    "syllable": experiments.sample_lines(korean_models["syllable"], korean.vocab, 12, 40),
    "jamo": [
        from_jamo(line)
        for line in experiments.sample_lines(korean_models["jamo"], korean_jamo.vocab, 12, 80)
    ],
}
new_syllables, loose_jamo = {}, {}
for spelling, lines in korean_samples.items():
    written = "".join(lines)
    new_syllables[spelling] = [c for c in written if is_syllable(c) and c not in train_syllables]
    loose_jamo[spelling] = [c for c in written if 0x1100 <= ord(c) <= 0x11FF]  # left unjoined
    print(f"--- {spelling} model ---")
    print("\n".join(lines))
    print(
        f"syllables not in the training text: {len(new_syllables[spelling])} "
        f"({''.join(new_syllables[spelling])}); jamo that form no block: {len(loose_jamo[spelling])}"
    )
assert not new_syllables["syllable"] and new_syllables["jamo"]
num_written = sum(is_syllable(c) for c in "".join(korean_samples["jamo"]))
assert len(loose_jamo["jamo"]) <= 0.05 * num_written  # almost all jamo join into blocks

# %% [markdown] translates="590890fb15ec"
# 두 모델 모두 데이터처럼 보이는 줄을 씁니다. 이름, 도 이름, 도로명 번호, 회사 이름입니다. 음절
# 모델은 본 적 있는 음절만 씁니다. 한 번도 목표가 되지 않은 음절은 확률을 거의 받지 못하기
# 때문입니다. 자모 모델은 자모로 블록을 조립하고(쓰는 자모는 거의 모두 블록에 들어갑니다), 그 블록
# 가운데 일부는 학습 텍스트에 한 번도 나오지 않습니다. 그런 블록이 실제 한국어 단어에 쓰이는
# 음절인지는 또 다른 문제입니다. 모델이 아는 것은 어떤 자모 다음에 어떤 자모가 잘 오는지뿐입니다.
# 이것이 트레이드오프(trade-off)입니다. 어떤 음절이든 쓸 수 있는 작은 어휘냐, 아는 음절을
# 더 잘 예측하는 큰 어휘냐. (실제 한국어 텍스트에는 이름과 외래어를 통해 새 음절이 계속
# 들어옵니다. 이 목록 데이터에서는 드뭅니다.)

# %% [markdown] slideshow={"slide_type": "slide"} translates="7c6d98fc2f13"
# ## 요약
#
# * 문자 수준 언어 모델은 매 시점 `p(x_{t+1} | x_1..x_t)`를 예측합니다. 점수는
#   문자당 비트, 즉 밑이 2인 교차 엔트로피입니다(낮을수록 좋고, `log2 V`는 아무렇게나 하는
#   추측입니다).
# * 빈도 세기는 정직한 기준선을 줍니다. add-k 평활화를 쓴 유니그램, 바이그램, ... 입니다.
#   파이썬 도움말 문서에서 바이그램은 유니그램보다 거의 1비트를, 5-gram은 거기서 1비트 넘게
#   더 아낍니다.
# * 절단된 BPTT와 상태 넘겨주기로 두 번 훑어 학습한 GRU는 유니그램, 바이그램, 트라이그램
#   기준선을 큰 차이로 이기고, 같은 분할에서 학습하고 평가한 비슷한 크기의 조정된 5-gram에
#   가까이 갑니다(보통 조금 뒤처집니다). GRU는 문맥이 4문자로 제한되지 않지만, 문맥 제거
#   실험을 보면 약 16자를 넘어서는 거의 얻는 것이 없습니다.
# * 몇 분 동안 학습한 더 큰 모델(`make pretrain`)은 둘보다 약 3분의 1비트 낮은
#   점수를 냅니다. 샘플은 더 잘 짜여 있지만 여전히 말이 되는 글은 아닙니다.
# * 절단된 BPTT에는 배치의 행마다 연속된 스트림이 필요합니다. 그래야 한 청크의 마지막 상태가
#   다음 청크의 초기 상태가 됩니다.
# * 탐욕적 디코딩은 반복 고리에 빠집니다. 샘플링 온도로 샘플링하면 안전함(`T < 1`)과
#   다양함(`T > 1`)을 맞바꿉니다.
# * 같은 방법으로 예시 6 800개에서 새 이름을 생성합니다.
# * 일부 은닉 유닛은 해석할 수 있게 됩니다. 예를 들어 지금 따옴표 안에 있는지를 따르는 유닛인데,
#   이는 4문자짜리 고정 윈도우(window)로는 알 수 없는 것입니다.
# * 한국어는 음절 블록(가능한 것은 11,172개, 우리 텍스트에는 몇백 개)으로도, 자모(수십 개,
#   `unicodedata`의 NFD와 NFC로)로도 표기할 수 있습니다. faker의 한국어
#   목록에서는 음절 모델이 더 큰 모델로 음절당 0.5비트 넘게 더 좋은 점수를 냅니다. 자모
#   모델에는 처음 보는 기호가 거의 없고, 본 적 없는 음절도 쓸 수 있습니다.
#
# 다음 [6장](06_sequence_classification.ipynb)에서는 시퀀스 전체를 읽고
# 분류합니다(다대일, many-to-one). 이름을 언어로, 문장을 감정과 의도로 분류합니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 언어 모델 | language model | 앞의 기호들이 주어졌을 때 다음 기호의 확률을 주는 모델. 따라서 텍스트 전체의 확률도 줍니다 |
# | 문자 수준 모델 | character-level model | 기호가 문자 하나하나인 언어 모델 |
# | 문자당 비트 | bits per character (bpc) | 학습에 쓰지 않은 텍스트에서 실제 다음 문자의 `-log2 p` 평균. 낮을수록 좋습니다 |
# | 검증 텍스트 | validation text | 학습에서 떼어 두고 모델을 재는 데만 쓰는 텍스트 |
# | n-gram 모델 | n-gram model | 앞의 `n - 1`개 기호로 다음 기호를 예측하는, 빈도를 세는 모델 |
# | 유니그램 / 바이그램 | unigram / bigram | `n = 1` (빈도)과 `n = 2` (한 문자의 문맥)인 n-gram 모델 |
# | add-k 평활화 | add-k smoothing | 모든 빈도에 `k`를 더해 보지 못한 이어짐에도 확률이 조금 남게 하는 방법 |
# | 절단된 BPTT | truncated BPTT | 긴 시퀀스를 `T`시점짜리 청크로 나누어 그 안에서만 역전파하는 방법 |
# | 상태 유지 학습 | stateful training | 한 청크의 마지막 은닉 상태를 다음 청크로 넘겨주는 학습 |
# | 스트림 | stream | 배치의 한 행이 청크를 이어 가며 읽는, 텍스트의 연속된 부분 |
# | 시작 문자열 | prime text | 생성을 시작하기 전에 모델에 넣는 텍스트 |
# | 탐욕적 디코딩 | greedy decoding | 언제나 가장 그럴듯한 다음 기호를 고르는 방법 |
# | 샘플링 온도 | sampling temperature | `softmax(z / T)`의 `T`. 낮으면 안전하고 반복적, 높으면 다양하고 잡음이 많습니다 |
# | 엔트로피 | entropy | 분포의 기대 놀라움(비트 단위) |
# | 문맥 제거 실험 | context ablation | 모델이 마지막 `k`개 문자만 보게 하고 점수를 매겨, 문맥을 얼마나 쓰는지 재는 실험 |
# | 사전 학습 모델 | pretrained model | 미리 학습해 두고(여기서는 `make pretrain`) 저장한 가중치를 학습 대신 불러오는 모델 |
# | 해석 가능한 유닛 | interpretable unit | 활성값이 사람이 이름 붙일 수 있는 특징을 따르는 은닉 유닛 |
# | 상관계수 | correlation coefficient | [-1, 1] 범위의 `r`. 두 양이 얼마나 선형적으로 함께 움직이는지 |
# | 한글 음절 | Hangul syllable | 한처럼 미리 조합된 블록 하나. 유니코드에 11,172개가 있습니다 |
# | 자모 | jamo | 한글 음절을 이루는 글자: 초성, 중성, 그리고 있을 수도 있는 종성 |
# | 유니코드 정규화 (NFD / NFC) | Unicode normalization (NFD / NFC) | 음절을 자모로 분해하고(NFD) 다시 조합하는(NFC) 것 |
# | 음절당 비트 | bits per syllable | 음절 단위로 센 비트. 자모 모델에서는 그 음절의 자모들에 쓴 비트의 합 |
