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
# # Chapter 9 — Encoder–decoder and attention
# ### 9장 — 인코더-디코더와 어텐션: RNN에서 트랜스포머로 가는 다리
#
# So far every model wrote one output per input step ([chapters 2](02_vanilla_rnn.ipynb), 5, 7, 8) or one output
# for the whole sequence ([chapter 6](06_sequence_classification.ipynb)). Translation breaks both shapes: "이천이십육년 십일월
# 이십이일" has 15 characters and its ISO form "2026-11-22" has 10, and the first output
# digit depends on syllables in the middle of the input. The **encoder–decoder**
# (인코더-디코더, also *sequence-to-sequence*, 시퀀스-투-시퀀스; Sutskever, Vinyals and Le
# 2014; Cho et al. 2014) handles any lengths: one RNN reads, another writes.
# **Attention** (어텐션; Bahdanau, Cho and Bengio 2015; Luong, Pham and Manning 2015) lets
# the writer look back at every input position instead of a single summary, and it is the
# idea that transformers are built from.
#
# **Learning objectives.** After this chapter you can
#
# 1. build an encoder–decoder from two RNNs, train it with **teacher forcing** (교사 강요),
#    and say where its fixed-size **bottleneck** (병목) is;
# 2. compute attention by hand in numpy — scores, a masked softmax, the **context vector**
#    (문맥 벡터) — for additive (Bahdanau) and dot-product (Luong) scores, and get the same
#    numbers from `rnnlib`;
# 3. measure what attention buys as inputs get longer, and read an attention heatmap;
# 4. show **exposure bias** (노출 편향): a model trained on true prefixes meets its own
#    mistakes only at test time;
# 5. decode with **greedy decoding** (탐욕적 디코딩) and with **beam search** (빔 탐색) with
#    length normalisation, and compare them;
# 6. write self-attention in a few lines, the step from here to the transformer.
#
# Two generated tasks, offline and seeded: dates written the ways people write them, in
# Korean and English, to normalise to ISO 8601; and reversing strings of 5 to 40 letters,
# where the inputs get long.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: every model so far wrote one output per input step, or one for the whole sequence.
# Translation has neither shape: input and output lengths differ, and the first output
# depends on the middle of the input. Ask the room: *how would you turn "이천이십육년 십일월 이십이일"
# into 2026-11-22 with the RNNs we have?*

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
set_language("en")  # the language of figures, explorers and feedback: "en" or "ko"
np.set_printoptions(precision=3, suppress=True)
SEED = 9
rng = np.random.default_rng(SEED)

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 1. Intuition: one RNN reads, another writes
#
# The **encoder** reads the source $x_1, \dots, x_S$ and keeps its states $e_1, \dots, e_S$.
# The **decoder** is a second RNN that writes the target one token at a time. It starts
# from the encoder's final state (the *bridge*) and reads, at each step, the token it
# wrote before; the first step reads a start token `<s>`, and the output ends when the
# decoder writes the end token `</s>`:
#
# $$h_0 = e_S, \qquad h_t = \mathrm{GRU}(y_{t-1}, h_{t-1}), \qquad
#   p(y_t \mid y_{<t}, x) = \operatorname{softmax}(W_{\text{out}} h_t + b).$$
#
# Everything the decoder knows about the source has to pass through $h_0$: one vector
# of fixed size, however long the input. That is the **bottleneck** (병목).
# **Attention** removes it: at every output step the decoder compares its state $h_t$ with
# every encoder state and reads a weighted average of them, the **context vector**
#
# $$a_{t,s} = \operatorname{softmax}_s\big(\operatorname{score}(h_t, e_s)\big), \qquad
#   c_t = \sum_s a_{t,s}\, e_s, \qquad
#   p(y_t \mid y_{<t}, x) = \operatorname{softmax}(W_{\text{out}} [h_t; c_t] + b).$$
#
# The weights $a_{t,\cdot}$ (attention weights, 어텐션 가중치) sum to 1 over the source: a
# soft, learned *alignment* (정렬) between output and input positions. Two common scores:
#
# * **additive** (Bahdanau): $\operatorname{score}(h, e) = v^\top \tanh(W_q h + W_k e)$;
# * **dot / general** (Luong): $h^\top e$, or $h^\top W e$.
#
# **Teacher forcing.** In training the decoder reads the *true* previous token $y_{t-1}$,
# not its own guess, so all steps of a target can be computed in one pass and the loss is
# the usual cross-entropy of each next token. At inference there is no true token: the
# decoder reads what it wrote (free running), one step at a time.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: two RNNs; the only link between them is one vector. Draw the picture on the board:
# encoder states e_1..e_S, decoder states h_t, and with attention a fan of arrows from h_t
# back to every e_s. Ask: *what must h_0 remember for a 40-letter input?*

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 2. The tasks
#
# ### 2.1 Dates, bilingual
#
# Each example is a real calendar date (Python's `datetime`: leap years and weekdays are
# right) written in one of these formats; the target is always ISO 8601:

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# In the Hangul format the numbers are **Sino-Korean numerals** (한자어 수사) written out:
# 이천이십육 is 2·1000 + 2·10 + 6, so the output digit "0" in "2026" is *not written
# anywhere* in the input; "십일월" is November, while June and October are the irregular
# 유월 and 시월. One output character depends on several input syllables, and one syllable
# on several output characters: the alignment is not one-to-one.
#
# Numerals and units are written together, as on a Korean wedding invitation
# ("이천이십육년 십일월 이십이일"): the spacing rules (한글 맞춤법 제43항) separate a unit
# noun such as 년 or 일 from its numeral but allow joining the two when they give an
# order, as in a date, and the month names (십일월, 유월, 시월) are single words.
#
# The test dates are drawn first and never appear in training, in any format; the format
# "November 22, 2026" never appears in training at all (a held-out format: its words,
# digits and comma all occur in other formats, only this order does not).

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# ### 2.2 Reversal: long inputs
#
# The second task is deliberately simple so that only *length* matters: reverse a string
# of 5 to 40 letters from `a`–`j` ("cabjd" → "djbac"). A model must carry every letter to
# the output; there is nothing to guess.
#
# The batches are time-major and padded like [chapter 6](06_sequence_classification.ipynb)'s, with a source mask; the
# decoder reads `<s> y_1 … y_n` and must write `y_1 … y_n </s>`. `rnnlib.seq2seq.Seq2Seq`
# builds the encoder–decoder on any of the course's cells (here a GRU, with a
# bidirectional encoder); `attention=None` is the plain model of §1:

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 3. The bottleneck, measured
#
# We train two GRU encoder–decoders of the same size (bidirectional encoder with 32 units
# per direction, so the decoder has 64) on 3000 reversal examples for 6 epochs: one without
# attention, one with dot-product attention. Both are trained by
# `experiments.length_experiment`, the same function the tests run with other seeds
# (about half a minute).

# %%
start = time.perf_counter()
reversal = experiments.length_experiment(rng)
rev_task, rev_models = reversal["task"], reversal["models"]
print(f"trained both models in {time.perf_counter() - start:.0f} s")

# %% [markdown] slideshow={"slide_type": "subslide"}
# First the model without attention. Give it the true prefix (teacher forcing) and ask,
# position by position, how often its next letter is right, on the test strings of 31–40
# letters. The reversed output starts with the letters the encoder read *last*:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: reversal isolates length: nothing to guess, every letter must get through. Ask
# before showing the curve: *which output positions will the plain model get right, the
# first or the last?* (the first: they are the letters read last)

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

# %% [markdown] slideshow={"slide_type": "fragment"}
# The first few outputs — the last letters read — come out right most of the time; from
# position 20 on, the model is right only about one time in five, not far above chance
# (one in ten). The fixed-size state holds the most recent letters and little else: that
# is the bottleneck.

# %% slideshow={"slide_type": "skip"}
assert bottleneck[:3].mean() > 0.6
assert bottleneck[19:30].mean() < 0.35

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 4. Attention from scratch
#
# One query $h$ (a decoder state, $H$ numbers) against $S$ keys $e_s$ (encoder states,
# rows of a matrix). Two of the six source positions are padding: their scores are set to
# $-\infty$ before the softmax, so they get a weight of exactly 0 and the others still sum
# to 1.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: attention is a softmax over scores followed by a weighted average; padding gets
# -inf before the softmax, so exactly zero weight. Ask: *why -inf and not a large negative
# number?*

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# The same numbers from `rnnlib`: `DotProductAttention` and `AdditiveAttention` take a
# batch of queries `(T, B, H)`, keys `(S, B, H)` and a mask `(S, B)` (time-major), and
# return the context `(T, B, H)`, the weights `(T, B, S)` and a cache for `backward`.

# %%
dot_layer = DotProductAttention(H)
lib_context, lib_weights, _ = dot_layer.forward(query[None, None], keys[:, None], mask[:, None])
additive_layer = AdditiveAttention(H, H, A, rng=0)
additive_layer.params.update(W_query=W_q, W_key=W_k, v=v)
_, lib_additive, _ = additive_layer.forward(query[None, None], keys[:, None], mask[:, None])

assert np.allclose(lib_weights[0, 0], weights) and np.allclose(lib_context[0, 0], context)
assert np.allclose(lib_additive[0, 0], additive_weights)
assert np.all(weights[mask == 0] == 0.0) and np.isclose(weights.sum(), 1.0)

# %% [markdown] slideshow={"slide_type": "subslide"}
# Each layer has a hand-written `backward`. Through the softmax, with $g_s = \partial L /
# \partial a_s = (\partial L/\partial c) \cdot e_s$, the score gradient is
# $\partial L/\partial \text{score}_s = a_s (g_s - \sum_r a_r g_r)$ — zero on padding,
# where $a_s = 0$ — and the keys get gradient both as values ($a_s\,\partial L/\partial c$)
# and through the scores. The five-point gradient check agrees to better than $10^{-6}$
# (the tests repeat this over random shapes and masks, for both layers and for the whole
# encoder–decoder):

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 5. Accuracy against input length, without and with attention
#
# Back to the two reversal models of §3, now decoding freely (greedy, §7) and scored by
# **exact match**: the whole output must be right.

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

# %% [markdown] slideshow={"slide_type": "fragment"}
# Without attention the model reverses only some short strings and no long ones, and
# the share of letters it gets right falls steadily with the length. With attention, the
# same-sized model gets most strings exactly right at every length, and nearly every
# letter. Its exact match also drops for the longest strings — one slip among 40 letters
# spoils the whole output (§6) — but it stays far above the model without attention.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the same-sized model, only the attention added. Point at the right panel: letters
# right stays near 1 with attention, falls without. Ask: *why does exact match still fall
# with attention?* (one slip among 40 letters spoils the string)

# %% slideshow={"slide_type": "skip"}
no_att, att = reversal["accuracy"]["no attention"], reversal["accuracy"]["attention"]
tok_no_att, tok_att = (reversal["token_accuracy"][k] for k in ("no attention", "attention"))
assert np.all(att - no_att > 0.3)  # better at every length, by a margin
assert no_att[-1] < 0.05 and att[-1] > 0.25  # on the longest inputs
assert tok_no_att[0] - tok_no_att[-1] > 0.2  # without attention: falls with length
assert tok_att.min() > 0.9  # with attention: holds

# %% [markdown] slideshow={"slide_type": "subslide"}
# ### 5.1 Dates with attention
#
# Now the date task, with additive (Bahdanau) attention (16 units) on the same GRU sizes;
# six epochs over 6000 examples take about fifteen seconds.

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

# %% [markdown] slideshow={"slide_type": "subslide"}
# At least 99 % of dates the model has never seen come out exactly right, in every
# format. The held-out format is a harder question — no example with the full month name
# first was ever seen — yet the model gets most of those dates right as well: it has
# learned to find the month name, the day and the year wherever they stand, not only the
# orders it was shown. Where did the model look? The heatmap shows, for each output character
# (rows), the attention weights over the input characters (columns):

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: the model was trained on dates it will never be tested on, and one format it never
# saw. Ask: *which input syllable should the month digit '3' look at?* Then show the
# heatmap.

# %%
example = "이천십구년 삼월 일일"
(best,) = translate(date_model, dates, example)
output = dates.decode_target(best.tokens)
ax = plot_attention(best.attention, list(example), list(output) + ["</s>"],
                    title=f"{example} -> {output}")  # fmt: skip
assert output == "2019-03-01"

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 6. Teacher forcing vs free running: exposure bias
#
# The models were trained only on *true* prefixes. At inference the decoder reads its own
# output, and after its first mistake it is in a situation it never saw in training. Same
# attention model, same long test strings (21–40 letters), two ways of feeding the
# decoder: the share of right letters at each output position.

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

# %% [markdown] slideshow={"slide_type": "fragment"}
# Fed the true prefix, the model gets nearly every letter right at every position.
# Fed its own prefix, one early slip (a skipped or repeated letter) shifts everything
# after it, and the errors pile up along the output: positions 21–40 are right markedly
# less often. That gap is **exposure bias**. Remedies include scheduled sampling (feed the
# model its own guesses part of the time during training) and, at inference, searching
# more than one prefix (§7).

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: training always fed the true prefix; at test time the model reads its own output,
# and one slip shifts everything after it. Ask: *how could we train the model to recover
# from its own mistakes?* (scheduled sampling)

# %% slideshow={"slide_type": "skip"}
teacher, free = exposure["teacher forcing"], exposure["free running"]
assert teacher[late].mean() > 0.9
assert teacher[late].mean() - free[late].mean() > 0.15
assert np.all(free[:1] == teacher[:1])  # the first step reads the same start token

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 7. Greedy vs beam search
#
# Greedy decoding takes the most likely token at each step. It can lock itself in: a
# token that looks best now may lead to a worse whole output. **Beam search** keeps the
# `k` best prefixes at every step (by total log-probability), extends each by every token,
# and keeps the best `k` again; a prefix that writes `</s>` is set aside as finished.
# Finished hypotheses are ranked by the log-probability divided by their length
# (**length normalisation**, 길이 정규화), since every extra token can only lower a
# log-probability and plain sums favour short outputs. With `k = 1` it is exactly greedy
# decoding.

# %% slideshow={"slide_type": "subslide"} tags=["nbval-check-output"]
text = rev_task.test.sources[int(np.argmax(rev_task.test.kinds))]
print(f"input ({len(text)} letters): {text}\ntarget: {text[::-1]}")
for h in translate(rev_models["attention"], rev_task, text, beam_width=4):
    print(f"  {rev_task.decode_target(h.tokens):<42} log p {h.log_prob:8.3f}  score {h.score:7.4f}")

# %% slideshow={"slide_type": "skip"}
(greedy,) = translate(rev_models["attention"], rev_task, text)
(beam_1,) = translate(rev_models["attention"], rev_task, text, beam_width=1)[:1]
assert np.array_equal(greedy.tokens, beam_1.tokens) and greedy.log_prob == beam_1.log_prob

# %% [markdown] slideshow={"slide_type": "subslide"}
# Over 60 long test strings (31–40 letters), how do the two compare? To compare like with
# like, the beam here ranks by the plain log-probability (`length_penalty=0`), the quantity
# greedy decoding approximates one step at a time.

# %%
sample = longest.subset(np.arange(len(longest)) < 60)
search = experiments.beam_vs_greedy(rev_models["attention"], rev_task, sample, beam_width=4)
for name, result in search.items():
    print(f"{name:>6}: exact match {result['correct'].mean():.3f}, "
          f"mean log p of its output {result['log_prob'].mean():.3f}")  # fmt: skip
gain = search["beam"]["log_prob"] - search["greedy"]["log_prob"]
print(f"beam found a more probable output for {np.sum(gain > 1e-9)} of {len(sample)} strings, "
      f"a less probable one for {np.sum(gain < -1e-9)}")  # fmt: skip

# %% [markdown] slideshow={"slide_type": "fragment"}
# Beam search changes the output for a few strings: mostly to a more probable one, but
# not always — the greedy path itself can fall out of a beam of four, when four other
# prefixes look better at some step and then go wrong. With a model this sure of each
# letter, greedy decoding is already close to what the beam finds, and the exact match
# barely moves. Beam search pays off when the model hesitates between continuations whose
# consequences show only later (translation of real sentences); it costs about `k` times
# the computation per step, and it cannot fix what the model does not know: when the
# model's most probable output is wrong, a better search finds the wrong answer more
# reliably. Ranking by length-normalised score instead (the default in the explorer and
# the hypotheses above) changes which finished hypothesis wins: a longer output can beat
# a shorter one with a higher total log-probability.

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: beam search keeps k prefixes; with k = 1 it is greedy. Here it rarely changes the
# answer: the model is sure of each letter. Ask: *when would a beam pay off?* (when early
# choices only show their cost later)

# %% slideshow={"slide_type": "skip"}
assert np.any(np.abs(gain) > 1e-9)  # the beam is not greedy decoding in disguise
assert abs(search["beam"]["correct"].mean() - search["greedy"]["correct"].mean()) <= 0.1

# %% [markdown] slideshow={"slide_type": "skip"}
# ## Exercises (연습 문제)
#
# ### Exercise 1 — attention forward
# Write `attention_forward(query, keys, mask)` for dot-product attention and one query:
# `query (H,)`, `keys (S, H)`, `mask (S,)` (1 real, 0 padding). Return
# `(context (H,), weights (S,))`; padded positions must get weight exactly 0, and large
# scores must not overflow.


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

# %% [markdown] slideshow={"slide_type": "skip"}
# ### Exercise 2 — attention backward
# Given `dcontext` $=\partial L/\partial c$ `(H,)`, the query, the keys and the forward's
# weights, return `(dquery (H,), dkeys (S, H))`. Remember that the keys are used twice:
# in the scores and as the values that are averaged.


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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 8. Attention explorer
#
# **Question.** Pick "이천십구년 삼월 일일" (2019-03-01). When the decoder writes the
# month's second digit, "3", which input syllable gets the most attention? And when it
# writes the "0" of "2019", a digit that is not written in the input, where does it look?
# Guess, then step through the decoding with the `step` slider. Type your own dates
# too (a character the model has never seen gets a message naming it), and switch to beam
# search to see the hypotheses and their scores.

# %% [markdown] slideshow={"slide_type": "notes"}
# Demo: pick "이천십구년 삼월 일일", step to the month's '3'. Ask the room to predict where the '0'
# of 2019 looks before you step there. Type a date with a character the model never saw
# (e.g. é) to show the message.

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

# %% [markdown] slideshow={"slide_type": "skip"}
# The explorer's controls can also be moved from code. A date written with a character
# the model has never seen gets a message naming it, not a traceback:

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## 9. The step to transformers: self-attention
#
# In the encoder–decoder the decoder's state asks the question and the encoder's states
# answer. In **self-attention** (셀프 어텐션) every position of one sequence asks every
# other position: queries, keys and values are three projections of the same vectors
# $X$ `(T, d)`, and the scores are scaled by $1/\sqrt{d}$ (Vaswani et al. 2017):
#
# $$\operatorname{SelfAttention}(X) = \operatorname{softmax}\!\Big(\frac{(XW_Q)(XW_K)^\top}{\sqrt d}\Big)\, XW_V.$$
#
# No recurrence: all positions are computed at once, in parallel, and any two positions
# are one step apart instead of $T$. Stacking this with position information and small
# feed-forward layers gives the transformer. A few lines, untrained:

# %% [markdown] slideshow={"slide_type": "notes"}
# Say: in self-attention every position asks every other position; no recurrence, so all
# positions run in parallel and any two are one step apart. This is where the course hands
# over to transformers.

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

# %% [markdown] slideshow={"slide_type": "slide"}
# ## Summary
#
# * An **encoder–decoder** reads the source with one RNN and writes the target with
#   another, started from the encoder's final state; it maps any length to any length.
#   Trained with **teacher forcing**, all decoder steps run in one pass.
# * Without attention, the whole source must pass through one fixed-size vector. Measured
#   on reversal: the last letters read come out right, later ones barely above chance,
#   and exact match collapses as inputs get longer.
# * **Attention** computes, for every output step, weights over all source positions
#   (a masked softmax of scores; padding gets exactly 0) and reads their weighted average.
#   Additive (Bahdanau) and dot / general (Luong) scores differ only in the score.
#   With it, the same-sized model keeps nearly every letter right at every length, and
#   normalises unseen dates in Korean and English with at least 99 % exact match.
# * A heatmap of the weights is a soft **alignment**: the month digit looks at "삼".
# * **Exposure bias**: trained on true prefixes, the model compounds its own mistakes when
#   it runs free. **Beam search** keeps `k` prefixes and ranks finished ones by
#   length-normalised log-probability; `k = 1` is greedy decoding. On a model this sure of
#   each letter it changed only a few outputs, not always to more probable ones, and left
#   the exact match where greedy decoding had it.
# * **Self-attention** lets every position attend to every other one, with no recurrence:
#   the building block of the transformer.
#
# ## Glossary (용어집)
#
# | English | 한국어 | Meaning |
# |---|---|---|
# | encoder–decoder (sequence-to-sequence) | 인코더-디코더 (시퀀스-투-시퀀스) | one RNN reads the input, another writes the output, lengths independent |
# | encoder | 인코더 | the network that reads the source and keeps its states |
# | decoder | 디코더 | the network that writes the target one token at a time |
# | bottleneck | 병목 | the single fixed-size vector through which a plain decoder sees the source |
# | attention | 어텐션 (주의 메커니즘) | weights over the source positions, recomputed at every output step |
# | attention weights | 어텐션 가중치 | softmax of the scores; they sum to 1 over the real source positions |
# | context vector | 문맥 벡터 | the attention-weighted average of the encoder states |
# | alignment | 정렬 | which input positions an output position corresponds to |
# | additive attention | 덧셈 어텐션 (바다나우 어텐션) | score $v^\top \tanh(W_q h + W_k e)$ |
# | dot-product attention | 내적 어텐션 (루옹 어텐션) | score $h^\top e$ (or $h^\top W e$, "general") |
# | teacher forcing | 교사 강요 | training the decoder on the true previous token |
# | free running | 자유 실행 | the decoder reading its own previous output, as at inference |
# | exposure bias | 노출 편향 | a model trained on true prefixes never learned to recover from its own mistakes |
# | greedy decoding | 탐욕적 디코딩 | writing the most likely token at each step |
# | beam search | 빔 탐색 | keeping the k most probable prefixes at each step |
# | length normalisation | 길이 정규화 | dividing a hypothesis's log-probability by its length before ranking |
# | exact match | 완전 일치 | an output counts only if every token is right |
# | Sino-Korean numerals | 한자어 수사 | 일, 이, 삼, …, 십, 백, 천: the numbers read in dates |
# | self-attention | 셀프 어텐션 | attention of a sequence over itself; the core of the transformer |
# | transformer | 트랜스포머 | a network built from self-attention layers, without recurrence |
