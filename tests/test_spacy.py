"""khabar.spacy: the "khabar" pipeline component on spacy.blank("ar").

Every khabar entity must be in doc.ents with its exact character offsets or
in doc._.khabar_unaligned with a reason; nothing shifted. The displaCy markup
is rendered by headless Chromium (as the report is in test_report.py)."""

from __future__ import annotations

import html
import io
import json
import os
import pathlib
import pickle
import re
import subprocess
import sys
from typing import Any

import pytest

import khabar
from conftest import ROOT, need, seed_texts

spacy = need("spacy")

import khabar.spacy  # noqa: E402
from spacy import displacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from test_report import find_chromium  # noqa: E402

sys.path.insert(0, str(ROOT / "benches"))
import corpus  # noqa: E402


def ar(**config: Any) -> Any:
    nlp = spacy.blank("ar")
    nlp.add_pipe("khabar", config=config)
    return nlp


def triples(doc: Any) -> list[tuple[int, int, str]]:
    return [(s.start_char, s.end_char, s.label_) for s in doc.ents]


def check_accounted(doc: Any, kdoc: khabar.Document) -> None:
    """Every entity of `kdoc` is in doc.ents exactly or recorded as unaligned,
    and doc.ents holds nothing else."""
    spans = set(triples(doc))
    recorded = {(r["start"], r["end"], r["label"]) for r in doc._.khabar_unaligned}
    for e in kdoc.entities:
        key = (e.start, e.end, e.label)
        assert (key in spans) != (key in recorded), (e, doc._.khabar_unaligned)
    assert spans <= {(e.start, e.end, e.label) for e in kdoc.entities}
    for s in doc.ents:
        assert doc.text[s.start_char : s.end_char] == s.text


def test_samples_give_khabars_entities_exactly() -> None:
    nlp = ar()
    for name, raw in seed_texts():
        doc = nlp(raw)
        kdoc = khabar.analyze(raw)
        assert doc.text == raw, name
        assert doc._.khabar == kdoc
        # The default alignment splits tokens, so nothing is left over.
        assert doc._.khabar_unaligned == [], name
        assert triples(doc) == [(e.start, e.end, e.label) for e in kdoc.entities], name
        assert len(doc.ents) > 10


CLITICS = "زار الرئيس الإيراني باكو، ثم وصل الوفد وباكو لطهران بالقاهرة وبالقاهرة يوم الأحد."


def test_clitic_names_are_split_off() -> None:
    doc = ar()(CLITICS)
    kdoc = khabar.analyze(CLITICS)
    got = [(s.text, s.label_) for s in doc.ents]
    for name in ("باكو", "طهران", "القاهرة"):
        assert (name, "GPE") in got
    # spaCy's tokenizer keeps the proclitics on: the component split them.
    assert [t.text for t in spacy.blank("ar")(CLITICS)].count("وباكو") == 1
    tokens = [t.text for t in doc]
    assert "وباكو" not in tokens and "لطهران" not in tokens and "بالقاهرة" not in tokens
    i = tokens.index("طهران")
    assert tokens[i - 1] == "ل" and doc[i - 1].whitespace_ == ""
    assert triples(doc) == [(e.start, e.end, e.label) for e in kdoc.entities]
    assert doc._.khabar_unaligned == []


@pytest.mark.parametrize("mode", ["strict", "contract", "expand"])
def test_other_modes_record_clitic_names_instead_of_shifting(mode: str) -> None:
    doc = ar(alignment=mode)(CLITICS)
    kdoc = khabar.analyze(CLITICS)
    check_accounted(doc, kdoc)
    assert [t.text for t in doc] == [t.text for t in spacy.blank("ar")(CLITICS)]  # tokens untouched
    unaligned = {r["text"]: r for r in doc._.khabar_unaligned}
    assert {"باكو", "طهران", "القاهرة"} <= set(unaligned)
    assert {r["reason"] for r in unaligned.values()} == {"unaligned"}
    # باكو after الإيراني is its own token: aligned in every mode.
    assert ("باكو", "GPE") in [(s.text, s.label_) for s in doc.ents]
    baku = next(r for r in doc._.khabar_unaligned if r["text"] == "باكو")
    if mode == "expand":
        start, end = baku["tokens"]
        assert doc[start:end].text == "وباكو"
    elif mode == "contract":
        assert baku["tokens"] is None
    else:
        assert "tokens" not in baku


def test_extension_attributes() -> None:
    raw = seed_texts()[0][1]
    doc = ar()(raw)
    kdoc = doc._.khabar
    assert isinstance(kdoc, khabar.Document) and kdoc.title and kdoc.dropped
    for span, e in zip(doc.ents, kdoc.entities):
        assert span._.khabar_entity == e
        assert (span._.canonical, span._.title, span._.value, span._.score) == (e.canonical, e.title, e.value, e.score)
        assert span._.kb_id == e.kb_id and span.kb_id_ == (e.kb_id or "")
        assert span._.source == e.source and span._.source
        # Fields newer than this module are read when present, else None.
        assert span._.role == getattr(e, "role", None)
    person = next(s for s in doc.ents if s.label_ == "PERSON" and s._.title)
    assert person.text == "محمد رضا قرائي أشتياني" and person._.title == "العميد الركن"
    dates = [s for s in doc.ents if s.label_ == "DATE"]
    assert dates and all(s._.value for s in dates)
    assert any(s.kb_id_ for s in doc.ents)
    # A span that is no khabar entity has none of them.
    other = doc[0:1]
    assert other._.khabar_entity is None and other._.canonical is None


def test_pipe_equals_one_by_one_on_generated_corpus() -> None:
    texts = [t for _, t in seed_texts()] + corpus.generate(150)
    one = ar(threads=1)
    two = ar(threads=2)
    expected = [triples(one(t)) for t in texts]
    for nlp in (one, two):
        docs = list(nlp.pipe(texts, batch_size=16))
        assert [d.text for d in docs] == texts
        assert [triples(d) for d in docs] == expected
        assert [d._.khabar for d in docs] == khabar.analyze_batch(texts)


def test_a_document_khabar_could_not_analyze() -> None:
    # spaCy's own tokenizer refuses a lone surrogate before the component
    # sees it; khabar's batch marks such a document with `error` instead, and
    # the component then sets no entities and keeps the error.
    with pytest.raises(UnicodeEncodeError):
        spacy.blank("ar")("نص فيه \ud800")
    bad = khabar.analyze_batch(["نص فيه \ud800 في طهران"])[0]
    assert bad.error
    nlp = ar()
    doc = nlp.get_pipe("khabar").set_annotations(nlp.make_doc("نص في طهران"), bad)
    assert doc._.khabar.error == bad.error and list(doc.ents) == [] and doc._.khabar_unaligned == []


def test_existing_entities_win_unless_overwrite() -> None:
    text = "وصل الوفد إلى طهران ثم إلى باكو."
    for overwrite in (False, True):
        nlp = spacy.blank("ar")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "CITY", "pattern": "طهران"}])
        nlp.add_pipe("khabar", config={"overwrite_ents": overwrite})
        doc = nlp(text)
        labels = {s.text: s.label_ for s in doc.ents}
        if overwrite:
            check_accounted(doc, doc._.khabar)
            assert labels == {"طهران": "GPE", "باكو": "GPE"} and doc._.khabar_unaligned == []
        else:
            assert labels == {"طهران": "CITY", "باكو": "GPE"}
            assert [(r["text"], r["reason"]) for r in doc._.khabar_unaligned] == [("طهران", "overlap")]


def test_split_keeps_earlier_annotations() -> None:
    # An entity_ruler ran first, so the doc is split in place
    # (doc.retokenize) rather than rebuilt, and the ruler's entity stays.
    nlp = spacy.blank("ar")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GROUP", "pattern": "الوفد"}])
    nlp.add_pipe("khabar")
    doc = nlp(CLITICS)
    kdoc = doc._.khabar
    assert [(s.text, s.label_) for s in doc.ents if s.label_ == "GROUP"] == [("الوفد", "GROUP")]
    mine = [(s.start_char, s.end_char, s.label_) for s in doc.ents if s.label_ != "GROUP"]
    assert mine == [(e.start, e.end, e.label) for e in kdoc.entities]
    assert "وباكو" not in [t.text for t in doc] and doc.text == CLITICS
    assert doc._.khabar_unaligned == []


def test_config_is_checked() -> None:
    with pytest.raises(ValueError, match="alignment must be one of"):
        ar(alignment="nearest")
    with pytest.raises(ValueError, match="threads must be a positive int"):
        ar(threads=0)


def test_trained_tagger_by_path(tmp_path: pathlib.Path) -> None:
    from conftest import anercorp_train_head

    tagger = khabar.Tagger.from_conll(anercorp_train_head(300), epochs=2, bag=1)
    path = tmp_path / "small.ktag"
    tagger.save(path)
    text = seed_texts()[1][1]
    doc = ar(model=str(path))(text)
    assert doc._.khabar == khabar.analyze(text, tagger=tagger)
    check_accounted(doc, doc._.khabar)


def test_factory_found_through_the_entry_point() -> None:
    # A fresh interpreter that never imports khabar.spacy itself.
    code = (
        "import sys, spacy; nlp = spacy.blank('ar'); nlp.add_pipe('khabar');"
        "doc = nlp('وصل الوفد إلى طهران.');"
        "print('khabar.spacy' in sys.modules, [(e.text, e.label_) for e in doc.ents])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True [('طهران', 'GPE')]"


def test_docbin_and_saved_pipeline_round_trip(tmp_path: pathlib.Path) -> None:
    nlp = ar()
    docs = list(nlp.pipe([t for _, t in seed_texts()]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    for a, b in zip(docs, back):
        assert b._.khabar == a._.khabar and triples(b) == triples(a)
        assert list(b._.khabar_unaligned) == a._.khabar_unaligned  # msgpack gives a tuple back
        assert [s._.canonical for s in b.ents] == [s._.canonical for s in a.ents]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["khabar"]
    assert triples(loaded(seed_texts()[0][1])) == triples(docs[0])


def test_n_process_carries_the_document() -> None:
    texts = [t for _, t in seed_texts()]
    docs = list(ar(threads=1).pipe(texts, n_process=2, batch_size=2))
    assert [d._.khabar for d in docs] == khabar.analyze_batch(texts)
    assert [triples(d) for d in docs] == [triples(ar()(t)) for t in texts]


def test_serialized_document_reads_back_only_khabar_classes() -> None:
    evil = {"__khabar_document__": pickle.dumps(os.getcwd)}
    with pytest.raises(pickle.UnpicklingError, match="not a khabar class"):
        khabar.spacy._decode(evil)
    doc = khabar.analyze("وصل الوفد إلى طهران.")
    assert khabar.spacy._decode(khabar.spacy._encode(doc)) == doc
    # A khabar function is refused too; only classes are rebuilt.
    with pytest.raises(pickle.UnpicklingError):
        khabar.spacy._KhabarUnpickler(io.BytesIO(pickle.dumps(khabar.analyze))).load()


# Run by the browser before it dumps the DOM: the computed direction and,
# per highlight, the boxes of its text and of its label.
MEASURE = """<script>
const rows = [...document.querySelectorAll('mark')].map(m => {
  const r = document.createRange(); r.selectNodeContents(m.firstChild);
  const t = r.getBoundingClientRect(), l = m.querySelector('span').getBoundingClientRect();
  return [t.left, t.right, t.top, l.left, l.right, l.top].map(Math.round);
});
document.body.setAttribute('data-direction', getComputedStyle(document.querySelector('.entities')).direction);
document.body.setAttribute('data-boxes', JSON.stringify(rows));
</script>"""


def displacy_page(tmp_path: pathlib.Path, measure: bool = False) -> tuple[pathlib.Path, Any]:
    doc = ar()(seed_texts()[0][1])
    page = displacy.render(doc, style="ent", page=True, options=khabar.spacy.DISPLACY_OPTIONS)
    if measure:
        page = page.replace("</body>", MEASURE + "</body>")
    path = tmp_path / "ents.html"
    path.write_text(page, encoding="utf-8")
    return path, doc


def test_displacy_markup_is_right_to_left(tmp_path: pathlib.Path) -> None:
    path, doc = displacy_page(tmp_path)
    page = path.read_text(encoding="utf-8")
    assert spacy.blank("ar").vocab.writing_system["direction"] == "rtl"
    assert '<html lang="ar">' in page and 'class="entities" style="line-height: 2.5; direction: rtl"' in page
    assert page.count("<mark") == len(doc.ents)
    assert page.count("margin-right: 0.5rem") == len(doc.ents)  # the right-to-left template
    assert khabar.spacy.COLORS["EQUIPMENT"] in page or "EQUIPMENT" not in {s.label_ for s in doc.ents}
    for s in doc.ents:
        assert s.text in page


def test_displacy_in_headless_chromium(tmp_path: pathlib.Path) -> None:
    browser = find_chromium()
    if browser is None:
        if os.environ.get("KHABAR_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed (scripts/test.sh installs Debian's chromium)")
        pytest.skip("no chromium on this machine")
    path, doc = displacy_page(tmp_path, measure=True)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    dom = subprocess.run(
        [browser, *flags, "--window-size=1000,1400", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    marks = re.findall(r"<mark\b[^>]*>(.*?)</mark>", dom.stdout, flags=re.S)
    assert len(marks) == len(doc.ents)
    labels = [re.search(r"<span[^>]*>([A-Z]+)", m).group(1) for m in marks]  # type: ignore[union-attr]
    assert labels == [s.label_ for s in doc.ents]
    assert 'data-direction="rtl"' in dom.stdout
    boxes = json.loads(html.unescape(re.search(r'data-boxes="([^"]*)"', dom.stdout).group(1)))  # type: ignore[union-attr]
    assert len(boxes) == len(doc.ents)
    same_line = [(t_left, t_right, l_left, l_right) for t_left, t_right, t_top, l_left, l_right, l_top in boxes
                 if abs(t_top - l_top) < 12]
    assert len(same_line) > len(boxes) // 2
    # Right to left: each label sits left of its text, with the template's gap.
    for t_left, _t_right, _l_left, l_right in same_line:
        assert 4 <= t_left - l_right <= 30
    # And of two highlights on one line, the earlier one is further right.
    pairs = [(a, b) for a, b in zip(boxes, boxes[1:]) if abs(a[2] - b[2]) < 12]
    assert pairs and all(a[0] > b[1] for a, b in pairs)
    shot = tmp_path / "ents.png"
    subprocess.run(
        [browser, *flags, "--window-size=1000,1400", f"--screenshot={shot}", path.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 20_000
