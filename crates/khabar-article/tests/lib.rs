//! Integration tests: article fixtures, properties, the body dates.

// Tests fail loudly on a broken fixture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod articles;
mod properties;

#[test]
fn parse_with_dates_gives_the_body_dates_with_raw_spans() {
    use khabar_article::dates::find_dates;
    use khabar_article::{parse, parse_with_dates, Hints, Published};
    let raws = [
        include_str!("../../../examples/articles/000_6e49526c0f392cf6.txt"),
        include_str!("../../../examples/articles/004_2364d8e36052e2d6.txt"),
        "عنوان\n\nآخر تحديث: 10 مارس 2023\n\nوصل الوفد أمس إلى القاهرة، وسيغادر يوم الأحد المقبل.",
    ];
    let mut n = 0;
    for raw in raws {
        let (a, dates) = parse_with_dates(raw, &Hints::default());
        assert_eq!(a, parse(raw, &Hints::default()));
        // Against the publication date, or the update date without one.
        let reference = a
            .published
            .as_ref()
            .or(a.updated.as_ref())
            .and_then(Published::date);
        let want: Vec<_> = a
            .paragraphs
            .iter()
            .flat_map(|p| {
                find_dates(&p.text, reference)
                    .into_iter()
                    .map(move |mut m| {
                        m.span = khabar_normalize::Span::new(
                            p.span.start + m.span.start,
                            p.span.start + m.span.end,
                        );
                        m
                    })
            })
            .collect();
        assert_eq!(dates, want);
        n += dates.len();
    }
    assert!(n >= 5, "{n}");
}
