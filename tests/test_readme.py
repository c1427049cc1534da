"""The README's Python examples run as written (doctest)."""

from __future__ import annotations

import doctest
import pathlib

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def python_blocks() -> list[str]:
    blocks, cur, inside = [], [], False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.strip() == "```python":
            inside, cur = True, []
        elif line.strip() == "```" and inside:
            inside = False
            blocks.append("\n".join(cur))
        elif inside:
            cur.append(line)
    return blocks


def test_readme_examples(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(README.parent)  # the examples use paths relative to the repository
    blocks = python_blocks()
    assert blocks, "README has no python examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README block {i}", str(README), 0)
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} README example(s) failed (see output above)"
