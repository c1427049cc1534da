"""The date families of issue 19 (tests/data/dates_families.toml: times in
words, hours and minutes ago, days of this/last/next month, ranges and lists,
English dates, bare weekdays, decades and centuries), read by cargo test too
(crates/khabar-dates/tests/families.rs). Every row must match, negatives
included; a reference may carry a time of day and a UTC offset."""

from __future__ import annotations

import pathlib
import tomllib

import pytest

import khabar
from conftest import date_rows

DATA = pathlib.Path(__file__).parent / "data" / "dates_families.toml"
CASES = tomllib.loads(DATA.read_text(encoding="utf-8"))["case"]




def test_table_size() -> None:
    assert len(CASES) >= 200
    families = {c["family"] for c in CASES}
    assert families == {"time_words", "hours_ago", "month_day", "ranges", "english", "weekday", "decades"}
    # Every family has negative cases.
    for f in families:
        assert any(c["family"] == f and (not c["expect"] or c.get("negative")) for c in CASES), f


@pytest.mark.parametrize("case", CASES, ids=[f"{c['family']}:{c['text'][:30]}" for c in CASES])
def test_family_case(case: dict) -> None:
    rows, mismatch = date_rows(case)
    assert rows == case["expect"], case["text"]
    assert mismatch == case.get("mismatch", False), case["text"]


def test_reference_with_a_time() -> None:
    (m,) = khabar.find_dates("قبل ساعتين", "2021-03-03T12:10+03:00")
    assert (m.value, m.precision, m.utc_offset) == ("2021-03-03T10:10+03:00", "datetime", 180)
    (d,) = khabar.find_dates("قبل ساعتين", "2021-03-03")
    assert (d.value, d.precision) == ("2021-03-03", "day")
    with pytest.raises(ValueError, match="reference"):
        khabar.find_dates("قبل ساعتين", "2021-03-03T25:10")
