"""Train chapter 5's larger character model and write its weights and training log.

    make pretrain          (or: python scripts/pretrain_char_model.py [--updates N])

The model and its schedule are ``rnnlib.experiments.ch05.PRETRAIN_SETTINGS`` (a 2-layer
GRU of 256 units on the chapter's training split of Python's help pages, 900 updates of
32 x 100 characters, about 7 passes over the text). It writes ``pretrained/char_gru.npz`` (float32 weights, via
``rnnlib.io.save``, the settings and scores in its metadata) and
``pretrained/char_gru_log.json`` (the training loss of every update, the validation bits
per character every 150 updates, the best update and the wall time). Chapter 5 loads
both; ``tests/test_pretrained.py`` re-runs the first updates and compares their losses
with the log's. One BLAS thread; the committed run took 21 minutes on a busy shared 2-core
machine (about 6 estimated from the time per update on an idle one); the log records it.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from rnnlib.data.text import load_python_docs  # noqa: E402
from rnnlib.experiments import ch05 as experiments  # noqa: E402
from rnnlib.io import save  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--updates", type=int, default=None, help="stop early (a trial run; default: all)"
    )
    args = parser.parse_args(argv)
    settings = experiments.PRETRAIN_SETTINGS
    corpus = load_python_docs(rng=settings["corpus_seed"])
    start = time.perf_counter()

    def report(update, log):
        recent = np.mean(log["train_loss"][-settings["validate_every"] :]) / np.log(2)
        print(
            f"update {update:5d}: training {recent:.3f} bpc, validation "
            f"{log['valid_bpc'][-1][1]:.3f} bpc, {time.perf_counter() - start:6.0f} s",
            flush=True,
        )

    model, log = experiments.pretrain_language_model(
        corpus, settings, num_updates=args.updates, report=report
    )
    log["seconds"] = time.perf_counter() - start
    log["machine"] = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "cpus": os.cpu_count(),
    }
    experiments.PRETRAINED_DIR.mkdir(exist_ok=True)
    save(
        experiments.PRETRAINED_WEIGHTS,
        model,
        metadata={
            "settings": settings,
            "best_update": log["best_update"],
            "best_valid_bpc": log["best_valid_bpc"],
        },
    )
    experiments.PRETRAINED_LOG.write_text(json.dumps(log, indent=1) + "\n")
    print(
        f"best validation score {log['best_valid_bpc']:.3f} bpc after update "
        f"{log['best_update']}; {log['seconds'] / 60:.1f} min; wrote "
        f"{experiments.PRETRAINED_WEIGHTS} and {experiments.PRETRAINED_LOG}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
