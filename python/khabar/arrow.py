"""Apache Arrow batches in and out: ``khabar.arrow.analyze``, ``tag`` and
``normalize`` (``pip install 'khabar[arrow]'``, pyarrow >= 14).

The input is a pyarrow ``Array`` or ``ChunkedArray`` of strings (``string``,
``large_string`` or ``string_view``); the work runs in Rust on all cores (or
`threads`) with the GIL released, and the result is built there as Arrow
columns: no Python object is made per row. Data crosses through the Arrow
PyCapsule interface (``__arrow_c_array__``), so nothing is copied on the way
in. A null input gives a null row, never an error.

    >>> import pyarrow as pa, khabar.arrow
    >>> batch = khabar.arrow.analyze(pa.array(["استقبل وزير الدفاع الإيراني في طهران سفير أذربيجان.", None]))
    >>> batch.num_rows, batch.column("entities")[1].as_py()
    (2, None)
    >>> [(e["text"], e["label"]) for e in batch.column("entities")[0].as_py()][:2]
    [('الإيراني', 'NORP'), ('طهران', 'GPE')]

A row of :func:`analyze` holds what ``Document.to_dict()`` holds, with the same
names and nesting (offsets are code points into the input string), so
``batch.to_pylist() == [d.to_dict() for d in khabar.analyze_batch(texts)]``.
"""

from __future__ import annotations

from typing import Any

from . import _khabar

__all__ = ["analyze", "document_schema", "entities_type", "normalize", "tag"]


def _pa() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("khabar.arrow needs pyarrow >= 14: pip install 'khabar[arrow]'") from e
    return pyarrow


class _Exported:
    """Hands a ``(schema, array)`` capsule pair to pyarrow (the PyCapsule
    interface): ``pa.record_batch(_Exported(pair))``."""

    __slots__ = ("_pair",)

    def __init__(self, pair: tuple[object, object]) -> None:
        self._pair = pair

    def __arrow_c_array__(self, requested_schema: object = None) -> tuple[object, object]:
        return self._pair


def _check_threads(threads: int | None, name: str = "threads", *, optional: bool = True) -> None:
    """Raise ValueError unless `threads` is a positive int (or None when
    `optional`); `name` is what the message calls it."""
    if threads is None and optional:
        return
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        either = " or None" if optional else ""
        raise ValueError(f"{name} must be a positive int{either}, not {threads!r}")


def _chunks(texts: Any, what: str) -> tuple[list[Any], bool]:
    """The arrays to process and whether the input was chunked."""
    pa = _pa()
    if isinstance(texts, pa.ChunkedArray):
        return list(texts.chunks), True
    if isinstance(texts, pa.Array) or hasattr(texts, "__arrow_c_array__"):
        return [texts], False
    raise TypeError(
        f"{what}: texts must be a pyarrow Array or ChunkedArray of strings, not {type(texts).__name__} "
        "(for a list of str, use pyarrow.array(texts))"
    )


def _capsules(array: Any) -> tuple[object, object]:
    pair = array.__arrow_c_array__()
    return pair[0], pair[1]


_SCHEMA: Any = None


def document_schema() -> Any:
    """The ``pyarrow.Schema`` of :func:`analyze`: ``title``, ``subtitle``,
    ``byline``, ``published``, ``published_precision`` (string);
    ``published_utc_offset`` (int64, minutes east of UTC, null when the text
    gives none); ``updated`` (string); ``updated_utc_offset`` (int64);
    ``url``, ``dateline_place``, ``language`` (string); ``paragraphs`` (list
    of struct text, kind, line, start, end); ``title_span``,
    ``subtitle_span``, ``dateline_place_span`` (list of int64
    ``[start, end]``); ``headings``, ``related`` (list of string); ``dropped``
    (list of struct line, text, reason, of_line, metadata); ``flags`` (list of
    struct kind, line, of_line, text); ``entities`` (list of struct text,
    label, start, end, canonical, title, value, score, kb_id, source, and
    ``role``: a struct text, start, end, office, of, null unless the
    entity is a PERSON whose sentence states its office); ``events`` (list of
    struct kind, text, start, end, ``mentions`` (list of struct start, end),
    ``participants`` (list of struct entity, role: ``entity`` indexes
    ``entities``), date (string, ISO), place (int64 index into ``entities``,
    null when none), planned (bool), score (float64)); ``error`` (string)."""
    global _SCHEMA
    if _SCHEMA is None:
        pa = _pa()
        _SCHEMA = analyze(pa.array([], pa.string())).schema
    return _SCHEMA


def entities_type() -> Any:
    """The ``pyarrow.DataType`` of :func:`tag`'s result (and of the
    ``entities`` column): a list of struct text, label, start, end,
    canonical, title, value, score, kb_id, source."""
    return document_schema().field("entities").type


def analyze(texts: Any, *, threads: int | None = None, tagger: _khabar.Tagger | None = None) -> Any:
    """Parse and tag every raw article of `texts` (a pyarrow ``Array`` or
    ``ChunkedArray`` of strings): a ``pyarrow.RecordBatch`` (a ``Table`` for a
    ``ChunkedArray``) of :func:`document_schema`, one row per input, in order.
    A null input gives a row of nulls; a document that cannot be analyzed has
    its ``error`` set. `tagger` (a :class:`khabar.Tagger`) replaces the
    shipped one."""
    _check_threads(threads)
    pa = _pa()
    chunks, chunked = _chunks(texts, "khabar.arrow.analyze")
    batches = [pa.record_batch(_Exported(_khabar._arrow_analyze(*_capsules(c), threads, tagger))) for c in chunks]
    if not chunked:
        return batches[0]
    return pa.Table.from_batches(batches, schema=document_schema())


def tag(texts: Any, *, threads: int | None = None, tagger: _khabar.Tagger | None = None) -> Any:
    """Tag every string of `texts` as one document (like :func:`khabar.tag`):
    a ``pyarrow.ListArray`` of entity structs (a ``ChunkedArray`` for a
    ``ChunkedArray``), null where the input is null. Offsets are code
    points. `tagger` as in :func:`analyze`."""
    _check_threads(threads)
    pa = _pa()
    chunks, chunked = _chunks(texts, "khabar.arrow.tag")
    out = [pa.array(_Exported(_khabar._arrow_tag(*_capsules(c), threads, tagger))) for c in chunks]
    return pa.chunked_array(out, type=entities_type()) if chunked else out[0]


def normalize(texts: Any, profile: str = "search", *, threads: int | None = None) -> Any:
    """Normalize every string of `texts` with a named profile (like
    :func:`khabar.normalize`): a ``pyarrow.StringArray`` (a ``ChunkedArray``
    for a ``ChunkedArray``), null where the input is null."""
    _check_threads(threads)
    pa = _pa()
    chunks, chunked = _chunks(texts, "khabar.arrow.normalize")
    out = [pa.array(_Exported(_khabar._arrow_normalize(*_capsules(c), profile, threads))) for c in chunks]
    return pa.chunked_array(out, type=pa.string()) if chunked else out[0]
