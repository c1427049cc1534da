"""khabar.polars: DataFrames through khabar.arrow equal analyze_batch row for
row (the sample articles and benches/corpus.py's 2,000-document corpus), with
list and struct columns kept."""

from __future__ import annotations

import sys
from typing import Any

import pytest

import khabar
from conftest import ROOT, need, seed_texts

pl = need("polars")
pa = need("pyarrow")

import khabar.polars  # noqa: E402

sys.path.insert(0, str(ROOT / "benches"))
import corpus  # noqa: E402


def expected(texts: list[str | None]) -> list[dict[str, Any] | None]:
    docs = iter(khabar.analyze_batch([t for t in texts if t is not None], threads=2))
    return [None if t is None else next(docs).to_dict() for t in texts]


def rows(df: Any) -> list[dict[str, Any] | None]:
    return [None if all(v is None for v in r.values()) else r for r in df.to_dicts()]


def test_samples_row_for_row_with_nested_columns() -> None:
    texts: list[str | None] = [t for _, t in seed_texts()]
    texts.insert(2, None)
    df = khabar.polars.analyze(pl.Series("text", texts))
    assert df.height == len(texts)
    assert rows(df) == expected(texts)
    # Nested columns stay nested: list of struct, not strings or objects.
    assert isinstance(df.schema["entities"], pl.List) and isinstance(df.schema["entities"].inner, pl.Struct)
    assert isinstance(df.schema["paragraphs"], pl.List) and isinstance(df.schema["dropped"].inner, pl.Struct)
    assert df.schema["published_utc_offset"] == pl.Int64
    ents = df.select("entities").explode("entities").unnest("entities").drop_nulls("text")
    assert ents.height == sum(len(d["entities"]) for d in expected(texts) if d)
    assert set(ents["label"].unique()) >= {"PERSON", "GPE", "NORP", "DATE"}


def test_generated_corpus_of_2000_row_for_row() -> None:
    texts = corpus.generate(2000)
    want = expected(list(texts))
    assert rows(khabar.polars.analyze(pl.Series(texts), threads=2)) == want
    # A list of str, a pyarrow array and a chunked Series give the same frame.
    chunked = pl.concat([pl.Series(texts[:700]), pl.Series(texts[700:])], rechunk=False)
    assert chunked.n_chunks() == 2
    assert rows(khabar.polars.analyze(chunked)) == want
    assert rows(khabar.polars.analyze(texts[:50])) == want[:50]
    assert rows(khabar.polars.analyze(pa.array(texts[:50], pa.large_string()))) == want[:50]


def test_analyze_frame_adds_prefixed_columns() -> None:
    texts = [t for _, t in seed_texts()]
    df = pl.DataFrame({"id": list(range(len(texts))), "text": texts})
    out = khabar.polars.analyze_frame(df)
    assert out.columns[:2] == ["id", "text"] and "khabar_entities" in out.columns
    assert out["khabar_title"].to_list() == [d.title for d in khabar.analyze_batch(texts)]
    people = (
        out.select("id", "khabar_entities").explode("khabar_entities")
        .unnest("khabar_entities")
        .filter(pl.col("label") == "PERSON")
        .group_by("canonical")
        .len()
        .sort("len", descending=True)
    )
    assert people.height > 0
    with pytest.raises(ValueError, match="no column 'body'"):
        khabar.polars.analyze_frame(df, text_col="body")
    with pytest.raises(ValueError, match="another prefix"):
        khabar.polars.analyze_frame(out)


def test_bad_input_types() -> None:
    with pytest.raises(TypeError, match="not one str"):
        khabar.polars.analyze("نص واحد")
    with pytest.raises(TypeError, match="String Series"):
        khabar.polars.analyze(pl.Series([1, 2]))
    with pytest.raises(ValueError, match="threads"):
        khabar.polars.analyze(["نص"], threads=0)
