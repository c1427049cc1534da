# Sourced by the other scripts: a project virtualenv with the built module.
# Creates .venv on first use and (re)builds the native module with maturin.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
export VIRTUAL_ENV="$ROOT/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
if ! python -c "import maturin, pytest, hypothesis, mypy, pandas, pyarrow, pyspark, spacy, datasets, polars" 2>/dev/null; then
  # pyarrow and pyspark: khabar.arrow, khabar.spark and the local-Spark tests;
  # spacy, datasets, polars: the integrations' tests (about 450 MB, 35 s).
  python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pytest>=8" "hypothesis>=6" "mypy>=1.10" "pandas>=1.5" \
    "pyarrow>=14" "pyspark>=3.5" "spacy>=3.7" "datasets>=2.16" "polars>=1.0"
fi
# pyspark runs on a JVM (Java 17+): install Debian's when missing and we can.
if ! command -v java >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
# Release build: the tests include large inputs, and the demo should be fast.
mkdir -p target
if ! maturin develop --release >target/maturin.log 2>&1; then
  cat target/maturin.log >&2
  echo "maturin develop failed" >&2
  exit 1
fi
