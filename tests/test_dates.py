"""The shared date table (tests/data/dates.toml), read by cargo test too."""

from __future__ import annotations

import pathlib
import tomllib

import pytest

import khabar
from conftest import date_rows

DATA = pathlib.Path(__file__).parent / "data" / "dates.toml"
CASES = tomllib.loads(DATA.read_text(encoding="utf-8"))["case"]




def test_table_size() -> None:
    assert len(CASES) >= 150
    assert any(not c["expect"] for c in CASES), "negative cases are part of the table"


@pytest.mark.parametrize("case", CASES, ids=[f"{i:03d}" for i in range(len(CASES))])
def test_date_case(case: dict) -> None:
    rows, mismatch = date_rows(case)
    assert rows == case["expect"], case["text"]
    assert mismatch == case.get("mismatch", False), case["text"]


def test_offsets_are_code_points_after_astral_characters() -> None:
    text = "😀😀 في 25 يناير 2022"
    (m,) = khabar.find_dates(text)
    assert text[m.start : m.end] == "25 يناير 2022"
    assert m.start == text.index("25")


def test_no_reference_never_means_today() -> None:
    (m,) = khabar.find_dates("وصل الوفد أمس")
    assert m.value is None
    assert m.precision == "unresolved"
    (m,) = khabar.find_dates("في 22 يناير")
    assert m.value == "--01-22"


def test_hijri_original_is_kept() -> None:
    (m,) = khabar.find_dates("في 15 رمضان 1443 هـ")
    assert m.calendar == "hijri"
    assert m.hijri == "1443-09-15"
    assert m.value == "2022-04-16"
    assert m.to_dict()["hijri"] == "1443-09-15"


def test_bad_reference_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="reference"):
        khabar.find_dates("أمس", reference="25/01/2022")
    with pytest.raises(TypeError):
        khabar.find_dates(b"bytes")  # type: ignore[arg-type]


def test_pickle_round_trip() -> None:
    import pickle

    found = khabar.find_dates("الخميس 15 ربيع الأول 1443 هـ الموافق 21 أكتوبر 2021 م وأمس", "2021-10-21")
    again = pickle.loads(pickle.dumps(found))
    assert [m.to_dict() for m in again] == [m.to_dict() for m in found]
    assert again[0].hijri == "1443-03-15"


def test_a_utc_offset_after_a_time_is_kept() -> None:
    import pickle

    text = "وقع الانفجار في 25 يناير 2022 عند 16:28 بتوقيت غرينتش +3 قرب الميناء"
    (m,) = khabar.find_dates(text)
    assert text[m.start : m.end] == m.text == "25 يناير 2022 عند 16:28"
    assert (m.value, m.utc_offset, m.precision) == ("2022-01-25T16:28+03:00", 180, "datetime")
    assert pickle.loads(pickle.dumps(m)).utc_offset == 180
    # A zone named by a place is never turned into an offset; a day has none.
    (local,) = khabar.find_dates("وقع الانفجار في 25 يناير 2022 عند 16:28 بتوقيت مكة المكرمة")
    assert (local.value, local.utc_offset) == ("2022-01-25T16:28", None)
    (day,) = khabar.find_dates("في 25 يناير 2022 GMT")
    assert (day.value, day.utc_offset) == ("2022-01-25", None)
    # A pickle from before the field still loads.
    old = m.to_dict()
    del old["utc_offset"]
    assert khabar._khabar._date_mention_from_dict(old).utc_offset is None


def test_repr_is_python_style() -> None:
    (m,) = khabar.find_dates("15 آذار 2024")
    assert repr(m) == "DateMention(text='15 آذار 2024', start=0, end=12, value='2024-03-15', precision='day')"
    (u,) = [d for d in khabar.find_dates("وصل أمس") if d.value is None]
    assert "value=None" in repr(u) and "Some(" not in repr(u)
