#!/usr/bin/env python3
"""The Arrow path against analyze_batch, and Spark's mapInArrow path against a
naive pandas_udf, in one run.

    bash scripts/env.sh >/dev/null; .venv/bin/python benches/arrow_throughput.py [--mb 10] [--repeat 3] [--no-spark]

The corpus is the bundled sample articles repeated into >= --mb megabytes of
separate documents (UTF-8 bytes of raw input), as in pipeline_throughput.py.
Rates are MB/s of raw text, the median of --repeat runs (the in-process
variants interleaved, one run of each per round):

- ``analyze_batch``: ``khabar.analyze_batch(texts, threads=2)`` (Documents);
- ``arrow``: ``khabar.arrow.analyze(pa.array(texts), threads=2)`` (one
  RecordBatch; building ``pa.array`` from the list is timed apart);
- Spark local[2] (``--no-spark`` skips): ``khabar.spark.analyze(df)``
  (mapInArrow, threads=1 per task, two tasks at a time), and the naive
  ``pandas_udf`` a user would write for the same result: ``khabar.analyze``
  per row, ``Document.to_dict()`` rows in a ``pandas.DataFrame``, returned as
  a struct column of the same schema (``khabar.spark.schema``); also a
  cheaper naive variant that returns one JSON string per row (not the same
  output: every consumer must parse it again). All are written to Spark's
  ``noop`` sink over a cached DataFrame, so only the analysis is timed;
- and, without Spark, the naive function over a ``pandas.Series`` in this
  process, up to the Arrow batch a pandas_udf worker hands back to Spark
  (what one worker does; 1 thread).
"""


import argparse
import os
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

import pyarrow as pa

import khabar
import khabar.arrow

from corpus import repeated


def timed(f: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def spark_rates(docs: list[str], size: int, repeat: int) -> dict[str, float]:
    import pandas as pd
    from pyspark.sql.pandas.functions import pandas_udf

    import khabar.spark

    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    spark = khabar.spark.local_session("khabar-bench", driver_memory="4g")
    df = spark.createDataFrame(list(enumerate(docs)), "id long, text string").repartition(8).cache()
    df.count()

    @pandas_udf(khabar.spark.schema(""))  # type: ignore[call-overload, untyped-decorator]
    def naive(texts: pd.Series) -> pd.DataFrame:
        import khabar as k

        return pd.DataFrame([k.analyze(t).to_dict() for t in texts])

    @pandas_udf("string")  # type: ignore[call-overload, untyped-decorator]
    def naive_json(texts: pd.Series) -> pd.Series:
        import json

        import khabar as k

        return texts.map(lambda t: json.dumps(k.analyze(t).to_dict(), ensure_ascii=False))

    def run_arrow() -> None:
        khabar.spark.analyze(df).write.format("noop").mode("overwrite").save()

    def run_naive() -> None:
        df.select("id", naive("text").alias("doc")).write.format("noop").mode("overwrite").save()

    def run_naive_json() -> None:
        df.select("id", naive_json("text").alias("doc")).write.format("noop").mode("overwrite").save()

    run_arrow()  # warm the Python workers
    run_naive()
    run_naive_json()
    rates = {
        "spark mapInArrow (khabar.spark.analyze)": size / timed(run_arrow, repeat) / 1e6,
        "spark naive pandas_udf (khabar.analyze per row)": size / timed(run_naive, repeat) / 1e6,
        "spark naive pandas_udf returning JSON strings": size / timed(run_naive_json, repeat) / 1e6,
    }
    spark.stop()
    return rates


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    docs, size = repeated(args.mb)
    khabar.analyze_batch(docs[:20])  # load the model and tables
    print(f"corpus: {size / 1e6:.1f} MB in {len(docs)} articles; median of {args.repeat}; load {os.getloadavg()[0]:.2f}")
    pa.array(docs[:10], pa.string())  # pyarrow's one-time set-up
    t = time.perf_counter()
    arr = pa.array(docs, pa.string())
    print(f"(pa.array from the list of str: {time.perf_counter() - t:.3f} s, not counted)")
    import pandas as pd

    series = pd.Series(docs)
    schema = khabar.arrow.document_schema()

    def naive_in_process() -> Any:
        rows = pd.DataFrame([khabar.analyze(t).to_dict() for t in series])
        return pa.RecordBatch.from_pandas(rows, schema=schema, preserve_index=False)

    got = naive_in_process()
    assert got.num_rows == len(docs)
    runs: dict[str, Callable[[], Any]] = {
        "analyze_batch (threads=2)": lambda: khabar.analyze_batch(docs, threads=2),
        "khabar.arrow.analyze (threads=2)": lambda: khabar.arrow.analyze(arr, threads=2),
        "naive per row in process (khabar.analyze -> DataFrame -> Arrow, 1 thread)": naive_in_process,
    }
    # Interleaved (one run of each, --repeat times) so that background load
    # hits every variant alike.
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, f in runs.items():
            times[name].append(timed(f, 1))
    rates = {name: size / statistics.median(ts) / 1e6 for name, ts in times.items()}
    if not args.no_spark:
        rates.update(spark_rates(docs, size, args.repeat))
    for name, r in rates.items():
        print(f"{name:<66} {r:6.2f} MB/s")
    ra, rb = rates["khabar.arrow.analyze (threads=2)"], rates["analyze_batch (threads=2)"]
    print(f"arrow / analyze_batch:                 {ra / rb:.2f}")
    m = rates["naive per row in process (khabar.analyze -> DataFrame -> Arrow, 1 thread)"]
    print(f"arrow / naive per row in process:      {ra / m:.2f}")
    if not args.no_spark:
        n = rates["spark naive pandas_udf (khabar.analyze per row)"]
        s = rates["spark mapInArrow (khabar.spark.analyze)"]
        print(f"arrow (in process) / naive pandas_udf: {ra / n:.2f}")
        print(f"spark mapInArrow / naive pandas_udf:   {s / n:.2f}")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
