//! The tagger's rules: their names, the switches that turn them off, and
//! where each one lives.
//!
//! Every rule is one function with a one-line doc in the module of its
//! entity family (`places.rs`, `orgs.rs`, `persons.rs`, `equipment.rs`,
//! `misc.rs`, `dates.rs`, `linking.rs`, `noise.rs`; `propagate` is in
//! `seq.rs`), with its word lists beside it. [`REGISTRY`] lists them in the
//! order they run and says at which [`Stage`] each one acts, so it is also
//! the precedence between them. Each rule has rows in
//! `tests/data/tag_rules.toml` (run by `cargo test -p khabar-tag` and by
//! pytest) and a line in the per-rule bench (`cargo bench -p
//! khabar-benches --bench tag -- rules`).
//!
//! A [`RuleSet`] switches rules off by name for ablations, per tagger
//! ([`Tagger::with_rules`](crate::Tagger::with_rules)); nothing is
//! process-wide.
//!
//! # Example: a tagger without one rule
//!
//! ```
//! use khabar_tag::rules::{Rule, RuleSet};
//! use khabar_tag::{Label, Tagger};
//!
//! let text = "قتل ثلاثة جنود في مالي أمس.";
//! let all = Tagger::new();
//! let mali = all.tag(text).into_iter().find(|e| e.text == "مالي").unwrap();
//! assert_eq!(mali.label, Label::Gpe);
//! assert_eq!(mali.source.as_str(), "rule:gpe_hidden_by_stop_word");
//!
//! let without = all.clone().with_rules(RuleSet::all().without(Rule::GpeHiddenByStopWord));
//! assert!(without.tag(text).iter().all(|e| e.text != "مالي"));
//! assert_eq!(RuleSet::from_names_off(&["gpe_hidden_by_stop_word"]).unwrap(), without.rules());
//! ```
//!
//! # Adding a rule
//!
//! Name it below (a variant, its `snake_case` name and a one-line doc),
//! write its function in its family's module, add its row to
//! [`REGISTRY`] at the place where it must run, and add rows to
//! `tests/data/tag_rules.toml` (the tests fail until it has one).

pub(crate) mod dates;
pub(crate) mod equipment;
pub(crate) mod linking;
pub(crate) mod media;
pub(crate) mod misc;
pub(crate) mod noise;
pub(crate) mod org_names;
pub(crate) mod orgs;
pub(crate) mod persons;
pub(crate) mod place_names;
pub(crate) mod places;
pub(crate) mod registry;
pub(crate) mod words;

pub use registry::{RuleInfo, REGISTRY};

/// Declares [`Rule`]: a variant, its name and its one-line doc per rule,
/// in registry order.
macro_rules! rules {
    ($($variant:ident => $name:literal: $doc:literal,)*) => {
        /// A rule of the tagger, by name (see [`REGISTRY`] for the order
        /// and stage of each).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $(#[doc = $doc] $variant,)*
        }

        impl Rule {
            /// Every rule, in registry order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's `snake_case` name (`gpe_hidden_by_stop_word`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// The [`Source`](crate::Source) string of the entities it
            /// makes: `rule:` and its name.
            pub const fn source_name(self) -> &'static str {
                match self {
                    $(Rule::$variant => concat!("rule:", $name),)*
                }
            }

            /// What the rule does, in one line.
            pub const fn doc(self) -> &'static str {
                match self {
                    $(Rule::$variant => $doc,)*
                }
            }
        }
    };
}

rules! {
    Propagate => "propagate":
        "A rare word tagged as a name once in the document is that name at its bare repeats (`رامسفيلد` after `دونالد رامسفيلد`).",
    GazetteerFeatureOnly => "gazetteer_feature_only":
        "CLDR's `العالم` (the world) and Mali's nisba (`المالية`, finance) stay model features and make no entity by themselves.",
    MiscPhraseFromGazetteer => "misc_phrase_from_gazetteer":
        "A MISC phrase of two or more words in the gazetteer is an entity (`كأس آسيا`, `جائزة نوبل`), over the place inside it.",
    EquipmentModelNumber => "equipment_model_number":
        "An equipment family takes the model number after it (`ميغ 29`, `إليوشن 76`).",
    CityNeedsModel => "city_needs_model":
        "A one-word GeoNames city (many are common words) is an entity only where the model has the same span.",
    CommonWordOrgNeedsContext => "common_word_org_needs_context":
        "A one-word organization that ANERcorp train has mostly as a common word (`فتح` opening, `القاعدة` the base) needs the model's span.",
    GpeHiddenByStopWord => "gpe_hidden_by_stop_word":
        "A country hidden by a stop word (`مالي`, mostly \"financial\") is a GPE where only a noun can stand (`في مالي`, `حكومة مالي`, `لمالي`).",
    EquipmentLatinCode => "equipment_latin_code":
        "A Latin model code of letters and digits is equipment (`S300`, `F-16`, `MQ-9`).",
    OrgNamedInFull => "org_named_in_full":
        "A one-word organization held back as a common word is kept where the document names it without doubt (`حركة فتح` … `وانتقدت فتح`).",
    OrgTakesNisba => "org_takes_nisba":
        "An organization takes the nisba after it (`وزارة الدفاع` + `الأذربيجانية`), and the nisba's country qualifies its link.",
    OrgHeadWithNisba => "org_head_with_nisba":
        "An organization head noun, up to two article words and a nisba make an organization (`الجيش الأذربيجاني`).",
    OrgConstructState => "org_construct_state":
        "A head noun in construct state with article words (two after a generic head such as `مجلس`, `شركة`) or one unknown word is an organization (`وزارة الأمن الوطني`, `وكالة توران`; not `مجلس الإدارة`).",
    OrgArmedForce => "org_armed_force":
        "An armed force, branch, command, fleet or general staff with a nationality, a country or a named force is an organization (`القوات الجوية الملكية السعودية`, `أسطول البحر الأسود`).",
    OrgFullName => "org_full_name":
        "An official name runs from its head over article words and complements to its nisba, complement or named body (`اللجنة الوطنية لمكافحة الإرهاب`).",
    OrgOutletName => "org_outlet_name":
        "An agency, channel, newspaper, radio or website with its name is an organization (`وكالة أبا`, `القناة 12`); a quoted name is the name alone (`موقع «ليبيا أوبزرفر»`).",
    OrgSeatInName => "org_seat_in_name":
        "A mission or force and `في` + the place it serves, or a committee and `في` + its parent body, are one name (`بعثة الاتحاد الأوروبي في أرمينيا`).",
    OrgAliasInBrackets => "org_alias_in_brackets":
        "A short name in brackets or quotes right after an organization is an organization (`(إيغاد)`, `«اليونيفيل»`).",
    PlaceOpensDateline => "place_opens_dateline":
        "The place that opens a news line before its dash, bracket or date is a place (`مسقط -`, `القدس (أ ف ب)`).",
    PlaceAfterClassNoun => "place_after_class_noun":
        "A name right after a noun of towns and areas is a place (`بلدة الخيام`, `ميناء الدقم`, `مدينة سيدي سليمان`).",
    PlaceFeatureName => "place_feature_name":
        "A mountain, valley, river or island noun and the name after it are one LOC (`جبال قنديل`, `نهر الليطاني`).",
    OrgDatelineOutlet => "org_dateline_outlet":
        "The outlet credited in a dateline between the place and the dash is an organization (`أنقرة (الأناضول) -`, `/قنا/ -`).",
    EquipmentAfterTrigger => "equipment_after_trigger":
        "A weapon, aircraft, ship or vehicle noun is followed by its designation or quoted name (`مقاتلات إف-16 بلوك 70`, `الفرقاطة «الأدميرال ماكاروف»`), and by names joined with `و`.",
    EquipmentDesignationSuffix => "equipment_designation_suffix":
        "A known equipment name takes the model designation after it (`إسكندر-إم`, `رافال إف 4`, `أباتشي إيه إتش-64 إي`).",
    PersonAdjacentMerge => "person_adjacent_merge":
        "Two adjacent person spans are one name (`علي` + `خامنئي`).",
    PersonAfterTitle => "person_after_title":
        "A title or rank followed by name-like words makes a person (`الجنرال ذاكر حسنوف`), or starts the person the model found after it.",
    PersonSplitAtConjunction => "person_split_at_conjunction":
        "Two people joined by `و` are two entities (`خالد العمري ومحمد الزعبي`).",
    PersonNisbaSurname => "person_nisba_surname":
        "A singular nisba right after a person's name is the name's last part (`محمد شياع السوداني`), not a nationality.",
    PersonEndsBeforeVerb => "person_ends_before_verb":
        "A person's name of three words or more does not end with a verb in the imperfect (`علي خامنئي يولي`).",
    PersonNotFromPreposition => "person_not_from_preposition":
        "A person's name after a word does not start with the preposition `على`, which search folding makes the name `علي` (`حكم على خالد العمري`).",
    PersonCompoundTakesSurname => "person_compound_takes_surname":
        "A name ending with the second half of a compound given name takes the family name after it (`سهيل الدين أكبر`).",
    PersonSingleScript => "person_single_script":
        "A person's name does not run from Arabic into Latin letters (`أمين الناصر CEO`).",
    NoEntityInMarkup => "no_entity_in_markup":
        "Nothing inside markup or a URL is an entity (`<img src=…>`, `https://…`).",
    DropOverlong => "drop_overlong":
        "Spans or words far longer than any name (junk such as `و` × 1000) are dropped.",
    NisbaOverCountry => "nisba_over_country":
        "A word with the article that is a country without it reads as the nisba (`السورية` Syrian, though `سورية` is Syria).",
    LocOrGpeByHead => "loc_or_gpe_by_head":
        "A model LOC the gazetteer does not know is a GPE (a city) unless a geographic head noun starts it (`بحر قزوين`, `جبل`).",
    OrgLinkAfterHead => "org_link_after_head":
        "An organization links by the name after its head noun (`نادي الزمالك` → Zamalek) or by its English name (`شركة Apple`).",
    TitleOutsidePerson => "title_outside_person":
        "Titles and ranks at the start of a person span or just before it go to `title`, out of the span (`العميد الركن`).",
    SymbolNotName => "symbol_not_name":
        "A span with no letter or digit in its surface (`﷼`, which normalizes to `ريال`) is no entity.",
    SurnameRepeats => "surname_repeats":
        "A nisba that ends a person's name in the document is that person where it stands alone (`السوداني` after `محمد شياع السوداني`).",
    DatesOverNames => "dates_over_names":
        "A date wins over the entities it overlaps (`كانون` in `22 كانون الثاني`); switched off, the date gives way.",
    PersonLinksToFullName => "person_links_to_full_name":
        "A short person mention takes the key of the fullest person name of the text that ends with or contains it (`باقري`).",
    HonorificNotInKey => "honorific_not_in_key":
        "A leading honorific (`سيد`, `الشيخ`) stays in a person's span but not in the key (`سيد حسن نصر الله` → `حسن نصر الله`).",
    AmmanOrOman => "amman_or_oman":
        "A bare `عمان` links to Amman, not Oman, in a document about Jordan, and `عمّان` with its shadda always does.",
}

impl Rule {
    /// The rule called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }

    /// The rule's bit in a [`RuleSet`].
    const fn bit(self) -> u64 {
        1 << self as u32
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A name given to [`RuleSet`] that no rule has.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown tagger rule `{name}` (rules: {})", rule_names())]
pub struct UnknownRule {
    /// The name.
    pub name: String,
}

fn rule_names() -> String {
    Rule::ALL
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which rules are on: a switch per [`Rule`]. The default is every rule
/// (the shipped tagger).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RuleSet(u64);

impl RuleSet {
    /// Every rule on.
    pub const fn all() -> RuleSet {
        let mut bits = 0;
        let mut k = 0;
        while k < Rule::ALL.len() {
            bits |= Rule::ALL[k].bit();
            k += 1;
        }
        RuleSet(bits)
    }

    /// Every rule off: the model, the gazetteer and the dates alone.
    pub const fn none() -> RuleSet {
        RuleSet(0)
    }

    /// Whether `rule` is on.
    #[inline]
    pub const fn contains(self, rule: Rule) -> bool {
        self.0 & rule.bit() != 0
    }

    /// This set with `rule` on.
    #[must_use]
    pub const fn with(self, rule: Rule) -> RuleSet {
        RuleSet(self.0 | rule.bit())
    }

    /// This set with `rule` off.
    #[must_use]
    pub const fn without(self, rule: Rule) -> RuleSet {
        RuleSet(self.0 & !rule.bit())
    }

    /// Every rule but those named (`["propagate", "amman_or_oman"]`).
    pub fn from_names_off(names: &[&str]) -> Result<RuleSet, UnknownRule> {
        names.iter().try_fold(RuleSet::all(), |set, name| {
            let mut set = set;
            set.set(name, false)?;
            Ok(set)
        })
    }

    /// Switch the rule called `name` on or off.
    pub fn set(&mut self, name: &str, on: bool) -> Result<(), UnknownRule> {
        let rule = Rule::from_name(name).ok_or_else(|| UnknownRule {
            name: name.to_owned(),
        })?;
        *self = if on {
            self.with(rule)
        } else {
            self.without(rule)
        };
        Ok(())
    }

    /// Whether the rule called `name` is on.
    pub fn get(&self, name: &str) -> Result<bool, UnknownRule> {
        Rule::from_name(name)
            .map(|r| self.contains(r))
            .ok_or_else(|| UnknownRule {
                name: name.to_owned(),
            })
    }

    /// The rules that are on, in registry order.
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(move |r| self.contains(*r))
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::all()
    }
}

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let off: Vec<&str> = Rule::ALL
            .iter()
            .filter(|r| !self.contains(**r))
            .map(|r| r.name())
            .collect();
        if off.is_empty() {
            f.write_str("RuleSet(all)")
        } else {
            write!(f, "RuleSet(all but {})", off.join(", "))
        }
    }
}

/// The entity family a rule belongs to (and the module it lives in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// GPE and LOC (`rules/places.rs`).
    Places,
    /// ORG (`rules/orgs.rs`).
    Orgs,
    /// PERSON and titles (`rules/persons.rs`).
    Persons,
    /// EQUIPMENT (`rules/equipment.rs`).
    Equipment,
    /// MISC (`rules/misc.rs`).
    Misc,
    /// DATE (`rules/dates.rs`).
    Dates,
    /// Canonical keys and links (`rules/linking.rs`).
    Linking,
    /// Spans that are no names at all (`rules/noise.rs`).
    Noise,
    /// Consistency over the document's model labels (`seq.rs`).
    Document,
}

impl Family {
    /// The family's lowercase name (`places`).
    pub const fn name(self) -> &'static str {
        match self {
            Family::Places => "places",
            Family::Orgs => "orgs",
            Family::Persons => "persons",
            Family::Equipment => "equipment",
            Family::Misc => "misc",
            Family::Dates => "dates",
            Family::Linking => "linking",
            Family::Noise => "noise",
            Family::Document => "document",
        }
    }
}

/// Which of two candidate spans of the same length wins (the longer one
/// always does; at equal length and precedence, the earlier one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precedence {
    /// Loses every tie: Latin model codes, and gazetteer matches that need
    /// the model's agreement.
    Weak,
    /// The model's spans.
    Model,
    /// Gazetteer matches, and rules that read the gazetteer the same way.
    Gazetteer,
}

/// When a rule acts, in the order the tagger runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Inside decoding, on the model's labels of the whole document.
    Model,
    /// Proposes candidate spans of a sentence, or decides how a gazetteer
    /// match becomes one; candidates compete by length, then by this
    /// precedence, then by position.
    Candidates(Precedence),
    /// Decides which candidates may compete.
    Choose,
    /// Edits the chosen spans of a sentence, in registry order.
    Spans,
    /// Decides the label, link and title of each chosen span.
    Entities,
    /// Over the document's entities: dates, keys and links.
    Document,
}
