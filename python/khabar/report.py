"""A self-contained, right-to-left HTML report of analyzed articles.

    >>> from khabar.report import render
    >>> html = render([("a.txt", raw, khabar.analyze(raw))])   # doctest: +SKIP

Per article: its metadata, the title and body with entities highlighted by
label (hover shows the label, the canonical entity and a date's value), and
what was dropped and why (collapsed), and its events (kind, participants,
date, place) with their triggers marked in the text. Above the articles, a
corpus summary: entity counts per label, the most frequent entities per label
(by their most frequent surface form), a timeline of publication dates, the
dated events in date order, the people with the offices the articles state,
and which entities appear in the same articles. Dates read as people write
them (``22 يناير 2022``).
No script, font or style is loaded from anywhere: the page works offline.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from collections.abc import Sequence

from ._document import Document
from ._report_events import KINDS, article_events, display_names, events_timeline, human_date, people_offices, trigger_marks
from ._khabar import Entity

#: Label → (background, legend name). Colours chosen to stay readable on white
#: and distinct from each other.
COLOURS: dict[str, tuple[str, str]] = {
    "PERSON": ("#ffd8a8", "شخص · person"),
    "ORG": ("#b2f2bb", "منظمة · organization"),
    "GPE": ("#a5d8ff", "دولة/مدينة · GPE"),
    "LOC": ("#99e9f2", "مكان · location"),
    "NORP": ("#eebefa", "جنسية · nationality"),
    "EQUIPMENT": ("#ffc9c9", "معدات · equipment"),
    "DATE": ("#ffec99", "تاريخ · date"),
    "MISC": ("#dee2e6", "أخرى · misc"),
}

CSS = """
body{font-family:'Noto Naskh Arabic','Amiri','Segoe UI',Tahoma,sans-serif;margin:0;background:#f8f9fa;color:#212529;line-height:1.9}
header{background:#1c3d5a;color:#fff;padding:1rem 2rem}
header h1{margin:0;font-size:1.6rem}
main{max-width:1100px;margin:auto;padding:1rem 2rem}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);margin:1.2rem 0;padding:1rem 1.5rem}
h2{font-size:1.35rem;margin:.2rem 0 .6rem}
h3.heading{font-size:1.1rem;margin:1rem 0 .2rem}
table.meta{border-collapse:collapse;font-size:.9rem;margin-bottom:.8rem}
table.meta td{padding:.1rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
table.meta td:first-child{color:#666;white-space:nowrap}
mark.ent{border-radius:4px;padding:0 .15em;cursor:help}
mark.ent::after{content:attr(data-label);font-size:.55em;font-family:monospace;color:#555;margin-inline-start:.25em;vertical-align:super}
.legend span{display:inline-block;margin:.15rem .3rem;padding:0 .5em;border-radius:4px;font-size:.85rem}
details{margin-top:.8rem;font-size:.9rem;color:#555}
details li{margin:.1rem 0}
.reason{font-family:monospace;color:#862e9c}
.flag{display:inline-block;background:#fff3bf;border-radius:4px;padding:0 .4em;margin:.1rem;font-size:.85rem}
.error{color:#c92a2a;font-weight:bold}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:.8rem}
.grid ol{margin:.2rem 0;padding-inline-start:1.4rem;font-size:.9rem}
.ltr{direction:ltr;text-align:left;unicode-bidi:isolate}
svg text{font-family:monospace;font-size:10px}
mark.trg{border-bottom:3px solid #5f3dc4;padding:0 .1em;border-radius:3px}
table.events{border-collapse:collapse;font-size:.9rem;margin:.4rem 0}
table.events td,table.events th{padding:.15rem .6rem;border-bottom:1px solid #eee;text-align:start;vertical-align:top}
.kind{border-radius:4px;padding:0 .4em}
"""


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _highlight(
    raw: str, start: int, end: int, entities: Sequence[Entity], triggers: Sequence[tuple[int, int, str]] = ()
) -> str:
    """`raw[start:end]` as HTML, entities inside it wrapped in <mark>, and
    event triggers (``(start, end, kind)``) in <mark class="trg">."""
    out, pos = [], start
    marks: list[tuple[int, int, Entity | str]] = [(e.start, e.end, e) for e in entities]
    marks += [(s, t, k) for s, t, k in triggers]
    for s, t, e in sorted(marks, key=lambda m: (m[0], m[1])):
        if s < start or t > end or s < pos:
            continue
        out.append(_e(raw[pos:s]))
        if isinstance(e, str):
            name, colour = KINDS.get(e, (e, "#eee"))
            out.append(f'<mark class="trg" style="background:{colour}" title="{_e(e)} · {_e(name)}">{_e(raw[s:t])}</mark>')
            pos = t
            continue
        colour = COLOURS.get(e.label, ("#eee", ""))[0]
        tip = f"{e.label} · {e.canonical}" + (f" · {human_date(e.value)}" if e.value else "") + (f" · {e.title}" if e.title else "")
        if e.role is not None:
            tip += f" · {e.role.office}" + (f" ({e.role.of})" if e.role.of else "")
        out.append(
            f'<mark class="ent ent-{_e(e.label)}" style="background:{colour}" data-label="{_e(e.label)}" '
            f'data-canonical="{_e(e.canonical)}" title="{_e(tip)}">{_e(e.text)}</mark>'
        )
        pos = e.end
    out.append(_e(raw[pos:end]))
    return "".join(out)


def _timeline(dates: list[str]) -> str:
    """An inline SVG bar chart of articles per publication month."""
    months = Counter(d[:7] for d in dates if d and len(d) >= 7 and d[0].isdigit())
    if not months:
        return "<p>لا تواريخ نشر · no publication dates</p>"
    keys = sorted(months)
    width, height, bar = max(240, 60 * len(keys)), 120, 40
    top = max(months.values())
    parts = [f'<svg class="ltr" role="img" aria-label="articles per month" width="{width}" height="{height + 30}">']
    for i, k in enumerate(keys):
        h = int(height * months[k] / top)
        x = 10 + i * 60
        parts.append(f'<rect x="{x}" y="{height - h}" width="{bar}" height="{h}" fill="#1c7ed6"><title>{k}: {months[k]}</title></rect>')
        parts.append(f'<text x="{x}" y="{height + 14}">{k}</text><text x="{x + 14}" y="{height - h - 3}">{months[k]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _summary(items: Sequence[tuple[str, str, Document]], names: dict[str, str]) -> str:
    docs = [d for _, _, d in items]
    per_label: dict[str, Counter[str]] = {label: Counter() for label in COLOURS}
    for d in docs:
        for e in d.entities:
            per_label.setdefault(e.label, Counter())[e.canonical] += 1
    counts = " ".join(
        f'<span style="background:{COLOURS[k][0]}">{_e(COLOURS[k][1])}: {sum(v.values())}</span>'
        for k, v in per_label.items()
        if k in COLOURS
    )
    tops = []
    for label, c in per_label.items():
        if not c:
            continue
        li = "".join(f"<li>{_e(names.get(key, key))} <small>({n})</small></li>" for key, n in c.most_common(10))
        tops.append(f'<div><b style="background:{COLOURS.get(label, ("#eee",))[0]}">{_e(label)}</b><ol>{li}</ol></div>')
    pairs: Counter[tuple[str, str]] = Counter()
    for d in docs:
        keys = sorted({e.canonical for e in d.entities if e.label in ("PERSON", "ORG", "GPE")})
        pairs.update(itertools.combinations(keys, 2))
    co = "".join(
        f"<li>{_e(names.get(a, a))} — {_e(names.get(b, b))} <small>({n})</small></li>" for (a, b), n in pairs.most_common(15)
    )
    return (
        '<section id="summary"><h2>ملخص المجموعة · corpus summary</h2>'
        f"<p>{len(docs)} مقالات · articles, {sum(len(d.entities) for d in docs)} كيانات · entity mentions</p>"
        f'<div class="legend">{counts}</div>'
        f'<h3>الأكثر ذكراً · most frequent</h3><div class="grid">{"".join(tops)}</div>'
        f'<h3>التسلسل الزمني · publication timeline</h3>{_timeline([d.published or "" for d in docs])}'
        f"<h3>الأحداث حسب التاريخ · events by date</h3>{events_timeline(docs, names)}"
        f"<h3>الأشخاص ومناصبهم · people and their offices</h3>{people_offices(docs, names)}"
        f'<h3>يظهرون معاً · appear in the same articles</h3><ol class="cooc">{co}</ol></section>'
    )


def _article(n: int, doc_id: str, raw: str, d: Document, names: dict[str, str]) -> str:
    if d.error is not None:
        return f'<section class="article" id="a{n}"><h2>{_e(doc_id)}</h2><p class="error">{_e(d.error)}</p></section>'
    marks = trigger_marks(d)
    title = _highlight(raw, *d.title_span, d.entities, marks) if d.title_span else _e(d.title or doc_id)
    meta = [("id", f'<span class="ltr">{_e(doc_id)}</span>')]
    if d.published:
        meta.append(("نشر · published", f'<span class="ltr">{_e(d.published)}</span> ({_e(d.published_precision)})'))
    if d.url:
        meta.append(("url", f'<a class="ltr" href="{_e(d.url)}">{_e(d.url)}</a>'))
    if d.byline:
        meta.append(("byline", _e(d.byline)))
    if d.dateline_place:
        meta.append(("المكان · dateline", _e(d.dateline_place)))
    if d.subtitle_span:
        meta.append(("subtitle", _highlight(raw, *d.subtitle_span, d.entities)))
    meta.append(("language", _e(d.language)))
    if d.flags:
        meta.append(("flags", "".join(f'<span class="flag">{_e(f.get("kind"))}</span>' for f in d.flags)))
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in meta)
    body = []
    for kind, (s, e) in zip(d.paragraph_kinds, d.paragraph_spans):
        tag = "h3" if kind == "heading" else "p"
        body.append(f'<{tag} class="{_e(kind)}">{_highlight(raw, s, e, d.entities, marks)}</{tag}>')
    dropped = "".join(
        f'<li>{_e(x.line)} · <span class="reason">{_e(x.reason)}</span> · {_e(x.text)}</li>' for x in d.dropped
    )
    related = "".join(f"<li>{_e(r)}</li>" for r in d.related)
    extra = f"<details><summary>اقرأ المزيد · related ({len(d.related)})</summary><ul>{related}</ul></details>" if d.related else ""
    return (
        f'<section class="article" id="a{n}"><h2>{title}</h2><table class="meta">{rows}</table>'
        f'<div class="body">{"".join(body)}</div>{article_events(d, names)}{extra}'
        f"<details><summary>أسطر محذوفة · dropped lines ({len(d.dropped)})</summary><ul>{dropped}</ul></details></section>"
    )


def render(items: Sequence[tuple[str, str, Document]], title: str = "khabar") -> str:
    """The report for `(id, raw text, document)` triples, as one HTML page."""
    legend = " ".join(f'<span style="background:{c}">{_e(name)}</span>' for c, name in COLOURS.values())
    names = display_names(d for _, _, d in items)
    articles = "".join(_article(i, doc_id, raw, d, names) for i, (doc_id, raw, d) in enumerate(items))
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{_e(title)}</title>'
        f"<style>{CSS}</style></head><body><header><h1>{_e(title)} · تقرير</h1>"
        f'<div class="legend">{legend}</div></header><main>{_summary(items, names)}{articles}</main></body></html>'
    )
