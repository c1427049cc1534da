//! No input makes `parse` panic; every non-empty line is accounted for;
//! every span is valid and points at its text. (The properties of
//! `find_dates` are tested in khabar-dates.)

use khabar_article::{parse, Hints};
use proptest::prelude::*;

fn non_empty_lines(raw: &str) -> Vec<usize> {
    raw.split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect()
}

fn check_article(raw: &str) {
    let a = parse(raw, &Hints::default());
    let roles: Vec<usize> = a.line_roles().iter().map(|r| r.0).collect();
    assert_eq!(
        roles,
        non_empty_lines(raw),
        "help: accounting invariant broken for {raw:?}"
    );
    for p in &a.paragraphs {
        assert!(p.span.is_valid_in(raw));
        assert_eq!(&raw[p.span.range()], p.text);
    }
    for d in &a.dropped {
        assert!(d.span.is_valid_in(raw));
        assert_eq!(&raw[d.span.range()], d.text);
    }
    for r in &a.related {
        assert!(r.span.is_valid_in(raw));
    }
    if let Some(p) = &a.published {
        if let Some(s) = p.span {
            assert!(s.is_valid_in(raw));
        }
    }
}

/// Pieces that make Arabic news text, scraping residue and date expressions,
/// with harakat, tatweel, ZWNJ, bidi marks, CRLF, Persian letters and digits.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("يناير".to_owned()),
        Just("كانون الثاني \\ يناير".to_owned()),
        Just("فبراير/شباط".to_owned()),
        Just("أكتوبر (تشرين الأول)".to_owned()),
        Just("الـ3 من".to_owned()),
        Just("الثلاثاء".to_owned()),
        Just("الماضي".to_owned()),
        Just("منتصف".to_owned()),
        Just("منذ".to_owned()),
        Just("أمس".to_owned()),
        Just("رمضان 1443 هـ".to_owned()),
        Just("١٤/١١/٢٠١٦".to_owned()),
        Just("10/20/2021".to_owned()),
        Just("16:28".to_owned()),
        Just("صباحاً".to_owned()),
        Just("اقرأ المزيد:".to_owned()),
        Just("شارك:".to_owned()),
        Just("اقرأ المزيد： عنوان".to_owned()),
        Just("بقلم： كاتب".to_owned()),
        Just("بقلم：".to_owned()),
        Just("تعليق".to_owned()),
        Just("نشر في:".to_owned()),
        Just("مزيد من الأخبار".to_owned()),
        Just("نوای همسایه".to_owned()),
        Just("https://example.com/x".to_owned()),
        Just(".".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("\u{640}".to_owned()),
        Just("\u{64e}".to_owned()),
        Just("\u{200c}".to_owned()),
        Just("\u{200f}".to_owned()),
        Just("😀".to_owned()),
        Just("وقال الوزير إن المحادثات ستستمر.".to_owned()),
        "[0-9٠-٩/:.\\-]{1,6}".prop_map(|s| s),
        "\\PC{0,8}".prop_map(|s| s),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_any_string(s in "\\PC{0,400}") {
        check_article(&s);
    }

    #[test]
    fn parse_arabic_pieces(s in article_text()) {
        check_article(&s);
    }

    #[test]
    fn parse_binary_looking(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let s = String::from_utf8_lossy(&bytes).into_owned();
        check_article(&s);
    }
}

#[test]
fn only_whitespace_only_dots_empty() {
    for raw in [
        "",
        " ",
        "\n\n\n",
        " \t\r\n \u{a0}\u{2003}\n",
        ".",
        "...\n.\n. . .\n",
        "\u{feff}",
        "\r\r\r",
    ] {
        check_article(raw);
        let a = parse(raw, &Hints::default());
        assert!(
            a.title.is_none() && a.paragraphs.is_empty(),
            "help: {raw:?} has no text"
        );
    }
}

#[test]
fn ten_megabyte_single_line() {
    let unit = "في 22 كانون الثاني \\ يناير 2022 قال الوزير أمس إن الـ3 من أكتوبر 16:28 ";
    let mut line = String::with_capacity(10 << 20);
    while line.len() < 10 << 20 {
        line.push_str(unit);
    }
    check_article(&line);
}

#[test]
fn ten_megabyte_of_digits_and_separators() {
    // A trigger every two bytes (1 MB): windows stay bounded, so this is
    // linear; at 10 MB it is only slow in debug builds.
    let line: String = "1/".repeat(1 << 19);
    check_article(&line);
}
