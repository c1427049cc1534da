//! The one CoNLL reader, for training and evaluation.

use crate::error::ModelError;

/// A sentence of (token, tag) pairs.
pub type Sentence = Vec<(String, String)>;

/// The tag types the model has, as CoNLL writes them.
const TYPES: [(&str, &str); 5] = [
    ("PERS", "PERS"),
    ("PER", "PERS"),
    ("LOC", "LOC"),
    ("ORG", "ORG"),
    ("MISC", "MISC"),
];

/// Read CoNLL data strictly: `token tag` per line (spaces or tabs
/// between; with more columns, as in CoNLL-2003, the first is the token and
/// the last the tag), a blank line after each sentence, `-DOCSTART-` lines
/// skipped. Tags are `O` or `B-`/`I-` of PERS (or PER), LOC, ORG, MISC;
/// anything else is an error naming the line, never a silent `O`.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>, ModelError> {
    let mut out = Vec::new();
    let mut cur: Sentence = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r').trim();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let bad = |message: String| ModelError::Conll {
            line: k + 1,
            message,
        };
        // The token is the first column and the tag the last: CoNLL-2003
        // files have POS and chunk columns in between.
        let mut fields = line.split_whitespace();
        let (Some(word), Some(tag)) = (fields.next(), fields.next_back()) else {
            return Err(bad(format!("expected `token tag`, got `{line}`")));
        };
        let tag = if tag == "O" {
            "O".to_owned()
        } else {
            let known = tag.split_once('-').and_then(|(bio, ty)| {
                let ty = TYPES.iter().find(|(t, _)| *t == ty)?.1;
                matches!(bio, "B" | "I").then(|| format!("{bio}-{ty}"))
            });
            known.ok_or_else(|| {
                bad(format!(
                    "unknown tag `{tag}`: the model has O and B-/I- of PERS (or PER), LOC, ORG, MISC"
                ))
            })?
        };
        cur.push((word.to_owned(), tag));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if out.is_empty() {
        return Err(ModelError::Empty);
    }
    Ok(out)
}
