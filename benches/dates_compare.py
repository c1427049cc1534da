#!/usr/bin/env python3
"""Score khabar and dateparser on the shared date tables.

    python3 benches/dates_compare.py [--table dates|families|all]

The tables are tests/data/dates.toml and tests/data/dates_families.toml (the
families of issue 19); `all` (the default) scores each and both together.

Creates its own virtualenv (`.bench-venv-dates`, ignored by git) with
dateparser 1.5.0, re-runs itself inside it, gets khabar's answers from the Rust
example `dates_json` (cargo, release build), and prints both scores.

Scoring
-------
* strict (khabar only): the case's list of [surface, value, precision,
  calendar] equals the expected list exactly.
* lenient (both): every expected expression is matched by some found date at
  the expected precision (day: same date; datetime: same date and some found
  time HH:MM; month: same year-month; year: same year; time: same HH:MM;
  interval: a found date inside it, the ends read at their precision (days,
  months `2022-03/2022-05`, years `2019/2020`, partial months `--03/--05`);
  partial `--MM-DD`: same month and day,
  any year); extra finds are forgiven; an expected unresolved expression
  (value "") counts as matched when nothing or a value-less mention is found
  for it; a case with no expected date is correct only when nothing is found.

dateparser is run with `search_dates`, `RELATIVE_BASE` set to the case's
reference date when it has one, over a small grid of settings; the best grid
point is reported (and the others, for the record).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import pathlib
import subprocess
import sys
import tomllib
import venv

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / ".bench-venv-dates"
TABLES = {
    "dates": ROOT / "tests" / "data" / "dates.toml",
    "families": ROOT / "tests" / "data" / "dates_families.toml",
}
PY = VENV / "bin" / "python"
DATEPARSER = "1.5.0"


def ensure_venv() -> None:
    if pathlib.Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not PY.exists():
        venv.create(VENV, with_pip=True)
    # Pinned: the scores in BENCHMARKS.md are this version's (a no-op when
    # it is installed already).
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", f"dateparser=={DATEPARSER}"], check=True)
    os.execv(str(PY), [str(PY), __file__, *sys.argv[1:]])


def khabar_results(table: pathlib.Path) -> list[list[dict]]:
    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", str(ROOT / "target"))
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "khabar-dates", "--example", "dates_json", "--", str(table)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [r["found"] for r in sorted(rows, key=lambda r: r["case"])]


def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def matches(expected: list, found: list[tuple[str | None, str | None, str | None]]) -> bool:
    """found: (date ISO or None, 'HH:MM' or None, partial --MM-DD or None)."""
    value, precision = expected[1], expected[2]
    if value == "":
        return True
    dates = [f[0] for f in found if f[0]]
    times = [f[1] for f in found if f[1]]
    # khabar's values carry the UTC offset the text gives (`T16:28+03:00`);
    # the lenient match compares the local time of day only.
    if precision == "time":
        return value[1:6] in times
    if precision == "interval":
        return _in_interval(value, dates, [f[2] for f in found if f[2]])
    if value.startswith("--"):
        md = value[2:7]
        return any(d[5:10] == md for d in dates) or any(f[2] and f[2][2:7] == md for f in found)
    if precision == "datetime":
        day, hm = value.split("T")
        return day in dates and hm[:5] in times
    if precision == "day":
        return value in dates
    if precision == "month":
        return any(d[:7] == value for d in dates)
    if precision == "year":
        return any(d[:4] == value for d in dates)
    return False


def _in_interval(value: str, dates: list[str], partials: list[str]) -> bool:
    """A found date (or partial `--MM-DD`) inside the interval `value`,
    whose ends are days, months, years or partial months or days."""
    lo, hi = value.split("/")
    if lo.startswith("--"):
        # Partial ends (`--03/--05`, `--02-11/--02-20`): month-day strings.
        keys = [d[5:10] for d in dates] + [p[2:7] for p in partials]
        n = len(lo) - 2
        return any(lo[2:] <= k[:n] <= hi[2:] for k in keys)
    n = len(lo)  # 4: years, 7: months, 10: days
    return any(lo <= d[:n] <= hi for d in dates)


def lenient_ok(case: dict, found: list[tuple[str | None, str | None, str | None]]) -> bool:
    expect = case["expect"]
    if not expect:
        return not found
    if all(e[1] == "" for e in expect):
        # Unresolved: a date made up from today is wrong.
        return not any(f[0] or f[1] for f in found)
    return all(matches(e, found) for e in expect)


def khabar_found(rows: list[dict]) -> list[tuple[str | None, str | None, str | None]]:
    out = []
    for r in rows:
        v, p = r["value"], r["precision"]
        if v is None:
            out.append((None, None, None))
        elif v.startswith("--"):
            out.append((None, None, v))
        elif p == "time":
            out.append((None, v[1:6], None))
        elif p == "datetime":
            out.append((v[:10], v[11:16], None))
        elif p == "interval":
            lo, hi = v.split("/")
            if lo.startswith("--"):
                out.append((None, None, (lo + "-01")[:7]))
            else:
                # Its first and last days stand for it (a year or a month
                # end as its first day).
                out.append(((lo + "-01-01")[:10], None, None))
                out.append(((hi + "-01-01")[:10], None, None))
        elif p == "month":
            out.append((v + "-01", None, None))
        elif p == "year":
            out.append((v + "-01-01", None, None))
        else:
            out.append((v, None, None))
    return out


def strict_ok(case: dict, rows: list[dict]) -> bool:
    got = []
    for r in rows:
        row = [r["text"], r["value"] or "", r["precision"]]
        if r["calendar"] == "hijri":
            row.append("hijri")
        got.append(row)
    return got == case["expect"]


def dateparser_found(case: dict, config: dict) -> list[tuple[str | None, str | None, str | None]]:
    from dateparser.search import search_dates

    settings = dict(config["settings"])
    if case.get("ref"):
        # A reference with a time and an offset: its local time, naive.
        base = dt.datetime.fromisoformat(case["ref"].replace("Z", "+00:00"))
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
    try:
        res = search_dates(case["text"], languages=config["languages"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; count as nothing found
        res = []
    out = []
    for _, d in res:
        hm = d.strftime("%H:%M") if (d.hour, d.minute) != (0, 0) else None
        out.append((d.date().isoformat(), hm, None))
    return out


GRID = [
    {"languages": langs, "settings": dict(s)}
    for langs, s in itertools.product(
        (["ar"], ["ar", "en"]),
        (
            {},
            {"PREFER_DATES_FROM": "past"},
            {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"},
            {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"},
        ),
    )
]


def score(name: str, cases: list[dict], k: list[list[dict]]) -> None:
    import dateparser

    n = len(cases)
    assert len(k) == n, "khabar printed one line per case"
    k_strict = sum(strict_ok(c, r) for c, r in zip(cases, k))
    k_lenient = sum(lenient_ok(c, khabar_found(r)) for c, r in zip(cases, k))

    scores = []
    for config in GRID:
        ok = sum(lenient_ok(c, dateparser_found(c, config)) for c in cases)
        scores.append((ok, config))
    scores.sort(key=lambda s: -s[0])
    best_ok, best = scores[0]

    pos = [i for i, c in enumerate(cases) if c["expect"]]
    neg = [i for i, c in enumerate(cases) if not c["expect"]]
    best_hits = [lenient_ok(c, dateparser_found(c, best)) for c in cases]
    k_hits = [lenient_ok(c, khabar_found(r)) for c, r in zip(cases, k)]

    print(f"{name}: {n} cases ({len(pos)} with dates, {len(neg)} without)")
    print(f"khabar     strict : {k_strict}/{n} = {k_strict / n:.1%}")
    print(f"khabar     lenient: {k_lenient}/{n} = {k_lenient / n:.1%}"
          f"  (with dates {sum(k_hits[i] for i in pos)}/{len(pos)}, without {sum(k_hits[i] for i in neg)}/{len(neg)})")
    print(f"dateparser lenient: {best_ok}/{n} = {best_ok / n:.1%}"
          f"  (with dates {sum(best_hits[i] for i in pos)}/{len(pos)}, without {sum(best_hits[i] for i in neg)}/{len(neg)})")
    print(f"dateparser {dateparser.__version__}, best config: languages={best['languages']} settings={best['settings']}")
    for ok, config in scores[1:]:
        print(f"  other config {ok}/{n}: languages={config['languages']} settings={config['settings']}")
    if "family" in cases[0]:
        print("  per family (khabar lenient / dateparser lenient, best config):")
        for fam in sorted({c["family"] for c in cases}):
            idx = [i for i, c in enumerate(cases) if c["family"] == fam]
            print(f"    {fam:11s} {sum(k_hits[i] for i in idx):3d} / {sum(best_hits[i] for i in idx):3d} of {len(idx)}")
    print()


def main() -> None:
    ensure_venv()
    which = sys.argv[sys.argv.index("--table") + 1] if "--table" in sys.argv else "all"
    names = list(TABLES) if which == "all" else [which]
    loaded = {}
    for name in names:
        cases = tomllib.loads(TABLES[name].read_text(encoding="utf-8"))["case"]
        loaded[name] = (cases, khabar_results(TABLES[name]))
        score(f"{TABLES[name].name}", *loaded[name])
    if len(names) > 1:
        cases = [c for name in names for c in loaded[name][0]]
        k = [r for name in names for r in loaded[name][1]]
        score("both tables", cases, k)


if __name__ == "__main__":
    main()
