"""The `khabar` command, run as a user would."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import shutil
import subprocess
import sys

from conftest import ARTICLES


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("khabar")
    cmd = [exe] if exe else [sys.executable, "-m", "khabar.cli"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, input=stdin, check=False)


def test_help_everywhere() -> None:
    for args in ([], ["analyze"], ["normalize"], ["dates"]):
        p = run(*args, "--help")
        assert p.returncode == 0 and "usage: khabar" in p.stdout


def test_analyze_jsonl_one_record_per_article() -> None:
    p = run("analyze", str(ARTICLES))
    assert p.returncode == 0, p.stderr
    records = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(records) == 5
    raw = (ARTICLES / pathlib.Path(records[0]["id"]).name).read_text(encoding="utf-8")
    for e in records[0]["entities"]:
        assert raw[e["start"] : e["end"]] == e["text"]


def test_analyze_csv_and_table(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "a.csv"
    p = run("analyze", "--format", "csv", "-o", str(out), "--threads", "2", str(ARTICLES))
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 5 and rows[0]["published"] == "2022-01-25T16:28"
    t = run("analyze", "--format", "table", str(ARTICLES))
    assert t.returncode == 0 and len(t.stdout.splitlines()) == 6


def test_bad_files_are_reported_and_the_run_goes_on(tmp_path: pathlib.Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    shutil.copy(ARTICLES / "000_6e49526c0f392cf6.txt", tmp_path / "good.txt")
    p = run("analyze", str(tmp_path), str(tmp_path / "missing.txt"))
    assert p.returncode == 1
    records = {pathlib.Path(r["id"]).name: r for r in map(json.loads, p.stdout.splitlines())}
    assert records["good.txt"]["error"] is None and records["good.txt"]["entities"]
    assert records["bad.txt"]["error"].startswith("UnicodeDecodeError")
    assert records["image.png"]["error"].startswith("UnicodeDecodeError")
    assert records["missing.txt"]["error"].startswith("FileNotFoundError")
    assert "bad.txt" in p.stderr


def test_normalize_and_dates_commands() -> None:
    p = run("normalize", "-", stdin="أَحْمَد في طهران")
    assert p.returncode == 0 and p.stdout == "احمد في طهران\n"
    d = run("dates", "--reference", "2022-01-25", "التقى الوزيران يوم السبت 22 كانون الثاني 2022")
    assert d.returncode == 0 and "2022-01-22" in d.stdout


def test_a_50_mb_file(tmp_path: pathlib.Path) -> None:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))
    big = tmp_path / "big.txt"
    reps = 50_000_000 // len(seeds.encode("utf-8")) + 1
    big.write_text("\n\n".join([seeds] * reps), encoding="utf-8")
    assert big.stat().st_size >= 50_000_000
    p = run("analyze", "--format", "jsonl", str(big))
    assert p.returncode == 0, p.stderr[-2000:]
    (record,) = [json.loads(line) for line in p.stdout.splitlines()]
    assert record["error"] is None and record["entities"]
    # The repeats are dropped as exact duplicates, each pointing at its original.
    dups = [d for d in record["dropped"] if d["reason"] == "exact_duplicate"]
    assert len(dups) > 100_000 and all(d["of_line"] < d["line"] for d in dups)

