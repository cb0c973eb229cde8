"""Library speed against the machine's matrix-multiply peak (a benchmark, not a test).

Times forward + backward of one recurrent layer (vanilla RNN, LSTM, GRU) at
T=64, B=32, D=64, H=128 in float32 and float64, and reports achieved GFLOP/s next to
numpy's own large matrix multiply measured in the same run. FLOPs counted are the
matrix products (2 m n k each): forward x W_xh^T and h W_hh^T, backward dW_xh, dx,
dW_hh and dh, i.e. 3 x the forward's 2 T B G H (D + H), with G the number of gate blocks.

Usage: python benchmarks/core.py [--repeats N] [--threads 1 2]

``--threads`` runs the whole measurement once per BLAS thread count (each in a fresh
process, since OpenBLAS reads OPENBLAS_NUM_THREADS when numpy loads); the peak is
measured with the same thread count as the layers it is compared with.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time

import numpy as np

from rnnlib import Recurrent
from rnnlib.cells import CELL_TYPES

T, B, D, H = 64, 32, 64, 128


def best_time(fn, repeats):
    fn()  # warm up (allocations, BLAS threads)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), float(np.median(times))


def matmul_peak(dtype, repeats):
    n = 1024
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(n, n)).astype(dtype), rng.normal(size=(n, n)).astype(dtype)
    best, _ = best_time(lambda: a @ b, repeats)
    return 2 * n**3 / best / 1e9


def layer_flops(blocks):
    return 3 * 2 * T * B * blocks * H * (D + H)


def time_layer(cls, dtype, repeats):
    rng = np.random.default_rng(0)
    layer = Recurrent(cls(D, H, rng=rng, dtype=dtype))
    x = rng.normal(size=(T, B, D)).astype(dtype)
    dh = rng.normal(size=(T, B, H)).astype(dtype)

    def step():
        layer.zero_grad()
        _, cache = layer.forward(x)
        layer.backward(dh, cache)

    return best_time(step, repeats)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--threads", type=int, nargs="*", help="BLAS thread counts to compare")
    args = parser.parse_args()
    if args.threads:
        for threads in args.threads:
            env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads))
            command = [sys.executable, __file__, "--repeats", str(args.repeats)]
            subprocess.run(command, env=env, check=True)
            print()
        return
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"numpy {np.__version__}, BLAS threads: {threads}"
    )
    print(f"layer: T={T} B={B} D={D} H={H}, forward + backward, best of {args.repeats}\n")
    print("| cell | dtype | best ms | median ms | GFLOP/s | matmul peak GFLOP/s | % of peak |")
    print("|---|---|---|---|---|---|---|")
    for dtype in (np.float32, np.float64):
        peak = matmul_peak(dtype, args.repeats)
        for name, cls in CELL_TYPES.items():
            best, median = time_layer(cls, dtype, args.repeats)
            gflops = layer_flops(cls.num_blocks) / best / 1e9
            print(
                f"| {name.upper()} | {np.dtype(dtype).name} | {best * 1e3:.2f} | {median * 1e3:.2f} | "
                f"{gflops:.1f} | {peak:.1f} | {100 * gflops / peak:.0f}% |"
            )


if __name__ == "__main__":
    main()
