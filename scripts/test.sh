#!/usr/bin/env bash
# Every test: Rust (all crates, all features), lints, Python (against the
# freshly built module) and the stub check.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
echo "== cargo fmt"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --all-features -q -- -D warnings
echo "== cargo test"
cargo test --workspace --all-features -q 2>&1 | grep -v -E "^(running|test result: ok. 0 passed)|^$" | grep -v "^\.\+$" || true
cargo test --workspace --all-features -q >/dev/null
echo "== stubtest"
python -m mypy.stubtest khabar._khabar --allowlist tests/stubtest-allowlist.txt
echo "== pytest"
python -m pytest -q tests
