#!/usr/bin/env python3
"""Whole-pipeline speed of two khabar builds, A/B in one run.

    python3 benches/ab_pipeline.py --a PYTHON_A --b PYTHON_B [--rounds 6] [--mb 20]

PYTHON_A and PYTHON_B are interpreters of two environments that each have a
khabar build installed: e.g. a revision built by benches/build_revision.sh
(`bash benches/build_revision.sh main /tmp/base` prints
/tmp/base/venv/bin/python) and this checkout's .venv/bin/python
(`bash scripts/env.sh` builds it).

Each side runs in a worker process of its own that stays up for the whole
run. In every round each side times `khabar.analyze_batch(docs, threads=1)`
and `threads=None` (all cores) once; the order of the sides alternates
(A B, B A, A B, ...), so the drift of a shared machine hits both alike. The
corpus is the one of benches/pipeline_throughput.py: the bundled sample
articles repeated into >= --mb megabytes of separate documents; MB/s counts
their UTF-8 bytes. Prints each round, then the medians, B/A, and the CPU
seconds per MB (all threads of the worker), which move less with load than
wall time.

`--a-args` / `--b-args` give a side keyword arguments of `analyze_batch`
(`events=False`): with the same interpreter on both sides, the run measures
what the roles and events pass costs within one build.

--task normalize_batch times `khabar.Normalizer("search").normalize_batch`
on the same documents instead.

Worker protocol (internal): `--worker` reads "run THREADS" lines on stdin
and answers one JSON line each.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
TASKS = ("analyze_batch", "normalize_batch")


# --- worker: runs inside PYTHON_A / PYTHON_B --------------------------------


def keywords(args: str) -> dict[str, object]:
    """`events=False` as keyword arguments (Python literals)."""
    out: dict[str, object] = {}
    for item in filter(None, args.split(",")):
        key, _, value = item.partition("=")
        out[key.strip()] = ast.literal_eval(value.strip())
    return out


def worker(task: str, mb: float, extra: str) -> None:
    import gc
    import resource

    import khabar

    sys.path.insert(0, str(HERE))
    from corpus import repeated

    docs, size = repeated(mb)
    kwargs = keywords(extra)
    if task == "analyze_batch":
        def run(threads: int | None) -> object:
            return khabar.analyze_batch(docs, threads=threads, **kwargs)

        run_small = lambda: khabar.analyze_batch(docs[:20])  # noqa: E731  (load the model and tables)
    else:
        normalizer = khabar.Normalizer("search")

        def run(threads: int | None) -> object:
            return normalizer.normalize_batch(docs, threads=threads)

        run_small = lambda: normalizer.normalize_batch(docs[:20])  # noqa: E731
    run_small()
    rev_file = pathlib.Path(sys.prefix).parent / "REV"
    info = {
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "khabar": khabar.__file__,
        "revision": rev_file.read_text().strip()[:12] if rev_file.exists() else None,
        "bytes": size,
        "docs": len(docs),
        "args": extra,
    }
    print(json.dumps(info), flush=True)

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    for line in sys.stdin:
        cmd, arg = line.split()
        assert cmd == "run"
        threads = None if arg == "all" else int(arg)
        gc.collect()
        c0, t0 = cpu(), time.perf_counter()
        out = run(threads)
        wall, cpu_s = time.perf_counter() - t0, cpu() - c0
        assert isinstance(out, list) and len(out) == len(docs)
        # The amount of output, to see that both builds did the same work.
        if task == "analyze_batch":
            work = sum(len(getattr(d, "entities", ())) for d in out)
        else:
            work = sum(len(s) for s in out)
        del out
        print(json.dumps({"wall": wall, "cpu": cpu_s, "work": work}), flush=True)


# --- driver ------------------------------------------------------------------


class Side:
    def __init__(self, name: str, python: str, task: str, mb: float, extra: str = "") -> None:
        self.name = name
        self.proc = subprocess.Popen(
            [python, str(pathlib.Path(__file__).resolve()), "--worker", "--task", task, "--mb", str(mb),
             "--args", extra],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=str(HERE.parent),
        )
        self.info = self._read()
        self.runs: dict[str, list[dict]] = {}

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"side {self.name}: the worker stopped (exit code {self.proc.wait()})")
        return json.loads(line)

    def run(self, threads: str) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"run {threads}\n")
        self.proc.stdin.flush()
        r = self._read()
        self.runs.setdefault(threads, []).append(r)
        return r

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--a", help="Python interpreter of side A (e.g. the build before a change)")
    ap.add_argument("--b", help="Python interpreter of side B (e.g. the build after it)")
    ap.add_argument("--a-args", default="", help="keyword arguments of analyze_batch on side A: events=False")
    ap.add_argument("--b-args", default="", help="the same for side B")
    ap.add_argument("--args", default="", help=argparse.SUPPRESS)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--task", choices=TASKS, default="analyze_batch")
    ap.add_argument("--threads", default="1,all", help="comma-separated thread counts per round ('all' = every core)")
    ap.add_argument("--json", help="also write every run here")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.task, args.mb, args.args)
        return
    if not (args.a and args.b):
        ap.error("--a and --b are required")
    settings = [s.strip() for s in args.threads.split(",")]

    load0 = os.getloadavg()
    start = dt.datetime.now(dt.timezone.utc)
    sides = [Side("A", args.a, args.task, args.mb, args.a_args), Side("B", args.b, args.task, args.mb, args.b_args)]
    a, b = sides
    size = a.info["bytes"]
    print(f"{args.task}, {size / 1e6:.1f} MB in {a.info['docs']} documents, {args.rounds} rounds; "
          f"{platform.machine()}, {os.cpu_count()} cores, {start:%Y-%m-%d %H:%M} UTC, load {load0[0]:.2f}")
    for s in sides:
        rev = f" (revision {s.info['revision']})" if s.info["revision"] else ""
        extra = f", analyze_batch({s.info['args']})" if s.info["args"] else ""
        print(f"  {s.name}: {s.info['executable']}, Python {s.info['python']}, khabar {s.info['khabar']}{rev}{extra}")
    try:
        for r in range(args.rounds):
            order = sides if r % 2 == 0 else sides[::-1]
            cells = []
            for s in order:
                for t in settings:
                    res = s.run(t)
                    cells.append(f"{s.name} t={t} {size / res['wall'] / 1e6:6.2f}")
            print(f"round {r + 1}: " + "  ".join(cells), flush=True)
    finally:
        for s in sides:
            s.close()
    load1 = os.getloadavg()

    print(f"\nmedians (MB/s of raw text; CPU s/MB over all threads), load {load0[0]:.2f} -> {load1[0]:.2f}:")
    print(f"{'threads':>8s} {'A MB/s':>8s} {'B MB/s':>8s} {'B/A':>6s}   {'A CPU s/MB':>10s} {'B CPU s/MB':>10s}")
    summary = {}
    for t in settings:
        ma = statistics.median(size / x["wall"] / 1e6 for x in a.runs[t])
        mb = statistics.median(size / x["wall"] / 1e6 for x in b.runs[t])
        ca = statistics.median(x["cpu"] / (size / 1e6) for x in a.runs[t])
        cb = statistics.median(x["cpu"] / (size / 1e6) for x in b.runs[t])
        summary[t] = {"a_mb_s": ma, "b_mb_s": mb, "ratio": mb / ma, "a_cpu_s_per_mb": ca, "b_cpu_s_per_mb": cb}
        print(f"{t:>8s} {ma:8.2f} {mb:8.2f} {mb / ma:5.3f}x   {ca:10.4f} {cb:10.4f}")
    work_a = {x["work"] for runs in a.runs.values() for x in runs}
    work_b = {x["work"] for runs in b.runs.values() for x in runs}
    what = "entities" if args.task == "analyze_batch" else "output characters"
    if work_a != work_b:
        print(f"note: the builds differ in output ({what}: A {sorted(work_a)}, B {sorted(work_b)})")
    else:
        print(f"same amount of output on both sides ({what}: {sorted(work_a)[0]})")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({
            "task": args.task, "bytes": size, "start": start.isoformat(), "load": [load0, load1],
            "sides": {s.name: {"info": s.info, "runs": s.runs} for s in sides}, "summary": summary,
        }, indent=2))


if __name__ == "__main__":
    main()
