"""khabar.tag / khabar.tag_batch / khabar.Entity."""

import json
import pathlib
import pickle
import random

import pytest

import khabar

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


def test_offsets_are_code_points():
    text = "استقبل العميد الركن محمد حسين باقري في طهران السفير الأذربيجاني 😀 وقال باقري إن وأذربيجان جارة."
    ents = khabar.tag(text)
    assert ents
    for e in ents:
        assert text[e.start : e.end] == e.text
        assert e.label in {"PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "DATE", "MISC"}
        assert 0.0 <= e.score <= 1.0
    by_text = {e.text: e for e in ents}
    assert by_text["محمد حسين باقري"].label == "PERSON"
    assert by_text["محمد حسين باقري"].title == "العميد الركن"
    assert by_text["باقري"].canonical == by_text["محمد حسين باقري"].canonical
    assert by_text["الأذربيجاني"].label == "NORP"
    assert by_text["الأذربيجاني"].canonical == "Azerbaijan"
    assert by_text["أذربيجان"].canonical == "Azerbaijan"


def test_dates_have_values():
    ents = khabar.tag("وصل الوفد إلى باكو يوم السبت 22 كانون الثاني 2022.")
    dates = [e for e in ents if e.label == "DATE"]
    assert dates and dates[0].value == "2022-01-22"


def test_to_dict_and_pickle():
    (e, *_) = khabar.tag("زار الرئيس إبراهيم رئيسي موسكو.")
    d = e.to_dict()
    assert d["text"] == e.text and d["start"] == e.start and d["label"] == e.label
    assert pickle.loads(pickle.dumps(e)) == e
    json.dumps(d, ensure_ascii=False)


SOURCES = {"model", "gazetteer", "propagated", "dates"}


def test_every_entity_says_which_layer_made_it():
    text = "قتل ثلاثة جنود في مالي أمس. وزار الرئيس إبراهيم رئيسي موسكو في 22 كانون الثاني 2022."
    ents = khabar.tag(text)
    by_text = {e.text: e for e in ents}
    assert by_text["مالي"].source == "rule:gpe_hidden_by_stop_word"
    assert by_text["22 كانون الثاني 2022"].source == "dates"
    for e in ents:
        assert e.source in SOURCES or e.source.startswith("rule:"), e
        assert e.to_dict()["source"] == e.source
        back = pickle.loads(pickle.dumps(e))
        assert back == e and back.source == e.source
    # A hand-built entity: "model" unless told; an unknown source is refused.
    assert khabar.Entity("x", "GPE", 0, 1, "x").source == "model"
    assert khabar.Entity("x", "GPE", 0, 1, "x", source="gazetteer").source == "gazetteer"
    with pytest.raises(ValueError, match="unknown entity source"):
        khabar.Entity("x", "GPE", 0, 1, "x", source="guess")


def test_articles_spans_and_batch():
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    batch = khabar.tag_batch(texts)
    assert len(batch) == len(texts)
    for text, ents in zip(texts, batch):
        assert ents == khabar.tag(text)
        last = 0
        for e in ents:
            assert text[e.start : e.end] == e.text
            assert e.start >= last
            last = e.end
    assert khabar.tag_batch(texts, threads=1) == batch
    with pytest.raises(ValueError):
        khabar.tag_batch(texts, threads=0)


def test_type_errors():
    with pytest.raises(TypeError):
        khabar.tag(b"bytes")
    with pytest.raises(TypeError):
        khabar.tag_batch(["ok", 3])


def test_random_input_never_fails():
    rng = random.Random(7)
    alphabet = "وفبلكالمحدينرسطهإأآةىئؤء ـًٌٍَُِّْ\u200c\u200fیک0123456789AZaz.,،؟\n\r-😀"
    for _ in range(300):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        for e in khabar.tag(s):
            assert s[e.start : e.end] == e.text


def test_tag_batch_rejects_a_single_str():
    with pytest.raises(TypeError, match=r"expected a sequence of str, got str; use khabar\.tag\(text\) for one text"):
        khabar.tag_batch("أحمد")
    # A str subclass is still one text.
    class Text(str):
        pass

    with pytest.raises(TypeError, match="got str"):
        khabar.tag_batch(Text("أحمد"))
    assert len(khabar.tag_batch(("زار الرئيس إبراهيم رئيسي موسكو.",))) == 1


@pytest.mark.parametrize("threads", [-1, 0])
def test_tag_batch_bad_threads_is_a_value_error(threads):
    with pytest.raises(ValueError, match=f"threads must be a positive int or None, not {threads}"):
        khabar.tag_batch(["أحمد"], threads=threads)
    # Checked before any work: an empty batch too.
    with pytest.raises(ValueError, match="threads"):
        khabar.tag_batch([], threads=threads)


def test_entity_negative_offsets_are_value_errors():
    with pytest.raises(ValueError, match="start must be a non-negative int, not -1"):
        khabar.Entity("أحمد", "PERSON", -1, 4, "Ahmad")
    with pytest.raises(ValueError, match="end must be a non-negative int, not -4"):
        khabar.Entity("أحمد", "PERSON", 0, -4, "Ahmad")
    with pytest.raises(ValueError, match="start 5 > end 4"):
        khabar.Entity("أحمد", "PERSON", 5, 4, "Ahmad")
    assert khabar.Entity("أحمد", "PERSON", 0, 4, "Ahmad").end == 4


def test_entity_repr_is_python_style():
    e = khabar.Entity("أَحمد", "PERSON", 3, 8, "Ahmad")
    assert repr(e) == "Entity(text='أَحمد', label='PERSON', start=3, end=8, canonical='Ahmad')"
