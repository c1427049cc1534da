//! Rules of organizations (ORG): one-word organizations that are common
//! words, an organization and its nisba, and names built on a head noun.

use crate::candidate::{covered, norp_at, Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::{Entry, FastSet, Kind};
use crate::rules::persons::{is_function_word, title_at};
use crate::rules::Rule;
use crate::token::{Shape, Token};

/// `common_word_org_needs_context`: whether an `n`-word match of `e` at
/// token `t` is a one-word organization that ANERcorp train has more than
/// once, mostly as a common word (`فتح` "opening", `القاعدة` "the base",
/// `الحياة` "life"): `فتح تحقيق` is not Fatah. Institutions named by their
/// head noun stay strong (`البرلمان`, which a nisba qualifies: `البرلمان
/// اللبناني`).
pub(crate) fn common_word_org_needs_context(ctx: &Ctx<'_>, t: &Token, n: usize, e: &Entry) -> bool {
    n == 1
        && e.kind == Kind::Org
        && [t.norm.as_str(), t.bare()]
            .into_iter()
            .any(|w| ctx.common_seen_twice(w))
        && !ctx.gaz.has(t.stem(), Kind::OrgHead)
}

/// The last words of the document's organizations that need no agreement
/// (`حركة فتح`, `تنظيم القاعدة`), for [`org_named_in_full`]: one sense per
/// document.
pub(crate) fn org_words<'a>(sents: &'a [Vec<Token>], cands: &[Vec<Cand>]) -> FastSet<&'a str> {
    cands
        .iter()
        .zip(sents)
        .flat_map(|(cs, s)| {
            cs.iter()
                .filter(|c| !c.needs_model && c.label == Label::Org && c.end > c.start)
                .filter_map(move |c| s.get(c.end - 1))
        })
        .map(Token::bare)
        .collect()
}

/// `org_named_in_full`: whether `c`, a one-word organization held back as
/// a common word, is the word that ends a surer organization of the
/// document ([`org_words`]): `وانتقدت فتح` after `حركة فتح`.
pub(crate) fn org_named_in_full(c: &Cand, s: &[Token], org_words: &FastSet<&str>) -> bool {
    c.label == Label::Org
        && c.entry.is_some()
        && c.end == c.start + 1
        && s.get(c.start).is_some_and(|t| org_words.contains(t.bare()))
}

/// `org_takes_nisba`: an organization takes the nisba that follows it
/// (`وزارة الدفاع` + `الأذربيجانية`); the nisba's country qualifies its
/// link. `السورية` may have come out as GPE (`سورية` is also the country):
/// after an organization it is the adjective.
pub(crate) fn org_takes_nisba(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut k = 0;
    while k + 1 < chosen.len() {
        let next = &chosen[k + 1];
        let nisba = next.label == Label::Norp
            || (next.end == next.start + 1
                && next.start < s.len()
                && ctx.gaz.has(s[next.start].stem(), Kind::Norp));
        if chosen[k].label == Label::Org
            && next.start == chosen[k].end
            && nisba
            && s[next.start].clitic.al
            && s[next.start].clitic.sure == 0
        {
            let of = next.entry.filter(|e| e.kind == Kind::Norp).or_else(|| {
                ctx.gaz
                    .get(s[next.start].stem())
                    .iter()
                    .find(|e| e.kind == Kind::Norp)
            });
            chosen[k].end = next.end;
            chosen[k].of = of;
            chosen[k].source = Source::Rule(Rule::OrgTakesNisba);
            chosen.remove(k + 1);
        }
        k += 1;
    }
}

/// Head nouns (search-normalized stems) that make an organization with a
/// following nisba: `الجيش الأذربيجاني`, `وزارة الخارجية الإيرانية`.
const ORG_HEADS: [&str; 10] = [
    "جيش",
    "وزاره",
    "وكاله",
    "حزب",
    "حركه",
    "جبهه",
    "منظمه",
    "هييه",
    "مجلس",
    "حلف",
];

/// `org_head_with_nisba`: an organization head noun, up to two article
/// words and a nisba the tagger chose make an organization (`الجيش
/// الأذربيجاني`, `وزارة الخارجية الإيرانية`).
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn org_head_with_nisba(_ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut covered = covered(s.len(), chosen);
    for i in 0..s.len() {
        if covered[i] || !ORG_HEADS.contains(&s[i].stem()) {
            continue;
        }
        let mut j = i + 1;
        while j < s.len() && j <= i + 3 && !covered[j] && s[j].clitic.al && s[j].clitic.sure == 0 {
            j += 1;
        }
        if j >= s.len() || j > i + 3 || !(s[j].clitic.al && s[j].clitic.sure == 0) {
            continue;
        }
        if let Some(pos) = norp_at(chosen, j) {
            chosen[pos] = Cand {
                strip: Some(s[i].clitic.sure),
                ..Cand::by_rule(Rule::OrgHeadWithNisba, i, j + 1, Label::Org, 0.6)
            };
            for c in &mut covered[i..=j] {
                *c = true;
            }
        }
    }
}

/// Head nouns (search-normalized, without article) that start an
/// organization name in construct state (`وزارة الأمن الوطني`).
const CONSTRUCT_HEADS: [&str; 17] = [
    "وزاره",
    "وكاله",
    "حزب",
    "حركه",
    "جبهه",
    "منظمه",
    "هييه",
    "مجلس",
    "حلف",
    "مركز",
    "محكمه",
    "جامعه",
    "شركه",
    "صحيفه",
    "جماعه",
    "اداره",
    "موسسه",
];

/// Heads of [`CONSTRUCT_HEADS`] that are common nouns before one article
/// word (the board, the gas company, business administration).
const GENERIC_HEADS: [&str; 6] = ["مجلس", "اداره", "شركه", "مركز", "موسسه", "جماعه"];

/// `org_construct_state`: a head noun in construct state followed by
/// article words (two or more after a generic head, or one and a nisba),
/// or by one unknown word (a name), is an organization
/// (`وزارة الأمن الوطني`, `مركز التعاون الأطلسي`, `وكالة توران`); an
/// organization found right after the head is the rest of its name, and a
/// nisba right after the name belongs to it.
pub(crate) fn org_construct_state(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let mut covered = covered(s.len(), chosen);
    for i in 0..s.len() {
        let h = &s[i];
        if covered[i]
            || h.clitic.al
            || h.shape != Shape::Arabic
            || !CONSTRUCT_HEADS.contains(&h.bare())
        {
            continue;
        }
        let mut j = i + 1;
        while j < s.len()
            && j < i + 5
            && !covered[j]
            && s[j].clitic.al
            && s[j].clitic.sure == 0
            && !is_function_word(&s[j])
            && title_at(ctx.gaz, s, j, s.len()).is_none()
        {
            j += 1;
        }
        let org = |start: usize, end: usize| Cand {
            strip: Some(h.clitic.sure),
            ..Cand::by_rule(Rule::OrgConstructState, start, end, Label::Org, 0.5)
        };
        // An organization the model or the gazetteer found right after
        // the head is the rest of the name (`وكالة` + `توران`).
        if let Some(pos) = chosen
            .iter()
            .position(|c| c.start == j && c.label == Label::Org)
        {
            let end = chosen[pos].end;
            chosen.remove(pos);
            for x in &mut covered[j..end] {
                *x = false;
            }
            for x in &mut covered[i..end] {
                *x = true;
            }
            chosen.push(org(i, end));
            continue;
        }
        if j == i + 1
            && j < s.len()
            && !covered[j]
            && s[j].shape == Shape::Arabic
            && !s[j].clitic.al
            && s[j].clitic.sure == 0
            && !ctx.known(&s[j].norm)
            && !is_function_word(&s[j])
        {
            j += 1;
        }
        // A nisba right after the name belongs to it.
        let mut absorbed = None;
        if j > i + 1 && j < s.len() && s[j].clitic.al && s[j].clitic.sure == 0 {
            absorbed = norp_at(chosen, j);
            if absorbed.is_some() {
                j += 1;
            }
        }
        // After a generic head one article word alone is a common noun
        // phrase (`مجلس الإدارة`, `شركة الغاز`, `إدارة الأعمال`): such a
        // name is the gazetteer's or the model's. A ministry's is not
        // (`وزارة الكهرباء`); `حركة` (motion) is generic before a word
        // that ANERcorp train has mostly as a common word (`حركة القمر`,
        // `حركة السوق`; not `حركة الجهاد`).
        let lone_word = j == i + 2
            && absorbed.is_none()
            && s[i + 1].clitic.al
            && (GENERIC_HEADS.contains(&h.bare())
                || h.bare() == "حركه" && ctx.common(&s[i + 1].norm));
        if j > i + 1 && !lone_word {
            match absorbed {
                Some(pos) => chosen[pos] = org(i, j),
                None => chosen.push(org(i, j)),
            }
            for x in &mut covered[i..j] {
                *x = true;
            }
        }
    }
    chosen.sort_by_key(|c| c.start);
}
