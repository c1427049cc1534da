//! Offices and roles: the rules that find office phrases and give a person
//! mention its [`Role`] (the words they read are in `office_words.rs`).

use khabar_normalize::Span;
use khabar_tag::Label;

use crate::doc::Doc;
use crate::office_words::{Need, COMPLEMENTS, FORCES, OFFICES, OFFICE_LEXICON, POSTS, STOPS};
use crate::rules::Rule;
use crate::types::Role;

/// An office phrase of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Office {
    /// Its words.
    pub words: std::ops::Range<usize>,
    /// The office (empty for `نظيره` until its person's office is known).
    #[allow(clippy::struct_field_names)]
    pub office: &'static str,
    /// The country the phrase names and the entity that names it.
    pub of: Option<(String, usize)>,
    /// Entities inside the phrase.
    pub ents: Vec<usize>,
    /// The person whose role it is.
    pub person: Option<usize>,
    /// `نظيره` with a nationality: the office comes from another person.
    pub counterpart: bool,
}

/// Every office phrase of the document, in order, with its person.
pub(crate) fn find_offices(doc: &Doc<'_>) -> Vec<Office> {
    let mut out = Vec::new();
    for s in doc.sents {
        let start = out.len();
        let mut i = s.start;
        while i < s.end {
            if let Some(o) = office_at(doc, i, s.end) {
                i = o.words.end.max(i + 1);
                out.push(o);
            } else if let Some(o) = counterpart_office(doc, i, s.end) {
                i = o.words.end.max(i + 1);
                out.push(o);
            } else {
                i += 1;
            }
        }
        attach_persons(doc, &mut out[start..]);
    }
    out
}

/// The office phrase whose head is at word `i`.
fn office_at(doc: &Doc<'_>, i: usize, end: usize) -> Option<Office> {
    if doc.label_at(i) == Some(Label::Person) {
        return None;
    }
    let hit = OFFICE_LEXICON.longest(i, end, |j| doc.forms(j))?;
    let (office, need) = hit.value;
    let next = i + hit.len;
    match need {
        Need::Country if doc.on(Rule::OfficeNeedsCountry) => {
            let k = doc.ent_starting(next)?;
            doc.country_of(k, false)?;
        }
        Need::Force => {
            let force = FORCES.any(doc.forms(next)) || doc.label_at(next) == Some(Label::Org);
            if !force {
                return None;
            }
        }
        _ => {}
    }
    Some(extend(doc, i, next, end, office, false))
}

/// `نظيره الفرنسي`: a counterpart with a nationality.
fn counterpart_office(doc: &Doc<'_>, i: usize, end: usize) -> Option<Office> {
    if !doc.on(Rule::CounterpartOffice) || !doc.norm(i).starts_with("نظير") {
        return None;
    }
    let k = doc.ent_starting(i + 1)?;
    if doc.ents[k].label != Label::Norp {
        return None;
    }
    let mut o = extend(doc, i, i + 1, end, "", true);
    o.words.end = o.words.end.min(doc.ent_words[k].end);
    Some(o)
}

/// The phrase from head `i` over its complements (from `j`), with the
/// country it names.
fn extend(
    doc: &Doc<'_>,
    i: usize,
    mut j: usize,
    end: usize,
    office: &'static str,
    counterpart: bool,
) -> Office {
    let mut o = Office {
        words: i..j,
        office,
        of: None,
        ents: Vec::new(),
        person: None,
        counterpart,
    };
    let mut post = false;
    // Entities inside the head itself (`المستشار الألماني`).
    for w in i + 1..j {
        if let Some(k) = doc.ent_starting(w) {
            o.ents.push(k);
            if o.of.is_none() {
                o.of = of_entity(doc, k, false).map(|c| (c.to_owned(), k));
            }
        }
    }
    while j < end && j - i < 12 {
        if doc.is_punct(j) || doc.title_word[j] {
            break;
        }
        if let Some(k) = doc.ent_at(j) {
            let e = &doc.ents[k];
            if matches!(e.label, Label::Person | Label::Date | Label::Equipment) {
                break;
            }
            if o.ents.contains(&k) {
                j += 1;
                continue;
            }
            o.ents.push(k);
            if o.of.is_none() {
                o.of = of_entity(doc, k, post).map(|c| (c.to_owned(), k));
            }
            j = doc.ent_words[k].end;
            o.words.end = j;
            continue;
        }
        let forms = doc.forms(j);
        if STOPS.any(forms) || OFFICE_LEXICON.longest(j, end, |x| doc.forms(x)).is_some() {
            break;
        }
        if POSTS.any(forms) {
            post = true;
            j += 1;
            continue;
        }
        let article = forms.iter().any(|f| f.text.starts_with("ال"));
        if !(COMPLEMENTS.any(forms) || article) {
            break;
        }
        j += 1;
        o.words.end = j;
    }
    o
}

/// The country entity `k` of an office phrase says the office is of
/// (`post`: it comes after `لدى`, `في`, `إلى`).
fn of_entity<'a>(doc: &Doc<'a>, k: usize, post: bool) -> Option<&'a str> {
    match doc.ents[k].label {
        Label::Norp if doc.on(Rule::OfFromNationality) => doc.country_of(k, false),
        Label::Gpe if doc.on(Rule::OfFromCountry) && !(post && doc.on(Rule::PostNotOf)) => {
            doc.country_of(k, false)
        }
        Label::Org if doc.on(Rule::OfFromStateBody) => doc.country_of(k, false),
        _ => None,
    }
}

/// Whether word `j` starts with the conjunction `و` outside the name or
/// title it carries (`واللواء`, `ومحمد`): a new item of a list.
fn conjoined(doc: &Doc<'_>, j: usize) -> bool {
    let Some(w) = doc.words.get(j) else {
        return false;
    };
    let raw = &doc.text[w.span.start..w.span.end];
    if !raw.starts_with('و') {
        return false;
    }
    match doc.ent_at(j) {
        Some(k) => doc.ents[k].span.start > w.span.start,
        None => doc
            .forms(j)
            .iter()
            .any(|f| f.strip == 1 && f.text.starts_with("ال")),
    }
}

/// Give each office phrase of a sentence its person.
fn attach_persons(doc: &Doc<'_>, offices: &mut [Office]) {
    let mut taken: Vec<usize> = Vec::new();
    for k in 0..offices.len() {
        let o = &offices[k];
        let mut j = o.words.end;
        let mut joined = false;
        while doc.is_comma(j) || doc.title_word.get(j).copied().unwrap_or(false) {
            joined |= conjoined(doc, j);
            j += 1;
        }
        let after = doc
            .ent_starting(j)
            .filter(|&p| doc.ents[p].label == Label::Person)
            .filter(|&p| !joined && !conjoined(doc, doc.ent_words[p].start))
            .filter(|_| doc.on(Rule::OfficeBeforeName));
        let before = || {
            let mut b = o.words.start.checked_sub(1)?;
            if doc.is_comma(b) {
                b = b.checked_sub(1)?;
            }
            let p = doc.ent_at(b)?;
            (doc.ents[p].label == Label::Person
                && doc.ent_words[p].end == b + 1
                && !o.counterpart
                && doc.on(Rule::OfficeAfterName)
                && !before_given_name(doc, o.words.end))
            .then_some(p)
        };
        let person = after.or_else(before).filter(|p| !taken.contains(p));
        if let Some(p) = person {
            taken.push(p);
            if o.counterpart {
                // The office of the last person with one before it.
                let prev = offices[..k]
                    .iter()
                    .rev()
                    .find(|x| x.person.is_some() && !x.office.is_empty());
                let Some(office) = prev.map(|x| x.office) else {
                    continue;
                };
                offices[k].office = office;
            }
            offices[k].person = Some(p);
        }
    }
}

/// Whether words `j` and `j + 1` (right after an office phrase) are a name
/// that no entity covers: a name part, then a given name or surname (`علي`
/// folds to the preposition `على`, so the second word decides). The
/// phrase then introduces that name.
fn before_given_name(doc: &Doc<'_>, j: usize) -> bool {
    let word = |i: usize| doc.words.get(i).filter(|_| doc.ent_at(i).is_none());
    doc.on(Rule::AppositionNotBeforeName)
        && word(j).is_some_and(|w| w.bare().chars().all(char::is_alphabetic))
        && word(j + 1).is_some_and(|w| khabar_tag::is_name_part(w.bare()))
}

/// The roles of the document's persons from its office phrases.
pub(crate) fn roles(doc: &Doc<'_>, offices: &[Office]) -> Vec<Option<Role>> {
    let mut roles = vec![None; doc.ents.len()];
    for o in offices {
        let (Some(p), true) = (o.person, OFFICES.contains(&o.office)) else {
            continue;
        };
        let (Some(first), Some(last)) =
            (doc.words.get(o.words.start), doc.words.get(o.words.end - 1))
        else {
            continue;
        };
        let start = first.span.start + phrase_skip(doc, o.words.start);
        let span = Span::new(start, last.span.end);
        roles[p] = Some(Role {
            text: doc.text[span.start..span.end].to_owned(),
            span,
            office: o.office,
            of: o.of.as_ref().map(|(c, _)| c.clone()),
        });
    }
    roles
}

/// Bytes of proclitics before an office head (`وسفير`, `للرئيس`).
fn phrase_skip(doc: &Doc<'_>, i: usize) -> usize {
    let Some(hit) = OFFICE_LEXICON.longest(i, i + 8, |j| doc.forms(j)) else {
        return 0;
    };
    let w = &doc.text[doc.words[i].span.start..doc.words[i].span.end];
    let mut letters = usize::from(hit.strip);
    // `للرئيس`: the second `ل` is the article's, so the span starts at it.
    let elided = doc.forms(i).iter().any(|f| {
        f.strip == hit.strip
            && f.text.starts_with("ال")
            && !doc.norm(i)[usize::from(hit.strip) * 2..].starts_with("ال")
    });
    if elided {
        letters += 1;
    }
    let mut bytes = 0;
    for c in w.chars() {
        if letters == 0 && !is_mark(c) {
            break;
        }
        if !is_mark(c) {
            letters -= 1;
        }
        bytes += c.len_utf8();
    }
    bytes
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}
