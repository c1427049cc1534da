//! `khabar.parse_article`, `khabar.find_dates`, `khabar.Article`,
//! `khabar.Dropped` and `khabar.DateMention`.
//!
//! Needs `khabar-article` as a dependency of this crate (or a
//! `khabar::article` re-export). Thin wrappers: extract, run with the GIL
//! released for large inputs, convert. Offsets are code points into the `str`
//! that was passed in, converted once per text through `CharOffsets`.

use khabar_article::dates::{self, Calendar, DateMention};
use khabar_article::{parse, Article, Date, DropReason, Flag, Hints, Metadata};
use khabar_normalize::CharOffsets;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::normalize::{run, text_arg};

/// A dropped line of an article: `line` (1-based), `text`, `reason`.
#[pyclass(frozen, name = "Dropped", module = "khabar")]
#[derive(Clone)]
pub(crate) struct PyDropped {
    /// Line number, 1-based.
    #[pyo3(get)]
    line: usize,
    /// The line, trimmed.
    #[pyo3(get)]
    text: String,
    /// Why it was dropped (`"share"`, `"exact_duplicate"`, …).
    #[pyo3(get)]
    reason: &'static str,
    /// For `exact_duplicate`: the line of the paragraph that was kept.
    #[pyo3(get)]
    of_line: Option<usize>,
    /// For `moved_to_metadata`: `"dateline"`, `"updated"`, `"url"`,
    /// `"byline"` or `"source"`.
    #[pyo3(get)]
    metadata: Option<&'static str>,
}

#[pymethods]
impl PyDropped {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("line", self.line)?;
        d.set_item("text", &self.text)?;
        d.set_item("reason", self.reason)?;
        d.set_item("of_line", self.of_line)?;
        d.set_item("metadata", self.metadata)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Dropped(line={}, reason={:?}, text={:?})",
            self.line, self.reason, self.text
        )
    }
}

fn metadata_name(m: Metadata) -> &'static str {
    match m {
        Metadata::Dateline => "dateline",
        Metadata::Updated => "updated",
        Metadata::Url => "url",
        Metadata::Byline => "byline",
        Metadata::Source => "source",
    }
}

/// A parsed article. Every non-empty input line is in exactly one of
/// `title`, `subtitle`, `paragraphs`, `related` and `dropped`.
#[pyclass(frozen, name = "Article", module = "khabar")]
pub(crate) struct PyArticle {
    #[pyo3(get)]
    title: Option<String>,
    #[pyo3(get)]
    subtitle: Option<String>,
    #[pyo3(get)]
    byline: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or None.
    #[pyo3(get)]
    published: Option<String>,
    /// `"day"`, `"datetime"`, … or None.
    #[pyo3(get)]
    published_precision: Option<&'static str>,
    #[pyo3(get)]
    updated: Option<String>,
    #[pyo3(get)]
    url: Option<String>,
    #[pyo3(get)]
    language: &'static str,
    /// Body paragraphs (headings included), in order.
    #[pyo3(get)]
    paragraphs: Vec<String>,
    /// `"lead"`, `"paragraph"` or `"heading"`, one per paragraph.
    #[pyo3(get)]
    paragraph_kinds: Vec<&'static str>,
    /// Line number (1-based) of each paragraph.
    #[pyo3(get)]
    paragraph_lines: Vec<usize>,
    #[pyo3(get)]
    headings: Vec<String>,
    #[pyo3(get)]
    related: Vec<String>,
    #[pyo3(get)]
    dropped: Vec<PyDropped>,
    flags: Vec<FlagData>,
}

#[derive(Clone)]
struct FlagData {
    kind: &'static str,
    line: Option<usize>,
    of_line: Option<usize>,
    text: Option<String>,
}

impl FlagData {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind)?;
        d.set_item("line", self.line)?;
        d.set_item("of_line", self.of_line)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

fn flag_data(f: &Flag) -> FlagData {
    let (line, of_line, text) = match f {
        Flag::NearDuplicate { line, of_line } => (Some(*line), Some(*of_line), None),
        Flag::WeekdayMismatch { line, text } | Flag::UnresolvedRelativeDate { line, text } => {
            (Some(*line), None, Some(text.clone()))
        }
        Flag::EmptyDateLabel { line } => (Some(*line), None, None),
        _ => (None, None, None),
    };
    FlagData {
        kind: f.name(),
        line,
        of_line,
        text,
    }
}

impl From<Article> for PyArticle {
    fn from(a: Article) -> Self {
        let dropped = a
            .dropped
            .iter()
            .map(|d| PyDropped {
                line: d.line,
                text: d.text.clone(),
                reason: d.reason.name(),
                of_line: match d.reason {
                    DropReason::ExactDuplicate { of_line } => Some(of_line),
                    _ => None,
                },
                metadata: match d.reason {
                    DropReason::MovedToMetadata(m) => Some(metadata_name(m)),
                    _ => None,
                },
            })
            .collect();
        Self {
            headings: a.headings().map(|p| p.text.clone()).collect(),
            paragraph_kinds: a.paragraphs.iter().map(|p| p.kind.name()).collect(),
            paragraph_lines: a.paragraphs.iter().map(|p| p.line).collect(),
            paragraphs: a.paragraphs.into_iter().map(|p| p.text).collect(),
            title: a.title.map(|f| f.text),
            subtitle: a.subtitle.map(|f| f.text),
            byline: a.byline.map(|f| f.text),
            published_precision: a.published.as_ref().map(|p| p.precision().name()),
            published: a.published.map(|p| p.iso()),
            updated: a.updated.map(|p| p.iso()),
            url: a.url,
            language: a.language,
            related: a.related.into_iter().map(|f| f.text).collect(),
            dropped,
            flags: a.flags.iter().map(flag_data).collect(),
        }
    }
}

#[pymethods]
impl PyArticle {
    /// Warnings, as dicts with `kind` (`"near_duplicate"`,
    /// `"weekday_mismatch"`, `"no_publication_date"`, `"empty_date_label"`,
    /// `"unresolved_relative_date"`), `line`, `of_line` and `text`.
    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .flags
            .iter()
            .map(|f| f.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// All fields as plain Python data.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("title", &self.title)?;
        d.set_item("subtitle", &self.subtitle)?;
        d.set_item("byline", &self.byline)?;
        d.set_item("published", &self.published)?;
        d.set_item("published_precision", self.published_precision)?;
        d.set_item("updated", &self.updated)?;
        d.set_item("url", &self.url)?;
        d.set_item("language", self.language)?;
        let paragraphs = PyList::empty(py);
        for ((text, kind), line) in self
            .paragraphs
            .iter()
            .zip(&self.paragraph_kinds)
            .zip(&self.paragraph_lines)
        {
            let p = PyDict::new(py);
            p.set_item("text", text)?;
            p.set_item("kind", *kind)?;
            p.set_item("line", *line)?;
            paragraphs.append(p)?;
        }
        d.set_item("paragraphs", paragraphs)?;
        d.set_item("headings", &self.headings)?;
        d.set_item("related", &self.related)?;
        let dropped = self
            .dropped
            .iter()
            .map(|x| x.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("dropped", dropped)?;
        d.set_item("flags", self.flags(py)?)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(title={:?}, published={:?}, paragraphs={}, dropped={})",
            self.title,
            self.published,
            self.paragraphs.len(),
            self.dropped.len()
        )
    }
}

fn date_arg(value: Option<&str>, name: &str) -> PyResult<Option<Date>> {
    value
        .map(|s| {
            s.parse::<Date>()
                .map_err(|e| PyValueError::new_err(format!("{name}: {e}")))
        })
        .transpose()
}

/// parse_article(raw, *, published=None, url=None)
/// --
///
/// Parse a raw scraped article. `published` (`YYYY-MM-DD` or
/// `YYYY-MM-DDTHH:MM`) and `url`, when known, win over what the text says.
#[pyfunction]
#[pyo3(signature = (raw, *, published = None, url = None))]
pub(crate) fn parse_article(
    py: Python<'_>,
    raw: &Bound<'_, PyAny>,
    published: Option<&str>,
    url: Option<&str>,
) -> PyResult<PyArticle> {
    let s = text_arg(raw, "raw")?.to_str()?;
    let mut hints = Hints::default();
    if let Some(p) = published {
        hints = hints
            .with_published(p)
            .map_err(|e| PyValueError::new_err(format!("published: {e}")))?;
    }
    if let Some(u) = url {
        hints = hints.with_url(u);
    }
    let article = run(py, "parse_article", s.len(), || parse(s, &hints))?;
    Ok(PyArticle::from(article))
}

/// One date expression: `text[m.start:m.end] == m.text`.
#[pyclass(frozen, name = "DateMention", module = "khabar")]
#[derive(Clone)]
pub(crate) struct PyDateMention {
    /// The expression as written.
    #[pyo3(get)]
    text: String,
    /// Start, in code points of the text given to `find_dates`.
    #[pyo3(get)]
    start: usize,
    /// End (exclusive), in code points.
    #[pyo3(get)]
    end: usize,
    /// ISO value (`2022-01-25`, `2022-01-25T16:28`, `--01-22`,
    /// `2022-02-11/2022-02-20`), or None for an unresolved relative date.
    #[pyo3(get)]
    value: Option<String>,
    /// `"year"`, `"month"`, `"day"`, `"datetime"`, `"time"`, `"interval"` or
    /// `"unresolved"`.
    #[pyo3(get)]
    precision: &'static str,
    /// `"gregorian"` or `"hijri"`.
    #[pyo3(get)]
    calendar: &'static str,
    /// The Hijri original (`1443-09-15`, `1443-09`, `1443`) for Hijri dates.
    #[pyo3(get)]
    hijri: Option<String>,
    /// The weekday named in the expression (`"monday"`), if any.
    #[pyo3(get)]
    weekday: Option<&'static str>,
    /// The named weekday is not the weekday of the date.
    #[pyo3(get)]
    weekday_mismatch: bool,
    /// The value depends on the reference date.
    #[pyo3(get)]
    relative: bool,
}

#[pymethods]
impl PyDateMention {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("value", &self.value)?;
        d.set_item("precision", self.precision)?;
        d.set_item("calendar", self.calendar)?;
        d.set_item("hijri", &self.hijri)?;
        d.set_item("weekday", self.weekday)?;
        d.set_item("weekday_mismatch", self.weekday_mismatch)?;
        d.set_item("relative", self.relative)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "DateMention(text={:?}, start={}, end={}, value={:?}, precision={:?})",
            self.text, self.start, self.end, self.value, self.precision
        )
    }
}

fn mention(text: &str, co: &CharOffsets<'_>, m: &DateMention) -> PyDateMention {
    let hijri = m.hijri.map(|h| match (h.month, h.day) {
        (Some(mo), Some(d)) => format!("{:04}-{mo:02}-{d:02}", h.year),
        (Some(mo), None) => format!("{:04}-{mo:02}", h.year),
        _ => format!("{:04}", h.year),
    });
    PyDateMention {
        text: text.get(m.span.range()).unwrap_or_default().to_owned(),
        start: co.to_char(m.span.start),
        end: co.to_char(m.span.end),
        value: m.iso(),
        precision: m.precision().name(),
        calendar: match m.calendar {
            Calendar::Gregorian => "gregorian",
            Calendar::Hijri => "hijri",
        },
        hijri,
        weekday: m.weekday.map(khabar_article::Weekday::name),
        weekday_mismatch: m.weekday_mismatch,
        relative: m.relative,
    }
}

/// find_dates(text, reference=None)
/// --
///
/// Every date expression in `text`, resolved against `reference`
/// (`YYYY-MM-DD`, usually the publication date). Without a reference,
/// relative expressions stay partial or unresolved; today is never used.
#[pyfunction]
#[pyo3(signature = (text, reference = None))]
pub(crate) fn find_dates(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    reference: Option<&str>,
) -> PyResult<Vec<PyDateMention>> {
    let s = text_arg(text, "text")?.to_str()?;
    let reference = date_arg(reference, "reference")?;
    run(py, "find_dates", s.len(), || {
        let co = CharOffsets::new(s);
        dates::find_dates(s, reference)
            .iter()
            .map(|m| mention(s, &co, m))
            .collect()
    })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyArticle>()?;
    m.add_class::<PyDropped>()?;
    m.add_class::<PyDateMention>()?;
    m.add_function(wrap_pyfunction!(parse_article, m)?)?;
    m.add_function(wrap_pyfunction!(find_dates, m)?)?;
    Ok(())
}
