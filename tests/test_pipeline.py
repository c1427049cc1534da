"""khabar.analyze / analyze_batch / Document / to_pandas on the sample
articles and on bad input."""

from __future__ import annotations

import json
import pickle

import pytest

import khabar
from conftest import interrupt_latency, seed_texts

RAWS = [t for _, t in seed_texts()]


def test_entities_have_exact_code_point_spans() -> None:
    for raw in RAWS:
        doc = khabar.analyze(raw)
        assert doc.entities, doc
        prev = 0
        for e in doc.entities:
            assert raw[e.start : e.end] == e.text
            assert e.start >= prev
            prev = e.end


def test_document_has_everything_article_has() -> None:
    raw = RAWS[0]
    doc, art = khabar.analyze(raw), khabar.parse_article(raw)
    for name in ("title", "subtitle", "published", "published_precision", "url", "language", "paragraphs", "headings", "related", "flags"):
        assert getattr(doc, name) == getattr(art, name), name
    assert [(d.line, d.text, d.reason) for d in doc.dropped] == [(d.line, d.text, d.reason) for d in art.dropped]
    assert doc.published == "2022-01-25T16:28"
    assert doc.url == "https://arabic.iswnews.com/?p=12857"


def test_entities_of_dropped_lines_are_not_reported() -> None:
    raw = RAWS[4]  # ends with a Persian sidebar and comment prompts
    doc = khabar.analyze(raw)
    dropped_lines = {d.line for d in doc.dropped}
    for e in doc.entities:
        line = raw.count("\n", 0, e.start) + 1
        assert line not in dropped_lines, (e.text, line)


def test_dates_resolve_against_the_dateline() -> None:
    doc = khabar.analyze(RAWS[0])
    values = {e.value for e in doc.entities if e.label == "DATE"}
    assert "2022-01-22" in values


def test_published_hint_wins_and_bad_hint_is_a_value_error() -> None:
    doc = khabar.analyze(RAWS[1], published="2022-01-24", url="https://example.com/a")
    assert doc.published == "2022-01-24" and doc.url == "https://example.com/a"
    with pytest.raises(ValueError, match="published"):
        khabar.analyze(RAWS[1], published="yesterday")


def test_batch_matches_single_at_every_thread_count() -> None:
    one = [khabar.analyze(r).to_dict() for r in RAWS]
    for threads in (None, 1, 2):
        assert [d.to_dict() for d in khabar.analyze_batch(RAWS, threads=threads)] == one
    with pytest.raises(ValueError, match="threads"):
        khabar.analyze_batch(RAWS, threads=0)


def test_one_bad_document_does_not_sink_the_batch() -> None:
    docs = khabar.analyze_batch([RAWS[0], b"bytes", "باكو\ud800", RAWS[1]])
    assert docs[0].error is None and docs[0].entities
    assert docs[1].error.startswith("TypeError") and not docs[1].entities
    assert docs[2].error.startswith("UnicodeError")
    assert docs[3].error is None
    assert "error" in repr(docs[1])


def test_bad_input_to_analyze() -> None:
    with pytest.raises(TypeError, match="must be str"):
        khabar.analyze(b"raw")  # type: ignore[arg-type]
    assert khabar.analyze("").entities == []
    assert khabar.analyze("   \n\n  ").paragraphs == []


def test_to_dict_is_json_and_pickle_round_trips() -> None:
    doc = khabar.analyze(RAWS[2])
    data = doc.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["entities"][0]["text"] == doc.entities[0].text
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.to_dict() == data
    assert repr(doc).startswith("Document(title=")


def test_to_pandas_frames() -> None:
    pd = pytest.importorskip("pandas")
    docs = khabar.analyze_batch(RAWS)
    arts, ents = khabar.to_pandas(docs, ids=[f"seed{i}" for i in range(len(docs))])
    assert list(arts["id"]) == [f"seed{i}" for i in range(5)]
    assert pd.api.types.is_datetime64_any_dtype(arts["published"])
    assert arts["published"].notna().sum() == sum(d.published is not None for d in docs)
    assert int(arts["entities"].sum()) == len(ents) == sum(len(d.entities) for d in docs)
    assert set(ents.columns) >= {"doc_id", "text", "label", "canonical", "start", "end", "title", "value"}
    # Who is mentioned with whom: a join the analysts asked for.
    people = ents[ents["label"] == "PERSON"]
    assert not people.empty
    with pytest.raises(ValueError, match="ids"):
        khabar.to_pandas(docs, ids=[1])


def test_to_pandas_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        level = args[3] if len(args) > 3 else kwargs.get("level", 0)
        if name == "pandas" and level == 0:
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r"pip install 'khabar\[pandas\]'"):
        khabar.to_pandas([])


def test_keyboard_interrupt_is_honoured_within_a_second() -> None:
    docs = RAWS * 2000  # ~14 s of work on one thread
    latency = interrupt_latency(lambda: khabar.analyze_batch(docs, threads=1))
    assert latency < 1.0, f"KeyboardInterrupt took {latency:.2f} s"


def test_keyboard_interrupt_is_honoured_while_chunks_overlap() -> None:
    # With two threads the pool analyzes the next chunk while this thread
    # builds the Python objects of the last one: Ctrl-C must still come out
    # promptly, and not be swallowed by a gc callback (hypothesis installs
    # one) running while the objects are built.
    docs = RAWS * 2000
    latency = interrupt_latency(lambda: khabar.analyze_batch(docs, threads=2))
    assert latency < 1.0, f"KeyboardInterrupt took {latency:.2f} s"


def test_batch_rejects_a_single_str() -> None:
    with pytest.raises(TypeError, match=r"expected a sequence of str, got str; use khabar\.analyze\(raw\) for one text"):
        khabar.analyze_batch(RAWS[0])
    # Any other iterable of str still works, generators included.
    assert len(khabar.analyze_batch(r for r in RAWS[:2])) == 2


def test_document_is_explicitly_unhashable_but_compares_and_pickles() -> None:
    doc = khabar.analyze(RAWS[0])
    with pytest.raises(TypeError, match="unhashable type: 'Document'"):
        hash(doc)
    assert khabar.Document.__hash__ is None
    assert doc == khabar.analyze(RAWS[0]) and doc != khabar.analyze(RAWS[1])
    assert pickle.loads(pickle.dumps(doc)) == doc


def _dtypes(frame: object) -> dict[str, str]:
    return {k: str(v) for k, v in frame.dtypes.items()}  # type: ignore[attr-defined]


def test_to_pandas_dtypes_do_not_depend_on_the_data() -> None:
    pytest.importorskip("pandas")
    with_entities = khabar.analyze_batch(RAWS[:2])
    assert all(d.entities for d in with_entities)
    without = khabar.analyze_batch(["", "   \n"])
    assert not any(d.entities for d in without)
    arts, ents = khabar.to_pandas(with_entities)
    arts0, ents0 = khabar.to_pandas(without)
    assert ents0.empty
    assert _dtypes(ents0) == _dtypes(ents)
    assert _dtypes(arts0) == _dtypes(arts)
    for col in ("doc_id", "start", "end"):
        assert str(ents0[col].dtype) == "int64", col
    for col in ("text", "canonical", "title", "kb_id"):
        assert ents0[col].dtype != "float64", col
    # Named documents: doc_id follows the ids, with or without entities.
    _, named = khabar.to_pandas(with_entities, ids=["a", "b"])
    _, named0 = khabar.to_pandas(without, ids=["a", "b"])
    assert named["doc_id"].dtype == named0["doc_id"].dtype != "float64"
    arts_none, ents_none = khabar.to_pandas([])
    assert _dtypes(ents_none) == _dtypes(ents) and _dtypes(arts_none) == _dtypes(arts)


def test_to_pandas_exports_kb_id_and_updated() -> None:
    docs = khabar.analyze_batch(RAWS)
    arts, ents = khabar.to_pandas(docs)
    pd = pytest.importorskip("pandas")
    assert [None if pd.isna(k) else k for k in ents["kb_id"]] == [e.kb_id for d in docs for e in d.entities]
    assert ents["kb_id"].notna().any()
    assert list(ents["source"]) == [e.source for d in docs for e in d.entities]
    assert {"model", "gazetteer"} <= set(ents["source"])
    assert "updated" in arts.columns and str(arts["updated"].dtype).startswith("datetime64")
    assert arts["updated"].notna().sum() == sum(d.updated is not None for d in docs)
    raw = "عنوان الخبر\n\nنشر في: 15 آذار 2024\nآخر تحديث: 16 آذار 2024\nقال الوزير إن المحادثات ستستمر طويلا.\n"
    doc = khabar.analyze(raw)
    assert doc.updated == "2024-03-16"
    (updated,) = khabar.to_pandas([doc])[0]["updated"]
    assert updated.isoformat().startswith("2024-03-16")
