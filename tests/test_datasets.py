"""Hugging Face datasets through khabar.arrow: Dataset.map(batched=True) over a
dataset of local files (no hub: HF_HUB_OFFLINE / HF_DATASETS_OFFLINE) equals
analyze_batch row for row, on the sample articles and on benches/corpus.py's
2,000-document corpus."""

from __future__ import annotations

import os
import pathlib
import sys
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import khabar  # noqa: E402
from conftest import ARTICLES, ROOT, need, seed_texts  # noqa: E402

datasets = need("datasets")
pa = need("pyarrow")

import khabar.arrow  # noqa: E402

sys.path.insert(0, str(ROOT / "benches"))
import corpus  # noqa: E402


def add_analysis(batch: Any) -> Any:
    """The map function (the README's): the batch as a pyarrow Table in, the
    same table with khabar's columns appended out. In Arrow format, datasets
    replaces the columns with what the function returns, so it returns all."""
    out = khabar.arrow.analyze(batch["text"])
    return pa.Table.from_arrays(batch.columns + out.columns, batch.column_names + out.column_names)


def analyzed(ds: Any, **kwargs: Any) -> Any:
    return ds.with_format("arrow").map(add_analysis, batched=True, **kwargs)


def expected(texts: list[str]) -> list[dict[str, Any]]:
    return [d.to_dict() for d in khabar.analyze_batch(texts, threads=2)]


def without(rows: list[dict[str, Any]], column: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != column} for r in rows]


def test_local_files_row_for_row(tmp_path: pathlib.Path) -> None:
    files = sorted(str(p) for p in ARTICLES.glob("*.txt"))
    ds = datasets.load_dataset("text", data_files=files, sample_by="document", split="train", cache_dir=str(tmp_path))
    assert ds.num_rows == len(files)
    out = analyzed(ds, batch_size=2)
    table = out.data.table if hasattr(out.data, "table") else out.with_format("arrow")[:]
    texts = table.column("text").to_pylist()
    # The text loader keeps each file whole (sample_by="document"), up to its final newline.
    assert [t.rstrip("\n") for t in texts] == [t.rstrip("\n") for _, t in seed_texts()]
    assert without(table.to_pylist(), "text") == expected(texts)
    # The nested columns are datasets features, not strings.
    assert "entities" in out.features and out.num_rows == len(files)


def test_generated_corpus_of_2000_row_for_row() -> None:
    texts = corpus.generate(2000)
    ds = datasets.Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    out = analyzed(ds, batch_size=500)
    table = out.with_format("arrow")[:]
    assert table.column("id").to_pylist() == list(range(len(texts)))
    assert without(without(table.to_pylist(), "text"), "id") == expected(texts)
    # Back as Python rows: the entities of a row are a list of dicts.
    row = out.with_format(None)[3]
    assert row["entities"] == expected(texts[3:4])[0]["entities"]
