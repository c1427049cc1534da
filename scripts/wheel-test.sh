#!/usr/bin/env bash
# The built wheel in a fresh virtualenv, with no Rust toolchain on PATH: pip
# installs it with its extras (binary packages only, nothing is compiled),
# then scripts/wheel_check.py runs the CLI on the sample articles (the same
# records as the developer build), the spaCy, polars, datasets and pandas
# paths and the examples. Called by test.sh after build-wheel.sh; needs .venv.
#
#   bash scripts/wheel-test.sh [WHEEL]        (default: the one in target/dist)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WHEEL="${1:-$(ls target/dist/khabar-*.whl)}"
WHEEL="$(cd "$(dirname "$WHEEL")" && pwd)/$(basename "$WHEEL")"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# The developer build's records, to compare against.
.venv/bin/khabar analyze --quiet --format jsonl -o "$TMP/reference.jsonl" examples/articles
# PATH without any folder that has cargo or rustc (rustup's ~/.cargo/bin).
CLEAN=""
IFS=: read -ra parts <<<"$PATH"
for d in "${parts[@]}"; do
  if [ -n "$d" ] && [ ! -e "$d/cargo" ] && [ ! -e "$d/rustc" ]; then
    CLEAN="${CLEAN:+$CLEAN:}$d"
  fi
done
"${PYTHON:-python3}" -m venv "$TMP/venv"
export PATH="$TMP/venv/bin:$CLEAN"
unset VIRTUAL_ENV CARGO_HOME RUSTUP_HOME
if command -v cargo >/dev/null || command -v rustc >/dev/null; then
  echo "wheel-test: cargo/rustc still on PATH" >&2
  exit 1
fi
"$TMP/venv/bin/python" -m pip install -q --disable-pip-version-check --only-binary=:all: \
  "$WHEEL[spacy,datasets,polars,pandas]"
echo "installed: $(basename "$WHEEL") into a fresh venv ($(du -sm "$TMP/venv" | cut -f1) MB with the extras)"
cd "$TMP"
KHABAR_REFERENCE_JSONL="$TMP/reference.jsonl" "$TMP/venv/bin/python" "$ROOT/scripts/wheel_check.py"
