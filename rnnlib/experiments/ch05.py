"""The seeded runs chapter 5 asserts: character models against counted n-grams.

* :func:`train_language_model` - the chapter's GRU language model on Python's help pages
  (two passes, a validation curve);
* :func:`context_ablation` - bits per character when the model may see only the last
  ``k`` characters, for several ``k``;
* :func:`gru_against_ngrams` - on one split of the text: the GRU, the best
  5-gram on the same split, and the context ablation (the claims of section 5);
* :func:`train_name_generator`, :func:`sample_names` - the name generator of section 7;
* :func:`syllables_against_jamo`, :func:`sample_lines` - section 9's Korean models: the
  same text spelt in syllables and in jamo;
* :func:`pretrain_language_model`, :func:`load_pretrained` - the larger model that
  ``make pretrain`` trains for minutes and the chapter loads.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from .._checks import as_generator, check_positive_int
from ..data.korean import is_syllable, jamo_corpus, jamo_lengths
from ..data.text import stream_batches
from ..functional import log_softmax
from ..generate import bits_per_char, bits_per_position, generate
from ..io import load
from ..models import SequenceModel
from ..ngram import CharNGram
from ..optim import Adam
from ..train import fit, train_step


def best_ngram_bpc(train_ids, valid_ids, vocab_size, order, smoothings=(1.0, 0.1, 0.01)) -> float:
    """Bits per character on ``valid_ids`` of the best ``order``-gram (:func:`best_ngram`)."""
    return best_ngram(train_ids, valid_ids, vocab_size, order, smoothings).bits_per_char(valid_ids)


#: The chapter's GRU language model (section 5): sizes and schedule.
LANGUAGE_MODEL = {
    "hidden_size": 128,
    "batch_size": 32,
    "steps": 50,
    "updates": 500,  # about two passes over the training text
    "validate_every": 100,
    "lr": 0.02,
    "clip_norm": 5.0,
    "curve_chars": 10_000,  # the validation curve uses the first 10 000 characters
}


def language_model(vocab_size, rng=0) -> SequenceModel:
    """The chapter's untrained GRU language model (float32, one-hot inputs).

    With the same int ``rng`` it rebuilds the initial weights of a model trained by
    :func:`train_language_model` (the chapter keeps one as an untrained reference).
    """
    return SequenceModel(
        "gru",
        hidden_size=LANGUAGE_MODEL["hidden_size"],
        vocab_size=vocab_size,
        output_size=vocab_size,
        rng=rng,
        dtype=np.float32,
    )


def train_language_model(corpus, rng=0) -> dict:
    """Train :func:`language_model` on ``corpus`` with the settings of :data:`LANGUAGE_MODEL`.

    Adam, stateful truncated BPTT over contiguous streams (two passes, in order),
    gradient norm clipped. Returns a dict: ``model``, ``train_bits`` (the training loss
    of every update, in bits), ``seen`` (characters trained on at each validation) and
    ``valid_curve`` (bits per character on the first ``curve_chars`` validation
    characters at those points), ``bpc`` (on the whole validation text) and ``seconds``
    (training time).
    """
    settings = LANGUAGE_MODEL
    batch, steps, updates, every = (
        settings[name] for name in ("batch_size", "steps", "updates", "validate_every")
    )
    model = language_model(len(corpus.vocab), rng)
    optimizer = Adam(model, lr=settings["lr"])
    chunks = stream_batches(corpus.encode("train"), batch, steps)
    schedule = (chunks * 2)[:updates]  # two passes over the text, in order
    curve_ids = corpus.encode("validation")[: settings["curve_chars"]]
    start = time.perf_counter()
    train_bits, seen, valid_curve = [], [0], [bits_per_char(model, curve_ids)]
    for first in range(0, updates, every):
        history = fit(
            model,
            optimizer,
            schedule[first : first + every],
            clip_norm=settings["clip_norm"],
            stateful=True,
            progress=False,
        )
        train_bits += [loss / np.log(2) for loss in history.loss]
        seen.append((first + every) * batch * steps)
        valid_curve.append(bits_per_char(model, curve_ids))
    seconds = time.perf_counter() - start
    return {
        "model": model,
        "train_bits": train_bits,
        "seen": seen,
        "valid_curve": valid_curve,
        "bpc": bits_per_char(model, corpus.encode("validation")),
        "seconds": seconds,
    }


def context_ablation(model, ids, contexts=(1, 2, 4, 8, 16, 32, 64), num_positions=2000, rng=0):
    """Bits per character when the model may see only the last ``k`` characters.

    ``num_positions`` positions ``p`` of ``ids`` are drawn (seeded, ``p >= max(contexts)``);
    for each ``k`` in ``contexts`` the model reads ``ids[p - k : p]`` from a zero state and
    predicts ``ids[p]``. Returns ``{"contexts": [...], "bpc": [...] (one per k),
    "positions": (num_positions,)}``, so counted n-grams can be scored at the same
    positions (an n-gram sees ``n - 1`` characters).
    """
    contexts = [check_positive_int(k, "contexts") for k in contexts]
    num_positions = check_positive_int(num_positions, "num_positions")
    ids = np.asarray(ids)
    longest = max(contexts)
    if ids.size <= longest:
        raise ValueError(f"ids: expected more than {longest} characters, got {ids.size}")
    positions = np.sort(
        as_generator(rng).choice(np.arange(longest, ids.size), num_positions, replace=False)
    )
    targets = ids[positions]
    scores = []
    for k in contexts:
        windows = ids[positions[None, :] + np.arange(-k, 0)[:, None]]  # (k, N)
        logits = model.predict(windows)[-1].astype(np.float64)  # (N, V): after the k-th
        logp = np.take_along_axis(log_softmax(logits), targets[:, None], axis=1)
        scores.append(float(-logp.mean() / np.log(2.0)))
    return {"contexts": contexts, "bpc": scores, "positions": positions}


def ngram_bits_at(ngram, ids, positions) -> float:
    """Bits per character of a fitted :class:`~rnnlib.ngram.CharNGram` at ``positions``."""
    return float(-np.mean(np.log2(ngram.probabilities(ids)[positions])))


def best_ngram(train_ids, valid_ids, vocab_size, order, smoothings=(1.0, 0.1, 0.01)) -> CharNGram:
    """The ``order``-gram whose add-``k`` smoothing (``k`` in ``smoothings``) scores best
    on ``valid_ids`` (tuned on the text it is scored on: the fair direction for a baseline)."""
    models = [CharNGram(order, vocab_size, k).fit(train_ids) for k in smoothings]
    return min(models, key=lambda model: model.bits_per_char(valid_ids))


def gru_against_ngrams(corpus, rng=0, contexts=(1, 2, 4, 8, 16, 32, 64)) -> dict:
    """Section 5's comparison, like with like: the GRU and the 5-gram on the same split.

    ``corpus`` is the split (e.g. ``load_python_docs(rng=seed)``); the GRU
    (:func:`train_language_model`, initialised with ``rng``) and the best 5-gram
    (:func:`best_ngram`) are trained on its training text and scored on its validation
    text; then :func:`context_ablation` on the validation text (positions drawn with
    ``rng``), with the 5-gram scored at the same positions. Returns ``run`` (the GRU run),
    ``gru_bpc``, ``five_gram`` (the model), ``five_gram_bpc``, ``ablation`` (the dict of
    :func:`context_ablation`) and ``five_gram_at_positions``.
    """
    train_ids, valid_ids = corpus.encode("train"), corpus.encode("validation")
    run = train_language_model(corpus, rng=rng)
    five_gram = best_ngram(train_ids, valid_ids, len(corpus.vocab), 5)
    ablation = context_ablation(run["model"], valid_ids, contexts, rng=rng)
    return {
        "run": run,
        "gru_bpc": run["bpc"],
        "five_gram": five_gram,
        "five_gram_bpc": five_gram.bits_per_char(valid_ids),
        "ablation": ablation,
        "five_gram_at_positions": ngram_bits_at(five_gram, valid_ids, ablation["positions"]),
    }


def train_name_generator(names, rng=0) -> tuple[SequenceModel, float]:
    """Train a GRU (64 units, float32) on the names' training text; score it.

    ``names`` is a :class:`rnnlib.data.text.TextCorpus` (e.g. from ``load_names``).
    Training: Adam (lr 0.01), 3 stateful passes over chunks of 32 x 25 characters,
    gradient norm clipped at 5. Returns ``(model, bpc)``, ``bpc`` the model's bits per
    character on the validation names.
    """
    V = len(names.vocab)
    model = SequenceModel(
        "gru", hidden_size=64, vocab_size=V, output_size=V, rng=rng, dtype=np.float32
    )
    fit(
        model,
        Adam(model, lr=0.01),
        stream_batches(names.encode("train"), 32, 25),
        epochs=3,
        clip_norm=5.0,
        stateful=True,
        progress=False,
    )
    return model, bits_per_char(model, names.encode("validation"), batch_size=4, steps=50)


def sample_names(model, vocab, count, temperature=0.8) -> list[str]:
    """``count`` samples of up to 20 characters, each primed with a newline.

    Sample ``s`` uses ``rng=s`` and stops after its first newline; returns the samples as
    generated (a finished name ends with ``"\\n"``).
    """
    count = check_positive_int(count, "count")
    return [
        generate(model, vocab, "\n", 20, temperature=temperature, rng=s, stop="\n")
        for s in range(count)
    ]


# ----- Korean: syllables or jamo (section 9) ----------------------------------------------

#: Section 9's two GRUs (one per spelling), trained alike: sizes and schedule. A jamo
#: chunk is twice as long, so that both read about the same stretch of text per update.
KOREAN_MODEL = {
    "hidden_size": 64,
    "batch_size": 32,
    "steps": {"syllable": 25, "jamo": 50},
    "epochs": 6,
    "lr": 0.01,
    "clip_norm": 5.0,
    "ngram_orders": {"syllable": (1, 2, 3), "jamo": (1, 2, 3, 4, 5, 6)},
}


def train_korean_model(corpus, spelling: str, rng=0) -> SequenceModel:
    """A GRU of :data:`KOREAN_MODEL` trained on ``corpus``'s training text (syllables or
    jamo, named by ``spelling``): Adam, stateful passes over chunks, clipping."""
    settings = KOREAN_MODEL
    if spelling not in settings["steps"]:
        raise ValueError(f"spelling: expected 'syllable' or 'jamo', got {spelling!r}")
    V = len(corpus.vocab)
    model = SequenceModel(
        "gru",
        hidden_size=settings["hidden_size"],
        vocab_size=V,
        output_size=V,
        rng=rng,
        dtype=np.float32,
    )
    fit(
        model,
        Adam(model, lr=settings["lr"]),
        stream_batches(corpus.encode("train"), settings["batch_size"], settings["steps"][spelling]),
        epochs=settings["epochs"],
        clip_norm=settings["clip_norm"],
        stateful=True,
        progress=False,
    )
    return model


def _best_ngram_any_order(train_ids, valid_ids, vocab_size, orders) -> CharNGram:
    models = [best_ngram(train_ids, valid_ids, vocab_size, order) for order in orders]
    return min(models, key=lambda model: model.bits_per_char(valid_ids))


def syllables_against_jamo(corpus, rng=0) -> dict:
    """Section 9: one Korean split spelt in syllables and in jamo, modelled both ways.

    ``corpus`` is a syllable :class:`~rnnlib.data.text.TextCorpus` (e.g.
    ``load_korean(rng=seed)``); its jamo twin is :func:`~rnnlib.data.korean.jamo_corpus`.
    For each spelling a GRU (:func:`train_korean_model`, initialised with ``rng``) and the
    best n-gram over :data:`KOREAN_MODEL` ``["ngram_orders"]`` and add-k smoothings (tuned
    on the validation text, as in section 3) are trained on the training text and score
    every character of the validation text (read after a newline). A character's bits
    under a jamo model are the sum of the bits of its jamo, so both spellings are scored
    in the same unit: bits per syllable, averaged over the validation text's Hangul
    syllables.

    Returns ``corpora`` (``{"syllable": corpus, "jamo": its twin}``), ``models``,
    ``ngrams`` (``{spelling: CharNGram}``), ``gru_bits`` and ``ngram_bits``
    (``{spelling: bits per syllable}``), ``unseen`` (``{spelling: validation tokens
    whose symbol never occurs in that spelling's training text}``),
    ``unseen_syllables`` (validation syllables not in the training text),
    ``unseen_bits`` (``{spelling: mean GRU bits of those syllables}``),
    ``num_syllables`` (Hangul syllables in the validation text), ``seconds``.
    """
    corpora = {"syllable": corpus, "jamo": jamo_corpus(corpus)}
    rng = as_generator(rng)
    seed = int(rng.integers(2**31))
    scored = corpus.validation  # every character is scored, read after a newline
    position = np.arange(len(scored))  # the character of the validation text each symbol spells
    groups = {"syllable": position, "jamo": np.repeat(position, jamo_lengths(scored))}
    syllable = np.array([is_syllable(char) for char in scored])
    train_syllables = {char for char in corpus.train if is_syllable(char)}
    unseen_syllable = syllable & np.array([char not in train_syllables for char in scored])
    start = time.perf_counter()
    models, ngrams, gru_bits, ngram_bits, unseen, unseen_bits = {}, {}, {}, {}, {}, {}
    for spelling, text in corpora.items():
        train_ids, valid_ids = text.encode("train"), text.encode("validation")
        ids = text.vocab.encode("\n" + text.validation)
        V = len(text.vocab)
        models[spelling] = train_korean_model(text, spelling, rng=seed)
        ngrams[spelling] = _best_ngram_any_order(
            train_ids, valid_ids, V, KOREAN_MODEL["ngram_orders"][spelling]
        )
        by_model = {
            "gru": bits_per_position(models[spelling], ids),
            "ngram": -np.log2(ngrams[spelling].probabilities(ids)[1:]),
        }
        per_char = {
            name: np.bincount(groups[spelling], weights=bits, minlength=len(scored))
            for name, bits in by_model.items()
        }
        gru_bits[spelling] = float(per_char["gru"][syllable].mean())
        ngram_bits[spelling] = float(per_char["ngram"][syllable].mean())
        unseen_bits[spelling] = float(per_char["gru"][unseen_syllable].mean())
        seen_symbols = set(text.train)
        unseen[spelling] = sum(symbol not in seen_symbols for symbol in text.validation)
    return {
        "corpora": corpora,
        "models": models,
        "ngrams": ngrams,
        "gru_bits": gru_bits,
        "ngram_bits": ngram_bits,
        "unseen": unseen,
        "unseen_syllables": int(unseen_syllable.sum()),
        "unseen_bits": unseen_bits,
        "num_syllables": int(syllable.sum()),
        "seconds": time.perf_counter() - start,
    }


def sample_lines(model, vocab, count, length, temperature=0.8) -> list[str]:
    """``count`` lines of up to ``length`` symbols, each primed with a newline.

    Sample ``s`` uses ``rng=s`` and stops after its first newline, which is dropped
    (a jamo model's lines are still jamo: recompose them with ``from_jamo``).
    """
    count = check_positive_int(count, "count")
    return [
        generate(model, vocab, "\n", length, temperature=temperature, rng=s, stop="\n").rstrip("\n")
        for s in range(count)
    ]


# ----- the pretrained character model (``make pretrain``) ------------------------------------

#: Where ``make pretrain`` writes the weights and the training log (committed to the repo).
PRETRAINED_DIR = Path(__file__).resolve().parents[2] / "pretrained"
PRETRAINED_WEIGHTS = PRETRAINED_DIR / "char_gru.npz"
PRETRAINED_LOG = PRETRAINED_DIR / "char_gru_log.json"

#: The settings of the pretrained model: larger and trained longer than the chapter's GRU.
PRETRAIN_SETTINGS = {
    "corpus_seed": 0,  # load_python_docs(rng=0): the chapter's split, its validation held out
    "cell": "gru",
    "hidden_size": 256,
    "num_layers": 2,
    "seed": 0,
    "batch_size": 32,
    "steps": 100,
    "lr": 0.002,
    "final_lr": 0.0002,  # linear decay from lr to final_lr over the updates
    "clip_norm": 5.0,
    "num_updates": 900,
    "validate_every": 150,
}


def pretrain_model(corpus, settings=PRETRAIN_SETTINGS):
    """The untrained model of ``settings`` for ``corpus`` (float32, seeded)."""
    V = len(corpus.vocab)
    return SequenceModel(
        settings["cell"],
        hidden_size=settings["hidden_size"],
        num_layers=settings["num_layers"],
        vocab_size=V,
        output_size=V,
        rng=settings["seed"],
        dtype=np.float32,
    )


def pretrain_language_model(corpus, settings=PRETRAIN_SETTINGS, *, num_updates=None, report=None):
    """Train the pretrained character model; return ``(model, log)``.

    Stateful truncated BPTT over contiguous streams (``batch_size`` x ``steps``
    characters per update, the state reset at the start of every pass over the text),
    Adam with the learning rate decaying linearly from ``lr`` to ``final_lr``, gradient
    norm clipped at ``clip_norm``. Every ``validate_every`` updates the bits per
    character on the validation text are measured; the returned model holds the
    weights of the best measurement (early stopping), ``log["best_update"]`` says which.

    ``num_updates`` (default ``settings["num_updates"]``) stops early with the same
    schedule, so the first losses of a short run equal those of the full run (the test
    of the committed log relies on this). ``report(update, log)`` is called after each
    validation. ``log``: ``settings``, ``train_loss`` (nats, one per update),
    ``valid_bpc`` (``[update, bpc]`` pairs), ``best_update``, ``best_valid_bpc``.
    """
    total = settings["num_updates"]
    num_updates = total if num_updates is None else check_positive_int(num_updates, "num_updates")
    model = pretrain_model(corpus, settings)
    optimizer = Adam(model, lr=settings["lr"])
    chunks = stream_batches(corpus.encode("train"), settings["batch_size"], settings["steps"])
    valid_ids = corpus.encode("validation")
    log = {"settings": dict(settings), "train_loss": [], "valid_bpc": []}
    best = (np.inf, 0, {name: p.copy() for name, p, _ in model.named_parameters()})
    state = None
    for update in range(num_updates):
        position = update % len(chunks)
        if position == 0:
            state = None  # a new pass starts at the beginning of each stream
        optimizer.lr = settings["lr"] + (settings["final_lr"] - settings["lr"]) * update / total
        inputs, targets = chunks[position]
        loss, _, final = train_step(
            model,
            optimizer,
            inputs,
            targets,
            clip_norm=settings["clip_norm"],
            initial_state=state,
        )
        state = [tuple(part.copy() for part in layer) for layer in final]  # one per layer
        log["train_loss"].append(float(loss))
        done = update + 1
        if done % settings["validate_every"] == 0 or done == num_updates:
            bpc = float(bits_per_char(model, valid_ids))
            log["valid_bpc"].append([done, bpc])
            if bpc < best[0]:
                best = (bpc, done, {name: p.copy() for name, p, _ in model.named_parameters()})
            if report is not None:
                report(done, log)
    for name, param, _ in model.named_parameters():
        param[...] = best[2][name]
    log["best_valid_bpc"], log["best_update"] = best[0], best[1]
    return model, log


def load_pretrained(corpus):
    """The committed pretrained model and its training log: ``(model, log)``.

    Raises ``FileNotFoundError`` (saying to run ``make pretrain``) when the files are
    missing; :func:`rnnlib.io.load` checks every parameter's name, shape and dtype.
    """
    if not PRETRAINED_WEIGHTS.exists() or not PRETRAINED_LOG.exists():
        raise FileNotFoundError(
            f"{PRETRAINED_WEIGHTS} or its log is missing: run `make pretrain` to create them"
        )
    log = json.loads(PRETRAINED_LOG.read_text())
    model = pretrain_model(corpus, log["settings"])
    load(PRETRAINED_WEIGHTS, model)
    return model, log
