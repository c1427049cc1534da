"""Measure the name tables on the ANERcorp train tail (run with the
generator's venv: `.gaz-venv/bin/python scripts/gazetteers/measure_names.py`
after `scripts/gazetteers/generate.sh`).

Protocol (as in ../shared/notes/gazetteer-sources.md): the sentences of
data/anercorp/ANERCorp_CamelLab_train.txt are split 90/10 in order; the
first 90% is "seen". A tail token is an *unseen person token* when it is
tagged B-/I-PERS and its search-normalized form is never tagged as a person
in the seen part. A table *covers* a token when one of the token's lookup
forms (the word, its bare form without sure proclitics, its stem without the
article: `arnorm.forms`, as names.rs looks them up) has a bit of the table.
The *O-hit rate* is the share of the tail's O tokens that a table hits the
same way. The test split is not read.

Printed, and kept in names-coverage.md beside this script:
1. coverage and O hits per source and for the union, at the shipped
   filter (folded wordfreq Zipf >= names.ZIPF_MAX dropped);
2. the filter trade-off (no filter, Zipf thresholds, the seen part's
   O-majority words), for the union;
3. places and organizations against the existing gazetteer;
4. the name-likeness model's AUC: unseen person tokens in no list against
   rare O tokens (no form in any table, folded Zipf < 3), both by their bare
   form; the model is read back from likeness.bin, the file names.rs embeds.
"""

import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import likeness  # noqa: E402
import names  # noqa: E402
from arnorm import bare, forms, normalize  # noqa: E402

TRAIN = os.path.join(ROOT, "data", "anercorp", "ANERCorp_CamelLab_train.txt")
GAZ = os.path.join(ROOT, "crates", "khabar-tag", "data", "gazetteer.tsv")
DATA = os.path.join(ROOT, "crates", "khabar-tag", "data", "names")


def sentences(path):
    out, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    out.append(cur)
                cur = []
                continue
            cur.append((normalize(parts[0]), parts[-1]))
    if cur:
        out.append(cur)
    return out


def split():
    sents = sentences(TRAIN)
    cut = len(sents) * 9 // 10
    return sents[:cut], sents[cut:]


def person_sets(seen, tail):
    seen_pers = {w for s in seen for w, t in s if t.endswith("PERS")}
    unseen = [w for s in tail for w, t in s if t.endswith("PERS") and w not in seen_pers]
    o_tokens = [w for s in tail for w, t in s if t == "O"]
    return unseen, o_tokens


def hit(table, w, mask, unsure=True):
    return any(table.get(f, 0) & mask for f, u in forms(w) if unsure or not u)


def rate(table, tokens, mask, unsure=True):
    if not tokens:
        return 0.0
    return 100.0 * sum(hit(table, w, mask, unsure) for w in tokens) / len(tokens)


def pct(x):
    return f"{x:5.1f}%"


def row(label, table, unseen, o_tokens, mask, size=None):
    """A table row: coverage and O hits by the word and its bare form, then
    with the unsure-proclitic forms too."""
    size = len(table) if size is None else size
    return (f"| {label} | {size} | {pct(rate(table, unseen, mask, False))} | "
            f"{pct(rate(table, o_tokens, mask, False))} | {pct(rate(table, unseen, mask))} | "
            f"{pct(rate(table, o_tokens, mask))} |")


HEAD = ("| table | words | unseen PERS covered (word, bare) | O hits (word, bare) | "
        "covered (+ unsure proclitic) | O hits (+ unsure) |\n|---|---:|---:|---:|---:|---:|")


def main():
    seen, tail = split()
    unseen, o_tokens = person_sets(seen, tail)
    print(f"seen sentences {len(seen)}, tail sentences {len(tail)}")
    print(f"unseen person tokens {len(unseen)}, O tokens {len(o_tokens)}\n")
    src = names.collect(with_arabnamer=True)
    P = names.PERSON_BITS

    # The hand list of the existing gazetteer, for comparison with the note.
    given_hand = {}
    with open(GAZ, encoding="utf-8") as f:
        gaz = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    for cols in gaz:
        if cols[0] == "given":
            for w in normalize(cols[1]).split():
                given_hand[w] = names.GIVEN

    print("## 1. person tables at the shipped filter (Zipf >= %.1f dropped)\n" % names.ZIPF_MAX)
    print(HEAD)
    print(row("hand given.tsv (existing)", given_hand, unseen, o_tokens, P))
    shipped = [k for k in src if k != "arabnamer"]
    for name in list(src):
        t, _, _ = names.build(src[name])
        print(row(name, t, unseen, o_tokens, P))
    rec = [r for k in shipped for r in src[k]]
    union, _, phrases = names.build(rec)
    print(row("**union (shipped)**", union, unseen, o_tokens, P))
    u2, _, _ = names.build(rec + src["arabnamer"])
    print(row("union + arabnamer (not shipped)", u2, unseen, o_tokens, P))
    for label, bit in (("given", names.GIVEN), ("surname", names.SURNAME), ("unknown", names.UNKNOWN),
                       ("full_start", names.FULL_START), ("full_inside", names.FULL_INSIDE),
                       ("foreign", names.FOREIGN)):
        n = sum(1 for b in union.values() if b & bit)
        print(row(f"union, bit {label} only", union, unseen, o_tokens, bit, n))

    print("\n## 2. common-word filter trade-off (union of shipped sources)\n")
    print(HEAD.replace("| table |", "| filter |"))
    counts = collections.defaultdict(collections.Counter)
    for s in seen:
        for w, t in s:
            counts[w][t == "O"] += 1
    omaj = {w for w, c in counts.items() if c[True] > c[False]}
    omaj2 = {w for w, c in counts.items() if c[True] > c[False] and c[True] >= 2}
    for label, zmax, drop in (
        ("none", None, None),
        ("Zipf >= 5.0", 5.0, None),
        ("Zipf >= 4.5 (shipped)", 4.5, None),
        ("Zipf >= 4.0", 4.0, None),
        ("Zipf >= 3.5", 3.5, None),
        ("seen O-majority", None, omaj),
        ("seen O-majority, count >= 2", None, omaj2),
        ("Zipf >= 4.5 + seen O-majority", 4.5, omaj),
    ):
        t, _, _ = names.build(rec, zipf_max=zmax, drop=drop)
        print(row(label, t, unseen, o_tokens, P))

    print("\n## 3. places and organizations against the existing gazetteer\n")
    seen_loc = {w for s in seen for w, t in s if t.endswith("LOC")}
    unseen_loc = [w for s in tail for w, t in s if t.endswith("LOC") and w not in seen_loc]
    seen_org = {w for s in seen for w, t in s if t.endswith("ORG")}
    unseen_org = [w for s in tail for w, t in s if t.endswith("ORG") and w not in seen_org]
    gaz_place, gaz_org = {}, {}
    for cols in gaz:
        ws = normalize(cols[1]).split()
        if cols[0] in ("gpe", "loc") and len(ws) == 1:
            gaz_place[ws[0]] = 1
        if cols[0] in ("org", "team", "company"):
            for w in ws:
                gaz_org[w] = 1
    new_place = {w: 1 for w, b in union.items() if b & names.PLACE}
    new_org = {w: 1 for p, k in phrases.items() if k & names.P_ORG for w in p.split()}
    for w, b in union.items():
        if b & names.ORG:
            new_org[w] = 1
    both_place = {**gaz_place, **new_place}
    both_org = {**gaz_org, **new_org}
    print(f"unseen LOC tokens {len(unseen_loc)}, unseen ORG tokens {len(unseen_org)}\n")
    print(HEAD.replace("unseen PERS", "unseen LOC/ORG tokens"))
    for label, t, toks in (
        ("gazetteer gpe/loc, one word", gaz_place, unseen_loc),
        ("names PLACE bit", new_place, unseen_loc),
        ("gazetteer + names PLACE", both_place, unseen_loc),
        ("gazetteer org/team/company words", gaz_org, unseen_org),
        ("names org words (phrases + ORG bit)", new_org, unseen_org),
        ("gazetteer + names org words", both_org, unseen_org),
    ):
        print(row(label, t, toks, o_tokens, 1))
    # 47 unseen LOC tokens are few: the gazetteer is not built from
    # ANERcorp, so the whole train file can tell what each place source
    # adds to it.
    all_loc = [w for s in seen + tail for w, t in s if t.endswith("LOC")]
    all_o = [w for s in seen + tail for w, t in s if t == "O"]
    print(f"\nWhole train file: {len(all_loc)} LOC tokens, {len(all_o)} O tokens; "
          "tokens that the gazetteer (one-word gpe/loc) does not cover and a source does:\n")
    print("| source | LOC tokens added | O tokens added |")
    print("|---|---:|---:|")
    have = dict(gaz_place)
    for name in ("arwikicats_places", "debian_places"):
        t = {w: 1 for w, b in names.build(src[name])[0].items() if b & names.PLACE}
        add_loc = sum(1 for w in all_loc if hit(t, w, 1) and not hit(have, w, 1))
        add_o = sum(1 for w in all_o if hit(t, w, 1) and not hit(have, w, 1))
        print(f"| {name} (over the gazetteer{' + arwikicats' if name == 'debian_places' else ''}) | "
              f"{add_loc} ({100.0 * add_loc / len(all_loc):.2f}%) | {add_o} ({100.0 * add_o / len(all_o):.2f}%) |")
        have.update(t)

    print("\n## 4. name-likeness AUC\n")
    model = likeness.load(os.path.join(sys.argv[1] if len(sys.argv) > 1 else DATA, "likeness.bin"))
    z = names.zipf_table()

    def in_lists(w):
        return any(f in u2 for f, _ in forms(w))

    pos = [bare(w) for w in unseen if not in_lists(w) and len(bare(w)) >= 2]
    neg = sorted({bare(w) for w in o_tokens
                  if not in_lists(w) and z.get(w, 0.0) < 3.0 and len(bare(w)) >= 2
                  and w.isalpha() and all("\u0621" <= c <= "\u064a" for c in w)})
    pos = [w for w in pos if all("\u0621" <= c <= "\u064a" for c in w)]
    ps = [likeness.score(model, w) for w in pos]
    ns = [likeness.score(model, w) for w in neg]
    print(f"positives (unseen person tokens in no list, incl. arabnamer): {len(ps)}; "
          f"negatives (distinct rare O tokens in no list, Zipf < 3): {len(ns)}")
    print(f"AUC {likeness.auc(ps, ns):.3f}")
    for thr in (0.5, 0.7, 0.9):
        tp = sum(s >= thr for s in ps) / max(len(ps), 1)
        fp = sum(s >= thr for s in ns) / max(len(ns), 1)
        print(f"  score >= {thr}: {100 * tp:.1f}% of positives, {100 * fp:.1f}% of negatives")
    allo = [likeness.score(model, bare(w)) for w in o_tokens
            if all("\u0621" <= c <= "\u064a" for c in w) and len(w) >= 2]
    allp = [likeness.score(model, bare(w)) for w in unseen
            if all("\u0621" <= c <= "\u064a" for c in w) and len(w) >= 2]
    print(f"AUC all unseen person tokens vs all Arabic O tokens: {likeness.auc(allp, allo):.3f} "
          f"({len(allp)} / {len(allo)})")
    # The lists and the model together: a token is a name candidate when it
    # is in a list (all forms) or its bare form scores at least t.
    arabic = lambda w: all("\u0621" <= c <= "\u064a" for c in w)  # noqa: E731
    for thr in (0.7, 0.9):
        def cand(w):
            return hit(union, w, P) or (arabic(w) and likeness.score(model, bare(w)) >= thr)
        cov = 100.0 * sum(map(cand, unseen)) / len(unseen)
        oh = 100.0 * sum(map(cand, o_tokens)) / len(o_tokens)
        print(f"union (shipped) or likeness >= {thr}: covers {cov:.1f}% of unseen person tokens, "
              f"hits {oh:.1f}% of O tokens")


if __name__ == "__main__":
    main()
