//! Offices and roles: the office lexicon, office phrases, and the rules
//! that give a person mention its [`Role`].

use std::sync::LazyLock;

use khabar_normalize::Span;
use khabar_tag::Label;

use crate::doc::Doc;
use crate::lexicon::{Lexicon, WordSet};
use crate::rules::Rule;
use crate::types::Role;

/// The office vocabulary: every value [`Role::office`] takes. The
/// portfolios of other ministers follow khabar's gazetteer of ministries
/// (docs/events-guideline.md, 3.3).
pub const OFFICES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "chancellor",
    "supreme leader",
    "king",
    "crown prince",
    "emir",
    "sultan",
    "minister of defence",
    "minister of foreign affairs",
    "minister of interior",
    "minister of intelligence",
    "minister of agriculture",
    "minister of communications",
    "minister of economy",
    "minister of education",
    "minister of energy",
    "minister of finance",
    "minister of health",
    "minister of industry",
    "minister of information",
    "minister of justice",
    "minister of national security",
    "minister of oil",
    "minister of trade",
    "minister of transport",
    "deputy minister of foreign affairs",
    "deputy minister of defence",
    "ambassador",
    "chargé d'affaires",
    "envoy",
    "chief of general staff",
    "commander",
    "spokesperson",
    "speaker of parliament",
    "member of parliament",
    "governor",
    "mayor",
    "secretary general",
    "adviser",
    "director",
];

/// What an office head needs after it to be an office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    /// Nothing.
    No,
    /// A country or nationality right after it (`أمير قطر`).
    Country,
    /// A force, unit or command (`قائد القوات البرية`).
    Force,
}

/// Minister portfolios: the Arabic words after `وزير` and the office.
const PORTFOLIOS: &[(&[&str], &str)] = &[
    (
        &[
            "الدفاع",
            "دفاع",
            "الدفاع الوطني",
            "الدفاع ودعم القوات المسلحة",
        ],
        "minister of defence",
    ),
    (
        &[
            "الخارجية",
            "خارجية",
            "الشؤون الخارجية",
            "الخارجية والمغتربين",
        ],
        "minister of foreign affairs",
    ),
    (&["الداخلية", "داخلية"], "minister of interior"),
    (
        &["الاستخبارات", "الاطلاعات", "المخابرات"],
        "minister of intelligence",
    ),
    (&["الزراعة"], "minister of agriculture"),
    (&["الاتصالات"], "minister of communications"),
    (&["الاقتصاد"], "minister of economy"),
    (
        &["التعليم", "التربية", "التربية والتعليم"],
        "minister of education",
    ),
    (&["الطاقة"], "minister of energy"),
    (&["المالية"], "minister of finance"),
    (&["الصحة"], "minister of health"),
    (&["الصناعة"], "minister of industry"),
    (&["الإعلام"], "minister of information"),
    (&["العدل"], "minister of justice"),
    (
        &["الأمن الوطني", "الأمن القومي"],
        "minister of national security",
    ),
    (&["النفط"], "minister of oil"),
    (&["التجارة"], "minister of trade"),
    (&["النقل"], "minister of transport"),
];

/// A minister whose portfolio the phrase does not say (`الوزير الروسي`):
/// no role by itself, but it stands for the minister named before.
pub(crate) const MINISTER: &str = "minister";

/// Office heads other than ministers: phrases, office, what they need.
const HEADS: &[(&str, &str, Need)] = &[
    ("الرئيس", "president", Need::No),
    ("الوزير", MINISTER, Need::No),
    ("رئيس الجمهورية", "president", Need::No),
    ("رئيس جمهورية", "president", Need::No),
    ("رئيس", "president", Need::Country),
    ("الرئيس التنفيذي", "director", Need::No),
    ("نائب الرئيس", "vice president", Need::No),
    ("النائب الأول للرئيس", "vice president", Need::No),
    ("نائب رئيس الجمهورية", "vice president", Need::No),
    ("رئيس الوزراء", "prime minister", Need::No),
    ("رئيس وزراء", "prime minister", Need::No),
    ("رئيس الحكومة", "prime minister", Need::No),
    ("رئيس حكومة", "prime minister", Need::No),
    ("رئيس مجلس الوزراء", "prime minister", Need::No),
    ("رئيس مجلس الدولة", "prime minister", Need::No),
    ("نائب رئيس الوزراء", "deputy prime minister", Need::No),
    ("نائب رئيس الحكومة", "deputy prime minister", Need::No),
    ("المستشار الألماني", "chancellor", Need::No),
    ("المستشارة الألمانية", "chancellor", Need::No),
    ("المستشار النمساوي", "chancellor", Need::No),
    ("المرشد", "supreme leader", Need::No),
    ("المرشد الأعلى", "supreme leader", Need::No),
    ("مرشد الثورة", "supreme leader", Need::No),
    ("قائد الثورة", "supreme leader", Need::No),
    ("الملك", "king", Need::No),
    ("العاهل", "king", Need::No),
    ("ملك", "king", Need::Country),
    ("ولي العهد", "crown prince", Need::No),
    ("أمير", "emir", Need::Country),
    ("أمير دولة", "emir", Need::No),
    ("سلطان", "sultan", Need::Country),
    ("السلطان", "sultan", Need::No),
    (
        "نائب وزير الخارجية",
        "deputy minister of foreign affairs",
        Need::No,
    ),
    ("نائب وزير الدفاع", "deputy minister of defence", Need::No),
    ("السفير", "ambassador", Need::No),
    ("سفير", "ambassador", Need::No),
    ("السفيرة", "ambassador", Need::No),
    ("سفيرة", "ambassador", Need::No),
    ("القائم بالأعمال", "chargé d'affaires", Need::No),
    ("قائم بالأعمال", "chargé d'affaires", Need::No),
    ("المبعوث", "envoy", Need::No),
    ("مبعوث", "envoy", Need::No),
    ("المبعوثة", "envoy", Need::No),
    ("رئيس الأركان", "chief of general staff", Need::No),
    ("رئيس أركان", "chief of general staff", Need::No),
    ("رئيس هيئة الأركان", "chief of general staff", Need::No),
    ("قائد", "commander", Need::Force),
    ("القائد العام", "commander", Need::No),
    ("المتحدث باسم", "spokesperson", Need::No),
    ("المتحدثة باسم", "spokesperson", Need::No),
    ("الناطق باسم", "spokesperson", Need::No),
    ("الناطقة باسم", "spokesperson", Need::No),
    ("متحدث باسم", "spokesperson", Need::No),
    ("المتحدث الرسمي", "spokesperson", Need::No),
    ("المتحدث العسكري", "spokesperson", Need::No),
    ("رئيس البرلمان", "speaker of parliament", Need::No),
    ("رئيس مجلس النواب", "speaker of parliament", Need::No),
    ("رئيس مجلس الشورى", "speaker of parliament", Need::No),
    ("رئيس مجلس الأمة", "speaker of parliament", Need::No),
    ("رئيس مجلس الشيوخ", "speaker of parliament", Need::No),
    ("رئيس مجلس الشعب", "speaker of parliament", Need::No),
    ("رئيس الكنيست", "speaker of parliament", Need::No),
    ("النائب في البرلمان", "member of parliament", Need::No),
    ("النائب في مجلس النواب", "member of parliament", Need::No),
    ("عضو البرلمان", "member of parliament", Need::No),
    ("عضو مجلس النواب", "member of parliament", Need::No),
    ("عضو مجلس الشيوخ", "member of parliament", Need::No),
    ("عضو الكنيست", "member of parliament", Need::No),
    ("محافظ", "governor", Need::No),
    ("حاكم", "governor", Need::No),
    ("والي", "governor", Need::No),
    ("رئيس بلدية", "mayor", Need::No),
    ("عمدة", "mayor", Need::No),
    ("الأمين العام", "secretary general", Need::No),
    ("أمين عام", "secretary general", Need::No),
    ("المستشار", "adviser", Need::No),
    ("مستشار", "adviser", Need::No),
    ("مدير", "director", Need::No),
    ("المدير", "director", Need::No),
    ("رئيس جهاز", "director", Need::No),
    ("رئيس مركز", "director", Need::No),
    ("رئيس شركة", "director", Need::No),
    ("رئيس وكالة", "director", Need::No),
];

/// A head's office and what it needs.
type Head = (&'static str, Need);

static OFFICE_LEXICON: LazyLock<Lexicon<Head>> = LazyLock::new(|| {
    let ministers = PORTFOLIOS.iter().flat_map(|(words, office)| {
        words.iter().flat_map(move |w| {
            ["وزير", "الوزير", "وزيرة", "الوزيرة"]
                .into_iter()
                .map(move |m| (format!("{m} {w}"), (*office, Need::No)))
        })
    });
    Lexicon::new(
        HEADS
            .iter()
            .map(|(p, o, n)| ((*p).to_owned(), (*o, *n)))
            .chain(ministers),
    )
});

/// Words that may follow a `قائد` of a force or unit.
static FORCES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "القوات",
        "القوة",
        "الجيش",
        "الحرس",
        "القيادة",
        "سلاح",
        "الفرقة",
        "اللواء",
        "الكتيبة",
        "الأسطول",
        "البحرية",
        "الشرطة",
        "قوات",
        "قوة",
        "فيلق",
        "الفيلق",
        "المنطقة",
        "العمليات",
    ])
});

/// Words that continue an office phrase after its head.
static COMPLEMENTS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "لدى",
        "في",
        "باسم",
        "بشأن",
        "الخاص",
        "الخاصة",
        "العام",
        "العامة",
        "المشتركة",
        "الأعلى",
        "الأول",
        "السابق",
        "السابقة",
        "آنذاك",
        "حينها",
        "الحالي",
        "الأسبق",
        "الجديد",
        "للقوات",
        "القوات",
        "المسلحة",
        "للشؤون",
        "الشؤون",
        "البرية",
        "البحرية",
        "الجوية",
        "الملكية",
        "الرئاسي",
        "الرئاسية",
        "هيئة",
        "الأركان",
        "العسكري",
        "الرسمي",
        "الوطني",
        "للثورة",
        "الإسلامية",
        "الأممي",
        "لجامعة",
        "جامعة",
        "الدول",
        "العربية",
        "للأمم",
        "المتحدة",
        "إلى",
        "للسياسة",
        "السياسة",
        "الخارجية",
        "الإقليمي",
        "الإقليمية",
        "الفضائية",
        "الجوفضائية",
    ])
});

/// Article words that never continue an office phrase.
static STOPS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "إلى",
        "الا",
        "الآن",
        "اليوم",
        "الماضي",
        "الماضية",
        "المقبل",
        "المقبلة",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
        "الجانبين",
        "الطرفين",
        "البلدين",
        "اللقاء",
        "الاجتماع",
        "الزيارة",
        "المحادثات",
        "الاتصال",
        "الجنرال",
        "اللواء",
        "العميد",
        "العقيد",
        "الفريق",
        "الأدميرال",
        "السيد",
        "الشيخ",
        "الأمير",
        "الدكتور",
        "المشير",
        "الركن",
    ])
});

/// Prepositions after which a place is the post, not the office's country.
static POSTS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["لدى", "في", "إلى"]));

/// Bodies whose name alone says their state.
const BODIES: &[(&str, &str)] = &[
    ("Kremlin", "Russia"),
    ("White House", "United States"),
    ("Pentagon", "United States"),
    ("Knesset", "Israel"),
    ("Mossad", "Israel"),
    ("Islamic Revolutionary Guard Corps", "Iran"),
];

/// Capitals, by the gazetteer's English name, and their state.
const CAPITALS: &[(&str, &str)] = &[
    ("Baku", "Azerbaijan"),
    ("Tehran", "Iran"),
    ("Moscow", "Russia"),
    ("Ankara", "Türkiye"),
    ("Tel Aviv", "Israel"),
    ("Jerusalem", "Israel"),
    ("Washington", "United States"),
    ("Paris", "France"),
    ("London", "United Kingdom"),
    ("Berlin", "Germany"),
    ("Beijing", "China"),
    ("Cairo", "Egypt"),
    ("Riyadh", "Saudi Arabia"),
    ("Abu Dhabi", "United Arab Emirates"),
    ("Doha", "Qatar"),
    ("Muscat", "Oman"),
    ("Amman", "Jordan"),
    ("Baghdad", "Iraq"),
    ("Damascus", "Syria"),
    ("Beirut", "Lebanon"),
    ("Algiers", "Algeria"),
    ("Rabat", "Morocco"),
    ("Tunis", "Tunisia"),
    ("Tripoli", "Libya"),
    ("Khartoum", "Sudan"),
    ("Sanaa", "Yemen"),
    ("Kuwait City", "Kuwait"),
    ("Manama", "Bahrain"),
    ("Islamabad", "Pakistan"),
    ("New Delhi", "India"),
    ("Kabul", "Afghanistan"),
    ("Yerevan", "Armenia"),
    ("Tbilisi", "Georgia"),
    ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"),
    ("Rome", "Italy"),
    ("Madrid", "Spain"),
    ("Athens", "Greece"),
    ("Tokyo", "Japan"),
    ("Seoul", "South Korea"),
    ("Pyongyang", "North Korea"),
    ("Brussels", "Belgium"),
    ("Nouakchott", "Mauritania"),
];

/// The state of a capital (`Baku` → `Azerbaijan`).
pub(crate) fn capital_country(key: &str) -> Option<&'static str> {
    CAPITALS.iter().find(|(c, _)| *c == key).map(|(_, s)| *s)
}

/// The state of an organization: the country its key names
/// (`Ministry of Defence (Iran)`) or a body of one state (`Kremlin`).
pub(crate) fn body_country(key: &str) -> Option<&str> {
    if let Some(inner) = key.strip_suffix(')').and_then(|k| k.rsplit_once(" (")) {
        return Some(inner.1);
    }
    BODIES.iter().find(|(b, _)| *b == key).map(|(_, s)| *s)
}

/// The country an entity stands for: a country or nationality (its key,
/// `Azerbaijan` for `الأذربيجاني`), a capital (`باكو` → `Azerbaijan`), or a
/// state's organization (`Ministry of Foreign Affairs (Iran)` → `Iran`,
/// `Kremlin` → `Russia`). For aggregating events by country.
///
/// ```
/// let ents = khabar_tag::tag("وصل وزير الخارجية الروسي إلى باكو.");
/// let countries: Vec<_> = ents.iter().filter_map(khabar_events::country_of).collect();
/// assert_eq!(countries, ["Russia", "Azerbaijan"]);
/// ```
pub fn country_of(e: &khabar_tag::Entity) -> Option<&str> {
    match e.label {
        Label::Norp | Label::Gpe if crate::doc::is_country(e) => Some(e.canonical.as_str()),
        Label::Gpe => capital_country(&e.canonical),
        Label::Org => body_country(&e.canonical),
        _ => None,
    }
}

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
