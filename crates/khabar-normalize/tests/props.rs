//! Properties over arbitrary Unicode and Arabic-heavy text: no panic,
//! idempotence, valid and monotonic alignment, exact mapping back.

use khabar_normalize::{normalize, Normalizer, Profile, Rules, Span};
use proptest::prelude::*;

/// Characters news text is made of, weighted towards the hard cases: harakat,
/// tatweel, hamza forms, Persian letters, presentation forms, controls,
/// whitespace variants, digits, Latin, emoji and joiners.
fn arabic_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::char::range('\u{0621}', '\u{064A}'),
        3 => prop::char::range('\u{064B}', '\u{0670}'),
        1 => prop::sample::select(vec!['\u{0640}', 'ی', 'ک', 'ۀ', 'ہ', 'ە', 'ٱ', 'ى', 'ة', 'ؤ', 'ئ', 'أ', 'إ', 'آ']),
        1 => prop::char::range('\u{0660}', '\u{066D}'),
        1 => prop::char::range('\u{06D6}', '\u{06FF}'),
        1 => prop::char::range('\u{FB50}', '\u{FDFF}'),
        1 => prop::char::range('\u{FE70}', '\u{FEFF}'),
        1 => prop::sample::select(vec![
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202B}', '\u{202C}',
            '\u{2067}', '\u{2069}', '\u{FEFF}', '\u{00AD}', '\u{00A0}', '\u{2009}', '\u{202F}', '\t', '\r',
            '\n', '\u{2028}', ' ', ' ', ' ', '«', '»', '“', '”', '،', '؟', '؛', '٫', '٬'
        ]),
        1 => prop::char::range('0', 'z'),
        1 => prop::sample::select(vec!['😀', '🔴', '👨', '\u{0301}', 'é', 'İ', 'ß', 'Σ', '\u{0654}', '\u{0655}']),
    ]
}

fn arabic_text() -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

fn any_rules() -> impl Strategy<Value = Rules> {
    prop::collection::vec(any::<bool>(), Rules::NAMES.len()).prop_map(|bits| {
        let mut r = Rules::default();
        for (name, on) in Rules::NAMES.iter().zip(bits) {
            r.set(name, on).unwrap();
        }
        r
    })
}

fn check_alignment(n: &Normalizer, text: &str) -> Result<(), TestCaseError> {
    let aligned = n.normalize_aligned(text).unwrap();
    prop_assert_eq!(aligned.text().to_owned(), n.normalize(text).into_owned());
    let mut prev = Span::new(0, 0);
    let mut count = 0;
    for (norm, orig) in aligned.char_spans() {
        prop_assert!(orig.is_valid_in(text), "range {orig:?} outside {text:?}");
        prop_assert!(
            !orig.is_empty(),
            "empty source for {:?}",
            &aligned.text()[norm]
        );
        prop_assert!(
            orig.start >= prev.start && orig.end >= prev.end,
            "not monotonic: {prev:?} then {orig:?}"
        );
        prev = orig;
        count += 1;
    }
    prop_assert_eq!(count, aligned.text().chars().count());
    // Every span of the normalized text maps to a valid span of the original.
    let bounds: Vec<usize> = aligned
        .text()
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(aligned.text().len()))
        .collect();
    for (a, &s) in bounds.iter().enumerate().step_by(3) {
        for &e in &bounds[a..] {
            let back = aligned.to_original(Span::new(s, e)).unwrap();
            prop_assert!(back.is_valid_in(text), "{s}..{e} maps to invalid {back:?}");
        }
    }
    // Off-boundary spans are rejected, not mapped.
    prop_assert!(aligned
        .to_original(Span::new(0, aligned.text().len() + 1))
        .is_err());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn search_is_idempotent_on_arabic(text in arabic_text()) {
        let once = normalize(&text, Profile::Search).into_owned();
        prop_assert_eq!(normalize(&once, Profile::Search).into_owned(), once.clone());
    }

    #[test]
    fn display_is_idempotent_on_arabic(text in arabic_text()) {
        let once = normalize(&text, Profile::Display).into_owned();
        prop_assert_eq!(normalize(&once, Profile::Display).into_owned(), once.clone());
    }

    #[test]
    fn search_after_display_is_search(text in arabic_text()) {
        let display = normalize(&text, Profile::Display).into_owned();
        prop_assert_eq!(normalize(&display, Profile::Search), normalize(&text, Profile::Search));
    }

    #[test]
    fn any_rules_are_idempotent(text in arabic_text(), rules in any_rules()) {
        let n = Normalizer::new(rules);
        let once = n.normalize(&text).into_owned();
        prop_assert_eq!(n.normalize(&once).into_owned(), once.clone(), "rules {:?}", rules);
    }

    #[test]
    fn alignment_is_valid_on_arabic(text in arabic_text(), rules in any_rules()) {
        check_alignment(&Normalizer::new(rules), &text)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        for p in [Profile::Display, Profile::Search] {
            let n = Normalizer::for_profile(p);
            let once = n.normalize(&text).into_owned();
            prop_assert_eq!(n.normalize(&once).into_owned(), once.clone());
            check_alignment(n, &text)?;
        }
    }
}

#[test]
fn unchanged_text_is_borrowed() {
    let text = "وزير الدفاع محمد باقري في طهران";
    assert!(matches!(
        normalize(text, Profile::Search),
        std::borrow::Cow::Borrowed(_)
    ));
    let aligned = Normalizer::for_profile(Profile::Search)
        .normalize_aligned(text)
        .unwrap();
    assert!(aligned.is_unchanged());
}

#[test]
fn seeds_are_idempotent_and_aligned() {
    for (name, text) in crate::seeds() {
        for p in [Profile::Display, Profile::Search] {
            let n = Normalizer::for_profile(p);
            let once = n.normalize(text).into_owned();
            assert_eq!(n.normalize(&once), once, "{name} {p:?}");
            let aligned = n.normalize_aligned(text).unwrap();
            for (norm, orig) in aligned.char_spans() {
                assert!(orig.is_valid_in(text), "{name}: {norm:?} -> {orig:?}");
            }
        }
    }
}

/// 512 cases per property; `PROPTEST_CASES` raises it for a long hunt.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

fn check_wide(n: &Normalizer, text: &str) -> Result<(), TestCaseError> {
    let expected = n.normalize(text).into_owned();
    let units: Vec<u16> = text.encode_utf16().collect();
    if text.chars().all(|c| (c as u32) < 0x10000) {
        if let Some(out) = n.normalize_ucs2(&units) {
            prop_assert_eq!(String::from_utf16(&out).unwrap(), expected.clone());
        }
    }
    let wide: Vec<u32> = text.chars().map(|c| c as u32).collect();
    if let Some(out) = n.normalize_ucs4(&wide) {
        let got: String = out.iter().map(|&u| char::from_u32(u).unwrap()).collect();
        prop_assert_eq!(got, expected);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn wide_inputs_agree_with_utf8(text in arabic_text(), rules in any_rules()) {
        check_wide(&Normalizer::new(rules), &text)?;
    }

    #[test]
    fn wide_inputs_agree_on_any_text(text in any::<String>()) {
        check_wide(Normalizer::for_profile(Profile::Search), &text)?;
        check_wide(Normalizer::for_profile(Profile::Display), &text)?;
    }
}

#[test]
fn wide_path_takes_news_text_and_refuses_surrogates() {
    let n = Normalizer::for_profile(Profile::Search);
    for (name, text) in crate::seeds() {
        let units: Vec<u16> = text.encode_utf16().collect();
        let out = n
            .normalize_ucs2(&units)
            .unwrap_or_else(|| panic!("{name}: fast path refused"));
        assert_eq!(
            String::from_utf16(&out).unwrap(),
            n.normalize(text),
            "{name}"
        );
    }
    assert!(n.normalize_ucs2(&[0x0628, 0xD800, 0x0627]).is_none());
    let same: Vec<u16> = "باكو".encode_utf16().collect();
    assert!(matches!(
        n.normalize_ucs2(&same),
        Some(std::borrow::Cow::Borrowed(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn normalize_into_agrees(text in arabic_text(), rules in any_rules(), junk in ".{0,20}") {
        let n = Normalizer::new(rules);
        let mut out = junk;
        let changed = n.normalize_into(&text, &mut out);
        let expected = n.normalize(&text);
        if !changed {
            prop_assert_eq!(&expected, &text);
        }
        prop_assert_eq!(out, expected.into_owned());
    }
}

/// Long runs of what context rules look past (tatweels, kept marks,
/// presentation harakat): each rule used to rescan the rest of the run, so
/// 100k tatweels took minutes. The pass is linear now; a regression would
/// hang here instead of reaching the checks.
#[test]
fn long_invisible_runs_stay_linear() {
    for unit in ["ـ", "ـَ", "بَـ", "ﳲ", "١٬ـ", "َـ"] {
        let text = unit.repeat(100_000);
        for p in [Profile::Search, Profile::Display] {
            let n = Normalizer::for_profile(p);
            let out = n.normalize(&text).into_owned();
            assert!(!out.contains('ـ'), "{unit:?} {p:?}: tatweel left");
            assert_eq!(
                n.normalize(&out),
                out.as_str(),
                "{unit:?} {p:?}: not idempotent"
            );
            let aligned = n.normalize_aligned(&text).unwrap();
            assert_eq!(aligned.text(), out, "{unit:?} {p:?}: aligned path differs");
            check_wide(n, &text).unwrap();
        }
    }
}
