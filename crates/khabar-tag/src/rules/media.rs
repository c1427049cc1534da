//! Rules of news outlets (ORG): names after `وكالة`, `قناة`, `صحيفة`,
//! `موقع`…, outlets credited in datelines (`/قنا/`, `(الأناضول)`), and an
//! organization's short name in brackets after it (`(إيغاد)`).

use crate::candidate::{Cand, Ctx};
use crate::entity::Label;
use crate::rules::org_names::{make_org, units, Unit};
use crate::rules::persons::is_function_word;
use crate::rules::words::{loose_class, word_class, OUTLET, SPELLED};
use crate::rules::Rule;
use crate::token::{Shape, Token};

/// Whether `t` is a quotation mark or bracket that opens or closes a name.
pub(crate) fn is_quote(t: &Token) -> bool {
    matches!(
        t.norm.as_str(),
        "«" | "»" | "\"" | "“" | "”" | "'" | "‘" | "’"
    )
}

/// The token after a closing mark matching the opener at `open`: `(`
/// closes with `)`, `/` with `/`, a quote with any quote. At most `max`
/// tokens inside, all of them words.
pub(crate) fn closed_at(s: &[Token], open: usize, max: usize) -> Option<usize> {
    let o = &s[open];
    let closes = |t: &Token| match o.norm.as_str() {
        "(" => t.norm == ")",
        "/" => t.norm == "/",
        _ => is_quote(o) && is_quote(t),
    };
    if !(o.norm == "(" || o.norm == "/" || is_quote(o)) {
        return None;
    }
    let mut j = open + 1;
    while j < s.len() && j <= open + max + 1 {
        if closes(&s[j]) {
            return (j > open + 1).then_some(j);
        }
        if matches!(s[j].shape, Shape::Punct) && s[j].norm != "-" {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether tokens `a` and `b` touch (no space between: `إنترفاكس-جورجيا`).
fn touch(a: &Token, b: &Token) -> bool {
    a.span.end == b.span.start
}

/// Where an outlet's own name that starts at token `j` ends (`إنترفاكس-
/// جورجيا`, `موزاييك إف إم`, `روداو`), if it is a name: a chosen span
/// of a name or place, or words the model does not know as common words,
/// Latin words, and spelled-out letters after them.
fn outlet_name_end(
    ctx: &Ctx<'_>,
    s: &[Token],
    chosen: &[Cand],
    j: usize,
    site: bool,
) -> Option<usize> {
    let t = s.get(j)?;
    let mut end = match chosen.iter().find(|c| c.start == j) {
        Some(c) if !site && c.label != Label::Norp && c.label != Label::Date => c.end,
        None if t.shape == Shape::Latin || t.shape == Shape::Mixed => j + 1,
        None if t.shape == Shape::Arabic
            && t.clitic.sure == 0
            && (!t.clitic.al || !site)
            && !is_function_word(t)
            && (!site || !ctx.common(&t.norm))
            && word_class(t) & SPELLED == 0 =>
        {
            j + 1
        }
        Some(_) | None => return None,
    };
    loop {
        match s.get(end) {
            // `إنترفاكس-جورجيا`
            Some(h) if h.norm == "-" && touch(&s[end - 1], h) => {
                if s.get(end + 1)
                    .is_some_and(|n| touch(h, n) && n.shape != Shape::Punct)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            Some(n)
                if n.shape == Shape::Latin
                    || word_class(n) & SPELLED != 0
                        && n.clitic.maybe == 0
                        && !matches!(n.norm.as_str(), "ان" | "اي" | "ال" | "او") =>
            {
                end += 1;
            }
            Some(n)
                if n.shape == Shape::Arabic
                    && !n.clitic.al
                    && n.clitic.sure == 0
                    && !ctx.known(&n.norm)
                    && end < j + 3
                    && !chosen.iter().any(|c| c.start == end) =>
            {
                end += 1;
            }
            _ => break,
        }
    }
    Some(end)
}

/// `org_outlet_name`: an agency, channel, newspaper, radio, network or
/// website is an organization with its head noun (`وكالة أبا`, `قناة
/// المسيرة`, `إذاعة موزاييك إف إم`, `شبكة روداو الإعلامية`, `القناة 12`);
/// a quoted name after the head is the name alone (`موقع «ليبيا
/// أوبزرفر»`).
pub(crate) fn org_outlet_name(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut i = 0;
    while i + 1 < s.len() {
        let h = &s[i];
        if h.shape != Shape::Arabic || loose_class(h) & OUTLET == 0 {
            i += 1;
            continue;
        }
        // An outlet found already (`وكالة إنترفاكس`) takes a joined
        // word (`-جورجيا`).
        match chosen.iter().find(|c| c.start <= i && c.end > i) {
            Some(c) if c.start == i && c.label == Label::Org => {
                let end = c.end;
                if end + 1 < s.len()
                    && s[end].norm == "-"
                    && touch(&s[end - 1], &s[end])
                    && touch(&s[end], &s[end + 1])
                    && s[end + 1].shape == Shape::Arabic
                {
                    make_org(chosen, s, i, end + 2, Rule::OrgOutletName);
                }
                i = end;
                continue;
            }
            Some(c) => {
                i = c.end.max(i + 1);
                continue;
            }
            None => {}
        }
        // `موقع «ليبيا أوبزرفر»`: the quoted name.
        if is_quote(&s[i + 1]) {
            if let Some(close) = closed_at(s, i + 1, 5) {
                if make_org(chosen, s, i + 2, close, Rule::OrgOutletName) {
                    if let Some(c) = chosen.iter_mut().find(|c| c.start == i + 2) {
                        c.strip = Some(0);
                    }
                    i = close + 1;
                    continue;
                }
            }
        }
        let site = h.stem() == "موقع" || h.maybe_stem() == "موقع";
        let end = if h.clitic.al {
            // `القناة 12`, the numbered channels.
            (!site && s[i + 1].shape == Shape::Digit).then_some(i + 2)
        } else {
            outlet_name_end(ctx, s, chosen, i + 1, site)
        };
        let Some(mut end) = end else {
            i += 1;
            continue;
        };
        // `للأنباء`, `الإعلامية`, a nisba.
        for (u, e) in units(ctx, s, chosen, end, end + 2) {
            let ok = match u {
                Unit::Comp => s[e - 1].stem() == "انباء",
                Unit::Adj => matches!(
                    s[e - 1].stem(),
                    "اعلاميه" | "اخباريه" | "فضاييه" | "فضائيه" | "دوليه"
                ),
                Unit::Nisba => true,
                _ => false,
            };
            if !ok {
                break;
            }
            end = e;
        }
        if make_org(chosen, s, i, end, Rule::OrgOutletName) {
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Whether sentence `s` opens a line of the text (where datelines are).
pub(crate) fn opens_line(ctx: &Ctx<'_>, s: &[Token]) -> bool {
    s.first().is_some_and(|first| {
        ctx.text[..first.span.start]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.trim().is_empty())
    })
}

/// `org_dateline_outlet`: the outlet credited in a dateline, in brackets,
/// slashes or quotes between the place (and date) that opens a line and
/// its dash, is an organization (`أنقرة (الأناضول) -`, `الدوحة في 12
/// مايو /قنا/ -`, `بيروت: «الشرق الأوسط» -`).
pub(crate) fn org_dateline_outlet(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    if !opens_line(ctx, s)
        || !chosen
            .first()
            .is_some_and(|c| c.start == 0 && matches!(c.label, Label::Gpe | Label::Loc))
    {
        return;
    }
    for k in 1..s.len().min(10) {
        let Some(close) = closed_at(s, k, 4) else {
            continue;
        };
        let dash = s
            .get(close + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "-" | "–" | "—"));
        let words = s[k + 1..close]
            .iter()
            .all(|t| matches!(t.shape, Shape::Arabic | Shape::Latin));
        if dash && words && !country_inside(chosen, k + 1, close) {
            if make_org(chosen, s, k + 1, close, Rule::OrgDatelineOutlet) {
                if let Some(c) = chosen.iter_mut().find(|c| c.start == k + 1) {
                    c.strip = Some(0);
                }
            }
            return;
        }
    }
}

/// `org_alias_in_brackets`: a short name in brackets or quotes right after
/// an organization is an organization too (`الهيئة الحكومية للتنمية
/// (إيغاد)`, `… «اليونيفيل»`, `(«روسغفارديا»)`), unless it is a country
/// (a player's club and then his country: `(إسبانيا)`).
pub(crate) fn org_alias_in_brackets(_ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut k = 0;
    while k < chosen.len() {
        let c = &chosen[k];
        k += 1;
        if c.label != Label::Org {
            continue;
        }
        let mut open = c.end;
        // `(«…»)`: brackets around quotes.
        if s.get(open).is_some_and(|t| t.norm == "(") && s.get(open + 1).is_some_and(is_quote) {
            open += 1;
        }
        if open >= s.len() {
            continue;
        }
        let Some(close) = closed_at(s, open, 2) else {
            continue;
        };
        let alias = &s[open + 1..close];
        let namey = alias.iter().all(|t| {
            matches!(t.shape, Shape::Arabic | Shape::Latin)
                && t.clitic.sure == 0
                && t.norm.chars().count() >= 2
                && !is_function_word(t)
        }) && !country_inside(chosen, open + 1, close);
        if namey && make_org(chosen, s, open + 1, close, Rule::OrgAliasInBrackets) {
            if let Some(c) = chosen.iter_mut().find(|c| c.start == open + 1) {
                c.strip = Some(0);
            }
            k = chosen
                .iter()
                .position(|c| c.start == open + 1)
                .map_or(k, |p| p + 1);
        }
    }
}

/// Whether a country was chosen inside tokens `a..b` (a player's
/// country in brackets after his club, a country after a city in a
/// dateline: no outlet or alias). Regions and cities there are outlets
/// (`(الأناضول)`, `/بترا/`).
fn country_inside(chosen: &[Cand], a: usize, b: usize) -> bool {
    chosen.iter().any(|c| {
        c.start >= a
            && c.end <= b
            && c.label == Label::Gpe
            && c.entry.is_some_and(|e| e.id.starts_with("iso:"))
    })
}
