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
    ents = [m for m in p.marks if (m["class"] or "").startswith("ent")]
    triggers = [m for m in p.marks if m["class"] == "trg"]
    assert len(ents) == sum(len(d.entities) for _, _, d in its)
    # Event triggers are marked too (a trigger inside an entity is not).
    assert 0 < len(triggers) <= sum(len(ev.mentions) for _, _, d in its for ev in d.events)
    assert all((m["title"] or "").split(" · ")[0] in khabar.EVENT_KINDS for m in triggers)
    for m in ents:
        assert m["data-label"] in khabar.report.COLOURS
        assert m["data-canonical"]
        assert (m["title"] or "").startswith(m["data-label"] or "?")
    assert p.details >= len(its)  # dropped lines, collapsed
    assert "http://" not in page.replace('href="http', "") and "<script" not in page  # self-contained


def test_report_events_people_and_readable_dates() -> None:
    its = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    page = render([(n, raw, khabar.analyze(raw)) for n, raw in its])
    text = re.sub(r"<[^>]+>", " ", page)
    assert "events by date" in text and "people and their offices" in text
    # Hasanov's office with its country, in the people table.
    people = page[page.index("people and their offices") :]
    row = people[people.index("ذاكر حسنوف") :][:300]
    assert "minister of defence · Azerbaijan" in row
    # Dates as people read them, also a year-less one; no ISO in the timeline.
    timeline = text[text.index("events by date") : text.index("people and their offices")]
    assert "22 يناير 2022" in timeline and "--" not in timeline
    # Display names: the surface form, not the normalized key.
    assert "إبراهيم رئيسي" in text and "ابراهيم رييسي" not in text
    # Each article lists its events (kind, participants, date, place).
    assert page.count('<table class="events">') == sum(1 for _, raw in its if khabar.analyze(raw).events)


def test_human_dates() -> None:
    from khabar._report_events import human_date

    assert human_date("2022-01-22") == "22 يناير 2022"
    assert human_date("--01-22") == "22 يناير"
    assert human_date("2022-01") == "يناير 2022"
    assert human_date(None) == "" and human_date("not a date") == "not a date"


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
