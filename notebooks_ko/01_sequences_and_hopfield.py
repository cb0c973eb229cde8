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

# %% [markdown] slideshow={"slide_type": "slide"} translates="559edf63efc2"
# # 1장: 시퀀스, 기억, 홉필드 네트워크 (Sequences, memory and Hopfield networks)
#
# 단어, 소리, 가격, 센서 측정값은 하나씩 차례로 들어오고, 한 항목의 뜻은 그 앞에 무엇이
# 왔는지에 따라 달라지는 일이 많습니다. 이런 **순차 데이터**(sequential data)를 읽으려면 신경망에
# **기억**(memory)이 있어야 합니다. 이 장에서는 먼저 고정된 입력 윈도우(window)를 쓰는 신경망이
# 왜 부족한지 살펴보고, 이어서 기억하는 최초의 신경망인 **홉필드 네트워크**(Hopfield network)를
# 공부합니다. 홉필드 네트워크는 손상된 사본에서 그림 전체를 되살려 내는 **연상 기억**(associative
# memory)입니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. "사과"라는 낱말을 예로 들어, 한 항목의 뜻이 얼마든지 멀리 떨어진 앞 문맥에 달려 있을 수
#    있다는 것과 고정된 입력 윈도우를 쓰는 모델은 그 문맥을 쓸 수 없다는 것을 설명할 수 있습니다.
# 2. 양극성(bipolar, +1/-1) 패턴을 헤브 규칙(Hebbian rule)으로 홉필드 네트워크에 저장하고, 부호
#    갱신을 되풀이해 회상할 수 있습니다. 먼저 numpy 몇 줄로, 다음에는 `rnnlib`으로 합니다.
# 3. 상태의 에너지(energy)를 정의하고, 비동기 갱신(asynchronous update)이 에너지를 결코 높이지
#    않음을 보이고, 동기 갱신(synchronous update)은 그 대신 2-주기 진동(2-cycle)에 빠질 수 있는
#    이유를 설명할 수 있습니다.
# 4. 한 번의 갱신에서 생기는 오류율을 이론값 `½ erfc(√(N/2P))`와 비교해 측정하고, 회상이 무너지는
#    저장 용량(capacity)의 한계가 `P ≈ 0.138 N` 근처에 있음을 확인할 수 있습니다(유도 과정은 장의
#    끝에 있는 선택 학습 부분 "더 나아가기"에 있습니다).
# 5. 가짜 기억(spurious memory), 즉 반전된 패턴과 혼합 상태를 알아볼 수 있습니다.
# 6. [2장](02_vanilla_rnn.ipynb)의 순환 신경망에는 있고 홉필드 네트워크에는 없는 것이 무엇인지
#    말할 수 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="448e9a0c5e84"
# 약 60분. 탐색기(explorer): 회상(4절), 저장 용량(6절). 말할 내용: 시퀀스를 읽으려면 문맥이
# 필요합니다. 고정된 윈도우는 단서가 윈도우 밖으로 벗어나는 순간 실패합니다. 홉필드 네트워크는
# 기억이 있는 최초의 신경망이며, 안정된 상태로 가라앉으면서 기억을 떠올립니다.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
from collections import Counter

import numpy as np

from rnnlib import hopfield, patterns
from rnnlib.exercises import ch01 as exercises
from rnnlib.experiments import ch01 as experiments
from rnnlib.i18n import set_language, tr
from rnnlib.viz import new_axes, use_course_style
from rnnlib.viz.hopfield import (
    plot_capacity,
    plot_patterns,
    plot_recall,
)
from rnnlib.widgets.hopfield import capacity_explorer, recall_explorer

use_course_style()
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="d9cbd60dd3fc"
# ## 1. 시퀀스에는 문맥이 필요합니다: "나는 사과를 받고 싶다"
#
# **사과**라는 낱말에는 일상에서 쓰는 뜻이 두 가지 있습니다. 먹는 과일 **사과**(apple)와, 잘못을
# 비는 **사과**(apology, '사과하다'의 사과)입니다. 그래서 **나는 사과를 받고 싶다**는 "과일 사과를
# 받고 싶다"로도, "사과의 말을 듣고 싶다"로도 읽히며, 문장 안에는 어느 쪽인지 정해 주는 것이
# 없습니다. (이 강좌의 바탕이 된 강의 노트에는 "사과를 갖고 싶다"라고 쓰여 있었습니다. 과일이라면
# 자연스럽지만 사죄의 뜻으로는 어색합니다. 사과는 *받는* 것이기 때문입니다.) 어느 뜻인지는 앞에
# 온 말이 정합니다.
#
# | 한국어 | 영어 | 사과의 뜻 |
# |---|---|---|
# | 과일을 나눠 주고 있다. 나는 사과를 받고 싶다. | They are handing out fruit. I want a *sagwa*. | 과일 |
# | 그가 거짓말을 했다. 나는 사과를 받고 싶다. | He lied to me. I want a *sagwa*. | 사죄 |
#
# 영어에도 같은 문제가 있습니다("bank"는 은행 또는 강둑, "bat"은 박쥐 또는 방망이, "light"는 빛
# 또는 가벼운). 어느 언어에서든 단서는 애매한 낱말보다 몇 단어, 때로는 몇 문장 앞에 있을 수
# 있습니다. 문장을 읽는 모델은 지금까지 읽은 것을 계속 지니고 있어야 합니다.
#
# **고정된 윈도우로는 부족합니다.** 순방향 신경망(feed-forward network)은 크기가 정해진 입력을
# 받습니다. 그래서 글을 읽힐 때는 판단할 낱말 바로 앞의 `k`개 단어, 즉 *윈도우*(window)를 줍니다.
# 그보다 더 앞에 있는 것은 모델에 닿지 않습니다. 장난감 말뭉치(toy corpus)로 이것을 구체적으로
# 확인해 봅시다. 각 문장은 단서 낱말 하나, 아무 정보도 없는 채움말(filler) 몇 개, 그리고 "나는
# 사과를 받고 싶다"로 이루어집니다. **거리**(distance)는 단서가 "사과를"보다 몇 자리 앞에 있는지를
# 뜻합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="ab52ceb86826"
# 말할 내용: 사과는 과일일 수도 사죄일 수도 있고, 문맥만이 이를 정합니다. 수강생에게 묻기:
# *결정적인 단서는 몇 단어 앞까지 있을 수 있을까요?* (얼마든지: 어떤 고정된 윈도우로도 충분하지
# 않습니다)

# %% slideshow={"slide_type": "subslide"}
CLUES = {
    "apple": [
        "배고파서",
        "과수원에서",
        "후식으로",
    ],  # because hungry / at the orchard / for dessert
    "apology": [
        "거짓말해서",
        "무시해서",
        "억울해서",
    ],  # because (he) lied / because (he) ignored me / because I was wronged
}
FILLERS = [
    "오늘",
    "정말",
    "그래서",
    "저녁에",
    "조용히",
    "다시",
]  # today, really, so, in the evening, quietly, again
TAIL = ["나는", "사과를", "받고", "싶다"]


def make_sentences(n, distance, rng):
    """n sentences whose clue sits `distance` positions before 사과를, with their senses."""
    senses = [str(sense) for sense in rng.choice(["apple", "apology"], size=n)]
    sentences = []
    for sense in senses:
        clue = str(rng.choice(CLUES[sense]))
        fillers = [str(word) for word in rng.choice(FILLERS, size=distance - 2)]
        sentences.append([clue] + fillers + TAIL)
    return sentences, senses


def window(sentence, k):
    """The k words just before 사과를: all that a window model sees."""
    position = sentence.index("사과를")
    return sentence[max(0, position - k) : position]


sentences, senses = make_sentences(3, distance=4, rng=rng)
for sentence, sense in zip(sentences, senses, strict=True):
    print(" ".join(sentence), "->", sense, "| window of 3:", window(sentence, 3))


# %% [markdown] translates="331fc8ca4429"
# 윈도우 모델이 할 수 있는 최선은 윈도우 안의 어떤 낱말이 어느 뜻을 가리키는지 배우는 것입니다.
# 여기서 쓰는 윈도우 모델은 학습 문장 1000개에서 각 낱말이 각 뜻의 윈도우에 몇 번 나오는지 세고,
# 그 횟수로 투표합니다(나이브 베이즈 분류기, naive Bayes classifier). 신경망을 포함해 다른 어떤
# 모델도 같은 윈도우만 보므로, 단서가 윈도우를 벗어나면 이보다 나을 수 없습니다.


# %% slideshow={"slide_type": "subslide"}
def train_window_model(sentences, senses, k):
    counts = Counter(
        (word, sense) for s, sense in zip(sentences, senses, strict=True) for word in window(s, k)
    )

    def predict(sentence):
        score = sum(
            np.log((counts[word, "apple"] + 1) / (counts[word, "apology"] + 1))
            for word in window(sentence, k)
        )
        return "apple" if score > 0 else "apology"

    return predict


distances = np.arange(2, 11)
window_sizes = [2, 4, 8]
accuracy = np.zeros((len(window_sizes), len(distances)))
for col, distance in enumerate(distances):
    train = make_sentences(1000, distance, rng)
    test_sentences, test_senses = make_sentences(1000, distance, rng)
    for row, k in enumerate(window_sizes):
        predict = train_window_model(*train, k)
        hits = [predict(s) == sense for s, sense in zip(test_sentences, test_senses, strict=True)]
        accuracy[row, col] = np.mean(hits)

fig, ax = new_axes(figsize=(8, 3.8))
for k, acc in zip(window_sizes, accuracy, strict=True):
    ax.plot(distances, acc, marker="o", label=tr("window of {k} words", k=k))
ax.axhline(0.5, color="gray", linestyle=":", label=tr("coin flip"))
ax.set_xlabel(tr("distance of the clue before 사과를 (words)"))
ax.set_ylabel(tr("test accuracy (apple vs apology)"))
ax.set_title(tr("A fixed window is blind to clues beyond its edge"))
legend = ax.legend()

# %% [markdown] slideshow={"slide_type": "subslide"} translates="7b2cdaf827a2"
# 윈도우의 크기와 상관없이, 단서가 윈도우 안에 있으면 정확도는 완벽하고 밖에 있으면 동전 던지기보다
# 나을 것이 없습니다. (테스트 문장 1000개에서 동전 던지기의 정확도는 0.5 ± 0.016입니다.)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
for row, k in enumerate(window_sizes):
    inside = distances <= k
    assert np.all(accuracy[row, inside] >= 0.99), "clue inside the window: (almost) perfect"
    assert np.all(np.abs(accuracy[row, ~inside] - 0.5) < 0.07), "clue outside: chance level"
print("window | accuracy, clue inside (worst) | clue outside (mean)")
for row, k in enumerate(window_sizes):
    inside = distances <= k
    print(f"{k:6d} | {accuracy[row, inside].min():28.2f} | {accuracy[row, ~inside].mean():.1f}")

# %% [markdown] slideshow={"slide_type": "subslide"} translates="a05843a6d6ac"
# 윈도우를 키워도 경계가 옮겨질 뿐입니다. 단서가 윈도우보다 더 앞에 있는 문장에서는 여전히
# 실패하고, 윈도우가 길수록 모델이 따져야 할 입력도 많아집니다. (여기서 쓰는 윈도우 모델은 낱말을
# 셀 뿐 윈도우 안에서 낱말이 *어디에* 있는지는 보지 않습니다. 윈도우 안의 낱말을 뒤섞어도 답이
# 그대로입니다. 윈도우를 입력 벡터 하나로 받는 순방향 신경망이라면 반대로 자리마다 따로 가중치를
# 두어야 합니다.)

# %%
window_model = train_window_model(*make_sentences(1000, 4, rng), k=4)
for sentence in make_sentences(200, 4, rng)[0]:
    start = sentence.index("사과를") - 4
    shuffled = (
        sentence[:start]
        + list(rng.permutation(sentence[start : start + 4]))
        + sentence[start + 4 :]
    )
    assert window_model(shuffled) == window_model(sentence)
print("200 sentences: the same answer with the window's words shuffled")

# %% [markdown] translates="b389c56b9e7c"
# 그러니 우리에게 필요한 것은 **낱말을 하나씩 읽으면서 지금까지 읽은 모든 것의 요약을 지니고 가는**
# 모델, 즉 매 시점(time step) 갱신되는 상태가 있는 모델입니다. 그것이 [2장](02_vanilla_rnn.ipynb)의 주제인
# 순환 신경망(recurrent neural network, RNN)입니다.
#
# 그런데 시퀀스를 읽는 RNN보다 먼저, 순환(recurrence)은 다른 곳에 쓰였습니다. 바로 기억 그 자체입니다.
# 1982년 존 홉필드(John Hopfield)는 유닛들이 서로에게 출력을 되먹이다가 저장된 기억 하나에 자리
# 잡는 신경망을 내놓았습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="f0561ffe1519"
# 말할 내용: 윈도우를 키워도 경계가 옮겨질 뿐이고, 자리마다 따로 가중치가 필요합니다. 우리에게
# 필요한 것은 매 시점 같은 규칙으로 갱신되는 상태이며, 강좌는 이 방향으로 나아갑니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="042abd4f10c8"
# ## 2. 홉필드 네트워크: 가라앉으며 떠올리는 기억
#
# 사람의 기억은 **내용으로 찾아가는**(content-addressable) 기억입니다. 냄새 하나, 노래 몇 음만으로도
# 장면 전체가 떠오릅니다. 주소로 찾아보는 것이 아니라 조각 하나면 충분합니다. 홉필드 네트워크는
# 그림으로 이 일을 합니다. 패턴 몇 개를 저장해 두고, 손상된 사본(**단서**, cue)을 주면 그 사본을 한
# 단계씩 고쳐 가장 닮은 저장 패턴이 되게 합니다. 이것이 **연상 기억**(associative memory)입니다.
#
# **상태.** 신경망에는 `N`개의 유닛이 있고, 각 유닛은 +1("켜짐") 아니면 -1("꺼짐")입니다. 그래서
# 상태는 **양극성**(bipolar) 벡터 `s ∈ {-1, +1}^N`입니다. 여기서 쓰는 패턴은 10 × 10 격자에 그린
# 글자이므로 `N = 100`이고, 어두운 칸은 +1, 밝은 칸은 -1입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="dc5ddf96805b"
# 말할 내용: 주소가 아니라 내용으로 찾는 기억입니다. 손상된 단서가 한 단계씩 고쳐져 가장 닮은 저장
# 패턴이 됩니다. 수강생에게 묻기: *노래 세 음만 듣고 어떻게 그 노래를 떠올릴까요?*

# %% slideshow={"slide_type": "subslide"}
names = list(patterns.COURSE_GLYPHS)
memories = patterns.glyph_patterns(names)  # (P, N) = (5, 100)
print("stored patterns:", memories.shape)
fig = plot_patterns(
    memories, titles=names, suptitle=tr("The five memories: letters on a 10 × 10 grid")
)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="57a0226b2199"
# **저장: 헤브 규칙**(Hebbian rule). "함께 발화하는 유닛은 함께 연결된다": 유닛 `i`와 `j` 사이의
# 가중치는 한 패턴에서 둘이 같은 값이면 커지고 다르면 작아집니다. `P`개 패턴 `ξ^1 … ξ^P`(ξ는 그리스
# 문자 *크시*)에 걸쳐 더하면 다음과 같습니다.
#
# $$W_{ij} = \frac{1}{N} \sum_{\mu=1}^{P} \xi^\mu_i \, \xi^\mu_j \quad (i \ne j), \qquad W_{ii} = 0.$$
#
# 행렬로 쓰면 `W = (1/N) Σ_μ ξ^μ ξ^μᵀ`이고, 대각 성분은 0으로 둡니다. 가중치는 **미리 한 번
# 계산**합니다. 학습 루프도, 기울기도 없습니다. `W`는 대칭이고(`W_ij = W_ji`), 어떤 유닛도 자기
# 자신과 연결되지 않습니다.
#
# **회상: 부호를 따르는 갱신.** 각 유닛은 자신의 **국소장**(local field) `h_i = Σ_j W_ij s_j`, 즉 다른
# 모든 유닛의 가중 투표를 보고 그 부호를 따릅니다.
#
# $$s_i \leftarrow \begin{cases} +1 & h_i > 0 \\ -1 & h_i < 0 \\ s_i & h_i = 0 \text{ (tie: keep the current value)} \end{cases}$$
#
# (동점, 즉 `h_i = 0`이면 지금 값을 그대로 둡니다.) 바꾸려는 유닛이 하나도 없을 때까지 갱신을
# 되풀이합니다. 그러면 상태는 **고정점**(fixed point)이고 회상은 끝납니다. **비동기**(asynchronous)
# 갱신에서는 유닛들이 무작위 순서로 한 번에 하나씩 차례로 갱신되며, `N`개 유닛을 한 번씩 모두 도는
# 것을 *스윕*(sweep)이라고 합니다.
#
# numpy로 쓰면 이것이 전부입니다. `N`으로 나누어도 부호는 바뀌지 않으므로, 갱신에는 정수 합 `N W`를
# 씁니다(그래야 동점이 정확히 0이 됩니다).


# %% [markdown] slideshow={"slide_type": "notes"} translates="b940ddcfbc7f"
# 헤브 규칙을 차근차근 풀어 설명합니다. 한 패턴에서 같은 값이면 가중치가 커지고, 다르면 작아집니다.
# 수강생에게 묻기: *저장된 모든 패턴에서 늘 같은 값인 두 유닛 사이의 가중치는 어떻게 될까요?*
# (양수이고, 가능한 값 가운데 가장 큽니다)


# %% slideshow={"slide_type": "subslide"}
def store(xi):
    """Hebbian weights of (P, N) patterns."""
    W = xi.T @ xi / xi.shape[1]
    np.fill_diagonal(W, 0.0)
    return W


def recall_async(W, cue, rng):
    """Asynchronous sign updates until a sweep changes nothing."""
    s = cue.copy()
    counts = np.rint(W * len(s))  # N W: integers, same signs as W s
    while True:
        changed = False
        for i in rng.permutation(len(s)):
            h = counts[i] @ s
            new = 1.0 if h > 0 else -1.0 if h < 0 else s[i]
            changed |= new != s[i]
            s[i] = new
        if not changed:
            return s


W = store(memories)
cue = patterns.noisy_copy(memories[0], fraction=0.25, rng=rng)  # "A" with 25 units flipped
recalled = recall_async(W, cue, np.random.default_rng(1))
print("units wrong in the cue:", int(np.sum(cue != memories[0])))
print("units wrong after recall:", int(np.sum(recalled != memories[0])))

# %% [markdown] translates="400aa263f5d1"
# `rnnlib.hopfield`는 같은 신경망을 구현하면서 입력 검사, 모든 단계의 기록, 회상이 멈춘 이유를
# 더해 줍니다. 무작위 순서가 같으면 같은 숫자가 나옵니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
network = hopfield.HopfieldNetwork.from_patterns(memories)
result = network.recall(cue, mode="asynchronous", rng=np.random.default_rng(1))
assert np.allclose(network.weights, W) and np.array_equal(network.weights, network.weights.T)
assert np.array_equal(result.final, recalled)
print(
    f"stop reason: {result.stop_reason}; {result.num_steps} units changed in {result.sweeps} sweeps"
)
overlaps = network.overlaps(result.final)
print(
    "overlap with each memory:",
    ", ".join(f"{n} {m:+.2f}" for n, m in zip(names, overlaps, strict=True)),
)

# %% [markdown] translates="63d1767c3590"
# **중첩도**(overlap) `m_μ = (1/N) ξ^μ · s`는 상태와 기억이 얼마나 닮았는지 잽니다. 똑같으면 1,
# 정확히 반전되었으면 -1, 관계가 없으면 0에 가깝습니다. 아래 그림은 회상을 한 단계씩 보여 줍니다.
# 각 단계에서 유닛 하나가 바뀝니다(빨간 테두리). 오른쪽의 에너지는 다음 절에서 설명합니다.

# %% slideshow={"slide_type": "subslide"}
fig = plot_recall(
    result, snapshots=6, title=tr("Asynchronous recall of 'A' from a cue with 25% of units flipped")
)
# %% [markdown] slideshow={"slide_type": "subslide"} translates="1d621002a4fe"
# 이 회상은 얼마나 믿을 만할까요? 유닛의 20%(100개 중 20개)를 뒤집은 단서 300개에서 시작하면,
# 회상은 거의 언제나 올바른 글자(중첩도가 가장 크고 0.9 이상)에 도착합니다. 단서의 약 95%에서
# 그렇습니다(검사는 85%를 넘으면 통과로 보는데, 이 여유는 다른 시드들에서 나온 편차를 보고 테스트에서
# 정한 것입니다). 저장된 글자가 다섯 개뿐이니 이 신경망의 기억은 튼튼합니다. 저장된 글자 자체는
# 고정점입니다. 한 번 갱신해도 바뀌는 유닛이 없습니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
recall_rate = experiments.letter_recall_rate(num_cues=300, noise=0.2, rng=rng)
print(f"right letter recalled from 20% noise: {recall_rate:.0%} of 300 cues")
assert recall_rate > 0.85
assert np.array_equal(network.step(memories, mode="synchronous"), memories)

# %% [markdown] slideshow={"slide_type": "slide"} translates="b012f9c79365"
# ## 3. 에너지: 회상이 반드시 멈추는 이유
#
# 홉필드의 핵심 통찰은 모든 상태에 숫자 하나, 즉 **에너지**(energy)를 매기는 것이었습니다.
#
# $$E(s) = -\frac{1}{2} \sum_{i,j} W_{ij}\, s_i s_j = -\frac{1}{2}\, s^\top W s.$$
#
# 같은 값이어야 "할" 유닛 쌍(양의 가중치)이 실제로 같은 값이면 에너지가 낮아집니다. 이제 유닛 `i`
# 하나를 자기 국소장과 같은 부호로 뒤집어 봅시다. `i`가 들어 있는 항만 바뀌고, `W`는 대칭이며
# 대각 성분이 0이므로
#
# $$\Delta E = -(s_i^{\text{new}} - s_i^{\text{old}})\, h_i = -2\,|h_i| < 0.$$
#
# 따라서 **비동기 갱신에서 유닛을 뒤집을 때마다 에너지가 낮아집니다**. 상태는 `2^N`개뿐이므로
# 에너지가 끝없이 내려갈 수는 없습니다. 회상은 고정점, 즉 에너지의 국소 최솟값에서 멈출 수밖에
# 없습니다. 이것이 **에너지 지형**(energy landscape)이라는 그림입니다. 저장된 패턴은 골짜기 바닥에
# 있고, 단서는 비탈을 굴러 가장 가까운 골짜기로 들어갑니다.
#
# 이 지형의 한 단면을 볼 수 있습니다. 저장된 "A"에서 저장된 "H"까지, 둘이 다른 유닛을 하나씩 바꿔
# 가며 걸어가면서 에너지를 기록합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="481720760458"
# 말할 내용: 비동기 갱신에서는 뒤집을 때마다 에너지가 내려가기만 하고, 상태의 수는 유한하므로
# 회상은 반드시 멈춥니다. 수강생에게 묻기: *이 논증에 대칭 가중치와 0인 대각 성분이 왜
# 필요할까요?*

# %% slideshow={"slide_type": "subslide"}
a, h = memories[names.index("A")], memories[names.index("H")]
differ = rng.permutation(np.flatnonzero(a != h))
path = [a.copy()]
for unit in differ:
    path.append(path[-1].copy())
    path[-1][unit] = h[unit]
path_energy = network.energy(np.array(path))

fig, ax = new_axes(figsize=(8, 3.6))
ax.plot(np.arange(len(path)), path_energy, marker=".", color="#23395b")
ax.set_xlabel(tr("units switched from 'A' towards 'H' (of {total})", total=len(differ)))
ax.set_ylabel(tr("energy E(s)"))
ax.set_title(tr("Two valleys: the energy along a path from memory 'A' to memory 'H'"))
ax.annotate("'A'", (0, path_energy[0]), textcoords="offset points", xytext=(8, -4))
ax.annotate("'H'", (len(path) - 1, path_energy[-1]), textcoords="offset points", xytext=(-22, -4))
middle = path_energy[len(path) // 4 : 3 * len(path) // 4]
assert middle.min() > max(path_energy[0], path_energy[-1]), "a ridge separates the two valleys"

# %% [markdown] slideshow={"slide_type": "subslide"} translates="d10709ad9e33"
# "비동기 갱신에서 에너지는 결코 높아지지 않는다"는 주장을 여기서 모든 글자, 0%에서 50%까지의 모든
# 잡음 수준, 여러 무작위 순서에 대해 검사합니다. (테스트 모음은 무작위 대칭 신경망 수천 개에서도
# 검사합니다.)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
largest_rise, recalls = -np.inf, 0
for target in range(len(memories)):
    for fraction in np.arange(0.0, 0.51, 0.05):
        for order_seed in range(3):
            noisy = patterns.noisy_copy(memories[target], fraction=fraction, rng=rng)
            run = network.recall(noisy, rng=order_seed)
            assert run.stop_reason == "fixed point"
            if run.num_steps:
                largest_rise = max(largest_rise, np.diff(run.energies).max())
            recalls += 1
print(f"{recalls} recalls, every one ended at a fixed point")
assert largest_rise < 0, "every flip lowered the energy"

# %% [markdown] slideshow={"slide_type": "slide"} translates="732f8c0ac0a6"
# ## 4. 동기 갱신과 비동기 갱신
#
# 왜 유닛을 하나씩 갱신할까요? 다른 방법인 **동기**(synchronous) 갱신은 모든 국소장을 이전 상태에서
# 계산한 뒤 모든 유닛을 한꺼번에 바꿉니다: `s ← sign(W s)`. 더 간단하고 빠르지만(행렬 곱 한 번),
# 앞의 에너지 논증은 유닛이 하나만 바뀐다고 가정했으므로 더는 성립하지 않습니다.
#
# 가장 작은 예는 유닛 두 개와 저장 패턴 하나 `ξ = (+1, -1)`입니다. 가중치 `W_12 = -½`은 "서로
# 달라라"라는 뜻입니다. 두 유닛을 모두 +1에서 시작해 봅시다. 동기 갱신에서는 각 유닛이 상대를 +1로
# 보고 -1로 바뀌고, 다음에는 상대를 -1로 보고 다시 +1로 바뀌며, 이것이 끝없이 되풀이됩니다. 이것이
# **2-주기 진동**(2-cycle)입니다. 비동기 갱신에서는 먼저 움직인 유닛이 뒤집히고 나면 두 유닛의 값이
# 달라지므로, 신경망은 곧바로 고정점에 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="64f4d8fd3b2a"
# 말할 내용: 동기 갱신은 행렬 곱 한 번이면 되지만 2-주기 진동에 빠질 수 있습니다. 비동기 갱신은
# 언제나 고정점에서 끝납니다.
#
# 회상 탐색기에서: 회상이 실패할 때까지 잡음을 올리고, 동기 방식으로 바꿔 봅니다. 수강생에게
# 묻기: *잡음이 어느 수준일 때 회상이 실패하기 시작하고, 왜 50% 근처일까요?* (절반 넘게 틀린
# 단서는 반전된 패턴으로 굴러갑니다)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
pair = hopfield.HopfieldNetwork.from_patterns(np.array([[1.0, -1.0]]))
start = np.array([1.0, 1.0])
sync = pair.recall(start, mode="synchronous")
print("synchronous:", sync.states.tolist(), "->", sync.stop_reason, "of length", sync.cycle_length)
print("energies:", sync.energies.tolist())
assert sync.stop_reason == "cycle" and sync.cycle_length == 2
for order_seed in range(20):
    run = pair.recall(start, mode="asynchronous", rng=order_seed)
    assert run.stop_reason == "fixed point" and run.num_steps == 1
print("asynchronous (20 random orders): always a fixed point after one flip, e.g.", run.final)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="934c718dbd38"
# 동기 갱신의 2-주기 진동에서는 에너지가 일정하게 유지되므로, 이것은 내려가는 과정이 전혀 아닙니다.
# 한 정리(Goles, Fogelman-Soulié, Pellegrin, 1985)에 따르면 가중치가 대칭일 때 동기 동역학은 고정점
# 아니면 2-주기 진동으로 끝나고, 그보다 긴 주기는 생기지 않습니다. 비동기 동역학은 언제나 고정점에서
# 끝납니다. 글자 패턴에서는 동기 갱신도 대개 잘 되고, 한 단계에 많은 유닛을 한꺼번에 고치므로 단계
# 수도 더 적습니다. 아래 탐색기에서 두 방식을 비교해 보십시오.
#
# ## 5. 회상 탐색하기
#
# 글자 하나와 잡음 수준을 고른 다음 **step**(단계) 슬라이더를 끌어 회상을 다시 재생해 보십시오. 해 볼 만한
# 것들:
#
# * 잡음이 10-20%이면 두 방식 모두 대개 글자에 도착합니다. 동기 방식은 2-3단계면 됩니다.
# * 잡음이 35-45%이면 어떤 단서는 엉뚱한 골짜기에 빠지거나, 아예 어떤 글자도 아닌 상태에
#   빠집니다(중첩도를 보십시오). 이것이 *가짜* 기억입니다([7절](#7.-가짜-기억-(Spurious-memories))).
# * 잡음이 50%이면 단서에는 원래 글자에 대한 정보가 더는 없습니다.
# * 비동기 방식에서는 에너지가 내려가기만 합니다.
#
# **질문.** 잡음을 20%로 두고 모든 글자에서 두 방식을 비교해 보십시오. 각 방식에서 step 슬라이더는
# 어디까지 갈까요(슬라이더는 회상이 끝나는 곳에서 끝납니다)? 그리고 비동기 회상은 왜 훨씬 많은
# 단계가 걸릴까요?

# %% slideshow={"slide_type": "slide"}
recall = recall_explorer(rng=SEED)
recall

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# synchronous recall ends after at most 3 steps, asynchronous after 20 or more. A
# synchronous step updates every unit at once; an asynchronous step changes one unit, so
# repairing the 20 flipped units of a 20 % cue takes at least 20 steps.
for letter in recall.controls["name"].options:
    sync, asyn = (recall.trajectories[letter, 20, mode] for mode in hopfield.MODES[::-1])
    assert sync.num_steps <= 3 and asyn.num_steps >= 20, (letter, sync.num_steps, asyn.num_steps)

# %% [markdown] slideshow={"slide_type": "slide"} translates="30af54ee12be"
# ## 6. 저장 용량: 기억을 몇 개나 담을 수 있을까? (capacity)
#
# 글자 다섯 개는 유닛 100개에 넉넉히 들어갑니다. 그러면 `N`개 유닛의 신경망에는 패턴을 몇 개나
# 담을 수 있을까요? 무작위 패턴 `P`개를 잡고(각 유닛이 확률 ½로 ±1이므로 서로 다른 패턴은 거의
# 무관합니다), 저장된 패턴 `ξ^1`이 그대로 머무르는지 물어봅시다. 그 패턴의 각 유닛이 받는 국소장은
# 패턴 자신의 투표(신호, signal)에 다른 패턴들에서 오는 **혼선**(crosstalk)을 더한 것이고, 혼선은
# **부하**(load) `α = P/N`과 함께 커집니다. 이론은(유도 과정은 장 끝의
# [더 나아가기](#더-나아가기:-저장-용량-공식은-어디서-오는가)에 있습니다) 두 가지를
# 예측합니다.
#
# * 한 번의 갱신은 저장된 패턴 유닛 가운데 `½ erfc(√(N/2P))`의 비율을 뒤집습니다. `α = 0.1`에서
#   0.08%, `α = 0.2`에서 1.3%입니다.
# * `N`이 크면, 회상은 `α ≈ 0.138`까지는 저장된 패턴 가까이에서 끝나고 그보다 크면 무너집니다.
#
# `experiments.capacity_experiment`가 이것을 검사합니다. 부하마다 패턴을 적어도 100개 회상할 만큼
# 무작위 신경망을 만들고, 각 회상을 저장된 패턴에서 시작해 고정점까지 비동기 갱신을 돌린 뒤, 한
# 번의 갱신에서의 오류율, 끝났을 때 틀린 유닛의 비율(비트 오류율, bit-error rate), 정확히 회상된
# 패턴의 비율을 보고합니다. `N = 100`과 `N = 400`을 씁니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="e76f1bede7d5"
# 말할 내용: 신호 대 혼선입니다. 혼선은 P/N과 함께 커지고, 저장 용량은 약 0.138 N입니다. 저장 용량
# 탐색기에서 P/N을 0.12-0.16 사이로 움직여 봅니다. 수강생에게 묻기: *왜 N = 400에서 전이가 더
# 가파를까요?*

# %% slideshow={"slide_type": "subslide"}
loads = np.round(np.arange(0.04, 0.301, 0.02), 2)
capacity = [
    experiments.capacity_experiment(num_units, loads, rng=rng, trials=100)
    for num_units in (100, 400)
]
fig = plot_capacity(capacity, hopfield.capacity_theory(loads.max()))
# %% [markdown] slideshow={"slide_type": "subslide"} translates="54af2e88f834"
# 그림 읽기:
#
# * **한 번의 갱신**(가위표): 측정한 한 단계 오류율이 두 `N` 모두에서 점선으로 그린 이론 곡선
#   `½ erfc(√(N/2P))` 위에 놓입니다.
# * **회상 후**(왼쪽의 선): `α ≈ 0.1` 아래에서는 0에 가깝다가 가파르게 올라갑니다. `N = 400`에서
#   `N = 100`보다 더 가파릅니다. `N`이 커질수록 전이는 `N → ∞`에서 예측되는 0.138에서의 급격한
#   도약에 가까워집니다(검은 AGS 곡선이 거기서 끝납니다). 그보다 크면 회상은 패턴에서 멀리 벗어나
#   어떤 기억도 아닌 상태로 흘러갑니다.
# * **정확한 회상**(오른쪽)은 더 엄격합니다. 틀린 유닛이 하나만 있어도 실패로 치므로, 뒤집힐 수
#   있는 유닛이 더 많은 큰 신경망이 이 검사에서 *더 일찍* 실패합니다(얼마나 더 일찍인지는 더
#   나아가기에 있습니다).
#
# assert로 확인하는 주장: 한 단계 오류는 표본 오차 범위 안에서 이론과 맞습니다(표준 오차의 4배로,
# 한 패턴의 유닛들이 서로 상관되어 있다는 점을 감안하고, 유한한 `N`에서 공식이 벗어나는 정확한
# 차이를 더합니다. 부하가 작을 때는 뒤집힌 유닛이 하나라도 있으면 안 되므로, 검사는 어디서든 실패할
# 수 있습니다). 회상은 두 `N` 모두에서 `P/N = 0.1`에서 거의 완벽하고(틀린 유닛 1% 미만)
# `P/N = 0.2`에서는 무너져 있으며(2.5% 넘게 틀리고, 0.1일 때보다 적어도 4배), 큰 신경망에서 더
# 급격합니다. 부하가 작으면 저장된 모든 패턴이 고정점입니다.

# %% slideshow={"slide_type": "subslide"} tags=["nbval-check-output"]
print("  N |  P/N | one step | theory | after recall | exact")
at = {round(load, 2): k for k, load in enumerate(loads)}
for result in capacity:
    theory = hopfield.one_step_error_rate(result.loads)
    bits = result.trials * result.num_units  # units of one pattern are correlated: 3x variance
    exact = np.array(
        [hopfield.exact_one_step_error_rate(result.num_units, p) for p in result.num_patterns]
    )
    tolerance = 4 * np.sqrt(3 * exact / bits) + np.abs(exact - theory)
    assert np.all(np.abs(result.one_step_error - theory) <= tolerance)
    assert np.allclose(result.loads, loads)
    for load in (0.04, 0.1, 0.14, 0.2, 0.3):
        k = at[load]
        print(
            f"{result.num_units:3d} | {load:.2f} | {result.one_step_error[k]:8.4f} | {theory[k]:.4f} |"
            f" {result.bit_error[k]:12.3f} | {result.exact_recall[k]:.2f}"
        )
    low, high = result.bit_error[at[0.1]], result.bit_error[at[0.2]]
    assert low < 0.01 and high > 0.025 and high > 4 * low, "breakdown between 0.1 and 0.2"
    assert result.exact_recall[at[0.04]] >= 0.99, "stored patterns are fixed points at small load"
small, large = capacity
assert large.bit_error[at[0.2]] > 1.5 * small.bit_error[at[0.2]], "sharper for larger N"
print(f"AGS critical load: {hopfield.CRITICAL_LOAD:.4f}")

# %% [markdown] slideshow={"slide_type": "slide"} translates="b9df51ce56e3"
# 같은 측정을 신경망 하나하나에 대해 살펴봅시다. 왼쪽의 각 네모는 한 신경망에 저장된 패턴 하나이며,
# 회상이 어디서 끝났는지에 따라 색과 표시가 붙습니다(네모 아래의 범례가 이름을 알려 줍니다).
# 하늘색은 패턴에 정확히 도착한 경우, 점이 찍힌 주황색은 패턴과 5% 이내에서 끝난 경우(패턴에서 조금
# 벗어난 AGS 회상 상태), 가위표가 있는 주홍색은 패턴을 잃어버린 경우입니다.
#
# **질문.** `N = 400`에서 `P / N`을 0.05부터 올려 보십시오. 어느 부하부터 그 위의 모든 부하에서 신경망이
# 패턴을 잃어버릴까요(가위표 네모)? 이론의 임계 부하 0.138(오른쪽의 파선)과 비교하면 어떨까요?

# %%
capacity_explorer(capacity)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# from a load between 0.12 and 0.2 on, just above the critical load 0.138, every
# network loses patterns, more and more as the load grows. Below it a single unlucky
# pattern can be lost now and then, but most loads lose none.
large = capacity[-1]
assert large.num_units == 400
loses = np.array([np.any(errors[0] > 0.05 * large.num_units) for errors in large.final_errors])
always_from = large.loads[np.flatnonzero(~loses)[-1] + 1]  # the first network, as shown
assert 0.12 <= always_from <= 0.2, (large.loads, loses)
assert loses[large.loads < hopfield.CRITICAL_LOAD].mean() < 0.5, loses

# %% [markdown] slideshow={"slide_type": "slide"} translates="4be3eb3aae87"
# ## 7. 가짜 기억 (Spurious memories)
#
# 모든 골짜기가 기억은 아닙니다. 원하지 않는 고정점 두 종류가 모든 홉필드 네트워크에 나타납니다.
#
# * **반전된 패턴.** `E(-s) = E(s)`이고 `-s`의 국소장은 `-h`이므로, `ξ`가 고정점이면 그 반전 영상
#   `-ξ`도 고정점입니다. 절반 넘게 틀린 단서는 반전된 패턴으로 굴러갑니다.
# * **혼합 상태.** 세 기억의 다수결 `sign(ξ^1 + ξ^2 + ξ^3)`은 각 기억과 유닛의 약 75%에서
#   일치합니다(중첩도 0.5). 부하가 작은 무작위 패턴에서는 이것 자체가 고정점이 됩니다. 저장한 적이
#   없는 "기억"이며, 진짜 기억보다 에너지가 높습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="da262083919f"
# 말할 내용: 모든 골짜기가 기억은 아닙니다. 반전된 패턴과 혼합 상태도 고정점입니다. 수강생에게
# 묻기: *ξ가 고정점이면 왜 -ξ도 언제나 고정점일까요?* (E(-s) = E(s))

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
inverse = -memories[names.index("A")]
assert np.array_equal(network.step(inverse, mode="synchronous"), inverse)
assert network.energy(inverse) == network.energy(-inverse)

random_memories = patterns.random_patterns(5, 500, rng)  # load 0.01
random_network = hopfield.HopfieldNetwork.from_patterns(random_memories)
mixture = np.sign(random_memories[0] + random_memories[1] + random_memories[2])
settled = random_network.recall(mixture, rng=rng)
mixture_overlaps = random_network.overlaps(settled.final)
print("overlaps of the settled mixture with the 5 memories:", mixture_overlaps.round(1))
print(f"units changed while settling: {settled.num_steps} of 500")
assert np.all(np.abs(mixture_overlaps[:3] - 0.5) < 0.15) and np.all(
    np.abs(mixture_overlaps[3:]) < 0.2
)
assert random_network.energy(settled.final) > random_network.energy(random_memories).max()

# %% [markdown] slideshow={"slide_type": "skip"} translates="d2a6ab25d98b"
# ## 8. 연습 문제
#
# ### 연습 문제 1: 헤브 가중치
#
# `(P, N)` 패턴의 `(N, N)` 가중치 행렬을 돌려주는 `hebbian(patterns)`를 작성하십시오.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def hebbian(patterns):
    raise NotImplementedError  # your code here


passed = exercises.check_hebbian(hebbian)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def hebbian_solution(patterns):
    num_units = patterns.shape[1]
    weights = patterns.T @ patterns / num_units  # sum of outer products, scaled by 1/N
    np.fill_diagonal(weights, 0.0)  # no self-connections
    return weights


assert exercises.check_hebbian(hebbian_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="5a06a61ce7c1"
# ### 연습 문제 2: 에너지
#
# 상태 `s`의 에너지를 숫자로 돌려주는 `energy(W, s)`를 작성하십시오.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def energy(W, s):
    raise NotImplementedError  # your code here


passed = exercises.check_energy(energy)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def energy_solution(W, s):
    return -0.5 * s @ W @ s


assert exercises.check_energy(energy_solution)

# %% [markdown] slideshow={"slide_type": "skip"} translates="6c2cc6ac0841"
# ### 연습 문제 3: 진동하게 만들기
#
# 동기 갱신이 끝내 안정되지 않는, 유닛 두 개짜리 가중치(대칭, 대각 성분 0)와 시작 상태를
# 찾으십시오.

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
weights_2, state_2 = None, None  # your answer here

passed = exercises.check_two_cycle(weights_2, state_2)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution: a negative weight says "disagree"; starting in agreement, both units flip
# together at every synchronous step.
weights_2_solution = np.array([[0.0, -1.0], [-1.0, 0.0]])
state_2_solution = np.array([1.0, 1.0])
assert exercises.check_two_cycle(weights_2_solution, state_2_solution)

# %% [markdown] slideshow={"slide_type": "slide"} translates="5b83127a441f"
# ## 9. 홉필드 네트워크에서 순환 신경망으로
#
# 홉필드 네트워크는 순환 구조입니다. 각 유닛의 출력이 단계마다 다른 유닛들의 입력으로 되돌아갑니다.
# 그런데 무엇이 들어가고 무엇이 나오는지 보십시오. 이 신경망은 **단서라는 입력 하나를 한 번만**,
# 초기 상태로 받고, 그 뒤에는 안정될 때까지 혼자 돌아갑니다. 가중치는 미리 정해져 있고, 출력은
# 저장된 패턴 하나입니다. **입력 시퀀스가 없는 순환**인 셈입니다.
#
# "배고파서 오늘 정말 나는 사과를 받고 싶다"를 읽으려면 정반대의 구성이 필요합니다. **매 시점 새
# 입력**(다음 낱말)이 들어오고, 상태는 **지금까지의 모든 입력의 요약을 지니고 가야** 합니다. 그것이
# **은닉 상태**(hidden state) `h_t`이며, 덕분에 맨 앞의 단서를 "사과를"에서도 쓸 수 있습니다.
# [2장](02_vanilla_rnn.ipynb)에서 바로 이것을 만듭니다.
#
# $$h_t = \tanh(W_{xh}\, x_t + W_{hh}\, h_{t-1} + b), \qquad h_0 = 0,$$
#
# 여기서 `W_hh`는 홉필드 가중치의 역할(상태에서 상태로)을 하고, `W_xh`는 새 입력을 들여오며, 모든
# 가중치는 손으로 적어 넣는 대신 예제에서 *학습*합니다.
#
# | | 홉필드 네트워크 | 순환 신경망(RNN) |
# |---|---|---|
# | 입력 | 단서 하나, 초기 상태로 | 매 시점 새 `x_t` |
# | 상태 | 양극성 유닛, `s ∈ {-1, +1}^N` | 실숫값 은닉 상태 `h_t` |
# | 가중치 | 헤브 규칙, 한 번 계산, 대칭 | 경사 하강법(BPTT)으로 학습, 어떤 행렬이든 가능 |
# | 언제까지 도는가 | 고정점에 이를 때까지 | 시퀀스가 끝날 때까지 |
# | 출력 | 회상된 패턴 | 매 시점(또는 마지막에) 출력 `y_t` |

# %% [markdown] slideshow={"slide_type": "skip"} translates="b1208c433565"
# ## 더 나아가기: 저장 용량 공식은 어디서 오는가
#
# *이 부분은 선택 학습입니다. 강좌의 나머지 부분은 이 내용을 바탕으로 하지 않습니다.*
#
# 한 번의 갱신은 왜 저장된 패턴 유닛 가운데 `½ erfc(√(N/2P))`의 비율을 뒤집을까요? 무작위 패턴
# `P`개를 잡고(각 유닛이 확률 ½로 ±1이므로 서로 다른 패턴은 거의 무관합니다), 저장된 패턴 `ξ^1`이
# 그대로 머무르는지 물어봅시다. 상태 `ξ^1`에서 유닛 `i`의 국소장은 두 부분으로 나뉩니다.
#
# $$h_i = \underbrace{\tfrac{N-1}{N}\, \xi^1_i}_{\text{signal}} + \underbrace{\tfrac{1}{N} \sum_{\mu \ne 1} \sum_{j \ne i} \xi^\mu_i \xi^\mu_j \xi^1_j}_{\text{crosstalk from the other patterns}}.$$
#
# 첫째 항은 신호(signal), 둘째 항은 다른 패턴들에서 오는 혼선(crosstalk)입니다. 신호는 유닛이 제자리에
# 머물도록 밉니다. 혼선은 무작위 ±1 항 약 `N P`개의 합을 `N`으로 나눈 것이므로, 중심 극한 정리에
# 따라 평균 0, 분산 `P/N`인 정규 분포에 가깝습니다. 혼선에 `ξ^1_i`를 곱한 값이 -1보다 작으면 유닛이
# 뒤집히므로, 한 번의 갱신이 저장된 패턴의 유닛 하나를 뒤집을 확률은 다음과 같습니다.
#
# $$P_{\text{error}} = \Pr\left(z < -\sqrt{N/P}\right) = \tfrac{1}{2}\, \mathrm{erfc}\left(\sqrt{\tfrac{N}{2P}}\right), \qquad z \sim \mathcal{N}(0, 1).$$
#
# 이 확률은 **부하**(load) `α = P/N`에만 달려 있습니다. `α = 0.1`에서 0.08%, `α = 0.2`에서
# 1.3%입니다. 하지만 유닛 몇 개가 뒤집혔다고 실패는 아닙니다. 뒤집힌 유닛은 다른 유닛들의 국소장을
# 바꾸고, 그래서 또 다른 유닛이 뒤집힐 수 있고, 이런 일이 이어집니다. Amit, Gutfreund, Sompolinsky
# (AGS, 1985-87)는 큰 `N`에 대해 이 눈사태를 정확히 풀었습니다. `α < 0.138`이면 각 패턴 근처에
# 틀린 유닛이 1.7% 미만인 회상 상태가 존재하고, 그보다 크면 이 상태가 갑자기 사라져 회상이
# 무너집니다. 홉필드가 1982년에 한 시뮬레이션은 약 `0.15 N`으로 추정했습니다.
#
# **정확한 회상.** 패턴을 틀린 유닛 하나 없이 (높은 확률로) 회상하는 것은 `P`가 약
# `N / (2 ln N)`까지일 때뿐입니다(McEliece, Posner, Rodemich, Venkatesh, 1987). 이는 `N = 100`에서
# 0.11 N, `N = 400`에서 0.08 N이며, `N`이 커질수록 더 줄어듭니다. `N`개 유닛 하나하나가 뒤집힐
# 기회이기 때문입니다. 0.138이라는 한계는 오류가 조금 있는 회상에 대한 것입니다.

# %% [markdown] slideshow={"slide_type": "skip"} translates="b3cc430b299b"
# ### 연습 문제 4: 오류율 예측하기
#
# 유닛 `N = 1000`개인 신경망에 무작위 패턴 `P = 100`개를 저장합니다. 한 번의 갱신이 저장된 패턴
# 유닛 가운데 어느 정도 비율을 뒤집을지 예상해 보십시오. (`math.erfc`는 표준 라이브러리에 있습니다.)

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
rate = None  # your answer here

passed = exercises.check_one_step_error(rate)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution: signal 1, crosstalk ~ normal with variance P/N = 0.1; a unit flips when the
# crosstalk is below -1, i.e. more than sqrt(N/P) = 3.16 standard deviations down.
import math

rate_solution = 0.5 * math.erfc(math.sqrt(1000 / (2 * 100)))
print(f"{rate_solution:.5f}: about {1000 * rate_solution:.1f} of the 1000 units flip")
assert exercises.check_one_step_error(rate_solution)

# %% [markdown] slideshow={"slide_type": "slide"} translates="593963a7ed9d"
# ## 요약
#
# * 시퀀스에서는 뜻이 문맥에 달려 있습니다. 사과가 과일인지 사죄인지는 한참 앞에 나온 낱말로 정해질
#   수 있습니다. 고정된 입력 윈도우를 쓰는 모델은 단서가 윈도우를 벗어나면, 윈도우의 크기와
#   상관없이 우연 수준에 머뭅니다.
# * 홉필드 네트워크는 양극성 패턴을 헤브 규칙 `W = (1/N) Σ ξ ξᵀ`, `W_ii = 0`으로 저장하고, 국소장의
#   부호를 따르는 갱신(동점이면 지금 값을 유지)을 아무것도 바뀌지 않을 때까지 되풀이해 회상합니다.
# * 에너지 `E = -½ sᵀ W s`는 비동기 갱신에서 유닛이 뒤집힐 때마다 `2|h_i|`만큼 내려가므로, 회상은
#   언제나 고정점에서 끝납니다. 동기 갱신은 그 대신 2-주기 진동에 빠질 수 있습니다.
# * 한 번의 갱신은 저장된 패턴 유닛 가운데 `½ erfc(√(N/2P))`의 비율을 뒤집습니다(더 나아가기에서
#   유도). 회상은 그로 인한 눈사태를 `P ≈ 0.138 N`까지 견딥니다(AGS). 여기서 측정해 보면
#   `P/N = 0.1`에서는 잘 되고 `0.2`에서는 무너져 있으며, `N = 400`에서 `N = 100`보다 더 급격합니다.
# * 가짜 고정점이 있습니다. 반전된 패턴과 기억들의 혼합입니다.
# * 홉필드 네트워크에는 순환은 있지만 입력 시퀀스가 없습니다. RNN은 매 시점 새 입력을 받고 은닉
#   상태를 지니고 갑니다([2장](02_vanilla_rnn.ipynb)).
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 순차 데이터 | sequential data | 항목의 순서가 중요한 데이터(글, 음성, 가격) |
# | 문맥 | context | 한 항목의 뜻을 정해 주는 주변 항목들 |
# | 기억 | memory | 모델이 앞선 입력에서 지니고 가거나, 나중에 회상하려고 저장해 두는 정보 |
# | 순방향 신경망 | feed-forward network | 고리가 없는 신경망: 크기가 정해진 입력 하나에 출력 하나 |
# | 윈도우 | window | 순방향 모델이 보는, 개수가 정해진 최근 항목들 |
# | 홉필드 네트워크 | Hopfield network | 대칭 가중치로 연결된 ±1 유닛들이 저장된 패턴으로 안정되는 순환 신경망 |
# | 연상 기억 | associative memory | 내용으로 떠올리는 기억: 일부분이나 잡음 섞인 단서에서 패턴 전체가 되살아남 |
# | 양극성 | bipolar | -1과 +1 두 값을 가짐 |
# | 패턴 | pattern | 신경망에 저장된 상태 `ξ^μ` |
# | 헤브 규칙 | Hebbian rule | `W = (1/N) Σ ξ ξᵀ`: 같은 값을 갖는 유닛 사이의 연결을 강화 |
# | 국소장 | local field | `h_i = Σ_j W_ij s_j`, 한 유닛이 받는 가중 투표 |
# | 비동기 갱신 | asynchronous update | 유닛을 무작위 순서로 하나씩 갱신 |
# | 동기 갱신 | synchronous update | 모든 유닛을 이전 상태에서 한꺼번에 갱신 |
# | 고정점 | fixed point | 어떤 갱신으로도 바뀌지 않는 상태 |
# | 에너지 | energy | `E = -½ sᵀ W s`, 비동기 갱신에서 결코 높아지지 않는 값 |
# | 에너지 지형 | energy landscape | 모든 상태에 걸친 에너지; 기억은 골짜기 |
# | 2-주기 진동 | 2-cycle | 동기 갱신이 끝없이 오가는 두 상태 |
# | 중첩도 | overlap | `m = (1/N) ξ · s`, 상태와 패턴의 닮은 정도(-1에서 1까지) |
# | 혼선 | crosstalk | 한 유닛의 국소장 가운데 다른 저장 패턴들 때문에 생기는 부분 |
# | 부하 | load | `α = P/N`, 유닛 하나당 저장된 패턴 수 |
# | 저장 용량 | capacity | 회상이 여전히 되는 가장 큰 부하, 약 0.138 |
# | 비트 오류율 | bit-error rate | 회상 뒤 패턴과 다른 유닛의 비율 |
# | 가짜 기억 (허위 상태) | spurious state | 저장된 패턴이 아닌 고정점(반전 패턴, 혼합 상태) |
# | 은닉 상태 | hidden state | RNN에서 지금까지의 입력을 요약하는 벡터 `h_t` ([2장](02_vanilla_rnn.ipynb)) |

# %% [markdown] slideshow={"slide_type": "notes"} translates="22604f5e790a"
# 말할 내용: 홉필드 네트워크는 입력 시퀀스가 없는 순환입니다. 단서 하나, 고정된 가중치, 답 하나.
# RNN은 매 시점 새 입력을 읽고 가중치를 학습합니다. 그것이 2장입니다. 수강생에게 묻기: *문장을
# 넣으려면 무엇을 바꿔야 할까요?*
