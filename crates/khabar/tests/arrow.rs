//! `khabar::arrow` (feature `arrow`) on the sample articles: every row holds
//! what `khabar::analyze` found, with code-point offsets.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    clippy::cast_possible_wrap
)]

use khabar::arrow::{arrow_array, arrow_schema};

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, LargeStringArray, ListArray, StringArray, StringViewArray, StructArray};
use arrow_schema::DataType;
use khabar::arrow::{analyze_array, document_schema, normalize_array, tag_array, Error};
use khabar::article::Hints;
use khabar::normalize::{Normalizer, Profile};

mod seeds;
use seeds::SEEDS;

fn chars(s: &str, start: i64, end: i64) -> String {
    s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn list_row(col: &dyn Array, row: usize) -> StructArray {
    let list: &ListArray = col.as_list::<i32>();
    list.value(row).as_struct().clone()
}

fn str_col<'a>(s: &'a StructArray, name: &str) -> &'a StringArray {
    s.column_by_name(name).unwrap().as_string::<i32>()
}

fn i64_col<'a>(s: &'a StructArray, name: &str) -> &'a arrow_array::Int64Array {
    s.column_by_name(name).unwrap().as_primitive::<Int64Type>()
}

#[test]
fn rows_hold_the_analysis_with_code_point_offsets() {
    let mut texts: Vec<Option<&str>> = SEEDS.iter().map(|s| Some(*s)).collect();
    texts.insert(2, None);
    let input = StringArray::from(texts.clone());
    let batch = analyze_array(&input, Some(2)).unwrap();
    assert_eq!(batch.schema(), document_schema());
    assert_eq!(batch.num_rows(), 6);
    let title = batch.column_by_name("title").unwrap().as_string::<i32>();
    let ents = batch.column_by_name("entities").unwrap();
    let paras = batch.column_by_name("paragraphs").unwrap();
    for (row, text) in texts.iter().enumerate() {
        let Some(raw) = text else {
            // A null input is a row of nulls.
            for c in batch.columns() {
                assert!(c.is_null(row), "{:?}", c.data_type());
            }
            continue;
        };
        let doc = khabar::analyze(raw, &Hints::default());
        assert_eq!(
            title.is_valid(row).then(|| title.value(row)),
            doc.article.title.as_ref().map(|f| f.text.as_str())
        );
        let e = list_row(ents.as_ref(), row);
        assert_eq!(e.len(), doc.entities.len());
        assert!(!doc.entities.is_empty());
        let (text, label, canonical) = (
            str_col(&e, "text"),
            str_col(&e, "label"),
            str_col(&e, "canonical"),
        );
        let (start, end) = (i64_col(&e, "start"), i64_col(&e, "end"));
        let score = e
            .column_by_name("score")
            .unwrap()
            .as_primitive::<Float64Type>();
        for (i, want) in doc.entities.iter().enumerate() {
            assert_eq!(text.value(i), want.text);
            assert_eq!(label.value(i), want.label.name());
            assert_eq!(canonical.value(i), want.canonical);
            assert_eq!(score.value(i), f64::from(want.score));
            // Code points, not bytes: Arabic text makes the two differ.
            assert_eq!(chars(raw, start.value(i), end.value(i)), want.text);
            assert!(start.value(i) <= want.span.start as i64);
            assert!(end.value(i) < want.span.end as i64);
        }
        let p = list_row(paras.as_ref(), row);
        assert_eq!(p.len(), doc.article.paragraphs.len());
        let (ptext, pstart, pend) = (
            str_col(&p, "text"),
            i64_col(&p, "start"),
            i64_col(&p, "end"),
        );
        for (i, want) in doc.article.paragraphs.iter().enumerate() {
            assert_eq!(ptext.value(i), want.text);
            assert_eq!(
                chars(raw, pstart.value(i), pend.value(i)),
                &raw[want.span.start..want.span.end]
            );
        }
        let dropped = list_row(batch.column_by_name("dropped").unwrap().as_ref(), row);
        assert_eq!(dropped.len(), doc.article.dropped.len());
        assert!(batch.column_by_name("error").unwrap().is_null(row));
    }
}

#[test]
fn every_string_type_gives_the_same_batch() {
    let texts: Vec<Option<&str>> = vec![Some(SEEDS[0]), None, Some(SEEDS[3]), Some("")];
    let a = analyze_array(&StringArray::from(texts.clone()), Some(1)).unwrap();
    let b = analyze_array(&LargeStringArray::from(texts.clone()), Some(2)).unwrap();
    let c = analyze_array(&StringViewArray::from(texts), None).unwrap();
    assert_eq!(a, b);
    assert_eq!(a, c);
    // A sliced array reads its own window only.
    let all = StringArray::from(SEEDS.to_vec());
    let sliced = analyze_array(&all.slice(1, 2), Some(2)).unwrap();
    let direct = analyze_array(&StringArray::from(SEEDS[1..3].to_vec()), Some(2)).unwrap();
    assert_eq!(sliced, direct);
}

#[test]
fn wrong_types_and_thread_counts_are_errors() {
    let ints = arrow_array::Int64Array::from(vec![1, 2]);
    let e = analyze_array(&ints, None).unwrap_err();
    assert!(matches!(e, Error::UnsupportedType(DataType::Int64)), "{e}");
    assert!(e.to_string().contains("Int64"), "{e}");
    let texts = StringArray::from(vec!["x"]);
    assert!(matches!(
        analyze_array(&texts, Some(0)),
        Err(Error::Batch(_))
    ));
    let nulls = arrow_array::NullArray::new(3);
    let batch = analyze_array(&nulls, None).unwrap();
    assert_eq!(batch.num_rows(), 3);
    assert_eq!(batch.column(0).null_count(), 3);
}

#[test]
fn tag_and_normalize_single_stages() {
    let texts = StringArray::from(vec![Some(SEEDS[1]), None, Some("وزیرا الدفاع الایرانی")]);
    let tagged = tag_array(&texts, Some(2)).unwrap();
    assert!(tagged.is_null(1));
    let want = khabar::tag::Tagger::global().tag(SEEDS[1]);
    let got = list_row(tagged.as_ref(), 0);
    assert_eq!(got.len(), want.len());
    let (text, start, end) = (
        str_col(&got, "text"),
        i64_col(&got, "start"),
        i64_col(&got, "end"),
    );
    for (i, w) in want.iter().enumerate() {
        assert_eq!(text.value(i), w.text);
        assert_eq!(chars(SEEDS[1], start.value(i), end.value(i)), w.text);
    }
    let n = Normalizer::for_profile(Profile::Search);
    let out = normalize_array(&texts, n, None).unwrap();
    assert_eq!(out.value(0), n.normalize(SEEDS[1]));
    assert!(out.is_null(1));
    assert_eq!(out.value(2), "وزيرا الدفاع الايراني");
}

#[test]
fn text_rows_give_each_row_that_is_not_utf8_its_own_error() {
    use arrow_array::{BinaryArray, BinaryViewArray};
    let bad: &[u8] = b"\xd8\xb3\xff\xfe";
    let rows: [Option<&[u8]>; 4] = [Some(SEEDS[0].as_bytes()), Some(bad), None, Some(b"")];
    let binary = BinaryArray::from(rows.to_vec());
    let view = BinaryViewArray::from(rows.to_vec());
    for arr in [&binary as &dyn Array, &view] {
        let got = khabar::arrow::text_rows(arr).unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], Ok(Some(SEEDS[0])));
        assert!(got[1]
            .as_ref()
            .unwrap_err()
            .starts_with("UnicodeError: not valid UTF-8"));
        assert_eq!(got[2], Ok(None));
        assert_eq!(got[3], Ok(Some("")));
    }
    // A string array reads as it is.
    let strings = StringArray::from(vec![Some("طهران"), None]);
    assert_eq!(
        khabar::arrow::text_rows(&strings).unwrap(),
        vec![Ok(Some("طهران")), Ok(None)]
    );
}

#[test]
fn utc_offsets_and_dateline_place_columns() {
    let raw =
        "إيران تقول إن محادثات فيينا تحرز تقدما\n\nتاريخ النشر: 2022-01-25T16:28:00+03:00\n\n\
               طهران (رويترز) - قال المتحدث باسم وزارة الخارجية إن المحادثات تحرز تقدما.\n";
    let input = StringArray::from(vec![
        Some(raw),
        Some("قال الوزير إن المحادثات ستستمر."),
        None,
    ]);
    let batch = analyze_array(&input, Some(1)).unwrap();
    let col = |name: &str| batch.column_by_name(name).unwrap();
    let published = col("published").as_string::<i32>();
    assert_eq!(published.value(0), "2022-01-25T16:28+03:00");
    let offset = col("published_utc_offset").as_primitive::<Int64Type>();
    assert_eq!(offset.value(0), 180);
    assert!(offset.is_null(1) && offset.is_null(2));
    assert!(col("updated_utc_offset").is_null(0));
    let place = col("dateline_place").as_string::<i32>();
    assert_eq!(place.value(0), "طهران");
    assert!(place.is_null(1));
    let span = col("dateline_place_span").as_list::<i32>().value(0);
    let span = span.as_primitive::<Int64Type>();
    assert_eq!(chars(raw, span.value(0), span.value(1)), "طهران");
    assert!(col("dateline_place_span").is_null(1));
}
