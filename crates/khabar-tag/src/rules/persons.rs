//! Rules of persons (PERSON): titles and ranks, names after a title, and
//! where a person's span begins and ends.

use crate::candidate::{covered, norp_at, Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::{Gazetteer, Kind};
use crate::names::bits;
use crate::rules::Rule;
use crate::token::{Shape, Token};

/// Function words (search-normalized) that end a name after a title.
const FUNCTION_WORDS: [&str; 40] = [
    "في",
    "من",
    "الي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "بين",
    "حول",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "منذ",
    "حتي",
    "كما",
    "لكن",
    "بل",
    "اي",
    "كل",
    "هو",
    "هي",
    "انه",
    "انها",
    "الا",
    "لدي",
    "وزير",
];

/// Words that never start or continue a name.
pub(crate) fn is_function_word(t: &Token) -> bool {
    // Not `علي`: after search folding it is both `على` and the name `علي`.
    FUNCTION_WORDS.contains(&t.norm.as_str())
}

/// Length of a title phrase starting at token `i` and ending before
/// `limit`, if any (`العميد الركن` = 2).
pub(crate) fn title_at(gaz: &Gazetteer, s: &[Token], i: usize, limit: usize) -> Option<usize> {
    let first = s[i].bare();
    // `وزير الدفاع`, `وزيرة الخارجية`: a minister and the portfolio.
    if (first == "وزير" || first == "وزيره")
        && i + 2 <= limit
        && s[i + 1].shape == Shape::Arabic
        && s[i + 1].clitic.al
        && s[i + 1].clitic.sure == 0
    {
        return Some(2);
    }
    // The phrase key grows a word at a time (no key strings: this runs
    // for every token).
    let mut key = Gazetteer::word_key(first);
    let (title, starts_phrase) = gaz.has_key(key, Kind::Title);
    let mut best = title.then_some(1);
    if !starts_phrase {
        return best;
    }
    for n in 2..=3 {
        if i + n > limit {
            break;
        }
        key = Gazetteer::extend_key(key, &s[i + n - 1]);
        if gaz.has_key(key, Kind::Title).0 {
            best = Some(n);
        }
    }
    best
}

/// `person_adjacent_merge`: two adjacent person spans are one name (`علي`
/// + `خامنئي`).
pub(crate) fn person_adjacent_merge(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut k = 0;
    while k + 1 < chosen.len() {
        if chosen[k].label == Label::Person
            && chosen[k + 1].label == Label::Person
            && chosen[k + 1].start == chosen[k].end
            && !two_people(ctx, s, &chosen[k], &chosen[k + 1])
        {
            chosen[k].end = chosen[k + 1].end;
            chosen[k].source = Source::Rule(Rule::PersonAdjacentMerge);
            chosen.remove(k + 1);
        } else {
            // The second of two people does not start with `و`.
            let b = &mut chosen[k + 1];
            if b.label == Label::Person && b.strip.is_none() && name_after_and(ctx, &s[b.start]) {
                b.strip = Some(1);
            }
            k += 1;
        }
    }
}

/// Whether adjacent person spans `a` and `b` are two people: the same
/// name twice (`سيغموند فرويد سيغموند فرويد`), or two full names that the
/// model started apart at `و`/`ف` (`وليد توفيق وفايز السعيد`) where the
/// rest is no given name that [`person_split_at_conjunction`] would split
/// at again.
fn two_people(ctx: &Ctx<'_>, s: &[Token], a: &Cand, b: &Cand) -> bool {
    let words = |c: &Cand| s[c.start..c.end].iter().map(|t| t.norm.as_str());
    if a.end - a.start == b.end - b.start && words(a).eq(words(b)) {
        return true;
    }
    let n = s[b.start].norm.as_str();
    if !n.starts_with(['و', 'ف']) || n.chars().count() < 4 {
        return false;
    }
    if name_after_and(ctx, &s[b.start]) {
        return true;
    }
    a.end - a.start >= 2
        && b.end - b.start >= 2
        && !n
            .char_indices()
            .skip(1)
            .take(2)
            .any(|(i, _)| ctx.gaz.has(&n[i..], Kind::Given))
}

/// Whether `t` is `و` + a word of the name lists that is no given name of
/// the gazetteer (`وبلير` after `بوش`), while `t` itself is no name
/// (`وانغ` is).
fn name_after_and(ctx: &Ctx<'_>, t: &Token) -> bool {
    let n = t.norm.as_str();
    // `و` only: many names start with `ف` (`فؤاد`, `فايز`).
    let Some(rest) = n.strip_prefix('و') else {
        return false;
    };
    let names = crate::names::Names::global();
    rest.chars().count() >= 3
        && names.word(rest) & bits::PERSON != 0
        && names.word(n) & bits::PERSON == 0
        && !ctx.gaz.has(rest, Kind::Given)
        && !ctx.gaz.has(n, Kind::Given)
}

/// One-word titles that are also common nouns (`الفريق` "the team",
/// `اللواء` "the brigade", `العميد` "the dean"): a person after them needs
/// a given name.
const AMBIGUOUS_TITLES: [&str; 4] = ["الفريق", "اللواء", "العميد", "القائد"];

/// `person_after_title`: a title or rank followed by name-like words
/// makes a person (`الجنرال ذاكر حسنوف`); the words between a title and a
/// person the model found start that name (`وزير الدفاع ذاكر [حسن اوف]`).
pub(crate) fn person_after_title(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut covered = covered(s.len(), chosen);
    let mut i = 0;
    while i < s.len() {
        let Some(n) = title_at(ctx.gaz, s, i, s.len()) else {
            i += 1;
            continue;
        };
        let mut k = i + n;
        // `الرئيس الإيراني إبراهيم رئيسي`: skip a nisba after the title.
        while k < s.len() && norp_at(chosen, k).is_some() {
            k += 1;
        }
        if k >= s.len()
            || covered[k]
            || s[k].shape != Shape::Arabic
            || s[k].clitic.al
            || s[k].clitic.sure > 0
            // `وزير الدفاع ودعم القوات`: `و` + a word the model knows
            // is a conjunction, not a name (`وليد` has no such rest).
            || s[k].maybe_forms().any(|(_, rest)| ctx.common(rest))
        {
            i += n;
            continue;
        }
        let mut end = name_end(ctx, s, k, &covered);
        let ambiguous = n == 1 && AMBIGUOUS_TITLES.contains(&s[i].bare());
        // `رئيس بلدية غنجة`: a title before an organization head noun is
        // an office, not a person's title.
        let can_start = !is_function_word(&s[k]) && !ctx.gaz.has(s[k].stem(), Kind::OrgHead);
        if end > k && !ambiguous && can_start {
            if let Some(c) = chosen
                .iter_mut()
                .find(|c| c.start == end && c.label == Label::Person)
            {
                c.start = k;
                c.source = Source::Rule(Rule::PersonAfterTitle);
                for cv in &mut covered[k..end] {
                    *cv = true;
                }
                i = end;
                continue;
            }
        }
        // Name-like: a given name, or a word the model has not seen
        // often enough to have a feature for.
        let namey = |t: &Token| ctx.gaz.has(&t.norm, Kind::Given) || !ctx.known(&t.norm);
        // `على` (with `ى`) ends no name: it is the preposition (`عزما
        // اكيدا على`), which search folding makes the name `علي`.
        let prep = |t: &Token| ctx.text.get(t.span.range()) == Some("على");
        while end > k && (!namey(&s[end - 1]) || prep(&s[end - 1])) {
            end -= 1;
        }
        let ok = end > k
            && can_start
            // `الفريق على مختلف`: the team, and the preposition `على`
            // that search folding makes the name `علي`.
            && (!ambiguous
                || ctx.gaz.has(&s[k].norm, Kind::Given)
                    && ctx.text.get(s[k].span.range()) != Some("على"))
            && (namey(&s[k]) || end > k + 1);
        if ok {
            chosen.push(Cand {
                strip: Some(0),
                ..Cand::by_rule(Rule::PersonAfterTitle, k, end, Label::Person, 0.5)
            });
            for c in &mut covered[k..end] {
                *c = true;
            }
        }
        i = end.max(i + n);
    }
    chosen.sort_by_key(|c| c.start);
}

/// Where a name after a title at token `k` may end: up to four Arabic
/// words without proclitics, function words or another title, and no
/// article word after the first but `الد…` (`الدين`).
fn name_end(ctx: &Ctx<'_>, s: &[Token], k: usize, covered: &[bool]) -> usize {
    let mut end = k;
    while end < s.len()
        && end < k + 4
        && !covered[end]
        && s[end].shape == Shape::Arabic
        && s[end].clitic.sure == 0
        && (end == k || !is_function_word(&s[end]))
        && title_at(ctx.gaz, s, end, s.len()).is_none()
    {
        if end > k && s[end].clitic.al && !s[end].norm.starts_with("الد") {
            break;
        }
        end += 1;
    }
    end
}

/// `person_split_at_conjunction`: two people joined by `و` are two
/// entities (`خالد العمري ومحمد الزعبي`, `وبمحمد`): a person span splits
/// before a word that is `و` or `ف`, maybe a preposition, and a given
/// name.
pub(crate) fn person_split_at_conjunction(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut k = 0;
    while k < chosen.len() {
        let c = &chosen[k];
        if c.label == Label::Person {
            let split = (c.start + 1..c.end).find_map(|j| {
                let n = &s[j].norm;
                if !n.starts_with(['و', 'ف']) {
                    return None;
                }
                // `ومحمد` (1 letter), `وبمحمد` (2 letters).
                n.char_indices()
                    .skip(1)
                    .take(2)
                    .enumerate()
                    .find_map(|(m, (b, _))| {
                        let rest = &n[b..];
                        (rest.chars().count() >= 3 && ctx.gaz.has(rest, Kind::Given))
                            .then_some((j, m as u8 + 1))
                    })
            });
            if let Some((j, strip)) = split {
                let mut second = chosen[k].clone();
                second.start = j;
                second.strip = Some(strip);
                second.entry = None;
                second.of = None;
                second.source = Source::Rule(Rule::PersonSplitAtConjunction);
                chosen[k].end = j;
                chosen.insert(k + 1, second);
            }
        }
        k += 1;
    }
}

/// `person_single_script`: a person's name does not run from Arabic into
/// Latin letters or back (`أمين الناصر CEO`, `محمد بن سلمان https`): the
/// span ends where the script of its first word changes.
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn person_single_script(_ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    for c in chosen.iter_mut() {
        if c.label == Label::Person {
            let script = s[c.start].shape;
            if let Some(j) = (c.start + 1..c.end).find(|&j| s[j].shape != script) {
                c.end = j;
            }
        }
    }
}

/// `title_outside_person`: the titles and ranks at the start of person
/// span `c` (`العميد الركن`) or just before it, right to left, leave the
/// span; returns their token range.
pub(crate) fn title_outside_person(
    gaz: &Gazetteer,
    s: &[Token],
    c: &mut Cand,
) -> Option<(usize, usize)> {
    let mut title: Option<(usize, usize)> = None;
    while let Some(n) = title_at(gaz, s, c.start, c.end) {
        title = Some((title.map_or(c.start, |t| t.0), c.start + n));
        c.start += n;
    }
    let mut b = c.start;
    'back: while b > 0 {
        for n in (1..=3.min(b)).rev() {
            if title_at(gaz, s, b - n, b) == Some(n) {
                b -= n;
                title = Some((b, title.map_or(c.start, |t| t.1)));
                continue 'back;
            }
        }
        break;
    }
    title
}

/// `person_nisba_surname`: a singular nisba right after a person's name
/// is the name's last part, not a nationality (`محمد شياع` + `السوداني`).
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn person_nisba_surname(_ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut k = 0;
    while k + 1 < chosen.len() {
        let (p, n) = (&chosen[k], &chosen[k + 1]);
        let t = &s[n.start];
        let merge = p.label == Label::Person
            && p.end - p.start >= 2
            && n.label == Label::Norp
            && n.start == p.end
            && n.end == n.start + 1
            && t.clitic.al
            && t.clitic.sure == 0
            && t.norm.ends_with('ي');
        if merge {
            chosen[k].end = chosen[k + 1].end;
            chosen[k].source = Source::Rule(Rule::PersonNisbaSurname);
            chosen.remove(k + 1);
        }
        k += 1;
    }
}

/// Whether `t` looks like a verb in the imperfect (`يولي`, `تؤكد`) and is
/// in no list of name parts.
fn imperfect_verb(ctx: &Ctx<'_>, t: &Token) -> bool {
    let names = crate::names::Names::global();
    t.shape == Shape::Arabic
        && t.clitic.sure == 0
        && !t.clitic.al
        && t.norm.starts_with(['ي', 'ت'])
        && t.norm.chars().count() >= 4
        && !ctx.gaz.has(&t.norm, Kind::Given)
        // Mostly a common word in ANERcorp train (`يولي` "attaches"), or
        // in no list of name parts and unlike a name.
        && (ctx.common(&t.norm)
            || names.word(&t.norm) & crate::names::bits::PERSON == 0
                && names.name_likeness(&t.norm) < 0.5)
}

/// `person_ends_before_verb`: a person's name of three words or more does
/// not end with a verb in the imperfect (`علي خامنئي يولي`).
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn person_ends_before_verb(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let names = crate::names::Names::global();
    for c in chosen.iter_mut() {
        if c.label != Label::Person || c.end - c.start < 3 {
            continue;
        }
        let last = &s[c.end - 1];
        // `منصور بن تركي`: the word after `بن` is the father's name.
        if matches!(
            s[c.end - 2].norm.as_str(),
            "بن" | "ابن" | "بنت" | "ابو" | "ابي" | "ام"
        ) {
            continue;
        }
        let shape = last.shape == Shape::Arabic
            && last.clitic.sure == 0
            && !last.clitic.al
            && last.norm.starts_with(['ي', 'ت'])
            && last.norm.chars().count() >= 4;
        // The words before it are a listed full name (`علي خامنئي`).
        let listed = || {
            names.phrase_at(s, c.start).is_some_and(|(n, kind)| {
                c.start + n == c.end - 1 && kind & crate::names::phrase::FULL != 0
            })
        };
        if shape && (imperfect_verb(ctx, last) || listed()) {
            c.end -= 1;
            c.source = Source::Rule(Rule::PersonEndsBeforeVerb);
        }
    }
}

/// `person_not_from_preposition`: a person's name that follows a word does
/// not start with the preposition `على` as written (alef maqsura), which
/// search folding makes the name `علي` that the name lists and the model
/// know (`حكم على خالد العمري`, `اعتدى على أحمد`). A name that opens the
/// text or the sentence, or follows a title, keeps it (`على عبد الله
/// صالح`, `المرشد على خامنئي`, where `ي` is written `ى`).
#[allow(clippy::ptr_arg)]
pub(crate) fn person_not_from_preposition(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    for c in chosen.iter_mut() {
        if c.label != Label::Person || c.end - c.start < 2 || c.start == 0 {
            continue;
        }
        let after_word = s[c.start - 1].shape == Shape::Arabic;
        // After a title the word is the name (`المرشد على خامنئي`).
        let after_title = (c.start.saturating_sub(3)..c.start)
            .any(|j| title_at(ctx.gaz, s, j, c.start).is_some_and(|n| j + n == c.start));
        if after_word && !after_title && ctx.text.get(s[c.start].span.range()) == Some("على") {
            c.start += 1;
            c.source = Source::Rule(Rule::PersonNotFromPreposition);
        }
    }
}

/// `person_compound_takes_surname`: a name that ends with the second half
/// of a compound given name (`سهيل الدين`) takes the family name after
/// it, even one that is also a common word (`أكبر`).
#[allow(clippy::ptr_arg)]
pub(crate) fn person_compound_takes_surname(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let names = crate::names::Names::global();
    for k in 0..chosen.len() {
        let c = &chosen[k];
        let end = c.end;
        let next_free = chosen.get(k + 1).is_none_or(|n| n.start > end);
        if c.label != Label::Person || !next_free || s[end - 1].norm != "الدين" {
            continue;
        }
        let Some(t) = s.get(end) else { continue };
        let surname = t.shape == Shape::Arabic
            && t.clitic.sure == 0
            && !t.clitic.al
            && t.clitic.maybe == 0
            && !is_function_word(t)
            && title_at(ctx.gaz, s, end, s.len()).is_none()
            && !imperfect_verb(ctx, t)
            && !matches!(t.norm.as_str(), "امس" | "غدا" | "اليوم")
            // A listed name part, or a word that ends the phrase (`سهيل
            // الدين أكبر إن`).
            && (names.word(&t.norm) & crate::names::bits::PERSON != 0
                || s.get(end + 1)
                    .is_none_or(|n| n.shape == Shape::Punct || is_function_word(n)));
        if surname {
            chosen[k].end = end + 1;
            chosen[k].source = Source::Rule(Rule::PersonCompoundTakesSurname);
        }
    }
}
