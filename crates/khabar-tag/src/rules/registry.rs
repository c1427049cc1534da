//! The registry: every rule of the tagger in the order it runs, with its
//! family, its stage and its precedence.

use crate::candidate::{Cand, Ctx};
use crate::rules::{
    equipment, media, noise, org_names, orgs, persons, place_names, places, Family, Precedence,
    Rule, Stage,
    Stage::{Candidates, Choose, Document, Entities, Model, Spans},
};
use crate::token::Token;

/// A rule that proposes candidates or edits the chosen spans of a sentence.
pub(crate) type SentenceRule = fn(&Ctx<'_>, &[Token], &mut Vec<Cand>);

/// How the tagger calls a rule.
#[derive(Clone, Copy)]
pub(crate) enum Apply {
    /// A step of its stage: the tagger calls it in registry order, with the
    /// sentence's tokens and its candidates (stage `Candidates`) or its
    /// chosen spans (stage `Spans`).
    Step(SentenceRule),
    /// A decision inside a layer (the model's decoding, the gazetteer's
    /// matches, the choice of candidates, an entity's label, the date
    /// layer, linking): the layer calls the rule's function at that point
    /// when the rule is on.
    Within,
}

/// A rule's row in [`REGISTRY`].
pub struct RuleInfo {
    rule: Rule,
    family: Family,
    stage: Stage,
    pub(crate) apply: Apply,
}

impl RuleInfo {
    /// The rule.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Its name (`gpe_hidden_by_stop_word`).
    pub fn name(&self) -> &'static str {
        self.rule.name()
    }

    /// What it does, in one line.
    pub fn doc(&self) -> &'static str {
        self.rule.doc()
    }

    /// Its entity family, which names the module its function is in.
    pub fn family(&self) -> Family {
        self.family
    }

    /// When it acts (for a rule that proposes candidates, with their
    /// precedence).
    pub fn stage(&self) -> Stage {
        self.stage
    }
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleInfo")
            .field("rule", &self.rule)
            .field("family", &self.family)
            .field("stage", &self.stage)
            .finish_non_exhaustive()
    }
}

const fn row(rule: Rule, family: Family, stage: Stage, apply: Apply) -> RuleInfo {
    RuleInfo {
        rule,
        family,
        stage,
        apply,
    }
}

/// Every rule, in the order the tagger applies them (a test checks that
/// this is [`Rule::ALL`]'s order). How the stages fit together:
///
/// 1. `Model`: the model tags the document (pass 1, the document's
///    evidence, pass 2); `propagate` then tags the bare repeats of rare
///    names.
/// 2. `Candidates`: per sentence, the model's spans ([`Precedence::Model`]),
///    the gazetteer's longest match at each token
///    ([`Precedence::Gazetteer`]; the gates below decide which matches
///    count, how far they reach, and which are [`Precedence::Weak`] and
///    need the model's span), then each candidate step in order.
/// 3. `Choose`: weak candidates without the model's span are dropped; the
///    rest are taken longest first, then by precedence, then earliest,
///    skipping any that overlaps one taken.
/// 4. `Spans`: each step edits the chosen spans in order (organizations
///    before persons, and the noise filters last).
/// 5. `Entities`: each span gets its label and link from the gazetteer,
///    its title and its surface.
/// 6. `Document`: dates join (and win over what they overlap), keys are
///    filled in, and links are fixed over the whole document.
pub static REGISTRY: [RuleInfo; 43] = [
    row(Rule::Propagate, Family::Document, Model, Apply::Within),
    row(
        Rule::GazetteerFeatureOnly,
        Family::Places,
        Candidates(Precedence::Gazetteer),
        Apply::Within,
    ),
    row(
        Rule::MiscPhraseFromGazetteer,
        Family::Misc,
        Candidates(Precedence::Gazetteer),
        Apply::Within,
    ),
    row(
        Rule::EquipmentModelNumber,
        Family::Equipment,
        Candidates(Precedence::Gazetteer),
        Apply::Within,
    ),
    row(
        Rule::CityNeedsModel,
        Family::Places,
        Candidates(Precedence::Weak),
        Apply::Within,
    ),
    row(
        Rule::CommonWordOrgNeedsContext,
        Family::Orgs,
        Candidates(Precedence::Weak),
        Apply::Within,
    ),
    row(
        Rule::GpeHiddenByStopWord,
        Family::Places,
        Candidates(Precedence::Gazetteer),
        Apply::Step(places::gpe_hidden_by_stop_word),
    ),
    row(
        Rule::EquipmentLatinCode,
        Family::Equipment,
        Candidates(Precedence::Weak),
        Apply::Step(equipment::equipment_latin_code),
    ),
    row(Rule::OrgNamedInFull, Family::Orgs, Choose, Apply::Within),
    row(
        Rule::OrgTakesNisba,
        Family::Orgs,
        Spans,
        Apply::Step(orgs::org_takes_nisba),
    ),
    row(
        Rule::OrgHeadWithNisba,
        Family::Orgs,
        Spans,
        Apply::Step(orgs::org_head_with_nisba),
    ),
    row(
        Rule::OrgConstructState,
        Family::Orgs,
        Spans,
        Apply::Step(orgs::org_construct_state),
    ),
    row(
        Rule::OrgArmedForce,
        Family::Orgs,
        Spans,
        Apply::Step(org_names::org_armed_force),
    ),
    row(
        Rule::OrgFullName,
        Family::Orgs,
        Spans,
        Apply::Step(org_names::org_full_name),
    ),
    row(
        Rule::OrgOutletName,
        Family::Orgs,
        Spans,
        Apply::Step(media::org_outlet_name),
    ),
    row(
        Rule::OrgSeatInName,
        Family::Orgs,
        Spans,
        Apply::Step(org_names::org_seat_in_name),
    ),
    row(
        Rule::OrgAliasInBrackets,
        Family::Orgs,
        Spans,
        Apply::Step(media::org_alias_in_brackets),
    ),
    row(
        Rule::PlaceOpensDateline,
        Family::Places,
        Spans,
        Apply::Step(places::place_opens_dateline),
    ),
    row(
        Rule::PlaceAfterClassNoun,
        Family::Places,
        Spans,
        Apply::Step(place_names::place_after_class_noun),
    ),
    row(
        Rule::PlaceFeatureName,
        Family::Places,
        Spans,
        Apply::Step(place_names::place_feature_name),
    ),
    row(
        Rule::OrgDatelineOutlet,
        Family::Orgs,
        Spans,
        Apply::Step(media::org_dateline_outlet),
    ),
    row(
        Rule::EquipmentAfterTrigger,
        Family::Equipment,
        Spans,
        Apply::Step(equipment::equipment_after_trigger),
    ),
    row(
        Rule::EquipmentDesignationSuffix,
        Family::Equipment,
        Spans,
        Apply::Step(equipment::equipment_designation_suffix),
    ),
    row(
        Rule::PersonAdjacentMerge,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_adjacent_merge),
    ),
    row(
        Rule::PersonAfterTitle,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_after_title),
    ),
    row(
        Rule::PersonSplitAtConjunction,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_split_at_conjunction),
    ),
    row(
        Rule::PersonNisbaSurname,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_nisba_surname),
    ),
    row(
        Rule::PersonEndsBeforeVerb,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_ends_before_verb),
    ),
    row(
        Rule::PersonNotFromPreposition,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_not_from_preposition),
    ),
    row(
        Rule::PersonCompoundTakesSurname,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_compound_takes_surname),
    ),
    row(
        Rule::PersonSingleScript,
        Family::Persons,
        Spans,
        Apply::Step(persons::person_single_script),
    ),
    row(
        Rule::NoEntityInMarkup,
        Family::Noise,
        Spans,
        Apply::Step(noise::no_entity_in_markup),
    ),
    row(
        Rule::DropOverlong,
        Family::Noise,
        Spans,
        Apply::Step(noise::drop_overlong),
    ),
    row(
        Rule::NisbaOverCountry,
        Family::Places,
        Entities,
        Apply::Within,
    ),
    row(
        Rule::LocOrGpeByHead,
        Family::Places,
        Entities,
        Apply::Within,
    ),
    row(
        Rule::OrgLinkAfterHead,
        Family::Linking,
        Entities,
        Apply::Within,
    ),
    row(
        Rule::TitleOutsidePerson,
        Family::Persons,
        Entities,
        Apply::Within,
    ),
    row(Rule::SymbolNotName, Family::Noise, Entities, Apply::Within),
    row(
        Rule::SurnameRepeats,
        Family::Linking,
        Document,
        Apply::Within,
    ),
    row(Rule::DatesOverNames, Family::Dates, Document, Apply::Within),
    row(
        Rule::PersonLinksToFullName,
        Family::Linking,
        Document,
        Apply::Within,
    ),
    row(
        Rule::HonorificNotInKey,
        Family::Linking,
        Document,
        Apply::Within,
    ),
    row(Rule::AmmanOrOman, Family::Linking, Document, Apply::Within),
];

/// The steps of stage `Candidates` (`spans` false) or `Spans` (true) that
/// `ctx` has on, in registry order.
pub(crate) fn steps<'a>(ctx: &'a Ctx<'_>, spans: bool) -> impl Iterator<Item = SentenceRule> + 'a {
    REGISTRY
        .iter()
        .filter_map(move |r| match (r.apply, r.stage) {
            (Apply::Step(f), Spans) if spans && ctx.on(r.rule) => Some(f),
            (Apply::Step(f), Candidates(_)) if !spans && ctx.on(r.rule) => Some(f),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::REGISTRY;
    use crate::rules::{Rule, RuleSet};

    #[test]
    fn registry_lists_every_rule_once_in_order() {
        let order: Vec<Rule> = REGISTRY.iter().map(super::RuleInfo::rule).collect();
        assert_eq!(order, Rule::ALL);
        assert!(Rule::ALL.len() <= 64, "a RuleSet holds 64 switches");
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        for &r in Rule::ALL {
            assert_eq!(Rule::from_name(r.name()), Some(r));
            assert_eq!(r.source_name(), format!("rule:{}", r.name()));
        }
        let mut set = RuleSet::all();
        let err = set.set("mali", false).unwrap_err();
        assert!(err.to_string().contains("`mali`"), "{err}");
        assert!(err.to_string().contains("gpe_hidden_by_stop_word"), "{err}");
        set.set("propagate", false).unwrap();
        assert!(!set.contains(Rule::Propagate));
        assert!(!set.get("propagate").unwrap());
        assert_eq!(set.iter().count(), Rule::ALL.len() - 1);
        assert_eq!(format!("{set:?}"), "RuleSet(all but propagate)");
        assert_eq!(RuleSet::none().iter().count(), 0);
        assert_eq!(
            RuleSet::from_names_off(&["propagate"]).unwrap(),
            set,
            "from_names_off"
        );
    }
}
