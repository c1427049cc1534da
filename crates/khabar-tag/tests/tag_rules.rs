//! The rule table `tests/data/tag_rules.toml` (shared with pytest): every
//! row's entities with every rule on, and what switching its rule off
//! changes.

use std::collections::BTreeSet;

use khabar_tag::rules::{Rule, RuleSet};
use khabar_tag::{Entity, Tagger};
use serde::Deserialize;

const TABLE: &str = include_str!("../../../tests/data/tag_rules.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    dead: Vec<String>,
    row: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    rule: String,
    text: String,
    entities: Vec<Vec<String>>,
    #[serde(default)]
    titles: Vec<(String, String)>,
    #[serde(default)]
    canonical: Vec<(String, String)>,
    #[serde(default = "yes")]
    fires: bool,
}

fn yes() -> bool {
    true
}

fn table() -> Table {
    toml::from_str(TABLE).expect("tests/data/tag_rules.toml parses")
}

/// What a row checks of the tagger's answer: every entity's surface and
/// label (and source where the row gives one), and the titles and keys
/// the row names.
fn answer(row: &Row, ents: &[Entity]) -> Vec<String> {
    let mut out: Vec<String> = ents
        .iter()
        .zip(row.entities.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(e, want)| {
            if want.is_some_and(|w| w.len() > 2) {
                format!("{} {} {}", e.text, e.label, e.source)
            } else {
                format!("{} {}", e.text, e.label)
            }
        })
        .collect();
    let find = |surface: &str| ents.iter().find(|e| e.text == surface);
    for (surface, _) in &row.titles {
        let title = find(surface).and_then(|e| e.title.clone());
        out.push(format!("title of {surface}: {}", title.unwrap_or_default()));
    }
    for (surface, _) in &row.canonical {
        let key = find(surface).map(|e| e.canonical.clone());
        out.push(format!("key of {surface}: {}", key.unwrap_or_default()));
    }
    out
}

/// What the row expects, in the form of [`answer`].
fn expected(row: &Row) -> Vec<String> {
    let mut out: Vec<String> = row.entities.iter().map(|e| e.join(" ")).collect();
    for (surface, title) in &row.titles {
        out.push(format!("title of {surface}: {title}"));
    }
    for (surface, key) in &row.canonical {
        out.push(format!("key of {surface}: {key}"));
    }
    out
}

#[test]
fn every_row_names_a_rule_and_well_formed_entities() {
    for row in table().row {
        assert!(
            Rule::from_name(&row.rule).is_some(),
            "tag_rules.toml: no rule `{}` (rules: crates/khabar-tag/src/rules/mod.rs)",
            row.rule
        );
        for e in &row.entities {
            assert!(
                (2..=3).contains(&e.len())
                    && khabar_tag::Label::from_name(&e[1]).is_some()
                    && e.get(2)
                        .is_none_or(|s| khabar_tag::Source::from_name(s).is_some()),
                "tag_rules.toml, `{}`: an entity is [surface, LABEL] or [surface, LABEL, source], got {e:?}",
                row.text
            );
            assert!(
                row.text.contains(e[0].as_str()),
                "{:?} not in `{}`",
                e[0],
                row.text
            );
        }
    }
}

#[test]
fn every_rule_has_rows_and_every_live_rule_a_row_it_changes() {
    let t = table();
    let dead: BTreeSet<&str> = t.dead.iter().map(String::as_str).collect();
    for &rule in Rule::ALL {
        let rows: Vec<&Row> = t.row.iter().filter(|r| r.rule == rule.name()).collect();
        assert!(
            !rows.is_empty(),
            "help: rule `{}` has no row in tests/data/tag_rules.toml",
            rule.name()
        );
        let firing = rows.iter().filter(|r| r.fires).count();
        if dead.contains(rule.name()) {
            assert_eq!(
                firing,
                0,
                "`{}` is listed as dead but has a row it changes: take it out of `dead`",
                rule.name()
            );
        } else {
            assert!(firing > 0, "help: rule `{}` has no row with `fires = true` (a text it changes); if it changes none, list it in `dead`", rule.name());
        }
    }
    for name in &dead {
        assert!(
            Rule::from_name(name).is_some(),
            "`dead` names no rule `{name}`"
        );
    }
}

#[test]
fn rows_hold_with_every_rule_and_show_what_their_rule_does() {
    let all = Tagger::global();
    let mut failures = Vec::new();
    for row in table().row {
        let Some(rule) = Rule::from_name(&row.rule) else {
            continue;
        };
        let got = answer(&row, &all.tag(&row.text));
        let want = expected(&row);
        if got != want {
            failures.push(format!(
                "`{}` ({}):\n  expected {want:?}\n  got      {got:?}",
                row.text, row.rule
            ));
            continue;
        }
        let off = all.clone().with_rules(RuleSet::all().without(rule));
        let without = answer(&row, &off.tag(&row.text));
        if row.fires && without == want {
            failures.push(format!(
                "`{}`: switching `{}` off changes nothing; help: choose a text the rule changes, or set `fires = false`",
                row.text, row.rule
            ));
        } else if !row.fires && without != want {
            failures.push(format!(
                "`{}`: `{}` changes this text ({without:?} without it); help: set `fires = true` if that is its job",
                row.text, row.rule
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "tests/data/tag_rules.toml:\n{}",
        failures.join("\n")
    );
}
