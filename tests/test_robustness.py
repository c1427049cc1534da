"""Every entry point on hostile text: arbitrary and Arabic-heavy strings,
controls, NUL, lone surrogates, whitespace only; and one object shared by
eight threads."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khabar
from conftest import seed_texts

HOSTILE = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
    st.characters(min_codepoint=0, max_codepoint=0x1F),
    st.sampled_from(list("\u200c\u200d\u200e\u200f\u061c\ufeff\u00a0\u2028\u0640ـ٫٬،؛؟«»“” .:-/\\()\n\r\t0123456789")),
    st.characters(),
)


def entry_points(text: str) -> None:
    for profile in ("display", "search"):
        out, offsets = khabar.Normalizer(profile).normalize_with_offsets(text)
        assert len(out) == len(offsets)
    a = khabar.parse_article(text)
    assert isinstance(a.paragraphs, list)
    for d in khabar.find_dates(text, reference="2022-01-25"):
        assert text[d.start : d.end] == d.text
    for e in khabar.tag(text):
        assert text[e.start : e.end] == e.text
    doc = khabar.analyze(text)
    for e in doc.entities:
        assert text[e.start : e.end] == e.text


@settings(max_examples=150, deadline=None)
@given(st.text(HOSTILE, max_size=300))
def test_hostile_text_never_crashes(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        for call in (khabar.normalize, khabar.parse_article, khabar.find_dates, khabar.tag, khabar.analyze):
            with pytest.raises(UnicodeError):
                call(text)
        return
    entry_points(text)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\t \u00a0\u2009", ".\n.\n.\n", "\x00", "باكو\x00طهران", "\ufeff", "ـــ", "\u064b" * 1000, "a" * 100_000, "\u200f" * 5000],
)
def test_edge_inputs(text: str) -> None:
    entry_points(text)


def test_lone_surrogate_is_a_clear_error() -> None:
    for call in (khabar.normalize, khabar.parse_article, khabar.find_dates, khabar.tag, khabar.analyze):
        with pytest.raises(UnicodeError):
            call("طهران \ud800 باكو")


def _aligned(n: khabar.Normalizer, raw: str) -> list[tuple[int, int]]:
    """`to_original` of every word of `raw` normalized, through the
    `NormalizedText` of this call: what threads sharing a Normalizer use."""
    r = n.normalize_aligned(raw)
    spans, at = [], 0
    for word in r.text.split(" "):
        spans.append(r.to_original(at, at + len(word)))
        at += len(word) + 1
    return spans


def test_eight_threads_share_everything() -> None:
    raws = [t for _, t in seed_texts()]
    n = khabar.Normalizer()

    def one(r: str) -> object:
        return (n.normalize(r), _aligned(n, r), khabar.analyze(r).to_dict(), [e.to_dict() for e in khabar.tag(r)])

    expected = [one(r) for r in raws]
    results: list[object] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append([one(r) for r in raws])
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert results == [expected] * 8


@pytest.mark.parametrize("overlapped", [False, True])
@pytest.mark.parametrize("threads", [None, 1, 2])
def test_a_panic_in_a_batch_names_the_document(threads: int | None, overlapped: bool) -> None:
    # A Rust panic must never cross into Python as a crash: the batch
    # runners (normalize_batch and tag_batch; analyze_batch and khabar.arrow,
    # which build the output while the next chunk is analyzed) catch it per
    # document and raise PanicError -- a KhabarError -- with the index.
    from khabar import _khabar

    assert _khabar._batch_panic_probe(50, 999, threads, overlapped) == list(range(50))
    with pytest.raises(khabar.PanicError, match=r"items\[37\]") as info:
        _khabar._batch_panic_probe(50, 37, threads, overlapped)
    assert isinstance(info.value, khabar.KhabarError)
    assert info.value.index == 37  # type: ignore[attr-defined]
    assert "probe panic on document 37" in str(info.value)
    # The pool survives the panic: the next batch runs normally.
    assert khabar.tag_batch(["زار الرئيس الإيراني موسكو."] * 3, threads=threads)[2][0].text
