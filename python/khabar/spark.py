"""Apache Spark: ``khabar.spark.analyze(df)`` adds the analysis of a text
column to a DataFrame (``pip install 'khabar[spark]'``, Spark >= 3.5).

It runs through ``DataFrame.mapInArrow``: each executor's Python worker gets
Arrow batches of the DataFrame, analyzes the text column in Rust
(:func:`khabar.arrow.analyze`, no Python object per row) and returns the batch
with the new columns appended. khabar must be installed on the executors; see
"Scaling out" in the README for shipping the wheel to a cluster.

The new columns are those of :func:`khabar.arrow.document_schema`, each
prefixed (``khabar_title``, ``khabar_entities``, ...); the input columns are
kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

    from ._khabar import Tagger

__all__ = ["analyze", "local_session", "schema"]


def _pyspark() -> Any:
    try:
        import pyspark.sql
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("khabar.spark needs pyspark >= 3.5 and pyarrow >= 14: pip install 'khabar[spark]'") from e
    return pyspark.sql


def local_session(app_name: str = "khabar", *, cores: int = 2, driver_memory: str = "2g") -> SparkSession:
    """A Spark session on this machine (``local[cores]``) set up to run
    :func:`analyze`: the Python workers run this interpreter (which has
    khabar), everything stays on the loopback interface, no web UI or
    progress bars, ``cores`` shuffle partitions and Arrow batches of 1,000
    rows. For trying khabar.spark without a cluster (the tests and the
    benchmark use it). It sets ``PYSPARK_PYTHON``, ``PYSPARK_DRIVER_PYTHON``
    and ``SPARK_LOCAL_IP`` in ``os.environ``; stop the session with
    ``.stop()``."""
    import os
    import sys

    from . import arrow

    arrow._check_threads(cores, "cores", optional=False)
    sql = _pyspark()
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session: SparkSession = (
        sql.SparkSession.builder.master(f"local[{cores}]")
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(cores))
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .config("spark.driver.memory", driver_memory)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def schema(prefix: str = "khabar_") -> StructType:
    """The Spark schema of the columns :func:`analyze` adds, named with
    `prefix`."""
    _pyspark()
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructField, StructType

    from . import arrow

    fields = from_arrow_schema(arrow.document_schema()).fields
    return StructType([StructField(prefix + f.name, f.dataType, f.nullable) for f in fields])


class _AnalyzeBatches:
    """What runs on the executors: batches in, the same batches with the
    analysis columns appended out. A module-level class, so that Spark pickles
    it by reference (``khabar.spark._AnalyzeBatches``) and the executors run
    their own installed khabar."""

    def __init__(self, text_col: str, names: list[str], threads: int | None, tagger: Any = None) -> None:
        self.text_col = text_col
        self.names = names
        self.threads = threads
        # A trained khabar.Tagger goes to the executors as its model bytes.
        self.tagger = tagger

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        import khabar.arrow

        for batch in batches:
            docs = khabar.arrow.analyze(batch.column(self.text_col), threads=self.threads, tagger=self.tagger)
            yield pa.RecordBatch.from_arrays(
                [*batch.columns, *docs.columns],
                names=[*batch.schema.names, *self.names],
            )


def analyze(
    df: DataFrame,
    text_col: str = "text",
    prefix: str = "khabar_",
    *,
    threads: int | None = 1,
    tagger: Tagger | None = None,
) -> DataFrame:
    """`df` with the analysis of its string column `text_col` added as
    columns named `prefix` + each name of :func:`khabar.arrow.document_schema`
    (``khabar_title``, ``khabar_entities``, ...), row for row. A null text
    gives null columns.

    `threads` is per Spark task: Spark already runs one task per core, so the
    default is 1; raise it when executors have more cores than task slots.
    `tagger` (a :class:`khabar.Tagger` trained on your data) replaces the
    shipped one; it travels to the executors with the job, as its model bytes.
    """
    _pyspark()
    from pyspark.sql.types import StringType, StructType

    from . import _khabar, arrow

    arrow._check_threads(threads)
    # Checked here, on the driver: the executors would only fail later.
    if tagger is not None and not isinstance(tagger, _khabar.Tagger):
        raise TypeError(f"tagger must be a khabar.Tagger or None, not {type(tagger).__name__}")
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {df.columns})")
    if not isinstance(df.schema[text_col].dataType, StringType):
        raise TypeError(f"column {text_col!r} must be a string column, not {df.schema[text_col].dataType.simpleString()}")
    added = schema(prefix)
    clash = sorted(set(df.columns) & set(added.fieldNames()))
    if clash:
        raise ValueError(f"the DataFrame already has columns {clash}: choose another prefix")
    out = StructType([*df.schema.fields, *added.fields])
    return df.mapInArrow(_AnalyzeBatches(text_col, added.fieldNames(), threads, tagger), out)
