"""Chapter 9's experiments: encoder-decoders with and without attention.

* :func:`train_seq2seq` - teacher-forced training of a :class:`~rnnlib.seq2seq.Seq2Seq`;
* :func:`exact_match` - greedy-decode a split and score whole outputs;
* :func:`train_date_model` - the date normaliser with attention;
* :func:`length_experiment` - reversal with and without attention, accuracy by length;
* :func:`exposure_bias` - per-position accuracy teacher-forced against free-running;
* :func:`beam_vs_greedy` - how often beam search finds a more probable output.

Every function takes ``rng`` (a seed or a numpy Generator, used as is): the notebook
passes its Generator, the tests other seeds.
"""

from __future__ import annotations

import numpy as np

from .. import optim
from .._checks import as_generator, check_positive_int
from ..data.dates import date_task, reverse_task
from ..data.pairs import Pairs, PairTask, batches, make_batch
from ..losses import softmax_cross_entropy
from ..seq2seq import Seq2Seq, translate


def new_model(task: PairTask, *, attention, rng, hidden_size=32, embedding_dim=16, **options):
    """A GRU encoder-decoder (bidirectional encoder) sized for ``task``'s vocabularies."""
    return Seq2Seq(
        "gru",
        source_vocab_size=len(task.source_vocab),
        target_vocab_size=len(task.target_vocab),
        embedding_dim=embedding_dim,
        hidden_size=hidden_size,
        attention=attention,
        bidirectional=True,
        start_id=task.start_id,
        end_id=task.end_id,
        rng=rng,
        **options,
    )


def train_seq2seq(
    model, task, pairs, *, epochs, rng, lr=0.01, final_lr=None, batch_size=64, clip_norm=5.0
):
    """Teacher forcing: Adam on shuffled batches, cross-entropy over the real target steps.

    The learning rate falls geometrically from ``lr`` to ``final_lr`` (default: ``lr``,
    constant) over the epochs. Returns the list of per-step training losses.
    """
    epochs = check_positive_int(epochs, "epochs")
    optimizer = optim.Adam(model, lr=lr)
    decay = (final_lr / lr) ** (1.0 / max(epochs - 1, 1)) if final_lr else 1.0
    epoch = batches(pairs, task, batch_size, rng=rng)
    losses = []
    for k in range(epochs):
        optimizer.lr = lr * decay**k
        for source, source_mask, inputs, outputs, target_mask in epoch():
            logits, cache = model.forward(source, inputs, source_mask)
            loss, dlogits = softmax_cross_entropy(logits, outputs, target_mask)
            optimizer.zero_grad()
            model.backward(dlogits, cache)
            optim.clip_grad_norm(model, clip_norm)
            optimizer.step()
            losses.append(loss)
    return losses


def decode(model, task: PairTask, sources, max_length=None, batch_size=256) -> list[str]:
    """Greedy-decode a list of source strings (in batches) -> output strings."""
    max_length = max_length or max(len(s) for s in sources) + 12
    outputs = []
    for start in range(0, len(sources), batch_size):
        source, source_mask = make_batch(sources[start : start + batch_size], None, task)
        decoding = model.greedy_decode(source, source_mask, max_length)
        outputs += [task.decode_target(t) for t in decoding.tokens]
    return outputs


def exact_match(model, task: PairTask, pairs: Pairs) -> np.ndarray:
    """Boolean ``(N,)``: the greedy output equals the target exactly."""
    outputs = decode(model, task, pairs.sources)
    return np.array([o == t for o, t in zip(outputs, pairs.targets, strict=True)])


def train_date_model(rng, *, epochs=6, task=None):
    """The date normaliser: :func:`~rnnlib.data.dates.date_task` (drawn with ``rng``
    unless given) and a GRU encoder-decoder with additive attention (16 units) trained
    on it for ``epochs`` epochs. Returns ``(model, task)``."""
    rng = as_generator(rng)
    task = task or date_task(rng=rng)
    model = new_model(task, attention="additive", attention_size=16, rng=rng)
    train_seq2seq(model, task, task.train, epochs=epochs, rng=rng)
    return model, task


#: input-length bins of the reversal task
LENGTH_BINS = ((5, 12), (13, 20), (21, 30), (31, 40))


def accuracy_by_length(correct, lengths, bins=LENGTH_BINS) -> np.ndarray:
    """Mean of ``correct`` over the pairs whose length falls in each bin: ``(len(bins),)``."""
    correct, lengths = np.asarray(correct, dtype=float), np.asarray(lengths)
    return np.array([correct[(lengths >= low) & (lengths <= high)].mean() for low, high in bins])


def length_experiment(rng, *, epochs=6, attention="dot", task=None):
    """Reversal (:func:`~rnnlib.data.dates.reverse_task`, drawn with ``rng`` unless given)
    learned by two GRU encoder-decoders of the same size, without and with attention.

    Returns a dict: ``task``, ``models`` and ``correct`` (exact match on the test split,
    boolean) keyed by ``"no attention"`` / ``"attention"``; ``accuracy``: exact match
    per :data:`LENGTH_BINS` bin for each, and ``token_accuracy``: the teacher-forced
    share of right tokens per bin (:func:`token_accuracy`).
    """
    rng = as_generator(rng)
    task = task or reverse_task(num_train=3000, rng=rng)
    models, correct, accuracy, tokens = {}, {}, {}, {}
    for name, kind in (("no attention", None), ("attention", attention)):
        model = new_model(task, attention=kind, rng=rng)
        train_seq2seq(model, task, task.train, epochs=epochs, rng=rng)
        models[name] = model
        correct[name] = exact_match(model, task, task.test)
        accuracy[name] = accuracy_by_length(correct[name], task.test.kinds)
        tokens[name] = accuracy_by_length(token_accuracy(model, task, task.test), task.test.kinds)
    return dict(task=task, models=models, correct=correct, accuracy=accuracy, token_accuracy=tokens)


def token_correct(model, task: PairTask, pairs: Pairs, *, free_running: bool):
    """Which output tokens are right: ``(right (T, N), target_mask (T, N))``, both 0/1.

    Teacher-forced: the decoder reads the true previous token at every step (as in
    training). Free-running: it reads its own greedy output (as at inference), so one
    early slip can shift everything after it.
    """
    source, source_mask, inputs, outputs, target_mask = make_batch(
        pairs.sources, pairs.targets, task
    )
    if free_running:
        decoding = model.greedy_decode(source, source_mask, outputs.shape[0])
        chosen = np.full(outputs.shape, -1)
        for b, tokens in enumerate(decoding.tokens):
            tokens = np.append(tokens, task.end_id)[: outputs.shape[0]]
            chosen[: tokens.size, b] = tokens
    else:
        logits, _ = model.forward(source, inputs, source_mask)
        chosen = logits.argmax(-1)
    return (chosen == outputs) * target_mask, target_mask


def position_accuracy(model, task: PairTask, pairs: Pairs, *, free_running: bool) -> np.ndarray:
    """Share of right tokens at each output position ``(T,)``, over the pairs that long
    (see :func:`token_correct`)."""
    right, target_mask = token_correct(model, task, pairs, free_running=free_running)
    return right.sum(axis=1) / target_mask.sum(axis=1)


def token_accuracy(model, task: PairTask, pairs: Pairs) -> np.ndarray:
    """Teacher-forced share of right output tokens of each pair ``(N,)``: how much of
    the source the decoder can recover when it is given the right prefix."""
    right, target_mask = token_correct(model, task, pairs, free_running=False)
    return right.sum(axis=0) / target_mask.sum(axis=0)


def exposure_bias(model, task: PairTask, pairs: Pairs) -> dict[str, np.ndarray]:
    """:func:`position_accuracy` teacher-forced and free-running (keys "teacher forcing",
    "free running")."""
    return {
        "teacher forcing": position_accuracy(model, task, pairs, free_running=False),
        "free running": position_accuracy(model, task, pairs, free_running=True),
    }


def beam_vs_greedy(
    model, task: PairTask, pairs: Pairs, *, beam_width=4, length_penalty=0.0
) -> dict[str, dict[str, np.ndarray]]:
    """Greedy decoding against beam search (``beam_width``, ranked by
    ``log_prob / length ** length_penalty``; default: the plain log-probability) on each pair.

    Returns ``{"greedy": ..., "beam": ...}``, each a dict of ``correct`` (exact match,
    boolean ``(N,)``) and ``log_prob`` (the model's log-probability of the chosen output,
    ``(N,)``).
    """
    results = {name: {"correct": [], "log_prob": []} for name in ("greedy", "beam")}
    for text, target in zip(pairs.sources, pairs.targets, strict=True):
        for name, width in (("greedy", None), ("beam", beam_width)):
            best = translate(model, task, text, beam_width=width, length_penalty=length_penalty)[0]
            results[name]["correct"].append(task.decode_target(best.tokens) == target)
            results[name]["log_prob"].append(best.log_prob)
    return {name: {k: np.array(v) for k, v in r.items()} for name, r in results.items()}
