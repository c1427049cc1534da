//! The properties every stage must keep on any input, as checks that return
//! what broke. The fuzz targets (`fuzz/`) and the regression replay test
//! (`tests/data/regressions/`) share them, so a crash found by fuzzing is
//! replayed against exactly the property that failed.

use khabar_article::{dates, parse, Hints};
use khabar_normalize::{Normalizer, Profile, Span};
use khabar_tag::Tagger;

/// Normalization with `profile`: idempotent, the aligned text equals the
/// plain one, every alignment range is a non-empty, monotonic span of the
/// input, and every normalized span maps back to a valid span.
pub fn check_normalize(text: &str, profile: Profile) -> Result<(), String> {
    let n = Normalizer::for_profile(profile);
    let once = n.normalize(text);
    let twice = n.normalize(&once);
    if twice != once {
        return Err(format!("{profile:?} not idempotent: {once:?} -> {twice:?}"));
    }
    let aligned = n.normalize_aligned(text).map_err(|e| e.to_string())?;
    if aligned.text() != once {
        return Err(format!(
            "aligned text {:?} differs from {once:?}",
            aligned.text()
        ));
    }
    let mut prev = Span::new(0, 0);
    for (norm, orig) in aligned.char_spans() {
        if !orig.is_valid_in(text) || orig.is_empty() {
            return Err(format!("{norm:?} maps to invalid {orig:?}"));
        }
        if orig.start < prev.start || orig.end < prev.end {
            return Err(format!("alignment not monotonic: {prev:?} then {orig:?}"));
        }
        prev = orig;
    }
    let whole = aligned
        .to_original(Span::new(0, aligned.text().len()))
        .map_err(|e| e.to_string())?;
    if !whole.is_valid_in(text) {
        return Err(format!("whole text maps to invalid {whole:?}"));
    }
    Ok(())
}

/// Article parsing: every non-empty line is accounted for exactly once, and
/// every span points at its text.
pub fn check_article(raw: &str) -> Result<(), String> {
    let a = parse(raw, &Hints::default());
    let roles: Vec<usize> = a.line_roles().iter().map(|r| r.0).collect();
    let lines: Vec<usize> = raw
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect();
    if roles != lines {
        return Err(format!("accounting: lines {lines:?}, roles {roles:?}"));
    }
    for p in &a.paragraphs {
        if raw.get(p.span.range()) != Some(p.text.as_str()) {
            return Err(format!("paragraph span {:?} is not its text", p.span));
        }
    }
    for d in &a.dropped {
        if raw.get(d.span.range()) != Some(d.text.as_str()) {
            return Err(format!("dropped span {:?} is not its text", d.span));
        }
    }
    if let Some(f) = &a.dateline_place {
        if raw.get(f.span.range()) != Some(f.text.as_str()) {
            return Err(format!("dateline place span {:?} is not its text", f.span));
        }
    }
    Ok(())
}

/// Date finding: spans valid, in order, not overlapping, and pointing at
/// their text.
pub fn check_dates(text: &str) -> Result<(), String> {
    let reference = "2022-01-25".parse().ok();
    let mut last = 0;
    for m in dates::find_dates(text, reference) {
        if !m.span.is_valid_in(text) || m.span.is_empty() || m.span.start < last {
            return Err(format!("date span {:?} invalid or overlapping", m.span));
        }
        last = m.span.end;
    }
    Ok(())
}

fn check_entities(text: &str, entities: &[khabar_tag::Entity]) -> Result<(), String> {
    let mut last = 0;
    for e in entities {
        if text.get(e.span.range()) != Some(e.text.as_str()) {
            return Err(format!("entity span {:?} is not {:?}", e.span, e.text));
        }
        if e.span.is_empty() || e.span.start < last {
            return Err(format!("entity {:?} empty or overlapping", e.text));
        }
        last = e.span.end;
    }
    Ok(())
}

/// Tagging: every span is its text, non-empty, in order, not overlapping.
pub fn check_tag(text: &str) -> Result<(), String> {
    check_entities(text, &Tagger::global().tag(text))
}

/// The whole pipeline: the article properties and the entity properties on
/// the raw text, and entities only inside the title, subtitle and body.
pub fn check_pipeline(raw: &str) -> Result<(), String> {
    let doc = crate::analyze(raw, &Hints::default());
    check_entities(raw, &doc.entities)?;
    let kept: Vec<Span> = doc
        .article
        .title
        .iter()
        .chain(doc.article.subtitle.iter())
        .map(|f| f.span)
        .chain(doc.article.paragraphs.iter().map(|p| p.span))
        .collect();
    for e in &doc.entities {
        if !kept
            .iter()
            .any(|k| k.start <= e.span.start && e.span.end <= k.end)
        {
            return Err(format!("entity {:?} outside the kept text", e.text));
        }
    }
    Ok(())
}

/// The check a fuzz target or a regression directory is named after.
pub fn check_target(target: &str, text: &str) -> Option<Result<(), String>> {
    Some(match target {
        "normalize_search" => check_normalize(text, Profile::Search),
        "normalize_display" => check_normalize(text, Profile::Display),
        "article" => check_article(text),
        "dates" => check_dates(text),
        "tag" => check_tag(text),
        "pipeline" => check_pipeline(text),
        _ => return None,
    })
}

/// The names [`check_target`] knows.
pub const TARGETS: &[&str] = &[
    "normalize_search",
    "normalize_display",
    "article",
    "dates",
    "tag",
    "pipeline",
];
