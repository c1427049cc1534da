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

Each is timed on the corpus as one string and as a list of articles; MB/s
counts UTF-8 bytes of input; the median of --repeat runs is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
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
        [str(VENV / "bin" / "maturin"), "build", "--release", "-q", "-o", str(wheels), "-m", str(ROOT / "crates/khabar-py/Cargo.toml")],
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


def timed(fn, data, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


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
    whole, docs = corpus(args.mb)
    nbytes = len(whole.encode("utf-8"))
    print(f"corpus: {nbytes / 1e6:.1f} MB ({len(docs)} articles), median of {args.repeat} runs, python {sys.version.split()[0]}")
    results: dict[str, dict[str, float]] = {}
    for name, fn in systems.items():
        fn(whole[:10000])  # warm up lazy tables
        t_whole = timed(fn, whole, args.repeat)
        t_docs = timed(lambda ds: [fn(d) for d in ds], docs, args.repeat)
        results[name] = {"whole_mb_s": nbytes / t_whole / 1e6, "docs_mb_s": nbytes / t_docs / 1e6}
    t_batch = timed(lambda ds: n.normalize_batch(ds), docs, args.repeat)
    results["khabar search, normalize_batch (all cores)"] = {"whole_mb_s": float("nan"), "docs_mb_s": nbytes / t_batch / 1e6}
    k = results["khabar search"]
    print(f"{'system':50s} {'one string':>12s} {'per article':>12s}")
    for name, r in results.items():
        print(f"{name:50s} {r['whole_mb_s']:9.1f} MB/s {r['docs_mb_s']:9.1f} MB/s")
    for peer in list(systems)[1:]:
        r = results[peer]
        print(f"khabar / {peer}: {k['whole_mb_s'] / r['whole_mb_s']:.1f}x (one string), {k['docs_mb_s'] / r['docs_mb_s']:.1f}x (per article)")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
