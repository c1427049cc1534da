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

It also reports where the CPU goes (Linux ``/proc``): CPU seconds per MB of
``khabar.arrow.analyze`` on one thread, and of each Spark variant split into
the JVM and its Python workers. From these it solves how much faster the
single-thread analysis (which both the Arrow path and the naive UDF run) would
have to get for the Arrow path to reach 3x the naive pandas_udf, assuming the
rest of the naive UDF's CPU cost and both sides' use of the two cores stay as
measured (the Arrow path's one-thread cost counts as analysis).
"""


import argparse
import glob
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


def cpu_by_command(exclude: int) -> dict[str, float]:
    """CPU seconds (user + system) used so far by the live ``java`` and
    ``python*`` processes (Spark's JVM and Python workers), summed by command
    name, without process ``exclude`` (this script)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                s = f.read()
        except OSError:  # the process ended
            continue
        if int(stat.split("/")[2]) == exclude:
            continue
        name = s[s.index("(") + 1 : s.rindex(")")]
        if name != "java" and not name.startswith("python"):
            continue
        fields = s[s.rindex(")") + 2 :].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return out


def cpu_of(f: Callable[[], Any]) -> dict[str, float]:
    """CPU seconds per command name spent while ``f`` runs (by processes
    alive at its end: Spark reuses its Python workers)."""
    before = cpu_by_command(os.getpid())
    f()
    after = cpu_by_command(os.getpid())
    return {k: v - before.get(k, 0.0) for k, v in after.items() if v - before.get(k, 0.0) > 0.005}


def spark_rates(docs: list[str], size: int, repeat: int, cpu: dict[str, dict[str, float]]) -> dict[str, float]:
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
    if os.path.isdir("/proc"):
        cpu["spark mapInArrow"] = cpu_of(run_arrow)
        cpu["spark naive pandas_udf"] = cpu_of(run_naive)
    spark.stop()
    return rates


def report_cpu(cpu: dict[str, dict[str, float]], size: int, arrow_rate: float, naive_rate: float) -> None:
    """Print CPU seconds per MB by process, and the single-thread analysis
    speed-up that the 3x target needs (see the module's docstring)."""
    mb = size / 1e6
    for name, by in cpu.items():
        parts = ", ".join(f"{k} {v / mb:.3f}" for k, v in sorted(by.items(), key=lambda kv: -kv[1]))
        print(f"CPU s/MB {name:<34} total {sum(by.values()) / mb:.3f} ({parts})")
    one = cpu.get("khabar.arrow.analyze (threads=1)")
    naive = cpu.get("spark naive pandas_udf")
    if not one or not naive:
        return
    analysis = sum(one.values()) / mb
    rest = sum(naive.values()) / mb - analysis
    # Cores kept busy: CPU seconds per MB over wall seconds per MB.
    busy_arrow = analysis * arrow_rate
    busy_naive = (analysis + rest) * naive_rate
    if rest <= 0:
        return
    need = analysis * (3 * busy_naive / busy_arrow - 1) / rest
    print(
        f"naive UDF CPU beyond the analysis: {rest:.3f} s/MB against {analysis:.3f} of analysis; "
        f"cores busy: arrow {busy_arrow:.2f}, naive {busy_naive:.2f}"
    )
    print(f"3x the naive pandas_udf needs the one-thread analysis {need:.2f}x faster")


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
    cpu: dict[str, dict[str, float]] = {}
    if os.path.isdir("/proc"):
        # One thread: CPU time is wall time (the builder runs on it too).
        cpu["khabar.arrow.analyze (threads=1)"] = {"python": timed(lambda: khabar.arrow.analyze(arr, threads=1), 1)}
    if not args.no_spark:
        rates.update(spark_rates(docs, size, args.repeat, cpu))
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
        report_cpu(cpu, size, ra, n)
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
