"""khabar into polars: one row per article, entities as a list of structs that
``explode`` and ``unnest`` turn into a table of mentions.

    pip install 'khabar[polars]'
    python examples/polars_frame.py [FOLDER]      (default: examples/articles)
"""

# %% Read a folder into a frame.
import pathlib
import sys

import polars as pl

import khabar.polars

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "articles")
paths = sorted(folder.glob("*.txt"))
articles = pl.DataFrame({"file": [p.name for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]})

# %% Add the analysis as khabar_* columns (Rust, all cores, through Arrow).
docs = khabar.polars.analyze_frame(articles, text_col="text")
print(docs.select("file", "khabar_title", "khabar_published", pl.col("khabar_entities").list.len().alias("entities")))

# %% One row per mention, then who is mentioned most.
mentions = docs.select("file", "khabar_entities").explode("khabar_entities").unnest("khabar_entities")
print(mentions.select("file", "label", "text", "canonical", "start", "end").head(8))
top = mentions.group_by("label", "canonical").len().sort("len", descending=True)
print(top.filter(pl.col("label") == "PERSON").head(5))

# %% Or a plain Series in, a frame of khabar's columns out.
frame = khabar.polars.analyze(articles["text"], threads=2)
print(frame.schema["entities"])
