//! `tests/data/dates.toml`, shared with pytest.

use khabar_dates::{find_dates, Date, Precision};
use serde::Deserialize;

use crate::common;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    #[serde(rename = "ref")]
    reference: Option<String>,
    expect: Vec<Vec<String>>,
    mismatch: Option<bool>,
}

const TABLE: &str = include_str!("../../../tests/data/dates.toml");

fn table() -> Vec<Case> {
    toml::from_str::<Table>(TABLE)
        .expect("dates.toml parses")
        .case
}

/// What khabar found, in the table's shape.
fn found(case: &Case) -> (Vec<Vec<String>>, bool) {
    let reference: Option<Date> = case
        .reference
        .as_deref()
        .map(|r| r.parse().expect("reference date in dates.toml is valid"));
    let mentions = find_dates(&case.text, reference);
    let mismatch = mentions.iter().any(|m| m.weekday_mismatch);
    let rows = common::rows(&case.text, &mentions);
    (rows, mismatch)
}

#[test]
fn table_is_valid() {
    let cases = table();
    assert!(cases.len() >= 150, "the table needs at least 150 cases");
    for c in &cases {
        for row in &c.expect {
            assert!((3..=4).contains(&row.len()), "help: bad row {row:?}");
            // A fixture whose surface is not in its text is wrong, not khabar.
            assert!(
                c.text.contains(&row[0]),
                "help: surface {:?} not in {:?}",
                row[0],
                c.text
            );
            assert!(
                Precision::ALL.iter().any(|p| p.name() == row[2]),
                "help: bad precision {row:?}"
            );
        }
    }
}

#[test]
fn dates_table() {
    let cases = table();
    let mut failures = Vec::new();
    for c in &cases {
        let (rows, mismatch) = found(c);
        if rows != c.expect || mismatch != c.mismatch.unwrap_or(false) {
            failures.push(format!(
                "text: {}\n  ref: {:?}\n  expected: {:?} mismatch={:?}\n  found:    {:?} mismatch={}",
                c.text, c.reference, c.expect, c.mismatch, rows, mismatch
            ));
        }
    }
    let correct = cases.len() - failures.len();
    eprintln!("dates table: {correct}/{} correct", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
