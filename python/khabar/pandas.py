"""pandas helpers: ``khabar.to_pandas(docs)`` → (articles, entities).

pandas is an optional extra: ``pip install khabar[pandas]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._document import Document

from ._khabar import DOCUMENT_FIELDS, ENTITY_FIELDS, LABELS


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "khabar.to_pandas needs pandas, which is not installed: pip install 'khabar[pandas]'"
        ) from None
    return pandas


# The kind of each column, so that the frames have the same columns and dtypes
# whatever the data (built from empty or all-None lists, pandas would guess
# float64 or object): "text" is the installed pandas' string dtype (object
# before pandas 3, str from 3 on), "id" the dtype of the ids, "datetime"
# datetime64[ns] parsed from ISO 8601 (naive, the local time: a UTC offset is
# cut off and goes to its own "Int64" column, pandas' nullable integer).
# The dtype of each kind of record field (khabar._khabar.DOCUMENT_FIELDS,
# ENTITY_FIELDS): the columns follow the Rust record tables.
_DTYPES = {"str": "text", "opt_str": "text", "iso": "datetime", "label": "label",
           "int": "int64", "opt_int": "Int64", "float": "float64"}
ARTICLE_COLUMNS: dict[str, str] = {
    "id": "id",
    # The document's scalar fields, in record order.
    **{name: _DTYPES[kind] for name, kind, *_ in DOCUMENT_FIELDS if kind in _DTYPES and name != "error"},
    "paragraphs": "int64",
    "entities": "int64",
    **{f"n_{label}": "int64" for label in LABELS},
    "error": "text",
}
ENTITY_COLUMNS: dict[str, str] = {
    "doc_id": "id",
    **{name: _DTYPES[kind] for name, kind, *_ in ENTITY_FIELDS if kind in _DTYPES},
}
_SCALARS = [name for name in ARTICLE_COLUMNS if name not in ("id", "paragraphs", "entities", "error") and not name.startswith("n_")]
_ENTITY_SCALARS = [name for name in ENTITY_COLUMNS if name != "doc_id"]


# A UTC offset at the end of an ISO datetime (`2022-01-25T16:28+03:00`, `…Z`).
_OFFSET = re.compile(r"(?<=T\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(?:[+-]\d\d:?\d\d|Z)$")


def _local(iso: str | None) -> str | None:
    """The local time of an ISO date or datetime: without its UTC offset."""
    return None if iso is None else _OFFSET.sub("", iso)


def _frame(pd: Any, columns: dict[str, str], data: dict[str, list[Any]], id_dtype: Any) -> Any:
    text = pd.Series(["x"]).dtype
    out = {}
    for name, kind in columns.items():
        values = data[name]
        if kind == "datetime":
            values = [_local(v) for v in values]
            # One unit whatever the values (pandas 3 would pick s or us).
            parsed = pd.to_datetime(pd.Series(values, dtype=text), errors="coerce", format="ISO8601")
            out[name] = parsed.astype("datetime64[ns]")
        elif kind == "label":
            out[name] = pd.Series(values, dtype=pd.CategoricalDtype(LABELS))
        else:
            out[name] = pd.Series(values, dtype={"id": id_dtype, "text": text}.get(kind, kind))
    return pd.DataFrame(out)


def to_pandas(docs: Iterable[Document], ids: Sequence[Any] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two DataFrames from analyzed documents.

    - articles: one row per document — ``id``, ``title``, ``published``
      (datetime64[ns], NaT when unknown: the local time the article gives,
      naive), ``published_utc_offset`` (nullable ``Int64``: the UTC offset of
      ``published`` in minutes east of UTC when the text states one, 180 for
      ``+03:00``, else ``<NA>``; ``published - published_utc_offset`` minutes
      is UTC), ``published_precision``, ``updated`` (datetime64[ns], NaT when
      unknown, local), ``updated_utc_offset`` (``Int64``), ``url``,
      ``dateline_place`` (text), ``language``, ``paragraphs``
      (count), ``entities`` (count), one ``n_<LABEL>`` count per entity
      label, ``error``.
    - entities: one row per mention — ``doc_id``, ``text``, ``label``
      (categorical over the eight labels), ``canonical``, ``start``, ``end``
      (code points into the raw text), ``title``, ``value``, ``score``,
      ``kb_id`` (gazetteer id or None), ``source`` (the tagger layer that
      made the entity: ``model``, ``gazetteer``, ``rule:<name>``,
      ``propagated`` or ``dates``).

    The columns and their dtypes are the same whatever the data, also when
    no document has an entity: counts and offsets int64, ``score`` float64,
    text columns pandas' string dtype (object before pandas 3, ``str`` from
    3 on, missing values None or NaN accordingly); ``doc_id`` has the dtype
    of ``id``.

    `ids` names the documents (default: their position), e.g. file paths.
    """
    pd = _pandas()
    docs = list(docs)
    default_ids = ids is None
    if ids is None:
        ids = list(range(len(docs)))
    if len(ids) != len(docs):
        raise ValueError(f"{len(ids)} ids for {len(docs)} documents")
    arts: dict[str, list[Any]] = {k: [] for k in ARTICLE_COLUMNS}
    ents: dict[str, list[Any]] = {k: [] for k in ENTITY_COLUMNS}
    for doc_id, d in zip(ids, docs):
        arts["id"].append(doc_id)
        for name in _SCALARS:
            arts[name].append(getattr(d, name))
        arts["paragraphs"].append(len(d.paragraphs))
        arts["entities"].append(len(d.entities))
        counts = dict.fromkeys(LABELS, 0)
        for e in d.entities:
            counts[e.label] = counts.get(e.label, 0) + 1
            ents["doc_id"].append(doc_id)
            for name in _ENTITY_SCALARS:
                ents[name].append(getattr(e, name))
        for label in LABELS:
            arts[f"n_{label}"].append(counts[label])
        arts["error"].append(d.error)
    # The ids' own dtype: int64 for the default positions, else what pandas
    # infers for them (object for no ids).
    id_dtype = pd.Series(list(ids)).dtype if len(ids) else ("int64" if default_ids else "object")
    return _frame(pd, ARTICLE_COLUMNS, arts, id_dtype), _frame(pd, ENTITY_COLUMNS, ents, id_dtype)
