# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
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

# %% [markdown] slideshow={"slide_type": "slide"} translates="1bbcbcb84603"
# # 7장 · 시퀀스 태깅: RNN, 세어서 구한 전이 확률, 비터비 알고리즘
#
# *"Time flies like an arrow; fruit flies like a banana."* (시간은 화살처럼 날아가고,
# 초파리는 바나나를 좋아한다.) 앞 절의 **flies**는 동사("날아간다")이고 뒤 절의 flies는
# 명사("초파리")입니다. **like**도 전치사("~처럼")에서 동사("좋아한다")로 바뀝니다. 단어를
# 하나씩 따로 보는 태거(tagger)는 두 절의 태그를 모두 맞힐 수 없습니다. 이것을 가려 주는 것은
# **문맥**(context)뿐입니다. 이 장에서는 강좌가 바탕으로 삼는 자료에 나온 방식 그대로
# 품사 태거(part-of-speech tagger)를 만듭니다. RNN은 단어마다 각 태그가 얼마나 그럴듯한지
# 알려 주고, 태그에서 태그로 넘어가는 **전이 확률**(transition probability)은 빈도를 세어서
# 구하며, **비터비 알고리즘**(Viterbi algorithm)이 이 둘을 합쳐 가장 좋은 태그 시퀀스를
# 찾습니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. 시퀀스 태깅(sequence tagging)을 단어마다 태그를 하나씩 내는 다대다(many-to-many)
#    예측으로 설명하고, 중의적인(ambiguous) 단어가 왜 이 문제를 어렵게 만드는지 말하기
# 2. 전이 확률을 빈도를 세어 추정하고 평활화하기
# 3. 로그 공간에서 하는 비터비 디코딩(격자, 역추적 포인터, 역추적)을 설명하고 구현하며,
#    비용이 왜 `K^T`가 아니라 `T K²`인지 말하기
# 4. 태거의 사후 확률(posterior)을 태그 사전 확률(prior)로 나누어 **스케일링된 가능도**(scaled
#    likelihood)로 바꾸고, 이를 전이 확률과 함께 디코딩하며(*하이브리드* 디코더), 이 방법이
#    언제 정확하고(단어 하나만 보고 낸 사후 확률) 언제 근사인지(RNN의 사후 확률) 말하기
# 5. 네 종류의 태거를 전체 토큰과 중의적 토큰에서 공정하게 비교하고, 종류마다 어떤
#    실수를 하는지 말하기

# %% [markdown] slideshow={"slide_type": "notes"} translates="00e2e0115329"
# 약 60분. 탐색기(explorer): 격자(8절). 말할 내용: "time flies like an arrow; fruit flies
# like a banana". 같은 단어인데 태그가 다르고, 그것을 정하는 것은 문맥입니다.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import itertools
from collections import Counter

import numpy as np

import rnnlib.viz
from rnnlib import analysis, tagging
from rnnlib.data.encoding import Vocabulary, pad_batch
from rnnlib.data.pos import (
    GRAMMAR,
    LEXICON,
    TAGS,
    ambiguity_stats,
    generate_pos_corpus,
    lexicon_words,
)
from rnnlib.exercises import ch07 as exercises
from rnnlib.experiments import ch07 as experiments
from rnnlib.i18n import set_language, tr
from rnnlib.losses import softmax_cross_entropy
from rnnlib.models import SequenceModel
from rnnlib.viz.tagging import plot_trellis
from rnnlib.widgets.tagging import trellis_explorer

rnnlib.viz.use_course_style()
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
SEED = 7
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="fd6f110bb484"
# ## 1. 과제와 데이터
#
# **품사 태깅**(part-of-speech tagging, POS tagging)은 문장의 모든 단어에 명사, 동사,
# 한정사 같은 태그를 하나씩 붙이는 일입니다. 입력 단어 하나마다 출력이 정확히 하나인
# *다대다* 문제이므로, 레이블은 그냥 단어 단위의 태그입니다. (BIO 표기법은 쓰지 않습니다.
# BIO는 개체명 인식(named-entity recognition)처럼 여러 단어로 이루어진 *구간*(span)에
# 레이블을 붙일 때 씁니다.)
#
# **데이터의 출처.** 실제로 태깅된 말뭉치(Penn Treebank, 세종 말뭉치)는 강좌와 함께 배포할
# 수 없으므로, `rnnlib.data.pos`가 말뭉치를 직접 만듭니다. 작은 **확률 문법**(probabilistic
# grammar)이 기호 `S`(문장)를 한 단계씩 펼치는데, 단계마다 규칙을 정해진 확률에 따라 고르고,
# 단어만 남을 때까지 계속합니다. 모든 단어에는 정답 태그가 함께 붙어 나옵니다. 태그는 여덟
# 가지입니다. 한정사 `DET`, 형용사 `ADJ`, 명사 `NOUN`, 대명사 `PRON`, 동사 `VERB`, 조동사
# `MODAL`(can, will 등), 전치사 `ADP`, 부사 `ADV`입니다. 규칙 몇 개를 보면 다음과 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="bbdb6560e73e"
# 말할 내용: 단어마다 태그가 하나씩, 입력과 출력이 나란히 정렬된 다대다 문제입니다. 토큰의
# 4분의 1 이상이 중의적입니다. 수강생에게 묻기: *"book a flight"와 "read a book"에서
# "book"의 태그는 각각 무엇일까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
for symbol in ("S", "NP_sg", "VP_sg", "Tail"):
    print(
        f"{symbol:6s} ->",
        " | ".join(f"{' '.join(rhs) or '(nothing)'} ({p:.2f})" for p, rhs in GRAMMAR[symbol]),
    )
print("N_sg   ->", ", ".join(LEXICON["N_sg"][1]))
print("V_base ->", ", ".join(LEXICON["V_base"][1]))

# %% [markdown] slideshow={"slide_type": "subslide"} translates="db4b3bf0ce04"
# 어휘 사전(lexicon)은 일부러 흔한 영어 단어를 여러 태그 아래에 넣어 둡니다. *book, can,
# saw, fly, watch, duck, light, will*은 명사**이면서** 동사(또는 조동사)이고, *like*는
# 동사이자 전치사이며, *her*는 대명사("saw her")이자 한정사("saw her dog")입니다.
# **한계:** 단어는 100개도 안 되고, 문장은 짧고 문법에 맞지만 의미는 전혀 없습니다("the can
# reads a duck"도 여기서는 멀쩡한 문장입니다). 이 말뭉치는 아이디어를 시험하는 실험실이지
# 영어가 아닙니다. 문장 3000개를 뽑아 그중 4분의 1을 **테스트 세트**(test set)로 따로 떼어
# 둡니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
corpus = generate_pos_corpus(3000, rng=rng)
train, test = corpus.split(0.25, rng=rng)
for words, tags in zip(train.sentences[:6], train.tags[:6], strict=True):
    print(" ".join(f"{w}/{t}" for w, t in zip(words, tags, strict=True)))
print(
    f"\ntrain: {len(train)} sentences, {train.num_tokens} tokens;  test: {len(test)} sentences, {test.num_tokens} tokens"
)

# %% [markdown] translates="2ed36c6a7f70"
# **얼마나 중의적일까?** 학습 데이터에서 한 단어 *유형*(type)이 두 가지 이상의 태그와 함께
# 나타나면 그 유형은 중의적입니다. *토큰*(token, 문장 속의 한 번의 출현)은 그 단어가 중의적이면
# 중의적입니다. 모든 태거를 두 번 채점합니다. 한 번은 테스트 세트의 모든 토큰에서, 또 한
# 번은 태깅이 실제로 어려워지는 중의적 토큰에서만 채점합니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
stats = ambiguity_stats(train, test)
print(f"{stats['num_ambiguous_types']} of {stats['num_types']} word types are ambiguous;")
print(
    f"{stats['ambiguous_token_fraction']:.1%} of the test tokens are ambiguous, "
    f"{stats['unknown_token_fraction']:.1%} unseen in training\n"
)
for word in ("book", "can", "saw", "flies", "like", "her", "light"):
    counts = stats["ambiguous_words"][word]
    print(f"{word:6s}", ", ".join(f"{tag} {n}" for tag, n in counts.most_common()))

# %% slideshow={"slide_type": "fragment"}
assert stats["ambiguous_token_fraction"] > 0.25
assert all(
    len(stats["ambiguous_words"][w]) >= 2 for w in ("book", "can", "saw", "flies", "like", "her")
)
assert len(stats["ambiguous_words"]["light"]) == 3
assert stats["unknown_token_fraction"] == 0
assert len(lexicon_words()) < 100

# %% [markdown] translates="67006621ef31"
# 토큰의 4분의 1 이상이 중의적이고, *light*는 태그를 세 가지(형용사, 명사, 동사)나 가집니다.
# 테스트 세트의 단어는 모두 학습 세트에도 나오므로, 아래에서 보는 실수는 처음 보는 단어가
# 아니라 중의성에서 나옵니다.
#
# 단어와 태그를 정수 id로 바꿉니다. 어휘(vocabulary)는 문법의 어휘 사전 전체이고, id 0은
# 패딩(padding)용으로 남겨 둡니다.

# %% slideshow={"slide_type": "fragment"}
vocab = Vocabulary(["<pad>"] + lexicon_words())
K, V = len(TAGS), len(vocab)
train_words = [vocab.encode(s) for s in train.sentences]
test_words = [vocab.encode(s) for s in test.sentences]
train_tags, test_tags = train.tag_ids(), test.tag_ids()
ambiguous = stats["ambiguous_masks"]  # True at the ambiguous test tokens
print(K, "tags,", V, "word ids; first sentence:", train_words[0], train_tags[0])

# %% [markdown] slideshow={"slide_type": "slide"} translates="48a218518c0f"
# ## 2. 기준선: 가장 흔한 태그
#
# 가장 단순한 태거는 문맥을 무시합니다. 각 단어에, 학습 데이터에서 그 단어가 가장 자주 붙어
# 나온 태그를 붙입니다. 이 **기준선**(baseline)은 중의적이지 않은 단어에서는 정의상 당연히
# 완벽하고, 중의적인 단어에서는 다수 태그가 맞는 비율만큼만 맞힙니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="c29ce4848568"
# 말할 내용: 가장 흔한 태그 기준선은 전체로는 90 %에 가깝지만 중의적 토큰에서는 4분의 1
# 넘게 틀립니다. 문맥이 메워야 할 차이가 바로 이것입니다.

# %% slideshow={"slide_type": "fragment"}
baseline = tagging.MostFrequentTag(train_words, train_tags, V, K)
predictions = {"most frequent tag": [baseline.predict(w) for w in test_words]}
acc_all = analysis.accuracy(predictions["most frequent tag"], test_tags)
acc_amb = analysis.accuracy(predictions["most frequent tag"], test_tags, ambiguous)
print(f"most frequent tag: {acc_all:.3f} on all tokens, {acc_amb:.3f} on ambiguous tokens")
assert acc_amb < 0.72 and acc_all > 0.85

# %% [markdown] slideshow={"slide_type": "subslide"} translates="57181012d3ef"
# 전체 90 %에 가깝다니 좋아 보이지만, 중의적 토큰에서 기준선은 4분의 1 넘게 틀립니다.
# 문맥이 메워야 할 차이가 바로 이것입니다.
#
# ## 3. 세어서 구하는 전이 확률
#
# 태그는 일정한 패턴으로 이어집니다. 한정사 뒤에는 형용사나 명사가 오고, 동사가 오는 일은
# 거의 없습니다. 학습 데이터에서 태그 쌍을 세면 다음을 얻습니다.
#
# $$p(y_t = j \mid y_{t-1} = i) = \frac{c(i, j) + \alpha}{c(i, \cdot) + \alpha (K + 1)},$$
#
# 여기서 `c(i, j)`는 태그 `i` 바로 뒤에 태그 `j`가 온 횟수이고, `c(i, ·)`는 `i` 뒤에 온
# 모든 것의 횟수입니다(문장의 끝도 `K + 1`번째 결과로 셉니다). **평활화**(smoothing) 상수
# `α = 1`은 학습 데이터에서 한 번도 보지 못한 쌍이 확률 0을 받지 않게 해 줍니다(더하기 1
# 평활화, add-one smoothing). 시작 확률과 끝 확률도 같은 방식으로 셉니다.
# `tagging.count_transitions`가 이 일을 합니다. 이 식이 그저 세는 것일 뿐임을 확인하려고
# 항목 하나를 손으로 계산해 봅니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="ca440ae1a6b6"
# 말할 내용: 태그는 일정한 패턴으로 이어집니다. 한정사 뒤에는 명사나 형용사가 오고, 동사는
# 오지 않습니다. 수강생에게 묻기: *영어에서 불가능한 전이는 무엇일까요?*

# %% slideshow={"slide_type": "fragment"}
transitions = tagging.count_transitions(train_tags, K, smoothing=1.0)
DET, ADJ, NOUN, VERB = (TAGS.index(t) for t in ("DET", "ADJ", "NOUN", "VERB"))
pairs = Counter(pair for tags in train_tags for pair in itertools.pairwise(tags.tolist()))
after_det = sum(n for (i, _), n in pairs.items() if i == DET)  # DET is never sentence-final
by_hand = (pairs[(DET, NOUN)] + 1) / (after_det + 1 * (K + 1))
print(
    f"p(NOUN | DET) by hand {by_hand:.4f}, rnnlib {np.exp(transitions.log_transition[DET, NOUN]):.4f}"
)
assert np.isclose(by_hand, np.exp(transitions.log_transition[DET, NOUN]))

# %% slideshow={"slide_type": "subslide"}
# one table with every probability the HMM counted: a "<start>" row on top (p(first
# tag)) and an "<end>" column on the right (p(sentence ends | tag)); each row sums to 1
table = np.zeros((K + 1, K + 1))
table[0, :K] = np.exp(transitions.log_start)
table[1:, :K] = np.exp(transitions.log_transition)
table[1:, K] = np.exp(transitions.log_end)
assert np.allclose(table.sum(axis=1), 1.0)
ax = rnnlib.viz.new_axes(figsize=(8.5, 7.0))[1]
image = ax.imshow(table, cmap="Greens", vmin=0, vmax=1)
ax.grid(False)
ax.axhline(0.5, color="0.3", lw=1.5)
ax.axvline(K - 0.5, color="0.3", lw=1.5)
ax.set_xticks(range(K + 1), [*TAGS, "<end>"], rotation=45)
ax.set_yticks(range(K + 1), ["<start>", *TAGS])
# subscripts as Unicode, not $...$: mathtext would draw the Korean labels' Hangul as boxes
ax.set_xlabel(tr("next tag yₜ (or end of sentence)"))
ax.set_ylabel(tr("previous tag yₜ₋₁ (or start of sentence)"))
ax.set_title(tr("Counted transition probabilities p(next | previous)\n(each row sums to 1)"))
colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8, label=tr("transition probability"))
# %% slideshow={"slide_type": "fragment"}
P = np.exp(transitions.log_transition)
assert P[DET, NOUN] + P[DET, ADJ] > 0.98 and P[DET, VERB] < 0.01
assert pairs[(DET, VERB)] == 0  # "never a verb": not once in the training tags
assert P[TAGS.index("MODAL"), VERB] > 0.95
assert np.exp(transitions.log_end[TAGS.index("ADV")]) > 0.95

# %% [markdown] slideshow={"slide_type": "subslide"} translates="39f3979e8948"
# 행렬은 거의 비어 있습니다. `DET` 뒤에는 `NOUN`이나 `ADJ`가 오고(둘을 합쳐 98 % 이상) 동사는
# 오지 않으며, `MODAL` 뒤에는 `VERB`가 옵니다(95 % 이상). 맨 위 행은 문장이 시작하는 곳,
# 오른쪽 끝 열은 문장이 끝나는 곳이므로 모든 행의 합이 1입니다. `ADV` 행은 `<end>` 열을
# 빼면 비어 있습니다. 이 문법에서는 부사가 (거의) 언제나 문장을 끝냅니다. 이런 패턴 덕분에
# "the **can**"(한정사 뒤이므로 명사)과 "I **can** run"(뒤에 동사가 오므로 조동사)을 구별할
# 수 있습니다.
#
# 각 태그가 단어와 상관없이 얼마나 자주 나오는지를 나타내는 **태그 사전 확률**(tag prior)
# `p(tag)`도 구해 둡니다. 6절의 하이브리드 디코더에 필요합니다.

# %% slideshow={"slide_type": "fragment"}
prior = tagging.tag_prior(train_tags, K)
print(" ".join(f"{t}={p:.3f}" for t, p in zip(TAGS, prior, strict=True)))

# %% [markdown] slideshow={"slide_type": "slide"} translates="96da488f3b91"
# ## 4. 비터비: 격자를 지나는 최적 경로
#
# 모든 단어 `t`가 태그 `k`마다 점수 `s[t, k]`를 갖는다고 합시다(태그 `k`가 단어 `t`에 얼마나
# 잘 맞는지를 나타내는 로그 확률입니다). 태그 시퀀스 `y` 전체의 점수는 다음과 같습니다.
#
# $$\text{score}(y) = \log p_\text{start}(y_0) + \sum_{t} s[t, y_t] + \sum_{t \ge 1} \log p(y_t \mid y_{t-1}) + \log p_\text{end}(y_{T-1}).$$
#
# 로그를 더하는 것은 확률을 곱하는 것과 같지만, 문장이 길어도 수가 0으로 언더플로(underflow)되지
# 않습니다. 가능한 시퀀스를 모두 시도하면 비용이 `K^T`입니다. 태그 8개, 12단어 문장이면
# 680억 개가 넘는 시퀀스입니다. **직관:** 단어 `t`에서 태그 `k`에 도달하는 최적 경로는 단어
# `t−1`의 *어느 한* 칸에 도달한 최적 경로를 이어 간 것일 수밖에 없습니다. 나머지 경로는 볼
# 필요가 없습니다. 그래서 (단어, 태그)마다 칸이 하나씩 있는 표, 곧 **격자**(trellis)를
# 채웁니다.
#
# $$\delta[0, k] = \log p_\text{start}(k) + s[0, k], \qquad \delta[t, k] = \max_i \big(\delta[t-1, i] + \log p(k \mid i)\big) + s[t, k],$$
#
# 그리고 max에서 어느 `i`가 이겼는지를 **역추적 포인터**(back-pointer) `b[t, k]`에 기억해
# 둡니다. 끝에서는 `δ[T−1, k] + log p_end(k)`를 최대로 만드는 태그가 최적의 마지막 태그이고,
# 거기서부터 첫 단어까지 역추적 포인터를 따라가면 최적 경로가 나옵니다. 연산 횟수는 `K^T`가
# 아니라 `T K²`입니다.
#
# numpy 몇 줄로 쓴 재귀식은 다음과 같습니다(역추적은 연습 문제 2입니다).


# %% [markdown] slideshow={"slide_type": "notes"} translates="f803b8fe805f"
# 격자가 채워지는 과정을 보여 줍니다. 각 칸까지의 최적 경로는 역추적 포인터 하나만 남기고,
# 전체 최적 경로는 거꾸로 읽어 냅니다. 수강생에게 묻기: *단어 T개, 태그 K개라면 일이
# 얼마나 될까요?* (K^T가 아니라 T K^2)


# %% slideshow={"slide_type": "fragment"}
def trellis_numpy(scores, trans):
    """delta (T, K) and back-pointers (T, K) of the Viterbi recursion."""
    steps, num_tags = scores.shape
    delta = np.zeros((steps, num_tags))
    back = np.full((steps, num_tags), -1)
    delta[0] = trans.log_start + scores[0]
    for t in range(1, steps):
        candidates = delta[t - 1][:, None] + trans.log_transition  # [previous i, current k]
        back[t] = candidates.argmax(axis=0)
        delta[t] = candidates.max(axis=0) + scores[t]
    return delta, back


# %% [markdown] slideshow={"slide_type": "subslide"} translates="fb3317db6a17"
# 디코딩할 점수가 필요하니 **은닉 마르코프 모델**(HMM, hidden Markov model)의 관점을
# 빌립니다. 단어 `w`에 대한 태그 `k`의 점수는 세어서 구한 **방출 확률**(emission
# probability) `log p(w | k)`입니다("`VERB` 가운데 단어 *saw*는 얼마나 자주 나올까?"). HMM의
# 최적 태그 시퀀스는 이 점수 위의 비터비 경로입니다. numpy로 만든 격자를
# `rnnlib.tagging.viterbi`와 비교하고, 이긴 경로를 짧은 문장의 `K^T`개 시퀀스 전체에 대한
# 전수 탐색(brute-force search) 결과와 비교해 확인합니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
hmm = tagging.HMM.fit(train_words, train_tags, V, K)
short = next(i for i, s in enumerate(test.sentences) if len(s) == 5 and "her" in s)
scores = hmm.emission_scores(test_words[short])
delta, back = trellis_numpy(scores, transitions)
result = tagging.viterbi(scores, transitions)
assert np.allclose(delta, result.delta) and np.array_equal(back, result.backpointers)

every_path = itertools.product(range(K), repeat=len(scores))
brute = max(every_path, key=lambda path: tagging.path_score(np.array(path), scores, transitions))
assert list(brute) == result.path.tolist()
print(f"{K}**{len(scores)} = {K ** len(scores)} paths tried by brute force; the same winner:")
assert K**12 > 68e9  # the 12-word sentence of the text
print(" ".join(f"{w}/{TAGS[k]}" for w, k in zip(test.sentences[short], result.path, strict=True)))

# %% [markdown] slideshow={"slide_type": "subslide"} translates="09e66ca67cc3"
# 그 문장의 격자입니다. 열은 단어, 행은 태그입니다. 색은 그 칸에서 끝나는 최적 경로가 같은
# 열의 어느 칸에서든 끝나는 최적 경로보다 얼마나 뒤처지는지를 나타냅니다(0 = 선두, 가장
# 진한 색. 눈금은 색 막대에 있고, 12보다 덜 뒤처진 칸에는 그 수가 적혀 있습니다). 옅은 회색
# 선은 다른 칸들의 역추적 포인터, 주황색 선은 이긴 경로(최적 경로)이며, 정답 태그(gold tag)와 다르게
# 태깅된 단어가 있으면 주홍색 고리로 표시됩니다.

# %% slideshow={"slide_type": "subslide"}
trellis_ax = plot_trellis(
    result,
    test.sentences[short],
    TAGS,
    gold=test_tags[short],
    title=tr("HMM trellis: counted emissions + transitions"),
)
# %% [markdown] slideshow={"slide_type": "subslide"} translates="3560807d6e44"
# 이제 HMM을 테스트 세트 전체에 적용합니다.

# %% slideshow={"slide_type": "fragment"}
predictions["HMM (counts + Viterbi)"] = [hmm.decode(w).path for w in test_words]
hmm_amb = analysis.accuracy(predictions["HMM (counts + Viterbi)"], test_tags, ambiguous)
print(f"HMM on ambiguous tokens: {hmm_amb:.3f}")
assert hmm_amb > 0.95 and hmm_amb > acc_amb + 0.2

# %% [markdown] slideshow={"slide_type": "subslide"} translates="2009fa505574"
# 중의적 토큰에서 72 % 미만(기준선)이던 정확도가 95 % 이상으로 올라갑니다. 빈도를 세기만
# 했는데도 그렇습니다. HMM의 약점은 양쪽 문맥을 각각 *이웃 태그 하나*를 통해서만 본다는 것입니다. 이 약점이
# 어디서 드러나는지 곧 보게 됩니다.
#
# ## 5. RNN 태거: 단어 임베딩, 패딩, 마스크
#
# RNN은 단어를 id로 읽어 **임베딩**(embedding) 층으로 각 id를 학습된 벡터로 바꾸고, 문장
# 위로 LSTM을 돌린 다음, 밀집층(dense layer)이 단어마다 로짓(logit) `K`개를 냅니다.
# 소프트맥스(softmax)는 이 로짓을 지금까지 읽은 단어가 주어졌을 때의 **사후 확률**(posterior)
# `p(tag_t | x_1, ..., x_t)`로 바꿉니다. **양방향**(bidirectional) RNN은 마지막 단어에서 첫
# 단어 쪽으로 두 번째 LSTM을 돌려 두 은닉 상태(hidden state)를 이어 붙이므로, 단어 `t`의
# 태그가 그 *뒤*에 오는 단어에도 좌우될 수 있습니다("saw her"와 "saw her dog").
#
# 문장마다 길이가 다릅니다. 배치로 학습하려고 `pad_batch`는 문장들의 오른쪽을 id 0으로 채워
# 시간 우선(time-major) `(T, B)` 배열을 만들고 **마스크**(mask)를 돌려줍니다. 마스크는 실제
# 단어에서 1, 패딩에서 0입니다. 순환 층은 패딩 위에서 상태를 바꾸지 않고 그대로 넘기고,
# `softmax_cross_entropy(..., mask=mask)`는 실제 단어에 대해서만 평균을 냅니다. 그래서
# 패딩한 배치의 손실은 패딩하지 않은 문장들의 손실과 정확히 같습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="107914e4b5ee"
# 말할 내용: HMM은 문맥을 이웃 태그 하나를 통해서만 봅니다. RNN은 왼쪽 문맥 전체를,
# 양방향 RNN은 양쪽을 다 읽습니다. 수강생에게 묻기: *"her"에서는 어느 쪽이 이길까요?*

# %% slideshow={"slide_type": "subslide"}
model = SequenceModel(
    "lstm", hidden_size=8, output_size=K, vocab_size=V, embedding_dim=4, bidirectional=True, rng=rng
)
pair = [train_words[0], train_words[1]]
ids, mask = pad_batch(pair)
targets, _ = pad_batch([train_tags[0], train_tags[1]])
logits, _ = model.forward(ids, mask=mask)
padded_loss, _ = softmax_cross_entropy(logits, targets, mask=mask)
alone = [model.forward(w[:, None])[0][:, 0] for w in pair]  # each sentence on its own
unpadded_loss, _ = softmax_cross_entropy(
    np.concatenate(alone), np.concatenate([train_tags[0], train_tags[1]])
)
print("ids (T, B) =", ids.shape, " mask column sums =", mask.sum(axis=0))
print(
    f"masked loss of the padded batch {padded_loss:.6f} = loss of the sentences alone {unpadded_loss:.6f}"
)
assert np.isclose(padded_loss, unpadded_loss)

# %% [markdown] translates="43c338e5478d"
# `experiments.train_rnn_tagger`는 늘 쓰던 학습 루프를 감싼 함수입니다. 임베딩(16차원)과
# LSTM(방향마다 은닉 유닛 32개)으로 이루어진 `SequenceModel`을 Adam으로 학습하는데,
# `rnnlib.train.fit`이 문장 32개씩 섞어 패딩한 배치 위에서 마스크를 적용한 교차
# 엔트로피(cross-entropy)를 줄입니다. 같은 데이터로 태거 두 개를 학습합니다. 하나는 `t`까지의
# 단어만 보는, 왼쪽에서 오른쪽으로 읽는 **단방향**(left-to-right) RNN이고, 다른 하나는
# **양방향** RNN입니다.

# %% slideshow={"slide_type": "subslide"}
rnn, rnn_history = experiments.train_rnn_tagger(
    train_words, train_tags, V, K, rng=rng, bidirectional=False
)
birnn, birnn_history = experiments.train_rnn_tagger(
    train_words, train_tags, V, K, rng=rng, bidirectional=True
)

# Each epoch ends with a smaller batch (the sentences left over after the full batches of
# 32); its loss is noisier, so the plot leaves those steps out of the per-step curve and
# weights each batch by its number of sentences in the epoch means.
batch_sizes = [32] * (len(train_words) // 32) + [len(train_words) % 32] * (
    len(train_words) % 32 > 0
)
ax = rnnlib.viz.new_axes()[1]
for history, label, color in [
    (rnn_history, tr("left-to-right LSTM"), "tab:blue"),
    (birnn_history, tr("bidirectional LSTM"), "tab:orange"),
]:
    per_epoch = np.reshape(history.loss, (-1, len(batch_sizes)))  # (epochs, steps)
    full = np.asarray(batch_sizes) == 32
    steps = np.arange(per_epoch.size).reshape(per_epoch.shape)
    ax.plot(steps[:, full].ravel(), per_epoch[:, full].ravel(), color=color, alpha=0.35, lw=1)
    ax.plot(
        steps[:, -1],
        np.average(per_epoch, axis=1, weights=batch_sizes),
        color=color,
        marker="o",
        lw=2.5,
        label=tr("{model}: epoch mean", model=label),
    )
ax.set_yscale("log")
ax.set_xlabel(tr("training step (batch of 32 sentences)"))
ax.set_ylabel(tr("masked cross-entropy"))
ax.set_title(tr("Training loss of the two RNN taggers\n(thin: each full batch; dots: epoch means)"))
legend = ax.legend()
# %% slideshow={"slide_type": "fragment"}
assert rnn_history.epoch_loss[-1] < 0.1 and birnn_history.epoch_loss[-1] < 0.03
assert birnn_history.epoch_loss[-1] < rnn_history.epoch_loss[-1]

# %% [markdown] translates="d7adfda67264"
# 두 손실 모두 빠르게 떨어지고, 양방향 쪽이 더 낮게 떨어집니다. 왼쪽 문맥만으로는 알 수 없는
# 태그가 있기 때문입니다. 각 단어의 사후 확률에서 **argmax**를 취하면, 모든 단어를 하나씩
# 따로, RNN이 읽은 만큼의 문맥만 가지고 결정하는 태거가 됩니다.

# %% slideshow={"slide_type": "fragment"}
rnn_post = tagging.rnn_log_posteriors(rnn, test_words)
birnn_post = tagging.rnn_log_posteriors(birnn, test_words)
predictions["RNN (argmax)"] = [lp.argmax(axis=1) for lp in rnn_post]
predictions["BiRNN (argmax)"] = [lp.argmax(axis=1) for lp in birnn_post]

# %% [markdown] slideshow={"slide_type": "slide"} translates="462da119b6bc"
# ## 6. 하이브리드: 사후 확률을 스케일링된 가능도로 쓰기, 그리고 이 근사의 대가
#
# 비터비에는 단어마다 HMM이 쓰는 종류의 점수가 필요합니다. 곧 *가능도*(likelihood)
# `p(word_t | tag)`, "이 태그가 이 단어를 얼마나 잘 설명하는가"입니다. 분류기는 그 반대인
# *사후 확률*을 내놓는데, 여기에는 각 태그가 얼마나 흔한지가 이미 들어 있습니다. 그 위에 전이
# 점수를 더하면 태그 빈도를 두 번 세게 됩니다. 단어 $x_t$ **하나만** 보는 분류기라면
# **베이즈 정리**(Bayes' rule)로 하나를 다른 하나로 바꿀 수 있습니다.
#
# $$p(x_t \mid \text{tag}) = \frac{p(\text{tag} \mid x_t)\, p(x_t)}{p(\text{tag})} \;\propto\; \frac{p(\text{tag} \mid x_t)}{p(\text{tag})}.$$
#
# 인수 `p(x_t)`는 단어 `t`에서 모든 태그에 똑같으므로 어느 경로가 이기는지를 바꿀 수 없고,
# 그래서 버립니다. 남는 것이 **스케일링된 가능도**(scaled likelihood)입니다. 가능도를 태그와
# 상관없는 값 `p(x_t)`로 나눈 것, 곧 크기만 바꾼(스케일링한) 가능도라는 뜻입니다. 사후 확률을
# 사전 확률로 나누면 되고, 로그 공간에서는 `log p(tag | x_t) − log p(tag)`입니다. 이것은
# 신경망/HMM 하이브리드 음성 인식기(Bourlard and Morgan, 1994)에서 쓰던 기법이며, 그 신경망은
# 각 프레임 주변의 짧은 소리 구간을 윈도우(window)로 읽습니다.
#
# **우리 RNN은 단어 하나만 보지 않습니다.** 양방향 RNN의 출력은 $p(y_t \mid x_1, \dots, x_T)$,
# 단방향 RNN의 출력은 $p(y_t \mid x_1, \dots, x_t)$입니다. 이들에 베이즈 정리를 적용하면
#
# $$\frac{p(y_t \mid x_1, \dots, x_T)}{p(y_t)} = \frac{p(x_1, \dots, x_T \mid y_t)}{p(x_1, \dots, x_T)} \;\propto\; p(x_1, \dots, x_T \mid y_t),$$
#
# 이 되어, 단어의 가능도가 아니라 `t`의 태그가 주어졌을 때 **문장 전체**의 가능도가 나옵니다.
# 비터비는 이런 점수를 단어마다 하나씩 더하므로 모든 단어의 증거가 모든 위치에서 한 번씩
# 들어가고, 여기에 세어서 구한 전이 확률이 사후 확률에 이미 담긴 문맥을 또 보탭니다. 문맥을
# 여러 번 세는 셈입니다. 문장 수준의 사후 확률을 쓰는 하이브리드는 확률 모델로 보면 잘못된 모델입니다.
# 이것은 *근사*이며, 국소적인 증거에 대한 사후 확률일 때만 정확합니다. 이 근사가 도움이
# 되는지 해가 되는지는 측정해 봐야 알 수 있습니다. 세 단계로 나누어 봅니다. 정확한 경우,
# 단어보다 조금 더 보는 사후 확률, 그리고 RNN입니다.
#
# **1. 정확한 경우.** 단어 하나만 주어졌을 때 태그의 사후 확률
# `p(tag | word) = c(tag, word) / c(word)`와 사전 확률 `p(tag) = c(tag) / N`을 셉니다(평활화
# 없이). 그러면 `p(tag | word) / p(tag) = p(word | tag) · N / c(word)`, 곧 HMM이 세어서 구한
# 방출 확률에 단어에만 좌우되는 인수를 곱한 값입니다. 따라서 이 사후 확률에 쓴 하이브리드
# 디코더는 (평활화하지 않은 방출 확률을 쓰는) HMM *그 자체*이고, 경로도 하나하나 똑같습니다.

# %% slideshow={"slide_type": "fragment"}
counts = tagging.tag_word_counts(train_words, train_tags, V, K)  # c(tag, word), (K, V)
with np.errstate(divide="ignore", invalid="ignore"):  # log 0 = -inf: tag never seen with word
    log_local = np.log(counts) - np.log(counts.sum(axis=0, keepdims=True))  # log p(tag | word)
    exact_hmm = tagging.HMM(
        transitions, tagging.count_emissions(train_words, train_tags, V, K, smoothing=0)
    )
counted_prior = tagging.tag_prior(train_tags, K, smoothing=0)
scaled_local = tagging.scaled_log_likelihoods(log_local[:, test_words[0]].T, counted_prior)
offset = scaled_local - exact_hmm.emission_scores(test_words[0])  # (T, K)
assert all(np.ptp(row[np.isfinite(row)]) < 1e-9 for row in offset)  # one constant per word
same_paths = sum(
    np.array_equal(
        tagging.hybrid_decode(log_local[:, w].T, counted_prior, transitions).path,
        exact_hmm.decode(w).path,
    )
    for w in test_words
)
print(
    f"hybrid on counted p(tag | word) = HMM: same path on {same_paths} of {len(test_words)} test sentences"
)
assert same_paths == len(test_words)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="ab6b806bdfee"
# 같은 나눗셈을 numpy로 하면 5절 RNN들의 사후 확률이 하이브리드 디코더의 점수로 바뀝니다
# (`tagging.hybrid_decode`는 두 단계를 한꺼번에 합니다).

# %% [markdown] slideshow={"slide_type": "notes"} translates="9a71de43df98"
# 말할 내용: 사후 확률을 태그 사전 확률로 나누면 스케일링된 가능도가 되고, 비터비는 이것을
# 세어서 구한 전이 확률과 합칠 수 있습니다. 수강생에게 묻기: *왜 사전 확률로 나눌까요?*
# (베이즈 정리: p(word | tag)는 p(tag | word) / p(tag)에 비례합니다.) 이어서: *사후 확률이
# 문장 전체를 읽었다면요?* (그러면 그것은 p(sentence | tag)입니다. 근사이니 측정해 봅니다.)

# %% slideshow={"slide_type": "fragment"}
sentence = 0
scaled_numpy = rnn_post[sentence] - np.log(prior)  # divide by the prior, in log space
assert np.allclose(scaled_numpy, tagging.scaled_log_likelihoods(rnn_post[sentence], prior))
hybrid = tagging.viterbi(scaled_numpy, transitions)
assert np.array_equal(
    hybrid.path, tagging.hybrid_decode(rnn_post[sentence], prior, transitions).path
)

# the same decoding for every test sentence, as the tests run it (argmax and hybrid)
rnn_paths = experiments.rnn_tagger_predictions(rnn, test_words, prior, transitions)
birnn_paths = experiments.rnn_tagger_predictions(birnn, test_words, prior, transitions)
for label, paths in (("RNN", rnn_paths), ("BiRNN", birnn_paths)):
    argmax = predictions[f"{label} (argmax)"]
    assert all(np.array_equal(a, b) for a, b in zip(paths["argmax"], argmax, strict=True))
predictions["RNN + Viterbi (hybrid)"] = rnn_paths["hybrid"]
predictions["BiRNN + Viterbi (hybrid)"] = birnn_paths["hybrid"]

# %% [markdown] slideshow={"slide_type": "subslide"} translates="ff771ea17477"
# **2. 윈도우 위의 사후 확률.** 각 토큰 주변의 단어 $2w + 1$개, 곧 $x_{t-w}, \dots, x_{t+w}$만
# 읽는 태거(그 윈도우 위를 도는 작은 양방향 LSTM, `experiments.train_window_tagger`)의 사후
# 확률은 $p(y_t \mid x_{t-w..t+w})$입니다. $w = 0$이면 국소적이고, $w$가 커질수록 문맥을 더
# 많이 봅니다. 각 사후 확률을 토큰마다 따로(argmax), 그리고 전이 확률과 함께(하이브리드)
# 디코딩해서, 5절의 RNN들과 나란히 중의적 테스트 토큰에서 둘 다 채점합니다.

# %% slideshow={"slide_type": "fragment"}
# window taggers of width 0, 1 and 2 (3 epochs each); the tests re-run this with other seeds
hybrid_table = experiments.hybrid_experiment(
    train_words, train_tags, test_words, test_tags, ambiguous, V, K, rng=rng
)
for label in ("RNN", "BiRNN"):
    hybrid_table[f"{label} (section 5)"] = {
        "argmax": analysis.accuracy(predictions[f"{label} (argmax)"], test_tags, ambiguous),
        "hybrid": analysis.accuracy(
            predictions[f"{label} + Viterbi (hybrid)"], test_tags, ambiguous
        ),
    }
print(f"{'posterior on':22s} {'argmax':>8s} {'hybrid':>8s} {'gain':>7s}   (ambiguous test tokens)")
for name, row in hybrid_table.items():
    print(
        f"{name:22s} {row['argmax']:8.3f} {row['hybrid']:8.3f} {row['hybrid'] - row['argmax']:+7.3f}"
    )
print(f"{'HMM':22s} {hmm_amb:17.3f}")

# %% slideshow={"slide_type": "fragment"}
hybrid_checks = experiments.hybrid_claims(hybrid_table, hmm_amb)
for claim, holds in hybrid_checks.items():
    print("holds:" if holds else "FAILS:", claim)
assert all(hybrid_checks.values())

# %% [markdown] slideshow={"slide_type": "fragment"} translates="ae2fb8653e20"
# 숫자가 보여 주는 것(각 줄은 여기서, 그리고 `tests/test_tagging.py`에서 다른 시드 두 개로
# assert로 확인합니다):
#
# * 단어 하나만 볼 때($w = 0$)는 사후 확률이 *the can*과 *I can*을 구별할 수 없습니다.
#   문맥은 모두 전이 확률이 공급하고, 정확한 경우가 말하는 그대로 하이브리드는 HMM과 거의
#   같은 자리에 옵니다.
# * 양쪽으로 한두 단어씩 더 보면, 이 말뭉치에서 태그를 정하는 정보 대부분을 윈도우 사후
#   확률이 이미 보므로 전이 확률은 거의 또는 전혀 보태지 않습니다(3 %p 미만).
# * 단방향 RNN은 `t` 앞의 모든 것을 보고 뒤는 전혀 보지 못합니다. 전이 확률이 다음 태그의
#   정보를 가져와 뚜렷이 도움이 됩니다(2 %p 초과).
# * 사후 확률이 문장 전체를 조건으로 하는 양방향 RNN에서는 전이 확률이 거의 아무것도 바꾸지
#   않습니다(어느 쪽으로든 1 %p 미만). 이 말뭉치에서 중복 계산이 결과를 망치지는 않지만 얻는
#   것도 없습니다. 이미 문장 전체를 보는 사후 확률이라면, 스케일링된 가능도 위의 비터비는
#   유도된 결과가 아니라 휴리스틱(heuristic)입니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="8809b99d56d8"
# ## 7. 비교
#
# 여섯 태거 모두를 같은 테스트 문장에서 채점합니다. 전체 토큰에서의 정확도, 중의적 토큰에서의
# 정확도, 그리고 단어 *like*(동사 또는 전치사) 하나의 토큰들에서의 정확도입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="e86dc24255b8"
# 말할 내용: 여섯 태거 모두를 같은 문장에서 비교합니다. 수강생에게 묻기: *표를 보기 전에,
# "like"에서는 어느 태거가 가장 좋을까요?*

# %% slideshow={"slide_type": "fragment"}
# `like` masks the tokens of the word "like"; the tests score their taggers the same way
table = experiments.accuracy_table(predictions, test.sentences, test_tags, ambiguous)
print(f"{'tagger':26s} {'all':>7s} {'ambiguous':>10s} {'like':>7s}")
for name, row in table.items():
    print(f"{name:26s} {row['all']:7.3f} {row['ambiguous']:10.3f} {row['like']:7.3f}")

# %% [markdown] slideshow={"slide_type": "subslide"} translates="55f41d5a5335"
# 표가 보여 주는 것, 그리고 테스트가 시도하는 다른 시드에서도 성립하는 것은 다음과 같습니다(이
# 차이들은 `tests/test_tagging.py`에서 다른 시드 두 개로 다시 확인합니다).
#
# * 중의적 토큰에서 기준선은 다른 모든 태거에 크게 뒤처집니다.
# * **단방향 RNN**은 문맥 모델 가운데 가장 약합니다. *her*나 *light*의 태그를 결정하는 단어는
#   *뒤*에 오기 때문입니다. 세어서 구한 전이 확률을 비터비로 더하면 이 약점이 대부분
#   메워집니다. 다음 태그로 가는 전이가 올바른 문맥을 거꾸로 실어 오기 때문입니다(중의적
#   토큰에서 2 %p 초과).
# * **양방향 RNN**은 이미 양쪽을 보므로 단방향 RNN보다 2 %p 넘게 앞서고, 그 위에 비터비를
#   얹어도 거의 달라지지 않습니다(0.5 %p 넘게 나빠지지는 않습니다).
# * *like*에서는 양방향 RNN이 HMM보다 2 %p 넘게 앞섭니다. "the flies **like** the bird"(동사)와
#   "they saw the flies **like** a bird"(전치사)는 기억이 태그 하나뿐인 모델에게는 똑같아
#   보입니다(앞에는 명사, 뒤에는 한정사). 절 전체를 기억하는 모델(이미 동사가 나왔는가?)만
#   둘을 구별할 수 있습니다.

# %% slideshow={"slide_type": "fragment"}
# the claims above, checked by the tests on other seeds too
claims = experiments.tagging_claims(table)
for claim, holds in claims.items():
    print("holds:" if holds else "FAILS:", claim)
assert all(claims.values())

# %% [markdown] translates="89a55d67b80c"
# 각 모델이 아직도 틀리는 단어는 무엇일까요? 단어별로 실수를 세어 봅니다.

# %% slideshow={"slide_type": "fragment"}
for name in ("HMM (counts + Viterbi)", "RNN (argmax)", "RNN + Viterbi (hybrid)", "BiRNN (argmax)"):
    errors = Counter(
        w
        for s, p, g in zip(test.sentences, predictions[name], test_tags, strict=True)
        for w, a, b in zip(s, p, g, strict=True)
        if a != b
    )
    print(f"{name:26s}", ", ".join(f"{w} {n}" for w, n in errors.most_common(5)))

# %% [markdown] slideshow={"slide_type": "slide"} translates="3fe185e33aa5"
# ## 8. 격자 탐색하기
#
# 문장을 하나 고르고 **단방향 RNN**의 두 디코더를 번갈아 봅니다.
#
# * *RNN만*(RNN only): 각 단어가 사후 확률이 가장 높은 태그를 받습니다. 한 단어의 태그를
#   다음 단어의 태그와 이어 주는 것이 없으므로, 역추적 포인터는 모두 앞 열의 선두를
#   가리킵니다.
# * *하이브리드*(hybrid, "RNN + 전이" 버튼): 스케일링된 가능도에 전이 확률을 더합니다. 이제
#   칸마다 최적의 이전 칸이 다르고, 국소적으로는 두 번째인 태그가 이웃과 잘 맞아서 이길 수
#   있습니다.
#
# 탐색기가 보여 주는 문장은 두 디코더의 결과가 서로 다른 문장들입니다. 주홍색 고리는 정답 태그와
# 다른 태그를 표시합니다.
#
# **질문.** 두 방식으로 문장을 하나씩 넘겨 보며 아래 설명 글(note)로 세어 보십시오.
# 하이브리드가 RNN만 쓸 때보다 단어를 더 많이 맞히는 문장은 몇 개이고, 더 적게 맞히는
# 문장은 몇 개입니까?

# %% [markdown] slideshow={"slide_type": "notes"} translates="8b79e169c65b"
# 탐색기에서: "her"가 들어 있는 문장을 골라 'RNN만' 방식과 하이브리드 방식을 번갈아 보여 줍니다.
# 수강생에게 묻기: *하이브리드가 틀렸을 때, 무엇이 하이브리드를 잘못된 쪽으로 끌어당겼을까요?*

# %% slideshow={"slide_type": "slide"}
disagree = [
    i
    for i, lp in enumerate(rnn_post)
    if not np.array_equal(predictions["RNN (argmax)"][i], predictions["RNN + Viterbi (hybrid)"][i])
    and len(lp) <= 9
][:12]
assert len(disagree) >= 3
explorer = trellis_explorer(
    [test.sentences[i] for i in disagree],
    [rnn_post[i] for i in disagree],
    prior,
    transitions,
    TAGS,
    gold=[test_tags[i] for i in disagree],
)
explorer

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# the hybrid wins on more of these sentences than it loses, but not on all: the
# transitions fix some tags and spoil others (see the question below).
gains = [
    int((predictions["RNN + Viterbi (hybrid)"][i] == test_tags[i]).sum())
    - int((predictions["RNN (argmax)"][i] == test_tags[i]).sum())
    for i in disagree
]
better, worse = sum(g > 0 for g in gains), sum(g < 0 for g in gains)
assert better > worse, gains

# %% [markdown] slideshow={"slide_type": "subslide"} translates="219e719415e7"
# 해 볼 것: *her*가 들어 있는 문장을 찾아 하이브리드가 다음 단어의 태그를 이용하는 모습을
# 보십시오. 명사 앞의 *light*도 찾아보십시오. 하이브리드는 틀렸는데 RNN만 쓸 때는 맞았던
# 문장을 찾을 수 있습니까? 무엇이 하이브리드를 다른 쪽으로 끌어당겼을까요?
#
# ## 9. 연습 문제
#
# **연습 문제 1 (전이 횟수).** 학습 문장 가운데 처음 다섯 개의 태그 시퀀스로 `(K, K)` 행렬
# `C`를 만드십시오. `C[i, j]`는 한 문장 안에서 태그 `j`가 태그 `i` 바로 뒤에 오는
# 횟수입니다. 평활화하지 않은 원래 횟수를 씁니다.

# %% slideshow={"slide_type": "skip"}
few = [t.tolist() for t in train_tags[:5]]
C = None  # your code here
is_correct = exercises.check_transition_counts(C, few, K)
# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
C_solution = np.zeros((K, K))
for tags in few:
    for previous, current in itertools.pairwise(tags):
        C_solution[previous, current] += 1
assert exercises.check_transition_counts(C_solution, few, K)

# %% [markdown] slideshow={"slide_type": "skip"} translates="205ee1e6fc5f"
# **연습 문제 2 (비터비).** 최적 경로를 태그 id 배열로 돌려주는 디코더
# `decode(scores, log_transition, log_start)`를 완성하십시오. 여기서는 끝 항(end term)이
# 없습니다. 격자를 만든 다음(4절의 재귀식을 다시 써도 됩니다), 최적의 마지막 태그에서 첫
# 단어까지 역추적 포인터를 따라가십시오.


# %% slideshow={"slide_type": "skip"}
def decode(scores, log_transition, log_start):
    # trellis, best last tag, back-tracking
    raise NotImplementedError  # your code here


is_correct = exercises.check_viterbi(decode)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def decode_solution(scores, log_transition, log_start):
    steps, num_tags = scores.shape
    delta = log_start + scores[0]
    back = []
    for t in range(1, steps):
        candidates = delta[:, None] + log_transition
        back.append(candidates.argmax(axis=0))
        delta = candidates.max(axis=0) + scores[t]
    path = [int(delta.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return np.array(path[::-1])


assert exercises.check_viterbi(decode_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="b334848ef0a7"
# **연습 문제 3 (스케일링된 가능도).** 첫 번째 테스트 문장에 대해, 양방향 RNN의 로그 사후
# 확률 `birnn_post[0]`(형태 `(T, K)`)을 `prior`를 써서 스케일링된 로그 가능도로 바꾸십시오.

# %% slideshow={"slide_type": "skip"}
scaled = None  # your code here
is_correct = exercises.check_scaled_likelihoods(scaled, birnn_post[0], prior)
# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
scaled_solution = birnn_post[0] - np.log(prior)
assert exercises.check_scaled_likelihoods(scaled_solution, birnn_post[0], prior)

# %% [markdown] slideshow={"slide_type": "slide"} translates="2904405922c0"
# ## 요약
#
# * 시퀀스 태깅은 단어마다 레이블을 하나씩 붙입니다. 중의적 단어(*book, can, saw, flies,
#   like, her*)가 있으면 단어만으로는 부족하고, 문맥이 태그를 정합니다.
# * 전이 확률은 태그 쌍의 횟수입니다. 보지 못한 쌍이 불가능한 것이 아니라 드문 것이 되도록
#   평활화합니다.
# * 비터비는 `T K²` 단계 만에 최적의 태그 시퀀스를 찾습니다. 부분 경로의 최고 점수를 담은
#   격자, 역추적 포인터, 그리고 최적의 마지막 태그에서 시작하는 역추적으로 이루어집니다.
#   계산은 로그 공간에서 합니다.
# * 사후 확률을 사전 확률 `p(tag)`로 나누면 스케일링된 가능도가 되고, 비터비는 이것을 전이
#   확률과 합칩니다(하이브리드 디코더). 단어 하나만 보고 낸 사후 확률이면 이 방법은 정확합니다
#   (HMM을 그대로 돌려줍니다). RNN의 사후 확률이면 모든 단어에서 문장 전체를 채점하는 셈이어서
#   근사입니다. 측정해 보니 전이 확률은 단어만 보는 태거에는 크게, 단방향 RNN에는 뚜렷이
#   도움이 되고, 양쪽으로 한두 단어씩 윈도우를 보는 태거에는 거의 또는 전혀 보태지 않으며,
#   양방향 RNN에서는 거의 아무것도 바꾸지 않습니다.
# * 이 말뭉치에서는 세기(HMM)만으로도 꽤 멀리 갑니다. 단방향 RNN은 오른쪽 문맥을 되찾으려면
#   전이 확률이 필요합니다. 양방향 RNN은 양쪽을 다 보므로, 전이 확률 없이도 절 전체가
#   중요한 곳(*like*)에서 HMM을 앞섭니다.
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 품사 태깅 | part-of-speech tagging | 각 단어에 문법 범주(명사, 동사, ...)를 붙이는 일 |
# | 시퀀스 태깅 | sequence tagging | 입력 단계마다 레이블을 하나씩 내는 다대다 예측 |
# | 문맥 | context | 중의적 단어의 태그를 정해 주는 주변 단어들 |
# | 확률 문법 | probabilistic grammar | 확률에 따라 골라 쓰는 다시쓰기 규칙. 이 장의 말뭉치를 만드는 데 씀 |
# | 테스트 세트 | test set | 학습에서 빼 두고 정확도를 잴 때만 쓰는 문장들 |
# | 전이 확률 | transition probability | `p(tag_t \| tag_{t-1})`. 태깅된 데이터에서 세어서 구한 값 |
# | 평활화 | smoothing | 모든 사건에 작은 횟수를 더해 어떤 사건도 확률 0을 받지 않게 하는 것 |
# | 태그 사전 확률 | tag prior | `p(tag)`: 단어와 상관없이 태그가 나오는 빈도 |
# | 방출 확률 | emission probability | HMM의 `p(word \| tag)` |
# | 은닉 마르코프 모델 | hidden Markov model (HMM) | 숨은 태그가 마르코프 연쇄를 따라 이어지고, 태그마다 단어를 하나씩 방출하는 모델 |
# | 비터비 알고리즘 | Viterbi algorithm | 격자를 지나는 최적 경로를 찾는 동적 계획법 |
# | 격자 | trellis | (단어, 태그)마다 칸이 하나씩 있는, 최적 부분 경로 점수의 표 |
# | 역추적 포인터 | back-pointer | 칸마다 기록하는, 그 칸까지의 최적 부분 경로에서 바로 앞의 태그 |
# | 임베딩 | embedding | 단어 id마다 학습하는 벡터 |
# | 양방향 RNN | bidirectional RNN | 왼쪽에서 오른쪽으로, 오른쪽에서 왼쪽으로 읽는 두 RNN의 상태를 이어 붙인 것 |
# | 마스크 | mask | 실제 토큰은 1, 패딩은 0. 패딩 위치는 손실에 더해지지 않음 |
# | 가능도 | likelihood | `p(evidence \| tag)`: 태그가 관측된 것을 얼마나 잘 설명하는지 |
# | 사후 확률 | posterior | `p(tag_t \| words it has read)`. RNN의 소프트맥스가 내는 값 |
# | 스케일링된 가능도 | scaled likelihood | 사후 확률을 사전 확률로 나눈 값. 사후 확률이 단어 하나만 볼 때 `p(word \| tag)`에 비례 |
# | 베이즈 정리 | Bayes' rule | `p(a \| b) = p(b \| a) p(a) / p(b)` |
