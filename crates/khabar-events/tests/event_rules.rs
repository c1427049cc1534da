//! The rule table `tests/data/event_rules.toml`: every rule has a row, and
//! every row's expectations hold (and, where the row says the rule fires,
//! switching the rule off changes the answer). Every rule has a firing row
//! except those the table lists as `dead` (nets for tagger errors that no
//! known text shows any more).
//!
//! `EVENT_RULES_PRINT=1 cargo test -p khabar-events --test lib -- --nocapture`
//! prints each row's answer with and without its rule (to write rows).

use khabar_events::rules::{Config, Rule};
use khabar_events::Extraction;
use khabar_tag::{Tagged, Tagger};

const TABLE: &str = include_str!("../../../tests/data/event_rules.toml");

#[derive(serde::Deserialize)]
struct Table {
    #[serde(default)]
    dead: Vec<String>,
    row: Vec<Row>,
}

#[derive(serde::Deserialize)]
struct Row {
    rule: String,
    text: String,
    published: Option<String>,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    fires: Option<bool>,
}

/// The answer as lines: `ROLE person: office / of` and
/// `KIND trigger [planned] [date=…] [place=…]: role=entity, …`.
fn render(tagged: &Tagged, x: &Extraction) -> Vec<String> {
    let ents = &tagged.entities;
    let mut out = Vec::new();
    for (k, r) in x.roles.iter().enumerate() {
        if let Some(r) = r {
            let of = r.of.as_deref().unwrap_or("-");
            out.push(format!("ROLE {}: {} / {of}", ents[k].text, r.office));
        }
    }
    for e in &x.events {
        let mut head = format!("{} {}", e.kind, e.text);
        if e.mentions.len() > 1 {
            head.push_str(&format!(" x{}", e.mentions.len()));
        }
        if e.planned {
            head.push_str(" planned");
        }
        if let Some(d) = &e.date {
            head.push_str(&format!(" date={d}"));
        }
        if let Some(p) = e.place {
            head.push_str(&format!(" place={}", ents[p].text));
        }
        let parts: Vec<String> = e
            .participants
            .iter()
            .map(|p| format!("{}={}", p.role, ents[p.entity].text))
            .collect();
        out.push(format!("{head}: {}", parts.join(", ")));
    }
    out
}

fn run(row: &Row, config: Config) -> Vec<String> {
    let reference = row.published.as_deref().map(|p| {
        let n: Vec<i32> = p
            .split('-')
            .map(|x| x.parse().expect("published is YYYY-MM-DD"))
            .collect();
        khabar_dates::Date::new(n[0], n[1] as u8, n[2] as u8).expect("a real date")
    });
    let tagged = Tagger::global()
        .tag_words_with_dates(&row.text, khabar_dates::find_dates(&row.text, reference));
    let x = khabar_events::extract_with(&row.text, &tagged, config);
    render(&tagged, &x)
}

#[test]
fn event_rules_table() {
    let table: Table = toml::from_str(TABLE).expect("tests/data/event_rules.toml parses");
    let print = std::env::var_os("EVENT_RULES_PRINT").is_some();
    let mut failures = Vec::new();
    for (i, row) in table.row.iter().enumerate() {
        let rule =
            Rule::from_name(&row.rule).unwrap_or_else(|| panic!("row {i}: no rule `{}`", row.rule));
        let on = run(row, Config::all());
        let off = run(row, Config::all().without(rule));
        if print {
            println!(
                "--- {} ({})\n on:  {on:#?}\n off: {off:#?}",
                row.rule, &row.text
            );
        }
        for want in &row.expect {
            if !on.contains(want) {
                failures.push(format!(
                    "row {i} ({}): missing `{want}` in {on:#?}",
                    row.rule
                ));
            }
        }
        for prefix in &row.absent {
            if on.iter().any(|l| l.starts_with(prefix.as_str())) {
                failures.push(format!(
                    "row {i} ({}): `{prefix}…` should be absent in {on:#?}",
                    row.rule
                ));
            }
        }
        let fires = row.fires.unwrap_or(true);
        if fires == (on == off) {
            failures.push(format!(
                "row {i} ({}): with the rule off the answer {} ({off:#?})",
                row.rule,
                if fires { "is the same" } else { "changes" }
            ));
        }
    }
    for name in &table.dead {
        if Rule::from_name(name).is_none() {
            failures.push(format!("dead: no rule `{name}`"));
        }
    }
    for r in Rule::ALL {
        let fires = table
            .row
            .iter()
            .any(|row| row.rule == r.name() && row.fires != Some(false));
        let dead = table.dead.iter().any(|d| d == r.name());
        if fires && dead {
            failures.push(format!(
                "rule `{}` is listed as dead but has a firing row",
                r.name()
            ));
        }
        if !fires && !dead {
            failures.push(format!(
                "rule `{}` has no firing row in tests/data/event_rules.toml",
                r.name()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
