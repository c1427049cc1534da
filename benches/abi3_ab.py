#!/usr/bin/env python3
"""The per-CPython-version wheel against the stable-ABI (abi3) wheel, A/B in
one run: normalize and analyze_batch throughput of each, each in its own
fresh virtualenv, in alternating child processes.

    bash scripts/build-wheel.sh target/dist                       # cp3XX wheel
    KHABAR_ABI3=1 bash scripts/build-wheel.sh target/dist-abi3    # abi3 wheel
    .venv/bin/python benches/abi3_ab.py target/dist/khabar-*.whl target/dist-abi3/khabar-*.whl [--rounds 5] [--mb 5]

The corpus is the sample articles repeated into >= --mb megabytes of separate
documents (benches/corpus.py). Per round, each wheel runs once (the order
alternates from round to round) and measures, in MB/s of raw UTF-8 input:

- ``normalize``: ``khabar.normalize(doc)`` (search profile) per document;
- ``analyze_batch/1`` and ``analyze_batch/2``: ``khabar.analyze_batch(docs,
  threads=1 / 2)`` (parse, tag, and the Python Documents).

It prints the median of each over the rounds and the ratio abi3 / per-version.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import venv

BENCHES = pathlib.Path(__file__).resolve().parent

CHILD = """
import json, sys, time
sys.path.insert(0, {benches!r})
import khabar
from corpus import repeated
docs, size = repeated({mb})
khabar.normalize(docs[0]); khabar.analyze(docs[0])      # warm the lazy tables
out = {{"module": khabar._khabar.__file__}}
t = time.perf_counter()
for d in docs:
    khabar.normalize(d)
out["normalize"] = size / 1e6 / (time.perf_counter() - t)
for threads in (1, 2):
    t = time.perf_counter()
    khabar.analyze_batch(docs, threads=threads)
    out[f"analyze_batch/{{threads}}"] = size / 1e6 / (time.perf_counter() - t)
print(json.dumps(out))
"""


def make_env(root: pathlib.Path, wheel: pathlib.Path) -> pathlib.Path:
    venv.create(root, with_pip=True)
    py = root / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", "--no-index", str(wheel)],
                   check=True)
    return py


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("per_version", type=pathlib.Path, help="the cp3XX wheel")
    ap.add_argument("abi3", type=pathlib.Path, help="the abi3 wheel")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-abi3-") as tmp:
        pys = {name: make_env(pathlib.Path(tmp) / name, wheel.resolve())
               for name, wheel in (("per-version", args.per_version), ("abi3", args.abi3))}
        code = CHILD.format(benches=str(BENCHES), mb=args.mb)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in pys}
        for r in range(args.rounds):
            order = list(pys) if r % 2 == 0 else list(reversed(pys))
            for name in order:
                run = subprocess.run([str(pys[name]), "-c", code], capture_output=True, text=True, check=True, cwd=tmp)
                row = json.loads(run.stdout)
                assert tmp in row.pop("module"), "the child must import the wheel it was given"
                results[name].append(row)
                print(f"round {r + 1} {name:12s} " + "  ".join(f"{k} {v:7.1f}" for k, v in row.items()), flush=True)
    print(f"\nmedians over {args.rounds} rounds, MB/s ({args.per_version.name} vs {args.abi3.name}):")
    for key in results["abi3"][0]:
        a = statistics.median(x[key] for x in results["per-version"])
        b = statistics.median(x[key] for x in results["abi3"])
        print(f"  {key:16s} per-version {a:8.1f}   abi3 {b:8.1f}   abi3/per-version {b / a:5.2f}")


if __name__ == "__main__":
    main()
