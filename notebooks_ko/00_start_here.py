# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: jupyter,slideshow,tags,translates,-all
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

# %% [markdown] slideshow={"slide_type": "slide"} translates="1d33a8c0f67f"
# # 시작하기: 홉필드 네트워크에서 LSTM까지, 순환 신경망
#
# **순환 신경망**(RNN, recurrent neural network)을 직접 만들어 보며 배우는 강의에 오신 것을 환영합니다. 순환 신경망은 **시퀀스**(sequence)를 한 번에 한 시점(time step)씩 읽으면서, 지금까지 읽은 내용을 기억으로 간직하는 네트워크입니다. 모든 아이디어는 먼저 numpy 몇 줄로 밑바닥부터 만든 다음, 이 강의를 위해 작성한 작은 라이브러리 `rnnlib`과 비교해 확인합니다. `rnnlib`은 모든 역전파를 손으로 풀어 썼기 때문에(자동 미분을 쓰지 않습니다) 감춰진 것이 없습니다.
#
# **이 페이지에서 할 일**
#
# 1. 강의 지도를 봅니다: 아홉 개의 장, 각 장에서 배우는 내용과 실행 시간;
# 2. 노트북과 대화형 위젯이 어떻게 동작하는지 알아봅니다;
# 3. 실습 환경이 준비되었는지 확인합니다(네트워크 연결은 필요 없습니다);
# 4. "hello"의 철자를 익히는 작은 RNN을 학습시키고, 위젯으로 그 기억을 들여다봅니다.
#
# 핵심 용어는 처음 나올 때 영어 용어를 괄호 안에 함께 적습니다. 각 장은 용어집으로 끝나고, `GLOSSARY.md`에 모든 용어가 모여 있습니다.

# %% [markdown] slideshow={"slide_type": "notes"} translates="fce1e1d1db18"
# 첫 시간에 [1장](01_sequences_and_hopfield.ipynb) 전에 약 20분. 말할 내용: 이 강의는 시퀀스를 한 번에 한 시점씩 읽으며 기억을 이어 가는 네트워크를 다룹니다. 모든 아이디어를 numpy로 만들고 `rnnlib`과 비교해 확인합니다. 본문의 모든 주장은 `assert`로 검증합니다.
#
# 수강생에게 묻기: *순서대로 봐야만 의미가 있는 일상 데이터에는 무엇이 있을까요?* (음성, 텍스트, 가격, 센서 측정값)

# %% slideshow={"slide_type": "skip"}
# %matplotlib inline
import importlib
import inspect
import json
import platform
import re
import time
from pathlib import Path

import ipywidgets
import matplotlib
import numpy as np
from IPython.display import Markdown

import rnnlib
from rnnlib.data.encoding import Vocabulary, one_hot
from rnnlib.functional import softmax
from rnnlib.i18n import set_language, tr
from rnnlib.models import SequenceModel
from rnnlib.optim import Adam
from rnnlib.train import fit
from rnnlib.viz import new_axes, use_course_style
from rnnlib.widgets import Explorer
from rnnlib.widgets.rnn import hidden_state_explorer

use_course_style()
set_language("ko")  # figures, explorers and feedback in English ("ko": Korean)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"} translates="d1fc5273bb5f"
# ## 강의 지도
#
# 장을 순서대로 읽으십시오. 각 장은 앞 장들의 아이디어를 바탕으로 합니다.
#
# | 장 | 배우는 내용 |
# |---|---|
# | [01 시퀀스와 홉필드 네트워크](01_sequences_and_hopfield.ipynb) | 순서와 문맥이 왜 중요한가("사과": 먹는 사과인가, 잘못을 비는 사과인가?); 고정된 입력 윈도우(window)로는 왜 부족한가; 연상 기억 장치로서의 홉필드 네트워크(Hopfield network): 헤브 가중치, 부호 갱신, 에너지(energy), 저장 용량 |
# | [02 기본 RNN](02_vanilla_rnn.ipynb) | 순환식 $h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)$, 시간축으로 펼치기와 가중치 공유, 소프트맥스(softmax) 출력, "hello" 다음 문자 모델, 일대다 / 다대일 / 다대다 |
# | [03 BPTT와 기울기 소실](03_bptt_and_vanishing_gradients.ipynb) | 시간에 따른 역전파(BPTT, backpropagation through time)를 손으로 계산하기, 기울기 검사(gradient check), 야코비 행렬(Jacobian)의 곱과 기울기 소실/폭주(vanishing/exploding gradient)의 원인, 기울기 클리핑(gradient clipping), 절단된 BPTT(truncated BPTT) |
# | [04 LSTM과 GRU](04_lstm_and_gru.ipynb) | 셀 상태(cell state)와 게이트(gate)(망각·입력·출력), 덧셈으로 이어지는 셀 경로가 기울기를 살려 두는 이유, GRU, 긴 기억이 필요한 과제에서 RNN·LSTM·GRU 비교 |
# | [05 텍스트 생성](05_text_generation.ipynb) | 원-핫 문자를 읽는 문자 언어 모델(language model), 상태를 이어 가는 절단된 BPTT, 샘플링 온도(temperature)를 준 샘플링, n-gram 기준선(baseline)과 비교한 문자당 비트(bits per character) |
# | [06 시퀀스 분류](06_sequence_classification.ipynb) | 다대일 모델: 감성, 의도("알람 꺼줘" → Alarm.Off), 이름이 어느 언어의 이름인가; 패딩과 마스크, 단어 임베딩(embedding); 양방향 RNN과 여러 층을 쌓은 RNN |
# | [07 비터비 알고리즘을 이용한 시퀀스 태깅](07_sequence_tagging.ipynb) | 품사 태깅(POS tagging): RNN이 내는 태그 가능도(likelihood)와 세어서 얻은 태그 전이를 비터비 알고리즘(Viterbi)으로 결합 |
# | [08 시계열 예측](08_time_series.ipynb) | RNN으로 하는 회귀: 사인파 혼합과 혼돈(chaotic) 계열인 Mackey-Glass 시계열, 한 시점 앞과 여러 시점 앞 예측 |
# | [09 인코더-디코더와 어텐션](09_encoder_decoder_attention.ipynb) | 시퀀스-투-시퀀스 모델: 한국어와 영어 날짜("이천이십육년 십일월 이십이일") → ISO 8601, 고정 크기의 병목, 어텐션(attention)(Bahdanau, Luong)을 밑바닥부터, 교사 강요(teacher forcing)와 노출 편향(exposure bias), 탐욕적 디코딩(greedy decoding)과 빔 탐색(beam search), 트랜스포머로 넘어가는 디딤돌인 셀프 어텐션 |
#
# 한 장을 처음부터 끝까지 실행("모든 셀 실행")하는 데 얼마나 걸릴까요? `make bench`가 코어 2개짜리 컴퓨터에서 측정해 `benchmarks/run_times.json`에 기록하고, 아래 표는 그 파일을 읽어 보여 줍니다(README도 같은 파일을 인용합니다). 장을 읽고 위젯을 이리저리 움직여 보는 데는 더 오래 걸리는데, 바로 그것이 이 강의의 핵심입니다.
#
# 모든 데이터는 `rnnlib`이 시드(seed)로 생성하거나 설치된 패키지 안에 들어 있습니다. 그래서 강의는 오프라인으로 실행되고, 실행할 때마다 같은 숫자가 나옵니다.

# %% slideshow={"slide_type": "skip"}
CHAPTERS = [
    "01_sequences_and_hopfield", "02_vanilla_rnn", "03_bptt_and_vanishing_gradients",
    "04_lstm_and_gru", "05_text_generation", "06_sequence_classification",
    "07_sequence_tagging", "08_time_series", "09_encoder_decoder_attention",
]  # fmt: skip
# a chapter is its notebook, or (in an edition still being built) its py:percent source
missing = [
    name for name in CHAPTERS if not (Path(f"{name}.ipynb").exists() or Path(f"{name}.py").exists())
]
assert not missing, f"chapters listed in the map but not found next to this notebook: {missing}"

bench = json.loads(Path("../benchmarks/run_times.json").read_text(encoding="utf-8"))
# this edition's times (the folder this notebook runs in: notebooks/ or notebooks_ko/); a
# chapter not measured yet in this edition shows its English twin's
edition_times = bench.get(Path.cwd().name, {})
rows = [
    tr("| Chapter | Time to run (s) | Budget (s) | Measured | Load average |"),
    "|---|---:|---:|---|---:|",
]
for name in CHAPTERS:
    entry = edition_times.get(f"{name}.ipynb") or bench["notebooks"][f"{name}.ipynb"]
    rows.append(
        f"| {name[:2]} | {max(1, round(entry['run_s']))} | {entry['budget_s']} "
        f"| {entry['measured']} | {entry['load_average']} |"
    )
Markdown(
    tr(
        "Measured on {machine} (a load average above 2 on 2 cores means other work shared "
        "the machine and slowed the run):",
        machine=bench["machine"],
    )
    + "\n\n"
    + "\n".join(rows)
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="a6f4a80d8111"
# ## 노트북 사용법
#
# * 셀은 **Shift+Enter**로 실행하고, 장 전체는 **실행(Run) → 모든 셀 실행(Run All Cells)** 메뉴로 실행합니다. 헷갈리기 시작하면 **커널(Kernel) → 커널 재시작 후 모든 셀 실행(Restart Kernel and Run All Cells)** 메뉴로 깨끗한 상태에서 다시 시작하십시오. 노트북은 지금까지 실행한 셀이 정의한 것만 압니다.
# * **주장은 검증됩니다.** 본문이 무언가를 주장하면(예: "RNN이 모든 문자를 맞힙니다") 그 아래 코드 셀이 그것을 `assert`로 확인합니다. 셀을 바꾼 뒤 assert가 실패한다면, 여러분이 바꾼 조건에서는 그 주장이 더 이상 성립하지 않는다는 뜻입니다. 왜 그런지 따져 볼 만한 가치가 있습니다.
# * **연습 문제**는 여러분이 채울 빈칸이 있는 코드 셀과, 답이 *왜* 틀렸는지 알려 주는 검사 셀로 이루어집니다. 풀이는 그 아래 접힌 셀에 있습니다. 직접 풀어 본 뒤에 "…"(또는 셀 왼쪽의 파란 막대)를 클릭해 여십시오.
#
# ## 위젯 사용법
#
# 각 장에는 *탐색기*(explorer)가 있습니다. `rnnlib.widgets.Explorer`로 만든 대화형 그림입니다. 위젯 셀은 `hidden_state_explorer(model, vocab, texts)`처럼 한 줄입니다. 실행하면 **그림** 위에 **컨트롤**이 한 줄로 놓이고, 그림 아래에 한 줄짜리 **메모**가 나타납니다.
#
# * **슬라이더**: 끌거나, 손잡이를 클릭한 뒤 ← / → 방향키를 누르면 한 칸씩 움직입니다;
# * **드롭다운**: 항목을 고릅니다;
# * **텍스트 상자**: 입력한 뒤 Enter를 누릅니다(누를 때까지 그림은 기다립니다).
#
# 그림은 **컨트롤의 값이 바뀔 때마다 다시 그려지며**(슬라이더는 끄는 동안 한 칸마다), 보통 1초보다 훨씬 짧게 걸립니다. 위젯은 셀을 실행할 때 필요한 것을 한 번 계산해 두고, 다시 그릴 때는 그리기만 하기 때문입니다. 위젯은 커널이 실행 중일 때만 살아 있습니다. 노트북을 다시 열면 셀을 다시 실행할 때까지 `Explorer(...)` 같은 텍스트로만 보입니다.
#
# 강의에 나오는 탐색기는 다음이 전부입니다(`rnnlib.widgets`의 모듈과 함수). 설명은 각 함수의 docstring 첫 문단을 그대로 가져오므로 영어로 나옵니다:


# %% [markdown] slideshow={"slide_type": "notes"} translates="ccd01815e87f"
# 말할 내용: Shift+Enter는 셀 하나를, 모든 셀 실행은 장 전체를 실행합니다. 커널 재시작 후 모든 셀 실행은 깨끗한 상태에서 다시 시작합니다. 주장은 assert로 검증하고, 연습 문제는 답을 검사하며, 풀이는 접혀 있습니다. 수강생에게 묻기: *셀을 바꾼 뒤 assert가 실패하면 어떻게 해야 할까요?* (커널을 재시작하고 모두 실행합니다: 노트북은 실행한 것만 압니다)


# %% slideshow={"slide_type": "fragment"}
def explorer_index() -> str:
    """A Markdown table of every explorer (a function returning an Explorer) in rnnlib."""
    rows = [tr("| Explorer | What it shows |"), "|---|---|"]
    for path in sorted(Path(rnnlib.widgets.__file__).parent.glob("[a-z]*.py")):
        module = importlib.import_module(f"rnnlib.widgets.{path.stem}")
        for name in getattr(module, "__all__", []):
            function = getattr(module, name)
            if inspect.signature(function).return_annotation not in ("Explorer", Explorer):
                continue
            paragraph = (function.__doc__ or "").strip().split("\n\n")[0]
            summary = " ".join(paragraph.split()).replace("``", "`").replace("|", "\\|")
            rows.append(f"| `{path.stem}.{name}` | {summary} |")
    return "\n".join(rows)


Markdown(explorer_index())

# %% [markdown] slideshow={"slide_type": "slide"} translates="0fbe3bbd28c7"
# ## 실습 환경 확인
#
# 다음 셀은 강의에 필요한 버전을 확인하고, `rnnlib`의 모든 부분을 불러올 수 있는지 확인합니다. 네트워크 연결은 필요 없습니다. assert가 실패하면 강의 폴더에서 `make lab`을 실행하고(빠진 것을 설치합니다) 커널을 다시 시작하십시오.


# %% slideshow={"slide_type": "subslide"}
def version_tuple(text: str) -> tuple[int, ...]:
    """'1.26.4' -> (1, 26): the major and minor version numbers."""
    return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


REQUIREMENTS = {  # name: (installed version, minimum)
    "Python": (platform.python_version(), (3, 10)),
    "numpy": (np.__version__, (1, 26)),
    "matplotlib": (matplotlib.__version__, (3, 8)),
    "ipywidgets": (ipywidgets.__version__, (8, 1)),
}
for name, (found, minimum) in REQUIREMENTS.items():
    status = tr("ok") if version_tuple(found) >= minimum else tr("TOO OLD")
    print(
        tr(
            "{name:<11} {found:<10} needs >= {minimum:<6} {status}",
            name=name,
            found=found,
            minimum=".".join(map(str, minimum)),
            status=status,
        )
    )

assert all(version_tuple(found) >= minimum for found, minimum in REQUIREMENTS.values()), tr(
    "a package is too old: run `make lab` from the course folder, then restart the kernel"
)
assert version_tuple(ipywidgets.__version__)[0] == 8, tr("the widgets are written for ipywidgets 8")
assert "inline" in matplotlib.get_backend(), tr("run `%matplotlib inline` (first cell) for plots")

RNNLIB_MODULES = [
    # core numerics
    "functional", "losses", "module", "layers", "cells", "recurrent", "trace", "models",
    "optim", "train", "gradcheck", "io", "attention", "seq2seq", "i18n", "messages",
    # algorithms the chapters teach, and measurements
    "hopfield", "patterns", "ngram", "generate", "baselines", "tagging", "embeddings",
    "analysis",
    # data: generators, encoders, corpora
    "data.encoding", "data.tasks", "data.names", "data.text", "data.classification",
    "data.pos", "data.series", "data.pairs", "data.dates", "data.korean",
    # plots and explorers
    "viz", "viz.rnn", "viz.hopfield", "viz.gradients", "viz.gates", "viz.text",
    "viz.classification", "viz.tagging", "viz.series", "viz.attention",
    "widgets", "widgets.rnn", "widgets.hopfield", "widgets.gradients", "widgets.gates",
    "widgets.text", "widgets.classification", "widgets.tagging", "widgets.series",
    "widgets.attention",
    # each chapter's seeded experiments and exercise checks
    "experiments.ch01", "experiments.ch02", "experiments.ch03", "experiments.ch04",
    "experiments.ch05", "experiments.ch06", "experiments.ch07", "experiments.ch08",
    "experiments.ch09",
    "exercises.ch01", "exercises.ch02", "exercises.ch03", "exercises.ch04",
    "exercises.ch05", "exercises.ch06", "exercises.ch07", "exercises.ch08",
    "exercises.ch09",
]  # fmt: skip
for name in RNNLIB_MODULES:
    importlib.import_module(f"rnnlib.{name}")
print(
    tr(
        "rnnlib: all {count} modules import, from {folder}",
        count=len(RNNLIB_MODULES),
        folder=Path(rnnlib.__file__).parent,
    )
)

# %% [markdown] translates="bc572f28822f"
# 데이터 세트는 설치된 패키지 안에 들어 있으므로 아무것도 내려받지 않습니다. 예를 들어 [5장](05_text_generation.ipynb)과 [6장](06_sequence_classification.ipynb)에서 쓰는 사람 이름은 `faker` 패키지에서 가져옵니다:

# %% slideshow={"slide_type": "fragment"}
from rnnlib.data.names import person_names

names = person_names("en_US")
assert len(names) > 100
print(
    tr(
        "{count} English first names, e.g. {examples}",
        count=len(names),
        examples=", ".join(names[:4]),
    )
)

# %% [markdown] slideshow={"slide_type": "slide"} translates="ba6ce6fe315e"
# ## 첫 RNN: "hello"의 철자 익히기
#
# [2장](02_vanilla_rnn.ipynb)을 미리 맛보겠습니다. 과제는 "hell"을 한 글자씩 읽으면서, 각 글자 다음에 올 **다음** 글자를 예측하는 것입니다. 정답은 "e", "l", "l", "o"입니다.
#
# 두 개의 "l"을 보십시오. 첫 번째 "l" 다음에는 "l"이 또 오고, 두 번째 "l" 다음에는 "o"가 옵니다. 현재 글자만 보는 예측기는 두 번 모두 같은 답을 낼 수밖에 없으므로 4개 중 많아야 3개를 맞힙니다. 네 개를 모두 맞히려면 네트워크가 지금까지 읽은 것을 기억해야 합니다. 그 기억이 **은닉 상태(hidden state)** $h_t$이며, 매 시점 이전 상태로부터 새로 계산됩니다:
#
# $$h_t = \tanh(W_{xh} x_t + W_{hh} h_{t-1} + b), \qquad h_0 = 0, \qquad
#   y_t = \mathrm{softmax}(W_{hy} h_t + c)$$
#
# $x_t$는 현재 글자를 나타내는 **원-핫 벡터**(one-hot vector)로, **어휘(vocabulary)** 안에서 그 글자의 위치만 1이고 나머지는 모두 0입니다. $y_t$는 각 글자가 다음에 올 확률입니다. (어떤 자료에서는 $U = W_{xh}$, $W = W_{hh}$, $V = W_{hy}$로 씁니다.)

# %% [markdown] slideshow={"slide_type": "notes"} translates="76a0086714a6"
# 말할 내용: "hello"의 다음 글자를 예측하려면 기억이 필요합니다. 두 "l" 다음에 오는 글자가 다르기 때문입니다. 현재 글자만 보는 모델은 4개 중 많아야 3개를 맞힙니다.
#
# 수강생에게 묻기: *네 번째 글자를 맞히려면 네트워크는 무엇을 기억해야 할까요?* ("l"을 이미 한 번 보았는지)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
vocab = Vocabulary("hello")  # h, e, l, o: in order of first appearance
ids = vocab.encode("hello")
inputs, targets = ids[:-1], ids[1:]  # read "hell", predict "ello"
print(tr("vocabulary:"), vocab.tokens)
print(tr("inputs "), list(vocab.decode(inputs)), "->", inputs)
print(tr("targets"), list(vocab.decode(targets)), "->", targets)

# The best any memoryless predictor can do: for each character, always answer the
# next character it is most often followed by.
followers = {}
for now, after in zip(inputs, targets, strict=True):
    followers.setdefault(int(now), []).append(int(after))
memoryless_best = sum(max(nexts.count(n) for n in set(nexts)) for nexts in followers.values())
print(
    tr(
        "best memoryless predictor: {right} of {total} right",
        right=memoryless_best,
        total=len(targets),
    )
)
assert memoryless_best == 3

# %% [markdown] translates="0679f54ebee0"
# `rnnlib`으로 네트워크를 만듭니다. 문자 id를 읽는(안에서 원-핫 벡터로 바꿉니다) 은닉 유닛 8개짜리 RNN 층 하나와, 다음 문자의 점수를 매기는 밀집(dense) 층 하나입니다. 학습은 수백 번 반복됩니다. 순전파를 하고, 교차 엔트로피 손실(cross-entropy loss)을 재고, 시간에 따라 역전파한 뒤, Adam 옵티마이저가 모든 가중치를 조금씩 조정합니다.

# %% slideshow={"slide_type": "subslide"}
model = SequenceModel(
    cell="rnn", vocab_size=len(vocab), hidden_size=8, output_size=len(vocab), rng=rng
)
batch = [(inputs[:, None], targets[:, None])]  # time-major: (T, B) with one sequence, B = 1
start = time.perf_counter()
history = fit(model, Adam(model, lr=0.05), batch, epochs=300, progress=False)
seconds = time.perf_counter() - start

fig, ax = new_axes(figsize=(8, 3.5))
ax.semilogy(history.loss)
ax.set(
    title=tr('Training the "hello" RNN: the loss falls as it learns'),
    xlabel=tr("training step"),
    ylabel=tr("cross-entropy loss (log scale)"),
)
print(
    tr(
        "trained 300 steps in {seconds:.2f} s; loss {first:.2f} -> {last:.4f}",
        seconds=seconds,
        first=history.loss[0],
        last=history.loss[-1],
    )
)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
logits, cache = model.forward(inputs[:, None])
predicted = vocab.decode(logits[:, 0].argmax(axis=-1))
print(
    tr(
        "reads {inputs!r}, predicts {predicted!r}, answer {answer!r}",
        inputs=vocab.decode(inputs),
        predicted=predicted,
        answer=vocab.decode(targets),
    )
)
assert predicted == "ello", "the RNN gets all four right, the memoryless best is 3"
assert history.loss[-1] < 0.05 < history.loss[0]

# %% [markdown] translates="7ba98184a70b"
# 네 개를 모두 맞혔으니, 은닉 상태가 두 "l"을 구별해야 합니다. 실제로 그렇습니다. 첫 번째 "l"을 읽은 뒤와 두 번째 "l"을 읽은 뒤의 은닉 상태는 확연히 다른 벡터입니다.
#
# 그리고 `rnnlib` 안에 마법은 없습니다. 모델의 가중치를 그대로 써서 순환식을 numpy로 풀어 쓰면 같은 은닉 상태와 확률이 나옵니다.

# %% slideshow={"slide_type": "subslide"}
params = {name: value for name, value, _ in model.named_parameters()}
W_xh, W_hh, b = (params[f"recurrent.0.cell.{n}"] for n in ("W_xh", "W_hh", "b"))
W_hy, c = params["head.W"], params["head.b"]

h = np.zeros(W_hh.shape[0])  # h_0 = 0
hidden_by_hand = []
for x_t in one_hot(inputs, len(vocab)):
    h = np.tanh(W_xh @ x_t + W_hh @ h + b)
    hidden_by_hand.append(h)
hidden_by_hand = np.array(hidden_by_hand)  # (T, H)
probs_by_hand = softmax(hidden_by_hand @ W_hy.T + c)

trace = cache.traces[-1]
np.testing.assert_allclose(hidden_by_hand, trace.hidden[:, 0], atol=1e-12)
np.testing.assert_allclose(probs_by_hand, softmax(logits[:, 0]), atol=1e-12)

first_l, second_l = hidden_by_hand[2], hidden_by_hand[3]
distance = np.linalg.norm(first_l - second_l)
print(tr("||h after 1st 'l' - h after 2nd 'l'|| = {distance:.2f}", distance=distance))
assert distance > 0.5

# %% [markdown] slideshow={"slide_type": "slide"} translates="37c437bf7bb0"
# ## 첫 위젯: RNN의 기억을 한 시점씩 따라가기
#
# 입력 텍스트를 고르고 **시점(step t)** 슬라이더를 움직여 보십시오. 왼쪽 그림의 열 $t$는 처음 $t$개 글자를 읽은 뒤의 은닉 상태 $h_t$입니다(빨강: 양수, 파랑: 음수). 오른쪽은 다음 글자에 대한 모델의 확률이며, 실제 다음 글자에는 빗금이 쳐져 있습니다.
#
# 해 볼 것: "hello"의 첫 번째 "l"과 두 번째 "l" 뒤의 열을 비교해 보십시오.
#
# **질문.** 모델이 본 적 없는 텍스트 "olleh"를 고르고 시점 슬라이더를 5까지 끌어 보십시오. 모델은 "olleh" 다음에 어떤 글자를 예상하며, 왜 하필 그 글자일까요? (힌트: 시점 1에서 "h" 하나만 읽었을 때 "hhello"에 대한 예측과 비교해 보십시오.) 답은 탐색기 아래 접힌 셀에 있습니다(점 세 개를 클릭해 여십시오).

# %% [markdown] slideshow={"slide_type": "notes"} translates="cde40c652596"
# 시점 슬라이더를 "hello"의 첫 번째와 두 번째 "l"로 옮겨 열을 비교합니다. 그다음 "olleh"를 고릅니다. 수강생에게 묻기: *두 시점의 입력은 같은 글자인데, 차이는 어디서 올까요?* (이전 은닉 상태)

# %%
hidden_state_explorer(model, vocab, ["hello", "hell", "olleh", "hhello"])

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"}
# Answer
# after "olleh" the model expects "e", exactly what it expects after a lone "h".
# In training an "h" was always followed by "e", and the last input weighs most in h_t:
# the earlier letters "olle" do not change the guess.
after_olleh = softmax(model.predict(vocab.encode("olleh")[:, None]))[-1, 0]
after_h = softmax(model.predict(vocab.encode("h")[:, None]))[-1, 0]
guess = vocab.tokens[int(after_olleh.argmax())]
assert guess == vocab.tokens[int(after_h.argmax())] == "e", (guess, after_olleh, after_h)

# %% [markdown] slideshow={"slide_type": "slide"} translates="851586a3657a"
# ## 요약
#
# * 이 강의는 홉필드 네트워크에서 LSTM, 응용과 어텐션까지 아홉 개의 장으로 이루어집니다. 각 장은 노트북 CPU에서 오프라인으로 실행되며, 실행 시간 예산은 길어야 2분이고 `make bench`가 그 예산에 맞는지 측정합니다.
# * 본문의 주장은 코드에서 `assert`로 확인합니다. 연습 문제는 답을 검사하고 실수를 설명해 주며, 풀이는 접혀 있습니다.
# * 위젯 셀은 한 줄이며, 컨트롤이 바뀔 때마다 그림을 다시 그립니다.
# * RNN은 은닉 상태 $h_t$를 시점에서 시점으로 이어 갑니다. 이 기억 덕분에 "hello"의 첫 번째 "l" 다음에는 "l"을, 두 번째 "l" 다음에는 "o"를 예측할 수 있습니다. 기억이 없는 예측기로는 할 수 없는 일입니다.
#
# 다음: [1장, 시퀀스와 홉필드 네트워크](01_sequences_and_hopfield.ipynb).
#
# ## 용어집 (Glossary)
#
# | 한국어 | English | 뜻 |
# |---|---|---|
# | 순환 신경망 | recurrent neural network (RNN) | 시퀀스를 한 시점씩 읽으며 은닉 상태를 다음 시점으로 이어 가는 네트워크 |
# | 시퀀스 | sequence | 텍스트, 음성, 시간에 따른 가격처럼 순서가 중요한 데이터 |
# | 은닉 상태 | hidden state | RNN의 기억 $h_t$: 지금까지 읽은 입력 $x_1..x_t$를 요약한 벡터 |
# | 원-핫 벡터 | one-hot vector | 어휘 안에서 토큰의 위치 하나만 1이고 나머지는 0인 벡터 |
# | 어휘 | vocabulary | 토큰마다 정수 id가 붙은, 모델이 아는 토큰(여기서는 문자)의 목록 |
# | 소프트맥스 | softmax | 점수 벡터를 모두 양수이고 합이 1인 확률로 바꾸는 함수 |
# | 교차 엔트로피 손실 | cross-entropy loss | 모델이 정답에 준 확률의 로그에 마이너스를 붙여 평균한 값 |
# | 위젯 | widget | 노트북 안의 대화형 컨트롤(슬라이더, 드롭다운, 텍스트 상자) |
