"""Attention layers and the encoder-decoder: gradients, masks, decoding, errors."""

import datetime

import numpy as np
import pytest
from gradhelpers import GRADCHECK, assert_gradients_ok, seeds, sizes
from hypothesis import given
from hypothesis import strategies as st

from rnnlib.attention import AdditiveAttention, DotProductAttention
from rnnlib.cells import CELL_TYPES
from rnnlib.data.dates import FORMATS, date_task, format_date, reverse_task, sino_korean
from rnnlib.data.pairs import make_batch
from rnnlib.gradcheck import gradcheck
from rnnlib.losses import softmax_cross_entropy
from rnnlib.seq2seq import ATTENTION_TYPES, Seq2Seq, translate


def random_mask(rng, S, B):
    """Right-padded lengths between 1 and S."""
    lengths = rng.integers(1, S + 1, size=B)
    return (np.arange(S)[:, None] < lengths[None, :]).astype(float)


def make_attention(kind, Hq, Hk, A, rng):
    if kind == "additive":
        return AdditiveAttention(Hq, Hk, A, rng=rng)
    if kind == "general":
        return DotProductAttention(Hq, Hk, general=True, rng=rng)
    return DotProductAttention(Hq, scaled=kind == "scaled")


attention_kinds = st.sampled_from(["additive", "general", "dot", "scaled"])


@GRADCHECK
@given(attention_kinds, sizes, sizes, sizes, sizes, sizes, st.booleans(), seeds)
def test_attention_gradients(kind, T, S, B, Hq, Hk, use_mask, seed):
    rng = np.random.default_rng(seed)
    if kind in ("dot", "scaled"):
        Hk = Hq
    layer = make_attention(kind, Hq, Hk, 3, rng)
    queries, keys = rng.normal(size=(T, B, Hq)), rng.normal(size=(S, B, Hk))
    R, R_weights = rng.normal(size=(T, B, Hk)), rng.normal(size=(T, B, S))
    mask = random_mask(rng, S, B) if use_mask else None
    store = {}

    def loss():
        context, weights, cache = layer.forward(queries, keys, mask)
        store["dq"], store["dk"] = layer.backward(R, cache, dweights=R_weights)
        return float((context * R).sum() + (weights * R_weights).sum())

    inputs = {"queries": (queries, lambda: store["dq"]), "keys": (keys, lambda: store["dk"])}
    assert_gradients_ok(gradcheck(layer, loss, inputs=inputs))


@given(attention_kinds, sizes, st.integers(2, 6), sizes, seeds)
def test_padded_positions_get_exactly_zero_weight(kind, T, S, B, seed):
    rng = np.random.default_rng(seed)
    layer = make_attention(kind, 3, 3, 4, rng)
    keys = rng.normal(size=(S, B, 3)) * 50.0  # large scores: exp would overflow unshifted
    mask = random_mask(rng, S, B)
    queries = rng.normal(size=(T, B, 3))
    context, weights, _ = layer.forward(queries, keys, mask)
    assert np.all(weights[:, mask.T == 0] == 0.0)
    np.testing.assert_allclose(weights.sum(-1), 1.0)
    assert np.all(np.isfinite(context))
    # what sits at a padded position cannot change the result
    changed = keys.copy()
    changed[mask == 0] = rng.normal(size=(int((mask == 0).sum()), 3))
    context_changed, weights_changed, _ = layer.forward(queries, changed, mask)
    np.testing.assert_array_equal(weights_changed, weights)
    np.testing.assert_allclose(context_changed, context, atol=1e-12)


@GRADCHECK
@given(
    st.sampled_from(sorted(CELL_TYPES)),
    st.sampled_from([None, *ATTENTION_TYPES]),
    st.booleans(),
    sizes,
    sizes,
    st.booleans(),
    seeds,
)
def test_seq2seq_gradients(cell, attention, bidirectional, S, B, use_mask, seed):
    rng = np.random.default_rng(seed)
    model = Seq2Seq(
        cell,
        source_vocab_size=5,
        target_vocab_size=6,
        embedding_dim=2,
        hidden_size=2,
        attention=attention,
        attention_size=3,
        bidirectional=bidirectional,
        rng=rng,
    )
    source = rng.integers(0, 5, size=(S + 1, B))
    target_in, target_out = rng.integers(0, 6, size=(2, 3, B))
    mask = random_mask(rng, S + 1, B) if use_mask else None

    def loss():
        logits, cache = model.forward(source, target_in, mask)
        value, dlogits = softmax_cross_entropy(logits, target_out)
        model.backward(dlogits, cache)
        return value

    assert_gradients_ok(gradcheck(model, loss))


def small_model(attention="general", seed=0):
    return Seq2Seq(
        "gru",
        source_vocab_size=7,
        target_vocab_size=6,
        embedding_dim=4,
        hidden_size=5,
        attention=attention,
        bidirectional=True,
        rng=seed,
    )


def test_free_running_steps_match_teacher_forcing_on_the_same_prefix():
    """Greedy decoding, fed its own output, computes what teacher forcing computes when
    the target is that output: same attention and the same chosen tokens."""
    rng = np.random.default_rng(3)
    model = small_model()
    source = rng.integers(1, 7, size=(6, 1))
    decoding = model.greedy_decode(source, max_length=8)
    steps = int(decoding.trace.mask.sum())
    chosen = np.concatenate([decoding.tokens[0], [model.end_id]])[:steps]
    inputs = np.concatenate([[model.start_id], chosen[:-1]])[:, None]
    logits, cache = model.forward(source, inputs)
    np.testing.assert_array_equal(logits[:, 0].argmax(-1), chosen)
    np.testing.assert_allclose(cache.trace.attention, decoding.trace.attention[:steps], atol=1e-12)


@pytest.mark.parametrize("attention", [None, "additive", "dot"])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_beam_of_width_one_is_greedy_decoding_exactly(attention, seed):
    rng = np.random.default_rng(seed)
    model = small_model(attention, seed)
    for length in (1, 4, 9):
        source = rng.integers(1, 7, size=length)
        decoding = model.greedy_decode(source[:, None], max_length=10)
        (best,) = model.beam_search(source, beam_width=1, max_length=10)
        np.testing.assert_array_equal(best.tokens, decoding.tokens[0])
        assert best.log_prob == decoding.log_prob[0]
        if attention is not None:
            steps = int(decoding.trace.mask.sum())
            np.testing.assert_array_equal(best.attention, decoding.trace.attention[:steps, 0])


@pytest.mark.parametrize("length_penalty", [0.0, 1.0])
def test_beam_search_returns_hypotheses_best_first(length_penalty):
    rng = np.random.default_rng(5)
    model = small_model("additive")
    for _ in range(5):
        source = rng.integers(1, 7, size=5)
        hypotheses = model.beam_search(source, 4, 6, length_penalty)
        scores = [h.score for h in hypotheses]
        assert hypotheses and scores == sorted(scores, reverse=True)
        for h in hypotheses:  # the score is the normalised log-probability of its tokens
            length = h.tokens.size + h.finished
            assert h.score == pytest.approx(h.log_prob / length**length_penalty)
        # the log-probability is that of the tokens under the model (teacher forcing)
        best = hypotheses[0]
        tokens = np.concatenate([best.tokens, [model.end_id]] if best.finished else [best.tokens])
        inputs = np.concatenate([[model.start_id], tokens[:-1]])[:, None]
        logits, _ = model.forward(source[:, None], inputs)
        log_probs = logits[:, 0] - np.log(np.exp(logits[:, 0]).sum(-1, keepdims=True))
        assert best.log_prob == pytest.approx(log_probs[np.arange(tokens.size), tokens].sum())


def test_wider_beam_never_finds_a_less_probable_best_with_raw_scores():
    rng = np.random.default_rng(6)
    model = small_model("dot")
    for _ in range(5):
        source = rng.integers(1, 7, size=4)
        greedy = model.beam_search(source, 1, 6, length_penalty=0.0)[0]
        finished = [h for h in model.beam_search(source, 5, 6, length_penalty=0.0) if h.finished]
        if greedy.finished and finished:
            assert finished[0].log_prob >= greedy.log_prob - 1e-12


def test_bad_inputs_raise_named_errors():
    model = small_model()
    with pytest.raises(ValueError, match="attention"):
        Seq2Seq("gru", source_vocab_size=3, target_vocab_size=4, embedding_dim=2,
                hidden_size=2, attention="cosine", rng=0)  # fmt: skip
    with pytest.raises(ValueError, match="cell"):
        Seq2Seq("tree", source_vocab_size=3, target_vocab_size=4, embedding_dim=2,
                hidden_size=2, rng=0)  # fmt: skip
    with pytest.raises(ValueError, match="source"):
        model.forward(np.full((3, 2), 9), np.zeros((2, 2), dtype=int))
    with pytest.raises(ValueError, match="target_inputs"):
        model.forward(np.zeros((3, 2), dtype=int), np.zeros((2, 3), dtype=int))
    with pytest.raises(ValueError, match="source_mask"):
        model.forward(np.zeros((3, 2), dtype=int), np.zeros((2, 2), dtype=int), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="beam_width"):
        model.beam_search(np.array([1, 2]), beam_width=0)
    with pytest.raises(ValueError, match="length_penalty"):
        model.beam_search(np.array([1, 2]), length_penalty=-1.0)
    layer = DotProductAttention(3)
    with pytest.raises(ValueError, match="keys"):
        layer.forward(np.zeros((2, 1, 3)), np.zeros((4, 1, 2)))
    with pytest.raises(ValueError, match="mask"):
        layer.forward(np.zeros((2, 1, 3)), np.zeros((4, 1, 3)), np.zeros((4, 1)))
    with pytest.raises(ValueError, match="key_size"):
        DotProductAttention(3, 4)


def test_dates_come_from_the_calendar_and_read_right():
    date = datetime.date(2026, 11, 22)
    assert format_date(date, "hangul") == "이천이십육년 십일월 이십이일"
    assert format_date(date, "spoken") == "sunday the 22nd of november 2026"
    assert format_date(datetime.date(2019, 6, 10), "hangul") == "이천십구년 유월 십일"
    assert [sino_korean(n) for n in (1, 10, 11, 1999, 2000)] == [
        "일", "십", "십일", "천구백구십구", "이천"
    ]  # fmt: skip
    assert set(FORMATS) >= {"hangul", "korean_digits", "slash", "spoken"}
    task = date_task(num_train=300, num_test=200, rng=1)
    test_dates = set(task.test.targets)
    assert not test_dates & set(task.train.targets)
    assert set(task.held_out["format"].targets) == test_dates
    assert {datetime.date.fromisoformat(t) for t in task.train.targets}  # valid ISO dates
    assert not set(task.held_out["format"].kinds) & set(task.train.kinds)


def test_an_input_the_vocabulary_cannot_encode_names_the_characters():
    task = date_task(num_train=50, num_test=50, rng=0)
    with pytest.raises(ValueError, match="'@'.*'é'"):
        make_batch(["22 Novembré 2026 @"], None, task)
    dates_model = Seq2Seq("gru", source_vocab_size=len(task.source_vocab),
                          target_vocab_size=len(task.target_vocab), embedding_dim=2,
                          hidden_size=2, attention="dot", rng=0)  # fmt: skip
    with pytest.raises(ValueError, match="'Z'"):
        translate(dates_model, task, "Zoo 22, 2026")


def test_reverse_task_lengths_and_targets():
    task = reverse_task(num_train=100, num_test=50, rng=2)
    assert all(t == s[::-1] for s, t in zip(task.train.sources, task.train.targets, strict=True))
    assert 5 <= min(task.train.kinds) and max(task.train.kinds) <= 40
