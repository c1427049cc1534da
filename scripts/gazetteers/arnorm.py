"""Search normalization and the light proclitic analysis of khabar-tag, in
Python, for the name-table generator and its measuring script.

The tables are keyed by the forms the tagger looks up: the search-normalized
word (`crates/khabar-normalize`, profile `search`), its bare form (sure
proclitics stripped, article kept: `بالحسيني` -> `الحسيني`) and its stem
(article stripped too: `حسيني`). These functions follow
`khabar_normalize::rules` and `khabar_tag::token::analyze`; the Rust test
`names::tests::keys_are_search_normalized` checks that every generated key is
a fixed point of the Rust normalizer, so a drift between the two shows up
there.
"""

import re
import unicodedata

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ى": "ي", "ة": "ه", "ۃ": "ه", "ؤ": "و", "ئ": "ي", "ٸ": "ي",
    "ک": "ك", "ڪ": "ك", "ی": "ي", "ې": "ي", "ے": "ي", "ۓ": "ي",
    "ۀ": "ه", "ہ": "ه", "ۂ": "ه", "ە": "ه",
}
_DELETE = re.compile(
    "[\u0640\u200c\u200d\u200b\u200e\u200f\u061c\u064b-\u065f\u0670"
    "\u0610-\u061a\u06d6-\u06ed\u08d3-\u08ff]"
)
# A word the tables can hold: Arabic letters U+0621-U+064A only (after the
# folds above), so no Persian-only letters (پ چ ژ گ), digits or Latin.
ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+$")


def normalize(s):
    """The search profile on one string (what matters for names)."""
    s = unicodedata.normalize("NFC", s)
    s = _DELETE.sub("", s)
    s = "".join(_MAP.get(c, c) for c in s)
    return s.lower()


def words(s):
    """Search-normalized words of a name, or None when a word holds anything
    but Arabic letters (the tagger's tokenizer would split or shape it
    differently). Hyphens and the Arabic comma separate words."""
    out = []
    for w in re.split(r"[\s\-–،,]+", normalize(s)):
        if not w:
            continue
        if not ARABIC_WORD.match(w):
            return None
        out.append(w)
    return out or None


def analyze(norm):
    """(sure, maybe, al, stem) for a search-normalized word: the number of
    sure proclitic letters, of possible (unsure) ones, whether it carries the
    article, and the character index of the stem (as `token::analyze`)."""
    n = len(norm)
    if n < 3 or not ARABIC_WORD.match(norm):
        return 0, 0, False, 0
    if norm[0] == "ا" and norm[1] == "ل":
        return 0, 0, True, 2
    conj = 1 if norm[0] in "وف" else 0
    for p in (conj, conj + 1):
        if (
            p + 2 < n
            and (p == conj or norm[conj] in "بلك")
            and norm[p : p + 2] == "ال"
            and n - p - 2 >= 2
            and p > 0
        ):
            return p, 0, True, p + 2
    if norm[conj : conj + 2] == "لل" and n - conj - 2 >= 2:
        return conj + 2, 0, True, conj + 2
    maybe = 0
    if norm[0] in "وفبلك" and n >= 4:
        maybe = 1
        if conj == 1 and norm[1] in "بلك" and n >= 5:
            maybe = 2
    return 0, maybe, False, 0


def bare(norm):
    """The word without sure proclitics, article kept (`بالحسيني` ->
    `الحسيني`; after `لل` the stem: `للحسيني` -> `حسيني`)."""
    sure, _, al, stem = analyze(norm)
    if al and sure >= 2 and norm[:sure].endswith("لل"):
        return norm[stem:]
    return norm[sure:]


def forms(norm):
    """The forms of a normalized word the name tables are looked up with, as
    names.rs does: (form, unsure) pairs: the word and its bare form (unsure
    False), then the word with one or two possible proclitic letters
    stripped (`وعباس` -> `عباس`, unsure True). The stem without the article
    is not looked up: `الماضي` would hit the surname `ماضي` (measured: +0.7
    points of coverage for twice the O hits)."""
    out = [(norm, False)]
    b = bare(norm)
    if b and b != norm:
        out.append((b, False))
    _, maybe, _, _ = analyze(norm)
    for k in range(1, maybe + 1):
        out.append((norm[k:], True))
    return out
