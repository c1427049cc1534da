//! The phrase lexicons of scraped news pages, search-folded: labels
//! (`تاريخ النشر`, `بقلم`), share bars, comment forms, "read more" and "more
//! news" blocks, tag lists, newsletters, site furniture, disclaimers,
//! captions, photo credits and agencies; and the tests that match a folded
//! line against them.

use khabar_normalize::chars::{fold_word, is_word_char};

use crate::line::Line;

pub(crate) const PUBLISH_LABELS: &[&str] = &[
    "تاريخ النشر",
    "نشر بتاريخ",
    "نشر في",
    "تم النشر في",
    "تم النشر",
    "نشر",
    "published on",
    "published",
    "تاريخ الخبر",
];

pub(crate) const UPDATE_LABELS: &[&str] = &[
    "اخر تحديث",
    "تاريخ التحديث",
    "تم التحديث",
    "محدث",
    "تحديث",
    "last updated",
    "updated",
];

pub(crate) const BYLINE_LABELS: &[&str] = &[
    "بقلم",
    "كتب",
    "كتبت",
    "كتبه",
    "اعداد",
    "تحرير",
    "اعداد وتحرير",
    "بواسطه",
    "الكاتب",
    "المحرر",
    "by",
];

pub(crate) const SOURCE_LABELS: &[&str] = &["المصدر", "المصادر", "source"];

pub(crate) const READ_MORE: &[&str] = &[
    "اقرا المزيد",
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا أيضا",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "مقالات ذات صله",
    "روابط ذات صله",
    "ذات صله",
    "مواضيع متعلقه",
    "اخبار متعلقه",
    "قد يهمك ايضا",
    "قد يهمك",
    "قد يعجبك ايضا",
    "المزيد حول هذه القصه",
    "اقرا",
    "read more",
    "related",
];

pub(crate) const MORE_NEWS: &[&str] = &[
    "مزيد من الاخبار",
    "المزيد من الاخبار",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "الاكثر تداولا",
    "الاكثر شعبيه",
    "اخر الاخبار",
    "اخبار اخري",
    "المزيد",
    "more news",
    "most read",
];

pub(crate) const TAG_LABELS: &[&str] = &[
    "الوسوم",
    "وسوم",
    "كلمات مفتاحيه",
    "الكلمات المفتاحيه",
    "الكلمات الدالة",
    "الكلمات الداله",
    "مواضيع",
    "المواضيع",
    "تصنيفات",
    "التصنيفات",
    "الموضوعات",
    "tags",
];

const SOCIAL: &[&str] = &[
    "فيسبوك",
    "فيس بوك",
    "تويتر",
    "واتساب",
    "واتس اب",
    "تلغرام",
    "تليجرام",
    "تيليجرام",
    "لينكدان",
    "لينكد ان",
    "انستغرام",
    "انستجرام",
    "بريد الكتروني",
    "نسخ الرابط",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "messenger",
    "ماسنجر",
];

pub(crate) const COMMENT: &[&str] = &[
    "تعليق",
    "تعليقات",
    "التعليقات",
    "اترك تعليقا",
    "اترك تعليق",
    "اترك ردا",
    "اضف تعليق",
    "اضف تعليقك",
    "اكتب تعليقك",
    "ارسل تعليقك",
    "ارسال التعليق",
    "لن يتم نشر عنوان بريدك",
    "الحقول الالزاميه",
    "الحقول المطلوبه",
    "شارك برايك",
    "شارك بارايك",
    "شاركوا بارايكم",
    "شاركوا برايكم",
    "شاركنا برايك",
    "شاركونا",
    "شاركنا رايك",
    "ما رايك",
    "عدد التعليقات",
    "comments",
    "leave a reply",
    "leave a comment",
];

pub(crate) const NEWSLETTER: &[&str] = &[
    "اشترك في النشره",
    "اشترك في نشرتنا",
    "اشترك الان",
    "اشترك في",
    "النشره البريديه",
    "النشره الاخباريه",
    "سجل بريدك",
    "سجل الان",
    "تابعونا",
    "تابعوا",
    "تابعنا",
    "لمتابعه اخر",
    "حمل تطبيق",
    "حملوا تطبيق",
    "انضم الي قناتنا",
    "انضموا",
    "subscribe",
    "sign up",
];

pub(crate) const FURNITURE: &[&str] = &[
    "جميع الحقوق محفوظه",
    "كل الحقوق محفوظه",
    "حقوق النشر",
    "©",
    "copyright",
    "اعلان",
    "advertisement",
    "الصفحه الرئيسيه",
    "طباعه",
    "حجم الخط",
];

/// Site disclaimers that close many articles (`الآراء الواردة في المقال تعبر
/// عن رأي كاتبها`, the Anadolu agency's `الأخبار المنشورة على الموقع…`).
pub(crate) const DISCLAIMERS: &[&str] = &[
    "الاراء الوارده",
    "الاراء المنشوره",
    "المقالات المنشوره",
    "المقال يعبر عن",
    "المقالات تعبر عن",
    "الاخبار المنشوره علي",
    "هذا المقال يعبر",
    "جميع المواد المنشوره",
];

/// Follow, subscribe and app prompts anywhere in a short line (`لمزيد من
/// الأخبار تابعونا على تطبيق …`).
pub(crate) const PROMPT_WORDS: &[&str] = &[
    "تابعونا",
    "تابعوا",
    "تابعنا",
    "اشتركوا",
    "اشترك",
    "حملوا تطبيق",
    "حمل تطبيق",
];

const CAPTION_START: &[&str] = &[
    "صوره",
    "الصوره",
    "صور",
    "مصدر الصوره",
    "حقوق الصوره",
    "صوره ارشيفيه",
    "التعليق علي الصوره",
    "(صوره",
    "photo",
    "image",
    "getty images",
];

pub(crate) const CREDITS: &[&str] = &[
    "رويترز",
    "ا ف ب",
    "اف ب",
    "afp",
    "reuters",
    "getty images",
    "getty",
    "ap",
    "epa",
    "الاناضول",
    "وكالات",
    "ارشيفيه",
    "ارشيف",
    "سبوتنيك",
    "تسنيم",
    "واس",
    "انترنت",
    "مواقع التواصل",
];

/// News agencies that sign datelines (search-folded), beside [`CREDITS`].
pub(crate) const AGENCIES: &[&str] = &[
    "وكالات",
    "ارنا",
    "واس",
    "وام",
    "قنا",
    "كونا",
    "بنا",
    "سانا",
    "واف",
    "مهر",
    "فارس",
    "ايسنا",
    "شينخوا",
    "د ب ا",
    "اسوشيتد برس",
    "الالمانيه",
    "الفرنسيه",
    "خاص",
];

/// Words that open a sentence, not a place, before a dash
/// (`أكد الوزير - في تصريح - أن`), search-folded.
pub(crate) const NOT_PLACE: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اعلن",
    "اعلنت",
    "ذكر",
    "ذكرت",
    "افاد",
    "افادت",
    "كشف",
    "كشفت",
    "اشار",
    "اشارت",
    "اوضح",
    "اوضحت",
    "اضاف",
    "اضافت",
    "نفي",
    "نفت",
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "هذا",
    "هذه",
    "ذلك",
    "ثم",
    "لكن",
    "حيث",
    "كما",
    "بعد",
    "قبل",
    "خلال",
    "مع",
    "وقال",
    "وقالت",
    "واكد",
    "واضاف",
    "يذكر",
    "يشار",
    "المصدر",
    "بقلم",
    "كتب",
];

const SHARE_START: &[&str] = &[
    "شارك",
    "مشاركه",
    "انشر",
    "share",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا",
];

/// Strip a label (`تاريخ النشر:`) from the start of folded text: the rest.
pub(crate) fn after_label<'s>(folded: &'s str, labels: &[&str]) -> Option<&'s str> {
    for l in labels {
        if let Some(rest) = folded.strip_prefix(l) {
            let rest = rest.trim_start();
            // The label must end the word: `نشر` but not `نشرت`.
            if rest.len() < folded.len() - l.len()
                || rest.is_empty()
                || rest.starts_with([':', '-', '|', '–'])
            {
                return Some(rest.trim_start_matches([':', '-', '|', '–', ' ']));
            }
        }
    }
    None
}

pub(crate) fn starts_with_phrase(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        folded
            .strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !is_word_char(c)))
    })
}

pub(crate) fn is_phrase_line(folded: &str, phrases: &[&str]) -> bool {
    let f = folded.trim_end_matches(|c: char| !is_word_char(c));
    phrases.contains(&f)
}

/// The first word of folded text (up to a space, `:` or `,`).
fn first_word(f: &str) -> &str {
    f.split(|c: char| c.is_whitespace() || c == ':' || c == ',')
        .next()
        .unwrap_or("")
}

/// Every word that starts a boilerplate phrase, and every word of a social
/// network name.
static BOILER_FIRST: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        let lists: [&[&'static str]; 14] = [
            DISCLAIMERS,
            PUBLISH_LABELS,
            UPDATE_LABELS,
            BYLINE_LABELS,
            SOURCE_LABELS,
            READ_MORE,
            MORE_NEWS,
            TAG_LABELS,
            COMMENT,
            NEWSLETTER,
            FURNITURE,
            CAPTION_START,
            SHARE_START,
            SOCIAL,
        ];
        let mut set = std::collections::HashSet::new();
        for list in lists {
            for phrase in list {
                set.insert(first_word(phrase));
            }
        }
        for name in SOCIAL {
            set.extend(name.split(' '));
        }
        set
    });

/// Whether a folded short line may be boilerplate: a label (`:`), a
/// copyright sign, or a first word that starts some phrase.
pub(crate) fn may_be_boilerplate(f: &str) -> bool {
    f.contains([':', '©'])
        || BOILER_FIRST.contains(first_word(f))
        || PROMPT_WORDS.iter().any(|w| f.contains(w))
}

/// [`may_be_boilerplate`] on the raw line, folding only its first word.
pub(crate) fn raw_may_be_boilerplate(text: &str) -> bool {
    if text.contains([':', '©', '：'])
        || text.trim_end().ends_with(')')
        || text.contains("تابع")
        || text.contains("اشترك")
        || text.contains("تطبيق")
    {
        return true;
    }
    let first = text
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '،'))
        .next()
        .unwrap_or("");
    let mut buf = String::with_capacity(first.len());
    fold_word(first, &mut buf);
    BOILER_FIRST.contains(buf.as_str())
}

pub(crate) fn is_share(f: &str) -> bool {
    if starts_with_phrase(f, SHARE_START) {
        return true;
    }
    let words: Vec<&str> = f
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    // Whole words only (`email` but not `emails`); two-word names
    // (`فيس بوك`) as adjacent pairs.
    let social = (0..words.len())
        .filter(|&k| {
            SOCIAL.contains(&words[k])
                || words.get(k + 1).is_some_and(|next| {
                    SOCIAL
                        .iter()
                        .any(|s| s.split_once(' ') == Some((words[k], *next)))
                })
        })
        .count();
    social >= 2 || (social == 1 && words.len() <= 3)
}

pub(crate) fn is_caption(f: &str, line: &Line<'_>) -> bool {
    if starts_with_phrase(f, CAPTION_START) && !line.sentence_end {
        return true;
    }
    // `الرئيس الإيراني خلال لقائه الوزير (رويترز)`: a short line ending with
    // a photo credit in brackets, and no sentence before it.
    let t = f.trim_end();
    if let Some(inner) = t.strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            let credit = inner[open + 1..].trim().trim_end_matches('.');
            let before = inner[..open].trim_end();
            if CREDITS
                .iter()
                .any(|c| credit == *c || credit.ends_with(c) && credit.len() <= 40)
                && !before.ends_with(['.', '!', '?', '؟'])
                && line.words <= 25
            {
                return true;
            }
        }
    }
    false
}
