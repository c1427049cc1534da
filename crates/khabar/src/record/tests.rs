use khabar_article::dates::HijriDate;
use khabar_article::Hints;
use khabar_normalize::CharOffsets;

use super::names::{hijri_iso, iso_offset, spelled};
use super::{Kind, Shape, Visitor, DOCUMENT, ENTITY, LABELS};

/// Checks that every value a getter gives is of its field's kind.
struct Check {
    kind: Kind,
    seen: usize,
    /// An empty value ([`Kind::empty`]): null is fine for every kind.
    empty: bool,
}

impl Check {
    fn new(kind: Kind) -> Self {
        Self {
            kind,
            seen: 0,
            empty: false,
        }
    }
    fn fail(&self, what: &str) -> ! {
        panic!("a {what} for a field of kind {}", self.kind.name())
    }
}

impl Visitor for Check {
    fn null(&mut self) {
        self.seen += 1;
        if !self.empty
            && matches!(
                self.kind,
                Kind::Str
                    | Kind::Label(_)
                    | Kind::Int
                    | Kind::Float
                    | Kind::Bool
                    | Kind::Strs
                    | Kind::Records(_)
            )
        {
            self.fail("null");
        }
    }
    fn str(&mut self, s: &str) {
        self.seen += 1;
        match self.kind {
            Kind::Str | Kind::OptStr | Kind::Iso => {}
            Kind::Label(names) => assert!(names.contains(&s), "{s:?} not among {names:?}"),
            _ => self.fail("str"),
        }
    }
    fn int(&mut self, _: i64) {
        self.seen += 1;
        if !matches!(self.kind, Kind::Int | Kind::OptInt) {
            self.fail("int");
        }
    }
    fn float(&mut self, _: f64) {
        self.seen += 1;
        if !matches!(self.kind, Kind::Float) {
            self.fail("float");
        }
    }
    fn bool(&mut self, _: bool) {
        self.seen += 1;
        if !matches!(self.kind, Kind::Bool) {
            self.fail("bool");
        }
    }
    fn list(&mut self, len: usize, item: &mut dyn FnMut(usize, &mut dyn Visitor)) {
        self.seen += 1;
        let inner = match self.kind {
            Kind::Span => Kind::Int,
            Kind::Strs => Kind::Str,
            Kind::Records(shape) => Kind::Record(shape),
            _ => self.fail("list"),
        };
        if matches!(self.kind, Kind::Span) {
            assert_eq!(len, 2);
        }
        for i in 0..len {
            let mut c = Check::new(inner);
            item(i, &mut c);
            assert_eq!(c.seen, 1, "one value per item");
        }
    }
    fn record(
        &mut self,
        shape: &'static dyn Shape,
        field: &mut dyn FnMut(usize, &mut dyn Visitor),
    ) {
        self.seen += 1;
        match self.kind {
            Kind::Record(s) if s.name() == shape.name() => {}
            _ => self.fail("record"),
        }
        for i in 0..shape.len() {
            let mut c = Check::new(shape.field(i).1);
            field(i, &mut c);
            assert_eq!(c.seen, 1, "field {} gives one value", shape.field(i).0);
        }
    }
}

#[test]
fn every_getter_gives_a_value_of_its_kind() {
    let raw = include_str!("../../../../examples/articles/000_6e49526c0f392cf6.txt");
    for raw in [raw, "", "عنوان\n\nنص قصير في الرياض.\n"] {
        let doc = crate::analyze(raw, &Hints::default());
        let co = CharOffsets::new(raw);
        let mut c = Check::new(Kind::Record(&DOCUMENT));
        DOCUMENT.visit(&doc, &co, &mut c);
        assert_eq!(c.seen, 1);
    }
}

#[test]
fn the_empty_value_of_each_kind_is_of_that_kind() {
    for i in 0..DOCUMENT.len() {
        let kind = DOCUMENT.field(i).1;
        let mut c = Check::new(kind);
        c.empty = true;
        kind.empty(&mut c);
        assert_eq!(c.seen, 1);
    }
}

#[test]
fn name_tables_spell_what_the_types_spell() {
    for (table, names) in spelled() {
        assert_eq!(table, names.as_slice());
    }
    assert_eq!(
        LABELS,
        [
            "PERSON",
            "ORG",
            "GPE",
            "LOC",
            "NORP",
            "EQUIPMENT",
            "DATE",
            "MISC"
        ]
    );
    // The Python constructor takes the fields in table order: `source` and
    // `role`, the newest, come last so that older calls keep working.
    assert_eq!(ENTITY.position("source"), Some(ENTITY.len() - 2));
    assert_eq!(ENTITY.position("role"), Some(ENTITY.len() - 1));
    let kinds: Vec<&str> = khabar_events::EventKind::ALL
        .iter()
        .map(|k| k.name())
        .collect();
    assert_eq!(super::EVENT_KINDS, kinds.as_slice());
}

#[test]
fn iso_offsets_and_hijri_text() {
    assert_eq!(iso_offset("2022-01-25T16:28+03:00"), Some(180));
    assert_eq!(iso_offset("2022-01-25T16:28-04:30"), Some(-270));
    assert_eq!(iso_offset("2022-01-25T16:28"), None);
    assert_eq!(iso_offset("2022-01-25"), None);
    let h = |month, day| {
        hijri_iso(HijriDate {
            year: 1443,
            month,
            day,
        })
    };
    assert_eq!(
        (h(Some(9), Some(5)), h(Some(9), None), h(None, None)),
        ("1443-09-05".into(), "1443-09".into(), "1443".into())
    );
}
