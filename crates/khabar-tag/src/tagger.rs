//! The public tagger: tokens → two-pass model → candidate spans →
//! entities on the original text, through the stages of
//! [`REGISTRY`](crate::rules::REGISTRY): model, candidates, choice, span
//! rules, entities, then dates and linking over the document.

use std::sync::{Arc, LazyLock};

use khabar_dates::{find_dates, Date, DateMention};

use crate::candidate::{Cand, Ctx};
use crate::entity::Entity;
use crate::format::{embedded, model_bytes, parse_models, MODEL_VERSION};
use crate::gazetteer::Gazetteer;
use crate::model::Model;
use crate::rules::{dates, linking, Rule, RuleSet};
use crate::seq::tag_doc_scored;
use crate::token::{tokenize, Token};
use crate::weights::JointTable;
use crate::words::Tagged;

/// The entity tagger. Load once ([`Tagger::new`] or [`Tagger::global`]) and
/// share: it is `Send + Sync` and tagging never mutates it. A clone shares
/// the model.
#[derive(Clone, Debug)]
pub struct Tagger {
    models: Arc<Models>,
    gaz: &'static Gazetteer,
    rules: RuleSet,
}

/// The two passes of the model and the joint table of both.
#[derive(Debug)]
struct Models {
    p1: Model,
    p2: Option<Model>,
    joint: Option<JointTable>,
}

static GLOBAL: LazyLock<Tagger> = LazyLock::new(Tagger::new);

impl Default for Tagger {
    fn default() -> Self {
        Self::new()
    }
}

/// Sentence-final tokens.
fn ends_sentence(t: &Token) -> bool {
    matches!(t.norm.as_str(), "." | "!" | "?" | "؟" | "…")
}

/// The sentences of `text`: split at final punctuation and at line
/// breaks, at most 256 tokens long so that one huge line stays linear.
fn sentences(text: &str) -> Vec<Vec<Token>> {
    let mut sents: Vec<Vec<Token>> = Vec::new();
    let mut cur: Vec<Token> = Vec::new();
    let mut last_end = 0;
    for t in tokenize(text) {
        let gap = text.get(last_end..t.span.start).unwrap_or("");
        if !cur.is_empty() && (gap.contains('\n') || cur.len() >= 256) {
            sents.push(std::mem::take(&mut cur));
        }
        last_end = t.span.end;
        let fin = ends_sentence(&t);
        cur.push(t);
        if fin {
            sents.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    sents
}

impl Tagger {
    /// Load the embedded model (about 50 ms), with every rule on. An
    /// unreadable model (never the case for a released crate) leaves only
    /// the gazetteer and the rules.
    pub fn new() -> Tagger {
        let (p1, p2) = embedded().unwrap_or_default();
        Self::from_models(p1, p2)
    }

    /// A tagger over given models, with every rule on.
    pub(crate) fn from_models(p1: Model, p2: Option<Model>) -> Tagger {
        let joint = p2.as_ref().map(|m| JointTable::build(&p1.table, &m.table));
        Tagger {
            models: Arc::new(Models { p1, p2, joint }),
            gaz: Gazetteer::global(),
            rules: RuleSet::all(),
        }
    }

    /// This tagger (the same model, shared) with only the rules of `rules`
    /// on: for ablations (what each rule does and costs). The shipped
    /// tagger has every rule on ([`RuleSet::all`]).
    ///
    /// ```
    /// use khabar_tag::rules::{Rule, RuleSet};
    /// use khabar_tag::Tagger;
    ///
    /// let text = "استقبل العميد الركن محمد حسين باقري في طهران السفير.";
    /// let title = |t: &Tagger| t.tag(text).into_iter().find_map(|e| e.title);
    /// assert_eq!(title(Tagger::global()).as_deref(), Some("العميد الركن"));
    /// let rules = RuleSet::all().without(Rule::TitleOutsidePerson);
    /// assert_eq!(title(&Tagger::global().clone().with_rules(rules)), None);
    /// ```
    #[must_use]
    pub fn with_rules(mut self, rules: RuleSet) -> Tagger {
        self.rules = rules;
        self
    }

    /// The rules that are on.
    pub fn rules(&self) -> RuleSet {
        self.rules
    }

    /// Train a tagger on CoNLL data (`token tag` per line, a blank line
    /// after each sentence; BIO tags of PERS or PER, LOC, ORG, MISC), with
    /// the gazetteers, cue words and rule layers of the shipped tagger. The
    /// shipped model is this on ANERcorp train with the default options.
    /// Takes seconds per 100,000 tokens (the averaged perceptrons train on
    /// their own threads).
    ///
    /// ```
    /// use khabar_tag::{training::TrainOptions, Label, Tagger};
    /// let conll = "زار B-PERS\nسامي I-PERS\nبغداد B-LOC\n\nالتقى O\nسامي B-PERS\nفي O\nبغداد B-LOC\n";
    /// let options = TrainOptions { bag: 1, ..TrainOptions::default() };
    /// let tagger = Tagger::train(conll, &options).unwrap();
    /// let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
    /// assert_eq!(tagger.tag("وصل سامي"), again.tag("وصل سامي"));
    /// assert!(Tagger::train("زار B-PER\nسامي I-NAME\n", &options).is_err());
    /// ```
    pub fn train(
        conll: &str,
        options: &crate::training::TrainOptions,
    ) -> Result<Tagger, crate::error::ModelError> {
        let sents = crate::conll::read_conll(conll)?;
        let (p1, p2) = crate::training::train_models(&sents, options)?;
        Ok(Self::from_models(p1, p2))
    }

    /// Score the tagger's statistical layer on CoNLL data (the format of
    /// [`Tagger::train`]): exact-span precision, recall and F1 per type
    /// (PERS, LOC, ORG, MISC), conlleval rules, on the data's own tokens.
    /// This is the headline ANERcorp figure in BENCHMARKS.md. Rule layers
    /// and the NORP, GPE/LOC, EQUIPMENT and DATE labels are left out,
    /// because CoNLL data has no tags for them.
    pub fn evaluate(&self, conll: &str) -> Result<crate::eval::Score, crate::error::ModelError> {
        let sents = crate::conll::read_conll(conll)?;
        let mut corpus =
            crate::learn::Corpus::new(&sents, crate::learn::Config::default().doc_size);
        corpus.propagate = self.rules.contains(Rule::Propagate);
        let all: Vec<usize> = (0..corpus.len()).collect();
        let m = &self.models;
        Ok(crate::learn::evaluate(&corpus, &all, &m.p1, m.p2.as_ref()))
    }

    /// Score the whole tagger (model, gazetteers and every rule that is
    /// on) in document context on CoNLL data: consecutive runs of
    /// `sentences_per_text` sentences are joined into one text each
    /// (tokens separated by spaces, sentences by newlines) and tagged as a
    /// document, as an article would be; an entity labels every CoNLL token
    /// it overlaps (B- on the first), with PERSON → PERS, GPE and LOC →
    /// LOC, ORG → ORG, MISC and EQUIPMENT → MISC, the rest O; exact spans,
    /// conlleval rules. Issue 17 scores ANERcorp test this way with 50
    /// sentences a text.
    ///
    /// ```
    /// use khabar_tag::Tagger;
    /// let conll = "زار O\nمحمود B-PERS\nعباس I-PERS\nبغداد B-LOC\n. O\n";
    /// let s = Tagger::global().evaluate_in_context(conll, 50).unwrap();
    /// assert_eq!(s.by_type["LOC"].tp, 1);
    /// assert!(Tagger::global().evaluate_in_context("زار B-NAME\n", 50).is_err());
    /// ```
    pub fn evaluate_in_context(
        &self,
        conll: &str,
        sentences_per_text: usize,
    ) -> Result<crate::eval::Score, crate::error::ModelError> {
        let sents = crate::conll::read_conll(conll)?;
        let idx: Vec<usize> = (0..sents.len()).collect();
        Ok(crate::eval::score_in_context(
            &sents,
            &idx,
            sentences_per_text,
            self,
        ))
    }

    /// The tagger's model in the model file format (what
    /// [`Tagger::from_bytes`] reads; the shipped model is such a file).
    pub fn to_bytes(&self) -> Vec<u8> {
        model_bytes(&self.models.p1, self.models.p2.as_ref())
    }

    /// A tagger over a model file written by [`Tagger::to_bytes`] (or the
    /// `train` example), with the built-in gazetteers and rules.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, crate::error::ModelError> {
        let (p1, p2) = parse_models(bytes).ok_or(crate::error::ModelError::Format {
            version: MODEL_VERSION,
        })?;
        Ok(Self::from_models(p1, p2))
    }

    /// A process-wide tagger, loaded on first use.
    pub fn global() -> &'static Tagger {
        &GLOBAL
    }

    /// Tag `text` (a whole article is one document: repeated names are made
    /// consistent across it). Dates are resolved without a reference date.
    pub fn tag(&self, text: &str) -> Vec<Entity> {
        self.tag_with_reference(text, None)
    }

    /// Like [`Tagger::tag`], resolving relative dates (`أمس`, `22 يناير`)
    /// against `reference` (the publication date).
    pub fn tag_with_reference(&self, text: &str, reference: Option<Date>) -> Vec<Entity> {
        self.tag_with_dates(text, find_dates(text, reference))
    }

    /// Like [`Tagger::tag`], with the date expressions of `text` found
    /// already (`khabar_dates::find_dates`, spans into `text`): a
    /// caller that has scanned the text need not scan it twice.
    pub fn tag_with_dates(&self, text: &str, dates: Vec<DateMention>) -> Vec<Entity> {
        self.tag_sentences(text, dates).0
    }

    /// Like [`Tagger::tag_with_dates`], also giving the words and sentences
    /// the tagger read ([`Tagged`]), for layers above the tagger that work
    /// on words (roles and events), so that they need not tokenize again.
    ///
    /// ```
    /// use khabar_tag::Tagger;
    ///
    /// let text = "التقى الوزير نظيره. ووصل إلى باكو.";
    /// let t = Tagger::global().tag_words_with_dates(text, Vec::new());
    /// assert_eq!(t.sentences.len(), 2);
    /// let w = &t.words[t.sentences[1].start];
    /// assert_eq!(&text[w.span.start..w.span.end], "ووصل");
    /// assert_eq!(w.norm, "ووصل");
    /// assert!(t.entities.iter().any(|e| e.text == "باكو"));
    /// ```
    pub fn tag_words_with_dates(&self, text: &str, dates: Vec<DateMention>) -> Tagged {
        let (entities, sents) = self.tag_sentences(text, dates);
        Tagged::new(entities, sents)
    }

    /// The entities and the tokens of each sentence.
    fn tag_sentences(&self, text: &str, dates: Vec<DateMention>) -> (Vec<Entity>, Vec<Vec<Token>>) {
        let m = &*self.models;
        let ctx = Ctx {
            text,
            gaz: self.gaz,
            model: &m.p1,
            rules: self.rules,
        };
        let sents = sentences(text);
        // Stage `Model`.
        let mut propagated = Vec::new();
        let tagged = tag_doc_scored(
            &m.p1,
            m.p2.as_ref(),
            self.gaz,
            &sents,
            m.joint.as_ref(),
            ctx.on(Rule::Propagate).then_some(&mut propagated),
        );
        // Stage `Candidates`, per sentence.
        let mut next = propagated.iter().peekable();
        let cands: Vec<Vec<Cand>> = sents
            .iter()
            .zip(&tagged)
            .enumerate()
            .map(|(si, (s, (labels, emis)))| {
                let mut mine = Vec::new();
                while let Some(&(_, i)) = next.next_if(|(k, _)| *k == si) {
                    mine.push(i);
                }
                crate::candidates::candidates(&ctx, s, labels, emis, &mine)
            })
            .collect();
        // Stages `Choose`, `Spans` and `Entities`.
        let mut ents = crate::resolve::resolve(&ctx, &sents, cands);
        // Stage `Document`.
        if ctx.on(Rule::SurnameRepeats) {
            linking::surname_repeats(self.gaz, &mut ents);
        }
        dates::add_dates(text, dates, &mut ents, ctx.on(Rule::DatesOverNames));
        crate::link::link(&mut ents, self.rules);
        if ctx.on(Rule::AmmanOrOman) {
            linking::amman_or_oman(text, &mut ents);
        }
        (ents.into_iter().map(|m| m.entity).collect(), sents)
    }
}

/// Tag `text` with the process-wide [`Tagger`].
pub fn tag(text: &str) -> Vec<Entity> {
    Tagger::global().tag(text)
}
