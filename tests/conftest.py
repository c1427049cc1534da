"""Shared fixtures: the bundled sample articles and the data tables."""

from __future__ import annotations

import pathlib
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLES = ROOT / "examples" / "articles"


def load_table(name: str) -> dict:
    with open(DATA / name, "rb") as fh:
        return tomllib.load(fh)


def seed_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str]]:
    return seed_texts()
