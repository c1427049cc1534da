"""The Python API contract shared with the issues (tests/contract/check_api.py,
a copy of ../shared/contract/check_api.py): every part that exists must be
unbroken, and the parts of resolved issues must be present."""

from __future__ import annotations

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Parts whose issues are resolved: these must read "ok", not "missing".
REQUIRED = {
    "normalize",
    "Normalizer offsets",
    "parse_article",
    "find_dates",
    "analyze / analyze_batch",
    "to_pandas",
    "KhabarError",
}


def test_contract() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "contract" / "check_api.py"), str(ROOT / "examples" / "articles")],
        capture_output=True,
        text=True,
        check=False,
    )
    report = {}
    for line in proc.stdout.splitlines():
        name, _, rest = line.partition("  ")
        report[name.strip()] = rest.split()[0] if rest.split() else ""
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for part in REQUIRED:
        assert report.get(part) == "ok", proc.stdout
