"""Instructions per `khabar.analyze_batch` call, before against after:
a count that does not move with the load of a shared machine.

    python3 benches/ab_instructions.py --a /tmp/base/venv/bin/python --b .venv/bin/python [--mb 1]
    python3 benches/ab_instructions.py --a .venv/bin/python --a-args events=False --b .venv/bin/python

`--a-args` / `--b-args` give a side keyword arguments of `analyze_batch`
(Python literals): one build against itself with the roles and events pass
off and on measures what that pass costs.

Each side runs under valgrind's cachegrind (`apt-get install valgrind`)
twice: once loading khabar, the corpus (benches/corpus.py) and the model
only, once doing that and then one `analyze_batch(docs, threads=1)` over
`--mb` MB. The difference is the instructions of the call: Rust, the Python
conversions and the interpreter, everything the call runs on its thread.
Wall-clock speed is `ab_pipeline.py`'s business; this settles small
differences (1-5%) that the noise of a 2-core VM hides.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ab_pipeline import keywords  # noqa: E402  (the `--a-args` parser, shared)

WORKER = """
import sys
sys.path.insert(0, {here!r})
import khabar
from corpus import repeated
docs, size = repeated({mb})
khabar.analyze_batch(docs[:20])
kwargs = dict({kwargs})
for _ in range(int(sys.argv[1])):
    out = khabar.analyze_batch(docs, threads=1, **kwargs)
    del out
"""


def instructions(python: str, script: str, runs: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "cg.out"
        proc = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
             python, script, str(runs)],
            capture_output=True, text=True, check=True,
        )
    m = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if m is None:
        sys.exit(f"no instruction count from valgrind:\n{proc.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", required=True, help="python of the build before")
    ap.add_argument("--b", required=True, help="python of the build after")
    ap.add_argument("--a-args", default="", help="keyword arguments of analyze_batch on side A: events=False")
    ap.add_argument("--b-args", default="", help="the same for side B")
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    per = {}
    for side, python, extra in (("A", args.a, args.a_args), ("B", args.b, args.b_args)):
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(WORKER.format(here=str(HERE), mb=args.mb, kwargs=repr(keywords(extra))))
            script = f.name
        base = instructions(python, script, 0)
        one = instructions(python, script, 1)
        pathlib.Path(script).unlink()
        per[side] = one - base
        print(f"{side}: {per[side]:,} instructions per analyze_batch of {args.mb} MB ({python} {extra})".rstrip(),
              flush=True)
    print(f"B/A {per['B'] / per['A']:.4f} ({(per['B'] / per['A'] - 1) * 100:+.2f}%)")


if __name__ == "__main__":
    main()
