"""khabar.normalize / Normalizer / NormalizedText on the shared table, the
sample articles, bad input, pickling, threads and generated text."""

from __future__ import annotations

import pickle
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khabar
from conftest import load_table, seed_texts

TABLE = load_table("normalize.toml")["case"]


def normalizer_for(case: dict) -> khabar.Normalizer:
    profile = case.get("profile", "search")
    rules: dict[str, bool] = {}
    if "only" in case:
        rules = {name: name == case["only"] for name in khabar.RULES}
    for name in case.get("off", []):
        rules[name] = False
    return khabar.Normalizer(profile, **rules)


@pytest.mark.parametrize("case", TABLE, ids=[c["name"] for c in TABLE])
def test_table_case(case: dict) -> None:
    n = normalizer_for(case)
    assert n.normalize(case["input"]) == case["expected"]
    if "only" not in case and "off" not in case:
        assert khabar.normalize(case["input"], case.get("profile", "search")) == case["expected"]


@pytest.mark.parametrize("case", [c for c in TABLE if c.get("spans")], ids=lambda c: c["name"])
def test_table_spans_map_back(case: dict) -> None:
    n = normalizer_for(case)
    out, offsets = n.normalize_with_offsets(case["input"])
    for norm, orig in case["spans"]:
        s = out.index(norm)
        start, end = n.to_original(s, s + len(norm))
        o = case["input"].index(orig)
        assert (start, end) == (o, o + len(orig)), (norm, case["input"][start:end])


def check_offsets(text: str, out: str, offsets: list[tuple[int, int]]) -> None:
    assert len(offsets) == len(out)
    prev = (0, 0)
    for s, e in offsets:
        assert 0 <= s < e <= len(text)
        assert s >= prev[0] and e >= prev[1]
        prev = (s, e)


@pytest.mark.parametrize("profile", ["display", "search"])
def test_seed_articles(profile: str) -> None:
    n = khabar.Normalizer(profile)
    for name, text in seed_texts():
        out, offsets = n.normalize_with_offsets(text)
        check_offsets(text, out, offsets)
        assert n.normalize(out) == out, name
        # Every Arabic word of the output maps back to a span of the input that
        # normalizes to that word.
        pos = 0
        for word in out.split()[:200]:
            i = out.index(word, pos)
            pos = i + len(word)
            s, e = n.to_original(i, i + len(word))
            assert n.normalize(text[s:e]) == word, (name, word, text[s:e])


def test_search_folds_real_spelling_variants() -> None:
    assert khabar.normalize("قرائي أشتياني") == khabar.normalize("قرايي آشتياني")
    assert khabar.normalize("على خامنئي") == khabar.normalize("علي خامنئي")
    assert khabar.normalize("وزیرا الدفاع الایرانی") == "وزيرا الدفاع الايراني"


def test_unchanged_text_returns_the_same_object() -> None:
    text = "وزير الدفاع في طهران " * 10
    assert khabar.normalize(text) is text


def test_display_then_search_is_search() -> None:
    for _, text in seed_texts():
        assert khabar.normalize(khabar.normalize(text, "display"), "search") == khabar.normalize(text)


def test_unknown_profile_is_a_value_error_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError, match=r'"nope".*display, search'):
        khabar.normalize("x", "nope")
    with pytest.raises(ValueError, match="nope"):
        khabar.Normalizer("nope")


def test_unknown_rule_is_a_value_error_listing_rules() -> None:
    with pytest.raises(ValueError, match=r"fold_everything.*fold_teh_marbuta"):
        khabar.Normalizer("search", fold_everything=True)


def test_rule_values_must_be_bool() -> None:
    with pytest.raises(TypeError, match="fold_teh_marbuta"):
        khabar.Normalizer("search", fold_teh_marbuta="no")


@pytest.mark.parametrize("bad", [b"x", 3, None, ["x"]])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        khabar.normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        khabar.Normalizer().normalize_with_offsets(bad)  # type: ignore[arg-type]


def test_lone_surrogate_is_a_unicode_error() -> None:
    with pytest.raises(UnicodeError):
        khabar.normalize("باكو\ud800")


def test_to_original_needs_a_previous_call_and_a_valid_span() -> None:
    n = khabar.Normalizer()
    with pytest.raises(ValueError, match="normalize_with_offsets"):
        n.to_original(0, 1)
    out, _ = n.normalize_with_offsets("أَحْمَد")
    assert n.to_original(0, len(out)) == (0, 7)
    with pytest.raises(khabar.SpanError):
        n.to_original(0, len(out) + 1)
    with pytest.raises(khabar.SpanError):
        n.to_original(3, 2)
    assert issubclass(khabar.SpanError, khabar.KhabarError)


def test_normalized_text_object() -> None:
    n = khabar.Normalizer("search")
    text = "قال مُحَمَّد بـ«الله»"
    r = n.normalize_aligned(text)
    assert r.text == 'قال محمد ب"الله"'
    assert r.original is text
    assert len(r) == len(r.text) == len(r.offsets)
    i = r.text.index("محمد")
    s, e = r.to_original(i, i + 4)
    assert text[s:e] == "مُحَمَّد"
    assert "NormalizedText" in repr(r)


def test_rules_and_repr() -> None:
    n = khabar.Normalizer("search", fold_teh_marbuta=False)
    assert n.profile == "search"
    assert n.rules["fold_teh_marbuta"] is False and n.rules["fold_alef"] is True
    assert set(n.rules) == set(khabar.RULES)
    assert repr(n) == "Normalizer('search', fold_teh_marbuta=False)"
    assert repr(khabar.Normalizer()) == "Normalizer('search')"


def test_pickle_round_trip() -> None:
    n = khabar.Normalizer("display", fold_digits=True)
    m = pickle.loads(pickle.dumps(n))
    assert m.rules == n.rules and m.profile == "display"
    assert m.normalize("٢٥ يناير") == "25 يناير"


def test_batch_matches_single_and_keeps_order() -> None:
    texts = [t for _, t in seed_texts()] * 4
    n = khabar.Normalizer()
    expected = [n.normalize(t) for t in texts]
    assert n.normalize_batch(texts) == expected
    assert n.normalize_batch(texts, threads=1) == expected
    assert n.normalize_batch(texts, threads=2) == expected
    with pytest.raises(ValueError, match="threads must be a positive int or None, not 0"):
        n.normalize_batch(texts, threads=0)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        n.normalize_batch(["ok", b"bad"])


def test_batch_across_chunks_and_string_kinds() -> None:
    # 1.5 MB: more than one chunk of the batch runner (1 MiB of text each),
    # with str of every storage kind between the articles, so that the order
    # must hold across chunks: 1-byte (ASCII), 2-byte (Arabic), 4-byte (an
    # emoji) and a text the 2-byte path hands back to UTF-8 (NFC work: alef
    # followed by a combining hamza).
    seeds = [t for _, t in seed_texts()]
    odd = ["plain ASCII", "خبر 😀 عاجل", "ا\u0654حمد", ""]
    texts = [x for i in range(250) for x in (seeds[i % 5], odd[i % 4])]
    n = khabar.Normalizer()
    expected = [n.normalize(t) for t in texts]
    assert expected[5] == "احمد" and expected[3] == "خبر 😀 عاجل"
    for threads in (None, 1, 2):
        assert n.normalize_batch(texts, threads=threads) == expected
    # A short batch runs on the calling thread: the same results.
    assert n.normalize_batch(odd) == [n.normalize(t) for t in odd]


def test_threads_share_one_normalizer() -> None:
    n = khabar.Normalizer()
    texts = [t * 20 for _, t in seed_texts()]  # large enough to release the GIL
    expected = [n.normalize(t) for t in texts]
    results: list[list[str]] = []

    def work() -> None:
        results.append([n.normalize(t) for t in texts])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 8


def test_large_input() -> None:
    text = "".join(t for _, t in seed_texts()) * 200  # ~ 5 MB
    out, offsets = khabar.Normalizer().normalize_with_offsets(text)
    assert len(offsets) == len(out)
    assert offsets[-1][1] <= len(text)


ARABIC = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
    st.sampled_from(list("\u200c\u200d\u200e\u200f\u061c\ufeff\u00a0\u2009\t\r\n  «»“”،؟٫٬ـ😀é")),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
)


@settings(max_examples=300, deadline=None)
@given(st.text(ARABIC, max_size=60), st.sampled_from(["display", "search"]))
def test_properties_on_arabic(text: str, profile: str) -> None:
    n = khabar.Normalizer(profile)
    out, offsets = n.normalize_with_offsets(text)
    check_offsets(text, out, offsets)
    assert n.normalize(out) == out
    for i in range(0, len(out) + 1, 3):
        for j in range(i, len(out) + 1, 4):
            s, e = n.to_original(i, j)
            assert 0 <= s <= e <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_properties_on_any_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(UnicodeError):
            khabar.normalize(text)
        return
    for profile in ("display", "search"):
        out = khabar.normalize(text, profile)
        assert khabar.normalize(out, profile) == out
    assert khabar.normalize(khabar.normalize(text, "display")) == khabar.normalize(text)


def test_span_error_speaks_in_code_points() -> None:
    # "أَحْمَد" normalizes to "احمد": 4 code points (8 UTF-8 bytes). Python
    # offsets are str indices, so the message must say 4 code points.
    n = khabar.Normalizer()
    out, _ = n.normalize_with_offsets("أَحْمَد")
    assert len(out) == 4
    with pytest.raises(khabar.SpanError, match=r"span 0:5 .*length 4 code points") as e:
        n.to_original(0, 5)
    assert "bytes" not in str(e.value)
    with pytest.raises(khabar.SpanError, match="length 4 code points"):
        n.normalize_aligned("أَحْمَد").to_original(3, 2)


def test_negative_offsets_are_value_errors_naming_the_argument() -> None:
    n = khabar.Normalizer()
    n.normalize_with_offsets("أَحْمَد")
    with pytest.raises(ValueError, match="start must be a non-negative int, not -1"):
        n.to_original(-1, 2)
    with pytest.raises(ValueError, match="end must be a non-negative int, not -2"):
        n.to_original(0, -2)
    r = n.normalize_aligned("أَحْمَد")
    with pytest.raises(ValueError, match="start must be a non-negative int"):
        r.to_original(-1, 2)


def test_normalize_batch_rejects_a_single_str() -> None:
    n = khabar.Normalizer()
    with pytest.raises(TypeError, match=r"expected a sequence of str, got str; use Normalizer\.normalize\(text\)"):
        n.normalize_batch("أحمد")
    assert n.normalize_batch(("أحمد", "إبراهيم")) == ["احمد", "ابراهيم"]
    assert n.normalize_batch(t for t in ["أحمد"]) == ["احمد"]


@pytest.mark.parametrize("threads", [-1, 0])
def test_normalize_batch_bad_threads_is_a_value_error(threads: int) -> None:
    with pytest.raises(ValueError, match=f"threads must be a positive int or None, not {threads}"):
        khabar.Normalizer().normalize_batch(["أحمد"], threads=threads)


def test_normalized_text_repr_is_python_style() -> None:
    r = khabar.Normalizer().normalize_aligned("قال مُحَمَّد")
    assert repr(r) == "NormalizedText(text='قال محمد', len=8)"


def test_to_original_maps_the_last_call_normalize_aligned_its_own() -> None:
    # As documented: Normalizer.to_original maps spans of the most recent
    # normalize_with_offsets call on that object; a NormalizedText keeps its
    # own alignment, whatever the Normalizer does afterwards.
    n = khabar.Normalizer()
    first = n.normalize_aligned("قال مُحَمَّد")
    n.normalize_with_offsets("قال مُحَمَّد")
    assert n.to_original(4, 8) == (4, 12)
    n.normalize_with_offsets("مُحَمَّد قال")
    assert n.to_original(4, 8) == (8, 12)  # now a span of the second text
    n.normalize_aligned("كلام آخر تماما")  # does not touch to_original's state
    assert n.to_original(4, 8) == (8, 12)
    assert first.to_original(4, 8) == (4, 12)


def test_threads_sharing_a_normalizer_use_normalize_aligned() -> None:
    import threading

    n = khabar.Normalizer()
    texts = [f"قال مُحَمَّد {'ـ' * i} في طهران" for i in range(16)]
    expected = {t: (n.normalize_aligned(t).text, n.normalize_aligned(t).to_original(0, 3)) for t in texts}
    bad: list[object] = []

    def work(k: int) -> None:
        for _ in range(200):
            for t in texts[k::2]:
                r = n.normalize_aligned(t)
                if (r.text, r.to_original(0, 3)) != expected[t] or t[slice(*r.to_original(4, 8))] != "مُحَمَّد":
                    bad.append(t)

    threads = [threading.Thread(target=work, args=(k % 2,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not bad
