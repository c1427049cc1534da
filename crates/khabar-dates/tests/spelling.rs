//! A date word written with a mark or a letter that the search profile
//! folds away is found as its plain spelling is: the scanner that looks for
//! trigger words folds them the same way.

use khabar_dates::{find_dates, Date};

/// `marked` finds one date, where `plain` (the same text in plain spelling)
/// finds it, with the same value; returns its surface in `marked`.
fn same_as_plain(marked: &str, plain: &str) -> String {
    let r = Date::new(2024, 3, 12);
    let want = find_dates(plain, r);
    let got = find_dates(marked, r);
    assert_eq!(want.len(), 1, "help: {plain:?} gave {want:?}");
    assert_eq!(got.len(), 1, "help: {marked:?} gave {got:?}");
    assert_eq!(got[0].value, want[0].value, "help: {marked:?}");
    marked[got[0].span].to_owned()
}

#[test]
fn quranic_and_extended_a_marks_do_not_hide_a_date_word() {
    // Uthmani spelling (Quran 62:9) writes sukun as U+06E1 `ۡ`.
    let s = same_as_plain("مِن يَوۡمِ ٱلۡجُمُعَةِ", "من يوم الجمعة");
    assert_eq!(s, "ٱلۡجُمُعَةِ");
    // U+08F0, open fathatan of Arabic Extended-A, inside a month name.
    let s = same_as_plain("وقع في 3 فبراࣰير 2022", "وقع في 3 فبراير 2022");
    assert_eq!(s, "3 فبراࣰير 2022");
}

#[test]
fn letters_the_search_profile_folds_do_not_hide_a_date_word() {
    // A Persian keyboard writes teh marbuta as `ۀ` (U+06C0), as in Arabic
    // text from Iranian outlets; the search profile folds it to `ه`.
    let s = same_as_plain("وصل يوم الجمعۀ الماضي", "وصل يوم الجمعة الماضي");
    assert_eq!(s, "الجمعۀ الماضي");
    // Urdu heh goal `ہ` (U+06C1) for `ه`.
    let s = same_as_plain("في 5 يونيہ 2021", "في 5 يونيه 2021");
    assert_eq!(s, "5 يونيہ 2021");
}
