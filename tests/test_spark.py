"""khabar.spark on a real local Spark (local[2]): the sample articles and a
generated corpus of 10,000 documents, row for row equal to analyze_batch."""

from __future__ import annotations

import os
import pathlib
import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

import khabar

pa = pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")

import khabar.spark  # noqa: E402

from conftest import ROOT, seed_texts  # noqa: E402
from test_arrow import corpus, small_tagger  # noqa: E402

pytestmark = pytest.mark.filterwarnings(
    # PySpark warns about pandas >= 3 whenever it checks for pandas; khabar.spark
    # does not use pandas (on Spark 4 mapInArrow is pure Arrow; Spark 3.5 checks
    # that pandas is installed). scripts/spark35.sh runs this file on Spark 3.5.
    "ignore:PySpark does not yet fully support pandas:FutureWarning",
    # PySpark 3.5 only: mapInArrow checks the pandas version with distutils'
    # LooseVersion, and collect() leaves its local socket to the garbage collector.
    "ignore:distutils Version classes are deprecated:DeprecationWarning",
    "ignore:unclosed <socket.socket:ResourceWarning",
    "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning",
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local[2] session for every test here (starting a JVM costs seconds)."""
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is missing: the Spark tests need Java 17+ (scripts/env.sh installs it)")
        pytest.skip("java is missing")
    import khabar.spark

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "SPARK_LOCAL_IP")}
    session = khabar.spark.local_session("khabar-tests")
    try:
        yield session
    finally:
        session.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def collect(df: Any) -> Any:
    """The DataFrame as a pyarrow Table (through Arrow, not Row objects)."""
    if hasattr(df, "toArrow"):  # Spark >= 4.0
        return df.toArrow()
    return pa.Table.from_batches(df._collect_as_arrow())  # Spark 3.5


def analyzed_rows(df: Any, prefix: str = "khabar_") -> dict[int, dict[str, Any] | None]:
    """id -> the prefixed columns as a Document.to_dict()-shaped dict (None
    for an all-null row)."""
    table = collect(df)
    out: dict[int, dict[str, Any] | None] = {}
    for row in table.to_pylist():
        doc = {k[len(prefix) :]: v for k, v in row.items() if k.startswith(prefix)}
        out[row["id"]] = None if all(v is None for v in doc.values()) else doc
    return out


def expected(texts: list[str | None]) -> list[dict[str, Any] | None]:
    docs = iter(khabar.analyze_batch([t for t in texts if t is not None], threads=2))
    return [None if t is None else next(docs).to_dict() for t in texts]


def test_samples_row_for_row(spark: Any) -> None:
    texts: list[str | None] = [t for _, t in seed_texts()]
    texts.insert(2, None)
    df = spark.createDataFrame([(i, f"doc{i}", t) for i, t in enumerate(texts)], "id long, name string, text string")
    out = khabar.spark.analyze(df)
    names = out.columns
    assert names[:3] == ["id", "name", "text"]
    assert names[3:] == ["khabar_" + f.name for f in khabar.arrow.document_schema()]
    got = analyzed_rows(out)
    want = expected(texts)
    assert [got[i] for i in range(len(texts))] == want
    assert got[2] is None
    first = got[0]
    assert first is not None and first["title"] == "لقاء بين السفير الأذربيجاني مع وزير الدفاع الإيراني"
    # The input columns come back unchanged.
    kept = collect(out.select("id", "name", "text")).to_pylist()
    assert sorted(kept, key=lambda r: r["id"]) == [{"id": i, "name": f"doc{i}", "text": t} for i, t in enumerate(texts)]
    # Nested columns are usable from Spark SQL.
    people = {r["canonical"] for r in out.selectExpr("explode(khabar_entities) AS e").where("e.label = 'PERSON'").select("e.canonical").collect()}
    assert "محمد رضا قرايي اشتياني" in people


def test_a_trained_tagger_goes_to_the_executors(spark: Any) -> None:
    tagger = small_tagger()
    texts = [t for _, t in seed_texts()]
    df = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(2)
    got = analyzed_rows(khabar.spark.analyze(df, tagger=tagger))
    want = [d.to_dict() for d in khabar.analyze_batch(texts, threads=2, tagger=tagger)]
    assert [got[i] for i in range(len(texts))] == want
    assert want != expected(texts)  # not the shipped tagger's output
    with pytest.raises(TypeError, match="khabar.Tagger"):
        khabar.spark.analyze(df, tagger=object())  # type: ignore[arg-type]


def test_a_row_that_is_not_utf8_does_not_fail_the_task(spark: Any) -> None:
    # Spark does not check UTF-8 when casting binary to string: the bad row
    # gets its own error and the other rows are analyzed.
    good = [t for _, t in seed_texts()][:2]
    raw = [good[0].encode(), b"\xd8\xb3\xff\xfe", good[1].encode()]
    df = spark.createDataFrame([(i, bytearray(b)) for i, b in enumerate(raw)], "id long, data binary")
    df = df.selectExpr("id", "CAST(data AS STRING) AS text")
    # (The input text column itself cannot be collected into Python.)
    got = analyzed_rows(khabar.spark.analyze(df).drop("text"))
    bad = got[1]
    assert bad is not None and bad["error"].startswith("UnicodeError: not valid UTF-8")
    want = expected(good)
    assert got[0] == want[0] and got[2] == want[1]


def test_ten_thousand_generated_documents(spark: Any) -> None:
    texts = corpus(10_000, seed=11)
    df = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(4)
    got = analyzed_rows(khabar.spark.analyze(df, prefix="k_"), prefix="k_")
    assert len(got) == 10_000
    want = expected(list(texts))
    mismatched = [i for i in range(len(texts)) if got[i] != want[i]]
    assert not mismatched, f"{len(mismatched)} rows differ, first id {mismatched[:5]}"
    assert sum(len(d["entities"]) for d in want if d) > 50_000


def test_arguments_are_checked(spark: Any) -> None:
    df = spark.createDataFrame([(1, "نص", "x")], "id long, body string, khabar_title string")
    with pytest.raises(ValueError, match="no column 'text'"):
        khabar.spark.analyze(df)
    with pytest.raises(ValueError, match="khabar_title"):
        khabar.spark.analyze(df, text_col="body")
    with pytest.raises(TypeError, match="string column"):
        khabar.spark.analyze(df, text_col="id", prefix="k_")
    with pytest.raises(ValueError, match="threads"):
        khabar.spark.analyze(df, text_col="body", prefix="k_", threads=0)
    assert khabar.spark.schema("x_").fieldNames()[0] == "x_title"
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="cores"):
            khabar.spark.local_session(cores=bad)  # type: ignore[arg-type]


def readme_spark_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Scaling out", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "README 'Scaling out' has no python block"
    return str(blocks[0])


def test_readme_snippet_runs(spark: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    ns: dict[str, Any] = {}
    exec(compile(readme_spark_block(), "README.md (Scaling out)", "exec"), ns)
    top = ns["people"].collect()
    assert top and top[0]["count"] >= 2
    assert ns["docs"].count() == len(list(pathlib.Path(ROOT / "examples" / "articles").glob("*.txt")))
