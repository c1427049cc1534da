//! Rules of equipment (EQUIPMENT): model numbers, Latin model codes,
//! designations after a trigger noun and the designation after a known
//! name.

use crate::candidate::{Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::Kind;
use crate::names::Names;
use crate::rules::media::{closed_at, is_quote};
use crate::rules::persons::is_function_word;
use crate::rules::words::{loose_class, word_class, SHIP, SPELLED, TRIGGER};
use crate::rules::{Precedence, Rule};
use crate::token::{Shape, Token};

/// `equipment_model_number`: whether the token after an equipment family
/// of the gazetteer is its model number (`إليوشن 76`, `ميغ 29`, `سو 35S`).
pub(crate) fn equipment_model_number(next: Option<&Token>) -> bool {
    next.is_some_and(|t| matches!(t.shape, Shape::Digit | Shape::Mixed | Shape::Latin))
}

/// `equipment_latin_code`: a Latin model code of letters and digits is
/// equipment (`S300`, `F-16`, `MQ-9`). It loses every tie, but needs no
/// agreement.
pub(crate) fn equipment_latin_code(_ctx: &Ctx<'_>, s: &[Token], out: &mut Vec<Cand>) {
    for (k, t) in s.iter().enumerate() {
        if t.shape == Shape::Mixed
            && t.norm
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && t.norm.chars().any(|c| c.is_ascii_digit())
        {
            out.push(Cand {
                precedence: Precedence::Weak,
                ..Cand::by_rule(Rule::EquipmentLatinCode, k, k + 1, Label::Equipment, 0.6)
            });
        }
    }
}

/// Whether token `t` reads as a word of a model designation after a
/// trigger (`كاليبر`, `يافا`): an Arabic word without article or
/// proclitic that is no function word, nationality, common word or
/// feminine adjective (`حربية`, `مسيرة`), unless a designation goes on
/// right after it (`قادر-1`).
fn name_word(ctx: &Ctx<'_>, w: &str, t: &Token, goes_on: bool) -> bool {
    t.shape == Shape::Arabic
        && !is_function_word(t)
        && !ctx.gaz.has(w, Kind::Norp)
        && !ctx.gaz.has(w, Kind::Title)
        && (goes_on || !w.ends_with('ه') && !ctx.common(w))
}

/// Whether token `k` is a hyphen joined to the tokens on both sides
/// (`إف-16`, not a dash between words).
fn joining_hyphen(s: &[Token], k: usize) -> bool {
    k > 0
        && k + 1 < s.len()
        && s[k].norm == "-"
        && s[k - 1].span.end == s[k].span.start
        && s[k].span.end == s[k + 1].span.start
}

/// Whether token `t` looks like a verb (`تعترض`, `ستنفذ`, `اعترضت`):
/// an imperfect or future prefix, or the feminine past ending.
fn verb_like(t: &Token) -> bool {
    let w = t.norm.as_str();
    let n = w.chars().count();
    n >= 4 && (w.starts_with(['ي', 'ت', 'ن']) || w.starts_with("س") || w.ends_with('ت'))
}

/// Whether `t` starts with a hamza alef + `ل` (`إلما`), which the search
/// spelling folds to the article.
fn hamza_al(ctx: &Ctx<'_>, t: &Token) -> bool {
    t.clitic.al && t.clitic.sure == 0 && ctx.text[t.span.range()].starts_with(['إ', 'أ'])
}

/// Whether every token of `s[a..b]` is a piece of a designation: a
/// number, a Latin code, a spelled-out letter or a joining hyphen
/// (`بي إم يو`, which the model may have read as a name).
fn all_code(s: &[Token], a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        matches!(s[k].shape, Shape::Digit | Shape::Mixed | Shape::Latin)
            || word_class(&s[k]) & SPELLED != 0
            || joining_hyphen(s, k)
    })
}

/// Where the rest of a designation that has reached token `end` ends: a
/// joined hyphen and what follows it, numbers, Latin codes, spelled-out
/// letters (`إيه إتش-64 إي`), `بلوك`, an equipment name, and up to two
/// words that the model does not know and that are no verbs (`ثندر`,
/// `أدير`).
fn designation_rest(ctx: &Ctx<'_>, s: &[Token], chosen: &[Cand], mut end: usize) -> usize {
    let mut unknown = 0;
    let limit = (end + 8).min(s.len());
    while end < limit {
        let t = &s[end];
        if joining_hyphen(s, end) {
            end += 2;
            continue;
        }
        let spelled = word_class(t) & SPELLED != 0;
        if let Some(c) = chosen.iter().find(|c| c.start == end) {
            let bare = c.strip.unwrap_or(t.clitic.sure) == 0;
            if bare && (c.label == Label::Equipment || all_code(s, c.start, c.end.min(s.len()))) {
                end = c.end;
                continue;
            }
            break;
        }
        // `و` or `ف` starts the next name (`هيلفاير وستينغر`).
        if t.clitic.sure > 0 || t.clitic.maybe > 0 && !spelled && t.norm.starts_with(['و', 'ف']) {
            break;
        }
        let ok = match t.shape {
            Shape::Digit | Shape::Mixed | Shape::Latin => true,
            Shape::Arabic if spelled => true,
            Shape::Arabic => {
                unknown < 2
                    && (!t.clitic.al || hamza_al(ctx, t))
                    && !ctx.known(&t.norm)
                    && !verb_like(t)
                    && name_word(ctx, &t.norm, t, false)
            }
            Shape::Punct => false,
        };
        if !ok {
            break;
        }
        if t.shape == Shape::Arabic && !spelled {
            unknown += 1;
        }
        end += 1;
    }
    end
}

/// Where a designation that starts at token `j` ends, if one does, and
/// the proclitic letters before it: its first word (read without one
/// unsure proclitic when `and`, `وستينغر`) and [`designation_rest`].
fn designation_end(
    ctx: &Ctx<'_>,
    s: &[Token],
    chosen: &[Cand],
    j: usize,
    and: bool,
) -> Option<(usize, u8)> {
    let t = s.get(j)?;
    let next_code = |k: usize| {
        joining_hyphen(s, k)
            || s.get(k).is_some_and(|n| {
                matches!(n.shape, Shape::Digit | Shape::Mixed) || word_class(n) & SPELLED != 0
            })
    };
    let goes_on = next_code(j + 1);
    let strip = if and { t.clitic.maybe } else { t.clitic.sure };
    let first = match chosen.iter().find(|c| c.start == j) {
        Some(c) => match c.label {
            Label::Equipment | Label::Person | Label::Misc | Label::Loc => c.end,
            // `إيرباص`, `إمبراير`: a maker's name, not a body.
            Label::Org if c.end == j + 1 && !t.clitic.al && !and => c.end,
            // `مسيرات يافا`, `صاروخ فلسطين-2`; not a country alone.
            Label::Gpe
                if !and && (goes_on || c.entry.is_none_or(|e| !e.id.starts_with("iso:"))) =>
            {
                c.end
            }
            _ => return None,
        },
        // `كاليبر`, which reads as `ك` + `اليبر`.
        None if !and && t.clitic.sure > 0 && ctx.gaz.has(&t.norm, Kind::Equip) => {
            return Some((designation_rest(ctx, s, chosen, j + 1), 0));
        }
        None => {
            let w = if and { t.maybe_stem() } else { t.norm.as_str() };
            let spelled = word_class(t) & SPELLED != 0
                && (!matches!(w, "ان" | "اي" | "ال" | "او") || next_code(j + 1));
            let ok = match t.shape {
                Shape::Latin | Shape::Mixed => !and,
                // `وستينغر`: a word that looks like a name (`وأطقم` does not).
                Shape::Arabic if and => {
                    t.clitic.maybe > 0
                        && !t.clitic.al
                        && (ctx.gaz.has(w, Kind::Equip)
                            || name_word(ctx, w, t, goes_on)
                                && (goes_on || Names::global().name_likeness(w) >= 0.5))
                }
                Shape::Arabic => {
                    t.clitic.sure == 0
                        && (!t.clitic.al || hamza_al(ctx, t))
                        && (spelled
                            || word_class(t) & SPELLED == 0
                                && name_word(ctx, w, t, goes_on)
                                && (goes_on || !verb_like(t)))
                }
                _ => false,
            };
            if !ok {
                return None;
            }
            j + 1
        }
    };
    let end = designation_rest(ctx, s, chosen, first);
    // A spelled-out letter alone is no name (`إس` is also "S").
    (end > j + 1 || word_class(t) & SPELLED == 0 || and).then_some((end, strip))
}

/// Replace the chosen spans inside tokens `start..end` (a span crossing
/// `end` widens it) with one EQUIPMENT by `rule`, skipping `strip`
/// proclitic letters; false when a span crosses `start`.
fn make_equipment(
    chosen: &mut Vec<Cand>,
    start: usize,
    mut end: usize,
    strip: u8,
    rule: Rule,
) -> bool {
    if chosen.iter().any(|c| c.start < start && c.end > start) {
        return false;
    }
    if let Some(c) = chosen.iter().find(|c| c.start < end && c.end > end) {
        end = c.end;
    }
    // Found already as it is: the layer that found it keeps it.
    if chosen
        .iter()
        .any(|c| c.start == start && c.end == end && c.label == Label::Equipment)
    {
        return true;
    }
    let entry = chosen
        .iter()
        .find(|c| c.start == start && c.label == Label::Equipment)
        .and_then(|c| c.entry);
    chosen.retain(|c| c.end <= start || c.start >= end);
    chosen.push(Cand {
        entry,
        strip: Some(strip),
        ..Cand::by_rule(rule, start, end, Label::Equipment, 0.6)
    });
    chosen.sort_by_key(|c| c.start);
    true
}

/// Where the name after a trigger at token `i` may start: after `مسيرة`,
/// a nationality, one article word (`الشبحية`, `المروحيات`) and `من
/// طراز`.
fn after_trigger(ctx: &Ctx<'_>, s: &[Token], chosen: &[Cand], i: usize) -> usize {
    let mut j = i + 1;
    let mut articles = 0;
    while j < s.len() && j < i + 5 {
        let t = &s[j];
        if t.norm == "من" && s.get(j + 1).is_some_and(|n| n.norm == "طراز") {
            j += 2;
        } else if matches!(t.stem(), "مسيره" | "مسيرات") && t.clitic.sure == 0 {
            j += 1;
        } else if chosen
            .iter()
            .any(|c| c.start == j && c.label == Label::Norp)
        {
            j = chosen
                .iter()
                .find(|c| c.start == j)
                .map_or(j + 1, |c| c.end);
        } else if articles < 2
            && t.clitic.al
            && t.clitic.sure == 0
            && !chosen.iter().any(|c| c.start == j)
            && !ctx.gaz.has(t.stem(), Kind::Norp)
        {
            articles += 1;
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Whether the trigger noun at token `i` is free, after taking it out of
/// a name the model or a rule made of it (`الفرقاطة` as ORG, `غولجوك
/// الفرقاطة` as MISC): a span that starts with the trigger loses it (its
/// nisba stays, as NORP), one that ends with it ends before it; a span
/// that holds it inside, or equipment, keeps it.
fn free_trigger(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>, i: usize) -> bool {
    let Some(k) = chosen.iter().position(|c| c.start <= i && c.end > i) else {
        return true;
    };
    let c = &chosen[k];
    // Equipment, and a body that ends with the noun (`قناة المسيرة`).
    if c.label == Label::Equipment || c.label == Label::Org && c.start < i {
        return false;
    }
    if c.start == i {
        let end = c.end;
        chosen.remove(k);
        for (j, t) in s.iter().enumerate().take(end).skip(i + 1) {
            if t.clitic.al && t.clitic.sure == 0 && ctx.gaz.has(t.stem(), Kind::Norp) {
                chosen.push(Cand::by_rule(
                    Rule::EquipmentAfterTrigger,
                    j,
                    j + 1,
                    Label::Norp,
                    0.6,
                ));
            }
        }
        chosen.sort_by_key(|c| c.start);
        true
    } else if c.end == i + 1 {
        chosen[k].end = i;
        true
    } else {
        false
    }
}

/// `equipment_after_trigger`: a weapon, aircraft, drone, ship or vehicle
/// noun (`مقاتلات`, `منظومة`, `صواريخ`, `الفرقاطة`, `من طراز`) is
/// followed by its designation (`إف-16 بلوك 70`, `سو-30 إس إم 2`,
/// `كاليبر`) or a quoted name (`الفرقاطة «الأدميرال ماكاروف»`), and the
/// names joined to it by `و` are equipment too (`هيلفاير وستينغر`).
/// `المدافع` with the article is the defender of sports news.
pub(crate) fn equipment_after_trigger(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut i = 0;
    while i + 1 < s.len() {
        let t = &s[i];
        let class = loose_class(t);
        let trigger = class & (TRIGGER | SHIP) != 0
            && t.shape == Shape::Arabic
            && (t.stem() != "طراز" || i > 0 && s[i - 1].norm == "من")
            // `المدافع` before a name is the defender, not the cannons.
            && !(t.clitic.al && t.stem() == "مدافع")
            && free_trigger(ctx, s, chosen, i);
        if !trigger {
            i += 1;
            continue;
        }
        let j = after_trigger(ctx, s, chosen, i);
        if j >= s.len() {
            break;
        }
        if is_quote(&s[j]) {
            if let Some(close) = closed_at(s, j, 6) {
                if make_equipment(chosen, j + 1, close, 0, Rule::EquipmentAfterTrigger) {
                    i = close + 1;
                    continue;
                }
            }
        }
        let mut at = j;
        let mut and = false;
        while let Some((end, strip)) = designation_end(ctx, s, chosen, at, and) {
            if !make_equipment(chosen, at, end, strip, Rule::EquipmentAfterTrigger) {
                break;
            }
            i = end;
            // `و` + another name of the same kind.
            match s.get(end) {
                Some(n) if n.norm == "و" => (at, and) = (end + 1, false),
                Some(n) if n.norm.starts_with('و') && n.clitic.maybe > 0 && loose_class(n) == 0 => {
                    (at, and) = (end, true);
                }
                _ => break,
            }
        }
        i = i.max(j);
    }
}

/// `equipment_designation_suffix`: a known equipment name takes the model
/// designation after it (`إسكندر` + `-إم`, `رافال` + `إف 4`, `أباتشي` +
/// `إيه إتش-64 إي`, `إس-300` + `بي إم يو 2`), and two equipment names in
/// a row are one (`بيرقدار أكينجي`).
pub(crate) fn equipment_designation_suffix(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut k = 0;
    while k < chosen.len() {
        let c = &chosen[k];
        if c.label != Label::Equipment {
            k += 1;
            continue;
        }
        let (start, end) = (c.start, c.end);
        let strip = c.strip.unwrap_or(s[start].clitic.sure);
        let new_end = designation_rest(ctx, s, chosen, end);
        if new_end > end {
            if let Some(c) = chosen.get_mut(k) {
                c.end = new_end;
                c.source = Source::Rule(Rule::EquipmentDesignationSuffix);
                c.strip = Some(strip);
            }
            chosen.retain(|o| o.start == start || o.end <= start || o.start >= new_end);
        }
        k += 1;
    }
}
