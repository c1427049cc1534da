"""pandas helpers: ``khabar.to_pandas(docs)`` → (articles, entities).

pandas is an optional extra: ``pip install khabar[pandas]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._document import Document

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "DATE", "MISC")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "khabar.to_pandas needs pandas, which is not installed: pip install 'khabar[pandas]'"
        ) from None
    return pandas


def to_pandas(docs: Iterable[Document], ids: Sequence[Any] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two DataFrames from analyzed documents.

    - articles: one row per document — ``id``, ``title``, ``published``
      (datetime64, NaT when unknown), ``published_precision``, ``url``,
      ``language``, ``paragraphs`` (count), ``entities`` (count), one
      ``n_<LABEL>`` count per entity label, ``error``.
    - entities: one row per mention — ``doc_id``, ``text``, ``label``,
      ``canonical``, ``start``, ``end`` (code points into the raw text),
      ``title``, ``value``, ``score``.

    `ids` names the documents (default: their position), e.g. file paths.
    """
    pd = _pandas()
    docs = list(docs)
    if ids is None:
        ids = list(range(len(docs)))
    if len(ids) != len(docs):
        raise ValueError(f"{len(ids)} ids for {len(docs)} documents")
    arts: dict[str, list[Any]] = {
        k: []
        for k in ("id", "title", "published", "published_precision", "url", "language", "paragraphs", "entities")
    }
    for label in LABELS:
        arts[f"n_{label}"] = []
    arts["error"] = []
    ents: dict[str, list[Any]] = {
        k: [] for k in ("doc_id", "text", "label", "canonical", "start", "end", "title", "value", "score")
    }
    for doc_id, d in zip(ids, docs):
        arts["id"].append(doc_id)
        arts["title"].append(d.title)
        arts["published"].append(d.published)
        arts["published_precision"].append(d.published_precision)
        arts["url"].append(d.url)
        arts["language"].append(d.language)
        arts["paragraphs"].append(len(d.paragraphs))
        arts["entities"].append(len(d.entities))
        counts = dict.fromkeys(LABELS, 0)
        for e in d.entities:
            counts[e.label] = counts.get(e.label, 0) + 1
            ents["doc_id"].append(doc_id)
            ents["text"].append(e.text)
            ents["label"].append(e.label)
            ents["canonical"].append(e.canonical)
            ents["start"].append(e.start)
            ents["end"].append(e.end)
            ents["title"].append(e.title)
            ents["value"].append(e.value)
            ents["score"].append(e.score)
        for label in LABELS:
            arts[f"n_{label}"].append(counts[label])
        arts["error"].append(d.error)
    articles = pd.DataFrame(arts)
    articles["published"] = pd.to_datetime(articles["published"], errors="coerce", format="ISO8601")
    entities = pd.DataFrame(ents)
    entities["label"] = entities["label"].astype("category")
    return articles, entities
