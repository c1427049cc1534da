"""Shared fixtures: the bundled sample articles and the data tables."""

from __future__ import annotations

import os
import pathlib
import signal
import threading
import importlib
import time
import tomllib
from collections.abc import Callable
from types import ModuleType

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLES = ROOT / "examples" / "articles"


def load_table(name: str) -> dict:
    with open(DATA / name, "rb") as fh:
        return tomllib.load(fh)


def date_rows(case: dict) -> tuple[list[list[str]], bool]:
    """What `khabar.find_dates` finds for a row of the shared date tables
    (`dates.toml`, `dates_families.toml`), in their shape: `[surface, iso,
    precision]` (+ `"hijri"`) per mention, and whether a weekday mismatched."""
    import khabar

    mentions = khabar.find_dates(case["text"], case.get("ref"))
    rows = []
    for m in mentions:
        # Code-point offsets: slicing the str gives the surface back.
        assert case["text"][m.start : m.end] == m.text
        row = [m.text, m.value or "", m.precision]
        if m.calendar == "hijri":
            row.append("hijri")
        rows.append(row)
    return rows, any(m.weekday_mismatch for m in mentions)


def seed_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]


def anercorp_train_head(sentences: int) -> str:
    """The first `sentences` sentences of the bundled ANERcorp train file, as
    CoNLL text (for training small taggers in tests)."""
    out, n = [], 0
    with open(ROOT / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt", encoding="utf-8") as fh:
        for line in fh:
            out.append(line)
            if not line.strip():
                n += 1
                if n == sentences:
                    break
    return "".join(out)


def need(module: str) -> ModuleType:
    """Import an optional dependency (spaCy, datasets, polars) or skip the
    test module without it; under CI (CI=true) a missing one is a failure:
    scripts/env.sh installs them all."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"{module} is not installed", allow_module_level=True)


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str]]:
    return seed_texts()


def interrupt_latency(call: Callable[[], object], after: float = 0.5) -> float:
    """Send SIGINT to this process `after` seconds into `call()` (which must
    run for longer) and return how long the KeyboardInterrupt took to come
    out of it.

    Python's own Ctrl-C handler is installed for the call and the previous
    handler put back afterwards: a process started with SIGINT ignored (a
    background job, `nohup`, some CI runners) inherits the ignore, and then
    the signal would never reach Python at all."""
    fired: list[float] = []

    def interrupt() -> None:
        fired.append(time.perf_counter())
        os.kill(os.getpid(), signal.SIGINT)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(after, interrupt)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            call()
        return time.perf_counter() - fired[0]
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
