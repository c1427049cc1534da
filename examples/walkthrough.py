"""A walkthrough: analyze a folder of raw articles, get pandas tables, and see
who is mentioned with whom.

    python examples/walkthrough.py [FOLDER]      (default: examples/articles)
"""

from __future__ import annotations

import itertools
import pathlib
import sys
from collections import Counter

import khabar

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "articles")
paths = sorted(p for p in folder.glob("*.txt"))
raws = [p.read_text(encoding="utf-8") for p in paths]

# 1. Parse and tag every article on all cores (the GIL is released).
docs = khabar.analyze_batch(raws)
for path, doc in zip(paths, docs):
    print(f"{path.name}: {doc}")

# 2. Offsets are code points into the raw text.
raw, doc = raws[0], docs[0]
for e in doc.entities[:8]:
    assert raw[e.start : e.end] == e.text
    print(f"  {e.label:9s} {e.text:30s} → {e.canonical}" + (f"  (title: {e.title})" if e.title else ""))

# 3. Two DataFrames: one row per article, one row per mention.
articles, entities = khabar.to_pandas(docs, ids=[p.name for p in paths])
print(articles[["id", "published", "paragraphs", "entities", "n_PERSON", "n_GPE"]])
print(entities.groupby("label", observed=True)["canonical"].agg(lambda s: s.value_counts().index[0]))

# 4. Who co-occurs with whom: people and organizations named in the same article.
pairs: Counter[tuple[str, str]] = Counter()
for _, group in entities[entities["label"].isin(["PERSON", "ORG"])].groupby("doc_id"):
    pairs.update(itertools.combinations(sorted(set(group["canonical"])), 2))
for (a, b), n in pairs.most_common(10):
    print(f"{n}  {a} — {b}")
