//! Canonical keys: one key for the spellings of one name.
//!
//! The search profile already folds hamza carriers, alef forms, yeh/alef
//! maqsura, teh marbuta and Persian letters (`قرائي أشتياني` and
//! `قرايي آشتياني` are both `قرايي اشتياني`). On top of that, name parts
//! written apart or joined (`حسن اوف` / `حسنوف`, `علي زاده` / `عليزاده`)
//! are glued, and a lone hamza is dropped. [`link`] gives every entity
//! without a gazetteer link its key.

use std::collections::HashMap;

use crate::candidate::Mention;
use crate::entity::Label;
use crate::rules::{linking, Rule, RuleSet};

/// Name-part suffixes that are written either apart or joined.
const GLUED: [&str; 6] = ["اوف", "وف", "اف", "زاده", "اييف", "يف"];

/// The canonical key of a mention from its normalized tokens.
pub(crate) fn key<'a>(norm_tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for t in norm_tokens {
        let t: String = t
            .chars()
            .filter(|c| *c != 'ء' && *c != '\u{0640}')
            .collect();
        if t.is_empty() {
            continue;
        }
        if !out.is_empty() && GLUED.contains(&t.as_str()) {
            // `حسن اوف` → `حسنوف`: the alef of a detached `اوف` is a
            // spelling aid that the joined form drops.
            out.push_str(
                t.strip_prefix('ا')
                    .filter(|r| r.starts_with('و'))
                    .unwrap_or(&t),
            );
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
    // `حسناوف` and `حسنوف`: drop an alef before a final `وف`.
    if let Some(stem) = out.strip_suffix("اوف") {
        if !stem.is_empty() && !stem.ends_with(' ') {
            out = format!("{stem}وف");
        }
    }
    out
}

/// Fill `canonical` for entities without a gazetteer link: the key of the
/// mention's words, or the key of the fullest person it names
/// (`person_links_to_full_name`), without a leading honorific
/// (`honorific_not_in_key`).
pub(crate) fn link(ents: &mut [Mention], rules: RuleSet) {
    let keys: Vec<Vec<String>> = ents
        .iter()
        .map(|m| {
            let mut v: Vec<String> = key(m.norm.iter().map(String::as_str))
                .split(' ')
                .map(str::to_owned)
                .collect();
            if m.entity.label == Label::Person && rules.contains(Rule::HonorificNotInKey) {
                linking::honorific_not_in_key(&mut v);
            }
            v
        })
        .collect();
    let best_for = if rules.contains(Rule::PersonLinksToFullName) {
        linking::person_links_to_full_name(ents, &keys)
    } else {
        HashMap::new()
    };
    for (i, e) in ents.iter_mut().map(|m| &mut m.entity).enumerate() {
        if !e.canonical.is_empty() {
            continue;
        }
        let mut k = i;
        if e.label == Label::Person {
            if let Some(&b) = best_for.get(keys[i].as_slice()) {
                k = b;
            }
        }
        e.canonical = keys[k].join(" ");
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn joined_and_split() {
        assert_eq!(key(["ذاكر", "حسن", "اوف"]), key(["ذاكر", "حسنوف"]));
        assert_eq!(key(["علي", "زاده"]), key(["عليزاده"]));
    }
}
