"""UTC offsets of publication dates and dateline places, through every
Python surface: Article, Document, to_dict / pickle, pandas, Arrow, the Spark
schema. The articles are the wire-style fixtures of tests/data/articles."""

from __future__ import annotations

import pathlib
import pickle

import pytest

import khabar

ARTICLES = pathlib.Path(__file__).parent / "data" / "articles"
WIRE_01 = (ARTICLES / "wire_01.txt").read_text(encoding="utf-8")  # +03:00 ISO, `طهران (رويترز) -`
WIRE_02 = (ARTICLES / "wire_02.txt").read_text(encoding="utf-8")  # (GMT+3), `موسكو – وكالات:`
SPUTNIK = (ARTICLES / "sputnik_01.txt").read_text(encoding="utf-8")  # `16:40 GMT 19.07.2023`
SEED = (pathlib.Path(__file__).parent.parent / "examples" / "articles" / "000_6e49526c0f392cf6.txt").read_text(
    encoding="utf-8"
)  # no offset, no dateline place


def test_article_offsets_and_place() -> None:
    a = khabar.parse_article(WIRE_01)
    assert a.published == "2022-01-25T16:28+03:00" and a.published_utc_offset == 180
    assert a.updated == "2022-01-25T18:05+03:00" and a.updated_utc_offset == 180
    assert a.dateline_place == "طهران"
    # The lead keeps its full text, the place included.
    assert a.paragraphs[0].startswith("طهران (رويترز) - قال")
    b = khabar.parse_article(SEED)
    assert b.published == "2022-01-25T16:28" and b.published_utc_offset is None
    assert b.dateline_place is None
    s = khabar.parse_article(SPUTNIK)
    assert (s.published, s.published_utc_offset, s.dateline_place) == ("2023-07-19T16:40+00:00", 0, "موسكو")


def test_article_to_dict_and_pickle_round_trip() -> None:
    a = khabar.parse_article(WIRE_02)
    d = a.to_dict()
    assert d["published"] == "2022-01-25T16:28+03:00"
    assert d["published_utc_offset"] == 180 and d["updated_utc_offset"] is None
    assert d["dateline_place"] == "موسكو"
    b = pickle.loads(pickle.dumps(a))
    assert b.to_dict() == d and b.published_utc_offset == 180


def test_from_dict_of_an_older_version_reads_the_offset_from_the_iso_string() -> None:
    d = khabar.parse_article(WIRE_01).to_dict()
    for key in ("published_utc_offset", "updated_utc_offset", "dateline_place"):
        del d[key]
    b = khabar._khabar._article_from_dict(d)
    assert (b.published_utc_offset, b.updated_utc_offset, b.dateline_place) == (180, 180, None)


def test_published_hint_with_an_offset() -> None:
    a = khabar.parse_article(SEED, published="2022-01-25T13:28:00Z")
    assert a.published == "2022-01-25T13:28+00:00" and a.published_utc_offset == 0
    a = khabar.parse_article(SEED, published="2022-01-25T16:28-04:30")
    assert a.published_utc_offset == -270
    with pytest.raises(ValueError, match="published"):
        khabar.parse_article(SEED, published="2022-01-25T16:28 Asia/Tehran")


def test_document_fields_and_code_point_span() -> None:
    doc = khabar.analyze(WIRE_01)
    assert doc.published == "2022-01-25T16:28+03:00"
    assert (doc.published_utc_offset, doc.updated_utc_offset) == (180, 180)
    assert doc.dateline_place == "طهران"
    assert doc.dateline_place_span is not None
    start, end = doc.dateline_place_span
    assert WIRE_01[start:end] == "طهران"
    data = doc.to_dict()
    assert data["dateline_place_span"] == [start, end] and data["published_utc_offset"] == 180
    assert pickle.loads(pickle.dumps(doc)) == doc
    # The place is still tagged in the lead.
    assert any(e.text == "طهران" and e.start == start for e in doc.entities)
    assert khabar.analyze_batch([WIRE_01])[0] == doc
    plain = khabar.analyze(SEED)
    assert plain.dateline_place is None and plain.dateline_place_span is None
    assert plain.to_dict()["published_utc_offset"] is None


def test_pandas_keeps_local_naive_time_and_adds_offset_columns() -> None:
    pd = pytest.importorskip("pandas")
    docs = khabar.analyze_batch([WIRE_01, SEED, SPUTNIK, "نص قصير."])
    arts, _ = khabar.to_pandas(docs)
    assert str(arts["published"].dtype) == "datetime64[ns]"
    assert list(arts["published"][:3]) == [
        pd.Timestamp("2022-01-25 16:28"),
        pd.Timestamp("2022-01-25 16:28"),
        pd.Timestamp("2023-07-19 16:40"),
    ]
    assert str(arts["published_utc_offset"].dtype) == "Int64"
    assert arts["published_utc_offset"].tolist()[:3] == [180, pd.NA, 0]
    assert arts["published_utc_offset"].isna().tolist() == [False, True, False, True]
    assert str(arts["updated_utc_offset"].dtype) == "Int64"
    assert arts["dateline_place"].tolist()[0] == "طهران"
    # UTC from the two columns.
    utc = arts["published"] - pd.to_timedelta(arts["published_utc_offset"].astype("float64"), unit="min")
    assert utc[0] == pd.Timestamp("2022-01-25 13:28")
    # Same columns and dtypes with no data.
    empty, _ = khabar.to_pandas([])
    assert list(empty.columns) == list(arts.columns)
    assert str(empty["published_utc_offset"].dtype) == "Int64"


def test_arrow_columns_equal_to_dict() -> None:
    pa = pytest.importorskip("pyarrow")
    import khabar.arrow

    batch = khabar.arrow.analyze(pa.array([WIRE_01, SEED, None]))
    schema = khabar.arrow.document_schema()
    assert schema.field("published_utc_offset").type == pa.int64()
    assert schema.field("updated_utc_offset").type == pa.int64()
    assert schema.field("dateline_place").type == pa.string()
    assert schema.field("dateline_place_span").type == pa.list_(pa.int64())
    rows = batch.to_pylist()
    assert rows[:2] == [d.to_dict() for d in khabar.analyze_batch([WIRE_01, SEED])]
    assert rows[0]["published_utc_offset"] == 180 and rows[0]["dateline_place"] == "طهران"
    assert rows[2]["published_utc_offset"] is None and rows[2]["dateline_place_span"] is None


def test_spark_schema_has_the_new_columns() -> None:
    pytest.importorskip("pyspark")
    from pyspark.sql.types import ArrayType, LongType, StringType

    import khabar.spark

    s = khabar.spark.schema()
    assert s["khabar_published_utc_offset"].dataType == LongType()
    assert s["khabar_updated_utc_offset"].dataType == LongType()
    assert s["khabar_dateline_place"].dataType == StringType()
    assert s["khabar_dateline_place_span"].dataType == ArrayType(LongType(), True)
