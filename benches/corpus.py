"""Benchmark corpora built from the bundled sample articles (shared by the
scripts in this folder; run them from the repository root)."""

from __future__ import annotations

import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent


def samples() -> list[str]:
    """The five sample articles, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]


def repeated(mb: float) -> tuple[list[str], int]:
    """The samples repeated into >= `mb` megabytes of separate documents, and
    their size in UTF-8 bytes."""
    arts = samples()
    docs: list[str] = []
    size = 0
    while size < mb * 1e6:
        for a in arts:
            docs.append(a)
            size += len(a.encode("utf-8"))
    return docs, size


def generate(n: int, seed: int = 7) -> list[str]:
    """`n` distinct articles mixed from the samples (deterministic): each
    takes a sample's header and a resampled set of paragraphs of all five."""
    arts = samples()
    heads = [a.split("\n\n", 3)[:3] for a in arts]
    paras = [p for a in arts for p in a.split("\n\n")[3:] if p.strip()]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        head = heads[i % len(heads)]
        body = rng.sample(paras, k=min(len(paras), rng.randint(4, 14)))
        docs.append("\n\n".join([*head, *body]) + f"\n\nرقم المقال {i}\n")
    return docs
