//! [`parse`]: raw article text to an [`Article`], in passes over its lines.

use std::collections::HashMap;

use khabar_dates::{DateMention, Value};

use crate::body_dates::date_flags;
use crate::classify::{field, Classifier, Role};
use crate::dateline::find_dateline_place;
use crate::hints::Hints;
use crate::language::{language, DocScript};
use crate::line::{is_heading_shape, split_lines, Line};
use crate::repeats::{near_repeats, DupKey};
use crate::types::{Article, DropReason, Dropped, Field, Paragraph, ParagraphKind, Published};

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
/// there is none (what [`find_dates`](khabar_dates::find_dates) gives on each paragraph's text with
/// that reference): a caller that tags the body need not scan it again.
pub fn parse_with_dates(raw: &str, hints: &Hints) -> (Article, Vec<DateMention>) {
    let mut dates = Vec::new();
    // The date pass is the last pass over the paragraphs (reworded
    // paragraphs after it are flagged, not dropped), so these are the final
    // ones.
    let a = parse_inner(raw, hints, Some(&mut dates));
    (a, dates)
}

/// The passes of [`parse`]: classify the lines, give the body back when
/// all of it went to the header, type the paragraphs, account for every
/// line, then the dateline place, the language, the body dates and the
/// reworded paragraphs.
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

    let mut cl = Classifier::new(&lines, hints, doc, a);
    let mut roles = classify_lines(&mut cl, &lines);
    let dateline_mentions = std::mem::take(&mut cl.dateline_mentions);
    let mut a = cl.article;
    body_from_header(&mut a, &mut roles, &lines);
    a.paragraphs = paragraphs(&roles, &lines);
    account(&mut a, roles, &lines, raw);

    a.dateline_place = find_dateline_place(&a, raw);
    a.language = language(&lines, &a.paragraphs);
    let words = date_flags(&mut a, &dateline_mentions, raw, dates);
    near_repeats(&mut a, words);
    a
}

/// The role of every line, in order; a body line with the text of an
/// earlier one is dropped as its exact repeat.
fn classify_lines(cl: &mut Classifier<'_, '_>, lines: &[Line<'_>]) -> Vec<Role> {
    let mut seen: HashMap<DupKey<'_>, usize> = HashMap::with_capacity(lines.len());
    let mut roles: Vec<Role> = Vec::with_capacity(lines.len());
    for (idx, line) in lines.iter().enumerate() {
        let role = match cl.classify(idx) {
            Role::Body => {
                let key = line.text;
                if let Some(&of_line) = seen.get(&DupKey(key)) {
                    Role::Drop(DropReason::ExactDuplicate { of_line })
                } else {
                    seen.insert(DupKey(key), line.no);
                    cl.body_started = true;
                    Role::Body
                }
            }
            r => r,
        };
        roles.push(role);
    }
    roles
}

/// A sentence is the text, not its title: when the only lines that could
/// be body were taken as title or deck (a one-paragraph item under a
/// foreign-language headline, a dateline-first wire snippet), the ones
/// that end a sentence go back to the body instead of leaving none.
fn body_from_header(a: &mut Article, roles: &mut [Role], lines: &[Line<'_>]) {
    if roles.iter().any(|r| matches!(r, Role::Body)) {
        return;
    }
    for (i, r) in roles.iter_mut().enumerate() {
        if matches!(r, Role::Title | Role::Subtitle) && lines[i].sentence_end {
            *r = Role::Body;
        }
    }
    // [`account`] sets them again from the roles that are left.
    a.title = None;
    a.subtitle = None;
}

/// The body lines as typed paragraphs. Headings: short unpunctuated body
/// lines between two body lines, the next one a real paragraph
/// (`الاستنجاد بالناتو` before a long paragraph).
fn paragraphs(roles: &[Role], lines: &[Line<'_>]) -> Vec<Paragraph> {
    let body_idx: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Role::Body))
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::with_capacity(body_idx.len());
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
        out.push(Paragraph {
            kind,
            text: line.text.to_owned(),
            line: line.no,
            span: line.span,
        });
    }
    out
}

/// Every line that is not body into its field: title, subtitle, related
/// titles, dropped lines.
fn account(a: &mut Article, roles: Vec<Role>, lines: &[Line<'_>], raw: &str) {
    for (i, role) in roles.into_iter().enumerate() {
        let line = &lines[i];
        match role {
            Role::Title => {
                a.title = Some(field(line));
            }
            Role::Subtitle => a.subtitle = Some(field(line)),
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
}
