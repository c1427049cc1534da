//! The shared behaviour table `tests/data/normalize.toml` (pytest reads it too).

use khabar_normalize::{Normalizer, Profile, Rules, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    expected: String,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    only: Option<String>,
    #[serde(default)]
    off: Vec<String>,
    #[serde(default)]
    spans: Vec<(String, String)>,
}

const TABLE: &str = include_str!("../../../tests/data/normalize.toml");

fn rules_for(case: &Case) -> Rules {
    let profile = Profile::from_name(case.profile.as_deref().unwrap_or("search")).unwrap();
    let mut rules = profile.rules();
    if let Some(only) = &case.only {
        for name in Rules::NAMES {
            rules.set(name, false).unwrap();
        }
        rules.set(only, true).unwrap();
    }
    for name in &case.off {
        rules.set(name, false).unwrap();
    }
    rules
}

fn table() -> Table {
    toml::from_str(TABLE).expect("tests/data/normalize.toml parses")
}

#[test]
fn every_case_gives_its_expected_output() {
    let mut failures = Vec::new();
    let t = table();
    assert!(t.case.len() >= 50, "the table lost cases: {}", t.case.len());
    for case in &t.case {
        let n = Normalizer::new(rules_for(case));
        let got = n.normalize(&case.input);
        if got != case.expected {
            failures.push(format!(
                "{}: input {:?}\n   expected {:?}\n   got      {:?}\n   help: the rules are in crates/khabar-normalize/src/rules.rs",
                case.name, case.input, case.expected, got
            ));
        }
        let aligned = n.normalize_aligned(&case.input).unwrap();
        if aligned.text() != got {
            failures.push(format!(
                "{}: normalize_aligned gives {:?}, normalize {:?}",
                case.name,
                aligned.text(),
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_case_is_idempotent() {
    for case in &table().case {
        let n = Normalizer::new(rules_for(case));
        let once = n.normalize(&case.input).into_owned();
        assert_eq!(
            n.normalize(&once),
            once,
            "{}: normalizing twice differs",
            case.name
        );
    }
}

#[test]
fn spans_map_back_exactly() {
    let mut checked = 0;
    for case in &table().case {
        let n = Normalizer::new(rules_for(case));
        let aligned = n.normalize_aligned(&case.input).unwrap();
        for (norm, orig) in &case.spans {
            let s = aligned.text().find(norm.as_str()).unwrap_or_else(|| {
                panic!("{}: fixture error, {norm:?} not in the output", case.name)
            });
            let back = aligned.to_original(Span::new(s, s + norm.len())).unwrap();
            let o = case.input.find(orig.as_str()).unwrap_or_else(|| {
                panic!("{}: fixture error, {orig:?} not in the input", case.name)
            });
            assert_eq!(
                back,
                Span::new(o, o + orig.len()),
                "{}: {norm:?} maps to {:?}, expected {orig:?}",
                case.name,
                &case.input[back.start..back.end]
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "too few span checks: {checked}");
}

#[test]
fn table_rule_names_are_valid() {
    // A fixture naming a rule that does not exist must fail loudly.
    let mut rules = Rules::default();
    assert!(rules.set("fold_everything", true).is_err());
    for case in &table().case {
        if let Some(only) = &case.only {
            assert!(
                Rules::NAMES.contains(&only.as_str()),
                "{}: unknown rule {only}",
                case.name
            );
        }
    }
}
