//! The record of an analyzed document, defined once: a table of fields per
//! record type, from which every output is derived.
//!
//! A [`Table`] lists the fields of one record type in output order, each as
//! a name, a [`Kind`] (what the value is) and a getter that hands the value
//! to a [`Visitor`]. The outputs walk the tables instead of naming fields:
//!
//! - Arrow (`khabar::arrow`, feature `arrow`): the schema is
//!   `khabar::arrow::data_type` of each field and one generic builder appends rows
//!   (and so `khabar.arrow`, Spark and `khabar analyze --format parquet`);
//! - Python (`crates/khabar-py`): one visitor turns a record into Python
//!   data: an `entity` record into a `khabar.Entity`, any other record into a
//!   `dict`. `khabar.Document` is built from that dict and its `to_dict()`,
//!   pickling, the JSONL of `khabar analyze` and the pandas columns follow
//!   the field list the module exports (`khabar._khabar.DOCUMENT_FIELDS`,
//!   `ENTITY_FIELDS`: name and kind of each field, in order).
//!
//! Spans come out as code points of the text a record was found in (the
//! Python and Arrow convention), through the [`Offsets`] given to the
//! getters.
//!
//! # Adding a field
//!
//! One line in the record's table, in the place the field should take in
//! the output order. `Entity.role` (a nested record that may be absent) is,
//! in [`entity::ENTITY`]:
//!
//! ```text
//! Field::new("role", Kind::Record(&ROLE), |e, co, v| v.record_opt(&ROLE, e.role.as_ref(), co)),
//! ```
//!
//! with [`ROLE`] a table of its own (`text`, `start`, `end`, `office`, `of`),
//! and a list of nested records such as `Document.events` is one line in
//! [`document::DOCUMENT`]:
//!
//! ```text
//! Field::new("events", Kind::Records(&EVENT), |d, co, v| v.records(&EVENT, &d.events, co)),
//! ```
//!
//! Arrow, `to_dict()`, pickling, JSONL and pandas follow. What does not
//! follow by itself: the Python stubs (`python/khabar/_khabar.pyi`, one
//! property line, checked against the module by `mypy.stubtest`), a getter
//! on `khabar.Entity` (one line in `crates/khabar-py/src/record.rs`; every other
//! part of the class reads the table) and, for a `Document` field, its
//! attribute in `python/khabar/_document.py` (a test checks that the
//! dataclass and the table agree).

/// The names of a closed set, `$ty::ALL` mapped by the `const fn name`,
/// as a `&'static [&'static str]` built at compile time.
macro_rules! names_of {
    ($ty:ty) => {
        &{
            let mut names = [""; <$ty>::ALL.len()];
            let mut i = 0;
            while i < names.len() {
                names[i] = <$ty>::ALL[i].name();
                i += 1;
            }
            names
        }
    };
}

pub mod document;
pub mod entity;
pub mod events;
pub mod names;

pub use document::{DOCUMENT, DROPPED, FLAG, PARAGRAPH};
pub use entity::{ENTITY, LABELS};
pub use events::{EVENT, EVENT_KINDS, MENTION, OFFICES, PARTICIPANT, ROLE};

use khabar_normalize::{CharOffsets, Span};
use khabar_tag::Entity;

/// What a field holds, and so its Arrow type, Python type and pandas dtype.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Text, never null.
    Str,
    /// Text or null.
    OptStr,
    /// One of a closed set of names (pandas: categorical over the names).
    Label(&'static [&'static str]),
    /// An ISO 8601 date or datetime (`2022-01-25T16:28+03:00`) or null
    /// (pandas: datetime64, the local time).
    Iso,
    /// A count, a line number or a code-point offset, never null (`int64`).
    Int,
    /// An integer or null (pandas: nullable `Int64`).
    OptInt,
    /// A float, never null (`float64`).
    Float,
    /// True or false, never null (`bool`).
    Bool,
    /// A `[start, end]` code-point span, or null (`list<int64>`).
    Span,
    /// A list of text (`list<utf8>`).
    Strs,
    /// A nested record, or null (`struct`).
    Record(&'static dyn Shape),
    /// A list of nested records (`list<struct>`).
    Records(&'static dyn Shape),
}

impl Kind {
    /// The name of the kind (`"str"`, `"opt_str"`, `"label"`, `"iso"`,
    /// `"int"`, `"opt_int"`, `"float"`, `"bool"`, `"span"`, `"strs"`, `"record"`,
    /// `"records"`), as the Python field lists give it.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Str => "str",
            Kind::OptStr => "opt_str",
            Kind::Label(_) => "label",
            Kind::Iso => "iso",
            Kind::Int => "int",
            Kind::OptInt => "opt_int",
            Kind::Float => "float",
            Kind::Bool => "bool",
            Kind::Span => "span",
            Kind::Strs => "strs",
            Kind::Record(_) => "record",
            Kind::Records(_) => "records",
        }
    }

    /// The value of a record that could not be made (a document whose
    /// analysis failed): an empty list for the list kinds, null otherwise.
    pub fn empty(&self, v: &mut dyn Visitor) {
        match self {
            Kind::Strs | Kind::Records(_) => v.list(0, &mut |_, _| {}),
            _ => v.null(),
        }
    }
}

/// A record type seen without its Rust type: its name and its fields.
pub trait Shape: Sync {
    /// The record's name (`"document"`, `"entity"`, …).
    fn name(&self) -> &'static str;
    /// How many fields it has.
    fn len(&self) -> usize;
    /// Whether it has no field.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The name and kind of field `i` (`i < len()`).
    fn field(&self, i: usize) -> (&'static str, Kind);
    /// The position of the field called `name`.
    fn position(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.field(i).0 == name)
    }
}

/// Byte offsets of a text to code points.
pub trait Offsets {
    /// The code-point offset of byte offset `byte`.
    fn to_char(&self, byte: usize) -> usize;
}

impl Offsets for CharOffsets<'_> {
    fn to_char(&self, byte: usize) -> usize {
        CharOffsets::to_char(self, byte)
    }
}

/// Offsets that are code points already (an entity kept by Python).
pub struct CodePoints;

impl Offsets for CodePoints {
    fn to_char(&self, offset: usize) -> usize {
        offset
    }
}

/// The getter of a field of `T`: hands the value to the visitor, with
/// spans converted by the offsets.
pub type Getter<T> = fn(&T, &dyn Offsets, &mut dyn Visitor);

/// One field of a record of type `T`.
pub struct Field<T: 'static> {
    /// The field's name, in every output.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Its value.
    pub get: Getter<T>,
}

impl<T> Field<T> {
    /// A field.
    pub const fn new(name: &'static str, kind: Kind, get: Getter<T>) -> Self {
        Self { name, kind, get }
    }
}

/// The fields of a record type `T`, in output order.
pub struct Table<T: 'static> {
    /// The record's name.
    pub name: &'static str,
    /// Its fields.
    pub fields: &'static [Field<T>],
}

impl<T> Table<T> {
    /// Hand `item` to `v` as one record.
    pub fn visit(&'static self, item: &T, co: &dyn Offsets, v: &mut dyn Visitor) {
        v.record(self, &mut |i, v| (self.fields[i].get)(item, co, v));
    }
}

impl<T> Shape for Table<T> {
    fn name(&self) -> &'static str {
        self.name
    }
    fn len(&self) -> usize {
        self.fields.len()
    }
    fn field(&self, i: usize) -> (&'static str, Kind) {
        (self.fields[i].name, self.fields[i].kind)
    }
}

/// Receives the values of records: an Arrow builder, a Python converter.
///
/// A getter calls exactly one method for its field, of the kind the field
/// declares: `str` (or `null`) for the text kinds, `int`, `float`, `bool`, `list`
/// (for spans, `Strs` and `Records`) or `record`.
pub trait Visitor {
    /// No value.
    fn null(&mut self);
    /// Text.
    fn str(&mut self, s: &str);
    /// An integer.
    fn int(&mut self, n: i64);
    /// A float.
    fn float(&mut self, x: f64);
    /// True or false.
    fn bool(&mut self, b: bool);
    /// A list of `len` values: `item(i, v)` hands value `i` to `v`, and the
    /// visitor calls it for `i` in `0..len`, in order.
    fn list(&mut self, len: usize, item: &mut dyn FnMut(usize, &mut dyn Visitor));
    /// A record of `shape`: `field(i, v)` hands field `i` to `v`, and the
    /// visitor calls it for every field, in order.
    fn record(&mut self, shape: &'static dyn Shape, field: &mut dyn FnMut(usize, &mut dyn Visitor));
    /// An [`ENTITY`] record. The default walks its fields as any record; a
    /// visitor that keeps entities whole (the Python `khabar.Entity`, which
    /// makes a field's Python value only when it is read) takes the entity
    /// itself.
    fn entity(&mut self, e: &Entity, co: &dyn Offsets) {
        self.record(&ENTITY, &mut |i, v| (ENTITY.fields[i].get)(e, co, v));
    }
}

fn index(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The getters' shorthands.
impl dyn Visitor + '_ {
    /// Text or null.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// A count, a line or an offset.
    pub fn index(&mut self, n: usize) {
        self.int(index(n));
    }

    /// An integer or null.
    pub fn opt_int(&mut self, n: Option<i64>) {
        match n {
            Some(n) => self.int(n),
            None => self.null(),
        }
    }

    /// A byte span as a `[start, end]` list of code points, or null.
    pub fn span(&mut self, span: Option<Span>, co: &dyn Offsets) {
        match span {
            Some(s) => {
                let ends = [co.to_char(s.start), co.to_char(s.end)];
                self.list(2, &mut |i, v| v.index(ends[i]));
            }
            None => self.null(),
        }
    }

    /// A list of text.
    pub fn strs<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        let items: Vec<&str> = items.collect();
        self.list(items.len(), &mut |i, v| v.str(items[i]));
    }

    /// A list of records of `table`.
    pub fn records<T>(&mut self, table: &'static Table<T>, items: &[T], co: &dyn Offsets) {
        self.list(items.len(), &mut |i, v| table.visit(&items[i], co, v));
    }

    /// A record of `table`, or null.
    pub fn record_opt<T>(&mut self, table: &'static Table<T>, item: Option<&T>, co: &dyn Offsets) {
        match item {
            Some(item) => table.visit(item, co, self),
            None => self.null(),
        }
    }
}

#[cfg(test)]
mod tests;
