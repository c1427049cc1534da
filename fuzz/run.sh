#!/usr/bin/env bash
# Fuzz every target for SECONDS each (default 600), seeded from the sample
# articles and the test tables; copy every crash into
# tests/data/regressions/<target>/ so that `cargo test -p khabar` replays it.
#
#   bash fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); the sanitizer build uses
# nightly flags, enabled on the stable toolchain with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize_search normalize_display article dates tag pipeline)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  # Seeds: the sample articles, their paragraphs, and the regression inputs.
  cp examples/articles/*.txt "$corpus/" 2>/dev/null || true
  cp tests/data/regressions/"$t"/* "$corpus/" 2>/dev/null || true
  python3 - "$corpus" <<'PY'
import pathlib, sys, tomllib
out = pathlib.Path(sys.argv[1])
root = pathlib.Path("tests/data")
for name in ("normalize.toml", "dates.toml"):
    p = root / name
    if p.exists():
        data = tomllib.loads(p.read_text(encoding="utf-8"))
        for i, case in enumerate(next(iter(data.values()))):
            text = case.get("input") or case.get("text") or ""
            if text:
                (out / f"{p.stem}-{i}.txt").write_text(text, encoding="utf-8")
PY
  echo "== fuzzing $t for ${secs}s"
  cargo fuzz run --fuzz-dir fuzz "$t" "$corpus" -- -max_total_time="$secs" -max_len=65536 \
      -artifact_prefix="fuzz/artifacts/$t/" || true
  for crash in fuzz/artifacts/"$t"/crash-* fuzz/artifacts/"$t"/timeout-*; do
    [ -e "$crash" ] || continue
    if python3 -c "import sys; open(sys.argv[1],'rb').read().decode('utf-8')" "$crash" 2>/dev/null; then
      cp "$crash" "tests/data/regressions/$t/$(basename "$crash").txt"
      echo "   crash saved: tests/data/regressions/$t/$(basename "$crash").txt"
    fi
  done
done
