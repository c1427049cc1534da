# Stubs for the native module khabar._khabar (checked by mypy.stubtest in CI).
import os
from collections.abc import Callable, Iterable

from typing import TypeVar, final

__version__: str
PROFILES: tuple[str, ...]
RULES: tuple[str, ...]
# The entity labels, from Rust (khabar::record::LABELS).
LABELS: tuple[str, ...]
# The document and entity records (khabar::record): (name, kind) per field in
# output order, a nested record's fields as a third item. Kinds: "str",
# "opt_str", "label", "iso", "int", "opt_int", "float", "bool", "span", "strs",
# "record", "records". Document.to_dict(), Arrow and pandas follow them.
_Fields = tuple[tuple[str, str] | tuple[str, str, tuple[object, ...]], ...]
DOCUMENT_FIELDS: _Fields
ENTITY_FIELDS: _Fields

def _register_record_classes(event: type, participant: type) -> None:
    """The classes `event` and `participant` records become (khabar._document
    registers Event and Participant once, on import)."""

class KhabarError(Exception): ...
class SpanError(KhabarError): ...
class InputTooLargeError(KhabarError): ...
class PanicError(KhabarError):
    # In a batch: the position of the document that failed.
    index: int

class ModelError(KhabarError):
    # The 1-based line of the training data at fault, or None.
    line: int | None

# --- normalization -----------------------------------------------------------

def normalize(text: str, profile: str = "search") -> str: ...

@final
class Normalizer:
    def __new__(cls, profile: str = "search", **rules: bool) -> Normalizer: ...
    @property
    def profile(self) -> str: ...
    @property
    def rules(self) -> dict[str, bool]: ...
    def normalize(self, text: str) -> str: ...
    def normalize_batch(self, texts: Iterable[str], threads: int | None = None) -> list[str]:
        """Normalize many texts (not one `str`: that is a `TypeError`) on all
        cores or `threads` (a positive int), in order."""
    def normalize_with_offsets(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """`(normalized, offsets)`: for each normalized character, the
        code-point range of `text` it came from. Also stores the alignment on
        this object for `to_original`, replacing the previous call's."""
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the code-point span `start:end` of the text returned by the
        most recent `normalize_with_offsets` call on this object (from any
        thread) back to that call's input. Threads sharing a Normalizer must
        use `normalize_aligned()` instead, whose result carries its own
        alignment. `ValueError` for a negative index or no previous call,
        `SpanError` for a span outside the normalized text."""
    def normalize_aligned(self, text: str) -> NormalizedText:
        """The normalized text with its own alignment to `text`: unaffected by
        later calls on this Normalizer, so safe when threads share it."""
    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, bool]]: ...

@final
class NormalizedText:
    @property
    def text(self) -> str: ...
    @property
    def original(self) -> str: ...
    @property
    def offsets(self) -> list[tuple[int, int]]: ...
    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the code-point span `start:end` of `text` back to `original`."""
    def __len__(self) -> int: ...

# --- entity tagging -----------------------------------------------------------

@final
class Entity:
    def __new__(
        cls,
        text: str,
        label: str,
        start: int,
        end: int,
        canonical: str,
        title: str | None = None,
        value: str | None = None,
        score: float = 1.0,
        kb_id: str | None = None,
        source: str = "model",
        role: Role | None = None,
    ) -> Entity: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def canonical(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def score(self) -> float:
        """Confidence in [0, 1]: for the model's entities the mean probability
        of the label over the span's tokens (calibrated on held-back ANERcorp:
        under 0.5 right about half the time, over 0.97 about 96%); 0.9 for
        gazetteer-only entities, 0.5-0.6 for rule entities, 1.0 for dates."""
    @property
    def kb_id(self) -> str | None: ...
    @property
    def source(self) -> str:
        """The layer of the tagger that decided the entity's span and label:
        ``"model"`` (the statistical model, also when the gazetteer only
        links it), ``"gazetteer"`` (a gazetteer match, or a model span whose
        label the gazetteer changed), ``"rule:<name>"`` (a named rule of the
        tagger made, extended or relabelled it, e.g.
        ``"rule:gpe_hidden_by_stop_word"`` for مالي in في مالي),
        ``"propagated"`` (a rare word the model tagged elsewhere in the
        document, repeated bare) or ``"dates"`` (a date expression).
        Entities built by hand default to ``"model"``."""
    @property
    def role(self) -> Role | None:
        """For a PERSON mention whose own sentence states its office (an
        apposition ``ذاكر حسنوف، وزير الدفاع الأذربيجاني`` or an office phrase
        before the name ``سفير أذربيجان لدى طهران علي عليزاده``): that office.
        Set by `khabar.analyze`; None from `khabar.tag` and for every other
        entity. A rank alone (``اللواء``) is `title`, not a role."""
    def to_dict(self) -> dict[str, object]:
        """The fields as a dict, keyed as `ENTITY_FIELDS` (`role` as a dict)."""

@final
class Role:
    """The office a person holds, as the sentence states it.

    ``text[start:end] == text`` of the office phrase as written (code points
    of the analyzed text); `office` one of `OFFICES` (``"minister of
    defence"``, ``"ambassador"``); `of` the canonical key of the country the
    phrase names through a nationality, a place or a state body
    (``"Azerbaijan"`` for ``سفير أذربيجان لدى طهران``), None when the sentence
    does not say it: never guessed from elsewhere in the article."""

    def __new__(cls, text: str, start: int, end: int, office: str, of: str | None = None) -> Role: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def office(self) -> str: ...
    @property
    def of(self) -> str | None: ...
    def to_dict(self) -> dict[str, object]: ...

OFFICES: tuple[str, ...]
"""The office vocabulary of `Role.office` (president, minister of defence,
ambassador, chief of general staff, commander, spokesperson, …; other
ministers as ``"minister of <portfolio>"``); docs/events-guideline.md."""
EVENT_KINDS: tuple[str, ...]
"""The kinds of `khabar.Event`: MEETING, CALL, VISIT, AGREEMENT, ARMS_DEAL,
SUMMONS, EXERCISE, ARREST."""

def tag(text: str, *, tagger: Tagger | None = None) -> list[Entity]: ...
def tag_batch(
    texts: Iterable[str], threads: int | None = None, *, tagger: Tagger | None = None
) -> list[list[Entity]]:
    """`tag` over many texts (not one `str`: that is a `TypeError`) on all
    cores or `threads` (a positive int), in order."""

_Bias = tuple[float, float, float, float]

@final
class Tagger:
    """The shipped tagger (``Tagger()``), or one trained on your CoNLL data
    (``Tagger.train(path)``) or loaded from a file (``Tagger.load(path)``).
    Pass it to ``khabar.analyze``/``analyze_batch`` as ``tagger=``."""

    def __new__(cls) -> Tagger: ...
    @staticmethod
    def train(
        path: str | os.PathLike[str],
        *,
        epochs: int | None = None,
        seed: int | None = None,
        bag: int | None = None,
        bias: _Bias | None = None,
    ) -> Tagger: ...
    @staticmethod
    def from_conll(
        text: str,
        *,
        epochs: int | None = None,
        seed: int | None = None,
        bag: int | None = None,
        bias: _Bias | None = None,
    ) -> Tagger: ...
    def evaluate(self, path: str | os.PathLike[str], *, in_context: int | None = None) -> dict[str, dict[str, float]]:
        """Exact-span precision, recall, F1 (0 to 1), support, predicted and
        correct counts per type and for "all", on a CoNLL file: the
        statistical layer, or with ``in_context=N`` the whole tagger on texts
        of N consecutive sentences."""
    @staticmethod
    def load(path: str | os.PathLike[str]) -> Tagger: ...
    @staticmethod
    def from_bytes(data: bytes) -> Tagger: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    def to_bytes(self) -> bytes: ...
    def tag(self, text: str) -> list[Entity]: ...
    def tag_batch(self, texts: Iterable[str], threads: int | None = None) -> list[list[Entity]]: ...
    @property
    def shipped(self) -> bool: ...
    def __reduce__(self) -> tuple[object, ...]: ...

# --- article parsing and dates (crates/khabar-py/src/article.rs) ---

@final
class Dropped:
    @property
    def line(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def of_line(self) -> int | None: ...
    @property
    def metadata(self) -> str | None: ...
    def to_dict(self) -> dict[str, object]: ...

@final
class Article:
    @property
    def title(self) -> str | None: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def published_precision(self) -> str | None: ...
    @property
    def published_utc_offset(self) -> int | None: ...
    @property
    def updated(self) -> str | None: ...
    @property
    def updated_utc_offset(self) -> int | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def dateline_place(self) -> str | None: ...
    @property
    def language(self) -> str: ...
    @property
    def paragraphs(self) -> list[str]: ...
    @property
    def paragraph_kinds(self) -> list[str]: ...
    @property
    def paragraph_lines(self) -> list[int]: ...
    @property
    def headings(self) -> list[str]: ...
    @property
    def related(self) -> list[str]: ...
    @property
    def dropped(self) -> list[Dropped]: ...
    @property
    def flags(self) -> list[dict[str, object]]: ...
    def to_dict(self) -> dict[str, object]: ...

@final
class DateMention:
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def calendar(self) -> str: ...
    @property
    def hijri(self) -> str | None: ...
    @property
    def weekday(self) -> str | None: ...
    @property
    def weekday_mismatch(self) -> bool: ...
    @property
    def relative(self) -> bool: ...
    @property
    def utc_offset(self) -> int | None: ...
    def to_dict(self) -> dict[str, object]: ...

def parse_article(raw: str, *, published: str | None = None, url: str | None = None) -> Article: ...
def find_dates(text: str, reference: str | None = None) -> list[DateMention]: ...

# Pickle support: rebuild from `to_dict()`.
def _article_from_dict(d: dict[str, object]) -> Article: ...
def _dropped_from_dict(d: dict[str, object]) -> Dropped: ...
def _date_mention_from_dict(d: dict[str, object]) -> DateMention: ...

# --- pipeline (wrapped by khabar.analyze / analyze_batch in _document.py) ------

def _analyze(
    raw: str,
    *,
    published: str | None = None,
    url: str | None = None,
    tagger: Tagger | None = None,
    events: bool = True,
) -> dict[str, object]: ...
_T = TypeVar("_T")

def _analyze_batch(
    raws: Iterable[str],
    threads: int | None,
    make: Callable[[dict[str, object] | None, str | None], _T],
    tagger: Tagger | None = None,
    events: bool = True,
) -> list[_T]: ...

# --- Arrow (wrapped by khabar.arrow): (schema, array) PyCapsule pairs in and out ---

def _arrow_analyze(
    schema: object, array: object, threads: int | None = None, tagger: Tagger | None = None
) -> tuple[object, object]: ...
def _arrow_tag(
    schema: object, array: object, threads: int | None = None, tagger: Tagger | None = None
) -> tuple[object, object]: ...
def _arrow_normalize(
    schema: object, array: object, profile: str = "search", threads: int | None = None
) -> tuple[object, object]: ...
