"""polars DataFrames through Arrow: ``khabar.polars.analyze`` and
``analyze_frame`` (``pip install 'khabar[polars]'``, polars >= 1.0 and
pyarrow >= 14).

The analysis is :func:`khabar.arrow.analyze` (Rust, all cores or `threads`,
the GIL released, no Python object per row), and polars takes the Arrow
columns as they are: paragraphs, dropped lines, flags and entities stay
``List(Struct)`` columns, so ``explode`` and ``unnest`` work on them::

    >>> import polars as pl, khabar.polars
    >>> df = khabar.polars.analyze(pl.Series(["استقبل وزير الدفاع الإيراني في طهران سفير أذربيجان.", None]))
    >>> df.height, df["entities"].dtype.inner.fields[0].name
    (2, 'text')
    >>> (df.select(pl.col("entities").explode()).unnest("entities")
    ...    .filter(pl.col("label") == "GPE")["canonical"].to_list())
    ['Tehran', 'Azerbaijan']

A row holds what ``Document.to_dict()`` holds (offsets are code points into
the input string); a null input gives a row of nulls.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import khabar
import khabar.arrow

__all__ = ["analyze", "analyze_frame"]


def _pl() -> Any:
    try:
        import polars
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("khabar.polars needs polars >= 1.0: pip install 'khabar[polars]'") from e
    return polars


def _arrow_strings(texts: Any) -> Any:
    """`texts` as a pyarrow array of strings: a polars Series (its Arrow
    buffers, no copy for one chunk), a pyarrow array, or any iterable of
    ``str``/None."""
    pl = _pl()
    try:
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("khabar.polars needs pyarrow >= 14: pip install 'khabar[polars]'") from e
    if isinstance(texts, pl.Series):
        if texts.dtype not in (pl.String, pl.Null):
            raise TypeError(f"khabar.polars: the texts must be a String Series, not {texts.dtype}")
        return texts.cast(pl.String).to_arrow()
    if isinstance(texts, (pa.Array, pa.ChunkedArray)):
        return texts
    if isinstance(texts, str):
        raise TypeError("khabar.polars: texts must be a Series or a list of str, not one str")
    return pa.array(list(texts), type=pa.string())


def analyze(
    texts: Any | Iterable[str | None], *, threads: int | None = None, tagger: khabar.Tagger | None = None
) -> Any:
    """Parse and tag every raw article of `texts` (a polars ``String``
    Series, a pyarrow array or a list of ``str``/None): a
    ``polars.DataFrame`` with one row per input, in order, with the columns
    of :func:`khabar.arrow.document_schema`. `threads` and `tagger` as in
    :func:`khabar.arrow.analyze`."""
    pl = _pl()
    out = khabar.arrow.analyze(_arrow_strings(texts), threads=threads, tagger=tagger)
    return pl.from_arrow(out)


def analyze_frame(
    df: Any,
    text_col: str = "text",
    prefix: str = "khabar_",
    *,
    threads: int | None = None,
    tagger: khabar.Tagger | None = None,
) -> Any:
    """`df` (a ``polars.DataFrame``) with the analysis of its `text_col`
    added as columns named `prefix` + field (``khabar_title``,
    ``khabar_entities``, ...), like :func:`khabar.spark.analyze`."""
    pl = _pl()
    if not isinstance(df, pl.DataFrame):
        raise TypeError(f"khabar.polars.analyze_frame: df must be a polars DataFrame, not {type(df).__name__}")
    if text_col not in df.columns:
        raise ValueError(f"khabar.polars.analyze_frame: no column {text_col!r} in {df.columns}")
    added = analyze(df.get_column(text_col), threads=threads, tagger=tagger)
    added = added.rename({c: prefix + c for c in added.columns})
    clash = sorted(set(added.columns) & set(df.columns))
    if clash:
        raise ValueError(f"khabar.polars.analyze_frame: {df.columns} already has {clash}; pass another prefix")
    return df.hstack(added.get_columns())
