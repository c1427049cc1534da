//! Roles and events in Arabic news: who holds which office, and what
//! happened between whom.
//!
//! Above [`khabar_tag`]: the extractor reads the tagger's entities, words
//! and sentences ([`khabar_tag::Tagged`], so nothing is tokenized twice)
//! and returns an [`Extraction`]:
//! - [`Role`]s: a PERSON mention whose office its sentence states
//!   (`ذاكر حسنوف، وزير الدفاع الأذربيجاني`) gets the office phrase, the
//!   `office` (one of [`OFFICES`]) and `of`, the country the phrase names.
//! - [`Event`]s of the kinds of [`EVENT_KINDS`] ([`EventKind`]): triggers
//!   from a lexicon per kind, participants ([`Participant`]: an entity
//!   index and a role), the date and place of the trigger's clause,
//!   `planned`; negated, hypothetical and questioned mentions are no
//!   events, and mentions of one occurrence are merged.
//!
//! Every decision is a named rule ([`rules::Rule`], in the order of
//! [`rules::REGISTRY`]), switchable by name ([`rules::Config`]); the rule
//! table `tests/data/event_rules.toml` shows each one at work. The
//! annotation guideline is `docs/events-guideline.md`; the scorer over
//! its fixtures is `cargo run --release -p khabar-benches --example
//! score_events`.
//!
//! # Example
//!
//! ```
//! let text = "استقبل وزير الدفاع الإيراني محمد رضا آشتياني في طهران، السبت، نظيره الأذربيجاني ذاكر حسنوف.";
//! let (tagged, found) = khabar_events::analyze(text, None);
//! let hasanov = tagged.entities.iter().position(|e| e.text == "ذاكر حسنوف").unwrap();
//! let role = found.roles[hasanov].as_ref().unwrap();
//! assert_eq!((role.office, role.of.as_deref()), ("minister of defence", Some("Azerbaijan")));
//! let meeting = &found.events[0];
//! assert_eq!(meeting.kind.name(), "MEETING");
//! assert_eq!(meeting.text, "استقبل");
//! assert!(meeting.participants.iter().any(|p| p.entity == hasanov));
//! let place = meeting.place.map(|k| tagged.entities[k].text.as_str());
//! assert_eq!(place, Some("طهران"));
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize` for the types.

#![deny(missing_docs)]
// Rules read word windows with short index names (`i`, `j`, `k` for words
// and entities, `f` a trigger, `s` a sentence, `c` a clause) and signed
// offsets over word indices that never approach `isize::MAX`.
#![allow(
    clippy::many_single_char_names,
    clippy::cast_possible_wrap,
    clippy::similar_names
)]

mod attach;
mod doc;
mod lexicon;
mod merge;
mod modality;
mod office_words;
mod offices;
mod participants;
pub mod rules;
mod triggers;
mod types;

use khabar_dates::Date;
use khabar_normalize::Span;
use khabar_tag::{Tagged, Tagger};

pub use office_words::{country_of, OFFICES};
pub use triggers::EVENT_KINDS;
pub use types::{Event, EventKind, Extraction, Participant, Role};

use doc::Doc;
use merge::Mention;
use rules::Config;

/// Roles and events of `text`, from what the tagger found in it (the
/// tagger's [`Tagged`] of the same text), with every rule on.
pub fn extract(text: &str, tagged: &Tagged) -> Extraction {
    extract_with(text, tagged, Config::all())
}

/// [`extract`] with only the rules of `config` on.
pub fn extract_with(text: &str, tagged: &Tagged, config: Config) -> Extraction {
    let doc = Doc::new(
        text,
        &tagged.words,
        &tagged.sentences,
        &tagged.entities,
        config,
    );
    let offices = offices::find_offices(&doc);
    let roles = offices::roles(&doc, &offices);
    let mut mentions = Vec::new();
    for s in doc.sents {
        let found = triggers::find(&doc, s.clone());
        for f in &found {
            if modality::not_event(&doc, f, s).is_some() {
                continue;
            }
            let f = *f;
            let c = participants::clause(&doc, &f, s, &found);
            let cands = participants::participants(&doc, &offices, &roles, &f, &c);
            mentions.push(Mention {
                kind: f.trigger.kind,
                span: trigger_span(&doc, &f),
                participants: merge::roles_of(f.trigger.kind, &cands),
                date: attach::date(&doc, &f, &c, s),
                place: attach::place(&doc, &offices, &f, &c),
                planned: modality::planned(&doc, &f, s),
                anaphoric: modality::anaphoric(&doc, &f),
            });
        }
    }
    let events = merge::merge(&doc, mentions);
    Extraction { roles, events }
}

/// The bytes of a trigger without its proclitics.
fn trigger_span(doc: &Doc<'_>, f: &triggers::Found) -> Span {
    let first = &doc.words[f.word];
    let last = &doc.words[f.word + f.len - 1];
    let w = &doc.text[first.span.start..first.span.end];
    let mut letters = usize::from(f.strip) - usize::from(f.future);
    let mut skip = 0;
    for c in w.chars() {
        let mark = matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
        if letters == 0 && !mark {
            break;
        }
        if !mark {
            letters -= 1;
        }
        skip += c.len_utf8();
    }
    Span::new(first.span.start + skip, last.span.end)
}

/// Tag `text` with the process-wide tagger (dates resolved against
/// `reference`, the publication date) and extract its roles and events.
pub fn analyze(text: &str, reference: Option<Date>) -> (Tagged, Extraction) {
    let tagged =
        Tagger::global().tag_words_with_dates(text, khabar_dates::find_dates(text, reference));
    let found = extract(text, &tagged);
    (tagged, found)
}
