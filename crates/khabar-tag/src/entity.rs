//! What the tagger returns: [`Entity`] and its [`Label`].

use khabar_normalize::Span;

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
    /// Dates, from `khabar_article::dates`.
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
    /// PERSON → `PERS`, ORG → `ORG`, MISC → `MISC`; NORP, EQUIPMENT and
    /// DATE have no ANERcorp counterpart (ANERcorp tags them `O`).
    pub const fn anercorp(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PERS"),
            Label::Org => Some("ORG"),
            Label::Gpe | Label::Loc => Some("LOC"),
            Label::Misc => Some("MISC"),
            Label::Norp | Label::Equipment | Label::Date => None,
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
}
