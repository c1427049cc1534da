"""pandas helpers: ``khabar.to_pandas(docs)`` → (articles, entities), and
with ``events=True`` a third frame of events (``events_frame``).

pandas is an optional extra: ``pip install khabar[pandas]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._document import Document

from ._khabar import DOCUMENT_FIELDS, ENTITY_FIELDS, EVENT_KINDS, LABELS


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
    "events": "int64",
    **{f"n_{label}": "int64" for label in LABELS},
    "error": "text",
}
# A nested record field of an entity (`role`) is flattened to one nullable
# column per field of its own (`role_office`, `role_of`, …).
_NULLABLE = {"str": "text", "opt_str": "text", "label": "text", "int": "Int64", "opt_int": "Int64", "float": "float64"}


def _nested(sub: list[Any]) -> list[tuple[str, str]]:
    """(name, kind) of the fields of a nested record's field list."""
    return [(str(f[0]), str(f[1])) for f in sub[0]]


_ENTITY_SCALARS = [name for name, kind, *_ in ENTITY_FIELDS if kind in _DTYPES]
_ENTITY_RECORDS = [(name, _nested(sub)) for name, kind, *sub in ENTITY_FIELDS if kind == "record"]
ENTITY_COLUMNS: dict[str, str] = {"doc_id": "id"}
for _name, _kind, *_sub in ENTITY_FIELDS:
    if _kind in _DTYPES:
        ENTITY_COLUMNS[_name] = _DTYPES[_kind]
    elif _kind == "record":
        ENTITY_COLUMNS.update({f"{_name}_{n}": _NULLABLE[k] for n, k in _nested(_sub)})
_SCALARS = [name for name in ARTICLE_COLUMNS if name not in ("id", "paragraphs", "entities", "events", "error") and not name.startswith("n_")]
# One row per participant of an event: see `events_frame`.
EVENT_COLUMNS: dict[str, str] = {
    "doc_id": "id",
    "event": "int64",
    "kind": "kind",
    "date": "text",
    "place": "text",
    "place_canonical": "text",
    "planned": "bool",
    "score": "float64",
    "trigger": "text",
    "start": "int64",
    "end": "int64",
    "participant": "text",
    "participant_canonical": "text",
    "participant_label": "label",
    "participant_role": "text",
}


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
        elif kind == "kind":
            out[name] = pd.Series(values, dtype=pd.CategoricalDtype(EVENT_KINDS))
        else:
            out[name] = pd.Series(values, dtype={"id": id_dtype, "text": text}.get(kind, kind))
    return pd.DataFrame(out)


def to_pandas(  # type: ignore[no-untyped-def]
    docs: Iterable[Document], ids: Sequence[Any] | None = None, *, events: bool = False
):
    """Two DataFrames from analyzed documents (three with ``events=True``).

    - articles: one row per document — ``id``, ``title``, ``published``
      (datetime64[ns], NaT when unknown: the local time the article gives,
      naive), ``published_utc_offset`` (nullable ``Int64``: the UTC offset of
      ``published`` in minutes east of UTC when the text states one, 180 for
      ``+03:00``, else ``<NA>``; ``published - published_utc_offset`` minutes
      is UTC), ``published_precision``, ``updated`` (datetime64[ns], NaT when
      unknown, local), ``updated_utc_offset`` (``Int64``), ``url``,
      ``dateline_place`` (text), ``language``, ``paragraphs``
      (count), ``entities`` (count), ``events`` (count), one ``n_<LABEL>``
      count per entity label, ``error``.
    - entities: one row per mention — ``doc_id``, ``text``, ``label``
      (categorical over the eight labels), ``canonical``, ``start``, ``end``
      (code points into the raw text), ``title``, ``value``, ``score``,
      ``kb_id`` (gazetteer id or None), ``source`` (the tagger layer that
      made the entity: ``model``, ``gazetteer``, ``rule:<name>``,
      ``propagated`` or ``dates``), and the person's office when its
      sentence states it (`Entity.role`, flattened): ``role_text``,
      ``role_start``, ``role_end`` (nullable ``Int64``), ``role_office``,
      ``role_of`` (None for every other mention).
    - events (``events=True`` only): `events_frame`.

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
    ids = _ids(docs, ids)
    arts: dict[str, list[Any]] = {k: [] for k in ARTICLE_COLUMNS}
    ents: dict[str, list[Any]] = {k: [] for k in ENTITY_COLUMNS}
    for doc_id, d in zip(ids, docs):
        arts["id"].append(doc_id)
        for name in _SCALARS:
            arts[name].append(getattr(d, name))
        arts["paragraphs"].append(len(d.paragraphs))
        arts["entities"].append(len(d.entities))
        arts["events"].append(len(d.events))
        counts = dict.fromkeys(LABELS, 0)
        for e in d.entities:
            counts[e.label] = counts.get(e.label, 0) + 1
            ents["doc_id"].append(doc_id)
            for name in _ENTITY_SCALARS:
                ents[name].append(getattr(e, name))
            for name, subs in _ENTITY_RECORDS:
                value = getattr(e, name)
                for sub, _ in subs:
                    ents[f"{name}_{sub}"].append(None if value is None else getattr(value, sub))
        for label in LABELS:
            arts[f"n_{label}"].append(counts[label])
        arts["error"].append(d.error)
    # The ids' own dtype: int64 for the default positions, else what pandas
    # infers for them (object for no ids).
    id_dtype = _id_dtype(pd, ids, default_ids)
    frames = (_frame(pd, ARTICLE_COLUMNS, arts, id_dtype), _frame(pd, ENTITY_COLUMNS, ents, id_dtype))
    if events:
        return (*frames, events_frame(docs, None if default_ids else ids))
    return frames


def _ids(docs: list[Any], ids: Sequence[Any] | None) -> Sequence[Any]:
    if ids is None:
        return list(range(len(docs)))
    if len(ids) != len(docs):
        raise ValueError(f"{len(ids)} ids for {len(docs)} documents")
    return ids


def _id_dtype(pd: Any, ids: Sequence[Any], default_ids: bool) -> Any:
    """The ids' own dtype: int64 for the default positions, else what pandas
    infers for them (object for no ids)."""
    return pd.Series(list(ids)).dtype if len(ids) else ("int64" if default_ids else "object")


def events_frame(docs: Iterable[Document], ids: Sequence[Any] | None = None) -> pd.DataFrame:
    """The events of analyzed documents, one row per participant.

    Columns: ``doc_id``, ``event`` (the event's number in its document:
    rows with the same ``doc_id`` and ``event`` are one event), ``kind``
    (categorical over `khabar.EVENT_KINDS`), ``date`` (the ISO value as
    DATE entities give it, text: a year-less ``--01-22`` has no datetime),
    ``place`` and ``place_canonical`` (the place entity, or None),
    ``planned``, ``score``, ``trigger``, ``start``, ``end`` (the first
    trigger), then the participant: ``participant`` (as written),
    ``participant_canonical`` (the canonical key: the English name for
    countries), ``participant_label`` and ``participant_role``.

    Why one row per participant (long form): the questions asked of events
    are counts by actor and kind ("meetings with Iran per month"), as GDELT
    does with its actor codes; in long form they are one ``groupby`` on
    ``participant_canonical``, with no list column to explode. Count events
    with ``frame[["doc_id", "event"]].drop_duplicates()``.
    """
    pd = _pandas()
    docs = list(docs)
    default_ids = ids is None
    ids = _ids(docs, ids)
    rows: dict[str, list[Any]] = {k: [] for k in EVENT_COLUMNS}
    for doc_id, d in zip(ids, docs):
        for k, ev in enumerate(d.events):
            place = None if ev.place is None else d.entities[ev.place]
            for p in ev.participants:
                e = d.entities[p.entity]
                row = {
                    "doc_id": doc_id, "event": k, "kind": ev.kind, "date": ev.date,
                    "place": None if place is None else place.text,
                    "place_canonical": None if place is None else place.canonical,
                    "planned": ev.planned, "score": ev.score, "trigger": ev.text,
                    "start": ev.start, "end": ev.end, "participant": e.text,
                    "participant_canonical": e.canonical, "participant_label": e.label,
                    "participant_role": p.role,
                }
                for name, value in row.items():
                    rows[name].append(value)
    return _frame(pd, EVENT_COLUMNS, rows, _id_dtype(pd, ids, default_ids))
