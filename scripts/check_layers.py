"""Check the layering of the workspace: crate dependencies and import circles.

    python3 scripts/check_layers.py

1. Crate dependencies (from `cargo metadata`): every rule in RULES holds.
2. No import circle between the files of any Rust crate: an arrow runs from a
   file to the module file it names in `use crate::…`, `crate::…::` paths or
   `super::…` paths (a name re-exported by `lib.rs`/`mod.rs` is followed to the
   module that defines it; a parent's `mod x;` declaration is not an arrow).
3. No import circle between the modules of the Python package `python/khabar`.

Prints every circle it finds and exits 1 if there is one or a rule breaks.
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# (crate, crate it must not depend on, why)
FORBIDDEN = [
    ("khabar-normalize", "khabar-dates", "normalization knows nothing above it"),
    ("khabar-normalize", "khabar-article", "normalization knows nothing above it"),
    ("khabar-normalize", "khabar-tag", "normalization knows nothing above it"),
    ("khabar-dates", "khabar-article", "dates do not stand on the parser"),
    ("khabar-dates", "khabar-tag", "dates do not stand on the tagger"),
    ("khabar-tag", "khabar-article", "the tagger does not stand on the parser"),
    ("khabar-article", "khabar-tag", "parsing does not tag"),
    ("khabar-tag", "khabar", "the tagger does not know the pipeline"),
    ("khabar-article", "khabar", "parsing does not know the pipeline"),
]
# khabar-py may depend on this khabar crate only.
BINDINGS, FACADE = "khabar-py", "khabar"


def crate_rules() -> list[str]:
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    deps = {p["name"]: {d["name"] for d in p["dependencies"] if d.get("kind") in (None, "build")}
            for p in meta["packages"]}
    bad = []
    for a, b, why in FORBIDDEN:
        if b in deps.get(a, set()):
            bad.append(f"{a} depends on {b}: {why}")
    if BINDINGS in deps:
        other = sorted(d for d in deps[BINDINGS] if d.startswith("khabar") and d != FACADE)
        if other:
            bad.append(f"{BINDINGS} depends on {', '.join(other)}: bindings go through the facade")
    return bad


def _module_files(src: pathlib.Path) -> dict[tuple[str, ...], pathlib.Path]:
    mods: dict[tuple[str, ...], pathlib.Path] = {}
    for f in src.rglob("*.rs"):
        rel = f.relative_to(src).with_suffix("")
        parts = list(rel.parts)
        if parts in (["lib"], ["main"]):
            parts = []
        elif parts[-1] == "mod":
            parts = parts[:-1]
        mods[tuple(parts)] = f
    return mods


PATH = re.compile(r"\b(crate|super)((?:::\w+)+)")
USE_GROUP = re.compile(r"\buse\s+(crate|super)((?:::\w+)*)::\{([^;]*)\}\s*;", re.S)
REEXPORT = re.compile(r"\bpub(?:\([^)]*\))?\s+use\s+((?:self::)?\w+(?:::\w+)*)(?:::\{([^;]*)\})?\s*;", re.S)


def _strip_comments(code: str) -> str:
    code = re.sub(r"//[^\n]*", "", code)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', code)


def rust_circles(crate: pathlib.Path) -> list[list[str]]:
    src = crate / "src"
    if not src.is_dir():
        return []
    mods = _module_files(src)
    files = {f: m for m, f in mods.items()}
    text = {f: _strip_comments(f.read_text(encoding="utf-8")) for f in files}
    # Names that a module file re-exports from a child: name -> child module path.
    reexports: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}
    for f, m in files.items():
        for path, group in REEXPORT.findall(text[f]):
            segs = [s for s in path.split("::") if s != "self"]
            if not segs or segs[0] in ("crate", "super", "std", "core", "alloc"):
                continue
            names = [n.strip().split(" as ")[-1].strip() for n in group.split(",")] if group else [segs[-1]]
            base = segs if group else segs[:-1]
            child = m + tuple(base)
            for n in names:
                if n and n != "self":
                    reexports[(m, n)] = child

    def resolve(start: tuple[str, ...], segs: list[str]) -> tuple[str, ...] | None:
        cur = start
        for s in segs:
            if cur + (s,) in mods:
                cur = cur + (s,)
            elif (cur, s) in reexports and reexports[(cur, s)] in mods:
                cur = reexports[(cur, s)]
                break
            else:
                break
        return cur

    edges: dict[pathlib.Path, set[pathlib.Path]] = {f: set() for f in files}
    for f, m in files.items():
        code = text[f]
        refs: list[tuple[str, list[str]]] = []
        for kind, path, group in USE_GROUP.findall(code):
            base = [s for s in path.split("::") if s]
            for item in group.split(","):
                item = item.strip().split(" as ")[0].strip()
                if item:
                    refs.append((kind, base + [s for s in re.split(r"::", item) if s and not s.startswith("{")]))
        for kind, path in PATH.findall(code):
            refs.append((kind, [s for s in path.split("::") if s]))
        for kind, segs in refs:
            if kind == "crate":
                start: tuple[str, ...] = ()
            else:
                start = m
                # `super` from a file module is its parent.
                while segs and segs[0] == "super":
                    segs = segs[1:]
                start = m[:-1]
                while segs and segs[0] == "super":
                    segs, start = segs[1:], start[:-1]
            target = resolve(start, segs)
            if target is None or target == m:
                continue
            # A child naming its own ancestor only through the module tree is
            # normal; a parent's `mod child;` is not an arrow (not matched).
            edges[f].add(mods[target])
    return [[str(p.relative_to(ROOT)) for p in c] for c in _circles(edges)]


def _circles(edges: dict) -> list[list]:
    index: dict = {}
    low: dict = {}
    stack: list = []
    on: set = set()
    out: list[list] = []
    counter = [0]

    def strong(v: object) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp, key=str))

    sys.setrecursionlimit(10000)
    for v in list(edges):
        if v not in index:
            strong(v)
    return out


def python_circles(pkg: pathlib.Path) -> list[list[str]]:
    mods = {p.stem: p for p in pkg.glob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for m, p in mods.items():
        code = p.read_text(encoding="utf-8")
        # `from khabar.x import …`, `from .x import …`, `import khabar.x`
        for a, b in re.findall(r"^\s*(?:from\s+(?:khabar\.|\.)(\w+)\s+import|import\s+khabar\.(\w+))", code, re.M):
            if (a or b) in mods and (a or b) != m:
                edges[m].add(a or b)
        # `from khabar import x` / `from . import x` where x is a module.
        for names in re.findall(r"^\s*from\s+(?:khabar|\.)\s+import\s+\(?([\w, \n]+)\)?", code, re.M):
            for n in re.split(r"[,\s]+", names):
                if n in mods and n != m:
                    edges[m].add(n)
    return [[f"python/khabar/{c}.py" for c in comp] for comp in _circles(edges)]


def main() -> int:
    problems = crate_rules()
    for p in problems:
        print(f"dependency: {p}")
    crates = sorted(p.parent for p in (ROOT / "crates").glob("*/Cargo.toml")) + [ROOT / "benches"]
    n = 0
    for c in crates:
        for circle in rust_circles(c):
            n += 1
            print(f"circle in {c.name}: " + " -> ".join(circle))
    for circle in python_circles(ROOT / "python" / "khabar"):
        n += 1
        print("circle in python/khabar: " + " -> ".join(circle))
    print(f"{len(problems)} dependency rule(s) broken, {n} import circle(s)")
    return 1 if problems or n else 0


if __name__ == "__main__":
    sys.exit(main())
