"""khabar: Arabic news text processing with a Rust core.

Normalization with exact offsets back to the original text::

    >>> import khabar
    >>> khabar.normalize("أَحْمَد")
    'احمد'
    >>> n = khabar.Normalizer("search", fold_teh_marbuta=False)
    >>> n.normalize("الجمهورية الإسلامية")
    'الجمهورية الاسلامية'

Python offsets are code points into the `str` you passed in, so
``text[start:end]`` is always the original surface form.
"""

from ._khabar import (
    EVENT_KINDS,
    LABELS,
    OFFICES,
    Role,
    Article,
    DateMention,
    Dropped,
    PROFILES,
    RULES,
    InputTooLargeError,
    KhabarError,
    NormalizedText,
    Normalizer,
    ModelError,
    PanicError,
    Entity,
    SpanError,
    Tagger,
    __version__,
    find_dates,
    normalize,
    parse_article,
    tag,
    tag_batch,
)
from ._document import Document, DroppedLine, Event, Participant, analyze, analyze_batch


def to_pandas(docs, ids=None, *, events=False):  # type: ignore[no-untyped-def]
    """``(articles, entities)`` DataFrames from analyzed documents, and with
    ``events=True`` the events frame too; see :func:`khabar.pandas.to_pandas`.
    Needs ``pip install 'khabar[pandas]'``."""
    from .pandas import to_pandas as _to_pandas

    return _to_pandas(docs, ids, events=events)


__all__ = [
    "EVENT_KINDS",
    "LABELS",
    "OFFICES",
    "Role",
    "Event",
    "Participant",
    "Article",
    "DateMention",
    "Dropped",
    "PROFILES",
    "RULES",
    "InputTooLargeError",
    "KhabarError",
    "NormalizedText",
    "Normalizer",
    "ModelError",
    "PanicError",
    "Entity",
    "SpanError",
    "Tagger",
    "__version__",
    "find_dates",
    "normalize",
    "parse_article",
    "tag",
    "tag_batch",
    "Document",
    "DroppedLine",
    "analyze",
    "analyze_batch",
    "to_pandas",
]
