//! Rules of the official names of security and political news (ORG):
//! armed forces, branches, commands and fleets with a nationality, full
//! official names with their complements (`لمكافحة الإرهاب`), and the
//! place or parent body that is part of a name (`بعثة … في أرمينيا`).
//!
//! They read the words after a head noun as [`Unit`]s and decide where the
//! name ends; the words are families (heads, nisbas, complements), never
//! the names of one article.

use crate::candidate::{Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::Kind;
use crate::rules::persons::{is_function_word, title_at};
use crate::rules::words::{
    loose_class, stem_class, FORCE, GROUP, OFFICIAL, PART, PORTFOLIO, SEATED, SOVEREIGN,
};
use crate::rules::Rule;
use crate::token::{Shape, Token};

/// What a stretch of words after an organization head is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// An article word (`الجوية`, `العامة`, `الأركان`).
    Adj,
    /// A nationality or sovereign adjective (`التركية`, `الملكية`).
    Nisba,
    /// A complement after `ل`/`ب` (`للحرس`, `لمكافحة`, `بالإرهاب`).
    Comp,
    /// A noun in construct state, without article (`شؤون`, `دفاع`).
    Noun,
    /// A chosen organization (`الحرس الثوري`, `الأمم المتحدة`).
    Org,
    /// A chosen place (`البحر الأسود`, `البحرين`).
    Place,
}

/// Whether token `t` (article, no proclitic) is a nisba or a sovereign
/// adjective.
fn nisba_word(ctx: &Ctx<'_>, t: &Token) -> bool {
    t.clitic.al
        && t.clitic.sure == 0
        && (stem_class(t) & SOVEREIGN != 0 || ctx.gaz.has(t.stem(), Kind::Norp))
}

/// Whether token `t` opens a complement: `لل…` (`للحرس`), `ل`/`ب` + article
/// (`بالإرهاب`), or `ل` + a noun (`لمكافحة`).
fn complement(t: &Token) -> bool {
    let n = t.norm.as_str();
    if t.clitic.al {
        t.clitic.sure == 1 && n.starts_with(['ل', 'ب']) || t.elided_article() && t.clitic.sure == 2
    } else {
        t.clitic.sure == 0 && t.clitic.maybe >= 1 && n.starts_with('ل') && n.chars().count() >= 5
    }
}

/// Time nouns, which a complement of a name never is (`للفترة`,
/// `لمدة`), search-normalized stems.
const TIME_NOUNS: [&str; 10] = [
    "فتره",
    "مده",
    "عام",
    "سنه",
    "شهر",
    "يوم",
    "مره",
    "اسبوع",
    "سنوات",
    "ايام",
];

/// Whether the complement at token `j` may go on a name: no time noun
/// (`الاتحاد الأوروبي للفترة`), and `ب` + article only after a participle
/// (`المتخصصة بالإرهاب`; not `إدارة البنك بالموافقة`).
fn name_complement(s: &[Token], j: usize) -> bool {
    let t = &s[j];
    let stem = t.stem();
    let stem = stem
        .strip_prefix('ل')
        .filter(|_| !t.clitic.al)
        .unwrap_or(stem);
    if TIME_NOUNS.contains(&stem) {
        return false;
    }
    !(t.clitic.al && t.norm.starts_with('ب'))
        || j > 0 && s[j - 1].clitic.al && s[j - 1].stem().starts_with('م')
}

/// The units after token `from` (up to token `limit`): chosen spans that
/// may be part of a name, and words by their shape. Stops at anything
/// else (a verb, a function word, a title, punctuation).
pub(crate) fn units(
    ctx: &Ctx<'_>,
    s: &[Token],
    chosen: &[Cand],
    from: usize,
    limit: usize,
) -> Vec<(Unit, usize)> {
    let mut out = Vec::new();
    let mut j = from;
    let limit = limit.min(s.len());
    while j < limit {
        let t = &s[j];
        if t.shape != Shape::Arabic {
            break;
        }
        let prefixed = t.clitic.sure > 0 || t.clitic.maybe > 0 && !t.clitic.al;
        if let Some(c) = chosen.iter().find(|c| c.start == j) {
            if prefixed && !complement(t) || c.end > limit {
                break;
            }
            let u = match c.label {
                Label::Org => Unit::Org,
                // `السعودية` after a head is the adjective.
                Label::Norp | Label::Gpe if c.end == j + 1 && nisba_word(ctx, t) => Unit::Nisba,
                Label::Gpe | Label::Loc => Unit::Place,
                _ => break,
            };
            out.push((u, c.end));
            j = c.end;
            continue;
        }
        if is_function_word(t) || title_at(ctx.gaz, s, j, s.len()).is_some() {
            break;
        }
        let u = if complement(t) {
            if !name_complement(s, j) {
                break;
            }
            Unit::Comp
        } else if t.clitic.al && t.clitic.sure == 0 {
            if nisba_word(ctx, t) {
                Unit::Nisba
            } else {
                Unit::Adj
            }
        } else if !t.clitic.al && t.clitic.sure == 0 && out.is_empty() {
            Unit::Noun
        } else {
            break;
        };
        out.push((u, j + 1));
        j += 1;
    }
    out
}

/// Replace the chosen spans inside tokens `start..end` with one ORG made
/// by `rule`, skipping the head's proclitics; false (and nothing done)
/// when a chosen span crosses either edge.
pub(crate) fn make_org(
    chosen: &mut Vec<Cand>,
    s: &[Token],
    start: usize,
    end: usize,
    rule: Rule,
) -> bool {
    if chosen
        .iter()
        .any(|c| c.start < start && c.end > start || c.start < end && c.end > end)
    {
        return false;
    }
    // Found already as it is: the layer that found it keeps it.
    if chosen
        .iter()
        .any(|c| c.start == start && c.end == end && c.label == Label::Org)
    {
        return true;
    }
    // An organization that the name starts with keeps its link (`وكالة
    // تسنيم` + `للأنباء`).
    let kept = chosen
        .iter()
        .find(|c| c.start == start && c.label == Label::Org)
        .map(|c| (c.entry, c.of, c.strip));
    // The last nationality inside the name says whose it is
    // (`القوات المسلحة الإيرانية` → Iran).
    let nationality = chosen
        .iter()
        .rev()
        .filter(|c| c.start >= start && c.end <= end && c.label == Label::Norp)
        .filter_map(|c| c.entry)
        .find(|e| e.kind == Kind::Norp);
    chosen.retain(|c| c.end <= start || c.start >= end);
    let (entry, of, strip) = kept.unwrap_or((None, None, Some(head_strip(&s[start]))));
    let of = of.or(nationality);
    chosen.push(Cand {
        entry,
        strip,
        of,
        ..Cand::by_rule(rule, start, end, Label::Org, 0.6)
    });
    chosen.sort_by_key(|c| c.start);
    true
}

/// The proclitic letters before a head word: the sure ones, or the
/// unsure one when only the word without it is a head (`لقوات`).
pub(crate) fn head_strip(t: &Token) -> u8 {
    if t.clitic.maybe > 0 && stem_class(t) == 0 && loose_class(t) != 0 {
        t.clitic.maybe
    } else {
        t.clitic.sure
    }
}

/// Whether the head at `i` is an adjective of the word before it (`السفن
/// البحرية`): an article head right after an article word.
fn agrees_with_previous(s: &[Token], chosen: &[Cand], i: usize) -> bool {
    s[i].clitic.al
        && s[i].clitic.sure == 0
        && i > 0
        && s[i - 1].shape == Shape::Arabic
        && s[i - 1].clitic.al
        && s[i - 1].clitic.sure == 0
        && !is_function_word(&s[i - 1])
        // `وزارة الدفاع الأذربيجانية` + `القوات المسلحة الأرمينية`.
        && !chosen
            .iter()
            .any(|c| c.end == i && matches!(c.label, Label::Org | Label::Norp | Label::Gpe))
}

/// Heads that name a force by two article words without a nationality
/// (`قوات الحرس الوطني`, `قيادة العمليات المشتركة`).
const NAMED_BY_TWO: [&str; 2] = ["قوات", "قياده"];

/// `org_armed_force`: an armed force, branch, command, fleet or general
/// staff named with a nationality, a sovereign adjective, a country or a
/// named force is an organization (`القوات الجوية الملكية السعودية`,
/// `هيئة الأركان العامة للجيش السوري`, `أسطول البحر الأسود`, `قوة دفاع
/// البحرين`, `قوات الحرس الوطني`).
pub(crate) fn org_armed_force(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut i = 0;
    while i < s.len() {
        let h = &s[i];
        let head = if stem_class(h) == 0 {
            h.maybe_stem()
        } else {
            h.stem()
        };
        if h.shape != Shape::Arabic
            || loose_class(h) & FORCE == 0
            || chosen.iter().any(|c| c.start <= i && c.end > i)
            || agrees_with_previous(s, chosen, i)
        {
            i += 1;
            continue;
        }
        let us = units(ctx, s, chosen, i + 1, i + 9);
        let mut end = None;
        let mut after_name = false;
        for (k, &(u, e)) in us.iter().enumerate() {
            match u {
                Unit::Nisba | Unit::Org => {
                    end = Some(e);
                    after_name = u == Unit::Org;
                }
                // A country after a construct noun or a fleet (`قوة دفاع
                // البحرين`, `أسطول البحر الأسود`).
                Unit::Place if head == "اسطول" || k > 0 && us[k - 1].0 == Unit::Noun => {
                    end = Some(e);
                    after_name = true;
                }
                Unit::Place if !h.clitic.al && k == 0 => after_name = true,
                // `قوات الأمم المتحدة المؤقتة`, `قوات سوريا الديمقراطية`.
                Unit::Adj if after_name => end = Some(e),
                Unit::Comp if k > 0 => after_name = false,
                Unit::Noun | Unit::Adj | Unit::Comp | Unit::Place => after_name = false,
            }
        }
        let adjs = us.iter().take_while(|u| u.0 == Unit::Adj).count();
        // Two words: a third article word is the verb's object.
        if end.is_none() && !h.clitic.al && NAMED_BY_TWO.contains(&head) && adjs >= 2 {
            end = Some(us[1].1);
        }
        match end {
            Some(e) if make_org(chosen, s, i, e, Rule::OrgArmedForce) => i = e,
            _ => i += 1,
        }
    }
}

/// `org_full_name`: an official name runs from its head over article
/// words, complements and a nationality to its last nisba, complement or
/// named body (`الهيئة الحكومية للتنمية`, `وزارة شؤون البيشمركة`, `وكالة
/// تسنيم` + `للأنباء`); a name without either needs a head in construct
/// state and two article words (`حكومة الوحدة الوطنية`).
pub(crate) fn org_full_name(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut i = 0;
    while i < s.len() {
        let h = &s[i];
        // An organization found already, or a head word nobody took.
        let (from, org) = match chosen.iter().find(|c| c.start <= i && c.end > i) {
            Some(c) if c.start == i && c.label == Label::Org => (c.end, true),
            Some(c) => {
                i = c.end.max(i + 1);
                continue;
            }
            None => (i + 1, false),
        };
        let class = loose_class(h);
        if h.shape != Shape::Arabic
            || class & (OFFICIAL | GROUP | PORTFOLIO) == 0
            // `خارجية` without the article is the adjective "external".
            || !org && !h.clitic.al && class & !PORTFOLIO == 0
            || !org && agrees_with_previous(s, chosen, i)
        {
            i = if org { from } else { i + 1 };
            continue;
        }
        let us = units(ctx, s, chosen, from, from + 8);
        // A body found already goes on only by a complement (`وكالة
        // تسنيم` + `للأنباء`); a head in construct state starts with no
        // complement (`مركز للشرطة`), nor with a body unless it is a group
        // (`تنظيم داعش`; not `حكومة` + `حزب الحلم`).
        let first = us.first().map(|u| u.0);
        if org && first != Some(Unit::Comp)
            || !org && !h.clitic.al && first == Some(Unit::Comp)
            || !org
                && first == Some(Unit::Org)
                && class & (GROUP | SEATED) == 0
                && s[from].clitic.sure == 0
            // `مجلس إدارة البنك`: the board of a body is no name of its own.
            || !org && first == Some(Unit::Noun) && s[from].bare() == "اداره"
        {
            i = if org { from } else { i + 1 };
            continue;
        }
        // `الخارجية الروسية`: a ministry by its portfolio and nationality.
        if !org && h.clitic.al && class & PORTFOLIO != 0 {
            // The nisba agrees with the portfolio (`الخارجية الفرنسية`),
            // not with a minister before it (`وزير الخارجية الإيراني`).
            let end = (first == Some(Unit::Nisba) && s[from].norm.ends_with('ه')).then(|| us[0].1);
            match end {
                Some(e) if make_org(chosen, s, i, e, Rule::OrgFullName) => i = e,
                _ => i += 1,
            }
            continue;
        }
        // `ل` + a noun needs its object (`لمكافحة الإرهاب`): without one
        // the name ends where it ended before it (`الجهاز الفني لقيادة`
        // is no name).
        let mut end = name_end(&us, us.len());
        while let Some(e) = end {
            if !(s[e - 1].clitic.maybe >= 1 && !s[e - 1].clitic.al && complement(&s[e - 1])) {
                break;
            }
            end = name_end(&us, us.iter().take_while(|u| u.1 < e).count());
        }
        // A definite head needs an adjective before its complement (`الهيئة
        // الحكومية للتنمية`; `اللجنة لمكافحة` is no name).
        if h.clitic.al && !org && us.first().is_none_or(|u| u.0 != Unit::Adj) {
            end = None;
        }
        // `حكومة الوحدة الوطنية`, `جهاز مكافحة الإرهاب`.
        let noun = usize::from(first == Some(Unit::Noun));
        let run = us[noun.min(us.len())..]
            .iter()
            .take_while(|u| u.0 == Unit::Adj)
            .count();
        // At most two words: a third article word is the verb's object
        // (`ونفت حكومة الوحدة الوطنية الاتهامات`).
        // `تنظيم` with words alone is the verbal noun (`وتنظيم الهجرة
        // السرية`, organizing); the group needs its name (`تنظيم داعش`).
        let verbal = h.maybe_stem() == "تنظيم" || h.stem() == "تنظيم";
        if end.is_none() && !org && !h.clitic.al && !verbal && (run >= 2 || noun == 1 && run >= 1) {
            end = Some(us[(noun + run).min(2) - 1].1);
        }
        match end {
            Some(e) if e > from && make_org(chosen, s, i, e, Rule::OrgFullName) => i = e,
            _ => i = if org { from } else { i + 1 },
        }
    }
}

/// Where a name of units `us[..n]` after its head ends: at its last
/// nisba, named body or complement (and the article words of an open
/// complement); after its nationality a name takes only a complement.
fn name_end(us: &[(Unit, usize)], n: usize) -> Option<usize> {
    let mut end = None;
    let mut open_comp = false;
    let mut nisba = false;
    for &(u, e) in &us[..n] {
        match u {
            Unit::Adj | Unit::Noun | Unit::Place if nisba && !open_comp => break,
            Unit::Nisba | Unit::Org => {
                end = Some(e);
                open_comp = false;
                nisba = u == Unit::Nisba;
            }
            Unit::Comp => {
                open_comp = true;
                end = Some(e);
            }
            Unit::Adj if open_comp => end = Some(e),
            Unit::Adj => {}
            Unit::Noun | Unit::Place => open_comp = false,
        }
    }
    end
}

/// `org_seat_in_name`: a mission, force or office and `في` + the place it
/// serves (`بعثة الأمم المتحدة للدعم في ليبيا`, `تنظيم القاعدة في بلاد
/// المغرب الإسلامي`), or a committee and `في` + its parent body (`لجنة
/// الشؤون الخارجية في مجلس النواب الأمريكي`), are one name.
pub(crate) fn org_seat_in_name(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    committee_before_parent(ctx, s, chosen);
    let mut k = 0;
    while k < chosen.len() {
        let c = &chosen[k];
        let (start, fi) = (c.start, c.end);
        let class = loose_class(&s[start]);
        // `للدعم` between the name and `في`.
        let mut fi = fi;
        if class & SEATED != 0 && s.get(fi).is_some_and(complement) {
            let us = units(ctx, s, chosen, fi, fi + 3);
            if us.first().is_some_and(|u| u.0 == Unit::Comp) {
                fi = us
                    .iter()
                    .take_while(|u| matches!(u.0, Unit::Comp | Unit::Adj))
                    .last()
                    .map_or(fi, |u| u.1);
            }
        }
        let ok = c.label == Label::Org
            && class & (SEATED | PART) != 0
            && s.get(fi).is_some_and(|t| t.norm == "في");
        if !ok {
            k += 1;
            continue;
        }
        // `في بلاد` + a place: the place's land.
        let mut j = fi + 1;
        if s.get(j).is_some_and(|t| t.norm == "بلاد") {
            j += 1;
        }
        let next = chosen.iter().find(|c| c.start == j);
        let end = match next {
            Some(n) if n.label == Label::Org && class & PART != 0 && j == fi + 1 => Some(n.end),
            Some(n) if matches!(n.label, Label::Gpe | Label::Loc) && class & SEATED != 0 => {
                // And the adjectives of the land (`المغرب الإسلامي`).
                let us = units(ctx, s, chosen, n.end, n.end + 2);
                Some(
                    us.iter()
                        .take_while(|u| matches!(u.0, Unit::Adj | Unit::Nisba))
                        .last()
                        .map_or(n.end, |u| u.1),
                )
            }
            _ => None,
        };
        match end {
            Some(e) if make_org(chosen, s, start, e, Rule::OrgSeatInName) => {
                if let Some(c) = chosen.iter_mut().find(|c| c.start == start) {
                    c.source = Source::Rule(Rule::OrgSeatInName);
                }
                k = chosen
                    .iter()
                    .position(|c| c.start == start)
                    .map_or(k + 1, |p| p + 1);
            }
            _ => k += 1,
        }
    }
}

/// A committee or office in construct state with its article words right
/// before `في` + an organization (`لجنة الدفاع في البرلمان الأوروبي`)
/// becomes an organization, which [`org_seat_in_name`] then joins to its
/// parent.
fn committee_before_parent(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    for i in 0..s.len() {
        let h = &s[i];
        if h.clitic.al
            || loose_class(h) & PART == 0
            || chosen.iter().any(|c| c.start <= i && c.end > i)
        {
            continue;
        }
        let us = units(ctx, s, chosen, i + 1, i + 4);
        let run = us
            .iter()
            .take_while(|u| matches!(u.0, Unit::Adj | Unit::Nisba))
            .count();
        if run == 0 {
            continue;
        }
        let fi = us[run - 1].1;
        let parent = s.get(fi).is_some_and(|t| t.norm == "في")
            && chosen
                .iter()
                .any(|c| c.start == fi + 1 && c.label == Label::Org);
        if parent {
            make_org(chosen, s, i, fi, Rule::OrgSeatInName);
        }
    }
}
