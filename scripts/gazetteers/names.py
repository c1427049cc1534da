"""Generate the name tables of khabar-tag (run through generate.sh).

Writes, into the directory given as the only argument:
- `words.tsv`: one search-normalized word per line with its membership bits
  (see BITS) and the country it is most often a name part of;
- `phrases.tsv`: names of two words or more (full names, multi-word name
  parts such as `عبد الله`, organizations, places) with their kind bits;
- `likeness.bin` and `likeness_check.tsv`: the character n-gram
  name-likeness model (see likeness.py) and scores for the Rust test.
`cargo run --release --manifest-path scripts/gazetteers/build_names/Cargo.toml` then compiles the
TSVs into the FSTs under crates/khabar-tag/data/names/.

Sources (PyPI packages at pinned versions, installed by generate.sh; never
the sample articles, ANERcorp or test data):
- arabic-name-romanizer 0.2.0, `resources/names.sqlite3` (data CC0: Wikidata
  humans of 22 Arab countries plus AF/IR/PK and the Algerian Name
  Transcription Corpus; code MIT): full names, and name parts typed given /
  surname / unknown, each with a country.
- arwikicats 0.2.3 (MIT): notable people (`people/peoples.json`), clubs
  (`sports/Clubs_key.json`), organizations named with a head noun in its
  translation tables, places (`cities/cities_full.json`).
- mimesis 22.2.0 (MIT): given names and surnames of 13 Arab locales,
  university names.
- faker 40.54.0 (MIT): given and family names of ar_AA, ar_SA, ar_PS, ar_DZ.
- Debian packages (bookworm), unpacked by generate.sh into target/names-deb:
  libgeonames-common 0.3.0-1, `locale/ar/LC_MESSAGES/geonames.mo` (GeoNames
  data, CC BY 4.0: Arabic names of 7.6k places) and unicode-cldr-core
  41-0.1, `common/subdivisions/ar.xml` (Unicode licence: 4.3k Arabic names
  of provinces and regions). Places only; measured in names-coverage.md.
- wordfreq 3.1.1 (Apache-2.0; word lists CC BY-SA 4.0, used only to decide
  what to drop, nothing of it is shipped): the common-word filter and the
  negatives of the likeness model.
arabnamer 0.1.3 is measured (measure_names.py) but left out: see README.md
beside this script.
"""

import collections
import gettext
import importlib
import importlib.util
import json
import math
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from arnorm import normalize, words  # noqa: E402

# Word bits (u32 in the FST value's low half; the same in names.rs).
GIVEN = 1 << 0  # a given name (`فاطمه`, `بهرام`)
SURNAME = 1 << 1  # a surname (`البرغوثي`, `كيارستمي`)
UNKNOWN = 1 << 2  # a name part of unknown role
FULL_START = 1 << 3  # the first word of a listed full name
FULL_INSIDE = 1 << 4  # a later word of a listed full name
FOREIGN = 1 << 5  # a part of non-Arab names only (IR/AF/PK, foreign people)
ORG = 1 << 6  # a one-word organization name (`كوشيتسه` of `نادي كوشيتسه`)
PLACE = 1 << 7  # a one-word place name
PERSON_BITS = GIVEN | SURNAME | UNKNOWN | FULL_START | FULL_INSIDE | FOREIGN

# Phrase kinds (the phrase FST's values; the same in names.rs).
P_FULL = 1 << 0  # a person's full name
P_PART = 1 << 1  # a name part of several words (`عبد الله`, `ابو بكر`)
P_ORG = 1 << 2
P_PLACE = 1 << 3

# Countries whose names are transliterated from other languages (Persian,
# Pashto, Urdu): the "foreign" names of an Arabic news text.
NON_ARAB = {"IR", "AF", "PK"}

# Words dropped from the word table (and from the likeness positives) when
# their folded wordfreq Zipf frequency reaches this. Chosen by
# measure_names.py (the table in names-coverage.md).
ZIPF_MAX = 4.5

# Organization head nouns: a translated label that starts with one of these
# names an organization (`جامعة القاهرة`, `حزب العمال`).
ORG_HEADS = {
    "نادي", "جامعه", "حزب", "منظمه", "مجلس", "اتحاد", "هيئه", "حركه", "جبهه",
    "بنك", "مصرف", "شركه", "وكاله", "صحيفه", "قناه", "جمعيه", "مؤسسه", "كليه",
    "معهد", "منتخب",
}

def site(package, *parts):
    """A file inside an installed package, found without importing it (the
    packages' code and its dependencies are not installed: data only)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {package} is not installed (run generate.sh)")
    return os.path.join(spec.submodule_search_locations[0], *parts)


class Rec:
    """One name from one source: its words, a kind and attributes."""

    __slots__ = ("words", "kind", "role", "country", "foreign")

    def __init__(self, ws, kind, role="", country="", foreign=False):
        # foreign: True (a non-Arab name), False (an Arab-country name) or
        # None (not known: arwikicats people with an Arab-looking word).
        self.words = ws
        self.kind = kind  # "person", "part", "org", "place"
        self.role = role  # for parts: given / surname / unknown
        self.country = country
        self.foreign = foreign


def romanizer():
    db = sqlite3.connect(site("arabic_name_romanizer", "resources", "names.sqlite3"))
    out = []
    for key, role, country in db.execute("select arabic_key, role, country from units"):
        ws = words(key)
        if ws:
            out.append(Rec(ws, "part", role, country, country in NON_ARAB))
    for key, country in db.execute("select arabic_key, country from full_names"):
        ws = words(key)
        if ws and len(ws) >= 2:
            out.append(Rec(ws, "person", "", country, country in NON_ARAB))
    return out


def arwikicats_json(*path):
    with open(site("ArWikiCats", "jsons", *path), encoding="utf-8") as f:
        return json.load(f)


def arwikicats_people(arab_parts):
    """Notable people. A person is foreign when none of the words of the
    name is an Arab-country name part of the other sources, and of unknown
    origin otherwise (`عباس كيارستمي`: Abbas is Arab too)."""
    out = []
    for ar in arwikicats_json("people", "peoples.json").values():
        ws = words(ar)
        if not ws or len(ws) < 2:
            continue
        foreign = None if any(w in arab_parts for w in ws) else True
        out.append(Rec(ws, "person", "", "", foreign))
    return out


def arwikicats_orgs():
    out = []
    for ar in arwikicats_json("sports", "Clubs_key.json").values():
        ws = words(ar)
        if ws:
            out.append(Rec(ws, "org"))
    for path in (
        ("keys", "keys2.json"),
        ("keys", "keys2_py.json"),
        ("geography", "P17_2_final_ll.json"),
        ("cities", "yy2.json"),
    ):
        for ar in arwikicats_json(*path).values():
            if not isinstance(ar, str):
                continue
            ws = words(ar.split("(")[0])
            if ws and len(ws) >= 2 and ws[0] in ORG_HEADS:
                out.append(Rec(ws, "org"))
    return out


def arwikicats_places():
    out = []
    for ar in arwikicats_json("cities", "cities_full.json").values():
        ws = words(ar.split("(")[0])
        if ws:
            out.append(Rec(ws, "place"))
    return out


DEB = os.environ.get(
    "NAMES_DEB_DIR",
    os.path.join(os.path.dirname(os.path.dirname(HERE)), "target", "names-deb"),
)


def debian_places():
    """GeoNames' Arabic place names (libgeonames-common) and CLDR's
    subdivisions (unicode-cldr-core), from the unpacked Debian packages."""
    mo = os.path.join(DEB, "usr", "share", "locale", "ar", "LC_MESSAGES", "geonames.mo")
    xml = os.path.join(DEB, "usr", "share", "unicode", "cldr", "common", "subdivisions", "ar.xml")
    for path in (mo, xml):
        if not os.path.exists(path):
            raise SystemExit(f"{path} is missing: run scripts/gazetteers/generate.sh")
    out = []
    with open(mo, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog
    for key, ar in sorted(catalog.items()):
        ws = words(ar) if key else None
        if ws:
            out.append(Rec(ws, "place"))
    with open(xml, encoding="utf-8") as f:
        for ar in re.findall(r"<subdivision type=\"[^\"]+\"[^>]*>([^<]+)<", f.read()):
            ws = words(ar)
            if ws:
                out.append(Rec(ws, "place"))
    return out


MIMESIS_COUNTRY = {
    "ar-ae": "AE", "ar-dz": "DZ", "ar-eg": "EG", "ar-jo": "JO", "ar-kw": "KW",
    "ar-ma": "MA", "ar-om": "OM", "ar-qa": "QA", "ar-sa": "SA", "ar-sy": "SY",
    "ar-tn": "TN", "ar-ye": "YE", "ar": "",
}


def mimesis_names():
    out = []
    for loc, country in MIMESIS_COUNTRY.items():
        path = site("mimesis", "datasets", loc, "person.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        given = d.get("names", {})
        for lst in given.values() if isinstance(given, dict) else [given]:
            for n in lst:
                ws = words(n)
                if ws:
                    out.append(Rec(ws, "part", "given", country))
        sur = d.get("surnames", [])
        for lst in sur.values() if isinstance(sur, dict) else [sur]:
            for n in lst:
                ws = words(n)
                if ws:
                    out.append(Rec(ws, "part", "surname", country))
        for n in d.get("university", []):
            ws = words(n)
            if ws and len(ws) >= 2:
                out.append(Rec(ws, "org"))
    return out


def faker_names():
    out = []
    for loc, country in (("ar_AA", ""), ("ar_SA", "SA"), ("ar_PS", "PS"), ("ar_DZ", "DZ")):
        p = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr, role in (("first_names", "given"), ("last_names", "surname")):
            for n in getattr(p, attr, ()):
                ws = words(n)
                if ws:
                    out.append(Rec(ws, "part", role, country))
    return out


def arabnamer_names():
    """arabnamer's EN->AR name dictionary (measured only; not shipped)."""
    path = site("arabnamer", "data", "dict_FINAL.json")
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    out = []
    for ar in d.values():
        ws = words(ar)
        if ws:
            out.append(Rec(ws, "part", "unknown", "", None))
    return out


def collect(with_arabnamer=False):
    """Every shipped source's records, by source name."""
    src = {
        "romanizer": romanizer(),
        "mimesis": mimesis_names(),
        "faker": faker_names(),
    }
    arab_parts = {
        w
        for name in ("romanizer", "mimesis", "faker")
        for r in src[name]
        if r.foreign is False and r.kind in ("part", "person")
        for w in r.words
    }
    src["arwikicats_people"] = arwikicats_people(arab_parts)
    src["arwikicats_orgs"] = arwikicats_orgs()
    src["arwikicats_places"] = arwikicats_places()
    src["debian_places"] = debian_places()
    if with_arabnamer:
        src["arabnamer"] = arabnamer_names()
    return src


_ZIPF = None


def zipf_table():
    """wordfreq's Arabic frequencies summed over search-normalized forms
    (wordfreq keeps hamza and teh marbuta; the tables fold them)."""
    global _ZIPF
    if _ZIPF is None:
        import wordfreq

        acc = collections.Counter()
        for w, f in wordfreq.get_frequency_dict("ar", "best").items():
            acc[normalize(w)] += f
        _ZIPF = {w: math.log10(f * 1e9) for w, f in acc.items() if f > 0}
    return _ZIPF


def build(records, zipf_max=ZIPF_MAX, drop=None):
    """Word bits, word countries and phrase kinds from records.

    A word's bits are dropped when the word is common: folded Zipf >=
    `zipf_max` (None: keep all), or in `drop` (a set of words, for the
    measurement of other filters)."""
    bits = collections.defaultdict(int)
    arab = set()  # words seen as parts of Arab-country names
    countries = collections.defaultdict(collections.Counter)
    phrases = collections.defaultdict(int)
    for r in records:
        ws = r.words
        if r.kind == "part":
            role = {"given": GIVEN, "surname": SURNAME}.get(r.role, UNKNOWN)
            for w in ws:
                bits[w] |= role
            if len(ws) >= 2:
                phrases[" ".join(ws)] |= P_PART
                # News writes compounds joined too: عبدالله, ابوبكر.
                if ws[0] in ("عبد", "ابو", "ابن", "ام", "بن") or ws[-1].startswith("ال"):
                    bits["".join(ws)] |= role
        elif r.kind == "person":
            bits[ws[0]] |= FULL_START
            for w in ws[1:]:
                bits[w] |= FULL_INSIDE
            phrases[" ".join(ws)] |= P_FULL
        elif r.kind == "org":
            if ws[0] == "نادي" and len(ws) == 2:
                bits[ws[1]] |= ORG
            if len(ws) == 1:
                bits[ws[0]] |= ORG
            else:
                phrases[" ".join(ws)] |= P_ORG
        elif r.kind == "place":
            if len(ws) == 1:
                bits[ws[0]] |= PLACE
            else:
                phrases[" ".join(ws)] |= P_PLACE
        if r.kind in ("part", "person"):
            for w in ws:
                if r.foreign is False:
                    arab.add(w)
                if r.country:
                    countries[w][r.country] += 1
    for r in records:
        if r.kind in ("part", "person") and r.foreign is True:
            for w in r.words:
                if w not in arab:
                    bits[w] |= FOREIGN
    z = zipf_table() if zipf_max is not None else {}
    out = {}
    for w, b in bits.items():
        if zipf_max is not None and z.get(w, 0.0) >= zipf_max:
            continue
        if drop is not None and w in drop:
            continue
        if len(w) < 2:
            continue
        out[w] = b
    country = {w: c.most_common(1)[0][0] for w, c in countries.items() if w in out}
    return out, country, dict(phrases)


README = """# Name tables of khabar-tag: generated — do not edit

Regenerate with `scripts/gazetteers/generate.sh` (scripts/gazetteers/names.py,
likeness.py and build_names/); read by `crates/khabar-tag/src/names.rs`;
measured by `scripts/gazetteers/measure_names.py` (figures in
scripts/gazetteers/names-coverage.md).

- `words.fst`: search-normalized word -> membership bits (low 32 bits: given,
  surname, unknown part, full-name start, full-name inside, foreign, one-word
  organization, one-word place) and the country it is most often a name part
  of (two ASCII letters in bits 32-47). Words with a folded wordfreq Zipf
  frequency >= 4.5 are left out.
- `phrases.fst`: names of two words or more (words joined by one space) ->
  kind bits (full name, multi-word name part, organization, place).
- `likeness.bin`: the character 2-4-gram name-likeness model (format in
  likeness.py); `likeness_check.tsv`: scores by likeness.py for the Rust test.
- `stats.json`: the counts below.

Sources (versions and licences in NOTICE): arabic-name-romanizer 0.2.0
(`names.sqlite3`, data CC0: Wikidata and the Algerian Name Transcription
Corpus; code MIT), arwikicats 0.2.3 (MIT), mimesis 22.2.0 (MIT), faker
40.54.0 (MIT); wordfreq 3.1.1 decides what is common (none of its data is
shipped).

```json
{stats}
```
"""


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    src = collect()
    records = [r for lst in src.values() for r in lst]
    bits, country, phrases = build(records)
    with open(os.path.join(outdir, "words.tsv"), "w", encoding="utf-8") as f:
        for w in sorted(bits, key=lambda s: s.encode()):
            f.write(f"{w}\t{bits[w]}\t{country.get(w, '')}\n")
    with open(os.path.join(outdir, "phrases.tsv"), "w", encoding="utf-8") as f:
        for p in sorted(phrases, key=lambda s: s.encode()):
            f.write(f"{p}\t{phrases[p]}\n")
    import likeness

    raw, _, _ = build(records, zipf_max=None)
    model_stats = likeness.main(outdir, bits, zipf_table(), set(raw))
    counts = collections.Counter()
    for b in bits.values():
        for name, bit in (("given", GIVEN), ("surname", SURNAME), ("unknown", UNKNOWN),
                          ("full_start", FULL_START), ("full_inside", FULL_INSIDE),
                          ("foreign", FOREIGN), ("org", ORG), ("place", PLACE)):
            if b & bit:
                counts[name] += 1
    pk = collections.Counter()
    for v in phrases.values():
        for name, bit in (("full", P_FULL), ("part", P_PART), ("org", P_ORG), ("place", P_PLACE)):
            if v & bit:
                pk[name] += 1
    stats = {
        "sources": {k: len(v) for k, v in src.items()},
        "words": len(bits),
        "word_bits": dict(counts),
        "phrases": len(phrases),
        "phrase_kinds": dict(pk),
        "zipf_max": ZIPF_MAX,
        "likeness": model_stats,
    }
    with open(os.path.join(outdir, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1, sort_keys=True)
    with open(os.path.join(outdir, "README.md"), "w", encoding="utf-8") as f:
        f.write(README.format(stats=json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True)))
    print(json.dumps(stats, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
