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

# %% [markdown] slideshow={"slide_type": "slide"} translates="61c6b96db689"
# # 6. 시퀀스 분류: 시퀀스 전체에 레이블 하나
#
# *Virtanen* 같은 이름은 거의 틀림없이 핀란드 이름이고, "이 숙소 짱입니다" 같은 리뷰는
# 긍정(Positive)이며, "알람 꺼 줘" 같은 명령은 *Alarm.Off*를 뜻합니다. 어느 경우든 시퀀스
# 전체가 들어가고 레이블은 **하나**만 나옵니다. [2장](02_vanilla_rnn.ipynb)에서 본
# **다대일**(many-to-one) 구조이고, 이런 과제를 **시퀀스 분류**(sequence classification)라고
# 합니다.
#
# **학습 목표.** 이 장을 마치면 다음을 할 수 있습니다.
#
# 1. 다대일 RNN 분류기를 만들고, 길이가 다른 시퀀스를 **패딩**(padding)과
#    **마스크**(mask)로 한 배치에 담기;
# 2. 모델을 정직한 **기준선**(baseline)과 비교하고(이름에는 문자 바이그램을 세는 모델,
#    문장에는 **단어 가방**(bag of words)), **혼동 행렬**(confusion matrix) 읽기;
# 3. 단어 가방이 어디서 반드시 실패하는지(어순, 부정) 정확히 말하고, 거기서 RNN이
#    성공하는지 확인하기;
# 4. **단어 임베딩**(word embedding)이 무엇인지 설명하고, 학습된 임베딩을 2차원으로 보기;
# 5. **양방향**(bidirectional) RNN이 언제 도움이 되는지, 층을 하나 더 **쌓으면**(stacked)
#    정확도와 매개변수에서 무엇을 얻고 무엇을 얻지 못하는지 측정하기;
# 6. 문맥만으로 **단어 벡터**(word vector)를 학습하고(스킵그램), 그 기울기를 직접
#    코드로 작성하고, 이런 벡터가 무엇을 담고 무엇을 놓치는지 말하기;
# 7. 공백 토큰이 한국어에 왜 알맞지 않은 단위인지 설명하고, 음절과 자모로 바꾸면 어휘
#    크기, 처음 보는 토큰, 시퀀스 길이가 어떻게 달라지는지 측정하기.
#
# 데이터는 작고, 모두 인터넷 없이 얻습니다. `faker` 패키지의 성(surname)과, `rnnlib`가 템플릿으로
# 만드는 문장을 씁니다. 모든 모델은 노트북을 실행하는 동안 학습합니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="a201438798f5"
# 약 70분. 탐색기(explorer): 이름(4절). 말할 내용: 다대일이란 시퀀스를 끝까지 읽은 다음
# 마지막 은닉 상태로 결정하는 것입니다.

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import numpy as np

import rnnlib
from rnnlib import SequenceModel, analysis
from rnnlib.baselines import CharBigramClassifier
from rnnlib.data.classification import (
    build_vocabulary,
    encode_batch,
    homonym_data,
    intent_data,
    name_language_data,
    sentiment_data,
    sentiment_lexicon,
    sentiment_word_groups,
    tokenize,
)
from rnnlib.data.encoding import one_hot, pad_batch
from rnnlib.data.names import person_names
from rnnlib.embeddings import skipgram_pairs
from rnnlib.exercises import ch06 as exercises
from rnnlib.experiments import ch06 as experiments
from rnnlib.functional import softmax
from rnnlib.i18n import set_language, tr
from rnnlib.viz import new_figure
from rnnlib.viz.classification import (
    plot_class_probabilities,
    plot_confusion_matrix,
    plot_embedding_projection,
)
from rnnlib.widgets.classification import name_explorer

rnnlib.viz.use_course_style()
set_language("ko")  # the language of figures, explorers and feedback: "en" or "ko"
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="19cf2639d3f5"
# ## 1. 다대일: 끝까지 읽고 나서 결정하기
#
# **직관.** RNN은 시퀀스를 토큰(token) 하나씩 읽으며 지금까지 읽은 내용의 요약인
# **은닉 상태**(hidden state) $h_t$를 갱신합니다. 분류할 때는 중간의 출력은 버리고 마지막
# 토큰 뒤의 요약만 씁니다. 이 요약은 시퀀스 전체를 보았으므로 분류하기에 가장 자연스러운
# 대상입니다.
#
# **수식.** 토큰 $x_1, \dots, x_T$(각각 벡터로 바꾼 것, 5절 참고)에 대해
#
# $$h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b), \qquad h_0 = 0,$$
# $$p(\text{class} \mid x_1, \dots, x_T) = \operatorname{softmax}(W_{hy} h_T + b_y).$$
#
# 학습은 [2장](02_vanilla_rnn.ipynb)과 똑같이 정답 클래스의 교차 엔트로피(cross-entropy)를
# 최소화합니다. 다만 손실(loss)이 시점마다 하나가 아니라 시퀀스마다 하나입니다. 기울기는
# $h_T$로만 들어와서 모든 시점을 거슬러 흐릅니다(BPTT, [3장](03_bptt_and_vanishing_gradients.ipynb)).
# `rnnlib`에서는 `SequenceModel(..., many_to_one=True)`이고, 실제로는 GRU나 LSTM
# 셀([4장](04_lstm_and_gru.ipynb))을 씁니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="2fd9c8964a59"
# ## 2. 이름 → 언어: 데이터와 세기만 하는 기준선
#
# `faker` 패키지에는 여러 로케일(locale)의 흔한 성 목록이 들어 있습니다. 그중 라틴 문자를
# 쓰는 일곱 개를 골라 이름을 소문자로 바꾸고, **두 언어 이상이 함께 가진 성은 모두
# 뺍니다**. 예를 들어 *meyer*는 독일어, 프랑스어, 네덜란드어 목록에 모두 있는데, 이런 이름에는
# 정답이 하나로 정해지지 않습니다.
# 그다음 언어마다 이름 300개를 남기고, 시드(seed)를 정해 훈련 225개, 테스트 75개로
# 나눕니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="06d8c5d2cc50"
# 말할 내용: 바이그램 기준선은 이름 세 개 중 두 개쯤을 맞힙니다. 모든 RNN은 우연 수준이
# 아니라 이 숫자와 비교해야 합니다. 수강생에게 묻기: *두 언어가 함께 가진 성은 왜
# 뺄까요?*

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
names = name_language_data(rng=SEED)
print(names)
print(names.source)
for language in names.classes:
    examples = [
        t
        for t, y in zip(names.train.texts, names.train.labels, strict=True)
        if names.classes[y] == language
    ]
    print(f"{language:>8}: {', '.join(examples[:6])}")

# %% slideshow={"slide_type": "fragment"}
train_names, test_names = set(names.train.texts), set(names.test.texts)
assert not train_names & test_names, "a name is in both splits"
assert len(names.train) == 7 * 225 and len(names.test) == 7 * 75
assert "meyer" not in train_names | test_names  # German, French and Dutch: removed
english_us, spanish = ({n.lower() for n in person_names(loc, "last")} for loc in ("en_US", "es_ES"))
assert len(english_us & spanish) > 100 and {"acosta", "aguilar"} <= english_us & spanish
assert np.all(np.bincount(names.test.labels) == 75)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="244ea16680e5"
# **이 데이터의 한계.** 언어마다 *흔한* 성 몇백 개를 골라 놓은 목록입니다. 이름은
# 국경을 넘나듭니다. 영어(미국) 목록은 스페인어 목록과 성을 백 개 넘게 공유하고(*acosta*,
# *aguilar*, ...), 그것을 빼고 남은 영어 목록도 여전히 여러 기원이 섞여 있습니다. 그래서
# 완벽하게 읽는 사람이라도 100 %에는 이를 수 없습니다.
#
# ### 세기만 하는 기준선
#
# 무엇이든 학습하기 전에, 단순히 세기만 해서 어디까지 가는지부터 봅니다. 언어마다 훈련
# 이름의 문자 쌍(바이그램, bigram)을 셉니다. 시작은 `^`, 끝은 `$`로 표시하므로 *rossi*에서는
# `^r ro os ss si i$`가 나옵니다. 그러면 베이즈 규칙(Bayes' rule)이 이 개수를 분류기로
# 바꿔 줍니다(**나이브 베이즈**, naive Bayes):
#
# $$p(\text{lang} \mid \text{name}) \propto p(\text{lang}) \prod_t p(c_t \mid c_{t-1}, \text{lang}),
# \qquad p(b \mid a, \text{lang}) = \frac{\text{count}(ab) + \alpha}{\text{count}(a\cdot) + \alpha A}.$$
#
# 이 모델은 한 번에 이웃한 두 글자만 보고, 그보다 먼 것은 보지 못합니다.

# %% slideshow={"slide_type": "fragment"}
bigram = CharBigramClassifier(alpha=0.1).fit(
    names.train.texts, names.train.labels, len(names.classes)
)
bigram_accuracy = np.mean(bigram.predict(names.test.texts) == names.test.labels)
chance = 1 / len(names.classes)
print(f"bigram baseline, test accuracy: {bigram_accuracy:.2f} (chance: {chance:.2f})")
assert 0.55 < bigram_accuracy < 0.8 and bigram_accuracy > 4 * chance

# %% [markdown] translates="d6753ba3cf53"
# 두 글자씩 세기만 해도 이미 이름 세 개 중 두 개쯤을 맞혀, 우연 수준의 네 배가
# 넘습니다. 어떤 RNN이든 우연 수준이 아니라 *이* 숫자와 비교해야 합니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="e4fcba2cc7fd"
# ## 3. 패딩과 마스크
#
# 이름은 길이가 제각각이지만 배치는 `(T, B)` 배열 하나입니다. 짧은 시퀀스는 오른쪽을
# `<pad>` 토큰(id 0)으로 **채우고**(패딩), 실제 토큰에서는 1, 패딩에서는 0인 **마스크**를
# 함께 둡니다. 그러면 순환 층은 **패딩된 시점에서 상태를 바꾸지 않고 그대로 넘깁니다**:
#
# $$h_t = m_t \, f(x_t, h_{t-1}) + (1 - m_t)\, h_{t-1},$$
#
# 따라서 마지막 시점 `T`의 상태는 각 시퀀스가 자기 마지막 실제 토큰을 읽은 뒤의
# 상태입니다. 다대일 모델이 분류하는 것이 바로 이 상태입니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="c7f8df8e46d4"
# 말할 내용: 한 배열로 패딩하고 마스크로 패딩 구간에서 상태를 그대로 넘겨, 답을 각
# 시퀀스 자신의 끝에서 읽습니다. 수강생에게 묻기: *마스크가 없으면 무엇이 잘못될까요?*
# (짧은 시퀀스가 패딩을 읽어 상태가 엉뚱한 곳으로 흘러갑니다)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
name_vocab = build_vocabulary(names.train.texts, "char")
print(name_vocab)
short = ["li", "rossi", "virtanen"]
ids, mask = encode_batch(short, name_vocab, "char")
print("ids (T, B):\n", ids)
print("mask (T, B):\n", mask.astype(int))

# %% [markdown] translates="f93da67d8a10"
# 열 *b*는 시퀀스 *b*이고, 행 *t*는 모든 시퀀스의 시점 *t*입니다(수식처럼 시간 축이
# 먼저 옵니다). `encode_batch`는 `Vocabulary` 조회에 `rnnlib.data.encoding.pad_batch`를
# 더한 것입니다.
#
# **밑바닥부터.** 다대일 순전파(forward pass) 전체를 numpy 몇 줄로 쓰면 다음과 같습니다.
# 기본 RNN 셀, 임베딩 조회, 마스크까지 모두 들어 있습니다. 이어서 같은 숫자를 `rnnlib`로
# 얻습니다.

# %% slideshow={"slide_type": "subslide"}
tiny = SequenceModel(
    "rnn",
    vocab_size=len(name_vocab),
    embedding_dim=4,
    hidden_size=5,
    output_size=len(names.classes),
    many_to_one=True,
    rng=rng,
)
P = {name: value for name, value, _ in tiny.named_parameters()}
E, W_xh, W_hh, b = (
    P["embedding.E"],
    P["recurrent.0.cell.W_xh"],
    P["recurrent.0.cell.W_hh"],
    P["recurrent.0.cell.b"],
)
W_hy, b_y = P["head.W"], P["head.b"]


def many_to_one_forward(ids, mask):
    h = np.zeros((ids.shape[1], W_hh.shape[0]))  # h_0 = 0, one row per sequence
    for t in range(ids.shape[0]):
        x_t = E[ids[t]]  # (B, D): the embedding rows of the tokens at step t
        h_new = np.tanh(x_t @ W_xh.T + h @ W_hh.T + b)
        m = mask[t][:, None]  # (B, 1)
        h = m * h_new + (1 - m) * h  # padding: keep the state
    return h @ W_hy.T + b_y  # logits (B, C) from the last real state


ours = many_to_one_forward(ids, mask)
theirs = tiny.predict(ids, mask)
print(np.round(ours, 4))
assert np.allclose(ours, theirs)

# %% [markdown] translates="198cd8d7fc70"
# 마스크가 정말 필요할까요? 이름을 하나씩 따로(패딩 없이) 넣어 비교해 봅니다. 마스크가
# 있으면 패딩된 배치도 정확히 같은 로짓(logit)을 냅니다. 마스크가 없으면 짧은 이름은 끝난
# 뒤에도 `<pad>` 토큰을 읽고, 그 상태가 점점 어긋납니다.

# %% slideshow={"slide_type": "fragment"}
alone = np.stack([tiny.predict(*encode_batch([n], name_vocab, "char"))[0] for n in short])
no_mask = tiny.predict(ids)  # pretend every position is real
print("largest difference with mask:   ", np.abs(theirs - alone).max())
print("largest difference without mask:", np.abs(no_mask - alone).max(axis=1).round(3))
assert np.allclose(theirs, alone)
assert np.abs(no_mask - alone)[:2].max() > 1e-3  # the padded names change
assert np.allclose(no_mask[2], alone[2])  # the longest name had no padding

# %% [markdown] slideshow={"slide_type": "skip"} translates="36ef893ea733"
# ### 연습 1: 배치 패딩하기
#
# `(ids, mask)`를 돌려주는 `pad(sequences, pad_id=0)`를 작성하세요. 둘 다 `(T, B)`이고
# `T`는 가장 긴 시퀀스의 길이입니다. 오른쪽을 `pad_id`로 채우고, 마스크는 실제 토큰에서
# 1입니다.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def pad(sequences, pad_id=0):
    raise NotImplementedError  # your code here


passed = exercises.check_pad(pad)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def pad_solution(sequences, pad_id=0):
    steps = max(len(s) for s in sequences)
    ids = np.full((steps, len(sequences)), pad_id)
    mask = np.zeros((steps, len(sequences)))
    for column, sequence in enumerate(sequences):
        ids[: len(sequence), column] = sequence
        mask[: len(sequence), column] = 1
    return ids, mask


assert exercises.check_pad(pad_solution)
assert all(
    np.array_equal(x, y)
    for x, y in zip(
        pad_solution([[5, 6], [7]]), pad_batch([np.array([5, 6]), np.array([7])]), strict=True
    )
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="7ccdb346b7d9"
# ## 4. 이름을 읽는 문자 GRU
#
# 각 문자는 학습되는 작은 임베딩(embedding, 숫자 16개, 5절)을 거쳐 은닉 유닛 32개짜리 GRU로
# 들어가고, 출력층(head)은 마지막 실제 상태를 읽습니다. `batches(...)`는 에포크(epoch)마다
# 훈련 이름을 다시 섞어, `fit`에 넣을 패딩된 `(ids, labels, mask)` 배치를 내놓습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="fdda811d9c91"
# 말할 내용: 정직한 결과입니다. 언어당 이름 225개로는 GRU가 바이그램 세기보다 나을 것이
# 없고, 이름을 외우기 시작합니다. 수강생에게 묻기: *RNN이 이기려면 무엇이 필요할까요?*
# (더 많은 데이터)

# %% slideshow={"slide_type": "fragment"}
# embedding 16 -> GRU 32 -> head over the 7 languages; 6 epochs of Adam (lr 0.01),
# gradient norm clipped at 5. The tests re-run this function with other seeds.
name_model = experiments.train_name_gru(names, name_vocab, rng)
rnn_test = np.mean(
    analysis.predict_classes(name_model, names.test, name_vocab, "char") == names.test.labels
)
rnn_train = np.mean(
    analysis.predict_classes(name_model, names.train, name_vocab, "char") == names.train.labels
)
print(
    f"GRU: train accuracy {rnn_train:.2f}, test accuracy {rnn_test:.2f} ({name_model.num_parameters()} parameters)"
)
print(f"bigram baseline: test accuracy {bigram_accuracy:.2f}")

# %% slideshow={"slide_type": "fragment"}
assert rnn_test > 3 * chance
assert bigram_accuracy - 0.15 < rnn_test <= bigram_accuracy + 0.02  # no better than counting
assert rnn_test < bigram_accuracy  # with this seed: below it
assert rnn_train - rnn_test > 0.1  # it fits the training names much better than new ones

# %% [markdown] slideshow={"slide_type": "subslide"} translates="0a6f6767b9ec"
# **정직한 결과.** 언어당 이름이 225개일 때 GRU는 **바이그램을 세는 것보다 낫지
# 않습니다**. 여기서는 몇 포인트 낮고, 테스트가 시도하는 다른 시드에서도 2포인트 넘게
# 높은 적이 없습니다. 또 학습한 이름에서는 새 이름에서보다 훨씬 잘 맞힙니다. 이름을 외우기
# 시작한 것입니다(**과적합**, overfitting). 짧은 문자열 몇백 개는 가중치가 수천 개인 모델에게
# 작은 데이터이고, 평활화한 개수에는 조정할 것이 없습니다. 더 큰 신경망을 찾기 전에 더 많은
# 데이터를 찾아보세요. 그때까지는 세어서 만든 모델이 더 나은 선택입니다. 기준선은 언제나
# 측정하세요.
#
# 두 모델은 어디서 틀릴까요? **혼동 행렬**은 각 실제 언어(행)에 대해 어떤 언어로
# 예측했는지(열)를 셉니다.

# %% slideshow={"slide_type": "subslide"}
rnn_confusion, per_class, mixed, average_pair = experiments.language_mixups(
    names.test.labels,
    analysis.predict_classes(name_model, names.test, name_vocab, "char"),
    names.classes,
)
bigram_confusion = analysis.confusion_matrix(
    names.test.labels, bigram.predict(names.test.texts), len(names.classes)
)
language_labels = [tr(language) for language in names.classes]  # for the figures
fig, axes = new_figure(1, 2, figsize=(14, 5.5))
plot_confusion_matrix(
    rnn_confusion,
    language_labels,
    ax=axes[0],
    title=tr("GRU on test names (share of each true language)"),
)
ax = plot_confusion_matrix(
    bigram_confusion, language_labels, ax=axes[1], title=tr("Bigram baseline on test names")
)

# %% slideshow={"slide_type": "fragment"}
# per_class: the share of each language predicted right (the diagonal of the row shares)
print(
    "GRU accuracy per language:",
    ", ".join(f"{c} {a:.2f}" for c, a in zip(names.classes, per_class, strict=True)),
)
language = {name: k for k, name in enumerate(names.classes)}
assert per_class[language["Finnish"]] > per_class[language["English"]]
assert per_class[language["Italian"]] > per_class[language["English"]]
# mixed[a, b]: how often a pair of languages is mixed up (both directions), against the average pair
for a, b in [("German", "Dutch"), ("Italian", "Spanish")]:
    print(f"{a} <-> {b}: {mixed[language[a], language[b]]:.2f} (average pair: {average_pair:.2f})")
    assert mixed[language[a], language[b]] > 1.3 * average_pair

# %% [markdown] slideshow={"slide_type": "subslide"} translates="c5cc829d6c29"
# 핀란드어와 이탈리아어 이름은 철자가 독특해서(겹모음과 *-nen*, 모음으로 끝나는 *-ini*,
# *-etti*) 여러 기원이 섞인 영어 목록보다 쉽습니다. 독일어와 네덜란드어는 평균적인 언어 쌍보다
# 서로 더 자주 헷갈리고, 이탈리아어와 스페인어도 마찬가지입니다. 사람이 할 법한 실수를 하는
# 셈입니다.
#
# ### 이름을 한 글자씩 읽기
#
# 출력층은 *모든* 시점의 은닉 상태에 적용할 수 있으므로, 분류기가 생각을 바꾸는 과정을
# 지켜볼 수 있습니다. 아래 그림의 행 *t*는 $\operatorname{softmax}(W_{hy} h_t + b_y)$, 즉
# 이름이 *t*번째 글자에서 끝났다면 모델이 내놓았을 답입니다.

# %% slideshow={"slide_type": "subslide"}
probe = "virtanen"
curve = analysis.prefix_probabilities(name_model, name_vocab, probe)
plot_class_probabilities(
    list(probe),
    curve,
    language_labels,
    title=tr("GRU: p(language | first t letters of '{name}')", name=probe),
)
assert np.allclose(
    curve[-1], softmax(name_model.predict(*encode_batch([probe], name_vocab, "char")))[0]
)
assert names.classes[curve[-1].argmax()] == "Finnish"
nen = [
    names.classes[y]
    for t, y in zip(names.train.texts, names.train.labels, strict=True)
    if t.endswith("nen")
]
print(f"training names ending in -nen: {len(nen)}, Finnish: {nen.count('Finnish')}")
assert nen.count("Finnish") >= 0.9 * len(nen)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="fc0e8a91ff11"
# 답은 글자마다 바뀔 수 있고, 여기서는 이름의 끝부분이 답을 정합니다. *-nen*은 아주
# 핀란드어다운 끝부분입니다(*-nen*으로 끝나는 훈련 이름은 거의 모두 핀란드어이며, 아래에서
# 확인합니다).
#
# **직접 해 보기.** 아무 이름이나(대소문자 상관없이) 입력하고 두 모델이 그 이름을 읽는
# 과정을 보세요. 드롭다운은 어느 모델의 곡선을 그릴지 고르고, 막대는 최종 답을 비교합니다.
# *rossi*, *müller*, *van dijk*, *nieminen*, *garcía*, 그리고 자기 이름을 넣어 보세요.
#
# **질문.** *virtanen*을 한 글자씩 입력해 보세요. RNN이 핀란드어를 처음 맨 위에 올리는 것은
# 몇 번째 글자 뒤이고, 핀란드어는 끝까지 맨 위에 머무를까요?

# %% [markdown] slideshow={"slide_type": "notes"} translates="798d49641d21"
# 탐색기에서 rossi, virtanen, van dijk를 차례로 한 글자씩 입력합니다. 수강생에게 묻기:
# *모델은 몇 번째 글자에서 생각을 바꾸고, 왜 거기서일까요?*

# %% slideshow={"slide_type": "slide"}
explorer = name_explorer(name_model, name_vocab, language_labels, bigram, name="rossi")
explorer

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# Finnish takes the lead only in the second half of the name, at the "-nen"-like
# ending or just before it, and keeps it to the end.
virtanen = analysis.prefix_probabilities(name_model, name_vocab, "virtanen")
finnish_on_top = virtanen.argmax(axis=1) == names.classes.index("Finnish")
first_lead = int(np.argmax(finnish_on_top))  # 0-based: after letter first_lead + 1
assert finnish_on_top[-1] and finnish_on_top[first_lead:].all(), finnish_on_top
assert first_lead + 1 >= 4, first_lead

# %% [markdown] slideshow={"slide_type": "slide"} translates="2476b8799d0a"
# ## 5. 단어, 임베딩, 그리고 순서가 중요한 문장
#
# ### 임베딩이란
#
# 단어 *V*개 가운데 단어 *k*의 **원-핫 벡터**(one-hot vector)는 모두 0이고 한 자리만
# 1입니다. 여기에 `(V, D)` 모양의 행렬 $E$를 곱하면 행 *k*를 골라낼 뿐입니다:
# $\text{one\_hot}(k)\,E = E_k$. **임베딩 층**(embedding layer)은 원-핫 벡터를 만들지 않고
# 바로 이 조회를 합니다. 단어마다 학습되는 숫자 *D*개짜리 행이 하나씩 있고, 이것이 그 단어의
# **단어 임베딩**입니다. 같은 역할을 하는 단어들은 기울기가 같은 방향으로 밀어 주므로 비슷한
# 행을 갖게 됩니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="5eeee8a3d742"
# 말할 내용: 임베딩은 단어마다 학습되는 행 하나이고, 원-핫 벡터에 행렬을 곱하는 것은
# 조회와 같습니다. 단어 가방은 부정과 어순에서 실패할 수밖에 없습니다. 수강생에게 묻기:
# *단어 가방은 같은데 레이블이 반대인 문장 쌍은 어느 것일까요?*

# %% slideshow={"slide_type": "fragment"}
vocab_size, dim = 6, 3
E_demo = rng.normal(size=(vocab_size, dim))
word_ids = np.array([4, 1, 4])
assert np.allclose(one_hot(word_ids, vocab_size) @ E_demo, E_demo[word_ids])

# %% [markdown] slideshow={"slide_type": "subslide"} translates="33000c2ed691"
# 여기서는 임베딩을 분류기와 함께 처음부터 학습합니다. 레이블 없는 텍스트로 **사전
# 학습**(pre-training)한 뒤 다시 쓸 수도 있습니다. **CBOW**(continuous bag of words)는 이웃
# 단어로 가운데 단어를 예측하며 임베딩을 배우고, **스킵그램**(skip-gram)은 단어로 이웃을
# 예측하며 배웁니다(word2vec, Mikolov et al. 2013). 이 절 끝에서 스킵그램 벡터를 직접 학습하고
# 그것이 무엇을 담는지 봅니다.
#
# ### 감성 말뭉치와 의도 말뭉치
#
# `rnnlib`는 영어와 한국어로 작은 말뭉치(corpus)를 템플릿에서 단어 단위로 만듭니다(단어는
# 공백으로 나뉘고, 한국어 단어는 "방은"처럼 조사가 붙은 채입니다). 모든 문장에는 **종류**가
# 있습니다:
#
# | 종류 | 예 | 레이블 |
# |---|---|---|
# | plain(평범) | the room was great · 이 숙소 짱입니다 | Positive |
# | negation(부정) | the bed was not bad · 방은 안 나빠요 · 위치는 나쁘지 않아요 | Positive |
# | contrast(대조) | the room was good but the food was bad | Negative |
# | plain(평범) | turn the alarm off · 알람 꺼 줘 | Alarm.Off |
# | correction(정정) | turn off the lights no wait the alarm on | Alarm.On |
#
# 대조 문장과 정정 문장은 **쌍둥이**로 나옵니다. 같은 단어를 다른 순서로 놓아 레이블이
# 달라진 문장입니다("the room was *bad* but the food was *good*" → Positive,
# "turn on the alarm no wait the lights off" → Lights.Off). 이런 문장에는 `order_dependent`
# 표시가 붙고, 쌍둥이는 언제나 같은 분할에 들어갑니다.
#
# 한국어 문장은 영어 어순이 아니라 한국어의 규칙을 따릅니다. 한국어에서 형용사를 부정하는
# 방법은 두 가지입니다. 짧은 부정은 형용사 앞에 **안**을 놓고("안 좋아요"), 긴 부정은 어미를
# 바꾸고 **않아요**를 붙입니다("좋지 않아요"). 길거나 파생된 형용사는 긴 부정만 씁니다("안
# 훌륭해요"가 아니라 "훌륭하지 않아요"). 두 형태가 모두 자연스러운 형용사는 데이터에도 두
# 형태가 다 들어 있습니다. 명령은 한 발화 안에서 **말투**(speech level)를 하나로 지킵니다.
# 반말("켜 줘", "켜 줄래")이든 존댓말("켜 주세요", "켜 줄래요")이든, 스스로 정정할 때도
# 마찬가지입니다.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
sentiment = sentiment_data(rng=SEED)
intent = intent_data(rng=SEED)
for data in (sentiment, intent):
    print(data)
    for kind in dict.fromkeys(data.test.kinds):
        for language in ("en", "ko"):
            part = data.test.where(kind=kind, language=language)
            print(f"  {kind:>10} {language}: {part.texts[0]!r} -> {data.classes[part.labels[0]]}")
    print(
        f"  order-dependent test sentences: {data.test.order_dependent.sum()} of {len(data.test)}"
    )

# %% [markdown] slideshow={"slide_type": "subslide"} translates="c7d4e892ea38"
# **한계.** 서로 다른 단어 백여 개와 템플릿 몇 개뿐입니다. 목적은 어순과 부정의
# 효과를 따로 떼어 보는 것이지, 실제 리뷰나 실제 명령을 모델링하는 것이 아닙니다.
#
# ### 단어 가방, 그리고 그것이 반드시 실패하는 곳
#
# **단어 가방**(BoW)은 문장을 각 단어가 몇 번 나오는지로 나타내고 순서는 잊습니다. 기준선은
# 이 개수에 대한 소프트맥스 회귀 $p(y \mid x) = \operatorname{softmax}(W\,\text{counts}(x) + b)$로,
# 단어마다 클래스별로 가중치가 붙은 표를 던지는 셈입니다. 학습하지 않아도 두 가지 결과가
# 따라 나옵니다:
#
# * **쌍둥이는 같은 답을 받습니다.** 단어 개수가 같기 때문입니다. 레이블은 서로 다르므로
#   각 쌍에서 많아야 한쪽만 맞고, 순서에 따라 달라지는 문장에서는 *구조상* 많아야 50 %입니다;
# * **따로 떨어진 단어로 하는 부정**은 투표로는 다룰 수 없습니다. "not"(또는 "안")은
#   "bad" 옆에서는 긍정에, "good" 옆에서는 부정에 투표해야 하는데, 가중치 하나로는 둘 다 할
#   수 없습니다(XOR 문제). 단어 가방은 "bad"가 부정적이라는 것만 배울 수 있습니다.
#
# 한국어의 긴 부정은 다릅니다. "좋지 않아요"에는 "좋아요"가 아예 들어 있지 않습니다. 첫 단어
# "좋지"는 그 자체로 공백 토큰 하나이고 (이 템플릿에서는) 부정문에만 나오므로, 단어 가방은
# "좋지"가 부정에 투표한다는 것을 *배울 수 있습니다*. 이렇게 어간에 붙은 어미가 토큰에 어떤
# 의미를 갖는지는 [8절](#8.-한국어-토큰화)에서 다시 다룹니다.

# %% [markdown] slideshow={"slide_type": "skip"} translates="de5b8a68235c"
# ### 연습 2: 단어 가방
#
# 위치 *i*에 `words[i]`가 문장에 몇 번 나오는지를 담은 벡터를 돌려주는
# `bag_of_words(sentence, words)`를 작성하세요.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def bag_of_words(sentence, words):
    raise NotImplementedError  # your code here


passed = exercises.check_bag_of_words(bag_of_words)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def bag_of_words_solution(sentence, words):
    tokens = sentence.split()
    return np.array([tokens.count(word) for word in words])


assert exercises.check_bag_of_words(bag_of_words_solution)

# %% [markdown] translates="1da9c1018bc4"
# 이제 각 말뭉치에서 단어 가방과 단어 수준 GRU(임베딩 숫자 8개, 은닉 유닛 24개)를
# 학습하고, 따로 떼어 둔 테스트 분할에서 두 모델을 **종류별로** 채점합니다.


# %% slideshow={"slide_type": "fragment"}
# per corpus: a bag of words and a word GRU (embedding 8, 24 hidden units, 8 epochs of
# Adam), each scored per kind; the tests re-run `order_experiment` with other seeds
results = {}
word_models = {}
for name, data in (("sentiment", sentiment), ("intent", intent)):
    results[name], *word_models[name] = experiments.order_experiment(data, rng)

for name, table in results.items():
    print(f"{name:<20}" + "".join(f"{model_name:>14}" for model_name in table))
    for kind in table["GRU"]:
        print(f"  {kind:<18}" + "".join(f"{row[kind]:>14.2f}" for row in table.values()))

# %% slideshow={"slide_type": "fragment"}
for name, table in results.items():
    bow, gru = table["bag of words"], table["GRU"]
    assert bow["plain"] >= 0.85, name  # words alone decide: the bag of words is fine
    assert bow["order-dependent"] <= 0.5, name  # twins share one answer: at most half right
    assert gru["order-dependent"] >= 0.9 and gru["plain"] >= 0.9, name
bow, gru = results["sentiment"]["bag of words"], results["sentiment"]["GRU"]
assert bow["negation: word"] <= 0.3  # "not" / "안" cannot flip a vote
assert bow["negation: ending"] >= 0.9  # but "좋지" (only ever negated) can vote
assert gru["negation"] >= 0.9

# %% [markdown] translates="1786c8d7ee54"
# 단어 가방은 단어만으로 답이 정해지는 곳(평범한 문장)에서는 잘하고, 순서에 따라
# 달라지는 쌍둥이에서는 동전 던지기 수준이거나 그보다 못하며, 따로 떨어진 단어로 하는
# 부정("not", "안")에서는 대부분 *틀립니다*(많아야 30 %). "bad"가 부정에 투표한다는 것은
# 배웠지만 "not"이 그 표를 뒤집게 할 수는 없기 때문입니다. 한국어 긴 부정은 앞에서 말한
# 이유로 맞힙니다(90 % 이상). 부정된 형용사가 다른 토큰이기 때문입니다. GRU는 단어를 순서대로
# 읽으며, 처음 보는 문장에서도 모든 종류를 90 % 이상 맞힙니다. 단어를 하나씩 읽은 뒤의 확률을
# 보면 어떻게 하는지 알 수 있습니다. 마지막 절이 판단을 가져갑니다.

# %% slideshow={"slide_type": "subslide"}
sentiment_model, sentiment_vocab = word_models["sentiment"]
fig, axes = new_figure(1, 2, figsize=(14, 4.2))
for ax, sentence in zip(
    axes,
    ["the room was good but the food was bad", "the room was bad but the food was good"],
    strict=True,
):
    words = sentence.split()
    curve = analysis.prefix_probabilities(sentiment_model, sentiment_vocab, sentence, "word")
    plot_class_probabilities(
        words,
        curve,
        [tr(label) for label in sentiment.classes],
        ax=ax,
        highlight=1,
        title=tr("GRU: p(sentiment | words so far)\n'{sentence}'", sentence=sentence),
    )
    ax.tick_params(axis="x", rotation=45)
    expected = "Negative" if words[-1] == "bad" else "Positive"
    assert sentiment.classes[curve[-1].argmax()] == expected

# %% [markdown] slideshow={"slide_type": "subslide"} translates="a55eff0bb199"
# ### 학습된 단어 임베딩을 2차원으로 보기
#
# 감성 GRU의 임베딩 표에는 단어마다 숫자가 8개 있습니다. 이를 보려고 행들을 가장 중요한 두
# 방향에 사영합니다(**PCA**, numpy의 SVD로 계산합니다: 행을 중심화하고 $X = U S V^\top$,
# 좌표는 $U_{:,:2} S_{:2}$). 아래는 두 언어의 형용사이며, 템플릿이 정한 극성(polarity)에 따라
# 색을 칠했고(파랑은 긍정, 주황은 부정), 영어는 원, 한국어는 삼각형으로 표시했습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="30e262b004cc"
# 말할 내용: 긍정 형용사와 부정 형용사는 영어와 한국어를 가로질러 갈라집니다. 두 언어를
# 섞은 문장은 하나도 없는데도 그렇습니다. 수강생에게 묻기: *"great"와 좋아요가 공유하는 것
# 중 모델이 볼 수 있는 것은 무엇일까요?* (레이블에 미치는 효과)

# %% slideshow={"slide_type": "subslide"}
lexicon = sentiment_lexicon()
words = list(lexicon)
vectors = sentiment_model.embedding.params["E"][sentiment_vocab.encode(words)]
coordinates, explained = analysis.project_2d(vectors)
ax = plot_embedding_projection(
    coordinates,
    explained,
    words,
    [tr(lexicon[w][1]) for w in words],
    shapes=[{"en": tr("English"), "ko": tr("Korean")}[lexicon[w][0]] for w in words],
    title=tr("Sentiment GRU: learned embeddings of the adjectives (PCA)"),
)

# %% slideshow={"slide_type": "fragment"}
coordinates, positive, nearer_own = experiments.adjective_separation(
    sentiment_model, sentiment_vocab, sentiment_lexicon()
)
print(f"adjectives nearer their own polarity's centre: {nearer_own:.0%}")
assert nearer_own >= 0.9

# %% [markdown] translates="80cc620e19d3"
# 긍정 형용사와 부정 형용사는 **두 언어를 가로질러** 두 무리로 나뉩니다. 영어와
# 한국어를 섞은 문장은 하나도 없는데도 그렇습니다. "great"와 "좋아요"가 공유하는 것은
# 레이블에 미치는 효과뿐이고, 임베딩이 잡아낸 것이 바로 그것입니다. 레이블 *없이* 학습한
# 임베딩은 단어를 다르게 묶는데, 다음 부분에서 봅니다.

# %% [markdown] slideshow={"slide_type": "subslide"} translates="87ad663a0bba"
# ### 문맥만으로 배우는 단어 벡터: 스킵그램과 CBOW
#
# **직관.** "단어는 그 단어와 함께 어울리는 단어들로 알 수 있다"(J. R. Firth, 1957). 우리
# 리뷰에서 *food*, *staff*, *view*는 모두 "the ___ was ..."에 나오고, *great*와 *awful*은 둘 다
# "... was ___"와 "... was not ___"에 나옵니다. 모델이 단어를 보고 그 이웃을 맞혀야 한다면,
# 이웃이 같은 두 단어는 같은 추측을 해야 하므로 비슷한 벡터를 갖게 됩니다. 레이블은 어디에도
# 없습니다. 이것이 word2vec(Mikolov et al. 2013)의 바탕인 **분포 가설**(distributional
# hypothesis)이며, word2vec은 일반 텍스트에서 **단어 벡터**를 서로 거울상인 두 방식으로
# 배웁니다:
#
# * **스킵그램**: 가운데 단어로 그 주변 윈도우(window) 안의 각 단어를 예측합니다;
# * **CBOW**: 윈도우 안 단어 벡터들의 평균으로 가운데 단어를 예측합니다.
#
# **수식(스킵그램).** 단어 $V$개로 된 어휘(vocabulary)의 각 단어 $w$에는 숫자 $D$개짜리
# 벡터가 두 개 있습니다. 입력 벡터 $W_\text{in}[w]$(그 단어의 단어 벡터로, 우리가 남기는 행)와
# 출력 벡터 $W_\text{out}[w]$($w$가 문맥일 때 씁니다)입니다. (가운데 $c$, 문맥 $o$) 쌍에 대해
# 모델은 모든 단어에 점수를 매기고 소프트맥스(softmax)를 취합니다:
#
# $$v = W_\text{in}[c], \qquad s = W_\text{out}\, v \in \mathbb{R}^V, \qquad
# p(o \mid c) = \operatorname{softmax}(s)_o,$$
# $$L = -\frac{1}{N}\sum_{n=1}^{N} \log p(o_n \mid c_n)$$
#
# 여기서 $N$은 배치의 쌍 수입니다. 역전파는 [2장](02_vanilla_rnn.ipynb)의 소프트맥스 교차
# 엔트로피를 한 번 더 쓰고, 이어서 행렬 곱과 조회를 거꾸로 거칩니다:
#
# $$\frac{\partial L}{\partial s_n} = \frac{\operatorname{softmax}(s_n) - \text{onehot}(o_n)}{N},
# \quad \frac{\partial L}{\partial W_\text{out}} = \sum_n \frac{\partial L}{\partial s_n} v_n^\top,
# \quad \frac{\partial L}{\partial W_\text{in}[c_n]} \mathrel{+}= W_\text{out}^\top \frac{\partial L}{\partial s_n}.$$
#
# 마지막 식은 *합*입니다. 여러 쌍에 나오는 가운데 단어는 쌍마다 기여를 하나씩 모읍니다. CBOW는
# 역할을 바꿉니다. 문맥 단어 $C$에 대해 $h = \frac{1}{|C|}\sum_{w \in C} W_\text{in}[w]$이고
# $p(c \mid C) = \operatorname{softmax}(W_\text{out} h)_c$입니다. 우리 단어 78개(아래에서
# 확인합니다)라면 $V$ 전체에 대한 소프트맥스는 부담이 없습니다. 단어가 백만 개인 실제 텍스트에서
# word2vec은 이를 *네거티브 샘플링*(negative sampling)으로 바꿉니다.
#
# 윈도우가 2일 때 한 문장에서 나오는 학습 쌍은 다음과 같습니다:

# %% [markdown] slideshow={"slide_type": "notes"} translates="8b752809fcec"
# 말할 내용: 여기에는 레이블이 없고, 어떤 단어가 어떤 단어 가까이 나오는지만 있습니다.
# 수강생에게 묻기: *"good"은 "great" 가까이 갈까요, "awful" 가까이 갈까요?* (둘 다입니다.
# 문맥을 공유하기 때문이며, 아래 숫자로 확인합니다)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
sentence = "the room was really good"
toy_vocab = build_vocabulary([sentence], "word")
centres, contexts = skipgram_pairs([np.array(toy_vocab.encode(sentence.split()))], window=2)
for c, o in sorted(
    zip(centres, contexts, strict=True), key=lambda pair: sentence.index(toy_vocab.tokens[pair[0]])
):
    print(f"{toy_vocab.tokens[c]:>7} -> {toy_vocab.tokens[o]}")
assert len(centres) == 2 * (4 + 3)  # 4 neighbours at distance 1 and 3 at distance 2, both ways

# %% [markdown] slideshow={"slide_type": "skip"} translates="34bde9215f3e"
# ### 연습 3: 스킵그램 손실과 그 기울기
#
# `(loss, dW_in, dW_out)`를 돌려주는 `skipgram_gradients(W_in, W_out, centres, contexts)`를
# 작성하세요. 위의 평균 손실 $L$을 쌍 $N$개에 대해 구하고(`centres`와 `contexts`는 `(N,)`
# 단어 id, `W_in`, `W_out`은 `(V, D)`), 각 매개변수와 같은 모양의 기울기를 구합니다. 검사
# 함수는 가운데 단어가 반복되는 쌍에서 각 기울기를 수치 기울기([3장](03_bptt_and_vanishing_gradients.ipynb)에서처럼
# 5점 차분)와 비교하고, 흔한 실수를 짚어 줍니다.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def skipgram_gradients(W_in, W_out, centres, contexts):
    raise NotImplementedError  # your code here


passed = exercises.check_skipgram_gradients(skipgram_gradients)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
def skipgram_gradients_solution(W_in, W_out, centres, contexts):
    n = len(centres)
    v = W_in[centres]  # (N, D)
    scores = v @ W_out.T  # (N, V)
    p = softmax(scores)
    loss = -np.mean(np.log(p[np.arange(n), contexts]))
    dscores = p.copy()
    dscores[np.arange(n), contexts] -= 1
    dscores /= n
    dW_out = dscores.T @ v  # (V, D)
    dW_in = np.zeros_like(W_in)
    np.add.at(dW_in, centres, dscores @ W_out)  # repeated centres add up
    return loss, dW_in, dW_out


assert exercises.check_skipgram_gradients(skipgram_gradients_solution)

# %% [markdown] slideshow={"slide_type": "subslide"} translates="3ecf4c4c24e8"
# `rnnlib.embeddings.SkipGram`은 두 표를 들고 있고, `forward`와 `backward`에서 정확히
# 이 계산을 합니다. 이제 이것을 **감성 훈련 분할의 문장으로, 레이블 없이** 학습합니다. 2단어
# 안에 있는 모든 쌍을 쓰고, 단어마다 숫자 $D = 10$개짜리 벡터 하나를 두며, 쌍 256개씩 섞은
# 배치로 Adam을 10 에포크 돌립니다.

# %% slideshow={"slide_type": "fragment"}
# the tests re-run `train_skipgram` and `context_similarity` with other seeds
word2vec, word2vec_vocab, word2vec_losses = experiments.train_skipgram(sentiment.train.texts, rng)
print(f"loss per epoch: {word2vec_losses[0]:.2f} -> {word2vec_losses[-1]:.2f}")
for word in ("good", "awful", "food", "really", "방은", "좋아요"):
    print(
        f"{word:>8}: nearest", analysis.nearest_words(word2vec.vectors, word2vec_vocab.tokens, word)
    )
context_scores = experiments.context_similarity(
    word2vec.vectors, word2vec_vocab, sentiment_word_groups(), lexicon
)
print({name: round(value, 2) for name, value in context_scores.items()})

# %% slideshow={"slide_type": "fragment"}
assert len(word2vec_vocab) == 78  # <pad>, <unk> and the words of the training sentences
assert word2vec_losses[-1] < word2vec_losses[0] - 0.3
assert any(
    lexicon[w][1] == "negative"
    for w in analysis.nearest_words(word2vec.vectors, word2vec_vocab.tokens, "good")
)
assert context_scores["within"] - context_scores["across"] > 0.6
assert context_scores["nearest_in_group"] >= 0.9
assert abs(context_scores["same_polarity"] - context_scores["opposite_polarity"]) < 0.1

# %% [markdown] slideshow={"slide_type": "fragment"} translates="a55aa9031140"
# 템플릿에서 같은 자리(slot)를 채우는 단어들(각 언어의 평가 대상, 형용사, 강조 부사)은
# 이제 비슷한 벡터를 갖습니다. 같은 자리의 두 단어의 평균 코사인 유사도(cosine similarity)는
# 다른 자리의 두 단어보다 0.6 넘게 높고, (거의) 모든 단어에서 나머지 단어 중 가장 가까운
# 단어가 같은 자리를 채웁니다. 그러나 *good*의 가장 가까운 이웃 세 개 중에는 부정 형용사가
# 있고, 한 언어 안에서 극성이 반대인 형용사끼리도 극성이 같은 형용사끼리만큼 비슷합니다(평균
# 코사인 차이 0.1 미만). 같은 문맥에서 쓰이기 때문입니다. 위의 감성 GRU 임베딩이 이들을
# 갈라놓은 것은 학습 신호가 레이블이었기 때문입니다. 문맥이 주는 것은 감성이 아니라 **역할과
# 주제**입니다. 반의어는 분포상 이웃입니다. 사전 학습한 벡터는 출발점이고, 과제에 맞춘 학습이
# 그것을 조정합니다.

# %% slideshow={"slide_type": "subslide"}
english = {g: w for g, w in sentiment_word_groups().items() if g.startswith("en")}
slot_names = {"en aspect": tr("aspect"), "en adjective": tr("adjective")}
slot_names["en intensifier"] = tr("intensifier")
shown = [w for words in english.values() for w in words]
ax = plot_embedding_projection(
    *analysis.project_2d(word2vec.vectors[word2vec_vocab.encode(shown)]),
    shown,
    [slot_names[g] for g, words in english.items() for _ in words],
    shapes=[tr(lexicon[w][1]) if w in lexicon else tr("no polarity") for w in shown],
    title=tr("Skip-gram vectors of the English words (PCA): grouped by slot, not by polarity"),
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="d0012b2ce217"
# ## 6. 양방향 RNN: 미래가 중요할 때
#
# 한 방향 RNN은 시점 *t*에서 $x_1 \dots x_t$만 읽었습니다. 그런데 결정적인 단어가 나중에
# 나올 때가 있습니다. [1장](01_sequences_and_hopfield.ipynb)의 "사과"를 떠올려 보세요. "나는
# 어제 사과를 결국 **먹었다**"에서는 과일이고, "나는 어제 사과를 결국 **했다**"에서는 잘못을
# 비는 사과입니다. 동사는 "사과를" *뒤에* 옵니다. **양방향 RNN**(bidirectional RNN)은 두 번째
# RNN을 끝에서 처음으로 돌리고 두 상태를 이어 붙여 $[\overrightarrow{h}_t ; \overleftarrow{h}_t]$로
# 만들므로, 모든 시점이 양쪽을 봅니다.
#
# 과제는 "사과를"의 뜻을 *그 단어의 자리에서* 맞히는 것입니다(그 한 시점에서만 손실을 주는
# 다대다 모델). 그 앞의 단어들은 뜻과 무관하게 뽑았으므로, 왼쪽에서 오른쪽으로 읽는 모델은
# 알 수가 없습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="d152a4905a74"
# 말할 내용: 왼쪽에서 오른쪽으로 읽는 RNN은 시점 t에서 미래를 보지 못했고, 양방향 RNN은
# 보았습니다. 수강생에게 묻기: *사과를 ... 먹었다 또는 했다: 어느 방향이 동사를 필요로
# 할까요?*

# %% slideshow={"slide_type": "fragment"}
homonyms = homonym_data(rng=SEED)
homonym_vocab = build_vocabulary(homonyms.train.texts, "word")
for sense in (0, 1):
    for i in np.flatnonzero(homonyms.train.labels == sense)[:2]:
        print(homonyms.train.texts[i], "->", homonyms.classes[sense])


# a GRU (embedding 8, 16 hidden units) of each kind, trained 10 epochs with the loss at
# the marked word only (`loss_at_marked_word`); the tests re-run this with other seeds
sense_results = experiments.homonym_experiment(homonyms, homonym_vocab, rng)

for label, (acc, params) in sense_results.items():
    print(f"{label:>16}: test accuracy {acc:.2f}, {params} parameters")

# %% slideshow={"slide_type": "fragment"}
assert sense_results["one-directional"][0] <= 0.65  # a coin flip: the verb is in the future
assert sense_results["bidirectional"][0] >= 0.9
assert sense_results["bidirectional"][1] > 1.8 * sense_results["one-directional"][1]

# %% [markdown] slideshow={"slide_type": "subslide"} translates="bd8d83a5ee88"
# 한 방향 GRU는 당연히 우연 수준이고, 양방향 GRU는 거의 언제나 맞힙니다. 매개변수는 약
# 두 배입니다(GRU가 하나가 아니라 둘). 양방향 모델은 답하기 전에 시퀀스 **전체**가 있어야
# 하므로, 이미 다 쓴 텍스트의 분류와 태깅에는 알맞지만 입력하는 동안 다음 글자를 예측하는
# 데는 쓸 수 없습니다.
#
# `bidirectional=True`인 다대일 `SequenceModel`에서 출력층은 마지막 토큰 뒤의 순방향 상태와,
# 처음까지 거꾸로 읽은 뒤의 역방향 상태를 읽습니다.

# %% [markdown] slideshow={"slide_type": "skip"} translates="445bce157111"
# ### 연습 4: 매개변수 세기
#
# `SequenceModel("gru", vocab_size=20, embedding_dim=8, hidden_size=16, output_size=3,
# bidirectional=True, many_to_one=True)`에는 학습되는 숫자가 몇 개 있을까요? [4장](04_lstm_and_gru.ipynb)의
# GRU 모양(`W_xh (3H, D)`, `W_hh (3H, H)`, `b (3H,)`, `b_hn (H,)`)을 쓰고, 임베딩과
# 출력층도 잊지 마세요.

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
answer = ...  # a whole number
passed = exercises.check_parameter_count(answer)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Solution
V, D, H, C = 20, 8, 16, 3
gru_direction = 3 * H * D + 3 * H * H + 3 * H + H
answer_solution = V * D + 2 * gru_direction + (2 * H * C + C)
assert exercises.check_parameter_count(answer_solution)
assert (
    answer_solution
    == SequenceModel(many_to_one=True, rng=0, **exercises.PARAMETER_MODEL).num_parameters()
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="25a8b48eab3f"
# ## 7. 다층(심층) RNN: 층을 하나 더 쌓으면 무엇을 얻을까?
#
# **다층 RNN**(stacked RNN)은 한 순환 층의 은닉 상태를 다음 층의 입력 시퀀스로 넣습니다:
# $h^{(2)}_t = f(h^{(1)}_t, h^{(2)}_{t-1})$. 위층은 아래층이 계산한 특징을 바탕으로 더 쌓아
# 올릴 수 있습니다. 대가는 매개변수와 시간입니다. 층 2는 층 1이 $h^{(1)}_t$를 내놓은 뒤에야
# 시점 $t$를 처리할 수 있습니다. 의도 과제에서는 도움이 될까요?


# %% [markdown] slideshow={"slide_type": "notes"} translates="a3ff7b9cd4b4"
# 말할 내용: 의도 과제에서는 층 하나가 이미 따로 떼어 둔 문장을 모두 맞히므로, 이 과제로는
# 깊이가 무엇을 주는지 보여 줄 수 없습니다. 수강생에게 묻기: *왼쪽에서 오른쪽으로 읽는 층을
# 하나 더 쌓으면 사과를의 뜻을 가릴 수 있을까요?* (아니요. 깊이는 방향을 대신하지 못합니다.
# 다음 슬라이드에서 확인합니다)

# %% slideshow={"slide_type": "fragment"}
# word GRUs with 1 and 2 layers, trained like above; the tests re-run this with other seeds
depth = experiments.depth_experiment(intent, rng)
for layers, row in depth.items():
    print(
        f"{layers} layer(s): test accuracy {row['accuracy']:.2f} (order-dependent {row['order']:.2f}), "
        f"{row['parameters']} parameters"
    )

# %% slideshow={"slide_type": "fragment"}
assert depth[1]["accuracy"] >= 0.95  # one layer leaves (almost) nothing to gain
assert depth[2]["accuracy"] >= 0.95
assert depth[2]["parameters"] > 1.5 * depth[1]["parameters"]

# %% [markdown] slideshow={"slide_type": "subslide"} translates="7f4b14937607"
# 이 과제로는 이 질문에 답할 수 없습니다. 층 하나가 이미 따로 떼어 둔 문장을 (거의) 모두
# 맞히므로 두 번째 층이 더 얻을 것이 없고, 여기서는 매개변수만 늘립니다(1.5배 넘게). 깊이가
# 값을 하는지는 층 하나로 풀리지 *않는* 과제에서 물어야 할 문제입니다. 예를 들어 음성 인식에서
# Graves, Mohamed, Hinton(2013)은 양방향 LSTM 층을 쌓는 것이 층 하나를 넓히는 것보다 오류를 더
# 줄인다는 것을 보였습니다. 작은 과제라면 층 하나로 시작하고, 따로 떼어 둔 데이터의 점수가
# 그렇다고 할 때만 깊이를 더하세요.

# %% [markdown] slideshow={"slide_type": "subslide"} translates="0abbd4202ca4"
# ### 다층*이면서* 양방향
#
# 두 아이디어는 함께 쓸 수 있습니다. **다층 양방향 RNN**(stacked bidirectional RNN)에서는
# 모든 층이 양쪽 방향으로 읽고, 층 2는 층 1의 이어 붙인 상태 $[\overrightarrow{h}^{(1)}_t ;
# \overleftarrow{h}^{(1)}_t]$를 읽습니다(`SequenceModel(..., num_layers=2,
# bidirectional=True)`). 깊은 태거(tagger)나 음성 인코더가 흔히 이런 모양입니다. "사과를"
# 과제에서, 모든 층이 왼쪽에서 오른쪽으로 읽는 한 방향 모델에게 두 번째 층은 무엇을 해 줄 수
# 있을까요?

# %% slideshow={"slide_type": "fragment"}
# two stacked layers of each kind, trained like the one-layer models of section 6
stacked_results = experiments.homonym_experiment(
    homonyms,
    homonym_vocab,
    rng,
    models=("2 layers, one-directional", "2 layers, bidirectional"),
)
for label, (acc, params) in {**sense_results, **stacked_results}.items():
    print(f"{label:>26}: test accuracy {acc:.2f}, {params} parameters")

# %% slideshow={"slide_type": "fragment"}
assert stacked_results["2 layers, one-directional"][0] <= 0.65  # still a coin flip
assert stacked_results["2 layers, bidirectional"][0] >= 0.9
assert 2.5 < stacked_results["2 layers, bidirectional"][1] / sense_results["bidirectional"][1] < 3

# %% [markdown] slideshow={"slide_type": "fragment"} translates="5bb0e3b38e9c"
# 깊이는 방향을 대신하지 못합니다. 왼쪽에서 오른쪽으로 읽는 층이 둘이어도 위층은 답해야
# 할 때 "사과를"까지의 단어만 보았으므로, 모델은 우연 수준에 머뭅니다. 2층 양방향 모델은 1층
# 양방향 모델처럼 동음이의어(homonym)의 뜻을 가려내고, 매개변수는 그 약 2.7배입니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="af5d6f5b4fbc"
# ## 8. 한국어 토큰화
#
# 위의 단어 모델은 모두 문장을 공백에서 잘랐습니다. 영어라면 그것이 단어이지만, 한국어에서는
# **어절**(eojeol)입니다. 어간에 **조사**(particle)와 **어미**(ending)가 붙은 덩어리입니다.
# "방은"은 방 + 은(주제를 나타내는 조사), "짱입니다"는 짱 + 입니다('이다'의 합니다체)이고,
# "좋아요"와 "좋지"는 같은 형용사 어간 좋-에 서로 다른 어미가 붙은 것입니다. 그러니 공백 토큰은
# 어간과 어미의 *조합*이고, 훈련 문장에 나온 적 없는 조합은 어간과 어미를 각각 다른 곳에서
# 보았더라도 모르는 토큰(`<unk>`)이 됩니다. 5절에서는 같은 현상의 다른 면을 보았습니다.
# "좋지"는 부정문에만 나오므로 단어 가방이 그것을 배울 수 있었습니다.
#
# 더 작은 단위를 쓰면 이 문제를 피할 수 있습니다. **음절**(syllable)은 한글 글자 한 자, 즉
# 문자 하나이며 유니코드에는 11,172개가 있습니다. 글자마다 2~3개의 낱자, 즉 **자모**(jamo)로
# 이루어집니다: 좋 = ㅈ + ㅗ + ㅎ. 파이썬 표준 라이브러리로 글자를 자모로 나눌 수
# 있고(`unicodedata`, 정규형 NFD), 자모는 67개뿐입니다(초성 19개, 중성 21개, 종성 27개).
# `tokenize(text, level)`는 텍스트를 `"word"`(어절), `"char"`(음절, 공백 포함), `"jamo"`
# 토큰으로 자릅니다:

# %% [markdown] slideshow={"slide_type": "notes"} translates="07ac07152094"
# 말할 내용: 한국어 공백 토큰은 어간에 어미가 붙은 것이라서 좋아요와 좋지는 서로 무관한
# 토큰입니다. 수강생에게 묻기: *모르는 토큰을 한 번도 만나지 않는 단위는 무엇이고, 그 대가는
# 무엇일까요?* (자모. 시퀀스가 단어보다 약 9배 길어집니다)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
for sentence in ("방은 좋아요", "방은 좋지 않아요"):
    for level in ("word", "char", "jamo"):
        tokens = tokenize(sentence, level)
        print(f"{level:>5} ({len(tokens):>2} tokens): {' | '.join(tokens)}")
assert tokenize("방은 좋지 않아요", "jamo")[7:10] == ["\u110c", "\u1169", "\u11c2"]  # 좋: ㅈ ㅗ ㅎ

# %% [markdown] slideshow={"slide_type": "subslide"} translates="fe984e33039d"
# 한국어 훈련 문장으로 만든 어휘는 따로 떼어 둔 문장을 얼마나 덮을까요? **미등록어**
# (out-of-vocabulary, OOV) 토큰, 즉 따로 떼어 둔 문장에는 나오지만 훈련 문장에는 한 번도
# 나오지 않은 토큰을 셉니다. 감성 말뭉치에서 두 가지 평가 세트를 씁니다:
#
# * 평소의 **무작위 분할**(random split): 5절의 테스트 문장;
# * **부정을 보지 못한 경우**(negation unseen): 부정하지 않는 한국어 문장으로 훈련하고
#   부정하는 문장으로 테스트합니다. 훈련에서 한 번도 보지 못한 *형태*가 든 문장들입니다.

# %% slideshow={"slide_type": "fragment"}
# the tests re-run `korean_tokens` on the corpora of other seeds
korean = experiments.korean_tokens(sentiment)
for split, table in korean.items():
    print(split)
    for level, row in table.items():
        print(
            f"  {level:>5}: vocabulary {row['vocab_size']:>3}, unseen tokens {row['oov_rate']:5.1%}, "
            f"sentences with one {row['texts_with_oov']:4.0%}, tokens per sentence {row['tokens_per_text']:4.1f}"
        )

# %% slideshow={"slide_type": "fragment"}
random_split, unseen = korean["random split"], korean["negation unseen"]
assert all(row["oov_rate"] < 0.01 for row in random_split.values())  # the templates repeat
vocab_sizes = {level: row["vocab_size"] for level, row in random_split.items()}
assert vocab_sizes["jamo"] <= vocab_sizes["word"] < vocab_sizes["char"]
assert unseen["word"]["oov_rate"] > 0.4
assert unseen["word"]["texts_with_oov"] == unseen["char"]["texts_with_oov"] == 1
assert unseen["char"]["oov_rate"] < min(0.2, unseen["word"]["oov_rate"] / 3)
assert unseen["jamo"]["oov_rate"] < 0.01
per_word = {
    level: row["tokens_per_text"] / random_split["word"]["tokens_per_text"]
    for level, row in random_split.items()
}
print("tokens per word:", {level: round(ratio, 1) for level, ratio in per_word.items()})
assert 3.5 < per_word["char"] < 4.5 and 8 < per_word["jamo"] < 9.5
plain_words = {
    word
    for text, kind in zip(sentiment.train.texts, sentiment.train.kinds, strict=True)
    if kind != "negation"
    for word in text.split()
}
assert "좋아요" in plain_words and "좋지" not in plain_words  # the stem is known, the form is not
assert not {"않아요", "전혀"} & plain_words
assert not {"않", "럽"} & {char for word in plain_words for char in word}
assert set(tokenize("않", "jamo")) <= set(tokenize("괜찮아요", "jamo"))  # ㅇ ㅏ ㄶ

# %% [markdown] slideshow={"slide_type": "fragment"} translates="d631ffea1814"
# 무작위 분할에서는 어느 단위로 잘라도 따로 떼어 둔 토큰이 모두 이미 본 토큰입니다.
# 우리 템플릿은 몇십 개 단어를 되풀이하기 때문입니다. 여기서는 음절 어휘가 셋 가운데 가장
# 크기까지 한데, 이 몇 안 되는 단어들이 서로 다른 음절을 많이 쓰기 때문입니다. 따로 떼어 둔
# 문장에 새 형태가 나오면 그림이 달라집니다. 훈련에 부정문이 없으면 따로 떼어 둔 단어 토큰의
# 40 % 넘게가 미등록어이고, 모든 부정문에 적어도 하나씩 있습니다. "좋아요"는 보았어도 "좋지",
# "않아요", "전혀"는 본 적이 없습니다. 음절로 자르면 미등록 토큰의 비율이 3분의 1 아래로
# 줄지만, 여전히 모든 부정문에 적어도 하나는 있습니다(않 같은 새 글자, 그리고 "만족스럽지"의
# 럽: "만족스러워요"에서는 어간 끝의 ㅂ이 우로 바뀌므로 럽이라는 글자가 나오지 않습니다).
# 자모로 자르면 미등록 토큰이 하나도 없습니다. 않의 자모(ㅇ, ㅏ, ㄶ)조차 "괜찮아요"에
# 나옵니다.
#
# 작은 단위에는 길이라는 대가가 따릅니다. 한 문장을 문자(음절과 공백)로 자르면 단어보다 약
# 4배, 자모로 자르면 약 9배 길어지므로, RNN은 더 많은 시점에 걸쳐 정보를 실어 날라야
# 합니다([3장](03_bptt_and_vanishing_gradients.ipynb)). **서브워드**(subword) 토크나이저는
# 그 중간에 있습니다. 바이트 쌍 인코딩(BPE)과 SentencePiece는 개수를 세어 단위를 배우고(자주
# 나오는 어절은 통째로 두고 드문 어절은 아는 조각으로 나눕니다), 한국어 **형태소
# 분석기**(morphological analyser)는 "좋지"를 좋 + 지로 자릅니다. 모델은 이 단위를 통해서만
# 일반화할 수 있습니다. 공백 토큰으로는 "좋아요"가 "좋지"에 대해 아무것도 가르쳐 주지
# 못합니다.

# %% [markdown] slideshow={"slide_type": "slide"} translates="7ee5e7fedf0d"
# ## 요약
#
# * **다대일**: 시퀀스 전체를 읽고 마지막 은닉 상태를 분류합니다. 길이가 다른 시퀀스의
#   배치는 오른쪽을 패딩하고, **마스크**가 패딩 구간에서 RNN의 상태를 그대로 넘기게 하므로
#   마지막 시점에는 각 시퀀스 자신의 요약이 남습니다.
# * **기준선부터.** 문자 바이그램을 세는 것만으로도, 언어당 이름 몇백 개로 학습한 작은
#   GRU만큼은 성을 분류합니다. GRU는 새 이름보다 훈련 이름에 훨씬 잘 맞습니다. 혼동 행렬은 어떤
#   언어들이 서로 닮았는지 보여 줍니다.
# * **단어 가방**은 순서를 보지 못합니다. 단어가 같은 쌍둥이는 같은 답을 받고(많아야 50 %),
#   "not"이나 "안"이 단어의 뜻을 뒤집게 할 수 없습니다(한국어 긴 부정 "좋지 않아요"는
#   맞히는데, "좋지"가 따로 된 토큰이기 때문입니다). 순서대로 읽는 GRU는 따로 떼어 둔
#   데이터에서 평범한 문장, 부정문, 순서에 따라 달라지는 문장을 모두 맞힙니다.
# * **임베딩**은 학습되는 조회 표입니다(원-핫 벡터 곱하기 행렬). 감성 과제로 학습하면 긍정
#   단어와 부정 단어가 2차원에서 언어를 가로질러 갈라집니다.
# * **스킵그램**(그리고 그 거울상인 CBOW)은 문맥만으로 단어 벡터를 배웁니다. 같은 자리를
#   채우는 단어들은 비슷한 벡터를 갖지만, 반의어(*good*, *awful*)도 문맥을 공유하므로 역시
#   비슷해집니다. 그 손실의 기울기는 소프트맥스 교차 엔트로피이고, 입력 벡터의 행에는 반복되는
#   가운데 단어의 기여를 *누적*해야 합니다(`np.add.at`).
# * **양방향** RNN은 결정적인 단어가 나중에 올 때 도움이 됩니다(사과를 ... 먹었다 /
#   했다). 우연 수준 대 거의 완벽이고, 매개변수는 약 두 배입니다. **다층**으로 쌓은 두 번째
#   층은 의도 과제에서 얻을 것이 없었고(층 하나가 이미 맞혔습니다), 방향을 대신할 수도
#   없습니다. 왼쪽에서 오른쪽으로 읽는 두 층은 사과를에서 우연 수준에 머물고, 양방향 두 층은
#   뜻을 가려냅니다.
# * **한국어 토큰.** 공백은 어절, 즉 조사와 어미가 붙은 어간을 나눕니다("방은", "좋지").
#   그래서 처음 보는 어간-어미 조합은 모르는 단어가 됩니다. 훈련 문장은 부정하지 않고 따로
#   떼어 둔 문장은 부정할 때, 단어 토큰은 40 % 넘게가 처음 보는 것이고, 음절은 그 3분의 1도
#   안 되며, 자모는 하나도 없습니다. 대가는 더 긴 시퀀스입니다(단어 하나에 문자 약 4개, 자모
#   약 9개).
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 시퀀스 분류 | sequence classification | 시퀀스 전체에 레이블 하나를 붙이는 것(이름 → 언어, 리뷰 → 감성) |
# | 다대일 | many-to-one | 시퀀스를 읽고 끝에서 출력 하나를 내는 모델 |
# | 패딩 | padding | 한 배치의 시퀀스 길이를 맞추려고 채우는 토큰 |
# | 마스크 | mask | 실제 토큰은 1, 패딩은 0. 0인 곳에서 RNN은 상태를 그대로 유지함 |
# | 기준선 (기준 모델) | baseline | 새 모델이라면 넘어야 하는 단순한 모델 |
# | 나이브 베이즈 | naive Bayes | 센 확률과 베이즈 규칙으로 만든 분류기 |
# | 바이그램 | bigram | 이웃한 토큰(여기서는 문자) 한 쌍 |
# | 혼동 행렬 | confusion matrix | 실제 클래스(행)와 예측 클래스(열)를 맞대어 센 표 |
# | 과적합 | overfitting | 새 데이터보다 훈련 데이터에 훨씬 더 잘 맞는 것 |
# | 단어 가방 (BoW) | bag of words | 순서를 버리고 단어 개수만으로 나타낸 문장 |
# | 부정 | negation | "not", "안", "-지 않아요": 형용사의 뜻을 뒤집음 |
# | 감성 분석 | sentiment analysis | 텍스트를 긍정 또는 부정으로 분류하는 것 |
# | 의도 분류 | intent classification | 명령을 사용자가 원하는 동작으로 옮기는 것 |
# | 원-핫 벡터 | one-hot vector | 토큰의 인덱스 자리만 1이고 나머지는 모두 0인 벡터 |
# | 단어 임베딩 | word embedding | 단어마다 학습되는 벡터, 임베딩 행렬의 한 행 |
# | CBOW / 스킵그램 | CBOW / skip-gram | 문맥으로 단어를 / 단어로 문맥을 예측하며 임베딩을 사전 학습하는 방법 |
# | 분포 가설 | distributional hypothesis | 같은 문맥에서 쓰이는 단어는 뜻(또는 역할)이 비슷하다는 가설 |
# | 단어 벡터 | word vector | 단어마다 학습된 숫자 행. 문맥이 비슷하면 벡터도 비슷함 |
# | 코사인 유사도 | cosine similarity | u·v / (‖u‖ ‖v‖): 방향이 같으면 1, 직교하면 0 |
# | 주성분 분석 | principal component analysis (PCA) | 분산이 가장 큰 방향들로의 사영 |
# | 동음이의어 | homonym | 형태는 하나인데 뜻이 여럿인 단어(사과: 과일, 잘못을 빎) |
# | 양방향 RNN | bidirectional RNN | 앞으로 읽는 RNN과 뒤로 읽는 RNN 두 개의 상태를 이어 붙인 것 |
# | 다층 (심층) RNN | stacked (deep) RNN | 순환 층을 여러 개 쌓은 것 |
# | 어절 | eojeol | 한국어에서 공백으로 나뉘는 단위: 조사와 어미가 붙은 어간 |
# | 조사 / 어미 | particle / ending | 한국어 명사 / 동사·형용사 어간에 붙는 문법 요소 |
# | 음절 | syllable | 한글 글자 한 자(좋), 11,172자 가운데 하나 |
# | 자모 | jamo | 한글 글자를 이루는 낱자(ㅈ ㅗ ㅎ), 모두 67개 |
# | 미등록어 (OOV) | out-of-vocabulary (OOV) token | 훈련에서 한 번도 보지 못한 토큰. `<unk>`가 됨 |
# | 서브워드 토큰화 | subword tokenisation | 개수를 세어 배우는, 문자와 단어 사이의 단위(BPE, SentencePiece) |
# | 형태소 분석기 | morphological analyser | 단어를 어간, 조사, 어미로 자르는 도구 |
