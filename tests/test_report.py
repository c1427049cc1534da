"""The HTML report: structure (html.parser) and a real browser render
(headless Chromium, Debian's `chromium`; scripts/test.sh installs it and sets
KHABAR_REQUIRE_BROWSER=1 so that a missing browser fails instead of skipping)."""

from __future__ import annotations

import html.parser
import os
import pathlib
import re
import shutil
import subprocess
import sys


import pytest

import khabar
from conftest import ARTICLES, seed_texts
from khabar.report import render


class Marks(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.root: dict[str, str | None] = {}
        self.details = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.root = a
        elif tag == "mark":
            self.marks.append(a)
        elif tag == "details":
            self.details += 1


def items() -> list[tuple[str, str, khabar.Document]]:
    seeds = seed_texts()
    docs = khabar.analyze_batch([t for _, t in seeds])
    return [(name, raw, d) for (name, raw), d in zip(seeds, docs)]


def test_report_structure() -> None:
    its = items()
    page = render(its)
    p = Marks()
    p.feed(page)
    assert p.root.get("dir") == "rtl" and p.root.get("lang") == "ar"
    # Every entity of every article is highlighted once, with its label and
    # canonical form, and no mark leaks from a dropped line.
    assert len(p.marks) == sum(len(d.entities) for _, _, d in its)
    for m in p.marks:
        assert m["data-label"] in khabar.report.COLOURS
        assert m["data-canonical"]
        assert (m["title"] or "").startswith(m["data-label"] or "?")
    assert p.details >= len(its)  # dropped lines, collapsed
    assert "http://" not in page.replace('href="http', "") and "<script" not in page  # self-contained


def test_report_escapes_text() -> None:
    raw = "عنوان <script>alert(1)</script>\n\nقال الرئيس في طهران إن <b>الأمر</b> محسوم."
    page = render([("x<y>.txt", raw, khabar.analyze(raw))])
    assert "<script" not in page and "<b>" not in page and "&lt;b&gt;" in page
    assert "x&lt;y&gt;.txt" in page


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_report_in_headless_chromium(tmp_path: pathlib.Path) -> None:
    browser = find_chromium()
    if browser is None:
        if os.environ.get("KHABAR_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed (scripts/test.sh installs Debian's chromium)")
        pytest.skip("no chromium on this machine")
    out = tmp_path / "report.html"
    exe = shutil.which("khabar")
    cmd = [exe] if exe else [sys.executable, "-m", "khabar.cli"]
    cli = subprocess.run([*cmd, "report", str(ARTICLES), "-o", str(out)], capture_output=True, text=True, check=False)
    assert cli.returncode == 0, cli.stderr
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120, check=False
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    # The DOM the browser built (not just our string) holds the highlights.
    marks = re.findall(r'<mark class="ent ent-([A-Z]+)"', dom.stdout)
    expected = sum(len(d.entities) for _, _, d in items())
    assert len(marks) == expected
    assert {"PERSON", "GPE", "NORP", "DATE"} <= set(marks)
    assert 'dir="rtl"' in dom.stdout
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, "--window-size=1280,2000", f"--screenshot={shot}", out.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 20_000
