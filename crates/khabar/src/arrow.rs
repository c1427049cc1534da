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
use std::sync::{Arc, OnceLock};

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use khabar_article::Hints;
use khabar_normalize::{CharOffsets, Normalizer};
use khabar_tag::{Entity, Tagger};

use crate::record::{Kind, Shape, Visitor, DOCUMENT, ENTITY};
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
// Schemas: the record tables' kinds as Arrow types

/// The Arrow type of a field of `kind` ([`crate::record`]).
pub fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Str | Kind::OptStr | Kind::Label(_) | Kind::Iso => DataType::Utf8,
        Kind::Int | Kind::OptInt => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Bool => DataType::Boolean,
        Kind::Span => DataType::List(item_field(DataType::Int64)),
        Kind::Strs => DataType::List(item_field(DataType::Utf8)),
        Kind::Record(shape) => DataType::Struct(fields(shape)),
        Kind::Records(shape) => DataType::List(item_field(DataType::Struct(fields(shape)))),
    }
}

/// The Arrow fields of a record (every one nullable).
pub fn fields(shape: &dyn Shape) -> Fields {
    (0..shape.len())
        .map(|i| {
            let (name, kind) = shape.field(i);
            Field::new(name, data_type(kind), true)
        })
        .collect()
}

fn item_field(item: DataType) -> FieldRef {
    Arc::new(Field::new("item", item, true))
}

/// Fields of an entity ([`ENTITY`]): `text`, `label`, `start`, `end` (code
/// points), `canonical`, `title`, `value`, `score`, `kb_id`, `source`.
pub fn entity_fields() -> Fields {
    fields(&ENTITY)
}

/// `list<struct<entity_fields()>>`: the entities of one text.
pub fn entities_type() -> DataType {
    data_type(Kind::Records(&ENTITY))
}

/// The schema of [`analyze_array`]: one column per field of [`DOCUMENT`],
/// which are the keys of Python's `Document.to_dict()`, in the same order.
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
    S.get_or_init(|| Arc::new(Schema::new(fields(&DOCUMENT))))
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
// Builders: one column builder per kind, filled by the record tables

/// `list<T>` offsets and validity, the values built elsewhere.
struct Lists {
    lengths: Vec<usize>,
    nulls: NullBufferBuilder,
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

/// The builder of one column of a [`Kind`]: a [`Visitor`] that appends each
/// value it is handed.
enum Column {
    Str(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    List(Lists, Box<Column>),
    Struct(&'static dyn Shape, Vec<Column>, NullBufferBuilder),
}

impl Column {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Str | Kind::OptStr | Kind::Label(_) | Kind::Iso => {
                Column::Str(StringBuilder::new())
            }
            Kind::Int | Kind::OptInt => Column::Int(Int64Builder::new()),
            Kind::Float => Column::Float(Float64Builder::new()),
            Kind::Bool => Column::Bool(BooleanBuilder::new()),
            Kind::Span => Column::List(Lists::new(), Box::new(Column::new(Kind::Int))),
            Kind::Strs => Column::List(Lists::new(), Box::new(Column::new(Kind::Str))),
            Kind::Record(shape) => Column::record(shape),
            Kind::Records(shape) => Column::List(Lists::new(), Box::new(Column::record(shape))),
        }
    }

    fn record(shape: &'static dyn Shape) -> Self {
        let columns = (0..shape.len())
            .map(|i| Column::new(shape.field(i).1))
            .collect();
        Column::Struct(shape, columns, NullBufferBuilder::new(0))
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        Ok(match self {
            Column::Str(b) => Arc::new(b.finish()),
            Column::Int(b) => Arc::new(b.finish()),
            Column::Float(b) => Arc::new(b.finish()),
            Column::Bool(b) => Arc::new(b.finish()),
            Column::List(lists, values) => {
                let values = values.finish()?;
                lists.finish(values)?
            }
            Column::Struct(shape, columns, nulls) => {
                let columns = columns
                    .iter_mut()
                    .map(Column::finish)
                    .collect::<Result<_, _>>()?;
                Arc::new(StructArray::try_new(
                    fields(*shape),
                    columns,
                    nulls.finish(),
                )?)
            }
        })
    }

    /// A value of the wrong kind for this column: a bug in a record table
    /// (the record tests check every getter); a null keeps the columns
    /// aligned.
    fn mismatch(&mut self) {
        debug_assert!(false, "a record getter gave a value of the wrong kind");
        self.null();
    }
}

impl Visitor for Column {
    fn null(&mut self) {
        match self {
            Column::Str(b) => b.append_null(),
            Column::Int(b) => b.append_null(),
            Column::Float(b) => b.append_null(),
            Column::Bool(b) => b.append_null(),
            Column::List(lists, _) => lists.push_null(),
            Column::Struct(_, columns, nulls) => {
                columns.iter_mut().for_each(Visitor::null);
                nulls.append_null();
            }
        }
    }

    fn str(&mut self, s: &str) {
        match self {
            Column::Str(b) => b.append_value(s),
            _ => self.mismatch(),
        }
    }

    fn int(&mut self, n: i64) {
        match self {
            Column::Int(b) => b.append_value(n),
            _ => self.mismatch(),
        }
    }

    fn float(&mut self, x: f64) {
        match self {
            Column::Float(b) => b.append_value(x),
            _ => self.mismatch(),
        }
    }

    fn bool(&mut self, x: bool) {
        match self {
            Column::Bool(b) => b.append_value(x),
            _ => self.mismatch(),
        }
    }

    fn list(&mut self, len: usize, item: &mut dyn FnMut(usize, &mut dyn Visitor)) {
        match self {
            Column::List(lists, values) => {
                for i in 0..len {
                    item(i, values.as_mut());
                }
                lists.push(len);
            }
            _ => self.mismatch(),
        }
    }

    fn record(&mut self, _: &'static dyn Shape, field: &mut dyn FnMut(usize, &mut dyn Visitor)) {
        match self {
            Column::Struct(_, columns, nulls) => {
                for (i, c) in columns.iter_mut().enumerate() {
                    field(i, c);
                }
                nulls.append_non_null();
            }
            _ => self.mismatch(),
        }
    }
}

/// Builds the record batch of [`document_schema`], one row at a time.
///
/// Rows are appended with [`push`](Self::push) (a document and the raw text
/// it was analyzed from), [`push_error`](Self::push_error) or
/// [`push_null`](Self::push_null); [`finish`](Self::finish) returns the batch
/// and leaves the builder empty for the next one.
pub struct DocumentBatchBuilder {
    columns: Vec<Column>,
    rows: usize,
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
            columns: DOCUMENT
                .fields
                .iter()
                .map(|f| Column::new(f.kind))
                .collect(),
            rows: 0,
        }
    }

    /// Rows appended since the last [`finish`](Self::finish).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was appended since the last [`finish`](Self::finish).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Append a document analyzed from `raw` (its byte spans become code
    /// points into `raw`).
    pub fn push(&mut self, raw: &str, doc: &Document) {
        let co = CharOffsets::new(raw);
        for (f, c) in DOCUMENT.fields.iter().zip(&mut self.columns) {
            (f.get)(doc, &co, c);
        }
        self.rows += 1;
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
        for (f, c) in DOCUMENT.fields.iter().zip(&mut self.columns) {
            if f.name == "error" {
                c.str(error);
            } else {
                f.kind.empty(c);
            }
        }
        self.rows += 1;
    }

    /// Append a row for a null input: every column null.
    pub fn push_null(&mut self) {
        self.columns.iter_mut().for_each(Visitor::null);
        self.rows += 1;
    }

    /// Analyze `rows` with `tagger` on `threads` threads (`None`: all
    /// cores) and append them in order: a string is analyzed
    /// ([`batch::isolated`]: a panic becomes the row's `error`, the
    /// message naming `what` and the row's index in `rows`' batch), a null
    /// gives a null row, an `Err` (a row that is not UTF-8, say) a row with
    /// that error. `rows` pairs each row with its index in the whole batch.
    pub fn analyze(
        &mut self,
        tagger: &Tagger,
        rows: &[(usize, &Result<Option<&str>, String>)],
        threads: Option<usize>,
        what: &str,
    ) -> Result<(), batch::Error> {
        let hints = Hints::default();
        let docs = batch::map_with(threads, rows, |&(index, row)| match row {
            Ok(Some(raw)) => Some(batch::isolated(index, || analyze_with(tagger, raw, &hints))),
            _ => None,
        })?;
        for (&(_, row), doc) in rows.iter().zip(docs) {
            match (row, doc) {
                (Err(e), _) => self.push_error(e),
                (Ok(Some(raw)), Some(Ok(doc))) => self.push(raw, &doc),
                (Ok(_), Some(Err(p))) => {
                    self.push_error(&format!("PanicError: {}", p.describe(what, "texts")));
                }
                (Ok(_), _) => self.push_null(),
            }
        }
        Ok(())
    }

    /// The rows appended so far, as a batch of [`document_schema`].
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns = self
            .columns
            .iter_mut()
            .map(Column::finish)
            .collect::<Result<_, _>>()?;
        self.rows = 0;
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
            batch::isolated(0, || analyze_with(tagger, raw, &hints))
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
    let mut b = Column::new(Kind::Records(&ENTITY));
    for (t, ents) in texts.iter().zip(entities) {
        match (t, ents) {
            (Some(t), Some(ents)) => {
                let v: &mut dyn Visitor = &mut b;
                v.records(&ENTITY, ents, &CharOffsets::new(t));
            }
            _ => b.null(),
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
