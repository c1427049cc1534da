"""Instructions per `khabar.analyze_batch` call, before against after:
a count that does not move with the load of a shared machine.

    python3 benches/ab_instructions.py --a /tmp/base/venv/bin/python --b .venv/bin/python [--mb 1]

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

WORKER = """
import sys
sys.path.insert(0, {here!r})
import khabar
from corpus import repeated
docs, size = repeated({mb})
khabar.analyze_batch(docs[:20])
for _ in range(int(sys.argv[1])):
    out = khabar.analyze_batch(docs, threads=1)
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
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(WORKER.format(here=str(HERE), mb=args.mb))
        script = f.name
    per = {}
    for side, python in (("A", args.a), ("B", args.b)):
        base = instructions(python, script, 0)
        one = instructions(python, script, 1)
        per[side] = one - base
        print(f"{side}: {per[side]:,} instructions per analyze_batch of {args.mb} MB ({python})", flush=True)
    print(f"B/A {per['B'] / per['A']:.4f} ({(per['B'] / per['A'] - 1) * 100:+.2f}%)")
    pathlib.Path(script).unlink()


if __name__ == "__main__":
    main()
