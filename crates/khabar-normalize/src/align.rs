//! The alignment between a normalized text and its original.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::span::Span;

/// One normalized character: where it starts in the normalized text, and the
/// original bytes it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) norm: u32,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A normalized text, the original it came from, and the map between them.
///
/// Every normalized character maps to the original bytes it came from:
/// one byte range per character for kept and replaced characters, the same
/// range for every character of an expansion (`ﷲ` → `الله`), one range over
/// all sources of a merge (`ا` + U+0654 → `أ`, a run of spaces → one space).
/// Deleted marks and tatweel belong to the letter before them, so a span that
/// ends on a letter ends after its harakat in the original.
///
/// Offsets are bytes: spans of the normalized text in, spans of the original
/// text out.
///
/// # Example
///
/// ```
/// use khabar_normalize::{Normalizer, Profile, Span};
///
/// let original = "قال مُحَمَّد بـ«الله»";
/// let n = Normalizer::new(Profile::Search.rules()).normalize_aligned(original).unwrap();
/// assert_eq!(n.text(), "قال محمد ب\"الله\"");
/// let found = n.text().find("محمد").unwrap();
/// let span = n.to_original(Span::new(found, found + "محمد".len())).unwrap();
/// assert_eq!(&original[span], "مُحَمَّد");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// `None` when the text is unchanged (identity alignment).
    entries: Option<Vec<Entry>>,
}

impl<'a> Normalized<'a> {
    pub(crate) fn unchanged(original: &'a str) -> Self {
        Self {
            original,
            text: Cow::Borrowed(original),
            entries: None,
        }
    }

    pub(crate) fn changed(original: &'a str, text: String, entries: Vec<Entry>) -> Self {
        Self {
            original,
            text: Cow::Owned(text),
            entries: Some(entries),
        }
    }

    /// The text that was normalized.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalized text, borrowed from the original when nothing changed.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// Whether normalization changed nothing.
    pub fn is_unchanged(&self) -> bool {
        self.entries.is_none()
    }

    /// For each normalized character, its byte span in the normalized text and
    /// the byte span of the original it came from, in order.
    pub fn char_spans(&self) -> impl Iterator<Item = (Span, Span)> + '_ {
        let text: &str = &self.text;
        let mut idx = 0usize;
        text.char_indices().map(move |(o, c)| {
            let norm = Span::new(o, o + c.len_utf8());
            let orig = match &self.entries {
                None => norm,
                Some(e) => {
                    let e = e[idx];
                    Span::new(e.start as usize, e.end as usize)
                }
            };
            idx += 1;
            (norm, orig)
        })
    }

    /// The span of the original text that the normalized span `span` came from.
    ///
    /// An empty span maps to an empty span at the corresponding position.
    /// Errors when `span` is not inside the normalized text or does not fall
    /// on character boundaries.
    pub fn to_original(&self, span: Span) -> Result<Span, Error> {
        if !span.is_valid_in(&self.text) {
            return Err(Error::new(ErrorKind::InvalidSpan {
                start: span.start,
                end: span.end,
                len: self.text.len(),
            }));
        }
        let Some(entries) = &self.entries else {
            return Ok(span);
        };
        Ok(map_span(entries, self.text.len(), span))
    }

    /// The original offset of the normalized position `pos` (a char boundary
    /// of the normalized text): where a cursor there sits in the original.
    pub fn to_original_offset(&self, pos: usize) -> Result<usize, Error> {
        self.to_original(Span::new(pos, pos)).map(|s| s.start)
    }
}

/// Index of the entry whose character starts at normalized byte `pos`, or the
/// number of entries when `pos` is the end.
fn entry_at(entries: &[Entry], pos: usize) -> usize {
    entries.partition_point(|e| (e.norm as usize) < pos)
}

pub(crate) fn map_span(entries: &[Entry], norm_len: usize, span: Span) -> Span {
    let first = entry_at(entries, span.start);
    if span.is_empty() {
        let at = if first < entries.len() {
            entries[first].start as usize
        } else {
            entries.last().map_or(0, |e| e.end as usize)
        };
        return Span::new(at, at);
    }
    let last = if span.end >= norm_len {
        entries.len()
    } else {
        entry_at(entries, span.end)
    } - 1;
    Span::new(entries[first].start as usize, entries[last].end as usize)
}

/// Compose two alignments: `inner` maps a text to the original, `outer` maps
/// a new text to that text (by its bytes). The result maps the new text to the
/// original.
pub(crate) fn compose(inner: Option<&[Entry]>, inner_len: usize, outer: &[Entry]) -> Vec<Entry> {
    let Some(inner) = inner else {
        return outer.to_vec();
    };
    outer
        .iter()
        .map(|o| {
            let s = map_span(
                inner,
                inner_len,
                Span::new(o.start as usize, o.end as usize),
            );
            Entry {
                norm: o.norm,
                start: s.start as u32,
                end: s.end as u32,
            }
        })
        .collect()
}

/// The alignment of a [`Normalized`] text in code points instead of bytes,
/// for bindings whose strings count code points (Python's `str`).
///
/// ```
/// use khabar_normalize::{Normalizer, Profile};
/// let original = "قال مُحَمَّد";
/// let n = Normalizer::new(Profile::Search.rules()).normalize_aligned(original).unwrap();
/// let chars = n.char_alignment();
/// assert_eq!(chars.ranges().len(), n.text().chars().count());
/// // "محمد" is normalized code points 4..8; in the original it is 4..12.
/// assert_eq!(chars.to_original(4, 8).unwrap(), (4, 12));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharAlignment {
    ranges: Vec<(usize, usize)>,
    original_len: usize,
}

impl CharAlignment {
    /// For each normalized code point, the `(start, end)` code-point range of
    /// the original it came from.
    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.ranges
    }

    /// Number of code points in the normalized text.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether the normalized text is empty.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Map the normalized code-point span `start..end` to the original.
    pub fn to_original(&self, start: usize, end: usize) -> Result<(usize, usize), Error> {
        let n = self.ranges.len();
        if start > end || end > n {
            return Err(Error::new(ErrorKind::InvalidSpan { start, end, len: n }));
        }
        if start == end {
            let at = if start < n {
                self.ranges[start].0
            } else {
                self.ranges
                    .last()
                    .map_or(if n == 0 { 0 } else { self.original_len }, |r| r.1)
            };
            return Ok((at, at));
        }
        Ok((self.ranges[start].0, self.ranges[end - 1].1))
    }
}

impl Normalized<'_> {
    /// The alignment in code points.
    pub fn char_alignment(&self) -> CharAlignment {
        // Starts and ends are each non-decreasing: two forward cursors.
        let mut starts = crate::CharCursor::new(self.original);
        let mut ends = crate::CharCursor::new(self.original);
        let ranges = self
            .char_spans()
            .map(|(_, o)| (starts.to_char(o.start), ends.to_char(o.end)))
            .collect();
        CharAlignment {
            ranges,
            original_len: self.original.chars().count(),
        }
    }
}
