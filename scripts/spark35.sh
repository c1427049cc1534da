#!/usr/bin/env bash
# The local-Spark tests again on Spark 3.5, the oldest line khabar.spark
# supports (the main venv has the newest pyspark): their own venv, against a
# wheel built from this tree. Called by test.sh; needs .venv (env.sh) first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
V=.venv-spark35
test -x "$V/bin/python" || "${PYTHON:-python3}" -m venv "$V"
if ! "$V/bin/python" -c "import pyspark, pandas, pyarrow, pytest, hypothesis" 2>/dev/null; then
  "$V/bin/python" -m pip install -q --disable-pip-version-check "pyspark>=3.5,<3.6" "pandas>=1.5" "pyarrow>=14" "pytest>=8" "hypothesis>=6"
fi
rm -rf target/wheels-spark35
if ! .venv/bin/maturin build --release -o target/wheels-spark35 >target/maturin-spark35.log 2>&1; then
  cat target/maturin-spark35.log >&2
  exit 1
fi
"$V/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels-spark35/*.whl
# The tests must exercise the wheel, not the sources under python/.
"$V/bin/python" -c "import khabar, sys; sys.exit('.venv-spark35' not in khabar.__file__)"
"$V/bin/python" -c "import pyspark; print('pyspark', pyspark.__version__)"
"$V/bin/python" -m pytest -q -p no:cacheprovider tests/test_spark.py
