#!/usr/bin/env python3
"""How well the tense rule resolves bare weekdays (tests/data/weekday_tense.toml).

    .venv/bin/python benches/weekday_tense.py [--failures]

For each sentence, `khabar.find_dates` with the case's reference must give
the weekday the day the sentence means: the latest such day on or before
the reference for a past sentence, the earliest on or after it for a future
one (crates/khabar-dates/src/tense.rs). Prints the share of weekdays resolved
right, and the precision and recall of the rule's "future" reading (a
weekday the rule moved forward that the sentence really puts in the future).
The fixture was written after the code (see its header)."""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import tomllib

import khabar

ROOT = pathlib.Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "weekday_tense.toml"
REF = "2024-03-13"
AR = {"الأحد": 6, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5}


def expected(weekday: str, ref: str, tense: str) -> str:
    r = dt.date.fromisoformat(ref)
    wd = AR[weekday]
    if tense == "past":
        return (r - dt.timedelta(days=(r.weekday() - wd) % 7)).isoformat()
    return (r + dt.timedelta(days=(wd - r.weekday()) % 7)).isoformat()


def score(path: pathlib.Path = TABLE, failures: bool = False) -> dict[str, float]:
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    right = fut_pred = fut_true = fut_both = found = past_right = 0
    for c in cases:
        ref = c.get("ref", REF)
        want = expected(c["weekday"], ref, c["tense"])
        got = [m.value for m in khabar.find_dates(c["text"], ref) if c["weekday"] in m.text]
        value = got[0] if got else None
        ok = value == want
        right += ok
        found += value is not None
        # The rule before issue 19: every bare weekday read as past.
        past_right += value is not None and want == expected(c["weekday"], ref, "past")
        r = dt.date.fromisoformat(ref)
        predicted_future = value is not None and dt.date.fromisoformat(value) > r
        really_future = c["tense"] == "future" and dt.date.fromisoformat(want) > r
        fut_pred += predicted_future
        fut_true += really_future
        fut_both += predicted_future and really_future
        if failures and not ok:
            print(f"MISS {c['tense']:6s} want {want} got {value}: {c['text']}")
    return {
        "cases": len(cases),
        "right": right,
        "accuracy": right / len(cases),
        "found": found,
        "past_only_right": past_right,
        "future_precision": fut_both / fut_pred if fut_pred else 1.0,
        "future_recall": fut_both / fut_true if fut_true else 1.0,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--failures", action="store_true")
    args = ap.parse_args()
    s = score(failures=args.failures)
    print(
        f"{s['right']}/{s['cases']} weekdays right ({s['accuracy']:.1%}; {s['found']} found, "
        f"{s['past_only_right']} right when every one is read as past); "
        f"future reading: precision {s['future_precision']:.1%}, recall {s['future_recall']:.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
