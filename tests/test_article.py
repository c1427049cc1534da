"""khabar.parse_article on the article fixtures (tests/data/articles/),
the same expectations cargo test checks."""

from __future__ import annotations

import pathlib
import tomllib

import pytest

import khabar

ROOT = pathlib.Path(__file__).parent.parent
FIXTURES = sorted((ROOT / "tests" / "data" / "articles").glob("*.toml"))


def _load(path: pathlib.Path) -> tuple[str, dict]:
    expected = tomllib.loads(path.read_text(encoding="utf-8"))
    raw_path = ROOT / expected["raw"] if "raw" in expected else path.with_suffix(".txt")
    return raw_path.read_text(encoding="utf-8"), expected


def _dropped(d: khabar.Dropped) -> list:
    reason = d.reason if d.of_line is None else f"{d.reason}:{d.of_line}"
    return [d.line, reason]


def _flag(f: dict) -> str:
    parts = [f["kind"]]
    if f["line"] is not None and f["kind"] != "no_publication_date":
        parts.append(str(f["line"]))
    if f["of_line"] is not None:
        parts.append(str(f["of_line"]))
    return ":".join(parts)


def test_fixture_count() -> None:
    assert len(FIXTURES) >= 15


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture(path: pathlib.Path) -> None:
    raw, e = _load(path)
    a = khabar.parse_article(raw)
    assert a.title == e.get("title")
    assert a.subtitle == e.get("subtitle")
    assert a.byline == e.get("byline")
    assert a.published == e.get("published")
    assert a.published_precision == e.get("published_precision")
    assert a.updated == e.get("updated")
    assert a.url == e.get("url")
    assert a.dateline_place == e.get("dateline_place")
    assert a.language == e["language"]
    assert [[line, kind] for line, kind in zip(a.paragraph_lines, a.paragraph_kinds)] == e["paragraphs"]
    assert a.headings == [p for p, k in zip(a.paragraphs, a.paragraph_kinds) if k == "heading"]
    assert a.related == e["related"]
    assert [_dropped(d) for d in a.dropped] == e["dropped"]
    assert sorted(_flag(f) for f in a.flags) == sorted(e["flags"])


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_every_line_accounted_for(path: pathlib.Path) -> None:
    raw, _ = _load(path)
    a = khabar.parse_article(raw)
    lines = raw.split("\n")
    kept = {l.strip() for l in lines if l.strip()}
    seen = set(a.paragraphs) | set(a.related) | {d.text for d in a.dropped}
    seen |= {t for t in (a.title, a.subtitle) if t}
    # Related titles drop their `اقرأ المزيد:` label; compare by containment.
    for line in kept:
        assert line in seen or any(r in line for r in a.related), line
    count = len(a.paragraphs) + len(a.related) + len(a.dropped) + (a.title is not None) + (a.subtitle is not None)
    assert count == sum(1 for l in lines if l.strip())


def test_hints_win() -> None:
    raw = "عنوان الخبر\n\nالثلاثاء 25 يناير 2022 - 16:28\nقال الوزير أمس إن المحادثات ستستمر طويلا.\n"
    a = khabar.parse_article(raw, published="2022-02-01T09:30", url="https://example.org/x")
    assert a.published == "2022-02-01T09:30"
    assert a.published_precision == "datetime"
    assert a.url == "https://example.org/x"
    with pytest.raises(ValueError, match="published"):
        khabar.parse_article(raw, published="yesterday")


def test_to_dict_and_types() -> None:
    raw, _ = _load(ROOT / "tests" / "data" / "articles" / "seed_003.toml")
    a = khabar.parse_article(raw)
    d = a.to_dict()
    assert d["title"] == a.title
    assert [p["text"] for p in d["paragraphs"]] == a.paragraphs
    assert d["dropped"][0] == {"line": 1, "text": ".", "reason": "noise", "of_line": None, "metadata": None}
    assert {"kind": "empty_date_label", "line": 10, "of_line": None, "text": None} in d["flags"]
    assert a.published is None


@pytest.mark.parametrize("raw", ["", "   \n\t\n", ".\n..\n...", "\x00\x01\ufffd", "а" * 100_000])
def test_any_input_parses(raw: str) -> None:
    a = khabar.parse_article(raw)
    count = len(a.paragraphs) + len(a.related) + len(a.dropped) + (a.title is not None) + (a.subtitle is not None)
    assert count == sum(1 for l in raw.split("\n") if l.strip())


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_pickle_round_trip(path: pathlib.Path) -> None:
    import pickle

    raw, _ = _load(path)
    a = khabar.parse_article(raw)
    b = pickle.loads(pickle.dumps(a))
    assert isinstance(b, khabar.Article)
    assert b.to_dict() == a.to_dict()
    assert [d.to_dict() for d in pickle.loads(pickle.dumps(a.dropped))] == [d.to_dict() for d in a.dropped]


def test_repr_is_python_style() -> None:
    a = khabar.parse_article("عنوان الخبر\n\n15 آذار 2024\nقال الوزير إن المحادثات ستستمر طويلا.\n.\n")
    assert repr(a) == "Article(title='عنوان الخبر', published='2024-03-15', paragraphs=1, dropped=2)"
    empty = khabar.parse_article("")
    assert repr(empty) == "Article(title=None, published=None, paragraphs=0, dropped=0)"
    assert repr(a.dropped[-1]) == "Dropped(line=5, reason='noise', text='.')"
