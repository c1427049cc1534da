//! Trigger words per event kind, and the rules that decide a trigger's
//! kind from its sentence.

use std::sync::LazyLock;

use khabar_tag::Label;

use crate::doc::Doc;
use crate::lexicon::{Lexicon, WordSet};
use crate::rules::Rule;
use crate::types::EventKind;

/// What a trigger word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub kind: EventKind,
    /// A finite verb (its subject may be implicit).
    pub verb: bool,
    /// A plural noun, generic when qualified (`لقاءاتهم السابقة`).
    pub plural: bool,
    /// For arms: the side after the verb sells (`باع`, `تسليم`).
    pub sale: bool,
}

/// Verbs that are a meeting only with `مع` after them (`بحث ... مع`).
const WITH_VERBS: &[&str] = &["بحث", "بحثت", "يبحث", "تبحث"];

/// The EVENT_KINDS vocabulary, by name.
pub const EVENT_KINDS: &[&str] = &[
    "MEETING",
    "CALL",
    "VISIT",
    "AGREEMENT",
    "ARMS_DEAL",
    "SUMMONS",
    "EXERCISE",
    "ARREST",
];

/// Verbs, nouns and plural nouns of each kind. Nouns take the enclitic
/// pronouns `ه`, `ها`, `هما`, `هم` (`زيارته`, `لقائهما`).
/// A kind with its verbs, nouns and plural nouns.
type KindWords = (
    EventKind,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const LEXICON: &[KindWords] = &[
    (
        EventKind::Meeting,
        &[
            "التقى",
            "التقت",
            "التقيا",
            "التقوا",
            "يلتقي",
            "تلتقي",
            "يلتقيان",
            "التقى مع",
            "يلتق",
            "تلتق",
            "بحث",
            "بحثت",
            "يبحث",
            "تبحث",
            "استقبل",
            "استقبلت",
            "يستقبل",
            "تستقبل",
            "اجتمع",
            "اجتمعت",
            "يجتمع",
            "تجتمع",
            "اجتمعا",
            "بحث مع",
            "بحثت مع",
            "يبحث مع",
            "بحثا",
            "تباحث",
            "تباحثا",
            "ناقش مع",
            "عقد قمة",
            "عقدا",
            "استضاف",
            "استضافت",
        ],
        &[
            "لقاء",
            "اللقاء",
            "اجتماع",
            "الاجتماع",
            "مباحثات",
            "المباحثات",
            "محادثات",
            "المحادثات",
            "مفاوضات",
            "المفاوضات",
            "قمة",
            "القمة",
            "استقبال",
            "اجتماعات اللجنة",
        ],
        &["لقاءات", "اللقاءات", "اجتماعات", "الاجتماعات"],
    ),
    (
        EventKind::Call,
        &[
            "اتصل",
            "اتصلت",
            "هاتف",
            "هاتفت",
            "تلقى اتصالا",
            "تلقت اتصالا",
            "أجرى اتصالا",
            "أجرت اتصالا",
        ],
        &[
            "اتصال هاتفي",
            "اتصالا هاتفيا",
            "الاتصال الهاتفي",
            "مكالمة",
            "المكالمة",
            "مكالمة هاتفية",
            "محادثة هاتفية",
            "المحادثة الهاتفية",
            "اتصال عبر الفيديو",
            "اتصالا عبر الفيديو",
            "الاتصال",
        ],
        &["اتصالات هاتفية"],
    ),
    (
        EventKind::Visit,
        &[
            "زار",
            "زارت",
            "زارا",
            "يزور",
            "تزور",
            "وصل",
            "وصلت",
            "يصل",
            "تصل",
            "توجه",
            "توجهت",
            "يتوجه",
            "تتوجه",
            "أتى إلى",
            "قدم إلى",
            "حل ضيفا",
        ],
        &[
            "زيارة",
            "الزيارة",
            "وصول",
            "وصوله",
            "رحلة",
            "الرحلة",
            "جولة",
            "الجولة",
        ],
        &["زيارات", "الزيارات"],
    ),
    (
        EventKind::Agreement,
        &[
            "وقع",
            "وقعت",
            "وقعا",
            "وقعوا",
            "يوقع",
            "توقع",
            "أبرم",
            "أبرمت",
            "أبرما",
            "اتفقا",
            "اتفق",
            "اتفقت",
            "اتفقوا",
            "توصلا إلى اتفاق",
            "توصلت إلى اتفاق",
            "توصلوا إلى اتفاق",
        ],
        &[
            "توقيع",
            "التوقيع",
            "اتفاقية",
            "الاتفاقية",
            "مذكرة تفاهم",
            "مذكرتي تفاهم",
            "مذكرات تفاهم",
            "بروتوكول",
            "بروتوكولا",
            "معاهدة",
            "المعاهدة",
            "اتفاقا",
            "اتفاق",
            "الاتفاق",
        ],
        &["اتفاقيات", "الاتفاقيات"],
    ),
    (
        EventKind::ArmsDeal,
        &[
            "اشترى",
            "اشترت",
            "يشتري",
            "تشتري",
            "تسلمت",
            "تسلم",
            "يتسلم",
            "تتسلم",
            "استلمت",
            "اقتنت",
            "تقتني",
        ],
        &[
            "شراء",
            "صفقة",
            "الصفقة",
            "عقد",
            "عقود",
            "شحنة",
            "الشحنة",
            "الدفعة",
            "مشتريات",
        ],
        &["صفقات", "الصفقات"],
    ),
    (
        EventKind::Summons,
        &[
            "استدعت",
            "استدعى",
            "استدعي",
            "تستدعي",
            "يستدعي",
            "سحبت سفيرها",
            "سحب سفيره",
            "سحبت سفيرتها",
        ],
        &["استدعاء"],
        &[],
    ),
    (
        EventKind::Exercise,
        &[],
        &[
            "مناورات",
            "المناورات",
            "مناورة",
            "المناورة",
            "تدريبات مشتركة",
            "التدريبات المشتركة",
            "تدريبات عسكرية",
            "تدريبا بحريا",
            "تدريبات بحرية",
            "التمرين",
            "تمرين",
            "تمرينا",
            "تمارين",
            "تدريبات",
        ],
        &[],
    ),
    (
        EventKind::Arrest,
        &[
            "اعتقل",
            "اعتقلت",
            "اعتقلوا",
            "أوقفت",
            "أوقف",
            "احتجزت",
            "احتجز",
            "قبض",
            "قبضت",
            "ألقت القبض",
            "ألقى القبض",
            "قضت بسجن",
            "حكم على",
            "حكم عليه",
            "حكم عليهم",
        ],
        &[
            "القبض على",
            "اعتقال",
            "اعتقاله",
            "اعتقالهم",
            "توقيف",
            "احتجاز",
            "المحكوم",
            "محكوم",
            "الحكم على",
            "الحكم",
        ],
        &[],
    ),
];

/// Sale verbs and nouns of arms (`باع`, `بيع`, `تسليم`, `تزويد`).
const SALES: &[&str] = &[
    "باع",
    "باعت",
    "يبيع",
    "تبيع",
    "بيع",
    "تسليم",
    "زودت",
    "زود",
    "تزود",
    "يزود",
    "تزويد",
    "سلمت",
    "توريد",
    "صدرت",
    "تصدير",
];

/// The enclitic pronouns a noun trigger takes.
const ENCLITICS: &[&str] = &["ه", "ها", "هما", "هم"];

static TRIGGERS: LazyLock<Lexicon<Trigger>> = LazyLock::new(|| {
    let mut entries = Vec::new();
    let t = |kind, verb, plural, sale| Trigger {
        kind,
        verb,
        plural,
        sale,
    };
    for (kind, verbs, nouns, plurals) in LEXICON {
        for v in *verbs {
            entries.push(((*v).to_owned(), t(*kind, true, false, false)));
        }
        for (list, plural) in [(nouns, false), (plurals, true)] {
            for n in *list {
                entries.push(((*n).to_owned(), t(*kind, false, plural, false)));
                if !n.contains(' ') {
                    let stem = n
                        .strip_suffix('ة')
                        .map_or_else(|| (*n).to_owned(), |s| format!("{s}ت"));
                    let stem = stem
                        .strip_suffix('ء')
                        .map_or(stem.clone(), |s| format!("{s}ئ"));
                    for e in ENCLITICS {
                        entries.push((format!("{stem}{e}"), t(*kind, false, plural, false)));
                    }
                }
            }
        }
    }
    for s in SALES {
        entries.push(((*s).to_owned(), t(EventKind::ArmsDeal, false, false, true)));
    }
    Lexicon::new(entries)
});

/// Words that say the goods are weapons.
static WEAPONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "أسلحة",
        "الأسلحة",
        "سلاح",
        "السلاح",
        "طائرات",
        "الطائرات",
        "طائرة",
        "مقاتلات",
        "المقاتلات",
        "مقاتلة",
        "مسيرات",
        "المسيرات",
        "مسيرة",
        "صواريخ",
        "الصواريخ",
        "منظومة",
        "منظومات",
        "دبابات",
        "الدبابات",
        "مدرعات",
        "ذخائر",
        "الذخائر",
        "عسكرية",
        "العسكرية",
        "مروحيات",
        "غواصات",
        "غواصة",
        "فرقاطات",
        "فرقاطة",
        "رادارات",
        "معدات",
        "المعدات",
        "أنظمة",
        "الدفاع",
        "الدفاعية",
        "قاذفات",
        "بنادق",
        "مدافع",
        "درون",
    ])
});

/// Words that make talks a call.
static CALL_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "هاتفي",
        "هاتفيا",
        "الهاتفي",
        "هاتفية",
        "الهاتفية",
        "الفيديو",
        "الهاتف",
        "مكالمة",
        "المكالمة",
    ])
});

/// A trigger found at a word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub word: usize,
    pub len: usize,
    pub trigger: Trigger,
    pub future: bool,
    pub strip: u8,
}

/// The triggers of sentence `s`, in order, with their kinds decided.
pub(crate) fn find(doc: &Doc<'_>, s: std::ops::Range<usize>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = s.start;
    let mut arms: Option<bool> = None;
    let mut call: Option<bool> = None;
    while i < s.end {
        let Some(hit) = TRIGGERS.longest(i, s.end, |j| doc.forms(j)) else {
            i += 1;
            continue;
        };
        let mut trigger = hit.value;
        let with = hit.len > 1
            || !WITH_VERBS.iter().any(|v| {
                doc.forms(i)
                    .iter()
                    .any(|f| f.strip == hit.strip && f.text == *v)
            })
            || (i + 1..s.end.min(i + 10)).any(|j| doc.norm(j) == "مع");
        let ok = with
            && match trigger.kind {
                EventKind::ArmsDeal => *arms.get_or_insert_with(|| arms_need_weapons(doc, &s)),
                EventKind::Meeting if !trigger.plural => {
                    if *call.get_or_insert_with(|| call_over_meeting(doc, &s)) {
                        trigger.kind = EventKind::Call;
                    }
                    true
                }
                _ => true,
            };
        if ok {
            out.push(Found {
                word: i,
                len: hit.len,
                trigger,
                future: hit.future,
                strip: hit.strip,
            });
        }
        i += hit.len;
    }
    out
}

/// Buying, selling or delivering is an arms deal only with weapons in the
/// sentence (`أسلحة`, `مقاتلات`, an EQUIPMENT entity).
fn arms_need_weapons(doc: &Doc<'_>, s: &std::ops::Range<usize>) -> bool {
    !doc.on(Rule::ArmsNeedWeapons)
        || s.clone()
            .any(|j| WEAPONS.any(doc.forms(j)) || doc.label_at(j) == Some(Label::Equipment))
}

/// Talks that the sentence tells as a call (`هاتفي`, `عبر الفيديو`) are a
/// CALL, not a MEETING.
fn call_over_meeting(doc: &Doc<'_>, s: &std::ops::Range<usize>) -> bool {
    doc.on(Rule::CallOverMeeting) && s.clone().any(|j| CALL_WORDS.any(doc.forms(j)))
}
