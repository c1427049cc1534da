//! The public tagger: tokens → two-pass model → entity spans on the
//! original text, with titles, rule layers (NORP, GPE/LOC, EQUIPMENT,
//! DATE) and linking.

use std::sync::LazyLock;

use khabar_article::dates::{find_dates, DateMention};
use khabar_article::Date;
use khabar_normalize::Span;

use crate::entity::{Entity, Label};
use crate::format::{embedded, model_bytes, parse_models, MODEL_VERSION};
use crate::gazetteer::{Entry, FastSet, Gazetteer, Kind};
use crate::model::{span_score, ty, Model, NB, SCORE_TEMPERATURE};
use crate::seq::tag_doc_scored;
use crate::token::{skip_letters, tokenize, Shape, Token};

/// The entity tagger. Load once ([`Tagger::new`] or [`Tagger::global`]) and
/// share: it is `Send + Sync` and tagging never mutates it.
#[derive(Debug)]
pub struct Tagger {
    p1: Model,
    p2: Option<Model>,
    joint: Option<crate::model::JointTable>,
    gaz: &'static Gazetteer,
}

static GLOBAL: LazyLock<Tagger> = LazyLock::new(Tagger::new);

impl Default for Tagger {
    fn default() -> Self {
        Self::new()
    }
}

/// Head nouns of geographic features: a LOC span starting with one of them
/// is a LOC (`بحر قزوين`), other unknown LOC spans are GPE (cities).
const GEO_HEADS: [&str; 17] = [
    "بحر",
    "نهر",
    "جبل",
    "جبال",
    "خليج",
    "مضيق",
    "صحراء",
    "جزيره",
    "جزر",
    "منطقه",
    "اقليم",
    "وادي",
    "سهل",
    "هضبه",
    "شبه",
    "بحيره",
    "محيط",
];

/// Function words (search-normalized) that end a name after a title.
const FUNCTION_WORDS: [&str; 40] = [
    "في",
    "من",
    "الي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "بين",
    "حول",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "منذ",
    "حتي",
    "كما",
    "لكن",
    "بل",
    "اي",
    "كل",
    "هو",
    "هي",
    "انه",
    "انها",
    "الا",
    "لدي",
    "وزير",
];

/// Gazetteer entries that stay model features but never make an entity
/// by themselves: CLDR's "world" region (`العالم`, a common word that
/// ANERcorp train never tags as a place), and Mali's nisba, which is also
/// `مالي` "financial" (`قانون المالية`, the finance law).
const NOT_ENTITIES: [(Kind, &str); 2] = [(Kind::Loc, "m49:001"), (Kind::Norp, "iso:ML")];

/// Words after which a noun stands (search-normalized, bare):
/// prepositions, and words of place and government that take a country
/// (`شمال مالي`, `حكومة مالي`).
const NOUN_BEFORE: [&str; 18] = [
    "في",
    "الي",
    "من",
    "عن",
    "علي",
    "مع",
    "حول",
    "داخل",
    "خارج",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "حكومه",
    "عاصمه",
    "شعب",
    "جمهوريه",
];

/// One-word titles that are also common nouns (`الفريق` "the team",
/// `اللواء` "the brigade", `العميد` "the dean"): the title rule makes a
/// person after them only when a given name follows.
const AMBIGUOUS_TITLES: [&str; 4] = ["الفريق", "اللواء", "العميد", "القائد"];

/// Head nouns (search-normalized stems) that make an organization with a
/// following nisba: `الجيش الأذربيجاني`, `وزارة الخارجية الإيرانية`.
const ORG_HEADS: [&str; 10] = [
    "جيش",
    "وزاره",
    "وكاله",
    "حزب",
    "حركه",
    "جبهه",
    "منظمه",
    "هييه",
    "مجلس",
    "حلف",
];

/// Head nouns (search-normalized, without article) that start an
/// organization name in construct state (`وزارة الأمن الوطني`).
const CONSTRUCT_HEADS: [&str; 17] = [
    "وزاره",
    "وكاله",
    "حزب",
    "حركه",
    "جبهه",
    "منظمه",
    "هييه",
    "مجلس",
    "حلف",
    "مركز",
    "محكمه",
    "جامعه",
    "شركه",
    "صحيفه",
    "جماعه",
    "اداره",
    "موسسه",
];

/// Sentence-final tokens.
fn ends_sentence(t: &Token) -> bool {
    matches!(t.norm.as_str(), "." | "!" | "?" | "؟" | "…")
}

#[derive(Clone)]
struct Cand {
    start: usize,
    end: usize,
    label: Label,
    score: f32,
    entry: Option<&'static Entry>,
    prio: u8,
    /// Proclitic letters to skip, when the gazetteer match decided it.
    strip: Option<u8>,
    /// The nationality an organization took (`وزارة الدفاع` +
    /// `الأذربيجانية`): its country qualifies the organization's link.
    of: Option<&'static Entry>,
}

impl Tagger {
    /// Load the embedded model (about 50 ms). An unreadable model (never
    /// the case for a released crate) leaves only the rule layers.
    pub fn new() -> Tagger {
        let (p1, p2) = embedded().unwrap_or_default();
        Self::from_models(p1, p2)
    }

    /// A tagger over given models (for evaluation of freshly trained
    /// models; see `training`).
    pub fn from_models(p1: Model, p2: Option<Model>) -> Tagger {
        let joint = p2.as_ref().map(|m| crate::model::JointTable::build(&p1, m));
        Tagger {
            p1,
            p2,
            joint,
            gaz: Gazetteer::global(),
        }
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
        let sents = crate::training::read_training_conll(conll)?;
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
        let sents = crate::training::read_training_conll(conll)?;
        let corpus =
            crate::training::Corpus::new(&sents, crate::training::Config::default().doc_size);
        let all: Vec<usize> = (0..corpus.len()).collect();
        Ok(crate::training::evaluate(
            &corpus,
            &all,
            &self.p1,
            self.p2.as_ref(),
        ))
    }

    /// The tagger's model in the model file format (what
    /// [`Tagger::from_bytes`] reads; the shipped model is such a file).
    pub fn to_bytes(&self) -> Vec<u8> {
        model_bytes(&self.p1, self.p2.as_ref())
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
    /// already (`khabar_article::dates::find_dates`, spans into `text`): a
    /// caller that has scanned the text need not scan it twice.
    pub fn tag_with_dates(&self, text: &str, dates: Vec<DateMention>) -> Vec<Entity> {
        let toks = tokenize(text);
        // Sentences: split at final punctuation and at line breaks; cap the
        // length so that one huge line stays linear.
        let mut sents: Vec<Vec<Token>> = Vec::new();
        let mut cur: Vec<Token> = Vec::new();
        let mut last_end = 0;
        for t in toks {
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
        let tagged = tag_doc_scored(
            &self.p1,
            self.p2.as_ref(),
            self.gaz,
            &sents,
            self.joint.as_ref(),
        );
        let mut cands = Vec::new();
        for (si, (s, (labels, emis))) in sents.iter().zip(&tagged).enumerate() {
            self.candidates(s, si, labels, emis, &mut cands);
        }
        let mut ents = self.resolve(text, &sents, cands);
        Self::add_dates(text, dates, &mut ents);
        link(&mut ents, &sents);
        amman_or_oman(text, &mut ents);
        ents.into_iter().map(|(e, _)| e).collect()
    }

    /// Whether `w` is a word the model knows ([`crate::seq::known_word`]).
    fn known(&self, w: &str) -> bool {
        crate::seq::known_word(&self.p1, &self.p1.lex, w)
    }

    /// Whether ANERcorp train has word `w`, mostly outside names.
    fn common(&self, w: &str) -> bool {
        crate::seq::common_word(&self.p1.lex, w)
    }

    /// Model spans and gazetteer matches of sentence `si`, as token ranges
    /// of the sentence.
    fn candidates(
        &self,
        s: &[Token],
        si: usize,
        labels: &[u8],
        emis: &[[f32; NB]],
        out: &mut Vec<(usize, Cand)>,
    ) {
        // Model spans.
        let mut i = 0;
        while i < labels.len() {
            let l = labels[i];
            if l == 0 {
                i += 1;
                continue;
            }
            let t = ty(l);
            let mut j = i + 1;
            while j < labels.len()
                && labels[j] != 0
                && labels[j].is_multiple_of(2)
                && ty(labels[j]) == t
            {
                j += 1;
            }
            let score = span_score(emis, labels, i..j, SCORE_TEMPERATURE);
            let label = match t {
                1 => Label::Person,
                2 => Label::Loc,
                3 => Label::Org,
                _ => Label::Misc,
            };
            // A lone tatweel (`0ـ`, split off a number) never starts a span.
            let start = (i..j)
                .find(|&k| !s[k].norm.chars().all(|c| c == '\u{0640}'))
                .unwrap_or(j);
            if start == j {
                i = j;
                continue;
            }
            out.push((
                si,
                Cand {
                    start,
                    end: j,
                    label,
                    score,
                    entry: None,
                    prio: 1,
                    strip: None,
                    of: None,
                },
            ));
            i = j;
        }
        // Gazetteer matches: the longest at each start.
        let mut ms = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if s[i].shape == Shape::Punct {
                i += 1;
                continue;
            }
            self.gaz.matches_at(s, i, true, &mut ms);
            let best = ms
                .iter()
                .filter(|(n, e, form)| {
                    (matches!(e.kind, Kind::Gpe | Kind::Loc | Kind::Org | Kind::Norp | Kind::Equip)
                        // `كأس آسيا`, `جائزة نوبل`: a MISC phrase of the
                        // gazetteer is an entity (and outranks the place in
                        // it); a single word (`دولار`) needs the model.
                        || e.kind == Kind::Misc && *n > 1)
                        && !NOT_ENTITIES.contains(&(e.kind, e.id.as_str()))
                        // An unsure proclitic strip (`و`+`ليد`) only for multi-word names.
                        && (*form < 2 || *n > 1 || e.kind == Kind::Gpe && e.id.starts_with("iso:"))
                })
                .max_by_key(|(n, e, form)| {
                    (*n, u8::from(*form < 2), std::cmp::Reverse(e.kind as u8))
                });
            if let Some(&(n, e, form)) = best {
                let label = match e.kind {
                    Kind::Gpe => Label::Gpe,
                    Kind::Loc => Label::Loc,
                    Kind::Org => Label::Org,
                    Kind::Norp => Label::Norp,
                    Kind::Misc => Label::Misc,
                    _ => Label::Equipment,
                };
                let mut end = i + n;
                // `إليوشن 76`, `ميغ 29`: a model number after a family name.
                if label == Label::Equipment
                    && end < s.len()
                    && matches!(s[end].shape, Shape::Digit | Shape::Mixed | Shape::Latin)
                {
                    end += 1;
                }
                // Single-word city names from GeoNames are noisy (`الحرية`):
                // they need the model's agreement (see `resolve`). So does a
                // one-word organization that ANERcorp train has more than
                // once, mostly as a common word (`فتح` "opening", `القاعدة` "the base",
                // `الحياة` "life"): `فتح تحقيق` is not Fatah. Places stay
                // strong (train leaves some unannotated: `البقاع`), and so
                // do institutions named by their head noun (`البرلمان`,
                // which a nisba qualifies: `البرلمان اللبناني`).
                let weak = n == 1
                    && (e.id.starts_with("geonames:")
                        || e.kind == Kind::Org
                            && [s[i].norm.as_str(), s[i].bare()]
                                .into_iter()
                                .any(|w| crate::seq::common_word_seen_twice(&self.p1.lex, w))
                            && !self.gaz.has(s[i].stem(), Kind::OrgHead));
                out.push((
                    si,
                    Cand {
                        start: i,
                        end,
                        label,
                        score: 0.9,
                        entry: Some(e),
                        prio: if weak { 0 } else { 2 },
                        strip: Some(s[i].clitic.sure + if form >= 2 { form - 1 } else { 0 }),
                        of: None,
                    },
                ));
                i = end;
            } else {
                i += 1;
            }
        }
        // A country that a stop word hides (`مالي`, mostly "financial"),
        // where only a noun can stand: after a preposition (`في مالي`), a
        // proclitic preposition (`لمالي`), a word of place or government
        // (`شمال مالي`, `حكومة مالي`), or joined by `و` to a country
        // (`النيجر ومالي`). The adjective follows its noun (`دعم مالي`).
        for (k, t) in s.iter().enumerate() {
            if t.shape != Shape::Arabic || t.clitic.al || !self.gaz.may_shadow(&t.norm) {
                continue;
            }
            let prev = k.checked_sub(1).map(|j| &s[j]);
            let found = std::iter::once((t.clitic.sure as usize, t.bare()))
                .chain(
                    t.maybe_forms()
                        .map(|(n, f)| (t.clitic.sure as usize + n, f)),
                )
                .find_map(|(n, f)| self.gaz.shadowed(f).map(|e| (n, e)));
            let Some((letters, e)) = found else { continue };
            let proclitics = t.norm.get(..2 * letters).unwrap_or("");
            let and = proclitics.starts_with('و');
            let noun_slot = proclitics.contains(['ل', 'ب'])
                || prev.is_some_and(|p| {
                    NOUN_BEFORE.contains(&p.bare())
                        || and
                            && [p.stem(), p.bare()]
                                .iter()
                                .any(|w| self.gaz.has(w, Kind::Gpe))
                });
            if noun_slot {
                out.push((
                    si,
                    Cand {
                        start: k,
                        end: k + 1,
                        label: Label::Gpe,
                        score: 0.8,
                        entry: Some(e),
                        prio: 2,
                        strip: u8::try_from(letters).ok(),
                        of: None,
                    },
                ));
            }
        }
        // Latin model codes: `S300`, `F-16`, `MQ-9`.
        for (k, t) in s.iter().enumerate() {
            if t.shape == Shape::Mixed
                && t.norm
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && t.norm.chars().any(|c| c.is_ascii_digit())
            {
                out.push((
                    si,
                    Cand {
                        start: k,
                        end: k + 1,
                        label: Label::Equipment,
                        score: 0.6,
                        entry: None,
                        prio: 0,
                        strip: None,
                        of: None,
                    },
                ));
            }
        }
    }

    /// Choose non-overlapping candidates, fix labels, cut titles and
    /// proclitics, and build entities.
    fn resolve(
        &self,
        text: &str,
        sents: &[Vec<Token>],
        cands: Vec<(usize, Cand)>,
    ) -> Vec<(Entity, Vec<String>)> {
        let mut by_sent: Vec<Vec<Cand>> = (0..sents.len()).map(|_| Vec::new()).collect();
        for (k, c) in cands {
            if let Some(v) = by_sent.get_mut(k) {
                v.push(c);
            }
        }
        // Words inside any candidate of the document: `وخامنئي` sheds its
        // `و` when `خامنئي` is a name elsewhere in the text.
        let names: FastSet<&str> = by_sent
            .iter()
            .zip(sents)
            .flat_map(|(cs, s)| {
                cs.iter()
                    .flat_map(move |c| s.get(c.start..c.end).unwrap_or(&[]))
            })
            .map(|t| t.norm.as_str())
            .collect();
        // The last words of the document's organizations that need no
        // agreement (`حركة فتح`, `تنظيم القاعدة`): one sense per document,
        // so a weak one-word match of the same word (`وانتقدت فتح`) is
        // that organization too.
        let org_words: FastSet<&str> = by_sent
            .iter()
            .zip(sents)
            .flat_map(|(cs, s)| {
                cs.iter()
                    .filter(|c| c.prio != 0 && c.label == Label::Org && c.end > c.start)
                    .filter_map(move |c| s.get(c.end - 1))
            })
            .map(Token::bare)
            .collect();
        let mut out = Vec::new();
        for (s, mut cs) in sents.iter().zip(by_sent) {
            // Model spans that a gazetteer entry names exactly take its
            // entry; weak gazetteer matches need the model (or, for an
            // organization, the same word in a surer one of the document).
            let model: Vec<(usize, usize)> = cs
                .iter()
                .filter(|c| c.prio == 1)
                .map(|c| (c.start, c.end))
                .collect();
            cs.retain(|c| {
                c.prio != 0
                    || c.label == Label::Equipment && c.entry.is_none()
                    || model.iter().any(|&(a, b)| a == c.start && b == c.end)
                    || c.label == Label::Org
                        && c.entry.is_some()
                        && c.end == c.start + 1
                        && s.get(c.start).is_some_and(|t| org_words.contains(t.bare()))
            });
            // Longest first, then gazetteer over model, then earlier.
            cs.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.end - c.start),
                    std::cmp::Reverse(c.prio),
                    c.start,
                )
            });
            let mut taken = vec![false; s.len()];
            let mut chosen: Vec<Cand> = Vec::new();
            for c in cs {
                if c.end > s.len() || c.start >= c.end || taken[c.start..c.end].iter().any(|&t| t) {
                    continue;
                }
                for t in &mut taken[c.start..c.end] {
                    *t = true;
                }
                chosen.push(c);
            }
            chosen.sort_by_key(|c| c.start);
            self.rules(s, &mut chosen);
            self.tidy(text, s, &mut chosen);
            for mut c in chosen {
                let keys: Vec<&str> = s[c.start..c.end].iter().map(|t| t.norm.as_str()).collect();
                // A model span that the gazetteer knows gets its label and link.
                if c.entry.is_none() {
                    let rest: String = s[c.start + 1..c.end]
                        .iter()
                        .flat_map(|t| [" ", t.norm.as_str()])
                        .collect();
                    let mut key = String::new();
                    Gazetteer::push_bare(&mut key, &s[c.start], true);
                    key.push_str(&rest);
                    let mut es = self.gaz.get(&key);
                    // `وموسكو`: an unsure proclitic before a known name (the
                    // form `proclitic_letters` strips too). Not for persons:
                    // `وليد` is a name, and a match would relabel it.
                    if es.is_empty() && c.label != Label::Person {
                        es = s[c.start]
                            .maybe_forms()
                            .map(|(_, form)| self.gaz.get(&format!("{form}{rest}")))
                            .find(|found| !found.is_empty())
                            .unwrap_or(es);
                    }
                    let stem_es = if c.end - c.start == 1 {
                        self.gaz.get(s[c.start].stem())
                    } else {
                        &[]
                    };
                    // `السورية` is the adjective even though `سورية` is also
                    // the country: without its article, a nisba reading wins.
                    let pick = |k: Kind| {
                        es.iter().find(|e| e.kind == k).or_else(|| {
                            if k == Kind::Gpe && stem_es.iter().any(|e| e.kind == Kind::Norp) {
                                None
                            } else {
                                stem_es.iter().find(|e| e.kind == k)
                            }
                        })
                    };
                    match c.label {
                        Label::Loc | Label::Misc => {
                            if let Some(e) = pick(Kind::Gpe) {
                                c.label = Label::Gpe;
                                c.entry = Some(e);
                            } else if let Some(e) = pick(Kind::Loc) {
                                c.label = Label::Loc;
                                c.entry = Some(e);
                            } else if let Some(e) = pick(Kind::Norp) {
                                c.label = Label::Norp;
                                c.entry = Some(e);
                            } else if let Some(e) = pick(Kind::Equip) {
                                c.label = Label::Equipment;
                                c.entry = Some(e);
                            } else if c.label == Label::Misc {
                                c.entry = pick(Kind::Misc);
                            } else if c.label == Label::Loc {
                                let head = s[c.start].stem();
                                c.label = if GEO_HEADS.contains(&head)
                                    || GEO_HEADS.contains(&s[c.start].bare())
                                {
                                    Label::Loc
                                } else {
                                    Label::Gpe
                                };
                            }
                        }
                        Label::Org => {
                            // `شركة تويوتا`, `نادي الأهلي`: else the name
                            // after the head noun; `شركة Apple`: a name in
                            // Latin letters, by its English name.
                            let name = match key.split_once(' ') {
                                Some((_, rest))
                                    if self.gaz.has(s[c.start].stem(), Kind::OrgHead) =>
                                {
                                    Some(rest)
                                }
                                _ => None,
                            };
                            let after_head = name.map_or(&[][..], |n| self.gaz.get(n));
                            c.entry = [Kind::Org, Kind::Team, Kind::Company]
                                .into_iter()
                                .find_map(|k| {
                                    pick(k).or_else(|| after_head.iter().find(|e| e.kind == k))
                                })
                                .or_else(|| self.gaz.by_english(name.unwrap_or(&key)));
                        }
                        Label::Person => {
                            if let Some(e) = pick(Kind::Norp) {
                                c.label = Label::Norp;
                                c.entry = Some(e);
                            } else if let Some(e) = es.iter().find(|e| e.kind == Kind::Org) {
                                // The whole span is a known organization
                                // (`الموساد`, `حماس`): the model's PERSON
                                // is a confusion of two name-like types.
                                c.label = Label::Org;
                                c.entry = Some(e);
                            }
                        }
                        _ => {}
                    }
                }
                let _ = keys;
                // Titles: inside the span at its start, or just before it.
                let mut title: Option<(usize, usize)> = None;
                if c.label == Label::Person {
                    while let Some(n) = self.title_at(s, c.start, c.end) {
                        title = Some((title.map_or(c.start, |t| t.0), c.start + n));
                        c.start += n;
                    }
                    // Titles before the span, right to left.
                    let mut b = c.start;
                    'back: while b > 0 {
                        for n in (1..=3.min(b)).rev() {
                            if self.title_at(s, b - n, b) == Some(n) {
                                b -= n;
                                title = Some((b, title.map_or(c.start, |t| t.1)));
                                continue 'back;
                            }
                        }
                        break;
                    }
                    if c.start >= c.end {
                        continue;
                    }
                }
                let first = &s[c.start];
                let strip = match c.strip {
                    Some(n) => n as usize,
                    None => self.proclitic_letters(first, c.entry.is_some(), &names),
                };
                let start = skip_letters(text, first.span, strip);
                let end = s[c.end - 1].span.end;
                let span = Span::new(start, end);
                let Some(surface) = text.get(span.range()) else {
                    continue;
                };
                // A lone symbol that normalizes to letters (`﷼` → `ريال`) is
                // not a name.
                if !surface.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let title = title.and_then(|(a, b)| {
                    let ts = skip_letters(text, s[a].span, s[a].clitic.sure as usize);
                    text.get(ts..s[b - 1].span.end).map(str::to_owned)
                });
                let mut norm_toks: Vec<String> = Vec::with_capacity(c.end - c.start);
                let first_norm = first.norm.chars().skip(strip).collect::<String>();
                norm_toks.push(first_norm);
                norm_toks.extend(s[c.start + 1..c.end].iter().map(|t| t.norm.clone()));
                let (canonical, kb_id) = match (c.entry, c.of) {
                    // The country's ministry, not ministries in general.
                    (Some(e), Some(n)) if !e.english.is_empty() && !n.english.is_empty() => {
                        (format!("{} ({})", e.english, n.english), None)
                    }
                    (Some(e), _) if !e.english.is_empty() => {
                        (e.english.clone(), (!e.id.is_empty()).then(|| e.id.clone()))
                    }
                    _ => (String::new(), None),
                };
                out.push((
                    Entity {
                        span,
                        text: surface.to_owned(),
                        label: c.label,
                        canonical,
                        kb_id,
                        title,
                        score: c.score.clamp(0.0, 1.0),
                        value: None,
                    },
                    norm_toks,
                ));
            }
        }
        out
    }

    /// Rule layers over the chosen spans of one sentence (sorted by start):
    /// an organization takes a following nisba (`وزارة الدفاع` +
    /// `الأذربيجانية`); an organization head noun with a nisba makes an
    /// organization (`الجيش الأذربيجاني`); a title or rank followed by
    /// name-like words makes a person (`الجنرال ذاكر حسنوف`).
    fn rules(&self, s: &[Token], chosen: &mut Vec<Cand>) {
        let mut covered = vec![false; s.len()];
        for c in chosen.iter() {
            for x in covered.iter_mut().take(c.end.min(s.len())).skip(c.start) {
                *x = true;
            }
        }
        let is_norp_at = |chosen: &[Cand], k: usize| {
            chosen
                .iter()
                .position(|c| c.start == k && c.end == k + 1 && c.label == Label::Norp)
        };
        // ORG + nisba.
        let mut k = 0;
        while k + 1 < chosen.len() {
            // `السورية` may have come out as GPE (`سورية` is also the
            // country); after an organization it is the adjective.
            let next = &chosen[k + 1];
            let nisba = next.label == Label::Norp
                || (next.end == next.start + 1
                    && next.start < s.len()
                    && self.gaz.has(s[next.start].stem(), Kind::Norp));
            if chosen[k].label == Label::Org
                && next.start == chosen[k].end
                && nisba
                && s[chosen[k + 1].start].clitic.al
                && s[chosen[k + 1].start].clitic.sure == 0
            {
                let of = next.entry.filter(|e| e.kind == Kind::Norp).or_else(|| {
                    self.gaz
                        .get(s[next.start].stem())
                        .iter()
                        .find(|e| e.kind == Kind::Norp)
                });
                chosen[k].end = chosen[k + 1].end;
                chosen[k].of = of;
                chosen.remove(k + 1);
            }
            k += 1;
        }
        // Head noun (+ article words) + nisba.
        for i in 0..s.len() {
            if covered[i] || !ORG_HEADS.contains(&s[i].stem()) {
                continue;
            }
            let mut j = i + 1;
            while j < s.len()
                && j <= i + 3
                && !covered[j]
                && s[j].clitic.al
                && s[j].clitic.sure == 0
            {
                j += 1;
            }
            if j < s.len() && j > i && j <= i + 3 {
                if let Some(pos) = is_norp_at(chosen, j) {
                    if s[j].clitic.al && s[j].clitic.sure == 0 {
                        let strip = s[i].clitic.sure;
                        chosen[pos] = Cand {
                            start: i,
                            end: j + 1,
                            label: Label::Org,
                            score: 0.6,
                            entry: None,
                            prio: 3,
                            strip: Some(strip),
                            of: None,
                        };
                        for c in &mut covered[i..=j] {
                            *c = true;
                        }
                    }
                }
            }
        }
        // A head noun in construct state followed by article words, or by
        // one unknown word (a name), is an organization: `وزارة الأمن
        // الوطني`, `مركز التعاون الأطلسي`, `وكالة توران`.
        for i in 0..s.len() {
            let h = &s[i];
            if covered[i]
                || h.clitic.al
                || h.shape != Shape::Arabic
                || !CONSTRUCT_HEADS.contains(&h.bare())
            {
                continue;
            }
            let mut j = i + 1;
            while j < s.len()
                && j < i + 5
                && !covered[j]
                && s[j].clitic.al
                && s[j].clitic.sure == 0
                && self.title_at(s, j, s.len()).is_none()
            {
                j += 1;
            }
            // An organization the model or the gazetteer found right after
            // the head is the rest of the name (`وكالة` + `توران`).
            if let Some(pos) = chosen
                .iter()
                .position(|c| c.start == j && c.label == Label::Org)
            {
                let end = chosen[pos].end;
                chosen.remove(pos);
                for x in &mut covered[j..end] {
                    *x = false;
                }
                j = end;
                for x in &mut covered[i..j] {
                    *x = true;
                }
                chosen.push(Cand {
                    start: i,
                    end: j,
                    label: Label::Org,
                    score: 0.5,
                    entry: None,
                    prio: 3,
                    strip: Some(h.clitic.sure),
                    of: None,
                });
                continue;
            }
            if j == i + 1
                && j < s.len()
                && !covered[j]
                && s[j].shape == Shape::Arabic
                && !s[j].clitic.al
                && s[j].clitic.sure == 0
                && !self.known(&s[j].norm)
                && !Self::is_function_word(&s[j])
            {
                j += 1;
            }
            // A nisba right after the name belongs to it.
            let mut absorbed = None;
            if j > i + 1 && j < s.len() && s[j].clitic.al && s[j].clitic.sure == 0 {
                absorbed = is_norp_at(chosen, j);
                if absorbed.is_some() {
                    j += 1;
                }
            }
            if j > i + 1 {
                let c = Cand {
                    start: i,
                    end: j,
                    label: Label::Org,
                    score: 0.5,
                    entry: None,
                    prio: 3,
                    strip: Some(h.clitic.sure),
                    of: None,
                };
                match absorbed {
                    Some(pos) => chosen[pos] = c,
                    None => chosen.push(c),
                }
                for x in &mut covered[i..j] {
                    *x = true;
                }
            }
        }
        chosen.sort_by_key(|c| c.start);
        // Adjacent person spans are one name (`علي` + `خامنئي`).
        let mut k = 0;
        while k + 1 < chosen.len() {
            if chosen[k].label == Label::Person
                && chosen[k + 1].label == Label::Person
                && chosen[k + 1].start == chosen[k].end
            {
                chosen[k].end = chosen[k + 1].end;
                chosen.remove(k + 1);
            } else {
                k += 1;
            }
        }
        // Title + name.
        let mut i = 0;
        while i < s.len() {
            let Some(n) = self.title_at(s, i, s.len()) else {
                i += 1;
                continue;
            };
            let mut k = i + n;
            // `الرئيس الإيراني إبراهيم رئيسي`: skip a nisba after the title.
            while k < s.len() && is_norp_at(chosen, k).is_some() {
                k += 1;
            }
            if k >= s.len()
                || covered[k]
                || s[k].shape != Shape::Arabic
                || s[k].clitic.al
                || s[k].clitic.sure > 0
                // `وزير الدفاع ودعم القوات`: `و` + a word the model knows
                // is a conjunction, not a name (`وليد` has no such rest).
                || s[k].maybe_forms().any(|(_, rest)| self.common(rest))
            {
                i += n;
                continue;
            }
            let mut end = k;
            while end < s.len()
                && end < k + 4
                && !covered[end]
                && s[end].shape == Shape::Arabic
                && s[end].clitic.sure == 0
                && (end == k || !Self::is_function_word(&s[end]))
                && self.title_at(s, end, s.len()).is_none()
            {
                if end > k && s[end].clitic.al && !s[end].norm.starts_with("الد") {
                    break;
                }
                end += 1;
            }
            // `وزير الدفاع ذاكر [حسن اوف]`: the words between a title and
            // a person the model found are the start of that name.
            let ambiguous = n == 1 && AMBIGUOUS_TITLES.contains(&s[i].bare());
            // `رئيس بلدية غنجة`: a title before an organization head noun is
            // an office, not a person's title.
            let can_start =
                !Self::is_function_word(&s[k]) && !self.gaz.has(s[k].stem(), Kind::OrgHead);
            if end > k && !ambiguous && can_start {
                if let Some(c) = chosen
                    .iter_mut()
                    .find(|c| c.start == end && c.label == Label::Person)
                {
                    c.start = k;
                    for cv in &mut covered[k..end] {
                        *cv = true;
                    }
                    i = end;
                    continue;
                }
            }
            // Name-like: a given name, or a word the model has not seen
            // often enough to have a feature for.
            let namey = |t: &Token| self.gaz.has(&t.norm, Kind::Given) || !self.known(&t.norm);
            while end > k && !namey(&s[end - 1]) {
                end -= 1;
            }
            let ok = end > k
                && can_start
                && (!ambiguous || self.gaz.has(&s[k].norm, Kind::Given))
                && (namey(&s[k]) || end > k + 1);
            if ok {
                chosen.push(Cand {
                    start: k,
                    end,
                    label: Label::Person,
                    score: 0.5,
                    entry: None,
                    prio: 3,
                    strip: Some(0),
                    of: None,
                });
                for c in &mut covered[k..end] {
                    *c = true;
                }
            }
            i = end.max(i + n);
        }
        chosen.sort_by_key(|c| c.start);
    }

    /// Last checks on the chosen spans of one sentence: two people joined
    /// by `و` are two entities (`خالد العمري ومحمد الزعبي`); a person's name
    /// does not run from Arabic into Latin letters (`أمين الناصر CEO`,
    /// `محمد بن سلمان https`); nothing inside markup or a URL is an entity
    /// (`<img src=…>`); and spans or words far longer than any name (junk
    /// input such as `و` × 1000) are dropped.
    fn tidy(&self, text: &str, s: &[Token], chosen: &mut Vec<Cand>) {
        // Split persons at a conjunction that starts a new first name.
        let mut k = 0;
        while k < chosen.len() {
            let c = &chosen[k];
            if c.label == Label::Person {
                let split = (c.start + 1..c.end).find_map(|j| {
                    let n = &s[j].norm;
                    if !n.starts_with(['و', 'ف']) {
                        return None;
                    }
                    // `ومحمد` (1 letter), `وبمحمد` (2 letters).
                    n.char_indices()
                        .skip(1)
                        .take(2)
                        .enumerate()
                        .find_map(|(m, (b, _))| {
                            let rest = &n[b..];
                            (rest.chars().count() >= 3 && self.gaz.has(rest, Kind::Given))
                                .then_some((j, m as u8 + 1))
                        })
                });
                if let Some((j, strip)) = split {
                    let mut second = chosen[k].clone();
                    second.start = j;
                    second.strip = Some(strip);
                    second.entry = None;
                    second.of = None;
                    chosen[k].end = j;
                    chosen.insert(k + 1, second);
                }
            }
            k += 1;
        }
        for c in chosen.iter_mut() {
            if c.label == Label::Person {
                let script = s[c.start].shape;
                if let Some(j) = (c.start + 1..c.end).find(|&j| s[j].shape != script) {
                    c.end = j;
                }
            }
        }
        chosen.retain(|c| {
            let (a, b) = (s[c.start].span.start, s[c.end - 1].span.end);
            let before = text[..a].trim_end_matches(' ');
            let after = text.get(b..).unwrap_or("");
            let markup = before.ends_with('<')
                || before.ends_with("</")
                || after.starts_with("://")
                || after.starts_with('=');
            let max_tokens = if c.label == Label::Person { 12 } else { 20 };
            let overlong = c.end - c.start > max_tokens
                || s[c.start..c.end]
                    .iter()
                    .any(|t| t.norm.chars().count() > 40);
            !(markup || overlong)
        });
    }

    /// Words that never start or continue a name.
    fn is_function_word(t: &Token) -> bool {
        // Not `علي`: after search folding it is both `على` and the name `علي`.
        FUNCTION_WORDS.contains(&t.norm.as_str())
    }

    /// Length of a title phrase starting at token `i` and ending before
    /// `limit`, if any (`العميد الركن` = 2).
    fn title_at(&self, s: &[Token], i: usize, limit: usize) -> Option<usize> {
        let first = s[i].bare();
        // `وزير الدفاع`, `وزيرة الخارجية`: a minister and the portfolio.
        if (first == "وزير" || first == "وزيره")
            && i + 2 <= limit
            && s[i + 1].shape == Shape::Arabic
            && s[i + 1].clitic.al
            && s[i + 1].clitic.sure == 0
        {
            return Some(2);
        }
        // The phrase key grows a word at a time (no key strings: this runs
        // for every token).
        let mut key = Gazetteer::word_key(first);
        let (title, starts_phrase) = self.gaz.has_key(key, Kind::Title);
        let mut best = title.then_some(1);
        if !starts_phrase {
            return best;
        }
        for n in 2..=3 {
            if i + n > limit {
                break;
            }
            key = Gazetteer::extend_key(key, &s[i + n - 1]);
            if self.gaz.has_key(key, Kind::Title).0 {
                best = Some(n);
            }
        }
        best
    }

    /// How many proclitic letters the entity span skips in its first token.
    fn proclitic_letters(&self, t: &Token, in_gaz: bool, names: &FastSet<&str>) -> usize {
        let sure = t.clitic.sure as usize;
        if t.clitic.maybe == 0 {
            return sure;
        }
        let whole = t.norm.as_str();
        if !self.gaz.get(whole).is_empty() {
            return 0;
        }
        // A form the gazetteer knows wins (`ولبنان` → `لبنان`); else a form
        // the model has a word feature for, when the whole word has none.
        for (k, form) in t.maybe_forms() {
            if !self.gaz.get(form).is_empty() {
                return k;
            }
        }
        if !in_gaz && !self.known(whole) {
            for (k, form) in t.maybe_forms() {
                if self.known(form) || names.contains(form) {
                    return k;
                }
            }
        }
        0
    }

    fn add_dates(text: &str, dates: Vec<DateMention>, ents: &mut Vec<(Entity, Vec<String>)>) {
        if dates.is_empty() {
            return;
        }
        let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
        let dates: Vec<_> = dates
            .into_iter()
            .filter(|d| d.span.is_valid_in(text) && !d.span.is_empty())
            .collect();
        // A date wins over what the model found inside it (`كانون`). The
        // dates module returns disjoint spans: drop the entities that
        // overlap one in a single pass over the sorted spans. If two dates
        // ever overlap, keep the old sequential rule (a later date also
        // drops an earlier one it overlaps).
        let mut sorted: Vec<Span> = dates.iter().map(|d| d.span).collect();
        sorted.sort_by_key(|s| s.start);
        let disjoint = sorted.windows(2).all(|w| w[0].end <= w[1].start);
        let mut kept = Vec::with_capacity(dates.len());
        if disjoint {
            // Disjoint and sorted by start, so also sorted by end.
            ents.retain(|(e, _)| {
                let i = sorted.partition_point(|d| d.end <= e.span.start);
                sorted.get(i).is_none_or(|d| !overlaps(e.span, *d))
            });
            kept.extend(dates);
        } else {
            for d in dates {
                ents.retain(|(e, _)| !overlaps(e.span, d.span));
                kept.retain(|k: &DateMention| !overlaps(k.span, d.span));
                kept.push(d);
            }
        }
        for d in kept {
            let surface = text[d.span].to_owned();
            ents.push((
                Entity {
                    span: d.span,
                    canonical: d.iso().unwrap_or_else(|| surface.clone()),
                    text: surface,
                    label: Label::Date,
                    kb_id: None,
                    title: None,
                    score: 1.0,
                    value: d.iso(),
                },
                Vec::new(),
            ));
        }
        ents.sort_by_key(|(e, _)| e.span.start);
    }
}

/// `عمان` is both Oman (`عُمان`) and Amman (`عَمّان`), one key once the
/// diacritics are folded; the gazetteer keeps one entry per key (Oman).
/// A mention written with the shadda is Amman; a bare one is Amman when the
/// document names Jordan (`الأردن`, `الأردنية`) and neither the sultanate
/// (`سلطنة عمان`) nor an Omani nisba, and is not joined to Jordan by `و`
/// (`عمان والأردن` are two countries).
fn amman_or_oman(text: &str, ents: &mut [(Entity, Vec<String>)]) {
    const OMAN: &str = "iso:OM";
    let bare = |e: &Entity| {
        let t = e.text.trim_start_matches('ا');
        e.label == Label::Gpe && e.kb_id.as_deref() == Some(OMAN) && !t.contains(' ')
    };
    if !ents.iter().any(|(e, _)| bare(e)) {
        return;
    }
    let sultanate = ents.iter().any(|(e, _)| {
        e.kb_id.as_deref() == Some(OMAN) && (e.label == Label::Norp || e.text.contains(' '))
    });
    let joined = |a: Span, b: Span| {
        let (x, y) = if a.end <= b.start { (a, b) } else { (b, a) };
        text.get(x.end..y.start).is_some_and(|g| {
            g.trim().trim_end_matches(['و', 'ل', 'ب']).trim().is_empty() && g.contains('و')
        })
    };
    let jordans: Vec<Span> = ents
        .iter()
        .filter(|(e, _)| e.kb_id.as_deref() == Some("iso:JO"))
        .map(|(e, _)| e.span)
        .collect();
    for (e, _) in ents.iter_mut() {
        let pair = jordans.iter().any(|&j| joined(e.span, j));
        if bare(e) && (e.text.contains('\u{651}') || (!jordans.is_empty() && !sultanate && !pair)) {
            "Amman".clone_into(&mut e.canonical);
            e.kb_id = Some("geonames:250441".to_owned());
        }
    }
}

/// Fill `canonical` for entities without a gazetteer link: a short person
/// mention takes the key of the fullest person name in the text that ends
/// with (or contains) it. A person's key leaves out a leading honorific
/// (`سيد إبراهيم رئيسي` and `إبراهيم رئيسي` are one person), though the
/// span keeps it, as ANERcorp does.
fn link(ents: &mut [(Entity, Vec<String>)], _sents: &[Vec<Token>]) {
    use std::collections::{HashMap, HashSet};
    let keys: Vec<Vec<String>> = ents
        .iter()
        .map(|(e, toks)| {
            let mut v: Vec<String> = Vec::new();
            let k = crate::link::key(toks.iter().map(String::as_str));
            v.extend(k.split(' ').map(str::to_owned));
            if e.label == Label::Person {
                crate::link::drop_honorific(&mut v);
            }
            v
        })
        .collect();
    // For every key that some person mention could be, the fullest person
    // key that ends with it (or, for a one-word key, contains it past its
    // first word): the longest wins, then the earliest. Built once from the
    // distinct person keys, so linking stays linear in the number of
    // entities (the pairwise scan was quadratic on long documents).
    let mut seen: HashSet<&[String]> = HashSet::new();
    let mut best_for: HashMap<&[String], usize> = HashMap::new();
    let better = |new: usize, old: usize| {
        keys[new].len() > keys[old].len() || keys[new].len() == keys[old].len() && new < old
    };
    for (j, (e, _)) in ents.iter().enumerate() {
        let kj = keys[j].as_slice();
        if e.label != Label::Person || !seen.insert(kj) {
            continue;
        }
        let tails = (1..kj.len()).map(|m| &kj[kj.len() - m..]);
        let inner = (1..kj.len())
            .filter(|&p| kj[p] != kj[0])
            .map(|p| &kj[p..=p]);
        for short in tails.chain(inner) {
            best_for
                .entry(short)
                .and_modify(|b| {
                    if better(j, *b) {
                        *b = j;
                    }
                })
                .or_insert(j);
        }
    }
    for (i, (e, _)) in ents.iter_mut().enumerate() {
        if !e.canonical.is_empty() {
            continue;
        }
        let mut k = i;
        if e.label == Label::Person {
            if let Some(&b) = best_for.get(keys[i].as_slice()) {
                k = b;
            }
        }
        e.canonical = keys[k].join(" ");
    }
}

/// Tag `text` with the process-wide [`Tagger`].
pub fn tag(text: &str) -> Vec<Entity> {
    Tagger::global().tag(text)
}
