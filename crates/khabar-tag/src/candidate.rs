//! What the rules work on: candidate spans of a sentence ([`Cand`]), what a
//! rule may read ([`Ctx`]), and the entities of a document before linking
//! ([`Mention`]).

use crate::entity::{Entity, Label, Source};
use crate::gazetteer::{Entry, Gazetteer};
use crate::model::Model;
use crate::rules::{Precedence, Rule, RuleSet};

/// A candidate span: a token range of one sentence.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub label: Label,
    /// The entity's score (see [`Entity::score`]).
    pub score: f32,
    /// The gazetteer entry that names it, when one does.
    pub entry: Option<&'static Entry>,
    /// How it fares against another candidate of the same length.
    pub precedence: Precedence,
    /// Kept only where the model has the same span (see
    /// `city_needs_model`, `common_word_org_needs_context`).
    pub needs_model: bool,
    /// Proclitic letters to skip, when the gazetteer match decided it.
    pub strip: Option<u8>,
    /// The nationality an organization took (`وزارة الدفاع` +
    /// `الأذربيجانية`): its country qualifies the organization's link.
    pub of: Option<&'static Entry>,
    /// The layer that decided the span and label so far.
    pub source: Source,
}

impl Cand {
    /// A candidate made by `rule` over tokens `start..end`, with no
    /// gazetteer entry.
    pub fn by_rule(rule: Rule, start: usize, end: usize, label: Label, score: f32) -> Cand {
        Cand {
            start,
            end,
            label,
            score,
            entry: None,
            precedence: Precedence::Gazetteer,
            needs_model: false,
            strip: None,
            of: None,
            source: Source::Rule(rule),
        }
    }
}

/// What a rule may read besides the tokens: the text, the gazetteer, the
/// model's train lexicon and the switches.
pub(crate) struct Ctx<'a> {
    /// The whole input text (token spans index it).
    pub text: &'a str,
    pub gaz: &'static Gazetteer,
    /// Pass 1, which holds the train lexicon.
    pub model: &'a Model,
    pub rules: RuleSet,
}

impl Ctx<'_> {
    /// Whether `rule` is on.
    #[inline]
    pub fn on(&self, rule: Rule) -> bool {
        self.rules.contains(rule)
    }

    /// Whether `w` is a word the model knows ([`crate::seq::known_word`]).
    pub fn known(&self, w: &str) -> bool {
        crate::seq::known_word(self.model, &self.model.lex, w)
    }

    /// Whether ANERcorp train has word `w`, mostly outside names.
    pub fn common(&self, w: &str) -> bool {
        crate::seq::common_word(&self.model.lex, w)
    }

    /// Whether ANERcorp train has word `w` more than once, mostly outside
    /// names.
    pub fn common_seen_twice(&self, w: &str) -> bool {
        crate::seq::common_word_seen_twice(&self.model.lex, w)
    }
}

/// An entity of the document and the normalized words of its span (its
/// first word without the proclitics the span skips), which its key is
/// made of.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub entity: Entity,
    pub norm: Vec<String>,
}

/// Which tokens of a sentence of `n` tokens the chosen spans cover.
pub(crate) fn covered(n: usize, chosen: &[Cand]) -> Vec<bool> {
    let mut covered = vec![false; n];
    for c in chosen {
        for x in covered.iter_mut().take(c.end.min(n)).skip(c.start) {
            *x = true;
        }
    }
    covered
}

/// The chosen one-token NORP span at token `k`, if any.
pub(crate) fn norp_at(chosen: &[Cand], k: usize) -> Option<usize> {
    chosen
        .iter()
        .position(|c| c.start == k && c.end == k + 1 && c.label == Label::Norp)
}
