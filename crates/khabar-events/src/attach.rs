//! The date and the place of an event mention.

use std::ops::Range;
use std::sync::LazyLock;

use khabar_tag::Label;

use crate::doc::Doc;
use crate::lexicon::WordSet;
use crate::offices::Office;
use crate::participants::after_place_word;
use crate::rules::Rule;
use crate::triggers::Found;
use crate::types::EventKind;

static SINCE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["منذ", "قبل", "بعد", "حتى"]));
static TO: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["إلى", "الى"]));

/// The event's date is the date nearest its trigger in its clause, not one
/// after `منذ` or before a reporting `إن`.
pub(crate) fn date(doc: &Doc<'_>, f: &Found, c: &Range<usize>, s: &Range<usize>) -> Option<String> {
    let range = if doc.on(Rule::DateInClause) {
        c.clone()
    } else {
        s.clone()
    };
    let mut best: Option<(usize, &str)> = None;
    for j in range {
        let Some(k) = doc.ent_starting(j) else {
            continue;
        };
        let e = &doc.ents[k];
        let (Label::Date, Some(v)) = (e.label, e.value.as_deref()) else {
            continue;
        };
        if doc.on(Rule::DateInClause) && j > 0 && SINCE.any(doc.forms(j - 1)) {
            continue;
        }
        let d = j.abs_diff(f.word);
        if best.is_none_or(|b| d < b.0) {
            best = Some((d, v));
        }
    }
    best.map(|b| b.1.to_owned())
}

/// The event's place is a place after `في`, `إلى` or `ب` in its clause
/// (a visit's destination first).
pub(crate) fn place(
    doc: &Doc<'_>,
    offices: &[Office],
    f: &Found,
    c: &Range<usize>,
) -> Option<usize> {
    if !doc.on(Rule::PlaceInClause) {
        return None;
    }
    let mut cands = Vec::new();
    for j in c.clone() {
        let Some(k) = doc.ent_starting(j) else {
            continue;
        };
        if !matches!(doc.ents[k].label, Label::Gpe | Label::Loc) {
            continue;
        }
        if offices.iter().any(|o| o.ents.contains(&k)) {
            continue;
        }
        let to = j > 0 && TO.any(doc.forms(j - 1));
        // The verb's object: right after it, or for a visit after the
        // visitor named in between (`يزور وزير الدفاع ... ذاكر حسنوف طهران`).
        let after_verb = f.word + f.len;
        let object = f.trigger.verb
            && (j == after_verb
                || f.trigger.kind == EventKind::Visit
                    && j > after_verb
                    && (after_verb..j).all(|w| {
                        doc.ent_at(w).is_some() || offices.iter().any(|o| o.words.contains(&w))
                    }));
        if after_place_word(doc, k) || object {
            cands.push((k, j, to || object));
        }
    }
    if f.trigger.kind == EventKind::Visit {
        if let Some(&(k, _, _)) = cands.iter().find(|x| x.2 && x.1 > f.word) {
            return Some(k);
        }
    }
    cands
        .iter()
        .find(|x| x.1 > f.word)
        .or_else(|| cands.first())
        .map(|x| x.0)
}
