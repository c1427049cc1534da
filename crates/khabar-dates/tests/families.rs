//! `tests/data/dates_families.toml` (the date families of issue 19: times
//! in words, hours and minutes ago, days of this/last/next month, ranges and
//! lists, English dates, bare weekdays, decades and centuries), shared with
//! pytest (tests/test_dates_families.py). Every row must match, negatives
//! included; the reference may carry a time of day and a UTC offset.

use khabar_dates::{find_dates_at, Reference};
use serde::Deserialize;

use crate::common;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    family: String,
    text: String,
    #[serde(rename = "ref")]
    reference: Option<String>,
    expect: Vec<Vec<String>>,
    mismatch: Option<bool>,
}

const TABLE: &str = include_str!("../../../tests/data/dates_families.toml");

/// What khabar found, in the table's shape.
fn found(case: &Case) -> (Vec<Vec<String>>, bool) {
    let reference: Option<Reference> = case.reference.as_deref().map(|r| {
        r.parse()
            .expect("reference in dates_families.toml is valid")
    });
    let mentions = find_dates_at(&case.text, reference);
    let mismatch = mentions.iter().any(|m| m.weekday_mismatch);
    let rows = common::rows(&case.text, &mentions);
    (rows, mismatch)
}

#[test]
fn families_table() {
    let cases = toml::from_str::<Table>(TABLE)
        .expect("dates_families.toml parses")
        .case;
    assert!(
        cases.len() >= 200,
        "the families table has at least 200 cases"
    );
    let mut failures = Vec::new();
    for c in &cases {
        let (rows, mismatch) = found(c);
        if rows != c.expect || mismatch != c.mismatch.unwrap_or(false) {
            failures.push(format!(
                "[{}] text: {}\n  ref: {:?}\n  expected: {:?} mismatch={:?}\n  found:    {:?} mismatch={}",
                c.family, c.text, c.reference, c.expect, c.mismatch, rows, mismatch
            ));
        }
    }
    eprintln!(
        "dates families table: {}/{} correct",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Cases written after the grammar work (not in the table): a singular
/// hour before a definite word is a name, not a duration.
#[test]
fn zero_hour_is_not_an_hour_ago() {
    let r: Reference = "2021-03-03T12:10".parse().unwrap();
    assert!(find_dates_at("حددت القيادة موعد ساعة الصفر قبل ساعة الصفر بقليل", Some(r)).is_empty());
    let found = find_dates_at("وصل الوفد قبل ساعة إلى المطار", Some(r));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].iso().as_deref(), Some("2021-03-03T11:10"));
}
