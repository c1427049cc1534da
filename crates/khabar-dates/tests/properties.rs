//! No input makes `find_dates` panic; every span is valid, non-empty, in
//! order and not overlapping.

use khabar_dates::{find_dates, Date};
use proptest::prelude::*;

/// The properties of [`find_dates`] on `text`.
pub fn check_dates(text: &str, reference: Option<Date>) {
    let found = find_dates(text, reference);
    let mut last_end = 0;
    for m in &found {
        assert!(
            m.span.is_valid_in(text),
            "help: span {:?} invalid in {text:?}",
            m.span
        );
        assert!(!m.span.is_empty());
        assert!(
            m.span.start >= last_end,
            "help: overlapping or unordered spans in {text:?}"
        );
        last_end = m.span.end;
    }
}

/// Pieces of Arabic news text and date expressions, with harakat, tatweel,
/// ZWNJ, bidi marks, CRLF, Persian letters and digits.
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
        Just("نشر في:".to_owned()),
        Just("نوای همسایه".to_owned()),
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

fn date_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn dates_binary_looking(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let s = String::from_utf8_lossy(&bytes).into_owned();
        check_dates(&s, None);
    }

    #[test]
    fn dates_any_string(s in "\\PC{0,400}", days in 0i64..40_000) {
        check_dates(&s, Some(Date::new(1970, 1, 1).unwrap().add_days(days)));
    }

    #[test]
    fn dates_arabic_pieces(s in date_text(), days in 0i64..40_000) {
        check_dates(&s, Some(Date::new(1970, 1, 1).unwrap().add_days(days)));
        check_dates(&s, None);
    }
}

#[test]
fn only_whitespace_only_dots_empty() {
    for text in [
        "",
        " ",
        "\n\n\n",
        " \t\r\n \u{a0}\u{2003}\n",
        ".",
        "...\n.\n. . .\n",
        "\u{feff}",
        "\r\r\r",
    ] {
        check_dates(text, None);
        assert!(find_dates(text, Date::new(2022, 1, 25)).is_empty());
    }
}

#[test]
fn ten_megabyte_single_line() {
    let unit = "في 22 كانون الثاني \\ يناير 2022 قال الوزير أمس إن الـ3 من أكتوبر 16:28 ";
    let mut line = String::with_capacity(10 << 20);
    while line.len() < 10 << 20 {
        line.push_str(unit);
    }
    let found = find_dates(&line, Date::new(2022, 1, 25));
    assert!(found.len() > 100_000);
}

#[test]
fn ten_megabyte_of_digits_and_separators() {
    // A trigger every two bytes (1 MB): windows stay bounded, so this is
    // linear; at 10 MB it is only slow in debug builds.
    let line: String = "1/".repeat(1 << 19);
    check_dates(&line, None);
}
