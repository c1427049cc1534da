#!/usr/bin/env bash
# Does this tree give the same `khabar analyze --format jsonl` output as
# revision REV? Builds REV beside the tree (benches/build_revision.sh), writes
# the three corpora of scripts/same_output.py, dumps both builds' output and
# compares them record by record, ignoring the keys given after REV (default:
# `source`, the field the structure change added to every entity).
#
#   bash scripts/same-output.sh REV [DIR] [--ignore KEY ...]
#
# DIR (default /tmp/khabar-same-output) holds the build of REV, the corpora
# and the two dumps. This tree's khabar is .venv's (scripts/env.sh builds it).
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: bash scripts/same-output.sh REV [DIR] [--ignore KEY ...]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
REV="$1"; shift
DIR=/tmp/khabar-same-output
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then DIR="$1"; shift; fi
source scripts/env.sh >/dev/null
bash benches/build_revision.sh "$REV" "$DIR/build" >/dev/null
python scripts/same_output.py corpora "$DIR/corpora"
python scripts/same_output.py dump "$DIR/corpora" "$DIR/before" --khabar "$DIR/build/venv/bin/khabar"
python scripts/same_output.py dump "$DIR/corpora" "$DIR/after" --khabar .venv/bin/khabar
python scripts/same_output.py compare "$DIR/before" "$DIR/after" "$@"
