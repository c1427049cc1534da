#!/usr/bin/env python3
"""Check the gold role and event fixtures in this folder and print counts.

    python tests/data/events/validate.py                 # every *.toml here
    python tests/data/events/validate.py samples.toml    # some files
    python tests/data/events/validate.py --show FILE     # every mention in context
    python tests/data/events/validate.py --json FILE     # resolved code-point spans
    python tests/data/events/validate.py --entities FILE # gold mentions khabar's tagger misses

The format and the annotation rules are in docs/events-guideline.md. This
script needs only the standard library (Python >= 3.11 for tomllib); the
`--entities` report imports khabar. It exits with status 1 when a file has an
error; warnings are printed but do not fail.

A mention is `{ surface = "...", occurrence = n }`: the n-th (0-based) match
of `surface` as a substring of the document text, overlapping matches
counted, so `باكو` inside `وباكو` is one of them. `occurrence` may be left
out only when the surface occurs exactly once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
GAZETTEER = ROOT / "crates" / "khabar-tag" / "data" / "gazetteer.tsv"

EVENT_KINDS = (
    "MEETING",
    "CALL",
    "VISIT",
    "AGREEMENT",
    "ARMS_DEAL",
    "SUMMONS",
    "EXERCISE",
    "ARREST",
)

# Participant roles allowed for each kind (the guideline, section 4.4).
ROLES = {
    "MEETING": {"agent", "counterpart", "mediator"},
    "CALL": {"agent", "counterpart"},
    "VISIT": {"visitor", "host"},
    "AGREEMENT": {"party"},
    "ARMS_DEAL": {"buyer", "seller", "item"},
    "SUMMONS": {"summoner", "summoned", "counterpart"},
    "EXERCISE": {"agent"},
    "ARREST": {"agent", "arrested"},
}

# Ministers' portfolios beyond the four named ones (the guideline, section 3.2).
PORTFOLIOS = (
    "agriculture",
    "communications",
    "economy",
    "education",
    "energy",
    "finance",
    "health",
    "industry",
    "information",
    "justice",
    "national security",
    "oil",
    "trade",
    "transport",
)

OFFICES = frozenset(
    [
        "president",
        "vice president",
        "prime minister",
        "deputy prime minister",
        "supreme leader",
        "king",
        "crown prince",
        "emir",
        "sultan",
        "minister of defence",
        "minister of foreign affairs",
        "minister of interior",
        "minister of intelligence",
        "deputy minister of foreign affairs",
        "deputy minister of defence",
        "chancellor",
        "ambassador",
        "chargé d'affaires",
        "envoy",
        "chief of general staff",
        "commander",
        "spokesperson",
        "speaker of parliament",
        "member of parliament",
        "governor",
        "mayor",
        "secretary general",
        "adviser",
        "director",
    ]
    + [f"minister of {p}" for p in PORTFOLIOS]
)

NOT_EVENT_REASONS = frozenset(
    [
        "negated",  # لم يلتق، نفى اعتقال
        "hypothetical",  # ربما، قد، إذا، محتملة
        "questioned",  # هل ...؟
        "invitation",  # دعا إلى زيارة
        "cancelled",  # ألغى الزيارة
        "generic",  # خلال اجتماعات مختلفة
        "no_participant",  # اعتقال النشطاء (nobody named)
        "not_a_kind",  # احتجاز سفينتين، مناورة سياسية
    ]
)

DOC_KEYS = {"id", "text", "file", "published", "note", "role", "event", "not_event"}
ROLE_KEYS = {"person", "phrase", "office", "of", "note"}
EVENT_KEYS = {"kind", "triggers", "participants", "date", "place", "planned", "note"}
MENTION_KEYS = {"surface", "occurrence"}
PARTICIPANT_KEYS = MENTION_KEYS | {"role", "country"}
NOT_EVENT_KEYS = MENTION_KEYS | {"why", "kind"}

_DAY = r"\d{4}-\d{2}-\d{2}"
_POINT = re.compile(rf"^(?:{_DAY}|\d{{4}}-\d{{2}}|\d{{4}}|--\d{{2}}-\d{{2}}|--\d{{2}})$")
# Sentence ends: . ! ? ؟ before a space or the end, and line breaks (not the
# point in `1.6` or `S.300`).
_PROCLITICS = re.compile(r"[وف]?[بلك]?|[وف]?لل")
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)|\n")


def countries() -> frozenset[str]:
    """The gazetteer's English names of countries (entries with an ISO id)."""
    names = set()
    with open(GAZETTEER, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[0] in ("gpe", "norp") and cols[3].startswith("iso:"):
                names.add(cols[2])
    return frozenset(names)


def valid_date(value: str) -> bool:
    """An ISO value as DATE entities carry: a day, month or year, a year-less
    `--MM-DD` / `--MM`, or an interval `a/b` of two of those."""
    parts = value.split("/")
    if len(parts) > 2:
        return False
    for p in parts:
        if not _POINT.match(p):
            return False
        try:
            if re.fullmatch(_DAY, p):
                dt.date.fromisoformat(p)
            elif p.startswith("--") and len(p) == 7:
                dt.date(2000, int(p[2:4]), int(p[5:7]))  # a leap year
            elif p.startswith("--"):
                dt.date(2000, int(p[2:4]), 1)
            elif len(p) == 7:
                dt.date(int(p[:4]), int(p[5:7]), 1)
        except ValueError:
            return False
    return True


@dataclass
class Span:
    surface: str
    start: int
    end: int


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


def occurrences(text: str, surface: str) -> list[int]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append(i)
        i = text.find(surface, i + 1)
    return out


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The [start, end) of the sentence holding code point `pos`."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > pos:
            return start, m.end()
        start = m.end()
    return start, len(text)


class Doc:
    def __init__(self, raw: Json, where: str, rep: Report) -> None:
        self.raw, self.where, self.rep = raw, where, rep
        self.id = raw.get("id", "?")
        self.text = ""

    def err(self, msg: str) -> None:
        self.rep.errors.append(f"{self.where} [{self.id}]: {msg}")

    def warn(self, msg: str) -> None:
        self.rep.warnings.append(f"{self.where} [{self.id}]: {msg}")

    def mention(self, m: object, what: str, keys: set[str]) -> Span | None:
        if isinstance(m, str):
            m = {"surface": m}
        if not isinstance(m, dict):
            self.err(f"{what}: expected a table {{ surface = ... }}, got {m!r}")
            return None
        extra = set(m) - keys
        if extra:
            self.err(f"{what}: unknown keys {sorted(extra)}")
        surface = m.get("surface")
        if not isinstance(surface, str) or not surface.strip():
            self.err(f"{what}: empty or missing surface")
            return None
        if surface != surface.strip():
            self.err(f"{what}: surface {surface!r} has spaces at its ends")
        hits = occurrences(self.text, surface)
        if not hits:
            self.err(f"{what}: surface {surface!r} is not in the text")
            return None
        occ = m.get("occurrence")
        if occ is None:
            if len(hits) > 1:
                self.err(
                    f"{what}: surface {surface!r} occurs {len(hits)} times; "
                    f"give occurrence (0..{len(hits) - 1})"
                )
                return None
            occ = 0
        if not isinstance(occ, int) or isinstance(occ, bool) or not 0 <= occ < len(hits):
            self.err(f"{what}: occurrence {occ!r} of {surface!r} is not in 0..{len(hits) - 1}")
            return None
        start = hits[occ]
        span = Span(surface, start, start + len(surface))
        self.check_boundaries(span, what)
        return span

    def check_boundaries(self, s: Span, what: str) -> None:
        """Warn when a mention cuts a word: only the proclitics `و ف ب ل ك`
        (and `لل`, whose article the span then leaves out) may precede it
        inside its word, and no letter may follow it."""
        i = s.start
        while i > 0 and self.text[i - 1].isalpha():
            i -= 1
        prefix = self.text[i : s.start]
        if prefix and not _PROCLITICS.fullmatch(prefix):
            self.warn(f"{what}: {s.surface!r} starts inside a word ({self.context(s)})")
        if s.end < len(self.text) and self.text[s.end].isalpha() and s.surface[-1].isalpha():
            self.warn(f"{what}: {s.surface!r} ends inside a word ({self.context(s)})")

    def context(self, s: Span, width: int = 30) -> str:
        left = self.text[max(0, s.start - width) : s.start].replace("\n", " ")
        right = self.text[s.end : s.end + width].replace("\n", " ")
        return f"…{left}⟦{s.surface}⟧{right}…"


def load_text(raw: Json, doc: Doc) -> str | None:
    if ("text" in raw) == ("file" in raw):
        doc.err("give exactly one of text and file")
        return None
    if "text" in raw:
        text = raw["text"]
        if not isinstance(text, str) or not text.strip():
            doc.err("empty text")
            return None
        return str(text)
    path = ROOT / str(raw["file"])
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        doc.err(f"cannot read file {raw['file']}: {e}")
        return None


def check_doc(raw: Json, where: str, rep: Report, known: frozenset[str]) -> Json | None:
    doc = Doc(raw, where, rep)
    extra = set(raw) - DOC_KEYS
    if extra:
        doc.err(f"unknown keys {sorted(extra)}")
    if not isinstance(raw.get("id"), str):
        doc.err("missing id")
    text = load_text(raw, doc)
    if text is None:
        return None
    doc.text = text
    published = raw.get("published")
    if published is not None:
        if not (isinstance(published, str) and re.fullmatch(_DAY, published) and valid_date(published)):
            doc.err(f"published {published!r} is not an ISO date YYYY-MM-DD")
    out: Json = {"id": doc.id, "published": published, "roles": [], "events": [], "not_events": []}
    if "file" in raw:
        out["file"] = raw["file"]
    else:
        out["text"] = text
    rep.counts["documents"] += 1
    taken_persons: set[int] = set()

    for i, r in enumerate(raw.get("role", [])):
        what = f"role {i + 1}"
        extra = set(r) - ROLE_KEYS
        if extra:
            doc.err(f"{what}: unknown keys {sorted(extra)}")
        person = doc.mention(r.get("person"), f"{what} person", MENTION_KEYS)
        phrase = doc.mention(r.get("phrase"), f"{what} phrase", MENTION_KEYS)
        office = r.get("office")
        if office not in OFFICES:
            doc.err(f"{what}: office {office!r} is not in the vocabulary")
        of = r.get("of")
        if of is not None and of not in known:
            doc.err(f"{what}: of {of!r} is not a country name of the gazetteer")
        if person and phrase:
            if person.start < phrase.end and phrase.start < person.end:
                doc.err(f"{what}: phrase {phrase.surface!r} overlaps the person")
            if sentence_of(text, person.start) != sentence_of(text, phrase.start):
                doc.err(f"{what}: phrase {phrase.surface!r} is not in the person's sentence")
            gap = text[min(person.end, phrase.end) : max(person.start, phrase.start)]
            if len(gap) > 40:
                doc.warn(f"{what}: {len(gap)} characters between phrase and person")
            if person.start in taken_persons:
                doc.err(f"{what}: a second role for the same person mention")
            taken_persons.add(person.start)
            out["roles"].append(
                {
                    "person": vars(person),
                    "phrase": vars(phrase),
                    "office": office,
                    "of": of,
                }
            )
        rep.counts["roles"] += 1
        rep.counts["roles with of"] += of is not None

    trigger_spans: list[tuple[int, int]] = []
    for i, e in enumerate(raw.get("event", [])):
        kind = e.get("kind")
        what = f"event {i + 1} ({kind})"
        extra = set(e) - EVENT_KEYS
        if extra:
            doc.err(f"{what}: unknown keys {sorted(extra)}")
        if kind not in EVENT_KINDS:
            doc.err(f"{what}: kind {kind!r} is not one of {', '.join(EVENT_KINDS)}")
            continue
        found = [doc.mention(t, f"{what} trigger", MENTION_KEYS) for t in e.get("triggers", [])]
        if not found:
            doc.err(f"{what}: no trigger")
        triggers = [t for t in found if t is not None]
        for t in triggers:
            trigger_spans.append((t.start, t.end))
        if len({t.start for t in triggers}) != len(triggers):
            doc.err(f"{what}: the same trigger twice")
        sentences = {sentence_of(text, t.start) for t in triggers}
        last = max((s[1] for s in sentences), default=len(text))
        parts = []
        seen: set[tuple[str, int]] = set()
        for p in e.get("participants", []):
            span = doc.mention(p, f"{what} participant", PARTICIPANT_KEYS)
            role = p.get("role") if isinstance(p, dict) else None
            if role not in ROLES[kind]:
                doc.err(f"{what}: role {role!r} is not one of {sorted(ROLES[kind])}")
            country = p.get("country") if isinstance(p, dict) else None
            if country is not None and country not in known:
                doc.err(f"{what}: country {country!r} is not a country name of the gazetteer")
            if span is None:
                continue
            key = (span.surface, span.start)
            if key in seen:
                doc.err(f"{what}: participant {span.surface!r} twice")
            seen.add(key)
            if sentence_of(text, span.start) not in sentences and span.start > last:
                doc.warn(f"{what}: participant {span.surface!r} comes after the event's sentences")
            parts.append({**vars(span), "role": role, "country": country})
            rep.counts["participants"] += 1
            rep.counts["country participants"] += country is not None
        if not parts:
            doc.err(f"{what}: no participant (an event names at least one)")
        date = e.get("date")
        if date is not None and not (isinstance(date, str) and valid_date(date)):
            doc.err(f"{what}: date {date!r} is not an ISO value")
        place = doc.mention(e["place"], f"{what} place", MENTION_KEYS) if "place" in e else None
        if place and sentence_of(text, place.start) not in sentences:
            doc.warn(f"{what}: place {place.surface!r} is outside the event's sentences")
        planned = e.get("planned", False)
        if not isinstance(planned, bool):
            doc.err(f"{what}: planned must be true or false")
        out["events"].append(
            {
                "kind": kind,
                "triggers": [vars(t) for t in triggers],
                "participants": parts,
                "date": date,
                "place": vars(place) if place else None,
                "planned": planned,
            }
        )
        rep.counts[f"events {kind}"] += 1
        rep.counts["events"] += 1
        rep.counts["events dated"] += date is not None
        rep.counts["events with place"] += place is not None
        rep.counts["events planned"] += planned is True

    for i, n in enumerate(raw.get("not_event", [])):
        what = f"not_event {i + 1}"
        span = doc.mention(n, what, NOT_EVENT_KEYS)
        if n.get("why") not in NOT_EVENT_REASONS:
            doc.err(f"{what}: why {n.get('why')!r} is not one of {sorted(NOT_EVENT_REASONS)}")
        if "kind" in n and n["kind"] not in EVENT_KINDS:
            doc.err(f"{what}: kind {n['kind']!r} is not an event kind")
        if span is None:
            continue
        if any(span.start < b and a < span.end for a, b in trigger_spans):
            doc.err(f"{what}: {span.surface!r} overlaps an event trigger")
        out["not_events"].append({**vars(span), "why": n.get("why"), "kind": n.get("kind")})
        rep.counts["not_events"] += 1
    return out


def check_file(path: pathlib.Path, rep: Report, known: frozenset[str]) -> list[Json]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        rep.errors.append(f"{path.name}: {e}")
        return []
    docs = data.get("doc", [])
    if not docs:
        rep.errors.append(f"{path.name}: no [[doc]]")
    out, ids = [], Counter(d.get("id") for d in docs)
    for dup in [k for k, v in ids.items() if v > 1]:
        rep.errors.append(f"{path.name}: id {dup!r} used twice")
    for d in docs:
        res = check_doc(d, path.name, rep, known)
        if res:
            out.append(res)
    return out


def show(path: pathlib.Path, docs: list[Json]) -> None:
    for d in docs:
        text = d.get("text") or (ROOT / d["file"]).read_text(encoding="utf-8")
        ctx = Doc({"id": d["id"]}, path.name, Report())
        ctx.text = text

        def c(s: Json) -> str:
            return ctx.context(Span(s["surface"], s["start"], s["end"]))

        print(f"=== {d['id']} (published {d['published']})")
        for r in d["roles"]:
            print(f"  ROLE {r['office']} / {r['of']}: {c(r['person'])}  phrase {c(r['phrase'])}")
        for e in d["events"]:
            flags = " planned" if e["planned"] else ""
            print(f"  {e['kind']} date={e['date']}{flags}")
            for t in e["triggers"]:
                print(f"      trigger {c(t)}")
            for p in e["participants"]:
                country = f" [{p['country']}]" if p["country"] else ""
                print(f"      {p['role']}{country}: {c(p)}")
            if e["place"]:
                print(f"      place {c(e['place'])}")
        for n in d["not_events"]:
            print(f"  NOT {n['kind'] or ''} ({n['why']}): {c(n)}")


def entity_report(docs: list[Json]) -> None:
    """Gold person, participant and place mentions that no entity of the
    current khabar tagger overlaps (what an extractor cannot reach)."""
    import khabar  # noqa: PLC0415 (optional dependency of this one report)

    missing = total = 0
    for d in docs:
        # A raw article goes through the whole pipeline, as an extractor sees
        # it; a paragraph is tagged as it is.
        if "file" in d:
            ents = khabar.analyze((ROOT / d["file"]).read_text(encoding="utf-8")).entities
        else:
            ents = khabar.tag(d["text"])
        mentions = [("person", r["person"]) for r in d["roles"]]
        for e in d["events"]:
            mentions += [(p["role"], p) for p in e["participants"]]
            if e["place"]:
                mentions.append(("place", e["place"]))
        for what, m in mentions:
            total += 1
            hit = [x for x in ents if x.start < m["end"] and m["start"] < x.end]
            if not hit:
                missing += 1
                print(f"  {d['id']}: no entity at {what} {m['surface']!r}")
            elif not any(x.start == m["start"] and x.end == m["end"] for x in hit):
                got = ", ".join(f"{x.text!r}/{x.label}" for x in hit)
                print(f"  {d['id']}: {what} {m['surface']!r} tagged as {got}")
    print(f"{missing} of {total} gold mentions have no overlapping entity")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=pathlib.Path)
    ap.add_argument("--show", action="store_true", help="print every mention in context")
    ap.add_argument("--json", action="store_true", help="print resolved spans as JSON")
    ap.add_argument("--entities", action="store_true", help="compare with khabar's tagger")
    args = ap.parse_args(argv)
    files = [f if f.is_absolute() or f.exists() else HERE / f for f in args.files]
    files = files or sorted(HERE.glob("*.toml"))
    known = countries()
    failed = False
    resolved: dict[str, list[Json]] = {}
    for path in files:
        rep = Report()
        docs = check_file(path, rep, known)
        resolved[path.name] = docs
        if args.show:
            show(path, docs)
        for w in rep.warnings:
            print(f"warning: {w}", file=sys.stderr)
        for e in rep.errors:
            print(f"error: {e}", file=sys.stderr)
        failed |= bool(rep.errors)
        if not args.json:
            c = rep.counts
            kinds = ", ".join(f"{k} {c[f'events {k}']}" for k in EVENT_KINDS)
            print(
                f"{path.name}: {c['documents']} documents, {c['roles']} roles "
                f"({c['roles with of']} with of), {c['events']} events ({kinds}), "
                f"{c['participants']} participants ({c['country participants']} countries), "
                f"{c['events dated']} dated, {c['events with place']} with place, "
                f"{c['events planned']} planned, {c['not_events']} not-events"
                + (f", {len(rep.errors)} errors" if rep.errors else "")
            )
        if args.entities:
            entity_report(docs)
    if args.json:
        json.dump(resolved, sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
