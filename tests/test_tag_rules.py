"""The tagger's rule table (tests/data/tag_rules.toml), read by cargo test too.

Each row gives every entity `khabar.tag` finds in its text. The Rust side also
switches the row's rule off and checks what changes; here the shipped tagger's
answer is checked: surfaces, labels, offsets, and the titles and keys a row
names, and each entity's source (`model`, `gazetteer`, `rule:<name>`,
`propagated`, `dates`) where the row gives one.
"""

from __future__ import annotations

import pathlib
import tomllib

import pytest

import khabar

DATA = pathlib.Path(__file__).parent / "data" / "tag_rules.toml"
TABLE = tomllib.loads(DATA.read_text(encoding="utf-8"))
ROWS = TABLE["row"]


def _by_surface(ents: list[khabar.Entity], surface: str) -> khabar.Entity:
    found = [e for e in ents if e.text == surface]
    assert found, f"{surface!r} not among {[e.text for e in ents]}"
    return found[0]


def test_every_row_has_a_rule_and_the_table_covers_rules() -> None:
    rules = {row["rule"] for row in ROWS}
    assert len(rules) >= 27
    assert set(TABLE["dead"]) <= rules
    for rule in rules - set(TABLE["dead"]):
        assert any(r["rule"] == rule and r.get("fires", True) for r in ROWS), rule


@pytest.mark.parametrize("row", ROWS, ids=[f"{i:03d}-{r['rule']}" for i, r in enumerate(ROWS)])
def test_rule_row(row: dict) -> None:
    text = row["text"]
    ents = khabar.tag(text)
    for e in ents:
        assert text[e.start : e.end] == e.text
    assert [[e.text, e.label] for e in ents] == [want[:2] for want in row["entities"]], text
    for e, want in zip(ents, row["entities"]):
        if len(want) > 2:
            assert e.source == want[2], (text, e.text)
    for surface, title in row.get("titles", []):
        assert (_by_surface(ents, surface).title or "") == title, text
    for surface, key in row.get("canonical", []):
        assert _by_surface(ents, surface).canonical == key, text
