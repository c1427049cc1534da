#!/usr/bin/env python3
"""The integrations' throughput, in one run: polars and datasets (through
khabar.arrow) against the pandas path, and the spaCy component's nlp.pipe on
one thread against two.

    bash scripts/env.sh >/dev/null; .venv/bin/python benches/ecosystem_throughput.py [--docs 2000] [--rounds 3] [--only frames|spacy]

The corpus is benches/corpus.py's ``generate(--docs)`` (distinct articles
mixed from the samples). Rates are MB/s of raw UTF-8 input, the median of
--rounds rounds; within a round every variant runs once, in an order that
rotates from round to round.

frames (all with threads=2, from a list of str to the user's frame):

- ``pandas``: ``khabar.to_pandas(khabar.analyze_batch(texts))`` (articles
  and entities DataFrames);
- ``polars``: ``khabar.polars.analyze(pl.Series(texts))`` (one DataFrame,
  entities as List(Struct));
- ``datasets``: ``Dataset.from_dict({"text": texts})`` mapped in Arrow format
  with the README's function (batch_size 1000, progress bars off);
- ``arrow``: ``khabar.arrow.analyze(pa.array(texts))``, the floor of the two.

spacy (``spacy.blank("ar")``, ``nlp.pipe(texts, batch_size=64)``):

- ``tokenizer``: the blank pipeline alone (spaCy's tokenizer, one thread);
- ``khabar/1``: with the component at ``threads=1`` (everything on the
  calling thread);
- ``khabar/2``: ``threads=2`` (analysis in Rust in a background thread,
  overlapping spaCy's tokenizing of the next batch);
- ``khabar/1 n_process=2``: ``threads=1`` in each of spaCy's two worker
  processes (``nlp.pipe(..., n_process=2)``: tokenizer included, the docs
  come back serialized, ``doc._.khabar`` with them);
- ``analyze_batch/1``, ``analyze_batch/2``: khabar alone, for reference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from corpus import generate


def run(variants: dict[str, Callable[[], Any]], size: int, rounds: int) -> dict[str, float]:
    rates: dict[str, list[float]] = {k: [] for k in variants}
    names = list(variants)
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            t = time.perf_counter()
            variants[name]()
            rates[name].append(size / 1e6 / (time.perf_counter() - t))
        print(f"round {r + 1}: " + "  ".join(f"{k} {v[-1]:.2f}" for k, v in rates.items()), flush=True)
    return {k: statistics.median(v) for k, v in rates.items()}


def frames(texts: list[str], size: int, rounds: int) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    import datasets
    import polars as pl
    import pyarrow as pa

    import khabar
    import khabar.arrow
    import khabar.polars

    datasets.disable_progress_bars()

    def with_analysis(batch: pa.Table) -> pa.Table:
        out = khabar.arrow.analyze(batch["text"], threads=2)
        return pa.Table.from_arrays(batch.columns + out.columns, batch.column_names + out.column_names)

    variants = {
        "pandas": lambda: khabar.to_pandas(khabar.analyze_batch(texts, threads=2)),
        "polars": lambda: khabar.polars.analyze(pl.Series(texts), threads=2),
        "datasets": lambda: datasets.Dataset.from_dict({"text": texts})
        .with_format("arrow")
        .map(with_analysis, batched=True, batch_size=1000),
        "arrow": lambda: khabar.arrow.analyze(pa.array(texts), threads=2),
    }
    med = run(variants, size, rounds)
    print("\nframes, medians (MB/s):")
    for k, v in med.items():
        print(f"  {k:10s} {v:6.2f}   {v / med['pandas']:4.2f}x pandas")


def spacy_pipe(texts: list[str], size: int, rounds: int) -> None:
    import spacy

    import khabar
    import khabar.spacy  # noqa: F401

    blank = spacy.blank("ar")
    nlps = {}
    for threads in (1, 2):
        nlps[threads] = spacy.blank("ar")
        nlps[threads].add_pipe("khabar", config={"threads": threads})
    variants = {
        "tokenizer": lambda: list(blank.pipe(texts, batch_size=64)),
        "khabar/1": lambda: list(nlps[1].pipe(texts, batch_size=64)),
        "khabar/2": lambda: list(nlps[2].pipe(texts, batch_size=64)),
        "khabar/1 n_process=2": lambda: list(nlps[1].pipe(texts, batch_size=64, n_process=2)),
        "analyze_batch/1": lambda: khabar.analyze_batch(texts, threads=1),
        "analyze_batch/2": lambda: khabar.analyze_batch(texts, threads=2),
    }
    med = run(variants, size, rounds)
    cpu = cpu_breakdown(texts, size, nlps[1])
    print("\nspacy, medians (MB/s):")
    for k, v in med.items():
        print(f"  {k:16s} {v:6.2f}")
    print(f"  nlp.pipe 2 threads / 1 thread: {med['khabar/2'] / med['khabar/1']:.2f}x")
    print(f"  nlp.pipe 2 processes (1 thread each) / 1 thread: {med['khabar/1 n_process=2'] / med['khabar/1']:.2f}x")
    print(f"  analyze_batch 2 threads / 1 thread: {med['analyze_batch/2'] / med['analyze_batch/1']:.2f}x")
    print("\nwhere one thread's CPU goes (CPU seconds per MB, this thread's clock):")
    for k, v in cpu.items():
        print(f"  {k:34s} {v:6.3f}")
    serial = cpu["spaCy tokenizer"] + cpu["doc.text"] + cpu["set_annotations"] + cpu["Documents (analyze_batch - arrow)"]
    rust = cpu["analysis in Rust (arrow, 1 thread)"]
    bound = (serial + rust) / max(serial, (serial + rust) / 2)
    print(f"  under the GIL: {serial:.3f}; GIL released: {rust:.3f}; "
          f"so 2 threads can be at most {bound:.2f}x one thread (Amdahl, two free cores)")


def cpu_breakdown(texts: list[str], size: int, nlp: Any) -> dict[str, float]:
    """CPU seconds per MB of each step of the component's one-thread path,
    on this thread's clock (less disturbed by other load than wall time)."""
    import pyarrow as pa

    import khabar
    import khabar.arrow

    comp = nlp.get_pipe("khabar")
    out: dict[str, float] = {}

    def clock(name: str, f: Callable[[], Any]) -> Any:
        t = time.thread_time()
        r = f()
        out[name] = (time.thread_time() - t) / (size / 1e6)
        return r

    docs = clock("spaCy tokenizer", lambda: [nlp.make_doc(t) for t in texts])
    clock("doc.text", lambda: [d.text for d in docs])
    kdocs = clock("analyze_batch, 1 thread", lambda: khabar.analyze_batch(texts, threads=1))
    array = pa.array(texts)
    clock("analysis in Rust (arrow, 1 thread)", lambda: khabar.arrow.analyze(array, threads=1))
    out["Documents (analyze_batch - arrow)"] = out["analyze_batch, 1 thread"] - out["analysis in Rust (arrow, 1 thread)"]
    clock("set_annotations", lambda: [comp.set_annotations(d, k, t) for d, k, t in zip(docs, kdocs, texts)])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", choices=["frames", "spacy"])
    args = ap.parse_args()
    texts = generate(args.docs)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} documents, {size / 1e6:.1f} MB; load average {os.getloadavg()[0]:.2f}", flush=True)
    if args.only in (None, "frames"):
        frames(texts, size, args.rounds)
    if args.only in (None, "spacy"):
        spacy_pipe(texts, size, args.rounds)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
