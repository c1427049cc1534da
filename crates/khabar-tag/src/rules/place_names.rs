//! Rules of place names that a class noun announces: a town after
//! `مدينة`, `بلدة`, `ميناء`, `قضاء` (the noun outside the span), and a
//! mountain, valley, river or island after `جبل`, `وادي`, `نهر`, `جزيرة`
//! (the noun inside the span, as in `جبال القوقاز`).

use crate::candidate::{Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::{Entry, Kind};
use crate::rules::persons::is_function_word;
use crate::rules::words::{loose_class, stem_class, PLACE_NOUN};
use crate::rules::Rule;
use crate::token::{Shape, Token};

/// Nouns of geographic features that are part of the feature's name
/// (search-normalized, bare).
const FEATURE_NOUNS: [&str; 12] = [
    "جبل",
    "جبال",
    "وادي",
    "نهر",
    "جزيره",
    "جزر",
    "مضيق",
    "سهل",
    "هضبه",
    "صحراء",
    "بحيره",
    "واحه",
];

/// First words of many-word place names (`سيدي سليمان`, `عين العرب`,
/// `برج باجي مختار`, `ابو موسى`), search-normalized.
const OPENERS: [&str; 18] = [
    "سيدي", "بني", "عين", "بير", "تل", "دير", "كفر", "بيت", "راس", "برج", "حمام", "ام", "ابو",
    "جسر", "خان", "مرج", "بئر", "قصر",
];

/// Whether `t` may be (the first word of) a place name that a class noun
/// announces: an Arabic word without a sure proclitic that is no function
/// word, nationality, title, class noun or word the model knows; a word
/// that may carry `و` or `ف` (`وبلدات`) or ends in teh marbuta (mostly an
/// adjective: `ساحلية`) or a pronoun (`قطرها`) only when the gazetteer has
/// it as a place.
fn place_word(ctx: &Ctx<'_>, t: &Token) -> bool {
    if t.shape != Shape::Arabic || t.clitic.sure > 0 || is_function_word(t) {
        return false;
    }
    let w = t.norm.as_str();
    let stem = t.stem();
    let place = |w: &str| ctx.gaz.has(w, Kind::Gpe) || ctx.gaz.has(w, Kind::Loc);
    if place(stem) || place(t.bare()) {
        return !ctx.gaz.has(stem, Kind::Norp);
    }
    stem.chars().count() >= 3
        && (t.clitic.al || t.clitic.maybe == 0 || !w.starts_with(['و', 'ف']))
        && loose_class(t) & PLACE_NOUN == 0
        && !w.ends_with('ه')
        && !w.ends_with("ها")
        && !w.ends_with("هم")
        && !ctx.gaz.has(stem, Kind::Norp)
        && !ctx.gaz.has(stem, Kind::Title)
        && !ctx.common(w)
        && !ctx.common(t.bare())
        && !ctx.known(w)
}

/// The end of the place name that starts at token `j`: two words after an
/// opener (`سيدي سليمان`), else one.
fn name_end(ctx: &Ctx<'_>, s: &[Token], j: usize) -> usize {
    let opener = OPENERS.contains(&s[j].norm.as_str());
    if opener
        && s.get(j + 1)
            .is_some_and(|n| place_word(ctx, n) || n.clitic.al)
    {
        j + 2
    } else {
        j + 1
    }
}

/// The gazetteer's place that spans exactly `s[j..end]`, with its label.
fn gazetteer_place(ctx: &Ctx<'_>, s: &[Token], j: usize, end: usize) -> Option<&'static Entry> {
    let mut ms = Vec::new();
    ctx.gaz.matches_at(s, j, true, &mut ms);
    ms.into_iter()
        .find(|&(n, e, form)| j + n == end && form < 2 && matches!(e.kind, Kind::Gpe | Kind::Loc))
        .map(|(_, e, _)| e)
}

/// `place_after_class_noun`: a name right after a noun of towns and areas
/// (`مدينة`, `بلدة`, `ميناء`, `قضاء`, `منطقة`, `ريف`) is a place, also a
/// one-word city that would need the model's span and a short person span
/// the model read there (`مدينة سيدي سليمان`).
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn place_after_class_noun(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    for i in 0..s.len().saturating_sub(1) {
        let t = &s[i];
        if t.clitic.al || stem_class(t) & PLACE_NOUN == 0 {
            continue;
        }
        let j = i + 1;
        if chosen.iter().any(|c| c.start <= i && c.end > i) {
            continue;
        }
        if let Some(c) = chosen.iter_mut().find(|c| c.start == j) {
            if c.label == Label::Person && c.source == Source::Model && c.end - j <= 2 {
                c.label = Label::Gpe;
                c.source = Source::Rule(Rule::PlaceAfterClassNoun);
            }
            continue;
        }
        if chosen.iter().any(|c| c.start < j && c.end > j) || !place_word(ctx, &s[j]) {
            continue;
        }
        let end = name_end(ctx, s, j);
        if chosen.iter().any(|c| c.start < end && c.end > j) {
            continue;
        }
        let e = gazetteer_place(ctx, s, j, end);
        let label = if e.is_some_and(|e| e.kind == Kind::Loc) {
            Label::Loc
        } else {
            Label::Gpe
        };
        chosen.push(Cand {
            entry: e,
            ..Cand::by_rule(Rule::PlaceAfterClassNoun, j, end, label, 0.6)
        });
        chosen.sort_by_key(|c| c.start);
    }
}

/// `place_feature_name`: a mountain, valley, river, strait or island noun
/// and the name after it are one LOC (`جبال قنديل`, `نهر الليطاني`,
/// `جزيرة أبو موسى`), taking in a place or short name already found there.
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn place_feature_name(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    for i in 0..s.len().saturating_sub(1) {
        let t = &s[i];
        if t.shape != Shape::Arabic || t.clitic.al || !FEATURE_NOUNS.contains(&t.bare()) {
            continue;
        }
        let j = i + 1;
        if chosen.iter().any(|c| c.start <= i && c.end > i) {
            continue;
        }
        let end = match chosen.iter().find(|c| c.start == j) {
            Some(c)
                if c.end - j <= 3
                    && (matches!(c.label, Label::Gpe | Label::Loc)
                        || c.source == Source::Model && c.label == Label::Person) =>
            {
                c.end
            }
            None if place_word(ctx, &s[j]) => name_end(ctx, s, j),
            Some(_) | None => continue,
        };
        if chosen.iter().any(|c| c.start > j && c.start < end) {
            continue;
        }
        chosen.retain(|c| c.start != j);
        chosen.push(Cand::by_rule(
            Rule::PlaceFeatureName,
            i,
            end,
            Label::Loc,
            0.6,
        ));
        chosen.sort_by_key(|c| c.start);
    }
}
