"""Score the installed khabar tagger on the inline-markup fixtures.

    python tests/data/ner/score_fixtures.py            # security + held-out
    python tests/data/ner/score_fixtures.py paragraphs # any NAME.jsonl here

Run it with the Python that has khabar installed (e.g. the worktree's
.venv after maturin develop).

Each paragraph is tagged on its own with khabar.tag(text). The matching rule
is the one of fixture_f1 in crates/khabar-tag/tests/lib.rs: predictions and
gold are both restricted to the scored labels, and a prediction counts only
if (start, end, label) equals a gold entity exactly. The scored labels are
fixture_f1's PERSON ORG GPE LOC NORP plus EQUIPMENT, which these fixtures
annotate; DATE and MISC are not annotated, so they are dropped on both sides.
Per-label P/R/F1 and micro figures are printed for each file, the micro also
over fixture_f1's five labels. The missed and spurious entities are listed
for security.jsonl only: security_heldout.jsonl (written before the rules)
and security_after.jsonl (written after them) are held out from tuning, so
only their totals are printed.
"""

import json
import os
import sys

import khabar

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SCORED = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT")
FIXTURE_F1 = ("PERSON", "ORG", "GPE", "LOC", "NORP")
DETAILS = {"security"}
HELD_OUT = {"security_heldout", "security_after"}


def load(name):
    docs = []
    with open(os.path.join(HERE, f"{name}.jsonl"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            if "file" in d:  # seed_articles.jsonl points at the article
                with open(os.path.join(ROOT, d["file"]), encoding="utf-8") as g:
                    d["text"] = g.read()
            for e in d["entities"]:
                got = d["text"][e["start"] : e["end"]]
                if got != e["text"]:
                    sys.exit(f"{name}.jsonl {d['id']}: offsets give {got!r}, not {e['text']!r}")
            docs.append(d)
    return docs


def prf(tp, pred, gold):
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(name):
    docs = load(name)
    counts = {l: [0, 0, 0] for l in SCORED}  # tp, pred, gold
    lines = []
    for d in docs:
        text = d["text"]
        tagged = khabar.tag(text)
        pred = {(e.start, e.end, e.label) for e in tagged if e.label in SCORED}
        gold = {(e["start"], e["end"], e["label"]) for e in d["entities"] if e["label"] in SCORED}
        for s, t, l in pred:
            counts[l][1] += 1
            if (s, t, l) in gold:
                counts[l][0] += 1
        for _, _, l in gold:
            counts[l][2] += 1

        def near(s, t, among):
            over = sorted((a, b, l) for a, b, l in among if a < t and s < b)
            return ", ".join(f"{l} {text[a:b]}" for a, b, l in over) or "-"

        every = {(e.start, e.end, e.label) for e in tagged}
        for s, t, l in sorted(gold - pred):
            lines.append(f"{d['id']} missed   {l:9} {text[s:t]}   (tagger: {near(s, t, every)})")
        for s, t, l in sorted(pred - gold):
            lines.append(f"{d['id']} spurious {l:9} {text[s:t]}   (gold: {near(s, t, gold)})")

    print(f"== {name}.jsonl: {len(docs)} documents, khabar {getattr(khabar, '__version__', '?')}")
    print(f"{'label':10}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for l in SCORED:
        tp, np_, ng = counts[l]
        p, r, f = prf(tp, np_, ng)
        print(f"{l:10}{ng:6}{np_:6}{tp:6}{p:8.3f}{r:8.3f}{f:8.3f}")
    for title, labels in (("micro", SCORED), ("micro-5", FIXTURE_F1)):
        tp, np_, ng = (sum(counts[l][k] for l in labels) for k in range(3))
        p, r, f = prf(tp, np_, ng)
        print(f"{title:10}{ng:6}{np_:6}{tp:6}{p:8.3f}{r:8.3f}{f:8.3f}")
    print("(micro: all six labels; micro-5: without EQUIPMENT, as fixture_f1)")
    if name in DETAILS:
        print(f"-- {name}: missed (in gold, not predicted) and spurious (predicted, not in gold)")
        print("\n".join(lines))
    print()


def main(argv):
    names = argv or ["security", "security_heldout", "security_after"]
    for name in names:
        score(name)


if __name__ == "__main__":
    main(sys.argv[1:])
