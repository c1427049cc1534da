//! Who takes part in an event mention: the clause it sits in, the
//! entities of that clause, and their roles.

use std::ops::Range;
use std::sync::LazyLock;

use khabar_tag::Label;

use crate::doc::Doc;
use crate::lexicon::WordSet;
use crate::offices::Office;
use crate::rules::Rule;
use crate::triggers::Found;
use crate::types::EventKind;

static REPORTING: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "قال",
        "قالت",
        "يقول",
        "تقول",
        "أعلن",
        "أعلنت",
        "يعلن",
        "تعلن",
        "أكد",
        "أكدت",
        "يؤكد",
        "تؤكد",
        "أضاف",
        "أضافت",
        "أوضح",
        "أوضحت",
        "ذكر",
        "ذكرت",
        "صرح",
        "صرحت",
        "أفاد",
        "أفادت",
        "كشف",
        "كشفت",
        "نقل",
        "نقلت",
        "أشار",
        "أشارت",
        "اعتبر",
        "اعتبرت",
        "رأى",
        "أفادت",
        "أورد",
        "أوردت",
        "بين",
        "بينت",
        "لفت",
        "لفتت",
        "نفى",
        "نفت",
    ])
});
static THAT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهما", "أنهم"]));
static TOPICS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "بشأن",
        "حول",
        "لصالح",
        "تطورات",
        "الأوضاع",
        "أوضاع",
        "ضد",
        "تعليمات",
        "قضية",
        "ملف",
        "بخصوص",
        "الأزمة",
        "أزمة",
        "التوتر",
        "التوترات",
        "توتر",
    ])
});
static AT: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "في",
        "إلى",
        "لدى",
        "قرب",
        "غرب",
        "شرق",
        "شمال",
        "جنوب",
        "داخل",
        "مدينة",
        "العاصمة",
        "بمدينة",
        "بالعاصمة",
        "منطقة",
    ])
});
static FROM: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["من"]));

static BREAKS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["ثم", "بينما", "فيما", "حيث"]));

/// The clause of trigger `f` in sentence `s`: after a reporting `إن`/`أن`
/// before the trigger (its reporter is not a participant), and between
/// the clause breaks around it (`ثم`, `على أن`, another trigger verb
/// after `و`).
pub(crate) fn clause(doc: &Doc<'_>, f: &Found, s: &Range<usize>, found: &[Found]) -> Range<usize> {
    if !doc.on(Rule::ReporterNotParticipant) {
        return s.clone();
    }
    let mut start = s.start;
    let mut reporting = false;
    for j in s.start..f.word {
        if REPORTING.any(doc.forms(j)) {
            reporting = true;
        } else if reporting && THAT.any(doc.forms(j)) {
            start = j + 1;
        }
    }
    let mut end = s.end;
    let conj_verb =
        |g: &Found| g.trigger.verb && g.strip > 0 && doc.norm(g.word).starts_with(['و', 'ف']);
    let breaks = found
        .iter()
        .filter(|g| conj_verb(g))
        .map(|g| g.word)
        .chain(s.clone().filter(|&j| {
            BREAKS.any(doc.forms(j)) || (doc.norm(j) == "علي" && doc.norm(j + 1) == "ان")
        }));
    for b in breaks {
        if b <= f.word {
            start = start.max(b);
        } else {
            end = end.min(b);
        }
    }
    start..end
}

/// Whether the word before entity `k` (or its own proclitic) makes it a
/// place (`في طهران`, `بإسطنبول`, `إلى باكو`).
pub(crate) fn after_place_word(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.ent_words[k].start;
    let e = &doc.ents[k];
    let word = &doc.words[w];
    let clitic = &doc.text[word.span.start..e.span.start.max(word.span.start)];
    clitic.ends_with(['ب', 'ل'])
        || (w > 0 && AT.any(doc.forms(w - 1)))
        || (w > 1 && AT.any(doc.forms(w - 2)) && doc.norm(w - 1).starts_with("مدين"))
}

/// A participant candidate: entity, side (0 acts, 1 the other side), the
/// word where it is named.
pub(crate) type Cand = (usize, u8, usize);

/// The participants of trigger `f` in clause `c`.
pub(crate) fn participants(
    doc: &Doc<'_>,
    offices: &[Office],
    roles: &[Option<crate::types::Role>],
    f: &Found,
    c: &Range<usize>,
) -> Vec<Cand> {
    let kind = f.trigger.kind;
    let in_office = |k: usize| {
        offices
            .iter()
            .any(|o| o.ents.contains(&k) && overlaps(&o.words, &doc.ent_words[k]))
    };
    let mut out: Vec<Cand> = Vec::new();
    let mut seen_actor = false;
    let mut k_prev = usize::MAX;
    for j in c.clone() {
        let Some(k) = doc.ent_starting(j) else {
            continue;
        };
        if k == k_prev {
            continue;
        }
        k_prev = k;
        let e = &doc.ents[k];
        // `بين` after a topic word reaches one word further (`التوترات
        // الأخيرة بين أرمينيا`).
        let between = j > c.start && doc.norm(j - 1) == "بين";
        let topic = doc.on(Rule::TopicNotParticipant)
            && (j > c.start && TOPICS.any(doc.forms(j - 1))
                || j > c.start + 1 && TOPICS.any(doc.forms(j - 2))
                || between && j > c.start + 2 && TOPICS.any(doc.forms(j - 3)));
        if topic {
            continue;
        }
        let from = j > 0 && FROM.any(doc.forms(j - 1));
        let ok = match e.label {
            Label::Person => true,
            Label::Org | Label::Norp => !(in_office(k) && doc.on(Rule::OfficeCountryParticipant)),
            Label::Gpe => {
                let place = doc.on(Rule::PlaceNotParticipant) && after_place_word(doc, k);
                let actor = doc.country_of(k, true).is_some();
                !place && actor && !(in_office(k) && doc.on(Rule::OfficeCountryParticipant))
            }
            Label::Equipment => kind == EventKind::ArmsDeal,
            _ => false,
        };
        if !ok {
            continue;
        }
        let side = side_of(doc, roles, kind, f, k, j, from, seen_actor);
        if e.label != Label::Equipment {
            seen_actor = true;
        }
        out.push((k, side, j));
    }
    if doc.on(Rule::OfficeCountryParticipant) || doc.on(Rule::ParticipantByOffice) {
        by_office(doc, offices, roles, c, &mut out);
    }
    if doc.on(Rule::ImplicitSubject) && f.trigger.verb {
        implicit_subject(doc, c, &mut out);
    }
    out.sort_by_key(|&(_, _, j)| j);
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The side of a participant: 0 for who acts, 1 for the other side.
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
fn side_of(
    doc: &Doc<'_>,
    roles: &[Option<crate::types::Role>],
    kind: EventKind,
    f: &Found,
    k: usize,
    _j: usize,
    from: bool,
    seen_actor: bool,
) -> u8 {
    let e = &doc.ents[k];
    match kind {
        EventKind::ArmsDeal => {
            if e.label == Label::Equipment {
                2
            } else if from || (f.trigger.sale && !seen_actor) {
                1
            } else {
                u8::from(seen_actor && f.trigger.sale)
            }
        }
        EventKind::Summons => {
            let envoy = roles[k]
                .as_ref()
                .is_some_and(|r| matches!(r.office, "ambassador" | "chargé d'affaires" | "envoy"));
            if from {
                3
            } else {
                u8::from(envoy || seen_actor)
            }
        }
        EventKind::Arrest => u8::from(matches!(e.label, Label::Person | Label::Norp)),
        EventKind::Call if from => 0,
        _ => u8::from(seen_actor),
    }
}

/// Countries named in the offices of participants, and the persons that
/// office phrases without a name stand for.
fn by_office(
    doc: &Doc<'_>,
    offices: &[Office],
    roles: &[Option<crate::types::Role>],
    c: &Range<usize>,
    out: &mut Vec<Cand>,
) {
    for o in offices.iter().filter(|o| overlaps(&o.words, c)) {
        let side_person = o
            .person
            .and_then(|p| out.iter().find(|x| x.0 == p).map(|x| x.1));
        let mut side = side_person;
        if o.person.is_none() && doc.on(Rule::ParticipantByOffice) && !o.office.is_empty() {
            // The nearest earlier person holding this office.
            let of = o.of.as_ref().map(|x| x.0.as_str());
            let holder = (0..doc.ents.len()).rev().find(|&p| {
                doc.ents[p].span.end <= doc.words[o.words.start].span.start
                    && roles[p].as_ref().is_some_and(|r| {
                        let office = r.office == o.office
                            || (o.office == crate::office_words::MINISTER
                                && r.office.starts_with("minister of"));
                        office && (of.is_none() || r.of.as_deref() == of)
                    })
            });
            if let Some(p) = holder {
                if !out
                    .iter()
                    .any(|x| doc.ents[x.0].canonical == doc.ents[p].canonical)
                {
                    let s = u8::from(out.iter().any(|x| x.2 < o.words.start));
                    out.push((p, s, o.words.start));
                    side = Some(s);
                }
            }
        }
        if !doc.on(Rule::OfficeCountryParticipant) {
            continue;
        }
        if let Some((_, k)) = &o.of {
            let s = side.unwrap_or_else(|| u8::from(out.iter().any(|x| x.2 < o.words.start)));
            if !out.iter().any(|x| x.0 == *k) && (o.person.is_none() || side_person.is_some()) {
                out.push((*k, s, o.words.start));
            }
        }
    }
}

/// A verb whose sentence names no person: the nearest earlier person.
fn implicit_subject(doc: &Doc<'_>, c: &Range<usize>, out: &mut Vec<Cand>) {
    if out
        .iter()
        .any(|x| matches!(doc.ents[x.0].label, Label::Person | Label::Org | Label::Gpe))
    {
        return;
    }
    let start = doc.words.get(c.start).map_or(0, |w| w.span.start);
    let p = (0..doc.ents.len())
        .rev()
        .find(|&p| doc.ents[p].label == Label::Person && doc.ents[p].span.end <= start);
    if let Some(p) = p {
        // Only from this sentence or the two before.
        let here = doc.word_sent.get(c.start).copied().unwrap_or(0);
        let there = doc
            .word_sent
            .get(doc.ent_words[p].start)
            .copied()
            .unwrap_or(0);
        if here - there <= 2 {
            out.push((p, 0, c.start));
        }
    }
}
