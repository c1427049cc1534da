//! Rules of linking: which gazetteer entry or which fuller mention gives an
//! entity its key (`canonical`, `kb_id`).

use std::collections::{HashMap, HashSet};

use khabar_normalize::Span;

use crate::candidate::Mention;
use crate::entity::{Entity, Label};
use crate::gazetteer::{Entry, Gazetteer, Kind};
use crate::token::Token;

/// `org_link_after_head`: the entry of an organization span whose first
/// token is `first` and whose normalized words are `key`, by its name
/// after the head noun (`شركة تويوتا`, `نادي الأهلي`) or, for a name in
/// Latin letters, by its English name (`شركة Apple`). `pick` finds the
/// entry of a kind that names the whole span; the span's own name goes
/// first, kind by kind.
pub(crate) fn org_link_after_head(
    gaz: &'static Gazetteer,
    first: &Token,
    key: &str,
    pick: impl Fn(Kind) -> Option<&'static Entry>,
) -> Option<&'static Entry> {
    let name = match key.split_once(' ') {
        Some((_, rest)) if gaz.has(first.stem(), Kind::OrgHead) => Some(rest),
        _ => None,
    };
    let after_head = name.map_or(&[][..], |n| gaz.get(n));
    [Kind::Org, Kind::Team, Kind::Company]
        .into_iter()
        .find_map(|k| pick(k).or_else(|| after_head.iter().find(|e| e.kind == k)))
        .or_else(|| gaz.by_english(name.unwrap_or(key)))
}

/// Honorifics that open a person's name in the news (`سيد` of the Sayyids,
/// `الشيخ`, `الحاج`), in the key's normalized spelling. ANERcorp counts a
/// bare `سيد` as part of the name (`سيد محمد خاتمي`), so spans may hold
/// one; the key of the person does not.
const HONORIFICS: [&str; 7] = ["سيد", "السيد", "سيده", "السيده", "الشيخ", "الشيخه", "الحاج"];

/// `honorific_not_in_key`: drop a leading honorific from the words of a
/// person's key when at least two words are left: `سيد ابراهيم رييسي` is
/// `ابراهيم رييسي`, while `سيد درويش` (where `سيد` is the given name) stays
/// whole.
pub(crate) fn honorific_not_in_key(words: &mut Vec<String>) {
    if words.len() >= 3 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
}

/// `person_links_to_full_name`: for every key that some person mention
/// could be, the entity whose key it takes: the fullest person key that
/// ends with it (or, for a one-word key, contains it past its first word),
/// the longest, then the earliest (`باقري` → `محمد حسين باقري`). Built
/// once from the distinct person keys, so linking stays linear in the
/// number of entities.
pub(crate) fn person_links_to_full_name<'k>(
    ents: &[Mention],
    keys: &'k [Vec<String>],
) -> HashMap<&'k [String], usize> {
    let mut seen: HashSet<&[String]> = HashSet::new();
    let mut best_for: HashMap<&[String], usize> = HashMap::new();
    let better = |new: usize, old: usize| {
        keys[new].len() > keys[old].len() || keys[new].len() == keys[old].len() && new < old
    };
    for (j, m) in ents.iter().enumerate() {
        let kj = keys[j].as_slice();
        if m.entity.label != Label::Person || !seen.insert(kj) {
            continue;
        }
        let tails = (1..kj.len()).map(|m| &kj[kj.len() - m..]);
        let inner = (1..kj.len())
            .filter(|&p| kj[p] != kj[0])
            .map(|p| &kj[p..=p]);
        for short in tails.chain(inner) {
            best_for
                .entry(short)
                .and_modify(|b| {
                    if better(j, *b) {
                        *b = j;
                    }
                })
                .or_insert(j);
        }
    }
    best_for
}

/// `amman_or_oman`: `عمان` is both Oman (`عُمان`) and Amman (`عَمّان`), one
/// key once the diacritics are folded; the gazetteer keeps one entry per
/// key (Oman). A mention written with the shadda is Amman; a bare one is
/// Amman when the document names Jordan (`الأردن`, `الأردنية`) and neither
/// the sultanate (`سلطنة عمان`) nor an Omani nisba, and is not joined to
/// Jordan by `و` (`عمان والأردن` are two countries).
pub(crate) fn amman_or_oman(text: &str, ents: &mut [Mention]) {
    const OMAN: &str = "iso:OM";
    let bare = |e: &Entity| {
        let t = e.text.trim_start_matches('ا');
        e.label == Label::Gpe && e.kb_id.as_deref() == Some(OMAN) && !t.contains(' ')
    };
    if !ents.iter().any(|m| bare(&m.entity)) {
        return;
    }
    let sultanate = ents.iter().any(|m| {
        let e = &m.entity;
        e.kb_id.as_deref() == Some(OMAN) && (e.label == Label::Norp || e.text.contains(' '))
    });
    let joined = |a: Span, b: Span| {
        let (x, y) = if a.end <= b.start { (a, b) } else { (b, a) };
        text.get(x.end..y.start).is_some_and(|g| {
            g.trim().trim_end_matches(['و', 'ل', 'ب']).trim().is_empty() && g.contains('و')
        })
    };
    let jordans: Vec<Span> = ents
        .iter()
        .filter(|m| m.entity.kb_id.as_deref() == Some("iso:JO"))
        .map(|m| m.entity.span)
        .collect();
    for e in ents.iter_mut().map(|m| &mut m.entity) {
        let pair = jordans.iter().any(|&j| joined(e.span, j));
        if bare(e) && (e.text.contains('\u{651}') || (!jordans.is_empty() && !sultanate && !pair)) {
            "Amman".clone_into(&mut e.canonical);
            e.kb_id = Some("geonames:250441".to_owned());
        }
    }
}

/// `surname_repeats`: a nisba that ends a person's name in the document
/// (`محمد شياع السوداني`) is that person where it stands alone as a NORP
/// (`وأشاد السوداني`).
pub(crate) fn surname_repeats(gaz: &Gazetteer, ents: &mut [Mention]) {
    let surnames: Vec<String> = ents
        .iter()
        .filter(|m| m.entity.label == Label::Person && m.norm.len() >= 2)
        .filter_map(|m| m.norm.last())
        .filter(|w| w.starts_with("ال") && gaz.has(&w[4..], Kind::Norp))
        .cloned()
        .collect();
    if surnames.is_empty() {
        return;
    }
    for m in ents.iter_mut() {
        if m.entity.label == Label::Norp && m.norm.len() == 1 && surnames.contains(&m.norm[0]) {
            m.entity.label = Label::Person;
            m.entity.canonical.clear();
            m.entity.kb_id = None;
            m.entity.source = crate::entity::Source::Rule(crate::rules::Rule::SurnameRepeats);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::honorific_not_in_key;

    #[test]
    fn honorific_left_out_of_a_full_name_only() {
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let mut v = words("سيد ابراهيم رييسي");
        honorific_not_in_key(&mut v);
        assert_eq!(v, words("ابراهيم رييسي"));
        let mut v = words("سيد درويش");
        honorific_not_in_key(&mut v);
        assert_eq!(v, words("سيد درويش"));
        let mut v = words("محمد سيد احمد");
        honorific_not_in_key(&mut v);
        assert_eq!(v, words("محمد سيد احمد"));
    }
}
