"""Summarize `train -- --cv` outputs: inner folds against the train tail.

Each file is the output of one run of
`cargo run --release -p khabar-tag-lab --example train -- --cv --seed S
--ablate SPEC`, named `CONFIG-SEED.txt`. The tail fold is the one that
starts last (the held-back tenth of train); the other three are the inner
folds. Per configuration this prints the means over seeds of the inner
folds and of the tail (F1, PERS, ORG), the spread of the per-seed means,
and each seed's inner/tail F1.

    python3 benches/cv_summary.py DIR
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

FOLD = re.compile(
    r"fold (\d+)\.\.: F1 ([\d.]+) .*PERS ([\d.]+) LOC ([\d.]+) ORG ([\d.]+) MISC ([\d.]+)"
)

Folds = dict[int, list[float]]


def read(path: Path) -> Folds:
    """The folds of one run: start -> [F1, PERS, LOC, ORG, MISC]."""
    folds: Folds = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = FOLD.match(line)
        if m:
            folds[int(m.group(1))] = [float(x) for x in m.groups()[1:]]
    return folds


def main(folder: str) -> None:
    """Print one line per configuration found in `folder`."""
    runs: dict[str, dict[str, Folds]] = collections.defaultdict(dict)
    for f in sorted(Path(folder).glob("*-*.txt")):
        config, seed = f.stem.rsplit("-", 1)
        folds = read(f)
        if len(folds) == 4:
            runs[config][seed] = folds
    for config, seeds in sorted(runs.items()):
        tail = max(next(iter(seeds.values())))

        def mean(on_tail: bool, k: int, seeds: dict[str, Folds] = seeds, tail: int = tail) -> float:
            v = [s[f][k] for s in seeds.values() for f in s if (f == tail) == on_tail]
            return sum(v) / len(v)

        inner = {s: sum(v[f][0] for f in v if f != tail) / 3 for s, v in seeds.items()}
        tails = {s: v[tail][0] for s, v in seeds.items()}
        per = " ".join(f"{s}:{inner[s]:.2f}/{tails[s]:.2f}" for s in seeds)
        spread = (
            f"{max(inner.values()) - min(inner.values()):.2f}/"
            f"{max(tails.values()) - min(tails.values()):.2f}"
        )
        print(
            f"{config}: seeds {len(seeds)} | inner F1 {mean(False, 0):.2f} PERS {mean(False, 1):.2f} "
            f"ORG {mean(False, 3):.2f} | tail F1 {mean(True, 0):.2f} PERS {mean(True, 1):.2f} "
            f"ORG {mean(True, 3):.2f} | spread {spread} | {per}"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
