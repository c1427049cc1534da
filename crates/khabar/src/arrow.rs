//! Apache Arrow output (feature `arrow`): analyzed documents, entities and
//! normalized texts as Arrow arrays and record batches, built column by column
//! with no per-row objects.
//!
//! Offsets here are **code points** (the Python convention, unlike the rest of
//! the Rust API): the batches are meant for pyarrow, Spark, Parquet and other
//! consumers that index strings by character. A row of [`analyze_array`]
//! holds exactly what `khabar.Document.to_dict()` holds in Python, with the
//! same names and nesting, so `batch.to_pylist()` equals
//! `[d.to_dict() for d in khabar.analyze_batch(texts)]`.
//!
//! Every type is one Spark can read: `utf8`, `int64`, `float64`, `list` and
//! `struct` (no unsigned integers, no dictionaries). A null input gives a row
//! whose columns are all null; a document that could not be analyzed (a bug:
//! a panic) gives a row with `error` set and every other field empty.
//!
//! ```
//! use arrow_array::{Array, StringArray};
//! let texts = StringArray::from(vec![Some("استقبل وزير الدفاع الإيراني في طهران سفير أذربيجان."), None]);
//! let batch = khabar::arrow::analyze_array(&texts, Some(1))?;
//! assert_eq!(batch.num_rows(), 2);
//! assert_eq!(batch.schema(), khabar::arrow::document_schema());
//! assert!(batch.column_by_name("entities").is_some_and(|c| c.is_null(1) && !c.is_null(0)));
//! # Ok::<(), khabar::arrow::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};

use arrow_array::builder::{ArrayBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use khabar_article::{DropReason, Flag, Hints};
use khabar_normalize::{CharOffsets, Normalizer};
use khabar_tag::{Entity, Tagger};

use crate::{analyze_with, batch, Document};

// The arrow-rs crates this module builds with, for callers to match versions.
pub use arrow_array;
pub use arrow_schema;

/// Why an Arrow call failed.
#[derive(Debug)]
pub enum Error {
    /// The input array is not of a string type (`utf8`, `large_utf8`,
    /// `utf8_view`, or `null`).
    UnsupportedType(DataType),
    /// The thread pool could not be built (`threads = Some(0)`).
    Batch(batch::Error),
    /// Arrow refused to build an array (a bug, or a batch too large for
    /// 32-bit offsets: more than 2 GiB of text in one column).
    Arrow(ArrowError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnsupportedType(t) => write!(
                f,
                "expected an array of strings (utf8, large_utf8 or string_view), not {t}"
            ),
            Error::Batch(e) => e.fmt(f),
            Error::Arrow(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<batch::Error> for Error {
    fn from(e: batch::Error) -> Self {
        Error::Batch(e)
    }
}

impl From<ArrowError> for Error {
    fn from(e: ArrowError) -> Self {
        Error::Arrow(e)
    }
}

/// The error text of a document whose analysis panicked.
const PANIC_MESSAGE: &str = "PanicError: internal error while analyzing this document";

// ---------------------------------------------------------------------------
// Schemas

fn utf8(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn int64(name: &str) -> Field {
    Field::new(name, DataType::Int64, true)
}

fn list_of(name: &str, item: DataType) -> Field {
    Field::new(name, DataType::List(item_field(item)), true)
}

fn item_field(item: DataType) -> FieldRef {
    Arc::new(Field::new("item", item, true))
}

/// Fields of an entity: `text`, `label`, `start`, `end` (code points),
/// `canonical`, `title`, `value`, `score`, `kb_id`, `source`.
pub fn entity_fields() -> Fields {
    static F: OnceLock<Fields> = OnceLock::new();
    F.get_or_init(|| {
        Fields::from(vec![
            utf8("text"),
            utf8("label"),
            int64("start"),
            int64("end"),
            utf8("canonical"),
            utf8("title"),
            utf8("value"),
            Field::new("score", DataType::Float64, true),
            utf8("kb_id"),
            utf8("source"),
        ])
    })
    .clone()
}

/// `list<struct<entity_fields()>>`: the entities of one text.
pub fn entities_type() -> DataType {
    DataType::List(item_field(DataType::Struct(entity_fields())))
}

fn paragraph_fields() -> Fields {
    Fields::from(vec![
        utf8("text"),
        utf8("kind"),
        int64("line"),
        int64("start"),
        int64("end"),
    ])
}

fn dropped_fields() -> Fields {
    Fields::from(vec![
        int64("line"),
        utf8("text"),
        utf8("reason"),
        int64("of_line"),
        utf8("metadata"),
    ])
}

fn flag_fields() -> Fields {
    Fields::from(vec![
        utf8("kind"),
        int64("line"),
        int64("of_line"),
        utf8("text"),
    ])
}

/// The schema of [`analyze_array`]: one column per key of Python's
/// `Document.to_dict()`, in the same order.
///
/// | column | type |
/// |---|---|
/// | `title`, `subtitle`, `byline`, `published`, `published_precision` | `utf8` |
/// | `published_utc_offset` | `int64` (minutes east of UTC, null when the text gives none) |
/// | `updated` | `utf8` |
/// | `updated_utc_offset` | `int64` |
/// | `url`, `dateline_place`, `language` | `utf8` |
/// | `paragraphs` | `list<struct<text, kind, line, start, end>>` |
/// | `title_span`, `subtitle_span`, `dateline_place_span` | `list<int64>` (`[start, end]`) |
/// | `headings`, `related` | `list<utf8>` |
/// | `dropped` | `list<struct<line, text, reason, of_line, metadata>>` |
/// | `flags` | `list<struct<kind, line, of_line, text>>` |
/// | `entities` | `list<struct<text, label, start, end, canonical, title, value, score, kb_id, source>>` |
/// | `error` | `utf8` |
///
/// Line numbers are 1-based; `start`/`end` are code points into the input.
pub fn document_schema() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        Arc::new(Schema::new(vec![
            utf8("title"),
            utf8("subtitle"),
            utf8("byline"),
            utf8("published"),
            utf8("published_precision"),
            int64("published_utc_offset"),
            utf8("updated"),
            int64("updated_utc_offset"),
            utf8("url"),
            utf8("dateline_place"),
            utf8("language"),
            list_of("paragraphs", DataType::Struct(paragraph_fields())),
            list_of("title_span", DataType::Int64),
            list_of("subtitle_span", DataType::Int64),
            list_of("dateline_place_span", DataType::Int64),
            list_of("headings", DataType::Utf8),
            list_of("related", DataType::Utf8),
            list_of("dropped", DataType::Struct(dropped_fields())),
            list_of("flags", DataType::Struct(flag_fields())),
            Field::new("entities", entities_type(), true),
            utf8("error"),
        ]))
    })
    .clone()
}

// ---------------------------------------------------------------------------
// Input

/// The strings of a `utf8`, `large_utf8`, `utf8_view` (or all-null `null`)
/// array, borrowed; `None` for a null.
pub fn texts(array: &dyn Array) -> Result<Vec<Option<&str>>, Error> {
    if let Some(a) = array.as_string_opt::<i32>() {
        return Ok(a.iter().collect());
    }
    if let Some(a) = array.as_string_opt::<i64>() {
        return Ok(a.iter().collect());
    }
    if let Some(a) = array.as_string_view_opt() {
        return Ok(a.iter().collect());
    }
    if array.data_type() == &DataType::Null {
        return Ok(vec![None; array.len()]);
    }
    Err(Error::UnsupportedType(array.data_type().clone()))
}

/// The rows of a string array, or of the `binary`, `large_binary` or
/// `binary_view` twin of one whose bytes are not all UTF-8 (same buffers,
/// read as bytes): `Ok(None)` for a null, `Err` naming the fault for a row
/// that is not UTF-8, so that one bad row gets its own error instead of
/// failing the batch.
pub fn text_rows(array: &dyn Array) -> Result<Vec<Result<Option<&str>, String>>, Error> {
    fn row(b: Option<&[u8]>) -> Result<Option<&str>, String> {
        b.map(std::str::from_utf8)
            .transpose()
            .map_err(|e| format!("UnicodeError: not valid UTF-8 ({e})"))
    }
    if let Some(a) = array.as_binary_opt::<i32>() {
        return Ok(a.iter().map(row).collect());
    }
    if let Some(a) = array.as_binary_opt::<i64>() {
        return Ok(a.iter().map(row).collect());
    }
    if let Some(a) = array.as_binary_view_opt() {
        return Ok(a.iter().map(row).collect());
    }
    Ok(texts(array)?.into_iter().map(Ok).collect())
}

// ---------------------------------------------------------------------------
// Builders

/// `list<T>` offsets and validity, the values built elsewhere.
struct Lists {
    lengths: Vec<usize>,
    nulls: NullBufferBuilder,
}

impl Default for Lists {
    fn default() -> Self {
        Self::new()
    }
}

impl Lists {
    fn new() -> Self {
        Self {
            lengths: Vec::new(),
            nulls: NullBufferBuilder::new(0),
        }
    }

    fn push(&mut self, len: usize) {
        self.lengths.push(len);
        self.nulls.append_non_null();
    }

    fn push_null(&mut self) {
        self.lengths.push(0);
        self.nulls.append_null();
    }

    fn finish(&mut self, values: ArrayRef) -> Result<ArrayRef, ArrowError> {
        let item = item_field(values.data_type().clone());
        let offsets = OffsetBuffer::<i32>::from_lengths(std::mem::take(&mut self.lengths));
        Ok(Arc::new(ListArray::try_new(
            item,
            offsets,
            values,
            self.nulls.finish(),
        )?))
    }
}

fn struct_array(fields: Fields, columns: Vec<ArrayRef>) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(StructArray::try_new(fields, columns, None)?))
}

fn i64_of(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Builds `list<struct<entity_fields()>>`, one list per text.
#[derive(Default)]
struct EntityLists {
    lists: Lists,
    text: StringBuilder,
    label: StringBuilder,
    start: Int64Builder,
    end: Int64Builder,
    canonical: StringBuilder,
    title: StringBuilder,
    value: StringBuilder,
    score: Float64Builder,
    kb_id: StringBuilder,
    source: StringBuilder,
}

impl EntityLists {
    fn new() -> Self {
        Self {
            lists: Lists::new(),
            ..Self::default()
        }
    }

    /// The entities of one text, their byte spans converted through `co`.
    fn push(&mut self, entities: &[Entity], co: &CharOffsets<'_>) {
        for e in entities {
            self.text.append_value(&e.text);
            self.label.append_value(e.label.name());
            self.start.append_value(i64_of(co.to_char(e.span.start)));
            self.end.append_value(i64_of(co.to_char(e.span.end)));
            self.canonical.append_value(&e.canonical);
            self.title.append_option(e.title.as_deref());
            self.value.append_option(e.value.as_deref());
            self.score.append_value(f64::from(e.score));
            self.kb_id.append_option(e.kb_id.as_deref());
            self.source.append_value(e.source.as_str());
        }
        self.lists.push(entities.len());
    }

    fn push_empty(&mut self) {
        self.lists.push(0);
    }

    fn push_null(&mut self) {
        self.lists.push_null();
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        let values = struct_array(
            entity_fields(),
            vec![
                Arc::new(self.text.finish()),
                Arc::new(self.label.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.canonical.finish()),
                Arc::new(self.title.finish()),
                Arc::new(self.value.finish()),
                Arc::new(self.score.finish()),
                Arc::new(self.kb_id.finish()),
                Arc::new(self.source.finish()),
            ],
        )?;
        self.lists.finish(values)
    }
}

/// A `list<utf8>` column.
#[derive(Default)]
struct StringLists {
    lists: Lists,
    values: StringBuilder,
}

impl StringLists {
    fn new() -> Self {
        Self {
            lists: Lists::new(),
            values: StringBuilder::new(),
        }
    }

    fn push<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        let mut n = 0;
        for s in items {
            self.values.append_value(s);
            n += 1;
        }
        self.lists.push(n);
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        let values = Arc::new(self.values.finish());
        self.lists.finish(values)
    }
}

/// A `list<int64>` column of `[start, end]` pairs (or empty lists).
#[derive(Default)]
struct SpanLists {
    lists: Lists,
    values: Int64Builder,
}

impl SpanLists {
    fn new() -> Self {
        Self {
            lists: Lists::new(),
            values: Int64Builder::new(),
        }
    }

    fn push(&mut self, span: Option<(usize, usize)>) {
        match span {
            Some((s, e)) => {
                self.values.append_value(i64_of(s));
                self.values.append_value(i64_of(e));
                self.lists.push(2);
            }
            None => self.lists.push_null(),
        }
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        let values = Arc::new(self.values.finish());
        self.lists.finish(values)
    }
}

/// Builds the record batch of [`document_schema`], one row at a time.
///
/// Rows are appended with [`push`](Self::push) (a document and the raw text
/// it was analyzed from), [`push_error`](Self::push_error) or
/// [`push_null`](Self::push_null); [`finish`](Self::finish) returns the batch
/// and leaves the builder empty for the next one.
pub struct DocumentBatchBuilder {
    title: StringBuilder,
    subtitle: StringBuilder,
    byline: StringBuilder,
    published: StringBuilder,
    published_precision: StringBuilder,
    published_utc_offset: Int64Builder,
    updated: StringBuilder,
    updated_utc_offset: Int64Builder,
    url: StringBuilder,
    dateline_place: StringBuilder,
    language: StringBuilder,
    paragraphs: Lists,
    p_text: StringBuilder,
    p_kind: StringBuilder,
    p_line: Int64Builder,
    p_start: Int64Builder,
    p_end: Int64Builder,
    title_span: SpanLists,
    subtitle_span: SpanLists,
    dateline_place_span: SpanLists,
    headings: StringLists,
    related: StringLists,
    dropped: Lists,
    d_line: Int64Builder,
    d_text: StringBuilder,
    d_reason: StringBuilder,
    d_of_line: Int64Builder,
    d_metadata: StringBuilder,
    flags: Lists,
    f_kind: StringBuilder,
    f_line: Int64Builder,
    f_of_line: Int64Builder,
    f_text: StringBuilder,
    entities: EntityLists,
    error: StringBuilder,
}

impl Default for DocumentBatchBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl DocumentBatchBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self {
            title: StringBuilder::new(),
            subtitle: StringBuilder::new(),
            byline: StringBuilder::new(),
            published: StringBuilder::new(),
            published_precision: StringBuilder::new(),
            published_utc_offset: Int64Builder::new(),
            updated: StringBuilder::new(),
            updated_utc_offset: Int64Builder::new(),
            url: StringBuilder::new(),
            dateline_place: StringBuilder::new(),
            language: StringBuilder::new(),
            paragraphs: Lists::new(),
            p_text: StringBuilder::new(),
            p_kind: StringBuilder::new(),
            p_line: Int64Builder::new(),
            p_start: Int64Builder::new(),
            p_end: Int64Builder::new(),
            title_span: SpanLists::new(),
            subtitle_span: SpanLists::new(),
            dateline_place_span: SpanLists::new(),
            headings: StringLists::new(),
            related: StringLists::new(),
            dropped: Lists::new(),
            d_line: Int64Builder::new(),
            d_text: StringBuilder::new(),
            d_reason: StringBuilder::new(),
            d_of_line: Int64Builder::new(),
            d_metadata: StringBuilder::new(),
            flags: Lists::new(),
            f_kind: StringBuilder::new(),
            f_line: Int64Builder::new(),
            f_of_line: Int64Builder::new(),
            f_text: StringBuilder::new(),
            entities: EntityLists::new(),
            error: StringBuilder::new(),
        }
    }

    /// Rows appended since the last [`finish`](Self::finish).
    pub fn len(&self) -> usize {
        self.error.len()
    }

    /// Whether no row was appended since the last [`finish`](Self::finish).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Append a document analyzed from `raw` (its byte spans become code
    /// points into `raw`).
    pub fn push(&mut self, raw: &str, doc: &Document) {
        let co = CharOffsets::new(raw);
        let cp = |s: khabar_normalize::Span| (co.to_char(s.start), co.to_char(s.end));
        let a = &doc.article;
        self.title.append_option(a.title.as_ref().map(|f| &f.text));
        self.subtitle
            .append_option(a.subtitle.as_ref().map(|f| &f.text));
        self.byline
            .append_option(a.byline.as_ref().map(|f| &f.text));
        self.published
            .append_option(a.published.as_ref().map(khabar_article::Published::iso));
        self.published_precision
            .append_option(a.published.as_ref().map(|p| p.precision().name()));
        self.published_utc_offset.append_option(
            a.published
                .as_ref()
                .and_then(|p| p.utc_offset)
                .map(i64::from),
        );
        self.updated
            .append_option(a.updated.as_ref().map(khabar_article::Published::iso));
        self.updated_utc_offset
            .append_option(a.updated.as_ref().and_then(|p| p.utc_offset).map(i64::from));
        self.url.append_option(a.url.as_deref());
        self.dateline_place
            .append_option(a.dateline_place.as_ref().map(|f| &f.text));
        self.language.append_value(a.language);

        for p in &a.paragraphs {
            let (s, e) = cp(p.span);
            self.p_text.append_value(&p.text);
            self.p_kind.append_value(p.kind.name());
            self.p_line.append_value(i64_of(p.line));
            self.p_start.append_value(i64_of(s));
            self.p_end.append_value(i64_of(e));
        }
        self.paragraphs.push(a.paragraphs.len());
        self.title_span.push(a.title.as_ref().map(|f| cp(f.span)));
        self.subtitle_span
            .push(a.subtitle.as_ref().map(|f| cp(f.span)));
        self.dateline_place_span
            .push(a.dateline_place.as_ref().map(|f| cp(f.span)));
        self.headings.push(a.headings().map(|p| p.text.as_str()));
        self.related.push(a.related.iter().map(|f| f.text.as_str()));

        for d in &a.dropped {
            self.d_line.append_value(i64_of(d.line));
            self.d_text.append_value(&d.text);
            self.d_reason.append_value(d.reason.name());
            self.d_of_line.append_option(match d.reason {
                DropReason::ExactDuplicate { of_line } => Some(i64_of(of_line)),
                _ => None,
            });
            self.d_metadata.append_option(match d.reason {
                DropReason::MovedToMetadata(m) => Some(m.name()),
                _ => None,
            });
        }
        self.dropped.push(a.dropped.len());

        for f in &a.flags {
            let (line, of_line, text) = match f {
                Flag::NearDuplicate { line, of_line } => (Some(*line), Some(*of_line), None),
                Flag::WeekdayMismatch { line, text }
                | Flag::UnresolvedRelativeDate { line, text } => {
                    (Some(*line), None, Some(text.as_str()))
                }
                Flag::EmptyDateLabel { line } => (Some(*line), None, None),
                Flag::NoPublicationDate => (None, None, None),
            };
            self.f_kind.append_value(f.name());
            self.f_line.append_option(line.map(i64_of));
            self.f_of_line.append_option(of_line.map(i64_of));
            self.f_text.append_option(text);
        }
        self.flags.push(a.flags.len());

        self.entities.push(&doc.entities, &co);
        self.error.append_null();
    }

    /// Append one row of [`analyze_texts`] and the text it came from.
    fn push_row(&mut self, raw: Option<&str>, row: &Analyzed) {
        match (raw, row) {
            (Some(raw), Some(Ok(doc))) => self.push(raw, doc),
            (_, Some(Err(e))) => self.push_error(e),
            _ => self.push_null(),
        }
    }

    /// Append a document that could not be analyzed: `error` set, lists
    /// empty, every other field null (as Python's `Document(error=...)`).
    pub fn push_error(&mut self, error: &str) {
        self.push_scalars_null();
        self.paragraphs.push(0);
        self.title_span.push(None);
        self.subtitle_span.push(None);
        self.dateline_place_span.push(None);
        self.headings.push([]);
        self.related.push([]);
        self.dropped.push(0);
        self.flags.push(0);
        self.entities.push_empty();
        self.error.append_value(error);
    }

    /// Append a row for a null input: every column null.
    pub fn push_null(&mut self) {
        self.push_scalars_null();
        self.paragraphs.push_null();
        self.title_span.push(None);
        self.subtitle_span.push(None);
        self.dateline_place_span.push(None);
        self.headings.lists.push_null();
        self.related.lists.push_null();
        self.dropped.push_null();
        self.flags.push_null();
        self.entities.push_null();
        self.error.append_null();
    }

    fn push_scalars_null(&mut self) {
        for b in [
            &mut self.title,
            &mut self.subtitle,
            &mut self.byline,
            &mut self.published,
            &mut self.published_precision,
            &mut self.updated,
            &mut self.url,
            &mut self.dateline_place,
            &mut self.language,
        ] {
            b.append_null();
        }
        self.published_utc_offset.append_null();
        self.updated_utc_offset.append_null();
    }

    /// The rows appended so far, as a batch of [`document_schema`].
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let paragraphs = struct_array(
            paragraph_fields(),
            vec![
                Arc::new(self.p_text.finish()),
                Arc::new(self.p_kind.finish()),
                Arc::new(self.p_line.finish()),
                Arc::new(self.p_start.finish()),
                Arc::new(self.p_end.finish()),
            ],
        )?;
        let dropped = struct_array(
            dropped_fields(),
            vec![
                Arc::new(self.d_line.finish()),
                Arc::new(self.d_text.finish()),
                Arc::new(self.d_reason.finish()),
                Arc::new(self.d_of_line.finish()),
                Arc::new(self.d_metadata.finish()),
            ],
        )?;
        let flags = struct_array(
            flag_fields(),
            vec![
                Arc::new(self.f_kind.finish()),
                Arc::new(self.f_line.finish()),
                Arc::new(self.f_of_line.finish()),
                Arc::new(self.f_text.finish()),
            ],
        )?;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.title.finish()),
            Arc::new(self.subtitle.finish()),
            Arc::new(self.byline.finish()),
            Arc::new(self.published.finish()),
            Arc::new(self.published_precision.finish()),
            Arc::new(self.published_utc_offset.finish()),
            Arc::new(self.updated.finish()),
            Arc::new(self.updated_utc_offset.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.dateline_place.finish()),
            Arc::new(self.language.finish()),
            self.paragraphs.finish(paragraphs)?,
            self.title_span.finish()?,
            self.subtitle_span.finish()?,
            self.dateline_place_span.finish()?,
            self.headings.finish()?,
            self.related.finish()?,
            self.dropped.finish(dropped)?,
            self.flags.finish(flags)?,
            self.entities.finish()?,
            Arc::new(self.error.finish()),
        ];
        RecordBatch::try_new(document_schema(), columns)
    }
}

// ---------------------------------------------------------------------------
// Whole stages

/// One analyzed row: `None` for a null input, `Err` for a document whose
/// analysis panicked.
type Analyzed = Option<Result<Document, String>>;

/// Analyze `texts` (nulls stay null) on `threads` threads, in order; a panic
/// on one document becomes that row's error instead of sinking the batch.
fn analyze_texts(
    texts: &[Option<&str>],
    threads: Option<usize>,
) -> Result<Vec<Analyzed>, batch::Error> {
    let tagger = Tagger::global();
    let hints = Hints::default();
    batch::map_with(threads, texts, |t| {
        t.map(|raw| {
            catch_unwind(AssertUnwindSafe(|| analyze_with(tagger, raw, &hints)))
                .map_err(|_| PANIC_MESSAGE.to_owned())
        })
    })
}

/// The batch of [`document_schema`] for `texts` and their analyses (as
/// returned by [`analyze_texts`]; the two slices have the same length).
fn documents_batch(texts: &[Option<&str>], docs: &[Analyzed]) -> Result<RecordBatch, Error> {
    let mut b = DocumentBatchBuilder::new();
    for (raw, doc) in texts.iter().zip(docs) {
        b.push_row(*raw, doc);
    }
    Ok(b.finish()?)
}

/// Parse and tag every text of a string array: one row per input, in
/// order, as [`document_schema`]. `threads`: `None` for all cores.
pub fn analyze_array(array: &dyn Array, threads: Option<usize>) -> Result<RecordBatch, Error> {
    let texts = texts(array)?;
    let docs = analyze_texts(&texts, threads)?;
    documents_batch(&texts, &docs)
}

/// Tag `texts` (nulls stay null) on `threads` threads, in order.
fn tag_texts(
    texts: &[Option<&str>],
    threads: Option<usize>,
) -> Result<Vec<Option<Vec<Entity>>>, batch::Error> {
    let tagger = Tagger::global();
    batch::map_with(threads, texts, |t| t.map(|s| tagger.tag(s)))
}

/// The `list<struct<entity_fields()>>` array of `texts` and their entities
/// (byte spans in, code points out).
pub fn entities_array(
    texts: &[Option<&str>],
    entities: &[Option<Vec<Entity>>],
) -> Result<ArrayRef, Error> {
    let mut b = EntityLists::new();
    for (t, ents) in texts.iter().zip(entities) {
        match (t, ents) {
            (Some(t), Some(ents)) => b.push(ents, &CharOffsets::new(t)),
            _ => b.push_null(),
        }
    }
    Ok(b.finish()?)
}

/// Tag every text of a string array (each one document, like
/// `khabar.tag`): a `list<struct<entity_fields()>>` array, null for a null
/// input.
pub fn tag_array(array: &dyn Array, threads: Option<usize>) -> Result<ArrayRef, Error> {
    let texts = texts(array)?;
    let ents = tag_texts(&texts, threads)?;
    entities_array(&texts, &ents)
}

/// Normalize every text of a string array with `normalizer`: a `utf8`
/// array, null for a null input.
pub fn normalize_array(
    array: &dyn Array,
    normalizer: &Normalizer,
    threads: Option<usize>,
) -> Result<StringArray, Error> {
    let texts = texts(array)?;
    let out = normalize_texts(&texts, normalizer, threads)?;
    Ok(out.iter().map(|o| o.as_deref()).collect())
}

/// Normalize `texts` (nulls stay null) on `threads` threads, in order;
/// unchanged texts are borrowed.
fn normalize_texts<'a>(
    texts: &[Option<&'a str>],
    normalizer: &Normalizer,
    threads: Option<usize>,
) -> Result<Vec<Option<Cow<'a, str>>>, batch::Error> {
    batch::map_with(threads, texts, |t| t.map(|s| normalizer.normalize(s)))
}
