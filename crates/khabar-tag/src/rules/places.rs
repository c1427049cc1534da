//! Rules of places (GPE and LOC): which gazetteer places make entities,
//! a country that a common word hides, and GPE or LOC for the model's LOC.

use std::sync::LazyLock;

use crate::candidate::{Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::{Entry, Gazetteer, Kind};
use crate::rules::Rule;
use crate::token::{Shape, Token};

/// Gazetteer entries that stay model features but never make an entity
/// by themselves: CLDR's "world" region (`العالم`, a common word that
/// ANERcorp train never tags as a place), and Mali's nisba, which is also
/// `مالي` "financial" (`قانون المالية`, the finance law).
const FEATURE_ONLY: [(Kind, &str); 2] = [(Kind::Loc, "m49:001"), (Kind::Norp, "iso:ML")];

/// `gazetteer_feature_only`: whether gazetteer entry `e` makes no entity
/// by itself.
pub(crate) fn gazetteer_feature_only(e: &Entry) -> bool {
    FEATURE_ONLY.contains(&(e.kind, e.id.as_str()))
}

/// `city_needs_model`: whether an `n`-word match of `e` is a GeoNames city
/// of one word, which needs the model's span (GeoNames has many cities
/// named by common words: `الحرية` "freedom", `الجديدة` "the new").
pub(crate) fn city_needs_model(n: usize, e: &Entry) -> bool {
    n == 1 && e.id.starts_with("geonames:")
}

/// Words after which a noun stands (search-normalized, bare):
/// prepositions, and words of place and government that take a country
/// (`شمال مالي`, `حكومة مالي`).
const NOUN_BEFORE: [&str; 18] = [
    "في",
    "الي",
    "من",
    "عن",
    "علي",
    "مع",
    "حول",
    "داخل",
    "خارج",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "حكومه",
    "عاصمه",
    "شعب",
    "جمهوريه",
];

/// Words after which `مالي` is "my money" (`من مالي الخاص`, `مالي كله`).
const MONEY_AFTER: [&str; 5] = ["الخاص", "الشخصي", "كله", "وحده", "الحلال"];

/// The countries that stop words hide, with the word (`مالي` → Mali): the
/// gazetteer's hidden entries that are ISO countries, one per word. Every
/// tagger reads the shared gazetteer, so this is built once from it.
static HIDDEN_COUNTRIES: LazyLock<Vec<(&'static str, &'static Entry)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, &Entry)> = Gazetteer::global()
        .hidden()
        .filter(|(_, e)| e.kind == Kind::Gpe && e.id.starts_with("iso:"))
        .collect();
    // One country per word: the first (a word's entries come in a row).
    v.dedup_by(|b, a| a.0 == b.0);
    v
});

/// `gpe_hidden_by_stop_word`: a country that a stop word hides (`مالي`,
/// mostly "financial") is a GPE where only a noun can stand: after a
/// preposition (`في مالي`), a proclitic preposition (`لمالي`), a word of
/// place or government (`شمال مالي`, `حكومة مالي`), or joined by `و` to a
/// country (`النيجر ومالي`). The adjective follows its noun (`دعم مالي`),
/// and `مالي الخاص` is "my own money".
pub(crate) fn gpe_hidden_by_stop_word(ctx: &Ctx<'_>, s: &[Token], out: &mut Vec<Cand>) {
    let hidden: &[(&str, &Entry)] = &HIDDEN_COUNTRIES;
    // A byte comparison against the few such words before any of a
    // token's forms (all suffixes of it) is looked up.
    let may_hide = |norm: &str| hidden.iter().any(|(w, _)| norm.ends_with(w));
    let country = |form: &str| hidden.iter().find(|(w, _)| *w == form).map(|(_, e)| *e);
    for (k, t) in s.iter().enumerate() {
        if t.shape != Shape::Arabic || t.clitic.al || !may_hide(&t.norm) {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| &s[j]);
        let found = std::iter::once((t.clitic.sure as usize, t.bare()))
            .chain(
                t.maybe_forms()
                    .map(|(n, f)| (t.clitic.sure as usize + n, f)),
            )
            .find_map(|(n, f)| country(f).map(|e| (n, e)));
        let Some((letters, e)) = found else { continue };
        let proclitics = t.norm.get(..2 * letters).unwrap_or("");
        let and = proclitics.starts_with('و');
        let noun_slot = proclitics.contains(['ل', 'ب'])
            || prev.is_some_and(|p| {
                NOUN_BEFORE.contains(&p.bare())
                    || and
                        && [p.stem(), p.bare()]
                            .iter()
                            .any(|w| ctx.gaz.has(w, Kind::Gpe))
            });
        // `من مالي الخاص`: "my own money", not Mali.
        let money = s
            .get(k + 1)
            .is_some_and(|n| MONEY_AFTER.contains(&n.norm.as_str()));
        if noun_slot && !money {
            out.push(Cand {
                entry: Some(e),
                strip: u8::try_from(letters).ok(),
                ..Cand::by_rule(Rule::GpeHiddenByStopWord, k, k + 1, Label::Gpe, 0.8)
            });
        }
    }
}

/// Head nouns of geographic features: a LOC span starting with one of them
/// is a LOC (`بحر قزوين`), other unknown LOC spans are GPE (cities).
const GEO_HEADS: [&str; 17] = [
    "بحر",
    "نهر",
    "جبل",
    "جبال",
    "خليج",
    "مضيق",
    "صحراء",
    "جزيره",
    "جزر",
    "منطقه",
    "اقليم",
    "وادي",
    "سهل",
    "هضبه",
    "شبه",
    "بحيره",
    "محيط",
];

/// `loc_or_gpe_by_head`: a model LOC span that the gazetteer does not know
/// is a GPE (mostly cities), unless it starts with a geographic head noun.
pub(crate) fn loc_or_gpe_by_head(c: &mut Cand, first: &Token) {
    if !(GEO_HEADS.contains(&first.stem()) || GEO_HEADS.contains(&first.bare())) {
        c.label = Label::Gpe;
        c.source = Source::Rule(Rule::LocOrGpeByHead);
    }
}

/// `nisba_over_country`: whether the country reading of a word's stem gives
/// way, because the stem is also a nisba (`السورية`: `سورية` is Syria, but
/// with the article the word is the adjective).
pub(crate) fn nisba_over_country(stem_entries: &[Entry]) -> bool {
    stem_entries.iter().any(|e| e.kind == Kind::Norp)
}

/// `place_opens_dateline`: the place that opens a news line before its
/// dash, bracket, slash or date is a place (`مسقط -`, `القدس (أ ف ب)`,
/// `الدوحة في 12 مايو`), also a city that would need the model's span and
/// a place the model read as an organization.
// A step of the registry: every step has the same signature.
#[allow(clippy::ptr_arg)]
pub(crate) fn place_opens_dateline(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    if s.len() < 2 || !crate::rules::media::opens_line(ctx, s) {
        return;
    }
    let mut ms = Vec::new();
    ctx.gaz.matches_at(s, 0, true, &mut ms);
    let Some(&(n, e, _)) = ms
        .iter()
        .filter(|(_, e, form)| e.kind == Kind::Gpe && *form < 2)
        .max_by_key(|m| m.0)
    else {
        return;
    };
    let dateline = s
        .get(n)
        .is_some_and(|t| matches!(t.norm.as_str(), "-" | "–" | "(" | "/" | ":" | "في"));
    if !dateline || chosen.iter().any(|c| c.start < n && c.end > n) {
        return;
    }
    if chosen
        .first()
        .is_some_and(|c| c.start == 0 && c.end == n && c.label == Label::Gpe)
    {
        return;
    }
    chosen.retain(|c| c.start >= n);
    chosen.insert(
        0,
        Cand {
            entry: Some(e),
            strip: Some(0),
            ..Cand::by_rule(Rule::PlaceOpensDateline, 0, n, Label::Gpe, 0.8)
        },
    );
}
