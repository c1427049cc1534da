//! Stages `Choose`, `Spans` and `Entities`: from the candidates of each
//! sentence to the document's entities (before dates and linking).

use crate::candidate::{Cand, Ctx, Mention};
use crate::entity::{Entity, Label, Source};
use crate::gazetteer::{Entry, FastSet, Gazetteer, Kind};
use crate::names::{bits, Names};
use crate::rules::registry::steps;
use crate::rules::{linking, noise, orgs, persons, places, Precedence, Rule};
use crate::token::{skip_letters, Token};

/// The entities of the document whose sentences are `sents` and whose
/// candidates per sentence are `cands`.
pub(crate) fn resolve(ctx: &Ctx<'_>, sents: &[Vec<Token>], cands: Vec<Vec<Cand>>) -> Vec<Mention> {
    // Words inside any candidate of the document: `وخامنئي` sheds its
    // `و` when `خامنئي` is a name elsewhere in the text.
    let names: FastSet<&str> = cands
        .iter()
        .zip(sents)
        .flat_map(|(cs, s)| {
            cs.iter()
                .flat_map(move |c| s.get(c.start..c.end).unwrap_or(&[]))
        })
        .map(|t| t.norm.as_str())
        .collect();
    let org_words = if ctx.on(Rule::OrgNamedInFull) {
        orgs::org_words(sents, &cands)
    } else {
        FastSet::default()
    };
    let mut out = Vec::new();
    for (s, cs) in sents.iter().zip(cands) {
        let mut chosen = choose(s, cs, &org_words);
        for step in steps(ctx, true) {
            step(ctx, s, &mut chosen);
        }
        out.extend(chosen.into_iter().filter_map(|c| entity(ctx, s, c, &names)));
    }
    out
}

/// Stage `Choose`: drop the weak candidates that the model does not agree
/// with (unless `org_named_in_full` keeps them), then take the rest longest
/// first, then by precedence, then earliest, skipping any that overlaps
/// one taken. Sorted by start.
fn choose(s: &[Token], mut cs: Vec<Cand>, org_words: &FastSet<&str>) -> Vec<Cand> {
    let model: Vec<(usize, usize)> = cs
        .iter()
        .filter(|c| c.precedence == Precedence::Model)
        .map(|c| (c.start, c.end))
        .collect();
    cs.retain_mut(|c| {
        if !c.needs_model || model.iter().any(|&(a, b)| a == c.start && b == c.end) {
            return true;
        }
        let kept = orgs::org_named_in_full(c, s, org_words);
        if kept {
            c.source = Source::Rule(Rule::OrgNamedInFull);
        }
        kept
    });
    cs.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.end - c.start),
            std::cmp::Reverse(c.precedence),
            c.start,
        )
    });
    let mut taken = vec![false; s.len()];
    let mut chosen: Vec<Cand> = Vec::new();
    for c in cs {
        if c.end > s.len() || c.start >= c.end || taken[c.start..c.end].iter().any(|&t| t) {
            continue;
        }
        for t in &mut taken[c.start..c.end] {
            *t = true;
        }
        chosen.push(c);
    }
    chosen.sort_by_key(|c| c.start);
    chosen
}

/// Stage `Entities`: the entity of chosen span `c`: its label and link
/// from the gazetteer ([`relabel`]), its title, the proclitics it skips,
/// its surface and its key words; `None` when nothing is left of it.
fn entity(ctx: &Ctx<'_>, s: &[Token], mut c: Cand, names: &FastSet<&str>) -> Option<Mention> {
    if c.entry.is_none() {
        relabel(ctx, s, &mut c);
    }
    let mut title: Option<(usize, usize)> = None;
    if c.label == Label::Person && ctx.on(Rule::TitleOutsidePerson) {
        title = persons::title_outside_person(ctx.gaz, s, &mut c);
        if c.start >= c.end {
            return None;
        }
    }
    let text = ctx.text;
    let first = &s[c.start];
    let strip = match c.strip {
        Some(n) => n as usize,
        None if c.label == Label::Person && listed_name_not_article(first) => 0,
        None => proclitic_letters(ctx, first, c.entry.is_some(), names),
    };
    let span =
        khabar_normalize::Span::new(skip_letters(text, first.span, strip), s[c.end - 1].span.end);
    let surface = text.get(span.range())?;
    if ctx.on(Rule::SymbolNotName) && noise::symbol_not_name(surface) {
        return None;
    }
    let title = title.and_then(|(a, b)| {
        let ts = skip_letters(text, s[a].span, s[a].clitic.sure as usize);
        text.get(ts..s[b - 1].span.end).map(str::to_owned)
    });
    let mut norm: Vec<String> = Vec::with_capacity(c.end - c.start);
    norm.push(first.norm.chars().skip(strip).collect());
    norm.extend(s[c.start + 1..c.end].iter().map(|t| t.norm.clone()));
    let (canonical, kb_id) = match (c.entry, c.of) {
        // The country's ministry, not ministries in general.
        (Some(e), Some(n)) if !e.english.is_empty() && !n.english.is_empty() => {
            (format!("{} ({})", e.english, n.english), None)
        }
        (Some(e), _) if !e.english.is_empty() => {
            (e.english.clone(), (!e.id.is_empty()).then(|| e.id.clone()))
        }
        // A body named with a nationality and no entry of its own: its
        // words and the country (`قوات المسلحه الايرانيه (Iran)`).
        (None, Some(n)) if !n.english.is_empty() => {
            (format!("{} ({})", norm.join(" "), n.english), None)
        }
        _ => (String::new(), None),
    };
    Some(Mention {
        entity: Entity {
            span,
            text: surface.to_owned(),
            label: c.label,
            canonical,
            kb_id,
            title,
            score: c.score.clamp(0.0, 1.0),
            value: None,
            source: c.source,
            role: None,
        },
        norm,
    })
}

/// A span without a gazetteer entry (the model's, or a rule's) that the
/// gazetteer knows gets its label and link; a label the gazetteer changes
/// makes the entity [`Source::Gazetteer`].
fn relabel(ctx: &Ctx<'_>, s: &[Token], c: &mut Cand) {
    let gaz = ctx.gaz;
    let rest: String = s[c.start + 1..c.end]
        .iter()
        .flat_map(|t| [" ", t.norm.as_str()])
        .collect();
    let mut key = String::new();
    Gazetteer::push_bare(&mut key, &s[c.start], true);
    key.push_str(&rest);
    let mut es = gaz.get(&key);
    // `وموسكو`: an unsure proclitic before a known name (the form
    // `proclitic_letters` strips too). Not for persons: `وليد` is a name,
    // and a match would relabel it.
    if es.is_empty() && c.label != Label::Person {
        es = s[c.start]
            .maybe_forms()
            .map(|(_, form)| gaz.get(&format!("{form}{rest}")))
            .find(|found| !found.is_empty())
            .unwrap_or(es);
    }
    let stem_es = if c.end - c.start == 1 {
        gaz.get(s[c.start].stem())
    } else {
        &[]
    };
    let nisba_over_country = ctx.on(Rule::NisbaOverCountry) && places::nisba_over_country(stem_es);
    let pick = |k: Kind| -> Option<&'static Entry> {
        es.iter().find(|e| e.kind == k).or_else(|| {
            if k == Kind::Gpe && nisba_over_country {
                None
            } else {
                stem_es.iter().find(|e| e.kind == k)
            }
        })
    };
    match c.label {
        Label::Loc | Label::Misc => {
            if let Some(e) = pick(Kind::Gpe) {
                set(c, Label::Gpe, e);
            } else if let Some(e) = pick(Kind::Loc) {
                set(c, Label::Loc, e);
            } else if let Some(e) = pick(Kind::Norp) {
                set(c, Label::Norp, e);
            } else if let Some(e) = pick(Kind::Equip) {
                set(c, Label::Equipment, e);
            } else if c.label == Label::Misc {
                c.entry = pick(Kind::Misc);
            } else if ctx.on(Rule::LocOrGpeByHead) {
                places::loc_or_gpe_by_head(c, &s[c.start]);
            }
        }
        Label::Org => {
            c.entry = if ctx.on(Rule::OrgLinkAfterHead) {
                linking::org_link_after_head(gaz, &s[c.start], &key, pick)
            } else {
                [Kind::Org, Kind::Team, Kind::Company]
                    .into_iter()
                    .find_map(pick)
            };
        }
        Label::Person => {
            if let Some(e) = pick(Kind::Norp) {
                set(c, Label::Norp, e);
            } else if let Some(e) = es.iter().find(|e| e.kind == Kind::Org) {
                // The whole span is a known organization (`الموساد`,
                // `حماس`): the model's PERSON is a confusion of two
                // name-like types.
                set(c, Label::Org, e);
            }
        }
        _ => {}
    }
}

/// Give `c` the gazetteer's entry `e` and its `label`; a changed label is
/// the gazetteer's decision.
fn set(c: &mut Cand, label: Label, e: &'static Entry) {
    if c.label != label {
        c.label = label;
        c.source = Source::Gazetteer;
    }
    c.entry = Some(e);
}

/// Whether `t` reads as `و`/`ف` + article (`فاليري` as `ف` + `اليري`,
/// `والتر` as `و` + `التر`) but is a person name of the name lists as a
/// whole word, which its bare form is not: the first word of a person span
/// then keeps its first letter.
fn listed_name_not_article(t: &Token) -> bool {
    if !(t.clitic.al && t.clitic.sure == 1 && !t.elided_article()) {
        return false;
    }
    let names = Names::global();
    names.word(&t.norm) & bits::PERSON != 0 && names.word(t.bare()) & bits::PERSON == 0
}

/// How many proclitic letters the entity span skips in its first token.
fn proclitic_letters(ctx: &Ctx<'_>, t: &Token, in_gaz: bool, names: &FastSet<&str>) -> usize {
    let sure = t.clitic.sure as usize;
    if t.clitic.maybe == 0 {
        return sure;
    }
    let whole = t.norm.as_str();
    if !ctx.gaz.get(whole).is_empty() {
        return 0;
    }
    // A form the gazetteer knows wins (`ولبنان` → `لبنان`); else a form
    // the model has a word feature for, when the whole word has none.
    for (k, form) in t.maybe_forms() {
        if !ctx.gaz.get(form).is_empty() {
            return k;
        }
    }
    if !in_gaz && !ctx.known(whole) {
        for (k, form) in t.maybe_forms() {
            if ctx.known(form) || names.contains(form) {
                return k;
            }
        }
    }
    0
}
