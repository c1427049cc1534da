"""The ``khabar`` command.

    khabar analyze PATH... [--format jsonl|csv|table|parquet] [-o FILE] [--threads N] [--model FILE]
    khabar report PATH... [-o report.html] [--model FILE]
    khabar train CONLL -o MODEL [--epochs N] [--seed N] [--bag N]
    khabar evaluate CONLL [--model MODEL] [--in-context N]
    khabar normalize [--profile search|display] [--summary] PATH...
    khabar dates [--reference YYYY-MM-DD] TEXT|-

``khabar --help`` and ``khabar COMMAND --help`` say more.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

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
        raise ValueError(f"not valid UTF-8 (byte {e.start}: {e.reason})") from None


def _cmd_normalize(args: argparse.Namespace) -> int:
    n = khabar.Normalizer(args.profile)
    status = 0
    for path in _iter_files(args.paths):
        try:
            text = sys.stdin.read() if path == "-" else _read_text(path)
        except OSError as e:
            print(f"khabar: {e}", file=sys.stderr)
            status = 1
            continue
        except ValueError as e:
            print(f"khabar: {path}: {e}", file=sys.stderr)
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


# Articles are read, analyzed and written in chunks of this many, so memory
# stays bounded however large the corpus is.
CHUNK = 256


def _chunks(paths: Sequence[str]) -> Iterator[list[tuple[str, str | None, str | None]]]:
    """(path, text or None, error or None), CHUNK at a time."""
    chunk: list[tuple[str, str | None, str | None]] = []
    for path in _iter_files(paths):
        try:
            chunk.append((path, _read_text(path), None))
        except OSError as e:
            chunk.append((path, None, f"{type(e).__name__}: {e.strerror or e}"))
        except ValueError as e:
            chunk.append((path, None, f"UnicodeDecodeError: {e}"))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Progress:
    """A one-line progress counter on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.done = 0

    def add(self, n: int) -> None:
        self.done += n
        if self.enabled:
            print(f"\rkhabar: {self.done} articles", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled:
            print(file=sys.stderr)


ARTICLE_COLUMNS = ["id", "title", "published", "url", "language", "paragraphs", "entities", "PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "DATE", "MISC", "roles", "events", "dropped", "error"]


def _row(path: str, doc: khabar.Document) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for e in doc.entities:
        counts[e.label] = counts.get(e.label, 0) + 1
    row: dict[str, Any] = {
        "id": path,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "language": doc.language,
        "paragraphs": len(doc.paragraphs),
        "entities": len(doc.entities),
        "roles": len(doc.roles),
        "events": len(doc.events),
        "dropped": len(doc.dropped),
        "error": doc.error,
    }
    for label in ARTICLE_COLUMNS[7:15]:
        row[label] = counts.get(label, 0)
    return row


# The table: (column of `_row`, header, width). One count column per entity
# label, as in csv, under a short header (EQUIPMENT → EQP), then the people
# with an office (ROLE) and the events (EVT).
TABLE_COLUMNS = [
    # Wide enough for a UTC offset: 2022-01-25T16:28+03:00.
    ("published", "published", 22),
    ("paragraphs", "para", 4),
    ("PERSON", "PER", 4),
    ("ORG", "ORG", 4),
    ("GPE", "GPE", 4),
    ("LOC", "LOC", 4),
    ("NORP", "NORP", 4),
    ("EQUIPMENT", "EQP", 4),
    ("DATE", "DATE", 4),
    ("MISC", "MISC", 4),
    ("roles", "ROLE", 4),
    ("events", "EVT", 4),
    ("title", "title", 60),
]


def _write_table(out: IO[str], rows: list[dict[str, Any]], header: bool) -> None:
    if header:
        out.write("  ".join(f"{head:<{w}}" for _, head, w in TABLE_COLUMNS) + "  id\n")
    for r in rows:
        if r["error"]:
            out.write(f"{'ERROR':<22}  {r['error']}  {r['id']}\n")
            continue
        cells = []
        for name, _, w in TABLE_COLUMNS:
            v = r[name]
            v = "" if v is None else str(v)
            cells.append(f"{v[:w]:<{w}}" if name != "title" else v[:w])
        out.write("  ".join(cells) + f"  {r['id']}\n")


def _documents(
    chunk: list[tuple[str, str | None, str | None]], threads: int | None, tagger: khabar.Tagger | None = None
) -> list[tuple[str, str | None, khabar.Document]]:
    """`(path, text, Document)` for a chunk of `_chunks`; a file that could
    not be read becomes a Document with only `error` set."""
    texts = [t for _, t, _ in chunk if t is not None]
    docs = iter(khabar.analyze_batch(texts, threads=threads, tagger=tagger))
    return [(path, text, next(docs) if text is not None else khabar.Document(error=err)) for path, text, err in chunk]


def _failed(path: str, error: str | None) -> int:
    """Report a failed document on stderr: 1 if it failed, else 0."""
    if error is None:
        return 0
    print(f"khabar: {path}: {error}", file=sys.stderr)
    return 1


def _analyze_parquet(args: argparse.Namespace) -> int:
    """One Parquet row group per chunk of articles, through the Arrow path
    (``khabar.arrow.analyze``): an ``id`` column, then the columns of
    ``khabar.arrow.document_schema()``. Only one chunk is in memory at a time."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        print("khabar: --format parquet needs pyarrow: pip install 'khabar[arrow]'", file=sys.stderr)
        return 2
    import khabar.arrow

    tagger = _tagger(args)
    schema = pa.schema([pa.field("id", pa.string()), *khabar.arrow.document_schema()])
    progress = _Progress(not args.quiet)
    failures = 0
    try:
        with pq.ParquetWriter(args.output, schema) as writer:
            for chunk in _chunks(args.paths):
                texts = pa.array([t for _, t, _ in chunk], pa.string())
                batch = khabar.arrow.analyze(texts, threads=args.threads, tagger=tagger)
                errors = batch.column("error").to_pylist()
                for i, (path, _, err) in enumerate(chunk):
                    if err is not None:
                        errors[i] = err
                    failures += _failed(path, errors[i])
                columns = [pa.array([p for p, _, _ in chunk], pa.string()), *batch.columns]
                columns[-1] = pa.array(errors, pa.string())
                writer.write_batch(pa.RecordBatch.from_arrays(columns, schema=schema))
                progress.add(len(chunk))
    finally:
        progress.close()
    return 1 if failures else 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    if args.format == "parquet":
        if not args.output:
            print("khabar: --format parquet needs -o FILE", file=sys.stderr)
            return 2
        return _analyze_parquet(args)
    tagger = _tagger(args)
    out: IO[str] = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    progress = _Progress(not args.quiet)
    failures = 0
    writer: Any = None
    try:
        first = True
        for chunk in _chunks(args.paths):
            rows = []
            for path, _, doc in _documents(chunk, args.threads, tagger):
                failures += _failed(path, doc.error)
                if args.format == "jsonl":
                    out.write(json.dumps({"id": path, **doc.to_dict()}, ensure_ascii=False) + "\n")
                else:
                    rows.append(_row(path, doc))
            if args.format == "csv":
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=ARTICLE_COLUMNS)
                    writer.writeheader()
                writer.writerows(rows)
            elif args.format == "table":
                _write_table(out, rows, header=first)
            first = False
            progress.add(len(chunk))
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    return 1 if failures else 0


def _tagger(args: argparse.Namespace) -> khabar.Tagger | None:
    """The tagger of ``--model``, or None for the shipped one."""
    return khabar.Tagger.load(args.model) if args.model else None


def _add_model_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="FILE", help="a tagger saved by 'khabar train' (default: the shipped one)")


def _cmd_train(args: argparse.Namespace) -> int:
    import time

    # Options not given keep the library's defaults (the shipped recipe).
    options = {name: getattr(args, name) for name in ("epochs", "seed", "bag") if getattr(args, name) is not None}
    for name in ("epochs", "bag"):
        if options.get(name, 1) < 1:
            raise UsageError(f"--{name} must be a positive number, not {options[name]}")
    start = time.perf_counter()
    tagger = khabar.Tagger.train(args.conll, **options)
    tagger.save(args.output)
    size = os.path.getsize(args.output)
    print(
        f"khabar: wrote {args.output} ({size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s; "
        f"use it with: khabar analyze --model {args.output} PATH...",
        file=sys.stderr,
    )
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    tagger = _tagger(args) or khabar.Tagger()
    scores = tagger.evaluate(args.conll, in_context=args.in_context)
    print(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for ty, s in scores.items():
        print(f"{ty:<6} {100 * s['precision']:6.1f} {100 * s['recall']:6.1f} {100 * s['f1']:6.1f} {int(s['support']):8d}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import render

    items: list[tuple[str, str, khabar.Document]] = []
    failures = 0
    tagger = _tagger(args)
    # Opened first: a bad -o fails before the analysis, not after it.
    with open(args.output, "w", encoding="utf-8") as fh:
        for chunk in _chunks(args.paths):
            for path, text, doc in _documents(chunk, args.threads, tagger):
                failures += _failed(path, doc.error)
                items.append((path, text or "", doc))
        fh.write(render(items, title=args.title))
    print(f"khabar: wrote {args.output} ({len(items)} articles)", file=sys.stderr)
    return 1 if failures else 0


class UsageError(Exception):
    """A bad argument found after parsing: ``khabar: error: ...``, exit status 2."""


def _cmd_dates(args: argparse.Namespace) -> int:
    if args.reference is not None:
        try:
            khabar.find_dates("", reference=args.reference)  # the same parser as below
        except ValueError as e:
            message = str(e).removeprefix("reference: ")
            raise UsageError(f"--reference: {message}") from None
    text = sys.stdin.read() if args.text == "-" else args.text
    for d in khabar.find_dates(text, reference=args.reference):
        print(f"{d.start}:{d.end}\t{d.value or '?'}\t{d.precision}\t{d.calendar}\t{d.text}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="khabar", description="Arabic news text processing.")
    parser.add_argument("--version", action="version", version=f"khabar {khabar.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    a = sub.add_parser(
        "analyze",
        help="parse and tag raw articles",
        description="Parse raw scraped articles (UTF-8 text files, or folders of them) and tag their entities. "
        "One record per article; a file that cannot be read is reported on stderr and the run goes on (exit status 1).",
    )
    a.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    a.add_argument(
        "--format",
        choices=["jsonl", "csv", "table", "parquet"],
        default="jsonl",
        help="output format (default: jsonl; parquet needs -o and pyarrow, one row group per 256 articles)",
    )
    a.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    a.add_argument("--threads", type=int, default=None, metavar="N", help="threads (default: all cores)")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress counter")
    _add_model_argument(a)
    a.set_defaults(func=_cmd_analyze)

    r = sub.add_parser(
        "report",
        help="write an HTML report of analyzed articles",
        description="Analyze articles and write one self-contained right-to-left HTML page: entities highlighted "
        "by label, dropped lines and why, and a corpus summary (frequent entities, timeline, co-occurrence).",
    )
    r.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    r.add_argument("-o", "--output", metavar="FILE", default="report.html", help="where to write (default: report.html)")
    r.add_argument("--title", default="khabar", help="page title")
    r.add_argument("--threads", type=int, default=None, metavar="N", help="threads (default: all cores)")
    _add_model_argument(r)
    r.set_defaults(func=_cmd_report)

    t = sub.add_parser(
        "train",
        help="train a tagger on CoNLL data",
        description="Train an entity tagger on a CoNLL file (UTF-8, 'token tag' per line, a blank line after "
        "each sentence, BIO tags of PERS or PER, LOC, ORG, MISC), with the shipped gazetteers and rules; "
        "the defaults are the shipped model's recipe (ANERcorp train gives the shipped model).",
    )
    t.add_argument("conll", metavar="CONLL", help="training data")
    t.add_argument("-o", "--output", metavar="MODEL", required=True, help="where to write the model")
    t.add_argument("--epochs", type=int, help="perceptron epochs (default: the shipped recipe's, 10)")
    t.add_argument("--seed", type=int, help="seed of the sentence orders (default: 42)")
    t.add_argument("--bag", type=int, help="perceptrons averaged, one thread each (default: 7)")
    t.set_defaults(func=_cmd_train)

    e = sub.add_parser(
        "evaluate",
        help="score a tagger on CoNLL data",
        description="Exact-span precision, recall and F1 per type (conlleval rules) of the shipped tagger, or of "
        "--model, on a CoNLL file (the format of 'khabar train').",
    )
    e.add_argument("conll", metavar="CONLL", help="test data")
    e.add_argument(
        "--in-context",
        type=int,
        metavar="N",
        help="score the whole tagger (model and rules) on texts of N consecutive sentences, EQUIPMENT as MISC "
        "(default: the statistical layer on the file's own tokens)",
    )
    _add_model_argument(e)
    e.set_defaults(func=_cmd_evaluate)

    d = sub.add_parser("dates",
 help="find Arabic date expressions", description="Find and resolve Arabic date expressions in TEXT ('-' reads stdin).")
    d.add_argument("text", metavar="TEXT")
    d.add_argument("--reference", metavar="YYYY-MM-DD", help="resolve relative dates against this date")
    d.set_defaults(func=_cmd_dates)

    p = sub.add_parser("normalize", help="normalize Arabic text files", description="Normalize Arabic text files (or - for stdin).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders ('-' reads stdin)")
    p.add_argument("--profile", default="search", choices=list(khabar.PROFILES), help="rule profile (default: search)")
    p.add_argument("--summary", action="store_true", help="print a before/after summary per file instead of the text")
    p.set_defaults(func=_cmd_normalize)
    return parser


def _error(message: str, status: int) -> int:
    print(f"khabar: error: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command. Ordinary user errors (a bad argument, an output file
    that cannot be written) are one ``khabar: error: ...`` line on stderr and
    exit status 2 (usage) or 1 (I/O), not a traceback; an input file that
    cannot be read is reported and the run goes on."""
    args = build_parser().parse_args(argv)
    try:
        threads = getattr(args, "threads", None)
        if threads is not None and threads < 1:
            raise UsageError(f"--threads must be a positive number, not {threads}")
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except UsageError as e:
        return _error(str(e), 2)
    except khabar.ModelError as e:
        return _error(str(e), 1)
    except OSError as e:
        # Inputs are handled file by file; what gets here is an output.
        where = f"{e.filename}: " if e.filename else ""
        return _error(f"{where}{e.strerror or e}", 1)


if __name__ == "__main__":
    sys.exit(main())
