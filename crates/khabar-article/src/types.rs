//! The parsed article and its parts: what [`parse`](crate::parse) returns.

use khabar_dates::{Date, Precision, Value};
use khabar_normalize::Span;

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
