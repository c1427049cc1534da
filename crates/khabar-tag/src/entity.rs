//! What the tagger returns: [`Entity`] and its [`Label`].

use khabar_normalize::Span;

use crate::rules::Rule;

/// Entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Label {
    /// People (`محمد حسين باقري`), without titles.
    Person,
    /// Organizations (`وزارة الدفاع`, `حلف شمال الأطلسي`).
    Org,
    /// Countries, cities, provinces, official state names.
    Gpe,
    /// Regions and geographic features (`القوقاز`, `بحر قزوين`).
    Loc,
    /// Nationality adjectives and nouns (`الإيراني`, `الروس`).
    Norp,
    /// Named weapon systems, aircraft, vehicles (`إس 300`, `بيرقدار`).
    Equipment,
    /// Dates, from `khabar_dates`.
    Date,
    /// Other names (events, products, languages…).
    Misc,
}

impl Label {
    /// All labels.
    pub const ALL: [Label; 8] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Equipment,
        Label::Date,
        Label::Misc,
    ];

    /// The upper-case name (`PERSON`, `ORG`, …).
    pub const fn name(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Equipment => "EQUIPMENT",
            Label::Date => "DATE",
            Label::Misc => "MISC",
        }
    }

    /// Parse a name written by [`Label::name`].
    pub fn from_name(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.name() == s)
    }

    /// The ANERcorp type this label is scored as: GPE and LOC → `LOC`,
    /// PERSON → `PERS`, ORG → `ORG`, MISC and EQUIPMENT → `MISC` (ANERcorp
    /// has named products and weapons as MISC); NORP and DATE have no
    /// ANERcorp counterpart (ANERcorp tags them `O`).
    pub const fn anercorp(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PERS"),
            Label::Org => Some("ORG"),
            Label::Gpe | Label::Loc => Some("LOC"),
            Label::Misc | Label::Equipment => Some("MISC"),
            Label::Norp | Label::Date => None,
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A named entity found in a text.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entity {
    /// Byte span in the input: `&text[e.span] == e.text`.
    pub span: Span,
    /// The surface text (proclitics and titles excluded).
    pub text: String,
    /// The entity type.
    pub label: Label,
    /// A key shared by every spelling of the same entity: the English name
    /// for gazetteer entries (`Azerbaijan` for both `أذربيجان` and
    /// `الأذربيجانية`), otherwise the normalized form of the fullest mention
    /// in the text (`باقري` → `محمد حسين باقري`).
    pub canonical: String,
    /// Identifier in the gazetteer's source, when there is one (`iso:AZ`,
    /// `geonames:587084`).
    pub kb_id: Option<String>,
    /// Title or rank before a person (`العميد الركن`, `اللواء`).
    pub title: Option<String>,
    /// A confidence in `[0, 1]`. For the model's entities, the mean over
    /// the span's tokens of the label's probability (calibrated on held-back
    /// ANERcorp: spans under 0.5 are right about half the time, over 0.97
    /// about 96%); gazetteer-only entities 0.9, rule entities 0.5–0.6,
    /// dates 1.0.
    pub score: f32,
    /// For DATE: the ISO 8601 value (`2022-01-22`, `--01-22`).
    pub value: Option<String>,
    /// The layer that produced the entity ([`Source`]: `model`,
    /// `gazetteer`, `rule:<name>`, `propagated`, `dates`).
    pub source: Source,
    /// For a PERSON: the office its sentence states (set by the roles and
    /// events pass of the `khabar` pipeline; `None` from the tagger alone).
    pub role: Option<Role>,
}

/// The office a person holds, as the sentence states it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Role {
    /// The office phrase as written (`سفير أذربيجان لدى طهران`).
    pub text: String,
    /// Byte span of the phrase in the text.
    pub span: Span,
    /// The office, one of `khabar_events::OFFICES` (`ambassador`).
    pub office: &'static str,
    /// The canonical key of the country the office belongs to, when the
    /// phrase says it (`Azerbaijan`); never guessed.
    pub of: Option<String>,
}

/// The layer of the tagger that produced an entity: the one that decided
/// its span and label. `as_str` (and serde) spell it as a string:
///
/// - `model`: a span and label of the statistical model (`إيمانويل
///   ماكرون` PERSON), also when the gazetteer only adds its link (a model
///   ORG `وزارة الدفاع` linked to Ministry of Defence).
/// - `gazetteer`: a gazetteer match (`أذربيجان` GPE), or a model span whose
///   label the gazetteer changed (a model LOC `موسكو` that the gazetteer
///   knows as a city is a GPE; a model PERSON `الموساد` is the ORG).
/// - `rule:<name>`: a rule of [`crate::rules`] made the entity, extended
///   its span or changed its label (`rule:gpe_hidden_by_stop_word` for
///   `مالي` in `في مالي`, `rule:org_takes_nisba` for `وزارة الدفاع
///   الأذربيجانية`, `rule:loc_or_gpe_by_head` for a model LOC read as a
///   city).
/// - `propagated`: a rare word the model tagged elsewhere in the document,
///   repeated bare (`غريفيث` after `مارتن غريفيث`; rule `propagate`).
/// - `dates`: a date expression (`22 كانون الثاني 2022`).
///
/// Cutting a span does not change its source: a title moved out of a
/// person span (`العميد`), a proclitic (`و`), a Latin tail (`CEO`), or the
/// second of two persons joined by `و` split off (that one is
/// `rule:person_split_at_conjunction`).
///
/// ```
/// use khabar_tag::{Source, Tagger};
///
/// let ents = Tagger::global().tag("قتل ثلاثة جنود في مالي أمس.");
/// let mali = ents.iter().find(|e| e.text == "مالي").unwrap();
/// assert_eq!(mali.source.as_str(), "rule:gpe_hidden_by_stop_word");
/// assert_eq!(Source::from_name("gazetteer"), Some(Source::Gazetteer));
/// assert_eq!(Source::from_name(mali.source.as_str()), Some(mali.source));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// The statistical model (`model`).
    Model,
    /// The gazetteer (`gazetteer`).
    Gazetteer,
    /// A rule (`rule:<name>`).
    Rule(Rule),
    /// The model's tag of the same rare word elsewhere in the document
    /// (`propagated`).
    Propagated,
    /// The date layer (`dates`).
    Dates,
}

impl Source {
    /// The source as a string: `model`, `gazetteer`, `rule:<name>`,
    /// `propagated`, `dates`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Model => "model",
            Source::Gazetteer => "gazetteer",
            Source::Rule(r) => r.source_name(),
            Source::Propagated => "propagated",
            Source::Dates => "dates",
        }
    }

    /// Parse a string written by [`Source::as_str`].
    pub fn from_name(s: &str) -> Option<Source> {
        match s {
            "model" => Some(Source::Model),
            "gazetteer" => Some(Source::Gazetteer),
            "propagated" => Some(Source::Propagated),
            "dates" => Some(Source::Dates),
            _ => Rule::from_name(s.strip_prefix("rule:")?).map(Source::Rule),
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Source::from_name(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown entity source `{s}`")))
    }
}
