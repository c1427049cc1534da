"""The character n-gram name-likeness model of the name tables.

Multinomial naive Bayes on hashed character 2-, 3- and 4-grams of a
search-normalized word padded as `^word$`, its summed log-odds mapped to a
probability by a logistic fit (Platt scaling) on the training words.
Positives: the words of the name tables (names.py, after its common-word
filter) that carry a person bit. Negatives: wordfreq's Arabic words with a
folded Zipf frequency of at least NEG_ZIPF_MIN (common words; rarer ones are
often names or misspellings), taken in their bare form without sure
proclitics (as the tagger scores them), that are in no name list of any
source, unfiltered. Nothing of ANERcorp is used. The log-odds are
quantized to i8 (one scale) and written to `likeness.bin`:

    b"KNL1", u8 bucket bits, u8 min n, u8 max n, u8 0,
    f32 LE scale, f32 LE bias, 2**bits i8 weights

score(word) = sigmoid(bias + scale * sum of the weights of its n-grams'
buckets), an n-gram's bucket being FNV-1a (32 bit) of its UTF-8 bytes masked
to the low `bits` bits. names.rs implements the same; `likeness_check.tsv`
holds scores of Python's implementation for its test.
"""

import math
import os
import random
import struct

from arnorm import ARABIC_WORD, bare

BITS = 18
NMIN, NMAX = 2, 4
ALPHA = 0.5  # additive smoothing of the n-gram counts
NEG_ZIPF_MIN = 3.0
SEED = 17
# Logistic regression (the other model tried: measure_names.py's table).
EPOCHS = 4
L2 = 1e-6
LR = 0.1


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


_CACHE = {}


def buckets(word, bits=BITS):
    mask = (1 << bits) - 1
    s = "^" + word + "$"
    out = []
    for n in range(NMIN, NMAX + 1):
        for i in range(len(s) - n + 1):
            g = s[i : i + n]
            b = _CACHE.get(g)
            if b is None:
                b = _CACHE[g] = fnv1a(g.encode("utf-8"))
            out.append(b & mask)
    return out


def examples(bits_table, zipf, all_list_words):
    """(word, label) pairs; see the module doc."""
    import names

    pos = sorted(w for w, b in bits_table.items() if b & names.PERSON_BITS)
    negs = set()
    for w, zf in zipf.items():
        if not ARABIC_WORD.match(w) or zf < NEG_ZIPF_MIN:
            continue
        b = bare(w)
        if len(b) < 2 or w in all_list_words or b in all_list_words:
            continue
        negs.add(b)
    negs -= set(pos)
    return [(w, 1) for w in pos] + [(w, 0) for w in sorted(negs)]


def naive_bayes(data, bits=BITS):
    """(bias, log-odds per bucket) of multinomial naive Bayes, then Platt
    scaling of the summed log-odds (balanced classes)."""
    size = 1 << bits
    cp, cn = [0] * size, [0] * size
    for w, y in data:
        c = cp if y else cn
        for b in buckets(w, bits):
            c[b] += 1
    tp, tn = sum(cp) + ALPHA * size, sum(cn) + ALPHA * size
    wts = [math.log((p + ALPHA) / tp) - math.log((n + ALPHA) / tn) for p, n in zip(cp, cn)]
    sums = [(sum(wts[b] for b in buckets(w, bits)), y) for w, y in data]
    a, c = platt(sums)
    return c, [a * x for x in wts]


def platt(sums, iters=200):
    """a, c minimizing the class-balanced log loss of sigmoid(a * s + c)."""
    npos = sum(y for _, y in sums)
    wp, wn = len(sums) / (2.0 * npos), len(sums) / (2.0 * (len(sums) - npos))
    a, c = 0.1, 0.0
    for _ in range(iters):
        # Newton steps on the 2x2 problem.
        ga = gc = haa = hac = hcc = 0.0
        for s, y in sums:
            p = 1.0 / (1.0 + math.exp(-max(min(a * s + c, 30.0), -30.0)))
            w = wp if y else wn
            g = w * (p - y)
            h = w * p * (1.0 - p)
            ga += g * s
            gc += g
            haa += h * s * s
            hac += h * s
            hcc += h
        det = haa * hcc - hac * hac
        if det <= 0:
            break
        da = (hcc * ga - hac * gc) / det
        dc = (haa * gc - hac * ga) / det
        a, c = a - da, c - dc
        if abs(da) < 1e-9 and abs(dc) < 1e-9:
            break
    return a, c


def train_lr(data, bits=BITS, epochs=EPOCHS, seed=SEED):
    """Logistic regression by AdaGrad SGD; classes weighted to balance."""
    rnd = random.Random(seed)
    data = list(data)
    npos = sum(y for _, y in data)
    nneg = len(data) - npos
    wpos, wneg = len(data) / (2.0 * npos), len(data) / (2.0 * nneg)
    feats = [(buckets(w, bits), y) for w, y in data]
    wts = [0.0] * (1 << bits)
    g2 = [1e-8] * (1 << bits)
    bias, gb = 0.0, 1e-8
    for _ in range(epochs):
        rnd.shuffle(feats)
        for fs, y in feats:
            z = bias + sum(wts[f] for f in fs)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            g = (p - y) * (wpos if y else wneg)
            for f in fs:
                gf = g + L2 * wts[f]
                g2[f] += gf * gf
                wts[f] -= LR * gf / math.sqrt(g2[f])
            gb += g * g
            bias -= LR * g / math.sqrt(gb)
    return bias, wts


def quantize(bias, wts):
    m = max(abs(x) for x in wts) or 1.0
    scale = m / 127.0
    q = [max(-127, min(127, round(x / scale))) for x in wts]
    return scale, bias, q


def write(path, bits, scale, bias, q):
    with open(path, "wb") as f:
        f.write(b"KNL1")
        f.write(struct.pack("<BBBB", bits, NMIN, NMAX, 0))
        f.write(struct.pack("<ff", scale, bias))
        f.write(struct.pack(f"<{len(q)}b", *q))


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data[:4] == b"KNL1"
    bits, nmin, nmax, _ = struct.unpack("<BBBB", data[4:8])
    scale, bias = struct.unpack("<ff", data[8:16])
    q = struct.unpack(f"<{1 << bits}b", data[16:])
    return bits, scale, bias, q


def score(model, word):
    bits, scale, bias, q = model
    # f32 arithmetic as in Rust: sum of i32 weights, then one multiply-add.
    total = sum(q[b] for b in buckets(word, bits))
    z = struct.unpack("<f", struct.pack("<f", bias + scale * total))[0]
    return 1.0 / (1.0 + math.exp(-z))


def auc(pos, neg):
    """Mann-Whitney AUC (ties count one half)."""
    if not pos or not neg:
        return float("nan")
    allv = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j][0] == allv[i][0]:
            j += 1
        r = (i + j + 1) / 2.0
        rank_sum += r * sum(1 for k in range(i, j) if allv[k][1] == 1)
        i = j
    n1, n0 = len(pos), len(neg)
    return (rank_sum - n1 * (n1 + 1) / 2.0) / (n1 * n0)


def main(outdir, bits_table, zipf, all_list_words):
    data = examples(bits_table, zipf, all_list_words)
    # A held-out tenth of the lists and of the negatives: the validation
    # AUC printed below (the shipped model is trained on all of it).
    rnd = random.Random(SEED)
    held = [x for x in data if rnd.random() < 0.1]
    held_set = set(held)
    fit = [x for x in data if x not in held_set]
    b, w = naive_bayes(fit)
    model = (BITS, *quantize(b, w))
    val = auc([score(model, x) for x, y in held if y], [score(model, x) for x, y in held if not y])
    bias, wts = naive_bayes(data)
    scale, bias, q = quantize(bias, wts)
    write(os.path.join(outdir, "likeness.bin"), BITS, scale, bias, q)
    model = (BITS, scale, bias, q)
    with open(os.path.join(outdir, "likeness_check.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated — do not edit (scripts/gazetteers/generate.sh): word, likeness.py's score\n")
        rnd = random.Random(SEED + 1)
        for x, _ in rnd.sample(data, 200) + [("كيارستمي", 1), ("الحكومه", 0), ("ا", 0)]:
            f.write(f"{x}\t{score(model, x):.6f}\n")
    npos = sum(y for _, y in data)
    return {"positives": npos, "negatives": len(data) - npos, "validation_auc": round(val, 4)}
