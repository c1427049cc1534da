//! The extractor's rules by name, their order, and the switches
//! ([`Config`]) that turn them off for ablations.
//!
//! Every rule is one function with a one-line doc in the module of its
//! concern (`offices.rs` roles, `triggers.rs` trigger words,
//! `modality.rs` negation, hypotheses and plans, `participants.rs`,
//! `attach.rs` dates and places, `merge.rs`). [`REGISTRY`] lists them in
//! the order they run. Each rule has rows in `tests/data/event_rules.toml`
//! (read by `cargo test -p khabar-events`).
//!
//! ```
//! use khabar_events::rules::{Config, Rule};
//!
//! let config = Config::from_names_off(&["planned_future"]).unwrap();
//! assert!(!config.contains(Rule::PlannedFuture));
//! assert!(config.contains(Rule::NegatedNotEvent));
//! assert!(Config::from_names_off(&["no_such_rule"]).is_err());
//! ```

/// Declares [`Rule`]: a variant, its name and its one-line doc per rule,
/// in registry order.
macro_rules! rules {
    ($($variant:ident => $name:literal, $concern:ident: $doc:literal,)*) => {
        /// A rule of the extractor, by name, in the order rules run.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $(#[doc = $doc] $variant,)*
        }

        impl Rule {
            /// Every rule, in registry order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's `snake_case` name.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// What the rule does, in one line.
            pub const fn doc(self) -> &'static str {
                match self {
                    $(Rule::$variant => $doc,)*
                }
            }

            /// The concern (and module) the rule belongs to.
            pub const fn concern(self) -> Concern {
                match self {
                    $(Rule::$variant => Concern::$concern,)*
                }
            }
        }

        /// Every rule with its concern, in the order the extractor applies
        /// them.
        pub static REGISTRY: &[(Rule, Concern)] = &[$((Rule::$variant, Concern::$concern),)*];
    };
}

/// What a rule is about, and the module it lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Concern {
    /// Offices and roles (`offices.rs`).
    Offices,
    /// Trigger words per kind (`triggers.rs`).
    Triggers,
    /// Negated, hypothetical, questioned and planned events (`modality.rs`).
    Modality,
    /// Who takes part (`participants.rs`).
    Participants,
    /// Dates and places (`attach.rs`).
    Attach,
    /// One event per occurrence (`merge.rs`).
    Merge,
}

impl Concern {
    /// The lowercase name (`offices`).
    pub const fn name(self) -> &'static str {
        match self {
            Concern::Offices => "offices",
            Concern::Triggers => "triggers",
            Concern::Modality => "modality",
            Concern::Participants => "participants",
            Concern::Attach => "attach",
            Concern::Merge => "merge",
        }
    }
}

rules! {
    FunctionWordNotPerson => "function_word_not_person", Offices:
        "A PERSON entity that is only a preposition or particle as written (`على` after an office, `عن`, `إلى`) is the tagger's slip: no role, no participant.",
    OfficeBeforeName => "office_before_name", Offices:
        "An office phrase right before a name, a rank between them or not, is that person's role (`الرئيس الإيراني إبراهيم رئيسي`, `رئيس الأركان ...، اللواء محمد باقري`).",
    OfficeAfterName => "office_after_name", Offices:
        "An office phrase in apposition after a name is its role (`ذاكر حسنوف، وزير الدفاع الأذربيجاني`).",
    AppositionNotBeforeName => "apposition_not_before_name", Offices:
        "An office phrase right before a given name is that (perhaps untagged) person's, not an apposition of the name before it (`أشتياني، سفير أذربيجان لدى طهران علي عليزاده`).",
    CounterpartOffice => "counterpart_office", Offices:
        "`نظيره` + a nationality before a name gives the office of the person it refers to in the sentence (`نظيره الفرنسي ميشيل دوبون`).",
    OfficeNeedsCountry => "office_needs_country", Offices:
        "`رئيس`, `أمير`, `سلطان` and `ملك` without the article are offices only before a country (`أمير قطر`; `أمير` alone is a rank).",
    OfFromNationality => "of_from_nationality", Offices:
        "A nationality in the office phrase says whose office it is (`وزير الدفاع الإيراني` → Iran).",
    OfFromCountry => "of_from_country", Offices:
        "A country named in the office phrase says whose office it is (`وزير دفاع جمهورية أذربيجان` → Azerbaijan).",
    OfFromStateBody => "of_from_state_body", Offices:
        "A state body in the office phrase gives its country (`المتحدث باسم وزارة الخارجية الإيرانية` → Iran, `الكرملين` → Russia).",
    PostNotOf => "post_not_of", Offices:
        "A place after `لدى`, `في` or `إلى` in an office phrase is the post, not whose office it is (`سفير أذربيجان لدى طهران`).",
    ArmsNeedWeapons => "arms_need_weapons", Triggers:
        "Buying, selling or delivering is an arms deal only with weapons in the sentence (`أسلحة`, `مقاتلات`, an EQUIPMENT entity).",
    CallOverMeeting => "call_over_meeting", Triggers:
        "Talks that the sentence tells as a call (`هاتفي`, `عبر الفيديو`) are a CALL, not a MEETING.",
    NegatedNotEvent => "negated_not_event", Modality:
        "A negated trigger is no event (`لم يلتق`, `نفى أن يكون ... قد التقى`, `رفضت ... بيع`).",
    HypotheticalNotEvent => "hypothetical_not_event", Modality:
        "A hypothetical trigger is no event (`ربما`, `قد تزود`, `زيارة محتملة`, `إذا`).",
    QuestionedNotEvent => "questioned_not_event", Modality:
        "A questioned trigger is no event (`هل يلتقي`, a question sentence ending in `؟`).",
    InvitationNotEvent => "invitation_not_event", Modality:
        "An invitation to, or a cancelled, event is no event (`دعا ... لزيارة`, `ألغى زيارة`).",
    GenericNotEvent => "generic_not_event", Modality:
        "A plural trigger qualified as past, various or habitual is no event (`لقاءاتهم السابقة`, `اجتماعات مختلفة`).",
    PlannedFuture => "planned_future", Modality:
        "A future verb, `من المقرر أن`, `على أن`, an intent or `المقبل` marks the event planned.",
    ReporterNotParticipant => "reporter_not_participant", Participants:
        "Who reports the event (`قال ... إن`, `أعلنت ... أن`) is not a participant.",
    TopicNotParticipant => "topic_not_participant", Participants:
        "An entity after `بشأن`, `حول`, `لصالح` or `تطورات` is a topic or a third party, not a participant.",
    PlaceNotParticipant => "place_not_participant", Participants:
        "A place after `في`, `إلى`, `ب` or `لدى` is where the event happened, not a participant.",
    OfficeCountryParticipant => "office_country_participant", Participants:
        "The country in a participant's office phrase is a participant on the same side (`وزير الدفاع الإيراني` → Iran), and the office's organization is not.",
    ParticipantByOffice => "participant_by_office", Participants:
        "An office phrase without a name stands for the nearest earlier person who holds that office (`الوزير الروسي`).",
    ImplicitSubject => "implicit_subject", Participants:
        "A verb trigger whose sentence names no person takes the nearest earlier person as its subject.",
    DateInClause => "date_in_clause", Attach:
        "The event's date is the date nearest its trigger in its clause, not one after `منذ` or before a reporting `إن`.",
    PlaceInClause => "place_in_clause", Attach:
        "The event's place is a place after `في`, `إلى` or `ب` in its clause (a visit's destination first).",
    MergeAnaphora => "merge_anaphora", Merge:
        "A trigger without participants (`هذه الزيارة`, `خلال الاجتماع`) belongs to the latest event of its kind.",
    MergeSameParticipants => "merge_same_participants", Merge:
        "Mentions of one kind sharing a named participant, with no conflicting date, are one event.",
    MergeSameDateCountry => "merge_same_date_country", Merge:
        "A mention dated like an event that names only countries, sharing one of them, tells the same event (a headline's `لقاء مصري سعودي` and the body's `التقى` of that day).",
    MergeKeepsSides => "merge_keeps_sides", Merge:
        "A country that a merged mention names joins the event only when the event has no other side for it already (the country itself, or a body keyed with it, `… (Iran)`), so `إيران` of a later sentence does not land on the counterpart's side of an Iranian agent.",
    NeedParticipant => "need_participant", Merge:
        "An event left without participants is dropped.",
}

impl Rule {
    /// The rule called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }

    const fn bit(self) -> u64 {
        1 << self as u32
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A name given to [`Config`] that no rule has.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown events rule `{name}` (rules: {})", rule_names())]
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

/// Which rules are on: a switch per [`Rule`]; the default is every rule.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Config(u64);

impl Config {
    /// Every rule on (the shipped extractor).
    pub const fn all() -> Config {
        let mut bits = 0;
        let mut k = 0;
        while k < Rule::ALL.len() {
            bits |= Rule::ALL[k].bit();
            k += 1;
        }
        Config(bits)
    }

    /// Every rule off: the lexicons alone.
    pub const fn none() -> Config {
        Config(0)
    }

    /// Whether `rule` is on.
    #[inline]
    pub const fn contains(self, rule: Rule) -> bool {
        self.0 & rule.bit() != 0
    }

    /// This config with `rule` on.
    #[must_use]
    pub const fn with(self, rule: Rule) -> Config {
        Config(self.0 | rule.bit())
    }

    /// This config with `rule` off.
    #[must_use]
    pub const fn without(self, rule: Rule) -> Config {
        Config(self.0 & !rule.bit())
    }

    /// Every rule but those named.
    pub fn from_names_off(names: &[&str]) -> Result<Config, UnknownRule> {
        names.iter().try_fold(Config::all(), |c, name| {
            let mut c = c;
            c.set(name, false)?;
            Ok(c)
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

    /// The rules that are on, in registry order.
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(move |r| self.contains(*r))
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::all()
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let off: Vec<&str> = Rule::ALL
            .iter()
            .filter(|r| !self.contains(**r))
            .map(|r| r.name())
            .collect();
        if off.is_empty() {
            f.write_str("Config(all)")
        } else {
            write!(f, "Config(all but {})", off.join(", "))
        }
    }
}
