"""The integration examples under examples/ run to the end and print what
they say they print (each one asserts its own offsets too)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import khabar
from conftest import ROOT, need, seed_texts

EXAMPLES = ROOT / "examples"


def run(name: str, *args: str) -> str:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, env=env, timeout=600, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_spacy_pipeline(tmp_path: pathlib.Path) -> None:
    need("spacy")
    page = tmp_path / "ents.html"
    out = run("spacy_pipeline.py", str(page))
    assert "['khabar']" in out
    assert "PERSON   محمد رضا قرائي أشتياني" in out and "title=العميد الركن" in out
    assert "strict mode leaves out: [('طهران', 'unaligned')]" in out
    docs = khabar.analyze_batch([t for _, t in seed_texts()])
    for d in docs:
        assert f"{len(d.entities):3d} entities, {len(d.dropped):2d} dropped lines" in out
    assert f"displaCy page: {page} (rtl)" in out
    assert page.read_text(encoding="utf-8").count("<mark") == len(docs[0].entities)


def test_datasets_map() -> None:
    need("datasets")
    out = run("datasets_map.py")
    docs = khabar.analyze_batch([t for _, t in seed_texts()])
    assert "num_rows: 5" in out
    for d in docs:
        assert f"{d.published}  {d.title}" in out


def test_polars_frame() -> None:
    need("polars")
    out = run("polars_frame.py")
    docs = khabar.analyze_batch([t for _, t in seed_texts()])
    assert "shape: (5, 4)" in out
    top = {}
    for d in docs:
        for e in d.entities:
            if e.label == "PERSON":
                top[e.canonical] = top.get(e.canonical, 0) + 1
    best = max(top.items(), key=lambda kv: kv[1])
    assert best[0] in out
    assert "List(Struct" in out

