//! Line classification: the role of each line (title, subtitle, body,
//! related title, or dropped with a reason), decided in order by the line's
//! shape, the labels and phrases it starts with, the dates it holds, its
//! script, the block it is in, and whether the body has started.
//!
//! A [`Classifier`] reads the lines one after the other and keeps what the
//! next line's role depends on: the article filled so far (title, byline,
//! dates, URL), the open block (`اقرأ أيضاً` swallows the short lines after
//! it), whether the body has started, and the date mentions of the
//! datelines.

use std::borrow::Cow;

use khabar_dates::{find_dates, DateMention, Value};
use khabar_normalize::Span;

use crate::dateline::{best_dateline, is_date_only, published_at, resolve_dateline, shift};
use crate::hints::Hints;
use crate::language::{block_is_foreign, DocScript};
use crate::line::{is_title_shape, is_url, Line, SHORT};
use crate::phrases::{
    after_label, is_caption, is_phrase_line, is_share, may_be_boilerplate, raw_may_be_boilerplate,
    starts_with_phrase, BYLINE_LABELS, COMMENT, DISCLAIMERS, FURNITURE, MORE_NEWS, NEWSLETTER,
    PROMPT_WORDS, PUBLISH_LABELS, READ_MORE, SOURCE_LABELS, TAG_LABELS, UPDATE_LABELS,
};
use crate::types::{Article, DropReason, Field, Flag, Metadata};

/// Block kinds that swallow the short lines after their label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    None,
    Related,
    MoreNews { foreign: bool },
}

/// What a line was classified as, before accounting.
pub(crate) enum Role {
    Title,
    Subtitle,
    Body,
    Related(Span),
    Drop(DropReason),
}

/// The line classifier: the lines and hints every role is read against,
/// and what it has learnt from the lines before.
pub(crate) struct Classifier<'a, 'h> {
    lines: &'h [Line<'a>],
    hints: &'h Hints,
    doc: DocScript,
    /// The article as filled so far: title, subtitle, byline, dates, URL,
    /// flags of empty date labels.
    pub(crate) article: Article,
    block: Block,
    /// A body line was kept (the caller sets it: an exact repeat is not one).
    pub(crate) body_started: bool,
    /// The publication date came from a labelled line (`تاريخ النشر: …`),
    /// which later labelled lines do not override.
    published_labelled: bool,
    /// Every date mention of a dateline, with its line number and a span
    /// into the raw input.
    pub(crate) dateline_mentions: Vec<(usize, DateMention)>,
}

impl<'a, 'h> Classifier<'a, 'h> {
    /// A classifier for `lines`, starting from `article` (the hints already
    /// applied).
    pub(crate) fn new(
        lines: &'h [Line<'a>],
        hints: &'h Hints,
        doc: DocScript,
        article: Article,
    ) -> Self {
        Self {
            lines,
            hints,
            doc,
            article,
            block: Block::None,
            body_started: false,
            published_labelled: false,
            dateline_mentions: Vec::new(),
        }
    }

    /// Classify line `idx`, and end a related or more-news block at the
    /// first line that is not part of it (a tag list or a share bar after
    /// `اقرأ أيضاً`).
    pub(crate) fn classify(&mut self, idx: usize) -> Role {
        let before = self.block;
        let role = self.role(idx);
        if let Role::Drop(r) = &role {
            let keeps = matches!(
                r,
                DropReason::ReadMoreLabel
                    | DropReason::MoreNewsBlock
                    | DropReason::ForeignLanguage
                    | DropReason::RelatedLink
                    | DropReason::Noise
            );
            if !keeps && self.block == before {
                self.block = Block::None;
            }
        }
        role
    }

    /// The role of line `idx`: the first rule that decides it, in order.
    fn role(&mut self, idx: usize) -> Role {
        let lines = self.lines;
        let line = &lines[idx];
        if line.letters == 0 {
            return Role::Drop(DropReason::Noise);
        }
        if is_url(line.text) {
            return self.url(line);
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
                if let Some(role) = self.labelled(line, f) {
                    return role;
                }
                if let Some(role) = self.boilerplate(idx, line, f) {
                    return role;
                }
            }
            if line.words <= 30 && is_caption(f, line) {
                return Role::Drop(DropReason::Caption);
            }
            if let Some(role) = self.date_only(line) {
                return role;
            }
        }
        if let Some(role) = self.foreign_or_block(line) {
            return role;
        }
        self.header(line)
    }

    /// A URL line: the article's URL (the first one), or a link of a
    /// related block.
    fn url(&mut self, line: &Line<'_>) -> Role {
        if self.article.url.is_none() {
            self.article.url = Some(line.text.to_owned());
        }
        if self.block == Block::Related {
            return Role::Drop(DropReason::RelatedLink);
        }
        Role::Drop(DropReason::MovedToMetadata(Metadata::Url))
    }

    /// Labelled lines (`f` is the line folded): `تاريخ النشر: …`, `آخر
    /// تحديث: …`, `نشر في:`, a byline (`بقلم: …`) or a source
    /// (`المصدر: رويترز`).
    fn labelled(&mut self, line: &Line<'_>, f: &str) -> Option<Role> {
        if line.words > 14 {
            return None;
        }
        for (labels, meta) in [
            (PUBLISH_LABELS, Metadata::Dateline),
            (UPDATE_LABELS, Metadata::Updated),
        ] {
            if let Some(rest) = after_label(f, labels) {
                if let Some(role) = self.date_label(line, rest, meta) {
                    return Some(role);
                }
            }
        }
        if line.words > 8 {
            return None;
        }
        if let Some(rest) = after_label(f, BYLINE_LABELS) {
            if (f.contains(':') || !self.body_started)
                && !rest.is_empty()
                && rest.split_whitespace().count() <= 6
            {
                if self.article.byline.is_none() {
                    let text = rest.to_owned();
                    self.article.byline = Some(Field {
                        text: byline_text(line.text).unwrap_or(text),
                        line: line.no,
                        span: line.span,
                    });
                }
                return Some(Role::Drop(DropReason::MovedToMetadata(Metadata::Byline)));
            }
        }
        if let Some(rest) = after_label(f, SOURCE_LABELS) {
            if f.contains(':') && !rest.is_empty() {
                return Some(Role::Drop(DropReason::MovedToMetadata(Metadata::Source)));
            }
        }
        None
    }

    /// A publication or update label with `rest` after it: an empty label,
    /// or a dateline when a date follows.
    fn date_label(&mut self, line: &Line<'_>, rest: &str, meta: Metadata) -> Option<Role> {
        let a = &mut self.article;
        if rest.trim().is_empty() {
            if meta == Metadata::Dateline && a.published.is_none() {
                a.flags.push(Flag::EmptyDateLabel { line: line.no });
            }
            return Some(Role::Drop(DropReason::EmptyLabel));
        }
        let found = find_dates(line.text, None);
        let m = best_dateline(&found)?;
        let m = resolve_dateline(&found, m);
        let p = published_at(line, &found, &m, m.value.unwrap_or(Value::Year(0)));
        if meta == Metadata::Dateline {
            if self.hints.published.is_none() && (!self.published_labelled || a.published.is_none())
            {
                a.published = Some(p);
                self.published_labelled = true;
            }
        } else if a.updated.is_none() {
            a.updated = Some(p);
        }
        self.dateline_mentions.extend(
            found
                .into_iter()
                .map(|m| (line.no, shift(m, line.span.start))),
        );
        Some(Role::Drop(DropReason::MovedToMetadata(meta)))
    }

    /// Boilerplate phrases (`f` is the line folded): comment forms,
    /// newsletters, photo credits, share bars, "read more" and "more news"
    /// labels, tag lists, disclaimers, follow prompts, site furniture.
    fn boilerplate(&mut self, idx: usize, line: &Line<'_>, f: &str) -> Option<Role> {
        if line.words <= 12 && (starts_with_phrase(f, COMMENT) || is_phrase_line(f, COMMENT)) {
            return Some(Role::Drop(DropReason::CommentForm));
        }
        if line.words <= 25 && starts_with_phrase(f, NEWSLETTER) {
            return Some(Role::Drop(DropReason::Newsletter));
        }
        // `© Sputnik . Vladimir Fedorenko`: a photo credit; `جميع الحقوق
        // محفوظة ©` is site furniture (below).
        if line.words <= 12 && f.starts_with('©') {
            return Some(Role::Drop(DropReason::Caption));
        }
        if line.words <= 8 && is_share(f) {
            return Some(Role::Drop(DropReason::Share));
        }
        if line.words <= 20 && starts_with_phrase(f, READ_MORE) {
            let rest = after_label(f, READ_MORE).unwrap_or("");
            if rest.is_empty() {
                self.block = Block::Related;
                return Some(Role::Drop(DropReason::ReadMoreLabel));
            }
            // `اقرأ المزيد: <title>` on one line.
            if let Some(after) = after_colon(line.text) {
                let start = line.span.start + after;
                let sub = &line.text[after..];
                let lead = sub.len() - sub.trim_start().len();
                let span = Span::new(start + lead, line.span.end);
                return Some(Role::Related(span));
            }
        }
        if line.words <= 6 && is_phrase_line(f, MORE_NEWS) {
            let foreign = block_is_foreign(self.lines, idx + 1, self.doc);
            self.block = Block::MoreNews { foreign };
            return Some(Role::Drop(DropReason::MoreNewsBlock));
        }
        if line.words <= 25 && starts_with_phrase(f, TAG_LABELS) && f.contains(':') {
            return Some(Role::Drop(DropReason::Tags));
        }
        if line.words <= 25 && (starts_with_phrase(f, NEWSLETTER)) {
            return Some(Role::Drop(DropReason::Newsletter));
        }
        if line.words <= 40 && starts_with_phrase(f, DISCLAIMERS) {
            return Some(Role::Drop(DropReason::Boilerplate));
        }
        if line.words <= 12 && PROMPT_WORDS.iter().any(|w| f.contains(w)) {
            return Some(Role::Drop(DropReason::Newsletter));
        }
        if line.words <= 12
            && FURNITURE
                .iter()
                .any(|p| starts_with_phrase(f, &[p]) || f.contains('©'))
        {
            return Some(Role::Drop(DropReason::Boilerplate));
        }
        None
    }

    /// A line that is only a date: a dateline.
    fn date_only(&mut self, line: &Line<'_>) -> Option<Role> {
        if line.words > 16 {
            return None;
        }
        let found = find_dates(line.text, None);
        if found.is_empty() || !is_date_only(line.text, &found) {
            return None;
        }
        if let Some(m) = best_dateline(&found) {
            if self.hints.published.is_none() && self.article.published.is_none() {
                let m = resolve_dateline(&found, m);
                if let Some(v) = m.value {
                    self.article.published = Some(published_at(line, &found, &m, v));
                }
            }
        }
        self.dateline_mentions.extend(
            found
                .into_iter()
                .map(|m| (line.no, shift(m, line.span.start))),
        );
        Some(Role::Drop(DropReason::MovedToMetadata(Metadata::Dateline)))
    }

    /// A line in another language than the text, or a line swallowed by
    /// the open block (which any other line closes).
    fn foreign_or_block(&mut self, line: &Line<'_>) -> Option<Role> {
        let doc = self.doc;
        if line.is_persian() && !doc.persian {
            return Some(Role::Drop(DropReason::ForeignLanguage));
        }
        // Blocks swallow the short lines after their label.
        match self.block {
            Block::Related if is_title_shape(line) && line.letters > 0 => {
                return Some(Role::Related(line.span))
            }
            Block::MoreNews { foreign } if line.words <= 12 && !line.sentence_end => {
                return Some(Role::Drop(
                    if foreign || (line.is_persian() && !doc.persian) {
                        DropReason::ForeignLanguage
                    } else {
                        DropReason::MoreNewsBlock
                    },
                ));
            }
            _ => self.block = Block::None,
        }
        if line.is_latin() && line.words <= 12 && !doc.latin {
            return Some(Role::Drop(DropReason::ForeignLanguage));
        }
        None
    }

    /// Before the body: the title, a credit under it, the deck; else body.
    fn header(&mut self, line: &Line<'_>) -> Role {
        if self.body_started {
            return Role::Body;
        }
        let a = &mut self.article;
        if a.title.is_none() && line.words <= 40 {
            a.title = Some(field(line));
            return Role::Title;
        }
        // `القاهرة - العربية.نت`, `هسبريس من الرباط`: a credit of four words
        // or fewer under the title is not a deck.
        if line.words <= 4 && !line.sentence_end {
            if a.byline.is_none() {
                a.byline = Some(field(line));
            }
            return Role::Drop(DropReason::MovedToMetadata(Metadata::Byline));
        }
        if a.subtitle.is_none()
            && line.words <= 30
            && !line.sentence_end
            && !line.text.ends_with(':')
        {
            a.subtitle = Some(field(line));
            return Role::Subtitle;
        }
        Role::Body
    }
}

/// A one-line field of the whole line.
pub(crate) fn field(line: &Line<'_>) -> Field {
    Field {
        text: line.text.to_owned(),
        line: line.no,
        span: line.span,
    }
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
