#!/usr/bin/env bash
# Every test: Rust (all crates, all features), lints, Python (against the
# freshly built module) and the stub check.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --all-features -q -- -D warnings
echo "== cargo deny (licences, bans, sources; deny.toml)"
command -v cargo-deny >/dev/null 2>&1 || cargo install cargo-deny --locked -q
cargo deny --offline check --hide-inclusion-graph licenses bans sources
echo "== cargo test"
mkdir -p target
cargo test --workspace --all-features 2>&1 | tee target/cargo-test.log | grep -E "^test result|FAILED|panicked|^error" || true
test "${PIPESTATUS[0]}" -eq 0

echo "== cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --exclude khabar-py -q
echo "== stubtest and mypy --strict (the package's own code against the stubs)"

python -m mypy.stubtest khabar._khabar --allowlist tests/stubtest-allowlist.txt
python -m mypy
echo "== headless browser for the report test"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium missing and cannot be installed here (not root): the browser test will skip"
  fi
fi
# In CI a missing browser is a failure, not a skip.
if [ "${CI:-}" = "true" ] || command -v chromium >/dev/null 2>&1; then
  export KHABAR_REQUIRE_BROWSER=1
fi
echo "== pytest"

python -m pytest -q tests
echo "== the wheel (manylinux_2_28, sdist) installed in a fresh venv without Rust on PATH"
bash scripts/build-wheel.sh
bash scripts/wheel-test.sh
echo "== local Spark 3.5 (the oldest supported line), against a wheel of this tree"
bash scripts/spark35.sh
echo "== the README's packed-virtualenv recipe on a standalone Spark cluster"
bash scripts/spark-cluster.sh
