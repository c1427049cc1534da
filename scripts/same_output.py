"""Does a change keep khabar's output the same?

    python scripts/same_output.py corpora DIR            # write the three corpora as files under DIR
    python scripts/same_output.py dump DIR OUT            # OUT/<corpus>.jsonl from `khabar analyze --format jsonl`
    python scripts/same_output.py compare A B [--ignore source]

The corpora: the bundled sample articles; 2,000 documents generated from them
(benches/corpus.py, seed 7); ANERcorp test text as consecutive 50-sentence
files (tokens joined by spaces, one sentence a line). `compare` reads two dumps
and says whether every record is identical once the keys named by --ignore are
removed at every depth (by default `source`, the field the structure change
added to every entity). `scripts/same-output.sh REV` builds REV beside this
tree and runs the whole check.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))

CORPORA = ("samples", "generated", "anercorp_test")


def _anercorp_chunks(path: pathlib.Path, per: int = 50) -> list[str]:
    sentences: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append(parts[0])
    sentences = [s for s in sentences if s]
    return ["\n".join(" ".join(s) for s in sentences[i : i + per]) + "\n" for i in range(0, len(sentences), per)]


def write_corpora(out: pathlib.Path) -> None:
    import corpus  # benches/corpus.py

    texts = {
        "samples": corpus.samples(),
        "generated": corpus.generate(2000, seed=7),
        "anercorp_test": _anercorp_chunks(ROOT / "data" / "anercorp" / "ANERCorp_CamelLab_test.txt"),
    }
    for name, docs in texts.items():
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        for i, t in enumerate(docs):
            (d / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        print(f"{name}: {len(docs)} documents")


def dump(corpora: pathlib.Path, out: pathlib.Path, khabar: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in CORPORA:
        subprocess.run(
            [khabar, "analyze", "--quiet", "--format", "jsonl", "--threads", "2", "-o", str(out / f"{name}.jsonl"), str(corpora / name)],
            check=True,
        )


def _strip(value: object, ignore: set[str]) -> object:
    if isinstance(value, dict):
        return {k: _strip(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [_strip(v, ignore) for v in value]
    return value


def compare(a: pathlib.Path, b: pathlib.Path, ignore: set[str]) -> bool:
    same = True
    for name in CORPORA:
        left = (a / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        right = (b / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if len(left) != len(right):
            print(f"{name}: {len(left)} records against {len(right)}")
            same = False
            continue
        diff = 0
        for i, (x, y) in enumerate(zip(left, right)):
            if x == y:
                continue
            if _strip(json.loads(x), ignore) != _strip(json.loads(y), ignore):
                diff += 1
                if diff <= 3:
                    print(f"{name}: record {i} differs:\n  {x[:300]}\n  {y[:300]}")
            elif json.dumps(_strip(json.loads(x), ignore), ensure_ascii=False) != json.dumps(_strip(json.loads(y), ignore), ensure_ascii=False):
                diff += 1  # same data, different key order or formatting
                if diff <= 3:
                    print(f"{name}: record {i} has the same data written differently")
        print(f"{name}: {len(left)} records, {diff} differ" + (f" (ignoring {sorted(ignore)})" if ignore else ""))
        same &= diff == 0
    return same


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpora")
    c.add_argument("dir", type=pathlib.Path)
    d = sub.add_parser("dump")
    d.add_argument("corpora", type=pathlib.Path)
    d.add_argument("out", type=pathlib.Path)
    d.add_argument("--khabar", default="khabar", help="the khabar command to run")
    m = sub.add_parser("compare")
    m.add_argument("a", type=pathlib.Path)
    m.add_argument("b", type=pathlib.Path)
    m.add_argument("--ignore", action="append", default=None)
    args = ap.parse_args()
    if args.cmd == "corpora":
        write_corpora(args.dir)
    elif args.cmd == "dump":
        dump(args.corpora, args.out, args.khabar)
    else:
        return 0 if compare(args.a, args.b, set(args.ignore if args.ignore is not None else ["source"])) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
