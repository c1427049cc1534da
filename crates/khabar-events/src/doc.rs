//! The document as the rules see it: the tagger's words, sentences and
//! entities, with indexes between them.

use std::ops::Range;

use khabar_tag::{Entity, Label, Word};

use crate::lexicon::{push_forms, Form};
use crate::rules::{Config, Rule};

/// No entity at a word.
const NONE: u32 = u32::MAX;

/// A document under extraction.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub words: &'a [Word],
    pub sents: &'a [Range<usize>],
    pub ents: &'a [Entity],
    pub config: Config,
    /// The readings of each word.
    /// The readings of every word, one after the other ...
    forms: Vec<Form<'a>>,
    /// ... word `i`'s are `forms[form_at[i]..form_at[i + 1]]`.
    form_at: Vec<u32>,
    /// The entity that overlaps each word.
    word_ent: Vec<u32>,
    /// The words of each entity (empty when none).
    pub ent_words: Vec<Range<usize>>,
    /// The sentence of each word.
    pub word_sent: Vec<u32>,
    /// Words that are the title (rank, honorific) of the person after them.
    pub title_word: Vec<bool>,
}

/// Prepositions and particles as written, which the tagger sometimes takes
/// for a name after an office (`وزير الدفاع الأذربيجاني على أن`): `على` with
/// its alef maksura is never the name `علي`.
const FUNCTION_WORDS: &[&str] = &["على", "عن", "إلى", "الى", "أن", "إن", "في", "من", "مع"];

/// Whether `e` is a PERSON that is only a function word.
fn function_word_person(e: &Entity) -> bool {
    e.label == Label::Person && FUNCTION_WORDS.contains(&e.text.as_str())
}

impl<'a> Doc<'a> {
    pub(crate) fn new(
        text: &'a str,
        words: &'a [Word],
        sents: &'a [Range<usize>],
        ents: &'a [Entity],
        config: Config,
    ) -> Doc<'a> {
        let mut forms = Vec::with_capacity(words.len() * 2);
        let mut form_at = Vec::with_capacity(words.len() + 1);
        for w in words {
            form_at.push(forms.len() as u32);
            push_forms(&w.norm, &mut forms);
        }
        form_at.push(forms.len() as u32);
        let mut word_sent = vec![0u32; words.len()];
        for (k, s) in sents.iter().enumerate() {
            for slot in word_sent.get_mut(s.clone()).unwrap_or(&mut []) {
                *slot = k as u32;
            }
        }
        let mut word_ent = vec![NONE; words.len()];
        let mut ent_words = vec![0..0; ents.len()];
        let mut title_word = vec![false; words.len()];
        for (k, e) in ents.iter().enumerate() {
            if config.contains(Rule::FunctionWordNotPerson) && function_word_person(e) {
                continue;
            }
            let first = words.partition_point(|w| w.span.end <= e.span.start);
            let mut last = first;
            while last < words.len() && words[last].span.start < e.span.end {
                if word_ent[last] == NONE {
                    word_ent[last] = k as u32;
                }
                last += 1;
            }
            ent_words[k] = first..last;
            if let (Label::Person, Some(title)) = (e.label, &e.title) {
                let n = title.split_whitespace().count();
                for slot in title_word
                    .get_mut(first.saturating_sub(n)..first)
                    .unwrap_or(&mut [])
                {
                    *slot = true;
                }
            }
        }
        Doc {
            text,
            words,
            sents,
            ents,
            config,
            forms,
            form_at,
            word_ent,
            ent_words,
            word_sent,
            title_word,
        }
    }

    /// Whether `rule` is on.
    pub fn on(&self, rule: Rule) -> bool {
        self.config.contains(rule)
    }

    /// The readings of word `i` (none past the end).
    pub fn forms(&self, i: usize) -> &[Form<'a>] {
        match (self.form_at.get(i), self.form_at.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.forms[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The normalized word `i` (empty past the end).
    pub fn norm(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.norm.as_str())
    }

    /// The entity overlapping word `i`.
    pub fn ent_at(&self, i: usize) -> Option<usize> {
        self.word_ent
            .get(i)
            .filter(|&&k| k != NONE)
            .map(|&k| k as usize)
    }

    /// The entity that starts at word `i`.
    pub fn ent_starting(&self, i: usize) -> Option<usize> {
        self.ent_at(i).filter(|&k| self.ent_words[k].start == i)
    }

    /// The label of the entity at word `i`.
    pub fn label_at(&self, i: usize) -> Option<Label> {
        self.ent_at(i).map(|k| self.ents[k].label)
    }

    /// Whether word `i` is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.norm(i).chars().all(|c| !c.is_alphanumeric())
    }

    /// Whether word `i` is a comma.
    pub fn is_comma(&self, i: usize) -> bool {
        matches!(self.norm(i), "،" | "," | "؛")
    }

    /// The country an entity names: a country or nationality (its key), a
    /// capital standing for its state, or an organization of a state
    /// (`Ministry of Foreign Affairs (Iran)`, `Kremlin`).
    pub fn country_of(&self, k: usize, capitals: bool) -> Option<&'a str> {
        let e = self.ents.get(k)?;
        match e.label {
            Label::Norp | Label::Gpe if is_country(e) => Some(e.canonical.as_str()),
            Label::Gpe if capitals => crate::office_words::capital_country(&e.canonical),
            Label::Org => crate::office_words::body_country(&e.canonical),
            _ => None,
        }
    }
}

/// Whether a GPE or NORP entity is a country (an ISO 3166 entry).
pub(crate) fn is_country(e: &Entity) -> bool {
    e.kb_id.as_deref().is_some_and(|id| id.starts_with("iso:"))
}
