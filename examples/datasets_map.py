"""khabar over a Hugging Face dataset of local files: ``Dataset.map(batched=True)``
with ``khabar.arrow.analyze``, Arrow in and Arrow out (no Python object per row).
Nothing is fetched from the hub.

    pip install 'khabar[datasets]'
    python examples/datasets_map.py [FOLDER]      (default: examples/articles)
"""

# %% Offline: a dataset of local text files, one row per file.
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

import pathlib
import sys
import tempfile

import datasets
import pyarrow as pa

import khabar.arrow

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "articles")
files = sorted(str(p) for p in folder.glob("*.txt"))
cache = tempfile.mkdtemp(prefix="khabar-datasets-")
ds = datasets.load_dataset("text", data_files=files, sample_by="document", split="train", cache_dir=cache)
print(ds)

# %% The map: each batch arrives as a pyarrow Table and leaves with khabar's
# columns appended (title, published, entities as list<struct>, ...). In Arrow
# format datasets keeps exactly the columns the function returns.
def with_analysis(batch: pa.Table) -> pa.Table:
    out = khabar.arrow.analyze(batch["text"])
    return pa.Table.from_arrays(batch.columns + out.columns, batch.column_names + out.column_names)


ds = ds.with_format("arrow").map(with_analysis, batched=True, batch_size=256)
print(ds.features["entities"])

# %% Back to Python rows: a row's entities are dicts with code-point offsets.
rows = ds.with_format(None)
for row in rows:
    people = [e["text"] for e in row["entities"] if e["label"] == "PERSON"]
    print(f"{row['published']}  {row['title']}\n    people: {people[:4]}")
first = rows[0]
e = first["entities"][0]
assert first["text"][e["start"] : e["end"]] == e["text"]
