//! CoNLL reading ([`read_conll`], the one strict reader that training uses
//! too) and conlleval-style exact-span scoring.
//!
//! A span starts at every `B-X` and at every `I-X` whose previous tag is not
//! of type X (conlleval's rule), and ends before the next tag that does not
//! continue it. Precision, recall and F1 are micro-averaged over exact
//! (start, end, type) matches.

use std::collections::BTreeMap;

pub use crate::conll::{read_conll, Sentence};

/// Typed spans `(start, end, type)` of a BIO tag sequence, conlleval rules.
pub fn spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (bio, ty) = match t.split_once('-') {
            Some((b, y)) => (b, y),
            None => ("O", ""),
        };
        let continues = bio == "I" && open.as_ref().is_some_and(|(_, y)| y == ty);
        if !continues {
            if let Some((s, y)) = open.take() {
                out.push((s, i, y));
            }
            if bio == "B" || bio == "I" {
                open = Some((i, ty.to_owned()));
            }
        }
    }
    if let Some((s, y)) = open {
        out.push((s, tags.len(), y));
    }
    out
}

/// Counts for one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Exact matches.
    pub tp: usize,
    /// Predicted spans.
    pub pred: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            0.0
        } else {
            100.0 * self.tp as f64 / self.pred as f64
        }
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            100.0 * self.tp as f64 / self.gold as f64
        }
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Per-type and total counts.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Counts per entity type.
    pub by_type: BTreeMap<String, Counts>,
}

impl Score {
    /// Add one sentence's gold and predicted tags.
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], pred: &[T]) {
        let g = spans(gold);
        let p = spans(pred);
        for (_, _, y) in &g {
            self.by_type.entry(y.clone()).or_default().gold += 1;
        }
        for s in &p {
            let c = self.by_type.entry(s.2.clone()).or_default();
            c.pred += 1;
            if g.contains(s) {
                c.tp += 1;
            }
        }
    }

    /// Micro-averaged counts over all types.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.by_type.values() {
            t.tp += c.tp;
            t.pred += c.pred;
            t.gold += c.gold;
        }
        t
    }

    /// A small text table.
    pub fn table(&self) -> String {
        let mut s = String::from("| type | P | R | F1 | support |\n|---|---|---|---|---|\n");
        for (y, c) in &self.by_type {
            s += &format!(
                "| {y} | {:.1} | {:.1} | {:.1} | {} |\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold
            );
        }
        let t = self.total();
        s += &format!(
            "| **all** | {:.1} | {:.1} | **{:.1}** | {} |\n",
            t.precision(),
            t.recall(),
            t.f1(),
            t.gold
        );
        s
    }
}

/// Sentences `doc` of `sents` as one text (tokens joined by a space, a
/// line per sentence) and the byte range of every token, per sentence.
pub(crate) fn join_sentences(
    sents: &[Sentence],
    doc: &[usize],
) -> (String, Vec<Vec<(usize, usize)>>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(doc.len());
    for &k in doc {
        let mut r = Vec::with_capacity(sents[k].len());
        for (w, _) in &sents[k] {
            let s = text.len();
            text.push_str(w);
            r.push((s, text.len()));
            text.push(' ');
        }
        text.push('\n');
        ranges.push(r);
    }
    (text, ranges)
}

/// The whole tagger on sentences `idx` of `sents`, joined `doc_size`
/// sentences a text (see [`crate::Tagger::evaluate_in_context`]).
pub(crate) fn score_in_context(
    sents: &[Sentence],
    idx: &[usize],
    doc_size: usize,
    tagger: &crate::Tagger,
) -> Score {
    let mut score = Score::default();
    for doc in idx.chunks(doc_size.max(1)) {
        let (text, ranges) = join_sentences(sents, doc);
        let ents = tagger.tag(&text);
        for (&k, r) in doc.iter().zip(&ranges) {
            let mut pred = vec!["O".to_owned(); r.len()];
            for e in &ents {
                let Some(y) = e.label.anercorp() else {
                    continue;
                };
                let mut first = true;
                for (t, &(a, b)) in r.iter().enumerate() {
                    if a < e.span.end && e.span.start < b {
                        pred[t] = format!("{}-{y}", if first { "B" } else { "I" });
                        first = false;
                    }
                }
            }
            let gold: Vec<&str> = sents[k].iter().map(|(_, t)| t.as_str()).collect();
            score.add(&gold, &pred);
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conlleval_rules() {
        let t = ["I-PERS", "I-PERS", "O", "B-LOC", "I-ORG", "B-ORG", "I-ORG"];
        assert_eq!(
            spans(&t),
            vec![
                (0, 2, "PERS".into()),
                (3, 4, "LOC".into()),
                (4, 5, "ORG".into()),
                (5, 7, "ORG".into())
            ]
        );
    }
}
