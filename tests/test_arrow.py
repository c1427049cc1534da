"""khabar.arrow: Arrow batches built in Rust equal what analyze_batch, tag and
normalize return, row for row."""

from __future__ import annotations

import random

import pytest

import khabar

pa = pytest.importorskip("pyarrow")
import khabar.arrow  # noqa: E402

from conftest import anercorp_train_head, interrupt_latency, seed_texts  # noqa: E402


def corpus(n: int, seed: int = 7) -> list[str]:
    """`n` articles made of the sample articles' lines: each one keeps a
    sample's header (title, dateline) and mixes in body lines of the others,
    some shuffled, cut, or with a word swapped in, so that titles, dates,
    paragraphs and entities vary from document to document."""
    rng = random.Random(seed)
    samples = [t for _, t in seed_texts()]
    lines = [[ln for ln in t.splitlines() if ln.strip()] for t in samples]
    body = [ln for ls in lines for ln in ls[3:]]
    words = [w for ln in body for w in ln.split() if len(w) > 3]
    docs = []
    for i in range(n):
        head = lines[i % len(lines)][:3]
        picked = rng.sample(body, rng.randint(2, 8))
        if rng.random() < 0.3:
            k = rng.randrange(len(picked))
            ws = picked[k].split()
            if ws:
                ws[rng.randrange(len(ws))] = rng.choice(words)
                picked[k] = " ".join(ws)
        if rng.random() < 0.2:
            k = rng.randrange(len(picked))
            picked[k] = picked[k][: max(1, len(picked[k]) // 2)]
        sep = "\n\n" if rng.random() < 0.7 else "\n"
        docs.append(sep.join(head + picked) + ("\n" if i % 3 else ""))
    return docs


def expected(texts: list[str | None]) -> list[dict | None]:
    docs = iter(khabar.analyze_batch([t for t in texts if t is not None], threads=2))
    return [None if t is None else next(docs).to_dict() for t in texts]


def rows(batch) -> list[dict | None]:  # type: ignore[no-untyped-def]
    """Rows as dicts, None for a row whose every column is null."""
    out = []
    for r in batch.to_pylist():
        out.append(None if all(v is None for v in r.values()) else r)
    return out


def test_samples_equal_analyze_batch_row_for_row() -> None:
    texts = [t for _, t in seed_texts()]
    batch = khabar.arrow.analyze(pa.array(texts), threads=2)
    assert isinstance(batch, pa.RecordBatch)
    assert batch.schema == khabar.arrow.document_schema()
    assert batch.num_rows == 5
    want = expected(texts)
    got = rows(batch)
    for g, w in zip(got, want):
        assert g == w
    # Not vacuous: the samples have entities, paragraphs and dropped lines.
    assert all(len(r["entities"]) > 5 and r["paragraphs"] and r["title"] for r in got if r)
    assert got[0]["title"] == "لقاء بين السفير الأذربيجاني مع وزير الدفاع الإيراني"


def test_generated_corpus_equals_analyze_batch() -> None:
    texts = corpus(600)
    batch = khabar.arrow.analyze(pa.array(texts), threads=2)
    assert rows(batch) == expected(texts)
    assert sum(len(e) for e in batch.column("entities").to_pylist()) > 3000


def test_code_point_offsets_index_the_python_string() -> None:
    texts = [t for _, t in seed_texts()] + corpus(50, seed=3)
    batch = khabar.arrow.analyze(pa.array(texts))
    n = 0
    for text, ents, paras in zip(
        texts, batch.column("entities").to_pylist(), batch.column("paragraphs").to_pylist()
    ):
        for e in ents:
            assert text[e["start"] : e["end"]] == e["text"]
            n += 1
        for p in paras:
            assert text[p["start"] : p["end"]] == p["text"]
    assert n > 500
    # Code points differ from UTF-8 bytes on Arabic text: a byte offset would
    # have failed above.
    assert len(texts[0]) != len(texts[0].encode())


def test_null_inputs_give_null_rows() -> None:
    texts = [None, seed_texts()[0][1], None, "", None]
    batch = khabar.arrow.analyze(pa.array(texts, pa.string()))
    got = rows(batch)
    assert got[0] is None and got[2] is None and got[4] is None
    assert got[1] == expected([texts[1]])[0]
    assert got[3] == expected([""])[0]
    assert got[3] is not None and got[3]["entities"] == [] and got[3]["error"] is None
    all_null = khabar.arrow.analyze(pa.array([None, None]))  # type null
    assert all_null.num_rows == 2 and rows(all_null) == [None, None]


def test_chunked_large_and_view_strings() -> None:
    texts = [t for _, t in seed_texts()] + corpus(20, seed=5)
    want = expected(texts)
    chunked = pa.chunked_array([texts[:3], texts[3:4], [], texts[4:]], pa.string())
    table = khabar.arrow.analyze(chunked, threads=2)
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(texts) and table.schema == khabar.arrow.document_schema()
    assert rows(table) == want
    assert rows(khabar.arrow.analyze(pa.array(texts, pa.large_string()), threads=1)) == want
    if hasattr(pa, "string_view"):
        assert rows(khabar.arrow.analyze(pa.array(texts, pa.string_view()))) == want
    # A slice reads its own window only.
    whole = pa.array(texts)
    assert rows(khabar.arrow.analyze(whole.slice(2, 4))) == want[2:6]
    empty = khabar.arrow.analyze(pa.chunked_array([], pa.string()))
    assert empty.num_rows == 0 and empty.schema == khabar.arrow.document_schema()


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError, match=r"(?i)expected an array of strings.*int64"):
        khabar.arrow.analyze(pa.array([1, 2, 3]))
    with pytest.raises(TypeError, match=r"(?i)expected an array of strings.*binary"):
        khabar.arrow.tag(pa.array([b"x"]))
    with pytest.raises(TypeError, match=r"pyarrow Array or ChunkedArray.*list.*pyarrow.array"):
        khabar.arrow.analyze(["not", "arrow"])
    with pytest.raises(ValueError, match="threads"):
        khabar.arrow.analyze(pa.array(["x"]), threads=0)
    with pytest.raises(ValueError, match="profile"):
        khabar.arrow.normalize(pa.array(["x"]), "nope")


def test_tag_equals_khabar_tag() -> None:
    texts = [t for _, t in seed_texts()] + [None, "استقبل الرئيس الإيراني في طهران سفير أذربيجان"]
    out = khabar.arrow.tag(pa.array(texts), threads=2)
    assert out.type == khabar.arrow.entities_type()
    got = out.to_pylist()
    for text, ents in zip(texts, got):
        if text is None:
            assert ents is None
            continue
        assert ents == [e.to_dict() for e in khabar.tag(text)]
        assert ents
        assert all(text[e["start"] : e["end"]] == e["text"] for e in ents)
    chunked = khabar.arrow.tag(pa.chunked_array([texts[:2], texts[2:]]))
    assert chunked.to_pylist() == got


def test_normalize_equals_khabar_normalize() -> None:
    texts = [t for _, t in seed_texts()] + [None, "وزیرا الدفاع الایرانی", "أَحْمَد", ""]
    for profile in ("search", "display"):
        got = khabar.arrow.normalize(pa.array(texts), profile, threads=2).to_pylist()
        assert got == [None if t is None else khabar.normalize(t, profile) for t in texts]
    assert khabar.arrow.normalize(pa.array(["أَحْمَد"])).to_pylist() == ["احمد"]
    chunked = khabar.arrow.normalize(pa.chunked_array([texts[:3], texts[3:]], pa.large_string()))
    assert isinstance(chunked, pa.ChunkedArray)
    assert chunked.to_pylist() == [None if t is None else khabar.normalize(t) for t in texts]


def test_input_array_is_untouched() -> None:
    # The C data interface moves the exported array into Rust; pyarrow's own
    # array stays usable afterwards.
    arr = pa.array([t for _, t in seed_texts()])
    khabar.arrow.analyze(arr)
    khabar.arrow.tag(arr)
    assert arr.to_pylist() == [t for _, t in seed_texts()]


def test_cli_parquet_streams_row_groups(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pathlib
    import shutil
    import subprocess
    import sys

    import pyarrow.parquet as pq

    from conftest import ARTICLES

    src = tmp_path / "corpus"
    src.mkdir()
    texts = corpus(600, seed=13)
    for i, t in enumerate(texts):
        (src / f"{i:04d}.txt").write_text(t, encoding="utf-8")
    (src / "9999_bad.txt").write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "out.parquet"
    exe = shutil.which("khabar")
    cmd = [exe] if exe else [sys.executable, "-m", "khabar.cli"]
    p = subprocess.run([*cmd, "analyze", "--format", "parquet", "-o", str(out), "--threads", "2", "-q", str(src)],
                       capture_output=True, text=True, check=False)
    assert p.returncode == 1, p.stderr  # the bad file is reported, the run goes on
    assert "9999_bad.txt" in p.stderr and "UnicodeDecodeError" in p.stderr
    f = pq.ParquetFile(out)
    # Written chunk by chunk: one row group per 256 articles.
    assert f.metadata.num_row_groups == 3
    assert f.schema_arrow.names == ["id", *khabar.arrow.document_schema().names]
    table = f.read()
    assert table.num_rows == 601
    got = table.to_pylist()
    want = expected(texts)
    for i, row in enumerate(got[:600]):
        assert pathlib.Path(row.pop("id")).name == f"{i:04d}.txt"
        assert row == want[i]
    assert got[600]["error"].startswith("UnicodeDecodeError") and got[600]["entities"] is None
    # The sample folder gives the same rows as --format jsonl.
    p = subprocess.run([*cmd, "analyze", "--format", "parquet", "-o", str(out), str(ARTICLES)],
                       capture_output=True, text=True, check=False)
    assert p.returncode == 0, p.stderr
    rows_pq = pq.read_table(out).to_pylist()
    jsonl = subprocess.run([*cmd, "analyze", str(ARTICLES)], capture_output=True, text=True, check=True)
    import json

    assert rows_pq == [json.loads(line) for line in jsonl.stdout.splitlines()]
    # Without -o there is nowhere to stream to.
    p = subprocess.run([*cmd, "analyze", "--format", "parquet", str(ARTICLES)], capture_output=True, text=True, check=False)
    assert p.returncode == 2 and "-o" in p.stderr


@pytest.mark.parametrize("stage", ["analyze", "tag"])
def test_keyboard_interrupt_is_honoured_within_a_second(stage: str) -> None:
    texts = pa.array([t for _, t in seed_texts()] * 2000)  # many seconds on one thread
    run = getattr(khabar.arrow, stage)
    latency = interrupt_latency(lambda: run(texts, threads=1))
    assert latency < 1.0, f"KeyboardInterrupt in khabar.arrow.{stage} took {latency:.2f} s"


def _with_invalid_utf8(kind: str = "string") -> tuple[object, list[str | None]]:
    """A string array whose second row is not UTF-8, built from raw buffers
    (pa.Array.from_buffers checks offsets, not UTF-8), and its valid rows."""
    good = [t for _, t in seed_texts()][:2]
    rows = [good[0].encode(), "سلام".encode() + b"\xff\xfe" + " طهران".encode(), None, good[1].encode()]
    data = b"".join(r or b"" for r in rows)
    offsets, pos = [0], 0
    for r in rows:
        pos += len(r or b"")
        offsets.append(pos)
    valid = pa.array([r is not None for r in rows]).buffers()[1]
    off_type = pa.int32() if kind == "string" else pa.int64()
    arr = pa.Array.from_buffers(
        pa.string() if kind == "string" else pa.large_string(),
        len(rows),
        [valid, pa.array(offsets, off_type).buffers()[1], pa.py_buffer(data)],
    )
    return arr, [good[0], None, None, good[1]]


@pytest.mark.parametrize("kind", ["string", "large_string"])
def test_a_row_that_is_not_utf8_gets_its_own_error_in_analyze(kind: str) -> None:
    # Found by hand: such an array used to reach the tokenizer as an invalid
    # &str and panic. In analyze, that row gets `error` and the others are
    # analyzed (one stray byte must not fail a Spark task).
    arr, texts = _with_invalid_utf8(kind)
    got = rows(khabar.arrow.analyze(arr))
    assert got[1] is not None and got[1]["error"].startswith("UnicodeError: not valid UTF-8")
    assert got[1]["entities"] == [] and got[1]["title"] is None
    assert got[2] is None
    want = expected(texts)
    assert got[0] == want[0] and got[3] == want[3]


@pytest.mark.parametrize("stage", ["tag", "normalize"])
def test_invalid_utf8_in_a_single_stage_is_a_clear_error(stage: str) -> None:
    arr, _ = _with_invalid_utf8()
    with pytest.raises(UnicodeError, match="Invalid UTF8"):
        getattr(khabar.arrow, stage)(arr)
    # A valid array right after works as usual.
    assert getattr(khabar.arrow, stage)(pa.array(["زار الرئيس طهران"])) is not None


def small_tagger() -> khabar.Tagger:
    """A tagger trained on the first 300 sentences of the bundled ANERcorp
    train file (one perceptron, a second): not the shipped one."""
    return khabar.Tagger.from_conll(anercorp_train_head(300), bag=1, epochs=3)


def test_a_trained_tagger_runs_on_the_arrow_path() -> None:
    tagger = small_tagger()
    texts = [t for _, t in seed_texts()] + [None]
    arr = pa.array(texts)
    docs = iter(khabar.analyze_batch([t for t in texts if t is not None], threads=2, tagger=tagger))
    want = [None if t is None else next(docs).to_dict() for t in texts]
    assert rows(khabar.arrow.analyze(arr, threads=2, tagger=tagger)) == want
    assert rows(khabar.arrow.analyze(arr, threads=2)) != want
    tagged = khabar.arrow.tag(arr, tagger=tagger).to_pylist()
    assert tagged[:-1] == [[e.to_dict() for e in tagger.tag(t)] for t in texts[:-1]] and tagged[-1] is None
    with pytest.raises(TypeError, match="khabar.Tagger"):
        khabar.arrow.analyze(arr, tagger="shipped")  # type: ignore[arg-type]
