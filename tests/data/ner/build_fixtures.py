"""Build seed_articles.jsonl and paragraphs.jsonl from the hand annotations.

    python3 tests/data/ner/build_fixtures.py

seed_entities.tsv lists (article, surface, label); every occurrence of the
surface that starts a word (possibly after proclitics) and ends a word is
marked, longest first, without overlaps. paragraphs.txt uses inline
[[surface|LABEL]] markup. Offsets are code points into the text; the Rust
tests convert them to bytes.
"""

import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]")
PROCLITICS = set("وفبلك")


def starts_word(text, i):
    j = i
    while j > 0 and WORD.match(text[j - 1]):
        j -= 1
    prefix = text[j:i].replace("\u0640", "")
    prefix = re.sub(r"[\u064B-\u0652]", "", prefix)
    return len(prefix) <= 3 and all(c in PROCLITICS for c in prefix)


def ends_word(text, i):
    return i >= len(text) or not WORD.match(text[i])


def seeds():
    ann = {}
    with open(os.path.join(HERE, "seed_entities.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            art, surface, label = line.split("\t")
            ann.setdefault(art, []).append((surface, label))
    out = []
    for art, items in sorted(ann.items()):
        (path,) = glob.glob(os.path.join(ROOT, "examples", "articles", f"{art}_*.txt"))
        text = open(path, encoding="utf-8").read()
        found = []
        for surface, label in items:
            for m in re.finditer(re.escape(surface), text):
                s, e = m.start(), m.end()
                if starts_word(text, s) and ends_word(text, e):
                    found.append((s, e, label))
        found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken = [False] * len(text)
        ents = []
        for s, e, label in found:
            if any(taken[s:e]):
                continue
            for k in range(s, e):
                taken[k] = True
            ents.append({"start": s, "end": e, "text": text[s:e], "label": label})
        ents.sort(key=lambda x: x["start"])
        out.append({"id": art, "file": os.path.relpath(path, ROOT), "entities": ents})
    with open(os.path.join(HERE, "seed_articles.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


def paragraphs():
    out = []
    with open(os.path.join(HERE, "paragraphs.txt"), encoding="utf-8") as f:
        for n, line in enumerate(l for l in f if l.strip() and not l.startswith("#")):
            line = line.rstrip("\n")
            text, ents, pos = "", [], 0
            for m in re.finditer(r"\[\[([^|\]]+)\|([A-Z]+)\]\]", line):
                text += line[pos : m.start()]
                s = len(text)
                text += m.group(1)
                ents.append({"start": s, "end": len(text), "text": m.group(1), "label": m.group(2)})
                pos = m.end()
            text += line[pos:]
            out.append({"id": f"p{n + 1:02}", "text": text, "entities": ents})
    with open(os.path.join(HERE, "paragraphs.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


seeds()
paragraphs()
