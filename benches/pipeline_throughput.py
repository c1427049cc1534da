#!/usr/bin/env python3
"""End-to-end `khabar.analyze_batch` throughput at threads=1 and threads=2.

    bash scripts/env.sh >/dev/null; .venv/bin/python benches/pipeline_throughput.py [--mb 20] [--repeat 3]

The corpus is the bundled sample articles repeated into >= --mb megabytes of
separate documents (UTF-8 bytes of raw input). Prints MB/s per thread count
and the speed-up; the median of --repeat rounds, the two thread counts
interleaved within each round.
"""

from __future__ import annotations

import argparse
import statistics
import time

import khabar

from corpus import repeated


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs, size = repeated(args.mb)
    khabar.analyze_batch(docs[:20])  # load the model and tables
    print(f"corpus: {size / 1e6:.1f} MB in {len(docs)} articles; median of {args.repeat}")
    # Interleaved (threads=1 then threads=2, --repeat rounds), so that this
    # VM's drift in speed hits both alike.
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.repeat):
        for threads in (1, 2):
            t = time.perf_counter()
            out = khabar.analyze_batch(docs, threads=threads)
            times[threads].append(time.perf_counter() - t)
            assert len(out) == len(docs)
            del out
    rates = {}
    for threads, ts in times.items():
        rates[threads] = size / statistics.median(ts) / 1e6
        print(f"threads={threads}: {rates[threads]:.1f} MB/s ({statistics.median(ts):.2f} s)")
    print(f"speed-up threads=2 / threads=1: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
