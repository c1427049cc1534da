//! The pipeline on the sample articles.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use khabar::article::{Hints, LineRole};
use khabar::{analyze, analyze_batch};

mod regressions;

mod seeds;
use seeds::SEEDS;

#[test]
fn entity_spans_are_exact_and_inside_kept_text() {
    for raw in SEEDS {
        let doc = analyze(raw, &Hints::default());
        assert!(!doc.entities.is_empty());
        let kept: Vec<(usize, usize)> = doc
            .article
            .title
            .iter()
            .chain(doc.article.subtitle.iter())
            .map(|f| (f.span.start, f.span.end))
            .chain(
                doc.article
                    .paragraphs
                    .iter()
                    .map(|p| (p.span.start, p.span.end)),
            )
            .collect();
        let mut prev_end = 0;
        for e in &doc.entities {
            assert_eq!(&raw[e.span.start..e.span.end], e.text);
            assert!(e.span.start >= prev_end, "overlap at {:?}", e.text);
            prev_end = e.span.end;
            assert!(
                kept.iter()
                    .any(|&(s, t)| s <= e.span.start && e.span.end <= t),
                "{:?} is not in the title, subtitle or body",
                e.text
            );
        }
    }
}

#[test]
fn sidebar_and_related_links_are_not_article_entities() {
    // Seed 002 lists related articles under "اقرأ المزيد" naming Armenia and
    // Azerbaijan; seed 004 ends with a Persian sidebar.
    for raw in [SEEDS[2], SEEDS[4]] {
        let doc = analyze(raw, &Hints::default());
        let roles = doc.article.line_roles();
        let dropped_or_related: Vec<usize> = roles
            .iter()
            .filter(|(_, r)| matches!(r, LineRole::Dropped | LineRole::Related))
            .map(|(l, _)| *l)
            .collect();
        assert!(!dropped_or_related.is_empty());
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(raw.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for e in &doc.entities {
            let line = line_starts.partition_point(|&s| s <= e.span.start);
            assert!(
                !dropped_or_related.contains(&line),
                "{:?} on dropped line {line}",
                e.text
            );
        }
    }
}

#[test]
fn dates_resolve_against_the_publication_date() {
    // Seed 000 is dated 25 January 2022 and says "يوم السبت 22 كانون الثاني \ يناير".
    let doc = analyze(SEEDS[0], &Hints::default());
    let dates: Vec<_> = doc
        .entities
        .iter()
        .filter(|e| e.label.name() == "DATE")
        .collect();
    assert!(
        dates
            .iter()
            .any(|d| d.value.as_deref() == Some("2022-01-22")),
        "{dates:?}"
    );
}

#[test]
fn batch_equals_one_by_one_at_any_thread_count() {
    let one: Vec<_> = SEEDS
        .iter()
        .map(|r| analyze(r, &Hints::default()))
        .collect();
    for threads in [None, Some(1), Some(2)] {
        assert_eq!(
            analyze_batch(&SEEDS, &Hints::default(), threads).unwrap(),
            one
        );
    }
    assert!(analyze_batch(&SEEDS, &Hints::default(), Some(0)).is_err());
}

#[test]
fn empty_and_odd_input() {
    for raw in ["", "\n\n", "....", "x", "\u{feff}"] {
        let doc = analyze(raw, &Hints::default());
        for e in &doc.entities {
            assert_eq!(&raw[e.span.start..e.span.end], e.text);
        }
    }
}

/// The dates of a document as the pipeline reported them before it reused
/// the parser's scan: every kept piece (title, subtitle, paragraphs)
/// scanned on its own against the publication date.
fn dates_by_scanning_each_piece(
    raw: &str,
    doc: &khabar::Document,
) -> Vec<(usize, usize, Option<String>)> {
    use khabar::article::dates::find_dates;
    let a = &doc.article;
    let reference = a
        .published
        .as_ref()
        .and_then(khabar::article::Published::date);
    let spans = a
        .title
        .iter()
        .chain(a.subtitle.iter())
        .map(|f| f.span)
        .chain(a.paragraphs.iter().map(|p| p.span));
    let mut out = Vec::new();
    for s in spans {
        for m in find_dates(&raw[s.start..s.end], reference) {
            if !m.span.is_empty() {
                out.push((s.start + m.span.start, s.start + m.span.end, m.iso()));
            }
        }
    }
    out
}

#[test]
fn body_dates_come_from_the_parsers_scan_unchanged() {
    // The samples as they are, without their datelines (no reference), and
    // with only an update line (the parser then resolves against it, so the
    // pipeline scans again against the publication date, which is none).
    let mut raws: Vec<String> = SEEDS.iter().map(|t| (*t).to_owned()).collect();
    for t in SEEDS {
        let body: Vec<&str> = t
            .lines()
            .filter(|l| !l.contains("2022") && !l.contains("2021"))
            .collect();
        raws.push(body.join("\n"));
        raws.push(format!("آخر تحديث: 10 مارس 2023\n{}", body.join("\n")));
    }
    let mut dated = 0;
    for raw in &raws {
        let doc = analyze(raw, &Hints::default());
        let got: Vec<(usize, usize, Option<String>)> = doc
            .entities
            .iter()
            .filter(|e| e.label == khabar::tag::Label::Date)
            .map(|e| (e.span.start, e.span.end, e.value.clone()))
            .collect();
        let want = dates_by_scanning_each_piece(raw, &doc);
        assert_eq!(got, want, "{}", &raw[..raw.len().min(200)]);
        dated += got.len();
    }
    assert!(dated > 40, "{dated}");
}
