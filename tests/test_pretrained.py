"""The committed pretrained character model of chapter 5 (``make pretrain``).

Re-runs the first updates of the script's own training function with the committed
settings and checks that they reproduce the committed log's first losses exactly (same
seed, same code path, one BLAS thread as the Makefile sets); then loads the weights.
"""

import json

import numpy as np

from rnnlib.data.text import load_python_docs
from rnnlib.experiments import ch05 as experiments
from rnnlib.io import load

FIRST_UPDATES = 3


def committed_log():
    return json.loads(experiments.PRETRAINED_LOG.read_text())


def test_the_log_was_written_with_the_current_settings():
    log = committed_log()
    assert log["settings"] == experiments.PRETRAIN_SETTINGS
    assert len(log["train_loss"]) == log["settings"]["num_updates"]
    updates = [update for update, _ in log["valid_bpc"]]
    assert log["best_update"] in updates
    assert log["best_valid_bpc"] == min(bpc for _, bpc in log["valid_bpc"])


def test_the_first_updates_reproduce_the_committed_log():
    log = committed_log()
    corpus = load_python_docs(rng=log["settings"]["corpus_seed"])
    _, rerun = experiments.pretrain_language_model(
        corpus, log["settings"], num_updates=FIRST_UPDATES
    )
    assert rerun["train_loss"] == log["train_loss"][:FIRST_UPDATES]


def test_the_weights_load_and_match_the_log():
    log = committed_log()
    corpus = load_python_docs(rng=log["settings"]["corpus_seed"])
    model, loaded_log = experiments.load_pretrained(corpus)
    assert loaded_log == log
    metadata = load(experiments.PRETRAINED_WEIGHTS, model)
    assert metadata["best_valid_bpc"] == log["best_valid_bpc"]
    assert all(param.dtype == np.float32 for _, param, _ in model.named_parameters())
    assert experiments.PRETRAINED_WEIGHTS.stat().st_size < 5_000_000
