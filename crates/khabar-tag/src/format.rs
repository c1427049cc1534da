//! The model file: what [`Tagger::to_bytes`](crate::Tagger::to_bytes)
//! writes and [`Tagger::from_bytes`](crate::Tagger::from_bytes) reads (the
//! shipped `data/model.bin` is such a file).
//!
//! Format (little-endian), version 4 (the feature hashes of `hash.rs`;
//! version 3 hashed every feature's strings anew and is not readable):
//! `KTAG` magic, `u32` version, a `u8` that is 1 when a pass-2 model
//! follows, then sections. A model section is `u32 groups`, `f32`
//! transitions `(L+1)×L` (the last row is the start state), 5 `f32`
//! per-type biases, `u32` feature count, and per feature `u64` hash, `u32`
//! label mask (over the `L` = 17 BILOU labels) and one `f32` per set bit.
//! The train lexicon section (after the models; absent in older files) is
//! `u32` count, then per word `u16` bits, `u16` byte length and the UTF-8
//! bytes, sorted by word.

use crate::gazetteer::FastMap;
use crate::labels::L;
use crate::model::Model;
use crate::weights::FeatTable;

/// Version of the model file format.
pub(crate) const MODEL_VERSION: u32 = 4;

/// The embedded model.
static MODEL: &[u8] = include_bytes!("../data/model.bin");

/// The models of the embedded model file (pass 1, pass 2), if it parses.
pub(crate) fn embedded() -> Option<(Model, Option<Model>)> {
    parse_models(MODEL)
}

/// Parse a model file: pass 1 and optional pass 2.
pub(crate) fn parse_models(bytes: &[u8]) -> Option<(Model, Option<Model>)> {
    let mut r = Reader { b: bytes, p: 0 };
    if r.take(4)? != b"KTAG" || r.u32()? != MODEL_VERSION {
        return None;
    }
    let two = r.take(1)?[0] == 1;
    let mut p1 = read_model(&mut r)?;
    let p2 = if two { Some(read_model(&mut r)?) } else { None };
    // The train lexicon follows the models (absent in older files).
    if r.p < r.b.len() {
        p1.set_names(read_names(&mut r)?);
    }
    Some((p1, p2))
}

/// Serialize models and the train lexicon into the model file format.
pub fn model_bytes(p1: &Model, p2: Option<&Model>) -> Vec<u8> {
    let mut out = b"KTAG".to_vec();
    out.extend_from_slice(&MODEL_VERSION.to_le_bytes());
    out.push(u8::from(p2.is_some()));
    write_model(p1, &mut out);
    if let Some(p2) = p2 {
        write_model(p2, &mut out);
    }
    if !p1.names.is_empty() {
        write_names(p1, &mut out);
    }
    out
}

/// Append one model section.
fn write_model(m: &Model, out: &mut Vec<u8>) {
    out.extend_from_slice(&m.groups.to_le_bytes());
    for t in &m.trans {
        out.extend_from_slice(&t.to_le_bytes());
    }
    for b in &m.bias {
        out.extend_from_slice(&b.to_le_bytes());
    }
    let mut rows: Vec<(u64, &[f32; L])> = m.table.iter().collect();
    rows.sort_unstable_by_key(|r| r.0);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for (h, row) in rows {
        out.extend_from_slice(&h.to_le_bytes());
        let mut mask = 0u32;
        for (l, w) in row.iter().enumerate() {
            if *w != 0.0 {
                mask |= 1 << l;
            }
        }
        out.extend_from_slice(&mask.to_le_bytes());
        for w in row.iter().filter(|w| **w != 0.0) {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

/// A cursor over model bytes; every read is checked.
struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.p..self.p.checked_add(n)?)?;
        self.p += n;
        Some(s)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// Read one model section.
fn read_model(r: &mut Reader<'_>) -> Option<Model> {
    let groups = r.u32()?;
    let mut trans = Vec::with_capacity((L + 1) * L);
    for _ in 0..(L + 1) * L {
        trans.push(r.f32()?);
    }
    let mut bias = [0f32; 5];
    for b in &mut bias {
        *b = r.f32()?;
    }
    let n = r.u32()? as usize;
    // A row takes at least 12 bytes: a count past the data is a bad file,
    // not a reason to reserve gigabytes.
    let mut rows = Vec::with_capacity(n.min(r.b.len().saturating_sub(r.p) / 12));
    for _ in 0..n {
        let h = r.u64()?;
        let mask = r.u32()?;
        let mut row = [0f32; L];
        for (l, w) in row.iter_mut().enumerate() {
            if mask & (1 << l) != 0 {
                *w = r.f32()?;
            }
        }
        rows.push((h, row));
    }
    let table = FeatTable::build(rows);
    Some(Model {
        groups,
        trans,
        bias,
        table,
        names: FastMap::default(),
        lex: FastMap::default(),
    })
}

/// Append the train lexicon: count, then (bits, byte length, bytes) rows
/// sorted by word (deterministic).
fn write_names(m: &Model, out: &mut Vec<u8>) {
    let mut rows: Vec<(&String, &u16)> = m.names.iter().collect();
    rows.sort_unstable();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for (w, bits) in rows {
        out.extend_from_slice(&bits.to_le_bytes());
        out.extend_from_slice(&(w.len().min(usize::from(u16::MAX)) as u16).to_le_bytes());
        out.extend_from_slice(&w.as_bytes()[..w.len().min(usize::from(u16::MAX))]);
    }
}

/// Read what [`write_names`] wrote; `None` on malformed input.
fn read_names(r: &mut Reader<'_>) -> Option<FastMap<String, u16>> {
    let n = r.u32()? as usize;
    let mut out = FastMap::default();
    for _ in 0..n {
        let bits = r.u16()?;
        let len = usize::from(r.u16()?);
        let w = std::str::from_utf8(r.take(len)?).ok()?.to_owned();
        out.insert(w, bits);
    }
    Some(out)
}
