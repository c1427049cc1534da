//! The tense of the clause of a bare weekday (`الخميس`, `يوم الجمعة`): a
//! news sentence names a past weekday with a past verb and a coming one
//! with a future marker. The rule:
//!
//! - Look back from the weekday to the start of its clause: the line's
//!   start, a sentence end (`.` `!` `?` `؛`), or the complementizer `إن`/`أن`
//!   (`قال المتحدث الأربعاء إن الوزير سيزور باريس الجمعة`: two clauses), at
//!   most [`LOOK_BACK`] bytes.
//! - The clause is future when it holds a future marker: `سوف`, a verb with
//!   the future prefix `س` (`سيزور`, `ستعقد`, `سنعمل`: `س` + `ي`/`ت`/`ن`,
//!   at least five letters, not a noun of [`NOT_VERBS`]), `يعتزم`/`تعتزم`,
//!   or `من المقرر/المنتظر/المتوقع/المفترض أن` (the `أن` that ends the look
//!   back, with these words before it, is the marker).
//! - Future: the earliest such weekday on or after the reference. Past (any
//!   other clause): the latest on or before it, as before.
//!
//! The precision of the rule is measured on tests/data/weekday_tense.toml.

use khabar_normalize::chars::{fold_word, is_letter_or_mark};

/// How far back the clause is read, in bytes (about 20 Arabic words).
pub(crate) const LOOK_BACK: usize = 200;

/// Words that start like a future verb but are nouns or numbers.
const NOT_VERBS: &[&str] = &[
    "سيار", "سياس", "سيطر", "سيد", "سيول", "سنوا", "سنوي", "ستين", "سينا", "ستوك", "سنغا", "سيري",
];

/// Whether the clause before byte `start` of `text` is future.
pub(crate) fn future_clause(text: &str, start: usize) -> bool {
    let mut lo = start.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..start];
    let cut = before
        .rfind(['\n', '.', '!', '?', '؟', '؛'])
        .map_or(0, |p| p + 1);
    let clause = &before[cut..];
    let words: Vec<&str> = clause
        .split(|c: char| !is_letter_or_mark(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut buf = String::new();
    let mut prev = String::new();
    for (k, w) in words.iter().enumerate().rev() {
        fold_word(w, &mut buf);
        match buf.as_str() {
            "سوف" | "يعتزم" | "تعتزم" | "يعتزمون" => return true,
            "ان" => {
                if k > 0 {
                    fold_word(words[k - 1], &mut prev);
                    return matches!(
                        prev.as_str(),
                        "المقرر" | "المنتظر" | "المتوقع" | "المفترض" | "المزمع"
                    );
                }
                return false;
            }
            b if is_future_verb(b) => return true,
            _ => {}
        }
    }
    false
}

/// `سيزور`, `ستعقد`, `سنعمل`: the future prefix on an imperfect verb.
fn is_future_verb(w: &str) -> bool {
    let mut cs = w.chars();
    if cs.next() != Some('س') || !matches!(cs.next(), Some('ي' | 'ت' | 'ن')) {
        return false;
    }
    w.chars().count() >= 5 && !NOT_VERBS.iter().any(|p| w.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses() {
        let t = "قال المتحدث الأربعاء إن الوزير سيزور باريس الجمعة";
        assert!(!future_clause(t, t.find("الأربعاء").unwrap()));
        assert!(future_clause(t, t.find("الجمعة").unwrap()));
        let t = "من المقرر أن يلتقي الوفدان يوم الاثنين";
        assert!(future_clause(t, t.find("الاثنين").unwrap()));
        let t = "سيطرت القوات على المدينة الأحد";
        assert!(!future_clause(t, t.find("الأحد").unwrap()));
    }
}
