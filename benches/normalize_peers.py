#!/usr/bin/env python3
"""Normalization speed against the peers, in one run on one corpus.

    python3 benches/normalize_peers.py [--mb 20] [--repeat 5]

Creates its own virtual environment (.bench-venv-normalize) with PyArabic,
CAMeL Tools (installed --no-deps, plus the few packages camel_tools.utils
needs, to avoid pulling torch) and a freshly built khabar wheel, then times on
the same corpus (the bundled sample articles repeated to --mb megabytes):

- khabar.normalize(text, "search")
- PyArabic's full search normalization: araby.strip_diacritics,
  strip_tatweel, normalize_ligature, normalize_alef, normalize_teh, plus one
  str.translate for the folds PyArabic lacks (alef maqsura, hamza carriers,
  digits, punctuation), so both sides do the job of khabar's search profile
- CAMeL Tools' full cleanup: arclean + dediac_ar + normalize_alef_ar +
  normalize_alef_maksura_ar + normalize_teh_marbuta_ar

Each is timed on the corpus as one string and as a list of articles (a
one-thread loop), and khabar also with Normalizer.normalize_batch on one
thread and on all cores. MB/s counts UTF-8 bytes of input. The systems take
turns within each of --repeat rounds (so that a shared machine's drift hits
all alike) and the median of the rounds is reported, with the machine, the
load before and after, and the versions.

A fresh clone needs Rust (cargo) and Python >= 3.10 with venv and pip; the
first run downloads the peers and compiles khabar (several minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

from corpus import repeated

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENV = ROOT / ".bench-venv-normalize"


def ensure_venv() -> None:
    """Re-exec this script inside the bench venv, creating it on first use."""
    if pathlib.Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run(pip + ["maturin>=1.5,<2", "pyarabic==0.6.15", "six", "numpy", "future", "emoji"], check=True)
        subprocess.run(pip + ["--no-deps", "camel-tools==1.5.5"], check=True)
    wheels = ROOT / "target" / "wheels-bench"
    subprocess.run(
        [str(VENV / "bin" / "maturin"), "build", "--release", "-q", "-i", str(py), "-o", str(wheels), "-m", str(ROOT / "crates/khabar-py/Cargo.toml")],
        check=True,
        cwd=ROOT,
    )
    wheel = max(wheels.glob("khabar-*.whl"), key=os.path.getmtime)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", str(wheel)], check=True)
    os.execv(str(py), [str(py), __file__, *sys.argv[1:]])


def corpus(mb: float) -> tuple[str, list[str]]:
    """The sample articles repeated to >= `mb` MB: as one string and as documents."""
    docs, _ = repeated(mb)
    return "\n\n".join(docs), docs


def timed(fn, data) -> float:
    """Seconds for `fn(data)`; the result is freed after the clock stops."""
    t = time.perf_counter()
    out = fn(data)
    elapsed = time.perf_counter() - t
    del out
    return elapsed


def versions() -> dict[str, str]:
    from importlib.metadata import version

    out = {name: version(name) for name in ("pyarabic", "camel-tools")}
    out["python"] = sys.version.split()[0]
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True, check=True)
        out["khabar"] = rev.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out["khabar"] = "?"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    ensure_venv()

    import khabar
    from camel_tools.utils.charmap import CharMapper
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
    from pyarabic import araby

    arclean = CharMapper.builtin_mapper("arclean")

    def camel(t: str) -> str:
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(arclean(t)))))

    # What PyArabic lacks of the search profile (alef maqsura, hamza carriers,
    # digits, punctuation) is added with one str.translate, the fastest pure
    # Python way, so both sides do the same job.
    extra = str.maketrans({"ى": "ي", "ؤ": "و", "ئ": "ي", "،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"',
                           **{chr(0x660 + d): str(d) for d in range(10)}, **{chr(0x6F0 + d): str(d) for d in range(10)}})

    def pyarabic_full(t: str) -> str:
        t = araby.strip_diacritics(t)
        t = araby.strip_tatweel(t)
        t = araby.normalize_ligature(t)
        t = araby.normalize_alef(t)
        t = araby.normalize_teh(t)
        return t.translate(extra)

    n = khabar.Normalizer("search")
    systems = {
        "khabar search": n.normalize,
        "PyArabic (full search normalization)": pyarabic_full,
        "CAMeL Tools (arclean+dediac+alef/maksura/teh)": camel,
    }
    batches = {
        "khabar search, normalize_batch (threads=1)": lambda ds: n.normalize_batch(ds, threads=1),
        "khabar search, normalize_batch (all cores)": n.normalize_batch,
    }
    whole, docs = corpus(args.mb)
    nbytes = len(whole.encode("utf-8"))
    v = versions()
    load0 = os.getloadavg()[0]
    print(f"corpus: {nbytes / 1e6:.1f} MB ({len(docs)} articles), median of {args.repeat} rounds; "
          f"{platform.machine()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, load {load0:.2f}")
    print(f"python {v['python']}, khabar {v['khabar']}, pyarabic {v['pyarabic']}, camel-tools {v['camel-tools']}")
    for fn in systems.values():
        fn(whole[:10000])  # warm up lazy tables
    n.normalize_batch(docs[:50])  # start the thread pool
    times: dict[str, dict[str, list[float]]] = {name: {"whole": [], "docs": []} for name in [*systems, *batches]}
    for _ in range(args.repeat):
        for name, fn in systems.items():
            times[name]["whole"].append(timed(fn, whole))
            times[name]["docs"].append(timed(lambda ds, fn=fn: [fn(d) for d in ds], docs))
            if name == "khabar search":
                # Right after khabar's loop, which they are compared with.
                for bname, batch in batches.items():
                    times[bname]["docs"].append(timed(batch, docs))
    load1 = os.getloadavg()[0]
    results: dict[str, dict[str, float]] = {
        name: {kind: (nbytes / statistics.median(ts) / 1e6 if ts else float("nan")) for kind, ts in t.items()}
        for name, t in times.items()
    }
    k = results["khabar search"]
    print(f"{'system':50s} {'one string':>12s} {'per article':>12s}")
    for name, r in results.items():
        print(f"{name:50s} {r['whole']:9.1f} MB/s {r['docs']:9.1f} MB/s")
    for peer in list(systems)[1:]:
        r = results[peer]
        print(f"khabar / {peer}: {k['whole'] / r['whole']:.1f}x (one string), {k['docs'] / r['docs']:.1f}x (per article)")
    loop = k["docs"]
    for name in batches:
        print(f"{name} / one-thread loop of normalize: {results[name]['docs'] / loop:.2f}x")
    print(f"load {load0:.2f} -> {load1:.2f}")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({"versions": v, "load": [load0, load1], "results": results}, indent=2))


if __name__ == "__main__":
    main()
