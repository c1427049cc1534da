"""The `khabar` command, run as a user would."""

from __future__ import annotations

import csv
import io
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import ARTICLES


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("khabar")
    cmd = [exe] if exe else [sys.executable, "-m", "khabar.cli"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, input=stdin, check=False)


def test_help_everywhere() -> None:
    for args in ([], ["analyze"], ["normalize"], ["dates"], ["train"], ["evaluate"]):
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
        assert e["source"] in {"model", "gazetteer", "propagated", "dates"} or e["source"].startswith("rule:")
    # Roles and events ride along: Hasanov's office, the reception.
    by_name = {pathlib.Path(r["id"]).name: r for r in records}
    visit = by_name["001_cd1806717cd210fd.txt"]
    raw1 = (ARTICLES / "001_cd1806717cd210fd.txt").read_text(encoding="utf-8")
    roles = [e["role"] for e in visit["entities"] if e["text"] == "ذاكر حسنوف" and e["role"]]
    assert roles and all(r["office"] == "minister of defence" and r["of"] == "Azerbaijan" for r in roles)
    assert all(raw1[r["start"] : r["end"]] == r["text"] for r in roles)
    meetings = [ev for ev in records[0]["events"] if ev["kind"] == "MEETING"]
    assert meetings and all(raw[ev["start"] : ev["end"]] == ev["text"] for ev in meetings)
    assert any(ev["date"] == "2022-01-22" for ev in meetings)


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



def _one_error_line(p: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in p.stderr, p.stderr
    lines = p.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("khabar: error: "), p.stderr
    return lines[0]


def test_bad_reference_is_a_usage_error_without_traceback() -> None:
    p = run("dates", "--reference", "2024-13-01", "x")
    assert p.returncode == 2
    assert "--reference" in _one_error_line(p) and "2024-13-01" in p.stderr
    assert p.stdout == ""


def test_bad_threads_is_a_usage_error_without_traceback() -> None:
    p = run("analyze", "--threads", "-1", str(ARTICLES))
    assert p.returncode == 2
    assert "--threads" in _one_error_line(p)


def test_unwritable_output_is_an_error_without_traceback(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    for args in (
        ["analyze", str(ARTICLES), "-o", str(missing / "x.jsonl")],
        ["analyze", "--format", "csv", str(ARTICLES), "-o", str(missing / "x.csv")],
        ["report", str(ARTICLES), "-o", str(missing / "r.html")],
    ):
        p = run(*args)
        assert p.returncode == 1, args
        line = _one_error_line(p)
        assert str(missing) in line and "No such file or directory" in line, line
    # The report's output is opened before any analysis: no per-file noise either.
    assert not missing.exists()


def test_unwritable_parquet_output_is_an_error_without_traceback(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("pyarrow")
    p = run("analyze", "--format", "parquet", str(ARTICLES), "-o", str(tmp_path / "no" / "x.parquet"))
    assert p.returncode == 1
    _one_error_line(p)


def test_unreadable_input_is_still_reported_and_the_run_goes_on(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "out.jsonl"
    p = run("analyze", str(ARTICLES / "000_6e49526c0f392cf6.txt"), str(tmp_path / "missing.txt"), "-o", str(out))
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "missing.txt" in p.stderr and "khabar: error:" not in p.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_table_has_a_column_for_every_label(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "a.csv"
    assert run("analyze", "--format", "csv", "-o", str(out), str(ARTICLES)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    t = run("analyze", "--format", "table", str(ARTICLES))
    assert t.returncode == 0, t.stderr
    header, *lines = t.stdout.splitlines()
    assert header.split()[:13] == ["published", "para", "PER", "ORG", "GPE", "LOC", "NORP", "EQP", "DATE", "MISC", "ROLE", "EVT", "title"]
    labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "DATE", "MISC"]
    assert any(int(r["LOC"]) or int(r["EQUIPMENT"]) or int(r["MISC"]) for r in rows)
    for row, line in zip(rows, lines):
        # published (22) and the paragraph count (4), then one 4-wide count per label.
        counts = line[24 + 6 : 24 + 6 + 6 * len(labels)].split()
        assert counts == [row[label] for label in labels], (line, row)
        start = 24 + 6 + 6 * len(labels)
        assert line[start : start + 12].split() == [row["roles"], row["events"]], (line, row)
        assert line.endswith(row["id"])


def test_train_then_analyze_with_the_model(tmp_path: pathlib.Path) -> None:
    root = pathlib.Path(__file__).resolve().parent.parent
    lines = []
    with open(root / "data" / "anercorp" / "ANERCorp_CamelLab_train.txt", encoding="utf-8") as fh:
        for line in fh:
            lines.append(line)
            if len(lines) >= 4000 and not line.strip():
                break
    conll = tmp_path / "small.conll"
    conll.write_text("".join(lines), encoding="utf-8")
    model = tmp_path / "small.ktag"
    p = run("train", str(conll), "-o", str(model), "--epochs", "3", "--bag", "1")
    assert p.returncode == 0, p.stderr
    assert model.stat().st_size > 0 and "--model" in p.stderr
    small = run("analyze", "--model", str(model), str(ARTICLES))
    shipped = run("analyze", str(ARTICLES))
    assert small.returncode == 0, small.stderr
    records = [json.loads(line) for line in small.stdout.splitlines()]
    assert len(records) == 5
    for r in records:
        raw = (ARTICLES / pathlib.Path(r["id"]).name).read_text(encoding="utf-8")
        for e in r["entities"]:
            assert raw[e["start"] : e["end"]] == e["text"]
    # A model trained on 4,000 tokens is not the shipped one.
    assert small.stdout != shipped.stdout
    p = run("evaluate", str(conll), "--model", str(model))
    assert p.returncode == 0, p.stderr
    rows = {line.split()[0]: line.split()[1:] for line in p.stdout.splitlines()[1:]}
    assert "all" in rows and "PERS" in rows and 0 < float(rows["all"][2]) <= 100
    p = run("evaluate", str(conll))
    assert p.returncode == 0 and float(p.stdout.splitlines()[-1].split()[3]) > float(rows["all"][2])
    p = run("evaluate", str(conll), "--in-context", "50")
    assert p.returncode == 0, p.stderr
    assert 0 < float(p.stdout.splitlines()[-1].split()[3]) <= 100
    report = tmp_path / "report.html"
    p = run("report", "--model", str(model), "-o", str(report), str(ARTICLES))
    assert p.returncode == 0, p.stderr
    assert report.stat().st_size > 0
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "small.parquet"
    p = run("analyze", "--model", str(model), "--format", "parquet", "-o", str(out), str(ARTICLES))
    assert p.returncode == 0, p.stderr
    table = pq.read_table(out).to_pylist()
    by_id = {r["id"]: r for r in records}
    for row in table:
        assert [e["text"] for e in row["entities"]] == [e["text"] for e in by_id[row["id"]]["entities"]]


def test_train_and_model_errors_are_one_line(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text("زار O\nسامي B-NAME\n", encoding="utf-8")
    p = run("train", str(bad), "-o", str(tmp_path / "m"))
    assert p.returncode == 1 and "line 2: unknown tag `B-NAME`" in _one_error_line(p)
    p = run("analyze", "--model", str(bad), str(ARTICLES))
    assert p.returncode == 1 and "not a khabar tagger model" in _one_error_line(p)
    p = run("analyze", "--model", str(tmp_path / "missing"), str(ARTICLES))
    assert p.returncode == 1 and "missing" in _one_error_line(p)
    p = run("train", str(bad), "-o", str(tmp_path / "m"), "--bag", "0")
    assert p.returncode == 2 and "--bag" in _one_error_line(p)
    p = run("analyze", "--model", str(bad), "--format", "parquet", "-o", str(tmp_path / "x.parquet"), str(ARTICLES))
    assert p.returncode == 1 and "not a khabar tagger model" in _one_error_line(p)
