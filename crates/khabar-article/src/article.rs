//! Lines of a raw scraped article to fields.
//!
//! The parser reads the text line by line and gives every non-empty line one
//! role: title, subtitle, metadata (dateline, URL, byline), paragraph, related
//! title, or dropped with a [`DropReason`]. Roles come from general rules:
//! the shape of the line (length, final punctuation, a label and a colon),
//! its position (header before the first paragraph, blocks after a
//! "اقرأ المزيد" label), the script of its letters (Persian `ی ک پ چ گ`
//! against Arabic `ي ك ة ى`), and short lists of boilerplate phrases that
//! scraped news sites share ("شارك", "اترك تعليقاً", "اقرأ أيضاً").

use std::borrow::Cow;
use std::collections::HashMap;

use khabar_normalize::Span;

use khabar_dates::{find_dates, Calendar, Date, DateMention, Precision, Value};

use crate::error::Error;

/// What the caller already knows about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    /// The publication date or datetime, when known from elsewhere (a feed,
    /// the crawler). Wins over any dateline in the text.
    pub published: Option<Value>,
    /// The article URL, when known. Wins over a URL line in the text.
    pub url: Option<String>,
    /// The UTC offset of `published`, in minutes east of UTC, when the hint
    /// gave one (`2022-01-25T16:28+03:00`); only kept with a time of day.
    pub utc_offset: Option<i16>,
}

impl Hints {
    /// Hints with a publication date parsed from `YYYY-MM-DD` or
    /// `YYYY-MM-DDTHH:MM`, with optional seconds (`:SS`, `:SS.fff`) and an
    /// optional UTC offset after the time (`Z`, `+03:00`, `+0300`, `-05`),
    /// kept in [`Hints::utc_offset`].
    ///
    /// ```
    /// use khabar_article::Hints;
    /// let h = Hints::default().with_published("2022-01-25T16:28").unwrap();
    /// assert_eq!(h.published.unwrap().iso(), "2022-01-25T16:28");
    /// let h = Hints::default().with_published("2022-01-25T16:28:00+03:00").unwrap();
    /// assert_eq!((h.published.unwrap().iso(), h.utc_offset), ("2022-01-25T16:28".into(), Some(180)));
    /// assert!(Hints::default().with_published("25/01/2022").is_err());
    /// assert!(Hints::default().with_published("2022-01-25T16:28 tomorrow").is_err());
    /// ```
    pub fn with_published(mut self, iso: &str) -> Result<Self, Error> {
        let (value, offset) = parse_iso_value(iso)?;
        self.published = Some(value);
        self.utc_offset = offset;
        Ok(self)
    }

    /// Hints with a URL.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
}

fn parse_iso_value(iso: &str) -> Result<(Value, Option<i16>), Error> {
    let s = iso.trim();
    let date: Date = s.parse().map_err(|_| {
        Error::new(crate::error::ErrorKind::InvalidDate {
            value: s.to_owned(),
        })
    })?;
    let ymd = khabar_dates::Ymd {
        year: Some(date.year),
        month: date.month,
        day: date.day,
    };
    let Some(pos) = s.find(['T', ' ']) else {
        return Ok((Value::Day(ymd), None));
    };
    let time = &s[pos + 1..];
    let bad = || {
        Error::new(crate::error::ErrorKind::InvalidDate {
            value: iso.to_owned(),
        })
    };
    let hh = time
        .get(0..2)
        .and_then(|x| x.parse::<u8>().ok())
        .ok_or_else(bad)?;
    let mm = time
        .get(3..5)
        .and_then(|x| x.parse::<u8>().ok())
        .ok_or_else(bad)?;
    if time.get(2..3) != Some(":") || hh > 23 || mm > 59 {
        return Err(bad());
    }
    // Seconds and their fraction are read and dropped; then an offset or
    // nothing.
    let mut rest = time.get(5..).ok_or_else(bad)?;
    if let Some(sec) = rest.strip_prefix(':') {
        let digits = sec.bytes().take_while(u8::is_ascii_digit).count();
        if digits != 2 {
            return Err(bad());
        }
        rest = &sec[2..];
        if let Some(frac) = rest.strip_prefix(['.', ',']) {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    let offset = if rest.is_empty() {
        None
    } else {
        let (minutes, used) =
            khabar_dates::numeric_offset(rest.trim_start(), true).ok_or_else(bad)?;
        if used != rest.trim_start().len() {
            return Err(bad());
        }
        Some(minutes)
    };
    Ok((
        Value::DateTime {
            date: ymd,
            hour: hh,
            minute: mm,
        },
        offset,
    ))
}

/// The UTC offset of a dateline: that of its first mention with a time of
/// day and an offset.
fn dateline_offset(found: &[DateMention]) -> Option<i16> {
    found
        .iter()
        .filter(|m| matches!(m.value, Some(Value::DateTime { .. } | Value::Time { .. })))
        .find_map(|m| m.utc_offset)
}

/// A one-line field (title, subtitle, byline, related title).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Field {
    /// The text, trimmed (for a related title, without its label).
    pub text: String,
    /// Line number, 1-based.
    pub line: usize,
    /// Byte span of `text` in the raw input.
    pub span: Span,
}

/// The kind of a body paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum ParagraphKind {
    /// The first paragraph of the body.
    Lead,
    /// Any other paragraph.
    Paragraph,
    /// A short unpunctuated line that heads a section of the body.
    Heading,
}

impl ParagraphKind {
    /// `"lead"`, `"paragraph"` or `"heading"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Paragraph => "paragraph",
            Self::Heading => "heading",
        }
    }
}

/// One body paragraph (one line of the input).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Paragraph {
    /// Lead, paragraph or heading.
    pub kind: ParagraphKind,
    /// The text, trimmed.
    pub text: String,
    /// Line number, 1-based.
    pub line: usize,
    /// Byte span of `text` in the raw input.
    pub span: Span,
}

/// Which metadata a line was moved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Metadata {
    /// A dateline (`الثلاثاء 25 يناير 2022 - 16:28`, `تاريخ النشر: …`).
    Dateline,
    /// An update line (`آخر تحديث: …`).
    Updated,
    /// A URL line.
    Url,
    /// A byline (`بقلم: …`, `كتب: …`).
    Byline,
    /// A source line (`المصدر: رويترز`).
    Source,
}

/// Why a line is not in the article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum DropReason {
    /// No letters or digits (`.`, `***`).
    Noise,
    /// A label with nothing after it (`نشر في:`).
    EmptyLabel,
    /// Share buttons (`شارك:`, `فيسبوك تويتر واتساب`).
    Share,
    /// Comment form and comment prompts (`اترك تعليقاً`, `شارك بآرائك`).
    CommentForm,
    /// A "read more" label (`اقرأ المزيد:`).
    ReadMoreLabel,
    /// A link (URL) in a related-articles block.
    RelatedLink,
    /// A "more news" block and its items (`مزيد من الأخبار`).
    MoreNewsBlock,
    /// A line in another language than the article (a Persian sidebar).
    ForeignLanguage,
    /// The same text as the paragraph on line `of_line`.
    ExactDuplicate {
        /// Line of the paragraph that was kept.
        of_line: usize,
    },
    /// Moved to a metadata field.
    MovedToMetadata(Metadata),
    /// A photo caption or credit (`صورة أرشيفية`, `(رويترز)`).
    Caption,
    /// A tag list (`الوسوم: …`).
    Tags,
    /// A newsletter, app or follow prompt (`اشترك في النشرة البريدية`).
    Newsletter,
    /// Site furniture (`جميع الحقوق محفوظة`).
    Boilerplate,
}

impl Metadata {
    /// Snake-case name (`"dateline"`, `"byline"`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Dateline => "dateline",
            Self::Updated => "updated",
            Self::Url => "url",
            Self::Byline => "byline",
            Self::Source => "source",
        }
    }
}

impl DropReason {
    /// Snake-case name (`"exact_duplicate"`, `"moved_to_metadata"`).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Noise => "noise",
            Self::EmptyLabel => "empty_label",
            Self::Share => "share",
            Self::CommentForm => "comment_form",
            Self::ReadMoreLabel => "read_more_label",
            Self::RelatedLink => "related_link",
            Self::MoreNewsBlock => "more_news_block",
            Self::ForeignLanguage => "foreign_language",
            Self::ExactDuplicate { .. } => "exact_duplicate",
            Self::MovedToMetadata(_) => "moved_to_metadata",
            Self::Caption => "caption",
            Self::Tags => "tags",
            Self::Newsletter => "newsletter",
            Self::Boilerplate => "boilerplate",
        }
    }
}

/// A dropped line.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Dropped {
    /// Line number, 1-based.
    pub line: usize,
    /// The line, trimmed.
    pub text: String,
    /// Byte span of `text` in the raw input.
    pub span: Span,
    /// Why it was dropped.
    pub reason: DropReason,
}

/// Something a reader of the article should know.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Flag {
    /// Paragraph `line` says almost the same as the paragraph on `of_line`;
    /// both are kept.
    NearDuplicate {
        /// The later paragraph.
        line: usize,
        /// The earlier paragraph.
        of_line: usize,
    },
    /// A weekday that is not the weekday of its date.
    WeekdayMismatch {
        /// Line of the date.
        line: usize,
        /// The date expression.
        text: String,
    },
    /// No publication date was found (and none was given).
    NoPublicationDate,
    /// A publication-date label with no date after it (`نشر في:`).
    EmptyDateLabel {
        /// Line of the label.
        line: usize,
    },
    /// A relative date (`الشهر الماضي`, `22 يناير`) that could not be resolved
    /// for want of a publication date.
    UnresolvedRelativeDate {
        /// Line of the expression.
        line: usize,
        /// The expression.
        text: String,
    },
}

impl Flag {
    /// Snake-case name (`"near_duplicate"`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Self::NearDuplicate { .. } => "near_duplicate",
            Self::WeekdayMismatch { .. } => "weekday_mismatch",
            Self::NoPublicationDate => "no_publication_date",
            Self::EmptyDateLabel { .. } => "empty_date_label",
            Self::UnresolvedRelativeDate { .. } => "unresolved_relative_date",
        }
    }
}

/// Where the publication date came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Published {
    /// The date or datetime, in the local time the text gives.
    pub value: Value,
    /// Line of the dateline (`None` when it came from the hints).
    pub line: Option<usize>,
    /// Byte span of the date expression in the raw input.
    pub span: Option<Span>,
    /// The UTC offset written after the time, in minutes east of UTC
    /// (`+03:00`, `GMT+3`, `بتوقيت غرينتش +3` → 180; `GMT`, `Z` → 0); `None`
    /// when the text gives none. Only explicit offsets count (a place such as
    /// `بتوقيت مكة` is never turned into one), and only with a time of day.
    pub utc_offset: Option<i16>,
}

impl Published {
    /// The value in ISO form (`2022-01-25`, `2022-01-25T16:28`), with the
    /// UTC offset when known (`2022-01-25T16:28+03:00`, `2022-01-25T16:28+00:00`).
    pub fn iso(&self) -> String {
        let mut s = self.value.iso();
        if let (Some(m), Value::DateTime { .. }) = (self.utc_offset, self.value) {
            khabar_dates::push_offset(&mut s, m);
        }
        s
    }

    /// The value in ISO form without the UTC offset: the local time.
    pub fn local_iso(&self) -> String {
        self.value.iso()
    }

    /// The precision of the value.
    pub fn precision(&self) -> Precision {
        self.value.precision()
    }

    /// The day, when complete.
    pub fn date(&self) -> Option<Date> {
        match self.value {
            Value::Day(d) | Value::DateTime { date: d, .. } => d.date(),
            _ => None,
        }
    }
}

/// A parsed article. Every non-empty input line is in exactly one of:
/// `title`, `subtitle`, `paragraphs`, `related`, `dropped` (metadata lines are
/// dropped with [`DropReason::MovedToMetadata`]); see [`Article::line_roles`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Article {
    /// The headline.
    pub title: Option<Field>,
    /// A deck under the headline.
    pub subtitle: Option<Field>,
    /// The byline, without its label.
    pub byline: Option<Field>,
    /// The publication date.
    pub published: Option<Published>,
    /// The last update date (`آخر تحديث: …`).
    pub updated: Option<Published>,
    /// The article URL.
    pub url: Option<String>,
    /// The place of the dateline that opens the story (`الرياض` in
    /// `الرياض - قال …`, `طهران (رويترز) - …`, `موسكو – وكالات:`, or
    /// `القاهرة - 25 يناير 2022`): its text and byte span in the raw input.
    /// It is read from the lead paragraph or from a byline or date line above
    /// it, and points into that line, which keeps its role: the lead keeps
    /// its full text (place included), a header line stays in `dropped`. Not
    /// a line of its own in [`Article::line_roles`].
    pub dateline_place: Option<Field>,
    /// Language of the body: `"ar"`, `"fa"`, `"en"` or `"und"`.
    pub language: &'static str,
    /// Body paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Titles listed under "اقرأ المزيد" and similar labels.
    pub related: Vec<Field>,
    /// Every other non-empty line, with the reason.
    pub dropped: Vec<Dropped>,
    /// Warnings.
    pub flags: Vec<Flag>,
}

/// The role of one line, for checking that every line is accounted for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRole {
    /// The title.
    Title,
    /// The subtitle.
    Subtitle,
    /// A paragraph.
    Paragraph,
    /// A related title.
    Related,
    /// Dropped (including metadata lines).
    Dropped,
}

impl Article {
    /// The headings of the body, in order.
    pub fn headings(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Heading)
    }

    /// `(line, role)` for every line that went somewhere, sorted by line.
    /// Each non-empty input line appears exactly once.
    pub fn line_roles(&self) -> Vec<(usize, LineRole)> {
        let mut v: Vec<(usize, LineRole)> = Vec::new();
        if let Some(t) = &self.title {
            v.push((t.line, LineRole::Title));
        }
        if let Some(t) = &self.subtitle {
            v.push((t.line, LineRole::Subtitle));
        }
        v.extend(
            self.paragraphs
                .iter()
                .map(|p| (p.line, LineRole::Paragraph)),
        );
        v.extend(self.related.iter().map(|p| (p.line, LineRole::Related)));
        v.extend(self.dropped.iter().map(|p| (p.line, LineRole::Dropped)));
        v.sort_by_key(|x| x.0);
        v
    }
}

// ---------------------------------------------------------------------------
// Line features.

struct Line<'a> {
    no: usize,
    span: Span,
    text: &'a str,
    words: usize,
    /// Letters of any script.
    letters: usize,
    latin: usize,
    /// Letters only Persian uses (`ی ک پ چ ژ گ`) and letters only Arabic uses
    /// (`ي ك ة ى`): the balance tells a Persian line from an Arabic one even
    /// when both are in Arabic script.
    persian: usize,
    arabic_only: usize,
    /// Ends like a sentence (`.`, `؟`, `!`, `…`), ignoring closing quotes.
    sentence_end: bool,
}

const SHORT: usize = 240;
const SAMPLE: usize = 384;

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl<'a> Line<'a> {
    fn new(no: usize, span: Span, text: &'a str) -> Self {
        let mut letters = 0;
        let mut latin = 0;
        let mut persian = 0;
        let mut arabic_only = 0;
        let mut words = 0;
        let mut in_word = false;
        // The features only feed thresholds (a title has at most 40 words)
        // and ratios (script of the letters), so a long paragraph is read
        // through its first 384 bytes (about 60 words): the cost per line stays
        // constant.
        let sample = &text[..floor_char_boundary(text, SAMPLE)];
        let bytes = sample.as_bytes();
        let mut i = 0;
        // Bytes, not chars: ASCII and the two-byte Arabic block are decided
        // without decoding (this loop sees every byte of the article).
        while i < bytes.len() {
            let b = bytes[i];
            // Arabic block: two bytes, a table lookup, never whitespace.
            if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
                let cp = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
                i += 2;
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                match khabar_dates::arabic_script(cp) {
                    khabar_dates::Script::Persian => {
                        letters += 1;
                        persian += 1;
                    }
                    khabar_dates::Script::ArabicOnly => {
                        letters += 1;
                        arabic_only += 1;
                    }
                    khabar_dates::Script::Letter => letters += 1,
                    khabar_dates::Script::Other => {}
                }
                continue;
            }
            if b < 0x80 {
                i += 1;
                if matches!(b, b' ' | b'\t' | b'\r' | 0x0B | 0x0C) {
                    in_word = false;
                    continue;
                }
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    latin += 1;
                } else if b.is_ascii_digit() {
                    letters += 1;
                }
                continue;
            }
            let c = sample
                .get(i..)
                .and_then(|r| r.chars().next())
                .unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                words += 1;
                in_word = true;
            }
            if khabar_dates::is_letter(c) || khabar_dates::is_digit(c) {
                letters += 1;
            }
        }
        if sample.len() < text.len() && !sample.is_empty() {
            // Extrapolate the word count of a long line from its sample, so
            // a 60-word paragraph is never taken for a 40-word title.
            words = words * text.len() / sample.len();
        }
        let trimmed = text.trim_end_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '”' | '“' | '»' | '«' | ')' | '’' | ' ' | '\u{200f}'
            )
        });
        let sentence_end = trimmed.ends_with(['.', '؟', '?', '!', '…', '。']);
        Self {
            no,
            span,
            text,
            words,
            letters,
            latin,
            persian,
            arabic_only,
            sentence_end,
        }
    }

    fn is_persian(&self) -> bool {
        self.persian > 0 && self.persian * 2 > self.persian + self.arabic_only
    }

    fn is_latin(&self) -> bool {
        self.letters > 0 && self.latin * 10 >= self.letters * 8
    }

    /// Search-normalized text of a short line, for phrase matching.
    fn folded(&self) -> Option<Cow<'a, str>> {
        (self.text.len() <= SHORT).then(|| Cow::Owned(khabar_dates::fold_line(self.text)))
    }
}

fn is_url(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        && !s.contains(char::is_whitespace)
}

/// Strip a label (`تاريخ النشر:`) from the start of folded text: the rest.
fn after_label<'s>(folded: &'s str, labels: &[&str]) -> Option<&'s str> {
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

const PUBLISH_LABELS: &[&str] = &[
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
const UPDATE_LABELS: &[&str] = &[
    "اخر تحديث",
    "تاريخ التحديث",
    "تم التحديث",
    "محدث",
    "تحديث",
    "last updated",
    "updated",
];
const BYLINE_LABELS: &[&str] = &[
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
const SOURCE_LABELS: &[&str] = &["المصدر", "المصادر", "source"];
const READ_MORE: &[&str] = &[
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
const MORE_NEWS: &[&str] = &[
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
const TAG_LABELS: &[&str] = &[
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
const COMMENT: &[&str] = &[
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
const NEWSLETTER: &[&str] = &[
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
const FURNITURE: &[&str] = &[
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
const DISCLAIMERS: &[&str] = &[
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
const PROMPT_WORDS: &[&str] = &[
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
const CREDITS: &[&str] = &[
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

fn starts_with_phrase(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        folded.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| !khabar_dates::is_word_char(c))
        })
    })
}

fn is_phrase_line(folded: &str, phrases: &[&str]) -> bool {
    let f = folded.trim_end_matches(|c: char| !khabar_dates::is_word_char(c));
    phrases.contains(&f)
}

/// Block kinds that swallow the short lines after their label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    None,
    Related,
    MoreNews { foreign: bool },
}

/// What a line was classified as, before accounting.
enum Role {
    Title,
    Subtitle,
    Body,
    Related(Span),
    Drop(DropReason),
}

/// Parse a raw scraped article. Total: any input gives an article, and every
/// non-empty line is accounted for.
///
/// # Example
///
/// ```
/// use khabar_article::{parse, DropReason, Hints};
///
/// let raw = "عنوان الخبر هنا\n\nالثلاثاء 25 يناير 2022 - 16:28\n\
///            قال الوزير أمس إن المحادثات ستستمر.\nشارك:\nتعليق\n";
/// let a = parse(raw, &Hints::default());
/// assert_eq!(a.title.as_ref().unwrap().text, "عنوان الخبر هنا");
/// assert_eq!(a.published.as_ref().unwrap().iso(), "2022-01-25T16:28");
/// assert_eq!(a.paragraphs.len(), 1);
/// assert_eq!(a.dropped.iter().map(|d| d.reason.name()).collect::<Vec<_>>(),
///            ["moved_to_metadata", "share", "comment_form"]);
/// ```
pub fn parse(raw: &str, hints: &Hints) -> Article {
    parse_inner(raw, hints, None)
}

/// [`parse`], and the date expressions of the article's body paragraphs
/// that its date pass found, with byte spans into `raw`, in order. They
/// are resolved against the publication date, or the update date when
/// there is none (what [`find_dates`] gives on each paragraph's text with
/// that reference): a caller that tags the body need not scan it again.
pub fn parse_with_dates(raw: &str, hints: &Hints) -> (Article, Vec<DateMention>) {
    let mut dates = Vec::new();
    // The date pass is the last pass over the paragraphs (near-duplicates
    // after it are flagged, not dropped), so these are the final ones.
    let a = parse_inner(raw, hints, Some(&mut dates));
    (a, dates)
}

fn parse_inner(raw: &str, hints: &Hints, dates: Option<&mut Vec<DateMention>>) -> Article {
    let lines = split_lines(raw);
    let doc = DocScript::of(&lines);
    let mut a = Article {
        language: "und",
        ..Article::default()
    };
    if let Some(v) = hints.published {
        a.published = Some(Published {
            value: v,
            line: None,
            span: None,
            utc_offset: hints
                .utc_offset
                .filter(|_| matches!(v, Value::DateTime { .. })),
        });
    }
    a.url.clone_from(&hints.url);

    let mut block = Block::None;
    let mut seen: HashMap<DupKey<'_>, usize> = HashMap::with_capacity(lines.len());
    let mut body_started = false;
    let mut published_labelled = false;
    let mut dateline_mentions: Vec<(usize, DateMention)> = Vec::new();
    let mut roles: Vec<Role> = Vec::with_capacity(lines.len());

    for (idx, line) in lines.iter().enumerate() {
        let role = classify(
            &lines,
            idx,
            line,
            &mut a,
            &mut block,
            &mut body_started,
            &mut published_labelled,
            &mut dateline_mentions,
            hints,
            doc,
        );
        let role = match role {
            Role::Body => {
                let key = line.text;
                if let Some(&of_line) = seen.get(&DupKey(key)) {
                    Role::Drop(DropReason::ExactDuplicate { of_line })
                } else {
                    seen.insert(DupKey(key), line.no);
                    body_started = true;
                    Role::Body
                }
            }
            r => r,
        };
        roles.push(role);
    }

    // A sentence is the text, not its title: when the only lines that could
    // be body were taken as title or deck (a one-paragraph item under a
    // foreign-language headline, a dateline-first wire snippet), the ones
    // that end a sentence go back to the body instead of leaving none.
    if !roles.iter().any(|r| matches!(r, Role::Body)) {
        for (i, r) in roles.iter_mut().enumerate() {
            if matches!(r, Role::Title | Role::Subtitle) && lines[i].sentence_end {
                *r = Role::Body;
            }
        }
        // The loop below sets them again from the roles that are left.
        a.title = None;
        a.subtitle = None;
    }

    // Headings: short unpunctuated body lines between two body lines, the
    // next one a real paragraph (`الاستنجاد بالناتو` before a long paragraph).
    let body_idx: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Role::Body))
        .map(|(i, _)| i)
        .collect();
    let mut first_body = true;
    for (k, &i) in body_idx.iter().enumerate() {
        let line = &lines[i];
        let kind = if k > 0
            && is_heading_shape(line)
            && body_idx.get(k + 1).is_some_and(|&n| lines[n].words >= 12)
        {
            ParagraphKind::Heading
        } else if first_body {
            first_body = false;
            ParagraphKind::Lead
        } else {
            ParagraphKind::Paragraph
        };
        if kind == ParagraphKind::Heading {
            first_body = false;
        }
        a.paragraphs.push(Paragraph {
            kind,
            text: line.text.to_owned(),
            line: line.no,
            span: line.span,
        });
    }
    for (i, role) in roles.into_iter().enumerate() {
        let line = &lines[i];
        match role {
            Role::Title => {
                a.title = Some(field(line, line.span));
            }
            Role::Subtitle => a.subtitle = Some(field(line, line.span)),
            Role::Body => {}
            Role::Related(span) => a.related.push(Field {
                text: raw.get(span.range()).unwrap_or("").to_owned(),
                line: line.no,
                span,
            }),
            Role::Drop(reason) => a.dropped.push(Dropped {
                line: line.no,
                text: line.text.to_owned(),
                span: line.span,
                reason,
            }),
        }
    }

    a.dateline_place = find_dateline_place(&a, raw);
    a.language = language(&lines, &a.paragraphs);
    let words = date_flags(&mut a, &dateline_mentions, raw, dates);
    near_duplicates(&mut a, words);
    a
}

/// Where a dateline place may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PlaceLine {
    /// The lead: `place - sentence`, `place (credit) - sentence`.
    Lead,
    /// A byline above the lead: `place - credit` (`القاهرة - العربية.نت`).
    Byline,
    /// A date line above the lead: `place - date`.
    DateLine,
}

/// The dateline place of the article: from the first byline or date line
/// above the lead that has one, else from the lead.
fn find_dateline_place(a: &Article, raw: &str) -> Option<Field> {
    let lead = a
        .paragraphs
        .iter()
        .find(|p| p.kind != ParagraphKind::Heading);
    let limit = lead.map_or(usize::MAX, |p| p.line);
    let header = a.dropped.iter().filter(|d| d.line < limit).filter_map(|d| {
        let kind = match d.reason {
            DropReason::MovedToMetadata(Metadata::Byline) => PlaceLine::Byline,
            DropReason::MovedToMetadata(Metadata::Dateline) => PlaceLine::DateLine,
            _ => return None,
        };
        Some((d.line, d.span, kind))
    });
    let lead = lead.map(|p| (p.line, p.span, PlaceLine::Lead));
    header.chain(lead).find_map(|(line, span, kind)| {
        let text = raw.get(span.range())?;
        let (start, end) = place_in(text, kind)?;
        Some(Field {
            text: text[start..end].to_owned(),
            line,
            span: Span::new(span.start + start, span.start + end),
        })
    })
}

/// Words that open a sentence, not a place, before a dash
/// (`أكد الوزير - في تصريح - أن`), search-folded.
const NOT_PLACE: &[&str] = &[
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

/// Dashes that end a dateline: `-`, `–`, `—`, and a lone tatweel (`القاهرة ـ`).
const DASHES: &[char] = &['-', '–', '—', 'ـ'];

/// The byte range of the place at the start of `text`, when the line opens
/// with a dateline: one to three words of letters, then a dash (or a credit
/// in brackets and a dash), then the rest: a sentence of three words or more
/// in the lead, a credit in a byline (`وكالات`, `العربية.نت`), anything in a
/// date line (the date).
fn place_in(text: &str, kind: PlaceLine) -> Option<(usize, usize)> {
    if kind == PlaceLine::Byline {
        if let Some(r) = place_after_min(text) {
            return Some(r);
        }
    }
    let cut =
        text.find(|c: char| DASHES.contains(&c) || matches!(c, '(' | ':' | ',' | '،' | '.' | '/'))?;
    let head = text[..cut].trim_end();
    // A tatweel only counts as a dash when it stands alone.
    let sep = text[cut..].chars().next()?;
    if sep == 'ـ' && (head.len() == cut || !text[cut + sep.len_utf8()..].starts_with(' ')) {
        return None;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || head.chars().count() > 30
        || !head
            .chars()
            .all(|c| c.is_whitespace() || khabar_dates::is_letter(c))
    {
        return None;
    }
    if NOT_PLACE.contains(&khabar_dates::fold_line(words[0]).as_str())
        || !find_dates(head, None).is_empty()
    {
        return None;
    }
    let mut rest = &text[cut..];
    if rest.starts_with('(') {
        // `طهران (رويترز) -`: a credit in brackets, then the dash.
        let close = rest.find(')')?;
        let credit = rest[1..close].trim();
        if credit.is_empty() || credit.split_whitespace().count() > 4 || credit.len() > 60 {
            return None;
        }
        rest = rest[close + 1..].trim_start();
    }
    let dash = rest.chars().next()?;
    let after = rest[dash.len_utf8()..].trim_start();
    if dash == '/' {
        // `أنقرة/ الأناضول`: a slash only before a credit.
        let ok = match kind {
            PlaceLine::Byline => is_credit(after),
            PlaceLine::Lead => credit_then_separator(after)
                .is_some_and(|body| body.split_whitespace().count() >= 3),
            PlaceLine::DateLine => false,
        };
        return ok.then_some((0, head.len()));
    }
    if !DASHES.contains(&dash) {
        return None;
    }
    let ok = match kind {
        PlaceLine::DateLine => true,
        PlaceLine::Byline => is_credit(after),
        PlaceLine::Lead => {
            // `موسكو – وكالات: قال …`, `طهران - إرنا - …`: a credit first.
            let body = credit_then_separator(after).unwrap_or(after);
            // A parenthetical dash soon after (`أكد الوزير - في تصريح - أن`)
            // is not a dateline.
            let soon = &body[..floor_char_boundary(body, 60)];
            body.split_whitespace().count() >= 3
                && !(soon.contains(" - ") || soon.contains(" – ") || soon.contains(" — "))
        }
    };
    ok.then_some((0, head.len()))
}

/// The text after a credit and its separator at the start of `s`
/// (`وكالات: …`, `إرنا - …`).
fn credit_then_separator(s: &str) -> Option<&str> {
    let end = s.find(|c: char| matches!(c, ':' | '.' | ',' | '،') || DASHES.contains(&c))?;
    if !is_credit(&s[..end]) {
        return None;
    }
    let sep = s[end..].chars().next()?;
    Some(s[end + sep.len_utf8()..].trim_start())
}

/// `هسبريس من الرباط`: a site, `من` and a place of one or two words, in a
/// byline of at most four words.
fn place_after_min(text: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=4).contains(&words.len())
        || words[1] != "من"
        || !text
            .chars()
            .all(|c| c.is_whitespace() || khabar_dates::is_letter(c))
    {
        return None;
    }
    let min = text.find(" من ")? + " من ".len();
    let place = text[min..].trim();
    let start = min + (text[min..].len() - text[min..].trim_start().len());
    find_dates(place, None)
        .is_empty()
        .then_some((start, start + place.len()))
}

/// Whether `s` is only a news agency or site credit (`وكالات`, `رويترز`,
/// `العربية.نت`, `«الشرق الأوسط»`).
fn is_credit(s: &str) -> bool {
    let t = s.trim().trim_end_matches([':', '-', '–', '—']).trim();
    if t.is_empty() || t.split_whitespace().count() > 4 {
        return false;
    }
    let f = khabar_dates::fold_line(t);
    let f = f.trim_matches(|c: char| !khabar_dates::is_word_char(c));
    CREDITS.contains(&f)
        || AGENCIES.contains(&f)
        || (t.contains('.') && !t.contains(' ') && t.chars().any(khabar_dates::is_letter))
}

/// News agencies that sign datelines (search-folded), beside [`CREDITS`].
const AGENCIES: &[&str] = &[
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

/// A paragraph as a key for exact duplicates: equality on the whole text,
/// but hashed on its length and its first and last 32 bytes, so a long
/// paragraph is not hashed in full.
#[derive(PartialEq, Eq)]
struct DupKey<'a>(&'a str);

impl std::hash::Hash for DupKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let b = self.0.as_bytes();
        state.write_usize(b.len());
        state.write(&b[..b.len().min(32)]);
        state.write(&b[b.len().saturating_sub(32)..]);
    }
}

fn field(line: &Line<'_>, span: Span) -> Field {
    Field {
        text: line.text.to_owned(),
        line: line.no,
        span,
    }
}

fn split_lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (no, piece) in raw.split('\n').enumerate() {
        let end = start + piece.len();
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            out.push(Line::new(no + 1, Span::new(s, s + trimmed.len()), trimmed));
        }
        start = end + 1;
    }
    out
}

fn is_heading_shape(line: &Line<'_>) -> bool {
    line.words <= 8
        && !line.sentence_end
        && !line.text.ends_with([':', '،', ',', '؛', ';'])
        && !line.text.contains(['.', '،', ':'])
}

/// Whether a line is short and title-like (an item of a related block).
fn is_title_shape(line: &Line<'_>) -> bool {
    line.words <= 20 && !line.text.ends_with('.') && !line.text.ends_with(':')
}

/// Classify one line, and end a related or more-news block at the first line
/// that is not part of it (a tag list or a share bar after `اقرأ أيضاً`).
#[allow(clippy::too_many_arguments)]
fn classify<'a>(
    lines: &[Line<'a>],
    idx: usize,
    line: &Line<'a>,
    a: &mut Article,
    block: &mut Block,
    body_started: &mut bool,
    published_labelled: &mut bool,
    dateline_mentions: &mut Vec<(usize, DateMention)>,
    hints: &Hints,
    doc: DocScript,
) -> Role {
    let before = *block;
    let role = classify_line(
        lines,
        idx,
        line,
        a,
        block,
        body_started,
        published_labelled,
        dateline_mentions,
        hints,
        doc,
    );
    if let Role::Drop(r) = &role {
        let keeps = matches!(
            r,
            DropReason::ReadMoreLabel
                | DropReason::MoreNewsBlock
                | DropReason::ForeignLanguage
                | DropReason::RelatedLink
                | DropReason::Noise
        );
        if !keeps && *block == before {
            *block = Block::None;
        }
    }
    role
}

#[allow(clippy::too_many_arguments)]
fn classify_line<'a>(
    lines: &[Line<'a>],
    idx: usize,
    line: &Line<'a>,
    a: &mut Article,
    block: &mut Block,
    body_started: &mut bool,
    published_labelled: &mut bool,
    dateline_mentions: &mut Vec<(usize, DateMention)>,
    hints: &Hints,
    doc: DocScript,
) -> Role {
    if line.letters == 0 {
        return Role::Drop(DropReason::Noise);
    }
    if is_url(line.text) {
        if a.url.is_none() {
            a.url = Some(line.text.to_owned());
        }
        if *block == Block::Related {
            return Role::Drop(DropReason::RelatedLink);
        }
        return Role::Drop(DropReason::MovedToMetadata(Metadata::Url));
    }
    // Fold a short line only when it may be boilerplate (a label, a credit
    // in brackets, a first word that starts a known phrase); other short
    // lines get an empty fold, so the phrase checks fail and the date check
    // still runs.
    let folded = if line.text.len() > SHORT {
        None
    } else if raw_may_be_boilerplate(line.text) {
        line.folded()
    } else {
        Some(Cow::Borrowed(""))
    };
    if let Some(f) = folded.as_deref() {
        let f = f.trim();
        // Most short lines are headings or short paragraphs: one set lookup
        // of the first word rules out every phrase list below.
        if may_be_boilerplate(f) {
            // Labels: `تاريخ النشر: …`, `آخر تحديث: …`, `نشر في:`.
            if line.words <= 14 {
                for (labels, meta) in [
                    (PUBLISH_LABELS, Metadata::Dateline),
                    (UPDATE_LABELS, Metadata::Updated),
                ] {
                    if let Some(rest) = after_label(f, labels) {
                        if rest.trim().is_empty() {
                            if meta == Metadata::Dateline && a.published.is_none() {
                                a.flags.push(Flag::EmptyDateLabel { line: line.no });
                            }
                            return Role::Drop(DropReason::EmptyLabel);
                        }
                        let found = find_dates(line.text, None);
                        if let Some(m) = best_dateline(&found) {
                            let m = resolve_dateline(&found, m);
                            let p =
                                published_at(line, &found, &m, m.value.unwrap_or(Value::Year(0)));
                            if meta == Metadata::Dateline {
                                if hints.published.is_none()
                                    && (!*published_labelled || a.published.is_none())
                                {
                                    a.published = Some(p);
                                    *published_labelled = true;
                                }
                            } else if a.updated.is_none() {
                                a.updated = Some(p);
                            }
                            dateline_mentions.extend(
                                found
                                    .into_iter()
                                    .map(|m| (line.no, shift(m, line.span.start))),
                            );
                            return Role::Drop(DropReason::MovedToMetadata(meta));
                        }
                    }
                }
                if line.words <= 8 {
                    if let Some(rest) = after_label(f, BYLINE_LABELS) {
                        if (f.contains(':') || !*body_started)
                            && !rest.is_empty()
                            && rest.split_whitespace().count() <= 6
                        {
                            if a.byline.is_none() {
                                let text = rest.to_owned();
                                a.byline = Some(Field {
                                    text: byline_text(line.text).unwrap_or(text),
                                    line: line.no,
                                    span: line.span,
                                });
                            }
                            return Role::Drop(DropReason::MovedToMetadata(Metadata::Byline));
                        }
                    }
                    if let Some(rest) = after_label(f, SOURCE_LABELS) {
                        if f.contains(':') && !rest.is_empty() {
                            return Role::Drop(DropReason::MovedToMetadata(Metadata::Source));
                        }
                    }
                }
            }
            if line.words <= 12 && (starts_with_phrase(f, COMMENT) || is_phrase_line(f, COMMENT)) {
                return Role::Drop(DropReason::CommentForm);
            }
            if line.words <= 25 && starts_with_phrase(f, NEWSLETTER) {
                return Role::Drop(DropReason::Newsletter);
            }
            // `© Sputnik . Vladimir Fedorenko`: a photo credit; `جميع الحقوق
            // محفوظة ©` is site furniture (below).
            if line.words <= 12 && f.starts_with('©') {
                return Role::Drop(DropReason::Caption);
            }
            if line.words <= 8 && is_share(f) {
                return Role::Drop(DropReason::Share);
            }
            if line.words <= 20 && starts_with_phrase(f, READ_MORE) {
                let rest = after_label(f, READ_MORE).unwrap_or("");
                if rest.is_empty() {
                    *block = Block::Related;
                    return Role::Drop(DropReason::ReadMoreLabel);
                }
                // `اقرأ المزيد: <title>` on one line.
                if let Some(after) = after_colon(line.text) {
                    let start = line.span.start + after;
                    let sub = &line.text[after..];
                    let lead = sub.len() - sub.trim_start().len();
                    let span = Span::new(start + lead, line.span.end);
                    return Role::Related(span);
                }
            }
            if line.words <= 6 && is_phrase_line(f, MORE_NEWS) {
                let foreign = block_is_foreign(lines, idx + 1, doc);
                *block = Block::MoreNews { foreign };
                return Role::Drop(DropReason::MoreNewsBlock);
            }
            if line.words <= 25 && starts_with_phrase(f, TAG_LABELS) && f.contains(':') {
                return Role::Drop(DropReason::Tags);
            }
            if line.words <= 25 && (starts_with_phrase(f, NEWSLETTER)) {
                return Role::Drop(DropReason::Newsletter);
            }
            if line.words <= 40 && starts_with_phrase(f, DISCLAIMERS) {
                return Role::Drop(DropReason::Boilerplate);
            }
            if line.words <= 12 && PROMPT_WORDS.iter().any(|w| f.contains(w)) {
                return Role::Drop(DropReason::Newsletter);
            }
            if line.words <= 12
                && FURNITURE
                    .iter()
                    .any(|p| starts_with_phrase(f, &[p]) || f.contains('©'))
            {
                return Role::Drop(DropReason::Boilerplate);
            }
        }
        if line.words <= 30 && is_caption(f, line) {
            return Role::Drop(DropReason::Caption);
        }
        // A line that is only a date: a dateline.
        if line.words <= 16 {
            let found = find_dates(line.text, None);
            if !found.is_empty() && is_date_only(line.text, &found) {
                if let Some(m) = best_dateline(&found) {
                    if hints.published.is_none() && a.published.is_none() {
                        let m = resolve_dateline(&found, m);
                        if let Some(v) = m.value {
                            a.published = Some(published_at(line, &found, &m, v));
                        }
                    }
                }
                dateline_mentions.extend(
                    found
                        .into_iter()
                        .map(|m| (line.no, shift(m, line.span.start))),
                );
                return Role::Drop(DropReason::MovedToMetadata(Metadata::Dateline));
            }
        }
    }
    if line.is_persian() && !doc.persian {
        return Role::Drop(DropReason::ForeignLanguage);
    }
    // Blocks swallow the short lines after their label.
    match *block {
        Block::Related if is_title_shape(line) && line.letters > 0 => {
            return Role::Related(line.span)
        }
        Block::MoreNews { foreign } if line.words <= 12 && !line.sentence_end => {
            return Role::Drop(if foreign || (line.is_persian() && !doc.persian) {
                DropReason::ForeignLanguage
            } else {
                DropReason::MoreNewsBlock
            });
        }
        _ => *block = Block::None,
    }
    if line.is_latin() && line.words <= 12 && !doc.latin {
        return Role::Drop(DropReason::ForeignLanguage);
    }
    if !*body_started {
        if a.title.is_none() && line.words <= 40 {
            a.title = Some(field(line, line.span));
            return Role::Title;
        }
        // `القاهرة - العربية.نت`, `هسبريس من الرباط`: a credit of four words
        // or fewer under the title is not a deck.
        if line.words <= 4 && !line.sentence_end {
            if a.byline.is_none() {
                a.byline = Some(field(line, line.span));
            }
            return Role::Drop(DropReason::MovedToMetadata(Metadata::Byline));
        }
        if a.subtitle.is_none()
            && line.words <= 30
            && !line.sentence_end
            && !line.text.ends_with(':')
        {
            a.subtitle = Some(field(line, line.span));
            return Role::Subtitle;
        }
    }
    Role::Body
}

/// The byte offset just after the first colon (`:` or the full-width `：`,
/// three bytes in UTF-8).
fn after_colon(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|(_, c)| matches!(c, ':' | '：'))
        .map(|(i, c)| i + c.len_utf8())
}

/// The byline without its label, from the raw line.
fn byline_text(text: &str) -> Option<String> {
    let rest = text[after_colon(text)?..].trim();
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// The publication (or update) date of a dateline: `m` of the mentions
/// `found` in `line`, with the UTC offset written after its time.
fn published_at(
    line: &Line<'_>,
    found: &[DateMention],
    m: &DateMention,
    value: Value,
) -> Published {
    let utc_offset = match value {
        Value::DateTime { .. } => dateline_offset(found),
        _ => None,
    };
    Published {
        value,
        line: Some(line.no),
        span: Some(Span::new(
            line.span.start + m.span.start,
            line.span.start + m.span.end,
        )),
        utc_offset,
    }
}

fn shift(mut m: DateMention, by: usize) -> DateMention {
    m.span = Span::new(m.span.start + by, m.span.end + by);
    m
}

/// The date of a dateline: the first Gregorian day or datetime, else the
/// first Hijri one (converted), else the first mention.
fn best_dateline(found: &[DateMention]) -> Option<&DateMention> {
    let good = |m: &&DateMention| matches!(m.precision(), Precision::Day | Precision::DateTime);
    found
        .iter()
        .filter(good)
        .find(|m| m.calendar == Calendar::Gregorian)
        .or_else(|| found.iter().find(good))
        .or_else(|| {
            found
                .iter()
                .find(|m| m.value.is_some() && m.precision() != Precision::Time)
        })
}

/// A dateline with its time written apart (`25 يناير 2022 | 16:28`,
/// `نُشر: 10:25-22 رمضان 1444 هـ / 13 أبريل 2023 م`): a datelines carries one
/// time, so it is joined to the day wherever it stands in the line.
fn resolve_dateline(found: &[DateMention], m: &DateMention) -> DateMention {
    let mut m = m.clone();
    if let Some(Value::Day(d)) = m.value {
        let mut times = found.iter().filter_map(|t| match t.value {
            Some(Value::Time { hour, minute }) => Some((hour, minute)),
            _ => None,
        });
        if let (Some((hour, minute)), None) = (times.next(), times.next()) {
            m.value = Some(Value::DateTime {
                date: d,
                hour,
                minute,
            });
        }
    }
    m
}

/// Whether the date mentions cover the line, apart from separators, `م`,
/// `هـ`, `الموافق` and a short city name (`القاهرة - `).
fn is_date_only(text: &str, found: &[DateMention]) -> bool {
    let mut rest = 0usize;
    let mut prev = 0usize;
    for m in found {
        rest += letters(text.get(prev..m.span.start).unwrap_or(""));
        prev = m.span.end;
    }
    rest += letters(text.get(prev..).unwrap_or(""));
    rest <= 10
}

fn letters(s: &str) -> usize {
    let f = khabar_dates::fold_line(s);
    f.split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "م" | "ه"
                    | "هـ"
                    | "الموافق"
                    | "يوم"
                    | "الساعه"
                    | "بتوقيت"
                    | "gmt"
                    | "utc"
            )
        })
        .map(|w| w.chars().filter(|&c| khabar_dates::is_word_char(c)).count())
        .sum()
}

const SHARE_START: &[&str] = &[
    "شارك",
    "مشاركه",
    "انشر",
    "share",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا",
];

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
fn may_be_boilerplate(f: &str) -> bool {
    f.contains([':', '©'])
        || BOILER_FIRST.contains(first_word(f))
        || PROMPT_WORDS.iter().any(|w| f.contains(w))
}

/// [`may_be_boilerplate`] on the raw line, folding only its first word.
fn raw_may_be_boilerplate(text: &str) -> bool {
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
    khabar_dates::fold_word_into(first, &mut buf);
    BOILER_FIRST.contains(buf.as_str())
}

fn is_share(f: &str) -> bool {
    if starts_with_phrase(f, SHARE_START) {
        return true;
    }
    let words: Vec<&str> = f
        .split(|c: char| !khabar_dates::is_word_char(c))
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

fn is_caption(f: &str, line: &Line<'_>) -> bool {
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

/// Whether the block after a "more news" label is in another language:
/// its lines in Arabic script use Persian letters more than Arabic ones.
fn block_is_foreign(lines: &[Line<'_>], from: usize, doc: DocScript) -> bool {
    let (mut p, mut ar, mut latin, mut letters) = (0, 0, 0, 0);
    for l in lines.iter().skip(from).take(12) {
        if l.words > 12 || l.sentence_end {
            break;
        }
        if let Some(f) = l.folded() {
            let f = f.trim();
            if starts_with_phrase(f, COMMENT) || is_share(f) || starts_with_phrase(f, READ_MORE) {
                break;
            }
        }
        p += l.persian;
        ar += l.arabic_only;
        latin += l.latin;
        letters += l.letters;
    }
    (p > 0 && p > ar && !doc.persian) || (letters > 0 && latin * 10 >= letters * 8 && !doc.latin)
}

/// The script of the whole text: a Latin or Persian line is foreign only in
/// a text mostly in another script (an English article keeps its English
/// lines; an Arabic one drops the English share bar).
#[derive(Clone, Copy, Debug)]
struct DocScript {
    latin: bool,
    persian: bool,
}

impl DocScript {
    fn of(lines: &[Line<'_>]) -> Self {
        let (mut p, mut ar, mut latin, mut letters) = (0, 0, 0, 0);
        for l in lines {
            p += l.persian;
            ar += l.arabic_only;
            latin += l.latin;
            letters += l.letters;
        }
        let latin = letters > 0 && latin * 2 > letters;
        Self {
            latin,
            persian: !latin && p > ar,
        }
    }
}

fn language(lines: &[Line<'_>], paragraphs: &[Paragraph]) -> &'static str {
    let (mut p, mut ar, mut latin, mut letters) = (0, 0, 0, 0);
    let mut k = 0;
    for para in paragraphs {
        while k < lines.len() && lines[k].no < para.line {
            k += 1;
        }
        if let Some(l) = lines.get(k) {
            p += l.persian;
            ar += l.arabic_only;
            latin += l.latin;
            letters += l.letters;
        }
    }
    if letters == 0 {
        "und"
    } else if latin * 2 > letters {
        "en"
    } else if p > ar {
        "fa"
    } else {
        "ar"
    }
}

/// Word-set similarity between paragraphs; ≥ 0.6 with at least 8 words is
/// "the same paragraph reworded" (seed 001 repeats a quote with `مراجعة` for
/// `دراسة`). Compared with the 64 paragraphs before, so cost stays linear.
fn near_duplicates(a: &mut Article, words: Vec<Vec<u64>>) {
    let sets: Vec<Vec<u64>> = words
        .into_iter()
        .zip(&a.paragraphs)
        .map(|(mut v, p)| {
            if p.kind == ParagraphKind::Heading {
                v.clear();
            }
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    // A 256-bit signature per paragraph rejects most pairs before the exact
    // intersection: two paragraphs that share 60% of their words share at
    // least that share of their signature bits.
    let sigs: Vec<[u64; 4]> = sets
        .iter()
        .map(|v| {
            let mut sig = [0u64; 4];
            for h in v {
                let bit = (h >> 32) % 256;
                sig[(bit / 64) as usize] |= 1 << (bit % 64);
            }
            sig
        })
        .collect();
    let ones: Vec<u32> = sigs
        .iter()
        .map(|s| s.iter().map(|x| x.count_ones()).sum())
        .collect();
    let common = |i: usize, j: usize| -> (u32, u32) {
        let (a, b) = (&sigs[i], &sigs[j]);
        let and = (a[0] & b[0]).count_ones()
            + (a[1] & b[1]).count_ones()
            + (a[2] & b[2]).count_ones()
            + (a[3] & b[3]).count_ones();
        (and, ones[i] + ones[j] - and)
    };
    for i in 0..sets.len() {
        if sets[i].len() < 8 {
            continue;
        }
        for j in i.saturating_sub(64)..i {
            let (x, y) = (&sets[i], &sets[j]);
            if y.len() < 8 || x.len() * 2 < y.len() || y.len() * 2 < x.len() {
                continue;
            }
            let (and, or) = common(i, j);
            if and * 2 < or {
                continue;
            }
            let inter = intersect(x, y);
            let union = x.len() + y.len() - inter;
            if inter * 10 >= union * 6 {
                a.flags.push(Flag::NearDuplicate {
                    line: a.paragraphs[i].line,
                    of_line: a.paragraphs[j].line,
                });
                break;
            }
        }
    }
}

#[allow(clippy::many_single_char_names)]
fn intersect(x: &[u64], y: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Weekday contradictions and unresolved relative dates, in datelines and
/// body paragraphs (resolved against the publication date).
/// Also returns the word hashes of every paragraph, read in the same pass,
/// for [`near_duplicates`].
fn date_flags(
    a: &mut Article,
    dateline_mentions: &[(usize, DateMention)],
    raw: &str,
    mut keep: Option<&mut Vec<DateMention>>,
) -> Vec<Vec<u64>> {
    // The update date anchors relative dates when there is no publication
    // date (`آخر تحديث: 10 مارس 2023` and `اليوم الجمعة` in the body).
    let reference = a
        .published
        .as_ref()
        .or(a.updated.as_ref())
        .and_then(Published::date);
    if a.published.is_none() {
        a.flags.push(Flag::NoPublicationDate);
    }
    for (line, m) in dateline_mentions {
        if m.weekday_mismatch {
            a.flags.push(Flag::WeekdayMismatch {
                line: *line,
                text: raw.get(m.span.range()).unwrap_or("").to_owned(),
            });
        }
    }
    let mut flags = Vec::new();
    let mut words = Vec::with_capacity(a.paragraphs.len());
    for p in &a.paragraphs {
        let mut w = Vec::new();
        // Very long paragraphs are not compared (the window of 64 keeps the
        // cost linear, but a 10 MB line is no one's near-duplicate).
        let keep_words = p.text.len() <= 20_000;
        let found =
            khabar_dates::find_dates_and_words(&p.text, reference, keep_words.then_some(&mut w));
        words.push(w);
        if let Some(out) = keep.as_deref_mut() {
            out.extend(found.iter().map(|m| {
                let mut m = m.clone();
                m.span = Span::new(p.span.start + m.span.start, p.span.start + m.span.end);
                m
            }));
        }
        for m in found {
            let text = || p.text.get(m.span.range()).unwrap_or("").to_owned();
            if m.weekday_mismatch {
                flags.push(Flag::WeekdayMismatch {
                    line: p.line,
                    text: text(),
                });
            }
            if m.relative && !m.is_resolved() {
                flags.push(Flag::UnresolvedRelativeDate {
                    line: p.line,
                    text: text(),
                });
            }
        }
    }
    a.flags.extend(flags);
    words
}
