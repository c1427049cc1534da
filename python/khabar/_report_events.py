"""The roles and events parts of the HTML report (`khabar.report`): each
article's events, the corpus timeline of events by date, the table of people
with their offices; and the helpers both parts share: display names (the most
frequent surface form of a canonical entity) and dates as people read them.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ._document import Document, Event

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]

#: Event kind → (Arabic name, colour of its trigger mark).
KINDS: dict[str, tuple[str, str]] = {
    "MEETING": ("لقاء", "#d0bfff"),
    "CALL": ("اتصال", "#c5f6fa"),
    "VISIT": ("زيارة", "#d3f9d8"),
    "AGREEMENT": ("اتفاق", "#fff3bf"),
    "ARMS_DEAL": ("صفقة أسلحة", "#ffc9c9"),
    "SUMMONS": ("استدعاء", "#ffe8cc"),
    "EXERCISE": ("مناورة", "#e9ecef"),
    "ARREST": ("اعتقال", "#fcc2d7"),
}

_ISO = re.compile(r"^(\d{4}|-)-(\d\d)(?:-(\d\d))?")


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def human_date(iso: str | None) -> str:
    """An ISO date as people read it: ``22 يناير 2022`` for ``2022-01-22``,
    ``22 يناير`` for the year-less ``--01-22``, ``يناير 2022`` for
    ``2022-01``; anything else as given."""
    if not iso:
        return ""
    m = _ISO.match(iso)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso
    year = "" if m.group(1) == "-" else m.group(1)
    month = MONTHS[int(m.group(2)) - 1]
    day = str(int(m.group(3))) if m.group(3) else ""
    return " ".join(p for p in (day, month, year) if p)


def display_names(docs: Iterable[Document]) -> dict[str, str]:
    """Canonical key → the most frequent surface form of its mentions (the
    first seen on a tie): ``إبراهيم رئيسي`` for the key ``ابراهيم رييسي``."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        for e in d.entities:
            forms[e.canonical][e.text] += 1
    return {k: c.most_common(1)[0][0] for k, c in forms.items()}


def _who(d: Document, ev: Event, names: dict[str, str]) -> str:
    parts = []
    for e, role in d.participants(ev):
        parts.append(f"{_e(names.get(e.canonical, e.text))} <small>({_e(role)})</small>")
    return "، ".join(parts)


def _place(d: Document, ev: Event, names: dict[str, str]) -> str:
    if ev.place is None:
        return ""
    p = d.entities[ev.place]
    return _e(names.get(p.canonical, p.text))


def trigger_marks(d: Document) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every event trigger of `d`."""
    return sorted((s, e, ev.kind) for ev in d.events for s, e in ev.mentions)


def article_events(d: Document, names: dict[str, str]) -> str:
    """The events table of one article (kind, participants, date, place)."""
    if not d.events:
        return ""
    rows = "".join(
        f'<tr><td><span class="kind" style="background:{KINDS.get(ev.kind, ("", "#eee"))[1]}">'
        f"{_e(KINDS.get(ev.kind, (ev.kind,))[0])} · {_e(ev.kind)}</span>{' · مُعلن' if ev.planned else ''}</td>"
        f"<td>{_who(d, ev, names)}</td><td>{_e(human_date(ev.date))}</td><td>{_place(d, ev, names)}</td></tr>"
        for ev in d.events
    )
    return (
        f"<h3>الأحداث · events ({len(d.events)})</h3><table class=\"events\"><tr><th>النوع · kind</th>"
        f"<th>المشاركون · participants</th><th>التاريخ · date</th><th>المكان · place</th></tr>{rows}</table>"
    )


def _sort_key(iso: str) -> str:
    # Year-less dates (--01-22) sort after dated ones of any year.
    return iso.replace("--", "9999-", 1) if iso.startswith("--") else iso


def events_timeline(docs: Sequence[Document], names: dict[str, str]) -> str:
    """The corpus's dated events in date order: date, kind, participants."""
    dated = [(ev.date, d, ev) for d in docs for ev in d.events if ev.date]
    if not dated:
        return "<p>لا أحداث مؤرخة · no dated events</p>"
    dated.sort(key=lambda x: _sort_key(x[0]))
    rows = "".join(
        f"<tr><td>{_e(human_date(date))}</td><td>{_e(KINDS.get(ev.kind, (ev.kind,))[0])} · {_e(ev.kind)}</td>"
        f"<td>{_who(d, ev, names)}</td><td>{_place(d, ev, names)}</td></tr>"
        for date, d, ev in dated
    )
    return f'<table class="events timeline">{rows}</table>'


def people_offices(docs: Sequence[Document], names: dict[str, str]) -> str:
    """People with the offices their articles state, most mentioned first."""
    offices: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for d in docs:
        for e in d.roles:
            if e.role is not None:
                offices[e.canonical][(e.role.office, e.role.of or "")] += 1
    if not offices:
        return "<p>لا مناصب · no offices stated</p>"
    ranked = sorted(offices.items(), key=lambda kv: -sum(kv[1].values()))
    rows = "".join(
        f"<tr><td>{_e(names.get(k, k))}</td><td>"
        + "؛ ".join(f'<span class="ltr">{_e(o)}{" · " + _e(of) if of else ""}</span>' for (o, of), _ in c.most_common())
        + f"</td><td>{sum(c.values())}</td></tr>"
        for k, c in ranked
    )
    return f'<table class="events people"><tr><th>الشخص · person</th><th>المنصب · office</th><th>#</th></tr>{rows}</table>'
