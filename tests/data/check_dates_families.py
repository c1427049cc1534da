#!/usr/bin/env python3
"""Check tests/data/dates_families.toml by itself, without khabar.

    python3 tests/data/check_dates_families.py [path]

A fixture that is wrong makes the grammar work chase a wrong answer, so every
value is recomputed here with Python's datetime from the words of its
surface and the case's reference, independently of khabar's grammar:

* format: the keys, the families, the reference (a date, optionally a time
  of day and a UTC offset), rows of 3 or 4 fields, the precisions;
* surfaces: each one is a substring of the text, in order, not overlapping;
* values: they parse as the precision says (`2022`, `2022-01`, `--01`,
  `2022-01-25`, `--01-25`, `2022-01-25T16:28(+03:00)`, `T06:29(+03:00)`,
  intervals whose two ends have the same shape, first end not after the
  second, "" only for unresolved) and name real days;
* weekdays: a weekday named in a surface (Arabic or English) is the weekday
  of the resolved day (of the first/last day of an interval), and the case's
  `mismatch` is true exactly when one of them contradicts;
* tense: a bare weekday marked "past" resolves within the week up to the
  reference (strictly before it after `الماضي`), "future" within the week
  from the reference;
* arithmetic per family: hours and minutes ago from the reference time,
  days and parts of the last/this/next month, times of day from the hour
  and minute words, decades and centuries from their words, English dates
  from their words, the years named in a range.

Exits 1 and lists the problems when there are any.
"""

from __future__ import annotations

import calendar
import datetime as dt
import pathlib
import re
import sys
import tomllib

FAMILIES = ("time_words", "hours_ago", "month_day", "ranges", "english", "weekday", "decades")
PRECISIONS = ("year", "month", "day", "datetime", "time", "interval", "unresolved")

# --- words ------------------------------------------------------------------

_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel


def fold(s: str) -> str:
    """Hamza seats, alef maqsura, ta marbuta and marks folded, for lexicons."""
    s = _MARKS.sub("", s)
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}))


def words(s: str) -> list[str]:
    return re.findall(r"[\w\-]+", fold(s))


AR_WEEKDAYS = {  # folded word -> Python weekday (Monday = 0)
    "الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
    "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
EN_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
# Cardinal words (counts of hours and minutes), folded.
CARDINALS = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4,
    "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8,
    "ثمان": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20,
    "وعشرين": 20, "ثلاثين": 30, "وثلاثين": 30,
}
# Ordinal words (days of a month, hours, centuries), folded; masculine and
# feminine; `الحادي`/`الحاديه` is 1 only in compounds.
ORDINALS = {
    "الاول": 1, "الاولي": 1, "الحادي": 1, "الحاديه": 1, "الواحده": 1, "الثاني": 2,
    "الثانيه": 2, "الثالث": 3, "الثالثه": 3, "الرابع": 4, "الرابعه": 4, "الخامس": 5,
    "الخامسه": 5, "السادس": 6, "السادسه": 6, "السابع": 7, "السابعه": 7, "الثامن": 8,
    "الثامنه": 8, "التاسع": 9, "التاسعه": 9, "العاشر": 10, "العاشره": 10,
    "العشرين": 20, "الثلاثين": 30,
}
DECADES = {  # decade word stems, folded, without `ال` and the plural ending
    "عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70,
    "ثمانين": 80, "تسعين": 90,
}


def ordinal_at(ws: list[str], i: int) -> tuple[int, int] | None:
    """An ordinal (1–31) starting at ws[i]: (value, words read)."""
    if i >= len(ws) or ws[i] not in ORDINALS:
        return None
    n = ORDINALS[ws[i]]
    if n < 10 and i + 1 < len(ws) and ws[i + 1] in ("عشر", "عشره"):
        return n + 10, 2
    if n < 10 and i + 1 < len(ws) and ws[i + 1] in ("والعشرين", "والثلاثين"):
        return n + (20 if ws[i + 1] == "والعشرين" else 30), 2
    if ws[i] in ("الحادي", "الحاديه"):
        return None
    return n, 1


# --- values -------------------------------------------------------------------

OFFSET = r"(?:[+-]\d{2}:\d{2})?"
SHAPES = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "pmonth": re.compile(r"--\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "pday": re.compile(r"--\d{2}-\d{2}"),
    "datetime": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}" + OFFSET),
    "time": re.compile(r"T\d{2}:\d{2}" + OFFSET),
}


def shape(v: str) -> str | None:
    for name, rx in SHAPES.items():
        if rx.fullmatch(v):
            return name
    return None


def check_end(v: str, kind: str) -> None:
    """Raise ValueError unless v names a real year, month, day or time."""
    if kind in ("day", "datetime"):
        dt.date.fromisoformat(v[:10])
    if kind == "pday":
        dt.date(2000, int(v[2:4]), int(v[5:7]))  # leap year: 02-29 exists
    if kind in ("month", "pmonth"):
        if not 1 <= int(v[-2:]) <= 12:
            raise ValueError(v)
    if kind in ("datetime", "time"):
        hm = v.split("T")[1][:5]
        dt.time(int(hm[:2]), int(hm[3:5]))
        off = v.split("T")[1][5:]
        if off and not (int(off[1:3]) <= 14 and int(off[4:6]) < 60):
            raise ValueError(v)


def first_day(v: str) -> dt.date:
    k = shape(v)
    if k == "year":
        return dt.date(int(v), 1, 1)
    if k == "month":
        return dt.date(int(v[:4]), int(v[5:7]), 1)
    return dt.date.fromisoformat(v[:10])


def last_day(v: str) -> dt.date:
    k = shape(v)
    if k == "year":
        return dt.date(int(v), 12, 31)
    if k == "month":
        y, m = int(v[:4]), int(v[5:7])
        return dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date.fromisoformat(v[:10])


def check_value(value: str, precision: str) -> str | None:
    """A problem with a value of this precision, or None."""
    if precision == "unresolved":
        return None if value == "" else "an unresolved row has a value"
    if value == "":
        return "a resolved precision with an empty value"
    try:
        if precision == "interval":
            parts = value.split("/")
            if len(parts) != 2:
                return "an interval needs two ends"
            a, b = (shape(p) for p in parts)
            if a is None or a != b or a in ("datetime", "time"):
                return f"interval ends of different or bad shapes: {value}"
            for p in parts:
                check_end(p, a)
            if parts[0] > parts[1]:
                return f"interval ends in the wrong order: {value}"
            return None
        want = {"year": ("year",), "month": ("month", "pmonth"), "day": ("day", "pday"),
                "datetime": ("datetime",), "time": ("time",)}[precision]
        k = shape(value)
        if k not in want:
            return f"value {value!r} is not of precision {precision}"
        check_end(value, k)
    except ValueError as e:
        return f"value {value!r} does not parse: {e}"
    return None


# --- references -----------------------------------------------------------------

REF = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?")


class Ref:
    def __init__(self, s: str) -> None:
        m = REF.fullmatch(s)
        if not m:
            raise ValueError(f"bad ref {s!r}")
        self.date = dt.date.fromisoformat(m.group(1))
        self.time = (int(m.group(2)), int(m.group(3))) if m.group(2) else None
        off = m.group(4)
        self.offset = "+00:00" if off == "Z" else (off or "")
        if self.time:
            dt.time(*self.time)

    def moment(self) -> dt.datetime:
        assert self.time
        return dt.datetime.combine(self.date, dt.time(*self.time))


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + n
    return m // 12, m % 12 + 1


# --- per-family recomputation: the expected value from the surface ---------------


def minutes_of(ws: list[str]) -> int | None:
    """`ساعتين` → 120, `40 دقيقه` → 40, `نصف ساعه` → 30, `ساعه ونصف` → 90."""
    text = " ".join(ws)
    if text == "نصف ساعه":
        return 30
    if text == "ساعه ونصف":
        return 90
    unit = {"ساعه": 60, "ساعات": 60, "ساعتين": 120, "ساعتان": 120, "دقيقه": 1,
            "دقايق": 1, "دقائق": 1, "دقيقتين": 2, "دقيقتان": 2}
    if len(ws) == 1 and ws[0] in unit:  # singular or dual: the count is in the word
        return unit[ws[0]]
    if len(ws) == 2 and ws[1] in unit:
        n = int(ws[0]) if ws[0].isdigit() else CARDINALS.get(ws[0])
        return None if n is None else n * unit[ws[1]]
    return None


def expect_hours_ago(surface: str, ref: Ref | None) -> str | None:
    ws = words(surface)
    sign = {"قبل": -1, "منذ": -1, "بعد": 1}[ws[0]]
    mins = minutes_of(ws[1:])
    if mins is None:
        raise ValueError(f"cannot read the duration of {surface!r}")
    if ref is None:
        return ""
    if ref.time is None:
        return ref.date.isoformat()
    t = ref.moment() + sign * dt.timedelta(minutes=mins)
    return t.strftime("%Y-%m-%dT%H:%M") + ref.offset


DIRS = {"الماضي": -1, "المنصرم": -1, "الجاري": 0, "الحالي": 0, "المقبل": 1, "القادم": 1}
PARTS_OF_MONTH = {"مطلع": (1, 10), "بدايه": (1, 10), "اوايل": (1, 10), "اوائل": (1, 10),
                  "منتصف": (11, 20), "اواسط": (11, 20), "اواخر": (21, 31), "نهايه": (21, 31)}


def expect_month_day(surface: str, ref: Ref | None) -> str | None:
    ws = [w for w in words(surface) if w not in AR_WEEKDAYS]
    direction = next((DIRS[w] for w in ws if w in DIRS), None)
    if direction is None:
        raise ValueError(f"no direction word in {surface!r}")
    if ref is None:
        return ""
    y, m = add_months(ref.date, direction)
    last = calendar.monthrange(y, m)[1]
    if ws[0] in PARTS_OF_MONTH:
        lo, hi = PARTS_OF_MONTH[ws[0]]
        return f"{dt.date(y, m, lo)}/{dt.date(y, m, min(hi, last))}"
    # `20`, `الـ20` (folded `ال20`), `الـ 12` (folded `ال` `12`)
    if ws[0] == "ال" and ws[1].isdigit():
        day = int(ws[1])
    elif re.fullmatch(r"(?:ال)?\d+", ws[0]):
        day = int(ws[0].removeprefix("ال"))
    else:
        o = ordinal_at(ws, 0)
        if o is None:
            raise ValueError(f"cannot read the day of {surface!r}")
        day = o[0]
    return dt.date(y, m, day).isoformat()


def hour_minute(ws: list[str]) -> tuple[int, int] | None:
    """The time of day named by words, or None when they name none."""
    if ws[:2] == ["منتصف", "الليل"]:
        return 0, 0
    i = 0
    if ws[i].isdigit():
        # an hour in digits counts only with a part of day after it (`8 مساء`)
        if len(ws) < 2 or ws[1] not in ("صباحا", "مساء", "ظهرا", "عصرا", "ليلا", "فجرا"):
            return None
        h, i = int(ws[i]), i + 1
    else:
        o = ordinal_at(ws, i)
        if o is None or not 1 <= o[0] <= 12:
            return None
        h, i = o[0], i + o[1]
    minute = 0
    if i < len(ws) and ws[i] in ("والربع", "والثلث", "والنصف"):
        minute = {"والربع": 15, "والثلث": 20, "والنصف": 30}[ws[i]]
        i += 1
    elif i + 1 < len(ws) and ws[i] == "الا":
        minute = -{"ربعا": 15, "ربع": 15, "ثلثا": 20, "ثلث": 20}[ws[i + 1]]
        i += 2
    elif i < len(ws) and ws[i].startswith("و") and (ws[i][1:] in CARDINALS or ws[i][1:].isdigit()):
        minute = CARDINALS.get(ws[i][1:]) or int(ws[i][1:])
        i += 1
        if i < len(ws) and ws[i] in CARDINALS:  # وخمس وعشرين
            minute += CARDINALS[ws[i]]
            i += 1
        if i < len(ws) and ws[i] in ("دقيقه", "دقايق", "دقائق"):
            i += 1
    part = ws[i] if i < len(ws) else ""
    if part == "من" and i + 1 < len(ws):  # `الحادية عشرة من مساء الخميس`
        part = {"مساء": "مساء", "صباح": "صباحا", "ظهر": "ظهرا", "فجر": "فجرا"}.get(ws[i + 1], "")
    if part == "بعد" and i + 1 < len(ws) and ws[i + 1] == "الظهر":
        part = "عصرا"
    if part in ("ظهرا",):
        h = h if h == 12 else h + 12 if h <= 5 else h
    elif part in ("عصرا", "مساء"):
        h = h + 12 if h < 12 else h
    elif part == "ليلا":
        h = h + 12 if 6 <= h <= 11 else 0 if h == 12 else h
    total = h * 60 + minute
    return (total // 60) % 24, total % 60


def offset_after(rest: str) -> str:
    """The UTC offset the text writes right after a time: `بتوقيت غرينتش`,
    `GMT`, `(GMT+3)`; a place gives none."""
    rest = fold(rest).lstrip()
    m = re.match(r"\(?(?:GMT|UTC)([+-])(\d{1,2})\)?", rest)
    if m:
        return f"{m.group(1)}{int(m.group(2)):02d}:00"
    if rest.startswith(("بتوقيت غرينتش", "بتوقيت غرينيتش", "GMT", "UTC")):
        return "+00:00"
    return ""


def expect_time_words(surface: str, value: str, ref: Ref | None, rest: str) -> str | None:
    """The HH:MM the words name and the offset after them (checked against
    the value's time part) and, for a relative day, the day."""
    ws = words(surface)
    rel = {"اليوم": 0, "امس": -1, "غدا": 1}
    # The time: the first place in the surface where words name one.
    hm = None
    for i in range(len(ws)):
        if ws[i] in ("الساعه", "عند", "في"):
            continue
        if ws[i].isdigit() and ":" in surface:
            # a numeric time: read HH:MM and the part after it
            m = re.search(r"(\d{1,2}):(\d{2})\s*(\S+)?", fold(surface))
            h, mi = int(m.group(1)), int(m.group(2))
            if m.group(3) in ("مساء",) and h < 12:
                h += 12
            hm = (h, mi)
            break
        got = hour_minute(ws[i:])
        if got:
            hm = got
            break
    if hm is None:
        # a part of a day with a day word: the day
        day_word = next((w for w in ws if w in rel), None)
        if day_word is None:
            raise ValueError(f"no time and no day in {surface!r}")
        return "" if ref is None else (ref.date + dt.timedelta(days=rel[day_word])).isoformat()
    hhmm = f"{hm[0]:02d}:{hm[1]:02d}" + offset_after(rest)
    if value.startswith("T"):
        return "T" + hhmm
    day = value[:10]  # a weekday's day is checked by the weekday and tense checks
    day_word = next((w for w in ws if w in rel), None)
    if day_word is not None and ref is not None:
        day = (ref.date + dt.timedelta(days=rel[day_word])).isoformat()
    toks = dict((k, v) for k, v in tokens(surface) if k != "weekday")
    if {"day", "month", "year"} <= set(toks):
        day = dt.date(toks["year"], toks["month"], toks["day"]).isoformat()
    return day + "T" + hhmm


def century_of(ws: list[str], i: int, ref: Ref | None) -> tuple[int | None, int] | None:
    """The century (popular count: its first year) after `القرن` at ws[i]:
    (first year or None without a reference, words read)."""
    if i >= len(ws) or ws[i] != "القرن":
        return None
    nxt = ws[i + 1]
    if nxt in ("الماضي", "الحالي"):
        if ref is None:
            return None, 2
        base = ref.date.year // 100 * 100
        return (base - 100 if nxt == "الماضي" else base), 2
    if nxt == "الـ" or nxt == "ال":
        return (int(ws[i + 2]) - 1) * 100, 3
    m = re.fullmatch(r"(?:ال|الـ)?(\d+)", nxt)
    if m:
        return (int(m.group(1)) - 1) * 100, 2
    o = ordinal_at(ws, i + 1)
    if o is None:
        raise ValueError(f"cannot read the century in {' '.join(ws)!r}")
    return (o[0] - 1) * 100, 1 + o[1]


def decade_word(w: str) -> int | None:
    m = re.fullmatch(r"(?:ال)?(\w+?)(?:يات|ات)", w)
    return DECADES.get(m.group(1)) if m else None


def expect_decades(surface: str, ref: Ref | None) -> str:
    ws = words(surface)
    part = None
    if ws[0] in ("مطلع", "بدايه", "اوايل", "اوائل", "منتصف", "اواخر", "نهايه"):
        part, ws = ws[0], ws[1:]
    start = end = None
    if ws[0] in ("الالفيه",):
        start, end = 2000, 2999  # the third millennium, as the header says
        span = "century"
    elif ws[0] == "القرن":
        c = century_of(ws, 0, ref)
        if c[0] is None:
            return ""
        start, end, span = c[0], c[0] + 99, "century"
    else:
        d = decade_word(ws[0])
        if d is None:
            raise ValueError(f"cannot read the decade of {surface!r}")
        rest = [w for w in ws[1:] if w != "من"]
        century = 1900
        if rest:
            c = century_of(rest, 0, ref)
            if c[0] is None:
                return ""
            century = c[0]
        start, end, span = century + d, century + d + 9, "decade"
    if part:
        first = part in ("مطلع", "بدايه", "اوايل", "اوائل")
        last = part in ("اواخر", "نهايه")
        if span == "decade":
            start, end = (start, start + 3) if first else (start + 7, end) if last else (start + 4, start + 6)
        else:
            start, end = (start, start + 9) if first else (end - 9, end) if last else (start + 40, start + 59)
    return f"{start}/{end}"


EN_DATE = re.compile(
    r"(?:(?P<wd>[A-Za-z]+),?\s+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]+)\.?|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r",?(?:\s+(?P<y>\d{4}))?"
    r"(?:,?\s+(?:at\s+|-\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})\s*(?P<ap>[AaPp]\.?[Mm]\.?)?)?"
)


def expect_english(surface: str, ref: Ref | None) -> str | None:
    m = re.fullmatch(r"(\d{4})/(\d{2})/(\d{2})", surface)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    m = EN_DATE.fullmatch(surface)
    if not m:
        raise ValueError(f"cannot read the English date {surface!r}")
    month = EN_MONTHS[(m.group("m1") or m.group("m2")).lower()]
    day = int(m.group("d1") or m.group("d2"))
    year = int(m.group("y")) if m.group("y") else None
    if year is None:
        if ref is None:
            return None
        year = ref.date.year  # the tables here are written so the same year is meant
    out = dt.date(year, month, day).isoformat()
    if m.group("h"):
        h = int(m.group("h"))
        ap = (m.group("ap") or "").lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        out += f"T{h:02d}:{m.group('mi')}"
    return out


AR_MONTHS = {  # folded month names used in the table
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "تموز": 7,
    "ايلول": 9, "نوفمبر": 11,
}


def tokens(surface: str) -> list[tuple[str, int]]:
    """("year"|"day"|"month"|"weekday", value) in the order of the surface."""
    out = []
    for w in re.findall(r"\d+|[^\W\d]+", fold(surface)):
        w2 = w[1:] if w.startswith("و") and (w[1:] in AR_MONTHS or w[1:] in AR_WEEKDAYS) else w
        if w.isdigit():
            out.append(("year" if len(w) == 4 else "day", int(w)))
        elif w2 in AR_MONTHS:
            out.append(("month", AR_MONTHS[w2]))
        elif w2 in AR_WEEKDAYS:
            out.append(("weekday", AR_WEEKDAYS[w2]))
    return out


def expect_range_row(surface: str, rows: list, r: int, ref: Ref | None) -> str | None:
    """A range (one interval) or one item of a list, from its numbers and
    month names; a list item borrows the month and year of later items."""
    toks = tokens(surface)
    later = [t for row in rows[r + 1:] for t in tokens(row[0])]
    kinds = [k for k, _ in toks]
    if "weekday" in kinds:
        return None  # weekdays are checked by the weekday and tense checks
    years = [v for k, v in toks if k == "year"] or [v for k, v in later if k == "year"]
    months = [v for k, v in toks if k == "month"]
    days = [v for k, v in toks if k == "day"]
    year = years[-1] if years else None
    if len(years) == 2 and not months:
        return f"{years[0]}/{years[1]}"
    if len(months) == 2:
        y0 = years[0] if len(years) == 2 else year
        if year is None:
            return f"--{months[0]:02d}/--{months[1]:02d}"
        return f"{y0}-{months[0]:02d}/{year}-{months[1]:02d}"
    if len(days) == 2 and len(months) == 1:
        if year is None:
            year = ref.date.year if ref else None  # the table's ranges lie in the ref's year
        return f"{dt.date(year, months[0], days[0])}/{dt.date(year, months[0], days[1])}"
    if len(years) == 1 and not months and not days:
        return str(year)
    if len(months) == 1 and not days:
        return f"{year}-{months[0]:02d}"
    if len(days) == 1:
        month = months[0] if months else next(v for k, v in later if k == "month")
        return dt.date(year, month, days[0]).isoformat()
    raise ValueError(f"cannot read {surface!r}")


def expect_plain(surface: str, ref: Ref | None) -> str:
    """An ordinary date: `أمس`, `الشهر الماضي`, `منذ عامين`, `عام 2014`,
    `3 مارس 2019`."""
    ws = words(surface)
    rel = {"اليوم": 0, "امس": -1, "غدا": 1}
    if ws == ["منذ", "عامين"]:
        return "" if ref is None else str(ref.date.year - 2)
    if len(ws) == 2 and ws[0] == "الشهر" and ws[1] in DIRS:
        if ref is None:
            return ""
        y, m = add_months(ref.date, DIRS[ws[1]])
        return f"{y}-{m:02d}"
    if len(ws) == 1 and ws[0] in rel:
        return "" if ref is None else (ref.date + dt.timedelta(days=rel[ws[0]])).isoformat()
    toks = dict(tokens(surface))
    if set(toks) == {"year"}:
        return str(toks["year"])
    if set(toks) == {"day", "month", "year"}:
        return dt.date(toks["year"], toks["month"], toks["day"]).isoformat()
    raise ValueError(f"cannot read {surface!r}")


def expect_years_ago(surface: str, ref: Ref | None) -> str | None:
    ws = words(surface)
    n = {"عامين": 2, "سنتين": 2}.get(ws[1])
    if n is None:
        return None
    return "" if ref is None else str(ref.date.year - n)


def weekday_names(surface: str) -> list[int]:
    out = []
    for w in words(surface):
        if w in AR_WEEKDAYS:
            out.append(AR_WEEKDAYS[w])
    for w in re.findall(r"[A-Za-z]+", surface):
        if w.lower() in EN_WEEKDAYS:
            out.append(EN_WEEKDAYS[w.lower()])
    return out


def check_tense(rows: list[tuple[str, str, str]], ref: Ref | None, fam: str) -> list[str]:
    """Bare weekdays marked past/future. One weekday: past, within the six
    days up to the reference (the seven days before it after `الماضي`);
    future, within the six days from it. A list of weekdays (`يومي الأحد
    والاثنين`): its days in order within one week, the last one by the past
    rule or the first one by the future rule."""
    if not rows or ref is None:
        return []
    out = []
    if fam == "ranges" and len(rows) > 1:
        days = [first_day(v) for _, v, _ in rows]
        if any(b <= a or (b - a).days > 6 for a, b in zip(days, days[1:])):
            out.append(f"the days of the list {[v for _, v, _ in rows]} are not in order within a week")
        rows = [rows[-1]] if rows[0][2] == "past" else [rows[0]]
    for surface, value, t in rows:
        lo = first_day(value.split("/")[0])
        hi = last_day(value.split("/")[-1])
        strictly = any(w.startswith("الماضي") for w in words(surface))
        if t == "past":
            ok = ref.date - dt.timedelta(days=7 if strictly else 6) <= hi <= ref.date - dt.timedelta(days=1 if strictly else 0)
        elif t == "future":
            ok = ref.date <= lo <= ref.date + dt.timedelta(days=6)
        else:
            out.append(f"bad tense {t!r}")
            continue
        if not ok:
            out.append(f"{surface!r} = {value} does not follow the {t} rule from {ref.date}")
    return out


# --- the check ------------------------------------------------------------------------


def check(path: pathlib.Path) -> tuple[list[str], dict]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cases = data["case"]
    problems: list[str] = []
    counts: dict[str, list[int]] = {f: [0, 0] for f in FAMILIES}
    seen = set()
    for n, c in enumerate(cases):
        where = f"case {n} ({c.get('text', '')[:40]!r})"

        def bad(msg: str) -> None:
            problems.append(f"{where}: {msg}")

        unknown = set(c) - {"family", "text", "ref", "expect", "mismatch", "tense", "negative"}
        if unknown:
            bad(f"unknown keys {sorted(unknown)}")
        fam = c.get("family")
        if fam not in FAMILIES:
            bad(f"bad family {fam!r}")
            continue
        negative = not c["expect"] or c.get("negative", False)
        counts[fam][1 if negative else 0] += 1
        key = (c["text"], c.get("ref"))
        if key in seen:
            bad("the same text and ref twice")
        seen.add(key)
        try:
            ref = Ref(c["ref"]) if "ref" in c else None
        except ValueError as e:
            bad(str(e))
            continue
        tense = c.get("tense")
        if tense is not None and len(tense) != len(c["expect"]):
            bad("tense needs one entry per expect row")
        pos = 0
        contradictions = 0
        tensed: list[tuple[str, str, str]] = []
        for r, row in enumerate(c["expect"]):
            if len(row) not in (3, 4) or (len(row) == 4 and row[3] != "hijri"):
                bad(f"bad row {row}")
                continue
            surface, value, precision = row[:3]
            if precision not in PRECISIONS:
                bad(f"bad precision {precision!r}")
                continue
            at = c["text"].find(surface, pos)
            if not surface or at < 0:
                bad(f"surface {surface!r} is not in the text after offset {pos}")
            else:
                pos = at + len(surface)
            msg = check_value(value, precision)
            if msg:
                bad(msg)
                continue
            # weekdays named in the surface
            names = weekday_names(surface)
            if names and value and precision in ("day", "datetime", "interval") and not value.startswith("--"):
                days = [first_day(value.split("/")[0])]
                if precision == "interval":
                    days.append(last_day(value.split("/")[1]))
                pairs = [(names[0], days[0])] if len(names) == 1 and len(days) == 1 else list(zip(names, days))
                if len(names) == 1 and len(days) == 2:
                    pairs = [(names[0], days[0])]
                for wd, d in pairs:
                    if d.weekday() != wd:
                        contradictions += 1
            # the tense of a bare weekday (checked after the rows: a list of
            # weekdays resolves as a whole)
            t = tense[r] if tense and r < len(tense) else ""
            if t and value:
                tensed.append((surface, value, t))
            # the arithmetic of the family
            try:
                want = None
                if c.get("negative"):
                    # the real date of a negative case: not of the family
                    want = expect_plain(surface, ref)
                elif fam == "hours_ago":
                    want = expect_hours_ago(surface, ref)
                elif fam == "month_day" and not names or fam == "month_day" and "من" in words(surface):
                    want = expect_month_day(surface, ref)
                elif fam == "time_words":
                    want = expect_time_words(surface, value, ref, c["text"][pos:])
                elif fam == "decades":
                    want = expect_decades(surface, ref)
                elif fam == "english":
                    got = expect_english(surface, ref)
                    if got is not None:
                        want = got + (offset_after(c["text"][pos:]) if precision == "datetime" else "")
                elif fam == "ranges":
                    want = expect_range_row(surface, c["expect"], r, ref)
                elif words(surface)[:1] == ["منذ"]:
                    want = expect_years_ago(surface, ref)
                if want is not None and want != value:
                    bad(f"{surface!r}: the words give {want!r}, the table says {value!r}")
            except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
                bad(f"could not recompute {surface!r}: {e!r}")
        for msg in check_tense(tensed, ref, fam):
            bad(msg)
        if bool(c.get("mismatch", False)) != (contradictions > 0):
            bad(f"mismatch = {c.get('mismatch', False)} but {contradictions} weekday contradiction(s)")
    return problems, counts


def main() -> int:
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("dates_families.toml")
    problems, counts = check(path)
    total_pos = sum(p for p, _ in counts.values())
    total_neg = sum(n for _, n in counts.values())
    for fam, (p, n) in counts.items():
        print(f"{fam:11s} {p:3d} with dates, {n:3d} without")
    print(f"{'all':11s} {total_pos:3d} with dates, {total_neg:3d} without")
    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
