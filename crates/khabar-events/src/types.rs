//! What the extractor returns: [`Role`], [`Event`], [`Participant`],
//! [`EventKind`], gathered in [`Extraction`].

use khabar_normalize::Span;

pub use khabar_tag::Role;

/// The kinds of events ([`EVENT_KINDS`](crate::EVENT_KINDS) by name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "SCREAMING_SNAKE_CASE"))]
pub enum EventKind {
    /// An in-person meeting, reception, talks or negotiations.
    Meeting,
    /// A phone or video call.
    Call,
    /// A person or delegation travels to a place.
    Visit,
    /// An agreement, memorandum, treaty or contract, or sides agreeing.
    Agreement,
    /// Purchase, sale or delivery of weapons or military equipment.
    ArmsDeal,
    /// An ambassador or diplomat summoned or recalled.
    Summons,
    /// A military exercise, drill or manoeuvre.
    Exercise,
    /// People arrested, detained or sentenced.
    Arrest,
}

impl EventKind {
    /// Every kind, in the order of [`EVENT_KINDS`](crate::EVENT_KINDS).
    pub const ALL: [EventKind; 8] = [
        EventKind::Meeting,
        EventKind::Call,
        EventKind::Visit,
        EventKind::Agreement,
        EventKind::ArmsDeal,
        EventKind::Summons,
        EventKind::Exercise,
        EventKind::Arrest,
    ];

    /// The upper-case name (`MEETING`, `ARMS_DEAL`).
    pub const fn name(self) -> &'static str {
        match self {
            EventKind::Meeting => "MEETING",
            EventKind::Call => "CALL",
            EventKind::Visit => "VISIT",
            EventKind::Agreement => "AGREEMENT",
            EventKind::ArmsDeal => "ARMS_DEAL",
            EventKind::Summons => "SUMMONS",
            EventKind::Exercise => "EXERCISE",
            EventKind::Arrest => "ARREST",
        }
    }

    /// Parse a name written by [`EventKind::name`].
    pub fn from_name(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The participant roles of this kind: the first is the role of the
    /// side that acts (who meets, visits, buys, summons...), the second
    /// that of the other side.
    pub const fn roles(self) -> (&'static str, &'static str) {
        match self {
            EventKind::Meeting | EventKind::Call => ("agent", "counterpart"),
            EventKind::Visit => ("visitor", "host"),
            EventKind::Agreement => ("party", "party"),
            EventKind::ArmsDeal => ("buyer", "seller"),
            EventKind::Summons => ("summoner", "summoned"),
            EventKind::Exercise => ("agent", "agent"),
            EventKind::Arrest => ("agent", "arrested"),
        }
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Who takes part in an event, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Participant {
    /// Index of the entity in the document's entities.
    pub entity: usize,
    /// The role (`agent`, `counterpart`, `visitor`, `host`, `party`,
    /// `buyer`, `seller`, `item`, `summoner`, `summoned`, `arrested`).
    pub role: &'static str,
}

/// One event of a document, merged over every sentence that tells it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Event {
    /// The kind.
    pub kind: EventKind,
    /// The first trigger as written (`استقبل`).
    pub text: String,
    /// Byte span of the first trigger.
    pub span: Span,
    /// Byte spans of every trigger of the event, in text order.
    pub mentions: Vec<Span>,
    /// The participants, in text order of their first mention.
    pub participants: Vec<Participant>,
    /// The date as an ISO value (as DATE entities give it), from a date in
    /// the event's clause.
    pub date: Option<String>,
    /// Index of the GPE or LOC entity where it happened (a visit's
    /// destination).
    pub place: Option<usize>,
    /// Announced as still to come (`سيلتقي`, `من المقرر أن`).
    pub planned: bool,
    /// A confidence in `[0, 1]`.
    pub score: f32,
}

/// Roles and events of a document.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Extraction {
    /// One slot per entity of the document: the role of a PERSON mention
    /// whose office its sentence states.
    pub roles: Vec<Option<Role>>,
    /// The events, in text order of their first trigger.
    pub events: Vec<Event>,
}
