#!/usr/bin/env bash
# The README's "ship a packed virtualenv" recipe, end to end: pack a venv with
# the khabar wheel (venv-pack), start a one-worker standalone Spark cluster on
# loopback, spark-submit a job with `--archives env.tar.gz#env`, and check that
# the executors imported khabar from the unpacked archive. Called by test.sh
# after spark35.sh (which builds the wheel into target/wheels-spark35).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/target/spark-cluster"
rm -rf "$W" && mkdir -p "$W/job"
SPARK_BIN="$(.venv/bin/python -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin"))')"
export PATH="$ROOT/.venv/bin:$PATH" SPARK_LOCAL_IP=127.0.0.1

python -m venv "$W/env"
"$W/env/bin/python" -m pip install -q --disable-pip-version-check target/wheels-spark35/*.whl pyarrow pandas venv-pack
"$W/env/bin/venv-pack" -q -p "$W/env" -o "$W/job/env.tar.gz"
rm -rf "$W/env"   # the executors can only get it from the archive

port() { python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
MP=$(port); UI1=$(port); UI2=$(port)
# spark-class leaves the JVM as its own child: stop the JVMs by their ports.
cleanup() {
  pkill -f "deploy.worker.Worker spark://127.0.0.1:$MP " 2>/dev/null || true
  pkill -f "deploy.master.Master --host 127.0.0.1 --port $MP " 2>/dev/null || true
}
trap cleanup EXIT
"$SPARK_BIN/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MP" --webui-port "$UI1" >"$W/master.log" 2>&1 &
"$SPARK_BIN/spark-class" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$MP" --cores 2 --memory 2g \
  --work-dir "$W/work" --webui-port "$UI2" >"$W/worker.log" 2>&1 &
for _ in $(seq 60); do grep -q "Successfully registered with master" "$W/worker.log" && break; sleep 1; done
grep -q "Successfully registered with master" "$W/worker.log" || { cat "$W/master.log" "$W/worker.log" >&2; exit 1; }

cat >"$W/job/job.py" <<'PY'
import sys

import khabar.spark
from pyspark.sql import SparkSession, functions as F

spark = SparkSession.builder.appName("khabar-venv-pack").getOrCreate()
where = spark.sparkContext.parallelize([0], 1).map(lambda _: __import__("khabar").__file__).collect()
print("EXECUTOR_KHABAR", where[0])
docs = khabar.spark.analyze(spark.read.text(sys.argv[1], wholetext=True), text_col="value")
print("PERSONS", docs.select(F.explode("khabar_entities").alias("e")).where("e.label = 'PERSON'").count())
spark.stop()
PY
cd "$W/job"
PYSPARK_DRIVER_PYTHON="$ROOT/.venv/bin/python" PYSPARK_PYTHON=./env/bin/python \
  "$SPARK_BIN/spark-submit" --master "spark://127.0.0.1:$MP" --archives env.tar.gz#env job.py "$ROOT/examples/articles" \
  >"$W/job.log" 2>&1 || { tail -50 "$W/job.log" >&2; exit 1; }
grep -E "^(EXECUTOR_KHABAR|PERSONS)" "$W/job.log"
# The executor's khabar lives in the worker's copy of the archive.
grep -q "^EXECUTOR_KHABAR $W/work/app-.*/env/lib/.*/khabar/__init__.py" "$W/job.log"
n=$(sed -n 's/^PERSONS //p' "$W/job.log")
test "$n" -gt 0
echo "venv-pack recipe: ok ($n PERSON mentions in the sample articles)"
