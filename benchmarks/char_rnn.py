"""rnnlib against a minimal hand-written numpy char-RNN, per training iteration.

    python benchmarks/char_rnn.py [--repeats 15] [--iterations 40]

The reference is Karpathy's min-char-rnn training loop, written fresh here: a vanilla
RNN with hidden size 100, 25 steps per chunk, batch 1, one-hot inputs over the
vocabulary of the course text, softmax cross-entropy, gradients clipped to [-5, 5] and
Adagrad (lr 0.1), the hidden state carried from chunk to chunk. rnnlib runs the same
iteration (forward + backward + update) with ``SequenceModel("rnn", ...)``,
``clip_grad_value`` and ``Adagrad``.

Both start from the same weights; before timing, the script checks that they give the
same loss and the same gradients (rnnlib averages the loss over the 25 steps, the
reference sums it, so gradients differ by that factor). Timing: blocks of
``--iterations`` iterations, the two implementations alternating (interleaved) for
``--repeats`` rounds, the median block time per iteration reported. The goal: rnnlib at
most 20 % slower than the reference (exit status 1 otherwise). The result is also
written to ``benchmarks/results/char_rnn.json``.

Timings depend on the machine's load; BLAS is limited to one thread (tiny matrices run
slower with thread hand-offs, badly so on a busy machine) unless OPENBLAS_NUM_THREADS
is already set.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from rnnlib.data.text import load_python_docs  # noqa: E402
from rnnlib.losses import softmax_cross_entropy  # noqa: E402
from rnnlib.models import SequenceModel  # noqa: E402
from rnnlib.optim import Adagrad, clip_grad_value  # noqa: E402

HIDDEN, STEPS, LR, CLIP = 100, 25, 0.1, 5.0
TOLERANCE = 1.20  # rnnlib may be at most 20 % slower


class MinCharRNN:
    """min-char-rnn: column vectors, one time step at a time, as in the original."""

    def __init__(self, vocab_size, hidden_size, rng):
        V, H = vocab_size, hidden_size
        self.vocab_size = V
        self.Wxh = rng.normal(0, 0.01, (H, V))
        self.Whh = rng.normal(0, 0.01, (H, H))
        self.Why = rng.normal(0, 0.01, (V, H))
        self.bh = np.zeros((H, 1))
        self.by = np.zeros((V, 1))
        self.params = [self.Wxh, self.Whh, self.Why, self.bh, self.by]
        self.memory = [np.zeros_like(p) for p in self.params]

    def loss_and_grads(self, inputs, targets, hprev):
        xs, hs, ps = {}, {-1: np.copy(hprev)}, {}
        loss = 0.0
        for t in range(len(inputs)):
            xs[t] = np.zeros((self.vocab_size, 1))
            xs[t][inputs[t]] = 1
            hs[t] = np.tanh(self.Wxh @ xs[t] + self.Whh @ hs[t - 1] + self.bh)
            ys = self.Why @ hs[t] + self.by
            e = np.exp(ys - ys.max())
            ps[t] = e / e.sum()
            loss += -np.log(ps[t][targets[t], 0])
        dWxh, dWhh, dWhy = (np.zeros_like(p) for p in (self.Wxh, self.Whh, self.Why))
        dbh, dby = np.zeros_like(self.bh), np.zeros_like(self.by)
        dhnext = np.zeros_like(hs[0])
        for t in reversed(range(len(inputs))):
            dy = np.copy(ps[t])
            dy[targets[t]] -= 1
            dWhy += dy @ hs[t].T
            dby += dy
            dh = self.Why.T @ dy + dhnext
            dhraw = (1 - hs[t] * hs[t]) * dh
            dbh += dhraw
            dWxh += dhraw @ xs[t].T
            dWhh += dhraw @ hs[t - 1].T
            dhnext = self.Whh.T @ dhraw
        return loss, [dWxh, dWhh, dWhy, dbh, dby], hs[len(inputs) - 1]

    def train_step(self, inputs, targets, hprev):
        loss, grads, hprev = self.loss_and_grads(inputs, targets, hprev)
        for param, grad, mem in zip(self.params, grads, self.memory, strict=True):
            np.clip(grad, -CLIP, CLIP, out=grad)
            mem += grad * grad
            param += -LR * grad / np.sqrt(mem + 1e-8)
        return loss, hprev


class RnnlibCharRNN:
    """The same iteration with rnnlib: forward, loss, backward, clip, Adagrad."""

    def __init__(self, reference: MinCharRNN):
        V, H = reference.vocab_size, reference.Whh.shape[0]
        self.model = SequenceModel("rnn", hidden_size=H, vocab_size=V, output_size=V, rng=0)
        cell = self.model.recurrent.layers[0].cell
        cell.params["W_xh"][...] = reference.Wxh
        cell.params["W_hh"][...] = reference.Whh
        cell.params["b"][...] = reference.bh[:, 0]
        self.model.head.params["W"][...] = reference.Why
        self.model.head.params["b"][...] = reference.by[:, 0]
        self.optimizer = Adagrad(self.model, lr=LR)

    def loss_and_grads(self, inputs, targets, state):
        logits, cache = self.model.forward(inputs[:, None], initial_state=state)
        loss, dlogits = softmax_cross_entropy(logits, targets[:, None])
        self.model.zero_grad()
        self.model.backward(dlogits, cache)
        return loss, cache.final_state

    def train_step(self, inputs, targets, state):
        loss, state = self.loss_and_grads(inputs, targets, state)
        clip_grad_value(self.model, CLIP)
        self.optimizer.step()
        return loss, state


def check_same_numbers(reference, ours, inputs, targets):
    """Same loss (sum = mean x steps) and the same gradients (up to that factor)."""
    hprev = np.zeros((reference.Whh.shape[0], 1))
    loss_ref, grads_ref, _ = reference.loss_and_grads(inputs, targets, hprev)
    loss, _ = ours.loss_and_grads(inputs, targets, None)
    assert abs(loss * len(inputs) - loss_ref) < 1e-8 * loss_ref, (loss, loss_ref)
    cell = ours.model.recurrent.layers[0].cell
    pairs = [
        (cell.grads["W_xh"], grads_ref[0]),
        (cell.grads["W_hh"], grads_ref[1]),
        (ours.model.head.grads["W"], grads_ref[2]),
        (cell.grads["b"], grads_ref[3][:, 0]),
        (ours.model.head.grads["b"], grads_ref[4][:, 0]),
    ]
    for mine, theirs in pairs:
        np.testing.assert_allclose(mine * len(inputs), theirs, rtol=1e-7, atol=1e-12)


def time_block(step, chunks, iterations, state):
    start = time.perf_counter()
    for k in range(iterations):
        inputs, targets = chunks[k % len(chunks)]
        _, state = step(inputs, targets, state)
    return (time.perf_counter() - start) / iterations, state


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15, help="interleaved rounds")
    parser.add_argument("--iterations", type=int, default=40, help="iterations per block")
    args = parser.parse_args(argv)

    corpus = load_python_docs(rng=0)
    ids = corpus.encode()[: 200 * STEPS + 1]
    chunks = [
        (ids[s : s + STEPS], ids[s + 1 : s + STEPS + 1]) for s in range(0, 200 * STEPS, STEPS)
    ]
    vocab_size = len(corpus.vocab)
    reference = MinCharRNN(vocab_size, HIDDEN, np.random.default_rng(0))
    ours = RnnlibCharRNN(reference)
    check_same_numbers(reference, ours, *chunks[0])

    ref_state, our_state = np.zeros((HIDDEN, 1)), None
    for _ in range(3):  # warm-up
        _, ref_state = time_block(reference.train_step, chunks, args.iterations, ref_state)
        _, our_state = time_block(ours.train_step, chunks, args.iterations, our_state)
    ref_times, our_times = [], []
    for r in range(args.repeats):
        order = [("ref", reference.train_step), ("ours", ours.train_step)]
        for name, step in order if r % 2 == 0 else order[::-1]:
            if name == "ref":
                seconds, ref_state = time_block(step, chunks, args.iterations, ref_state)
                ref_times.append(seconds)
            else:
                seconds, our_state = time_block(step, chunks, args.iterations, our_state)
                our_times.append(seconds)
    ref_ms, our_ms = 1e3 * np.median(ref_times), 1e3 * np.median(our_times)
    ratio = our_ms / ref_ms
    ok = ratio <= TOLERANCE
    print(
        f"char-RNN iteration (H={HIDDEN}, {STEPS} steps, batch 1, vocab {vocab_size}), "
        f"median of {args.repeats} interleaved blocks of {args.iterations}:"
    )
    print(f"  numpy min-char-rnn : {ref_ms:7.3f} ms/iteration")
    print(
        f"  rnnlib             : {our_ms:7.3f} ms/iteration   ratio {ratio:.2f} "
        f"({'OK' if ok else 'TOO SLOW'}: limit {TOLERANCE:.2f})"
    )
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / "char_rnn.json").write_text(
        json.dumps(
            {
                "hidden": HIDDEN,
                "steps": STEPS,
                "vocab_size": vocab_size,
                "reference_ms": ref_ms,
                "rnnlib_ms": our_ms,
                "ratio": ratio,
                "ok": bool(ok),
                "load_average": os.getloadavg()[0],
                "python": platform.python_version(),
                "numpy": np.__version__,
            },
            indent=2,
        )
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
