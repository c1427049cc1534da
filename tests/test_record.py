"""The document record is defined once, in Rust (khabar::record): the Python
Document, to_dict(), Arrow and pandas follow its field table; exceptions
carry structured attributes."""

from __future__ import annotations

import dataclasses

import pytest

import khabar
import khabar.arrow
from khabar import _khabar


def test_to_dict_and_arrow_follow_the_rust_table() -> None:
    doc = khabar.analyze("عنوان الخبر\n\nقال الرئيس الفرنسي إيمانويل ماكرون في باريس أمس إن المحادثات مستمرة.\n")
    names = [f[0] for f in _khabar.DOCUMENT_FIELDS]
    assert list(doc.to_dict()) == names
    assert [f[0] for f in _khabar.ENTITY_FIELDS] == list(doc.entities[0].to_dict())
    pa = pytest.importorskip("pyarrow")
    assert khabar.arrow.document_schema().names == names
    batch = khabar.arrow.analyze(pa.array([doc.title]))
    assert batch.schema.names == names


def test_the_dataclass_has_every_field_of_the_record() -> None:
    fields = {f.name for f in dataclasses.fields(khabar.Document)}
    # The paragraphs record is four parallel lists on a Document.
    record = {f[0] for f in _khabar.DOCUMENT_FIELDS} - {"paragraphs"}
    assert record <= fields
    assert fields - record == {"paragraphs", "paragraph_kinds", "paragraph_lines", "paragraph_spans"}


def test_labels_come_from_rust_and_name_the_pandas_categories() -> None:
    assert khabar.LABELS == ("PERSON", "ORG", "GPE", "LOC", "NORP", "EQUIPMENT", "DATE", "MISC")
    pytest.importorskip("pandas")
    _, ents = khabar.to_pandas([khabar.analyze("زار الرئيس إبراهيم رئيسي موسكو.")])
    assert tuple(ents["label"].cat.categories) == khabar.LABELS
    # A nested record (`role`) is flattened to a column per field of its own.
    expected = ["doc_id"]
    for name, kind, *sub in _khabar.ENTITY_FIELDS:
        expected += [f"{name}_{f[0]}" for f in sub[0]] if kind == "record" else [name]
    assert list(ents.columns) == expected
    assert "role_office" in expected and "role_of" in expected
    (raisi,) = ents[ents["text"] == "إبراهيم رئيسي"].itertuples()
    assert raisi.role_office == "president" and raisi.role_text == "الرئيس"


def test_model_error_names_its_line() -> None:
    with pytest.raises(khabar.ModelError) as e:
        khabar.Tagger.from_conll("محمد B-PERS\nزار\n")
    assert e.value.line == 2 and "line 2" in str(e.value)
    with pytest.raises(khabar.ModelError) as e:
        khabar.Tagger.from_bytes(b"not a model")
    assert e.value.line is None


@pytest.mark.parametrize("overlapped", [False, True])
def test_a_batch_panic_names_its_index(overlapped: bool) -> None:
    with pytest.raises(khabar.PanicError) as e:
        _khabar._batch_panic_probe(20, 7, threads=2, overlapped=overlapped)
    assert e.value.index == 7 and "items[7]" in str(e.value)
