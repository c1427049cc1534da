//! The public tagger: tokens → two-pass model → entity spans on the
//! original text, with titles, rule layers (NORP, GPE/LOC, EQUIPMENT) and
//! linking.

use std::sync::LazyLock;

use crate::gazetteer::Gazetteer;
use crate::model::{read_model, Model, Reader};

/// Version of the model file format.
pub(crate) const MODEL_VERSION: u32 = 1;

static GAZ: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(include_str!("../data/gazetteer.tsv")));

/// The shared gazetteer.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    &GAZ
}

/// The embedded model.
static MODEL: &[u8] = include_bytes!("../data/model.bin");

/// Parse a model file: pass 1 and optional pass 2.
pub(crate) fn parse_models(bytes: &[u8]) -> Option<(Model, Option<Model>)> {
    let mut r = Reader { b: bytes, p: 0 };
    if r.take(4)? != b"KTAG" || r.u32()? != MODEL_VERSION {
        return None;
    }
    let two = r.take(1)?[0] == 1;
    let p1 = read_model(&mut r)?;
    let p2 = if two { Some(read_model(&mut r)?) } else { None };
    Some((p1, p2))
}

pub(crate) fn embedded() -> Option<(Model, Option<Model>)> {
    parse_models(MODEL)
}
