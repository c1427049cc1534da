"""khabar.Tagger: the shipped tagger, training on CoNLL data, saving,
loading and pickling, and using a trained tagger in the pipeline."""

import pathlib
import pickle

import pytest

import khabar
from conftest import anercorp_train_head

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))

# Sentences written for these tests: an invented surname that is a person
# and an invented town that is a place, neither in ANERcorp nor the
# gazetteers.
INVENTED = "".join(
    "وقال O\nالوزير O\nسليم B-PERS\nزرقوني I-PERS\nفي O\nقرطاسة B-LOC\nإن O\nالمحادثات O\nمستمرة O\n. O\n\n"
    for _ in range(3)
)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> khabar.Tagger:
    path = tmp_path_factory.mktemp("conll") / "train.conll"
    path.write_text(anercorp_train_head(300) + INVENTED, encoding="utf-8")
    return khabar.Tagger.train(path, epochs=5, bag=2)


def test_the_shipped_tagger_is_the_default():
    t = khabar.Tagger()
    assert t.shipped and repr(t) == "Tagger()"
    text = ARTICLES[0].read_text(encoding="utf-8")
    assert t.tag(text) == khabar.tag(text)
    assert khabar.analyze(text, tagger=t).entities == khabar.analyze(text).entities
    assert pickle.loads(pickle.dumps(t)).shipped


def test_a_trained_tagger_learns_its_names(trained: khabar.Tagger):
    assert not trained.shipped
    text = "وأكد سليم زرقوني أمس في قرطاسة أن الاتفاق قريب."
    ents = trained.tag(text)
    for e in ents:
        assert text[e.start : e.end] == e.text
    labels = {e.text: e.label for e in ents}
    assert labels.get("سليم زرقوني") == "PERSON", ents
    assert labels.get("قرطاسة") in {"GPE", "LOC"}, ents


def test_the_pipeline_runs_a_given_tagger(trained: khabar.Tagger):
    raws = [p.read_text(encoding="utf-8") for p in ARTICLES]
    one = [khabar.analyze(r, tagger=trained) for r in raws]
    for raw, doc in zip(raws, one):
        for e in doc.entities:
            assert raw[e.start : e.end] == e.text
    for threads in (1, 2):
        batch = khabar.analyze_batch(raws, threads=threads, tagger=trained)
        assert [d.entities for d in batch] == [d.entities for d in one]
    assert trained.tag_batch(raws, threads=2) == [trained.tag(r) for r in raws]
    assert khabar.tag_batch(raws, threads=2, tagger=trained) == [khabar.tag(r, tagger=trained) for r in raws]
    assert [khabar.tag(r, tagger=trained) for r in raws] == [trained.tag(r) for r in raws]
    # A model trained on 300 sentences is not the shipped one.
    assert [d.entities for d in one] != [khabar.analyze(r).entities for r in raws]


def test_save_load_bytes_and_pickle_round_trip(trained: khabar.Tagger, tmp_path: pathlib.Path):
    text = ARTICLES[1].read_text(encoding="utf-8")
    want = trained.tag(text)
    path = tmp_path / "model.ktag"
    trained.save(path)
    assert path.read_bytes() == trained.to_bytes()
    for again in (
        khabar.Tagger.load(path),
        khabar.Tagger.load(str(path)),
        khabar.Tagger.from_bytes(trained.to_bytes()),
        pickle.loads(pickle.dumps(trained)),
    ):
        assert not again.shipped
        assert again.tag(text) == want
    # The shipped model saves as the file the crate embeds.
    embedded = ROOT / "crates" / "khabar-tag" / "data" / "model.bin"
    assert khabar.Tagger().to_bytes() == embedded.read_bytes()


def test_training_is_deterministic():
    conll = anercorp_train_head(60) + INVENTED
    a = khabar.Tagger.from_conll(conll, epochs=2, bag=1, seed=7)
    b = khabar.Tagger.from_conll(conll, epochs=2, bag=1, seed=7)
    assert a.to_bytes() == b.to_bytes()


def test_bad_training_data_names_its_line(tmp_path: pathlib.Path):
    with pytest.raises(khabar.ModelError, match=r"line 3: unknown tag `B-NAME`"):
        khabar.Tagger.from_conll("زار O\n\nسامي B-NAME\n", bag=1, epochs=1)
    with pytest.raises(khabar.ModelError, match=r"line 1: expected `token tag`"):
        khabar.Tagger.from_conll("سامي\n", bag=1, epochs=1)
    with pytest.raises(khabar.ModelError, match="no sentences"):
        khabar.Tagger.from_conll("\n\n", bag=1, epochs=1)
    bad = tmp_path / "latin1.conll"
    bad.write_bytes("caf\xe9 O\n".encode("latin-1"))
    with pytest.raises(khabar.ModelError, match="not UTF-8"):
        khabar.Tagger.train(bad)
    with pytest.raises(OSError, match="missing.conll"):
        khabar.Tagger.train(tmp_path / "missing.conll")
    # CoNLL-2003 spellings are fine: tabs, PER, -DOCSTART-.
    khabar.Tagger.from_conll("-DOCSTART- O\n\nسامي\tB-PER\nزار\tO\n", bag=1, epochs=1)


def test_bad_options_and_arguments():
    for kw in ({"epochs": 0}, {"bag": 0}, {"bag": -1}):
        with pytest.raises(ValueError, match="positive int"):
            khabar.Tagger.from_conll("زار O\n", **kw)
    with pytest.raises(ValueError, match="bag must be at most 64"):
        khabar.Tagger.from_conll("زار O\n", bag=10_000)
    with pytest.raises(ValueError, match="finite"):
        khabar.Tagger.from_conll("زار O\n", bag=1, epochs=1, bias=(float("nan"), 4.0, 8.0, 12.0))
    with pytest.raises(TypeError):
        khabar.Tagger.from_conll(b"zar O\n")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="khabar.Tagger"):
        khabar.analyze("نص", tagger="shipped")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="khabar.Tagger"):
        khabar.analyze_batch(["نص"], tagger=object())  # type: ignore[arg-type]


def test_model_files_that_are_not_whole_are_refused(tmp_path: pathlib.Path):
    good = khabar.Tagger().to_bytes()
    for data in (b"", b"KTAG", b"not a model", good[: len(good) // 2], good[:100]):
        with pytest.raises(khabar.ModelError, match="not a khabar tagger model"):
            khabar.Tagger.from_bytes(data)
    path = tmp_path / "junk.ktag"
    path.write_bytes(b"\x00" * 64)
    with pytest.raises(khabar.ModelError):
        khabar.Tagger.load(path)


def test_evaluate_scores_a_conll_file(trained: khabar.Tagger, tmp_path: pathlib.Path):
    path = tmp_path / "head.conll"
    path.write_text(anercorp_train_head(200), encoding="utf-8")
    shipped = khabar.Tagger().evaluate(path)
    assert set(shipped) >= {"PERS", "LOC", "all"}
    total = shipped["all"]
    assert total["support"] == sum(v["support"] for k, v in shipped.items() if k != "all")
    assert 0.85 < total["f1"] <= 1.0  # its own training data
    p, r = total["precision"], total["recall"]
    assert abs(total["f1"] - 2 * p * r / (p + r)) < 1e-9
    assert total["correct"] <= min(total["predicted"], total["support"])
    # On sentences 300-600, which only the shipped tagger was trained on,
    # the small tagger (300 sentences) is weaker. (On the 200 above, which
    # both saw, it can fit its own data as well as the shipped one.)
    unseen = tmp_path / "unseen.conll"
    unseen.write_text(anercorp_train_head(600)[len(anercorp_train_head(300)) :], encoding="utf-8")
    assert trained.evaluate(unseen)["all"]["f1"] < khabar.Tagger().evaluate(unseen)["all"]["f1"]
    # The whole tagger on 50-sentence texts: the same gold, its own spans.
    whole = khabar.Tagger().evaluate(path, in_context=50)
    assert whole["all"]["support"] == total["support"]
    assert 0.5 < whole["all"]["f1"] <= 1.0
    assert whole["all"]["predicted"] != total["predicted"]
    with pytest.raises(ValueError, match="in_context must be"):
        khabar.Tagger().evaluate(path, in_context=0)
    bad = tmp_path / "bad.conll"
    bad.write_text("زار B-NAME\n", encoding="utf-8")
    with pytest.raises(khabar.ModelError, match="bad.conll: line 1"):
        khabar.Tagger().evaluate(bad)
