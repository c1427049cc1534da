//! Named-entity tagging, gazetteers and linking for Arabic news.
//!
//! The primary types:
//! - [`Tagger`]: loads the embedded model once (`Send + Sync`) and tags a
//!   document: [`Tagger::tag`] returns [`Entity`]s with byte [`Span`]s into
//!   the input. [`tag`] uses a process-wide tagger.
//! - [`Entity`]: `span`, `text`, [`Label`], `canonical` (one key for every
//!   spelling of the entity), `kb_id`, `title` (rank or honorific before a
//!   person), `score`, `value` for dates, and [`Source`]: the layer that
//!   produced it (`model`, `gazetteer`, `rule:<name>`, `propagated`,
//!   `dates`).
//! - [`Label`]: PERSON, ORG, GPE, LOC, NORP, EQUIPMENT, DATE, MISC.
//! - [`rules`]: every rule of the tagger by name, in the order it runs
//!   ([`rules::REGISTRY`]); [`Tagger::with_rules`] switches rules off for
//!   ablations ([`rules::RuleSet`]).
//! - [`Tagger::train`]: a tagger trained on your CoNLL data (BIO tags of
//!   PERS, LOC, ORG, MISC) with the shipped gazetteers and rules
//!   ([`training::TrainOptions`]; the defaults are the shipped model's
//!   recipe), saved and loaded with [`Tagger::to_bytes`] and
//!   [`Tagger::from_bytes`] (errors: [`training::ModelError`]), scored with
//!   [`Tagger::evaluate`] ([`eval::Score`]).
//! - [`eval`]: the CoNLL reader (strict: a bad line is an error naming it)
//!   and the conlleval-style scorer. The experiments that trained the
//!   shipped model (`cargo run --release -p khabar-tag-lab --example
//!   train`, ANERcorp, CAMeL split) live in the unpublished
//!   `khabar-tag-lab` crate.
//!
//! How it works: the text is split into word tokens, each normalized with
//! khabar-normalize's search profile and given a light proclitic analysis
//! (`وبالعراق` = `وب` + `ال` + `عراق`). A structured perceptron (the mean
//! of 7 averaged perceptrons trained on different sentence orders) with
//! Viterbi decoding over BILOU labels runs twice: pass 1 on local features
//! (words, stems, affixes, shape, gazetteer membership, the train lexicon,
//! cue words such as given names, titles and organization heads; with a
//! bias towards entities, so that it misses fewer names), pass 2 adding
//! how the same stem was tagged elsewhere in the document; rare words
//! tagged once are then propagated to their bare repeats. Features are
//! 64-bit hashes of a template and the token's precomputed string hashes,
//! looked up in one table of quantized weights for both passes. Scores are
//! the label's probability at a temperature fitted on held-back train. Rule
//! layers ([`rules`]) then add nationality adjectives (NORP), split LOC into GPE and
//! LOC, find equipment and dates (from `khabar_dates`), cut
//! titles out of person spans and link mentions to the gazetteer's English
//! names (countries, cities, organizations, clubs, companies, currencies,
//! prizes, events) or to the fullest mention of the same person.
//!
//! Span convention: proclitics `و ف ب ل ك` stay outside the span, the
//! article `ال` stays inside, after `لل` the span starts at the stem, titles
//! and ranks are outside PERSON spans, and the longest name wins.
//!
//! # Example: tag a sentence
//!
//! ```
//! use khabar_tag::{Label, Tagger};
//!
//! let text = "استقبل اللواء محمد حسين باقري في طهران السفير الأذربيجاني.";
//! let tagger = Tagger::global();
//! let ents = tagger.tag(text);
//! let person = ents.iter().find(|e| e.label == Label::Person).unwrap();
//! assert_eq!(person.text, "محمد حسين باقري");
//! assert_eq!(person.title.as_deref(), Some("اللواء"));
//! assert_eq!(&text[person.span], person.text);
//! let norp = ents.iter().find(|e| e.label == Label::Norp).unwrap();
//! assert_eq!(norp.text, "الأذربيجاني");
//! assert_eq!(norp.canonical, "Azerbaijan");
//! ```
//!
//! # Example: proclitics stay outside, spellings share a key
//!
//! ```
//! use khabar_tag::{tag, Label};
//!
//! let text = "زار الوزير باكو وأذربيجان، ثم عاد إلى اذربيجان.";
//! let gpe: Vec<_> = tag(text).into_iter().filter(|e| e.label == Label::Gpe).collect();
//! let texts: Vec<&str> = gpe.iter().map(|e| e.text.as_str()).collect();
//! assert_eq!(texts, ["باكو", "أذربيجان", "اذربيجان"]);
//! assert_eq!(gpe[1].canonical, gpe[2].canonical);
//! ```
//!
//! # Example: dates carry their value
//!
//! ```
//! use khabar_tag::{tag, Label};
//!
//! let ents = tag("وصل الوفد يوم السبت 22 كانون الثاني 2022.");
//! let date = ents.iter().find(|e| e.label == Label::Date).unwrap();
//! assert_eq!(date.value.as_deref(), Some("2022-01-22"));
//! ```
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize` for [`Entity`], [`Label`] and [`Source`]
//!   (and `Deserialize` for [`Label`] and [`Source`]).
//! - `research`: unstable internals for the `khabar-tag-lab` crate, hidden
//!   from these docs and outside the semver promise.

#![deny(missing_docs)]
// Feature templates and Viterbi use short index names (`i`, `j`, `k`, `l`)
// and signed window offsets over token indices that never approach
// `isize::MAX`; report tables are built with `format!` pushes.
#![allow(
    clippy::many_single_char_names,
    clippy::cast_possible_wrap,
    clippy::format_push_string
)]

mod augment;
mod candidate;
mod candidates;
mod conll;
mod entity;
mod error;
pub mod eval;
mod features;
mod format;
mod gazetteer;
mod hash;
mod labels;
mod learn;
mod link;
mod model;
mod names;
#[cfg(feature = "research")]
#[doc(hidden)]
pub mod research;
mod resolve;
pub mod rules;
mod seq;
mod tagger;
mod token;
pub mod training;
mod weights;
mod words;

pub use entity::{Entity, Label, Role, Source};

/// Whether the name tables list the search-normalized word `norm` as a
/// given name or a surname (`فاطمه`, `عليزاده`): for rules above the
/// tagger that must tell a name the tagger missed from an ordinary word.
pub fn is_name_part(norm: &str) -> bool {
    names::Names::global().word(norm) & (names::bits::GIVEN | names::bits::SURNAME) != 0
}
pub use khabar_normalize::Span;
pub use tagger::{tag, Tagger};
pub use words::{Tagged, Word};
