"""Run by scripts/wheel-test.sh with the Python of a fresh virtualenv that has
only the built wheel (and its extras) installed and no cargo/rustc on PATH:
khabar and its integrations import from that wheel and give what the
developer build gives (the JSONL of the samples written by both)."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
checks: list[str] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    checks.append(name)
    if not ok:
        sys.exit(f"wheel check failed: {name} {detail}")
    print(f"ok  {name}")


site = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
check("no cargo or rustc on PATH", shutil.which("cargo") is None and shutil.which("rustc") is None)

import khabar  # noqa: E402
import khabar._khabar  # noqa: E402

check("khabar comes from the wheel", pathlib.Path(khabar._khabar.__file__).resolve().is_relative_to(site), khabar.__file__)
check("the wheel is not the source tree", not pathlib.Path(khabar.__file__).resolve().is_relative_to(ROOT / "python"))

# The command line on the samples: the same records as the developer build's.
cli = shutil.which("khabar")
out = pathlib.Path(tempfile.mkdtemp()) / "samples.jsonl"
# From the repository root, as the reference was written (records name their file).
run = subprocess.run([cli or "khabar", "analyze", "--quiet", "--format", "jsonl", "-o", str(out), "examples/articles"],
                     capture_output=True, text=True, check=False, cwd=ROOT)
check("khabar analyze examples/articles", run.returncode == 0, run.stderr)
mine = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
reference = pathlib.Path(os.environ["KHABAR_REFERENCE_JSONL"])
theirs = [json.loads(line) for line in reference.read_text(encoding="utf-8").splitlines()]
check("same records as the developer build", mine == theirs and len(mine) == 5, f"{len(mine)} vs {len(theirs)}")
table = subprocess.run([cli or "khabar", "analyze", "--format", "table", str(ARTICLES)], capture_output=True, text=True, check=False)
check("khabar analyze --format table", table.returncode == 0 and table.stdout.count("\n") >= 6, table.stderr)

# The optional integrations, installed as extras.
texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
docs = khabar.analyze_batch(texts)

import spacy  # noqa: E402

nlp = spacy.blank("ar")
nlp.add_pipe("khabar")  # through the wheel's spacy_factories entry point
sdocs = list(nlp.pipe(texts))
check("spaCy component", [[(s.start_char, s.end_char, s.label_) for s in d.ents] for d in sdocs]
      == [[(e.start, e.end, e.label) for e in d.entities] for d in docs])

import polars as pl  # noqa: E402

import khabar.polars  # noqa: E402

check("polars", khabar.polars.analyze(pl.Series(texts)).to_dicts() == [d.to_dict() for d in docs])

os.environ["HF_HUB_OFFLINE"] = os.environ["HF_DATASETS_OFFLINE"] = "1"
import datasets  # noqa: E402
import pyarrow as pa  # noqa: E402

import khabar.arrow  # noqa: E402


def with_analysis(batch: pa.Table) -> pa.Table:
    out = khabar.arrow.analyze(batch["text"])
    return pa.Table.from_arrays(batch.columns + out.columns, batch.column_names + out.column_names)


ds = datasets.Dataset.from_dict({"text": texts}).with_format("arrow").map(with_analysis, batched=True)
rows = [{k: v for k, v in r.items() if k != "text"} for r in ds.with_format("arrow")[:].to_pylist()]
check("datasets", rows == [d.to_dict() for d in docs])

import khabar.pandas  # noqa: E402

articles, entities = khabar.to_pandas(docs)
check("pandas", len(articles) == 5 and len(entities) == sum(len(d.entities) for d in docs))

for example in ("spacy_pipeline.py", "datasets_map.py", "polars_frame.py"):
    ran = subprocess.run([sys.executable, str(ROOT / "examples" / example), *([str(out.with_suffix(".html"))] if "spacy" in example else [])],
                         capture_output=True, text=True, check=False)
    check(f"examples/{example}", ran.returncode == 0, ran.stderr[-2000:])

print(f"wheel: {len(checks)} passed, 0 failed")
