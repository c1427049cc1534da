"""Build seed_articles.jsonl and paragraphs.jsonl from the hand annotations.

    python3 tests/data/ner/build_fixtures.py

seed_entities.tsv lists (article, surface, label); every occurrence of the
surface that starts a word (possibly after proclitics) and ends a word is
marked, longest first, without overlaps. paragraphs.txt, security.txt,
security_heldout.txt and security_after.txt use inline [[surface|LABEL]]
markup, one paragraph per line, and become paragraphs.jsonl,
security.jsonl, security_heldout.jsonl and security_after.jsonl. Offsets are code points into the text; the Rust
tests convert them to bytes.

Malformed markup stops the build with every problem listed (file:line) and
exit status 1, and nothing is written for that file: an unknown label, a
stray [[ ]] or |, a span with surrounding spaces or punctuation, a span that
starts or ends inside a word (only proclitics و ف ب ل ك may be glued before
it), ل + a span starting with ال (after لل the span starts at the stem), and
a surface annotated in a paragraph but left bare elsewhere in it.
"""

import glob
import json
import os
import re
import sys

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


LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "DATE", "MISC"}
MARKUP = re.compile(r"\[\[([^|\[\]]+)\|([A-Z]+)\]\]")


def parse_line(line):
    """One annotated line: (text, entities, problems)."""
    text, ents, problems, pos = "", [], [], 0
    for m in MARKUP.finditer(line):
        text += line[pos : m.start()]
        surface, label = m.group(1), m.group(2)
        s = len(text)
        text += surface
        ents.append({"start": s, "end": len(text), "text": surface, "label": label})
        pos = m.end()
    text += line[pos:]
    for stray in ("[[", "]]", "|"):
        if stray in text:
            k = text.index(stray)
            problems.append(f"stray {stray!r} (malformed markup) near {text[max(0, k - 20) : k + 20]!r}")
    if not text.strip():
        problems.append("empty paragraph")
    for e in ents:
        s, t, surface = e["start"], e["end"], e["text"]
        if e["label"] not in LABELS:
            problems.append(f"unknown label {e['label']} on {surface!r}")
        if not (surface[0].isalnum() and surface[-1].isalnum()):
            problems.append(f"span {surface!r} starts or ends with a space or punctuation")
        if not starts_word(text, s):
            problems.append(f"span {surface!r} starts inside a word")
        if not ends_word(text, t):
            problems.append(f"span {surface!r} ends inside a word")
        if surface.startswith("ال") and s > 0 and text[s - 1] == "ل":
            problems.append(f"ل + {surface!r}: after لل the span starts at the stem")
    covered = [False] * len(text)
    for e in ents:
        for k in range(e["start"], e["end"]):
            covered[k] = True
    for surface in sorted({e["text"] for e in ents}):
        for m in re.finditer(re.escape(surface), text):
            s, t = m.start(), m.end()
            if not covered[s] and starts_word(text, s) and ends_word(text, t):
                problems.append(f"{surface!r} is annotated in this paragraph but bare at {s}")
    return text, ents, problems


def inline(src, dst, prefix):
    """Build dst (jsonl) from the inline markup in src; exit 1 on any problem."""
    out, problems = [], []
    with open(os.path.join(HERE, src), encoding="utf-8") as f:
        lines = [(k + 1, l.rstrip("\n")) for k, l in enumerate(f)]
    paras = [(k, l) for k, l in lines if l.strip() and not l.startswith("#")]
    for n, (lineno, line) in enumerate(paras):
        text, ents, bad = parse_line(line)
        problems += [f"{src}:{lineno}: {p}" for p in bad]
        out.append({"id": f"{prefix}{n + 1:02}", "text": text, "entities": ents})
    if problems:
        sys.exit("\n".join(problems) + f"\n{src}: {len(problems)} problem(s), {dst} not written")
    with open(os.path.join(HERE, dst), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


seeds()
inline("paragraphs.txt", "paragraphs.jsonl", "p")
inline("security.txt", "security.jsonl", "s")
inline("security_heldout.txt", "security_heldout.jsonl", "h")
inline("security_after.txt", "security_after.jsonl", "a")
