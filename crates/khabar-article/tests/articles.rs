//! Article fixtures: `tests/data/articles/*.toml` (expected fields) next to
//! the raw text (`NAME.txt`, or the file named by `raw`). Shared with pytest.

use std::path::{Path, PathBuf};

use khabar_article::{parse, Article, DropReason, Flag, Hints};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    raw: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    published_precision: Option<String>,
    updated: Option<String>,
    url: Option<String>,
    dateline_place: Option<String>,
    language: String,
    paragraphs: Vec<(usize, String)>,
    related: Vec<String>,
    dropped: Vec<(usize, String)>,
    flags: Vec<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> Vec<(String, String, Expected)> {
    let dir = root().join("tests/data/articles");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let exp: Expected = toml::from_str(&std::fs::read_to_string(&p).expect("read fixture"))
                .unwrap_or_else(|e| panic!("help: {} does not parse: {e}", p.display()));
            let raw_path = match &exp.raw {
                Some(r) => root().join(r),
                None => p.with_extension("txt"),
            };
            let raw = std::fs::read_to_string(&raw_path)
                .unwrap_or_else(|_| panic!("help: missing {}", raw_path.display()));
            (
                p.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                raw,
                exp,
            )
        })
        .collect()
}

fn drop_name(r: &DropReason) -> String {
    match r {
        DropReason::ExactDuplicate { of_line } => format!("exact_duplicate:{of_line}"),
        r => r.name().to_owned(),
    }
}

fn flag_name(f: &Flag) -> String {
    match f {
        Flag::NearDuplicate { line, of_line } => format!("near_duplicate:{line}:{of_line}"),
        Flag::WeekdayMismatch { line, .. } => format!("weekday_mismatch:{line}"),
        Flag::NoPublicationDate => "no_publication_date".to_owned(),
        Flag::EmptyDateLabel { line } => format!("empty_date_label:{line}"),
        Flag::UnresolvedRelativeDate { line, .. } => format!("unresolved_relative_date:{line}"),
    }
}

/// Every field, as differences between expected and found.
fn differences(a: &Article, e: &Expected) -> Vec<String> {
    let mut d = Vec::new();
    let mut check = |what: &str, found: String, expected: String| {
        if found != expected {
            d.push(format!("{what}: found {found} expected {expected}"));
        }
    };
    check(
        "title",
        format!("{:?}", a.title.as_ref().map(|f| &f.text)),
        format!("{:?}", e.title.as_ref()),
    );
    check(
        "subtitle",
        format!("{:?}", a.subtitle.as_ref().map(|f| &f.text)),
        format!("{:?}", e.subtitle.as_ref()),
    );
    check(
        "byline",
        format!("{:?}", a.byline.as_ref().map(|f| &f.text)),
        format!("{:?}", e.byline.as_ref()),
    );
    check(
        "published",
        format!(
            "{:?}",
            a.published.as_ref().map(khabar_article::Published::iso)
        ),
        format!("{:?}", e.published),
    );
    check(
        "published_precision",
        format!(
            "{:?}",
            a.published
                .as_ref()
                .map(|p| p.precision().name().to_owned())
        ),
        format!("{:?}", e.published_precision),
    );
    check(
        "updated",
        format!(
            "{:?}",
            a.updated.as_ref().map(khabar_article::Published::iso)
        ),
        format!("{:?}", e.updated),
    );
    check("url", format!("{:?}", a.url), format!("{:?}", e.url));
    check(
        "dateline_place",
        format!("{:?}", a.dateline_place.as_ref().map(|f| &f.text)),
        format!("{:?}", e.dateline_place.as_ref()),
    );
    check("language", a.language.to_owned(), e.language.clone());
    let paragraphs: Vec<(usize, String)> = a
        .paragraphs
        .iter()
        .map(|p| (p.line, p.kind.name().to_owned()))
        .collect();
    check(
        "paragraphs",
        format!("{paragraphs:?}"),
        format!("{:?}", e.paragraphs),
    );
    let related: Vec<&String> = a.related.iter().map(|r| &r.text).collect();
    check(
        "related",
        format!("{related:?}"),
        format!("{:?}", e.related),
    );
    let dropped: Vec<(usize, String)> = a
        .dropped
        .iter()
        .map(|x| (x.line, drop_name(&x.reason)))
        .collect();
    check(
        "dropped",
        format!("{dropped:?}"),
        format!("{:?}", e.dropped),
    );
    let mut flags: Vec<String> = a.flags.iter().map(flag_name).collect();
    flags.sort();
    let mut want = e.flags.clone();
    want.sort();
    check("flags", format!("{flags:?}"), format!("{want:?}"));
    d
}

#[test]
fn article_fixtures() {
    let all = fixtures();
    assert!(
        all.len() >= 15,
        "five seeds and at least ten written articles"
    );
    let mut report = Vec::new();
    for (name, raw, e) in &all {
        let a = parse(raw, &Hints::default());
        // Spans point at the text they claim.
        for p in &a.paragraphs {
            assert_eq!(&raw[p.span.range()], p.text, "help: {name} paragraph span");
        }
        for x in &a.dropped {
            assert_eq!(&raw[x.span.range()], x.text, "help: {name} dropped span");
        }
        for r in &a.related {
            assert_eq!(&raw[r.span.range()], r.text, "help: {name} related span");
        }
        if let Some(f) = &a.dateline_place {
            assert_eq!(
                &raw[f.span.range()],
                f.text,
                "help: {name} dateline place span"
            );
        }
        let diffs = differences(&a, e);
        if !diffs.is_empty() {
            report.push(format!("{name}:\n  {}", diffs.join("\n  ")));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} fixtures differ:\n{}",
        report.len(),
        all.len(),
        report.join("\n")
    );
}

#[test]
fn every_line_is_accounted_for() {
    for (name, raw, _) in fixtures() {
        let a = parse(&raw, &Hints::default());
        let lines: Vec<usize> = raw
            .split('\n')
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, _)| i + 1)
            .collect();
        let roles: Vec<usize> = a.line_roles().iter().map(|r| r.0).collect();
        assert_eq!(roles, lines, "help: {name}: every non-empty line once");
    }
}

#[test]
fn hints_win_over_the_text() {
    let raw = "عنوان\n\nالثلاثاء 25 يناير 2022 - 16:28\nhttps://example.com/a\nقال الوزير أمس إن المحادثات ستستمر طويلا.\n";
    let hints = Hints::default()
        .with_published("2022-02-01")
        .unwrap()
        .with_url("https://example.org/b");
    let a = parse(raw, &hints);
    assert_eq!(
        a.published
            .as_ref()
            .map(khabar_article::Published::iso)
            .as_deref(),
        Some("2022-02-01")
    );
    assert_eq!(a.url.as_deref(), Some("https://example.org/b"));
    // The dateline line is still metadata, not body.
    assert_eq!(a.paragraphs.len(), 1);
}

#[test]
fn latin_lines_are_foreign_only_in_an_arabic_text() {
    let english = "Iran says talks will resume next week\n\nTehran, Oct 19 (Reuters) - Iran said on Thursday that \
                   nuclear talks would resume next week in Vienna.\n\nThe spokesman said the delegation would leave on Sunday.\n";
    let a = parse(english, &Hints::default());
    assert_eq!(a.language, "en");
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("Iran says talks will resume next week")
    );
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.dropped.is_empty());

    let arabic = "عنوان الخبر عن المفاوضات\n\nقال مسؤول إيراني اليوم إن المفاوضات ستستأنف الأسبوع المقبل في فيينا بعد توقف.\n\nShare this article\n";
    let a = parse(arabic, &Hints::default());
    assert_eq!(a.language, "ar");
    assert_eq!(a.dropped.len(), 1);
}

#[test]
fn full_width_colon_labels() {
    // `：` (U+FF1A) is three bytes: the text after it must start on a char
    // boundary.
    let raw = "عنوان الخبر عن المفاوضات\nبقلم： سامر خليل\nقال مسؤول إيراني إن المفاوضات ستستأنف الأسبوع المقبل في فيينا بعد توقف.\nاقرأ المزيد： إيران وعمان تبحثان التعاون\n";
    let a = parse(raw, &Hints::default());
    assert_eq!(
        a.byline.as_ref().map(|b| b.text.as_str()),
        Some("سامر خليل")
    );
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.related[0].text, "إيران وعمان تبحثان التعاون");
    assert_eq!(&raw[a.related[0].span.range()], a.related[0].text);
}

/// From a user review: an item whose only Arabic line is one sentence
/// (under an English headline, or a dateline-first wire snippet) kept that
/// sentence as its title and had no paragraphs. The sentence is the lead.
#[test]
fn a_lone_sentence_is_the_lead_not_the_title() {
    let raw = "Government announces plan\nJune 3, 2024\n\nأعلنت الحكومة المصرية اليوم خطة جديدة لدعم الصناعة المحلية.\n";
    let a = parse(raw, &Hints::default());
    assert_eq!(a.title, None);
    assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].text.starts_with("أعلنت الحكومة المصرية"));
    let raw = "بيروت - أعلن وزير الطاقة اللبناني اليوم الثلاثاء عن خطة لزيادة ساعات التغذية الكهربائية خلال الصيف.";
    let a = parse(raw, &Hints::default());
    assert_eq!(a.paragraphs.len(), 1, "{a:?}");
    // A headline without a full stop over a body is still the title.
    let a = parse(
        "خطة حكومية جديدة\n\nأعلنت الحكومة المصرية اليوم خطة جديدة.\n",
        &Hints::default(),
    );
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("خطة حكومية جديدة"));
    assert_eq!(a.paragraphs.len(), 1);
}

fn published_iso(raw: &str) -> Option<String> {
    parse(raw, &Hints::default())
        .published
        .as_ref()
        .map(khabar_article::Published::iso)
}

#[test]
fn explicit_utc_offsets_are_kept() {
    let body = "\nقال الوزير أمس إن المحادثات ستستمر طويلا.\n";
    for (line, iso, offset) in [
        (
            "تاريخ النشر: 2022-01-25T16:28:00+03:00",
            "2022-01-25T16:28+03:00",
            Some(180),
        ),
        ("2022-01-25T16:28Z", "2022-01-25T16:28+00:00", Some(0)),
        (
            "الثلاثاء 25 يناير 2022 - 16:28 (GMT+3)",
            "2022-01-25T16:28+03:00",
            Some(180),
        ),
        (
            "25 يناير 2022 | 16:28 بتوقيت غرينتش +3",
            "2022-01-25T16:28+03:00",
            Some(180),
        ),
        (
            "25 يناير 2022 | 16:28 بتوقيت جرينتش",
            "2022-01-25T16:28+00:00",
            Some(0),
        ),
        // Any whitespace before the zone (a tab once sliced mid-character).
        (
            "25 يناير 2022 - 16:28\tبتوقيت غرينتش +3",
            "2022-01-25T16:28+03:00",
            Some(180),
        ),
        (
            "2022-01-25 16:28 +0300",
            "2022-01-25T16:28+03:00",
            Some(180),
        ),
        (
            "25 يناير 2022 - 16:28 UTC-05:30",
            "2022-01-25T16:28-05:30",
            Some(-330),
        ),
        ("16:40 GMT 19.07.2023", "2023-07-19T16:40+00:00", Some(0)),
        // Named zones and loose numbers: no offset, the local time as before.
        (
            "25 يناير 2022 | 16:28 بتوقيت مكة المكرمة",
            "2022-01-25T16:28",
            None,
        ),
        (
            "آخر تحديث: 10 مارس 2023: 02:43 م KSA",
            "2023-03-10T14:43",
            None,
        ),
        ("25 يناير 2022 - 16:28 +3", "2022-01-25T16:28", None),
        ("25 يناير 2022 - 16:28 +2500", "2022-01-25T16:28", None),
        // A day has no offset.
        ("25 يناير 2022 GMT+3", "2022-01-25", None),
    ] {
        let raw = format!("عنوان الخبر هنا\n\n{line}\n{body}");
        let a = parse(&raw, &Hints::default());
        let p = a.published.as_ref().or(a.updated.as_ref());
        assert_eq!(
            p.map(khabar_article::Published::iso).as_deref(),
            Some(iso),
            "{line}"
        );
        assert_eq!(p.and_then(|p| p.utc_offset), offset, "{line}");
        assert_eq!(
            p.map(khabar_article::Published::local_iso).as_deref(),
            Some(&iso[..iso.len().min(16)])
        );
    }
    assert_eq!(
        published_iso("عنوان\n\nالثلاثاء 25 يناير 2022 - 16:28\nقال الوزير إن المحادثات ستستمر.\n")
            .as_deref(),
        Some("2022-01-25T16:28")
    );
}

#[test]
fn utc_offset_hints() {
    let raw = "عنوان\n\nقال الوزير أمس إن المحادثات ستستمر طويلا.\n";
    for (hint, iso) in [
        ("2022-01-25T16:28+03:00", "2022-01-25T16:28+03:00"),
        ("2022-01-25T16:28:59.123-0430", "2022-01-25T16:28-04:30"),
        ("2022-01-25 16:28Z", "2022-01-25T16:28+00:00"),
        ("2022-01-25T16:28", "2022-01-25T16:28"),
        ("2022-01-25", "2022-01-25"),
    ] {
        let a = parse(raw, &Hints::default().with_published(hint).unwrap());
        assert_eq!(
            a.published
                .as_ref()
                .map(khabar_article::Published::iso)
                .as_deref(),
            Some(iso),
            "{hint}"
        );
    }
    for bad in [
        "2022-01-25T16:28+15:00",
        "2022-01-25T16:28 Asia/Riyadh",
        "2022-01-25T16:28:5",
        "2022-01-25T16:28+03:75",
    ] {
        assert!(Hints::default().with_published(bad).is_err(), "{bad}");
    }
}

fn place(raw: &str) -> Option<(usize, String)> {
    let a = parse(raw, &Hints::default());
    a.dateline_place.map(|f| {
        assert_eq!(&raw[f.span.range()], f.text);
        (f.line, f.text)
    })
}

#[test]
fn dateline_places() {
    let title = "عنوان الخبر هنا\n\n";
    let sentence = "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل.";
    for (lines, want) in [
        (format!("الرياض - {sentence}"), Some((3, "الرياض"))),
        (format!("طهران (رويترز) - {sentence}"), Some((3, "طهران"))),
        (format!("موسكو – وكالات: {sentence}"), Some((3, "موسكو"))),
        (format!("القاهرة ـ {sentence}"), Some((3, "القاهرة"))),
        (
            format!("الدار البيضاء - {sentence}"),
            Some((3, "الدار البيضاء")),
        ),
        (format!("موسكو – وكالات:\n{sentence}"), Some((3, "موسكو"))),
        (
            format!("القاهرة - 25 يناير 2022\n{sentence}"),
            Some((3, "القاهرة")),
        ),
        (format!("أنقرة/ الأناضول\n{sentence}"), Some((3, "أنقرة"))),
        // Not datelines.
        (sentence.to_owned(), None),
        (
            "أكد وزير الخارجية - في تصريح صحفي - أن المحادثات ستستمر.".to_owned(),
            None,
        ),
        (format!("الثلاثاء - 25 يناير 2022\n{sentence}"), None),
        (format!("كتب - محمد عبد الله\n{sentence}"), None),
        (format!("محمد علي - القاهرة\n{sentence}"), None),
        (
            format!("{sentence}\nالرياض - قال الوزير إن المحادثات ستستمر طويلا."),
            None,
        ),
        ("بيروت - لا.".to_owned(), None),
    ] {
        let raw = format!("{title}{lines}\n");
        let a = parse(&raw, &Hints::default());
        assert_eq!(place(&raw), want.map(|(l, t)| (l, t.to_owned())), "{lines}");
        // The lead keeps its full text: the place is not cut from it.
        if let Some(p) = a.paragraphs.first() {
            assert_eq!(&raw[p.span.range()], p.text);
        }
    }
}
