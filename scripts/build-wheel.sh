#!/usr/bin/env bash
# The wheel that installs without Rust, and the sdist.
#
#   bash scripts/build-wheel.sh [OUT]          (default OUT: target/dist)
#   KHABAR_ABI3=1 bash scripts/build-wheel.sh  one stable-ABI wheel (cp310-abi3) instead
#
# A manylinux_2_28 wheel (glibc >= 2.28: Debian 10+, Ubuntu 18.10+, RHEL 8+)
# for the CPython that runs maturin. Built with zig as the linker and C
# compiler (maturin --zig, zig from PyPI's ziglang) because this machine's
# glibc is 2.36: a plain `maturin build` links against symbols up to
# GLIBC_2.34, which maturin's own manylinux check then refuses. The check
# still runs (maturin audits every wheel it tags manylinux), and
# `auditwheel show` confirms the tag independently. The sdist holds every
# crate and the Python package (`maturin build --sdist` once built this
# wheel from it); this script checks its file list against git.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-target/dist}"
PY="$ROOT/.venv/bin/python"
test -x "$PY" || { echo "build-wheel: run scripts/env.sh first (needs .venv)" >&2; exit 1; }
# maturin finds the interpreter to build for, and zig (python -m ziglang), here.
export VIRTUAL_ENV="$ROOT/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
if ! "$PY" -c "import ziglang, auditwheel" 2>/dev/null; then
  "$PY" -m pip install -q --disable-pip-version-check "ziglang>=0.13" "auditwheel>=6"
fi
features=()
if [ "${KHABAR_ABI3:-}" = 1 ]; then
  features=(--features abi3)
fi
mkdir -p "$OUT" target
rm -f "$OUT"/khabar-*.whl "$OUT"/khabar-*.tar.gz
if ! maturin sdist -o "$OUT" >target/build-wheel.log 2>&1 \
  || ! maturin build --release --zig --compatibility manylinux_2_28 "${features[@]}" -o "$OUT" \
    >>target/build-wheel.log 2>&1; then
  cat target/build-wheel.log >&2
  echo "build-wheel: maturin failed" >&2
  exit 1
fi
wheel=$(ls "$OUT"/khabar-*.whl)
sdist=$(ls "$OUT"/khabar-*.tar.gz)
# The platform tag, from auditwheel's own reading of the symbols.
auditwheel show "$wheel" >target/auditwheel.txt
if ! grep -q 'consistent with the following platform tag: "manylinux_2_28_x86_64"' <(tr '\n' ' ' <target/auditwheel.txt | tr -s ' '); then
  cat target/auditwheel.txt >&2
  echo "build-wheel: auditwheel does not confirm manylinux_2_28" >&2
  exit 1
fi
# Every tracked file of the crates the binding builds on, and of the package,
# is in the sdist. maturin packs only the path dependencies of khabar-py
# (cargo tree lists them), not workspace members such as khabar-tag-lab.
crates=$(cargo tree -p khabar-py -e normal,build --prefix none --offline 2>/dev/null \
  | sed -n "s|.*($ROOT/\(crates/[^)]*\)).*|\1|p" | sort -u)
test -n "$crates" || { echo "build-wheel: cargo tree listed no crates" >&2; exit 1; }
# shellcheck disable=SC2086
missing=$(comm -13 <(tar tzf "$sdist" | sed 's|^[^/]*/||' | sort) \
  <(git ls-files $crates python Cargo.toml Cargo.lock pyproject.toml | sort))
if [ -n "$missing" ]; then
  echo "build-wheel: the sdist lacks:" >&2
  echo "$missing" >&2
  exit 1
fi
echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KiB; auditwheel: manylinux_2_28_x86_64)"
echo "sdist: $sdist ($(du -k "$sdist" | cut -f1) KiB)"
