"""The ``khabar`` command.

    khabar normalize [--profile search|display] [--summary] PATH...

Subcommands are added as the pipeline grows; ``khabar --help`` lists them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence

import khabar


def _iter_files(paths: Sequence[str]) -> Iterator[str]:
    """Files named on the command line, and the files inside named folders (sorted)."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if not f.startswith("."):
                        yield os.path.join(root, f)
        else:
            yield p


def _read_text(path: str) -> str:
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not valid UTF-8 (byte {e.start}: {e.reason})") from None


def _cmd_normalize(args: argparse.Namespace) -> int:
    n = khabar.Normalizer(args.profile)
    status = 0
    for path in _iter_files(args.paths):
        try:
            text = sys.stdin.read() if path == "-" else _read_text(path)
        except (OSError, ValueError) as e:
            print(f"khabar: {e}", file=sys.stderr)
            status = 1
            continue
        out, offsets = n.normalize_with_offsets(text)
        if args.summary:
            changed = sum(1 for i, (s, e) in enumerate(offsets) if text[s:e] != out[i])
            lines = [ln for ln in text.splitlines() if ln.strip()]
            first = lines[0] if lines else ""
            print(f"== {path}")
            print(f"   chars {len(text):>7} -> {len(out):>7}   changed or merged: {changed}")
            print(f"   before: {first[:100]}")
            print(f"   after:  {n.normalize(first)[:100]}")
        else:
            sys.stdout.write(out)
            if not out.endswith("\n"):
                sys.stdout.write("\n")
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khabar", description="Arabic news text processing.")
    parser.add_argument("--version", action="version", version=f"khabar {khabar.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("normalize", help="normalize Arabic text files", description="Normalize Arabic text files (or - for stdin).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders ('-' reads stdin)")
    p.add_argument("--profile", default="search", choices=list(khabar.PROFILES), help="rule profile (default: search)")
    p.add_argument("--summary", action="store_true", help="print a before/after summary per file instead of the text")
    p.set_defaults(func=_cmd_normalize)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
