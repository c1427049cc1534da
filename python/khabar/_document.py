"""`khabar.Document`, `khabar.analyze` and `khabar.analyze_batch`.

The parsing and tagging run in Rust (`khabar._khabar._analyze*`, the GIL
released, all cores for a batch); a `Document` is plain Python data built from
the result, so it pickles (for multiprocessing), compares and converts to JSON
without native code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

from . import _khabar
from ._khabar import DOCUMENT_FIELDS, Entity


def _plain(value: Any, kind: str) -> Any:
    """A Document attribute of a record field's `kind` as JSON-ready data."""
    if kind == "span":
        return None if value is None else list(value)
    if kind == "strs":
        return list(value)
    if kind == "records":
        return [_plain_record(v) for v in value]
    return value


def _plain_record(value: Any) -> dict[str, Any]:
    if isinstance(value, Entity):
        return value.to_dict()
    if isinstance(value, Event):
        return value.to_dict()
    if isinstance(value, DroppedLine):
        return dict(value._asdict())
    return dict(value)


# The record's span fields, which a Document holds as tuples.
_SPAN_FIELDS = tuple(name for name, kind, *_ in DOCUMENT_FIELDS if kind == "span")


class Participant(NamedTuple):
    """Who takes part in an event: `entity` is an index into the document's
    `entities` (the mention in the event's sentence, or the nearest earlier
    mention when the sentence names the person by office only), `role` how
    (``agent``, ``counterpart``, ``visitor``, ``host``, ``party``, ``buyer``,
    ``seller``, ``summoner``, ``summoned``, ``arrested``)."""

    entity: int
    role: str


class Event(NamedTuple):
    """One event of a document (several sentences telling it are merged).

    `kind` is one of `khabar.EVENT_KINDS`; ``raw[start:end] == text`` is its
    first trigger and `mentions` the ``(start, end)`` of every trigger;
    `participants` index into the document's `entities`; `date` is an ISO
    value as DATE entities give it (``2022-01-22``, year-less
    ``--01-22``) from a date in the event's clause, or None; `place` the
    index of the GPE/LOC entity where it happened (a visit's destination),
    or None; `planned` marks an announced event still to come."""

    kind: str
    text: str
    start: int
    end: int
    mentions: list[tuple[int, int]]
    participants: list[Participant]
    date: str | None
    place: int | None
    planned: bool
    score: float

    @classmethod
    def _from_record(cls, r: dict[str, Any] | Event) -> Event:
        """An event from its record: built in Rust already (see
        `_register_record_classes` below), or a dict such as `to_dict()`
        gives."""
        if isinstance(r, Event):
            return r
        # tuple.__new__ with the fields in order: a batch builds thousands of
        # events, and the keyword constructor was most of their cost.
        new = tuple.__new__
        return new(
            cls,
            (
                r["kind"],
                r["text"],
                r["start"],
                r["end"],
                [(m["start"], m["end"]) for m in r["mentions"]],
                [new(Participant, (p["entity"], p["role"])) for p in r["participants"]],
                r["date"],
                r["place"],
                r["planned"],
                r["score"],
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """The event as its record: mentions and participants as dicts."""
        out = dict(self._asdict())
        out["mentions"] = [{"start": s, "end": e} for s, e in self.mentions]
        out["participants"] = [dict(p._asdict()) for p in self.participants]
        return out


class DroppedLine(NamedTuple):
    """A line of the raw article that is in no field, and why."""

    line: int
    text: str
    reason: str
    of_line: int | None = None
    metadata: str | None = None


# Event and Participant records come out of Rust as these classes directly
# (their fields in record order), with no dict in between.
_khabar._register_record_classes(Event, Participant)


@dataclass(frozen=True, eq=True)
class Document:
    """A parsed and tagged article: everything `Article` has, plus `entities`
    (code-point offsets into the raw text: ``raw[e.start:e.end] == e.text``),
    (a PERSON's `role` when its sentence states its office), `events`
    (meetings, calls, visits, agreements, arms deals, summons, exercises,
    arrests: `Event`, participants and place as indexes into `entities`),
    the code-point spans of the title, subtitle, each paragraph and the
    dateline place in the raw text, and `error` (set, with every other field
    empty, when this document could not be analyzed in a batch).

    `published` and `updated` are ISO 8601 in the local time the text gives,
    with the UTC offset when the text states one explicitly
    (``2022-01-25T16:28+03:00`` from ``16:28 (GMT+3)``); the offset alone, in
    minutes east of UTC, is in `published_utc_offset` / `updated_utc_offset`
    (None when unknown). `dateline_place` is the place of the dateline that
    opens the story (``الرياض`` in ``الرياض - قال …``); the lead keeps its full
    text, and ``raw[start:end]`` of `dateline_place_span` is the place.

    Documents compare by value and pickle, but are not hashable (they hold
    lists): ``hash(doc)`` raises ``TypeError: unhashable type: 'Document'``."""

    # Explicitly unhashable: a frozen dataclass would otherwise get a
    # field-based __hash__ that fails on the list fields with a confusing
    # "unhashable type: 'list'". Set in the class body, so dataclass keeps it.
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_utc_offset: int | None = None
    updated: str | None = None
    updated_utc_offset: int | None = None
    url: str | None = None
    dateline_place: str | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    paragraph_kinds: list[str] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    dropped: list[DroppedLine] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    subtitle_span: tuple[int, int] | None = None
    paragraph_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_place_span: tuple[int, int] | None = None
    error: str | None = None

    @classmethod
    def _from_record(cls, record: dict[str, Any] | None, error: str | None = None) -> Document:
        """A document from its record (the dict `khabar._khabar._analyze`
        gives, keyed as `to_dict()`), or one that has only `error`."""
        if record is None:
            return cls(error=error)
        values = dict(record)
        for name in _SPAN_FIELDS:
            value = values[name]
            if value is not None:
                values[name] = (value[0], value[1])
        # The paragraphs' fields are four parallel lists on a Document.
        paragraphs = values.pop("paragraphs")
        values["paragraphs"] = [p["text"] for p in paragraphs]
        values["paragraph_kinds"] = [p["kind"] for p in paragraphs]
        values["paragraph_lines"] = [p["line"] for p in paragraphs]
        values["paragraph_spans"] = [(p["start"], p["end"]) for p in paragraphs]
        values["dropped"] = [DroppedLine(**d) for d in values["dropped"]]
        values["events"] = [Event._from_record(e) for e in values["events"]]
        if error is not None:
            values["error"] = error
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """Every field as JSON-serializable data (entities and dropped lines
        as dicts), keyed and ordered as the document record
        (`khabar._khabar.DOCUMENT_FIELDS`, the columns of
        `khabar.arrow.document_schema()`)."""
        out: dict[str, Any] = {}
        for name, kind, *_ in DOCUMENT_FIELDS:
            if name == "paragraphs":
                out[name] = [
                    {"text": t, "kind": k, "line": n, "start": s, "end": e}
                    for t, k, n, (s, e) in zip(
                        self.paragraphs, self.paragraph_kinds, self.paragraph_lines, self.paragraph_spans
                    )
                ]
            else:
                out[name] = _plain(getattr(self, name), kind)
        return out

    @property
    def roles(self) -> list[Entity]:
        """The PERSON mentions whose sentence states their office
        (`Entity.role` set), in text order."""
        return [e for e in self.entities if e.role is not None]

    def participants(self, event: Event) -> list[tuple[Entity, str]]:
        """``(entity, role)`` of each participant of `event`."""
        return [(self.entities[p.entity], p.role) for p in event.participants]

    def __repr__(self) -> str:
        if self.error is not None:
            return f"Document(error={self.error!r})"
        counts: dict[str, int] = {}
        for e in self.entities:
            counts[e.label] = counts.get(e.label, 0) + 1
        labels = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
        title = self.title if self.title is None or len(self.title) <= 60 else self.title[:59] + "…"
        return (
            f"Document(title={title!r}, published={self.published!r}, "
            f"paragraphs={len(self.paragraphs)}, entities={len(self.entities)} [{labels}], "
            f"events={len(self.events)}, dropped={len(self.dropped)})"
        )


def analyze(
    raw: str,
    *,
    published: str | None = None,
    url: str | None = None,
    tagger: _khabar.Tagger | None = None,
    events: bool = True,
) -> Document:
    """Parse a raw scraped article and tag its title, subtitle and body.

    `published` (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, optionally with
    seconds and a UTC offset such as ``+03:00``) and `url`, when known,
    win over what the text says; dates in the text resolve against the
    publication date. `tagger` (a `khabar.Tagger`, say one trained on your
    own CoNLL data) replaces the shipped one. `events=False` skips the
    roles and events pass (entities then have no `role`, `events` is
    empty, everything else is the same) for those who only want entities.
    """
    record = _khabar._analyze(raw, published=published, url=url, tagger=tagger, events=events)
    return Document._from_record(record)


def analyze_batch(
    raws: Iterable[str],
    *,
    threads: int | None = None,
    tagger: _khabar.Tagger | None = None,
    events: bool = True,
) -> list[Document]:
    """`analyze` over many raw articles on all cores (or `threads`), in order,
    with the GIL released while they are analyzed. With more than one thread,
    the calling thread builds the `Document`s of one chunk of the batch while
    the threads analyze the next. A document that cannot be analyzed (not a
    `str`, a lone surrogate) comes back with `error` set instead of sinking
    the batch. `tagger` and `events` as in `analyze`."""
    # `threads` is checked in Rust (`khabar::batch::threads`), as for every batch.
    # `raws` goes to Rust as is: it refuses a single `str` (which would
    # otherwise be analyzed one character at a time) and takes any iterable.
    # The documents are built chunk by chunk while the next chunk is
    # analyzed: `_from_record` is called from Rust for each.
    return _khabar._analyze_batch(raws, threads, Document._from_record, tagger, events)
