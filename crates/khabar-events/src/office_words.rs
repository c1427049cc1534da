//! The office words: the office vocabulary ([`OFFICES`]), the heads and
//! minister portfolios of office phrases, the words around them (forces,
//! complements, stops, posts) and the state bodies and capitals that say
//! whose office it is. The rules that read them are in `offices.rs`.

use std::sync::LazyLock;

use khabar_tag::Label;

use crate::lexicon::{Lexicon, WordSet};
#[cfg(doc)]
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
pub(crate) enum Need {
    /// Nothing.
    No,
    /// A country or nationality right after it (`أمير قطر`).
    Country,
    /// A force, unit or command (`قائد القوات البرية`).
    Force,
}

/// Minister portfolios: the Arabic words after `وزير` and the office.
pub(crate) const PORTFOLIOS: &[(&[&str], &str)] = &[
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
pub(crate) const HEADS: &[(&str, &str, Need)] = &[
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
pub(crate) type Head = (&'static str, Need);

pub(crate) static OFFICE_LEXICON: LazyLock<Lexicon<Head>> = LazyLock::new(|| {
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
pub(crate) static FORCES: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(crate) static COMPLEMENTS: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(crate) static STOPS: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(crate) static POSTS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["لدى", "في", "إلى"]));

/// Bodies whose name alone says their state.
pub(crate) const BODIES: &[(&str, &str)] = &[
    ("Kremlin", "Russia"),
    ("White House", "United States"),
    ("Pentagon", "United States"),
    ("Knesset", "Israel"),
    ("Mossad", "Israel"),
    ("Islamic Revolutionary Guard Corps", "Iran"),
];

/// Capitals, by the gazetteer's English name, and their state.
pub(crate) const CAPITALS: &[(&str, &str)] = &[
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
