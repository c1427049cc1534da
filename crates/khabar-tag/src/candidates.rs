//! Stage `Candidates`: the spans that may become entities in one sentence:
//! the model's, the gazetteer's, and those of the candidate rules.

use crate::candidate::{Cand, Ctx};
use crate::entity::{Label, Source};
use crate::gazetteer::Kind;
use crate::labels::{ty, NB};
use crate::model::{span_score, SCORE_TEMPERATURE};
use crate::rules::registry::steps;
use crate::rules::{equipment, misc, orgs, places, Precedence, Rule};
use crate::token::{Shape, Token};

/// The candidates of sentence `s`: the model's spans (from its BIO
/// `labels` and their scores `emis`; `propagated` holds the tokens that
/// rule `propagate` labelled, sorted), the gazetteer's matches, then the
/// candidate rules in registry order.
pub(crate) fn candidates(
    ctx: &Ctx<'_>,
    s: &[Token],
    labels: &[u8],
    emis: &[[f32; NB]],
    propagated: &[usize],
) -> Vec<Cand> {
    let mut out = Vec::new();
    model_spans(s, labels, emis, propagated, &mut out);
    gazetteer_matches(ctx, s, &mut out);
    for step in steps(ctx, false) {
        step(ctx, s, &mut out);
    }
    out
}

/// The model's spans: runs of one type, B then I; a single token that
/// `propagate` labelled is [`Source::Propagated`].
fn model_spans(
    s: &[Token],
    labels: &[u8],
    emis: &[[f32; NB]],
    propagated: &[usize],
    out: &mut Vec<Cand>,
) {
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
        if start < j {
            let source = if j == i + 1 && propagated.binary_search(&i).is_ok() {
                Source::Propagated
            } else {
                Source::Model
            };
            out.push(Cand {
                start,
                end: j,
                label,
                score,
                entry: None,
                precedence: Precedence::Model,
                needs_model: false,
                strip: None,
                of: None,
                source,
            });
        }
        i = j;
    }
}

/// The gazetteer's longest match at each token, as a candidate: the
/// entity kinds (a MISC phrase by `misc_phrase_from_gazetteer`), without
/// the entries that are only features (`gazetteer_feature_only`), with an
/// equipment family's model number (`equipment_model_number`); a weak
/// match (`city_needs_model`, `common_word_org_needs_context`) needs the
/// model's span.
fn gazetteer_matches(ctx: &Ctx<'_>, s: &[Token], out: &mut Vec<Cand>) {
    let misc_phrases = ctx.on(Rule::MiscPhraseFromGazetteer);
    let feature_only = ctx.on(Rule::GazetteerFeatureOnly);
    let mut ms = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i].shape == Shape::Punct {
            i += 1;
            continue;
        }
        ctx.gaz.matches_at(s, i, true, &mut ms);
        let best = ms
            .iter()
            .filter(|(n, e, form)| {
                (matches!(e.kind, Kind::Gpe | Kind::Loc | Kind::Org | Kind::Norp | Kind::Equip)
                    || misc_phrases && misc::misc_phrase_from_gazetteer(*n, e))
                    && !(feature_only && places::gazetteer_feature_only(e))
                    // An unsure proclitic strip (`و`+`ليد`) only for multi-word names.
                    && (*form < 2 || *n > 1 || e.kind == Kind::Gpe && e.id.starts_with("iso:"))
            })
            .max_by_key(|(n, e, form)| (*n, u8::from(*form < 2), std::cmp::Reverse(e.kind as u8)));
        let Some(&(n, e, form)) = best else {
            i += 1;
            continue;
        };
        let label = match e.kind {
            Kind::Gpe => Label::Gpe,
            Kind::Loc => Label::Loc,
            Kind::Org => Label::Org,
            Kind::Norp => Label::Norp,
            Kind::Misc => Label::Misc,
            _ => Label::Equipment,
        };
        let mut end = i + n;
        let mut source = Source::Gazetteer;
        if label == Label::Equipment
            && ctx.on(Rule::EquipmentModelNumber)
            && equipment::equipment_model_number(s.get(end))
        {
            end += 1;
            source = Source::Rule(Rule::EquipmentModelNumber);
        }
        let weak = ctx.on(Rule::CityNeedsModel) && places::city_needs_model(n, e)
            || ctx.on(Rule::CommonWordOrgNeedsContext)
                && orgs::common_word_org_needs_context(ctx, &s[i], n, e);
        out.push(Cand {
            start: i,
            end,
            label,
            score: 0.9,
            entry: Some(e),
            precedence: if weak {
                Precedence::Weak
            } else {
                Precedence::Gazetteer
            },
            needs_model: weak,
            strip: Some(s[i].clitic.sure + if form >= 2 { form - 1 } else { 0 }),
            of: None,
            source,
        });
        i = end;
    }
}
