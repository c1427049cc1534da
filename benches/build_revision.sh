#!/usr/bin/env bash
# Build khabar as it was at a git revision, into a virtual environment of its
# own, for A/B runs against another build (benches/ab_pipeline.py).
#
#   bash benches/build_revision.sh REV DIR
#
# REV is anything git understands in this checkout (main, HEAD~3, a hash).
# It writes, under DIR (created if missing):
#   DIR/src/    the revision's files (git archive: no worktree to clean up)
#   DIR/venv/   a virtualenv with maturin and that revision's khabar wheel
#   DIR/wheel/  the wheel
#   DIR/REV     the full commit hash that was built
# and prints DIR/venv/bin/python on its last line.
#
# PYTHON picks the interpreter (default: python3). The Rust build goes to
# DIR/target unless CARGO_TARGET_DIR says otherwise; pointing it at the
# checkout's target/ reuses the compiled dependencies (a first build from
# nothing takes several minutes on 2 cores). Building DIR again replaces
# DIR/src, DIR/wheel and the installed khabar, and keeps the venv.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: bash benches/build_revision.sh REV DIR" >&2
  exit 2
fi
REV="$1"
DIR="$2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HASH="$(git -C "$ROOT" rev-parse --verify "$REV^{commit}")"
PY="${PYTHON:-python3}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

rm -rf "$DIR/src" "$DIR/wheel"
mkdir -p "$DIR/src"
git -C "$ROOT" archive "$HASH" | tar -x -C "$DIR/src"
echo "$HASH" >"$DIR/REV"

if [ ! -x "$DIR/venv/bin/python" ]; then
  "$PY" -m venv "$DIR/venv"
fi
"$DIR/venv/bin/python" -m pip install -q --disable-pip-version-check "maturin>=1.5,<2"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$DIR/target}"
# Release build for this venv's interpreter, with the options of the
# revision's own pyproject.toml.
(cd "$DIR/src" && "$DIR/venv/bin/maturin" build --release -q -i "$DIR/venv/bin/python" -o "$DIR/wheel")
"$DIR/venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$DIR"/wheel/khabar-*.whl
"$DIR/venv/bin/python" -c "import khabar; print('khabar from', khabar.__file__)" >&2
echo "built ${HASH:0:12} ($REV) into $DIR" >&2
echo "$DIR/venv/bin/python"
