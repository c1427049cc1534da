"""Roles and events in Python (issue 18): Entity.role, Document.events and
roles, to_dict and pickling, the pandas frames, Arrow/Parquet columns and
spaCy's doc._.khabar, on the sample articles and on sentences written for
these tests (invented people, real countries)."""

from __future__ import annotations

import json
import pathlib
import pickle

import pytest

import khabar
from conftest import ARTICLES, need

SAMPLES = sorted(ARTICLES.glob("*.txt"))


def read(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def test_vocabularies_come_from_rust() -> None:
    assert khabar.EVENT_KINDS == ("MEETING", "CALL", "VISIT", "AGREEMENT", "ARMS_DEAL", "SUMMONS", "EXERCISE", "ARREST")
    for office in ("president", "minister of defence", "ambassador", "chief of general staff", "spokesperson", "mayor"):
        assert office in khabar.OFFICES


def test_hasanov_holds_azerbaijans_defence_ministry() -> None:
    raw = read("002_489f407ec9d253c0.txt")
    doc = khabar.analyze(raw)
    (hasanov,) = [e for e in doc.roles if e.text == "ذاكر حسنوف"]
    r = hasanov.role
    assert isinstance(r, khabar.Role)
    assert (r.office, r.of, r.text) == ("minister of defence", "Azerbaijan", "وزير الدفاع الأذربيجاني")
    assert raw[r.start : r.end] == r.text and raw[hasanov.start : hasanov.end] == hasanov.text
    (bagheri,) = [e for e in doc.roles if e.text == "محمد باقري"]
    assert (bagheri.role.office, bagheri.role.of) == ("chief of general staff", "Iran")
    # A rank alone is a title, not an office; khabar.tag gives no roles.
    assert bagheri.title == "اللواء"
    assert all(e.role is None for e in khabar.tag(raw))


def test_events_off_skips_roles_and_events_only() -> None:
    raws = [read(p.name) for p in SAMPLES]
    on = khabar.analyze_batch(raws)
    off = khabar.analyze_batch(raws, events=False)
    assert sum(len(d.events) for d in on) > 0 and sum(len(d.roles) for d in on) > 0
    for a, b in zip(on, off):
        assert b.events == [] and all(e.role is None for e in b.entities)
        assert [(e.text, e.label, e.start, e.end, e.canonical) for e in a.entities] == [
            (e.text, e.label, e.start, e.end, e.canonical) for e in b.entities
        ]
        assert (a.title, a.published, a.paragraphs) == (b.title, b.published, b.paragraphs)
    one = khabar.analyze(raws[1], events=False)
    assert one.to_dict() == off[1].to_dict()


def test_the_phone_call_its_date_and_its_sides() -> None:
    raw = read("002_489f407ec9d253c0.txt")
    doc = khabar.analyze(raw)
    calls = [ev for ev in doc.events if ev.kind == "CALL"]
    assert calls
    call = next(ev for ev in calls if ev.date)
    assert call.date == "--10-03" and raw[call.start : call.end] == call.text == "محادثة هاتفية"
    # A side is a country, a nationality or a state's body whose key names
    # the country (`القوات المسلحة الإيرانية` → `… (Iran)`).
    sides = {(e.canonical.rsplit(" (", 1)[-1].rstrip(")"), role) for e, role in doc.participants(call)}
    assert {("Iran", "agent"), ("Azerbaijan", "counterpart")} <= sides
    names = {e.text for e, _ in doc.participants(call)}
    assert {"محمد باقري", "ذاكر حسنوف"} <= names
    assert all(raw[s:e] for s, e in call.mentions) and (call.start, call.end) == call.mentions[0]


def test_written_sentences_meeting_visit_negation_and_plans() -> None:
    raw = (
        "استقبل وزير الخارجية المصري هشام الدمرداش في القاهرة أمس نظيره التركي أيدن شاهين.\n\n"
        "ولم يلتق الدمرداش بالرئيس التركي خلال الزيارة.\n\n"
        "ومن المقرر أن يزور وزير الدفاع الأذربيجاني ذاكر حسنوف طهران الأسبوع المقبل."
    )
    doc = khabar.analyze(raw, published="2023-04-14")
    roles = {e.text: (e.role.office, e.role.of) for e in doc.roles}
    assert roles["هشام الدمرداش"] == ("minister of foreign affairs", "Egypt")
    assert roles["ذاكر حسنوف"] == ("minister of defence", "Azerbaijan")
    meeting = next(ev for ev in doc.events if ev.kind == "MEETING")
    assert meeting.text == "استقبل" and meeting.date == "2023-04-13" and not meeting.planned
    assert meeting.place is not None and doc.entities[meeting.place].text == "القاهرة"
    assert {"هشام الدمرداش", "أيدن شاهين"} <= {e.text for e, _ in doc.participants(meeting)}
    # The negated meeting is no event; the announced visit is planned.
    assert not any(ev.text == "يلتق" for ev in doc.events)
    visit = next(ev for ev in doc.events if ev.kind == "VISIT" and ev.text == "يزور")
    assert visit.planned and doc.entities[visit.place].text == "طهران"


def test_plain_data_pickle_and_json() -> None:
    docs = khabar.analyze_batch([p.read_text(encoding="utf-8") for p in SAMPLES], threads=2)
    assert sum(len(d.events) for d in docs) > 10 and sum(len(d.roles) for d in docs) > 10
    back = pickle.loads(pickle.dumps(docs))
    assert back == docs
    r = docs[2].roles[0].role
    assert pickle.loads(pickle.dumps(r)) == r and khabar.Role(**r.to_dict()) == r
    d = json.loads(json.dumps(docs[2].to_dict()))
    assert d["events"] == [ev.to_dict() for ev in docs[2].events]
    assert any(e["role"] and e["role"]["office"] == "minister of defence" for e in d["entities"])
    ev = docs[2].events[0]
    assert isinstance(ev, khabar.Event) and isinstance(ev.participants[0], khabar.Participant)
    with pytest.raises(ValueError, match="unknown office"):
        khabar.Role("x", 0, 1, "emperor of the world")


def test_pandas_events_frame_and_role_columns() -> None:
    need("pandas")
    docs = khabar.analyze_batch([p.read_text(encoding="utf-8") for p in SAMPLES])
    arts, ents, evs = khabar.to_pandas(docs, ids=[p.name for p in SAMPLES], events=True)
    assert list(arts["events"]) == [len(d.events) for d in docs]
    ministers = ents[(ents["text"] == "ذاكر حسنوف") & ents["role_office"].notna()]
    assert set(ministers["role_of"]) == {"Azerbaijan"}
    assert len(evs[["doc_id", "event"]].drop_duplicates()) == sum(len(d.events) for d in docs)
    assert tuple(evs["kind"].cat.categories) == khabar.EVENT_KINDS
    call = evs[(evs["kind"] == "CALL") & evs["date"].notna()]
    # Countries by canonical key; a state body's key names its country
    # (`… (Iran)`). Iran is the agent's side, through its armed forces.
    countries = {(c.rsplit(" (", 1)[-1].rstrip(")"), r) for c, r in zip(call["participant_canonical"], call["participant_role"])}
    assert {("Iran", "agent"), ("Azerbaijan", "counterpart")} <= countries
    assert ("Iran", "counterpart") not in countries
    empty = khabar.pandas.events_frame([])
    assert list(empty.columns) == list(evs.columns)


def test_arrow_and_parquet_columns(tmp_path: pathlib.Path) -> None:
    pa = need("pyarrow")
    import pyarrow.parquet as pq

    import khabar.arrow

    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    table = pa.Table.from_batches([khabar.arrow.analyze(pa.array(texts))])
    ev_type = table.schema.field("events").type.value_type
    assert [f.name for f in ev_type] == ["kind", "text", "start", "end", "mentions", "participants", "date", "place", "planned", "score"]
    assert ev_type.field("planned").type == pa.bool_()
    role_type = table.schema.field("entities").type.value_type.field("role").type
    assert [f.name for f in role_type] == ["text", "start", "end", "office", "of"]
    pq.write_table(table, tmp_path / "x.parquet")
    back = pq.read_table(tmp_path / "x.parquet").to_pylist()
    docs = khabar.analyze_batch(texts)
    for row, d in zip(back, docs):
        assert row["events"] == [ev.to_dict() for ev in d.events]
        assert [e["role"] for e in row["entities"]] == [None if e.role is None else e.role.to_dict() for e in d.entities]


def test_spacy_doc_carries_roles_and_events() -> None:
    spacy = need("spacy")
    import khabar.spacy  # noqa: F401

    nlp = spacy.blank("ar")
    nlp.add_pipe("khabar")
    raw = read("002_489f407ec9d253c0.txt")
    doc = nlp(raw)
    kdoc = doc._.khabar
    assert kdoc == khabar.analyze(raw)
    assert any(ev.kind == "CALL" for ev in kdoc.events)
    spans = [s for s in doc.ents if s.text == "ذاكر حسنوف"]
    assert spans and all(s._.role is None or s._.role.office == "minister of defence" for s in spans)
    assert any(s._.role is not None for s in spans)
