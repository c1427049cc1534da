#!/usr/bin/env python3
"""Memory bounds: peak RSS of `khabar analyze` over 1x and 10x a corpus, and
what a `Document` costs while Python holds it.

    bash scripts/env.sh >/dev/null; .venv/bin/python benches/memory_bounds.py [--docs 1000] [--format jsonl]

The corpus is generated (into a temporary folder) from the bundled sample
articles: each document takes the header of one sample and a shuffled,
resampled set of paragraphs from all five, so no two files are alike. The CLI
streams (it reads, analyzes and writes 256 articles at a time), so its peak
RSS must not grow with the corpus: the script prints both peaks and their
ratio (the target is within 20%).

The per-document cost is measured in-process: RSS growth while a list of
`Document`s from `analyze_batch` is held (after a warm-up batch, so the model
and tables are already resident), divided by the number of documents, next
to the raw text's own size.
"""

from __future__ import annotations

import argparse
import gc
import os
import pathlib
import subprocess
import sys
import tempfile

from corpus import generate


def write_corpus(folder: pathlib.Path, docs: list[str]) -> int:
    size = 0
    for i, d in enumerate(docs):
        data = d.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        size += len(data)
    return size


def peak_rss_of(cmd: list[str]) -> int:
    """Peak resident set size (bytes) of one child process."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):  # 1: some documents had errors
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return usage.ru_maxrss * 1024  # kilobytes on Linux


def rss_now() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def per_document_cost(n: int) -> tuple[float, float, float]:
    import khabar

    docs = generate(n, seed=11)
    khabar.analyze_batch(generate(64, seed=3))  # model, tables, pools
    gc.collect()
    before = rss_now()
    held = khabar.analyze_batch(docs)
    gc.collect()
    after = rss_now()
    raw = sum(len(d.encode("utf-8")) for d in docs) / n
    ents = sum(len(d.entities) for d in held) / n
    return (after - before) / n, raw, ents


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000, help="documents in the 1x corpus")
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "table"])
    args = ap.parse_args()
    khabar_cmd = [sys.executable, "-m", "khabar.cli"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 10):
            folder = pathlib.Path(tmp) / f"x{factor}"
            folder.mkdir()
            size = write_corpus(folder, generate(args.docs * factor))
            peak = peak_rss_of([*khabar_cmd, "analyze", str(folder), "--format", args.format, "-q", "-o", os.devnull])
            rows.append((factor, args.docs * factor, size, peak))
            print(f"{factor:>2}x: {args.docs * factor:>7} documents, {size / 1e6:7.1f} MB raw -> peak RSS {peak / 2**20:6.1f} MiB")
    ratio = rows[1][3] / rows[0][3]
    print(f"peak RSS 10x / 1x: {ratio:.3f} (target <= 1.20)")
    cost, raw, ents = per_document_cost(2000)
    print(
        f"a held Document: {cost / 1024:.1f} KiB of RSS on average "
        f"({raw / 1024:.1f} KiB of raw text, {ents:.0f} entities): {cost / raw:.1f}x its raw text"
    )


if __name__ == "__main__":
    main()
