#!/usr/bin/env python3
"""How many cases of tests/data/dates_families.toml khabar gets right, per family.

    /path/to/venv/bin/python benches/dates_families.py [--failures] [--family NAME] [table.toml]

Runs `khabar.find_dates` of the interpreter it is started with (a venv where
the module is installed: `.venv` after `maturin develop --release`, or any
other build), and scores each case the way tests/test_dates.py scores
dates.toml: the rows [surface, value, precision(, "hijri")] and the weekday
mismatch flag must be exactly the expected ones. A second column counts the
cases whose values and precisions are right whatever the surfaces (where the
grammar finds the right date but cuts the span differently). Cases are
split into those with a date of the family ("with dates") and the negative
ones (no date of the family: `expect = []` or `negative = true`).

The table is written ahead of the grammar work, so most cases fail before
it; this script is how that work measures its progress (it is not a test).
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import tomllib

import khabar

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "dates_families.toml"


def found(case: dict) -> tuple[list[list[str]], bool]:
    mentions = khabar.find_dates(case["text"], case.get("ref"))
    rows = []
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text
        row = [m.text, m.value or "", m.precision]
        if m.calendar == "hijri":
            row.append("hijri")
        rows.append(row)
    return rows, any(m.weekday_mismatch for m in mentions)


def line(name: str, p: list[int], n: list[int]) -> None:
    print(f"{name:11s} {p[1]:7d} {p[2]:7d} {p[0]:7d}  | {n[1]:7d} {n[0]:7d}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("table", nargs="?", default=str(TABLE))
    ap.add_argument("--failures", action="store_true", help="print every failing case")
    ap.add_argument("--family", help="only this family")
    args = ap.parse_args()

    cases = tomllib.loads(pathlib.Path(args.table).read_text(encoding="utf-8"))["case"]
    # family -> kind -> [total, exact, values]
    score: dict[str, dict[str, list[int]]] = collections.defaultdict(
        lambda: {"with dates": [0, 0, 0], "negative": [0, 0, 0]}
    )
    failures = []
    for c in cases:
        fam = c["family"]
        if args.family and fam != args.family:
            continue
        kind = "negative" if not c["expect"] or c.get("negative") else "with dates"
        rows, mismatch = found(c)
        want_mismatch = c.get("mismatch", False)
        exact = rows == c["expect"] and mismatch == want_mismatch
        values = [r[1:] for r in rows] == [e[1:] for e in c["expect"]] and mismatch == want_mismatch
        s = score[fam][kind]
        s[0] += 1
        s[1] += exact
        s[2] += values
        if not exact:
            failures.append((fam, c, rows, mismatch))

    print(f"khabar {getattr(khabar, '__version__', '?')} from {pathlib.Path(khabar.__file__).parent}")
    print(f"table {args.table}")
    print(f"{'':11s} {'with dates':^25s} | {'negative':^15s}")
    print(f"{'family':11s} {'exact':>7s} {'values':>7s} {'cases':>7s}  | {'exact':>7s} {'cases':>7s}")
    totals = {"with dates": [0, 0, 0], "negative": [0, 0, 0]}
    order = list(dict.fromkeys(c["family"] for c in cases))
    for fam in sorted(score, key=order.index):
        for k in totals:
            for i in range(3):
                totals[k][i] += score[fam][k][i]
        line(fam, score[fam]["with dates"], score[fam]["negative"])
    line("all", totals["with dates"], totals["negative"])
    if args.failures:
        for fam, c, rows, mismatch in failures:
            print(f"\n[{fam}] {c['text']}\n  ref: {c.get('ref')}\n  expected: {c['expect']} mismatch={c.get('mismatch', False)}"
                  f"\n  found:    {rows} mismatch={mismatch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
