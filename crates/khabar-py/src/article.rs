//! `khabar.parse_article`, `khabar.find_dates`, `khabar.Article`,
//! `khabar.Dropped` and `khabar.DateMention`.
//!
//! Thin wrappers: extract, run with the GIL
//! released for large inputs, convert. Offsets are code points into the `str`
//! that was passed in, converted once per text through `CharOffsets`.

use khabar::article::dates::{self, DateMention};
use khabar::article::{parse, Article, Date, DropReason, Flag, Hints};
use khabar::normalize::CharOffsets;
use khabar::record::names::{
    hijri_iso, iso_offset, CALENDARS, DROP_REASONS as REASONS, FLAG_KINDS, LANGUAGES, METADATA,
    PARAGRAPH_KINDS, PRECISIONS, WEEKDAYS,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::normalize::{run, text_arg};
use crate::py_repr;

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

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        reduce_via(py, "_dropped_from_dict", self.to_dict(py)?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Dropped(line={}, reason={}, text={})",
            self.line,
            py_repr(py, self.reason)?,
            py_repr(py, &self.text)?
        ))
    }
}

/// The static name equal to `s` (unpickling), or `ValueError`.
fn known(s: &str, names: &[&'static str], what: &str) -> PyResult<&'static str> {
    khabar::record::names::known(s, names)
        .ok_or_else(|| PyValueError::new_err(format!("unknown {what} {s:?}")))
}

fn item<'py, T: FromPyObjectOwned<'py>>(d: &Bound<'py, PyDict>, key: &str) -> PyResult<T> {
    match d.get_item(key)? {
        Some(v) => v.extract().map_err(Into::into),
        None => Err(PyValueError::new_err(format!("missing key {key:?}"))),
    }
}

/// A key added after the first release: None when a dict from an older
/// `to_dict()` lacks it.
fn optional_item<'py, T: FromPyObjectOwned<'py>>(
    d: &Bound<'py, PyDict>,
    key: &str,
) -> PyResult<Option<T>> {
    match d.get_item(key)? {
        Some(v) if !v.is_none() => v.extract().map(Some).map_err(Into::into),
        _ => Ok(None),
    }
}

/// `(rebuild, (self.to_dict(),))` for pickle.
fn reduce_via<'py>(
    py: Python<'py>,
    rebuild: &str,
    state: Bound<'py, PyDict>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
    let f = py.import("khabar._khabar")?.getattr(rebuild)?;
    Ok((f, PyTuple::new(py, [state])?))
}

impl PyDropped {
    fn from_dict(d: &Bound<'_, PyDict>) -> PyResult<Self> {
        let reason: String = item(d, "reason")?;
        let metadata: Option<String> = item(d, "metadata")?;
        Ok(Self {
            line: item(d, "line")?,
            text: item(d, "text")?,
            reason: known(&reason, REASONS, "drop reason")?,
            of_line: item(d, "of_line")?,
            metadata: metadata
                .map(|m| known(&m, METADATA, "metadata"))
                .transpose()?,
        })
    }
}

/// Rebuild a pickled `Dropped` from its `to_dict()`.
#[pyfunction]
fn _dropped_from_dict(d: &Bound<'_, PyDict>) -> PyResult<PyDropped> {
    PyDropped::from_dict(d)
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
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (local time), with the UTC offset
    /// when the text gives one (`2022-01-25T16:28+03:00`), or None.
    #[pyo3(get)]
    published: Option<String>,
    /// `"day"`, `"datetime"`, … or None.
    #[pyo3(get)]
    published_precision: Option<&'static str>,
    /// The UTC offset of `published` in minutes east of UTC (180 for
    /// `+03:00`), or None when the text gives none.
    #[pyo3(get)]
    published_utc_offset: Option<i16>,
    #[pyo3(get)]
    updated: Option<String>,
    /// The UTC offset of `updated`, as `published_utc_offset`.
    #[pyo3(get)]
    updated_utc_offset: Option<i16>,
    #[pyo3(get)]
    url: Option<String>,
    /// The place of the dateline that opens the story (`الرياض` in
    /// `الرياض - قال …`), or None.
    #[pyo3(get)]
    dateline_place: Option<String>,
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
        Flag::NoPublicationDate => (None, None, None),
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
                    DropReason::MovedToMetadata(m) => Some(m.name()),
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
            published_utc_offset: a.published.as_ref().and_then(|p| p.utc_offset),
            published: a.published.map(|p| p.iso()),
            updated_utc_offset: a.updated.as_ref().and_then(|p| p.utc_offset),
            updated: a.updated.map(|p| p.iso()),
            url: a.url,
            dateline_place: a.dateline_place.map(|f| f.text),
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
        d.set_item("published_utc_offset", self.published_utc_offset)?;
        d.set_item("updated", &self.updated)?;
        d.set_item("updated_utc_offset", self.updated_utc_offset)?;
        d.set_item("url", &self.url)?;
        d.set_item("dateline_place", &self.dateline_place)?;
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

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        reduce_via(py, "_article_from_dict", self.to_dict(py)?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Article(title={}, published={}, paragraphs={}, dropped={})",
            py_repr(py, &self.title)?,
            py_repr(py, &self.published)?,
            self.paragraphs.len(),
            self.dropped.len()
        ))
    }
}

/// Rebuild a pickled `Article` from its `to_dict()`.
#[pyfunction]
fn _article_from_dict(d: &Bound<'_, PyDict>) -> PyResult<PyArticle> {
    let precision: Option<String> = item(d, "published_precision")?;
    let language: String = item(d, "language")?;
    let mut paragraphs = Vec::new();
    let mut paragraph_kinds = Vec::new();
    let mut paragraph_lines = Vec::new();
    for p in item::<Vec<Bound<'_, PyDict>>>(d, "paragraphs")? {
        paragraphs.push(item(&p, "text")?);
        let kind: String = item(&p, "kind")?;
        paragraph_kinds.push(known(&kind, PARAGRAPH_KINDS, "paragraph kind")?);
        paragraph_lines.push(item(&p, "line")?);
    }
    let dropped = item::<Vec<Bound<'_, PyDict>>>(d, "dropped")?
        .iter()
        .map(PyDropped::from_dict)
        .collect::<PyResult<Vec<_>>>()?;
    let flags = item::<Vec<Bound<'_, PyDict>>>(d, "flags")?
        .iter()
        .map(|f| {
            let kind: String = item(f, "kind")?;
            Ok(FlagData {
                kind: known(&kind, FLAG_KINDS, "flag")?,
                line: item(f, "line")?,
                of_line: item(f, "of_line")?,
                text: item(f, "text")?,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    let published: Option<String> = item(d, "published")?;
    let updated: Option<String> = item(d, "updated")?;
    let offset_of = |key: &str, iso: &Option<String>| -> PyResult<Option<i16>> {
        Ok(match d.get_item(key)? {
            Some(_) => optional_item(d, key)?,
            None => iso.as_deref().and_then(iso_offset),
        })
    };
    Ok(PyArticle {
        title: item(d, "title")?,
        subtitle: item(d, "subtitle")?,
        byline: item(d, "byline")?,
        published_utc_offset: offset_of("published_utc_offset", &published)?,
        updated_utc_offset: offset_of("updated_utc_offset", &updated)?,
        published,
        published_precision: precision
            .map(|p| known(&p, PRECISIONS, "precision"))
            .transpose()?,
        updated,
        url: item(d, "url")?,
        dateline_place: optional_item(d, "dateline_place")?,
        language: known(&language, LANGUAGES, "language")?,
        paragraphs,
        paragraph_kinds,
        paragraph_lines,
        headings: item(d, "headings")?,
        related: item(d, "related")?,
        dropped,
        flags,
    })
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
/// `YYYY-MM-DDTHH:MM`, optionally with seconds and a UTC offset such as
/// `+03:00` or `Z`) and `url`, when known, win over what the text says.
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
    /// `2022-02-11/2022-02-20`; a time with the UTC offset the text gives,
    /// `2022-01-25T16:28+03:00`), or None for an unresolved relative date.
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
    /// The UTC offset written right after the time, in minutes east of UTC
    /// (`GMT+3` → 180), or None.
    #[pyo3(get)]
    utc_offset: Option<i16>,
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
        d.set_item("utc_offset", self.utc_offset)?;
        Ok(d)
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        reduce_via(py, "_date_mention_from_dict", self.to_dict(py)?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "DateMention(text={}, start={}, end={}, value={}, precision={})",
            py_repr(py, &self.text)?,
            self.start,
            self.end,
            py_repr(py, &self.value)?,
            py_repr(py, self.precision)?
        ))
    }
}

/// Rebuild a pickled `DateMention` from its `to_dict()`.
#[pyfunction]
fn _date_mention_from_dict(d: &Bound<'_, PyDict>) -> PyResult<PyDateMention> {
    let precision: String = item(d, "precision")?;
    let calendar: String = item(d, "calendar")?;
    let weekday: Option<String> = item(d, "weekday")?;
    Ok(PyDateMention {
        text: item(d, "text")?,
        start: item(d, "start")?,
        end: item(d, "end")?,
        value: item(d, "value")?,
        precision: known(&precision, PRECISIONS, "precision")?,
        calendar: known(&calendar, CALENDARS, "calendar")?,
        hijri: item(d, "hijri")?,
        weekday: weekday
            .map(|w| known(&w, WEEKDAYS, "weekday"))
            .transpose()?,
        weekday_mismatch: item(d, "weekday_mismatch")?,
        relative: item(d, "relative")?,
        utc_offset: optional_item(d, "utc_offset")?,
    })
}

fn mention(text: &str, co: &CharOffsets<'_>, m: &DateMention) -> PyDateMention {
    let hijri = m.hijri.map(hijri_iso);
    PyDateMention {
        text: text.get(m.span.range()).unwrap_or_default().to_owned(),
        start: co.to_char(m.span.start),
        end: co.to_char(m.span.end),
        value: m.iso(),
        precision: m.precision().name(),
        calendar: m.calendar.name(),
        hijri,
        weekday: m.weekday.map(khabar::article::Weekday::name),
        weekday_mismatch: m.weekday_mismatch,
        relative: m.relative,
        utc_offset: m.utc_offset,
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
    m.add_function(wrap_pyfunction!(_article_from_dict, m)?)?;
    m.add_function(wrap_pyfunction!(_dropped_from_dict, m)?)?;
    m.add_function(wrap_pyfunction!(_date_mention_from_dict, m)?)?;
    Ok(())
}
