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

# %% [markdown] slideshow={"slide_type": "slide"}
# # Chapter 1: Sequences, memory and Hopfield networks (시퀀스, 기억, 홉필드 네트워크)
#
# Words, sounds, prices and sensor readings arrive one after another, and what an item
# means often depends on what came before it. To read such **sequential data (순차 데이터)**
# a network needs **memory (기억)**. This chapter shows why a network with a fixed input
# window falls short, and then studies the first neural network that remembers: the
# **Hopfield network (홉필드 네트워크)**, an **associative memory (연상 기억)** that recalls
# a whole picture from a damaged copy.
#
# **Learning objectives.** After this chapter you can
#
# 1. explain, with the Korean word "사과", why the meaning of an item can depend on context
#    arbitrarily far back, and why a model with a fixed input window cannot use it;
# 2. store bipolar (+1/-1) patterns in a Hopfield network with the Hebbian rule and recall
#    them by repeated sign updates, first in a few lines of numpy, then with `rnnlib`;
# 3. define the energy of a state, show that asynchronous updates never increase it, and
#    explain why synchronous updates can oscillate in a 2-cycle instead;
# 4. measure the one-step error rate against the theory `½ erfc(√(N/2P))` and locate the
#    capacity limit near `P ≈ 0.138 N`, where recall breaks down (the derivation is in
#    the optional "Going further" part at the end);
# 5. recognise spurious memories: inverted patterns and mixtures;
# 6. say what a Hopfield network lacks that the recurrent networks of
#    [chapter 2](02_vanilla_rnn.ipynb) have.

# %% [markdown] slideshow={"slide_type": "notes"}
# About 60 minutes; explorers: recall (section 4), capacity (section 6). Say: sequences need
# context; a fixed window fails once the clue leaves it; a Hopfield network is the first
# network with memory, by settling.

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
set_language("en")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. Sequences need context: "나는 사과를 받고 싶다"
#
# The Korean word **사과** (*sagwa*) has two everyday meanings: **apple** and **apology**
# (as in 사과하다, "to apologise"). Word by word, **나는 사과를 받고 싶다** is
# 나는 "I" · 사과를 "*sagwa*" (with the object marker 를) · 받고 싶다 "want to receive". So it
# can mean "I want to get an apple" or "I want an apology", and nothing inside the sentence
# decides which. (The lecture notes this course grew from wrote 갖고 싶다, "want to have":
# natural for an apple, but unnatural for an apology, which in Korean one *receives*, 받다.)
# What came before decides:
#
# | Korean | English | 사과 means |
# |---|---|---|
# | 과일을 나눠 주고 있다. 나는 사과를 받고 싶다. | They are handing out fruit. I want a *sagwa*. | apple |
# | 그가 거짓말을 했다. 나는 사과를 받고 싶다. | He lied to me. I want a *sagwa*. | apology |
#
# English has the same problem ("bank", "bat", "light"); in every language the clue can sit
# several words, or several sentences, before the ambiguous word. A model that reads the
# sentence must carry what it has read so far.
#
# **A fixed window falls short.** A feed-forward network (순방향 신경망) takes an input of
# fixed size. To read text it is given the last `k` words before the word it must judge,
# a *window* (윈도우). Whatever lies further back never reaches it. Let us make this concrete with a
# toy corpus: each sentence is a clue word, then some filler words that carry no
# information, then "나는 사과를 받고 싶다". The **distance** is how many positions before
# 사과를 the clue sits.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: 사과 means apple or apology; only context decides. Ask the room: *how many words back
# can the deciding clue be?* (any number: no fixed window is enough)

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


# %% [markdown]
# The best any window model can do is to learn which words in the window point to which
# sense. Our window model counts, in 1000 training sentences, how often each word appears
# in the window of each sense, and votes with those counts (a naive Bayes classifier (나이브
# 베이즈 분류기)). Any other model, a neural network included, sees the same window, so it
# cannot do better once the clue has left it.


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

# %% [markdown] slideshow={"slide_type": "subslide"}
# Every window is perfect while the clue is inside it and no better than a coin flip once it
# is outside, whatever its size. (On 1000 test sentences a coin flip scores 0.5 ± 0.016.)

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
for row, k in enumerate(window_sizes):
    inside = distances <= k
    assert np.all(accuracy[row, inside] >= 0.99), "clue inside the window: (almost) perfect"
    assert np.all(np.abs(accuracy[row, ~inside] - 0.5) < 0.07), "clue outside: chance level"
print("window | accuracy, clue inside (worst) | clue outside (mean)")
for row, k in enumerate(window_sizes):
    inside = distances <= k
    print(f"{k:6d} | {accuracy[row, inside].min():28.2f} | {accuracy[row, ~inside].mean():.1f}")

# %% [markdown] slideshow={"slide_type": "subslide"}
# A bigger window only moves the edge: sentences whose clue lies further back than the
# window still break it, and the longer the window, the more inputs the model must weigh.
# (Our window model counts words and ignores *where* in the window a word sits: shuffle the
# words inside the window and its answer stays the same. A feed-forward network given the
# window as one input vector would instead have separate weights for every position.)

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

# %% [markdown]
# What we want instead is a model that **reads one word at a time and carries a summary
# of everything so far**: a state that is updated at every step. That is a recurrent
# neural network (순환 신경망, RNN), the subject of [chapter 2](02_vanilla_rnn.ipynb).
#
# Before RNNs that read sequences, though, recurrence was used for something else: memory
# itself. In 1982 John Hopfield described a network whose units feed back into each other
# until the network settles into a stored memory.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: a bigger window only moves the edge and needs separate weights per position. We want
# a state that is updated at every step, with the same rule: that is where the course goes.

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. A Hopfield network: memory by settling
#
# Your own memory is **content-addressable**: a smell or a few notes of a song bring back
# the whole scene. You do not look it up by an address; a fragment is enough. A Hopfield
# network does this with pictures. It stores a few patterns, and when you give it a
# damaged copy (a **cue**), it repairs the copy step by step until it becomes the stored
# pattern it most resembles. This is **associative memory (연상 기억)**.
#
# **States.** The network has `N` units, each either +1 ("on") or -1 ("off"): a state is a
# **bipolar (양극성)** vector `s ∈ {-1, +1}^N`. Our patterns are letters on a 10 × 10 grid,
# so `N = 100`: dark squares are +1, light squares -1.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: memory by content, not by address: a damaged cue is repaired step by step into the
# stored pattern it most resembles. Ask the room: *how do you remember a song from three
# notes?*

# %% slideshow={"slide_type": "subslide"}
names = list(patterns.COURSE_GLYPHS)
memories = patterns.glyph_patterns(names)  # (P, N) = (5, 100)
print("stored patterns:", memories.shape)
fig = plot_patterns(
    memories, titles=names, suptitle=tr("The five memories: letters on a 10 × 10 grid")
)

# %% [markdown] slideshow={"slide_type": "subslide"}
# **Storing: the Hebbian rule (헤브 규칙).** "Units that fire together wire together": the
# weight between units `i` and `j` grows when they agree in a pattern and shrinks when they
# disagree. Summed over the `P` patterns `ξ^1 … ξ^P` (ξ is the Greek letter *xi*):
#
# $$W_{ij} = \frac{1}{N} \sum_{\mu=1}^{P} \xi^\mu_i \, \xi^\mu_j \quad (i \ne j), \qquad W_{ii} = 0.$$
#
# In matrix form `W = (1/N) Σ_μ ξ^μ ξ^μᵀ` with the diagonal set to zero. The weights are
# **computed once, in advance**: no training loop, no gradients. `W` is symmetric
# (`W_ij = W_ji`) and no unit is connected to itself.
#
# **Recalling: the polarising update.** Each unit looks at its **local field (국소장)**
# `h_i = Σ_j W_ij s_j`, a weighted vote of all other units, and takes its sign:
#
# $$s_i \leftarrow \begin{cases} +1 & h_i > 0 \\ -1 & h_i < 0 \\ s_i & h_i = 0 \text{ (tie: keep the current value)} \end{cases}$$
#
# Updates repeat until no unit wants to change: the state is then a **fixed point (고정점)**
# and recall is over. In **asynchronous (비동기)** updating, units take turns one at a time
# in a random order; each pass over all `N` units is a *sweep*.
#
# Here is all of it in numpy. Since dividing by `N` changes no sign, we keep the integer
# sums `N W` for the updates (so that a tie is exactly zero).


# %% [markdown] slideshow={"slide_type": "notes"}
# Let the Hebbian rule unfold: agree in a pattern, the weight grows; disagree, it shrinks.
# Ask the room: *what is the weight between two units that agree in every stored pattern?*
# (positive, the largest)


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

# %% [markdown]
# `rnnlib.hopfield` implements the same network, with input checks, a record of every step
# and a reason why recall stopped. With the same random order it gives the same numbers.

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

# %% [markdown]
# The **overlap (중첩도)** `m_μ = (1/N) ξ^μ · s` measures how alike a state and a memory are:
# 1 for identical, -1 for exactly inverted, near 0 for unrelated. The figure shows the
# recall step by step; each step changes one unit (outlined in red). The energy on the right
# is explained in the next section.

# %% slideshow={"slide_type": "subslide"}
fig = plot_recall(
    result, snapshots=6, title=tr("Asynchronous recall of 'A' from a cue with 25% of units flipped")
)
# %% [markdown] slideshow={"slide_type": "subslide"}
# How reliable is this? From 300 cues with 20% of their units flipped (20 of 100), recall
# lands on the right letter (largest overlap, at least 0.9) almost every time: in about 95%
# of the cues (the check asks for more than 85%, a margin the tests set from the spread
# over other seeds). With only five stored
# letters, the network's memory is robust. The stored letters themselves are fixed points:
# one update changes none of their units.

# %% slideshow={"slide_type": "fragment"} tags=["nbval-check-output"]
recall_rate = experiments.letter_recall_rate(num_cues=300, noise=0.2, rng=rng)
print(f"right letter recalled from 20% noise: {recall_rate:.0%} of 300 cues")
assert recall_rate > 0.85
assert np.array_equal(network.step(memories, mode="synchronous"), memories)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. Energy: why recall always stops
#
# Hopfield's key insight was to give every state a number, the **energy (에너지)**:
#
# $$E(s) = -\frac{1}{2} \sum_{i,j} W_{ij}\, s_i s_j = -\frac{1}{2}\, s^\top W s.$$
#
# Pairs of units that "should" agree (positive weight) and do agree lower the energy. Now
# flip one unit `i` to agree with its field. Only the terms with `i` change, and since `W`
# is symmetric with a zero diagonal,
#
# $$\Delta E = -(s_i^{\text{new}} - s_i^{\text{old}})\, h_i = -2\,|h_i| < 0.$$
#
# So **every asynchronous flip lowers the energy**. There are only `2^N` states, so the
# energy cannot fall for ever: recall must stop at a fixed point, a local minimum of the
# energy. This is the **energy landscape (에너지 지형)** picture: the stored patterns sit at
# the bottom of valleys, and a cue rolls downhill into the nearest valley.
#
# We can see a slice of that landscape: walk from the stored "A" to the stored "H" by
# switching, one at a time, the units where they differ, and record the energy.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: every asynchronous flip can only lower the energy, and there are finitely many
# states, so recall must stop. Ask the room: *why does this argument need symmetric weights
# and a zero diagonal?*

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# The claim "energy never increases under asynchronous updates" is checked here on every
# letter, every noise level from 0% to 50%, and several random orders. (The test suite
# checks it on thousands of random symmetric networks too.)

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. Synchronous versus asynchronous updates
#
# Why update one unit at a time? The alternative, **synchronous (동기)** updating, computes
# every field from the old state and flips all units at once: `s ← sign(W s)`. It is
# simpler and faster (one matrix product), but the energy argument above assumed that only
# one unit changes, and it no longer holds.
#
# The smallest example has two units and one stored pattern `ξ = (+1, -1)`: the weight
# `W_12 = -½` says "disagree". Start both units at +1. Synchronously, each unit sees the
# other at +1 and flips to -1; then each sees -1 and flips back to +1; for ever. This is a
# **2-cycle (2-주기 진동)**. Asynchronously, the first unit to move flips, the two now disagree,
# and the network is at a fixed point.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: synchronous updates are one matrix product but can oscillate in a 2-cycle;
# asynchronous updates always end in a fixed point.
#
# In the recall explorer: raise the noise until recall fails; switch to synchronous. Ask the
# room: *at what noise level does recall start to fail, and why near 50 %?* (a cue more than
# half wrong rolls into the inverted pattern)

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# The synchronous 2-cycle keeps the energy constant, so it is not a descent at all. A theorem
# (Goles, Fogelman-Soulié and Pellegrin, 1985) says that with symmetric weights synchronous dynamics ends either in a fixed
# point or in a 2-cycle, never a longer cycle; asynchronous dynamics always ends in a fixed
# point. On the letters, synchronous updates usually work too, and in fewer steps, because
# each step repairs many units at once. Compare the two modes in the explorer below.
#
# ## 5. Explore recall
#
# Pick a letter and a noise level, then drag **step** to replay the recall. Things to try:
#
# * At 10-20% noise both modes usually reach the letter; synchronous needs only 2-3 steps.
# * At 35-45% noise some cues fall into the wrong valley, or into a state that is no letter
#   at all (look at the overlaps): a *spurious* memory ([section 7](#7.-Spurious-memories-(가짜-기억))).
# * At 50% the cue carries no information about its letter any more.
# * The energy only ever goes down in asynchronous mode.
#
# **Question.** Set the noise to 20 % and compare the two modes for every letter: how far
# does the step slider reach in each mode (it ends where the recall ends), and why does
# asynchronous recall take so many more steps?

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Capacity: how many memories fit? (저장 용량)
#
# Five letters fit easily into 100 units. How many patterns can a network of `N` units hold?
# Take `P` random patterns (every unit ±1 with probability ½, so different patterns are
# nearly unrelated) and ask whether a stored pattern `ξ^1` stays put. The field of each of
# its units is the pattern's own vote (the signal) plus a **crosstalk (혼선)** from the
# other patterns, and the crosstalk grows with the **load (부하)** `α = P/N`. Theory
# (derived in [Going further](#Going-further:-where-the-capacity-formulas-come-from) at the
# end of the chapter) predicts two things:
#
# * one update flips a fraction `½ erfc(√(N/2P))` of a stored pattern's units: 0.08% at
#   `α = 0.1`, 1.3% at `α = 0.2`;
# * for large `N`, recall still ends close to the stored pattern up to `α ≈ 0.138`, and
#   collapses above it.
#
# `experiments.capacity_experiment` tests this: for each load it builds enough random networks
# to recall at least 100 patterns, starts each recall at a stored pattern, runs
# asynchronous updates to a fixed point, and reports the one-step error rate, the fraction
# of wrong units at the end (bit-error rate, 비트 오류율) and the fraction of patterns
# recalled exactly. We use `N = 100` and `N = 400`.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: signal versus crosstalk; the crosstalk grows with P/N, and capacity is about 0.138 N.
# In the capacity explorer, slide P/N across 0.12-0.16. Ask the room: *why is the transition
# sharper for N = 400?*

# %% slideshow={"slide_type": "subslide"}
loads = np.round(np.arange(0.04, 0.301, 0.02), 2)
capacity = [
    experiments.capacity_experiment(num_units, loads, rng=rng, trials=100)
    for num_units in (100, 400)
]
fig = plot_capacity(capacity, hopfield.capacity_theory(loads.max()))
# %% [markdown] slideshow={"slide_type": "subslide"}
# Reading the figure:
#
# * **One step** (crosses): the measured one-step error rates sit on the dotted theory curve
#   `½ erfc(√(N/2P))` for both `N`.
# * **After recall** (lines, left): near zero below `α ≈ 0.1`, then a steep rise. The rise
#   is steeper for `N = 400` than for `N = 100`: as `N` grows the transition sharpens towards
#   the jump at 0.138 predicted for `N → ∞` (the black AGS curve ends there). Above it,
#   recall drifts far from the pattern into a state that is no memory at all.
# * **Exact recall** (right) is stricter: a single wrong unit counts as failure, and a
#   larger network, with more units that can flip, fails this test *earlier* (Going
#   further says how much earlier).
#
# The claims, asserted: the one-step errors match the theory within sampling error (4
# standard errors, allowing for units of one pattern being correlated, plus the exact
# finite-`N` deviation of the formula: at small load this allows no flipped unit at all,
# so the check can fail everywhere); recall is
# nearly perfect at `P/N = 0.1` (under 1% wrong units) and has broken down by `P/N = 0.2`
# (more than 2.5% wrong, and at least 4 times more than at 0.1) for both `N`, more sharply
# for the larger network; at small load every stored pattern is a fixed point.

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

# %% [markdown] slideshow={"slide_type": "slide"}
# Explore the same measurements network by network. Each square on the left is one stored
# pattern of one network, coloured and marked by where its recall ended (the key under the
# squares names them): sky blue exactly on the pattern, orange with a dot within 5% of it
# (the AGS recall state, slightly off the pattern), vermillion with a cross lost.
#
# **Question.** With `N = 400`, slide `P / N` up from 0.05: from which load on does the
# network lose patterns (crossed squares) at every load? How does that compare with the
# critical load 0.138 of the theory (the dashed line on the right)?

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. Spurious memories (가짜 기억)
#
# Not every valley is a memory. Two kinds of unwanted fixed points appear in every Hopfield
# network:
#
# * **Inverted patterns.** `E(-s) = E(s)`, and the field of `-s` is `-h`, so if `ξ` is a
#   fixed point, so is its negative image `-ξ`. A cue that is more than half wrong rolls
#   into the inverse.
# * **Mixture states.** The majority vote of three memories, `sign(ξ^1 + ξ^2 + ξ^3)`, agrees
#   with each of them on about 75% of units (overlap 0.5). For random patterns at small load
#   it is itself a fixed point: a "memory" that was never stored, with a higher energy than
#   the real ones.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: not every valley is a memory: inverted patterns and mixtures are fixed points too.
# Ask the room: *why is -ξ always a fixed point when ξ is?* (E(-s) = E(s))

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

# %% [markdown] slideshow={"slide_type": "skip"}
# ## 8. Exercises
#
# ### Exercise 1: Hebbian weights
#
# Write `hebbian(patterns)` that returns the `(N, N)` weight matrix of `(P, N)` patterns.


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

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 2: energy
#
# Write `energy(W, s)` returning the energy of state `s` as a number.


# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
def energy(W, s):
    raise NotImplementedError  # your code here


passed = exercises.check_energy(energy)


# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution
def energy_solution(W, s):
    return -0.5 * s @ W @ s


assert exercises.check_energy(energy_solution)

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 3: make it oscillate
#
# Find two-unit weights (symmetric, zero diagonal) and a start state for which synchronous
# updates never settle.

# %% slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
weights_2, state_2 = None, None  # your answer here

passed = exercises.check_two_cycle(weights_2, state_2)

# %% jupyter={"source_hidden": true} slideshow={"slide_type": "skip"} tags=["nbval-check-output"]
# Solution: a negative weight says "disagree"; starting in agreement, both units flip
# together at every synchronous step.
weights_2_solution = np.array([[0.0, -1.0], [-1.0, 0.0]])
state_2_solution = np.array([1.0, 1.0])
assert exercises.check_two_cycle(weights_2_solution, state_2_solution)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. From Hopfield networks to recurrent neural networks
#
# A Hopfield network is recurrent: every unit's output feeds back as input to the others,
# step after step. But look at what goes in and out. It receives **one input, the cue, once**,
# as its initial state, and then runs on its own until it settles. Its weights are fixed in
# advance; its output is a single stored pattern. It has **recurrence without an input
# sequence**.
#
# To read "배고파서 오늘 정말 나는 사과를 받고 싶다" we need the opposite arrangement: a **new
# input at every step** (the next word), and a state that **carries a summary of all the
# inputs so far**, the **hidden state (은닉 상태)** `h_t`, so that the clue at the start is
# still available at 사과를. [Chapter 2](02_vanilla_rnn.ipynb) builds exactly that:
#
# $$h_t = \tanh(W_{xh}\, x_t + W_{hh}\, h_{t-1} + b), \qquad h_0 = 0,$$
#
# where `W_hh` plays the role of the Hopfield weights (state to state), `W_xh` brings in the
# new input, and all the weights are *learned* from examples instead of written down.
#
# | | Hopfield network | recurrent neural network (RNN) |
# |---|---|---|
# | input | one cue, as the initial state | a new `x_t` at every step |
# | state | bipolar units, `s ∈ {-1, +1}^N` | real-valued hidden state `h_t` |
# | weights | Hebbian, computed once, symmetric | learned by gradient descent (BPTT), any matrix |
# | runs until | a fixed point | the sequence ends |
# | output | the recalled pattern | an output `y_t` at each step (or at the end) |

# %% [markdown] slideshow={"slide_type": "skip"}
# ## Going further: where the capacity formulas come from
#
# *This part is optional: the rest of the course does not build on it.*
#
# Why does one update flip a fraction `½ erfc(√(N/2P))` of a stored pattern's units?
# Take `P` random patterns (every unit ±1 with probability ½, so different patterns are
# nearly unrelated) and ask whether a stored pattern `ξ^1` stays put. The field of unit `i`
# in state `ξ^1` splits into two parts:
#
# $$h_i = \underbrace{\tfrac{N-1}{N}\, \xi^1_i}_{\text{signal}} + \underbrace{\tfrac{1}{N} \sum_{\mu \ne 1} \sum_{j \ne i} \xi^\mu_i \xi^\mu_j \xi^1_j}_{\text{crosstalk from the other patterns}}.$$
#
# The signal pushes the unit to stay. The crosstalk (혼선) is a sum of about `N P` random ±1
# terms divided by `N`: by the central limit theorem it is nearly normal with mean 0 and
# variance `P/N`. The unit flips when the crosstalk, times `ξ^1_i`, is below -1, so the
# probability that one update flips a unit of a stored pattern is
#
# $$P_{\text{error}} = \Pr\left(z < -\sqrt{N/P}\right) = \tfrac{1}{2}\, \mathrm{erfc}\left(\sqrt{\tfrac{N}{2P}}\right), \qquad z \sim \mathcal{N}(0, 1).$$
#
# It depends only on the **load (부하)** `α = P/N`. At `α = 0.1` it is 0.08%; at `α = 0.2`,
# 1.3%. A few flipped units do not mean failure, though: the flips change the fields of the
# other units, which can flip more units, and so on. Amit, Gutfreund and Sompolinsky (AGS,
# 1985-87) solved this avalanche exactly for large `N`: a recall state near each pattern
# exists, with under 1.7% of its units wrong, as long as `α < 0.138`; above that it
# vanishes abruptly and recall collapses. Hopfield's own simulations in 1982 had estimated
# about `0.15 N`.
#
# **Exact recall.** A pattern is recalled without a single wrong unit (with high
# probability) only for `P` up to about `N / (2 ln N)` (McEliece, Posner, Rodemich and
# Venkatesh, 1987), which is 0.11 N for `N = 100` and 0.08 N for `N = 400`, and shrinks
# further as `N` grows: each of the `N` units is another chance to flip. The 0.138 limit
# is for recall with a small fraction of errors.

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 4: predict an error rate
#
# A network of `N = 1000` units stores `P = 100` random patterns. What fraction of the units
# of a stored pattern do you expect one update to flip? (`math.erfc` is in the standard
# library.)

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * In sequences, meaning depends on context: 사과 is an apple or an apology depending on
#   words that may come long before it. A model with a fixed input window is at chance once
#   the clue leaves the window, whatever the window's size.
# * A Hopfield network stores bipolar patterns with the Hebbian rule
#   `W = (1/N) Σ ξ ξᵀ`, `W_ii = 0`, and recalls them by sign updates of the local field,
#   keeping the current value on a tie, until nothing changes.
# * The energy `E = -½ sᵀ W s` drops by `2|h_i|` at every asynchronous flip, so recall always
#   ends at a fixed point. Synchronous updates can instead oscillate in a 2-cycle.
# * One update flips a fraction `½ erfc(√(N/2P))` of a stored pattern's units (derived in
#   Going further). Recall
#   survives the resulting avalanche up to `P ≈ 0.138 N` (AGS); measured here, it works at
#   `P/N = 0.1` and has broken down by `0.2`, more sharply for `N = 400` than for `N = 100`.
# * Spurious fixed points exist: inverted patterns and mixtures of memories.
# * A Hopfield network has recurrence but no input sequence; an RNN takes a new input at
#   every step and carries a hidden state ([chapter 2](02_vanilla_rnn.ipynb)).
#
# ## Glossary (용어집)
#
# | English | 한국어 | Meaning |
# |---|---|---|
# | sequential data | 순차 데이터 | data whose items come in an order that matters (text, speech, prices) |
# | context | 문맥 | the surrounding items that decide what an item means |
# | memory | 기억 | information a model carries from earlier inputs or stores for later recall |
# | feed-forward network | 순방향 신경망 | a network without loops: one fixed-size input, one output |
# | window | 윈도우 | the fixed number of recent items a feed-forward model sees |
# | Hopfield network | 홉필드 네트워크 | a recurrent network of ±1 units with symmetric weights that settles into stored patterns |
# | associative memory | 연상 기억 | memory recalled by content: a partial or noisy cue brings back the whole pattern |
# | bipolar | 양극성 | taking the values -1 and +1 |
# | pattern | 패턴 | a state stored in the network, `ξ^μ` |
# | Hebbian rule | 헤브 규칙 | `W = (1/N) Σ ξ ξᵀ`: strengthen connections between units that agree |
# | local field | 국소장 | `h_i = Σ_j W_ij s_j`, the weighted vote a unit receives |
# | asynchronous update | 비동기 갱신 | units updated one at a time, in a random order |
# | synchronous update | 동기 갱신 | all units updated at once from the old state |
# | fixed point | 고정점 | a state that no update changes |
# | energy | 에너지 | `E = -½ sᵀ W s`, which asynchronous updates never increase |
# | energy landscape | 에너지 지형 | the energy over all states; memories are valleys |
# | 2-cycle | 2-주기 진동 | two states that synchronous updates alternate between for ever |
# | overlap | 중첩도 | `m = (1/N) ξ · s`, similarity of a state and a pattern, from -1 to 1 |
# | crosstalk | 혼선 | the part of a unit's field caused by the other stored patterns |
# | load | 부하 | `α = P/N`, stored patterns per unit |
# | capacity | 저장 용량 | the largest load at which recall still works, about 0.138 |
# | bit-error rate | 비트 오류율 | fraction of units that differ from the pattern after recall |
# | spurious state | 가짜 기억 (허위 상태) | a fixed point that is not a stored pattern (inverse, mixture) |
# | hidden state | 은닉 상태 | in an RNN, the vector `h_t` summarising the inputs so far ([chapter 2](02_vanilla_rnn.ipynb)) |

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: a Hopfield network has recurrence without an input sequence: one cue, fixed weights,
# one answer. An RNN reads a new input at every step and learns its weights. That is chapter
# 2. Ask the room: *what would we have to change to feed it a sentence?*
