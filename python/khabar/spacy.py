"""khabar as a spaCy pipeline component (``pip install 'khabar[spacy]'``,
spaCy >= 3.7).

spaCy has a blank Arabic language (tokenizer, right-to-left display) but no
Arabic entity model; this component fills ``doc.ents`` with khabar's
entities::

    >>> import spacy
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("khabar")          # found through an entry point: no import needed
    >>> doc = nlp("استقبل وزير الدفاع الإيراني في طهران سفير أذربيجان.")
    >>> [(e.text, e.label_, e._.canonical) for e in doc.ents][:2]
    [('الإيراني', 'NORP', 'Iran'), ('طهران', 'GPE', 'Tehran')]

What spaCy has a slot for goes there: the label is ``span.label_`` and the
gazetteer id ``span.kb_id_``. The rest is in extension attributes:
``span._.canonical``, ``span._.title`` (a title or rank kept apart from the
name), ``span._.value`` (a date's resolved value), ``span._.score``,
``span._.kb_id``, ``span._.source`` and ``span._.role`` (None where the
installed khabar has no such field), ``span._.khabar_entity`` (the
:class:`khabar.Entity` itself), and ``doc._.khabar``: the whole
:class:`khabar.Document` (title, dates, paragraphs, dropped lines, every
entity, and events where khabar has them). The text is analyzed as a raw
article, exactly as :func:`khabar.analyze` does, so a headline, a dateline or
a comment-form line is read as one.

Alignment
---------
khabar's offsets are characters of the text; spaCy's entities are runs of
its tokens. spaCy's Arabic tokenizer does not split proclitics: ``وباكو``
("and Baku"), ``لطهران`` ("to Tehran") and ``بالقاهرة`` ("in Cairo") are
one token each, while khabar's entity is ``باكو``, ``طهران``, ``القاهرة``.
``alignment`` decides what happens then:

- ``"split"`` (the default): the token is split where an entity starts or
  ends inside it (``وباكو`` → ``و`` + ``باكو``) with ``doc.retokenize()``,
  and the entity becomes exactly that span. ``doc.text`` does not change,
  and every khabar entity is in ``doc.ents`` with khabar's own offsets. The
  split separates a clitic, as Arabic treebanks do; put the component first
  (right after the tokenizer), since pieces of a split token carry no
  annotation of earlier components.
- ``"strict"``, ``"contract"``, ``"expand"``: ``Doc.char_span`` with that
  ``alignment_mode``, tokens untouched. ``"expand"`` would label
  ``وباكو`` with the conjunction, a span that is not khabar's, so for every
  mode an entity whose span does not fall on token boundaries is left out
  of ``doc.ents`` and recorded in ``doc._.khabar_unaligned`` (reason
  ``"unaligned"``) rather than shifted. The mode only matters when it
  cannot be exact: ``"expand"`` and ``"contract"`` then say which tokens
  the entity touches (``"tokens"`` in the record).

An entity that overlaps one already in ``doc.ents`` (from a component
before this one) is recorded there too, with reason ``"overlap"``, unless
``overwrite_ents`` is set, when khabar's entity replaces it. So every
entity of ``doc._.khabar.entities`` is either in ``doc.ents`` with its exact
offsets or in ``doc._.khabar_unaligned``. A record is the entity's
``to_dict()`` plus ``"reason"``.

Batches
-------
``nlp.pipe(texts, batch_size=...)`` goes through
:func:`khabar.analyze_batch`: a batch is analyzed in Rust on `threads` cores
(default all) with the GIL released, in a background thread, while this
thread tokenizes the next batch with spaCy and sets the entities of the
previous one. ``threads=1`` runs everything in the calling thread, on one
core. A text that khabar cannot analyze in a batch (a lone surrogate) gets
``doc._.khabar.error`` set and no khabar entities, and the batch goes on.

Serialization
-------------
``doc.to_bytes()``, ``DocBin`` and ``nlp.pipe(..., n_process=2)`` carry
``doc._.khabar``: importing this module teaches spaCy's msgpack (srsly) to
write a khabar ``Document`` as its pickle and to read back only khabar's
own classes from it. Import ``khabar.spacy`` before loading such docs in a
fresh process (loading a pipeline that has the component does).

displaCy
--------
``displacy.render(doc, style="ent")`` writes right-to-left markup for
``spacy.blank("ar")``: its writing system says ``rtl``, so the text runs
right to left (``direction: rtl``) with ``lang="ar"``. Pass
``options=khabar.spacy.DISPLACY_OPTIONS``: khabar's label colours (the HTML
report's; spaCy's have none for ``EQUIPMENT``) and spaCy's own
right-to-left entity template, which spaCy 3.8 does not pick by itself (it
chooses the template before it reads the direction, so the label's margin
is on the wrong side).
"""

import bisect
import io
import itertools
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

try:
    import srsly
    from spacy.displacy.templates import TPL_ENT_RTL
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token
    from spacy.util import filter_spans
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("khabar.spacy needs spaCy >= 3.7: pip install 'khabar[spacy]'") from e

import khabar
from khabar import Document

from .report import COLOURS

__all__ = ["ALIGNMENTS", "COLORS", "DISPLACY_OPTIONS", "KhabarComponent", "make_khabar", "span_entity"]

ALIGNMENTS = ("split", "strict", "contract", "expand")

# The HTML report's label colours, for displacy's `colors` option.
COLORS: dict[str, str] = {label: colour for label, (colour, _legend) in COLOURS.items()}

# displacy.render(doc, style="ent", options=DISPLACY_OPTIONS).
DISPLACY_OPTIONS: dict[str, Any] = {"colors": COLORS, "template": TPL_ENT_RTL}

# Entity attributes read from khabar.Entity: `source` is the tagger rule or
# layer that made the entity; `role` is newer than this module's first
# version, so every attribute is read with getattr and is None when the
# installed khabar has no such field.
ENTITY_ATTRIBUTES = ("canonical", "title", "value", "score", "kb_id", "source", "role")


def span_entity(span: Span) -> "khabar.Entity | None":
    """The khabar entity behind `span` (an entity of ``doc.ents`` set by this
    component): the first entity of ``doc._.khabar`` with the span's label
    that overlaps it, or None. Also ``span._.khabar_entity``."""
    kdoc = span.doc._.khabar
    if not isinstance(kdoc, Document):
        return None
    ents = kdoc.entities
    # khabar's entities do not overlap and come in text order, so their ends
    # are sorted too: the first that ends after the span's start is the
    # first candidate.
    i = bisect.bisect_right(ents, span.start_char, key=lambda e: e.end)
    while i < len(ents) and ents[i].start < span.end_char:
        if ents[i].label == span.label_:
            return ents[i]
        i += 1
    return None


def _attribute_getter(name: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        e = span_entity(span)
        return None if e is None else getattr(e, name, None)

    get.__name__ = f"khabar_{name}"
    get.__qualname__ = get.__name__
    return get


_OURS = "__khabar_extension__"


def _register(cls: Any, name: str, **kwargs: Any) -> None:
    """Set an extension attribute unless this module already did (on import
    twice, say); refuse to replace another package's."""
    if cls.has_extension(name):
        _default, _method, getter, _setter = cls.get_extension(name)
        if getattr(getter, _OURS, False) or (getter is None and kwargs.get("default", _OURS) is None):
            return
        raise ValueError(
            f"{cls.__name__}._.{name} is already registered by another package; "
            f"khabar.spacy needs it (remove it with {cls.__name__}.remove_extension({name!r}) first)"
        )
    getter = kwargs.get("getter")
    if getter is not None:
        setattr(getter, _OURS, True)
    cls.set_extension(name, **kwargs)


def _register_extensions() -> None:
    _register(Doc, "khabar", default=None)
    _register(Doc, "khabar_unaligned", default=None)
    _register(Span, "khabar_entity", getter=span_entity)
    for name in ENTITY_ATTRIBUTES:
        _register(Span, name, getter=_attribute_getter(name))


# --- serialization: doc._.khabar through spaCy's msgpack --------------------

_MSGPACK_KEY = "__khabar_document__"


class _KhabarUnpickler(pickle.Unpickler):
    """Reads back a pickled Document and nothing else: only khabar's own
    classes (Document, DroppedLine, Entity, ...) may be named, and only as
    classes, so data from a DocBin cannot call arbitrary functions."""

    def find_class(self, module: str, name: str) -> Any:
        if (module == "khabar" or module.startswith("khabar.")) and "." not in name:
            found = getattr(__import__(module, fromlist=[name]), name, None)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"khabar.spacy: {module}.{name} is not a khabar class")


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, Document):
        return {_MSGPACK_KEY: pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _MSGPACK_KEY in obj:
        return _KhabarUnpickler(io.BytesIO(obj[_MSGPACK_KEY])).load()
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("khabar_document", func=_encode)
srsly.msgpack_decoders.register("khabar_document", func=_decode)
_register_extensions()


# --- the component -----------------------------------------------------------


class KhabarComponent:
    """The pipeline component made by ``nlp.add_pipe("khabar", config=...)``:
    sets ``doc.ents``, ``doc._.khabar`` and ``doc._.khabar_unaligned`` (see
    the module's documentation)."""

    def __init__(
        self,
        name: str = "khabar",
        *,
        threads: int | None = None,
        alignment: str = "split",
        overwrite_ents: bool = False,
        model: str | None = None,
    ) -> None:
        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
            raise ValueError(f"threads must be a positive int or None, not {threads!r}")
        if alignment not in ALIGNMENTS:
            raise ValueError(f"alignment must be one of {', '.join(ALIGNMENTS)}, not {alignment!r}")
        self.name = name
        self.threads = threads
        self.alignment = alignment
        self.overwrite_ents = overwrite_ents
        self.model = model
        # A tagger trained on your own data (khabar.Tagger.save), else the shipped one.
        self.tagger = None if model is None else khabar.Tagger.load(model)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        return self.set_annotations(doc, khabar.analyze(text, tagger=self.tagger), text)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Analyze `stream` in batches of `batch_size` through
        :func:`khabar.analyze_batch` (see the module's documentation)."""
        batches = _batches(stream, batch_size)
        if self.threads == 1:
            for batch in batches:
                texts = [d.text for d in batch]
                kdocs = khabar.analyze_batch(texts, threads=1, tagger=self.tagger)
                yield from map(self.set_annotations, batch, kdocs, texts)
            return
        # One batch is analyzed in the background (Rust, the GIL released)
        # while this thread sets the previous batch's entities and spaCy
        # tokenizes the next one (minibatch pulls the docs lazily).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="khabar-spacy") as pool:
            pending: tuple[list[Doc], list[str], Future[list[Document]]] | None = None
            for batch in batches:
                texts = [d.text for d in batch]
                future = pool.submit(khabar.analyze_batch, texts, threads=self.threads, tagger=self.tagger)
                if pending is not None:
                    yield from map(self.set_annotations, pending[0], pending[2].result(), pending[1])
                pending = (batch, texts, future)
            if pending is not None:
                yield from map(self.set_annotations, pending[0], pending[2].result(), pending[1])

    def set_annotations(self, doc: Doc, kdoc: Document, text: str | None = None) -> Doc:
        """Put the analysis `kdoc` of ``doc.text`` on `doc`: entities,
        ``doc._.khabar`` and ``doc._.khabar_unaligned``. Returns the doc,
        which is a new ``Doc`` when tokens had to be split in a doc that
        only a tokenizer has seen (see :func:`_split_at`). `text` is
        ``doc.text`` when the caller has it (spaCy rebuilds it per call)."""
        unaligned: list[dict[str, Any]] = []
        entities = list(kdoc.entities)
        kept = list(doc.ents)
        if entities and not self.overwrite_ents and kept:
            entities = self._without_overlaps(entities, kept, unaligned)
        if entities and self.alignment == "split":
            doc = _split_at(doc, entities, doc.text if text is None else text)
            kept = list(doc.ents)  # spans of the split doc
        doc._.khabar = kdoc
        doc._.khabar_unaligned = unaligned
        if not entities:
            return doc
        starts, ends = _token_bounds(doc)
        spans: list[Span] = []
        for e in entities:
            # Doc.char_span(alignment_mode="strict") by bisection on the
            # token offsets: the entity must start where a token starts and
            # end where one ends.
            i = bisect.bisect_left(starts, e.start)
            j = bisect.bisect_left(starts, e.end, lo=i)
            if i < len(starts) and starts[i] == e.start and j > i and ends[j - 1] == e.end:
                spans.append(Span(doc, i, j, label=e.label, kb_id=e.kb_id or ""))
            else:
                unaligned.append(self._record(doc, e))
        if self.overwrite_ents:
            taken = {i for s in spans for i in range(s.start, s.end)}
            kept = [s for s in kept if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted([*kept, *spans], key=lambda s: s.start) if kept else spans
        return doc

    def _record(self, doc: Doc, e: khabar.Entity) -> dict[str, Any]:
        record = {**e.to_dict(), "reason": "unaligned"}
        if self.alignment in ("expand", "contract"):
            near = doc.char_span(e.start, e.end, alignment_mode=self.alignment)
            record["tokens"] = None if near is None else [near.start, near.end]
        return record

    @staticmethod
    def _without_overlaps(
        entities: list[khabar.Entity], kept: list[Span], unaligned: list[dict[str, Any]]
    ) -> list[khabar.Entity]:
        """`entities` less those that overlap an entity already in
        ``doc.ents`` (those go to `unaligned` with reason "overlap")."""
        taken = sorted((s.start_char, s.end_char) for s in filter_spans(kept))
        starts = [s for s, _ in taken]
        out = []
        for e in entities:
            i = bisect.bisect_right(starts, e.start) - 1
            hit = any(0 <= j < len(taken) and taken[j][0] < e.end and e.start < taken[j][1] for j in (i, i + 1))
            if hit:
                unaligned.append({**e.to_dict(), "reason": "overlap"})
            else:
                out.append(e)
        return out


def _batches(stream: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """`stream` in lists of `size` docs, pulled lazily (spaCy tokenizes a
    doc when it is pulled)."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValueError(f"batch_size must be a positive int, not {size!r}")
    it = iter(stream)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The character offsets where each token of `doc` starts and ends
    (read as arrays: no Token object per token)."""
    if len(doc) == 0:
        return [], []
    a = doc.to_array(["IDX", "LENGTH"])
    starts = a[:, 0].tolist()
    return starts, [s + n for s, n in zip(starts, a[:, 1].tolist())]


# Annotations that a new Doc built from the split words would lose.
_TOKEN_ANNOTATIONS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB", "SENT_START")


def _only_tokenized(doc: Doc) -> bool:
    """Whether only a tokenizer has worked on `doc` (the usual case: khabar
    first in the pipeline), so that a new Doc of the same words and user
    data is the same doc."""
    return (
        not any(doc.has_annotation(a) for a in _TOKEN_ANNOTATIONS)
        and not doc.spans
        and doc.tensor.size == 0
        and not (doc.user_hooks or doc.user_token_hooks or doc.user_span_hooks)
    )


def _split_at(doc: Doc, entities: list[khabar.Entity], text: str) -> Doc:
    """`doc` with its tokens split where an entity of `entities` starts or
    ends inside one (``وباكو`` → ``و`` ``باكو``). A doc that only a tokenizer
    has seen is rebuilt from the split words (one pass, about 3x faster than
    spaCy's retokenizer, which moves the rest of the doc per split), keeping
    its user data and categories; any other doc is split in place by
    ``doc.retokenize()``, which keeps the other components' annotations."""
    starts, ends = _token_bounds(doc)
    cuts: dict[int, set[int]] = {}
    for e in entities:
        for c in (e.start, e.end):
            i = bisect.bisect_right(starts, c) - 1
            if i >= 0 and starts[i] < c < ends[i]:
                cuts.setdefault(i, set()).add(c)
    if not cuts:
        return doc
    if _only_tokenized(doc):
        spaces = doc.to_array("SPACY").astype(bool).tolist()
        words: list[str] = []
        gaps: list[bool] = []
        done = 0
        for i in sorted(cuts):
            words.extend(text[a:b] for a, b in zip(starts[done:i], ends[done:i]))
            gaps.extend(spaces[done:i])
            bounds = [starts[i], *sorted(cuts[i]), ends[i]]
            words.extend(text[x:y] for x, y in zip(bounds, bounds[1:]))
            gaps.extend([False] * (len(bounds) - 2) + [spaces[i]])
            done = i + 1
        words.extend(text[a:b] for a, b in zip(starts[done:], ends[done:]))
        gaps.extend(spaces[done:])
        new = Doc(doc.vocab, words=words, spaces=gaps)
        new.user_data.update(doc.user_data)
        new.cats = dict(doc.cats)
        return new
    with doc.retokenize() as retokenizer:
        for i, at in cuts.items():
            token = doc[i]
            bounds = [starts[i], *sorted(at), ends[i]]
            pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, pieces, heads=_heads(token, pieces))
    return doc


def _heads(token: Token, pieces: list[str]) -> list[Any]:
    """Heads for the pieces of a split token: the longest piece (the stem,
    ``باكو`` of ``وباكو``) keeps the token's own head, the clitics attach to
    it. Only used when an earlier component parsed the doc."""
    stem = max(range(len(pieces)), key=lambda k: len(pieces[k]))
    own = token.head if token.head.i != token.i else (token, stem)
    return [own if k == stem else (token, stem) for k in range(len(pieces))]


@Language.factory(
    "khabar",
    default_config={"threads": None, "alignment": "split", "overwrite_ents": False, "model": None},
    assigns=["doc.ents", "doc._.khabar", "doc._.khabar_unaligned"],
)
def make_khabar(
    nlp: Language,
    name: str,
    threads: int | None,
    alignment: str,
    overwrite_ents: bool,
    model: str | None,
) -> KhabarComponent:
    """The ``"khabar"`` factory: ``nlp.add_pipe("khabar", config={"threads":
    2, "alignment": "split", "overwrite_ents": False, "model": None})``.
    `model` is the path of a tagger saved with :meth:`khabar.Tagger.save`."""
    return KhabarComponent(name, threads=threads, alignment=alignment, overwrite_ents=overwrite_ents, model=model)

